import { isJsonObject, JsonObject, JsonParseError, parseJson, type JsonValue } from '../json';

/** Pipe ids a pattern makes: `{{@ system @}}-{{@ datatype @}}-<role>`. */
export const SYSTEM_PLACEHOLDER = '{{@ system @}}';
export const DATATYPE_PLACEHOLDER = '{{@ datatype @}}';
const PIPE_PREFIX = `${SYSTEM_PLACEHOLDER}-${DATATYPE_PLACEHOLDER}-`;

/** The role of a pipe id of the pattern naming, or undefined. */
export const pipeRole = (id: unknown): string | undefined =>
  typeof id === 'string' && id.startsWith(PIPE_PREFIX) && id.length > PIPE_PREFIX.length
    ? id.slice(PIPE_PREFIX.length)
    : undefined;

/** A template's pipes by role (in file order), or why a pattern cannot describe them. */
export type SourcePipes = { ok: true; pipes: Map<string, JsonObject> } | { ok: false; reason: string };

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The datatype's own name written out where the pattern writes `{{@ datatype @}}`: in pipe and
 * dataset ids (`{{@ system @}}-<name>-…`) and in operation names (`<name>-<role>`). A template only
 * one datatype uses expands to the same node config either way, so such a template is read as if it
 * used the placeholder (the proof after planning checks the expanded result).
 */
export function withDatatypePlaceholder(value: JsonValue, datatype: string, key?: string): JsonValue {
  if (typeof value === 'string') {
    const named = value.replace(
      new RegExp(`${escapeRegExp(SYSTEM_PLACEHOLDER)}-${escapeRegExp(datatype)}-`, 'g'),
      PIPE_PREFIX,
    );
    const isOperation = key !== undefined && (key === 'operation' || key.startsWith('operation_'));
    return isOperation && named.startsWith(`${datatype}-`)
      ? `${DATATYPE_PLACEHOLDER}${named.slice(datatype.length)}`
      : named;
  }
  if (Array.isArray(value)) return value.map((item) => withDatatypePlaceholder(item, datatype));
  if (isJsonObject(value)) {
    return new JsonObject(
      [...value].map(([member, item]) => [member, withDatatypePlaceholder(item, datatype, member)]),
    );
  }
  return value;
}

/**
 * Reads a datatype template (one pipe object or an array of them) as pipes by role. `datatype` is
 * given when only that datatype uses the template: its name written out is then read as the
 * placeholder (see `withDatatypePlaceholder`).
 */
export function readSourcePipes(text: string, file: string, datatype?: string): SourcePipes {
  let parsed: JsonValue;
  try {
    parsed = parseJson(text, file);
  } catch (error) {
    if (error instanceof JsonParseError)
      return { ok: false, reason: `it is not valid JSON (${error.message})` };
    throw error;
  }
  if (datatype !== undefined) parsed = withDatatypePlaceholder(parsed, datatype);
  const components = Array.isArray(parsed) ? parsed : [parsed];
  const pipes = new Map<string, JsonObject>();
  for (const [index, component] of components.entries()) {
    const where = Array.isArray(parsed) ? `[${index}]` : 'the root';
    if (!isJsonObject(component)) return { ok: false, reason: `${where} is not a JSON object` };
    const id = component.get('_id');
    if (component.get('type') !== 'pipe') {
      return {
        ok: false,
        reason: `${where} (${JSON.stringify(id)}) is not a pipe (type ${JSON.stringify(component.get('type'))})`,
      };
    }
    const role = pipeRole(id);
    if (role === undefined) {
      return {
        ok: false,
        reason: `the pipe ${JSON.stringify(id)} does not follow the naming {{@ system @}}-{{@ datatype @}}-<role>`,
      };
    }
    if (pipes.has(role)) return { ok: false, reason: `two pipes have the id ${JSON.stringify(id)}` };
    pipes.set(role, component);
  }
  if (pipes.size === 0) return { ok: false, reason: 'it holds no pipe' };
  return { ok: true, pipes };
}
