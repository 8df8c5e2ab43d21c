import { resolveDatatype } from '../../../../lib/config/datatype-pattern';
import { checkConnectorConfig } from '../../../../lib/config/load';
import type { ConnectorConfig, DatatypeConfig } from '../../../../lib/config/types';
import { JsonParseError, parseJson, toJsonText, type JsonWritable } from '../../../../lib/json';
import { operationChange, patchSize, type PatchOperation, type PatchValue } from '../../../../lib/patch';
import type { LoadedTemplatePack } from '../../../../lib/render';
import type { FolderPlan } from './plan-folder';

/** One patch of an imported datatype (or of the system/manifest): its size and what it changes. */
export interface PatchDescription {
  readonly role: string;
  /** Minified JSON bytes of its operations. */
  readonly size: number;
  /** What each operation other than a test changes, e.g. `replace /source/dataset` (in order). */
  readonly changes: readonly string[];
  /** The distinct `reason`s its operations carry (a kept patch's one-line why); absent when none. */
  readonly reasons?: readonly string[];
}

export interface DatatypeDescription {
  readonly name: string;
  /** The source's template file. */
  readonly template: string;
  /** The pattern (`raw`: kept verbatim). */
  readonly pattern: string;
  /** The datatype whose template file it shares. */
  readonly reuse?: string;
  /** The options connector.json sets (defaults left out). */
  readonly options: { readonly [option: string]: PatchValue };
  /** The pipe roles its file holds (pattern pipes, then pipes its patches add); none for raw. */
  readonly roles: readonly string[];
  readonly patches: readonly PatchDescription[];
  /** Sum of the patches' sizes. */
  readonly patchSize: number;
  /** Why it stays raw, when it does. */
  readonly rawReason?: string;
}

/** What import would make of one connector folder. */
export interface ConnectorDescription {
  readonly folder: string;
  readonly system: string;
  readonly datatypes: readonly DatatypeDescription[];
  /** The system template: rendered from auth/restSystem (with its patch), or copied (with why). */
  readonly systemTemplate: {
    readonly rendered: boolean;
    readonly reason?: string;
    readonly patch?: PatchDescription;
  };
  readonly manifest: { readonly generated: boolean; readonly patch?: PatchDescription };
  /** Minified JSON bytes of connector.json plus raw/ (what the package's author keeps). */
  readonly authoredBytes: number;
  /** Minified JSON bytes of the source: its manifest plus each template it refers to, once. */
  readonly sourceBytes: number;
}

/** Why a datatype is raw when the plan does not say (a verbatim import copies every file). */
const VERBATIM_REASON = 'the import copies every file verbatim';

/** Bytes of `text` as minified JSON (its own text when it is not JSON). */
export function minifiedSize(text: string): number {
  try {
    return Buffer.byteLength(toJsonText(parseJson(text), { compact: true }), 'utf8');
  } catch (error) {
    if (error instanceof JsonParseError) return Buffer.byteLength(text, 'utf8');
    throw error;
  }
}

function describePatch(role: string, operations: readonly PatchOperation[]): PatchDescription {
  const reasons = [...new Set(operations.flatMap((operation) => operation.reason ?? []))];
  return {
    role,
    size: patchSize(operations),
    changes: operations.filter((operation) => operation.op !== 'test').map(operationChange),
    ...(reasons.length === 0 ? {} : { reasons }),
  };
}

/** The roles a datatype's template file holds: the pattern pipes its options render, then extra patched roles. */
function datatypeRoles(datatype: DatatypeConfig, owner: DatatypeConfig, pack: LoadedTemplatePack): string[] {
  const { pattern, options } = resolveDatatype(owner, pack.patterns);
  if (pattern === undefined || datatype.pattern === 'raw') return [];
  const rendered = pattern.pipes.filter((pipe) => pipe.when?.(options) ?? true).map((pipe) => pipe.role);
  return [...rendered, ...Object.keys(owner.patches).filter((role) => !rendered.includes(role))];
}

/** The plan's connector.json, validated and normalized as the build reads it. */
const plannedConfig = (plan: FolderPlan & { ok: true }): ConnectorConfig =>
  checkConnectorConfig(plan.plan.package.config, {
    file: `${plan.shown}/connector.json`,
    folder: plan.system,
    fileExists: (path) => plan.plan.package.rawFiles.has(path),
  }).config;

/**
 * What an import plan holds, per datatype (pattern, options, patches, why raw) and for the system
 * and manifest, with the byte counts of what the author keeps against the source. Pure: reads the
 * plan only.
 */
export function describePlan(
  plan: FolderPlan & { ok: true },
  pack: LoadedTemplatePack,
): ConnectorDescription {
  const config = plannedConfig(plan);
  const templates = new Map(plan.source.datatypes.map((d) => [d.name, d.template]));
  const reasons = new Map(
    (plan.plan.adoption?.datatypes ?? []).flatMap((d) =>
      d.kind === 'raw' ? [[d.name, d.reason] as const] : [],
    ),
  );
  const datatypes = Object.entries(config.datatypes).map(([name, datatype]): DatatypeDescription => {
    const owner = datatype.reuse === undefined ? datatype : config.datatypes[datatype.reuse]!;
    const patches =
      datatype.reuse === undefined
        ? Object.entries(datatype.patches).map(([role, operations]) => describePatch(role, operations))
        : [];
    return {
      name,
      template: templates.get(name) ?? datatype.template ?? `templates/${name}.json`,
      pattern: datatype.pattern,
      ...(datatype.reuse === undefined ? {} : { reuse: datatype.reuse }),
      options: datatype.options as DatatypeDescription['options'],
      roles: datatypeRoles(datatype, owner, pack),
      patches,
      patchSize: patches.reduce((sum, patch) => sum + patch.size, 0),
      ...(datatype.pattern === 'raw' ? { rawReason: reasons.get(name) || VERBATIM_REASON } : {}),
    };
  });
  const system = config.patches.system;
  const manifest = config.patches.manifest;
  const authored =
    minifiedSize(toJsonText(plan.plan.package.config as JsonWritable)) +
    [...plan.plan.package.rawFiles.values()].reduce((sum, text) => sum + minifiedSize(text), 0);
  const source =
    minifiedSize(plan.source.manifestText) +
    [...plan.source.files.values()].reduce((sum, text) => sum + minifiedSize(text), 0);
  return {
    folder: plan.shown,
    system: plan.system,
    datatypes,
    systemTemplate: {
      rendered: config.systemFile === undefined,
      ...(plan.plan.systemReason === undefined ? {} : { reason: plan.plan.systemReason }),
      ...(system === undefined ? {} : { patch: describePatch('system', system) }),
    },
    manifest: {
      generated: config.manifestFile === undefined,
      ...(manifest === undefined ? {} : { patch: describePatch('manifest', manifest) }),
    },
    authoredBytes: authored,
    sourceBytes: source,
  };
}
