#!/usr/bin/env node
// The pull-request workflow's comment builder (see tools/ci/src/main.ts).
'use strict';
require('../../run-tool.cjs').runTool(require.resolve('../src/main.ts'), 'runPrComment');
