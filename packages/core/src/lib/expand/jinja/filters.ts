import { escapeHtml } from './escape';
import { JinjaError, unsupported } from './errors';
import { asNumber, asText, iterate, pyLength, typeError, undefinedError } from './operators';
import { pyTruthy } from './py-str';
import { jinjaTitle, pyCapitalize, pyStrip } from './py-text';
import { Markup, PyDict, PyTuple, Undefined, type PyValue } from './py-values';

/** What a filter needs from the render: the autoescape flag and `str()` that reports undefined uses. */
export interface FilterEnv {
  readonly autoescape: boolean;
  str(value: PyValue): string;
}

type Filter = (value: PyValue, args: PyValue[], env: FilterEnv) => PyValue;

/** Binds positional and keyword arguments to named parameters, Python style. */
export function bindArgs(
  name: string,
  params: string[],
  args: PyValue[],
  kwargs: Map<string, PyValue>,
): (PyValue | undefined)[] {
  if (args.length > params.length)
    throw typeError(`${name}() takes at most ${params.length} argument(s) (${args.length} given)`);
  const bound: (PyValue | undefined)[] = [...args];
  for (const [key, value] of kwargs) {
    const i = params.indexOf(key);
    if (i < 0) throw typeError(`${name}() got an unexpected keyword argument '${key}'`);
    if (bound[i] !== undefined) throw typeError(`${name}() got multiple values for argument '${key}'`);
    bound[i] = value;
  }
  return bound;
}

/** Keeps Markup-ness like MarkupSafe does for str methods called on Markup. */
const sameKind = (input: PyValue, text: string): PyValue =>
  input instanceof Markup ? new Markup(text) : text;

const FILTERS: Record<string, { params: string[]; apply: Filter }> = {
  default: { params: ['default_value', 'boolean'], apply: defaultFilter },
  d: { params: ['default_value', 'boolean'], apply: defaultFilter },
  upper: { params: [], apply: (v, _a, env) => sameKind(v, env.str(v).toUpperCase()) },
  lower: { params: [], apply: (v, _a, env) => sameKind(v, env.str(v).toLowerCase()) },
  capitalize: { params: [], apply: (v, _a, env) => sameKind(v, pyCapitalize(env.str(v))) },
  title: { params: [], apply: (v, _a, env) => sameKind(v, jinjaTitle(env.str(v))) },
  trim: {
    params: ['chars'],
    apply: (v, [chars], env) =>
      sameKind(v, pyStrip(env.str(v), chars == null ? undefined : env.str(chars), 'strip')),
  },
  replace: { params: ['old', 'new', 'count'], apply: replaceFilter },
  string: { params: [], apply: (v, _a, env) => (v instanceof Markup ? v : env.str(v)) },
  safe: { params: [], apply: (v, _a, env) => new Markup(env.str(v)) },
  escape: { params: [], apply: (v, _a, env) => (v instanceof Markup ? v : escapeHtml(env.str(v))) },
  e: { params: [], apply: (v, _a, env) => (v instanceof Markup ? v : escapeHtml(env.str(v))) },
  int: { params: ['default', 'base'], apply: intFilter },
  float: { params: ['default'], apply: floatFilter },
  length: { params: [], apply: (v) => BigInt(pyLength(v)) },
  count: { params: [], apply: (v) => BigInt(pyLength(v)) },
  list: { params: [], apply: (v) => [...iterate(v)] },
  first: { params: [], apply: (v) => firstOrUndefined(iterate(v), 'No first item, sequence was empty.') },
  last: {
    params: [],
    apply: (v) => firstOrUndefined([...iterate(v)].reverse(), 'No last item, sequence was empty.'),
  },
  reverse: {
    params: [],
    apply: (v) =>
      asText(v) !== undefined ? sameKind(v, [...asText(v)!].reverse().join('')) : [...iterate(v)].reverse(),
  },
  join: { params: ['d', 'attribute'], apply: joinFilter },
  abs: { params: [], apply: absFilter },
  items: { params: [], apply: itemsFilter },
};

/** Jinja 3.1's built-in filters that this engine does not implement. */
const JINJA_ONLY = [
  'attr',
  'batch',
  'center',
  'dictsort',
  'filesizeformat',
  'forceescape',
  'format',
  'groupby',
  'indent',
  'map',
  'max',
  'min',
  'pprint',
  'random',
  'reject',
  'rejectattr',
  'round',
  'select',
  'selectattr',
  'slice',
  'sort',
  'striptags',
  'sum',
  'tojson',
  'truncate',
  'unique',
  'urlencode',
  'urlize',
  'wordcount',
  'wordwrap',
  'xmlattr',
];

/** Jinja fails at compile time on an unknown filter; so does this engine (and on unimplemented ones). */
export function checkFilterName(name: string, line: number): void {
  if (name in FILTERS) return;
  if (JINJA_ONLY.includes(name)) throw unsupported(`The filter '${name}'`, line);
  throw new JinjaError('TemplateAssertionError', `No filter named '${name}'.`, line);
}

export function applyFilter(
  name: string,
  value: PyValue,
  args: PyValue[],
  kwargs: Map<string, PyValue>,
  env: FilterEnv,
): PyValue {
  const filter = FILTERS[name];
  const bound = bindArgs(name, filter.params, args, kwargs);
  return filter.apply(value, bound as PyValue[], env);
}

const firstOrUndefined = (items: PyValue[], hint: string): PyValue =>
  items.length ? items[0] : new Undefined(undefined, undefined, hint);

function defaultFilter(value: PyValue, [fallback = '', boolean = false]: PyValue[]): PyValue {
  if (value instanceof Undefined || (pyTruthy(boolean) && !pyTruthy(value))) return fallback;
  return value;
}

function replaceFilter(value: PyValue, [old, replacement, count]: PyValue[], env: FilterEnv): PyValue {
  if (old === undefined || replacement === undefined)
    throw typeError("replace() missing required argument 'old' or 'new'");
  const limit = count === undefined || count === null ? -1 : Number(asNumber(count) ?? -1);
  const escape = (v: PyValue): string =>
    env.autoescape && !(v instanceof Markup) ? escapeHtml(env.str(v)).text : env.str(v);
  const text = env.autoescape ? escape(value) : env.str(value);
  const [from, to] = [escape(old), escape(replacement)];
  const out = pyReplace(text, from, to, limit);
  return env.autoescape ? new Markup(out) : out;
}

/** Python `str.replace(old, new, count)` (an empty `old` inserts between every character). */
function pyReplace(text: string, old: string, replacement: string, count: number): string {
  const parts = old === '' ? ['', ...[...text], ''] : text.split(old);
  if (count < 0 || count >= parts.length - 1) return parts.join(replacement);
  return parts.slice(0, count + 1).join(replacement) + old + parts.slice(count + 1).join(old);
}

const INT_TEXT = /^[+-]?(\d(_?\d)*)$/;
const FLOAT_TEXT = /^[+-]?((\d(_?\d)*)?\.?\d(_?\d)*([eE][+-]?\d(_?\d)*)?|(\d(_?\d)*)\.|inf(inity)?|nan)$/i;

function intFilter(value: PyValue, [fallback = 0n, base = 10n]: PyValue[]): PyValue {
  if (value instanceof Undefined) throw undefinedError(value);
  const text = asText(value);
  if (text !== undefined) {
    const trimmed = pyStrip(text, undefined, 'strip');
    if (base === 10n && INT_TEXT.test(trimmed)) return BigInt(trimmed.replace(/_/g, ''));
    if (base !== 10n) throw unsupported('The int filter with a base other than 10');
    const float = floatFilter(trimmed, [null]);
    return typeof float === 'number' && Number.isFinite(float) ? BigInt(Math.trunc(float)) : fallback;
  }
  const n = asNumber(value);
  if (typeof n === 'bigint') return n;
  if (typeof n === 'number' && Number.isFinite(n)) return BigInt(Math.trunc(n));
  return fallback;
}

function floatFilter(value: PyValue, [fallback = 0]: PyValue[]): PyValue {
  if (value instanceof Undefined) throw undefinedError(value);
  const text = asText(value);
  if (text !== undefined) {
    const trimmed = pyStrip(text, undefined, 'strip');
    if (!FLOAT_TEXT.test(trimmed)) return fallback;
    const lower = trimmed.toLowerCase().replace(/_/g, '');
    if (lower.endsWith('nan')) return NaN;
    if (lower.endsWith('inf') || lower.endsWith('infinity'))
      return lower.startsWith('-') ? -Infinity : Infinity;
    return Number(lower);
  }
  const n = asNumber(value);
  return n === undefined ? fallback : Number(n);
}

function joinFilter(value: PyValue, [separator = '', attribute]: PyValue[], env: FilterEnv): PyValue {
  if (attribute !== undefined && attribute !== null)
    throw unsupported("The join filter's attribute argument");
  const items = iterate(value);
  if (!env.autoescape) return items.map((item) => env.str(item)).join(env.str(separator));
  const escaped = (v: PyValue) => (v instanceof Markup ? v.text : escapeHtml(env.str(v)).text);
  return new Markup(items.map(escaped).join(escaped(separator)));
}

function absFilter(value: PyValue): PyValue {
  const n = asNumber(value);
  if (n === undefined) throw typeError(`bad operand type for abs(): '${typeof value}'`);
  return typeof n === 'bigint' ? (n < 0n ? -n : n) : Math.abs(n);
}

function itemsFilter(value: PyValue): PyValue {
  if (value instanceof Undefined) return [];
  if (!(value instanceof PyDict))
    throw new JinjaError('TypeError', 'Can only get item pairs from a mapping.');
  return value.items().map(([k, v]) => new PyTuple([k, v]));
}
