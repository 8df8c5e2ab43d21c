import type { DatatypePattern } from '@sesam-connectors/template-pack';
import type { ValidateFunction } from 'ajv';
import type { JsonValue } from '../json';
import { toSchemaInput } from './config-value';
import { AJV_OPTIONS } from './schema-validator';

/** Compiled per option schema object (a pattern seen under a preset shares its options' schemas). */
const compiled = new WeakMap<object, ValidateFunction>();

/**
 * Whether a value is one connector.json's schema takes for a pattern's option (the option's own
 * schema, as `datatypeDefaults` checks it; compiled on first use, once per process): what
 * import checks a datatype's partial object against before it writes it under a shared default.
 */
export function optionValidator(pattern: DatatypePattern, option: string): (value: JsonValue) => boolean {
  const schema = pattern.options[option]?.schema;
  if (schema === undefined) return () => false;
  return (value) => {
    let validate = compiled.get(schema);
    if (validate === undefined) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { Ajv } = require('ajv') as typeof import('ajv');
      validate = new Ajv({ ...AJV_OPTIONS, allErrors: false }).compile(schema);
      compiled.set(schema, validate);
    }
    return validate(toSchemaInput(value)) === true;
  };
}
