import { formatJsonPath } from '../json';

/** A path into connector.json: object keys and array indexes. */
export type ConfigPath = readonly (string | number)[];

/** One thing wrong with a connector.json, at a JSON path (empty path = the whole file). */
export interface ConfigProblem {
  readonly path: ConfigPath;
  readonly message: string;
}

/** What the checks found: errors stop the build; warnings are reported and the build goes on. */
export interface ConfigFindings {
  readonly errors: ConfigProblem[];
  readonly warnings: ConfigProblem[];
}

/**
 * The dotted form of a JSON path: `datatypes.order.pattern`, `options.topics[1]`, and for keys
 * that are not identifiers `datatypes["order-line"]` (so a bad name stands out).
 */
export const dottedPath = (path: ConfigPath): string => formatJsonPath(path);

/** `<file>: <dotted.path>: <reason>` (or `<file>: <reason>` for the whole file). */
export const formatProblem = (file: string, problem: ConfigProblem): string =>
  problem.path.length === 0
    ? `${file}: ${problem.message}`
    : `${file}: ${dottedPath(problem.path)}: ${problem.message}`;

/** connector.json is not valid; `message` has one `<file>: <path>: <reason>` line per problem. */
export class ConnectorConfigError extends Error {
  override readonly name = 'ConnectorConfigError';
  constructor(
    /** The file as shown in messages (workspace-relative when possible). */
    readonly file: string,
    readonly problems: readonly ConfigProblem[],
  ) {
    super(problems.map((problem) => formatProblem(file, problem)).join('\n'));
  }
}
