import type {
  DatatypePattern,
  OperationRole,
  OptionProblem,
  PatternOption,
  PatternOptions,
  PatternPipe,
} from '../types';
import { SHARE_STEPS_EDITIONS, shareChainSteps } from './share-chain';

/** The operations `-share`'s `transform-share-rest` can name (`operation_<role>`). */
export const SHARE_OPERATION_ROLES = ['insert', 'update', 'delete', 'lookup'] as const;

/** The roles whose `operation_<role>` `-share` names (option `shareOperations`), in the template's order. */
export const shareOperationRoles = (options: PatternOptions): readonly OperationRole[] => {
  const chosen = options['shareOperations'] ?? true;
  if (chosen === false) return [];
  return SHARE_OPERATION_ROLES.filter((role) => chosen === true || (chosen as unknown[]).includes(role));
};

/** Schemas several options share: how a pipe turns namespacing off, a DTL `rules` object, a list of transforms. */
const IDENTIFIERS = { enum: ['namespaced_identifiers', 'add_namespaces', 'both', 'none'] };
const DTL_RULES = { type: 'object', required: ['default'], properties: { default: { type: 'array' } } };
const TRANSFORMS = { type: 'array', items: { type: 'object' }, minItems: 1 };

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
  identifiers: {
    description:
      'How every pipe of the datatype turns off namespacing: `namespaced_identifiers: false` (the default), the older `add_namespaces: false`, both, or neither (the node default).',
    schema: IDENTIFIERS,
    default: 'namespaced_identifiers',
  },
  trace: {
    description: 'The rest source that reads the API gets `trace: true` (request/response tracing).',
    schema: { type: 'boolean' },
    default: false,
  },
  sourceProperties: {
    description:
      'Extra keys of the rest source that reads the API, e.g. `payload_property`, `id_expression`, `updated_expression`, `properties` (operation parameters), `initial_since_value`.',
    schema: { type: 'object' },
  },
  sourceType: {
    description:
      'The source type of the pipe that reads the API: `rest` (the default, on `listOperation`) or another Sesam source type (`sparql`, `csv`, `rdf`, …), which takes its settings from `sourceProperties` and names no operation.',
    schema: { type: 'string', minLength: 1 },
    default: 'rest',
  },
  cronExpression: {
    description:
      'The pipe that reads the API runs on this cron schedule (`pump.cron_expression`), e.g. "0 6 * * ?".',
    schema: { type: 'string', minLength: 1 },
  },
  listOperation: {
    description:
      'The system operation the API is read with. Default `{{@ datatype @}}-list` (added to the system with its default); another name (e.g. a generic `list` shared by datatypes) must be defined in restSystem.operations.',
    schema: { type: 'string', minLength: 1 },
    default: '{{@ datatype @}}-list',
  },
  collectTemplate: {
    description:
      '`-collect` runs `transform-collect-rest` with: `verified-deletes` (the default: lookup operation, primary key, rest system, share dataset), `share-dataset` (primary key and share dataset), `primary-key` (primary key only), or `none` (no template transform).',
    schema: { enum: ['verified-deletes', 'share-dataset', 'primary-key', 'none'] },
    default: 'verified-deletes',
  },
  excludeCompleteness: {
    description:
      '`-collect` lists the datasets that write back into it (`-share`, and `-event2` for webhooks) in `exclude_completeness`; false: none; a list of roles: exactly those datasets, in that order.',
    schema: {
      anyOf: [
        { type: 'boolean' },
        { type: 'array', items: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$' } },
      ],
    },
    default: true,
  },
  collectTemplateProperties: {
    description:
      "Extra properties of `-collect`'s `transform-collect-rest` (e.g. `id_expression`, operation properties), beside the ones `collectTemplate` sets.",
    schema: { type: 'object' },
  },
  shareTemplateProperties: {
    description:
      "Extra properties of `-share`'s `transform-share-rest` (e.g. `operation_insert_properties`, `id_expression`, `enable_deletes`), beside the ones the pattern sets.",
    schema: { type: 'object' },
  },
  collectPump: {
    description: '`-collect` gets `pump.run_at_startup_if_not_populated: true`.',
    schema: { type: 'boolean' },
    default: true,
  },
  copyAll: {
    description:
      '`-collect` ends with a DTL transform `["copy", "*"]` (plus `$last-modified` with `lastModified`). Off: no DTL unless `lastModified` is set.',
    schema: { type: 'boolean' },
    default: true,
  },
  transformForm: {
    description:
      'A pipe with exactly one transform writes it as a `list` of one (the default) or as the transform `object` itself; both are the same to Sesam. An object of roles (`collect`, `share`, `all2`) sets it per pipe, where real pipes mix them (roles left out: `list`).',
    schema: {
      anyOf: [
        { enum: ['list', 'object'] },
        {
          type: 'object',
          propertyNames: { enum: ['collect', 'share', 'all2'] },
          additionalProperties: { enum: ['list', 'object'] },
          minProperties: 1,
        },
      ],
    },
    default: 'list',
  },
  shareOperations: {
    description:
      "`-share` names its four operations (`operation_insert`, …) in `transform-share-rest`; off: the template's own defaults; a list of roles (`insert`, `update`, `delete`, `lookup`): only those, the others left to the template.",
    schema: {
      anyOf: [
        { type: 'boolean' },
        {
          type: 'array',
          items: { enum: [...SHARE_OPERATION_ROLES] },
          uniqueItems: true,
          minItems: 1,
        },
      ],
    },
    default: true,
  },
  shareIdentifiers: {
    description:
      '`identifiers` for `-share` alone, where it differs from the other pipes (default: `identifiers`).',
    schema: IDENTIFIERS,
  },
  shareDeletionTracking: {
    description: "`-share`'s sink keeps Sesam's default deletion tracking (no `deletion_tracking: false`).",
    schema: { type: 'boolean' },
    default: false,
  },
  shareExcludeCompleteness: {
    description: '`-share` lists its own dataset in `exclude_completeness`.',
    schema: { type: 'boolean' },
    default: false,
  },
  shareKeepVersions: {
    description: '`-share` keeps this many versions (`compaction.keep_versions`).',
    schema: { type: 'integer', minimum: 1 },
  },
  sharePayloadKey: {
    description:
      'The share request body wraps the plain properties as `{"<key>": …}` (`$payload`); e.g. "{{@ datatype @}}" for Shopify.',
    schema: { type: 'string', minLength: 1 },
  },
  collectRules: {
    description:
      "The datatype's own DTL `rules` of `-collect` (e.g. `$last-modified` from a change log, `_id` from a property), in place of `copyAll` and `lastModified`'s rules.",
    schema: DTL_RULES,
  },
  collectRulesFirst: {
    description:
      "`-collect`'s DTL (`copyAll`, `lastModified` or `collectRules`) comes before `transform-collect-rest` instead of after it (a DTL that sets `_id` or unwraps the entity before the verified deletes).",
    schema: { type: 'boolean' },
    default: false,
  },
  collectFirstTransforms: {
    description:
      "Transforms `-collect` runs first, before the pattern's own (the enrich step: a rest lookup per entity; `emit_children`; a DTL that filters or unwraps).",
    schema: TRANSFORMS,
  },
  shareRules: {
    description:
      "The datatype's own DTL before `-share`'s `transform-share-rest` (a DTL `rules` object: payload shaping, `$ids`, filtering, `_id`, operations chosen by DTL). Wins over `sharePayloadKey`.",
    schema: DTL_RULES,
  },
  shareFirstTransforms: {
    description:
      "Transforms `-share` runs first, before `shareRules`' DTL and `transform-share-rest` (a rest lookup, `transform-defaults-rest`, another DTL).",
    schema: TRANSFORMS,
  },
  shareTransformKeys: {
    description:
      'Extra keys of the `transform-share-rest` transform itself, beside `type`, `template` and `properties` (e.g. `trace: true`, `side_effects: false`).',
    schema: { type: 'object', propertyNames: { not: { enum: ['type', 'template', 'properties'] } } },
  },
  shareForm: {
    description:
      "How `-share` writes to the API: `template` (the default: one `transform-share-rest` transform), or that template's steps written out — decision DTL, rest lookup, comparison DTL, the rest steps of the write operations (`shareOperations`), result DTL — as one `chained` transform (`chained`) or as the pipe's own transforms (`steps`). Needs a single primary key.",
    schema: { enum: ['template', 'chained', 'steps'] },
    default: 'template',
  },
  shareStepsEdition: {
    description:
      'With `shareForm` `chained` or `steps`: which expansion of `transform-share-rest` the steps follow: `current` (as salesforce@playground and tidsbanken@IS-17069 write it) or `early` (before `$discard`, partial natural keys, `sesam_*` stripping, the update payload rewrite, `$unsafe_skip_optimistic_locking` and `$truncation`, with deletes enabled; as superoffice@* and training@origin_* write it).',
    schema: { enum: [...SHARE_STEPS_EDITIONS] },
    default: 'current',
  },
  shareStepKeys: {
    description:
      "With `shareForm` `chained` or `steps`: keys every rest step of the written-out share sets beside (or instead of) the pattern's (e.g. `allowed_status_codes`, `properties`).",
    schema: { type: 'object', propertyNames: { not: { enum: ['type', 'trigger_on'] } } },
  },
  collectIdentifiers: {
    description:
      '`identifiers` for `-collect` alone, where it differs from the other pipes (default: `identifiers`).',
    schema: IDENTIFIERS,
  },
  collectSink: {
    description:
      "`-collect`'s `sink` (e.g. `set_initial_offset`, `circuit_breaker_threshold_count`); unset: none.",
    schema: { type: 'object' },
  },
  readerMetadata: {
    description:
      '`metadata` of the pipe that reads the API (`-all`, or `-collect` with `collectSource: api`).',
    schema: { type: 'object' },
  },
  runAtStartup: {
    description:
      'With `scheduleInterval`, the pipe that reads the API also gets `pump.run_at_startup_if_not_populated: true`; off: the schedule alone.',
    schema: { type: 'boolean' },
    default: true,
  },
};

/** Options of the `collect` pattern only (the `webhook` pattern always merges `-all` and `-event2`). */
export const collectOnlyOptions: { readonly [option: string]: PatternOption } = {
  collectSource: {
    description:
      'Where `-collect` reads from: `all` (the default: dataset `-all`, which reads the API), `api` (`-collect` reads the API itself), `parent` (the dataset `{{@ system @}}-<parent>-collect` of the `parent` option, with no `-all`), another role whose dataset `{{@ system @}}-{{@ datatype @}}-<role>` it reads (a child pipe such as `all2` or `children`, added by a patch), or a list of roles it merges (`merge_datasets`, e.g. `["all", "event2"]`).',
    schema: {
      anyOf: [
        { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$' },
        { type: 'array', minItems: 2, items: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$' } },
      ],
    },
    default: 'all',
  },
  parent: {
    description:
      "`-all` reads the dataset `{{@ system @}}-<parent>-collect` (another datatype's collected entities: a child list fetched or emitted per parent entity) instead of the API; `allTransform` then says what it does with each.",
    schema: { type: 'string', minLength: 1 },
  },
  allTransform: {
    description:
      "`-all`'s `transform`, as written (one transform or a list): the rest call per parent entity, a `create-child` DTL.",
    schema: { anyOf: [{ type: 'object' }, { type: 'array', items: { type: 'object' }, minItems: 1 }] },
  },
  emitChildren: {
    description:
      '`collect` only: adds `-all2` (dataset `-all` → `emit_children`), the child entities `-all` nests, which `collectSource: "all2"` then collects; `-all` is made for it.',
    schema: { type: 'boolean' },
    default: false,
  },
  allPipe: {
    description:
      'Make the `-all` pipe that reads the API. Default: only when `collectSource` is `all`; set it to keep `-all` when `-collect` reads a child pipe fed from `-all`.',
    schema: { type: 'boolean' },
  },
};

export const shares = (options: PatternOptions): boolean => options['share'] === true;

/** Whether `-share` writes `transform-share-rest`'s steps out (option `shareForm`). */
const writesShareOut = (options: PatternOptions): boolean =>
  options['shareForm'] === 'chained' || options['shareForm'] === 'steps';

/** The written-out share names the primary key in its DTL, which takes one property. */
export const shareFormProblems = (options: PatternOptions): OptionProblem[] =>
  writesShareOut(options) && typeof options['primaryKey'] !== 'string'
    ? [
        {
          path: ['shareForm'],
          message: `"${String(options['shareForm'])}" writes the primary key into the share's DTL, which takes a single property: set primaryKey to one property name, or use shareForm "template"`,
        },
      ]
    : [];

/** The operations the pipes name: list (when it is the default), lookup (verified deletes), the write roles (share). */
export const collectRoles = (options: PatternOptions): readonly OperationRole[] => {
  const written = shares(options) ? shareOperationRoles(options) : [];
  return [
    ...((options['sourceType'] ?? 'rest') === 'rest' &&
    (options['listOperation'] === undefined || options['listOperation'] === '{{@ datatype @}}-list')
      ? (['list'] as const)
      : []),
    ...(options['collectTemplate'] === undefined ||
    options['collectTemplate'] === 'verified-deletes' ||
    written.includes('lookup') ||
    (shares(options) && writesShareOut(options))
      ? (['lookup'] as const)
      : []),
    ...written.filter((role) => role !== 'lookup'),
  ];
};

/** The keys every pipe of the datatype writes to turn off namespacing (option `identifiers`). */
export const identifierKeys = (options: PatternOptions): { [key: string]: boolean } => {
  switch (options['identifiers']) {
    case 'add_namespaces':
      return { add_namespaces: false };
    case 'both':
      return { add_namespaces: false, namespaced_identifiers: false };
    case 'none':
      return {};
    default:
      return { namespaced_identifiers: false };
  }
};

/** Values the collect templates share: the identifier keys, and the rest source that reads the API. */
export const deriveCollect = (options: PatternOptions) => {
  const type = (options['sourceType'] ?? 'rest') as string;
  return {
    identifiers: identifierKeys(options),
    shareIdentifiers: identifierKeys({ identifiers: options['shareIdentifiers'] ?? options['identifiers'] }),
    /** `transformForm` per pipe role. */
    transformForms: Object.fromEntries(
      ['collect', 'share', 'all2'].map((role) => {
        const form = options['transformForm'] ?? 'list';
        return [
          role,
          typeof form === 'string' ? form : ((form as { [role: string]: unknown })[role] ?? 'list'),
        ];
      }),
    ),
    collectIdentifiers: identifierKeys({
      identifiers: options['collectIdentifiers'] ?? options['identifiers'],
    }),
    shareOperations: shareOperationRoles(options),
    /** The written-out `transform-share-rest` (option `shareForm`), else empty. */
    shareSteps: writesShareOut(options)
      ? shareChainSteps(
          options['primaryKey'] as string,
          shareOperationRoles(options),
          (options['shareStepKeys'] ?? {}) as PatternOptions,
          options['shareStepsEdition'] as (typeof SHARE_STEPS_EDITIONS)[number],
        )
      : [],
    restSource: {
      ...((options['sourceProperties'] ?? {}) as object),
      ...(options['supportsSince'] === true ? { supports_since: true } : {}),
      ...(options['trace'] === true ? { trace: true } : {}),
      type,
      system: '{{@ system @}}',
      ...(type === 'rest' ? { operation: options['listOperation'] ?? '{{@ datatype @}}-list' } : {}),
    },
    /** The pump keys of the pipe that reads the API (beyond `run_at_startup_if_not_populated` for `-collect`). */
    readerPump: {
      ...(options['scheduleInterval'] !== undefined
        ? {
            ...(options['runAtStartup'] === false ? {} : { run_at_startup_if_not_populated: true }),
            schedule_interval: options['scheduleInterval'],
          }
        : {}),
      ...(options['cronExpression'] !== undefined ? { cron_expression: options['cronExpression'] } : {}),
    },
  };
};

/** Whether the datatype has an `-all` pipe (the `webhook` pattern always has). */
const makesAll = (options: PatternOptions): boolean => {
  if (options['allPipe'] !== undefined) return options['allPipe'] === true;
  if (options['emitChildren'] === true) return true;
  const source = options['collectSource'] ?? 'all';
  return Array.isArray(source) ? source.includes('all') : source === 'all';
};

export const allPipe: PatternPipe = {
  role: 'all',
  template: 'collect/all.json.ejs',
  description:
    'rest source on `<dt>-list` (optionally incremental and scheduled); not with `collectSource: api`',
  when: makesAll,
};

/** `-all2`: the children `-all` nests, emitted as entities of their own (option `emitChildren`). */
export const childrenPipe: PatternPipe = {
  role: 'all2',
  template: 'collect/all2.json.ejs',
  description: 'only with `emitChildren`: dataset `-all` → `emit_children`',
  when: (options) => options['emitChildren'] === true,
};

export const sharePipe: PatternPipe = {
  role: 'share',
  template: 'collect/share.json.ejs',
  description: 'only with `share`: dataset `-transform` → `transform-share-rest` (batch_size 1)',
  when: shares,
};

/** `collectSource: "parent"` reads the `parent` option's dataset, so it needs one. */
const parentNamed = (options: PatternOptions): OptionProblem[] =>
  options['collectSource'] === 'parent' && options['parent'] === undefined
    ? [
        {
          path: ['collectSource'],
          message:
            '"parent" reads the dataset {{@ system @}}-<parent>-collect: set the option parent to the datatype it reads (or choose another collectSource)',
        },
      ]
    : [];

export const collectPattern: DatatypePattern = {
  name: 'collect',
  description:
    'Two-step collect: `-all` reads the API, `-collect` verifies deletes and sets `$origin`/`$last-modified`; optional `-share`.',
  options: { ...collectOptions, ...collectOnlyOptions },
  pipes: [
    allPipe,
    childrenPipe,
    {
      role: 'collect',
      template: 'collect/collect.json.ejs',
      description: 'dataset `-all` → `transform-collect-rest` (verified deletes) → `$last-modified`',
      locals: { withEvents: false },
    },
    sharePipe,
  ],
  presets: {
    plain: {
      description:
        'The collect most connectors written before these patterns have (29 of the 50 repositories of the corpus, e.g. acme, asana, auth0, bamboohr, zendesk, shopify@main): `-collect` is the REST source itself, with no `-all`, no template transform, no `["copy", "*"]` DTL, no pump setting and no `exclude_completeness`.',
      options: {
        collectSource: 'api',
        collectTemplate: 'none',
        excludeCompleteness: false,
        collectPump: false,
        copyAll: false,
      },
    },
  },
  operationRoles: collectRoles,
  derive: deriveCollect,
  check: (options) => [...parentNamed(options), ...shareFormProblems(options)],
};

/** The options of `-share`, which the `share` pattern takes on its own. */
const SHARE_OPTIONS = [
  'primaryKey',
  'shareTemplateProperties',
  'identifiers',
  'shareIdentifiers',
  'shareDeletionTracking',
  'transformForm',
  'shareOperations',
  'shareExcludeCompleteness',
  'shareKeepVersions',
  'sharePayloadKey',
  'shareRules',
  'shareFirstTransforms',
  'shareTransformKeys',
  'shareForm',
  'shareStepKeys',
  'shareStepsEdition',
];

export const sharePattern: DatatypePattern = {
  name: 'share',
  description:
    'A datatype that only writes to the API: `-share` (dataset `-transform` → `transform-share-rest`), no collect.',
  options: Object.fromEntries(SHARE_OPTIONS.map((name) => [name, collectOptions[name]!])),
  pipes: [
    {
      ...sharePipe,
      when: undefined,
      description: 'dataset `-transform` → `transform-share-rest` (batch_size 1)',
    },
  ],
  operationRoles: (options) => {
    const written = shareOperationRoles(options);
    return [
      ...(written.includes('lookup') || writesShareOut(options) ? (['lookup'] as const) : []),
      ...written.filter((role) => role !== 'lookup'),
    ];
  },
  derive: deriveCollect,
  check: shareFormProblems,
};
