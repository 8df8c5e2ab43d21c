/**
 * The shape of the pack's index: what each pattern is, which template files it renders, which
 * options it takes (with defaults and a JSON schema) and which system operations it needs.
 * The build engine (`@sesam-connectors/core`) reads this index; the pack itself renders nothing.
 */

/** The patterns a datatype in connector.json can use. */
export type DatatypePatternName = 'collect' | 'webhook' | 'webhook-registry' | 'share' | 'raw';

/** Operation roles; the system operation for a role is named `<datatype>-<role>`. */
export type OperationRole = 'list' | 'lookup' | 'insert' | 'update' | 'delete';

/** A JSON Schema (draft-07) fragment, as plain data. */
export type JsonSchema = { readonly [keyword: string]: unknown };

/**
 * A datatype's options after defaults are applied. Values are JSON data from connector.json:
 * strings, booleans, null, arrays, plain objects, and numbers (which the engine passes as
 * lossless number objects — insert them with `json()`, never do arithmetic on them).
 */
export type PatternOptions = { readonly [option: string]: unknown };

export interface PatternOption {
  readonly description: string;
  /** Schema of the option's value (used to validate connector.json and for editor completion). */
  readonly schema: JsonSchema;
  /** Applied when connector.json leaves the option out; no default = the option stays undefined. */
  readonly default?: unknown;
}

/** One pipe a pattern makes: one template file rendering one pipe object. */
export interface PatternPipe {
  /** The pipe id suffix: `{{@ system @}}-{{@ datatype @}}-<role>`. */
  readonly role: string;
  /** Template path relative to the pack's `patterns/` folder. */
  readonly template: string;
  readonly description: string;
  /** Whether this pipe is made for these options (default: always). */
  readonly when?: (options: PatternOptions) => boolean;
  /** Extra values for this template only, available as `pipe` inside it. */
  readonly locals?: { readonly [name: string]: unknown };
}

/** A problem with a datatype's options that JSON schema cannot express; `path` is below `options`. */
export interface OptionProblem {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/**
 * A named set of option values a connector's datatypes of one pattern can start from
 * (`datatypeDefaults.<pattern>.preset`) instead of the pattern's defaults: a way many real
 * connectors write that pattern, said in one word.
 */
export interface PatternPreset {
  readonly description: string;
  readonly options: PatternOptions;
}

export interface DatatypePattern {
  readonly name: DatatypePatternName;
  readonly description: string;
  readonly options: { readonly [option: string]: PatternOption };
  /** Presets by name (see `PatternPreset`). */
  readonly presets?: { readonly [preset: string]: PatternPreset };
  /** The pipes of `templates/<datatype>.json`, in file order (empty for `raw`). */
  readonly pipes: readonly PatternPipe[];
  /** Roles whose `<datatype>-<role>` operation the system template must define. */
  readonly operationRoles: (options: PatternOptions) => readonly OperationRole[];
  /** Operations of other datatypes that the pipes call by full name (e.g. `webhook-insert`). */
  readonly requiredOperations?: (options: PatternOptions) => readonly string[];
  /** Values computed from the options, available as `derived` in the pattern's templates. */
  readonly derive?: (options: PatternOptions) => { readonly [name: string]: unknown };
  /** Checks across option values that the option schemas cannot express. */
  readonly check?: (options: PatternOptions) => readonly OptionProblem[];
}

/** One file the `system` pattern renders, e.g. `templates/system.json`. */
export interface SystemFile {
  /** Output path relative to the connector folder. */
  readonly output: string;
  /** Template path relative to the pack's `patterns/` folder. */
  readonly template: string;
  readonly description: string;
}

export interface SystemPattern {
  readonly name: 'system';
  readonly description: string;
  readonly files: readonly SystemFile[];
  /** Values computed from connector.json, available as `derived` in the system templates. */
  readonly derive: (connector: SystemPatternInput) => { readonly [name: string]: unknown };
}

/** What the system pattern's `derive` reads from connector.json (structurally, after defaults). */
export interface SystemPatternInput {
  readonly auth: {
    readonly type: string;
    readonly accessTokenHeader?: string;
    readonly apiKeyStyle?: string;
    readonly apiKeyHeader?: string;
  };
  readonly restSystem: { readonly headers: { readonly [name: string]: unknown } };
}
