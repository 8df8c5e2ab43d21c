import { join } from 'node:path';
import { readSource } from '../../packages/core/src/generators/import/lib/read-source';
import { planAdoptedImport } from '../../packages/core/src/generators/import/lib/plan-adoption';
import { loadTemplatePack } from '../../packages/core/src/lib/render';
import { toJsonText, JsonObject } from '../../packages/core/src/lib/json';
const f = process.argv[2]!;
const source = readSource(join('/work/shared/corpus', f), f);
const plan = planAdoptedImport(source, 'x', loadTemplatePack());
if (!plan.ok) throw new Error('fail');
const c = plan.package.config;
for (const [k, v] of c) console.log(k, toJsonText(v, { compact: true }).length);
const d = c.get('datatypes') as JsonObject;
for (const [k, v] of d) { const o = v as JsonObject; console.log('  ', k, [...o].map(([a, b]) => `${a}:${toJsonText(b, { compact: true }).length}`).join(' ')); }
const rest = c.get('restSystem') as JsonObject | undefined; if (rest) for (const [k, v] of rest) console.log(' rs', k, toJsonText(v, { compact: true }).length);
if (process.argv[3]) console.log(toJsonText(c, { indent: 1 }).slice(0, +process.argv[3]));
