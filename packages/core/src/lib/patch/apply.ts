import { applyOperation, getValueByPointer, JsonPatchError, type Operation } from 'fast-json-patch';
import { formatJsonPath } from '../json';
import { matchesSha256, valueSha256, GUARD_DIGEST_PATTERN } from './digest';
import { guardFix, inlineGuardOf, inlineGuardPointer, isGuarded, unguardedOperations } from './guards';
import { pointerTokens } from './pointer';
import { isRecord, shownValue, toPatchValue, type PatchInput } from './tree';
import type {
  InlineGuard,
  PatchFailure,
  PatchFailureKind,
  PatchOperation,
  PatchResult,
  PatchValue,
  PatchWhere,
} from './types';

/** fast-json-patch's error names that mean "the path (or from) is not in the document". */
const MISSING_PATH = new Set([
  'OPERATION_PATH_UNRESOLVABLE',
  'OPERATION_FROM_UNRESOLVABLE',
  'OPERATION_PATH_CANNOT_ADD',
  'OPERATION_VALUE_OUT_OF_BOUNDS',
  'OPERATION_PATH_ILLEGAL_ARRAY_INDEX',
]);

const REVIEW =
  'the pattern (or its options) changed what it renders here since the patch was written: look at the built file';

/**
 * Applies RFC 6902 operations (through fast-json-patch) to a copy of `document`, the JSON the
 * pattern rendered (undefined: the pattern renders nothing for this role, and the patch must create
 * it with an `add` at ""). Returns the patched value or, when the patch does not fit, a failure
 * that names where (connector, datatype, role, pointer), what the patch expected, what the
 * document holds, and the fix. Pure: neither `document` nor `operations` is changed.
 *
 * Beyond RFC 6902, every operation that would change a rendered value must be guarded by an earlier
 * `test` of its path or an ancestor, or by its own `was` / `wasSha256` (checked just before it
 * applies): replace, remove, move (its from), an add that overwrites an existing member, and an add
 * at an array index (append with `/-` instead), so that a pattern change never makes the patch apply
 * in the wrong place. A `reason` member is carried along and ignored, as RFC 6902 §4 asks.
 */
export function applyPatch(
  document: PatchInput | undefined,
  operations: readonly PatchOperation[],
  where: PatchWhere,
): PatchResult {
  const fail = (kind: PatchFailureKind, index: number, details: FailureDetails): PatchResult => ({
    ok: false,
    error: failure(kind, where, index, details),
  });
  const unguarded = unguardedOperations(operations)[0];
  if (unguarded !== undefined) {
    return fail('unguarded', unguarded.index, {
      pointer: unguarded.pointer,
      headline: `${operations[unguarded.index]!.op} without a guard`,
      actual: document === undefined ? undefined : valueAt(toPatchValue(document), unguarded.pointer),
      fix: guardFix(unguarded.pointer),
    });
  }
  let current: PatchValue | undefined = document === undefined ? undefined : toPatchValue(document);
  for (const [index, operation] of operations.entries()) {
    const pointer = operation.path;
    if (current === undefined && !(index === 0 && operation.op === 'add' && pointer === '')) {
      return fail('no-pipe', index, {
        pointer,
        headline: `the pattern renders nothing for role ${where.role}`,
        fix: 'a patch for a role the pattern does not make must create the whole pipe: start it with {"op": "add", "path": "", "value": {…the pipe…}}; or drop the patch',
      });
    }
    if (operation.op === 'remove' && pointer === '') {
      return fail('invalid', index, {
        pointer,
        headline: 'a patch cannot remove the whole document',
        fix: 'choose pattern options that do not render this pipe, or drop the patch',
      });
    }
    const guard = inlineGuardOf(operation);
    if (guard !== undefined) {
      const problem = inlineGuardProblem(current, inlineGuardPointer(operation), guard);
      if (problem !== undefined) return fail(problem[0], index, problem[1]);
    }
    if (current !== undefined) {
      const overwrite = overwriteProblem(current, operations, index);
      if (overwrite !== undefined) return fail('unguarded', index, overwrite);
    }
    // Only the RFC 6902 members go to fast-json-patch (the guard is checked above, a reason is ignored).
    let applied: Operation;
    if (operation.op === 'add' || operation.op === 'replace' || operation.op === 'test') {
      applied = { op: operation.op, path: pointer, value: toPatchValue(operation.value) };
    } else if (operation.op === 'remove') {
      applied = { op: 'remove', path: pointer };
    } else if (operation.op === 'move') {
      applied = { op: 'move', path: pointer, from: operation.from };
    } else if (operation.op === 'copy') {
      // fast-json-patch copies through JSON.stringify, which would turn lossless numbers into objects.
      const value = valueAt(current, operation.from);
      if (value === undefined) {
        return fail('missing-path', index, {
          pointer: operation.from,
          headline: 'copy from a path that does not exist',
          fix: `${REVIEW}; point from at the value to copy, or drop the operation`,
        });
      }
      applied = { op: 'add', path: pointer, value: toPatchValue(value) };
    } else {
      applied = { ...(operation as Operation) };
    }
    try {
      current = applyOperation(current, applied, true, true, true, index).newDocument as PatchValue;
    } catch (error) {
      return fail(...describeError(error, operation, current, index));
    }
  }
  if (current === undefined) throw new Error('unreachable: an empty patch of a missing document');
  return { ok: true, value: current };
}

interface FailureDetails {
  readonly pointer: string;
  readonly headline: string;
  readonly expected?: PatchValue;
  readonly expectedSha256?: string;
  readonly actual?: PatchValue;
  readonly actualSha256?: string;
  readonly fix: string;
}

const NOT_THERE = 'the guarded path is not in what the pattern renders';
const CHANGED = 'the guard does not hold: the pattern now renders something else here';
const stillRight = (what: string): string =>
  `${REVIEW}. If the patch is still right, ${what} (and check the operations after it); if the pattern now does what the patch did, drop the patch`;

/**
 * Why an operation's own guard does not hold on `document` (undefined: it holds). `was` is checked
 * by fast-json-patch as the `test` it stands for; `wasSha256` against the digest of the value there.
 */
function inlineGuardProblem(
  document: PatchValue | undefined,
  pointer: string,
  guard: InlineGuard,
): [PatchFailureKind, FailureDetails] | undefined {
  const invalid = (headline: string, fix: string): [PatchFailureKind, FailureDetails] => [
    'invalid',
    { pointer, headline, fix },
  ];
  const { was, wasSha256 } = guard;
  if (was !== undefined && wasSha256 !== undefined)
    return invalid('it has both "was" and "wasSha256"', 'keep one of them');
  const actual = valueAt(document, pointer);
  if (wasSha256 !== undefined) {
    if (typeof wasSha256 !== 'string' || !new RegExp(GUARD_DIGEST_PATTERN).test(wasSha256)) {
      return invalid(
        `"wasSha256" is not 8 to 64 lowercase hex digits: ${JSON.stringify(wasSha256)}`,
        'write the digest a failing build prints, or "was": <the value> instead',
      );
    }
    if (actual !== undefined && matchesSha256(actual, wasSha256)) return undefined;
    const digest = actual === undefined ? undefined : valueSha256(actual, wasSha256.length);
    return [
      actual === undefined ? 'missing-path' : 'test-failed',
      {
        pointer,
        headline: actual === undefined ? NOT_THERE : CHANGED,
        expectedSha256: wasSha256,
        ...(actual === undefined ? {} : { actual, actualSha256: digest }),
        fix: stillRight(
          digest === undefined
            ? 'point the operation at where the value is now and set its "wasSha256" to that value\'s digest'
            : `set this operation's "wasSha256" to "${digest}" (the digest of what the pattern now renders)`,
        ),
      },
    ];
  }
  if (was === undefined) return undefined;
  const expected = toPatchValue(was);
  const fix = stillRight(`set this operation's "was" to what the pattern now renders`);
  if (actual === undefined) return ['missing-path', { pointer, headline: NOT_THERE, expected, fix }];
  try {
    applyOperation(document, { op: 'test', path: pointer, value: expected }, true, false, true);
    return undefined;
  } catch (error) {
    if (!(error instanceof JsonPatchError)) throw error;
    return ['test-failed', { pointer, headline: CHANGED, expected, actual, fix }];
  }
}

/** The value at a pointer, or undefined when the path does not exist. */
function valueAt(document: PatchValue | undefined, pointer: string): PatchValue | undefined {
  let value: PatchValue | undefined = document;
  for (const token of pointerTokens(pointer)) {
    if (Array.isArray(value)) value = /^(0|[1-9]\d*)$/.test(token) ? value[Number(token)] : undefined;
    else if (isRecord(value))
      value = Object.prototype.hasOwnProperty.call(value, token) ? value[token] : undefined;
    else return undefined;
  }
  return value;
}

/** An add, move or copy that would overwrite a member, or insert at an array index, without a guard. */
function overwriteProblem(
  document: PatchValue,
  operations: readonly PatchOperation[],
  index: number,
): FailureDetails | undefined {
  const operation = operations[index]!;
  if (operation.op !== 'add' && operation.op !== 'move' && operation.op !== 'copy') return undefined;
  const pointer = operation.path;
  if (isGuarded(operations, index, pointer)) return undefined;
  if (pointer === '') {
    return {
      pointer,
      headline: `${operation.op} replaces the whole document without a guard`,
      actual: document,
      fix: guardFix(''),
    };
  }
  const tokens = pointerTokens(pointer);
  const parent = valueAt(document, tokens.length === 1 ? '' : pointer.slice(0, pointer.lastIndexOf('/')));
  const key = tokens[tokens.length - 1]!;
  if (Array.isArray(parent) && key !== '-') {
    return {
      pointer,
      headline: `${operation.op} inserts at an array index without a guard`,
      actual: parent[Number(key)],
      fix: `an index moves when the pattern adds an element before it: append with ${JSON.stringify(`${pointer.slice(0, pointer.lastIndexOf('/'))}/-`)}, or ${guardFix(pointer)} (the element the new one goes before)`,
    };
  }
  if (isRecord(parent) && Object.prototype.hasOwnProperty.call(parent, key)) {
    return {
      pointer,
      headline: `${operation.op} overwrites a value the pattern renders, without a guard`,
      actual: parent[key],
      fix: `${REVIEW}: if the patch is still wanted, ${guardFix(pointer)}; else drop the operation`,
    };
  }
  return undefined;
}

function describeError(
  error: unknown,
  operation: PatchOperation,
  document: PatchValue | undefined,
  index: number,
): [PatchFailureKind, number, FailureDetails] {
  if (error instanceof JsonPatchError && error.name === 'TEST_OPERATION_FAILED' && operation.op === 'test') {
    const actual = valueAt(document, operation.path);
    return [
      actual === undefined ? 'missing-path' : 'test-failed',
      index,
      {
        pointer: operation.path,
        headline: actual === undefined ? NOT_THERE : CHANGED,
        expected: operation.value,
        actual,
        fix: stillRight("set this test's value to what the pattern now renders"),
      },
    ];
  }
  if (error instanceof JsonPatchError && MISSING_PATH.has(error.name)) {
    const from = error.name === 'OPERATION_FROM_UNRESOLVABLE' && 'from' in operation;
    const pointer = from ? operation.from : operation.path;
    return [
      'missing-path',
      index,
      {
        pointer,
        headline: `${operation.op} at a path the pattern does not render`,
        ...(operation.op === 'test' ? { expected: operation.value } : {}),
        actual: valueAt(document, pointer),
        fix: `${REVIEW}; point the operation at where the value is now, or drop it`,
      },
    ];
  }
  const reason = error instanceof Error ? error.message.split('\n')[0]! : String(error);
  return [
    'invalid',
    index,
    {
      pointer: operation.path,
      headline: `not an operation that can be applied: ${reason}`,
      fix: 'write an RFC 6902 operation: {"op": "add"|"remove"|"replace"|"move"|"copy"|"test", "path": "/…", …}',
    },
  ];
}

/** "<file>: <config path>[i]: <headline>" and the indented details. */
function failure(
  kind: PatchFailureKind,
  where: PatchWhere,
  index: number,
  details: FailureDetails,
): PatchFailure {
  const at =
    where.configPath === undefined ? `operation ${index}` : formatJsonPath([...where.configPath, index]);
  const target = [
    `connector ${where.connector}`,
    ...(where.datatype === undefined ? [] : [`datatype ${where.datatype}`]),
    `role ${where.role}`,
    ...(where.file === undefined ? [] : [`file ${where.file}`]),
  ].join(', ');
  const verdict =
    kind === 'unguarded' || kind === 'invalid' ? 'the patch is refused' : 'the patch no longer fits';
  const lines = [
    `${where.configFile === undefined ? '' : `${where.configFile}: `}${at}: ${verdict}: ${details.headline}`,
    `  ${target}`,
    `  JSON pointer: ${JSON.stringify(details.pointer)}`,
    ...('expected' in details ? [`  the patch expects: ${shownValue(details.expected)}`] : []),
    ...(details.expectedSha256 === undefined
      ? []
      : [`  the patch expects: a value whose SHA-256 starts ${details.expectedSha256}`]),
    `  the pattern now renders: ${shownValue(details.actual)}${details.actualSha256 === undefined ? '' : ` (SHA-256 ${details.actualSha256})`}`,
    `  fix: ${details.fix}`,
  ];
  return {
    kind,
    where,
    index,
    pointer: details.pointer,
    ...(details.expected === undefined ? {} : { expected: details.expected }),
    ...(details.expectedSha256 === undefined ? {} : { expectedSha256: details.expectedSha256 }),
    ...(details.actual === undefined ? {} : { actual: details.actual }),
    ...(details.actualSha256 === undefined ? {} : { actualSha256: details.actualSha256 }),
    fix: details.fix,
    message: lines.join('\n'),
  };
}
