#!/usr/bin/env node
// `npm run review -- --base <rev> …` (see tools/review/src/options.ts for the options).
'use strict';
const { loadTypeScript } = require('./load-typescript.cjs');
const { runReview } = loadTypeScript(require.resolve('../src/main.ts'));
const { InterruptedError } = require('../src/errors.ts');

// A reader that stops early (`| head`) is not an error; the run still cleans up.
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE') throw error;
});

// The first Ctrl-C (or SIGTERM) stops the builds and removes the temporary worktrees; a second one
// falls back to Node's default and ends the process at once.
const controller = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => controller.abort(new InterruptedError(signal)));
}

runReview(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  signal: controller.signal,
}).then((code) => {
  process.exitCode = code;
});
