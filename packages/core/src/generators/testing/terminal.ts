import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';
import { combineOptionsForGenerator } from 'nx/src/utils/params';

/**
 * Test helper: a terminal for prompts. process.stdin and process.stdout are replaced by streams that
 * look like a TTY, so Nx's prompt code (nx/src/utils/params, which `nx g` runs) and enquirer behave
 * as at a real terminal: keystrokes are written as the bytes a terminal sends ('\r' for Enter,
 * '\x7f' for Backspace, '\x1b[B' for the down arrow), one prompt at a time, and what the prompts
 * draw is recorded.
 */
export interface Terminal {
  /**
   * Types `keys` into the next prompt once it listens for keys; each entry is typed in one go
   * (a string of several characters is several keystrokes, each handled before the next).
   */
  type(...keys: string[]): void;
  /** Everything the prompts wrote, without escape codes. */
  screen(): string;
}

const ENTER = '\r';
export const KEYS = { ENTER, BACKSPACE: '\x7f', DOWN: '\x1b[B' } as const;

/** A fake TTY input: enquirer reads keypresses from it through readline. */
class FakeTtyInput extends PassThrough {
  readonly isTTY = true;
  isRaw = false;
  setRawMode(mode: boolean): this {
    this.isRaw = mode;
    return this;
  }
}

/** A fake TTY output that records what is written. */
class FakeTtyOutput extends Writable {
  readonly isTTY = true;
  readonly columns = 120;
  readonly rows = 40;
  text = '';
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

/**
 * Runs `work` with a fake terminal as process.stdin/stdout (and CI unset, which Nx checks before it
 * prompts); `answer` types the keys. Restores the real streams afterwards.
 */
export async function atTerminal<T>(
  work: () => Promise<T>,
  answer: (terminal: Terminal) => void,
): Promise<{ result: T; screen: string }> {
  const input = new FakeTtyInput();
  const output = new FakeTtyOutput();
  const saved = { stdin: process.stdin, stdout: process.stdout, ci: process.env['CI'] };
  const seen = new Set<unknown>();
  const queue: string[][] = [];
  let stopped = false;

  let unanswered: string | undefined;
  let lastActivity = Date.now();
  // Ends the prompt that is waiting (Ctrl+C) and remembers what it showed.
  const cancel = (why: string): void => {
    unanswered = `${why}:\n${terminal.screen().split('\n').filter(Boolean).slice(-3).join('\n')}`;
    input.write('\x03');
  };
  // A prompt listens with a fresh 'keypress' listener; type its keys once one is there. A prompt the
  // test has no keys for, or one still waiting after its keys, is cancelled and reported, so a
  // changed prompt sequence fails fast instead of waiting forever.
  const pump = async (): Promise<void> => {
    while (!stopped) {
      const listeners = input.listeners('keypress');
      const listener = listeners.find((l) => !seen.has(l));
      if (listener !== undefined) {
        seen.add(listener);
        lastActivity = Date.now();
        const keys = queue.shift();
        if (keys === undefined) cancel('a prompt the test typed no keys for');
        for (const chunk of keys ?? []) {
          for (const key of chunk.match(/\x1b\[[A-D]|[\s\S]/g) ?? []) {
            input.write(key);
            await settle();
          }
        }
      } else if (listeners.length > 0 && unanswered === undefined && Date.now() - lastActivity > STALL_MS) {
        cancel('a prompt still waiting after the keys the test typed');
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };

  Object.defineProperty(process, 'stdin', { value: input, configurable: true });
  Object.defineProperty(process, 'stdout', { value: output, configurable: true });
  delete process.env['CI'];
  // Nx exits the process when a prompt is cancelled; here that ends `work` with an error instead.
  const exit = process.exit;
  process.exit = ((code?: number) => {
    throw new Error(`process.exit(${code ?? ''}) after a cancelled prompt`);
  }) as typeof process.exit;
  const terminal: Terminal = {
    type: (...keys) => void queue.push(keys),
    screen: () => stripVTControlCharacters(output.text),
  };
  answer(terminal);
  const pumping = pump();
  try {
    const result = await work().catch((error: unknown) => {
      if (unanswered !== undefined) throw new Error(unanswered);
      throw error;
    });
    if (queue.length > 0) throw new Error(`${queue.length} answer(s) typed that no prompt asked for`);
    return { result, screen: terminal.screen() };
  } finally {
    stopped = true;
    await pumping;
    process.exit = exit;
    Object.defineProperty(process, 'stdin', { value: saved.stdin, configurable: true });
    Object.defineProperty(process, 'stdout', { value: saved.stdout, configurable: true });
    if (saved.ci === undefined) delete process.env['CI'];
    else process.env['CI'] = saved.ci;
  }
}

/** How long a prompt may wait with nothing typed before the session calls it stuck. */
const STALL_MS = 5000;

/** Lets enquirer handle a keystroke (its handlers are asynchronous) before the next one. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 2));

/** A generator's schema.json, read fresh (Nx's prompt code normalises `x-prompt` in place). */
export const generatorSchema = (generator: 'connector' | 'datatype' | 'import') =>
  JSON.parse(readFileSync(join(__dirname, '..', generator, 'schema.json'), 'utf8')) as {
    properties: Record<string, unknown>;
  };

/**
 * The options `nx g @sesam-connectors/core:<generator>` hands the generator after prompting at a
 * terminal: Nx's own `combineOptionsForGenerator` (prompts for what `given` lacks, then the
 * defaults and the schema check), interactive as `nx g` is by default.
 */
export const promptedOptions = (
  generator: 'connector' | 'datatype' | 'import',
  given: Record<string, unknown> = {},
): Promise<Record<string, unknown>> =>
  combineOptionsForGenerator(
    given as Parameters<typeof combineOptionsForGenerator>[0],
    '@sesam-connectors/core',
    generator,
    { version: 2, projects: {} },
    {},
    generatorSchema(generator) as never,
    true,
    null,
    '',
  ) as Promise<Record<string, unknown>>;
