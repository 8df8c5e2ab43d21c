import type { LoadedTemplatePack } from '../../../lib/render';
import { composePackage, type ComposedPackage, type ManifestMode } from './compose-config';
import { MANIFEST_FILE, type SourceConnector } from './read-source';
import { systemCandidates, systemShapeProblem } from './system-candidates';
import { differingFiles, renderCandidate } from './verify-package';

/** The package to write, proven to render the source byte for byte, or why no package can. */
export type ImportPlan =
  | { ok: true; package: ComposedPackage; manifestMode: ManifestMode; files: Map<string, string> }
  | { ok: false; problems: string[] };

const MODES: readonly ManifestMode[] = ['generated', 'file'];

/** The source's files as the build must write them (relative to connector/). */
const expectedFiles = (source: SourceConnector): Map<string, string> =>
  new Map([[MANIFEST_FILE, source.manifestText], ...source.files]);

/**
 * Finds the connector.json whose build reproduces the source exactly: the system from one of the
 * auth types (the manifest's own first), the manifest generated when that is exact and copied
 * verbatim (`manifestFile`) otherwise. Each candidate is validated and rendered by the engine and
 * compared byte for byte, so a plan is only returned when it is proven.
 */
export const planImport = (source: SourceConnector, system: string, pack: LoadedTemplatePack): ImportPlan => {
  const manifestPath = `${source.shownDir}/${MANIFEST_FILE}`;
  if (source.missing.length > 0) {
    return {
      ok: false,
      problems: source.missing.map(
        (path) =>
          `${manifestPath} refers to ${path}, which does not exist (sesam expand fails on it as well); add it or drop what refers to it.`,
      ),
    };
  }
  const systemPath = source.systemTemplate;
  const systemText = source.files.get(systemPath) ?? '';
  const candidates = systemCandidates(source, systemText);
  if (candidates === undefined) {
    return {
      ok: false,
      problems: [
        `${source.shownDir}/${systemPath}: the build renders the system template from connector.json (restSystem, auth), ` +
          `which cannot reproduce this file: ${systemShapeProblem(systemText)}.`,
      ],
    };
  }

  const expected = expectedFiles(source);
  // Problems of the most permissive candidate (manifest copied verbatim): what stands in the way.
  let fileModeProblems: string[] | undefined;
  for (const parts of candidates) {
    for (const mode of MODES) {
      const outcome = renderCandidate(composePackage(source, system, parts, mode), system, pack);
      if (!outcome.ok) {
        if (mode === 'file') fileModeProblems ??= outcome.problems;
        continue;
      }
      const differing = differingFiles(outcome.files, expected);
      if (differing.length === 0)
        return { ok: true, package: outcome.candidate, manifestMode: mode, files: outcome.files };
      if (differing.includes(systemPath)) break;
    }
  }
  return {
    ok: false,
    problems: fileModeProblems ?? [
      `${source.shownDir}/${systemPath}: no auth type of connector.json renders this system's auth settings exactly ` +
        `(the build writes them from auth: an oauth2 block, an api key header, basic or tripletex authentication).`,
    ],
  };
};
