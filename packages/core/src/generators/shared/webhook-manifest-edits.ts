import { logger } from '@nx/devkit';
import { objectMember, type ConfigEdit, type ConnectorConfigFile } from './connector-json';
import { WEBHOOK_MANIFEST_FIELDS } from './datatype-request';

/**
 * The connector.json edits that give a connector what webhooks need in its manifest (service_url,
 * use_webhook_secret, requires_service_api_access), adding only what is missing: a flag the user
 * set differently is kept, with a warning.
 */
export const webhookManifestEdits = (file: ConnectorConfigFile): ConfigEdit[] => {
  const manifest = objectMember(file, file.config, 'manifest', 'manifest');
  const parameters =
    manifest && objectMember(file, manifest, 'additional_parameters', 'manifest.additional_parameters');
  const edits: ConfigEdit[] = WEBHOOK_MANIFEST_FIELDS.additionalParameters
    .filter((name) => !parameters?.has(name))
    .map((name) => ({ path: ['manifest', 'additional_parameters', name], value: {} }));
  for (const [flag, value] of Object.entries(WEBHOOK_MANIFEST_FIELDS.flags)) {
    const current = manifest?.get(flag);
    if (current === undefined) edits.push({ path: ['manifest', flag], value });
    else if (current !== value) {
      logger.warn(
        `${file.path}: manifest.${flag} is ${JSON.stringify(current)}; webhooks need ${value}. Left as it is.`,
      );
    }
  }
  return edits;
};
