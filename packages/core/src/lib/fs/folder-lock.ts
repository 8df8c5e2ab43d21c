import {
  closeSync,
  linkSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/** The lock file beside an output folder: `.connector.lock` for `connector/`. */
export const lockFileName = (target: string): string => `.${basename(target)}.lock`;

/** Another writer holds the output folder's lock and did not let go in time. */
export class FolderLockedError extends Error {
  constructor(
    readonly target: string,
    readonly lockFile: string,
    readonly holder: string,
  ) {
    super(
      `${target} is being written by another build or expand (${holder}); wait for it to finish and run again` +
        ` (if no build is running, remove ${lockFile})`,
    );
    this.name = 'FolderLockedError';
  }
}

export interface FolderLockOptions {
  /** How long to wait for another writer (default 120 s), then FolderLockedError. */
  readonly waitMs?: number;
}

interface Holder {
  readonly pid: number;
  readonly host: string;
}

const sleep = (ms: number): void => {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
};

/** A lock whose holder cannot be running any more: a process of this machine that is gone. */
function isStale(holder: Holder | undefined, lockFile: string): boolean {
  if (!holder) {
    // Unreadable or half-written: stale only once it is old (its writer writes it in one call).
    try {
      return Date.now() - statSync(lockFile).mtimeMs > 10_000;
    } catch {
      return false;
    }
  }
  if (holder.host !== hostname()) return false;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

function readHolder(lockFile: string): Holder | undefined {
  try {
    const parsed = JSON.parse(readFileSync(lockFile, 'utf8')) as Partial<Holder>;
    return typeof parsed.pid === 'number' && typeof parsed.host === 'string'
      ? { pid: parsed.pid, host: parsed.host }
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Runs `work` while holding the lock beside `target` (the parent folder must exist), so that two
 * writers of one output folder — two `nx build`s of one connector, two expands — take turns instead
 * of removing each other's staging folders. The lock is a file created exclusively (`wx`) holding
 * the writer's pid and host; a lock left by a process of this host that is gone (a killed build) is
 * taken over. A live holder is waited for, synchronously (builds are synchronous work), up to
 * `waitMs`. Locks never nest here: a writer holds one folder's lock at a time.
 */
export function withFolderLock<T>(target: string, work: () => T, options: FolderLockOptions = {}): T {
  const lockFile = join(dirname(target), lockFileName(target));
  const deadline = Date.now() + (options.waitMs ?? 120_000);
  const me = JSON.stringify({ pid: process.pid, host: hostname() });
  for (let pause = 5; ; pause = Math.min(pause * 2, 200)) {
    let fd: number | undefined;
    try {
      fd = openSync(lockFile, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (fd !== undefined) {
      try {
        writeSync(fd, me);
      } finally {
        closeSync(fd);
      }
      break;
    }
    const holder = readHolder(lockFile);
    if (isStale(holder, lockFile)) {
      // Moved aside under a unique name first: of two writers that both saw it stale, one moves it.
      // If what was moved is a fresh lock that writer made meanwhile, it goes back.
      const aside = `${lockFile}.stale-${randomBytes(4).toString('hex')}`;
      try {
        renameSync(lockFile, aside);
        const moved = readHolder(aside);
        if (moved && holder && moved.pid !== holder.pid) linkSync(aside, lockFile);
      } catch {
        // the other writer took it over; try again
      }
      rmSync(aside, { force: true });
      continue;
    }
    if (Date.now() >= deadline)
      throw new FolderLockedError(
        target,
        lockFile,
        holder ? `process ${holder.pid} on ${holder.host}` : 'a process that is starting',
      );
    sleep(pause);
  }
  try {
    return work();
  } finally {
    if (readHolder(lockFile)?.pid === process.pid) rmSync(lockFile, { force: true });
  }
}
