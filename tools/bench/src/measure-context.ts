import type { Measured } from './report';

export interface MeasureContext {
  /** This repository (its engine, pack and node_modules are what is measured). */
  sourceRoot: string;
  /** Progress lines. */
  log: (line: string) => void;
}

/** Runs `fn`, turning an exception into a `{ error }` entry so one broken measurement does not stop the others. */
export async function attempt<T>(
  what: string,
  log: (line: string) => void,
  fn: () => Promise<T>,
): Promise<Measured<T>> {
  try {
    return await fn();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log(`  ${what} failed: ${message.split('\n')[0]}`);
    return { error: message };
  }
}

/** `attempt` for synchronous work. */
export const attemptSync = <T>(fn: () => T): Measured<T> => {
  try {
    return fn();
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
};
