import type { ConnectorConfig } from '../config';
import { memorySource } from '../expand';
import { CONNECTORS_DIR } from '../layout';
import { patchSize, type PatchOperation } from '../patch';
import { validateSource } from '../validate';
import { inlineCode, tableCell } from './datatype-summary';
import { markedSpan } from './markers';

/**
 * The family table of the workspace README: one row per connector package with its auth, datatypes,
 * patterns, the patches left and what the validator says. Written between these markers (and only
 * where a README holds them) by `npx nx sync`; `npm run check:fresh` fails when it is stale.
 */
export const FAMILY_TABLE_START =
  '<!-- family:start — `npx nx sync` writes this table from packages/connectors/*/connector.json and the builds; edit outside the markers -->';
export const FAMILY_TABLE_END = '<!-- family:end -->';
/** How the start marker begins (its explanation may be reworded). */
const FAMILY_START_PREFIX = '<!-- family:start';

/** What the family table says about one connector package. */
export interface FamilyMember {
  readonly system: string;
  readonly label: string;
  /** How it logs in: the auth type, or undefined when the system template is copied verbatim. */
  readonly auth: string | undefined;
  readonly datatypes: number;
  /** Datatypes that `reuse` another's template file. */
  readonly reusing: number;
  /** Datatypes per pattern, most used first (ties by name). */
  readonly patterns: readonly (readonly [pattern: string, count: number])[];
  /** Patched pipes (datatype and role), then `system` and `manifest` when the connector patches them. */
  readonly patched: readonly string[];
  /** Minified JSON bytes of every patch operation. */
  readonly patchBytes: number;
  /** What the build copies verbatim instead of rendering: `system template`, `manifest`, `raw/…` files. */
  readonly copied: readonly string[];
  /** The validator's findings (sesam validate's rules and the strict ones) on the rendered files, per rule. */
  readonly errors: ReadonlyMap<string, number>;
  readonly warnings: ReadonlyMap<string, number>;
  /** Whether the build validates (a project.json can turn it off for an imported source that breaks rules). */
  readonly buildValidates: boolean;
}

/**
 * The family table's facts for one connector, from its connector.json (`config`), the files its build
 * renders (`connector/`-relative path → text) and whether its build validates. Validates the files in
 * memory (nothing is written).
 */
export function familyMember(
  config: ConnectorConfig,
  files: ReadonlyMap<string, string>,
  buildValidates: boolean,
): FamilyMember {
  const datatypes = Object.entries(config.datatypes);
  const patterns = new Map<string, number>();
  for (const [, datatype] of datatypes)
    patterns.set(datatype.pattern, (patterns.get(datatype.pattern) ?? 0) + 1);
  const patches: [string, readonly PatchOperation[]][] = [
    ...datatypes.flatMap(([name, datatype]) =>
      Object.entries(datatype.patches).map(
        ([role, ops]) => [`${name}-${role}`, ops] as [string, PatchOperation[]],
      ),
    ),
    ...(['system', 'manifest'] as const).flatMap((part) =>
      config.patches[part]?.length ? [[part, config.patches[part]] as [string, PatchOperation[]]] : [],
    ),
  ];
  const raw = datatypes.filter(([, datatype]) => datatype.pattern === 'raw').length;
  const report = validateSource(memorySource(Object.fromEntries(files), config.system));
  const byRule = (severity: 'error' | 'warning') => {
    const counts = new Map<string, number>();
    for (const finding of report.findings)
      if (finding.severity === severity) counts.set(finding.rule, (counts.get(finding.rule) ?? 0) + 1);
    return counts;
  };
  return {
    system: config.system,
    label: config.label,
    auth: config.auth?.type,
    datatypes: datatypes.length,
    reusing: datatypes.filter(([, datatype]) => datatype.reuse !== undefined).length,
    patterns: [...patterns].sort(([a, x], [b, y]) => y - x || a.localeCompare(b)),
    patched: patches.map(([where]) => where),
    patchBytes: patches.reduce((sum, [, ops]) => sum + patchSize(ops), 0),
    copied: [
      ...(config.systemFile === undefined ? [] : ['system template']),
      ...(config.manifestFile === undefined ? [] : ['manifest']),
      ...(raw ? [`${raw} raw template${raw === 1 ? '' : 's'}`] : []),
    ],
    errors: byRule('error'),
    warnings: byRule('warning'),
    buildValidates,
  };
}

/**
 * Whether the build validates, from the package's `project.json` text (undefined: there is none):
 * Nx merges its `targets.build.options.validate` over the inferred target's `true`.
 */
export function projectBuildValidates(projectJson: string | undefined): boolean {
  return projectBuildOptions(projectJson).validate;
}

/** The build options a package's `project.json` sets that decide how its build validates. */
export interface ProjectBuildOptions {
  readonly validate: boolean;
  /** Validator rules whose errors the build accepts (reported as warnings). */
  readonly acceptedRules: readonly string[];
}

/**
 * The build's `validate` and `acceptedRules` from the package's `project.json` text (undefined:
 * there is none), as Nx merges `targets.build.options` over the inferred target's defaults.
 */
export function projectBuildOptions(projectJson: string | undefined): ProjectBuildOptions {
  if (projectJson === undefined) return { validate: true, acceptedRules: [] };
  const options = (
    JSON.parse(projectJson) as {
      targets?: { build?: { options?: { validate?: unknown; acceptedRules?: unknown } } };
    }
  ).targets?.build?.options;
  const accepted = options?.acceptedRules;
  return {
    validate: options?.validate !== false,
    acceptedRules: Array.isArray(accepted)
      ? accepted.filter((rule): rule is string => typeof rule === 'string')
      : [],
  };
}

const count = (n: number, what: string): string =>
  `${n.toLocaleString('en')} ${what}${n === 1 ? '' : what.endsWith('h') ? 'es' : 's'}`;

const ruleCounts = (rules: ReadonlyMap<string, number>): string =>
  [...rules].map(([rule, n]) => (n === 1 ? inlineCode(rule) : `${inlineCode(rule)} ×${n}`)).join(', ');

const sum = (rules: ReadonlyMap<string, number>): number => [...rules.values()].reduce((a, b) => a + b, 0);

/** The validation cell: clean, or the errors and warnings by rule (and whether the build checks them). */
function validationText(member: FamilyMember): string {
  const errors = sum(member.errors);
  const warnings = sum(member.warnings);
  if (errors === 0 && warnings === 0)
    return member.buildValidates ? 'clean' : 'clean, but the build does not validate';
  const parts = [
    ...(errors ? [`${count(errors, 'error')} (${ruleCounts(member.errors)})`] : []),
    ...(warnings ? [`${count(warnings, 'warning')} (${ruleCounts(member.warnings)})`] : []),
  ];
  // A build that validates and still succeeds with errors accepts their rules (project.json acceptedRules).
  const build = !member.buildValidates
    ? '; the build does not validate (project.json)'
    : errors > 0
      ? '; the errors accepted by the build (project.json `acceptedRules`)'
      : '';
  return `${parts.join('; ')}${build}`;
}

/** The patches cell: how many pipes are patched and the bytes, then what is copied verbatim. */
function patchesText(member: FamilyMember): string {
  const pipes = member.patched.filter((where) => where !== 'system' && where !== 'manifest').length;
  const own = member.patched.filter((where) => where === 'system' || where === 'manifest');
  const patched =
    member.patched.length === 0
      ? 'none'
      : `${[...(pipes ? [count(pipes, 'pipe')] : []), ...own].join(', ')} (${member.patchBytes.toLocaleString('en')} B)`;
  return member.copied.length ? `${patched}; copied: ${member.copied.join(', ')}` : patched;
}

/**
 * The body of the family table (between the markers): a markdown table, one row per member in the
 * order given, and a line of totals. Wrapped in prettier-ignore so formatting keeps it byte for byte.
 */
export function familyTable(members: readonly FamilyMember[]): string {
  const rows = members.map((member) =>
    [
      `[${member.label}](${CONNECTORS_DIR}/${member.system}/README.md) (${inlineCode(member.system)})`,
      member.auth === undefined ? 'in the copied system template' : inlineCode(member.auth),
      member.reusing ? `${member.datatypes} (${member.reusing} reuse a template)` : `${member.datatypes}`,
      member.patterns.map(([pattern, n]) => `${inlineCode(pattern)} ×${n}`).join(', '),
      patchesText(member),
      validationText(member),
    ]
      .map(tableCell)
      .join(' | '),
  );
  const datatypes = members.reduce((n, member) => n + member.datatypes, 0);
  const patched = members.reduce((n, member) => n + member.patched.length, 0);
  const clean = members.filter((member) => member.errors.size === 0 && member.warnings.size === 0).length;
  return [
    '<!-- prettier-ignore-start -->',
    '| connector | auth | datatypes | patterns used | patches left | validation (sesam and strict rules) |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows.map((row) => `| ${row} |`),
    '',
    `${count(members.length, 'connector')}, ${count(datatypes, 'datatype')}, ${count(patched, 'patch')} left (on pipes, system templates and manifests); ${clean} of ${members.length} validate clean.`,
    '<!-- prettier-ignore-end -->',
    '',
  ].join('\n');
}

/**
 * `readme` with the family table between its markers set to `familyTable(members)`; a README without
 * the markers is returned as it is (the table is opt-in: a workspace puts the markers where it wants it).
 */
export function withFamilyTable(readme: string, members: readonly FamilyMember[]): string {
  const at = markedSpan(readme, FAMILY_START_PREFIX, FAMILY_TABLE_END);
  if (at === undefined) return readme;
  return `${readme.slice(0, at.from)}${FAMILY_TABLE_START}\n${familyTable(members)}${FAMILY_TABLE_END}${readme.slice(at.to)}`;
}

/** Whether `readme` holds the family table's markers. */
export const hasFamilyTable = (readme: string): boolean =>
  markedSpan(readme, FAMILY_START_PREFIX, FAMILY_TABLE_END) !== undefined;
