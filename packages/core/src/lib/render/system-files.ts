import type { ResolvedConnector } from '../config';
import { toCanonicalJson } from '../json';
import { MANIFEST_FILE } from '../layout';
import { patched } from './patches';
import { verbatimText } from './verbatim-text';
import { renderTemplate } from './render-template';
import type { LoadedTemplatePack } from './template-pack';

export interface SystemFilesInputs {
  readonly configFile: string;
  readonly displayRoot?: string;
}

/**
 * manifest.json and the system template (connector/-relative path → text): copied verbatim from
 * `manifestFile` and `systemFile` when set (the config check made sure the manifest agrees with
 * connector.json), and otherwise rendered by the pack's system pattern, with `patches.manifest` /
 * `patches.system` applied. The verbatim system is not parsed: invalid JSON in it is the
 * validator's to report, as sesam's would.
 */
export function systemFiles(
  connector: ResolvedConnector,
  pack: LoadedTemplatePack,
  inputs: SystemFilesInputs,
): Map<string, string> {
  const { config, system } = connector;
  const files = new Map<string, string>();
  if (config.manifestFile !== undefined)
    files.set(MANIFEST_FILE, verbatimText(connector, config.manifestFile));
  if (config.systemFile !== undefined)
    files.set(connector.systemTemplate, verbatimText(connector, config.systemFile));
  if (system === undefined) return files;

  const derived = pack.system.derive(system.config);
  for (const file of pack.system.files) {
    if (files.has(file.output)) continue; // copied verbatim above
    const value = renderTemplate(
      pack,
      file.template,
      {
        connector: system.config,
        operations: system.operations,
        datatypes: connector.manifestDatatypes,
        derived,
      },
      { connector: config.system },
      { displayRoot: inputs.displayRoot },
    );
    const part = file.output === MANIFEST_FILE ? 'manifest' : 'system';
    const where = {
      connector: config.system,
      role: part,
      file: file.output,
      configFile: inputs.configFile,
      configPath: ['patches', part],
    };
    files.set(file.output, toCanonicalJson(patched(value, config.patches[part], where)!));
  }
  return files;
}
