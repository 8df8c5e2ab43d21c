import { statSync } from 'node:fs';
import * as path from 'node:path';
import { fileNamePartProblem } from '../lib/expand';
import { UsageError, type ParsedArgs } from './args';

/** The connector folder: the one positional argument, or sesam-py's `-d`, or the working folder. */
export function connectorDir(args: ParsedArgs, cwd: string): string {
  const fromFlag = args.options.get('dir');
  if (args.positionals.length > 1)
    throw new UsageError(`expected at most one connector folder, got ${args.positionals.join(' ')}`);
  if (args.positionals.length === 1 && typeof fromFlag === 'string')
    throw new UsageError('give the connector folder either as an argument or with -d, not both');
  const given = args.positionals[0] ?? (typeof fromFlag === 'string' ? fromFlag : '.');
  const dir = path.resolve(cwd, given);
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    // reported below
  }
  if (!isDir) throw new UsageError(`no such folder: ${given}`);
  return dir;
}

/** Checks a value that becomes part of a file name (placeholder, profile). */
export function fileNamePart(value: string, option: '--profile' | '--system-placeholder'): string {
  const problem = fileNamePartProblem(value, option === '--profile' ? 'profile' : 'placeholder');
  if (problem !== undefined) throw new UsageError(`${option} ${problem}`);
  return value;
}
