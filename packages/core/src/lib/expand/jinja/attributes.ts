import { JinjaError } from './errors';
import { asNumber, asText, defined, typeError } from './operators';
import { pyStr, pyTypeName } from './py-str';
import { PyCallable, PyDict, PyRange, PyTuple, Undefined, type PyValue } from './py-values';
import { pyStrip, pySplit } from './py-text';

/**
 * Jinja's `Environment.getattr` / `getitem`: `x.name` tries the Python attribute, then `x['name']`;
 * `x[key]` tries the item, then (for a string key) the attribute. A miss gives an `Undefined` that
 * remembers the owner. Attributes are the common `str` and `dict` methods.
 */
export function getAttribute(value: PyValue, name: string): PyValue {
  const owner = defined(value);
  const attribute = pythonAttribute(owner, name);
  if (attribute !== undefined) return attribute;
  const item = lookupItem(owner, name);
  return item !== undefined ? item : new Undefined(undefined, { value: owner, attribute: name });
}

export function getItem(value: PyValue, key: PyValue): PyValue {
  const owner = defined(value);
  const item = lookupItem(owner, key);
  if (item !== undefined) return item;
  const attribute = typeof key === 'string' ? pythonAttribute(owner, key) : undefined;
  return attribute !== undefined ? attribute : new Undefined(undefined, { value: owner, attribute: key });
}

/** Python slicing `value[start:stop:step]` for str, list and tuple. */
export function sliceValue(value: PyValue, start: PyValue, stop: PyValue, step: PyValue): PyValue {
  const owner = defined(value);
  const text = asText(owner);
  const items =
    text !== undefined
      ? [...text]
      : Array.isArray(owner)
        ? owner
        : owner instanceof PyTuple
          ? [...owner.items]
          : undefined;
  if (!items) throw typeError(`'${pyTypeName(owner)}' object is not subscriptable`);
  const indexes = sliceIndexes(items.length, sliceBound(start), sliceBound(stop), sliceBound(step));
  const picked = indexes.map((i) => items[i]);
  if (text !== undefined) return (picked as string[]).join('');
  return Array.isArray(owner) ? picked : new PyTuple(picked);
}

function sliceBound(value: PyValue): number | undefined {
  if (value === null || value instanceof Undefined) return undefined;
  const n = asNumber(value);
  if (typeof n !== 'bigint')
    throw typeError('slice indices must be integers or None or have an __index__ method');
  return Number(n);
}

function sliceIndexes(length: number, start?: number, stop?: number, step = 1): number[] {
  if (step === 0) throw new JinjaError('ValueError', 'slice step cannot be zero');
  const clamp = (i: number, low: number, high: number) =>
    Math.min(Math.max(i < 0 ? i + length : i, low), high);
  const out: number[] = [];
  if (step > 0) {
    const [from, to] = [
      start === undefined ? 0 : clamp(start, 0, length),
      stop === undefined ? length : clamp(stop, 0, length),
    ];
    for (let i = from; i < to; i += step) out.push(i);
  } else {
    const [from, to] = [
      start === undefined ? length - 1 : clamp(start, -1, length - 1),
      stop === undefined ? -1 : clamp(stop, -1, length - 1),
    ];
    for (let i = from; i > to; i += step) out.push(i);
  }
  return out;
}

function lookupItem(owner: PyValue, key: PyValue): PyValue | undefined {
  if (owner instanceof PyDict) {
    try {
      return owner.get(key);
    } catch {
      return undefined;
    }
  }
  const index = asNumber(key);
  if (typeof index !== 'bigint') return undefined;
  const text = asText(owner);
  const items =
    text !== undefined
      ? [...text]
      : Array.isArray(owner)
        ? owner
        : owner instanceof PyTuple
          ? owner.items
          : owner instanceof PyRange
            ? [...owner]
            : undefined;
  if (!items) return undefined;
  const i = Number(index < 0n ? index + BigInt(items.length) : index);
  return i >= 0 && i < items.length ? items[i] : undefined;
}

const method = (owner: string, name: string, call: (args: PyValue[]) => PyValue): PyCallable =>
  new PyCallable(`<built-in method ${name} of ${owner} object>`, (args) => call(args));

function pythonAttribute(owner: PyValue, name: string): PyValue | undefined {
  const text = asText(owner);
  if (text !== undefined) return stringMethod(text, name);
  if (owner instanceof PyDict) return dictMethod(owner, name);
  return undefined;
}

function stringMethod(text: string, name: string): PyCallable | undefined {
  const arg = (args: PyValue[], i: number): string | undefined =>
    args[i] === undefined || args[i] === null ? undefined : pyStr(args[i]);
  switch (name) {
    case 'upper':
      return method('str', name, () => text.toUpperCase());
    case 'lower':
      return method('str', name, () => text.toLowerCase());
    case 'strip':
    case 'lstrip':
    case 'rstrip':
      return method('str', name, (args) => pyStrip(text, arg(args, 0), name));
    case 'startswith':
      return method('str', name, (args) => text.startsWith(pyStr(args[0] ?? '')));
    case 'endswith':
      return method('str', name, (args) => text.endsWith(pyStr(args[0] ?? '')));
    case 'replace':
      return method('str', name, (args) => text.split(pyStr(args[0] ?? '')).join(pyStr(args[1] ?? '')));
    case 'split':
      return method('str', name, (args) => pySplit(text, arg(args, 0)));
    default:
      return undefined;
  }
}

function dictMethod(dict: PyDict, name: string): PyCallable | undefined {
  switch (name) {
    case 'keys':
      return method('dict', name, () => dict.keys());
    case 'values':
      return method('dict', name, () => dict.items().map(([, v]) => v));
    case 'items':
      return method('dict', name, () => dict.items().map(([k, v]) => new PyTuple([k, v])));
    case 'get':
      return method('dict', name, (args) => {
        const found = dict.get(args[0] ?? null);
        return found !== undefined ? found : (args[1] ?? null);
      });
    default:
      return undefined;
  }
}
