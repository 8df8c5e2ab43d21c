#!/usr/bin/env node
// `npm run fuzz` (see tools/fuzz/src/main.ts): mutated connector packages through the engine.
'use strict';
require('../../run-tool.cjs').runTool(require.resolve('../src/main.ts'), 'runFuzz');
