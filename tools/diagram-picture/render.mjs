#!/usr/bin/env node
// Draws a connector's Mermaid diagram as a person sees it: `sesam-connectors diagram` gives the
// flowchart, Mermaid itself (node_modules/mermaid) lays it out in a headless Chromium (Debian's
// `chromium` package; CHROMIUM=<path> for another), and the result is written as SVG and PNG.
//
//   npm run diagram:picture -- <connector dir> [--datatype d] [--out file-stem]
//
// Not a test: it needs a browser, which CI does not install. Exit 2 on wrong usage, 1 on failure.
import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';

const root = join(import.meta.dirname, '..', '..');
const usage = 'Usage: npm run diagram:picture -- <connector dir> [--datatype d] [--out file-stem]';

let args;
try {
  args = parseArgs({
    allowPositionals: true,
    options: { datatype: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
} catch (error) {
  console.error(`diagram:picture: ${error.message}\n${usage}`);
  process.exit(2);
}
if (args.values.help) {
  console.log(usage);
  process.exit(0);
}
if (args.positionals.length !== 1) {
  console.error(`diagram:picture: give one connector folder\n${usage}`);
  process.exit(2);
}

const dir = resolve(args.positionals[0]);
const stem = resolve(args.values.out ?? join('tmp', 'diagram', args.values.datatype ?? 'overview'));
const cli = join(root, 'packages/core/bin/sesam-connectors.js');
const diagram = spawnSync(
  process.execPath,
  [cli, 'diagram', dir, ...(args.values.datatype ? ['--datatype', args.values.datatype] : [])],
  { encoding: 'utf8' },
);
if (diagram.status !== 0) {
  process.stderr.write(diagram.stderr);
  process.exit(diagram.status ?? 1);
}

const browser = process.env.CHROMIUM ?? findBrowser();
if (browser === undefined) {
  console.error('diagram:picture: no chromium found: apt-get install chromium, or set CHROMIUM=<path>');
  process.exit(1);
}

const mermaid = pathToFileURL(join(root, 'node_modules/mermaid/dist/mermaid.min.js')).href;
const escaped = diagram.stdout.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const page = `<!doctype html><meta charset="utf-8"><body style="margin:0;background:#fff">
<pre class="mermaid">${escaped}</pre>
<script src="${mermaid}"></script>
<script>mermaid.initialize({ startOnLoad: true, securityLevel: 'strict', flowchart: { useMaxWidth: false } });</script>`;

const work = mkdtempSync(join(tmpdir(), 'diagram-picture-'));
try {
  const html = join(work, 'diagram.html');
  writeFileSync(html, page);
  const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--virtual-time-budget=15000', '--allow-file-access-from-files'];
  const dom = execFileSync(browser, [...flags, '--dump-dom', pathToFileURL(html).href], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const svg = /<svg[\s\S]*<\/svg>/.exec(dom)?.[0];
  if (svg === undefined || !svg.includes('class="node')) {
    console.error('diagram:picture: Mermaid drew nothing (is node_modules/mermaid installed?)');
    process.exit(1);
  }
  mkdirSync(dirname(stem), { recursive: true });
  writeFileSync(`${stem}.svg`, `<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`);
  const width = Number(/viewBox="[-\d.]+ [-\d.]+ ([\d.]+)/.exec(svg)?.[1] ?? 1600);
  const height = Number(/viewBox="[-\d.]+ [-\d.]+ [\d.]+ ([\d.]+)/.exec(svg)?.[1] ?? 1200);
  const size = `--window-size=${Math.ceil(width) + 16},${Math.ceil(height) + 16}`;
  execFileSync(browser, [...flags, size, `--screenshot=${stem}.png`, pathToFileURL(html).href], {
    stdio: 'ignore',
  });
  console.log(`diagram:picture: wrote ${stem}.svg and ${stem}.png (${Math.ceil(width)}×${Math.ceil(height)})`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

function findBrowser() {
  for (const folder of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
      try {
        accessSync(join(folder, name), constants.X_OK);
        return join(folder, name);
      } catch {
        // not in this folder
      }
    }
  }
  return undefined;
}
