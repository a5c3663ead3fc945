import type { Rng } from './random.ts';

/**
 * Renders phrase templates (syntax in ./phrases/types.ts): `{slot}`, `[a|b|]`, " // " bursts and the
 * `^dept+dept/sub ` owner prefix. Templates are parsed once and cached.
 */
type Atom = string | { slot: string };
type Part = Atom | { alts: Atom[][] };

export interface Parsed {
  source: string;
  /** Owners for this line (primary first), when the template overrides its intent's. */
  depts?: string[];
  sub?: string;
  parts: Part[];
}

export type SlotFn = (name: string) => string | undefined;

const cache = new Map<string, Parsed>();

export function parse(source: string): Parsed {
  let p = cache.get(source);
  if (p) return p;
  let body = source;
  let depts: string[] | undefined;
  let sub: string | undefined;
  const head = /^\^([a-z_]+)(?:\/([a-z_]+))?((?:\+[a-z_]+)*) /.exec(body);
  if (head) {
    depts = [head[1]!, ...(head[3] ? head[3].slice(1).split('+') : [])];
    sub = head[2];
    body = body.slice(head[0].length);
  }
  const parts: Part[] = [];
  let i = 0;
  while (i < body.length) {
    const c = body[i]!;
    if (c === '[') {
      const close = body.indexOf(']', i);
      if (close < 0) throw new Error(`unclosed [ in template: ${source}`);
      const inner = body.slice(i + 1, close);
      // `[图片]` and friends are literal chat tokens, not alternatives.
      if (!inner.includes('|')) {
        parts.push(body.slice(i, close + 1));
      } else {
        parts.push({ alts: inner.split('|').map(atoms) });
      }
      i = close + 1;
    } else {
      let j = i;
      while (j < body.length && body[j] !== '[') j++;
      parts.push(...atoms(body.slice(i, j)));
      i = j;
    }
  }
  p = { source, parts };
  if (depts) p.depts = depts;
  if (sub) p.sub = sub;
  cache.set(source, p);
  return p;
}

function atoms(s: string): Atom[] {
  const out: Atom[] = [];
  const re = /\{([a-zA-Z0-9]+)\}/g;
  let last = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    if (m.index > last) out.push(s.slice(last, m.index));
    out.push({ slot: m[1]! });
    last = m.index + m[0].length;
  }
  if (last < s.length) out.push(s.slice(last));
  return out;
}

function atomsOk(list: Atom[], slot: SlotFn): boolean {
  for (const a of list) if (typeof a !== 'string' && slot(a.slot) === undefined) return false;
  return true;
}

/** Whether every required slot can be filled. */
export function renderable(p: Parsed, slot: SlotFn): boolean {
  for (const part of p.parts) {
    if (typeof part === 'string') continue;
    if ('slot' in part) {
      if (slot(part.slot) === undefined) return false;
    } else if (!part.alts.some((o) => atomsOk(o, slot))) {
      return false;
    }
  }
  return true;
}

/** Renders a template; assumes `renderable`. */
export function render(p: Parsed, rng: Rng, slot: SlotFn): string {
  let out = '';
  for (const part of p.parts) {
    if (typeof part === 'string') out += part;
    else if ('slot' in part) out += slot(part.slot) ?? '';
    else {
      const ok = part.alts.filter((o) => atomsOk(o, slot));
      for (const a of rng.pick(ok)) out += typeof a === 'string' ? a : (slot(a.slot) ?? '');
    }
  }
  return out;
}

/** Splits a rendered line into the separate messages a buyer sends (" // "). */
export function bursts(text: string): string[] {
  if (!text.includes(' // ')) {
    const t = text.trim();
    return t ? [t] : [];
  }
  return text
    .split(' // ')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
