import { SECRET_FLAGS } from './flags';

/** What a redacted value is replaced by. */
export const REDACTED = '***';

/**
 * Anything that looks like a JWT (or the start of one: sesam-py's debug log prints the first ten
 * characters of the token): base64url JSON objects start with `eyJ`.
 */
const JWT_PATTERN = /eyJ[A-Za-z0-9_-]{4,}(?:\.[A-Za-z0-9_-]*){0,2}/g;

/**
 * Prefixes of a secret this long or longer are secrets too: sesam prints the start of a token
 * ("token starts s3cretToke"). Shorter prefixes are ordinary text.
 */
const MIN_PREFIX_LENGTH = 4;

/** What a printed token is made of: text between spaces, quotes and the separators around values. */
const TOKEN = /[^\s'"`=:,;()[\]{}<>]+/g;

export type Redactor = (text: string) => string;

/**
 * A function that replaces every known secret value, and every JWT-looking token, by `***`:
 * - a secret (of 4 or more characters) wherever it occurs, longer ones first so that a secret
 *   containing another is removed whole;
 * - a printed token (see TOKEN) that is a whole secret of any length, or a prefix of one of 4 or
 *   more characters (or trailed by `…`/`...`, as truncating logs print it).
 */
export const createRedactor = (secrets: Iterable<string | undefined>): Redactor => {
  const values = [...new Set([...secrets].filter((s): s is string => typeof s === 'string'))]
    .flatMap((s) => [s, s.trim()])
    .filter((s) => s.length > 0)
    .sort((a, b) => b.length - a.length);
  const anywhere = values.filter((s) => s.length >= MIN_PREFIX_LENGTH);
  const isSecretStart = (token: string): boolean =>
    values.some((s) => s.startsWith(token) && token.length >= Math.min(MIN_PREFIX_LENGTH, s.length));
  return (text) => {
    let out = text;
    for (const secret of anywhere) out = out.split(secret).join(REDACTED);
    out = out.replace(TOKEN, (token) => {
      const bare = token.replace(/(?:\.\.\.|…)$/, '');
      return isSecretStart(token) || (bare !== token && isSecretStart(bare)) ? REDACTED : token;
    });
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
