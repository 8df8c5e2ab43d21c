/**
 * A memo of pure, text-keyed work (compiled templates, parsed template JSON) shared by every
 * connector a process builds: in a batch build the same pattern output recurs across hundreds of
 * connectors, so each distinct text is compiled or parsed once. At most `capacity` entries are
 * kept; the least recently used one goes first. Values must be treated as immutable by callers.
 */
export class BoundedCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new RangeError('capacity must be a whole number ≥ 1');
  }

  get size(): number {
    return this.entries.size;
  }

  /** The value for `key`, made by `make(key)` the first time (a throwing `make` caches nothing). */
  getOrCreate(key: K, make: (key: K) => V): V {
    if (this.entries.has(key)) {
      const value = this.entries.get(key) as V;
      // Map keeps insertion order: re-inserting marks the entry most recently used.
      this.entries.delete(key);
      this.entries.set(key, value);
      return value;
    }
    const value = make(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as K);
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}
