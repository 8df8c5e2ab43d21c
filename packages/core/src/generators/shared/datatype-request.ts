import { GeneratorError } from './generator-error';
import { assertValidName, labelFor } from './names';
import type { DatatypePatternName } from '@sesam-connectors/template-pack';
import { assertPattern, SHARE_PATTERNS, WEBHOOK_REGISTRY_DATATYPE } from './patterns';

/** One datatype a generator adds to connector.json, as the user asked for it. */
export interface DatatypeRequest {
  name: string;
  pattern: DatatypePatternName;
  label?: string;
  /** webhook pattern: the webhook topics (`options.topics`). */
  topics?: string[];
  /** collect/webhook pattern: also write back to the system (`options.share`). */
  share?: boolean;
  /** raw pattern: the verbatim template's path inside connector/ (default templates/<name>.json). */
  template?: string;
  /** The list operation's URL (`operations.list.url`); the other roles' default URLs derive from it. */
  listUrl?: string;
}

/** How the user spelled each field, for error messages (`--pattern`, `--datatypes "b:webhook"`, …). */
export interface DatatypeOptionNames {
  name: string;
  pattern: string;
  topics?: string;
  share?: string;
  listUrl?: string;
}

/** `raw` datatypes keep their template in raw/templates/<name>.json; this is its path inside connector/. */
export const rawTemplatePath = (name: string): string => `templates/${name}.json`;

/**
 * Checks a request against the naming rules and the contract's pattern rules; throws a
 * GeneratorError naming the option at fault.
 */
export const assertValidDatatypeRequest = (request: DatatypeRequest, option: DatatypeOptionNames): void => {
  assertValidName(request.name, 'datatype', option.name);
  assertPattern(request.pattern, option.pattern);
  if (request.pattern === 'webhook-registry' && request.name !== WEBHOOK_REGISTRY_DATATYPE) {
    throw new GeneratorError(
      `${option.pattern}: the webhook-registry pattern makes the "${WEBHOOK_REGISTRY_DATATYPE}" datatype ` +
        `(its pipes and operations are named ${WEBHOOK_REGISTRY_DATATYPE}-…); "${request.name}" cannot use it.`,
    );
  }
  if (request.topics !== undefined && request.topics.length > 0 && request.pattern !== 'webhook') {
    throw new GeneratorError(
      `${option.topics ?? '--topics'}: topics belong to the webhook pattern; "${request.name}" uses ${request.pattern}.`,
    );
  }
  if (request.listUrl !== undefined && request.pattern === 'raw') {
    throw new GeneratorError(
      `${option.listUrl ?? '--listUrl'}: a raw datatype has no operations (its template is kept verbatim); ` +
        `drop the list URL or choose another pattern for "${request.name}".`,
    );
  }
  if (request.share && !SHARE_PATTERNS.includes(request.pattern)) {
    throw new GeneratorError(
      `${option.share ?? '--share'}: only the ${SHARE_PATTERNS.join(' and ')} patterns can share; ` +
        `"${request.name}" uses ${request.pattern}.`,
    );
  }
};

/**
 * The connector.json entry for a datatype (a plain object: the generators write it with JSON text
 * tools that keep the user's file as it is). Operations are left to the pattern's defaults, but for
 * the list URL when one is given (the defaults of the other roles derive from it at build time).
 */
export const datatypeEntry = (request: DatatypeRequest): Record<string, unknown> => {
  const options: Record<string, unknown> = {};
  if (request.topics !== undefined && request.topics.length > 0) options['topics'] = request.topics;
  if (request.share) options['share'] = true;
  return {
    pattern: request.pattern,
    label: request.label ?? labelFor(request.name),
    ...(request.pattern === 'raw' ? { template: request.template ?? rawTemplatePath(request.name) } : {}),
    ...(Object.keys(options).length > 0 ? { options } : {}),
    ...(request.listUrl !== undefined ? { operations: { list: { url: request.listUrl } } } : {}),
  };
};

/** The `webhook` datatype every webhook-pattern datatype relies on to register its webhooks. */
export const webhookRegistryRequest = (): DatatypeRequest => ({
  name: WEBHOOK_REGISTRY_DATATYPE,
  pattern: 'webhook-registry',
  label: 'Webhook',
});

/**
 * What a connector with webhooks needs in its manifest: the service URL the receivers live under,
 * and the shared secret Sesam checks on incoming events.
 */
export const WEBHOOK_MANIFEST_FIELDS = {
  additionalParameters: ['service_url'],
  flags: { requires_service_api_access: true, use_webhook_secret: true },
  /** The secrets those flags make the login put in the node (service API JWT, shared webhook secret). */
  secrets: ['service_jwt', 'webhook_secret'],
} as const;
