import { CONNECTOR_CONFIG_FILE } from '../layout';
import type { ResolvedConnector } from '../config';
import { toCanonicalJson } from '../json';
import { patchedPipes } from './patches';
import { renderResolvedPipes } from './pattern-pipes';
import { systemFiles } from './system-files';
import { verbatimText } from './verbatim-text';
import type { LoadedTemplatePack } from './template-pack';

export interface RenderConnectorInputs {
  /** How errors name connector.json (default `connector.json`). */
  readonly configFile?: string;
  /** Template files are named relative to this folder in messages (default: the current directory). */
  readonly displayRoot?: string;
}

/**
 * Renders a checked connector (`checkConnectorConfig`'s `connector`) through the pack, entirely in
 * memory: relative path under connector/ → file text. JSON files are in the canonical format, with
 * connector.json's patches applied to what the pack rendered (a patch that no longer fits what the
 * pack now renders throws `PatchApplyError`); verbatim files (manifestFile, systemFile, raw
 * templates) are their text as the check read it. Pure: the pack and the connector come in as
 * data, and every lookup and every check of the user's input was done by the config check.
 */
export function renderConnectorFiles(
  connector: ResolvedConnector,
  pack: LoadedTemplatePack,
  inputs: RenderConnectorInputs = {},
): Map<string, string> {
  const configFile = inputs.configFile ?? CONNECTOR_CONFIG_FILE;
  const { config } = connector;
  const templates = new Map<string, string>();
  for (const template of connector.templates) {
    if (template.kind === 'raw') {
      templates.set(template.file, verbatimText(connector, template.source));
      continue;
    }
    const pipes = renderResolvedPipes(pack, template, template.datatype, {
      connector: config.system,
      displayRoot: inputs.displayRoot,
    });
    const where = { connector: config.system, datatype: template.datatype, file: template.file, configFile };
    templates.set(template.file, toCanonicalJson(patchedPipes(pipes, template.patches, where)));
  }
  // The manifest and the system first (the manifest declares the variables the templates read).
  const files = systemFiles(connector, pack, { configFile, displayRoot: inputs.displayRoot, templates });
  for (const [file, text] of templates) files.set(file, text);
  return files;
}
