import { datatypeEntry, WEBHOOK_MANIFEST_FIELDS } from '../../shared/datatype-request';
import type { NormalizedConnectorOptions } from './normalize-options';

/** The parts of connector.json the scaffold fills in (CONNECTOR-JSON.md), as plain JSON data. */
export interface ConnectorConfigParts {
  auth: Record<string, unknown>;
  manifest: Record<string, unknown>;
  restSystem: Record<string, unknown>;
  datatypes: Record<string, unknown>;
}

export const connectorConfigParts = (options: NormalizedConnectorOptions): ConnectorConfigParts => ({
  auth: { type: options.auth, ...(options.oauth2 ?? {}) },
  manifest: {
    additional_parameters: Object.fromEntries(options.envVars.map((name) => [name, {}])),
    ...(options.webhooks ? WEBHOOK_MANIFEST_FIELDS.flags : {}),
    system: options.label,
  },
  restSystem: { urlPattern: options.urlPattern, verifySsl: true },
  datatypes: Object.fromEntries(options.datatypes.map((request) => [request.name, datatypeEntry(request)])),
});
