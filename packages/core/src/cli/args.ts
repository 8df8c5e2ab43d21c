/** A command-line option: `--name value`, `--name=value`, an alias such as `-e value`, or a flag. */
export interface OptionSpec {
  /** The key in the parsed result (also the long name, `--<name>`). */
  readonly name: string;
  readonly aliases?: readonly string[];
  /** False for flags such as `--dry-run`. */
  readonly takesValue: boolean;
}

export interface ParsedArgs {
  readonly positionals: readonly string[];
  readonly options: ReadonlyMap<string, string | true>;
}

/** A mistake in how the command was called (exit code 2). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Parses argv against the command's options; unknown options and missing values are usage errors. */
export function parseArgs(
  argv: readonly string[],
  specs: readonly OptionSpec[],
  command: string,
): ParsedArgs {
  const positionals: string[] = [];
  const options = new Map<string, string | true>();
  const find = (flag: string) =>
    specs.find((spec) => `--${spec.name}` === flag || spec.aliases?.includes(flag));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const spec = find(flag);
    if (!spec)
      throw new UsageError(`unknown option ${flag} for ${command} (see sesam-connectors ${command} --help)`);
    if (!spec.takesValue) {
      if (eq > 0) throw new UsageError(`option ${flag} takes no value`);
      options.set(spec.name, true);
      continue;
    }
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined) throw new UsageError(`option ${flag} needs a value`);
    options.set(spec.name, value);
  }
  return { positionals, options };
}

/** The string value of an option, or the default. */
export const stringOption = (args: ParsedArgs, name: string, fallback: string): string => {
  const value = args.options.get(name);
  return typeof value === 'string' ? value : fallback;
};
