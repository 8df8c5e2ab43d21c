import type { ErrorObject } from 'ajv';
import { JsonNumber, JsonObject, type JsonValue } from '../json';
import { nameProblem } from './names';
import type { ConfigPath, ConfigProblem } from './problems';

type SchemaLike = { readonly [keyword: string]: unknown } | undefined;

/**
 * Turns ajv errors (run with `allErrors` and `verbose`) into problems a user can act on; a number
 * is shown as written in `lossless` (the parsed file), when given.
 */
export function problemsFromAjv(
  errors: readonly ErrorObject[],
  data: unknown,
  lossless?: JsonValue,
): ConfigProblem[] {
  const anyOfPaths = errors.filter((e) => e.keyword === 'anyOf').map((e) => e.schemaPath);
  const problems: ConfigProblem[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    // Branch errors of an anyOf are summed up by the anyOf error itself.
    if (anyOfPaths.some((p) => error.schemaPath !== p && error.schemaPath.startsWith(`${p}/`))) continue;
    const path = instancePath(error.instancePath, data);
    const problem = problemFromAjv(error, path, lossless === undefined ? undefined : valueAt(lossless, path));
    if (problem === undefined) continue;
    const key = JSON.stringify(problem);
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems;
}

/** The value at `path` in a parsed file. */
function valueAt(value: JsonValue | undefined, path: ConfigPath): JsonValue | undefined {
  let node = value;
  for (const key of path)
    node =
      node instanceof JsonObject
        ? node.get(String(key))
        : Array.isArray(node)
          ? node[Number(key)]
          : undefined;
  return node;
}

function problemFromAjv(
  error: ErrorObject,
  path: ConfigPath,
  written?: JsonValue,
): ConfigProblem | undefined {
  const params = error.params as { [name: string]: unknown };
  const parentSchema = error.parentSchema as SchemaLike;
  switch (error.keyword) {
    case 'if': // reported through the failing `then` keywords
    case 'propertyNames': // reported through its `pattern` error, which names the property
      return undefined;
    case 'required': {
      const missing = String(params['missingProperty']);
      // The field's own description, else (a conditional `then`) why the branch requires it.
      const described =
        (parentSchema?.['properties'] as { [k: string]: SchemaLike } | undefined)?.[missing]?.[
          'description'
        ] ?? parentSchema?.['description'];
      const hint = typeof described === 'string' ? ` (${described})` : '';
      return { path: [...path, missing], message: `required field is missing${hint}` };
    }
    case 'additionalProperties': {
      const field = String(params['additionalProperty']);
      const allowed = Object.keys((parentSchema?.['properties'] as object | undefined) ?? {});
      const close = allowed.find((name) => editDistance(name.toLowerCase(), field.toLowerCase()) <= 2);
      const suggestion = close === undefined ? '' : `; did you mean "${close}"?`;
      const list = allowed.length === 0 ? '; nothing may be set here' : `; allowed: ${allowed.join(', ')}`;
      return { path: [...path, field], message: `unknown field${suggestion}${list}` };
    }
    case 'pattern': {
      const described = parentSchema?.['description'];
      if (error.propertyName !== undefined) {
        const name = error.propertyName;
        // A described propertyNames schema says what the keys are (e.g. pipe roles); else datatype names.
        const message =
          typeof described === 'string'
            ? `"${name}" is not ${described}`
            : (nameProblem('datatype', name) ?? error.message ?? 'invalid name');
        return { path: [...path, name], message };
      }
      if (path.length === 1 && path[0] === 'system' && typeof error.data === 'string') {
        return {
          path,
          message: nameProblem('system', error.data) ?? `must match ${String(params['pattern'])}`,
        };
      }
      const hint = typeof described === 'string' ? ` (${described})` : '';
      return { path, message: `must match the pattern ${String(params['pattern'])}${hint}` };
    }
    case 'type':
      return {
        path,
        message: `must be ${typeWords(String(params['type']))} (found ${written instanceof JsonNumber ? `the number ${written.lexeme}` : describe(error.data)})`,
      };
    case 'enum':
      return {
        path,
        message: `must be one of ${(params['allowedValues'] as unknown[]).map(word).join(', ')}`,
      };
    case 'const':
      return { path, message: `must be ${word(params['allowedValue'])}` };
    case 'anyOf': {
      const description = parentSchema?.['description'];
      return {
        path,
        message: typeof description === 'string' ? `must be ${description}` : 'has the wrong shape',
      };
    }
    case 'not': {
      // A described `not` says the rule itself (e.g. one guard per patch operation).
      const description = parentSchema?.['description'];
      return {
        path,
        message: typeof description === 'string' ? description : 'has a shape that is not allowed',
      };
    }
    case 'minLength':
      return {
        path,
        message:
          params['limit'] === 1 ? 'must not be empty' : `must have at least ${params['limit']} characters`,
      };
    case 'minItems':
      return {
        path,
        message: `must have at least ${params['limit']} item${params['limit'] === 1 ? '' : 's'}`,
      };
    case 'minProperties':
      return {
        path,
        message:
          path.length === 1 && path[0] === 'datatypes'
            ? 'must define at least one datatype'
            : `must have at least ${params['limit']} entr${params['limit'] === 1 ? 'y' : 'ies'}`,
      };
    case 'minimum':
      return { path, message: `must be at least ${params['limit']}` };
    case 'maximum':
      return { path, message: `must be at most ${params['limit']}` };
    default:
      return { path, message: error.message ?? `fails the schema keyword ${error.keyword}` };
  }
}

/** JSON pointer → path segments, with array indexes as numbers (looked up in the data). */
function instancePath(pointer: string, data: unknown): ConfigPath {
  if (pointer === '') return [];
  const path: (string | number)[] = [];
  let node: unknown = data;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) {
      path.push(Number(key));
      node = node[Number(key)];
    } else {
      path.push(key);
      node = node !== null && typeof node === 'object' ? (node as { [k: string]: unknown })[key] : undefined;
    }
  }
  return path;
}

const TYPE_WORDS: { [type: string]: string } = {
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'true or false',
  object: 'an object',
  array: 'an array',
  null: 'null',
};

const typeWords = (types: string): string =>
  types
    .split(',')
    .map((type) => TYPE_WORDS[type] ?? type)
    .join(' or ');

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  if (typeof value === 'number') return `the number ${value}`;
  return String(value);
}

const word = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

/** Levenshtein distance, for "did you mean" on misspelled field names. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length]!;
}
