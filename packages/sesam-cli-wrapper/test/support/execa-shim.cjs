// Jest (CommonJS, Node 20) cannot load ESM-only execa 9, so jest.config.cjs maps `execa` to this
// stand-in (../shared/docs/nx-notes.md §1.5, approach G). It implements only what src/runner/execa-runner.ts uses,
// with execa's semantics: no shell, generator transforms called once per line, `timeout` and
// `cancelSignal` send `killSignal` then SIGKILL after `forceKillAfterDelay`, `reject: false`
// results. test/real-execa.spec.ts runs the same runner against the real execa.
'use strict';
const { spawn } = require('node:child_process');

function execa(file, args, options) {
  const child = spawn(file, args, {
    cwd: options.cwd,
    env: options.env,
    shell: false,
    windowsHide: true,
    stdio: [options.stdin === 'inherit' ? 'inherit' : 'ignore', 'pipe', 'pipe'],
  });
  const state = { timedOut: false, isCanceled: false };
  const stop = () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill(options.killSignal ?? 'SIGTERM');
    const force = setTimeout(
      () => child.exitCode === null && child.signalCode === null && child.kill('SIGKILL'),
      options.forceKillAfterDelay ?? 5000,
    );
    child.once('close', () => clearTimeout(force));
  };
  const timer = options.timeout
    ? setTimeout(() => ((state.timedOut = true), stop()), options.timeout)
    : undefined;
  const onAbort = () => ((state.isCanceled = true), stop());
  if (options.cancelSignal) {
    if (options.cancelSignal.aborted) queueMicrotask(onAbort);
    else options.cancelSignal.addEventListener('abort', onAbort, { once: true });
  }
  const collect = (stream, transforms) => {
    const lines = [];
    let pending = '';
    const emit = (line) => {
      for (const transform of transforms ?? []) for (const out of transform(line)) lines.push(out);
    };
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => {
      const parts = (pending + chunk).split(/\r?\n/);
      pending = parts.pop();
      parts.forEach(emit);
    });
    return () => {
      if (pending !== '') emit(pending);
      return lines.join('\n');
    };
  };
  const stdout = collect(child.stdout, options.stdout);
  const stderr = collect(child.stderr, options.stderr);
  const done = new Promise((resolve) => {
    const finish = (fields) => {
      clearTimeout(timer);
      options.cancelSignal?.removeEventListener('abort', onAbort);
      resolve({ stdout: stdout(), stderr: stderr(), ...state, ...fields });
    };
    child.once('error', (error) =>
      finish({
        failed: true,
        exitCode: undefined,
        signal: undefined,
        code: error.code,
        shortMessage: error.message,
      }),
    );
    child.once('close', (code, signal) =>
      finish({
        failed: code !== 0,
        exitCode: code ?? undefined,
        signal: signal ?? undefined,
        code: undefined,
      }),
    );
  });
  return Object.assign(done, { pid: child.pid });
}

module.exports = { execa };
