/**
 * `sesam expand` in TypeScript, byte-identical to sesam-py (see `../shared/docs/expand-reference.md`, the reference kept beside the repository):
 * `expandConnector(source, options)` builds the expanded folder in memory; `writeExpanded` writes it
 * atomically. Errors are `ExpandError`s naming the file, line and JSON path.
 */
export {
  expandConnector,
  DEFAULT_PROFILE,
  DEFAULT_SYSTEM_PLACEHOLDER,
  type ExpandOptions,
  type ExpandResult,
  type LeakedParameter,
  type UndefinedVariable,
} from './expand';
export {
  diskSource,
  memorySource,
  decodeUtf8,
  universalNewlines,
  type ConnectorSource,
} from './connector-source';
export { ExpandError, type ExpandErrorCode, type ExpandErrorDetails } from './errors';
export {
  componentPath,
  type ComponentOrigin,
  type ExpandedComponent,
  type FiledComponent,
} from './component-files';
export { formatMessagePath, type JsonPath } from './json-path';
export { isTruthyFlag, readManifest, readManifestDatatypes, type ManifestDatatype } from './manifest';
export { templateStem } from './reuse-comment';
export { splitTemplatePath } from './template-loader';
export { SHIM_NAME } from './shim';
export { writeExpanded, assertSafeOutputDir } from './writer';
export { fileNamePartProblem } from './file-name-part';
export { commentLines } from './jinja';
