import { formatDownloadReport } from './download-report';

const ctx = {
  projectName: 'demo-connector',
  projectRoot: 'packages/connectors/demo',
  connectorPath: 'packages/connectors/demo/connector',
  copyDir: '/tmp/copy/connector',
  compared: 9,
};

describe('formatDownloadReport', () => {
  it('details JSON changes: formatting only, the document root, and more paths than listed', () => {
    const report = formatDownloadReport(
      [
        { path: 'manifest.json', kind: 'changed', jsonPaths: [], jsonPathCount: 0 },
        { path: 'templates/a.json', kind: 'changed', jsonPaths: ['$'], jsonPathCount: 1 },
        { path: 'templates/b.json', kind: 'changed', jsonPaths: ['a', 'b', 'c', 'd', 'e'], jsonPathCount: 8 },
        { path: 'templates/c.txt', kind: 'changed' },
      ],
      ctx,
    );
    expect(report.split('\n').slice(0, 5)).toEqual([
      'sesam download: the node differs from the committed build output in packages/connectors/demo/connector (4 of 9 files):',
      '  changed  manifest.json (formatting only)',
      '  changed  templates/a.json (at the document root)',
      '  changed  templates/b.json (at a, b, c, d, e, … 8 in all)',
      '  changed  templates/c.txt',
    ]);
  });
});
