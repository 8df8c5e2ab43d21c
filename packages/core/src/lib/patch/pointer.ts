import { escapePathComponent, unescapePathComponent } from 'fast-json-patch';

/** The reference tokens of a JSON pointer (`""` → [], `/a~1b/0` → ["a/b", "0"]). */
export const pointerTokens = (pointer: string): string[] =>
  pointer === '' ? [] : pointer.slice(1).split('/').map(unescapePathComponent);

/** The pointer of these tokens. */
export const toPointer = (tokens: readonly (string | number)[]): string =>
  tokens.map((token) => `/${escapePathComponent(String(token))}`).join('');

/** Whether `ancestor` is `pointer` itself or one of its ancestors (token-wise: /a is not above /ab). */
export function coversPointer(ancestor: string, pointer: string): boolean {
  if (ancestor === pointer || ancestor === '') return true;
  return pointer.startsWith(`${ancestor}/`);
}
