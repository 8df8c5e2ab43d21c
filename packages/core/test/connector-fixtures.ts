import type { ExecutorContext } from '@nx/devkit';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The workspace root (tests read committed files relative to it). */
export const WORKSPACE_ROOT = join(__dirname, '..', '..', '..');

/** A small valid connector.json: one webhook datatype and the webhook registry it needs. */
export const minimalConnector = (system = 'acme'): Record<string, any> => ({
  system,
  label: 'Acme',
  auth: { type: 'api_key' },
  // the webhook pattern's receiver address uses {{@ service_url @}}
  manifest: { additional_parameters: { service_url: {} } },
  restSystem: { urlPattern: 'https://api.acme.test/v1/%s' },
  datatypes: {
    order: { pattern: 'webhook' },
    webhook: { pattern: 'webhook-registry' },
  },
});

/**
 * A fully imported connector.json: manifest and system template copied verbatim from raw/, one raw
 * datatype (see `verbatimFiles` for the files it needs).
 */
export const verbatimConnector = (): Record<string, any> => ({
  system: 'acme',
  label: 'Acme',
  datatypes: { order: { pattern: 'raw', template: 'templates/order.json' } },
  manifestFile: 'raw/manifest.json',
  systemFile: 'raw/templates/system.json',
});

/** The verbatim files of `verbatimConnector` (package-relative path → text), as people write them. */
export const verbatimFiles = (
  datatypes: Record<string, string> = { order: 'templates/order.json' },
): Record<string, string> => ({
  'raw/manifest.json': `${JSON.stringify(
    {
      auth: 'api_key',
      datatypes: Object.fromEntries(
        Object.entries(datatypes).map(([name, template]) => [name, { template }]),
      ),
      'system-template': 'templates/system.json',
    },
    null,
    4,
  )}\n`,
  'raw/templates/system.json':
    '{\n    "_id": "{{@ system @}}", "type": "system:rest",\n    "url_pattern": "https://api.acme.test/%s"\n}\n',
  ...Object.fromEntries(
    [...new Set(Object.values(datatypes))].map((template) => [
      `raw/${template}`,
      '[{"_id": "{{@ system @}}-{{@ datatype @}}-collect", "type": "pipe",\n  "source": {"type": "embedded", "entities": []}}]\n',
    ]),
  ),
});

/** A fresh temporary folder (removed by the OS; tests make their own inside it). */
export const tempDir = (prefix = 'sesam-connectors-'): string => mkdtempSync(join(tmpdir(), prefix));

/**
 * Writes `<parent>/<folder>/connector.json` (text as given, or the object as JSON) plus extra
 * files, and returns the package folder.
 */
export function writeConnectorPackage(
  parent: string,
  folder: string,
  connector: unknown,
  extraFiles: Record<string, string | Buffer> = {},
): string {
  const dir = join(parent, folder);
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'connector.json'),
    typeof connector === 'string' ? connector : JSON.stringify(connector, null, 2),
  );
  for (const [path, content] of Object.entries(extraFiles)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

/** What `run` throws (for the synchronous engine calls); fails the test when it returns instead. */
export function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw, but it returned');
}

/** What an executor gets when Nx runs it for `<system>-connector` in the workspace at `root`. */
export const connectorExecutorContext = (root: string, system: string): ExecutorContext =>
  ({
    root,
    cwd: root,
    isVerbose: false,
    projectName: `${system}-connector`,
    projectsConfigurations: {
      version: 2,
      projects: { [`${system}-connector`]: { root: `packages/connectors/${system}` } },
    },
  }) as unknown as ExecutorContext;
