import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { readSource } from '../../packages/core/src/generators/import/lib/read-source';
import { planAdoptedImport } from '../../packages/core/src/generators/import/lib/plan-adoption';
import { loadTemplatePack } from '../../packages/core/src/lib/render';
import { toJsonText, parseJson } from '../../packages/core/src/lib/json';
const C = '/work/shared/corpus';
const all = readdirSync(C).sort();
const repos: Record<string, string[]> = {};
for (const f of all) (repos[f.split('@')[0]!] ??= []).push(f);
const pick = Object.values(repos).map((v) => v.find((f) => f.endsWith('@main')) ?? v.find((f) => f.endsWith('@playground')) ?? v[0]!);
const which = process.argv[2] === 'all' ? all : pick;
const pack = loadTemplatePack();
const t0 = Date.now();
let n = 0, raw = 0, zero = 0, authored = 0, sourceBytes = 0, failed = 0, verb = 0;
const min = (t: string) => { try { return toJsonText(parseJson(t), { compact: true }).length; } catch { return t.length; } };
for (const f of which) {
  const dir = join(C, f);
  if (!existsSync(join(dir, 'manifest.json'))) continue;
  const source = readSource(dir, f);
  const plan = planAdoptedImport(source, 'x', pack);
  if (!plan.ok) { failed++; console.log('FAIL', f, plan.problems[0]); continue; }
  const sb = min(source.manifestText) + [...source.files.values()].reduce((s, t) => s + min(t), 0);
  const ab = toJsonText(plan.package.config, { compact: true }).length + [...plan.package.rawFiles.values()].reduce((s, t) => s + min(t), 0);
  if (process.argv[3] === 'ratio') console.log('RATIO', f, sb, ab, (ab / sb).toFixed(2));
  sourceBytes += min(source.manifestText) + [...source.files.values()].reduce((s, t) => s + min(t), 0);
  authored += toJsonText(plan.package.config, { compact: true }).length + [...plan.package.rawFiles.values()].reduce((s, t) => s + min(t), 0);
  if (!plan.adoption) { verb++; console.log('VERBATIM', f); n += source.datatypes.length; raw += source.datatypes.length; continue; }
  const by = new Map(plan.adoption.datatypes.map((d) => [d.name, d]));
  for (const d of plan.adoption.datatypes) {
    n++;
    if (d.kind === 'raw') { raw++; if (process.argv[3] === 'raw') console.log('RAW', f, d.name, d.reason.slice(0, 200)); }
    const o = d.kind === 'reuse' ? by.get(d.reuse)! : d;
    if (o.kind === 'pattern' && o.patches.size === 0) zero++;
  }
}
console.log({ folders: which.length, n, raw, zero, failed, verb, ratio: (authored / sourceBytes).toFixed(3), ms: Date.now() - t0 });
