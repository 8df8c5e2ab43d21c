import type { DatatypePattern, OperationRole, PatternOption, PatternOptions, PatternPipe } from '../types';

/** Options of the two-step collect; the `webhook` pattern takes all of them too. */
export const collectOptions: { readonly [option: string]: PatternOption } = {
  supportsSince: {
    description:
      'The list operation reads incrementally: `-all` gets `source.supports_since: true` (the operation needs `updated_expression` and `{{ since }}`).',
    schema: { type: 'boolean' },
    default: false,
  },
  scheduleInterval: {
    description:
      "Seconds between runs of `-all` (pump `schedule_interval`, plus `run_at_startup_if_not_populated: true`). Unset: Sesam's default schedule.",
    schema: { type: 'integer', minimum: 1, maximum: 31_536_000 }, // at most a year
  },
  primaryKey: {
    description:
      'Property (or list of properties) that identifies an object in the API; `primary_key` of the collect and share templates.',
    schema: {
      anyOf: [
        { type: 'string', minLength: 1 },
        { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 },
      ],
      description: 'a property name or a non-empty list of property names',
    },
    default: 'id',
  },
  lastModified: {
    description: 'Adds `$last-modified` in `-collect`: `["datetime-parse", format, "_S.<property>"]`.',
    schema: {
      type: 'object',
      properties: {
        property: {
          type: 'string',
          minLength: 1,
          description: 'Source property with the last change time, e.g. updated_at.',
        },
        format: {
          type: 'string',
          minLength: 1,
          description: 'strptime format of that property, e.g. %Y-%m-%dT%H:%M:%S%z.',
        },
      },
      required: ['property', 'format'],
      additionalProperties: false,
    },
  },
  share: {
    description:
      'Adds a `-share` pipe (batch_size 1, `transform-share-rest`) and the insert, update and delete operations.',
    schema: { type: 'boolean' },
    default: false,
  },
  sharePayloadKey: {
    description:
      'The share request body wraps the plain properties as `{"<key>": …}` (`$payload`); e.g. "{{@ datatype @}}" for Shopify.',
    schema: { type: 'string', minLength: 1 },
  },
};

export const shares = (options: PatternOptions): boolean => options['share'] === true;

/** Roles of a collect-style datatype: list and lookup, plus the write roles when it shares. */
export const collectRoles = (options: PatternOptions): readonly OperationRole[] =>
  shares(options) ? ['list', 'lookup', 'insert', 'update', 'delete'] : ['list', 'lookup'];

export const allPipe: PatternPipe = {
  role: 'all',
  template: 'collect/all.json.ejs',
  description: 'rest source on `<dt>-list` (optionally incremental and scheduled)',
};

export const sharePipe: PatternPipe = {
  role: 'share',
  template: 'collect/share.json.ejs',
  description: 'only with `share`: dataset `-transform` → `transform-share-rest` (batch_size 1)',
  when: shares,
};

export const collectPattern: DatatypePattern = {
  name: 'collect',
  description:
    'Two-step collect: `-all` reads the API, `-collect` verifies deletes and sets `$origin`/`$last-modified`; optional `-share`.',
  options: collectOptions,
  pipes: [
    allPipe,
    {
      role: 'collect',
      template: 'collect/collect.json.ejs',
      description: 'dataset `-all` → `transform-collect-rest` (verified deletes) → `$last-modified`',
      locals: { withEvents: false },
    },
    sharePipe,
  ],
  operationRoles: collectRoles,
};
