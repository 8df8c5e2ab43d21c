import { ConnectorConfigError, type ConfigProblem } from '../../../lib/config/problems';
import { JsonObject, type JsonValue } from '../../../lib/json';
import type { LoadedTemplatePack } from '../../../lib/render';
import { renderPackage, userErrorLines } from '../../shared/render-package';
import type { ComposedPackage } from './compose-config';

/** What rendering a candidate package gave (`candidate`: the package as rendered, possibly trimmed). */
export type RenderOutcome =
  { ok: true; candidate: ComposedPackage; files: Map<string, string> } | { ok: false; problems: string[] };

/**
 * restSystem.properties that the auth type writes itself (the engine's check names them): the
 * candidate has to leave them to the auth, whose own values the comparison then checks.
 */
const propertiesTheAuthWrites = (problems: readonly ConfigProblem[]): string[] =>
  problems
    .filter(
      (p) =>
        p.path[0] === 'restSystem' &&
        p.path[1] === 'properties' &&
        p.path.length === 3 &&
        p.message.includes('writes it'),
    )
    .map((p) => String(p.path[2]));

/** The candidate without those restSystem.properties (a new value; the candidate is not changed). */
const withoutProperties = (candidate: ComposedPackage, keys: readonly string[]): ComposedPackage => {
  const rest = candidate.config.get('restSystem') as JsonObject;
  const properties = new JsonObject(
    [...(rest.get('properties') as JsonObject)].filter(([key]) => !keys.includes(key)),
  );
  const restSystem = new JsonObject(
    [...rest].flatMap(([key, value]): [string, JsonValue][] =>
      key !== 'properties' ? [[key, value]] : properties.size > 0 ? [[key, properties]] : [],
    ),
  );
  return {
    ...candidate,
    config: new JsonObject(
      [...candidate.config].map(([key, value]) => [key, key === 'restSystem' ? restSystem : value]),
    ),
  };
};

const render = (candidate: ComposedPackage, system: string, pack: LoadedTemplatePack) =>
  renderPackage({ system, config: candidate.config, readFile: (path) => candidate.rawFiles.get(path) }, pack);

/**
 * Validates the candidate's connector.json exactly as the build does and renders it with the
 * engine, in memory. When the engine says the auth type writes some restSystem.properties itself,
 * they are left to it and the candidate is rendered again. Problems come back as the build prints them.
 */
export const renderCandidate = (
  candidate: ComposedPackage,
  system: string,
  pack: LoadedTemplatePack,
): RenderOutcome => {
  try {
    return { ok: true, candidate, files: render(candidate, system, pack) };
  } catch (error) {
    const keys = error instanceof ConnectorConfigError ? propertiesTheAuthWrites(error.problems) : [];
    if (keys.length > 0) return renderCandidate(withoutProperties(candidate, keys), system, pack);
    return { ok: false, problems: userErrorLines(error) };
  }
};

/** The files (relative to connector/) whose rendered text differs from the source's, or that were not rendered. */
export const differingFiles = (
  rendered: ReadonlyMap<string, string>,
  expected: ReadonlyMap<string, string>,
): string[] => [...expected].filter(([path, text]) => rendered.get(path) !== text).map(([path]) => path);
