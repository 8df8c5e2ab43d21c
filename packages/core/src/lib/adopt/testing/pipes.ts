import { toCanonicalJson, type JsonObject } from '../../json';
import { inferOptions } from '../infer-options';
import { readSourcePipes } from '../source-pipes';

/** Helpers of the adoption specs: hand-made pipes read as the import reads them. */

/** A pipe id of the pattern naming: `{{@ system @}}-{{@ datatype @}}-<role>`. */
export const ID = (role: string): string => `{{@ system @}}-{{@ datatype @}}-${role}`;

/** Pipes by role from plain objects, as the import reads a template file. */
export const pipesOf = (...pipes: object[]): Map<string, JsonObject> => {
  const read = readSourcePipes(JSON.stringify(pipes), 'templates/x.json');
  if (!read.ok) throw new Error(read.reason);
  return read.pipes;
};

/** The options `inferOptions` reads for `pattern` from these pipes, as plain data. */
export const inferred = (pattern: string, ...pipes: object[]) =>
  JSON.parse(toCanonicalJson(inferOptions(pattern, pipesOf(...pipes))));

/** A `-share` pipe as the pack renders it around these transforms (dataset `-transform`, batch size 1). */
export const sharePipe = (transform: object | object[]) => ({
  _id: ID('share'),
  type: 'pipe',
  batch_size: 1,
  namespaced_identifiers: false,
  sink: { deletion_tracking: false, set_initial_offset: 'onload' },
  source: { type: 'dataset', dataset: ID('transform') },
  transform,
});
