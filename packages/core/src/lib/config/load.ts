import { datatypePatterns, type DatatypePattern } from '@sesam-connectors/template-pack';
import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { displayPath, InputFileError, readInputText } from '../fs';
import { JsonParseError, parseJson, USER_AUTHORED, type JsonValue } from '../json';
import { problemsFromAjv } from './ajv-problems';
import { configProblems } from './checks';
import { isConfigObject, toConfigValue, toSchemaInput } from './config-value';
import { normalizeConfig } from './normalize';
import { manifestFileProblems } from './manifest-file';
import { ConnectorConfigError, formatProblem, type ConfigProblem } from './problems';
import { rawFilesNeeded, RawFileError } from './raw-files';
import { resolveConnector, type ResolvedConnector } from './resolved-connector';
import type { ConnectorConfig } from './types';
import { connectorSchemaValidator } from './schema-validator';

export interface ConnectorConfigContext {
  /** The file as messages show it. */
  readonly file: string;
  /** The package folder's name (must equal `system`). */
  readonly folder: string;
  /** Whether a file exists relative to the package folder (raw files, manifestFile). */
  readonly fileExists: (relativePath: string) => boolean;
  /**
   * The text of a verbatim file (raw files, manifestFile, systemFile) by path relative to the
   * package folder, undefined when it does not exist; throws `RawFileError` when it cannot be
   * read as it must be (strict UTF-8, no link outside the package). Without it the check reads
   * no file: the verbatim contents go unchecked and the result renders only a package that has none.
   */
  readonly readFile?: (relativePath: string) => string | undefined;
  /** The pack's datatype patterns (default: @sesam-connectors/template-pack). */
  readonly patterns?: readonly DatatypePattern[];
}

export interface LoadConnectorConfigOptions {
  /** How messages name the file (default: relative to the current directory when inside it). */
  readonly displayPath?: string;
  /** Other files (the verbatim ones) are named relative to this folder (default: the current directory). */
  readonly displayRoot?: string;
  readonly patterns?: readonly DatatypePattern[];
}

/** A valid connector.json and what the checks warn about (`<file>: <dotted.path>: <reason>` lines). */
export interface CheckedConnectorConfig {
  readonly config: ConnectorConfig;
  /** The same config resolved for the renderer (patterns, defaults, operations, verbatim files). */
  readonly connector: ResolvedConnector;
  readonly warnings: readonly string[];
}

/**
 * Reads, parses and checks `<package>/connector.json` (see `checkConnectorConfig`). Throws
 * `ConnectorConfigError` listing every problem as `<file>: <dotted.path>: <reason>`.
 */
export function loadConnectorConfig(
  file: string,
  options: LoadConnectorConfigOptions = {},
): CheckedConnectorConfig {
  const absolute = resolve(file);
  const shown = options.displayPath ?? displayPath(absolute);
  let text: string;
  try {
    text = readInputText(absolute, { shown });
  } catch (error) {
    if (!(error instanceof InputFileError)) throw error;
    const message =
      error.problem === 'missing'
        ? 'file not found: every connector package needs a connector.json'
        : error.reason;
    throw new ConnectorConfigError(shown, [{ path: [], message }]);
  }
  let parsed: JsonValue;
  try {
    parsed = parseJson(text, undefined, USER_AUTHORED);
  } catch (error) {
    if (error instanceof JsonParseError) {
      throw new ConnectorConfigError(shown, [{ path: [], message: `not valid JSON: ${error.message}` }]);
    }
    throw error;
  }
  const packageDir = dirname(absolute);
  return checkConnectorConfig(parsed, {
    file: shown,
    folder: basename(packageDir),
    fileExists: (path) => existsSync(join(packageDir, path)),
    readFile: (path) => readPackageFile(packageDir, path, options.displayRoot),
    patterns: options.patterns,
  });
}

/**
 * A verbatim file of the package as strict UTF-8 text (so that writing the text back gives the
 * same bytes), refusing a link that leads outside the package; undefined when it does not exist
 * (connector.json's checks decide whether that is an error: a raw template the verbatim manifest
 * of an import names may be missing).
 */
function readPackageFile(
  packageDir: string,
  path: string,
  displayRoot: string | undefined,
): string | undefined {
  const file = join(packageDir, path);
  try {
    return readInputText(file, { shown: displayPath(file, displayRoot), within: packageDir });
  } catch (error) {
    if (!(error instanceof InputFileError)) throw error;
    if (error.problem === 'missing') return undefined;
    throw new RawFileError(error.message);
  }
}

/**
 * The one check of a parsed connector.json: the JSON schema first, then the checks it cannot
 * express; returns the normalised config (defaults applied) and the warnings.
 */
export function checkConnectorConfig(
  parsed: JsonValue,
  context: ConnectorConfigContext,
): CheckedConnectorConfig {
  const patterns = context.patterns ?? datatypePatterns;
  const plain = toSchemaInput(parsed);
  const validate = connectorSchemaValidator(patterns);
  if (!validate(plain)) {
    throw new ConnectorConfigError(context.file, problemsFromAjv(validate.errors ?? [], plain, parsed));
  }
  const value = toConfigValue(parsed);
  if (!isConfigObject(value)) throw new Error('unreachable: the schema requires an object');
  const config = normalizeConfig(value, patterns);
  const { errors, warnings, operations } = configProblems(config, { ...context, patterns });
  if (errors.length > 0) throw new ConnectorConfigError(context.file, errors);
  const rawFiles = readVerbatimFiles(config, context);
  const connector = resolveConnector(config, patterns, operations, rawFiles);
  const mismatch = verbatimContentProblems(connector);
  if (mismatch.length > 0) throw new ConnectorConfigError(context.file, mismatch);
  checkRawTemplatesParse(connector);
  return { config, connector, warnings: warnings.map((warning) => formatProblem(context.file, warning)) };
}

/** The verbatim files the package has (one that does not exist is left out, see `readPackageFile`). */
function readVerbatimFiles(config: ConnectorConfig, context: ConnectorConfigContext): Map<string, string> {
  const files = new Map<string, string>();
  for (const path of rawFilesNeeded(config)) {
    const text = context.readFile?.(path);
    if (text !== undefined) files.set(path, text);
  }
  return files;
}

/** A verbatim manifest must parse and agree with connector.json (its datatypes, its system-template). */
function verbatimContentProblems(connector: ResolvedConnector): ConfigProblem[] {
  const file = connector.config.manifestFile;
  if (file === undefined) return [];
  const text = connector.rawFiles.get(file);
  if (text === undefined) return []; // the renderer names it: the caller gave no such file
  return manifestFileProblems(connector.config, text, connector.manifestDatatypes, connector.systemTemplate);
}

/** Raw templates must be JSON (sesam validate json-loads every datatype template before rendering). */
function checkRawTemplatesParse(connector: ResolvedConnector): void {
  for (const template of connector.templates) {
    if (template.kind !== 'raw') continue;
    const text = connector.rawFiles.get(template.source);
    if (text === undefined) continue; // the renderer names it: the caller gave no such file
    try {
      parseJson(text, template.source);
    } catch (error) {
      if (error instanceof JsonParseError)
        throw new RawFileError(`${template.source}: not valid JSON: ${error.pythonMessage}`);
      throw error;
    }
  }
}
