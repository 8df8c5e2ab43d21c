import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { minimalConnector, tempDir, writeConnectorPackage } from '../../../test/connector-fixtures';

const validateStagedConnector = jest.fn<Promise<StagedValidation>, [string]>();
jest.mock('./validate-staged', () => ({
  validateStagedConnector: (dir: string) => validateStagedConnector(dir),
}));

import { buildConnector } from './build-connector';
import { ConnectorValidationError } from './errors';
import type { StagedValidation } from './validate-staged';

describe('buildConnector and the validator', () => {
  it('validates the staged folder before the swap; problems abort with the previous output kept', async () => {
    const pkg = writeConnectorPackage(tempDir(), 'acme', minimalConnector());
    validateStagedConnector.mockResolvedValueOnce({ errors: [], warnings: ['w1'] });
    expect((await buildConnector(pkg)).warnings).toEqual(['w1']);
    const staged = validateStagedConnector.mock.calls[0]![0];
    expect(staged).toMatch(/\/acme\/\.connector\.staging-/);
    const before = readFileSync(join(pkg, 'connector', 'manifest.json'), 'utf8');

    const changed = minimalConnector();
    changed['manifest'] = { system: 'Changed' };
    writeConnectorPackage(join(pkg, '..'), 'acme', changed);
    validateStagedConnector.mockResolvedValueOnce({
      errors: ['pipes/x.conf.json: description contains WARNING'],
      warnings: [],
    });
    const error = await buildConnector(pkg).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectorValidationError);
    expect((error as Error).message).toBe(
      'acme: the rendered connector does not validate (previous output kept):\n  pipes/x.conf.json: description contains WARNING',
    );
    expect(readFileSync(join(pkg, 'connector', 'manifest.json'), 'utf8')).toBe(before);
    expect(readdirSync(pkg).sort()).toEqual(['connector', 'connector.json']);
  });

  it('skips the validator with validate: false', async () => {
    const pkg = writeConnectorPackage(tempDir(), 'acme', minimalConnector());
    validateStagedConnector.mockClear();
    await buildConnector(pkg, { validate: false });
    expect(validateStagedConnector).not.toHaveBeenCalled();
  });
});
