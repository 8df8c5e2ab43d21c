import { isJsonObject, type JsonObject, type JsonValue } from '../json';
import type { Pipes } from './infer-options';
import { at, member, objectOf, positiveInteger, transformsOf } from './json-access';
import { DATATYPE_PLACEHOLDER, SYSTEM_PLACEHOLDER } from './source-pipes';

/** Options of the `webhook` and `webhook-registry` patterns read from a datatype's real pipes. */

const PIPE = (role: string) => `${SYSTEM_PLACEHOLDER}-${DATATYPE_PLACEHOLDER}-${role}`;

/** Options of the `webhook` pattern's `-event` and `-registerwebhook` pipes. */
export function webhookOptions(pipes: Pipes): [string, JsonValue | undefined][] {
  const event = pipes.get('event');
  const register = pipes.get('registerwebhook');
  const entities = at(register, 'source', 'entities');
  const registrations = Array.isArray(entities) ? entities.filter(isJsonObject) : [];
  const properties = registrations.map((entity) => member(entity, 'properties'));
  const payloadKey =
    isJsonObject(properties[0]) && properties[0].size === 1 ? [...properties[0].keys()][0] : undefined;
  const registrationShape = properties.every(
    (p) =>
      typeof at(p, payloadKey ?? '', 'topic') === 'string' &&
      typeof at(p, payloadKey ?? '', 'address') === 'string',
  );
  if (payloadKey === undefined || !registrationShape)
    return [['validationExpression', eventValidation(event)]];
  const topics = registrations.map((entity, index) => {
    const topic = at(properties[index], payloadKey ?? '', 'topic');
    const id = entity.get('_id');
    const text = typeof topic === 'string' ? topic : '';
    const segments = text.split('/');
    return id === `${DATATYPE_PLACEHOLDER}-${segments[segments.length - 1]}`
      ? text
      : objectOf([
          ['topic', text],
          ['id', id],
        ]);
  });
  const address = at(properties[0], payloadKey ?? '', 'address');
  const hop = transformsOf(register ?? (new Map() as JsonObject))
    .map((t) => at(t, 'rules', 'default'))
    .flatMap((rules) => (Array.isArray(rules) ? rules : []))
    .find((rule) => Array.isArray(rule) && rule[0] === 'add' && rule[1] === 'id');
  const returned = JSON.stringify(hop ?? null).match(/"return":\["first","([^"]+)"\]/)?.[1];
  return [
    ['topics', topics.length > 0 ? topics : undefined],
    [
      'webhookIdPath',
      returned !== undefined && returned !== 'sink.insert_response.value.id' ? returned : undefined,
    ],
    [
      'receiverAddress',
      typeof address === 'string' && address !== `{{@ service_url @}}/receivers/${PIPE('event')}/entities`
        ? address
        : undefined,
    ],
    ['webhookPayloadKey', payloadKey !== undefined && payloadKey !== 'webhook' ? payloadKey : undefined],
    ['validationExpression', eventValidation(event)],
  ];
}

/** The `-event` receiver's validation expression, when it has one. */
const eventValidation = (event: JsonObject | undefined): JsonValue | undefined => {
  const validation = at(event, 'source', 'validation_expression');
  return typeof validation === 'string' && validation !== '' ? validation : undefined;
};

/** Options of the `webhook-registry` pattern. */
export function registryOptions(pipes: Pipes): [string, JsonValue | undefined][] {
  const wipe = pipes.get('wipe');
  const discard = JSON.stringify(
    transformsOf(wipe ?? (new Map() as JsonObject)).map((t) => at(t, 'rules', 'default')) ?? null,
  ).match(/\["discard",\["matches","((?:[^"\\]|\\.)*)","_S\.([^"]+)"\]\]/);
  const schedule = positiveInteger(at(pipes.get('collect'), 'pump', 'schedule_interval'));
  return [
    [
      'wipeMatch',
      discard !== null && discard[1] !== 'https://*.sesam.cloud/*'
        ? JSON.parse(`"${discard[1]}"`)
        : undefined,
    ],
    ['addressProperty', discard !== null && discard[2] !== 'address' ? discard[2] : undefined],
    ['scheduleInterval', schedule],
  ];
}
