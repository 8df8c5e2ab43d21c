/** `buildConnector`: connector.json → connector/ (manifest.json, templates/*.json), written atomically. */
export { buildConnector, type BuildConnectorOptions, type BuildConnectorResult } from './build-connector';
export {
  packageBuildProblems,
  renderConnectorPackage,
  renderPackageSource,
  type ConnectorPackageSource,
  type RenderedPackage,
  type RenderPackageOptions,
} from './render-package';
export { ConnectorValidationError, isUserError } from './errors';
export { validateRenderedConnector, type RenderedValidation } from './validate-rendered';
export {
  folderValidationStore,
  validationKey,
  validatorFingerprint,
  type StoredValidation,
  type ValidationStore,
} from './validation-store';
