// Shared entry for the workspace tools' bins (review, check:fresh): loads the tool's TypeScript with
// @swc-node/register (no build step; compiled with tools/tsconfig.json) and runs its main function
// with the real process: stdout/stderr, the environment, and an AbortSignal that Ctrl-C/SIGTERM fire.
'use strict';
const path = require('node:path');

const loadTypeScript = (entry) => {
  // Set only while registering, so the Nx builds these tools start do not inherit it.
  const previous = process.env.SWC_NODE_PROJECT;
  process.env.SWC_NODE_PROJECT = path.join(__dirname, 'tsconfig.json');
  try {
    require('@swc-node/register');
  } finally {
    if (previous === undefined) delete process.env.SWC_NODE_PROJECT;
    else process.env.SWC_NODE_PROJECT = previous;
  }
  return require(entry);
};

/**
 * Runs `main(argv, deps) → Promise<exit code>` exported as `exportName` by the TypeScript module `entry`.
 * The first Ctrl-C (or SIGTERM) aborts the signal, so the tool stops its builds and cleans up; a second
 * one falls back to Node's default and ends the process at once.
 */
exports.runTool = (entry, exportName) => {
  const main = loadTypeScript(entry)[exportName];
  const { InterruptedError } = loadTypeScript(path.join(__dirname, 'shared', 'src', 'errors.ts'));

  // A reader that stops early (`| head`) is not an error; the run still cleans up.
  process.stdout.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
  });

  const controller = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => controller.abort(new InterruptedError(signal)));
  }

  main(process.argv.slice(2), {
    cwd: process.cwd(),
    env: process.env,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    signal: controller.signal,
  }).then((code) => {
    process.exitCode = code;
  });
};
