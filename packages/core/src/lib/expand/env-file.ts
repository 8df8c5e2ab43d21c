import { JsonObject, JsonParseError, parseJson, toCanonicalJson, type JsonValue } from '../json';
import { universalNewlines, type ConnectorSource } from './connector-source';
import { expandError, jsonErrorDetails } from './errors';

/** The file name sesam-py gives a profile's environment variables. */
export const envFileName = (profile: string): string => `${profile}-env.json`;

/**
 * `<profile>-env.json` for the expanded folder. When the connector folder has a file of that name it
 * is copied (UTF-8 with an optional BOM, any JSON value, re-written canonically, no merge);
 * otherwise it is `node-env: "test"` (whatever the profile) plus an empty string per additional
 * parameter.
 */
export function envFileContent(
  source: ConnectorSource,
  profile: string,
  additionalParameters: readonly string[],
): string {
  const name = envFileName(profile);
  const raw = source.readText(name);
  if (raw === undefined) {
    return toCanonicalJson(
      new JsonObject([
        ['node-env', 'test'],
        ...additionalParameters.map((key): [string, JsonValue] => [key, '']),
      ]),
    );
  }
  const text = universalNewlines(raw).replace(/^\uFEFF/, '');
  try {
    return toCanonicalJson(parseJson(text));
  } catch (error) {
    if (!(error instanceof JsonParseError)) throw error;
    throw expandError('EnvFileInvalid', `invalid JSON: ${error.pythonMessage}`, {
      file: name,
      ...jsonErrorDetails(error),
      hint: `fix the JSON in ${name} (it is copied into the expanded folder)`,
    });
  }
}

/** `node-metadata.conf.json`: the node's metadata with user pipes disabled. */
export const NODE_METADATA_FILE = 'node-metadata.conf.json';

export const nodeMetadataContent = (): string =>
  toCanonicalJson(
    new JsonObject([
      ['_id', 'node'],
      ['type', 'metadata'],
      ['task_manager', new JsonObject([['disable_user_pipes', true]])],
    ]),
  );
