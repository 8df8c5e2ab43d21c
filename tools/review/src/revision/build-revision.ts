import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { ConnectorBuild, RevisionBuild } from '../compare/types';
import type { Builder } from '../../../shared/src/builder';
import {
  CONNECTOR_OUTPUT_DIR,
  EXPANDED_DIR,
  MANIFEST_FILE,
  connectorProjectName,
  skipExpanded,
} from '@sesam-connectors/core/layout';
import { listConnectors, outputDir, readTextTree } from '../../../shared/src/connectors';
import { failedTasks, logTail, taskError, taskOutputs } from '../workspace/task-log';
import type { Checkout } from './checkout';

export interface BuildRevisionOptions {
  builder: Builder;
  expand: boolean;
  env: NodeJS.ProcessEnv;
  signal?: AbortSignal;
  progress: (message: string) => void;
}

/**
 * Builds every connector of a checkout and reads what the build wrote. The committed outputs are
 * deleted first, so every connector's files come from this build: a connector without output
 * afterwards failed, and its error is its task's part of the log.
 */
export const buildRevision = async (
  checkout: Checkout,
  options: BuildRevisionOptions,
): Promise<RevisionBuild> => {
  const systems = listConnectors(checkout.dir);
  const revision: RevisionBuild = {
    ref: checkout.ref,
    commit: checkout.commit,
    connectors: {},
    notes: checkout.notes,
  };
  if (systems.length === 0) {
    options.progress('no connectors at this revision');
    return revision;
  }
  for (const system of systems) rmSync(outputDir(checkout.dir, system), { recursive: true, force: true });
  options.progress(
    `building ${systems.length} connector${systems.length === 1 ? '' : 's'}${options.expand ? ', then expanding' : ''}`,
  );
  const { code, log } = await options.builder({
    root: checkout.dir,
    expand: options.expand,
    env: options.env,
    signal: options.signal,
  });
  // Paths inside the temporary checkout read better (and stay the same between runs) relative to it.
  const readable = log.split(`${checkout.dir}/`).join('');
  const run: BuildLog = { log: readable, code, tasks: taskOutputs(readable), failed: failedTasks(readable) };
  for (const system of systems)
    revision.connectors[system] = readConnector(checkout.dir, system, options.expand, run);
  const failed = systems.filter((s) => revision.connectors[s].buildError !== undefined);
  options.progress(
    `${systems.length - failed.length} built` +
      (failed.length ? `, ${failed.length} failed (${failed.join(', ')})` : ''),
  );
  return revision;
};

interface BuildLog {
  log: string;
  code: number;
  tasks: Map<string, string>;
  failed: Set<string>;
}

const readConnector = (root: string, system: string, expand: boolean, run: BuildLog): ConnectorBuild => {
  const project = connectorProjectName(system);
  const dir = outputDir(root, system);
  const files = readTextTree(dir, skipExpanded);
  if (!(MANIFEST_FILE in files))
    return {
      system,
      buildError: stepError(run, `${project}:build`, `${CONNECTOR_OUTPUT_DIR}/${MANIFEST_FILE}`),
    };
  const build: ConnectorBuild = { system, files };
  if (expand) {
    const expanded = readTextTree(join(dir, EXPANDED_DIR));
    if (Object.keys(expanded).length) build.expanded = expanded;
    else build.expandError = stepError(run, `${project}:expand`, `${CONNECTOR_OUTPUT_DIR}/${EXPANDED_DIR}`);
  }
  return build;
};

/** Why a task left no output: its own log when it failed (or Nx failed around it), else that it wrote nothing. */
const stepError = (run: BuildLog, task: string, expected: string): string => {
  if (run.failed.has(task) || (run.code !== 0 && !run.tasks.has(task))) return taskError(run.log, task);
  const own = run.tasks.get(task);
  if (own === undefined)
    return `${task} did not run (does this revision define it?)\n${logTail(run.log, 10)}`;
  return `${task} reported success but wrote no ${expected}` + (own.trim() ? `\n${own}` : '');
};
