import { join, resolve } from 'node:path';
import { CONNECTOR_CONFIG_FILE, CONNECTOR_OUTPUT_DIR, EXPANDED_DIR } from '../layout';
import { loadConnectorConfig } from '../config/load';
import type { ConnectorConfig } from '../config/types';
import { loadTemplatePack, renderConnectorFiles, type LoadedTemplatePack } from '../render';
import { ConnectorValidationError } from './errors';
import { displayPath, replaceDirectory } from '../fs';
import { validateRenderedConnector } from './validate-rendered';
import type { ValidationStore } from './validation-store';

export interface BuildConnectorOptions {
  /** A copy of the template pack to render with (default: @sesam-connectors/template-pack). */
  readonly packDir?: string;
  /** An already loaded pack (a batch build loads it once). Wins over `packDir`. */
  readonly pack?: LoadedTemplatePack;
  /** Run the validator on the staged output before swapping it in (default true). */
  readonly validate?: boolean;
  /** Remembers validations that passed, so the same rendered files are not validated twice. */
  readonly validationStore?: ValidationStore;
  /** Messages show paths relative to this folder (default: the current directory). */
  readonly displayRoot?: string;
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
    const validation = validateRenderedConnector(files, shown(outputDir), options.validationStore);
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

/** What a connector package renders to, in memory: its checked config and the files of `connector/`. */
export interface RenderedPackage {
  readonly config: ConnectorConfig;
  /** Path relative to `connector/` → text. */
  readonly files: ReadonlyMap<string, string>;
  /** connector.json's checks' warnings. */
  readonly warnings: readonly string[];
}

/**
 * The build's first half, nothing written: load and check connector.json (reading its verbatim
 * files), render every file in memory. `publish` compares this with the committed `connector/` to refuse
 * a stale build.
 */
export function renderConnectorPackage(
  projectRoot: string,
  options: Pick<BuildConnectorOptions, 'packDir' | 'pack' | 'displayRoot'> = {},
): RenderedPackage {
  const root = resolve(projectRoot);
  const shown = (file: string): string => displayPath(file, options.displayRoot);
  const configFile = shown(join(root, CONNECTOR_CONFIG_FILE));
  const { config, connector, warnings } = loadConnectorConfig(join(root, CONNECTOR_CONFIG_FILE), {
    displayPath: configFile,
    displayRoot: options.displayRoot,
  });
  const pack = options.pack ?? loadTemplatePack(options.packDir);
  const files = renderConnectorFiles(connector, pack, { configFile, displayRoot: options.displayRoot });
  return { config, files, warnings };
}
