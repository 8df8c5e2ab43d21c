import { BoundedCache } from '../cache';
import { JsonObject, JsonParseError, parseJson, type JsonValue } from '../json';
import { MANIFEST_FILE } from '../layout';
import {
  componentPath,
  ExpandError,
  expandConnector,
  readManifestDatatypes,
  readManifest,
  splitTemplatePath,
  universalNewlines,
  type ConnectorSource,
  type ExpandOptions,
  type ExpandResult,
  type FiledComponent,
  type JsonPath,
  type ManifestDatatype,
} from '../expand';
import type { Location } from './finding';

/** A template as `sesam validate` reads it: raw, before rendering. */
export interface RawTemplate {
  /** Connector-relative file. */
  readonly file: string;
  /** Whether the manifest's system-template names it. */
  readonly isSystem: boolean;
  /** The datatypes using it (none for the system template), in manifest order, with the path each wrote. */
  readonly users: readonly { readonly datatype: string; readonly template: string }[];
  readonly text: string;
  /** The parsed raw JSON, or the parse error (sesam validate crashes on it). */
  readonly json?: JsonValue;
  readonly parseError?: JsonParseError;
}

/** An expanded component file (`pipes/…` or `systems/…`) with the component that produced it. */
export interface ExpandedFile {
  readonly path: string;
  /** The file name, e.g. `xxxxxx-order-collect.conf.json`. */
  readonly name: string;
  readonly value: JsonObject;
  readonly component: FiledComponent;
}

/** What the rules look at: the manifest, raw templates, and the expansion (or why it failed). */
export interface ConnectorView {
  readonly source: ConnectorSource;
  readonly manifest?: JsonObject;
  readonly datatypes: readonly ManifestDatatype[];
  /** Datatype templates and the system template, by file. */
  readonly templates: ReadonlyMap<string, RawTemplate>;
  readonly expanded?: ExpandResult;
  readonly expandError?: ExpandError;
  /** The final pipe and system files (after later components replaced earlier ones). */
  readonly pipes: readonly ExpandedFile[];
  readonly systems: readonly ExpandedFile[];
}

/** Expands the connector (in memory) and gathers what the rules need. */
export function viewConnector(source: ConnectorSource, options: ExpandOptions): ConnectorView {
  try {
    return viewExpansion(source, expandConnector(source, options));
  } catch (error) {
    if (!(error instanceof ExpandError)) throw error;
    return viewExpansion(source, undefined, error);
  }
}

/** The view of an expansion already made (or of its failure). */
export function viewExpansion(
  source: ConnectorSource,
  expanded: ExpandResult | undefined,
  expandError?: ExpandError,
): ConnectorView {
  let manifest: JsonObject | undefined;
  let datatypes: ManifestDatatype[] = [];
  try {
    manifest = expanded?.manifest ?? readManifest(source);
    datatypes = readManifestDatatypes(manifest);
  } catch (error) {
    if (!(error instanceof ExpandError)) throw error;
  }
  const files = expanded ? finalFiles(expanded) : [];
  return {
    source,
    manifest,
    datatypes,
    templates: readRawTemplates(source, datatypes, manifest),
    expanded,
    expandError,
    pipes: files.filter((f) => f.path.startsWith('pipes/')),
    systems: files.filter((f) => f.path.startsWith('systems/')),
  };
}

/** Where a component (and a path inside it) lives in the connector: its template, or the manifest for shims. */
export function componentLocation(component: FiledComponent, inner: JsonPath = []): Location {
  const { origin } = component;
  const at = component.path === undefined ? {} : { component: component.path };
  if (origin.kind === 'shim')
    return { file: MANIFEST_FILE, jsonPath: ['datatypes', origin.datatype ?? ''], ...at };
  return { file: origin.file, jsonPath: componentPath(origin, inner), ...at };
}

function finalFiles(expanded: ExpandResult): ExpandedFile[] {
  const last = new Map<string, FiledComponent>();
  for (const component of expanded.components) if (component.path) last.set(component.path, component);
  return [...last]
    .filter(([, component]) => component.value instanceof JsonObject)
    .map(([path, component]) => ({
      path,
      name: path.slice(path.indexOf('/') + 1),
      value: component.value as JsonObject,
      component,
    }));
}

function readRawTemplates(
  source: ConnectorSource,
  datatypes: readonly ManifestDatatype[],
  manifest: JsonObject | undefined,
): Map<string, RawTemplate> {
  const templates = new Map<
    string,
    { isSystem: boolean; users: { datatype: string; template: string }[]; text: string }
  >();
  const add = (template: string, user?: { datatype: string; template: string }) => {
    const file = splitTemplatePath(template)?.join('/');
    if (!file) return;
    const entry = templates.get(file);
    if (entry) {
      if (user) entry.users.push(user);
      else entry.isSystem = true;
      return;
    }
    let text: string | undefined;
    try {
      text = source.readText(file);
    } catch {
      return; // Not UTF-8: expansion reports it.
    }
    if (text !== undefined) templates.set(file, { isSystem: !user, users: user ? [user] : [], text });
  };
  const system = manifest?.get('system-template');
  if (typeof system === 'string' && system !== '') add(system);
  for (const { name, template } of datatypes) add(template, { datatype: name, template });
  return new Map(
    [...templates].map(([file, entry]): [string, RawTemplate] => [
      file,
      { file, ...entry, ...parsedTemplates.getOrCreate(entry.text, parseRawTemplate) },
    ]),
  );
}

type ParsedTemplate = Pick<RawTemplate, 'json' | 'parseError'>;

/** Raw templates parsed by text, shared across connectors (the rules only read them). */
const parsedTemplates = new BoundedCache<string, ParsedTemplate>(500);

function parseRawTemplate(text: string): ParsedTemplate {
  try {
    return { json: parseJson(universalNewlines(text)) };
  } catch (error) {
    if (!(error instanceof JsonParseError)) throw error;
    return { parseError: error };
  }
}
