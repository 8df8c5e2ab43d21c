import { JsonNumber } from '../json';
import { inlineGuard } from './digest';
import { toPointer } from './pointer';
import { patchSize } from './size';
import { canonicalText, isRecord, toPatchValue, type PatchInput } from './tree';
import type { PatchOperation, PatchValue } from './types';

/** Above this many element pairs an array is replaced whole instead of aligned (the alignment is n × m). */
const ALIGN_LIMIT = 250_000;

type Path = readonly (string | number)[];

/**
 * A small patch that turns `from` (what a pattern renders) into `to` (the pipe wanted), in which
 * every replace and remove carries its guard — `from`'s value there as `was`, or its digest as
 * `wasSha256` when that is shorter (see `inlineGuard`) — and every run of inserts into an array the
 * guard of the element it goes before (appends use `/-`), so that `applyPatch` accepts it and
 * refuses it once the pattern renders something else there.
 *
 * Objects are compared key by key, arrays aligned on their longest common subsequence of equal
 * elements (an inserted DTL rule is one add, not a replace of every rule after it); at every
 * object and array the whole-value replacement is taken instead when its patch is smaller.
 * `from` undefined (the pattern renders no such pipe): one add of the whole value at "".
 */
export function createGuardedPatch(from: PatchInput | undefined, to: PatchInput): PatchOperation[] {
  const target = toPatchValue(to);
  if (from === undefined) return [{ op: 'add', path: '', value: target }];
  return new Differ().diff(toPatchValue(from), target, []);
}

class Differ {
  /** Canonical text of each container, computed once (the values are private copies). */
  private readonly texts = new WeakMap<object, string>();

  private text(value: PatchValue): string {
    if (value === null || typeof value !== 'object' || value instanceof JsonNumber)
      return canonicalText(value);
    let text = this.texts.get(value);
    if (text === undefined) {
      text = canonicalText(value);
      this.texts.set(value, text);
    }
    return text;
  }

  diff(from: PatchValue, to: PatchValue, path: Path): PatchOperation[] {
    if (this.text(from) === this.text(to)) return [];
    const pointer = toPointer(path);
    const whole: PatchOperation[] = [{ op: 'replace', path: pointer, ...inlineGuard(from), value: to }];
    let edits: PatchOperation[] | undefined;
    if (isRecord(from) && isRecord(to)) edits = this.members(from, to, path);
    else if (Array.isArray(from) && Array.isArray(to)) edits = this.elements(from, to, path);
    return edits !== undefined && patchSize(edits) < patchSize(whole) ? edits : whole;
  }

  private members(
    from: { [key: string]: PatchValue },
    to: { [key: string]: PatchValue },
    path: Path,
  ): PatchOperation[] {
    const has = (record: object, key: string): boolean => Object.prototype.hasOwnProperty.call(record, key);
    const operations: PatchOperation[] = [];
    for (const key of Object.keys(from)) {
      if (has(to, key)) continue;
      const pointer = toPointer([...path, key]);
      operations.push({ op: 'remove', path: pointer, ...inlineGuard(from[key]!) });
    }
    for (const key of Object.keys(to)) {
      if (has(from, key)) operations.push(...this.diff(from[key]!, to[key]!, [...path, key]));
      else operations.push({ op: 'add', path: toPointer([...path, key]), value: to[key]! });
    }
    return operations;
  }

  /** Array edits along the longest common subsequence; undefined when the arrays are too long to align. */
  private elements(from: PatchValue[], to: PatchValue[], path: Path): PatchOperation[] | undefined {
    if (from.length * to.length > ALIGN_LIMIT) return undefined;
    const matches = this.commonSubsequence(from, to);
    const operations: PatchOperation[] = [];
    const at = (index: number | '-'): string => toPointer([...path, index]);
    let index = 0; // position in the array as the operations so far leave it
    let fromNext = 0;
    let toNext = 0;
    for (const [fromMatch, toMatch] of [...matches, [from.length, to.length] as const]) {
      const removed = from.slice(fromNext, fromMatch);
      const added = to.slice(toNext, toMatch);
      const paired = Math.min(removed.length, added.length);
      for (let k = 0; k < paired; k++)
        operations.push(...this.diff(removed[k]!, added[k]!, [...path, index++]));
      for (const value of removed.slice(paired)) {
        operations.push({ op: 'remove', path: at(index), ...inlineGuard(value) });
      }
      const inserted = added.slice(paired);
      if (inserted.length > 0 && fromMatch === from.length) {
        for (const value of inserted) operations.push({ op: 'add', path: at('-'), value });
      } else if (inserted.length > 0) {
        // Inserted last first, all at the same index: the first carries the guard of the element
        // they go before, which covers the others (see `isGuarded`).
        [...inserted].reverse().forEach((value, k) =>
          operations.push({
            op: 'add',
            path: at(index),
            ...(k === 0 ? inlineGuard(from[fromMatch]!) : {}),
            value,
          }),
        );
      }
      index += inserted.length + 1;
      fromNext = fromMatch + 1;
      toNext = toMatch + 1;
    }
    return operations;
  }

  /** Index pairs of a longest common subsequence of equal elements, in order. */
  private commonSubsequence(from: PatchValue[], to: PatchValue[]): [number, number][] {
    const a = from.map((value) => this.text(value));
    const b = to.map((value) => this.text(value));
    const width = b.length + 1;
    const lengths = new Uint32Array((a.length + 1) * width);
    for (let i = a.length - 1; i >= 0; i--) {
      for (let j = b.length - 1; j >= 0; j--) {
        lengths[i * width + j] =
          a[i] === b[j]
            ? lengths[(i + 1) * width + j + 1]! + 1
            : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
      }
    }
    const pairs: [number, number][] = [];
    for (let i = 0, j = 0; i < a.length && j < b.length;) {
      if (a[i] === b[j]) pairs.push([i++, j++]);
      else if (lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!) i++;
      else j++;
    }
    return pairs;
  }
}
