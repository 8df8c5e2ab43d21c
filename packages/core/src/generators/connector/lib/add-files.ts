import { generateFiles, OverwriteStrategy, type Tree } from '@nx/devkit';
import { scaffoldDir } from '../../shared/connector-paths';
import { WEBHOOK_MANIFEST_FIELDS } from '../../shared/datatype-request';
import { EMPTY_README_SECTION } from '../../../lib/readme';
import { connectorProjectName } from '../../../lib/layout';
import { AUTH_PRESETS, ENV_VAR_DESCRIPTIONS } from './auth-presets';
import { connectorConfigParts } from './config-parts';
import type { NormalizedConnectorOptions } from './normalize-options';

/** JSON text of `value` for an ejs template, indented to sit `depth` levels deep (2 spaces each). */
const json = (value: unknown, depth = 0): string =>
  JSON.stringify(value, null, 2).replace(/\n/g, `\n${'  '.repeat(depth)}`);

const envVarDescription = (name: string, urlPattern: string): string =>
  ENV_VAR_DESCRIPTIONS[name] ??
  (urlPattern.includes(name) ? 'Used in the URL pattern.' : 'Set it in the node environment.');

/** Stamps out templates/connector/ (connector.json, README.md) into the new package. */
export const addFiles = (tree: Tree, options: NormalizedConnectorOptions): void => {
  const preset = AUTH_PRESETS[options.auth];
  generateFiles(
    tree,
    scaffoldDir('connector'),
    options.projectRoot,
    {
      json,
      system: options.system,
      projectName: connectorProjectName(options.system),
      label: options.label,
      description: options.description ?? '',
      urlPattern: options.urlPattern,
      ...connectorConfigParts(options),
      generatedSection: EMPTY_README_SECTION,
      authText: preset.readme,
      secrets: [...preset.secrets, ...(options.webhooks ? WEBHOOK_MANIFEST_FIELDS.secrets : [])],
      envVars: options.envVars.map((name) => ({
        name,
        description: envVarDescription(name, options.urlPattern),
      })),
    },
    // normalizeOptions has already refused an existing package; this guards the guarantee.
    { overwriteStrategy: OverwriteStrategy.ThrowIfExisting },
  );
};
