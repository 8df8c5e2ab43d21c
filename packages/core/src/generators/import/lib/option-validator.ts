import type { DatatypePattern } from '@sesam-connectors/template-pack';
import type { ValidateFunction } from 'ajv';
import { toSchemaInput } from '../../../lib/config/config-value';
import type { JsonValue } from '../../../lib/json';

const compiled = new WeakMap<DatatypePattern, Map<string, ValidateFunction>>();

/**
 * Whether a value is one connector.json's schema takes for a pattern's option (the option's own
 * schema, compiled once per process): what import checks a datatype's partial object against
 * before it writes it under a shared default.
 */
export function optionValidator(pattern: DatatypePattern, option: string): (value: JsonValue) => boolean {
  const schema = pattern.options[option]?.schema;
  if (schema === undefined) return () => false;
  let byOption = compiled.get(pattern);
  if (byOption === undefined) compiled.set(pattern, (byOption = new Map()));
  let validate = byOption.get(option);
  if (validate === undefined) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { Ajv } = require('ajv') as typeof import('ajv');
    validate = new Ajv({ strict: false, allErrors: false }).compile(schema);
    byOption.set(option, validate);
  }
  const check = validate;
  return (value) => check(toSchemaInput(value)) === true;
}
