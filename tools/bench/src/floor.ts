import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { listFiles } from '@sesam-connectors/core/fs';
import type { JsonModule } from './engine-modules';

/**
 * The raw-I/O floor: the least work any build (or expand) of a connector does, without templating:
 * read and parse its input files, then parse and write the same output files the engine wrote
 * (their text is read beforehand, untimed) as plain files into a fresh folder.
 */
export interface FloorJob {
  /** Input files read and parsed (connector.json; or manifest.json and templates/*.json). */
  inputs: string[];
  /** The folder written (removed first, like an output folder). */
  outDir: string;
  /** Output files relative to outDir, with their text. */
  outputs: { path: string; text: string }[];
}

/** A floor job for the files now in `sourceDir` (read here, outside the timing). */
export function floorJob(
  inputs: string[],
  sourceDir: string,
  outDir: string,
  skip?: (path: string) => boolean,
): FloorJob {
  const outputs = listFiles(sourceDir, skip).map((path) => ({
    path,
    text: readFileSync(join(sourceDir, path), 'utf8'),
  }));
  return { inputs, outDir, outputs };
}

/** Runs one floor job; returns the bytes written. Files that are not JSON are written unparsed. */
export function runFloorJob(json: JsonModule, job: FloorJob): number {
  for (const input of job.inputs) json.parseJson(readFileSync(input, 'utf8'));
  rmSync(job.outDir, { recursive: true, force: true });
  let bytes = 0;
  for (const output of job.outputs) {
    if (output.path.endsWith('.json')) json.parseJson(output.text);
    const file = join(job.outDir, output.path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, output.text);
    bytes += Buffer.byteLength(output.text);
  }
  return bytes;
}
