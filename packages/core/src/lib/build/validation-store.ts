import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { listFiles } from '../fs';
import { isJsonArray, isJsonObject, parseJson, toJsonText } from '../json';

/** A validation that passed (no errors), remembered for exactly the rendered files it judged. */
export interface StoredValidation {
  /** `validationKey` of what was validated: the validator's code, the label and every rendered file. */
  readonly key: string;
  /** The warnings it reported, replayed on a hit. */
  readonly warnings: readonly string[];
}

/**
 * Where builds remember validations that passed, one entry per connector (`slot`: its output
 * folder), so an entry is replaced, never accumulated. Best effort both ways: an entry that cannot
 * be read is a miss, one that cannot be written is skipped; a cache never fails a build.
 */
export interface ValidationStore {
  read(slot: string): StoredValidation | undefined;
  write(slot: string, entry: StoredValidation): void;
}

/**
 * A store of one small JSON file per connector in `dir` (the build executor uses
 * `.nx/workspace-data/sesam-connectors/validated`, so `nx reset` clears it). Each entry is written
 * to a temporary file and renamed, so a reader never sees half an entry.
 */
export function folderValidationStore(dir: string): ValidationStore {
  const fileOf = (slot: string): string => join(dir, `${sha256(slot).slice(0, 32)}.json`);
  return {
    read(slot) {
      let text: string;
      try {
        text = readFileSync(fileOf(slot), 'utf8');
      } catch {
        return undefined;
      }
      return parseEntry(text);
    },
    write(slot, entry) {
      const file = fileOf(slot);
      const temporary = `${file}.${process.pid}.tmp`;
      try {
        mkdirSync(dir, { recursive: true });
        writeFileSync(temporary, toJsonText({ key: entry.key, warnings: [...entry.warnings] }));
        renameSync(temporary, file);
      } catch {
        try {
          rmSync(temporary, { force: true });
        } catch {
          // the folder itself is unusable; nothing was written
        }
      }
    },
  };
}

function parseEntry(text: string): StoredValidation | undefined {
  try {
    const value = parseJson(text);
    if (!isJsonObject(value)) return undefined;
    const key = value.get('key');
    const warnings = value.get('warnings');
    if (typeof key !== 'string' || !isJsonArray(warnings)) return undefined;
    if (!warnings.every((warning): warning is string => typeof warning === 'string')) return undefined;
    return { key, warnings };
  } catch {
    return undefined;
  }
}

/**
 * The identity of a validation: the validator (`fingerprint`), the label its findings are shown
 * under, and every rendered file (path and text, in order). Each part is length-prefixed, so no two
 * different inputs give the same byte stream.
 */
export function validationKey(
  fingerprint: string,
  label: string,
  files: ReadonlyMap<string, string>,
): string {
  const hash = createHash('sha256');
  const part = (text: string): void => {
    hash.update(`${Buffer.byteLength(text, 'utf8')}:`);
    hash.update(text, 'utf8');
  };
  part(fingerprint);
  part(label);
  for (const [path, text] of files) {
    part(path);
    part(text);
  }
  return hash.digest('hex');
}

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

let ownFingerprint: string | undefined;

/**
 * The validator's identity: the Node.js version and a SHA-256 of this package's code (every file
 * under its `src/` but the specs, and its package.json), once per process. Any change to the
 * validator, the expander, the JSON reader, a dependency's pinned version or the runtime makes
 * every stored validation a miss.
 */
export function validatorFingerprint(): string {
  ownFingerprint ??= `${process.version}:${fingerprintOfFolder(join(__dirname, '..', '..'), [
    join(__dirname, '..', '..', '..', 'package.json'),
  ])}`;
  return ownFingerprint;
}

const SPEC_FILE = /\.spec\.[cm]?[jt]s$/;

/** SHA-256 over the paths and bytes of every file under `dir` except specs, then of `extra` files. */
export function fingerprintOfFolder(dir: string, extra: readonly string[] = []): string {
  const hash = createHash('sha256');
  const add = (name: string, file: string): void => {
    hash.update(`${name}\0`);
    hash.update(readFileSync(file));
    hash.update('\0');
  };
  for (const path of listFiles(dir, (path) => SPEC_FILE.test(path))) add(path, join(dir, path));
  for (const file of extra) {
    try {
      add(`extra:${file}`, file);
    } catch {
      hash.update(`missing:${file}\0`);
    }
  }
  return hash.digest('hex');
}
