import { JinjaError } from './errors';
import { pyTypeName } from './py-str';

/**
 * The Python values an expand-time template computes with. Python's `int` is a JS `bigint` and its
 * `float` a JS `number`, so `5` and `5.0` stay distinct (they print differently); `str` is a JS
 * string, `bool` a JS boolean, `None` is `null`, `list` a JS array.
 */
export type PyValue =
  | string
  | boolean
  | null
  | bigint
  | number
  | PyValue[]
  | PyTuple
  | PyDict
  | PyRange
  | Markup
  | Undefined
  | PyCallable;

/** Python `tuple` (prints with parentheses; immutable). */
export class PyTuple {
  constructor(readonly items: readonly PyValue[]) {}
}

/** Python `range` object (prints as `range(0, 3)`, iterates lazily). */
export class PyRange {
  constructor(
    readonly start: bigint,
    readonly stop: bigint,
    readonly step: bigint,
  ) {}

  *[Symbol.iterator](): Iterator<bigint> {
    if (this.step > 0n) for (let i = this.start; i < this.stop; i += this.step) yield i;
    else for (let i = this.start; i > this.stop; i += this.step) yield i;
  }

  get length(): number {
    const span = this.step > 0n ? this.stop - this.start : this.start - this.stop;
    const step = this.step > 0n ? this.step : -this.step;
    return span <= 0n ? 0 : Number((span + step - 1n) / step);
  }
}

/**
 * Python `dict`: insertion-ordered, keyed by value equality (`1`, `1.0` and `True` are one key, as
 * in Python).
 */
export class PyDict {
  private readonly entries = new Map<string, [PyValue, PyValue]>();

  constructor(pairs: Iterable<readonly [PyValue, PyValue]> = []) {
    for (const [key, value] of pairs) this.set(key, value);
  }

  get size(): number {
    return this.entries.size;
  }

  has(key: PyValue): boolean {
    return this.entries.has(dictKeyId(key));
  }

  get(key: PyValue): PyValue | undefined {
    return this.entries.get(dictKeyId(key))?.[1];
  }

  set(key: PyValue, value: PyValue): void {
    const id = dictKeyId(key);
    const existing = this.entries.get(id);
    this.entries.set(id, [existing ? existing[0] : key, value]);
  }

  keys(): PyValue[] {
    return [...this.entries.values()].map(([key]) => key);
  }

  items(): [PyValue, PyValue][] {
    return [...this.entries.values()];
  }
}

/** Python's `markupsafe.Markup`: text that autoescaping leaves alone. */
export class Markup {
  constructor(readonly text: string) {}
}

/**
 * Jinja's default `Undefined`: prints as "", is falsy, iterates as empty; attribute access, calls
 * and arithmetic raise `UndefinedError`. `name` is set for an undefined variable; `owner`/`attribute`
 * for a missing attribute or item of a defined value.
 */
export class Undefined {
  constructor(
    readonly name: string | undefined,
    readonly owner?: { value: PyValue; attribute: PyValue },
    /** Jinja's `undefined_hint`: the whole error message, for Undefineds made on purpose. */
    readonly hint?: string,
  ) {}
}

/** A Python callable: Jinja globals (`range`, `dict`), str/dict methods. `repr` is what str() prints. */
export class PyCallable {
  constructor(
    readonly repr: string,
    readonly call: ((args: PyValue[], kwargs: Map<string, PyValue>) => PyValue) | undefined,
  ) {}
}

function dictKeyId(key: PyValue): string {
  if (typeof key === 'string') return `s${key}`;
  if (typeof key === 'boolean') return `n${key ? 1 : 0}`;
  if (typeof key === 'bigint') return `n${key}`;
  if (typeof key === 'number') return Number.isInteger(key) ? `n${BigInt(key)}` : `f${key}`;
  if (key === null) return 'None';
  if (key instanceof PyTuple) return `t(${key.items.map(dictKeyId).join(',')})`;
  if (key instanceof Markup) return `s${key.text}`;
  throw new JinjaError('TypeError', `unhashable type: '${pyTypeName(key)}'`);
}
