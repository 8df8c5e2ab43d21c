import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const FAKE_SESAM_SOURCE = resolve(__dirname, '../fixtures/fake-sesam.cjs');

export type FakeStep =
  | { out: string }
  | { err: string }
  | { write: string; stream?: 'stdout' | 'stderr' }
  | { sleep: number }
  | { writeFile: string; content: string }
  | { removeFile: string };

export interface FakeSesamScript {
  version?: string;
  steps?: FakeStep[];
  exitCode?: number;
  hang?: boolean;
  ignoreSigterm?: boolean;
}

export interface FakeRecord {
  argv: string[];
  cwd: string;
  env: Record<string, string | null>;
  pid: number;
}

export interface FakeSesam {
  /** Temporary root holding everything below. */
  root: string;
  /** Folder holding the executable `sesam`. */
  binDir: string;
  binary: string;
  /** An empty folder to run in (stands for the built connector folder). */
  workDir: string;
  /** Environment that makes the fake record and play back; PATH holds only binDir. */
  env: NodeJS.ProcessEnv;
  setScript(script: FakeSesamScript): void;
  /** Every invocation so far, in order. */
  records(): FakeRecord[];
  /** Invocations other than `-version`. */
  commandRecords(): FakeRecord[];
  cleanup(): void;
}

/**
 * Copies the fake `sesam` into a fresh temporary folder, with this node as its interpreter (so it
 * runs whatever PATH a test sets).
 */
export const installFakeSesam = (recordEnv: string[] = ['NODE', 'JWT']): FakeSesam => {
  const root = mkdtempSync(join(tmpdir(), 'fake-sesam-'));
  const binDir = join(root, 'bin');
  const workDir = join(root, 'work', 'connector');
  mkdirSync(binDir, { recursive: true });
  mkdirSync(workDir, { recursive: true });
  const binary = writeFakeBinary(binDir);
  const recordFile = join(root, 'record.jsonl');
  const scriptFile = join(root, 'script.json');
  writeFileSync(scriptFile, '{}');
  const records = (): FakeRecord[] =>
    existsSync(recordFile)
      ? readFileSync(recordFile, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line) as FakeRecord)
      : [];
  return {
    root,
    binDir,
    binary,
    workDir,
    env: {
      PATH: binDir,
      FAKE_SESAM_RECORD: recordFile,
      FAKE_SESAM_RECORD_ENV: recordEnv.join(','),
      FAKE_SESAM_SCRIPT: scriptFile,
    },
    setScript: (script) => writeFileSync(scriptFile, JSON.stringify(script)),
    records,
    commandRecords: () => records().filter((r) => !(r.argv.length === 1 && r.argv[0] === '-version')),
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
};

/** Writes an executable fake `sesam` (or `name`) into `dir` and returns its path. */
export const writeFakeBinary = (dir: string, name = 'sesam'): string => {
  const source = readFileSync(FAKE_SESAM_SOURCE, 'utf8').replace(/^#!.*\n/, `#!${process.execPath}\n`);
  const file = join(dir, name);
  writeFileSync(file, source);
  chmodSync(file, 0o755);
  return file;
};

/** Whether a process with this pid still exists (a zombie would count as existing). */
export const processExists = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Collects streamed lines for assertions. */
export const lineCollector = () => {
  const lines: { stream: 'stdout' | 'stderr'; line: string }[] = [];
  return { lines, onLine: (line: string, stream: 'stdout' | 'stderr') => lines.push({ stream, line }) };
};
