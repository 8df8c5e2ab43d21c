import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * Where sesam-py takes credentials from, so the wrapper can tell users where it looked and
 * redact what it finds. The wrapper only ever READS these files; it never writes credentials.
 *
 * - `.syncconfig` (NODE, JWT): searched from the working directory upwards (sesam-py 2.11).
 * - `.authconfig` (client_id, client_secret, api_key, …): read by `authenticate` / `upload`.
 * - Environment variables NODE and JWT.
 */
export const SYNC_CONFIG_FILE = '.syncconfig';
export const AUTH_CONFIG_FILE = '.authconfig';

/** Keys (lower-cased) of those files and of the environment whose values are secrets. */
const SECRET_KEYS = new Set([
  'jwt',
  'client_secret',
  'api_key',
  'service_jwt',
  'consumer_token',
  'employee_token',
]);
const SECRET_ENV = ['JWT'];

/** The nearest `fileName` in `startDir` or one of its parents, or undefined. */
export const findUpwards = (startDir: string, fileName: string): string | undefined => {
  let dir = resolve(startDir);
  for (;;) {
    const candidate = join(dir, fileName);
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
};

/**
 * The secret values in a sesam config file's text. sesam-py reads these files as JSON when they
 * parse, else as INI without a section header (`KEY=value` or `KEY: value`, quotes optional).
 */
export const secretsInConfigText = (text: string): string[] => {
  const entries: [string, unknown][] = [];
  try {
    const json: unknown = JSON.parse(text);
    if (json && typeof json === 'object' && !Array.isArray(json)) entries.push(...Object.entries(json));
  } catch {
    for (const line of text.split(/\r?\n/)) {
      const match = /^\s*([^#;=:\s][^=:]*?)\s*[=:]\s*(.*?)\s*$/.exec(line);
      if (match) entries.push([match[1]!, unquote(match[2]!)]);
    }
  }
  return entries
    .filter(([key, value]) => SECRET_KEYS.has(key.toLowerCase()) && typeof value === 'string' && value !== '')
    .map(([, value]) => value as string);
};

const unquote = (value: string): string => {
  const m = /^(["'])(.*)\1$/.exec(value);
  return m ? m[2]! : value;
};

/**
 * Every secret value the sesam process may see when started in `cwd` with `env`: JWT from the
 * environment and the secret keys of the nearest `.syncconfig` (or `syncConfigFile`) and
 * `.authconfig`. Unreadable files are skipped: sesam itself will report them.
 */
export const knownSecrets = (cwd: string, env: NodeJS.ProcessEnv, syncConfigFile?: string): string[] => {
  const files = [
    syncConfigFile ? resolve(cwd, syncConfigFile) : findUpwards(cwd, SYNC_CONFIG_FILE),
    findUpwards(cwd, AUTH_CONFIG_FILE),
  ];
  const fromFiles = files.flatMap((file) => {
    if (!file) return [];
    try {
      return secretsInConfigText(readFileSync(file, 'utf8'));
    } catch {
      return [];
    }
  });
  const fromEnv = SECRET_ENV.map((name) => env[name]).filter((v): v is string => !!v);
  return [...fromEnv, ...fromFiles];
};
