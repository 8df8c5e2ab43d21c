#!/usr/bin/env node
// `npm run review -- --base <rev> …` (see tools/review/src/options.ts for the options).
'use strict';
require('../../run-tool.cjs').runTool(require.resolve('../src/main.ts'), 'runReview');
