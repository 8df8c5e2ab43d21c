import { logger } from '@nx/devkit';
import { isJsonObject, type JsonObject } from '../../../lib/json';
import { webhookRegistryRequest, type DatatypeRequest } from '../../shared/datatype-request';
import { GeneratorError } from '../../shared/generator-error';
import { canPrompt, confirm } from '../../shared/prompt';
import { WEBHOOK_REGISTRY_DATATYPE } from '../../shared/patterns';
import type { NormalizedDatatypeOptions } from './normalize-options';

const patternOf = (entry: unknown): unknown => (isJsonObject(entry) ? entry.get('pattern') : undefined);

const hasRegistry = (datatypes: JsonObject): boolean =>
  [...datatypes.values()].some((entry) => patternOf(entry) === 'webhook-registry');

/**
 * The datatypes to add: the requested one, plus the `webhook` registry when the request is a
 * webhook-pattern datatype and the connector has none. --addRegistry decides; without it a person
 * at a terminal is asked, and a non-interactive run adds it (a webhook datatype without a registry
 * registers no webhooks, so adding it is what makes the new datatype work).
 */
export const planAdditions = async (options: NormalizedDatatypeOptions): Promise<DatatypeRequest[]> => {
  const { request, datatypes, file } = options;
  if (request.pattern !== 'webhook' || hasRegistry(datatypes)) return [request];

  const why = `${file.path} has no webhook-registry datatype, which "${request.name}" (pattern webhook) needs to register its webhooks.`;
  const clash = datatypes.get(WEBHOOK_REGISTRY_DATATYPE);
  if (clash !== undefined) {
    const message =
      `${why} The registry is the "${WEBHOOK_REGISTRY_DATATYPE}" datatype, but datatypes.${WEBHOOK_REGISTRY_DATATYPE} ` +
      `already exists with pattern ${String(patternOf(clash))}.`;
    if (options.addRegistry === true) throw new GeneratorError(`--addRegistry: ${message}`);
    logger.warn(`${message} Not adding a registry.`);
    return [request];
  }

  const add =
    options.addRegistry ??
    (canPrompt()
      ? await confirm(
          `${why} Add the "${WEBHOOK_REGISTRY_DATATYPE}" datatype? (If not, restSystem.operations must define webhook-lookup and webhook-insert.)`,
          true,
        )
      : true);
  if (!add) {
    logger.warn(
      `${why} Not adding it (--addRegistry=false); add it later with ` +
        `nx g @sesam-connectors/core:datatype ${WEBHOOK_REGISTRY_DATATYPE} --connector ${options.system} --pattern webhook-registry`,
    );
    return [request];
  }
  logger.info(`${why} Adding the "${WEBHOOK_REGISTRY_DATATYPE}" datatype (pattern webhook-registry).`);
  return [request, webhookRegistryRequest()];
};
