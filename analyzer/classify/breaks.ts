/**
 * Where a clause ends: punctuation (，。！？；：、～ and their ASCII forms) and white space. One definition for how
 * far a negation reaches (lexicon.ts) and where a line is split into clauses (signals.ts).
 */
const BREAKS = new Set([...',，.。!！?？;；:：、~～'].map((c) => c.charCodeAt(0)));

export const isClauseBreak = (c: number): boolean => BREAKS.has(c) || c === 0x20 || c === 0x3000 || (c >= 0x09 && c <= 0x0d);

export function hasClauseBreak(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isClauseBreak(s.charCodeAt(i))) return true;
  return false;
}

/** Where the last clause break of `s` is, or -1: the clause that ends `s` starts after it. */
export function lastClauseBreak(s: string): number {
  for (let i = s.length - 1; i >= 0; i--) if (isClauseBreak(s.charCodeAt(i))) return i;
  return -1;
}
