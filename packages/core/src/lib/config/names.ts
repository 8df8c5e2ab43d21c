import { SYSTEM_TEMPLATE_PATH } from '@sesam-connectors/template-pack';
import { TEMPLATES_DIR } from '../layout';

/** System and datatype names: lower-case ASCII letters and digits, starting with a letter. */
export const NAME_PATTERN = /^[a-z][a-z0-9]*$/;

/**
 * A legacy datatype name an imported package (one with `manifestFile`) may keep, with a warning: it
 * breaks the naming rule only with '-', '_' or upper case — nothing that changes a path (no '/', '\\',
 * '.', whitespace) and a leading letter.
 */
export const isLegacyDatatypeName = (name: string): boolean => /^[A-Za-z][A-Za-z0-9_-]*$/.test(name);

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

/**
 * Why a datatype's name collides with a file the build writes, or undefined. `system` is refused
 * whatever the pattern (a pattern datatype's template, templates/system.json, is the system
 * template); `systemTemplate` also catches a verbatim system template (systemFile) at
 * `templates/<name>.json` when the datatype renders its own template there.
 */
export function datatypeNameCollision(
  name: string,
  ownTemplate: string | undefined,
  systemTemplate: string = SYSTEM_TEMPLATE_PATH,
): string | undefined {
  const template = ownTemplate ?? `${TEMPLATES_DIR}/${name}.json`;
  if (!RESERVED_DATATYPE_NAMES.has(name) && ownTemplate !== systemTemplate) return undefined;
  return `"${name}" cannot be a datatype name: its template would be ${template}, which is the system template; choose another name`;
}

/** Datatype names no connector may use (see datatypeNameCollision). */
const RESERVED_DATATYPE_NAMES: ReadonlySet<string> = new Set(['system']);
