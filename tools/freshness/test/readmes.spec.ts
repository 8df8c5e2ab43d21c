import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  connectorReadme,
  familyMember,
  FAMILY_TABLE_END,
  FAMILY_TABLE_START,
  hasFamilyTable,
  loadConnectorConfig,
  loadTemplatePack,
  renderConnectorFiles,
  withFamilyTable,
} from '@sesam-connectors/core';
import { staleReadmes } from '../src/readmes';
import { staleReadmesReport } from '../src/report';
import type { OutputSnapshot } from '../src/snapshot';

// A workspace with Shopify's connector.json under another folder, its output as a fresh build has it.
const SHOPIFY = join(__dirname, '../../../packages/connectors/shopify/connector.json');
let root: string;
let after: OutputSnapshot;
const readmePath = () => join(root, 'packages/connectors/shopify/README.md');

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'fresh-readme-'));
  const folder = join(root, 'packages/connectors/shopify');
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'connector.json'), readFileSync(SHOPIFY));
  const files = renderConnectorFiles(loadConnectorConfig(SHOPIFY).connector, loadTemplatePack());
  files.set('.expanded/pipes/x.conf.json', 'not part of the build');
  after = new Map([
    [
      'shopify',
      { files: new Map([...files].map(([path, text]) => [path, Buffer.from(text)])), dirs: new Set() },
    ],
    ['broken', { files: new Map(), dirs: new Set() }],
  ]);
  mkdirSync(join(root, 'packages/connectors/broken'));
  writeFileSync(join(root, 'packages/connectors/broken/connector.json'), '{"system": "broken"}');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('staleReadmes', () => {
  it('passes a README whose generated section is what connector.json and the build give', () => {
    const { config } = loadConnectorConfig(SHOPIFY);
    const files = new Map(
      [...after.get('shopify')!.files]
        .filter(([p]) => !p.startsWith('.expanded/'))
        .map(([p, b]) => [p, b.toString()]),
    );
    writeFileSync(readmePath(), connectorReadme('# Mine\n\nwords\n', config, files));
    expect(staleReadmes(root, ['shopify', 'broken'], after)).toEqual([]);
  });

  it('fails a README with a stale section, without one, or missing; skips a connector.json that does not load', () => {
    expect(staleReadmes(root, ['shopify', 'broken'], after)).toEqual([
      'packages/connectors/shopify/README.md',
    ]);
    writeFileSync(readmePath(), '# Mine\n');
    expect(staleReadmes(root, ['shopify'], after)).toEqual(['packages/connectors/shopify/README.md']);
    const { config } = loadConnectorConfig(SHOPIFY);
    const files = new Map([...after.get('shopify')!.files].map(([p, b]) => [p, b.toString()]));
    files.delete('templates/webhook.json');
    writeFileSync(readmePath(), connectorReadme('# Mine\n', config, files));
    expect(staleReadmes(root, ['shopify'], after)).toEqual(['packages/connectors/shopify/README.md']);
  });

  it('reports them with the command that fixes them', () => {
    expect(staleReadmesReport(['packages/connectors/shopify/README.md'])).toBe(
      [
        'check:fresh: the generated section of 1 connector README is stale (or missing):',
        '  packages/connectors/shopify/README.md',
        '',
        "Fix: run `npx nx sync` (it writes the section between the README's generated:start/end markers, from connector.json), then commit the READMEs.",
        '',
      ].join('\n'),
    );
  });
});

describe("staleReadmes: the workspace README's family table", () => {
  const workspaceReadme = () => join(root, 'README.md');
  const shopifyFiles = () =>
    new Map(
      [...after.get('shopify')!.files]
        .filter(([p]) => !p.startsWith('.expanded/'))
        .map(([p, b]) => [p, b.toString()]),
    );
  const freshConnectorReadme = () =>
    writeFileSync(
      readmePath(),
      connectorReadme('# Mine\n', loadConnectorConfig(SHOPIFY).config, shopifyFiles()),
    );
  const EMPTY = `# Workspace\n\n${FAMILY_TABLE_START}\n${FAMILY_TABLE_END}\n`;

  it('fails a stale table and passes the one the connectors and their fresh builds give', () => {
    freshConnectorReadme();
    writeFileSync(workspaceReadme(), EMPTY);
    expect(staleReadmes(root, ['shopify', 'broken'], after)).toEqual(['README.md']);
    const member = familyMember(loadConnectorConfig(SHOPIFY).config, shopifyFiles(), true);
    writeFileSync(workspaceReadme(), withFamilyTable(EMPTY, [member]));
    expect(staleReadmes(root, ['shopify', 'broken'], after)).toEqual([]);
    // A project.json that turns the build's validation off is a fact of the table too.
    writeFileSync(
      join(root, 'packages/connectors/shopify/project.json'),
      JSON.stringify({ targets: { build: { options: { validate: false } } } }),
    );
    expect(staleReadmes(root, ['shopify', 'broken'], after)).toEqual(['README.md']);
  });

  it('checks nothing in a workspace README without the markers', () => {
    freshConnectorReadme();
    writeFileSync(workspaceReadme(), '# Workspace\n');
    expect(staleReadmes(root, ['shopify'], after)).toEqual([]);
  });

  it("is in this workspace's README", () => {
    expect(hasFamilyTable(readFileSync(join(__dirname, '../../../README.md'), 'utf8'))).toBe(true);
  });

  it('is reported with the command that fixes it', () => {
    expect(staleReadmesReport(['packages/connectors/shopify/README.md', 'README.md'])).toBe(
      [
        'check:fresh: the generated section of 2 READMEs are stale (or missing):',
        '  packages/connectors/shopify/README.md',
        '  README.md',
        '',
        "Fix: run `npx nx sync` (it writes the section between the README's generated:start/end markers, from connector.json, and README.md's family table between its family:start/end markers), then commit the READMEs.",
        '',
      ].join('\n'),
    );
  });
});
