/**
 * uint32 → int32 hash table with open addressing (linear probing), built once and read many times.
 * Several times faster than Map<number, number> for the classifier's hot lookups (feature hash → row,
 * matcher state × character → next state). Values must be ≥ 0; `get` returns -1 when absent.
 */
export class IntMap {
  readonly #keys: Uint32Array;
  readonly #values: Int32Array;
  readonly #used: Uint8Array;
  readonly #mask: number;
  #size = 0;

  constructor(expected: number) {
    let cap = 16;
    while (cap < expected * 2) cap <<= 1;
    this.#keys = new Uint32Array(cap);
    this.#values = new Int32Array(cap);
    this.#used = new Uint8Array(cap);
    this.#mask = cap - 1;
  }

  static #slot(key: number, mask: number): number {
    // Murmur3 finalizer spreads sequential keys.
    let h = key >>> 0;
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    return h & mask;
  }

  set(key: number, value: number): void {
    if (this.#size * 2 >= this.#keys.length) throw new Error('IntMap is full: size it for the keys it will hold');
    let i = IntMap.#slot(key, this.#mask);
    const k = key >>> 0;
    while (this.#used[i]) {
      if (this.#keys[i] === k) {
        this.#values[i] = value;
        return;
      }
      i = (i + 1) & this.#mask;
    }
    this.#used[i] = 1;
    this.#keys[i] = k;
    this.#values[i] = value;
    this.#size++;
  }

  get(key: number): number {
    let i = IntMap.#slot(key, this.#mask);
    const k = key >>> 0;
    while (this.#used[i]) {
      if (this.#keys[i] === k) return this.#values[i]!;
      i = (i + 1) & this.#mask;
    }
    return -1;
  }

  get size(): number {
    return this.#size;
  }
}
