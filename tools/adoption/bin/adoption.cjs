#!/usr/bin/env node
// `npm run adoption -- [<connector dir>…] [--all] [--format text|markdown|json]` (see tools/adoption/src/options.ts).
'use strict';
require('../../run-tool.cjs').runTool(require.resolve('../src/main.ts'), 'runAdoption');
