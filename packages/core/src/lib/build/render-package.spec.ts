import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  minimalConnector,
  tempDir,
  verbatimConnector,
  verbatimFiles,
  writeConnectorPackage,
} from '../../../test/connector-fixtures';
import { parseJson, USER_AUTHORED } from '../json';
import { packageBuildProblems, renderConnectorPackage, renderPackageSource } from './render-package';

/** The package as data: connector.json parsed, its other files by package-relative path. */
const sourceOf = (connector: unknown, files: Record<string, string> = {}) => ({
  folder: 'acme',
  configFile: 'acme/connector.json',
  config: parseJson(JSON.stringify(connector), 'acme/connector.json', USER_AUTHORED),
  readFile: (path: string) => (Object.prototype.hasOwnProperty.call(files, path) ? files[path] : undefined),
});

describe('renderPackageSource: a package given as data', () => {
  it('renders what the build renders from the same package on disk, verbatim files included', () => {
    const files = verbatimFiles({ order: 'templates/order.json' });
    const dir = writeConnectorPackage(tempDir(), 'acme', verbatimConnector(), files);
    const fromDisk = renderConnectorPackage(dir);
    const fromData = renderPackageSource(sourceOf(verbatimConnector(), files));
    expect(fromData.files).toEqual(fromDisk.files);
    expect(fromData.files.get('manifest.json')).toBe(readFileSync(join(dir, 'raw/manifest.json'), 'utf8'));
  });
});

describe('packageBuildProblems: what the build would fail on, as lines', () => {
  it("is empty for a package that builds, the check's lines for bad connector.json, else the validator's errors", () => {
    expect(packageBuildProblems(sourceOf(minimalConnector()), 'acme/connector')).toEqual([]);
    expect(packageBuildProblems(sourceOf({ ...minimalConnector(), label: 7 }), 'acme/connector')).toEqual([
      'acme/connector.json: label: must be a string (found the number 7)',
    ]);
    // {{@ service_url @}} no longer declared (set additional_parameters are not derived from the templates)
    const undeclared = { ...minimalConnector(), manifest: { additional_parameters: {} } };
    expect(packageBuildProblems(sourceOf(undeclared), 'acme/connector')).toEqual([
      "templates/order.json:[4].source.entities[0].properties.webhook.address  error  strict/undefined-variable  'service_url' is undefined, so it renders as \"\" (for datatype order) (declare 'service_url' in manifest additional_parameters (it becomes $ENV(service_url)) or in the datatype's parameters)",
    ]);
  });
});
