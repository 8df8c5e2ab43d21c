import {
  nodeConfigDifferences,
  nodeConfigOf,
  planDatatypes,
  type DatatypePlan,
  type NodeConfig,
} from '../../../lib/adopt';
import { DEFAULT_SYSTEM_PLACEHOLDER } from '../../../lib/expand';
import { parseJson, toCanonicalJson } from '../../../lib/json';
import { createGuardedPatch, patchSize, type PatchOperation } from '../../../lib/patch';
import type { LoadedTemplatePack } from '../../../lib/render';
import { composePackage, type Adoption, type ManifestMode, type PackageShape } from './compose-config';
import { compactOperations } from './operation-defaults';
import type { ImportPlan } from './plan-import';
import { expectedFiles, planVerbatimImport } from './plan-verbatim';
import { MANIFEST_FILE } from '../../../lib/layout';
import type { SourceConnector } from './read-source';
import { systemCandidates, systemShapeProblem, type SystemParts } from './system-candidates';
import { defaultOperation, operationName, type OperationRole } from '@sesam-connectors/template-pack';
import { resolveDatatype } from '../../../lib/config/datatype-pattern';
import { toConfigValue } from '../../../lib/config/config-value';
import type { ConfigObject } from '../../../lib/config/types';
import { isJsonObject, JsonObject } from '../../../lib/json';
import { renderCandidate } from './verify-package';

const VERBATIM: PackageShape = { system: 'file', manifest: 'file' };
/** How a rendered system is tried, in order: [operations compacted, manifest mode]. */
const SYSTEM_SHAPES: readonly (readonly [boolean, ManifestMode])[] = [
  [true, 'generated'],
  [false, 'generated'],
  [true, 'file'],
  [false, 'file'],
];
/** Rounds of planning: each one turns the datatypes whose node config did not match into raw. */
const MAX_ROUNDS = 3;

const raw = (plan: DatatypePlan, reason: string): DatatypePlan => ({
  name: plan.name,
  template: plan.template,
  kind: 'raw',
  reason,
});

/** The guarded patch from what the engine rendered at `path` to the source's text, or undefined when either is not JSON. */
const residual = (rendered: string | undefined, source: string): PatchOperation[] | undefined => {
  if (rendered === undefined) return undefined;
  try {
    return createGuardedPatch(parseJson(rendered), parseJson(source));
  } catch {
    return undefined;
  }
};

/** The datatype whose pipe an expanded file is (`pipes/<placeholder>-<datatype>-<role>.conf.json`), longest name first. */
const datatypeOfFile = (path: string, names: readonly string[]): string | undefined =>
  [...names]
    .sort((a, b) => b.length - a.length)
    .find((name) => path.startsWith(`pipes/${DEFAULT_SYSTEM_PLACEHOLDER}-${name}-`));

interface Proven {
  plan: ImportPlan & { ok: true };
  differing: string[];
}

/**
 * Imports by adoption: every datatype on the pattern (with options and patches) that `planDatatypes`
 * finds, the system rendered from `auth` and `restSystem` with the smallest `patches.system` (else
 * copied, `systemFile`), the manifest generated with `patches.manifest` (else copied). The plan is
 * proven before it is returned: the package's build, expanded like `sesam-connectors expand --compat`,
 * gives byte for byte the node config the source gives, and its manifest equals the source's.
 * Datatypes whose expansion differs are made raw (with the reason) and the plan is proven again; a
 * source that does not expand is imported verbatim.
 */
export const planAdoptedImport = (
  source: SourceConnector,
  system: string,
  pack: LoadedTemplatePack,
): ImportPlan => {
  const systemPath = source.systemTemplate;
  const systemText = source.files.get(systemPath);
  const expected = nodeConfigOf(expectedFiles(source));
  if (systemText === undefined) {
    return verbatim(
      source,
      system,
      pack,
      `the source does not expand (its system template ${systemPath} does not exist)`,
    );
  }

  const sourceManifest = toCanonicalJson(source.manifest);
  let datatypes = refusedAsRaw(
    source,
    system,
    pack,
    planDatatypes({ datatypes: source.datatypes, files: source.files }, pack),
  );
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const proven = proveBest(source, system, pack, datatypes, systemText, sourceManifest, expected);
    if (proven === undefined) break;
    if (proven.differing.length === 0) return proven.plan;
    const names = datatypes.filter((d) => d.kind !== 'raw').map((d) => d.name);
    const failed = new Set(proven.differing.map((path) => datatypeOfFile(path, names)));
    if (failed.has(undefined)) break; // the system or the manifest: nothing a datatype can change
    const owners = new Set(
      datatypes.filter((d) => failed.has(d.name)).map((d) => (d.kind === 'reuse' ? d.reuse : d.name)),
    );
    datatypes = datatypes.map((d) =>
      owners.has(d.name) || (d.kind === 'reuse' && owners.has(d.reuse))
        ? raw(
            d,
            `its adopted description did not expand to the source's node config (${proven.differing.filter((p) => datatypeOfFile(p, names) === d.name).join(', ') || 'a pipe of the datatype it reuses'})`,
          )
        : d,
    );
  }
  return verbatim(
    source,
    system,
    pack,
    expected.ok
      ? 'no adopted description of the connector expands to its node config'
      : `the source does not expand (${expected.error}) and no adopted description fails the same way`,
  );
};

/** The verbatim import, every datatype raw for `reason`. */
const verbatim = (
  source: SourceConnector,
  system: string,
  pack: LoadedTemplatePack,
  reason: string,
): ImportPlan => {
  const plan = planVerbatimImport(source, system, pack);
  if (!plan.ok) return plan;
  const datatypes = source.datatypes.map(({ name, template }): DatatypePlan => ({
    name,
    template,
    kind: 'raw',
    reason,
  }));
  return { ...plan, adoption: { datatypes } };
};

/** `datatypes.<name>` or `datatypes["<name>"]` at the start of a problem's JSON path. */
const problemDatatype = (problem: string, names: readonly string[]): string | undefined =>
  [...names]
    .sort((a, b) => b.length - a.length)
    .find(
      (name) =>
        problem.includes(`: datatypes.${name}`) || problem.includes(`: datatypes[${JSON.stringify(name)}]`),
    );

/**
 * The plans with every datatype the build refuses (an option or patch the schema or checks reject)
 * made raw, with the build's message as the reason: rendered with the system and manifest copied, so
 * that only the datatypes are judged.
 */
function refusedAsRaw(
  source: SourceConnector,
  system: string,
  pack: LoadedTemplatePack,
  plans: DatatypePlan[],
): DatatypePlan[] {
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const outcome = renderCandidate(
      composePackage(source, system, VERBATIM, { datatypes: plans }, { shareDefaults: false }),
      system,
      pack,
    );
    if (outcome.ok) return plans;
    const names = plans.filter((d) => d.kind === 'pattern').map((d) => d.name);
    const refused = new Map<string, string>();
    for (const problem of outcome.problems) {
      const name = problemDatatype(problem, names);
      if (name !== undefined && !refused.has(name)) refused.set(name, problem.replace(/^[^:]*: /, ''));
    }
    if (refused.size === 0) return plans;
    plans = plans.map((d) => {
      const owner = d.kind === 'reuse' ? d.reuse : d.name;
      const reason = refused.get(owner);
      return reason === undefined ? d : raw(d, `the build refuses its adopted description: ${reason}`);
    });
  }
  return plans;
}

/** The source system's operations (restSystem.operations as the candidate copies them). */
const sourceOperations = (parts: SystemParts): JsonObject => {
  const given = parts.restSystem.get('operations');
  return new JsonObject(isJsonObject(given) ? given : []);
};

/** The operation roles each datatype's pattern adds (its reuse target's for a reuse), by datatype name. */
function patternRoles(
  plans: readonly DatatypePlan[],
  pack: LoadedTemplatePack,
): Map<string, ReadonlySet<OperationRole>> {
  const owners = new Map(
    plans.flatMap((plan) => (plan.kind === 'pattern' ? [[plan.name, plan] as const] : [])),
  );
  return new Map(
    plans.map((plan) => {
      const owner = owners.get(plan.kind === 'reuse' ? plan.reuse : plan.name);
      if (owner === undefined) return [plan.name, new Set<OperationRole>()];
      const { pattern, options } = resolveDatatype(
        { pattern: owner.pattern, options: toConfigValue(owner.options) as ConfigObject },
        pack.patterns,
      );
      return [plan.name, new Set(pattern?.operationRoles(options) ?? [])];
    }),
  );
}

/**
 * restSystem (and the datatypes' `path` and `operations`) that leave the source's operations as they
 * are although the patterns add defaults: `null` by full name for an operation a pattern role adds
 * that the source lacks. `compact`: the source's `<dt>-<role>` operations as per-role
 * `operationDefaults` and what each datatype's differs by (see `compactOperations`); otherwise copied
 * by full name, with `"key": null` for a default key (method, url) the source's operation lacks.
 */
function keepingSourceOperations(
  parts: SystemParts,
  plans: readonly DatatypePlan[],
  pack: LoadedTemplatePack,
  compact: boolean,
): SystemParts {
  const source = sourceOperations(parts);
  const roles = patternRoles(plans, pack);
  const packed = compact ? compactOperations(source, roles) : undefined;
  const operations = new JsonObject(packed?.operations ?? source);
  for (const [datatype, added] of roles) {
    for (const role of added) {
      const name = operationName(datatype, role);
      const operation = source.get(name);
      if (!isJsonObject(operation)) {
        operations.set(name, null);
        continue;
      }
      if (packed !== undefined) continue;
      const missing = Object.keys(defaultOperation(role, datatype)).filter((key) => !operation.has(key));
      if (missing.length > 0)
        operations.set(
          name,
          new JsonObject([...operation, ...missing.map((key): [string, null] => [key, null])]),
        );
    }
  }
  const restSystem = new JsonObject(
    [...parts.restSystem].filter(([key]) => key !== 'operations' && key !== 'operationDefaults'),
  );
  if (packed !== undefined && packed.operationDefaults.size > 0)
    restSystem.set('operationDefaults', packed.operationDefaults);
  if (operations.size > 0) restSystem.set('operations', operations);
  return { auth: parts.auth, restSystem, ...(packed === undefined ? {} : { datatypes: packed.datatypes }) };
}

/**
 * The system copied (`systemFile`) with the manifest generated and the smallest `patches.manifest`,
 * for a system the pattern cannot render; undefined when the build refuses it.
 */
function copiedSystem(
  source: SourceConnector,
  system: string,
  pack: LoadedTemplatePack,
  datatypes: readonly DatatypePlan[],
): { shape: PackageShape; adoption: Adoption; size: number } | undefined {
  const shape: PackageShape = { system: 'file', manifest: 'generated' };
  const outcome = renderCandidate(composePackage(source, system, shape, { datatypes }), system, pack);
  if (!outcome.ok) return undefined;
  const manifest = residual(outcome.files.get(MANIFEST_FILE), source.manifestText);
  if (manifest === undefined) return undefined;
  return { shape, adoption: { datatypes, manifest }, size: patchSize(manifest) };
}

/** The best package shape for these datatype plans, rendered and expanded; undefined when none renders. */
function proveBest(
  source: SourceConnector,
  system: string,
  pack: LoadedTemplatePack,
  datatypes: readonly DatatypePlan[],
  systemText: string,
  sourceManifest: string,
  expected: NodeConfig,
): Proven | undefined {
  let best: { shape: PackageShape; adoption: Adoption; size: number } | undefined;
  let notRendered = systemShapeProblem(systemText);
  // The candidates differ in auth only (one restSystem from the one source system): its operations
  // are worked out once per form.
  const kept = new Map<boolean, SystemParts>();
  const keep = (parts: SystemParts, compact: boolean): SystemParts => {
    const operations = kept.get(compact) ?? keepingSourceOperations(parts, datatypes, pack, compact);
    kept.set(compact, operations);
    return { ...operations, auth: parts.auth };
  };
  for (const parts of systemCandidates(source, systemText) ?? []) {
    // The operations as shared defaults first, else by full name; the manifest generated, else
    // copied (a generated one refuses what a copied one keeps: a raw datatype's legacy name, a
    // missing template).
    let shape: PackageShape = VERBATIM;
    let outcome: ReturnType<typeof renderCandidate> = { ok: false, problems: [] };
    for (const [compact, manifest] of SYSTEM_SHAPES) {
      shape = { system: keep(parts, compact), manifest };
      outcome = renderCandidate(composePackage(source, system, shape, { datatypes }), system, pack);
      if (outcome.ok) break;
    }
    if (!outcome.ok) {
      notRendered ??= `the build refuses it: ${outcome.problems[0]}`;
      continue;
    }
    const systemPatch = residual(outcome.files.get(source.systemTemplate), systemText);
    const manifestPatch = residual(outcome.files.get(MANIFEST_FILE), source.manifestText);
    if (systemPatch === undefined || manifestPatch === undefined) continue;
    const size = patchSize(systemPatch) + patchSize(manifestPatch);
    if (best === undefined || size < best.size) {
      best = { shape, adoption: { datatypes, system: systemPatch, manifest: manifestPatch }, size };
    }
    if (size === 0) break;
  }
  best ??= copiedSystem(source, system, pack, datatypes);
  const shapes = best === undefined ? [] : [best];
  shapes.push({ shape: VERBATIM, adoption: { datatypes }, size: Infinity });
  let last: Proven | undefined;
  for (const { shape, adoption } of shapes) {
    const outcome = renderCandidate(composePackage(source, system, shape, adoption), system, pack);
    if (!outcome.ok) {
      continue;
    }
    const manifest = outcome.files.get(MANIFEST_FILE);
    const manifestDiffers = manifest === undefined || toCanonicalJson(parseJson(manifest)) !== sourceManifest;
    const differing = [
      ...(manifestDiffers ? ['manifest.json'] : []),
      ...nodeConfigDifferences(expected, nodeConfigOf(outcome.files)),
    ];
    last = {
      plan: {
        ok: true,
        package: outcome.candidate,
        files: outcome.files,
        adoption,
        ...(shape.system === 'file'
          ? { systemReason: notRendered ?? 'no auth type of connector.json renders it' }
          : {}),
      },
      differing,
    };
    const onlyDatatypes = differing.every((path) => path.startsWith('pipes/'));
    if (differing.length === 0 || onlyDatatypes) return last;
  }
  return last;
}
