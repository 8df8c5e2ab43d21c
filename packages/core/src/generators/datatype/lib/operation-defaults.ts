import type { OperationRole } from '@sesam-connectors/template-pack';
import { datatypeOperations, type ConfigObject } from '../../../lib/config';
import { toConfigValue } from '../../../lib/config/config-value';
import { isJsonObject, type JsonObject } from '../../../lib/json';
import type { DatatypeRequest } from '../../shared/datatype-request';

/** connector.json's `restSystem.operationDefaults`, or none. */
const connectorDefaults = (config: JsonObject): Partial<Record<OperationRole, ConfigObject>> => {
  const rest = config.get('restSystem');
  const defaults = isJsonObject(rest) ? rest.get('operationDefaults') : undefined;
  return isJsonObject(defaults)
    ? (toConfigValue(defaults) as Partial<Record<OperationRole, ConfigObject>>)
    : {};
};

/**
 * What the new datatype's operations default to, derived as the build derives them (the pack's
 * role defaults under the connector's `restSystem.operationDefaults`: one base path, the list URL's
 * when given), so the user sees the URLs before the first build. None for raw datatypes, which have
 * no operations.
 */
export const operationDefaultsNote = (request: DatatypeRequest, config: JsonObject): string | undefined => {
  if (request.pattern === 'raw') return undefined;
  const operationDefaults = connectorDefaults(config);
  const operations = request.listUrl === undefined ? {} : { list: { url: request.listUrl } };
  const merged = datatypeOperations({ operationDefaults }, request.name, { operations }, [
    'list',
    'insert',
    'lookup',
  ]);
  const url = (role: 'list' | 'insert' | 'lookup') => String(merged[role]!['url']);
  const shared = Object.keys(operationDefaults).length > 0 ? ', under restSystem.operationDefaults' : '';
  return (
    `${request.name}: the pattern's operations default to list ${url('list')}, insert ${url('insert')}, ` +
    `lookup/update/delete ${url('lookup')}` +
    (request.listUrl === undefined
      ? ` (no --listUrl: from the datatype name${shared})`
      : ` (from the list URL${shared})`) +
    `; set datatypes.${request.name}.operations.<role> in connector.json to change one.`
  );
};
