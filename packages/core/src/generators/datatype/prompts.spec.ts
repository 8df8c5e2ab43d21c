import { promptForAnalyticsPreference } from 'nx/src/utils/analytics-prompt';
import { atTerminal, KEYS, promptedOptions } from '../testing/terminal';

const { ENTER } = KEYS;

/** `nx g @sesam-connectors/core:datatype` at a terminal: Nx's prompts over this schema, real keystrokes. */
describe('datatype generator prompts', () => {
  it('refuses an empty name and an empty connector at their prompts; lists the patterns by label', async () => {
    const { result, screen } = await atTerminal(
      () => promptedOptions('datatype'),
      (terminal) => {
        terminal.type(ENTER, 'invoice', ENTER); // name
        terminal.type(ENTER, 'demo', ENTER); // connector
        terminal.type(ENTER); // pattern: the default, collect
      },
    );
    expect(result).toMatchObject({ name: 'invoice', connector: 'demo', pattern: 'collect' });
    expect(screen).toContain("Property 'name' does not match the schema. '' should match the pattern");
    expect(screen).toContain("Property 'connector' does not match the schema. '' should match the pattern");
    expect(screen).toContain('collect (scan the API)');
    expect(screen).toContain('webhook-registry (the webhook datatype)');
  });

  it('a stray Enter after answering a yes/no prompt with "n" is refused by the next prompt, not taken as an empty name', async () => {
    // enquirer's yes/no prompt answers on the "n" key; an Enter typed out of habit lands on the next
    // prompt. (This was Nx's "Share usage data?" before nx.json decided `analytics`.)
    const { result, screen } = await atTerminal(
      async () => ({
        share: await promptForAnalyticsPreference(),
        options: await promptedOptions('connector', {
          label: '',
          auth: 'api_key',
          baseUrl: '',
          datatypes: 'a',
        }),
      }),
      (terminal) => {
        terminal.type('n');
        terminal.type(ENTER, 'acme', ENTER);
      },
    );
    expect(result.share).toBe(false);
    expect(result.options['system']).toBe('acme');
    expect(screen).toContain("Property 'system' does not match the schema. '' should match the pattern");
  });
});
