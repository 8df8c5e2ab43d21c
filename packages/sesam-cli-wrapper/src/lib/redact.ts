import { SECRET_FLAGS } from './flags';

/** What a redacted value is replaced by. */
export const REDACTED = '***';

/**
 * Anything that looks like a JWT (or the start of one: sesam-py's debug log prints the first ten
 * characters of the token): base64url JSON objects start with `eyJ`.
 */
const JWT_PATTERN = /eyJ[A-Za-z0-9_-]{4,}(?:\.[A-Za-z0-9_-]*){0,2}/g;

/** Secrets shorter than this are not searched for (they would mangle ordinary output). */
const MIN_SECRET_LENGTH = 4;

export type Redactor = (text: string) => string;

/**
 * A function that replaces every known secret value and every JWT-looking token by `***`.
 * Longer secrets are replaced first so that a secret containing another is removed whole.
 */
export const createRedactor = (secrets: Iterable<string | undefined>): Redactor => {
  const values = [...new Set([...secrets].filter((s): s is string => typeof s === 'string'))]
    .flatMap((s) => [s, s.trim()])
    .filter((s) => s.length >= MIN_SECRET_LENGTH)
    .sort((a, b) => b.length - a.length);
  return (text) => {
    let out = text;
    for (const secret of values) out = out.split(secret).join(REDACTED);
    return out.replace(JWT_PATTERN, REDACTED);
  };
};

/**
 * The secret values inside raw sesam arguments: the argument after a secret flag (`-jwt X`,
 * `--client_secret X`) and the value of the `=` form (`--client_secret=X`).
 */
export const secretsInArgs = (args: readonly string[]): string[] => {
  const found: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const eq = arg.indexOf('=');
    if (eq > 0 && SECRET_FLAGS.has(arg.slice(0, eq))) found.push(arg.slice(eq + 1));
    else if (SECRET_FLAGS.has(arg) && i + 1 < args.length) found.push(args[i + 1]!);
  }
  return found;
};
