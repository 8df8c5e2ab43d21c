import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { minimalConnector, tempDir, thrownBy, writeConnectorPackage } from '../../../test/connector-fixtures';

const validateRenderedConnector = jest.fn<RenderedValidation, [ReadonlyMap<string, string>, string]>();
jest.mock('./validate-rendered', () => ({
  validateRenderedConnector: (files: ReadonlyMap<string, string>, label: string) =>
    validateRenderedConnector(files, label),
}));

import { buildConnector } from './build-connector';
import { ConnectorValidationError } from './errors';
import type { RenderedValidation } from './validate-rendered';

describe('buildConnector and the validator', () => {
  it('validates the rendered files before writing; problems abort with the previous output kept', async () => {
    const pkg = writeConnectorPackage(tempDir(), 'acme', minimalConnector());
    validateRenderedConnector.mockReturnValueOnce({ errors: [], warnings: ['w1'] });
    expect(buildConnector(pkg).warnings).toEqual(['w1']);
    const [rendered, label] = validateRenderedConnector.mock.calls[0]!;
    expect([...rendered.keys()].sort()).toEqual(
      readdirSync(join(pkg, 'connector'), { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => join(e.parentPath, e.name).slice(join(pkg, 'connector').length + 1))
        .sort(),
    );
    expect(rendered.get('manifest.json')).toBe(readFileSync(join(pkg, 'connector', 'manifest.json'), 'utf8'));
    expect(label).toMatch(/acme\/connector$/);
    const before = readFileSync(join(pkg, 'connector', 'manifest.json'), 'utf8');

    const changed = minimalConnector();
    changed['manifest'] = { system: 'Changed' };
    writeConnectorPackage(join(pkg, '..'), 'acme', changed);
    validateRenderedConnector.mockReturnValueOnce({
      errors: ['pipes/x.conf.json: description contains WARNING'],
      warnings: [],
    });
    const error = thrownBy(() => buildConnector(pkg));
    expect(error).toBeInstanceOf(ConnectorValidationError);
    expect((error as Error).message).toBe(
      'acme: the rendered connector does not validate (previous output kept):\n  pipes/x.conf.json: description contains WARNING',
    );
    expect(readFileSync(join(pkg, 'connector', 'manifest.json'), 'utf8')).toBe(before);
    expect(readdirSync(pkg).sort()).toEqual(['connector', 'connector.json']);
  });

  it('skips the validator with validate: false', async () => {
    const pkg = writeConnectorPackage(tempDir(), 'acme', minimalConnector());
    validateRenderedConnector.mockClear();
    buildConnector(pkg, { validate: false });
    expect(validateRenderedConnector).not.toHaveBeenCalled();
  });
});
