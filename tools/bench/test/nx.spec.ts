import { taskCounts } from '../src/nx';

// Closing lines as Nx 22.7.8 prints them with --output-style=static.
describe('taskCounts', () => {
  it('reads a run where every task came from the cache', () => {
    const output =
      '> nx run bench0001-connector:build  [local cache]\n\n NX   Successfully ran target build for 200 projects\n\n' +
      'Nx read the output from the cache instead of running the command for 200 out of 200 tasks.\n';
    expect(taskCounts(output)).toEqual({ total: 200, cached: 200 });
  });

  it('reads a run where every task ran', () => {
    expect(taskCounts('\n NX   Successfully ran target build for 6 projects\n\n')).toEqual({
      total: 6,
      cached: 0,
    });
  });

  it('reads a single project run', () => {
    expect(taskCounts(' NX   Successfully ran target build for project bench0000-connector\n')).toEqual({
      total: 1,
      cached: 0,
    });
    expect(
      taskCounts(
        ' NX   Successfully ran target build for project bench0000-connector\n\n' +
          'Nx read the output from the cache instead of running the command for 1 out of 1 tasks.\n',
      ),
    ).toEqual({ total: 1, cached: 1 });
  });

  it('gives nothing for output without the summary (a run cut short)', () => {
    expect(taskCounts('> nx run bench0001-connector:build  [local cache]\n')).toBeUndefined();
  });
});
