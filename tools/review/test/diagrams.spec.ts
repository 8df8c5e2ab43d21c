import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkConnectorConfig, loadTemplatePack, renderConnectorFiles } from '@sesam-connectors/core';
import { parseJson, USER_AUTHORED } from '@sesam-connectors/core/json';
import { parseMermaid } from '@sesam-connectors/core/testing';
import { compareRevisions } from '../src/compare/compare-revisions';
import type { RevisionBuild } from '../src/compare/types';
import { changedDatatypeDiagrams } from '../src/render/diagrams';
import { renderMarkdown } from '../src/render/markdown';

// Shopify as committed (base) and with order's share turned off and customer's interval changed (head).
const SHOPIFY = join(__dirname, '../../../packages/connectors/shopify/connector.json');
const pack = loadTemplatePack();
const render = (options: Record<string, Record<string, unknown>> = {}) => {
  const connector = JSON.parse(readFileSync(SHOPIFY, 'utf8')) as {
    datatypes: Record<string, { options?: Record<string, unknown> }>;
  };
  for (const [name, changed] of Object.entries(options)) {
    const datatype = connector.datatypes[name]!;
    datatype.options = { ...datatype.options, ...changed };
  }
  const checked = checkConnectorConfig(parseJson(JSON.stringify(connector), SHOPIFY, USER_AUTHORED), {
    file: SHOPIFY,
    folder: 'shopify',
    fileExists: () => false,
  });
  return Object.fromEntries(renderConnectorFiles(checked.connector, pack));
};
const side = (ref: string, files: Record<string, string> | undefined): RevisionBuild => ({
  ref,
  commit: ref.padEnd(40, '0'),
  connectors: { shopify: { system: 'shopify', ...(files ? { files } : { buildError: 'failed' }) } },
  notes: [],
});
const base = side('main', render());
const head = side('work tree', render({ order: { share: false }, customer: { scheduleInterval: 60 } }));
const diagrams = changedDatatypeDiagrams(base, head, ['shopify']);

describe('changedDatatypeDiagrams', () => {
  it('draws only the changed datatypes, with the changes marked, and Mermaid parses them', () => {
    expect(diagrams.map((d) => [d.datatype, d.status])).toEqual([
      ['customer', 'changed'],
      ['order', 'changed'],
    ]);
    const [customer, order] = parseMermaid(diagrams.map((d) => d.mermaid)).map((r) => {
      if ('error' in r) throw new Error(r.error);
      return r;
    });
    expect(customer.vertices.map((v) => v.text)).toContain('all (changed)');
    expect(order.vertices.map((v) => v.text)).toEqual(expect.arrayContaining(['share (removed)', 'collect']));
    // collect's hop into the share dataset now comes from a dataset no pipe writes
    expect(order.edges.map((e) => e.text)).toEqual(
      expect.arrayContaining(['hops (added)', 'hops (removed)']),
    );
    expect(order.edges.map((e) => e.text)).toContain(
      'order-delete, order-insert, order-lookup, order-update (removed)',
    );
    expect(order.classes).toEqual(expect.arrayContaining(['changed', 'removed']));
  });

  it("marks a new connector's datatypes as added, and leaves out a connector that failed at one side", () => {
    const added = changedDatatypeDiagrams(side('main', undefined), head, ['shopify']);
    expect(added).toEqual([]);
    const none: RevisionBuild = { ...base, connectors: {} };
    expect(changedDatatypeDiagrams(none, head, ['shopify']).map((d) => d.status)).toEqual([
      'added',
      'added',
      'added',
      'added',
    ]);
    expect(changedDatatypeDiagrams(base, base, ['shopify'])).toEqual([]);
  });
});

describe('the markdown review', () => {
  const report = compareRevisions(base, head, { expanded: false });

  it("shows each changed datatype's diagram in a mermaid block", () => {
    const md = renderMarkdown(report, { diagrams });
    expect(md).toContain('#### Data flow of the changed datatypes\n');
    expect(md).toContain(`**shopify · order** (changed)\n\n\`\`\`mermaid\n${diagrams[1].mermaid}\`\`\`\n`);
    expect(md).not.toContain('Cut to fit');
  });

  it('shows a diagram compactly, and says so, when it does not fit the size cap', () => {
    const md = renderMarkdown(report, { diagrams, maxChars: 1_500 + 1_600 });
    expect(md).toContain('**shopify · customer** (changed)\n\n```mermaid\n');
    expect(md).toContain('**shopify · order** (changed): _diagram left out to fit the comment size._');
    expect(md).toMatch(
      /Cut to fit [\d,]+ characters: left out the diffs and details of shopify · order \(diagram\)\./,
    );
  });
});
