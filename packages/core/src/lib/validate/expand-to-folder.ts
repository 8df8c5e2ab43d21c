import * as path from 'node:path';
import {
  assertSafeOutputDir,
  diskSource,
  expandConnector,
  writeExpanded,
  type ExpandResult,
} from '../expand';
import { MANIFEST_FILE } from '../layout';
import { viewExpansion } from './connector-view';
import type { Finding } from './finding';
import { checkLeakedParameters, checkUndefinedVariables } from './rules/strict-variables';
import type { ValidateOptions } from './validate';

export interface ExpandToFolderOptions extends ValidateOptions {
  /** The output folder (relative paths are resolved against the connector folder, as sesam-py does). */
  readonly outDir: string;
  /** Build everything and report, but write nothing. */
  readonly dryRun?: boolean;
}

export interface ExpandToFolderResult {
  readonly result: ExpandResult;
  /** Expand-time findings: undefined variables (errors, or warnings in compat mode) and leaked parameters. */
  readonly findings: readonly Finding[];
  /** The absolute output folder. */
  readonly outDir: string;
  /** Whether the folder was written (not on a dry run, nor when a finding is an error). */
  readonly written: boolean;
}

/**
 * `expand` as the CLI and the executor run it: expand in memory (throws `ExpandError`), check the
 * expand-time variables, and — unless a finding is an error (an undefined variable outside compat
 * mode) or this is a dry run — write the folder atomically. In compat mode the output is exactly
 * sesam-py's; by default it is the same bytes, but only written when no variable was undefined.
 */
export function expandToFolder(connectorDir: string, options: ExpandToFolderOptions): ExpandToFolderResult {
  const source = diskSource(connectorDir);
  const outDir = path.resolve(connectorDir, options.outDir);
  const result = expandConnector(source, options);
  const sources = result.components.filter((c) => c.origin.kind !== 'shim').map((c) => c.origin.file);
  assertSafeOutputDir(connectorDir, options.outDir, [MANIFEST_FILE, ...sources]);
  const view = viewExpansion(source, result);
  const findings = [...checkUndefinedVariables(view), ...checkLeakedParameters(view)].map((f) =>
    options.compat && f.severity === 'error' ? { ...f, severity: 'warning' as const } : f,
  );
  const blocked = findings.some((f) => f.severity === 'error');
  if (!blocked && !options.dryRun) writeExpanded(outDir, result.files);
  return { result, findings, outDir, written: !blocked && !options.dryRun };
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "expanded 12 pipes, 1 system into .expanded" (with another verb for dry runs and refusals). */
export const expandSummary = (result: ExpandResult, shownOutDir: string, verb = 'expanded'): string =>
  `${verb} ${plural(result.pipeCount, 'pipe')}, ${plural(result.systemCount, 'system')} into ${shownOutDir}`;
