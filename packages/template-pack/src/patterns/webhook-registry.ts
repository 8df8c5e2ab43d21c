import type { DatatypePattern } from '../types';

export const webhookRegistryPattern: DatatypePattern = {
  name: 'webhook-registry',
  description:
    'The `webhook` datatype: `-collect` lists the webhooks registered in the API, `-wipe` (manual) deletes the ones pointing at Sesam.',
  options: {
    wipeMatch: {
      description:
        'Wildcard pattern for the webhook addresses `-wipe` deletes. The default matches every *.sesam.cloud node; prefer "{{@ service_url @}}*" (only this node).',
      schema: { type: 'string', minLength: 1 },
      default: 'https://*.sesam.cloud/*',
    },
    addressProperty: {
      description: 'Property of a listed webhook that holds its address (`_S.<property>` in the wipe DTL).',
      schema: { type: 'string', minLength: 1 },
      default: 'address',
    },
    copyAll: {
      description:
        '`-collect` has the DTL `["copy", "*"]`; off: no transform (tripletex, training), unless `healthyWhen` asks for one.',
      schema: { type: 'boolean' },
      default: true,
    },
    healthyWhen: {
      description:
        '`-collect` adds `$healthy`: true when `_S.<property>` equals `value` (a webhook the API reports active), else false (superoffice: `State` `Active`; training-tripletex: `status` `ACTIVE`).',
      schema: {
        type: 'object',
        properties: {
          property: { type: 'string', minLength: 1 },
          value: { type: ['string', 'number', 'boolean'] },
        },
        required: ['property', 'value'],
        additionalProperties: false,
      },
    },
    wipeRunAtStartup: {
      description:
        '`-wipe` (manual) also has `pump.run_at_startup_if_not_populated: true`; off: only `mode: manual` (tripletex, training, superoffice).',
      schema: { type: 'boolean' },
      default: true,
    },
    wipeComment: {
      description: "`-wipe`'s `comment` (tripletex, training, superoffice describe the pipe there).",
      schema: { type: 'string', minLength: 1 },
    },
    wipeRuleComment: {
      description: "A `comment` rule before `-wipe`'s discard (tripletex, training, superoffice).",
      schema: { type: 'string', minLength: 1 },
    },
    scheduleInterval: {
      description:
        'Seconds between runs of `-collect` (pump `schedule_interval`, plus `run_at_startup_if_not_populated: true`).',
      schema: { type: 'integer', minimum: 1, maximum: 31_536_000 }, // at most a year
    },
  },
  pipes: [
    {
      role: 'collect',
      template: 'webhook-registry/collect.json.ejs',
      description: 'rest source on `<dt>-list`: the webhooks that exist',
    },
    {
      role: 'wipe',
      template: 'webhook-registry/wipe.json.ejs',
      description: 'manual: dataset `-collect` → keep matching addresses → `<dt>-delete`',
    },
  ],
  operationRoles: () => ['list', 'lookup', 'insert', 'delete'],
};
