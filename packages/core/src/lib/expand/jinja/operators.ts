import { compareCodePoints } from '../../json';
import { JinjaError } from './errors';
import type { BinaryOperator, CompareOperator } from './nodes';
import { pyRepr, pyTypeName } from './py-str';
import { checkLimit } from './limits';
import { Markup, PyCallable, PyDict, PyRange, PyTuple, Undefined, type PyValue } from './py-values';

/** Python operator semantics (int/float/str/list) with Jinja's Undefined raising on use. */

/** The UndefinedError Jinja raises when an undefined value is used for more than printing. */
export function undefinedError(value: Undefined): JinjaError {
  return new JinjaError('UndefinedError', undefinedMessage(value));
}

/** Jinja's `Undefined._undefined_message`. */
export function undefinedMessage(value: Undefined): string {
  if (value.hint !== undefined) return value.hint;
  if (!value.owner) return `'${value.name}' is undefined`;
  const { value: owner, attribute } = value.owner;
  if (typeof attribute !== 'string') return `${objectTypeRepr(owner)} has no element ${pyRepr(attribute)}`;
  return `'${objectTypeRepr(owner)}' has no attribute '${attribute}'`;
}

function objectTypeRepr(value: PyValue): string {
  if (value === null) return 'None';
  if (value instanceof Markup) return 'markupsafe.Markup object';
  return `${pyTypeName(value)} object`;
}

/** Throws if the value is undefined (for operations that Jinja's Undefined refuses). */
export function defined(value: PyValue): Exclude<PyValue, Undefined> {
  if (value instanceof Undefined) throw undefinedError(value);
  return value;
}

type Num = bigint | number;

/** A Python number (bool counts as int), or undefined when the value is not numeric. */
function asNumber(value: PyValue): Num | undefined {
  if (typeof value === 'boolean') return value ? 1n : 0n;
  if (typeof value === 'bigint' || typeof value === 'number') return value;
  return undefined;
}

const asText = (value: PyValue): string | undefined =>
  typeof value === 'string' ? value : value instanceof Markup ? value.text : undefined;

const toFloat = (n: Num): number => (typeof n === 'bigint' ? Number(n) : n);

export function binaryOp(op: BinaryOperator, leftValue: PyValue, rightValue: PyValue): PyValue {
  const left = defined(leftValue);
  const right = defined(rightValue);
  const a = asNumber(left);
  const b = asNumber(right);
  if (a !== undefined && b !== undefined) return numeric(op, a, b);
  if (op === '+') {
    const [s, t] = [asText(left), asText(right)];
    if (s !== undefined && t !== undefined) return s + t;
    if (Array.isArray(left) && Array.isArray(right)) return [...left, ...right];
    if (left instanceof PyTuple && right instanceof PyTuple)
      return new PyTuple([...left.items, ...right.items]);
    if (s !== undefined) throw typeError(`can only concatenate str (not "${pyTypeName(right)}") to str`);
    if (Array.isArray(left))
      throw typeError(`can only concatenate list (not "${pyTypeName(right)}") to list`);
  }
  if (op === '*') {
    const repeated = repeat(left, b) ?? repeat(right, a);
    if (repeated !== undefined) return repeated;
  }
  if (op === '%' && asText(left) !== undefined)
    throw new JinjaError(
      'Unsupported',
      'printf-style string formatting (%) is not supported by sesam-connectors expand',
    );
  throw typeError(`unsupported operand type(s) for ${op}: '${pyTypeName(left)}' and '${pyTypeName(right)}'`);
}

function repeat(sequence: PyValue, times: Num | undefined): PyValue | undefined {
  if (typeof times !== 'bigint') return undefined;
  const n = times < 0n ? 0 : Number(times);
  const text = asText(sequence);
  const length =
    text?.length ??
    (Array.isArray(sequence) ? sequence.length : sequence instanceof PyTuple ? sequence.items.length : 0);
  if (length > 0) checkLimit('a repeated string or list', BigInt(length) * BigInt(n), 'valueLength');
  if (text !== undefined) return text.repeat(n);
  if (Array.isArray(sequence)) return Array.from({ length: n }, () => sequence).flat();
  if (sequence instanceof PyTuple) return new PyTuple(Array.from({ length: n }, () => sequence.items).flat());
  return undefined;
}

function numeric(op: BinaryOperator, a: Num, b: Num): PyValue {
  if (typeof a === 'bigint' && typeof b === 'bigint') {
    switch (op) {
      case '+':
        return a + b;
      case '-':
        return a - b;
      case '*':
        return a * b;
      case '/':
        if (b === 0n) throw zeroDivision('division by zero');
        return Number(a) / Number(b);
      case '//':
        if (b === 0n) throw zeroDivision('integer division or modulo by zero');
        return floorDiv(a, b);
      case '%':
        if (b === 0n) throw zeroDivision('integer division or modulo by zero');
        return a - b * floorDiv(a, b);
      case '**':
        if (b >= 0n && a !== 0n && a !== 1n && a !== -1n)
          checkLimit('the integer power', BigInt((a < 0n ? -a : a).toString(2).length) * b, 'integerBits');
        return b >= 0n ? a ** b : Number(a) ** Number(b);
    }
  }
  const [x, y] = [toFloat(a), toFloat(b)];
  switch (op) {
    case '+':
      return x + y;
    case '-':
      return x - y;
    case '*':
      return x * y;
    case '/':
      if (y === 0) throw zeroDivision('float division by zero');
      return x / y;
    case '//':
      if (y === 0) throw zeroDivision('float floor division by zero');
      return Math.floor(x / y);
    case '%':
      if (y === 0) throw zeroDivision('float modulo');
      return x - y * Math.floor(x / y);
    case '**':
      return x ** y;
  }
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

export function unaryOp(op: '-' | '+', value: PyValue): PyValue {
  const n = asNumber(defined(value));
  if (n === undefined) throw typeError(`bad operand type for unary ${op}: '${pyTypeName(value)}'`);
  return op === '-' ? -n : n;
}

/** Python `==` (1 == 1.0 == True; lists and tuples never equal each other; Undefined equals only Undefined). */
export function pyEquals(a: PyValue, b: PyValue): boolean {
  if (a instanceof Undefined || b instanceof Undefined)
    return a instanceof Undefined && b instanceof Undefined;
  const [x, y] = [asNumber(a), asNumber(b)];
  if (x !== undefined || y !== undefined) {
    if (x === undefined || y === undefined) return false;
    if (typeof x === 'bigint' && typeof y === 'bigint') return x === y;
    if (typeof x === 'number' && typeof y === 'number') return x === y;
    const [big, float] = typeof x === 'bigint' ? [x, y as number] : [y as bigint, x as number];
    return Number.isInteger(float) && BigInt(float) === big;
  }
  const [s, t] = [asText(a), asText(b)];
  if (s !== undefined || t !== undefined) return s === t;
  if (a === null || b === null) return a === b;
  if (Array.isArray(a) && Array.isArray(b)) return sameItems(a, b);
  if (a instanceof PyTuple && b instanceof PyTuple) return sameItems(a.items, b.items);
  if (a instanceof PyRange && b instanceof PyRange) return sameItems(iterate(a), iterate(b));
  if (a instanceof PyDict && b instanceof PyDict) {
    return a.size === b.size && a.items().every(([k, v]) => b.has(k) && pyEquals(v, b.get(k)!));
  }
  return a === b;
}

const sameItems = (a: readonly PyValue[], b: readonly PyValue[]): boolean =>
  a.length === b.length && a.every((item, i) => pyEquals(item, b[i]));

export function compare(op: CompareOperator, a: PyValue, b: PyValue): boolean {
  switch (op) {
    case '==':
      return pyEquals(a, b);
    case '!=':
      return !pyEquals(a, b);
    case 'in':
      return contains(b, a);
    case 'notin':
      return !contains(b, a);
    default: {
      const order = ordering(op, defined(a), defined(b));
      return op === '<' ? order < 0 : op === '<=' ? order <= 0 : op === '>' ? order > 0 : order >= 0;
    }
  }
}

function ordering(op: string, a: PyValue, b: PyValue): number {
  const [x, y] = [asNumber(a), asNumber(b)];
  if (x !== undefined && y !== undefined) {
    if (typeof x === 'bigint' && typeof y === 'bigint') return x < y ? -1 : x > y ? 1 : 0;
    const [p, q] = [toFloat(x), toFloat(y)];
    return p < q ? -1 : p > q ? 1 : p === q ? 0 : NaN;
  }
  const [s, t] = [asText(a), asText(b)];
  if (s !== undefined && t !== undefined) return compareCodePoints(s, t);
  const seqA = Array.isArray(a) ? a : a instanceof PyTuple ? a.items : undefined;
  const seqB = Array.isArray(b) ? b : b instanceof PyTuple ? b.items : undefined;
  if (seqA && seqB && Array.isArray(a) === Array.isArray(b)) {
    for (let i = 0; i < Math.min(seqA.length, seqB.length); i++) {
      if (!pyEquals(seqA[i], seqB[i])) return ordering(op, seqA[i], seqB[i]);
    }
    return seqA.length - seqB.length;
  }
  throw typeError(`'${op}' not supported between instances of '${pyTypeName(a)}' and '${pyTypeName(b)}'`);
}

/** Python `item in container`. */
export function contains(container: PyValue, item: PyValue): boolean {
  const text = asText(container);
  if (text !== undefined) {
    const needle = asText(item);
    if (needle === undefined)
      throw typeError(`'in <string>' requires string as left operand, not ${pyTypeName(item)}`);
    return text.includes(needle);
  }
  if (container instanceof PyDict) return container.has(item);
  if (container instanceof Undefined) return false;
  return iterate(container).some((member) => pyEquals(member, item));
}

/** Python iteration: str → characters, dict → keys; Undefined iterates as empty. */
export function iterate(value: PyValue): PyValue[] {
  if (value instanceof Undefined) return [];
  const text = asText(value);
  if (text !== undefined) return [...text];
  if (Array.isArray(value)) return value;
  if (value instanceof PyTuple) return [...value.items];
  if (value instanceof PyDict) return value.keys();
  if (value instanceof PyRange) {
    checkLimit('the range', value.length, 'rangeLength');
    return [...value];
  }
  throw typeError(`'${pyTypeName(value)}' object is not iterable`);
}

/** Python `len()`; Jinja's Undefined has length 0. */
export function pyLength(value: PyValue): number {
  if (value instanceof Undefined) return 0;
  const text = asText(value);
  if (text !== undefined) return [...text].length;
  if (Array.isArray(value)) return value.length;
  if (value instanceof PyTuple) return value.items.length;
  if (value instanceof PyDict) return value.size;
  if (value instanceof PyRange) return value.length;
  throw typeError(`object of type '${pyTypeName(value)}' has no len()`);
}

export function callValue(callee: PyValue, args: PyValue[], kwargs: Map<string, PyValue>): PyValue {
  if (callee instanceof Undefined) throw undefinedError(callee);
  if (callee instanceof PyCallable) {
    if (!callee.call)
      throw new JinjaError(
        'Unsupported',
        `Calling ${callee.repr} is not supported by sesam-connectors expand`,
      );
    return callee.call(args, kwargs);
  }
  throw typeError(`'${pyTypeName(callee)}' object is not callable`);
}

export const typeError = (message: string): JinjaError => new JinjaError('TypeError', message);
const zeroDivision = (message: string): JinjaError => new JinjaError('ZeroDivisionError', message);

export { asNumber, asText };
