import type { OperationRole } from './types';

/** Every operation role, in the order the system template lists them. */
export const OPERATION_ROLES: readonly OperationRole[] = ['list', 'lookup', 'insert', 'update', 'delete'];

/** A Sesam REST system operation (`url`, `method`, `payload_property`, …), as plain data. */
export type OperationConfig = { readonly [key: string]: unknown };

/**
 * The default operation a pattern adds for `role` of `datatype` (connector.json's
 * `datatypes.<dt>.operations.<role>` is merged over it). The urls are relative to the system's
 * `url_pattern` and keep Sesam's runtime Jinja (`{{ entity.id }}`) as text.
 */
export function defaultOperation(role: OperationRole, datatype: string): OperationConfig {
  switch (role) {
    case 'list':
      return { method: 'GET', url: datatype };
    case 'lookup':
      return { method: 'GET', url: `${datatype}/{{ entity.id }}` };
    case 'insert':
      return { method: 'POST', url: datatype };
    case 'update':
      return { method: 'PUT', url: `${datatype}/{{ entity.id }}` };
    case 'delete':
      return { method: 'DELETE', url: `${datatype}/{{ entity.id }}` };
  }
}

/** The system operation name for a datatype's role. */
export const operationName = (datatype: string, role: OperationRole): string => `${datatype}-${role}`;
