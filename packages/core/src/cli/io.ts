/** Where a command writes and what it runs in; the bin passes the process's, tests a recorder. */
export interface CliIo {
  readonly cwd: string;
  stdout(line: string): void;
  stderr(line: string): void;
}
