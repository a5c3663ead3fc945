/**
 * Aho–Corasick over UTF-16 code units: finds every occurrence of every pattern in one pass over the text,
 * so matching hundreds of lexicon terms costs about as much as reading the line once.
 *
 * Built with a map per trie node, then flattened for matching: the root's transitions in an array indexed by
 * code unit (most steps start there again), every other transition in one open-addressing table keyed by
 * (state, code unit). A map lookup per character, through failure links, cost more than the rest of the match.
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
  /** The root's child by code unit (0 = none: stay at the root). */
  readonly #root = new Int32Array(0x10000);
  /** Transitions of the other states: [state, code unit, child] per slot; child 0 marks an empty slot. */
  readonly #edges: Int32Array;
  readonly #mask: number;
  readonly #fail: Int32Array;
  /** Patterns ending in each state (own and through fail links); undefined when none. */
  readonly #out: ({ pattern: string; value: T }[] | undefined)[];

  constructor(entries: Iterable<[pattern: string, value: T]>) {
    const nodes: Node<T>[] = [{ next: new Map(), fail: 0, out: [] }];
    for (const [pattern, value] of entries) add(nodes, pattern, value);
    link(nodes);
    let cap = 16;
    while (cap < nodes.length * 2) cap <<= 1;
    this.#edges = new Int32Array(cap * 3);
    this.#mask = cap - 1;
    this.#fail = Int32Array.from(nodes, (n) => n.fail);
    this.#out = nodes.map((n) => (n.out.length > 0 ? n.out : undefined));
    for (const [c, child] of nodes[0]!.next) this.#root[c] = child;
    for (let s = 1; s < nodes.length; s++) {
      for (const [c, child] of nodes[s]!.next) {
        let i = edgeSlot(s, c, this.#mask);
        while (this.#edges[3 * i + 2] !== 0) i = (i + 1) & this.#mask;
        this.#edges[3 * i] = s;
        this.#edges[3 * i + 1] = c;
        this.#edges[3 * i + 2] = child;
      }
    }
  }

  /** The child of a non-root state by code unit, or 0 when it has none. */
  #next(state: number, c: number): number {
    const edges = this.#edges;
    let i = edgeSlot(state, c, this.#mask);
    for (;;) {
      const child = edges[3 * i + 2]!;
      if (child === 0 || (edges[3 * i] === state && edges[3 * i + 1] === c)) return child;
      i = (i + 1) & this.#mask;
    }
  }

  /** Every match, in order of end position (longer first at the same end). */
  findAll(text: string): Match<T>[] {
    const found: Match<T>[] = [];
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      // Follow failure links until a state has a transition on c; the root always "has" one (to itself).
      for (;;) {
        if (state === 0) {
          state = this.#root[c]!;
          break;
        }
        const child = this.#next(state, c);
        if (child !== 0) {
          state = child;
          break;
        }
        state = this.#fail[state]!;
      }
      const out = this.#out[state];
      if (out === undefined) continue;
      for (let k = 0; k < out.length; k++) {
        const o = out[k]!;
        found.push({ start: i + 1 - o.pattern.length, end: i + 1, pattern: o.pattern, value: o.value });
      }
    }
    return found;
  }
}

function add<T>(nodes: Node<T>[], pattern: string, value: T): void {
  if (pattern.length === 0) return;
  let state = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charCodeAt(i);
    let nxt = nodes[state]!.next.get(c);
    if (nxt === undefined) {
      nxt = nodes.length;
      nodes.push({ next: new Map(), fail: 0, out: [] });
      nodes[state]!.next.set(c, nxt);
    }
    state = nxt;
  }
  nodes[state]!.out.push({ pattern, value });
}

/** Failure links and outputs, breadth first. */
function link<T>(nodes: Node<T>[]): void {
  const queue: number[] = [];
  for (const child of nodes[0]!.next.values()) queue.push(child);
  for (let qi = 0; qi < queue.length; qi++) {
    const s = queue[qi]!;
    const node = nodes[s]!;
    for (const [c, child] of node.next) {
      queue.push(child);
      let f = node.fail;
      while (f !== 0 && !nodes[f]!.next.has(c)) f = nodes[f]!.fail;
      const target = nodes[f]!.next.get(c);
      const childNode = nodes[child]!;
      childNode.fail = target !== undefined && target !== child ? target : 0;
      childNode.out = childNode.out.concat(nodes[childNode.fail]!.out);
    }
  }
}

/** Slot of a (state, code unit) transition: a multiplicative mix of the two. */
function edgeSlot(state: number, c: number, mask: number): number {
  let h = Math.imul(state, 0x9e3779b1) ^ Math.imul(c, 0x85ebca6b);
  h ^= h >>> 15;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 13;
  return h & mask;
}
