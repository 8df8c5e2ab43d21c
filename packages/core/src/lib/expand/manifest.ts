import { isJsonNumber, JsonObject, JsonParseError, parseJson, type JsonValue } from '../json';
import { universalNewlines, type ConnectorSource } from './connector-source';
import { MANIFEST_FILE } from '../layout';
import { expandError, jsonErrorDetails } from './errors';

/** One datatype of the manifest, in manifest key order. */
export interface ManifestDatatype {
  readonly name: string;
  /** The `template` path exactly as written. */
  readonly template: string;
  /** `parameters`, when the key is present. */
  readonly parameters: JsonObject | undefined;
  /** Whether the entry has a `parent` key (any value, even null or ""), and its value. */
  readonly hasParent: boolean;
  readonly parent: JsonValue;
}

/**
 * Reads `manifest.json` as sesam-py does (text mode, so `\r\n` → `\n`; a BOM is a JSON error) and
 * checks the top-level structure expand relies on.
 */
export function readManifest(source: ConnectorSource): JsonObject {
  const text = source.readText(MANIFEST_FILE);
  if (text === undefined) {
    throw expandError('ManifestNotFound', `no ${MANIFEST_FILE} in ${source.label}`, {
      file: MANIFEST_FILE,
      pythonType: 'FileNotFoundError',
      hint: 'run the command in (or pass) a connector folder: one that holds manifest.json and templates/',
    });
  }
  let manifest: JsonValue;
  try {
    manifest = parseJson(universalNewlines(text));
  } catch (error) {
    if (!(error instanceof JsonParseError)) throw error;
    throw expandError('ManifestInvalid', `invalid JSON: ${error.pythonMessage}`, {
      file: MANIFEST_FILE,
      ...jsonErrorDetails(error),
      hint: 'fix the JSON syntax at that position',
    });
  }
  if (!(manifest instanceof JsonObject))
    throw invalid([], 'the manifest must be a JSON object', 'wrap the manifest in { … }');
  return manifest;
}

/** `additional_parameters` keys (a missing key means none; anything but an object is an error). */
export function additionalParameterNames(manifest: JsonObject): string[] {
  if (!manifest.has('additional_parameters')) return [];
  const value = manifest.get('additional_parameters');
  if (!(value instanceof JsonObject)) {
    throw invalid(
      ['additional_parameters'],
      'must be an object',
      'use { "<name>": {} } per parameter, or {} for none',
    );
  }
  return [...value.keys()];
}

/** The system template path, or undefined when `system-template` is missing or falsy (no system output). */
export function manifestSystemTemplate(manifest: JsonObject): string | undefined {
  const value = manifest.get('system-template');
  if (!isTruthyFlag(value)) return undefined;
  if (typeof value !== 'string')
    throw invalid(['system-template'], 'must be a template path string', 'e.g. "templates/system.json"');
  return value;
}

export function readManifestDatatypes(manifest: JsonObject): ManifestDatatype[] {
  const entries = manifest.get('datatypes');
  if (!(entries instanceof JsonObject)) {
    throw invalid(
      ['datatypes'],
      entries === undefined ? 'is missing' : 'must be an object',
      'add "datatypes": { "<name>": { "template": "templates/<name>.json" } }',
    );
  }
  return [...entries].map(([name, entry]) => readDatatype(name, entry));
}

function readDatatype(name: string, entry: JsonValue): ManifestDatatype {
  if (!(entry instanceof JsonObject))
    throw invalid(['datatypes', name], 'must be an object', 'give it at least a "template" path');
  const template = entry.get('template');
  if (template === undefined)
    throw invalid(['datatypes', name, 'template'], 'is missing', `add "template": "templates/${name}.json"`);
  if (typeof template !== 'string')
    throw invalid(['datatypes', name, 'template'], 'must be a path string', `e.g. "templates/${name}.json"`);
  const parameters = entry.get('parameters');
  if (parameters !== undefined && !(parameters instanceof JsonObject)) {
    throw invalid(
      ['datatypes', name, 'parameters'],
      'must be an object',
      'use { "<name>": "<value>" }, or leave the key out',
    );
  }
  return { name, template, parameters, hasParent: entry.has('parent'), parent: entry.get('parent') ?? null };
}

/** A truthy manifest flag, with Python truthiness (`"false"` counts as true; 0, false, "" do not). */
export function isTruthyFlag(value: JsonValue | undefined): boolean {
  if (value === undefined || value === null || value === false || value === '' || isZero(value)) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (value instanceof JsonObject) return value.size > 0;
  return true;
}

const isZero = (value: JsonValue): boolean => isJsonNumber(value) && value.toNumber() === 0;

const invalid = (jsonPath: (string | number)[], reason: string, hint: string) =>
  expandError('ManifestInvalid', `${reason} (${hint})`, { file: MANIFEST_FILE, jsonPath, hint });
