/**
 * Aho–Corasick over UTF-16 code units: finds every occurrence of every pattern in one pass over the text,
 * so matching hundreds of lexicon terms costs about as much as reading the line once.
 */
export interface Match<T> {
  /** Index of the first code unit of the match. */
  start: number;
  end: number;
  pattern: string;
  value: T;
}

interface Node<T> {
  next: Map<number, number>;
  fail: number;
  /** Patterns ending here (own and through fail links). */
  out: { pattern: string; value: T }[];
}

export class Matcher<T> {
  readonly #nodes: Node<T>[] = [{ next: new Map(), fail: 0, out: [] }];

  constructor(entries: Iterable<[pattern: string, value: T]>) {
    for (const [pattern, value] of entries) this.#add(pattern, value);
    this.#link();
  }

  #add(pattern: string, value: T): void {
    if (pattern.length === 0) return;
    let state = 0;
    for (let i = 0; i < pattern.length; i++) {
      const c = pattern.charCodeAt(i);
      let nxt = this.#nodes[state]!.next.get(c);
      if (nxt === undefined) {
        nxt = this.#nodes.length;
        this.#nodes.push({ next: new Map(), fail: 0, out: [] });
        this.#nodes[state]!.next.set(c, nxt);
      }
      state = nxt;
    }
    this.#nodes[state]!.out.push({ pattern, value });
  }

  #link(): void {
    const queue: number[] = [];
    for (const child of this.#nodes[0]!.next.values()) queue.push(child);
    for (let qi = 0; qi < queue.length; qi++) {
      const s = queue[qi]!;
      const node = this.#nodes[s]!;
      for (const [c, child] of node.next) {
        queue.push(child);
        let f = node.fail;
        while (f !== 0 && !this.#nodes[f]!.next.has(c)) f = this.#nodes[f]!.fail;
        const target = this.#nodes[f]!.next.get(c);
        const childNode = this.#nodes[child]!;
        childNode.fail = target !== undefined && target !== child ? target : 0;
        childNode.out = childNode.out.concat(this.#nodes[childNode.fail]!.out);
      }
    }
  }

  /** Every match, in order of end position (longer first at the same end). */
  findAll(text: string): Match<T>[] {
    const found: Match<T>[] = [];
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      let nxt = this.#nodes[state]!.next.get(c);
      while (nxt === undefined && state !== 0) {
        state = this.#nodes[state]!.fail;
        nxt = this.#nodes[state]!.next.get(c);
      }
      state = nxt ?? 0;
      const out = this.#nodes[state]!.out;
      for (let k = 0; k < out.length; k++) {
        const o = out[k]!;
        found.push({ start: i + 1 - o.pattern.length, end: i + 1, pattern: o.pattern, value: o.value });
      }
    }
    return found;
  }
}
