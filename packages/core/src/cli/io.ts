import { colourEnabled } from './colour';

/** Where a command writes and what it runs in; the bin passes the process's, tests a recorder. */
export interface CliIo {
  readonly cwd: string;
  stdout(line: string): void;
  stderr(line: string): void;
  /** Whether each stream gets colour (cli/colour.ts); none when absent. */
  readonly colour?: { readonly stdout: boolean; readonly stderr: boolean };
}

/** The process's own streams, coloured by the rules of `colourEnabled`. */
export function processIo(process: NodeJS.Process): CliIo {
  return {
    cwd: process.cwd(),
    stdout: (line) => process.stdout.write(`${line}\n`),
    stderr: (line) => process.stderr.write(`${line}\n`),
    colour: {
      stdout: colourEnabled(process.stdout, process.env),
      stderr: colourEnabled(process.stderr, process.env),
    },
  };
}
