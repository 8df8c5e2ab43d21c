import { withDefaults, type DatatypePattern } from '@sesam-connectors/template-pack';
import { CONNECTOR_CONFIG_FILE } from '../config/load';
import { RAW_DIR } from '../config/checks';
import { ConnectorConfigError } from '../config/problems';
import type { ConnectorConfig } from '../config/types';
import { JsonParseError, parseJson, toCanonicalJson, type JsonValue } from '../json';
import { manifestFileProblems, type ManifestDatatype } from './manifest-file';
import { systemOperations } from './operations';
import { renderTemplate } from './render-template';
import type { LoadedTemplatePack } from './template-pack';

export interface RenderConnectorInputs {
  /** Contents of the verbatim files by path relative to the package (see `rawFilesNeeded`). */
  readonly rawFiles?: ReadonlyMap<string, string>;
  /** How errors name connector.json (default `connector.json`). */
  readonly configFile?: string;
  /** Template files are named relative to this folder in messages (default: the current directory). */
  readonly displayRoot?: string;
}

/** A raw file (raw template or manifestFile) is missing or not valid JSON. */
export class RawFileError extends Error {
  override readonly name = 'RawFileError';
}

/** The manifest template path of every datatype: its own file, its reuse target's, or its raw path. */
export function manifestDatatypes(config: ConnectorConfig): ManifestDatatype[] {
  return Object.entries(config.datatypes).map(([name, datatype]) => ({
    name,
    ...(datatype.label === undefined ? {} : { label: datatype.label }),
    template: datatype.pattern === 'raw' ? datatype.template! : `templates/${datatype.reuse ?? name}.json`,
    manifest: datatype.manifest,
  }));
}

const findPattern = (pack: LoadedTemplatePack, name: string): DatatypePattern => {
  const pattern = pack.patterns.find((p) => p.name === name);
  if (pattern === undefined) throw new Error(`the template pack has no pattern ${name}`);
  return pattern;
};

/**
 * Renders a validated connector.json through the pack, entirely in memory: relative path under
 * connector/ → file text. JSON files are in the canonical format; raw files are their verbatim
 * text. Pure: the pack and the raw files come in as data.
 */
export function renderConnectorFiles(
  config: ConnectorConfig,
  pack: LoadedTemplatePack,
  inputs: RenderConnectorInputs = {},
): Map<string, string> {
  const configFile = inputs.configFile ?? CONNECTOR_CONFIG_FILE;
  const rawFiles = inputs.rawFiles ?? new Map<string, string>();
  const { operations, problems } = systemOperations(config, pack);
  if (problems.length > 0) throw new ConnectorConfigError(configFile, problems);

  const datatypes = manifestDatatypes(config);
  const systemDerived = pack.system.derive(config);
  const files = new Map<string, string>();

  for (const file of pack.system.files) {
    if (file.output === 'manifest.json' && config.manifestFile !== undefined) {
      const text = readRaw(rawFiles, config.manifestFile);
      const mismatch = manifestFileProblems(config, text, datatypes, String(systemDerived['systemTemplate']));
      if (mismatch.length > 0) throw new ConnectorConfigError(configFile, mismatch);
      files.set(file.output, text);
      continue;
    }
    const value = renderTemplate(
      pack,
      file.template,
      { connector: config, operations, datatypes, derived: systemDerived },
      { connector: config.system },
      { displayRoot: inputs.displayRoot },
    );
    files.set(file.output, toCanonicalJson(value));
  }

  for (const [name, datatype] of Object.entries(config.datatypes)) {
    if (datatype.reuse !== undefined) continue;
    if (datatype.pattern === 'raw') {
      const template = datatype.template!;
      if (!files.has(template))
        files.set(
          template,
          checkedRawJson(readRaw(rawFiles, `${RAW_DIR}/${template}`), `${RAW_DIR}/${template}`),
        );
      continue;
    }
    const pattern = findPattern(pack, datatype.pattern);
    const options = withDefaults(pattern, datatype.options);
    const derived = pattern.derive?.(options) ?? {};
    const pipes: JsonValue[] = pattern.pipes
      .filter((pipe) => pipe.when?.(options) ?? true)
      .map((pipe) =>
        renderTemplate(
          pack,
          pipe.template,
          { datatype: name, options, derived, pipe: pipe.locals ?? {} },
          { connector: config.system, datatype: name },
          { displayRoot: inputs.displayRoot },
        ),
      );
    files.set(`templates/${name}.json`, toCanonicalJson(pipes));
  }
  return files;
}

function readRaw(rawFiles: ReadonlyMap<string, string>, path: string): string {
  const text = rawFiles.get(path);
  if (text === undefined)
    throw new RawFileError(`${path}: not given to the renderer (is it in the package folder?)`);
  return text;
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
