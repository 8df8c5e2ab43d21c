/** A location inside a JSON document: object keys and array indexes from the root. */
export type JsonPath = readonly (string | number)[];

const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/**
 * A JSON path as messages show it: `datatypes.customer.template`, `[2].source.operation`,
 * `datatypes["my type"]`; the root is `$`.
 */
export function formatJsonPath(path: JsonPath): string {
  if (path.length === 0) return '$';
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (PLAIN_KEY.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}
