import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { WORKSPACE_ROOT } from './connector-fixtures';

/**
 * The corpus of real connectors the conformance suites read in place (never written):
 * `../shared/corpus/<system>@<branch>/` beside the repository, each folder with `expected-expanded/`
 * (what `sesam expand` wrote) or `expected-error.txt` (what it raised).
 */
export const CORPUS_ROOT = join(WORKSPACE_ROOT, '..', 'shared', 'corpus');

/** `CORPUS_ROOT/<parts…>`; throws, saying where it looked, when the corpus is not there. */
export function corpusPath(...parts: string[]): string {
  if (!existsSync(CORPUS_ROOT)) {
    throw new Error(
      `the corpus of real connectors is not at ${CORPUS_ROOT}: the conformance suites read ` +
        '../shared/corpus beside the repository (read-only); put it there',
    );
  }
  return join(CORPUS_ROOT, ...parts);
}

/** Every corpus folder, sorted. */
export const corpusFolders = (): string[] => readdirSync(corpusPath()).sort();

/** The folders `sesam expand` succeeded on (they have `expected-expanded/`), sorted. */
export const expandingFolders = (): string[] =>
  corpusFolders().filter((folder) => existsSync(corpusPath(folder, 'expected-expanded')));

/** The folders `sesam expand` failed on (they have `expected-error.txt`), sorted. */
export const failingFolders = (): string[] =>
  corpusFolders().filter((folder) => existsSync(corpusPath(folder, 'expected-error.txt')));
