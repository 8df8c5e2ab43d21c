import { MANIFEST_FILE, TEMPLATES_DIR } from '@sesam-connectors/core/layout';
import { changeName, expandedDatatype, roleOf, setNamesAside, type LiteralNames } from './names';
import type { ManifestShape } from './template-entities';
import type { ChangeKind, ChangeRecord, EntityChange, FileChange } from './types';

/**
 * A change record with what groups compare: `signature` is equal for the same change (names set
 * aside); `diff` and `content` are its diff and its content (added/removed) with names set aside.
 */
export interface KeyedChange {
  record: ChangeRecord;
  signature: string;
  diff?: string;
  content?: string;
}

export interface TemplateContext {
  connector: string;
  base: ManifestShape;
  head: ManifestShape;
}

const TEMPLATE_FILE = new RegExp(`^${TEMPLATES_DIR}/([^/]+)\\.json$`);

/** The change records of a connector's build output: one per pipe/system and datatype, manifest, other file. */
export const templateChanges = (files: readonly FileChange[], context: TemplateContext): KeyedChange[] =>
  files.flatMap((file) => {
    if (file.path === MANIFEST_FILE)
      return [wholeFileChange(file, context.connector, 'manifest', 'manifest')];
    const stem = TEMPLATE_FILE.exec(file.path)?.[1];
    if (stem === undefined) return [wholeFileChange(file, context.connector, 'file', file.path)];
    const systemTemplate =
      context.head.systemTemplate ?? context.base.systemTemplate ?? `${TEMPLATES_DIR}/system.json`;
    const isSystemTemplate = file.path === systemTemplate;
    const users = (side: 'base' | 'head'): (string | undefined)[] => {
      if (isSystemTemplate) return [undefined];
      const named = context[side].templates.get(file.path) ?? context[other(side)].templates.get(file.path);
      return named?.length ? named : [stem];
    };
    if (file.entities.length === 0) {
      // The file changed as a whole: formatting, order of pipes, or it is not JSON.
      return users(file.change === 'removed' ? 'base' : 'head').map((datatype) =>
        wholeFileChange(file, context.connector, 'file', 'template', datatype),
      );
    }
    return file.entities.flatMap((entity) =>
      users(entity.change === 'removed' ? 'base' : 'head').map((datatype) => {
        const kind: ChangeKind = isSystemTemplate || entity.type?.startsWith('system') ? 'system' : 'pipe';
        return entityChange(
          entity,
          file.path,
          kind,
          { systems: [context.connector], datatype },
          context.connector,
        );
      }),
    );
  });

export interface ExpandedContext {
  connector: string;
  /** The value `{{@ system @}}` was expanded to. */
  placeholder: string;
  /** Every datatype of both sides' manifests. */
  datatypes: readonly string[];
}

const EXPANDED_FILE = /^(pipes|systems)\/([^/]+)\.conf\.json$/;

/** The change records of the expanded config: one per pipe or system file. */
export const expandedChanges = (files: readonly FileChange[], context: ExpandedContext): KeyedChange[] =>
  files.map((file) => {
    const match = EXPANDED_FILE.exec(file.path);
    const kind: ChangeKind = match?.[1] === 'systems' ? 'system' : 'pipe';
    const id = match?.[2] ?? file.path;
    const datatype =
      kind === 'pipe' ? expandedDatatype(id, context.placeholder, context.datatypes) : undefined;
    const names: LiteralNames = { systems: [context.placeholder, context.connector], datatype };
    const role = roleOf(id, names, kind);
    return keyed(
      {
        connector: context.connector,
        ...(datatype === undefined ? {} : { datatype }),
        role,
        kind,
        source: 'expanded',
        change: file.change,
        name: changeName(context.connector, datatype, role),
        path: file.path,
        ...content(file),
      },
      names,
    );
  });

const other = (side: 'base' | 'head'): 'base' | 'head' => (side === 'base' ? 'head' : 'base');

const entityChange = (
  entity: EntityChange,
  path: string,
  kind: 'pipe' | 'system',
  names: LiteralNames,
  connector: string,
): KeyedChange => {
  const role = roleOf(entity.id, names, kind);
  return keyed(
    {
      connector,
      ...(names.datatype === undefined ? {} : { datatype: names.datatype }),
      role,
      kind,
      source: 'template',
      change: entity.change,
      name: changeName(connector, names.datatype, role),
      path,
      id: entity.id,
      ...content(entity),
    },
    names,
  );
};

const wholeFileChange = (
  file: FileChange,
  connector: string,
  kind: ChangeKind,
  role: string,
  datatype?: string,
): KeyedChange =>
  keyed(
    {
      connector,
      ...(datatype === undefined ? {} : { datatype }),
      role,
      kind,
      source: 'template',
      change: file.change,
      name: changeName(connector, datatype, role),
      path: file.path,
      ...content(file),
    },
    { systems: [connector], datatype },
  );

/** The diff, note and before/after of an entity or whole file, without the fields that are absent. */
const content = (
  from: Pick<FileChange, 'diff' | 'note' | 'before' | 'after'>,
): Pick<ChangeRecord, 'diff' | 'note' | 'before' | 'after'> => {
  const picked: Pick<ChangeRecord, 'diff' | 'note' | 'before' | 'after'> = {};
  if (from.diff !== undefined) picked.diff = from.diff;
  if (from.note !== undefined) picked.note = from.note;
  if (from.before !== undefined) picked.before = from.before;
  if (from.after !== undefined) picked.after = from.after;
  return picked;
};

/** The record with its signature: for a change, the lines it removes and adds; for an addition or removal, the content. */
const keyed = (record: ChangeRecord, names: LiteralNames): KeyedChange => {
  const note = record.note === undefined ? '' : `note: ${record.note}\n`;
  if (record.change === 'changed') {
    const diff = record.diff === undefined ? undefined : setNamesAside(record.diff, names);
    return { record, signature: note + (diff === undefined ? '' : changedLines(diff)), diff };
  }
  const text = record.change === 'added' ? record.after : record.before;
  const content = text === undefined ? undefined : setNamesAside(text, names);
  return { record, signature: note + (content ?? ''), content };
};

/**
 * The removed and added lines of a unified diff, in order, without line numbers or context: a run
 * of context lines (or a hunk break) is one `…`, so the same edits read the same however the
 * surrounding lines differ.
 */
export const changedLines = (diff: string): string => {
  const out: string[] = [];
  for (const line of diff.split('\n')) {
    const edit = !line.startsWith('@@') && (line.startsWith('-') || line.startsWith('+'));
    if (edit) out.push(line);
    else if (out.length && out[out.length - 1] !== '…') out.push('…');
  }
  if (out[out.length - 1] === '…') out.pop();
  return out.join('\n');
};
