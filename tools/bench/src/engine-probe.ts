/**
 * Child-process entry: measures the engine in-process (no Nx) on a synthetic workspace. Run as
 * `node -r @swc-node/register engine-probe.ts '<ProbeRequest JSON>'`; prints one ProbeResult JSON
 * line. A process of its own per measurement, so that its peak RSS is the engine's alone.
 *
 * The harness starts one per run and mode, so engine and floor passes alternate (engine, floor,
 * engine, floor…) and the machine's changing load hits both alike.
 */
import { appendFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { listFiles } from '@sesam-connectors/core/fs';
import { CONNECTOR_OUTPUT_DIR, EXPANDED_DIR, skipExpanded } from '@sesam-connectors/core/layout';
import { loadEngine, type EngineModules } from './engine-modules';
import { floorJob, runFloorJob, type FloorJob } from './floor';
import { flushWrites } from './flush';

/**
 * What one probe process times, once each (every pass is the first of its process, so per-process
 * caches — compiled templates, the compiled schema — start cold as in one Nx run):
 * - `build`: buildConnector over every connector as the build executor runs it, with the
 *   workspace's store of passed validations (the Nx runs before filled it, so rendered files that
 *   did not change are not validated again);
 * - `build-revalidated`: the same without that store: every connector is validated (what a build
 *   with `--skip-nx-cache`, or of files no build validated before, costs);
 * - `build-unvalidated`: the same with `validate: false` (render and write only);
 * - `build-rewrite`: the build after every output file was changed (untimed), so that it writes
 *   every file again, and without the store, so that it validates every connector — a pack change
 *   that changes every output; the other build passes find the outputs of the Nx runs, which are
 *   already what they render, and write nothing;
 * - `expand-rewrite`: the same for expand (every file of every `.expanded` changed first);
 * - `expand`: what the expand executor runs, over every connector;
 * then, unless `floor` is false, the raw-I/O floor of the files that pass wrote.
 */
export type ProbeMode =
  'build' | 'build-revalidated' | 'build-unvalidated' | 'build-rewrite' | 'expand' | 'expand-rewrite';

/** How a build pass validates: with the workspace's store (as the executor), always, or not at all. */
type Validation = 'store' | 'always' | 'none';

const VALIDATION: Record<Exclude<ProbeMode, 'expand' | 'expand-rewrite'>, Validation> = {
  build: 'store',
  'build-revalidated': 'always',
  'build-unvalidated': 'none',
  'build-rewrite': 'always',
};

export interface ProbeRequest {
  mode: ProbeMode;
  /** Workspace root. */
  workspace: string;
  /** Workspace-relative connector package folders. */
  connectorRoots: string[];
  /** Roots whose build does not validate (their project.json turns it off), as the executor would. */
  unvalidatedRoots?: string[];
  /** The validator rules each root's project.json accepts (the build's acceptedRules). */
  acceptedRules?: { [root: string]: string[] };
  /** Folder for the floor's output (outside the workspace). */
  scratch: string;
  /** Also time the floor after the engine pass (default true). */
  floor?: boolean;
}

export interface PassFigures {
  /** Wall time of the pass over every connector. */
  ms: number;
  /** CPU time (user + system) of this process during the pass, all its threads (Node's I/O threads too). */
  cpuMs: number;
  /** Files and bytes the pass writes. */
  files: number;
  bytes: number;
}

export interface ProbeResult {
  mode: ProbeMode;
  /** Requiring the engine (TypeScript compile included). */
  loadMs: number;
  engine: PassFigures;
  floor?: PassFigures;
  /** Peak resident set size of this process, bytes. */
  maxRssBytes: number;
}

const now = (): number => Number(process.hrtime.bigint()) / 1e6;

type Pass = () => Promise<{ files: number; bytes: number }>;

function buildPass(engine: EngineModules, request: ProbeRequest, validation: Validation): Pass {
  const pack = engine.engine.loadTemplatePack(join(request.workspace, 'packages/template-pack'));
  const validationStore =
    validation === 'store' ? engine.executors.workspaceValidationStore(request.workspace) : undefined;
  return async () => {
    let files = 0;
    let bytes = 0;
    for (const root of request.connectorRoots) {
      const result = engine.engine.buildConnector(join(request.workspace, root), {
        pack,
        displayRoot: request.workspace,
        validate: validation !== 'none' && !request.unvalidatedRoots?.includes(root),
        acceptedRules: request.acceptedRules?.[root] ?? [],
        ...(validationStore === undefined ? {} : { validationStore }),
      });
      files += result.files.length;
      bytes += result.files.reduce((sum, file) => sum + statSync(join(result.outputDir, file)).size, 0);
    }
    return { files, bytes };
  };
}

function expandPass(engine: EngineModules, request: ProbeRequest): Pass {
  return async () => {
    let files = 0;
    let bytes = 0;
    for (const root of request.connectorRoots) {
      // What the expand executor does with its default options.
      const run = engine.engine.expandToFolder(join(request.workspace, root, CONNECTOR_OUTPUT_DIR), {
        outDir: EXPANDED_DIR,
        profile: engine.engine.DEFAULT_PROFILE,
        systemPlaceholder: engine.engine.DEFAULT_SYSTEM_PLACEHOLDER,
        compat: false,
      });
      if (!run.written) {
        const problems = run.findings.map((finding) => engine.engine.formatFindingLine(finding)).join('\n');
        throw new Error(`${root}: expand wrote nothing:\n${problems}`);
      }
      files += run.result.files.size;
      for (const text of run.result.files.values()) bytes += Buffer.byteLength(text);
    }
    return { files, bytes };
  };
}

/** The floor of `kind` for the outputs now on disk (prepared here, untimed). */
function floorPass(engine: EngineModules, request: ProbeRequest, kind: 'build' | 'expand'): Pass {
  const jobs: FloorJob[] = request.connectorRoots.map((root) => {
    const connectorDir = join(request.workspace, root, CONNECTOR_OUTPUT_DIR);
    const outDir = join(request.scratch, kind, basename(root));
    if (kind === 'build') {
      return floorJob([join(request.workspace, root, 'connector.json')], connectorDir, outDir, skipExpanded);
    }
    const inputs = listFiles(connectorDir, skipExpanded).map((path) => join(connectorDir, path));
    return floorJob(inputs, join(connectorDir, EXPANDED_DIR), outDir);
  });
  return async () => {
    let bytes = 0;
    for (const job of jobs) bytes += runFloorJob(engine.json, job);
    return { files: jobs.reduce((n, job) => n + job.outputs.length, 0), bytes };
  };
}

/**
 * Appends a newline to every file of every connector's output (`connector/`, or its `.expanded` for
 * expand), so that no output file is up to date and the pass writes every file.
 */
function changeEveryOutput(request: ProbeRequest, kind: 'build' | 'expand'): void {
  for (const root of request.connectorRoots) {
    const connectorDir = join(request.workspace, root, CONNECTOR_OUTPUT_DIR);
    const dir = kind === 'build' ? connectorDir : join(connectorDir, EXPANDED_DIR);
    for (const file of listFiles(dir, skipExpanded)) appendFileSync(join(dir, file), '\n');
  }
}

async function timed(pass: Pass): Promise<PassFigures> {
  flushWrites();
  const start = now();
  const cpu = process.cpuUsage();
  const written = await pass();
  const used = process.cpuUsage(cpu);
  return { ms: now() - start, cpuMs: (used.user + used.system) / 1000, ...written };
}

export async function runProbe(request: ProbeRequest): Promise<ProbeResult> {
  const loadStart = now();
  const engine = loadEngine(request.workspace);
  const loadMs = now() - loadStart;
  const kind = request.mode.startsWith('expand') ? 'expand' : 'build';
  if (request.mode.endsWith('-rewrite')) changeEveryOutput(request, kind);
  const pass =
    kind === 'expand'
      ? expandPass(engine, request)
      : buildPass(engine, request, VALIDATION[request.mode as keyof typeof VALIDATION]);
  const engineFigures = await timed(pass);
  const floor = request.floor === false ? undefined : await timed(floorPass(engine, request, kind));
  return {
    mode: request.mode,
    loadMs,
    engine: engineFigures,
    ...(floor ? { floor } : {}),
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
  };
}

if (require.main === module) {
  const request = JSON.parse(process.argv[2] ?? '{}') as ProbeRequest;
  process.chdir(request.workspace);
  runProbe(request).then(
    (result) => process.stdout.write(`${JSON.stringify(result)}\n`),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
