import { prompt } from 'enquirer';

/**
 * Whether a person can answer a question: `nx g` runs interactively (it sets NX_INTERACTIVE from
 * --interactive, default true) on a terminal. Nx Console's dry runs and CI pass --no-interactive.
 */
export const canPrompt = (): boolean =>
  process.env['NX_INTERACTIVE'] === 'true' && Boolean(process.stdout.isTTY);

/** Asks a yes/no question on the terminal (enquirer, as Nx's own x-prompts do). */
export const confirm = async (message: string, initial: boolean): Promise<boolean> => {
  const answer = await prompt<{ ok: boolean }>({ type: 'confirm', name: 'ok', message, initial });
  return answer.ok;
};
