import type { LoadedTemplatePack } from '../../../lib/render';
import type { Adoption, ComposedPackage } from './compose-config';
import { planAdoptedImport } from './plan-adoption';
import { planVerbatimImport } from './plan-verbatim';
import type { SourceConnector } from './read-source';

/** The package to write, proven to give the source's node config (byte for byte: its files, with --verbatim), or why no package can. */
export type ImportPlan = ProvenPlan | { ok: false; problems: string[] };
export interface ProvenPlan {
  ok: true;
  package: ComposedPackage;
  /** What the build writes (connector/-relative path → text): the source's files. */
  files: Map<string, string>;
  /** Why restSystem and auth cannot render the source's system template, when it is copied (systemFile). */
  systemReason?: string;
  /** How the datatypes, system and manifest were adopted (absent for a verbatim import). */
  adoption?: Adoption;
}

/**
 * What `nx g …:import` makes of a source: by default every datatype adopted onto the pack
 * (`planAdoptedImport`), with `verbatim` every file copied (`planVerbatimImport`). Pure: nothing is
 * written; the drift report plans with it too.
 */
export const planImport = (
  source: SourceConnector,
  system: string,
  pack: LoadedTemplatePack,
  options: { verbatim?: boolean } = {},
): ImportPlan =>
  options.verbatim ? planVerbatimImport(source, system, pack) : planAdoptedImport(source, system, pack);
