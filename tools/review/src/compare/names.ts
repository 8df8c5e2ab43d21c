/**
 * Readable names for what changed (`shopify · order · registerwebhook`) and the placeholder-free
 * form of a change that groups compare. Pure functions.
 */

/** How `{{@ system @}}` and `{{@ datatype @}}` are written in templates. */
export const SYSTEM_TOKEN = '{{@ system @}}';
export const DATATYPE_TOKEN = '{{@ datatype @}}';

/** The value `sesam expand` gives `{{@ system @}}` unless told otherwise (core's DEFAULT_SYSTEM_PLACEHOLDER). */
export const DEFAULT_SYSTEM_PLACEHOLDER = 'xxxxxx';

/** Separator of the parts of a name. */
export const NAME_SEPARATOR = ' · ';

/** `shopify · order · registerwebhook`: connector, datatype (when there is one) and role. */
export const changeName = (connector: string, datatype: string | undefined, role: string): string =>
  [connector, ...(datatype === undefined ? [] : [datatype]), role].join(NAME_SEPARATOR);

/** The names a connector's texts spell out literally: its system (and, expanded, the placeholder) and a datatype. */
export interface LiteralNames {
  /** Written for `{{@ system @}}`: the connector's system name, the expander's placeholder. */
  systems: readonly string[];
  datatype?: string;
}

/**
 * A pipe's role: its `_id` without the system and datatype prefixes (`{{@ system @}}-{{@ datatype @}}-collect`,
 * `xxxxxx-order-collect` and `shopify-order-collect` are all `collect`). A system's role is `system`,
 * `system-<rest>` for `{{@ system @}}-<rest>`. Ids that do not start so are their own role.
 */
export const roleOf = (id: string, names: LiteralNames, kind: 'pipe' | 'system'): string => {
  const systems = [SYSTEM_TOKEN, ...names.systems];
  for (const system of systems) {
    if (id === system) return 'system';
    if (!id.startsWith(`${system}-`)) continue;
    const rest = id.slice(system.length + 1);
    if (kind === 'system') return `system-${rest}`;
    return withoutPrefix(rest, [DATATYPE_TOKEN, ...(names.datatype ? [names.datatype] : [])]);
  }
  return kind === 'pipe'
    ? withoutPrefix(id, [DATATYPE_TOKEN, ...(names.datatype ? [names.datatype] : [])])
    : id;
};

const withoutPrefix = (text: string, prefixes: readonly string[]): string => {
  for (const prefix of prefixes) if (text.startsWith(`${prefix}-`)) return text.slice(prefix.length + 1);
  return text;
};

/**
 * The datatype a pipe file of the expanded config belongs to (`xxxxxx-order-collect` → `order`):
 * the longest datatype name that follows the placeholder, undefined when none does.
 */
export const expandedDatatype = (
  id: string,
  placeholder: string,
  datatypes: readonly string[],
): string | undefined => {
  if (!id.startsWith(`${placeholder}-`)) return undefined;
  const rest = id.slice(placeholder.length + 1);
  return [...datatypes]
    .sort((a, b) => b.length - a.length)
    .find((datatype) => rest.startsWith(`${datatype}-`));
};

/**
 * The placeholder the expanded config was written with: the shortest name among its
 * `systems/<name>.conf.json` files (the main system; others are `<name>-<suffix>`), else the default.
 */
export const expandedPlaceholder = (paths: readonly string[]): string => {
  const systems = paths
    .map((path) => /^systems\/([^/]+)\.conf\.json$/.exec(path)?.[1])
    .filter((name): name is string => name !== undefined)
    .sort((a, b) => a.length - b.length || a.localeCompare(b));
  return systems[0] ?? DEFAULT_SYSTEM_PLACEHOLDER;
};

const patterns = new Map<string, RegExp>();

/**
 * The text with the names set aside: every literal system name and the datatype, where they stand
 * as a whole word (`xxxxxx-order-all`, not `orders/create`), written as `{{@ system @}}` and
 * `{{@ datatype @}}`. So that the same change in two connectors or datatypes reads the same.
 */
export const setNamesAside = (text: string, names: LiteralNames): string => {
  const words = [...names.systems, ...(names.datatype ? [names.datatype] : [])].filter((w) => w !== '');
  if (words.length === 0) return text;
  const key = JSON.stringify(words);
  let pattern = patterns.get(key);
  if (pattern === undefined) {
    // Longest first, so that a name that contains another is matched whole.
    const alternatives = [...words].sort((a, b) => b.length - a.length).map(escapeRegExp);
    pattern = new RegExp(`(?<![A-Za-z0-9_])(?:${alternatives.join('|')})(?![A-Za-z0-9_])`, 'g');
    if (patterns.size > 10_000) patterns.clear();
    patterns.set(key, pattern);
  }
  const systems = new Set(names.systems);
  return text.replace(pattern, (word) => (systems.has(word) ? SYSTEM_TOKEN : DATATYPE_TOKEN));
};

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
