#!/usr/bin/env node
// `npm run check:fresh` (see tools/freshness/src/main.ts): the output folders are put back before
// the process ends, also on Ctrl-C.
'use strict';
require('../../run-tool.cjs').runTool(require.resolve('../src/main.ts'), 'runFreshness');
