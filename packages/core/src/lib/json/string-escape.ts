/** Everything except printable ASCII other than `"` and `\` needs an escape (per UTF-16 unit). */
const NEEDS_ESCAPE = /[^\x20\x21\x23-\x5b\x5d-\x7e]/;
const NEEDS_ESCAPE_ALL = /[^\x20\x21\x23-\x5b\x5d-\x7e]/g;

const SHORT: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

/**
 * A JSON string literal as Python writes it with `ensure_ascii=True`: short escapes for `"`, `\`,
 * \n \r \t \b \f; `\u` + 4 lowercase hex digits for every other unit outside 0x20–0x7E (so DEL is
 * \u007f, a character above U+FFFF becomes its surrogate pair, a lone surrogate stays one escape);
 * `/` is not escaped.
 */
export function quoteJsonString(value: string): string {
  if (!NEEDS_ESCAPE.test(value)) return `"${value}"`;
  return `"${value.replace(NEEDS_ESCAPE_ALL, escapeUnit)}"`;
}

function escapeUnit(unit: string): string {
  return SHORT[unit] ?? `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`;
}
