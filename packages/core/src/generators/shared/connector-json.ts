import type { Tree } from '@nx/devkit';
import {
  applyEdits,
  findNodeAtLocation,
  modify,
  parseTree,
  type FormattingOptions,
  type JSONPath,
} from 'jsonc-parser';
import { isJsonObject, JsonParseError, parseJson, USER_AUTHORED, type JsonObject } from '../../lib/json';
import { connectorConfigPath } from './connector-paths';
import { GeneratorError } from './generator-error';

/** A connector's connector.json as read from the tree: its text (to edit) and its parsed value (to inspect). */
export interface ConnectorConfigFile {
  path: string;
  text: string;
  config: JsonObject;
}

/**
 * Reads packages/connectors/<system>/connector.json. A missing file, malformed JSON or a root that is
 * not an object is a GeneratorError naming the file (and the line and column Python would report).
 */
export const readConnectorConfig = (tree: Tree, system: string, option: string): ConnectorConfigFile => {
  const path = connectorConfigPath(system);
  const text = tree.read(path, 'utf-8');
  if (text === null) {
    throw new GeneratorError(
      `${option}: there is no connector "${system}" (${path} does not exist). ` +
        `Create it with nx g @sesam-connectors/core:connector ${system}.`,
    );
  }
  let config;
  try {
    config = parseJson(text, path, USER_AUTHORED);
  } catch (error) {
    if (error instanceof JsonParseError) {
      throw new GeneratorError(`${error.message}. Fix the JSON and run the generator again.`);
    }
    throw error;
  }
  if (!isJsonObject(config)) throw new GeneratorError(`${path}: the root must be a JSON object.`);
  return { path, text, config };
};

/** The object at `key` of `parent`, undefined when absent; a GeneratorError (file + JSON path) when not an object. */
export const objectMember = (
  file: ConnectorConfigFile,
  parent: JsonObject,
  key: string,
  jsonPath: string,
) => {
  const value = parent.get(key);
  if (value === undefined) return undefined;
  if (!isJsonObject(value)) throw new GeneratorError(`${file.path}: ${jsonPath}: must be an object.`);
  return value;
};

/** The indentation and line ending the file already uses, so inserted members look like their neighbours. */
export const detectFormatting = (text: string): FormattingOptions => {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const indents = [...text.matchAll(/^([ \t]+)\S/gm)].map((m) => m[1]);
  if (indents.some((indent) => indent.startsWith('\t'))) return { insertSpaces: false, tabSize: 1, eol };
  const tabSize = indents.length > 0 ? Math.min(...indents.map((indent) => indent.length)) : 2;
  return { insertSpaces: true, tabSize, eol };
};

/** One change to connector.json: add the member at `path` (its last element is the new key) with `value`. */
export interface ConfigEdit {
  path: JSONPath;
  value: unknown;
}

const leadingWhitespace = (text: string, offset: number): string | undefined => {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  return /^[ \t]*$/.test(before) ? before : undefined;
};

/**
 * Adds one member after the last member of its parent object, laid out like that member (same
 * line indentation, the file's indent unit and line ending), touching no other byte of the file.
 * Undefined when the parent is missing, empty or written on one line: then jsonc-parser's own
 * `modify` makes the edit (it lays out the enclosing object anew).
 */
const insertAfterLastMember = (
  text: string,
  edit: ConfigEdit,
  formatting: FormattingOptions,
): string | undefined => {
  const root = parseTree(text);
  const parent = root && findNodeAtLocation(root, edit.path.slice(0, -1));
  const last = parent?.type === 'object' ? parent.children?.at(-1) : undefined;
  if (last === undefined) return undefined;
  const indent = leadingWhitespace(text, last.offset);
  if (indent === undefined) return undefined;
  const eol = formatting.eol ?? '\n';
  const unit = formatting.insertSpaces ? ' '.repeat(formatting.tabSize ?? 2) : '\t';
  const value = JSON.stringify(edit.value, null, unit).replace(/\n/g, `${eol}${indent}`);
  const member = `,${eol}${indent}${JSON.stringify(edit.path.at(-1))}: ${value}`;
  const end = last.offset + last.length;
  return text.slice(0, end) + member + text.slice(end);
};

/**
 * Applies edits to the file's text with minimal text changes: everything outside the added members —
 * key order, spacing, line breaks — stays as the user wrote it.
 */
export const applyConfigEdits = (text: string, edits: readonly ConfigEdit[]): string => {
  const formattingOptions = detectFormatting(text);
  return edits.reduce(
    (current, edit) =>
      insertAfterLastMember(current, edit, formattingOptions) ??
      applyEdits(current, modify(current, edit.path, edit.value, { formattingOptions })),
    text,
  );
};
