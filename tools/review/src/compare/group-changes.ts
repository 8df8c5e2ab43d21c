import type { KeyedChange } from './change-records';
import type { ChangeGroup, ChangeKind, ChangeSource } from './types';
import { unifiedDiff } from './unified-diff';

const SOURCES: readonly ChangeSource[] = ['template', 'expanded'];
const KINDS: readonly ChangeKind[] = ['pipe', 'system', 'manifest', 'file'];
const CHANGES = ['changed', 'added', 'removed'] as const;

interface Form {
  signature: string;
  indexes: number[];
  diff?: string;
  content?: string;
}

interface Family {
  source: ChangeSource;
  kind: ChangeKind;
  role: string;
  change: ChangeGroup['change'];
  forms: Map<string, Form>;
  size: number;
}

/**
 * Groups the changes (`changes[i]` is `ReviewReport.changes[i]`): changes of the same kind, role and
 * change with the same signature are one group. Per kind, role and change the largest group is the
 * common form when it is larger than every other; the others are marked as differing from it (an
 * added or removed one with how its content differs). Groups come template first, then expanded;
 * pipes, systems, manifests, files; the largest families first; each family's common form first.
 */
export const groupChanges = (changes: readonly KeyedChange[]): ChangeGroup[] => {
  const families = new Map<string, Family>();
  changes.forEach(({ record, signature, diff, content }, index) => {
    const key = JSON.stringify([record.source, record.kind, record.role, record.change]);
    let family = families.get(key);
    if (family === undefined) {
      family = {
        source: record.source,
        kind: record.kind,
        role: record.role,
        change: record.change,
        forms: new Map(),
        size: 0,
      };
      families.set(key, family);
    }
    family.size++;
    let form = family.forms.get(signature);
    if (form === undefined) {
      form = { signature, indexes: [], diff, content };
      family.forms.set(signature, form);
    }
    form.indexes.push(index);
  });
  const ordered = [...families.values()].sort(
    (a, b) =>
      SOURCES.indexOf(a.source) - SOURCES.indexOf(b.source) ||
      KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind) ||
      b.size - a.size ||
      CHANGES.indexOf(a.change) - CHANGES.indexOf(b.change) ||
      a.role.localeCompare(b.role),
  );
  const groups: ChangeGroup[] = [];
  for (const family of ordered) {
    // Stable: forms of equal size keep the order in which they first appear.
    const forms = [...family.forms.values()].sort((a, b) => b.indexes.length - a.indexes.length);
    const common =
      forms.length > 1 && forms[0].indexes.length > forms[1].indexes.length ? forms[0] : undefined;
    const commonAt = groups.length;
    for (const form of forms) {
      const group: ChangeGroup = {
        source: family.source,
        kind: family.kind,
        role: family.role,
        change: family.change,
        changes: form.indexes,
      };
      const first = changes[form.indexes[0]];
      if (form.diff !== undefined) group.diff = form.diff;
      if (first.record.note !== undefined) group.note = first.record.note;
      if (common !== undefined && form !== common) {
        group.differsFrom = commonAt;
        if (family.change !== 'changed' && common.content !== undefined && form.content !== undefined)
          group.fromCommon = unifiedDiff(common.content, form.content);
      }
      groups.push(group);
    }
  }
  return groups;
};
