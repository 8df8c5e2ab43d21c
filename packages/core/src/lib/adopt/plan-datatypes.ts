import type { DatatypePattern } from '@sesam-connectors/template-pack';
import { toConfigValue } from '../config/config-value';
import { isLegacyDatatypeName, nameProblem } from '../config/names';
import type { ConfigObject } from '../config/types';
import { toCanonicalJson, toJsonText, type JsonObject, type JsonValue } from '../json';
import { renderPatternPipes, type LoadedTemplatePack } from '../render';
import { templateStem } from '../expand';
import { createGuardedPatch, patchSize, type PatchOperation } from '../patch';
import { inferOptions } from './infer-options';
import { objectOf } from './json-access';
import { readSourcePipes } from './source-pipes';

/** One datatype of the source, in manifest order. */
export interface AdoptionInput {
  readonly datatypes: readonly { readonly name: string; readonly template: string }[];
  /** Template text by path (a template the source lacks is absent). */
  readonly files: ReadonlyMap<string, string>;
}

export type DatatypePlan =
  | {
      readonly name: string;
      readonly template: string;
      readonly kind: 'pattern';
      readonly pattern: string;
      readonly options: JsonObject;
      /** Patches by pipe role; empty when the pattern renders the source exactly. */
      readonly patches: ReadonlyMap<string, readonly PatchOperation[]>;
      readonly patchSize: number;
      /** What the pattern renders for each role it makes (before the patches). */
      readonly rendered: ReadonlyMap<string, JsonValue>;
      /** The source's pipes by role (what the patches lead to). */
      readonly source: ReadonlyMap<string, JsonObject>;
      /** Other patterns tried, with their patch size or why they do not fit. */
      readonly tried: readonly { pattern: string; patchSize?: number; reason?: string }[];
    }
  | { readonly name: string; readonly template: string; readonly kind: 'reuse'; readonly reuse: string }
  | { readonly name: string; readonly template: string; readonly kind: 'raw'; readonly reason: string };

interface Candidate {
  pattern: string;
  options: JsonObject;
  rendered: Map<string, JsonValue>;
  patches: Map<string, PatchOperation[]>;
  size: number;
  /** Minified JSON bytes of the options. */
  optionsSize: number;
}

/** The pattern's pipes for `options`, as role → pipe, or why it cannot describe the source's roles. */
function tryPattern(
  pack: LoadedTemplatePack,
  pattern: DatatypePattern,
  datatype: string,
  options: JsonObject,
  source: ReadonlyMap<string, JsonObject>,
): Candidate | { reason: string } {
  let rendered;
  try {
    rendered = renderPatternPipes(pack, pattern, datatype, toConfigValue(options) as ConfigObject, {
      connector: 'import',
    });
  } catch (error) {
    return { reason: `it does not render with these options (${(error as Error).message})` };
  }
  const missing = rendered.filter(({ role }) => !source.has(role)).map(({ role }) => `-${role}`);
  if (missing.length > 0) return { reason: `it makes ${missing.join(', ')}, which the source has not` };
  const patches = new Map<string, PatchOperation[]>();
  const byRole = new Map(rendered.map(({ role, value }) => [role, value]));
  for (const [role, pipe] of source) {
    const made = byRole.get(role);
    const operations = createGuardedPatch(made, pipe);
    if (operations.length > 0) patches.set(role, operations);
  }
  const size = [...patches.values()].reduce((sum, operations) => sum + patchSize(operations), 0);
  const optionsSize = Buffer.byteLength(toJsonText(options, { compact: true }), 'utf8');
  return { pattern: pattern.name, options, patches, size, optionsSize, rendered: byRole };
}

/** Passes of the single-option search at most (each keeps the best change that shrinks what is authored). */
const GREEDY_PASSES = 3;

/**
 * Whether candidate `a` describes the source better than `b`: no patch at all beats any patch (the
 * pattern then says everything, and a pack change reaches the datatype whole); otherwise fewer
 * authored bytes, the patch and the options connector.json keeps for it.
 */
const better = (a: Candidate, b: Candidate): boolean =>
  (a.size === 0) !== (b.size === 0) ? a.size === 0 : a.size + a.optionsSize < b.size + b.optionsSize;

/**
 * Option sets one change away from `options`: each option dropped (the pattern's default), each
 * boolean option flipped, and each boolean option of the pattern left out set to its non-default.
 */
function neighbours(pattern: DatatypePattern, options: JsonObject): JsonObject[] {
  const entries = [...options];
  const sets: JsonObject[] = [];
  for (const [key, value] of entries) {
    sets.push(objectOf(entries.filter(([other]) => other !== key)));
    if (typeof value === 'boolean')
      sets.push(objectOf(entries.map(([other, v]) => [other, other === key ? !value : v])));
  }
  for (const [key, option] of Object.entries(pattern.options)) {
    if (!options.has(key) && typeof option.default === 'boolean')
      sets.push(objectOf([...entries, [key, !option.default]]));
  }
  return sets;
}

/**
 * The chosen candidate after a greedy search over single-option changes: the inferred options read
 * each option from the pipes on its own, and one option dropped or flipped sometimes renders closer
 * to the source, or as close with less to write. On the corpus it saves about 1 % of the authored
 * bytes for about 70 % more planning time, so it runs on the chosen pattern only.
 */
function improve(
  pack: LoadedTemplatePack,
  pattern: DatatypePattern,
  datatype: string,
  start: Candidate,
  source: ReadonlyMap<string, JsonObject>,
): Candidate {
  let current = start;
  for (let pass = 0; pass < GREEDY_PASSES && current.size > 0; pass++) {
    let best: Candidate | undefined;
    for (const options of neighbours(pattern, current.options)) {
      const outcome = tryPattern(pack, pattern, datatype, options, source);
      if (!('reason' in outcome) && better(outcome, best ?? current)) best = outcome;
    }
    if (best === undefined) break;
    current = best;
  }
  return current;
}

/** Option sets to try for a pattern: the inferred ones, then the defaults when they differ. */
const optionSets = (pattern: string, pipes: ReadonlyMap<string, JsonObject>): JsonObject[] => {
  const inferred = inferOptions(pattern, pipes);
  return inferred.size === 0 ? [inferred] : [inferred, objectOf([])];
};

/** The best description of one template's pipes (see `better`), and the other patterns tried. */
function planTemplate(
  pack: LoadedTemplatePack,
  datatype: string,
  pipes: ReadonlyMap<string, JsonObject>,
): { best?: Candidate; tried: { pattern: string; patchSize?: number; reason?: string }[] } {
  const tried: { pattern: string; patchSize?: number; reason?: string }[] = [];
  let best: Candidate | undefined;
  for (const pattern of pack.patterns) {
    if (pattern.pipes.length === 0) continue; // raw
    let fitted: Candidate | undefined;
    let reason: string | undefined;
    for (const options of optionSets(pattern.name, pipes)) {
      const outcome = tryPattern(pack, pattern, datatype, options, pipes);
      if ('reason' in outcome) reason ??= outcome.reason;
      else if (fitted === undefined || better(outcome, fitted)) fitted = outcome;
    }
    if (fitted === undefined) {
      tried.push({ pattern: pattern.name, reason });
      continue;
    }
    tried.push({ pattern: pattern.name, patchSize: fitted.size });
    if (best === undefined || better(fitted, best)) best = fitted;
  }
  if (best === undefined) return { best, tried };
  const chosen = best.pattern;
  const improved = improve(
    pack,
    pack.patterns.find((p) => p.name === chosen)!,
    datatype,
    best,
    pipes,
  );
  return { best: improved, tried: tried.filter((t) => t.pattern !== chosen) };
}

const rawReason = (reasons: { pattern: string; reason?: string }[]): string =>
  `no pattern describes its pipes: ${reasons.map((r) => `${r.pattern}: ${r.reason}`).join('; ')}`;

/**
 * Plans every datatype of a source connector onto the pack: for each template file, the pattern and
 * options (inferred from its pipes, then refined one option at a time) that describe it best — no
 * patch, else the fewest authored bytes (see `better`) —, the datatypes sharing that file as
 * `reuse` of the one it is named after, and `raw` — with the reason — where no pattern can describe
 * the pipes (they do not follow the `{{@ system @}}-{{@ datatype @}}-<role>` naming, the file is
 * not JSON, …). Pure: the source and the pack come in as data; nothing is rendered to disk.
 */
export function planDatatypes(input: AdoptionInput, pack: LoadedTemplatePack): DatatypePlan[] {
  const users = new Map<string, string[]>();
  for (const { name, template } of input.datatypes)
    users.set(template, [...(users.get(template) ?? []), name]);
  const planned = new Map<string, DatatypePlan>();

  for (const [template, names] of users) {
    const text = input.files.get(template);
    const raw = (reason: string) =>
      names.forEach((name) => planned.set(name, { name, template, kind: 'raw', reason }));
    if (text === undefined) {
      raw('the source has no such file (kept as the manifest names it)');
      continue;
    }
    const badName = names
      .filter((name) => !isLegacyDatatypeName(name))
      .map((name) => nameProblem('datatype', name))
      .find((problem) => problem !== undefined);
    if (badName !== undefined) {
      raw(`a pattern datatype needs a valid name: ${badName}`);
      continue;
    }
    const owner = names.find((name) => template === `templates/${name}.json`);
    if (owner === undefined) {
      const stem = templateStem(template);
      raw(
        names.length > 1 || stem !== names[0]
          ? `its file ${template} is not named after one of its datatypes (templates/<datatype>.json), and Sesam's node config names the file's datatype ("${stem}") in every pipe it expands from it`
          : `its file ${template} is not templates/${names[0]}.json`,
      );
      continue;
    }
    const pipes = readSourcePipes(text, template, names.length === 1 ? owner : undefined);
    if (!pipes.ok) {
      raw(pipes.reason);
      continue;
    }
    const { best, tried } = planTemplate(pack, owner, pipes.pipes);
    if (best === undefined) {
      raw(rawReason(tried));
      continue;
    }
    planned.set(owner, {
      name: owner,
      template,
      kind: 'pattern',
      pattern: best.pattern,
      options: best.options,
      patches: best.patches,
      patchSize: best.size,
      rendered: best.rendered,
      source: pipes.pipes,
      tried,
    });
    for (const name of names)
      if (name !== owner) planned.set(name, { name, template, kind: 'reuse', reuse: owner });
  }
  return input.datatypes.map(({ name }) => planned.get(name)!);
}

/** Canonical text of a value, for comparing rendered and source pipes. */
export const sameJson = (a: JsonValue, b: JsonValue): boolean => toCanonicalJson(a) === toCanonicalJson(b);
