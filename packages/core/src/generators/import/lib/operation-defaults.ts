import {
  OPERATION_ROLES,
  defaultOperation,
  operationBase,
  operationName,
  type OperationRole,
} from '@sesam-connectors/template-pack';
import {
  EVERY_OPERATION,
  NAME_PATTERN,
  datatypeOperations,
  escapePlaceholders,
  mergeOperation,
  fillPlaceholders,
  type ConfigJson,
  type ConfigObject,
  type OperationPlaceholders,
} from '../../../lib/config';
import { toConfigValue } from '../../../lib/config/config-value';
import {
  isJsonObject,
  JsonObject,
  mergeJson,
  mergeOverride,
  parseJson,
  toJsonText,
  type JsonValue,
} from '../../../lib/json';

/** Where the source's operations go: shared per-role defaults, each datatype's own part, the rest by full name. */
export interface CompactOperations {
  /** restSystem.operationDefaults (empty: none). */
  readonly operationDefaults: JsonObject;
  /** Per datatype: `path` and `operations` fields of connector.json. */
  readonly datatypes: ReadonlyMap<string, JsonObject>;
  /** restSystem.operations: what no datatype role holds. */
  readonly operations: JsonObject;
}

/** A datatype whose operations may move into connector.json's datatype (its roles by source operation). */
interface Owner {
  readonly name: string;
  /** The roles the pattern adds for it anyway (an empty override is then left out). */
  readonly patternRoles: ReadonlySet<OperationRole>;
  readonly targets: Map<OperationRole, JsonObject>;
  /** Its API path as the list URL gives it (the name when it gives none). */
  readonly path: string;
}

const size = (value: JsonValue | ConfigJson): number => compact(value).length;
const same = (a: JsonValue | ConfigJson | undefined, b: JsonValue | ConfigJson | undefined): boolean =>
  a === undefined || b === undefined ? a === b : compact(a) === compact(b);

/** `text` with every word-bounded occurrence of `word` replaced (a name inside `contacts` is not `contact`). */
const replaceWord = (text: string, word: string, by: string): string =>
  word === ''
    ? text
    : text.split(new RegExp(`(?<![A-Za-z0-9_])${escapeRegex(word)}(?![A-Za-z0-9_])`)).join(by);
const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** A source value written for operationDefaults: `${…}` escaped, then `path` (else the name) abstracted. */
const abstracted = (value: JsonValue, holes: OperationPlaceholders, withName: boolean): JsonValue => {
  if (typeof value === 'string') {
    let text = replaceWord(escapePlaceholders(value), holes.path, '${path}');
    if (withName && holes.datatype !== holes.path) text = replaceWord(text, holes.datatype, '${datatype}');
    return text;
  }
  if (Array.isArray(value)) return value.map((item) => abstracted(item, holes, withName));
  if (isJsonObject(value))
    return new JsonObject([...value].map(([k, v]) => [k, abstracted(v, holes, withName)]));
  return value;
};

const compact = (value: JsonValue | ConfigJson): string => toJsonText(value as JsonValue, { compact: true });

/** The bytes a datatype's override spends on `key` when its base has `base` and the source `target` (compact JSON texts). */
const keyCost = (key: string, base: string | undefined, target: string | undefined): number => {
  if (base === target) return 0;
  return target === undefined ? key.length + 8 : key.length + target.length + 4;
};

const holesOf = (owner: Owner): OperationPlaceholders => ({ datatype: owner.name, path: owner.path });

/**
 * The default of `key` for `role` that saves the most bytes over the owners having the role, or
 * undefined when none saves any: each candidate value is a source value with the datatype's path
 * (and name) abstracted; a datatype whose value it does not give pays its own value, one without
 * the key a `null`.
 */
function bestDefault(
  role: OperationRole,
  key: string,
  owners: readonly Owner[],
  every: ConfigObject,
): JsonValue | undefined {
  const having = owners.filter((owner) => owner.targets.has(role));
  const targets = having.map((owner) => {
    const target = owner.targets.get(role)!.get(key);
    return target === undefined ? undefined : compact(target);
  });
  const packValue = (owner: Owner): string | undefined => {
    const listUrl = owner.targets.get('list')?.get('url');
    const value = mergeOperation(every, defaultOperation(role, owner.name, listUrl) as ConfigObject)[key];
    return value === undefined ? undefined : compact(value as JsonValue);
  };
  const costWith = (value: (owner: Owner) => string | undefined) =>
    having.reduce((sum, owner, index) => sum + keyCost(key, value(owner), targets[index]), 0);
  let best: { value: JsonValue | undefined; cost: number } = { value: undefined, cost: costWith(packValue) };
  // The candidates: each owner's value abstracted; one only its own owner gives saves nothing.
  const candidates = new Map<string, { value: JsonValue; owners: number }>();
  for (const owner of having) {
    const target = owner.targets.get(role)!.get(key);
    if (target === undefined) continue;
    const own = new Set<string>();
    for (const withName of [false, true]) {
      const value = abstracted(target, holesOf(owner), withName);
      const text = compact(value);
      if (own.has(text)) continue;
      own.add(text);
      const seen = candidates.get(text);
      candidates.set(text, { value, owners: (seen?.owners ?? 0) + 1 });
    }
  }
  for (const [text, { value: candidate, owners: count }] of candidates) {
    if (count < 2) continue;
    {
      const config = toConfigValue(candidate);
      const filled = text.includes('${')
        ? (o: Owner) => compact(fillPlaceholders(config, holesOf(o)))
        : () => text;
      const cost = key.length + text.length + 4 + costWith(filled);
      if (cost < best.cost) best = { value: candidate, cost };
    }
  }
  return best.value;
}

/** The engine's value as parsed JSON (key order kept, numbers as written). */
const asJson = (value: ConfigObject): JsonObject => parseJson(compact(value)) as JsonObject;

/**
 * The override that turns `base` into `target` as the build merges it (`mergeOverride`: differing
 * members, objects member by member, null for what the target lacks); where no override can (a
 * null inside the target), the target's differing keys whole, and the import's proof patches the rest.
 */
const overrideOf = (base: ConfigObject, target: JsonObject): JsonObject => {
  const override = mergeOverride(asJson(base), target);
  if (override !== undefined) return override;
  const entries: [string, JsonValue][] = [...target].filter(([key, value]) => !same(base[key], value));
  for (const key of Object.keys(base)) if (!target.has(key)) entries.push([key, null]);
  return new JsonObject(entries);
};

/**
 * The keys the datatype's operations share (its `operationDefaults`), each chosen for the bytes it
 * saves over what each role's override would otherwise spend on it (a role without the key pays a
 * `null`); none for a datatype with one operation.
 */
function sharedKeys(owner: Owner, bases: ReadonlyMap<OperationRole, ConfigObject>): JsonObject {
  const shared = new JsonObject();
  if (owner.targets.size < 2) return shared;
  const roles = [...owner.targets.keys()];
  const keys = new Set(roles.flatMap((role) => [...owner.targets.get(role)!.keys()]));
  for (const key of keys) {
    const targets = roles.map((role) => {
      const value = owner.targets.get(role)!.get(key);
      return value === undefined ? undefined : compact(value);
    });
    const costWith = (value: (index: number) => string | undefined) =>
      targets.reduce((sum: number, target, index) => sum + keyCost(key, value(index), target), 0);
    let best = {
      value: undefined as JsonValue | undefined,
      cost: costWith((index) => {
        const base = bases.get(roles[index]!)![key];
        return base === undefined ? undefined : compact(base);
      }),
    };
    for (const [index, text] of targets.entries()) {
      if (text === undefined || targets.indexOf(text) !== index) continue;
      const cost = key.length + text.length + 4 + costWith(() => text);
      if (cost < best.cost) best = { value: owner.targets.get(roles[index]!)!.get(key)!, cost };
    }
    if (best.value !== undefined) shared.set(key, best.value);
  }
  return shared;
}

/** connector.json's `path`, `operationDefaults` and `operations` of one datatype under `defaults`. */
function datatypeFields(owner: Owner, defaults: JsonObject, withPath: boolean): JsonObject {
  const restSystem = { operationDefaults: toConfigValue(defaults) as ConfigObject };
  const path = withPath ? owner.path : undefined;
  const roles = OPERATION_ROLES.filter((role) => owner.targets.has(role));
  const bases = new Map(
    roles.map((role) => [
      role,
      datatypeOperations(restSystem, owner.name, { path, operations: {} }, [role])[role]!,
    ]),
  );
  const shared = sharedKeys(owner, bases);
  const operationDefaults = shared.size > 0 ? (toConfigValue(shared) as ConfigObject) : undefined;
  const overrides = new JsonObject();
  const fields = (): ConfigObject => ({ ...(toConfigValue(overrides) as ConfigObject) });
  for (const role of roles) {
    // The list's override first: the other roles' default URLs follow the merged list URL.
    const datatype = { path, operationDefaults, operations: fields() };
    const base = datatypeOperations(restSystem, owner.name, datatype, [role])[role]!;
    const override = overrideOf(base, owner.targets.get(role)!);
    if (override.size > 0 || !owner.patternRoles.has(role)) overrides.set(role, override);
  }
  return new JsonObject([
    ...(path === undefined ? [] : ([['path', path]] as [string, JsonValue][])),
    ...(shared.size > 0 ? ([['operationDefaults', shared]] as [string, JsonValue][]) : []),
    ...(overrides.size > 0 ? ([['operations', overrides]] as [string, JsonValue][]) : []),
  ]);
}

/**
 * The source system's operations written compactly: every `<dt>-<role>` of a datatype with a valid
 * name moves into `datatypes.<dt>.operations.<role>` as what differs from the per-role defaults,
 * which are chosen key by key for the bytes they save (the datatype's API path abstracted as
 * `${path}`, its name as `${datatype}`); a datatype gets its `path` when that is shorter, and its
 * own `operationDefaults` for keys its operations share (hubspot's list and lookup `params`).
 * Members most of the system's operations share, whatever they are named (superoffice's and
 * hubspot's `headers`), go into `operationDefaults["*"]`, each kept only when connector.json gets
 * smaller. The build merges them back into exactly the source's operations (proven by the import
 * as a whole).
 */
export function compactOperations(
  source: JsonObject,
  datatypes: ReadonlyMap<string, ReadonlySet<OperationRole>>,
): CompactOperations {
  const split = splitOperations(source, datatypes);
  let best = compactUnder(split, new JsonObject())!;
  let every = new JsonObject();
  for (const [key, value] of everyCandidates(split).slice(0, EVERY_CANDIDATES)) {
    const tried = new JsonObject(every);
    const under = tried.get(key);
    tried.set(key, isJsonObject(value) && isJsonObject(under) ? mergeJson(under, value) : value);
    const packed = compactUnder(split, tried);
    if (packed !== undefined && packedSize(packed) < packedSize(best)) {
      best = packed;
      every = tried;
    }
  }
  return best;
}

/** How many of the likeliest members `operationDefaults["*"]` is tried with (each costs one compaction). */
const EVERY_CANDIDATES = 16;

const packedSize = (packed: CompactOperations): number =>
  size(packed.operationDefaults) +
  size(packed.operations) +
  [...packed.datatypes.values()].reduce((sum, fields) => sum + size(fields), 0);

/**
 * What `operationDefaults["*"]` could hold, most bytes first: each key's value (for an object such
 * as `headers`, also each member's) that at least two of the source's operations give, to merge
 * into it. A datatype role's `method` and `url` do not count: the pack's default sets them over it.
 */
function everyCandidates({ owners, rest }: SplitOperations): [string, JsonValue][] {
  const counts = new Map<string, { key: string; value: JsonValue; count: number }>();
  const count = (key: string, value: JsonValue, text: string) =>
    counts.set(text, { key, value, count: (counts.get(text)?.count ?? 0) + 1 });
  const operations = [
    ...[...rest.values()].filter(isJsonObject),
    ...owners.flatMap((owner) => [...owner.targets.values()]),
  ];
  const roleOperations = new Set(owners.flatMap((owner) => [...owner.targets.values()]));
  for (const operation of operations) {
    for (const [key, value] of operation) {
      if (value === null || (roleOperations.has(operation) && PACK_KEYS.has(key))) continue;
      count(key, value, compact(new JsonObject([[key, value]])));
      if (isJsonObject(value))
        for (const [member, inner] of value)
          if (inner !== null) {
            const one = new JsonObject([[member, inner]]);
            count(key, one, compact(new JsonObject([[key, one]])));
          }
    }
  }
  return [...counts.entries()]
    .filter(([, { count }]) => count >= 2)
    .sort(([a, x], [b, y]) => (y.count - 1) * b.length - (x.count - 1) * a.length || (a < b ? -1 : 1))
    .map(([, { key, value }]) => [key, value]);
}

/** The keys the pack's default operation of every role sets. */
const PACK_KEYS = new Set(['method', 'url']);

/** The source's operations: those of a datatype role by owner, the rest by full name. */
interface SplitOperations {
  readonly owners: readonly Owner[];
  readonly rest: JsonObject;
}

function splitOperations(
  source: JsonObject,
  datatypes: ReadonlyMap<string, ReadonlySet<OperationRole>>,
): SplitOperations {
  const owners = new Map<string, Owner>();
  const rest = new JsonObject();
  const ownerOf = (name: string): Owner | undefined => {
    if (!datatypes.has(name) || !NAME_PATTERN.test(name)) return undefined;
    if (!owners.has(name))
      owners.set(name, { name, patternRoles: datatypes.get(name)!, targets: new Map(), path: name });
    return owners.get(name);
  };
  for (const [opName, operation] of source) {
    const cut = opName.lastIndexOf('-');
    const role = opName.slice(cut + 1) as OperationRole;
    const owner =
      cut > 0 && OPERATION_ROLES.includes(role) && isJsonObject(operation)
        ? ownerOf(opName.slice(0, cut))
        : undefined;
    if (owner === undefined || operationName(owner.name, role) !== opName) rest.set(opName, operation);
    else owner.targets.set(role, operation as JsonObject);
  }
  const all = [...owners.values()].map((owner): Owner => {
    const listUrl = owner.targets.get('list')?.get('url');
    return { ...owner, path: operationBase(owner.name, listUrl).collection };
  });
  return { owners: all, rest };
}

/** The operations compacted as `compactOperations` says, under `every` as `operationDefaults["*"]`; undefined when an operation of no datatype cannot be written over it. */
function compactUnder(
  { owners: all, rest }: SplitOperations,
  every: JsonObject,
): CompactOperations | undefined {
  const everyConfig = toConfigValue(every) as ConfigObject;
  const operations = new JsonObject();
  for (const [opName, operation] of rest) {
    if (every.size === 0 || !isJsonObject(operation)) {
      operations.set(opName, operation);
      continue;
    }
    const override = mergeOverride(every, operation);
    if (override === undefined) return undefined;
    operations.set(opName, override);
  }
  const defaults = new JsonObject(every.size > 0 ? [[EVERY_OPERATION, every]] : []);
  for (const role of OPERATION_ROLES) {
    const keys = new Set(all.flatMap((owner) => [...(owner.targets.get(role)?.keys() ?? [])]));
    const roleDefaults = new JsonObject();
    for (const key of keys) {
      const value = bestDefault(role, key, all, everyConfig);
      if (value !== undefined) roleDefaults.set(key, value);
    }
    if (roleDefaults.size > 0) defaults.set(role, roleDefaults);
  }

  const fields = new Map<string, JsonObject>();
  for (const owner of all) {
    const plain = datatypeFields(owner, defaults, false);
    const withPath = owner.path === owner.name ? plain : datatypeFields(owner, defaults, true);
    const chosen = size(withPath) < size(plain) ? withPath : plain;
    if (chosen.size > 0) fields.set(owner.name, chosen);
  }
  return { operationDefaults: defaults, datatypes: fields, operations };
}
