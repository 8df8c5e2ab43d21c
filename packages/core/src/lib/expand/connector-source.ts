import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { expandError } from './errors';

/**
 * Read access to a connector folder. Paths are relative, `/`-separated; `readText` gives the file
 * decoded as strict UTF-8 (a BOM kept), throws an `ExpandError` (EncodingError) when it is not
 * UTF-8, and gives undefined when the path is not a regular file (missing, or a folder), like
 * Python's `isfile`.
 */
export interface ConnectorSource {
  /** Shown in messages (the folder path, or a label for in-memory connectors). */
  readonly label: string;
  readText(relativePath: string): string | undefined;
}

/** A connector folder on disk. */
export function diskSource(connectorDir: string): ConnectorSource {
  const root = path.resolve(connectorDir);
  return {
    label: connectorDir,
    readText(relativePath) {
      const file = path.join(root, ...relativePath.split('/'));
      try {
        if (!statSync(file).isFile()) return undefined;
      } catch {
        return undefined;
      }
      return decodeUtf8(readFileSync(file), relativePath);
    },
  };
}

/** A connector held in memory (tests, or a build that validates before writing). */
export function memorySource(
  files: Readonly<Record<string, string | Uint8Array>>,
  label = '<memory>',
): ConnectorSource {
  return {
    label,
    readText(relativePath) {
      const content = Object.prototype.hasOwnProperty.call(files, relativePath)
        ? files[relativePath]
        : undefined;
      return content === undefined || typeof content === 'string'
        ? content
        : decodeUtf8(content, relativePath);
    },
  };
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Strict UTF-8 decoding that keeps a BOM (as Python's `utf-8` codec does). */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  try {
    return UTF8.decode(bytes);
  } catch {
    throw expandError('EncodingError', 'not valid UTF-8', {
      file,
      pythonType: 'UnicodeDecodeError',
      hint: 'save the file as UTF-8',
    });
  }
}

/** Python's universal-newline reading (text mode): `\r\n` and `\r` become `\n`. */
export const universalNewlines = (text: string): string => text.replace(/\r\n?/g, '\n');
