import { datatypePatterns, type DatatypePattern } from '@sesam-connectors/template-pack';
import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { displayPath, InputFileError, readInputText } from '../fs';
import { JsonParseError, parseJson, USER_AUTHORED, type JsonValue } from '../json';
import { problemsFromAjv } from './ajv-problems';
import { configProblems } from './checks';
import { isConfigObject, toConfigValue, toSchemaInput } from './config-value';
import { normalizeConfig } from './normalize';
import { ConnectorConfigError, formatProblem } from './problems';
import type { ConnectorConfig } from './types';
import { connectorSchemaValidator } from './schema-validator';

export interface ConnectorConfigContext {
  /** The file as messages show it. */
  readonly file: string;
  /** The package folder's name (must equal `system`). */
  readonly folder: string;
  /** Whether a file exists relative to the package folder (raw files, manifestFile). */
  readonly fileExists: (relativePath: string) => boolean;
  /** The pack's datatype patterns (default: @sesam-connectors/template-pack). */
  readonly patterns?: readonly DatatypePattern[];
}

export interface LoadConnectorConfigOptions {
  /** How messages name the file (default: relative to the current directory when inside it). */
  readonly displayPath?: string;
  readonly patterns?: readonly DatatypePattern[];
}

/** A valid connector.json and what the checks warn about (`<file>: <dotted.path>: <reason>` lines). */
export interface CheckedConnectorConfig {
  readonly config: ConnectorConfig;
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
    patterns: options.patterns,
  });
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
  const config = normalizeConfig(value);
  const { errors, warnings } = configProblems(config, { ...context, patterns });
  if (errors.length > 0) throw new ConnectorConfigError(context.file, errors);
  return { config, warnings: warnings.map((warning) => formatProblem(context.file, warning)) };
}
