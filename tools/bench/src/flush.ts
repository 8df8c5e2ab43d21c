import { spawnSync } from 'node:child_process';

/**
 * Writes the file system's dirty pages to disk (`sync`) before a timed step, so that the writes of
 * the step before (a cold build leaves thousands of files) are not paid for by the step measured.
 */
export function flushWrites(): void {
  spawnSync('sync', { stdio: 'ignore' });
}
