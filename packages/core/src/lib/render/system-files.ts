import type { ResolvedConnector } from '../config';
import { toCanonicalJson } from '../json';
import { MANIFEST_FILE } from '../layout';
import { patched } from './patches';
import { verbatimText } from './verbatim-text';
import { renderTemplate } from './render-template';
import { templateVariables } from './template-variables';
import type { LoadedTemplatePack } from './template-pack';

export interface SystemFilesInputs {
  readonly configFile: string;
  readonly displayRoot?: string;
  /** The datatype templates as built (connector/-relative path → text): the variables they read. */
  readonly templates: ReadonlyMap<string, string>;
}

/** A copied system (`systemFile`) has no auth; the manifest the pack generates beside it declares none, as with auth none. */
const NO_AUTH = { type: 'none' } as const;

/**
 * The manifest fields the pack renders: connector.json's `manifest`, with `additional_parameters`
 * — when it does not set them — declaring every expand-time variable the templates and the system
 * read that sesam-py and the datatypes' `parameters` do not define (none: no field).
 */
function manifestFields(
  connector: ResolvedConnector,
  files: ReadonlyMap<string, string>,
): { readonly [field: string]: unknown } {
  const { manifest } = connector.config;
  if (manifest['additional_parameters'] !== undefined) return manifest;
  const parameters = connector.manifestDatatypes.flatMap(({ manifest: fields }) => {
    const given = fields['parameters'];
    return given !== null && typeof given === 'object' ? Object.keys(given) : [];
  });
  const variables = templateVariables(files, parameters);
  if (variables.length === 0) return manifest;
  return { ...manifest, additional_parameters: Object.fromEntries(variables.map((name) => [name, {}])) };
}

/**
 * manifest.json and the system template (connector/-relative path → text): copied verbatim from
 * `manifestFile` and `systemFile` when set (the config check made sure the manifest agrees with
 * connector.json), and otherwise rendered by the pack's system pattern, with `patches.manifest` /
 * `patches.system` applied — the system first, so that the manifest can declare the variables it
 * and the datatype templates read (see `manifestFields`). Beside a copied system the manifest is
 * rendered with no auth (its auth passes through `manifest`) and names the copied file as
 * system-template. The verbatim system is not parsed: invalid JSON in it is the validator's to
 * report, as sesam's would.
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
  const render = (file: (typeof pack.system.files)[number]): void => {
    if (files.has(file.output)) return; // copied verbatim above
    const manifest = file.output === MANIFEST_FILE;
    if (system === undefined && !manifest) return; // only the manifest beside a copied system
    const connectorValue = manifest
      ? {
          ...context.connector,
          manifest: manifestFields(connector, new Map([...inputs.templates, ...files])),
        }
      : context.connector;
    const value = renderTemplate(
      pack,
      file.template,
      { ...context, connector: connectorValue, datatypes: connector.manifestDatatypes },
      { connector: config.system },
      { displayRoot: inputs.displayRoot },
    );
    const part = manifest ? 'manifest' : 'system';
    const where = {
      connector: config.system,
      role: part,
      file: file.output,
      configFile: inputs.configFile,
      configPath: ['patches', part],
    };
    files.set(file.output, toCanonicalJson(patched(value, config.patches[part], where)!));
  };
  // The system before the manifest, which declares the variables the system reads.
  pack.system.files.filter((file) => file.output !== MANIFEST_FILE).forEach(render);
  pack.system.files.filter((file) => file.output === MANIFEST_FILE).forEach(render);
  // In the pack's order (the manifest first), as before.
  const ordered = new Map<string, string>();
  for (const file of pack.system.files)
    if (files.has(file.output)) ordered.set(file.output, files.get(file.output)!);
  for (const [path, text] of files) if (!ordered.has(path)) ordered.set(path, text);
  return ordered;
}
