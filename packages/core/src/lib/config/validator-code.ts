import type { DatatypePattern } from '@sesam-connectors/template-pack';
import { Ajv } from 'ajv';
import standaloneCode from 'ajv/dist/standalone';
import { composeConnectorSchema } from './schema';
import { AJV_OPTIONS, schemaDigest } from './schema-validator';

/**
 * The text of the precompiled validator (PRECOMPILED_VALIDATOR_FILE): ajv's standalone CommonJS
 * code for the schema, plus the digest of the schema it validates, so that a pack whose options
 * changed since is compiled at run time instead (and the schema spec asks for the file anew).
 */
export function precompiledValidatorCode(patterns?: readonly DatatypePattern[]): string {
  const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true } });
  const validate = ajv.compile(composeConnectorSchema(patterns));
  return [
    '// Generated from connector.schema.json by lib/config/validator-code.ts; do not edit.',
    '// Make it again: UPDATE_CONNECTOR_SCHEMA=1 npx jest -c packages/core/jest.config.cjs schema',
    standaloneCode(ajv, validate),
    `module.exports.schemaDigest = ${JSON.stringify(schemaDigest(patterns))};`,
    '',
  ].join('\n');
}
