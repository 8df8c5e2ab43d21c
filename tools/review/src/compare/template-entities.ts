import { isJsonArray, isJsonObject, parseJson, toCanonicalJson } from '@sesam-connectors/core/json';
import { MANIFEST_FILE } from '@sesam-connectors/core/layout';

/** One config object of a template file (a pipe or the system), in canonical JSON. */
export interface TemplateEntity {
  /** Its `_id`; `#<n>` (1-based position) when it has none; `<id> (#<n>)` for a repeated `_id`. */
  id: string;
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
    let id = typeof rawId === 'string' ? rawId : `#${index + 1}`;
    if (seen.has(id)) id = `${id} (#${index + 1})`;
    seen.add(id);
    return { id, canonical: toCanonicalJson(item) };
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

/** The datatype names of a manifest.json (keys of `datatypes`), [] when there are none or it is not JSON. */
export const manifestDatatypeNames = (text: string | undefined): string[] => {
  if (text === undefined) return [];
  try {
    const manifest = parseJson(text, MANIFEST_FILE);
    const datatypes = isJsonObject(manifest) ? manifest.get('datatypes') : undefined;
    return isJsonObject(datatypes) ? [...datatypes.keys()] : [];
  } catch {
    return [];
  }
};
