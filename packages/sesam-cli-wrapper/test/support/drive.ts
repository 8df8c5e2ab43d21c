import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const PACKAGE_DIR = resolve(__dirname, '../..');
const DRIVER = resolve(__dirname, 'real-execa-driver.ts');

export interface DriverOutput {
  execa: string;
  version?: { text: string };
  lines: [string, string][];
  result?: { exitCode: number; stdout: string; stderr: string; commandLine: string };
  error?: { reason: string; exitCode?: number; signal?: string; message: string };
  unexpected?: string;
}

/**
 * Runs a scenario of real-execa-driver.ts in a plain Node process (where the real execa 9 loads)
 * and returns what it printed.
 */
export const drive = (scenario: string, env: NodeJS.ProcessEnv): DriverOutput => {
  const child = spawnSync(process.execPath, ['-r', '@swc-node/register', DRIVER, scenario], {
    cwd: PACKAGE_DIR,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 180_000,
  });
  const last = child.stdout.trim().split('\n').pop() ?? '';
  if (child.status !== 0 || !last.startsWith('{'))
    throw new Error(`driver failed (${child.status}):\n${child.stdout}\n${child.stderr}`);
  return JSON.parse(last) as DriverOutput;
};
