import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { logger } from '@nx/devkit';
import { atTerminal, KEYS, promptedOptions } from '../testing/terminal';
import { connectorGenerator } from './generator';
import type { ConnectorGeneratorSchema } from './schema';

const { ENTER, BACKSPACE, DOWN } = KEYS;

/** `nx g @sesam-connectors/core:connector` at a terminal: Nx's prompts over this schema, real keystrokes. */
describe('connector generator prompts', () => {
  beforeEach(() => {
    jest.spyOn(logger, 'info').mockImplementation(() => undefined);
    jest.spyOn(logger, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('refuses an empty or invalid system name at its prompt and asks again; lists auth types by label', async () => {
    const { result, screen } = await atTerminal(
      () => promptedOptions('connector'),
      (terminal) => {
        terminal.type(ENTER, 'my-shop', ENTER, BACKSPACE.repeat(7), 'acme', ENTER); // system
        terminal.type(ENTER); // label: empty is the offered default
        terminal.type(DOWN, ENTER); // auth: the second item
        terminal.type(ENTER); // baseUrl: empty is the offered default
        terminal.type(ENTER, 'customer,order', ENTER); // datatypes
      },
    );
    expect(result).toMatchObject({
      system: 'acme',
      label: '',
      auth: 'oauth2',
      baseUrl: '',
      datatypes: 'customer,order',
    });
    expect(screen).toContain("'' should match the pattern '^[a-z][a-z0-9]*$'");
    expect(screen).toContain("'my-shop' should match the pattern '^[a-z][a-z0-9]*$'");
    expect(screen).toContain('api_key (an API key header, or basic auth)');
    expect(screen).toContain('oauth2 (authorization code flow)');
    expect(screen).toContain("'' (0 character(s)) should have at least 1 character(s)");

    const tree = createTreeWithEmptyWorkspace();
    await connectorGenerator(tree, { ...(result as unknown as ConnectorGeneratorSchema), skipFormat: true });
    expect(tree.exists('packages/connectors/acme/connector.json')).toBe(true);
  });
});
