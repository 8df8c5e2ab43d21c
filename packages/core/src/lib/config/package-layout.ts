import { SYSTEM_TEMPLATE_PATH } from '@sesam-connectors/template-pack';
import { RAW_DIR } from '../layout';
import type { AuthConfig, ConnectorConfig, RestSystemConfig } from './types';

/** A connector whose system template the build renders from `auth` and `restSystem` (no `systemFile`). */
export type RenderedSystemConfig = ConnectorConfig & {
  auth: AuthConfig;
  restSystem: RestSystemConfig;
  systemFile?: undefined;
};

/** Whether the build renders the system template (else it copies `systemFile` verbatim). */
export const rendersSystem = (config: ConnectorConfig): config is RenderedSystemConfig =>
  config.systemFile === undefined && config.auth !== undefined && config.restSystem !== undefined;

/**
 * Where the build writes the system template, relative to connector/: the system pattern's path,
 * or for a verbatim `systemFile` (raw/<path>) its path below raw/, as raw datatype templates are kept.
 */
export const systemTemplatePath = (config: Pick<ConnectorConfig, 'systemFile'>): string => {
  const file = config.systemFile;
  if (file === undefined) return SYSTEM_TEMPLATE_PATH;
  return file.startsWith(`${RAW_DIR}/`) ? file.slice(RAW_DIR.length + 1) : file;
};
