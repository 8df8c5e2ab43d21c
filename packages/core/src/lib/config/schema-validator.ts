import { createHash } from 'node:crypto';
import type { DatatypePattern } from '@sesam-connectors/template-pack';
import type { Options, ValidateFunction } from 'ajv';
import { composeConnectorSchema, connectorSchemaText } from './schema';

/** How connector.json's schema is compiled, at run time or ahead of time alike. */
export const AJV_OPTIONS: Options = {
  allErrors: true,
  verbose: true,
  strict: true,
  strictTypes: false,
  strictRequired: false,
};

/** The precompiled validator beside this file, made from connector.schema.json (see validator-code.ts). */
export const PRECOMPILED_VALIDATOR_FILE = 'connector-schema.validate.generated.js';

/** SHA-256 of the schema's canonical text: which schema a precompiled validator was made from. */
export const schemaDigest = (patterns?: readonly DatatypePattern[]): string =>
  createHash('sha256').update(connectorSchemaText(patterns)).digest('hex');

const validators = new WeakMap<readonly DatatypePattern[], ValidateFunction>();

/**
 * The validator of connector.json for a pack's patterns, once per process: the precompiled one when
 * it was made from the schema these patterns compose (no ajv to load, no code to generate: about
 * 70 ms saved in every process that builds or validates), else compiled now.
 */
export function connectorSchemaValidator(patterns: readonly DatatypePattern[]): ValidateFunction {
  let validate = validators.get(patterns);
  if (validate === undefined) {
    validate = precompiledValidator(patterns) ?? compileConnectorSchema(patterns);
    validators.set(patterns, validate);
  }
  return validate;
}

function precompiledValidator(patterns: readonly DatatypePattern[]): ValidateFunction | undefined {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const precompiled = require(`./${PRECOMPILED_VALIDATOR_FILE}`) as ValidateFunction & {
    schemaDigest?: string;
  };
  return precompiled.schemaDigest === schemaDigest(patterns) ? precompiled : undefined;
}

/** Compiles the schema now (ajv is loaded only here). */
export function compileConnectorSchema(patterns?: readonly DatatypePattern[]): ValidateFunction {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Ajv } = require('ajv') as typeof import('ajv');
  return new Ajv(AJV_OPTIONS).compile(composeConnectorSchema(patterns));
}
