import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildConnector, expandToFolder } from '@sesam-connectors/core';
import {
  datatypePatterns,
  hasWebhooks,
  REGISTRY_DATATYPE,
  syntheticConnector,
  syntheticDatatypeName,
  syntheticSystemName,
} from '../src/synthetic-connector';

type Connector = {
  system: string;
  datatypes: Record<string, { pattern: string; options?: Record<string, unknown> }>;
};

describe('synthetic connectors', () => {
  it('are the same for the same index and size', () => {
    expect(syntheticConnector(7, 10)).toEqual(syntheticConnector(7, 10));
    expect(syntheticConnector(7, 10)).not.toEqual(syntheticConnector(8, 10));
  });

  it('mix mostly collect with some webhook datatypes and one registry where there are webhooks', () => {
    const counts = { collect: 0, webhook: 0, 'webhook-registry': 0 };
    for (let i = 0; i < 30; i++) for (const pattern of datatypePatterns(i, 10)) counts[pattern]++;
    // 20 of 30 have webhooks: 1 registry + 2 webhook + 7 collect each; the other 10 are all collect.
    expect(counts).toEqual({ collect: 240, webhook: 40, 'webhook-registry': 20 });
    for (let i = 0; i < 30; i++) {
      const connector = syntheticConnector(i, 10) as Connector;
      const patterns = Object.values(connector.datatypes).map((d) => d.pattern);
      expect(patterns.includes('webhook-registry')).toBe(hasWebhooks(i, 10));
      if (hasWebhooks(i, 10))
        expect(connector.datatypes[REGISTRY_DATATYPE]?.pattern).toBe('webhook-registry');
    }
    const shares = Object.values((syntheticConnector(0, 10) as Connector).datatypes).filter(
      (d) => d.options?.['share'],
    );
    expect(shares.length).toBeGreaterThan(0);
  });

  it('have exactly M datatypes with distinct valid names, also past the word list', () => {
    const connector = syntheticConnector(3, 45) as Connector;
    const names = Object.keys(connector.datatypes);
    expect(names).toHaveLength(45);
    expect(new Set(names).size).toBe(45);
    expect(names.every((name) => /^[a-z][a-z0-9]*$/.test(name))).toBe(true);
    expect(syntheticDatatypeName(20)).toBe('customer1');
    expect(syntheticSystemName(42)).toBe('bench0042');
  });

  it('refuses a size without datatypes', () => {
    expect(() => syntheticConnector(0, 0)).toThrow(RangeError);
  });

  // Every auth variant (index mod 5), with and without webhooks (index mod 3), a single datatype,
  // and more datatypes than there are words.
  it.each([
    [0, 10],
    [1, 10],
    [2, 10],
    [3, 10],
    [4, 10],
    [5, 2],
    [6, 1],
    [7, 25],
  ])(
    'connector %i with %i datatypes builds and expands cleanly with the real engine',
    async (index, datatypes) => {
      const parent = mkdtempSync(join(tmpdir(), 'bench-synthetic-'));
      const dir = join(parent, syntheticSystemName(index));
      mkdirSync(dir);
      writeFileSync(
        join(dir, 'connector.json'),
        JSON.stringify(syntheticConnector(index, datatypes), null, 2),
      );
      const built = buildConnector(dir, { displayRoot: parent });
      expect(built.warnings).toEqual([]);
      expect(built.files).toContain('manifest.json');
      expect(built.files.filter((file) => file.startsWith('templates/'))).toHaveLength(datatypes + 1);
      const expanded = expandToFolder(built.outputDir, { outDir: '.expanded', compat: false });
      expect(expanded.findings).toEqual([]);
      expect(expanded.written).toBe(true);
    },
  );
});
