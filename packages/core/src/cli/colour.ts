import { createColors } from 'picocolors';
import type { ReportStyle } from '../lib/validate';

/** The part of a stream the colour decision reads. */
export interface ColourTarget {
  readonly isTTY?: boolean;
}

/**
 * Whether to colour what goes to `stream`, decided per stream (stdout can be a terminal while stderr
 * is piped, and the other way round):
 * - `FORCE_COLOR` set and not empty: colour, even when piped, unless it is `0` or `false` (Node's own
 *   reading of it, which also makes it win over NO_COLOR);
 * - `NO_COLOR` set and not empty (no-color.org): no colour;
 * - otherwise colour only on a terminal (`isTTY`) whose `TERM` is not `dumb`.
 * Unlike picocolors' own detection, a CI environment does not turn colour on and stderr is judged by
 * stderr, so `sesam-connectors validate … | cat` and CI logs get plain text.
 */
export function colourEnabled(stream: ColourTarget, env: NodeJS.ProcessEnv): boolean {
  const force = env['FORCE_COLOR'];
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  const noColour = env['NO_COLOR'];
  if (noColour !== undefined && noColour !== '') return false;
  return stream.isTTY === true && env['TERM'] !== 'dumb';
}

/** Report colours: errors red, warnings yellow, "valid" green; plain text when `enabled` is false. */
export function reportStyle(enabled: boolean): ReportStyle {
  const colours = createColors(enabled);
  return { error: colours.red, warning: colours.yellow, ok: colours.green };
}
