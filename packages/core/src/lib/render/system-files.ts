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

/** A copied system (`systemFile`) has no auth; the manifest the pack generates beside it declares none, as with auth none. */
const NO_AUTH = { type: 'none' } as const;

/**
 * manifest.json and the system template (connector/-relative path → text): copied verbatim from
 * `manifestFile` and `systemFile` when set (the config check made sure the manifest agrees with
 * connector.json), and otherwise rendered by the pack's system pattern, with `patches.manifest` /
 * `patches.system` applied. Beside a copied system the manifest is rendered with no auth (its
 * auth passes through `manifest`) and names the copied file as system-template. The verbatim
 * system is not parsed: invalid JSON in it is the validator's to report, as sesam's would.
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
  if (system === undefined && files.has(MANIFEST_FILE)) return files;

  const context =
    system === undefined
      ? {
          connector: { ...config, auth: NO_AUTH },
          operations: {},
          derived: { systemTemplate: connector.systemTemplate },
        }
      : {
          connector: system.config,
          operations: system.operations,
          derived: pack.system.derive(system.config),
        };
  for (const file of pack.system.files) {
    if (files.has(file.output)) continue; // copied verbatim above
    if (system === undefined && file.output !== MANIFEST_FILE) continue; // only the manifest beside a copied system
    const value = renderTemplate(
      pack,
      file.template,
      { ...context, datatypes: connector.manifestDatatypes },
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
