import { JsonNumber, JsonObject, pythonFloatRepr, type JsonValue } from '../../json';
import { Markup, PyCallable, PyDict, PyRange, PyTuple, Undefined, type PyValue } from './py-values';

/** Python `str(value)`, which is what `{{@ value @}}` prints: `None`, `True`, `['a', 1]`, `{'k': 'v'}`, `1e+20`. */
export function pyStr(value: PyValue): string {
  if (typeof value === 'string') return value;
  if (value instanceof Markup) return value.text;
  if (value instanceof Undefined) return '';
  return pyRepr(value);
}

/** Python `repr(value)`. */
export function pyRepr(value: PyValue): string {
  if (value === null) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') return pyFloatStr(value);
  if (typeof value === 'string') return reprString(value);
  if (Array.isArray(value)) return `[${value.map(pyRepr).join(', ')}]`;
  if (value instanceof PyTuple) {
    const items = value.items.map(pyRepr);
    return items.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`;
  }
  if (value instanceof PyDict)
    return `{${value
      .items()
      .map(([k, v]) => `${pyRepr(k)}: ${pyRepr(v)}`)
      .join(', ')}}`;
  if (value instanceof PyRange) {
    const step = value.step === 1n ? '' : `, ${value.step}`;
    return `range(${value.start}, ${value.stop}${step})`;
  }
  if (value instanceof Markup) return `Markup(${reprString(value.text)})`;
  if (value instanceof Undefined) return 'Undefined';
  return value.repr;
}

/** Python `str(float)`: shortest round-trip digits, `1e+16`, `1.0`, `inf`, `nan`. */
export function pyFloatStr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  return pythonFloatRepr(x);
}

/** Python `bool(value)` (Jinja's `Undefined` is falsy). */
export function pyTruthy(value: PyValue): boolean {
  if (value === null || value === false || value === '' || value === 0n || value === 0) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (value instanceof PyTuple) return value.items.length > 0;
  if (value instanceof PyDict) return value.size > 0;
  if (value instanceof PyRange) return value.length > 0;
  if (value instanceof Markup) return value.text !== '';
  if (value instanceof Undefined) return false;
  return true;
}

/** Python's type name, as error messages show it. */
export function pyTypeName(value: PyValue): string {
  if (value === null) return 'NoneType';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'bigint') return 'int';
  if (typeof value === 'number') return 'float';
  if (typeof value === 'string') return 'str';
  if (Array.isArray(value)) return 'list';
  if (value instanceof PyTuple) return 'tuple';
  if (value instanceof PyDict) return 'dict';
  if (value instanceof PyRange) return 'range';
  if (value instanceof Markup) return 'Markup';
  if (value instanceof Undefined) return 'Undefined';
  return value instanceof PyCallable ? 'builtin_function_or_method' : 'object';
}

/** The Python value `json.loads` makes of a parsed JSON value (int vs float kept apart). */
export function fromJson(value: JsonValue): PyValue {
  if (value instanceof JsonNumber) return value.isInteger ? value.toBigInt() : value.toNumber();
  if (typeof value === 'number') return Number.isInteger(value) ? BigInt(value) : value;
  if (Array.isArray(value)) return value.map(fromJson);
  if (value instanceof JsonObject) return new PyDict([...value].map(([k, v]) => [k, fromJson(v)] as const));
  return value;
}

/** Characters Python's `str.isprintable()` rejects (other than the ASCII controls handled first). */
const NOT_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

/** Python `repr(str)`: single quotes unless the text has `'` and no `"`; non-printables escaped. */
function reprString(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === quote || ch === '\\') out += `\\${ch}`;
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (code < 0x20 || code === 0x7f) out += `\\x${hex(code, 2)}`;
    else if (code < 0x7f || (ch !== ' ' && !NOT_PRINTABLE.test(ch))) out += ch;
    else if (code <= 0xff) out += `\\x${hex(code, 2)}`;
    else if (code <= 0xffff) out += `\\u${hex(code, 4)}`;
    else out += `\\U${hex(code, 8)}`;
  }
  return out + quote;
}

const hex = (code: number, width: number): string => code.toString(16).padStart(width, '0');
