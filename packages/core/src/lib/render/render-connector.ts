import { CONNECTOR_CONFIG_FILE, RAW_DIR } from '../layout';
import { resolveDatatype } from '../config/datatype-pattern';
import type { ConnectorConfig } from '../config/types';
import { keepsSourceManifest } from '../config/verbatim-checks';
import { JsonParseError, parseJson, toCanonicalJson } from '../json';
import type { RenderedDatatype } from './manifest-file';
import { patchedPipes } from './patches';
import { RawFileError, readRaw } from './raw-files';
import { renderPatternPipes } from './pattern-pipes';
import { systemFiles } from './system-files';
import type { LoadedTemplatePack } from './template-pack';

export interface RenderConnectorInputs {
  /** Contents of the verbatim files by path relative to the package (see `rawFilesNeeded`). */
  readonly rawFiles?: ReadonlyMap<string, string>;
  /** How errors name connector.json (default `connector.json`). */
  readonly configFile?: string;
  /** Template files are named relative to this folder in messages (default: the current directory). */
  readonly displayRoot?: string;
}

/** The manifest template path of every datatype: its own file, its reuse target's, or its raw path. */
export function renderedDatatypes(config: ConnectorConfig): RenderedDatatype[] {
  return Object.entries(config.datatypes).map(([name, datatype]) => ({
    name,
    ...(datatype.label === undefined ? {} : { label: datatype.label }),
    template: datatype.pattern === 'raw' ? datatype.template! : `templates/${datatype.reuse ?? name}.json`,
    manifest: datatype.manifest,
  }));
}

/**
 * Renders a validated connector.json through the pack, entirely in memory: relative path under
 * connector/ → file text. JSON files are in the canonical format, with connector.json's patches
 * applied to what the pack rendered (a patch that no longer fits throws `PatchApplyError`);
 * verbatim files (manifestFile, systemFile, raw templates) are their text as given — a raw
 * template that a verbatim manifest names but the package lacks is left out. Pure: the pack and
 * the raw files come in as data.
 */
export function renderConnectorFiles(
  config: ConnectorConfig,
  pack: LoadedTemplatePack,
  inputs: RenderConnectorInputs = {},
): Map<string, string> {
  const configFile = inputs.configFile ?? CONNECTOR_CONFIG_FILE;
  const rawFiles = inputs.rawFiles ?? new Map<string, string>();
  const datatypes = renderedDatatypes(config);
  const files = systemFiles(config, pack, datatypes, {
    rawFiles,
    configFile,
    displayRoot: inputs.displayRoot,
  });

  for (const [name, datatype] of Object.entries(config.datatypes)) {
    if (datatype.reuse !== undefined) continue;
    if (datatype.pattern === 'raw') {
      const template = datatype.template!;
      const path = `${RAW_DIR}/${template}`;
      // A verbatim manifest may name a template its source never had (a warning of the checks).
      if (files.has(template) || (!rawFiles.has(path) && keepsSourceManifest(config))) continue;
      files.set(template, checkedRawJson(readRaw(rawFiles, path), path));
      continue;
    }
    const file = `templates/${name}.json`;
    const { pattern } = resolveDatatype(datatype, pack.patterns);
    // The schema admits only the pack's pattern names, so this is a pack out of step with the schema.
    if (pattern === undefined) throw new Error(`the template pack has no pattern ${datatype.pattern}`);
    const pipes = renderPatternPipes(pack, pattern, name, datatype.options, {
      connector: config.system,
      displayRoot: inputs.displayRoot,
    });
    const where = { connector: config.system, datatype: name, file, configFile };
    files.set(file, toCanonicalJson(patchedPipes(pipes, datatype.patches, where)));
  }
  return files;
}

/** Raw templates must be JSON (sesam validate json-loads every datatype template before rendering). */
function checkedRawJson(text: string, path: string): string {
  try {
    parseJson(text, path);
  } catch (error) {
    if (error instanceof JsonParseError)
      throw new RawFileError(`${path}: not valid JSON: ${error.pythonMessage}`);
    throw error;
  }
  return text;
}
