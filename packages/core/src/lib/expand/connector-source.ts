import { statSync } from 'node:fs';
import * as path from 'node:path';
import { decodeUtf8Strict, InputFileError, readInputText } from '../fs';
import { expandError, type ExpandError } from './errors';

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
      try {
        return readInputText(file, { shown: relativePath, within: root });
      } catch (error) {
        if (!(error instanceof InputFileError)) throw error;
        throw inputError(error);
      }
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

/** Strict UTF-8 decoding that keeps a BOM (as Python's `utf-8` codec does); the error names the byte offset. */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  try {
    return decodeUtf8Strict(bytes, file);
  } catch (error) {
    if (!(error instanceof InputFileError)) throw error;
    throw inputError(error);
  }
}

/** An input file refused by lib/fs (encoding, a link outside the folder) as an ExpandError. */
function inputError(error: InputFileError): ExpandError {
  const encoding = error.problem === 'encoding';
  return expandError(encoding ? 'EncodingError' : 'InputRefused', error.reason, {
    file: error.file,
    pythonType: encoding ? 'UnicodeDecodeError' : undefined,
    hint: encoding ? 'save the file as UTF-8' : 'copy the file into the connector folder',
  });
}

/** Python's universal-newline reading (text mode): `\r\n` and `\r` become `\n`. */
export const universalNewlines = (text: string): string => text.replace(/\r\n?/g, '\n');
