/**
 * Mermaid flowchart text pieces: node ids that Mermaid cannot misread, and labels it shows as given.
 */

/**
 * A quoted label. `"`, `#`, `<`, `>`, `&`, `|`, and `` ` `` become Mermaid's numeric entity
 * codes (`#34;`), so no label can end the quotes, start markdown or HTML, or end an edge label;
 * whitespace runs (new lines included) become one space.
 */
export const mermaidLabel = (text: string): string =>
  `"${text.replace(/\s+/g, ' ').replace(/[#"<>&|`]/g, (c) => `#${c.codePointAt(0)};`)}"`;

/**
 * Hands out node ids: `<prefix>_<name>` with everything but ASCII letters, digits and `_` turned into
 * `_` (so no id is a Mermaid keyword such as `end`, or starts an `o`/`x` edge end), and a number
 * added when two names would meet.
 */
export class NodeIds {
  private readonly byKey = new Map<string, string>();
  private readonly taken = new Set<string>();

  /** The id of the node `key` (unique per prefix), made from `name` (default the key). */
  id(prefix: string, key: string, name = key): string {
    const full = `${prefix}\0${key}`;
    const known = this.byKey.get(full);
    if (known !== undefined) return known;
    const base = `${prefix}_${name.replace(/[^A-Za-z0-9_]/g, '_')}`;
    let id = base;
    for (let n = 2; this.taken.has(id); n++) id = `${base}_${n}`;
    this.taken.add(id);
    this.byKey.set(full, id);
    return id;
  }
}
