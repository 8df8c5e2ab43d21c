#!/usr/bin/env node
// `npm run check:fresh` (see tools/freshness/src/main.ts).
'use strict';
const { loadTypeScript } = require('../../review/bin/load-typescript.cjs');
const { runFreshness } = loadTypeScript(require.resolve('../src/main.ts'));
const { InterruptedError } = require('../../review/src/errors.ts');

// A reader that stops early (`| head`) is not an error; the run still cleans up.
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE') throw error;
});

// Ctrl-C stops the build; the output folders are then put back before the process ends.
const controller = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => controller.abort(new InterruptedError(signal)));
}

runFreshness(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  signal: controller.signal,
}).then((code) => {
  process.exitCode = code;
});
