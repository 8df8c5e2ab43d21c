import type { JsonPath } from '../expand';
import type { RawTemplate } from './connector-view';
import { stringsMatching } from './pipe-parts';

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The JSON path of the first string in a raw template whose expand-time expression mentions `name`
 * (`"{{@ account_id @}}.example"` for `account_id`), or the root when the template is not JSON or
 * has no such string.
 */
export function locateVariable(template: RawTemplate | undefined, name: string): JsonPath {
  if (!template?.json) return [];
  const pattern = new RegExp(`\\{\\{[@%][^@%]*(?<![\\w.])${escapeRegExp(name)}(?!\\w)`);
  const [match] = stringsMatching(template.json, (text) => pattern.test(text), { first: true });
  return match?.path ?? [];
}
