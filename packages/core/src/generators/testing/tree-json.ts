import type { Tree } from '@nx/devkit';
import { isJsonObject, parseJson, toPlainJs, type PlainJson } from '../../lib/json';

/** Test helper: a tree file parsed as plain JS (throws when missing or malformed). */
export const readTreeJson = (tree: Tree, path: string): { [key: string]: PlainJson } => {
  const text = tree.read(path, 'utf-8');
  if (text === null) throw new Error(`${path} does not exist`);
  const value = parseJson(text, path);
  if (!isJsonObject(value)) throw new Error(`${path} is not an object`);
  return toPlainJs(value) as { [key: string]: PlainJson };
};

/** Test helper: the keys of an object member, in file order. */
export const keysOf = (value: unknown): string[] =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value) : [];
