import { SECRET_OPTIONS, SESAM_COMMANDS, SESAM_FLAGS, type FlagSpec } from '@sesam/sesam-cli-wrapper';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// schema.json is what Nx validates target options against; it must offer exactly the wrapper's
// non-secret options (with matching types) plus the executor's own.
const schema = JSON.parse(readFileSync(join(__dirname, 'schema.json'), 'utf8')) as {
  properties: Record<string, { type: string; enum?: unknown[]; $default?: unknown }>;
};

describe('the sesam executor schema', () => {
  it('lists every non-secret sesam option with its type, and no credential', () => {
    const flags = (Object.entries(SESAM_FLAGS) as [string, FlagSpec][]).filter(
      ([key]) => !(SECRET_OPTIONS as readonly string[]).includes(key),
    );
    const own = ['command', 'args', 'cwd', 'timeoutMs', 'binary', 'target'];
    expect(Object.keys(schema.properties).sort()).toEqual([...own, ...flags.map(([key]) => key)].sort());
    for (const [key, spec] of flags) {
      expect([key, schema.properties[key]!.type]).toEqual([
        key,
        spec.type === 'verbosity' ? 'integer' : spec.type,
      ]);
    }
    for (const secret of ['jwt', 'clientSecret', 'apiKey', 'serviceJwt', 'consumerToken', 'employeeToken']) {
      expect(schema.properties).not.toHaveProperty(secret);
    }
  });

  it('offers every wrapper command plus exec, and fills args from the arguments after --', () => {
    expect(schema.properties['command']!.enum).toEqual([...SESAM_COMMANDS, 'exec']);
    expect(schema.properties['args']!.$default).toEqual({ $source: 'unparsed' });
  });
});
