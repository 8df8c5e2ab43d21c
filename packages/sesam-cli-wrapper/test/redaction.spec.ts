import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SesamCli, SesamCliError, createRedactor, secretsInArgs } from '../src';
import { installFakeSesam, lineCollector, type FakeSesam } from './support/fake-sesam';

// A realistic node JWT, a JWT handed to sesam through the environment, and plain secrets.
const NODE_JWT =
  'eyJhbGciOiJSUzI1NiJ9.eyJwcmluY2lwYWxzIjp7InN1YiI6W119fQ.dGhlLXNpZ25hdHVyZS1vZi10aGUtbm9kZS1qd3Q';
const ENV_JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJlbnYiOnRydWV9.ZW52LXNpZ25hdHVyZQ';
const CLIENT_SECRET = 'cl1ent-s3cret-VALUE';
const SERVICE_JWT = 'not-jwt-shaped-service-token-42';
const API_KEY = 'api-key-0123456789';
const SYNCCONFIG_JWT = 'opaque-token-from-syncconfig';
const AUTHCONFIG_SECRET = 'secret-from-authconfig-file';
const SECRETS = [NODE_JWT, ENV_JWT, CLIENT_SECRET, SERVICE_JWT, API_KEY, SYNCCONFIG_JWT, AUTHCONFIG_SECRET];

describe('secrets never leak', () => {
  let fake: FakeSesam;
  beforeEach(() => {
    fake = installFakeSesam();
    // sesam-py finds .syncconfig upwards from the connector folder; .authconfig likewise.
    writeFileSync(
      join(fake.root, 'work', '.syncconfig'),
      `NODE="https://datahub.example/api"\nJWT="${SYNCCONFIG_JWT}"\n`,
    );
    writeFileSync(
      join(fake.workDir, '.authconfig'),
      JSON.stringify({ client_id: 'visible-id', client_secret: AUTHCONFIG_SECRET }),
    );
  });
  afterEach(() => fake.cleanup());

  const assertClean = (texts: string[]) => {
    const all = texts.join('\n');
    for (const secret of SECRETS) expect(all).not.toContain(secret);
    // The part sesam-py itself prints of a JWT in debug logs (first ten characters) is gone too.
    expect(all).not.toContain(NODE_JWT.slice(0, 10));
  };

  it('from streamed lines, results and errors, whichever way sesam prints them', async () => {
    fake.setScript({
      steps: [
        { out: 'argv: {argv}' },
        { err: 'argv: {argv}' },
        { out: 'env JWT is {env:JWT}' },
        {
          err: `debug: Connecting to Sesam using url 'x' and JWT '${NODE_JWT.slice(0, 10)}*********${NODE_JWT.slice(-10)}'`,
        },
        {
          err: `failed to connect using the jwt we were given:\nhttps://datahub.example/api\n${SYNCCONFIG_JWT}`,
        },
        { err: `oauth2: client_secret=${AUTHCONFIG_SECRET}` },
      ],
      exitCode: 1,
    });
    const { lines, onLine } = lineCollector();
    const cli = new SesamCli({ env: { ...fake.env, JWT: ENV_JWT }, cwd: fake.workDir, onLine });
    const error = (await cli
      .upload({
        jwt: NODE_JWT,
        clientSecret: CLIENT_SECRET,
        serviceJwt: SERVICE_JWT,
        apiKey: API_KEY,
        clientId: 'visible-id',
      })
      .catch((e: unknown) => e)) as SesamCliError;

    expect(error).toBeInstanceOf(SesamCliError);
    // sesam did receive the real values...
    expect(fake.commandRecords()[0]!.argv).toEqual(
      expect.arrayContaining([NODE_JWT, CLIENT_SECRET, SERVICE_JWT, API_KEY]),
    );
    // ...but nothing the wrapper reports contains them.
    assertClean([
      ...lines.map((l) => l.line),
      error.message,
      error.commandLine,
      error.stdout,
      error.stderr,
      ...error.stderrTail,
      String(error),
      JSON.stringify(error),
    ]);
    expect(error.commandLine).toBe(
      `${fake.binary} upload -jwt *** --client_id visible-id --client_secret *** --api_key *** --service_jwt ***`,
    );
    expect(lines.some((l) => l.line.includes('visible-id'))).toBe(true);
  });

  it('from raw arguments in both the `-flag value` and `-flag=value` forms', async () => {
    fake.setScript({ steps: [{ out: '{argv}' }] });
    const { lines, onLine } = lineCollector();
    const result = await new SesamCli({ env: fake.env, cwd: fake.workDir, onLine }).exec([
      'authenticate',
      '--client_secret',
      CLIENT_SECRET,
      `--api_key=${API_KEY}`,
      '-jwt',
      NODE_JWT,
    ]);
    assertClean([...lines.map((l) => l.line), result.stdout, result.commandLine]);
    expect(result.commandLine).toBe(`${fake.binary} authenticate --client_secret *** --api_key=*** -jwt ***`);
  });

  it('from a -sync-config-file given explicitly instead of the one found upwards', async () => {
    const elsewhere = join(fake.root, 'elsewhere');
    mkdirSync(elsewhere);
    writeFileSync(join(elsewhere, 'node.conf'), 'JWT = other-opaque-token-value\n');
    fake.setScript({ steps: [{ out: 'token other-opaque-token-value' }] });
    const { lines, onLine } = lineCollector();
    await new SesamCli({ env: fake.env, cwd: fake.workDir, onLine }).validate({
      syncConfigFile: join(elsewhere, 'node.conf'),
    });
    expect(lines.map((l) => l.line)).toEqual(['token ***']);
  });
});

describe('createRedactor and secretsInArgs', () => {
  it('replaces the longest secret first; a short secret where it is a whole word, not inside others', () => {
    const redact = createRedactor(['abcdef', 'abcdefghij', 'ab', undefined]);
    expect(redact('x abcdefghij y abcdef z ab about')).toBe('x *** y *** z *** about');
  });

  it('redacts a secret of any length given with -jwt, in the command line and in output', () => {
    const redact = createRedactor(secretsInArgs(['-jwt', 'XYZ']));
    expect(redact("using jwt 'XYZ' (-jwt XYZ) for XYZW")).toBe("using jwt '***' (-jwt ***) for XYZW");
  });

  it.each([
    ['token starts s3cretToke', 'token starts ***'],
    ['token s3cr... was refused', 'token *** was refused'],
    ['prefix "s3cretToken-12"', 'prefix "***"'],
    ['the word s3c stays', 'the word s3c stays'],
  ])('redacts prefixes of 4 or more characters of a secret: %s', (text, expected) => {
    expect(createRedactor(['s3cretToken-1234567'])(text)).toBe(expected);
  });

  it('replaces JWT-looking tokens nobody declared', () => {
    expect(createRedactor([])('Bearer eyJhbGciOiJIUzI1NiJ9.eyJhIjoxfQ.sig-_x and eyJhbGciOi***')).toBe(
      'Bearer *** and ******',
    );
  });

  it('finds the values of secret flags only', () => {
    expect(
      secretsInArgs([
        '-node',
        'n',
        '-jwt',
        'j',
        '--client_id',
        'id',
        '--client_secret=s',
        '--service_jwt',
        'sj',
        '--employee_token',
      ]),
    ).toEqual(['j', 's', 'sj']);
  });
});
