/**
 * Publish could not go on: a refusal (dirty checkout, hand edits, stale build, …) or a git
 * failure. The message says what, where and how to fix it; nothing was changed in the destination.
 */
export class PublishError extends Error {
  override readonly name = 'PublishError';
}
