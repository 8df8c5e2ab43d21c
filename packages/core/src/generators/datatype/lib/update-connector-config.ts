import { logger, type Tree } from '@nx/devkit';
import { assertBuilds } from '../../shared/assert-builds';
import { buildProblems } from '../../shared/render-package';
import { applyConfigEdits, type ConfigEdit } from '../../shared/connector-json';
import { datatypeEntry, type DatatypeRequest } from '../../shared/datatype-request';
import { webhookManifestEdits } from '../../shared/webhook-manifest-edits';
import type { NormalizedDatatypeOptions } from './normalize-options';

/**
 * Patterns that need the manifest's webhook fields: event receivers live under service_url and check
 * the webhook secret; the registry points webhooks at them.
 */
const WEBHOOK_PATTERNS: ReadonlySet<string> = new Set(['webhook', 'webhook-registry']);

/** The edits that add `additions` (and, for webhooks, the manifest fields they need). */
export const connectorConfigEdits = (
  options: NormalizedDatatypeOptions,
  additions: DatatypeRequest[],
): ConfigEdit[] => [
  ...additions.map((request) => ({ path: ['datatypes', request.name], value: datatypeEntry(request) })),
  ...(additions.some((request) => WEBHOOK_PATTERNS.has(request.pattern))
    ? webhookManifestEdits(options.file)
    : []),
];

/**
 * Writes the new datatypes into connector.json, changing nothing else in the file's text. When the
 * connector builds now, it must still build afterwards (checked in memory first); a connector that
 * already fails to build gets the datatype with a warning.
 */
export const updateConnectorConfig = (
  tree: Tree,
  options: NormalizedDatatypeOptions,
  additions: DatatypeRequest[],
): void => {
  const text = applyConfigEdits(options.file.text, connectorConfigEdits(options, additions));
  const before = buildProblems(tree, options.system, options.file.text);
  if (before.length === 0) {
    assertBuilds(
      tree,
      options.system,
      `Not adding datatype "${options.request.name}" to ${options.file.path}`,
      text,
    );
  } else {
    logger.warn(
      `${options.file.path} does not build now (${before[0]}); adding "${options.request.name}" anyway.`,
    );
  }
  tree.write(options.file.path, text);
};
