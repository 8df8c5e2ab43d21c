import { isJsonArray, isJsonObject, parseJson, toCanonicalJson } from '@sesam-connectors/core/json';
import { MANIFEST_FILE } from '@sesam-connectors/core/layout';

/** One config object of a template file (a pipe or the system), in canonical JSON. */
export interface TemplateEntity {
  /** Its `_id`; `#<n>` (1-based position) when it has none; `<id> (#<n>)` for a repeated `_id`. */
  id: string;
  /** Its `type` (`pipe`, `system:rest`, …), when it has one. */
  type?: string;
  canonical: string;
}

export type TemplateEntitiesResult = { entities: TemplateEntity[] } | { error: string };

/**
 * Splits a template file (one JSON object, or an array of them) into its entities keyed by `_id`.
 * A file that is not JSON, or not an object/array, gives an error value instead.
 */
export const templateEntities = (text: string, file: string): TemplateEntitiesResult => {
  let value;
  try {
    value = parseJson(text, file);
  } catch (error) {
    return { error: (error as Error).message };
  }
  const items = isJsonArray(value) ? value : isJsonObject(value) ? [value] : undefined;
  if (items === undefined) return { error: `${file}: expected a JSON object or an array of objects` };
  const seen = new Set<string>();
  const entities = items.map((item, index) => {
    const rawId = isJsonObject(item) ? item.get('_id') : undefined;
    const rawType = isJsonObject(item) ? item.get('type') : undefined;
    let id = typeof rawId === 'string' ? rawId : `#${index + 1}`;
    if (seen.has(id)) id = `${id} (#${index + 1})`;
    seen.add(id);
    const canonical = toCanonicalJson(item);
    return typeof rawType === 'string' ? { id, type: rawType, canonical } : { id, canonical };
  });
  return { entities };
};

/** The canonical JSON of a file, or the text itself when it is not JSON (so any file can be diffed). */
export const canonicalOrText = (text: string, file: string): string => {
  try {
    return toCanonicalJson(parseJson(text, file));
  } catch {
    return text;
  }
};

/** What the review reads from a manifest.json: its datatypes and which template file each uses. */
export interface ManifestShape {
  /** Datatype names in file order. */
  datatypes: string[];
  /** Template path (`templates/order.json`) → the datatypes that use it. */
  templates: Map<string, string[]>;
  /** The `system-template` path, when there is one. */
  systemTemplate?: string;
}

/** The datatypes, their templates and the system template of a manifest.json; empty when it is absent or not JSON. */
export const readManifest = (text: string | undefined): ManifestShape => {
  const shape: ManifestShape = { datatypes: [], templates: new Map() };
  if (text === undefined) return shape;
  let manifest;
  try {
    manifest = parseJson(text, MANIFEST_FILE);
  } catch {
    return shape;
  }
  if (!isJsonObject(manifest)) return shape;
  const systemTemplate = manifest.get('system-template');
  if (typeof systemTemplate === 'string') shape.systemTemplate = systemTemplate;
  const datatypes = manifest.get('datatypes');
  if (!isJsonObject(datatypes)) return shape;
  for (const [name, spec] of datatypes) {
    shape.datatypes.push(name);
    const template = isJsonObject(spec) ? spec.get('template') : undefined;
    if (typeof template !== 'string') continue;
    const users = shape.templates.get(template) ?? [];
    users.push(name);
    shape.templates.set(template, users);
  }
  return shape;
};

/** The datatype names of a manifest.json (keys of `datatypes`), [] when there are none or it is not JSON. */
export const manifestDatatypeNames = (text: string | undefined): string[] => readManifest(text).datatypes;
