import type { AdoptionFigures, FolderAdoption } from '../../generators/import/lib/drift/adoption';
import type { DatatypeDescription, PatchDescription } from '../../generators/import/lib/drift/describe-plan';
import type { DriftSummary } from '../../generators/import/lib/drift/summarize';
import { toJsonText, type JsonWritable } from '../../lib/json';

/** What `sesam-connectors drift` prints, in any format. */
export interface DriftReport {
  readonly folders: readonly FolderAdoption[];
  readonly summary: DriftSummary;
  /** With --figures. */
  readonly figures?: AdoptionFigures;
}

/** `1,234`. */
export const count = (n: number): string => n.toLocaleString('en-US');

/** `12 / 40 (30 %)`. */
export const share = (part: number, whole: number): string =>
  `${count(part)} / ${count(whole)} (${whole === 0 ? 0 : Math.round((100 * part) / whole)} %)`;

/** `authored / source` as a ratio with two decimals. */
export const ratio = (authored: number, source: number): string =>
  source === 0 ? '—' : (authored / source).toFixed(2);

/** A datatype's options as one short line (minified JSON, cut at `limit`). */
export function optionsLine(datatype: DatatypeDescription, limit = 80): string {
  if (datatype.reuse !== undefined) return `reuses ${datatype.reuse}`;
  if (datatype.pattern === 'raw') return `template ${datatype.template}`;
  if (Object.keys(datatype.options).length === 0) return '—';
  const text = toJsonText(datatype.options as JsonWritable, { compact: true });
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

/** `312 B: add /a, replace /b (why: <reason>)` for one patch. */
export const patchLine = (patch: PatchDescription): string =>
  `${count(patch.size)} B: ${patch.changes.length === 0 ? 'tests only' : patch.changes.join(', ')}` +
  (patch.reasons === undefined ? '' : ` (why: ${patch.reasons.join('; ')})`);

/** A datatype's patches as one line per role, or `—`. */
export const patchesLines = (datatype: DatatypeDescription): string[] =>
  datatype.patches.length === 0
    ? [datatype.pattern === 'raw' ? `— kept verbatim: ${datatype.rawReason ?? 'raw'}` : 'none']
    : datatype.patches.map((patch) => `${patch.role}: ${patchLine(patch)}`);

/** The connector's headline counts: `11 datatypes: 4 on patterns (3 with no patch), 7 raw`. */
export function datatypeCounts(datatypes: readonly DatatypeDescription[]): string {
  const onPatterns = datatypes.filter((d) => d.pattern !== 'raw');
  const byName = new Map(datatypes.map((d) => [d.name, d]));
  const free = onPatterns.filter((d) => (byName.get(d.reuse ?? d.name) ?? d).patches.length === 0).length;
  return `${datatypes.length} datatype${datatypes.length === 1 ? '' : 's'}: ${onPatterns.length} on patterns (${free} with no patch), ${datatypes.length - onPatterns.length} raw`;
}

/** The report as JSON (lossless numbers, two-space indent). */
export const formatDriftJson = (report: DriftReport): string =>
  toJsonText(report as unknown as JsonWritable, { indent: 2 });
