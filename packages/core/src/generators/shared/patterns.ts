import { DATATYPE_PATTERN_NAMES, type DatatypePatternName } from '@sesam-connectors/template-pack';
import { AUTH_TYPES, type AuthType } from '../../lib/config/types';
import { GeneratorError } from './generator-error';

/** Patterns whose datatype can share (write back) with `options.share`. */
export const SHARE_PATTERNS: readonly DatatypePatternName[] = ['collect', 'webhook'];

/** The datatype that registers webhooks; `webhook`-pattern datatypes need it. */
export const WEBHOOK_REGISTRY_DATATYPE = 'webhook';

const oneOf = (values: readonly string[]): string => values.join(', ');

export const assertPattern = (value: string, option: string): DatatypePatternName => {
  if (!(DATATYPE_PATTERN_NAMES as readonly string[]).includes(value)) {
    throw new GeneratorError(
      `${option}: unknown pattern "${value}". Use one of ${oneOf(DATATYPE_PATTERN_NAMES)}.`,
    );
  }
  return value as DatatypePatternName;
};

export const assertAuthType = (value: string, option: string): AuthType => {
  if (!(AUTH_TYPES as readonly string[]).includes(value)) {
    throw new GeneratorError(`${option}: unknown auth type "${value}". Use one of ${oneOf(AUTH_TYPES)}.`);
  }
  return value as AuthType;
};
