import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { planDatatypes } from '../../packages/core/src/lib/adopt';
import { loadTemplatePack } from '../../packages/core/src/lib/render';
import { parseJson, toJsonText, isJsonObject, type JsonValue } from '../../packages/core/src/lib/json';
const C = '/work/shared/corpus';
const all = readdirSync(C).sort();
const repos: Record<string, string[]> = {};
for (const f of all) (repos[f.split('@')[0]!] ??= []).push(f);
const pick = Object.values(repos).map((v) => v.find((f) => f.endsWith('@main')) ?? v.find((f) => f.endsWith('@playground')) ?? v[0]!);
const which = process.argv[2] === 'all' ? all : pick;
const pack = loadTemplatePack();
const t0 = Date.now();
let n = 0, raw = 0, zero = 0, reuse = 0; const reasons: Record<string, number> = {}; const byPattern: Record<string, number> = {};
const devs: Record<string, number> = {};
for (const f of which) {
  const dir = join(C, f);
  if (!existsSync(join(dir, 'manifest.json'))) continue;
  const m = parseJson(readFileSync(join(dir, 'manifest.json'), 'utf8')) as any;
  const datatypes = [...m.get('datatypes')].map(([name, e]: any) => ({ name, template: e.get('template') }));
  const files = new Map<string, string>();
  for (const d of datatypes) if (existsSync(join(dir, d.template))) files.set(d.template, readFileSync(join(dir, d.template), 'utf8'));
  const plan = planDatatypes({ datatypes, files }, pack);
  for (const p of plan) {
    n++;
    if (p.kind === 'raw') { raw++; const r = p.reason.slice(0, 60); reasons[r] = (reasons[r] ?? 0) + 1; if (process.argv[3]==='raw') console.log(f, p.name, p.reason.slice(0,300)); }
    if (p.kind === 'reuse') { reuse++; const o = plan.find((q) => q.name === p.reuse)!; if (o.kind === 'pattern' && o.patches.size === 0) zero++; }
    if (p.kind === 'pattern') { byPattern[p.pattern] = (byPattern[p.pattern] ?? 0) + 1; if (p.patches.size === 0) zero++;
      for (const [role, ops] of p.patches) for (const o of ops as any[]) { const k = role + ' ' + o.path.replace(/\/\d+/g, '/#'); devs[k] = (devs[k] ?? 0) + 1; } }
  }
}
console.log({ folders: which.length, n, raw, zero, reuse, byPattern, ms: Date.now() - t0 });
console.log(reasons);
console.log(Object.entries(devs).sort((a, b) => b[1] - a[1]).slice(0, +(process.argv[4] ?? 40)));
