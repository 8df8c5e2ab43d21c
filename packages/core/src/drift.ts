/**
 * `@sesam-connectors/core/drift`: what importing connector folders would do, without writing —
 * the import's planner per folder, each datatype's pattern, options and patches, a summary per
 * pipe role, and the adoption figures (node config equivalence, datatypes on patterns and with no
 * patch, authored / source bytes). The `sesam-connectors drift` command and `npm run adoption` print it.
 */
export { driftReport } from './cli/commands/drift';
export { formatDriftText } from './cli/drift/format-text';
export { formatDriftMarkdown } from './cli/drift/format-markdown';
export { formatDriftJson, type DriftReport } from './cli/drift/report';
export { figuresText, figuresMarkdown } from './cli/drift/format-figures';
export type { AdoptionFigures, FolderAdoption, FolderProblem } from './generators/import/lib/drift/adoption';
export type {
  ConnectorDescription,
  DatatypeDescription,
  PatchDescription,
} from './generators/import/lib/drift/describe-plan';
export type {
  Deviation,
  DriftSummary,
  RawSummary,
  RoleSummary,
} from './generators/import/lib/drift/summarize';
