import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listFiles } from '@sesam-connectors/core/fs';
import * as json from '@sesam-connectors/core/json';
import { floorJob, runFloorJob } from '../src/floor';

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'bench-floor-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('raw-I/O floor', () => {
  it('writes the same files byte for byte into a fresh folder and counts the bytes', () => {
    const source = tree({ 'manifest.json': '{\n  "a": 1.50\n}', 'templates/x.json': '[\n  "é"\n]' });
    const input = tree({ 'connector.json': '{"system": "x"}' });
    const outDir = join(tree({ 'stale.json': '{}' }), '.');
    const job = floorJob([join(input, 'connector.json')], source, outDir);
    expect(runFloorJob(json, job)).toBe(
      Buffer.byteLength('{\n  "a": 1.50\n}') + Buffer.byteLength('[\n  "é"\n]'),
    );
    expect(listFiles(outDir)).toEqual(['manifest.json', 'templates/x.json']);
    expect(readFileSync(join(outDir, 'templates/x.json'), 'utf8')).toBe('[\n  "é"\n]');
  });

  it('parses the inputs and the JSON outputs, so invalid JSON fails it', () => {
    const source = tree({ 'manifest.json': '{"a": }' });
    const input = tree({ 'connector.json': '{}' });
    expect(() =>
      runFloorJob(json, floorJob([join(input, 'connector.json')], source, join(input, 'out'))),
    ).toThrow(json.JsonParseError);
  });
});
