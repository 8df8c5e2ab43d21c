import { defaultOperation } from '@sesam-connectors/template-pack';
import type { DatatypeRequest } from '../../shared/datatype-request';

/**
 * What the new datatype's operations default to, derived as the build derives them (the pack's
 * `defaultOperation`: one base path, the list URL's when given), so the user sees the URLs before
 * the first build. None for raw datatypes, which have no operations.
 */
export const operationDefaultsNote = (request: DatatypeRequest): string | undefined => {
  if (request.pattern === 'raw') return undefined;
  const url = (role: 'list' | 'insert' | 'lookup') =>
    String(defaultOperation(role, request.name, request.listUrl)['url']);
  const list = request.listUrl ?? url('list');
  return (
    `${request.name}: the pattern's operations default to list ${list}, insert ${url('insert')}, ` +
    `lookup/update/delete ${url('lookup')}` +
    (request.listUrl === undefined ? ' (no --listUrl: from the datatype name)' : ' (from the list URL)') +
    `; set datatypes.${request.name}.operations.<role> in connector.json to change one.`
  );
};
