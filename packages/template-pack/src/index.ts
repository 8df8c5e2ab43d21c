/**
 * @sesam-connectors/template-pack: the ejs pattern templates (../patterns/<pattern>/*.ejs) and this
 * index describing each pattern. The build engine in @sesam-connectors/core renders them.
 */
import { join, resolve } from 'node:path';
import { collectPattern, sharePattern } from './patterns/collect';
import { rawPattern } from './patterns/raw';
import { systemPattern } from './patterns/system';
import { webhookPattern } from './patterns/webhook';
import { webhookRegistryPattern } from './patterns/webhook-registry';
import type { DatatypePattern, DatatypePatternName, PatternOptions } from './types';

export * from './types';
export {
  OPERATION_ROLES,
  defaultOperation,
  operationBase,
  operationName,
  type OperationBase,
  type OperationConfig,
} from './operations';
export {
  registrationId,
  webhookRegistrations,
  eventIdExpression,
  WEBHOOK_OPERATIONS,
} from './patterns/webhook';
export type { WebhookTopic, WebhookRegistration } from './patterns/webhook';
export { SHARE_OPERATION_ROLES, shareOperationRoles } from './patterns/collect';
export { SHARE_STEPS_EDITIONS, shareChainSteps } from './patterns/share-chain';
export { systemPattern };
export { SYSTEM_TEMPLATE_PATH } from './patterns/system';

/** The package folder; its `patterns/` folder holds the templates. */
export const PACK_DIR = resolve(__dirname, '..');
export const PATTERNS_FOLDER = 'patterns';
export const PATTERNS_DIR = join(PACK_DIR, PATTERNS_FOLDER);

/** Every datatype pattern, in the order the docs and the schema list them. */
export const datatypePatterns: readonly DatatypePattern[] = [
  collectPattern,
  webhookPattern,
  webhookRegistryPattern,
  sharePattern,
  rawPattern,
];

export const DATATYPE_PATTERN_NAMES: readonly DatatypePatternName[] = datatypePatterns.map((p) => p.name);

/**
 * The pattern of a datatype that names none: the one most datatypes use (in connector.json, `nx g
 * datatype` without --pattern, and the corpus: 4 in 5 of the real datatypes that are on a pattern).
 */
export const DEFAULT_DATATYPE_PATTERN: DatatypePatternName = 'collect';

export const findDatatypePattern = (name: string): DatatypePattern | undefined =>
  datatypePatterns.find((pattern) => pattern.name === name);

/** Every template file (relative to `patterns/`) the index refers to, each once, sorted. */
export const templateFiles = (): string[] =>
  [
    ...new Set([
      ...systemPattern.files.map((file) => file.template),
      ...datatypePatterns.flatMap((pattern) => pattern.pipes.map((pipe) => pipe.template)),
    ]),
  ].sort();

/** The options with the pattern's defaults filled in for every option left out. */
export function withDefaults(pattern: DatatypePattern, given: PatternOptions = {}): PatternOptions {
  const resolved: { [option: string]: unknown } = {};
  for (const [name, option] of Object.entries(pattern.options)) {
    const value = Object.prototype.hasOwnProperty.call(given, name) ? given[name] : undefined;
    if (value !== undefined) resolved[name] = value;
    else if (option.default !== undefined) resolved[name] = structuredClone(option.default);
  }
  return resolved;
}
