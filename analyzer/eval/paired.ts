import { isRight, type Scored } from './metrics.ts';

/**
 * Two classifiers on the same lines: how many lines only one of them gets right, and whether that split could be
 * chance. Aggregate figures move by a point when a retrain flips a handful of lines either way; counting the flips
 * (McNemar's exact test) tells a real change from noise, and needs no line text, so it suits the blind part too.
 */
export interface PairedCount {
  /** Lines the first classifier gets right and the second gets wrong. */
  onlyA: number;
  /** Lines the second gets right and the first gets wrong. */
  onlyB: number;
  /** Two-sided exact sign test over the lines they disagree on: the chance of a split this uneven if neither were better. */
  p: number;
}

export interface PairedReport {
  n: number;
  /** Gold complaints among the lines: what `primary` counts over. */
  complaints: number;
  /** The complaint flag (every line). */
  decision: PairedCount;
  /** An acceptable primary department (gold complaints only; a missed complaint is wrong). */
  primary: PairedCount;
}

/**
 * Two-sided exact binomial (sign) test at p = ½: the probability of `k` or fewer, or as many or more on the other
 * side, of `n` coin flips. Summed in log space, so any n is safe from underflow.
 */
export function signTestP(k: number, n: number): number {
  if (n === 0) return 1;
  const low = Math.min(k, n - k);
  let logTerm = n * Math.log(0.5); // log C(n, 0) · ½ⁿ
  let tail = 0;
  for (let i = 0; i <= low; i++) {
    tail += Math.exp(logTerm);
    logTerm += Math.log((n - i) / (i + 1));
  }
  return Math.min(1, 2 * tail);
}

function count(a: boolean[], b: boolean[]): PairedCount {
  let onlyA = 0, onlyB = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] && !b[i]) onlyA++;
    else if (b[i] && !a[i]) onlyB++;
  }
  return { onlyA, onlyB, p: signTestP(onlyA, onlyA + onlyB) };
}

/** `a` and `b` score the same examples in the same order. */
export function comparePaired(a: readonly Scored[], b: readonly Scored[]): PairedReport {
  if (a.length !== b.length) throw new Error(`paired comparison needs the same lines: ${a.length} against ${b.length}`);
  for (let i = 0; i < a.length; i++) if (a[i]!.example !== b[i]!.example) throw new Error(`paired comparison: line ${i} differs`);
  const decided = (s: Scored) => s.prediction.complaint === s.example.complaint;
  // On a gold complaint, right = flagged with an acceptable primary.
  const complaints = a.flatMap((s, i) => (s.example.complaint ? [i] : []));
  return {
    n: a.length,
    complaints: complaints.length,
    decision: count(a.map(decided), b.map(decided)),
    primary: count(complaints.map((i) => isRight(a[i]!)), complaints.map((i) => isRight(b[i]!))),
  };
}

/**
 * One line per set, `a` being "this model": `flag: 13 only this model, 8 only the other (p 0.383) | primary: …`
 * (no primary part for a set without complaints).
 */
export function formatPaired(name: string, r: PairedReport): string {
  const part = (c: PairedCount) => `${String(c.onlyA).padStart(3)} only this model, ${String(c.onlyB).padStart(3)} only the other (p ${c.p < 0.001 ? '<0.001' : c.p.toFixed(3)})`;
  return `  ${name.padEnd(56)} flag: ${part(r.decision)}${r.complaints > 0 ? ` | primary: ${part(r.primary)}` : ''}`;
}
