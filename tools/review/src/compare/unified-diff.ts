/**
 * Line diff (Myers' O(ND) algorithm) and unified-diff hunks, for showing how one pipe's canonical
 * JSON changed. Pure: strings in, strings out.
 */

export type DiffOpKind = ' ' | '-' | '+';

export interface DiffOp {
  kind: DiffOpKind;
  line: string;
}

/** Splits text into lines; a final newline does not make an extra empty line. */
export const splitLines = (text: string): string[] => {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
};

/**
 * The shortest edit script turning `a` into `b`, as a list of kept (' '), removed ('-') and added
 * ('+') lines in order. Removals come before additions inside a changed run.
 */
export const diffLines = (a: readonly string[], b: readonly string[]): DiffOp[] => {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const keep = (line: string): DiffOp => ({ kind: ' ', line });
  const middle = myers(a.slice(start, endA), b.slice(start, endB));
  return [...a.slice(0, start).map(keep), ...middle, ...a.slice(endA).map(keep)];
};

const myers = (a: readonly string[], b: readonly string[]): DiffOp[] => {
  const n = a.length;
  const m = b.length;
  if (n === 0) return b.map((line) => ({ kind: '+', line }));
  if (m === 0) return a.map((line) => ({ kind: '-', line }));
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  // trace[d] holds the furthest x reached on each diagonal k (index k + offset) after d edits.
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]);
      let x = down ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        trace.push(v.slice());
        return backtrack(trace, a, b, offset);
      }
    }
    trace.push(v.slice());
  }
  throw new Error('unreachable: Myers diff did not terminate');
};

const backtrack = (
  trace: Int32Array[],
  a: readonly string[],
  b: readonly string[],
  offset: number,
): DiffOp[] => {
  const ops: DiffOp[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = trace.length - 1; d > 0; d--) {
    const v = trace[d - 1];
    const k = x - y;
    const down = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]);
    const prevK = down ? k + 1 : k - 1;
    const prevX = v[offset + prevK];
    const prevY = prevX - prevK;
    // Snake back to the point right after the edit.
    while (x > prevX && y > prevY) {
      ops.push({ kind: ' ', line: a[x - 1] });
      x--;
      y--;
    }
    if (down) {
      ops.push({ kind: '+', line: b[y - 1] });
      y--;
    } else {
      ops.push({ kind: '-', line: a[x - 1] });
      x--;
    }
  }
  while (x > 0 && y > 0) {
    ops.push({ kind: ' ', line: a[x - 1] });
    x--;
    y--;
  }
  ops.reverse();
  return groupRemovalsFirst(ops);
};

/** Within each run of changes, lists the removed lines before the added ones (as diff(1) does). */
const groupRemovalsFirst = (ops: DiffOp[]): DiffOp[] => {
  const out: DiffOp[] = [];
  let removed: DiffOp[] = [];
  let added: DiffOp[] = [];
  const flush = () => {
    out.push(...removed, ...added);
    removed = [];
    added = [];
  };
  for (const op of ops) {
    if (op.kind === '-') removed.push(op);
    else if (op.kind === '+') added.push(op);
    else {
      flush();
      out.push(op);
    }
  }
  flush();
  return out;
};

export interface UnifiedDiffOptions {
  /** Unchanged lines shown around each change (default 3, like diff -u). */
  context?: number;
  /** When given, the diff starts with `--- <from>` / `+++ <to>` header lines. */
  fromLabel?: string;
  toLabel?: string;
}

/**
 * A unified diff of two texts ("" when they are equal line by line). Hunk headers follow GNU diff:
 * `@@ -start,count +start,count @@`, a count of 1 is left out, an empty side starts at the line
 * before.
 */
export const unifiedDiff = (before: string, after: string, options: UnifiedDiffOptions = {}): string => {
  const context = options.context ?? 3;
  const ops = diffLines(splitLines(before), splitLines(after));
  if (ops.every((op) => op.kind === ' ')) return '';
  const out: string[] = [];
  if (options.fromLabel !== undefined || options.toLabel !== undefined) {
    out.push(`--- ${options.fromLabel ?? 'before'}`, `+++ ${options.toLabel ?? 'after'}`);
  }
  for (const hunk of hunks(ops, context)) out.push(...hunk);
  return out.join('\n');
};

const hunks = function* (ops: DiffOp[], context: number): Generator<string[]> {
  // Line numbers (0-based) in a and b at each op.
  const aAt: number[] = [];
  const bAt: number[] = [];
  let ai = 0;
  let bi = 0;
  for (const op of ops) {
    aAt.push(ai);
    bAt.push(bi);
    if (op.kind !== '+') ai++;
    if (op.kind !== '-') bi++;
  }
  const changed = ops.map((op, i) => (op.kind === ' ' ? -1 : i)).filter((i) => i >= 0);
  let i = 0;
  while (i < changed.length) {
    const first = changed[i];
    let last = first;
    // Merge changes whose context would touch or overlap.
    while (i + 1 < changed.length && changed[i + 1] - last <= 2 * context + 1) last = changed[++i];
    i++;
    const from = Math.max(0, first - context);
    const to = Math.min(ops.length - 1, last + context);
    const slice = ops.slice(from, to + 1);
    const aCount = slice.filter((op) => op.kind !== '+').length;
    const bCount = slice.filter((op) => op.kind !== '-').length;
    const range = (start: number, count: number) =>
      count === 1 ? `${start + 1}` : `${count === 0 ? start : start + 1},${count}`;
    yield [
      `@@ -${range(aAt[from], aCount)} +${range(bAt[from], bCount)} @@`,
      ...slice.map((op) => `${op.kind}${op.line}`),
    ];
  }
};
