#!/usr/bin/env node
// Runs every project's Jest suite and TypeScript type check through Nx and ends with one plain line: "N passed, N failed".
// Extra arguments go to `nx run-many` (e.g. --skip-nx-cache, --projects=core).
// Each Jest run writes <package>/.test-results/summary.json (tools/jest/summary-reporter.cjs); that
// folder is an output of the `test` target, so a cache hit restores the counts of the run it replays.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const started = Date.now() - 1000;
// Connector projects get a `test` target that runs `sesam test` against a Sesam node (sesam-cli-wrapper);
// the unit-test run leaves them out.
const args = [
  'nx', 'run-many', '-t', 'test', 'typecheck', '--exclude=tag:type:connector', '--output-style=static',
  ...process.argv.slice(2),
];
const result = spawnSync('npx', args, { stdio: 'inherit', cwd: root });

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of summaryFiles(root)) { // packages/* and tools
  if (statSync(file).mtimeMs < started) continue; // from an earlier run, not this one
  const s = JSON.parse(readFileSync(file, 'utf8'));
  passed += s.passed;
  failed += s.failed;
  skipped += s.skipped;
}
const code = result.status ?? 1;
if (code !== 0 && failed === 0) failed = 1; // a runner that crashed before reporting counts as a failure
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(code);

function* summaryFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const file = join(dir, entry.name, '.test-results', 'summary.json');
    if (existsSync(file)) yield file;
    else yield* summaryFiles(join(dir, entry.name));
  }
}
