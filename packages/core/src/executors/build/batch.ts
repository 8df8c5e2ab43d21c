import type { ExecutorContext, Task, TaskGraph, TaskGraphExecutor } from '@nx/devkit';
import { join } from 'node:path';
import { loadTemplatePack, type LoadedTemplatePack } from '../../lib/render';
import type { Log } from '../../lib/log';
import { runBuildTask } from './build-task';
import type { BuildExecutorSchema } from './schema';

/** One task's result as a batch yields it (Nx's BatchExecutorTaskResult; @nx/devkit does not export it). */
type BatchExecutorTaskResult =
  Awaited<ReturnType<TaskGraphExecutor>> extends infer R
    ? R extends AsyncIterableIterator<infer T>
      ? T
      : never
    : never;

/**
 * `build` for many connectors in one process (Nx `batchImplementation`, preferred by default):
 * Nx checks each task against the cache first and hands the misses here, so caching stays per
 * connector. The pack is read once per pack folder and its templates compiled once (the renderer
 * keeps compiled templates per process); each connector is then the same `runBuildTask` as the
 * single-task executor, so outputs are byte-identical. Every task gets its own result and output as
 * it finishes: a connector that fails reports its own message and the others carry on.
 */
export default async function buildBatch(
  taskGraph: TaskGraph,
  inputs: Record<string, BuildExecutorSchema>,
  _overrides: BuildExecutorSchema,
  context: ExecutorContext,
): Promise<AsyncIterableIterator<BatchExecutorTaskResult>> {
  return buildTasks(Object.values(taskGraph.tasks), inputs, context);
}

/**
 * The connectors one after another, each result yielded as soon as it is there. A build is
 * synchronous from start to end (render, validate, write through lib/fs), so builds in one process
 * cannot overlap; asynchronous writes were measured and gained nothing (tools/bench/README.md).
 */
async function* buildTasks(
  tasks: readonly Task[],
  inputs: Record<string, BuildExecutorSchema>,
  context: ExecutorContext,
): AsyncIterableIterator<BatchExecutorTaskResult> {
  const packs = new PackCache(context.root);
  for (const task of tasks) yield buildTask(task, inputs[task.id] ?? {}, context, packs);
}

/** Builds one task's connector; never rejects: whatever goes wrong is that task's failure. */
function buildTask(
  task: Task,
  options: BuildExecutorSchema,
  context: ExecutorContext,
  packs: PackCache,
): BatchExecutorTaskResult {
  const startTime = Date.now();
  const output = new RecordedOutput();
  let success: boolean;
  try {
    const projectRoot =
      task.projectRoot ?? context.projectsConfigurations?.projects[task.target.project]?.root;
    if (projectRoot === undefined) {
      output.error(`build: no project configuration for ${task.target.project}`);
      success = false;
    } else {
      const pack = packs.get(options.packDir);
      ({ success } = runBuildTask(projectRoot, options, { workspaceRoot: context.root, output, pack }));
    }
  } catch (error) {
    // Not a user mistake (those come back as success: false): a bug. Report it on this task only.
    output.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    success = false;
  }
  return {
    task: task.id,
    result: {
      success,
      status: success ? 'success' : 'failure',
      terminalOutput: output.text(),
      startTime,
      endTime: Date.now(),
    },
  };
}

/** What one task printed, in order, as Nx shows it for that task (and stores it in its cache entry). */
class RecordedOutput implements Log {
  private readonly lines: string[] = [];
  info(message: string): void {
    this.lines.push(message);
  }
  warn(message: string): void {
    this.lines.push(message);
  }
  error(message: string): void {
    this.lines.push(message);
  }
  text(): string {
    return this.lines.map((line) => `${line}\n`).join('');
  }
}

/**
 * The pack of each pack folder, loaded on first use. A pack that cannot be loaded is not cached as
 * an error: its tasks then load it themselves and each reports the problem in its own output.
 */
class PackCache {
  private readonly packs = new Map<string, LoadedTemplatePack | undefined>();
  constructor(private readonly workspaceRoot: string) {}

  get(packDir: string | undefined): LoadedTemplatePack | undefined {
    const key = packDir ?? '';
    if (!this.packs.has(key)) {
      let pack: LoadedTemplatePack | undefined;
      try {
        pack = loadTemplatePack(packDir === undefined ? undefined : join(this.workspaceRoot, packDir));
      } catch {
        pack = undefined;
      }
      this.packs.set(key, pack);
    }
    return this.packs.get(key);
  }
}
