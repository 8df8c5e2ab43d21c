/** Python `str` methods whose whitespace or case rules differ from JavaScript's. */

/** Python's whitespace set (`str.isspace()`), as a regex character class body. */
export const PY_WHITESPACE =
  '\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const LEADING = new RegExp(`^[${PY_WHITESPACE}]+`);
const TRAILING = new RegExp(`[${PY_WHITESPACE}]+$`);
const RUNS = new RegExp(`[${PY_WHITESPACE}]+`);

/** `text.strip(chars)` / `lstrip` / `rstrip`; without `chars` Python whitespace is removed. */
export function pyStrip(text: string, chars: string | undefined, mode: string): string {
  const left = mode !== 'rstrip';
  const right = mode !== 'lstrip';
  if (chars === undefined) {
    let out = text;
    if (left) out = out.replace(LEADING, '');
    if (right) out = out.replace(TRAILING, '');
    return out;
  }
  const set = new Set(chars);
  const points = [...text];
  let [from, to] = [0, points.length];
  while (left && from < to && set.has(points[from])) from++;
  while (right && to > from && set.has(points[to - 1])) to--;
  return points.slice(from, to).join('');
}

/** `text.split(sep)`; without `sep`, runs of whitespace split and leading/trailing ones are ignored. */
export function pySplit(text: string, sep: string | undefined): string[] {
  if (sep === undefined) {
    const trimmed = pyStrip(text, undefined, 'strip');
    return trimmed === '' ? [] : trimmed.split(RUNS);
  }
  return text.split(sep);
}

/** `text.capitalize()`: first character upper case, the rest lower case. */
export function pyCapitalize(text: string): string {
  const [first = '', ...rest] = [...text];
  return first.toUpperCase() + rest.join('').toLowerCase();
}

const WORD_BEGINNING = new RegExp(`([-${PY_WHITESPACE}({\\[<]+)`);

/** Jinja's `title` filter: capitalise every word (words start after whitespace, `-`, and opening brackets). */
export function jinjaTitle(text: string): string {
  return text
    .split(WORD_BEGINNING)
    .filter((item) => item !== '')
    .map((item) => {
      const [first = '', ...rest] = [...item];
      return first.toUpperCase() + rest.join('').toLowerCase();
    })
    .join('');
}

const hasCased = (text: string): boolean => /[\p{Lu}\p{Ll}\p{Lt}]/u.test(text);

/** `text.islower()`: has a cased character and no upper/title-case one. */
export const pyIsLower = (text: string): boolean => hasCased(text) && !/[\p{Lu}\p{Lt}]/u.test(text);

/** `text.isupper()`: has a cased character and no lower/title-case one. */
export const pyIsUpper = (text: string): boolean => hasCased(text) && !/[\p{Ll}\p{Lt}]/u.test(text);
