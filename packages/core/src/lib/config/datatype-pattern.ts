import { withDefaults, type DatatypePattern, type PatternOptions } from '@sesam-connectors/template-pack';
import type { ConfigObject } from './types';

/** A datatype's pattern from the pack and the options it renders with (the pattern's defaults applied). */
export interface ResolvedDatatype {
  /** Absent only for a pattern name the pack does not define (the schema refuses those). */
  readonly pattern?: DatatypePattern;
  readonly options: PatternOptions;
}

/**
 * The one lookup of a datatype's pattern and its effective options: the check, the render and the
 * README all ask here, so they cannot disagree about defaults.
 */
export function resolveDatatype(
  datatype: { readonly pattern: string; readonly options: ConfigObject },
  patterns: readonly DatatypePattern[],
): ResolvedDatatype {
  const pattern = patterns.find((p) => p.name === datatype.pattern);
  return pattern === undefined
    ? { options: datatype.options }
    : { pattern, options: withDefaults(pattern, datatype.options) };
}
