/** A location inside a JSON document: object keys and array indexes from the root. */
export type JsonPath = readonly (string | number)[];

/** Keys printed without brackets by default: JavaScript identifiers. */
export const IDENTIFIER_KEY = /^[A-Za-z_$][\w$]*$/;

export interface JsonPathFormat {
  /** Text before the first segment (`$` gives `$.pipes[2]`); default none (`pipes[2]`). */
  readonly root?: string;
  /** Keys that print as `.key`; every other key prints as `["key"]`. Default: identifiers. */
  readonly plainKey?: RegExp;
}

/**
 * The one way paths are shown in messages: `datatypes.order.pattern`, `[2].source.operation`,
 * `datatypes["order line"]`. An empty path gives the root text (`""` by default).
 */
export function formatJsonPath(path: JsonPath, format: JsonPathFormat = {}): string {
  const { root = '', plainKey = IDENTIFIER_KEY } = format;
  let out = root;
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (plainKey.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}
