import { VALUE_FLAGS } from './flags';

/**
 * The sesam command in raw arguments (`['-vv', '-profile', 'prod', 'download']` → `download`):
 * the first argument that is neither a flag nor the value of a flag that takes one.
 */
export const commandWordOf = (args: readonly string[]): string | undefined =>
  args.find((arg, i) => !arg.startsWith('-') && !(i > 0 && VALUE_FLAGS.has(args[i - 1]!)));

/** The value of a flag in raw arguments, in either the `-flag value` or the `-flag=value` form. */
export const flagValueOf = (args: readonly string[], flag: string): string | undefined => {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === flag) return args[i + 1];
    if (arg.startsWith(`${flag}=`)) return arg.slice(flag.length + 1);
  }
  return undefined;
};
