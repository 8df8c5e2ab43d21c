import { JinjaError, unsupported } from './errors';
import { asText, binaryOp, compare, contains } from './operators';
import { pyIsLower, pyIsUpper } from './py-text';
import { PyCallable, PyDict, PyRange, PyTuple, Undefined, type PyValue } from './py-values';

/** Jinja's built-in tests (`x is defined`, `x is divisibleby 3`, …). */
type Test = (value: PyValue, args: PyValue[], str: (v: PyValue) => string) => boolean;

const isSequence = (v: PyValue): boolean =>
  asText(v) !== undefined ||
  Array.isArray(v) ||
  v instanceof PyTuple ||
  v instanceof PyDict ||
  v instanceof PyRange;

const TESTS: Record<string, Test> = {
  defined: (v) => !(v instanceof Undefined),
  undefined: (v) => v instanceof Undefined,
  none: (v) => v === null,
  boolean: (v) => typeof v === 'boolean',
  true: (v) => v === true,
  false: (v) => v === false,
  string: (v) => asText(v) !== undefined,
  number: (v) => typeof v === 'bigint' || typeof v === 'number' || typeof v === 'boolean',
  integer: (v) => typeof v === 'bigint',
  float: (v) => typeof v === 'number',
  mapping: (v) => v instanceof PyDict,
  sequence: isSequence,
  iterable: (v) => isSequence(v) || v instanceof Undefined,
  callable: (v) => v instanceof PyCallable,
  lower: (v, _a, str) => pyIsLower(str(v)),
  upper: (v, _a, str) => pyIsUpper(str(v)),
  even: (v) => compare('==', binaryOp('%', v, 2n), 0n),
  odd: (v) => compare('==', binaryOp('%', v, 2n), 1n),
  divisibleby: (v, [n]) => compare('==', binaryOp('%', v, n), 0n),
  eq: (v, [other]) => compare('==', v, other),
  equalto: (v, [other]) => compare('==', v, other),
  '==': (v, [other]) => compare('==', v, other),
  ne: (v, [other]) => compare('!=', v, other),
  '!=': (v, [other]) => compare('!=', v, other),
  lt: (v, [other]) => compare('<', v, other),
  lessthan: (v, [other]) => compare('<', v, other),
  '<': (v, [other]) => compare('<', v, other),
  le: (v, [other]) => compare('<=', v, other),
  '<=': (v, [other]) => compare('<=', v, other),
  gt: (v, [other]) => compare('>', v, other),
  greaterthan: (v, [other]) => compare('>', v, other),
  '>': (v, [other]) => compare('>', v, other),
  ge: (v, [other]) => compare('>=', v, other),
  '>=': (v, [other]) => compare('>=', v, other),
  in: (v, [seq]) => contains(seq, v),
  sameas: (v, [other]) => v === other,
};

/** Jinja tests this engine does not implement. */
const JINJA_ONLY = ['escaped', 'filter', 'test'];

export function checkTestName(name: string, line: number): void {
  if (name in TESTS) return;
  if (JINJA_ONLY.includes(name)) throw unsupported(`The test '${name}'`, line);
  throw new JinjaError('TemplateAssertionError', `No test named '${name}'.`, line);
}

export function applyTest(
  name: string,
  value: PyValue,
  args: PyValue[],
  str: (v: PyValue) => string,
): boolean {
  return TESTS[name](value, args, str);
}
