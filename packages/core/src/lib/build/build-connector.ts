import { join, resolve } from 'node:path';
import { CONNECTOR_OUTPUT_DIR, EXPANDED_DIR } from '../layout';
import { ConnectorValidationError } from './errors';
import { displayPath, replaceDirectory } from '../fs';
import { renderConnectorPackage, type RenderPackageOptions } from './render-package';
import { validateRenderedConnector } from './validate-rendered';
import type { ValidationStore } from './validation-store';

export interface BuildConnectorOptions extends RenderPackageOptions {
  /** Run the validator on the staged output before swapping it in (default true). */
  readonly validate?: boolean;
  /** Validator rules whose errors are accepted: reported as warnings, the build goes on. */
  readonly acceptedRules?: readonly string[];
  /** Remembers validations that passed, so the same rendered files are not validated twice. */
  readonly validationStore?: ValidationStore;
}

export interface BuildConnectorResult {
  readonly system: string;
  /** The `connector/` folder written. */
  readonly outputDir: string;
  /** The output's files, relative to `outputDir`. */
  readonly files: readonly string[];
  /** False when `connector/` already held exactly these files (nothing was rewritten). */
  readonly written: boolean;
  /**
   * Warnings of connector.json's checks (legacy shapes an imported package keeps), then the
   * validator's about the written output (errors abort the build instead).
   */
  readonly warnings: readonly string[];
}

/**
 * Builds one connector package: load and validate connector.json → render every file in memory
 * → validate the rendered files (in memory) → write them to a staging folder beside `connector/`
 * → swap it in (an existing `connector/.expanded` is kept; an output that already holds exactly
 * these files is left untouched). Any error leaves the previous output as it was.
 */
export function buildConnector(
  projectRoot: string,
  options: BuildConnectorOptions = {},
): BuildConnectorResult {
  const root = resolve(projectRoot);
  const shown = (file: string): string => displayPath(file, options.displayRoot);
  const { config, files, warnings: configWarnings } = renderConnectorPackage(root, options);
  const outputDir = join(root, CONNECTOR_OUTPUT_DIR);
  let validationWarnings: readonly string[] = [];
  if (options.validate !== false) {
    const validation = validateRenderedConnector(
      files,
      shown(outputDir),
      options.validationStore,
      options.acceptedRules,
    );
    if (validation.errors.length > 0) throw new ConnectorValidationError(config.system, validation.errors);
    validationWarnings = validation.warnings;
  }
  const replaced = replaceDirectory(outputDir, files, { keep: [EXPANDED_DIR] });
  return {
    system: config.system,
    outputDir,
    files: [...files.keys()],
    written: replaced === 'written',
    warnings: [...configWarnings, ...validationWarnings],
  };
}
