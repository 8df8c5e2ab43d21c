/** `buildConnector`: connector.json → connector/ (manifest.json, templates/*.json), written atomically. */
export {
  buildConnector,
  renderConnectorPackage,
  type BuildConnectorOptions,
  type BuildConnectorResult,
  type RenderedPackage,
} from './build-connector';
export { ConnectorValidationError, isUserError } from './errors';
export { validateRenderedConnector, type RenderedValidation } from './validate-rendered';
export {
  folderValidationStore,
  validationKey,
  validatorFingerprint,
  type StoredValidation,
  type ValidationStore,
} from './validation-store';
