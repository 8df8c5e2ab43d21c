import { toCanonicalJson, type JsonObject, type JsonValue } from '../json';
import { MANIFEST_FILE } from '../layout';
import { fileComponents, type ExpandedComponent, type FiledComponent } from './component-files';
import type { ConnectorSource } from './connector-source';
import { envFileContent, envFileName, NODE_METADATA_FILE, nodeMetadataContent } from './env-file';
import type { UndefinedUse } from './jinja';
import {
  additionalParameterNames,
  readManifestDatatypes,
  readManifest,
  manifestSystemTemplate,
  type ManifestDatatype,
} from './manifest';
import { renderComponents, type RenderedComponents } from './render-components';
import { markReused, templateStem } from './reuse-comment';
import { expandError } from './errors';
import { fileNamePartProblem } from './file-name-part';
import { SHIM } from './shim';
import { TemplateLoader, type LoadedTemplate } from './template-loader';

export const DEFAULT_SYSTEM_PLACEHOLDER = 'xxxxxx';
export const DEFAULT_PROFILE = 'test';

export interface ExpandOptions {
  /** The `{{@ system @}}` value (sesam-py's `--system-placeholder`); default `xxxxxx`. */
  readonly systemPlaceholder?: string;
  /** Names `<profile>-env.json`; default `test`. */
  readonly profile?: string;
}

/** An expand-time variable that was undefined where a template printed it (it rendered as ""). */
export interface UndefinedVariable extends UndefinedUse {
  /** Connector-relative template file. */
  readonly file: string;
  /** The datatype being rendered; absent for the system template. */
  readonly datatype?: string;
}

/** A parameter a datatype's template used although only an earlier datatype defined it. */
export interface LeakedParameter {
  readonly name: string;
  readonly file: string;
  readonly datatype: string;
  /** The datatype whose `parameters` set the value that leaked. */
  readonly definedBy: string;
}

export interface ExpandResult {
  readonly manifest: JsonObject;
  /** Every component in generation order (system, then per datatype its components and shim). */
  readonly components: readonly FiledComponent[];
  /**
   * The expanded folder: relative path → file content, exactly as sesam-py writes it. A later
   * component with the same path has replaced an earlier one, as sesam-py's file writes do.
   */
  readonly files: ReadonlyMap<string, string>;
  readonly pipeCount: number;
  readonly systemCount: number;
  readonly undefinedVariables: readonly UndefinedVariable[];
  readonly leakedParameters: readonly LeakedParameter[];
  /** Things sesam-py logs as warnings (replaced webhook permissions). */
  readonly notes: readonly string[];
}

/**
 * sesam-py's expand, phase A plus the content of phase B, in memory: nothing is written (see
 * `writeExpanded`). Throws `ExpandError` for every input sesam-py rejects. Undefined expand-time
 * variables render as "" exactly like sesam-py; they are returned in `undefinedVariables` for the
 * caller to report.
 */
export function expandConnector(source: ConnectorSource, options: ExpandOptions = {}): ExpandResult {
  const placeholder = options.systemPlaceholder ?? DEFAULT_SYSTEM_PLACEHOLDER;
  const profile = options.profile ?? DEFAULT_PROFILE;
  for (const [option, value, kind] of [
    ['profile', profile, 'profile'],
    ['systemPlaceholder', placeholder, 'placeholder'],
  ] as const) {
    const problem = fileNamePartProblem(value, kind);
    if (problem !== undefined)
      throw expandError('OptionInvalid', `${JSON.stringify(value)} ${problem}`, {
        file: option,
        hint: `choose another ${option}`,
      });
  }
  const manifest = readManifest(source);
  const loader = new TemplateLoader(source);
  const undefinedVariables: UndefinedVariable[] = [];
  const leakedParameters: LeakedParameter[] = [];
  const generated: ExpandedComponent[] = [];

  const additional = additionalParameterNames(manifest);
  const base = new Map<string, JsonValue>([
    ['system', placeholder],
    ...additional.map((key): [string, JsonValue] => [key, `$ENV(${key})`]),
  ]);

  const systemTemplate = manifestSystemTemplate(manifest);
  if (systemTemplate !== undefined) {
    const template = loader.load(systemTemplate, { file: MANIFEST_FILE, jsonPath: ['system-template'] });
    const record = (use: UndefinedUse) => undefinedVariables.push({ ...use, file: template.file });
    generated.push(...withOrigin(renderComponents(template, base, record), template, 'system'));
  }

  // Datatype parameters are merged into this running context and stay there (they leak into later
  // datatypes), exactly as in sesam-py; `definedBy` remembers which datatype set each one.
  const running = new Map(base);
  const definedBy = new Map<string, string>();
  for (const datatype of readManifestDatatypes(manifest)) {
    const template = loader.load(datatype.template, {
      file: MANIFEST_FILE,
      jsonPath: ['datatypes', datatype.name, 'template'],
    });
    for (const [key, value] of datatype.parameters ?? []) {
      running.set(key, value);
      definedBy.set(key, datatype.name);
    }
    const context = new Map(running);
    context.set('datatype', datatype.name);
    if (datatype.hasParent) context.set('parent', datatype.parent);

    leakedParameters.push(...leaksInto(datatype, template, definedBy));
    const record = (use: UndefinedUse) =>
      undefinedVariables.push({ ...use, file: template.file, datatype: datatype.name });
    const rendered = renderComponents(template, context, record);
    const stem = templateStem(datatype.template);
    if (stem !== datatype.name) markReused(rendered.components, stem);
    generated.push(...withOrigin(rendered, template, 'datatype', datatype.name));

    const shimContext = new Map<string, JsonValue>([
      ['system', placeholder],
      ['datatype', datatype.name],
    ]);
    generated.push(...withOrigin(renderComponents(SHIM, shimContext), SHIM, 'shim', datatype.name));
  }

  const notes: string[] = [];
  const components = fileComponents(generated, manifest.get('use_webhook_secret'), (note) =>
    notes.push(note),
  );
  // The env file is read now (an invalid one is an expand error); the components' JSON text is
  // written when first asked for: validation only looks at the components.
  const metadata: [string, string][] = [
    [NODE_METADATA_FILE, nodeMetadataContent()],
    [envFileName(profile), envFileContent(source, profile, additional)],
  ];
  const paths = new Set<string>(metadata.map(([path]) => path));
  for (const component of components) if (component.path) paths.add(component.path);
  let files: Map<string, string> | undefined;
  return {
    manifest,
    components,
    get files() {
      return (files ??= expandedFiles(components, metadata));
    },
    pipeCount: [...paths].filter((p) => p.startsWith('pipes/')).length,
    systemCount: [...paths].filter((p) => p.startsWith('systems/')).length,
    undefinedVariables,
    leakedParameters,
    notes,
  };
}

/** The folder's files: the metadata files first, then each component's canonical JSON (a later one with the same path wins). */
function expandedFiles(
  components: readonly FiledComponent[],
  metadata: readonly [string, string][],
): Map<string, string> {
  const files = new Map<string, string>(metadata);
  for (const component of components)
    if (component.path) files.set(component.path, toCanonicalJson(component.value));
  return files;
}

/** The names the template reads that only an earlier datatype's parameters define. */
function leaksInto(
  datatype: ManifestDatatype,
  template: LoadedTemplate,
  definedBy: ReadonlyMap<string, string>,
): LeakedParameter[] {
  const own = (name: string) =>
    datatype.parameters?.has(name) || name === 'datatype' || (name === 'parent' && datatype.hasParent);
  return [...template.compiled.contextNames]
    .filter((name) => definedBy.has(name) && !own(name))
    .map((name) => ({ name, file: template.file, datatype: datatype.name, definedBy: definedBy.get(name)! }));
}

function withOrigin(
  { components, isArray }: RenderedComponents,
  template: LoadedTemplate,
  kind: 'system' | 'datatype' | 'shim',
  datatype?: string,
): ExpandedComponent[] {
  return components.map((value, index) => ({
    value,
    origin: { kind, file: template.file, datatype, index: isArray ? index : undefined },
  }));
}
