import { isJsonArray, isJsonObject, parseJson, toCanonicalJson } from '../json';

/** Pipes (and systems) a publish adds, changes and removes, by `_id` as Sesam will see them. */
export interface PipeChanges {
  readonly added: readonly string[];
  readonly changed: readonly string[];
  readonly removed: readonly string[];
}

const TEMPLATE = /^templates\/(.+)\.json$/;

/**
 * A template file's entities, `_id` → canonical JSON. The expand-time placeholders of the name
 * are filled in (`{{@ system @}}` with the system, `{{@ datatype @}}` with the file's name) so a
 * commit message names `shopify-order-collect`, not `{{@ system @}}-{{@ datatype @}}-collect`.
 * A file that is not a JSON object or array counts as one entity named after the file.
 */
export function templateEntities(path: string, text: string, system: string): Map<string, string> {
  const datatype = TEMPLATE.exec(path)?.[1] ?? path;
  const name = (id: string): string =>
    id.replace(/\{\{@\s*system\s*@\}\}/g, system).replace(/\{\{@\s*datatype\s*@\}\}/g, datatype);
  let value;
  try {
    value = parseJson(text, path);
  } catch {
    return new Map([[path, text]]);
  }
  const items = isJsonArray(value) ? value : isJsonObject(value) ? [value] : [];
  const entities = new Map<string, string>();
  items.forEach((item, index) => {
    const id = isJsonObject(item) ? item.get('_id') : undefined;
    const key = typeof id === 'string' ? name(id) : `${path} #${index + 1}`;
    entities.set(entities.has(key) ? `${key} #${index + 1}` : key, toCanonicalJson(item));
  });
  return entities;
}

/** The pipes that differ between the files before and after (templates only; undefined = no file). */
export function changedPipes(
  files: Iterable<{ path: string; before: string | undefined; after: string | undefined }>,
  system: string,
): PipeChanges {
  const added: string[] = [];
  const changed: string[] = [];
  const removed: string[] = [];
  for (const { path, before, after } of files) {
    if (!TEMPLATE.test(path)) continue;
    const old = before === undefined ? new Map<string, string>() : templateEntities(path, before, system);
    const now = after === undefined ? new Map<string, string>() : templateEntities(path, after, system);
    for (const [id, text] of now) {
      const was = old.get(id);
      if (was === undefined) added.push(id);
      else if (was !== text) changed.push(id);
    }
    for (const id of old.keys()) if (!now.has(id)) removed.push(id);
  }
  return { added: added.sort(), changed: changed.sort(), removed: removed.sort() };
}
