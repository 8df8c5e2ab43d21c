import { readFileSync, realpathSync, statSync } from 'node:fs';
import { relative, isAbsolute } from 'node:path';

/** Why an input file (connector.json, a template, a raw file, an import source) cannot be used. */
export type InputProblem = 'missing' | 'folder' | 'outside' | 'unreadable' | 'encoding';

/** An input file that cannot be read as the user's text; `message` is `<file>: <reason>`. */
export class InputFileError extends Error {
  override readonly name = 'InputFileError';
  constructor(
    readonly file: string,
    readonly problem: InputProblem,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * The byte offset of the first byte that does not belong to a valid UTF-8 sequence (overlong
 * forms, surrogates and code points above U+10FFFF are invalid, as in Python's codec), or undefined.
 */
export function invalidUtf8Offset(bytes: Uint8Array): number | undefined {
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    // The second byte's range excludes overlongs (E0, F0), surrogates (ED) and > U+10FFFF (F4).
    const [low, high] =
      b === 0xe0
        ? [0xa0, 0xbf]
        : b === 0xed
          ? [0x80, 0x9f]
          : b === 0xf0
            ? [0x90, 0xbf]
            : b === 0xf4
              ? [0x80, 0x8f]
              : [0x80, 0xbf];
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      if (next === undefined || next < (k === 1 ? low : 0x80) || next > (k === 1 ? high : 0xbf)) return i;
    }
    i += length;
  }
  return undefined;
}

/**
 * Strict UTF-8 (a BOM kept, as Python's `utf-8` codec reads it): never a silent U+FFFD. Throws an
 * InputFileError naming `shown` and the byte offset of the first invalid byte.
 */
export function decodeUtf8Strict(bytes: Uint8Array, shown: string): string {
  try {
    return UTF8.decode(bytes);
  } catch {
    const offset = invalidUtf8Offset(bytes) ?? 0;
    const byte = bytes[offset]?.toString(16).padStart(2, '0') ?? 'end of file';
    throw new InputFileError(
      shown,
      'encoding',
      `not valid UTF-8 (byte 0x${byte} at offset ${offset}); save the file as UTF-8`,
    );
  }
}

export interface ReadInputOptions {
  /** The file as messages show it (default: the path given). */
  readonly shown?: string;
  /** The folder the file must lie in once symbolic links are resolved (the package, the source). */
  readonly within?: string;
}

const isInside = (folder: string, file: string): boolean => {
  const path = relative(folder, file);
  return path === '' || (!path.startsWith('..') && !isAbsolute(path));
};

/**
 * Reads a file the user wrote as strict UTF-8 text. Refuses, as an InputFileError that quotes
 * nothing of the file: a missing file, a folder, a symbolic link that resolves outside `within`
 * (a link in raw/ to a file elsewhere would be copied into the committed output, and Nx's cache
 * would not see that file change), an unreadable file, and bytes that are not UTF-8.
 */
export function readInputText(file: string, options: ReadInputOptions = {}): string {
  const shown = options.shown ?? file;
  let bytes: Buffer;
  try {
    if (options.within !== undefined && !isInside(realpathSync(options.within), realpathSync(file)))
      throw new InputFileError(
        shown,
        'outside',
        `is a symbolic link to a file outside ${options.within}; copy the file in instead of linking it`,
      );
    if (statSync(file).isDirectory()) throw new InputFileError(shown, 'folder', 'is a folder, not a file');
    bytes = readFileSync(file);
  } catch (error) {
    if (error instanceof InputFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputFileError(shown, 'missing', 'does not exist');
    throw new InputFileError(shown, 'unreadable', `cannot be read (${code ?? String(error)})`);
  }
  return decodeUtf8Strict(bytes, shown);
}
