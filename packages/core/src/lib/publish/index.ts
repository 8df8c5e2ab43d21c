/**
 * Publish: a built connector into its own repository (manifest.json and templates/ at the root),
 * planned from data (`planPublish`), applied through git in a temporary clone (`publishConnector`).
 */
export {
  DEFAULT_BRANCH,
  publishConnector,
  type PublishDeps,
  type PublishRequest,
  type PublishResult,
  type PublishStatus,
} from './publish';
export {
  isOwnedPath,
  isPublishable,
  OWNED_PATHS,
  planPublish,
  type DestinationState,
  type Difference,
  type LastPublish,
  type PlanInput,
  type PublishPlan,
  type Refusal,
} from './plan';
export { changedPipes, templateEntities, type PipeChanges } from './pipes';
export { commitMessage, SYSTEM_TRAILER, WORKSPACE_TRAILER, type WorkspaceRevision } from './message';
export { isGitUrl } from './destination';
export { Git, type GitOptions, type GitResult } from './git';
export { PublishError } from './errors';
