import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  CONNECTOR_CONFIG_FILE,
  CONNECTOR_OUTPUT_DIR,
  CONNECTORS_DIR,
  EXPANDED_DIR,
  RAW_DIR,
} from '@sesam-connectors/core/layout';
import { syntheticConnector, syntheticSystemName } from '../../bench/src/synthetic-connector';

/** A connector package to mutate: its folder name and files (package-relative path → bytes). */
export interface SeedPackage {
  readonly folder: string;
  readonly files: ReadonlyMap<string, Buffer>;
}

const filesBelow = (root: string, dir: string, skip: (path: string) => boolean): [string, Buffer][] => {
  const absolute = join(root, dir);
  let entries;
  try {
    entries = readdirSync(absolute);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = dir === '' ? name : `${dir}/${name}`;
    if (skip(path)) return [];
    return statSync(join(root, path)).isDirectory()
      ? filesBelow(root, path, skip)
      : [[path, readFileSync(join(root, path))] as [string, Buffer]];
  });
};

/** A small imported package: verbatim manifest and system template, one raw datatype. */
const IMPORTED: SeedPackage = {
  folder: 'acme',
  files: new Map(
    Object.entries({
      [CONNECTOR_CONFIG_FILE]: JSON.stringify({
        system: 'acme',
        label: 'Acme',
        datatypes: { order: { pattern: 'raw', template: 'templates/order.json' } },
        manifestFile: 'raw/manifest.json',
        systemFile: 'raw/templates/system.json',
      }),
      'raw/manifest.json': JSON.stringify({
        datatypes: { order: { template: 'templates/order.json' } },
        'system-template': 'templates/system.json',
      }),
      'raw/templates/system.json':
        '{"_id": "{{@ system @}}", "type": "system:rest", "url_pattern": "https://api.acme.test/%s"}',
      'raw/templates/order.json':
        '[{"_id": "{{@ system @}}-{{@ datatype @}}-collect", "type": "pipe", "source": {"type": "embedded", "entities": []}}]',
    }).map(([path, text]) => [path, Buffer.from(text)]),
  ),
};

/**
 * What the fuzzer mutates: every connector package of the workspace (connector.json, raw/, and its
 * committed output, so that a refused build must leave that output as it was), two synthetic ones
 * of the benchmark's shape and a small imported one.
 */
export function loadSeeds(workspaceRoot: string): SeedPackage[] {
  const connectors = join(workspaceRoot, CONNECTORS_DIR);
  const workspace = readdirSync(connectors)
    .filter((folder) => statSync(join(connectors, folder, CONNECTOR_CONFIG_FILE), { throwIfNoEntry: false }))
    .map((folder): SeedPackage => {
      const root = join(connectors, folder);
      const files = filesBelow(root, '', (path) => {
        const top = path.split('/')[0];
        return (
          path.includes(`/${EXPANDED_DIR}`) ||
          ![CONNECTOR_CONFIG_FILE, RAW_DIR, CONNECTOR_OUTPUT_DIR].includes(top!)
        );
      });
      return { folder, files: new Map(files) };
    });
  const synthetic = [0, 1].map((index): SeedPackage => ({
    folder: syntheticSystemName(index),
    files: new Map([
      [CONNECTOR_CONFIG_FILE, Buffer.from(JSON.stringify(syntheticConnector(index, 3 + index)))],
    ]),
  }));
  return [...workspace, ...synthetic, IMPORTED];
}
