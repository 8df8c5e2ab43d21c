import { RAW_DIR } from '../../../lib/layout';
import {
  isJsonObject,
  JsonObject,
  parseJson,
  toJsonText,
  type JsonValue,
  type JsonWritable,
} from '../../../lib/json';
import { templateVariables } from '../../../lib/render';
import type { DatatypePlan } from '../../../lib/adopt';
import { labelByName } from '../../../lib/config/manifest-file';
import type { PatchOperation } from '../../../lib/patch';
import { labelFor } from '../../shared/names';
import type { SourceConnector } from './read-source';
import type { SystemParts } from './system-candidates';
import { DEFAULT_DATATYPE_PATTERN, datatypePatterns } from '@sesam-connectors/template-pack';
import { entrySize, hoistDatatypeDefaults } from './datatype-defaults';
import { hoistWithPresets } from './pattern-presets';

/** Where an imported manifest that the engine cannot generate is kept (the `manifestFile`). */
export const RAW_MANIFEST_FILE = `${RAW_DIR}/manifest.json`;
const SCHEMA_PATH = '../../core/schemas/connector.schema.json';

/** Top-level manifest fields the build generates from connector.json (never passed through). */
const GENERATED_MANIFEST_FIELDS = ['auth', 'oauth2', 'datatypes', 'system-template'];
/** Auth types whose manifest `auth_variant` the build writes. */
const AUTH_VARIANT_TYPES = new Set(['tripletex', 'superoffice-ticket']);

const generatedManifestFields = (auth: JsonObject | undefined): ReadonlySet<string> => {
  const type = auth?.get('type') ?? 'none'; // a copied system has no auth: the manifest gets none
  return new Set([
    ...GENERATED_MANIFEST_FIELDS.filter(
      // auth none writes neither: the source's are passed through `manifest`.
      (field) => type !== 'none' || (field !== 'auth' && field !== 'oauth2'),
    ),
    ...(AUTH_VARIANT_TYPES.has(String(type)) ? ['auth_variant'] : []),
  ]);
};
/** Datatype fields connector.json holds itself (the rest goes to the datatype's `manifest`). */
const OWN_DATATYPE_FIELDS = new Set(['template', 'label']);

/** How the manifest reaches connector/manifest.json: generated from connector.json, or copied verbatim. */
export type ManifestMode = 'generated' | 'file';

/**
 * How the package reproduces the source: the system template rendered from connector.json's `auth`
 * and `restSystem`, or copied verbatim (`systemFile`); the manifest generated or copied. Beside a
 * copied system a generated manifest has no auth of its own: the source's passes through `manifest`.
 */
export type PackageShape = { system: SystemParts | 'file'; manifest: ManifestMode };

/** A candidate package: connector.json's value and the verbatim files it needs (package-relative path → text). */
export interface ComposedPackage {
  config: JsonObject;
  rawFiles: Map<string, string>;
}

const objectOf = (entries: Iterable<[string, JsonValue | undefined]>): JsonObject =>
  new JsonObject([...entries].filter((entry): entry is [string, JsonValue] => entry[1] !== undefined));

export const stringOr = (value: JsonValue | undefined): string | undefined =>
  typeof value === 'string' ? value : undefined;

/** The source manifest's fields other than `own`, or undefined when there are none. */
const without = (object: JsonObject, own: ReadonlySet<string>): JsonObject | undefined => {
  const rest = objectOf([...object].filter(([key]) => !own.has(key)));
  return rest.size > 0 ? rest : undefined;
};

/** The datatypes with `pattern` left out where it is the default one (connector.json's schema says which). */
const withoutDefaultPattern = (datatypes: JsonObject): JsonObject =>
  objectOf(
    [...datatypes].map(([name, datatype]) => [
      name,
      datatype instanceof JsonObject && datatype.get('pattern') === DEFAULT_DATATYPE_PATTERN
        ? objectOf([...datatype].filter(([key]) => key !== 'pattern'))
        : datatype,
    ]),
  );

/** The connector's label: the manifest's system name, else the system's; left out when it is the default. */
const connectorLabel = (source: SourceConnector, system: string): string | undefined => {
  const label = stringOr(source.manifest.get('system')) || labelFor(system);
  return label === labelByName(system) ? undefined : label;
};

/** Where the package keeps a source's system template it copies verbatim: raw/<its path>. */
export const rawSystemFile = (source: SourceConnector): string => `${RAW_DIR}/${source.systemTemplate}`;

/** What adoption adds to a package: each datatype's plan, and the system's and manifest's patches. */
export interface Adoption {
  datatypes: readonly DatatypePlan[];
  system?: readonly PatchOperation[];
  manifest?: readonly PatchOperation[];
}

/**
 * Whether `datatypeLabels: "name"` says the source's datatype labels in fewer bytes: it drops every
 * label that is the datatype's name with the first letter upper-cased, and costs itself plus a
 * `"label": null` for each datatype the source gives no label.
 */
const labelsByName = (datatypes: SourceConnector['datatypes']): boolean => {
  let saved = -entrySize('datatypeLabels', 'name');
  for (const { name, entry } of datatypes) {
    const label = entry.get('label');
    if (label === undefined) saved -= entrySize('label', null);
    else if (label === labelByName(name)) saved += entrySize('label', label);
  }
  return saved > 0;
};

/** A datatype's connector.json `label`: the source's, left out when `datatypeLabels` gives it, null when the source has none. */
const labelOf = (name: string, entry: JsonObject, byName: boolean): JsonValue | undefined => {
  const label = entry.get('label');
  if (!byName) return label;
  if (label === undefined) return null;
  return label === labelByName(name) ? undefined : label;
};

/**
 * The source manifest's top-level fields connector.json passes through: all but those the build
 * generates, and `additional_parameters` when the build would declare the same (each variable the
 * templates read, with no settings).
 */
const passedThrough = (source: SourceConnector, auth: JsonObject | undefined): JsonObject | undefined => {
  const fields = without(source.manifest, generatedManifestFields(auth));
  const declared = fields?.get('additional_parameters');
  if (!isJsonObject(declared) || declared.size === 0) return fields;
  if ([...declared.values()].some((value) => !isJsonObject(value) || value.size > 0)) return fields;
  const parameters = source.datatypes.flatMap(({ entry }) => {
    const given = entry.get('parameters');
    return isJsonObject(given) ? [...given.keys()] : [];
  });
  const used = templateVariables(source.files, parameters);
  const same = used.length === declared.size && used.every((name) => declared.has(name));
  return same ? without(fields!, new Set(['additional_parameters'])) : fields;
};

/** Patch operations as a parsed connector.json value (objects in the order written). */
const asJson = (operations: readonly PatchOperation[]): JsonValue =>
  parseJson(toJsonText(operations as unknown as JsonWritable, { compact: true }));

/** The connector.json fields of one planned datatype (the manifest fields come after). */
const plannedFields = (plan: DatatypePlan): [string, JsonValue | undefined][] => {
  switch (plan.kind) {
    case 'pattern':
      return [
        ['pattern', plan.pattern],
        ['options', plan.options.size > 0 ? plan.options : undefined],
        [
          'patches',
          plan.patches.size > 0
            ? objectOf([...plan.patches].map(([role, ops]) => [role, asJson(ops)]))
            : undefined,
        ],
      ];
    case 'reuse':
      // its pattern is the reused datatype's
      return [
        ['pattern', undefined],
        ['reuse', plan.reuse],
      ];
    case 'raw':
      return [
        ['pattern', 'raw'],
        ['template', plan.template],
      ];
  }
};

/**
 * connector.json for an imported connector: every datatype as `adoption` plans it (else `raw` (its template kept verbatim, shared
 * files shared by naming the same path; a template the source lacks is left out), the system from
 * `restSystem` and `auth` or copied (`systemFile`), and the manifest either generated (labels and
 * extra fields carried over) or copied from raw/manifest.json.
 */
export const composePackage = (
  source: SourceConnector,
  system: string,
  shape: PackageShape,
  adoption?: Adoption,
  { shareDefaults = true }: { readonly shareDefaults?: boolean } = {},
): ComposedPackage => {
  const parts = shape.system === 'file' ? undefined : shape.system;
  const generated = shape.manifest === 'generated';
  const rawFiles = new Map<string, string>();
  const plans = new Map((adoption?.datatypes ?? []).map((plan) => [plan.name, plan]));
  const byName = generated && labelsByName(source.datatypes);
  const planned = objectOf(
    source.datatypes.map(({ name, template, entry }) => {
      const plan = plans.get(name) ?? { name, template, kind: 'raw', reason: '' };
      const text = source.files.get(template);
      if (plan.kind === 'raw' && text !== undefined) rawFiles.set(`${RAW_DIR}/${template}`, text);
      const [pattern, ...rest] = plannedFields(plan);
      return [
        name,
        objectOf([
          pattern!,
          ['label', generated ? labelOf(name, entry, byName) : undefined],
          ...rest,
          ...(parts?.datatypes?.get(name) ?? []),
          ['manifest', generated ? without(entry, OWN_DATATYPE_FIELDS) : undefined],
        ]),
      ];
    }),
  );
  const hoisted = shareDefaults
    ? hoistWithPresets(planned, datatypePatterns, hoistDatatypeDefaults)
    : { datatypes: planned, defaults: undefined };
  const { defaults } = hoisted;
  const datatypes = withoutDefaultPattern(hoisted.datatypes);
  const connectorPatches = objectOf([
    ['system', parts !== undefined && adoption?.system?.length ? asJson(adoption.system) : undefined],
    ['manifest', generated && adoption?.manifest?.length ? asJson(adoption.manifest) : undefined],
  ]);
  if (!generated) rawFiles.set(RAW_MANIFEST_FILE, source.manifestText);
  const systemText = source.files.get(source.systemTemplate);
  if (parts === undefined && systemText !== undefined) rawFiles.set(rawSystemFile(source), systemText);
  const config = objectOf([
    ['$schema', SCHEMA_PATH],
    ['system', system],
    ['label', connectorLabel(source, system)],
    ['datatypeLabels', byName ? 'name' : undefined],
    ['auth', parts?.auth],
    ['manifest', generated ? passedThrough(source, parts?.auth) : undefined],
    ['restSystem', parts?.restSystem],
    ['datatypeDefaults', defaults],
    ['datatypes', datatypes],
    ['patches', connectorPatches.size > 0 ? connectorPatches : undefined],
    ['manifestFile', generated ? undefined : RAW_MANIFEST_FILE],
    ['systemFile', parts === undefined ? rawSystemFile(source) : undefined],
  ]);
  return { config, rawFiles };
};
