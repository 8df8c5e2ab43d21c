import {
  DEFAULT_DATATYPE_PATTERN,
  OPERATION_ROLES,
  datatypePatterns,
  type DatatypePattern,
  type JsonSchema,
} from '@sesam-connectors/template-pack';
import { toCanonicalJson, type JsonWritable } from '../json';
import { GUARD_DIGEST_PATTERN } from '../patch';
import { AUTH_TYPES } from './types';

/**
 * The committed schema file (for `$schema` in connector.json), packages/core/schemas/<this> — published
 * as @sesam-connectors/core/schemas/connector.schema.json; generated from this module.
 */
export const CONNECTOR_SCHEMA_FILE = 'connector.schema.json';

const NAME_REGEX = '^[a-z][a-z0-9]*$';
const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

const text = (description: string, extra: JsonSchema = {}): JsonSchema => ({
  type: 'string',
  description,
  ...extra,
});
const object = (description: string, extra: JsonSchema = {}): JsonSchema => ({
  type: 'object',
  description,
  ...extra,
});

/** An integer in a range: the numeric fields Sesam reads as ints (page sizes, counts, seconds). */
const integer = (description: string, minimum: number, maximum: number): JsonSchema => ({
  type: 'integer',
  minimum,
  maximum,
  description,
});

/** Numeric settings of a REST system that an operation can override too. */
const RATE_LIMITING: { readonly [key: string]: JsonSchema } = {
  rate_limiting_retries: integer('Retries after HTTP 429.', 0, 1000),
  rate_limiting_delay: integer('Seconds between the retries after HTTP 429.', 0, 86_400),
};

const operationSchema: JsonSchema = object(
  "A Sesam REST operation (url, method, payload_property, id_expression, headers, …). Keys win over the default member by member (an object such as headers or params merges with the default's, JSON Merge Patch); a key set to null removes it.",
  {
    properties: {
      url: {
        type: ['string', 'null'],
        description: 'Relative to url_pattern (substituted at %s); runtime Jinja allowed.',
      },
      method: { enum: [...HTTP_METHODS, null], description: 'Upper-case HTTP method.' },
      page_size: integer('Entities per page; fills {{ page_size }} in the url.', 1, 1_000_000),
      ...RATE_LIMITING,
    },
  },
);

const authSchema: JsonSchema = object('How the connector logs in.', {
  properties: {
    type: {
      enum: AUTH_TYPES,
      description:
        'oauth2 | api_key | tripletex (api_key + auth_variant tripletex) | superoffice-ticket (oauth2 + auth_variant superoffice-ticket) | none (the manifest declares no auth and the system template gets no login: an open API, or one the system logs in to through its own restSystem.properties or restSystem.headers).',
    },
    loginUrl: text(
      'oauth2, superoffice-ticket: manifest oauth2.login_url (copied as is; manifests are not expanded).',
      { minLength: 1 },
    ),
    tokenUrl: text('oauth2, superoffice-ticket: manifest oauth2.token_url.', { minLength: 1 }),
    scopes: {
      type: 'array',
      items: { type: 'string' },
      description: 'oauth2, superoffice-ticket: manifest oauth2.scopes.',
    },
    accessTokenHeader: text(
      'oauth2 only: send the access token in this root header of the system (e.g. X-Shopify-Access-Token) instead of an oauth2 block.',
      { minLength: 1 },
    ),
    apiKeyStyle: {
      enum: ['header', 'basic'],
      description:
        'api_key only: header (default; header <apiKeyHeader>: $SECRET(api_key)) or basic (username + password $SECRET(api_key)).',
    },
    apiKeyHeader: text('api_key with style header: the header name (default Authorization).', {
      minLength: 1,
    }),
    username: text('api_key with style basic: the user name, e.g. "{{@ email @}}/token".', { minLength: 1 }),
  },
  required: ['type'],
  additionalProperties: false,
  allOf: [
    {
      if: { properties: { type: { enum: ['oauth2', 'superoffice-ticket'] } }, required: ['type'] },
      then: { required: ['loginUrl', 'tokenUrl', 'scopes'] },
    },
    {
      if: { properties: { apiKeyStyle: { const: 'basic' } }, required: ['apiKeyStyle'] },
      then: { required: ['username'] },
    },
  ],
});

const manifestSchema: JsonSchema = object(
  'Top-level manifest fields passed through as they are (datatypes and system-template are generated, and auth and oauth2 from auth unless auth.type is none or systemFile is set).',
  {
    properties: {
      additional_parameters: object(
        "Each key becomes the expand-time variable {{@ key @}} ($ENV(key)). Unset: every variable the templates and the system read that sesam (system, datatype, parent) and the datatypes' parameters do not define, each {} (none: no field).",
        { additionalProperties: { type: 'object' } },
      ),
      requires_service_api_access: {
        type: 'boolean',
        description: 'Login adds secret service_jwt and env service_url.',
      },
      use_webhook_secret: {
        type: 'boolean',
        description: 'Login adds secret webhook_secret; expand opens *event receivers to anonymous writes.',
      },
      system: text("Sesam's display name of the system."),
    },
  },
);

/** One operation per role (list, lookup, insert, update, delete). */
const operationRoleProperties = (): { [role: string]: JsonSchema } =>
  Object.fromEntries(OPERATION_ROLES.map((role) => [role, { $ref: '#/definitions/operation' }]));

const restSystemSchema: JsonSchema = object('The REST system template (templates/system.json).', {
  properties: {
    urlPattern: text(
      'Base URL with %s where each operation url goes, e.g. https://{{@ account_id @}}.example.com/api/v1/%s.',
      {
        minLength: 1,
      },
    ),
    verifySsl: { type: 'boolean', default: true, description: 'verify_ssl (default true).' },
    headers: object('Root headers sent with every operation (over the auth header).', {
      additionalProperties: { type: 'string' },
    }),
    properties: object('Extra root keys copied into the system (rate_limiting_retries, worker_threads, …).', {
      properties: {
        ...RATE_LIMITING,
        worker_threads: integer('Parallel requests of the system.', 1, 1000),
      },
    }),
    operationDefaults: object(
      "Per-role defaults of every datatype's operations (<datatype>-<role>): merged over the pack's role default and under datatypes.<dt>.operations.<role>, member by member (JSON Merge Patch: objects such as headers merge, null removes). Strings may hold the build-time placeholders ${datatype} (the datatype's name) and ${path} (its path, default the name); $${…} writes ${…} as text. {{@ param @}} and runtime {{ … }} stay as they are. \"*\": what every operation of the system starts from, those of restSystem.operations too (under the pack's and the role defaults; text as written).",
      {
        properties: {
          ...operationRoleProperties(),
          '*': {
            $ref: '#/definitions/operation',
            description:
              "Members every operation of the system starts from (e.g. the headers all of them send), under the pack's role defaults, operationDefaults.<role>, the datatype's own and restSystem.operations; text as written (no placeholders).",
          },
        },
        additionalProperties: false,
      },
    ),
    operations: object(
      'Extra operations by full name; an entry named like a pattern operation is merged over it, and null leaves out the operation a pattern would add (import: the source system has none).',
      {
        additionalProperties: { anyOf: [{ $ref: '#/definitions/operation' }, { type: 'null' }] },
      },
    ),
  },
  required: ['urlPattern'],
  additionalProperties: false,
});

/** A pipe role: the suffix of `{{@ system @}}-{{@ datatype @}}-<role>` (e.g. collect, event2, register-webhook). */
export const ROLE_REGEX = '^[A-Za-z0-9_]+(-[A-Za-z0-9_]+)*$';

const POINTER = { type: 'string', pattern: '^(/.*)?$' };

/** One line, at most this long: a kept patch's reason as the drift report and README show it. */
export const PATCH_REASON_MAX_LENGTH = 200;

const patchOperationSchema: JsonSchema = object(
  'One RFC 6902 operation. Every replace, remove and move (its from) must be guarded by what the pattern rendered there when the patch was written: its own was (the value) or wasSha256 (its digest), or an earlier test of the same path or an ancestor; an add may not overwrite a rendered value or insert at an array index (append with /-) without such a guard. was, wasSha256 and reason are members RFC 6902 (section 4) tells a generic patch tool to ignore.',
  {
    properties: {
      op: {
        enum: ['add', 'remove', 'replace', 'move', 'copy', 'test'],
        description:
          'test (guard: the value the pattern renders at path), add, remove, replace, move, copy (RFC 6902).',
      },
      path: {
        ...POINTER,
        description: 'JSON pointer into the rendered JSON ("" = all of it), e.g. /source/dataset.',
      },
      from: { ...POINTER, description: 'move, copy: the JSON pointer to take the value from.' },
      value: { description: 'add, replace: the new value; test: the value the pattern renders at path.' },
      was: {
        description:
          'Guard of this operation: the value the pattern renders at its path (from, for a move) before it applies; the build fails when the pattern renders something else there.',
      },
      wasSha256: {
        type: 'string',
        pattern: GUARD_DIGEST_PATTERN,
        description:
          'Guard of this operation, for a long value: the first hex digits (the import writes 12) of the SHA-256 of the minified JSON, keys sorted, of what the pattern renders at its path (from, for a move). A failing build prints the digest of what it renders now.',
      },
      reason: {
        type: 'string',
        minLength: 1,
        maxLength: PATCH_REASON_MAX_LENGTH,
        pattern: '^[^\\n\\r]*$',
        description:
          'Why the patch is kept (one line): what the pattern cannot say here, or why the connector differs. Shown by the drift report and the README.',
      },
    },
    required: ['op', 'path'],
    additionalProperties: false,
    allOf: [
      {
        if: { properties: { op: { const: 'test' } }, required: ['op'] },
        then: {
          description: 'a test is a guard itself: it carries no was or wasSha256',
          not: { anyOf: [{ required: ['was'] }, { required: ['wasSha256'] }] },
        },
      },
      {
        description: 'one guard per operation: was or wasSha256, not both',
        not: { required: ['was', 'wasSha256'] },
      },
      {
        if: { properties: { op: { enum: ['add', 'replace', 'test'] } }, required: ['op'] },
        then: { description: 'add, replace and test carry a value', required: ['value'] },
      },
      {
        if: { properties: { op: { enum: ['move', 'copy'] } }, required: ['op'] },
        then: { description: 'move and copy take the value from a pointer', required: ['from'] },
      },
    ],
  },
);

const patchSchema: JsonSchema = {
  type: 'array',
  items: { $ref: '#/definitions/patchOperation' },
  description:
    'RFC 6902 JSON Patch operations, applied in order to the rendered JSON before it is validated and written.',
};

const datatypePatchesSchema: JsonSchema = object(
  'Patches by pipe role, for what the pattern cannot say: each applies to the pipe {{@ system @}}-{{@ datatype @}}-<role> of templates/<datatype>.json as the pattern renders it. A role the pattern does not render adds a pipe: its patch must start with {"op": "add", "path": "", "value": {…}}.',
  {
    propertyNames: {
      pattern: ROLE_REGEX,
      description:
        'a pipe role: the end of the pipe id {{@ system @}}-{{@ datatype @}}-<role>, letters, digits and _ in parts joined by single dashes (e.g. collect, event2, register-webhook)',
    },
    additionalProperties: { $ref: '#/definitions/patch' },
  },
);

const connectorPatchesSchema: JsonSchema = object(
  'Patches of the rendered system template and manifest, for what auth, restSystem and manifest cannot say.',
  {
    properties: {
      system: { $ref: '#/definitions/patch', description: 'Applied to templates/system.json as rendered.' },
      manifest: { $ref: '#/definitions/patch', description: 'Applied to manifest.json as rendered.' },
    },
    additionalProperties: false,
  },
);

/** Where `publish` writes the built connector (the executor's --repo and --branch win). */
const publishSchema: JsonSchema = object(
  "Where `nx run <system>-connector:publish` writes the built connector: the connector's own repository, manifest.json and templates/ at its root.",
  {
    properties: {
      repo: text(
        'A git URL (https://…, ssh://…, git@host:path) or a path, relative to this package folder, of the repository or of a checkout of it.',
        { minLength: 1 },
      ),
      branch: text('The branch publish commits to (default main).', { minLength: 1 }),
    },
    required: ['repo'],
    additionalProperties: false,
  },
);

/** A pattern's options; `unsettable` (a datatype's own, not the defaults): each may also be null. */
function optionsSchema(pattern: DatatypePattern, unsettable = false): JsonSchema {
  const properties: { [name: string]: JsonSchema } = {};
  for (const [name, option] of Object.entries(pattern.options)) {
    const schema = { ...option.schema, description: option.description };
    const defaulted = option.default === undefined ? {} : { default: option.default };
    // null unsets what datatypeDefaults gives (the pattern's own default applies; no option of the
    // pack takes null as a value). As if/else, so that a wrong value is reported as before.
    properties[name] = unsettable
      ? {
          description: `${option.description} null: not the datatypeDefaults' value (the pattern's own default).`,
          ...defaulted,
          if: { type: 'null' },
          else: schema,
        }
      : { ...schema, ...defaulted };
  }
  return object(`Options of the ${pattern.name} pattern.`, { properties, additionalProperties: false });
}

/** `datatypeDefaults`: for each pattern that takes options, options every datatype of that pattern starts from. */
function datatypeDefaultsSchema(patterns: readonly DatatypePattern[]): JsonSchema {
  const properties: { [name: string]: JsonSchema } = {};
  for (const pattern of patterns) {
    if (Object.keys(pattern.options).length === 0) continue;
    const presets = Object.entries(pattern.presets ?? {});
    properties[pattern.name] = object(`What every ${pattern.name} datatype starts from.`, {
      properties: {
        ...(presets.length === 0
          ? {}
          : {
              preset: {
                enum: presets.map(([name]) => name),
                description: [
                  `Option values every ${pattern.name} datatype starts from instead of the pattern's defaults; options (here and the datatype's own) are merged over them.`,
                  ...presets.map(
                    ([name, preset]) => `${name}: ${preset.description} (${JSON.stringify(preset.options)})`,
                  ),
                ].join('\n'),
              },
            }),
        options: optionsSchema(pattern),
      },
      additionalProperties: false,
    });
  }
  return object(
    "Defaults by pattern, as Nx's targetDefaults: a datatype's own options are merged over datatypeDefaults.<pattern>.options member by member (JSON Merge Patch: an object-valued option states only the members it changes, null removes one; arrays and other values replace) (a datatype that reuses another's template takes none).",
    { properties, additionalProperties: false },
  );
}

function datatypeSchema(patterns: readonly DatatypePattern[]): JsonSchema {
  // `pattern` may be left out only when the pack has the default pattern.
  const defaulted = patterns.some((pattern) => pattern.name === DEFAULT_DATATYPE_PATTERN);
  return object('One datatype: the pattern that renders templates/<datatype>.json and its settings.', {
    properties: {
      pattern: {
        enum: patterns.map((pattern) => pattern.name),
        description: [
          ...(defaulted ? [`Default: ${DEFAULT_DATATYPE_PATTERN}.`] : []),
          ...patterns.map((pattern) => `${pattern.name}: ${pattern.description}`),
        ].join('\n'),
        ...(defaulted ? { default: DEFAULT_DATATYPE_PATTERN } : {}),
      },
      label: {
        type: ['string', 'null'],
        description: 'Manifest datatypes.<dt>.label. null: no label, although datatypeLabels would give one.',
      },
      manifest: object('Extra manifest datatype fields (parent, parameters, sync_frequency, webhook, …).'),
      reuse: text("Use this other datatype's template file instead of rendering one (same pattern)."),
      template: text(
        'raw only: path relative to connector/ of the verbatim file kept in raw/ (raw/<path>).',
        { minLength: 1 },
      ),
      options: object('Pattern options.'),
      path: text(
        "The datatype's API path, relative to restSystem.urlPattern (e.g. crm/v3/objects/companies): ${path} in restSystem.operationDefaults, and the base of the pack's default operation URLs. Default: the datatype name.",
        { minLength: 1 },
      ),
      operationDefaults: {
        $ref: '#/definitions/operation',
        description:
          'Keys every operation of this datatype has (e.g. the params its list and lookup share): merged over restSystem.operationDefaults.<role>, under operations.<role>; text as written.',
      },
      operations: object(
        "Per-role overrides (<datatype>-<role>) merged over the datatype's operationDefaults, restSystem.operationDefaults.<role> and the pattern defaults; text as written (no placeholders).",
        { properties: operationRoleProperties(), additionalProperties: false },
      ),
      patches: { $ref: '#/definitions/datatypePatches' },
    },
    ...(defaulted ? {} : { required: ['pattern'] }),
    additionalProperties: false,
    allOf: patterns.map((pattern) => ({
      // A datatype without a pattern takes the default one's options schema, unless it reuses
      // another's template (it then has that datatype's pattern).
      if:
        defaulted && pattern.name === DEFAULT_DATATYPE_PATTERN
          ? {
              anyOf: [
                { properties: { pattern: { const: pattern.name } }, required: ['pattern'] },
                { not: { anyOf: [{ required: ['pattern'] }, { required: ['reuse'] }] } },
              ],
            }
          : { properties: { pattern: { const: pattern.name } }, required: ['pattern'] },
      then: { properties: { options: optionsSchema(pattern, true) } },
    })),
  });
}

/**
 * The JSON schema of connector.json: the contract's fixed structure plus, for each pattern of the
 * pack, its options schema. connector.schema.json is this value written canonically.
 */
export function composeConnectorSchema(patterns: readonly DatatypePattern[] = datatypePatterns): JsonSchema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'connector.json',
    description:
      'The source of a pattern-based Sesam connector; `nx build <system>-connector` renders it into connector/ (manifest.json, templates/*.json).',
    type: 'object',
    properties: {
      $schema: text('Path of this schema, for editor completion.'),
      system: text(
        'The system name; equals the folder name. Lower-case letters and digits, starting with a letter.',
        {
          pattern: NAME_REGEX,
        },
      ),
      label: text('Human name (README title). Default: the system name, first letter upper-cased.', {
        minLength: 1,
      }),
      description: text('README text.'),
      datatypeLabels: {
        enum: ['name'],
        description:
          'name: every datatype without its own label gets its name with the first letter upper-cased (order → Order) as its manifest label; a datatype\'s label wins, and "label": null gives it none.',
      },
      auth: { $ref: '#/definitions/auth' },
      manifest: manifestSchema,
      restSystem: restSystemSchema,
      datatypeDefaults: { $ref: '#/definitions/datatypeDefaults' },
      datatypes: object(
        "Datatypes by name (lower-case letters and digits, starting with a letter; no -, /, spaces). With manifestFile (an imported connector) there may be none, and a datatype may keep its source's legacy name with '-', '_' or upper case (a build warning).",
        { additionalProperties: { $ref: '#/definitions/datatype' } },
      ),
      manifestFile: text(
        'Import: copy this file (relative to the package, e.g. raw/manifest.json) verbatim as manifest.json instead of generating it.',
        { minLength: 1 },
      ),
      publish: publishSchema,
      systemFile: text(
        "Import: copy this file (relative to the package: raw/<path in connector/>, e.g. raw/templates/system.json) verbatim as the system template instead of rendering it; the manifest's system-template names that path. Replaces auth and restSystem; a generated manifest beside it takes its auth and oauth2 from manifest (as with auth none).",
        { minLength: 1 },
      ),
      patches: { $ref: '#/definitions/connectorPatches' },
    },
    required: ['system', 'datatypes'],
    additionalProperties: false,
    allOf: [
      {
        if: { not: { required: ['systemFile'] } },
        then: {
          description: 'needed to render the system template; only systemFile (a verbatim copy) replaces it',
          required: ['auth', 'restSystem'],
        },
      },
      {
        if: { not: { required: ['manifestFile'] } },
        then: {
          properties: {
            datatypes: { minProperties: 1, propertyNames: { pattern: NAME_REGEX } },
          },
        },
      },
    ],
    definitions: {
      auth: authSchema,
      datatype: datatypeSchema(patterns),
      datatypeDefaults: datatypeDefaultsSchema(patterns),
      operation: operationSchema,
      patch: patchSchema,
      patchOperation: patchOperationSchema,
      datatypePatches: datatypePatchesSchema,
      connectorPatches: connectorPatchesSchema,
    },
  };
}

/** The text of connector.schema.json: the composed schema, canonical, with a final newline. */
export const connectorSchemaText = (patterns: readonly DatatypePattern[] = datatypePatterns): string =>
  `${toCanonicalJson(composeConnectorSchema(patterns) as JsonWritable)}\n`;
