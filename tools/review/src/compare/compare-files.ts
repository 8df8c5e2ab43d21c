import { canonicalOrText, templateEntities, type TemplateEntity } from './template-entities';
import type { EntityChange, FileChange, FileTexts } from './types';
import { unifiedDiff } from './unified-diff';

/** How a file is compared: split into `_id`-keyed entities (template files), or as one whole document. */
export type FileKind = 'entities' | 'whole';

/**
 * The files that differ between two folders' contents, sorted by path. Template files report their
 * pipes added/removed/changed (with a unified diff of each changed pipe's canonical JSON); other
 * files report a whole-file diff (canonical JSON when they parse). A removed file whose exact text
 * reappears under a new name is marked as renamed on both sides.
 */
export const compareFiles = (
  base: FileTexts,
  head: FileTexts,
  kindOf: (path: string) => FileKind,
): FileChange[] => {
  const paths = [...new Set([...Object.keys(base), ...Object.keys(head)])].sort();
  const changes: FileChange[] = [];
  for (const path of paths) {
    const before = base[path];
    const after = head[path];
    if (before === after) continue;
    changes.push(
      kindOf(path) === 'entities'
        ? compareTemplateFile(path, before, after)
        : compareWholeFile(path, before, after),
    );
  }
  markRenames(changes, base, head);
  return changes;
};

const compareWholeFile = (
  path: string,
  before: string | undefined,
  after: string | undefined,
): FileChange => {
  if (before === undefined)
    return { path, change: 'added', entities: [], after: canonicalOrText(after ?? '', path) };
  if (after === undefined)
    return { path, change: 'removed', entities: [], before: canonicalOrText(before, path) };
  const old = canonicalOrText(before, path);
  const now = canonicalOrText(after, path);
  const diff = unifiedDiff(old, now);
  return diff === ''
    ? { path, change: 'changed', entities: [], note: 'formatting only' }
    : { path, change: 'changed', entities: [], diff, before: old, after: now };
};

const compareTemplateFile = (
  path: string,
  before: string | undefined,
  after: string | undefined,
): FileChange => {
  const baseSplit = before === undefined ? { entities: [] } : templateEntities(before, path);
  const headSplit = after === undefined ? { entities: [] } : templateEntities(after, path);
  if ('error' in baseSplit || 'error' in headSplit) {
    const error = 'error' in baseSplit ? baseSplit.error : (headSplit as { error: string }).error;
    return { ...compareWholeFile(path, before, after), note: `not split into pipes: ${error}` };
  }
  const change = before === undefined ? 'added' : after === undefined ? 'removed' : 'changed';
  const { entities, reordered } = compareEntities(baseSplit.entities, headSplit.entities);
  const file: FileChange = { path, change, entities };
  if (change === 'changed' && entities.length === 0)
    file.note = reordered ? 'order of pipes changed' : 'formatting only';
  return file;
};

/**
 * Entities added, changed (in the new file's order) and removed (in the old file's order), by id.
 * `reordered` tells whether the ids kept in both files changed their order.
 */
export const compareEntities = (
  before: readonly TemplateEntity[],
  after: readonly TemplateEntity[],
): { entities: EntityChange[]; reordered: boolean } => {
  const old = new Map(before.map((e) => [e.id, e.canonical]));
  const now = new Set(after.map((e) => e.id));
  const entities: EntityChange[] = [];
  const typed = (type: string | undefined) => (type === undefined ? {} : { type });
  for (const { id, type, canonical } of after) {
    const previous = old.get(id);
    if (previous === undefined) entities.push({ id, change: 'added', ...typed(type), after: canonical });
    else if (previous !== canonical)
      entities.push({
        id,
        change: 'changed',
        ...typed(type),
        diff: unifiedDiff(previous, canonical),
        before: previous,
        after: canonical,
      });
  }
  for (const { id, type, canonical } of before)
    if (!now.has(id)) entities.push({ id, change: 'removed', ...typed(type), before: canonical });
  const keptBefore = before.map((e) => e.id).filter((id) => now.has(id));
  const keptAfter = after.map((e) => e.id).filter((id) => old.has(id));
  const reordered = keptBefore.some((id, i) => keptAfter[i] !== id);
  return { entities, reordered };
};

const markRenames = (changes: FileChange[], base: FileTexts, head: FileTexts): void => {
  const added = changes.filter((c) => c.change === 'added');
  for (const removed of changes.filter((c) => c.change === 'removed')) {
    const twin = added.find((a) => a.renamedFrom === undefined && head[a.path] === base[removed.path]);
    if (twin === undefined) continue;
    twin.renamedFrom = removed.path;
    removed.renamedTo = twin.path;
  }
};
