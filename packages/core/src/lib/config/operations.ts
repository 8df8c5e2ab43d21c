import {
  OPERATION_ROLES,
  defaultOperation,
  operationName,
  type DatatypePattern,
  type OperationRole,
} from '@sesam-connectors/template-pack';
import { resolveDatatype } from './datatype-pattern';
import type { ConfigPath, ConfigProblem } from './problems';
import type { RenderedSystemConfig } from './package-layout';
import { mergeConfig } from './merge';
import { fillPlaceholders } from './operation-placeholders';
import type { ConfigJson, ConfigObject, ConnectorConfig, DatatypeConfig, RestSystemConfig } from './types';

/** The system's operations by full name, and where in connector.json each one was last set. */
export interface SystemOperations {
  readonly operations: { [name: string]: ConfigObject };
  readonly problems: ConfigProblem[];
}

/** `override` merged over `base` member by member (`mergeConfig`: null removes, objects merge). */
export const mergeOperation = (
  base: { readonly [key: string]: unknown },
  override: ConfigObject = {},
): ConfigObject => mergeConfig(base as ConfigObject, override);

/** The datatype whose template file a datatype uses (itself, or its `reuse` target). */
export const templateOwner = (config: ConnectorConfig, name: string): [string, DatatypeConfig] => {
  const datatype = config.datatypes[name]!;
  const owner = datatype.reuse;
  return owner === undefined ? [name, datatype] : [owner, config.datatypes[owner]!];
};

/** The roles whose operations a datatype needs: its template's pattern roles plus any it overrides. */
function datatypeRoles(
  config: ConnectorConfig,
  patterns: readonly DatatypePattern[],
  name: string,
): OperationRole[] {
  const datatype = config.datatypes[name]!;
  const [, owner] = templateOwner(config, name);
  const { pattern, options } = resolveDatatype(owner, patterns);
  const needed = new Set<OperationRole>(pattern === undefined ? [] : pattern.operationRoles(options));
  for (const role of Object.keys(datatype.operations)) needed.add(role as OperationRole);
  return OPERATION_ROLES.filter((role) => needed.has(role));
}

/** The key of `restSystem.operationDefaults` whose members every operation of the system starts from. */
export const EVERY_OPERATION = '*';

/** `restSystem.operationDefaults["*"]`: what every operation of the system starts from (text as written). */
export const everyOperation = (restSystem: Pick<RestSystemConfig, 'operationDefaults'>): ConfigObject =>
  restSystem.operationDefaults[EVERY_OPERATION] ?? {};

/**
 * The operations of one datatype's roles, before `restSystem.operations`: for each role, from the
 * most general to the most specific, `restSystem.operationDefaults["*"]` (every operation of the
 * system) < the pack's default < `restSystem.operationDefaults.<role>` (its `${datatype}` and
 * `${path}` filled) < the datatype's `operationDefaults` (every role of it) < its
 * `operations.<role>`, each merged over the one before member by member (`mergeConfig`: objects
 * such as `headers` merge, null removes). Every role's default URL comes
 * from one base path (the pack's `operationBase`): the datatype's `path` when given, else the URL of
 * its list operation as merged, else its name. The list role is merged first for that reason.
 */
export function datatypeOperations(
  restSystem: Pick<RestSystemConfig, 'operationDefaults'>,
  name: string,
  datatype: Pick<DatatypeConfig, 'path' | 'operationDefaults' | 'operations'>,
  roles: readonly OperationRole[],
): Partial<Record<OperationRole, ConfigObject>> {
  const placeholders = { datatype: name, path: datatype.path ?? name };
  const every = everyOperation(restSystem);
  const layered = (role: OperationRole, base: { readonly [key: string]: unknown }): ConfigObject => {
    const defaults = restSystem.operationDefaults[role];
    const connector = defaults === undefined ? {} : fillPlaceholders(defaults, placeholders);
    const pack = mergeOperation(every, base as ConfigObject);
    const shared = mergeOperation(mergeOperation(pack, connector), datatype.operationDefaults);
    return mergeOperation(shared, datatype.operations[role]);
  };
  const listUrl = layered('list', defaultOperation('list', name, undefined, datatype.path))['url'];
  const merged: Partial<Record<OperationRole, ConfigObject>> = {};
  for (const role of roles)
    merged[role] = layered(role, defaultOperation(role, name, listUrl, datatype.path));
  return merged;
}

/**
 * Every operation of the system template: for each datatype `<dt>-<role>` as `datatypeOperations`
 * merges it, then `restSystem.operations` merged over it, or over `operationDefaults["*"]` for an
 * operation of no datatype role. Problems: an operation without
 * url/method, or one a pattern calls but nothing defines.
 */
export function systemOperations(
  config: RenderedSystemConfig,
  patterns: readonly DatatypePattern[],
): SystemOperations {
  const operations: { [name: string]: ConfigObject } = {};
  const origin = new Map<string, ConfigPath>();
  for (const [name, datatype] of Object.entries(config.datatypes)) {
    const roles = datatypeRoles(config, patterns, name);
    const merged = datatypeOperations(config.restSystem, name, datatype, roles);
    for (const role of roles) {
      const opName = operationName(name, role);
      operations[opName] = merged[role]!;
      origin.set(
        opName,
        datatype.operations[role] !== undefined
          ? ['datatypes', name, 'operations', role]
          : datatype.operationDefaults !== undefined
            ? ['datatypes', name, 'operationDefaults']
            : config.restSystem.operationDefaults[role] !== undefined
              ? ['restSystem', 'operationDefaults', role]
              : ['datatypes', name, 'operations', role],
      );
    }
  }
  for (const [opName, override] of Object.entries(config.restSystem.operations)) {
    if (override === null) {
      delete operations[opName];
      continue;
    }
    Object.defineProperty(operations, opName, {
      value: mergeOperation(operations[opName] ?? everyOperation(config.restSystem), override),
      enumerable: true,
      writable: true,
      configurable: true,
    });
    origin.set(opName, ['restSystem', 'operations', opName]);
  }

  const problems: ConfigProblem[] = [];
  for (const [opName, operation] of Object.entries(operations)) {
    for (const key of ['url', 'method']) {
      if (typeof operation[key] !== 'string') {
        problems.push({
          path: origin.get(opName)!,
          message: `operation ${opName} has no ${key}; Sesam requires url and method`,
        });
      }
    }
  }
  for (const [name, datatype] of Object.entries(config.datatypes)) {
    if (datatype.reuse !== undefined) continue;
    const { pattern, options } = resolveDatatype(datatype, patterns);
    const required = pattern?.requiredOperations?.(options) ?? [];
    const missing = required.filter((opName) => operations[opName] === undefined);
    if (missing.length > 0) {
      problems.push({
        path: ['datatypes', name, 'pattern'],
        message:
          `the ${datatype.pattern} pattern calls the system operations ${missing.join(' and ')}, which nothing defines: ` +
          `add a datatype "webhook" with pattern webhook-registry, or define them in restSystem.operations`,
      });
    }
  }
  return { operations, problems };
}
