/**
 * `@sesam-connectors/core`, the engine: connector.json → render → validate → write, without Nx. What
 * the workspace tools and other callers use. It loads ejs and ajv; the Nx plugin entry
 * (`@sesam-connectors/core/plugin`, registered in nx.json) never imports it.
 */

// connector.json: load and check (problems as `<file>: <dotted.json.path>: <reason>`), its schema.
export {
  loadConnectorConfig,
  checkConnectorConfig,
  composeConnectorSchema,
  connectorSchemaText,
  CONNECTOR_SCHEMA_FILE,
  ConnectorConfigError,
  dottedPath,
  formatProblem,
  nameProblem,
  NAME_PATTERN,
  rendersSystem,
  systemTemplatePath,
  RawFileError,
  AUTH_TYPES,
  type AuthConfig,
  type AuthType,
  type CheckedConnectorConfig,
  type ConfigFindings,
  type ConfigPath,
  type ConfigProblem,
  type ConnectorConfig,
  type ConnectorConfigContext,
  type DatatypeConfig,
  type LoadConnectorConfigOptions,
  type RestSystemConfig,
  type ResolvedConnector,
} from './lib/config';

// The template pack and the one renderer (in memory).
export {
  loadTemplatePack,
  renderConnectorFiles,
  TemplatePackError,
  TemplateRenderError,
  PatchApplyError,
  type LoadedTemplatePack,
  type RenderConnectorInputs,
} from './lib/render';

// Patches: RFC 6902 operations over what a pattern renders, each replace/remove guarded by a test.
export {
  applyPatch,
  createGuardedPatch,
  patchSize,
  unguardedOperations,
  toPatchValue,
  type PatchFailure,
  type PatchFailureKind,
  type PatchInput,
  type PatchOperation,
  type PatchResult,
  type PatchValue,
  type PatchWhere,
} from './lib/patch';

// The build: render, validate, write connector/ atomically.
export {
  buildConnector,
  renderConnectorPackage,
  renderPackageSource,
  packageBuildProblems,
  ConnectorValidationError,
  isUserError,
  folderValidationStore,
  type BuildConnectorOptions,
  type BuildConnectorResult,
  type ConnectorPackageSource,
  type RenderedPackage,
  type RenderPackageOptions,
  type StoredValidation,
  type ValidationStore,
} from './lib/build';

// `sesam expand` in TypeScript.
export {
  expandConnector,
  writeExpanded,
  diskSource,
  memorySource,
  ExpandError,
  DEFAULT_PROFILE,
  DEFAULT_SYSTEM_PLACEHOLDER,
  type ConnectorSource,
  type ExpandErrorCode,
  type ExpandOptions,
  type ExpandResult,
} from './lib/expand';

// The validator (`sesam validate` plus `strict/…` rules) and expand-then-check-then-write.
export {
  validateConnector,
  validateSource,
  formatFindingLine,
  formatReportJson,
  formatReportText,
  RULES,
  expandToFolder,
  expandSummary,
  type ExpandToFolderOptions,
  type ExpandToFolderResult,
  type Finding,
  type RuleInfo,
  type Severity,
  type ValidateOptions,
  type ValidationReport,
} from './lib/validate';

// A connector's data flow as Mermaid flowcharts, and the README section made from it.
export {
  connectorFlow,
  diffFlows,
  datatypeDiagram,
  overviewDiagram,
  MERMAID_MAX_EDGES,
  type ConnectorFlow,
  type ConnectorFlowOptions,
  type DiagramOptions,
  type FlowLink,
  type FlowPipe,
  type FlowStatus,
} from './lib/diagram';
export {
  connectorReadme,
  readmeSection,
  withReadmeSection,
  README_SECTION_END,
  README_SECTION_START,
  familyMember,
  familyTable,
  withFamilyTable,
  hasFamilyTable,
  projectBuildValidates,
  projectBuildOptions,
  type ProjectBuildOptions,
  FAMILY_TABLE_START,
  FAMILY_TABLE_END,
  type FamilyMember,
} from './lib/readme';
