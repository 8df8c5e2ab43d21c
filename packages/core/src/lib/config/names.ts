/** System and datatype names: lower-case ASCII letters and digits, starting with a letter. */
export const NAME_PATTERN = /^[a-z][a-z0-9]*$/;

/** What kind of name is checked; the wording of the explanation depends on it. */
export type NameKind = 'datatype' | 'system';

/**
 * Why `name` cannot be a system or datatype name, with a suggestion, or undefined if it is fine.
 * The rules come from the sesam tooling: pipe ids are `<system>-<datatype>-<role>` and become file
 * names, and the tools split them on '-'.
 */
export function nameProblem(kind: NameKind, name: string): string | undefined {
  if (NAME_PATTERN.test(name)) return undefined;
  const suggestion = suggestName(name);
  const instead = suggestion === '' || suggestion === name ? '' : ` (e.g. "${suggestion}")`;
  const rule = `${kind} names are lower-case ASCII letters and digits starting with a letter${instead}`;
  if (name === '') return `${kind} name is empty; ${rule}`;
  if (name.includes('-')) {
    return `${kind} name "${name}" contains '-': the sesam tooling splits pipe ids and file names (<system>-<datatype>-<role>) on '-', so the ${kind} would be cut apart; ${rule}`;
  }
  if (name.includes('/') || name.includes('\\')) {
    return `${kind} name "${name}" contains a path separator: pipe ids become file names (pipes/<id>.conf.json) and may not contain '/'; ${rule}`;
  }
  if (name.includes('.')) {
    return `${kind} name "${name}" contains '.': names become file names (templates/<datatype>.json), and '..' would point outside the folder; ${rule}`;
  }
  if (/\s/.test(name)) {
    return `${kind} name "${name}" contains whitespace: names become pipe ids and file names; ${rule}`;
  }
  if (/[A-Z]/.test(name)) {
    return `${kind} name "${name}" has upper-case letters: Sesam names are lower case by convention and file names are case-sensitive; ${rule}`;
  }
  if (/^[0-9]/.test(name)) return `${kind} name "${name}" starts with a digit; ${rule}`;
  return `${kind} name "${name}" has characters other than a-z and 0-9; ${rule}`;
}

/** The name with upper case lowered and everything but a-z/0-9 dropped, e.g. "Order-Line" → "orderline". */
export const suggestName = (name: string): string =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .replace(/^[0-9]+/, '');
