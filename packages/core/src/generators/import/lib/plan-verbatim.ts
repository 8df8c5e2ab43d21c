import type { LoadedTemplatePack } from '../../../lib/render';
import { composePackage, type PackageShape } from './compose-config';
import type { ImportPlan } from './plan-import';
import { MANIFEST_FILE } from '../../../lib/layout';
import type { SourceConnector } from './read-source';
import { systemCandidates, systemLayoutProblem } from './system-candidates';
import { differingFiles, renderCandidate, type RenderOutcome } from './verify-package';

const MANIFEST_MODES = ['generated', 'file'] as const;
const VERBATIM: PackageShape = { system: 'file', manifest: 'file' };
const AUTH_MISMATCH =
  'no auth type of connector.json renders its auth settings exactly: the build writes them from auth as an oauth2 block, an api key header, basic or tripletex authentication';

/** The source's files as the build must write them (relative to connector/). */
export const expectedFiles = (source: SourceConnector): Map<string, string> =>
  new Map([[MANIFEST_FILE, source.manifestText], ...source.files]);

/**
 * Finds the connector.json whose build reproduces the source exactly, preferring what the engine
 * generates: the system rendered from one of the auth types (the manifest's own first) with the
 * manifest generated, else copied (`manifestFile`); when no auth type renders the system exactly,
 * both copied verbatim (`systemFile`). Each candidate is validated and rendered by the engine and
 * compared byte for byte, so a plan is only returned when it is proven.
 */
export const planVerbatimImport = (
  source: SourceConnector,
  system: string,
  pack: LoadedTemplatePack,
): ImportPlan => {
  const systemPath = source.systemTemplate;
  const systemText = source.files.get(systemPath);
  if (systemText === undefined) {
    return {
      ok: false,
      problems: [
        `${source.shownDir}/${MANIFEST_FILE} refers to the system template ${systemPath}, which does not exist (sesam expand fails on it as well); add it or fix system-template.`,
      ],
    };
  }
  const expected = expectedFiles(source);
  /** The candidate rendered, with the files in which it differs from the source (none: exact). */
  const attempt = (shape: PackageShape): RenderOutcome & { differing: string[] } => {
    const outcome = renderCandidate(composePackage(source, system, shape), system, pack);
    return { ...outcome, differing: outcome.ok ? differingFiles(outcome.files, expected) : [] };
  };

  // Why the system cannot be rendered (told to the user when it is copied verbatim).
  let notRendered = systemLayoutProblem(systemText);
  for (const parts of systemCandidates(source, systemText) ?? []) {
    for (const manifest of MANIFEST_MODES) {
      const outcome = attempt({ system: parts, manifest });
      if (outcome.ok && outcome.differing.length === 0)
        return { ok: true, package: outcome.candidate, files: outcome.files };
      if (!outcome.ok && manifest === 'file') notRendered ??= `the build refuses it: ${outcome.problems[0]}`;
      if (outcome.differing.includes(systemPath)) {
        notRendered ??= AUTH_MISMATCH;
        break; // the manifest mode cannot change how the system renders
      }
    }
  }

  const outcome = attempt(VERBATIM);
  if (!outcome.ok) return { ok: false, problems: outcome.problems };
  if (outcome.differing.length > 0) {
    return {
      ok: false,
      problems: outcome.differing.map(
        (path) => `${source.shownDir}/${path}: the build does not write it back byte for byte.`,
      ),
    };
  }
  return {
    ok: true,
    package: outcome.candidate,
    files: outcome.files,
    systemReason: notRendered ?? AUTH_MISMATCH,
  };
};
