/**
 * Pure comparison of two folders' files, for `download`: what the node holds (downloaded and
 * collapsed by sesam) against the committed build output.
 */

/** Relative POSIX path → file content. */
export type FileTree = ReadonlyMap<string, Buffer>;

export interface TreeChange {
  path: string;
  kind: 'added' | 'removed' | 'changed';
  /** For changed JSON files: the JSON paths whose values differ (at most `limit`); [] if only the formatting differs. */
  jsonPaths?: string[];
  /** How many JSON paths differ in total. */
  jsonPathCount?: number;
}

const MAX_JSON_PATHS = 5;

/** Files only in `downloaded` are added, only in `committed` removed, in both with other bytes changed. Sorted by path. */
export const compareTrees = (committed: FileTree, downloaded: FileTree): TreeChange[] => {
  const paths = [...new Set([...committed.keys(), ...downloaded.keys()])].sort();
  return paths.flatMap((path): TreeChange[] => {
    const before = committed.get(path);
    const after = downloaded.get(path);
    if (!before) return [{ path, kind: 'added' }];
    if (!after) return [{ path, kind: 'removed' }];
    if (before.equals(after)) return [];
    const json = path.endsWith('.json')
      ? jsonDifferences(before.toString('utf8'), after.toString('utf8'))
      : undefined;
    return [
      json
        ? { path, kind: 'changed', jsonPaths: json.slice(0, MAX_JSON_PATHS), jsonPathCount: json.length }
        : { path, kind: 'changed' },
    ];
  });
};

/** The JSON paths at which two documents differ, or undefined when either is not JSON. */
export const jsonDifferences = (a: string, b: string): string[] | undefined => {
  let left: unknown;
  let right: unknown;
  try {
    left = JSON.parse(a);
    right = JSON.parse(b);
  } catch {
    return undefined;
  }
  const out: string[] = [];
  walk(left, right, '', out);
  return out;
};

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const label = (path: string): string => (path === '' ? '$' : path.replace(/^\./, ''));

const walk = (a: unknown, b: unknown, path: string, out: string[]): void => {
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) {
      out.push(label(path));
      return;
    }
    a.forEach((item, i) => walk(item, b[i], `${path}[${i}]`, out));
    return;
  }
  if (isObject(a) && isObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const key of keys) {
      const child = /^[A-Za-z_$][\w$-]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
      if (!(key in a) || !(key in b)) out.push(label(child));
      else walk(a[key], b[key], child, out);
    }
    return;
  }
  if (a !== b) out.push(label(path));
};
