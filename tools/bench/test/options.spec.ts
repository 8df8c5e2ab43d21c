import { BenchUsageError, DEFAULT_JSON, parseBenchArgs, parseEnvAssignment, parseSize } from '../src/options';

describe('parseBenchArgs', () => {
  it('defaults to 200 connectors × 10 datatypes, 3 runs, four memory sizes up to 200×10', () => {
    expect(parseBenchArgs([])).toEqual({
      connectors: 200,
      datatypes: 10,
      runs: 3,
      sizes: [
        { connectors: 25, datatypes: 10 },
        { connectors: 50, datatypes: 10 },
        { connectors: 100, datatypes: 10 },
        { connectors: 200, datatypes: 10 },
      ],
      json: DEFAULT_JSON,
      env: {},
      keep: false,
      quick: false,
      familyOnly: false,
      skipFamily: false,
      help: false,
    });
  });

  it('measures the family alone, or leaves it out, but not both', () => {
    expect(parseBenchArgs(['--family-only'])).toMatchObject({ familyOnly: true, skipFamily: false });
    expect(parseBenchArgs(['--skip-family'])).toMatchObject({ familyOnly: false, skipFamily: true });
    expect(() => parseBenchArgs(['--family-only', '--skip-family'])).toThrow(
      '--family-only and --skip-family cannot be given together',
    );
  });

  it('makes --quick small and single-run, with explicit flags still winning', () => {
    const options = parseBenchArgs(['--quick', '--runs', '2']);
    expect(options).toMatchObject({ quick: true, connectors: 6, datatypes: 4, runs: 2 });
    expect(options.sizes).toHaveLength(4);
    expect(options.sizes.every((size) => size.connectors * size.datatypes <= 24)).toBe(true);
  });

  it('reads every flag', () => {
    expect(
      parseBenchArgs([
        '--connectors',
        '50',
        '--datatypes',
        '7',
        '--runs',
        '5',
        '--sizes',
        '10x7, 20×7',
        '--json',
        'out.json',
        '--keep',
        '--env',
        'NX_BATCH_MODE=false',
        '--env',
        'A=b=c',
      ]),
    ).toMatchObject({
      connectors: 50,
      datatypes: 7,
      runs: 5,
      sizes: [
        { connectors: 10, datatypes: 7 },
        { connectors: 20, datatypes: 7 },
      ],
      json: 'out.json',
      keep: true,
      env: { NX_BATCH_MODE: 'false', A: 'b=c' },
    });
  });

  it.each([
    [['--connectors', '0'], '--connectors: "0" must be a whole number ≥ 1'],
    [['--runs', '1.5'], '--runs: "1.5" must be a whole number ≥ 1'],
    [['--sizes', '200'], '--sizes: "200" is not NxM (e.g. 200x10)'],
    [['--sizes', ','], '--sizes: give at least one NxM size'],
    [['--env', 'no-equals'], '--env: "no-equals" is not NAME=value'],
  ])('refuses %j with a usage error', (argv, message) => {
    expect(() => parseBenchArgs(argv)).toThrow(new BenchUsageError(message));
  });

  it('refuses unknown flags and positionals', () => {
    expect(() => parseBenchArgs(['--fast'])).toThrow(BenchUsageError);
    expect(() => parseBenchArgs(['200'])).toThrow(BenchUsageError);
  });
});

describe('parseSize and parseEnvAssignment', () => {
  it('read NxM and NAME=value', () => {
    expect(parseSize(' 3x4 ')).toEqual({ connectors: 3, datatypes: 4 });
    expect(parseEnvAssignment('NX_ISOLATE_PLUGINS=false')).toEqual(['NX_ISOLATE_PLUGINS', 'false']);
    expect(parseEnvAssignment('EMPTY=')).toEqual(['EMPTY', '']);
  });
});
