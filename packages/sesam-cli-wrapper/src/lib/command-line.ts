import { REDACTED, type Redactor } from './redact';
import { SECRET_FLAGS } from './flags';

/**
 * The command line shown in logs and errors: POSIX-shell quoted where needed (for reading and
 * copying; the process itself is started without a shell), every secret flag value replaced by
 * `***` and the rest passed through the redactor.
 */
export const formatCommandLine = (binary: string, args: readonly string[], redact: Redactor): string =>
  [binary, ...maskSecretFlagValues(args)].map((arg) => quoteForDisplay(redact(arg))).join(' ');

const maskSecretFlagValues = (args: readonly string[]): string[] =>
  args.map((arg, i) => {
    if (i > 0 && SECRET_FLAGS.has(args[i - 1]!)) return REDACTED;
    const eq = arg.indexOf('=');
    if (eq > 0 && SECRET_FLAGS.has(arg.slice(0, eq))) return `${arg.slice(0, eq)}=${REDACTED}`;
    return arg;
  });

export const quoteForDisplay = (arg: string): string =>
  arg !== '' && /^[A-Za-z0-9_\-+=.,/:@%*]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
