import {
  PACK_DIR,
  PATTERNS_FOLDER,
  datatypePatterns,
  systemPattern,
  type DatatypePattern,
  type SystemPattern,
} from '@sesam-connectors/template-pack';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The pack with every template's source in memory, ready for rendering. */
export interface LoadedTemplatePack {
  /** The pack folder (holding `patterns/`). */
  readonly dir: string;
  readonly system: SystemPattern;
  readonly patterns: readonly DatatypePattern[];
  /** Template source by path relative to `patterns/` (e.g. `collect/all.json.ejs`). */
  readonly templates: ReadonlyMap<string, string>;
}

/** The pack folder lacks a template its index names. */
export class TemplatePackError extends Error {
  override readonly name = 'TemplatePackError';
}

/** The file of a template, for messages and reading. */
export const templateFile = (pack: Pick<LoadedTemplatePack, 'dir'>, template: string): string =>
  join(pack.dir, PATTERNS_FOLDER, template);

/**
 * Reads every template the pack index names from `<dir>/patterns/`. `dir` defaults to the
 * @sesam-connectors/template-pack package; another folder (a copy of the pack) must have the
 * same files.
 */
export function loadTemplatePack(dir: string = PACK_DIR): LoadedTemplatePack {
  const patterns = datatypePatterns;
  const paths = new Set([
    ...systemPattern.files.map((file) => file.template),
    ...patterns.flatMap((pattern) => pattern.pipes.map((pipe) => pipe.template)),
  ]);
  const templates = new Map<string, string>();
  for (const path of [...paths].sort()) {
    const file = templateFile({ dir }, path);
    try {
      templates.set(path, readFileSync(file, 'utf8'));
    } catch (error) {
      throw new TemplatePackError(
        `template pack at ${dir}: cannot read ${PATTERNS_FOLDER}/${path} (${(error as NodeJS.ErrnoException).code})`,
      );
    }
  }
  return { dir, system: systemPattern, patterns, templates };
}
