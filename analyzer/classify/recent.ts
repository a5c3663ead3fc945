/**
 * Recently looked-up values by text, bounded: the views of recently read lines (a conversation's next line reads
 * its earlier lines again) and the parts of speech of evidence words.
 *
 * Two generations of plain maps. New entries go into the young one; when it is full it becomes the old one and
 * the previous old one is dropped whole; a hit in the old one moves the entry back to the young one. So the last
 * `generation` entries are always kept, at most twice that, and every operation is O(1).
 *
 * (A single Map trimmed by deleting its first key, as before, degrades once full: V8 leaves a deleted entry as
 * a hole that iteration steps over until the table is rebuilt, so `keys().next()` walks up to thousands of
 * holes. Alone, an insert into a full map of 8,192 cost about 4 µs that way against 0.2 µs here; inside the
 * classifier the difference was below this machine's run-to-run noise.)
 */
export class RecentCache<V> {
  #young = new Map<string, V>();
  #old = new Map<string, V>();

  constructor(readonly generation = 4096) {}

  get(key: string): V | undefined {
    const v = this.#young.get(key);
    if (v !== undefined) return v;
    const old = this.#old.get(key);
    if (old !== undefined) this.set(key, old);
    return old;
  }

  /** Keeps `v` under `key` and returns it. */
  set(key: string, v: V): V {
    if (this.#young.size >= this.generation) {
      this.#old = this.#young;
      this.#young = new Map();
    }
    this.#young.set(key, v);
    return v;
  }

  get size(): number {
    return this.#young.size + this.#old.size;
  }
}
