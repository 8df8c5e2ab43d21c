import type { Tree } from '@nx/devkit';
import { parseCommaList } from '../../shared/comma-list';
import {
  assertValidDatatypeRequest,
  webhookRegistryRequest,
  WEBHOOK_MANIFEST_FIELDS,
  type DatatypeRequest,
} from '../../shared/datatype-request';
import { GeneratorError } from '../../shared/generator-error';
import { assertValidName, labelFor } from '../../shared/names';
import { newPackageRoot } from '../../shared/new-package';
import type { DatatypePatternName } from '@sesam-connectors/template-pack';
import type { AuthType } from '../../../lib/config/types';
import { assertAuthType, WEBHOOK_REGISTRY_DATATYPE } from '../../shared/patterns';
import type { ConnectorGeneratorSchema } from '../schema';
import { AUTH_PRESETS } from './auth-presets';
import { environmentVariablesIn } from './env-vars';
import { normalizeOAuth2, type OAuth2Settings } from './oauth2-settings';
import { normalizeUrlPattern } from './url-pattern';

export interface NormalizedConnectorOptions {
  system: string;
  projectRoot: string;
  label: string;
  description: string | undefined;
  auth: AuthType;
  urlPattern: string;
  /** Set for the auth types that log in with OAuth2 (oauth2, superoffice-ticket). */
  oauth2: OAuth2Settings | undefined;
  /** In connector.json order; includes the webhook registry when webhooks are on. */
  datatypes: DatatypeRequest[];
  webhooks: boolean;
  /** manifest additional_parameters: the environment variables the connector's templates read. */
  envVars: string[];
  skipFormat: boolean;
}

/** `name` or `name:pattern` from --datatypes (pattern collect by default). */
const parseDatatypeSpec = (spec: string): DatatypeRequest => {
  const [name, pattern = 'collect', ...rest] = spec.split(':').map((part) => part.trim());
  if (rest.length > 0) {
    throw new GeneratorError(`--datatypes: "${spec}" has more than one ':'; write name or name:pattern.`);
  }
  const request: DatatypeRequest = { name, pattern: pattern as DatatypePatternName };
  assertValidDatatypeRequest(request, { name: '--datatypes', pattern: `--datatypes "${spec}"` });
  return request;
};

const parseDatatypes = (value: ConnectorGeneratorSchema['datatypes']): DatatypeRequest[] => {
  const requests = parseCommaList(value).map(parseDatatypeSpec);
  const seen = new Set<string>();
  for (const { name } of requests) {
    if (seen.has(name)) throw new GeneratorError(`--datatypes: "${name}" is listed twice.`);
    seen.add(name);
  }
  return requests;
};

/**
 * Settles --webhooks against the datatypes: webhook-pattern datatypes need the registry, so they
 * turn webhooks on unless the user said --no-webhooks (an error then), and --webhooks adds the
 * registry datatype when the list does not have it.
 */
const withWebhookRegistry = (
  datatypes: DatatypeRequest[],
  webhooksOption: boolean | undefined,
): { datatypes: DatatypeRequest[]; webhooks: boolean } => {
  const eventDatatype = datatypes.find((d) => d.pattern === 'webhook');
  const registry = datatypes.find((d) => d.name === WEBHOOK_REGISTRY_DATATYPE);
  const webhooks =
    webhooksOption ?? (eventDatatype !== undefined || registry?.pattern === 'webhook-registry');
  if (!webhooks) {
    if (eventDatatype) {
      throw new GeneratorError(
        `--webhooks is false, but datatype "${eventDatatype.name}" uses the webhook pattern, which needs the ` +
          `webhook registry. Drop --no-webhooks, or give "${eventDatatype.name}" another pattern.`,
      );
    }
    if (registry?.pattern === 'webhook-registry') {
      throw new GeneratorError(
        `--webhooks is false, but --datatypes lists the webhook registry ("${WEBHOOK_REGISTRY_DATATYPE}:webhook-registry"). Drop one of them.`,
      );
    }
    return { datatypes, webhooks };
  }
  if (registry === undefined) return { datatypes: [...datatypes, webhookRegistryRequest()], webhooks };
  if (registry.pattern !== 'webhook-registry') {
    throw new GeneratorError(
      `--datatypes: "${WEBHOOK_REGISTRY_DATATYPE}" is the webhook registry's name when webhooks are on; ` +
        `it cannot use the ${registry.pattern} pattern. Rename that datatype.`,
    );
  }
  return { datatypes, webhooks };
};

export const normalizeOptions = (
  tree: Tree,
  schema: ConnectorGeneratorSchema,
): NormalizedConnectorOptions => {
  const system = (schema.system ?? '').trim();
  assertValidName(system, 'system', '--system');
  const projectRoot = newPackageRoot(tree, system, 'connector');
  const auth = assertAuthType(schema.auth?.trim() || 'api_key', '--auth');
  const preset = AUTH_PRESETS[auth];
  const urlPattern = normalizeUrlPattern(schema.baseUrl, preset.defaultUrlPattern);
  const oauth2 = normalizeOAuth2(schema, auth, urlPattern);

  const { datatypes, webhooks } = withWebhookRegistry(parseDatatypes(schema.datatypes), schema.webhooks);
  if (datatypes.length === 0) {
    throw new GeneratorError(
      '--datatypes: a connector needs at least one datatype, e.g. --datatypes order,customer:collect ' +
        '(name or name:pattern; patterns collect, webhook, raw).',
    );
  }

  const envVars = [
    ...new Set([
      ...environmentVariablesIn(urlPattern),
      ...preset.envVars,
      ...(webhooks ? WEBHOOK_MANIFEST_FIELDS.additionalParameters : []),
    ]),
  ];

  return {
    system,
    projectRoot,
    label: schema.label?.trim() || labelFor(system),
    description: schema.description?.trim() || undefined,
    auth,
    urlPattern,
    oauth2,
    datatypes,
    webhooks,
    envVars,
    skipFormat: schema.skipFormat ?? false,
  };
};
