import type { Tree } from '@nx/devkit';
import { resolve } from 'node:path';
import { GeneratorError } from '../../shared/generator-error';
import { newPackageRoot } from '../../shared/new-package';
import type { ImportGeneratorSchema } from '../schema';
import { resolveSystemName } from './system-name';

export interface NormalizedImportOptions {
  /** Absolute path of the source folder. */
  sourceDir: string;
  /** The source folder as the user gave it (messages, README). */
  shownSource: string;
  system: string;
  projectRoot: string;
  skipFormat: boolean;
  verbatim: boolean;
}

export const normalizeOptions = (tree: Tree, schema: ImportGeneratorSchema): NormalizedImportOptions => {
  const shownSource = (schema.source ?? '').trim().replace(/[\\/]+$/, '');
  if (shownSource === '') {
    throw new GeneratorError(
      '--source: give the connector folder to import (the one holding manifest.json).',
    );
  }
  const sourceDir = resolve(process.cwd(), shownSource);
  const system = resolveSystemName(schema.system, sourceDir);
  return {
    sourceDir,
    shownSource,
    system,
    projectRoot: newPackageRoot(tree, system, 'import'),
    skipFormat: schema.skipFormat ?? false,
    verbatim: schema.verbatim ?? false,
  };
};
