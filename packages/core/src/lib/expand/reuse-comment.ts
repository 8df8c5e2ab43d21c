import { JsonObject, type JsonValue } from '../json';

/**
 * The stem sesam-py compares with the datatype name: the template path's basename without its last
 * extension (Python's `os.path.splitext`, which ignores leading dots: `.json` has no extension).
 */
export function templateStem(templatePath: string): string {
  const base = templatePath.slice(templatePath.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  if (dot <= 0 || /^\.+$/.test(base.slice(0, dot))) return base;
  return base.slice(0, dot);
}

/** sesam-py's sentence for components of a datatype whose template is named after another datatype. */
export const reusedTemplateComment = (stem: string): string =>
  `WARNING! This pipe is generated from the template of the '${stem}' datatype and changes will be silently ignored during collapse. For more information see the connectorpy README.`;

/** Sets (replacing any existing) `comment` on every component; each must be a JSON object. */
export function markReused(components: JsonValue[], stem: string): void {
  for (const component of components) {
    if (component instanceof JsonObject) component.set('comment', reusedTemplateComment(stem));
  }
}
