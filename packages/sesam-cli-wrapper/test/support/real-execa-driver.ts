// Runs one scenario with the DEFAULT runner, i.e. the real execa 9, outside Jest (Jest's CommonJS
// runtime cannot load it; plain Node 20.19+ can). Started by test/real-execa.spec.ts as
//   node -r @swc-node/register test/support/real-execa-driver.ts <scenario>
// with DRIVER_CWD (the folder to run in) and DRIVER_BINARY (the fake sesam; unset for the real one,
// which is then found through SESAM_CLI); prints one JSON line.
import { SesamCli, SesamCliError, type SesamRunResult } from '../../src';

const main = async (scenario: string) => {
  const lines: [string, string][] = [];
  const controller = new AbortController();
  const cli = new SesamCli({
    ...(process.env['DRIVER_BINARY'] ? { binary: process.env['DRIVER_BINARY'] } : {}),
    cwd: process.env['DRIVER_CWD']!,
    killGraceMs: 300,
    onLine: (line, stream) => {
      lines.push([stream, line]);
      if (scenario === 'abort' && line === 'started') controller.abort();
    },
  });
  const calls: Record<string, () => Promise<SesamRunResult>> = {
    stream: () => cli.validate({ profile: `my "prod" it's` }),
    fail: () => cli.upload({ jwt: 'eyJhbGciOiJIUzI1NiJ9.eyJ4IjoxfQ.c2lnbmF0dXJl' }),
    // long enough for the fake to start and record itself on a loaded machine
    timeout: () => cli.test({}, { timeoutMs: 2500 }),
    abort: () => cli.run({}, { signal: controller.signal }),
    'real-validate': () => cli.validate({}, { timeoutMs: 120_000 }),
  };
  const outcome = await calls[scenario]!().then(
    (result) => ({ result }),
    (error: unknown) =>
      error instanceof SesamCliError
        ? {
            error: {
              reason: error.reason,
              exitCode: error.exitCode,
              signal: error.signal,
              message: error.message,
            },
          }
        : { unexpected: String(error) },
  );
  const version = await cli.version().catch(() => undefined);
  process.stdout.write(
    `${JSON.stringify({ execa: require.resolve('execa'), version, lines, ...outcome })}\n`,
  );
};

void main(process.argv[2] ?? '');
