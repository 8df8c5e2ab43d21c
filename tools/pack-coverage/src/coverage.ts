import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import {
  deviations,
  planDatatypes,
  shapeOf,
  type DatatypePlan,
  type LoadedTemplatePack,
} from '@sesam-connectors/core/adopt';
import { isJsonObject, parseJson, toCanonicalJson, type JsonValue } from '@sesam-connectors/core/json';

/** One deviation of real pipes from what the pack renders: a JSON pointer (array indices as `#`). */
export interface DeviationCount {
  readonly pointer: string;
  /** Pipes that deviate there. */
  readonly pipes: number;
  /** Repositories (folder names without `@<branch>`) they come from. */
  readonly repositories: readonly string[];
}

/** How the pipes of one role compare with what the pack renders for them. */
export interface RoleCoverage {
  readonly role: string;
  /** Pipes of this role in the folders' templates (each template file once). */
  readonly pipes: number;
  /** Rendered exactly by a pattern (no patch). */
  readonly exact: number;
  /** Of the same shape as what the pattern renders once every string is abstracted. */
  readonly sameShape: number;
  /** Not made by the chosen pattern at all (the whole pipe is a patch), or in a raw datatype. */
  readonly notMade: number;
  readonly deviations: readonly DeviationCount[];
}

export interface Coverage {
  readonly folders: number;
  readonly roles: readonly RoleCoverage[];
  /** Template files no pattern describes, with the reasons. */
  readonly raw: readonly { folder: string; template: string; reason: string }[];
}

/** A connector folder's datatypes and template texts, read in place (nothing is copied). */
function readFolder(dir: string) {
  const manifest = parseJson(readFileSync(join(dir, 'manifest.json'), 'utf8'), join(dir, 'manifest.json'));
  const entries = isJsonObject(manifest) ? manifest.get('datatypes') : undefined;
  const datatypes = isJsonObject(entries)
    ? [...entries].flatMap(([name, entry]) => {
        const template = isJsonObject(entry) ? entry.get('template') : undefined;
        return typeof template === 'string' ? [{ name, template }] : [];
      })
    : [];
  const files = new Map<string, string>();
  for (const { template } of datatypes) {
    const file = join(dir, template);
    if (!files.has(template) && existsSync(file)) files.set(template, readFileSync(file, 'utf8'));
  }
  return { datatypes, files };
}

const abstractIndices = (pointer: string): string =>
  pointer.replace(/\/\d+(?=\/|$)/g, '/#') || '(whole pipe)';

const same = (a: JsonValue, b: JsonValue): boolean => toCanonicalJson(a) === toCanonicalJson(b);

/**
 * Plans each folder's datatypes onto the pack exactly as the import does and compares, role by
 * role, each real pipe with what the chosen pattern renders for it: exact, same shape with the
 * strings abstracted, and where they deviate (most common first).
 */
export function packCoverage(dirs: readonly string[], pack: LoadedTemplatePack): Coverage {
  const roles = new Map<
    string,
    {
      pipes: number;
      exact: number;
      sameShape: number;
      notMade: number;
      deviations: Map<string, { pipes: number; repositories: Set<string> }>;
    }
  >();
  const raw: { folder: string; template: string; reason: string }[] = [];
  const role = (name: string) => {
    let entry = roles.get(name);
    if (entry === undefined) {
      entry = { pipes: 0, exact: 0, sameShape: 0, notMade: 0, deviations: new Map() };
      roles.set(name, entry);
    }
    return entry;
  };
  for (const dir of dirs) {
    if (!existsSync(join(dir, 'manifest.json'))) continue;
    const folder = basename(dir);
    const repository = folder.replace(/@.*$/, '');
    const plans: DatatypePlan[] = planDatatypes(readFolder(dir), pack);
    const seen = new Set<string>();
    for (const plan of plans) {
      if (plan.kind === 'reuse' || seen.has(plan.template)) continue;
      seen.add(plan.template);
      if (plan.kind === 'raw') {
        raw.push({ folder, template: plan.template, reason: plan.reason });
        continue;
      }
      for (const [name, pipe] of plan.source) {
        const entry = role(name);
        entry.pipes += 1;
        const rendered = plan.rendered.get(name);
        if (rendered === undefined) {
          entry.notMade += 1;
          continue;
        }
        if (same(rendered, pipe)) entry.exact += 1;
        if (same(shapeOf(rendered), shapeOf(pipe))) entry.sameShape += 1;
        for (const pointer of new Set(deviations(rendered, pipe).map(abstractIndices))) {
          const count = entry.deviations.get(pointer) ?? { pipes: 0, repositories: new Set<string>() };
          count.pipes += 1;
          count.repositories.add(repository);
          entry.deviations.set(pointer, count);
        }
      }
    }
  }
  return {
    folders: dirs.length,
    roles: [...roles]
      .map(([name, entry]) => ({
        role: name,
        pipes: entry.pipes,
        exact: entry.exact,
        sameShape: entry.sameShape,
        notMade: entry.notMade,
        deviations: [...entry.deviations]
          .map(([pointer, count]) => ({
            pointer,
            pipes: count.pipes,
            repositories: [...count.repositories].sort(),
          }))
          .sort(
            (a, b) =>
              b.pipes - a.pipes ||
              b.repositories.length - a.repositories.length ||
              a.pointer.localeCompare(b.pointer),
          ),
      }))
      .sort((a, b) => b.pipes - a.pipes || a.role.localeCompare(b.role)),
    raw,
  };
}

const percent = (part: number, whole: number): string =>
  whole === 0 ? '–' : `${Math.round((100 * part) / whole)} %`;

/** The coverage as a table per role and its most common deviations (`top` per role), text or markdown. */
export function formatCoverage(coverage: Coverage, top: number, markdown: boolean): string {
  const lines: string[] = [];
  const header = ['role', 'pipes', 'exact (no patch)', 'same shape', 'not made by the pattern'];
  const rows = coverage.roles.map((r) => [
    `-${r.role}`,
    String(r.pipes),
    `${r.exact} (${percent(r.exact, r.pipes)})`,
    `${r.sameShape} (${percent(r.sameShape, r.pipes)})`,
    String(r.notMade),
  ]);
  if (markdown) {
    lines.push(`Pack coverage over ${coverage.folders} connector folders`, '');
    lines.push(`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`);
    for (const row of rows) lines.push(`| ${row.join(' | ')} |`);
  } else {
    lines.push(`Pack coverage over ${coverage.folders} connector folders`);
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
    const line = (cells: string[]) =>
      cells
        .map((c, i) => c.padEnd(widths[i]!))
        .join('  ')
        .trimEnd();
    lines.push(line(header), ...rows.map(line));
  }
  for (const r of coverage.roles) {
    const shown = r.deviations.slice(0, top);
    if (shown.length === 0) continue;
    lines.push(
      '',
      markdown ? `**-${r.role}**: most common deviations` : `-${r.role}: most common deviations`,
    );
    for (const d of shown) {
      const repos =
        d.repositories.length <= 4
          ? d.repositories.join(', ')
          : `${d.repositories.slice(0, 4).join(', ')}, …`;
      lines.push(
        `${markdown ? '- ' : '  '}${markdown ? `\`${d.pointer}\`` : d.pointer}: ${d.pipes} pipe(s), ${d.repositories.length} repositories (${repos})`,
      );
    }
  }
  if (coverage.raw.length > 0) {
    lines.push('', `Template files no pattern describes (kept raw): ${coverage.raw.length}`);
    for (const r of coverage.raw)
      lines.push(`${markdown ? '- ' : '  '}${r.folder}/${r.template}: ${r.reason}`);
  }
  return lines.join('\n');
}
