import { failedTasks, logTail, taskError, taskOutputs } from '../src/workspace/task-log';

// Shape of `nx run-many -t build --output-style=static` on Nx 22 with two failing tasks (captured on this
// workspace's Nx with run-commands targets), with a colour code and carriage returns as a terminal may add.
const LOG = [
  '',
  ' NX   Running target build for 3 projects:',
  '',
  '- a',
  '- b',
  '- c',
  '',
  '\x1b[2m> nx run a:build\x1b[22m',
  '',
  '> echo building a; echo oops a >&2; exit 1\r',
  '\r',
  'building a',
  'oops a',
  'Warning: command "echo building a; echo oops a >&2; exit 1" exited with non-zero status code',
  '> nx run b:build:production',
  '',
  'building b',
  '',
  '> nx run c:build  [local cache]',
  '',
  'building c',
  '',
  '',
  ' NX   Running target build for 3 projects failed',
  '',
  'Failed tasks:',
  '',
  '- a:build',
  '- c:build',
  '',
].join('\n');

describe('task log', () => {
  it("splits the log into each task's output, without colours and carriage returns", () => {
    const outputs = taskOutputs(LOG);
    expect([...outputs.keys()]).toEqual(['a:build', 'b:build', 'c:build']);
    expect(outputs.get('a:build')).toBe(
      '> echo building a; echo oops a >&2; exit 1\n\nbuilding a\noops a\nWarning: command "echo building a; echo oops a >&2; exit 1" exited with non-zero status code',
    );
    expect(outputs.get('c:build')).toBe('building c');
  });

  it('keeps errors a task prints in Nx style inside its own output', () => {
    const log = [
      ' NX   Running target build for project shopify-connector:',
      '',
      '> nx run shopify-connector:build',
      '',
      " NX   Cannot find module '../validate'",
      '',
      'Require stack:',
      '- /tmp/x/packages/core/src/lib/build/validate-staged.ts',
      '',
      ' NX   Running target build for project shopify-connector failed',
      '',
      'Failed tasks:',
      '',
      '- shopify-connector:build',
    ].join('\n');
    expect(taskError(log, 'shopify-connector:build')).toBe(
      " NX   Cannot find module '../validate'\n\nRequire stack:\n- /tmp/x/packages/core/src/lib/build/validate-staged.ts",
    );
  });

  it('reads the failed tasks list', () => {
    expect([...failedTasks(LOG)]).toEqual(['a:build', 'c:build']);
    expect(failedTasks('all good')).toEqual(new Set());
  });

  it('uses the end of the log as the error when Nx failed before the task ran', () => {
    const log = ' NX   Failed to load plugin @sesam-connectors/core\n\nSyntaxError: Unexpected token\n';
    expect(taskError(log, 'x-connector:build')).toBe(
      ' NX   Failed to load plugin @sesam-connectors/core\n\nSyntaxError: Unexpected token',
    );
    expect(logTail('1\n2\n3\n\n', 2)).toBe('2\n3');
  });
});
