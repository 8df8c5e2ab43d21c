import { CONNECTOR_CONFIG_FILE } from '@sesam-connectors/core/layout';
import type { Random } from './random';
import type { SeedPackage } from './seeds';

/** One fuzz case: the package files to build, and what was done to the seed (for the report). */
export interface FuzzCase {
  readonly index: number;
  readonly seed: number;
  readonly folder: string;
  readonly files: ReadonlyMap<string, Buffer>;
  readonly mutations: readonly string[];
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A JSON text spliced in verbatim where a string `RAW<n>` stands (NaN, 1e400, 2^64: not JS numbers). */
const RAW_VALUES = [
  'NaN',
  'Infinity',
  '-Infinity',
  '1e400',
  '-1e400',
  '18446744073709551616',
  '1.0',
  '1e2',
  '-0',
];

/** Values that broke engines before: limits, encodings, paths, Jinja that runs away. */
const VALUES: readonly Json[] = [
  0,
  -1,
  2.5,
  2 ** 53,
  '',
  ' ',
  'x'.repeat(300),
  'd'.repeat(10_000),
  'æøå',
  '\u0000',
  '\u001b[2J',
  '../../etc/passwd',
  'a/b',
  'A-B',
  '{{@ system @}}',
  '{{@ nosuchvariable @}}',
  "{{@ 'a' * 999999999 @}}",
  '{{% for i in range(99999999) %}}x{{% endfor %}}',
  '{{% for i in range(3000) %}}{{% for j in range(3000) %}}{{% endfor %}}{{% endfor %}}',
  '{{@ 2 ** 99999999 @}}',
  '{{@',
  '{% if %}',
  '"},{"_id":"x',
  null,
  true,
  [],
  {},
  [[[[[[[[[[[]]]]]]]]]]],
];

const KEYS = [
  '',
  'd'.repeat(250),
  'd'.repeat(10_000),
  'Order',
  'order-line',
  'a.b',
  '..',
  '__proto__',
  'constructor',
  'webhook',
  'system',
  '0',
];

/** Every value's path in the tree (root excluded). */
function paths(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [];
  const children = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return children.flatMap(([key, child]) => [[...prefix, key], ...paths(child, [...prefix, key])]);
}

const parentOf = (root: Json, path: (string | number)[]): { [key: string]: Json } | Json[] => {
  let node = root;
  for (const key of path.slice(0, -1)) node = (node as { [key: string]: Json })[key as string]!;
  return node as { [key: string]: Json } | Json[];
};

/** A structural mutation of connector.json; returns what it did. */
function mutateTree(root: { [key: string]: Json }, random: Random, raw: string[]): string {
  const all = paths(root);
  const path = all.length ? random.pick(all) : ['system'];
  const parent = parentOf(root, path);
  const key = path[path.length - 1]!;
  const where = path.map(String).join('.').slice(0, 60);
  switch (random.below(5)) {
    case 0: {
      const text = random.pick(RAW_VALUES);
      raw.push(text);
      (parent as { [k: string]: Json })[key as string] = `RAW${raw.length - 1}`;
      return `${where} = ${text}`;
    }
    case 1:
    case 2: {
      const value = random.pick(VALUES);
      (parent as { [k: string]: Json })[key as string] = value;
      return `${where} = ${JSON.stringify(value).slice(0, 40)}`;
    }
    case 3:
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key as string];
      return `delete ${where}`;
    default: {
      if (Array.isArray(parent)) return 'noop';
      const name = random.pick(KEYS);
      const value = parent[key as string]!;
      delete parent[key as string];
      Object.defineProperty(parent, name, { value, enumerable: true, writable: true, configurable: true });
      return `rename ${where} → ${JSON.stringify(name).slice(0, 30)}`;
    }
  }
}

/** A byte-level mutation of a text: a duplicate key, invalid UTF-8, a flipped or cut byte. */
function mutateBytes(bytes: Buffer, random: Random): [Buffer, string] {
  const at = random.below(bytes.length + 1);
  switch (random.below(5)) {
    case 0: {
      const brace = bytes.indexOf('{', at) >= 0 ? bytes.indexOf('{', at) : bytes.indexOf('{');
      if (brace < 0) return [bytes, 'noop'];
      const key = Buffer.from('"label": "dup", "label": "again", ');
      return [
        Buffer.concat([bytes.subarray(0, brace + 1), key, bytes.subarray(brace + 1)]),
        `duplicate key at ${brace}`,
      ];
    }
    case 1:
      return [
        Buffer.concat([
          bytes.subarray(0, at),
          Buffer.from([random.pick([0xff, 0xfe, 0xc3, 0xed, 0x80])]),
          bytes.subarray(at),
        ]),
        `invalid UTF-8 at ${at}`,
      ];
    case 2: {
      const copy = Buffer.from(bytes);
      if (at < copy.length) copy[at] = random.below(256);
      return [copy, `byte ${at} changed`];
    }
    case 3:
      return [bytes.subarray(0, at), `cut at ${at}`];
    default:
      return [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]), 'BOM'];
  }
}

/**
 * Case `index`: a seed package with one to three mutations of its connector.json (mostly
 * structural, sometimes on the bytes) or, for packages with raw files, of one raw file.
 */
export function makeCase(
  seeds: readonly SeedPackage[],
  random: Random,
  index: number,
  seed: number,
): FuzzCase {
  const source = random.pick(seeds);
  const files = new Map(source.files);
  const mutations: string[] = [];
  const rawFiles = [...files.keys()].filter((path) => path.startsWith('raw/'));
  const target = rawFiles.length > 0 && random.below(4) === 0 ? random.pick(rawFiles) : CONNECTOR_CONFIG_FILE;
  let bytes = files.get(target)!;
  const count = 1 + random.below(3);
  for (let i = 0; i < count; i++) {
    if (random.below(4) === 0) {
      const [mutated, what] = mutateBytes(bytes, random);
      bytes = mutated;
      mutations.push(`${target}: ${what}`);
      continue;
    }
    let tree: Json;
    try {
      tree = JSON.parse(bytes.toString('utf8')) as Json;
    } catch {
      continue; // already not JSON: byte mutations only
    }
    if (tree === null || typeof tree !== 'object' || Array.isArray(tree)) continue;
    const raw: string[] = [];
    mutations.push(`${target}: ${mutateTree(tree, random, raw)}`);
    const text = JSON.stringify(tree, null, 2).replace(/"RAW(\d+)"/g, (_, n: string) => raw[Number(n)]!);
    bytes = Buffer.from(text);
  }
  files.set(target, bytes);
  return { index, seed, folder: source.folder, files, mutations };
}
