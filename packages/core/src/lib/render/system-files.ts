import { ConnectorConfigError } from '../config/problems';
import { rendersSystem, systemTemplatePath } from '../config/package-layout';
import type { ConnectorConfig } from '../config/types';
import { toCanonicalJson } from '../json';
import { MANIFEST_FILE } from '../layout';
import { manifestFileProblems, type RenderedDatatype } from './manifest-file';
import { patched } from './patches';
import { systemOperations } from '../config/operations';
import { readRaw } from './raw-files';
import { renderTemplate } from './render-template';
import type { LoadedTemplatePack } from './template-pack';

export interface SystemFilesInputs {
  readonly rawFiles: ReadonlyMap<string, string>;
  readonly configFile: string;
  readonly displayRoot?: string;
}

/**
 * manifest.json and the system template (connector/-relative path → text): copied verbatim from
 * `manifestFile` and `systemFile` when set — the manifest's datatypes and system-template must
 * agree with connector.json — and otherwise rendered by the pack's system pattern, with
 * `patches.manifest` / `patches.system` applied. The verbatim
 * system is not parsed: invalid JSON in it is the validator's to report, as sesam's would.
 */
export function systemFiles(
  config: ConnectorConfig,
  pack: LoadedTemplatePack,
  datatypes: readonly RenderedDatatype[],
  inputs: SystemFilesInputs,
): Map<string, string> {
  const files = new Map<string, string>();
  const systemTemplate = systemTemplatePath(config);
  if (config.manifestFile !== undefined) {
    const text = readRaw(inputs.rawFiles, config.manifestFile);
    const mismatch = manifestFileProblems(config, text, datatypes, systemTemplate);
    if (mismatch.length > 0) throw new ConnectorConfigError(inputs.configFile, mismatch);
    files.set(MANIFEST_FILE, text);
  }
  if (config.systemFile !== undefined) files.set(systemTemplate, readRaw(inputs.rawFiles, config.systemFile));
  if (!rendersSystem(config)) return files;

  // The config check reported the operations' problems; here they are only rendered.
  const { operations } = systemOperations(config, pack.patterns);
  const derived = pack.system.derive(config);
  for (const file of pack.system.files) {
    if (files.has(file.output)) continue; // copied verbatim above
    const value = renderTemplate(
      pack,
      file.template,
      { connector: config, operations, datatypes, derived },
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
