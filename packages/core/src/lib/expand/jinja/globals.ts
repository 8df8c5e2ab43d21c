import { JinjaError } from './errors';
import { asNumber, iterate, typeError } from './operators';
import { pyTypeName } from './py-str';
import { PyCallable, PyDict, PyRange, type PyValue } from './py-values';

/**
 * Jinja's default globals. They are *defined* names: `{{@ range @}}` prints `<class 'range'>`
 * rather than "", and a context variable of the same name overrides them. `range` and `dict` can be
 * called; calling the others is reported as unsupported.
 */
export const JINJA_GLOBALS: ReadonlyMap<string, PyValue> = new Map<string, PyValue>([
  ['range', new PyCallable("<class 'range'>", rangeGlobal)],
  ['dict', new PyCallable("<class 'dict'>", (args, kwargs) => dictGlobal(args, kwargs))],
  // Python prints the function's memory address here, which differs per run; this is a fixed stand-in.
  ['lipsum', new PyCallable('<function generate_lorem_ipsum at 0x7f0000000000>', undefined)],
  ['cycler', new PyCallable("<class 'jinja2.utils.Cycler'>", undefined)],
  ['joiner', new PyCallable("<class 'jinja2.utils.Joiner'>", undefined)],
  ['namespace', new PyCallable("<class 'jinja2.utils.Namespace'>", undefined)],
]);

function rangeGlobal(args: PyValue[], kwargs: Map<string, PyValue>): PyValue {
  if (kwargs.size) throw typeError('range() takes no keyword arguments');
  if (args.length < 1 || args.length > 3)
    throw typeError(`range expected at most 3 arguments, got ${args.length}`);
  const ints = args.map((arg) => {
    const n = asNumber(arg);
    if (typeof n !== 'bigint')
      throw typeError(`'${pyTypeName(arg)}' object cannot be interpreted as an integer`);
    return n;
  });
  const [start, stop, step] = ints.length === 1 ? [0n, ints[0], 1n] : [ints[0], ints[1], ints[2] ?? 1n];
  if (step === 0n) throw new JinjaError('ValueError', 'range() arg 3 must not be zero');
  return new PyRange(start, stop, step);
}

function dictGlobal(args: PyValue[], kwargs: Map<string, PyValue>): PyValue {
  if (args.length > 1) throw typeError(`dict expected at most 1 argument, got ${args.length}`);
  const [source] = args;
  const pairs =
    source === undefined ? [] : source instanceof PyDict ? source.items() : iterate(source).map(pair);
  const dict = new PyDict(pairs);
  for (const [key, value] of kwargs) dict.set(key, value);
  return dict;
}

/** One `(key, value)` element of the sequence given to `dict()`. */
function pair(element: PyValue, index: number): [PyValue, PyValue] {
  const items = iterate(element);
  if (items.length !== 2) {
    throw new JinjaError(
      'ValueError',
      `dictionary update sequence element #${index} has length ${items.length}; 2 is required`,
    );
  }
  return [items[0], items[1]];
}
