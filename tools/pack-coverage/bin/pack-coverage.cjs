#!/usr/bin/env node
// `npm run pack-coverage -- [<connector dir>…] [--all] [--top N] [--format text|markdown]` (see tools/pack-coverage/src/options.ts).
'use strict';
require('../../run-tool.cjs').runTool(require.resolve('../src/main.ts'), 'runPackCoverage');
