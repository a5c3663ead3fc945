/**
 * Feature hash → row, one table shared by every model of a classifier (the Bayes model and the logistic heads),
 * so a line's features are looked up in one small table whose entries stay in cache from one model to the next.
 * Each model keeps its weights by that row: in a table of its own, or beside the other models' in the index's
 * shared table (`columns`). With a table per model, each of the five looked up every feature again in its own
 * table, and classification was bound by cache misses on real text.
 *
 * Open addressing with linear probing; key and row side by side, so a probe reads one cache line.
 */

/** Where a model keeps its weights: `width` floats from `offset` in each row of `stride` floats of `table`. */
export interface Columns {
  table: Float32Array;
  stride: number;
  offset: number;
}

export class FeatureIndex {
  /** [key, row + 1] pairs; row + 1 = 0 marks an empty slot. */
  readonly #slots: Int32Array;
  readonly #mask: number;
  /** Per row, the last `collect` call that counted it: deduplicates a line's features without a Set. */
  readonly #stamp: Uint32Array;
  #call = 0;
  #count = 0;
  #found = new Int32Array(256);
  readonly size: number;
  /** A table of #stride floats per row that models share (see `columns`), when asked for. */
  readonly #shared: Float32Array | undefined;
  readonly #stride: number;
  #used = 0;

  /**
   * An index over the union of `hashLists`, rows numbered in order of first appearance; with a table of
   * `sharedStride` floats per row that models may keep their weights in side by side (see `columns`).
   */
  constructor(hashLists: readonly (readonly number[])[], sharedStride = 0) {
    const unique = new Set<number>();
    for (const list of hashLists) for (const h of list) unique.add(h >>> 0);
    let cap = 16;
    while (cap < unique.size * 2) cap <<= 1;
    this.#slots = new Int32Array(cap * 2);
    this.#mask = cap - 1;
    this.size = unique.size;
    this.#stamp = new Uint32Array(unique.size);
    this.#stride = sharedStride;
    this.#shared = sharedStride > 0 ? new Float32Array(unique.size * sharedStride) : undefined;
    let row = 0;
    for (const h of unique) {
      let i = slot(h, this.#mask);
      while (this.#slots[2 * i + 1] !== 0) i = (i + 1) & this.#mask;
      this.#slots[2 * i] = h | 0;
      this.#slots[2 * i + 1] = ++row;
    }
  }

  /**
   * `width` columns for one model's weights. Shared: in the index's shared table beside the other models' (a
   * line's features then bring every shared model's weights into cache at once); else a table of its own.
   */
  columns(width: number, shared: boolean): Columns {
    if (!shared) return { table: new Float32Array(this.size * width), stride: width, offset: 0 };
    if (!this.#shared || this.#used + width > this.#stride) throw new Error(`no room for ${width} more columns in the shared table (${this.#used} of ${this.#stride} used)`);
    const offset = this.#used;
    this.#used += width;
    return { table: this.#shared, stride: this.#stride, offset };
  }

  /** The row of a feature hash, or -1 when no model knows it. */
  row(hash: number): number {
    const k = hash | 0;
    let i = slot(hash >>> 0, this.#mask);
    for (;;) {
      const r = this.#slots[2 * i + 1]!;
      if (r === 0) return -1;
      if (this.#slots[2 * i] === k) return r - 1;
      i = (i + 1) & this.#mask;
    }
  }

  /**
   * The rows of the known features among `features`, each once, into `found` (valid until the next call);
   * returns how many.
   */
  collect(features: readonly number[]): number {
    this.start();
    this.addFeatures(features);
    return this.#count;
  }

  /** The row of each of `features` (-1 when unknown), as a new plain array: kept with a line's view, so no model looks its features up again. */
  rowList(features: readonly number[]): number[] {
    const out = new Array<number>(features.length);
    for (let k = 0; k < features.length; k++) out[k] = this.row(features[k]!);
    return out;
  }

  /**
   * As `collect`, over rows looked up before (`rowList`): the known rows among rows[picks[0…n)], each once, in
   * that order, into `found`. A line's clauses are subsets of its features: their rows need no second lookup.
   */
  collectRows(rows: ArrayLike<number>, picks: Int32Array, n: number): number {
    this.start();
    const call = this.#call;
    const found = this.#room(n);
    let m = 0;
    for (let k = 0; k < n; k++) {
      const r = rows[picks[k]!]!;
      if (r < 0 || this.#stamp[r] === call) continue;
      this.#stamp[r] = call;
      found[m++] = r;
    }
    return (this.#count = m);
  }

  /**
   * Starts collecting rows in steps (`addRows`, `addFeatures`): as `collect` over the concatenation of what
   * they add, without building it, and without a second lookup of features whose rows are known.
   */
  start(): void {
    this.#call = (this.#call + 1) >>> 0 || 1;
    this.#count = 0;
  }

  /** Adds the known rows among rows[from…to) (-1 = unknown) not collected yet since `start`. */
  addRows(rows: ArrayLike<number>, from = 0, to = rows.length): void {
    const call = this.#call;
    const found = this.#room(to - from);
    let m = this.#count;
    for (let k = from; k < to; k++) {
      const r = rows[k]!;
      if (r < 0 || this.#stamp[r] === call) continue;
      this.#stamp[r] = call;
      found[m++] = r;
    }
    this.#count = m;
  }

  /** Adds the rows of `features`, each XOR `salt` as unsigned (a salted copy of them), not collected yet since `start`. */
  addFeatures(features: readonly number[], salt = 0): void {
    const call = this.#call;
    const found = this.#room(features.length);
    let m = this.#count;
    for (let k = 0; k < features.length; k++) {
      const r = this.row((features[k]! ^ salt) >>> 0);
      if (r < 0 || this.#stamp[r] === call) continue;
      this.#stamp[r] = call;
      found[m++] = r;
    }
    this.#count = m;
  }

  /**
   * Adds the rows that `map` gives for rows[0…n) of another index (-1 = unknown there or here; see `translation`),
   * not collected yet since `start`: a line's features looked up once in the shared index serve a model of its own.
   */
  addMappedRows(rows: ArrayLike<number>, n: number, map: Int32Array): void {
    const call = this.#call;
    const found = this.#room(n);
    let m = this.#count;
    for (let k = 0; k < n; k++) {
      const at = rows[k]!;
      const r = at < 0 ? -1 : map[at]!;
      if (r < 0 || this.#stamp[r] === call) continue;
      this.#stamp[r] = call;
      found[m++] = r;
    }
    this.#count = m;
  }

  /** For each row of this index, the row of the same feature in `other` (-1 when `other` does not know it). */
  translation(other: FeatureIndex): Int32Array {
    const map = new Int32Array(this.size).fill(-1);
    for (let i = 0; i <= this.#mask; i++) {
      const r = this.#slots[2 * i + 1]!;
      if (r !== 0) map[r - 1] = other.row(this.#slots[2 * i]! >>> 0);
    }
    return map;
  }

  /** How many rows the last collection holds (in `found`). */
  get count(): number {
    return this.#count;
  }

  /** `found`, with room for `more` rows after those collected so far (grown, keeping them, when needed). */
  #room(more: number): Int32Array {
    if (this.#count + more > this.#found.length) {
      const grown = new Int32Array(Math.max(this.#count + more, 2 * this.#found.length));
      grown.set(this.#found.subarray(0, this.#count));
      this.#found = grown;
    }
    return this.#found;
  }

  /** The rows written by the last collection (`collect`, `collectRows`, or `start` and its steps). */
  get found(): Int32Array {
    return this.#found;
  }
}

/** Murmur3's finalizer: spreads sequential and similar keys over the table. */
function slot(key: number, mask: number): number {
  let h = key;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h & mask;
}
