import type { Classification } from '../../schemas/analyzed-message.ts';
import { Rng } from '../../ingest/demo/random.ts';
import type { Example } from './examples.ts';

export interface Prf {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

function prf(tp: number, fp: number, fn: number): Prf {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

export interface ReliabilityBin {
  from: number;
  to: number;
  count: number;
  meanConfidence: number;
  /** Share of lines in the bin whose label was right (complaint flag, and an acceptable primary). */
  accuracy: number;
}

export interface Report {
  n: number;
  complaint: Prf;
  /** Gold complaints whose predicted primary is an acceptable owner (a missed complaint counts as wrong). */
  primaryAcceptable: { n: number; correct: number; rate: number };
  /** The same, among gold complaints the classifier did flag. */
  primaryAcceptableWhenFlagged: { n: number; correct: number; rate: number };
  departments: Record<string, Prf>;
  /** confusion[gold primary or 'none'][predicted primary or 'none'] */
  confusion: Record<string, Record<string, number>>;
  subTopic: { n: number; correct: number; rate: number };
  byScript: Record<string, { n: number; complaintF1: number; primaryAcceptable: number }>;
  reliability: ReliabilityBin[];
  /** Expected calibration error over the bins. */
  ece: number;
}

export interface Scored {
  example: Example;
  prediction: Classification;
}

/** A label is right when the complaint flag matches and, for a complaint, the primary is acceptable. */
export function isRight(s: Scored): boolean {
  const { example: e, prediction: p } = s;
  if (e.complaint !== p.complaint) return false;
  return !e.complaint || (p.department !== null && e.departments.includes(p.department));
}

export function evaluate(scored: readonly Scored[], departmentIds: readonly string[]): Report {
  let tp = 0, fp = 0, fn = 0;
  let goldComplaints = 0, primaryOk = 0, flagged = 0, flaggedOk = 0;
  let subN = 0, subOk = 0;
  const dept: Record<string, { tp: number; fp: number; fn: number }> = {};
  for (const d of departmentIds) dept[d] = { tp: 0, fp: 0, fn: 0 };
  const confusion: Record<string, Record<string, number>> = {};
  const labels = ['none', ...departmentIds];
  for (const g of labels) confusion[g] = Object.fromEntries(labels.map((p) => [p, 0]));

  for (const { example: e, prediction: p } of scored) {
    if (e.complaint && p.complaint) tp++;
    else if (!e.complaint && p.complaint) fp++;
    else if (e.complaint && !p.complaint) fn++;
    const goldPrimary = e.complaint ? e.departments[0]! : 'none';
    const predPrimary = p.complaint && p.department ? p.department : 'none';
    const row = (confusion[goldPrimary] ??= Object.fromEntries(labels.map((l) => [l, 0])));
    row[predPrimary] = (row[predPrimary] ?? 0) + 1;
    if (e.complaint) {
      goldComplaints++;
      const ok = p.complaint && p.department !== null && e.departments.includes(p.department);
      if (ok) primaryOk++;
      if (p.complaint) {
        flagged++;
        if (ok) flaggedOk++;
      }
      if (ok && e.subTopic && p.department === e.departments[0]) {
        subN++;
        if (p.subTopic === e.subTopic) subOk++;
      }
    }
    if (predPrimary !== 'none' && dept[predPrimary]) {
      if (e.complaint && e.departments.includes(predPrimary)) dept[predPrimary]!.tp++;
      else dept[predPrimary]!.fp++;
    }
    if (goldPrimary !== 'none' && dept[goldPrimary] && !(predPrimary !== 'none' && e.departments.includes(predPrimary))) dept[goldPrimary]!.fn++;
  }

  const byScriptGroups = groupBy(scored, (e) => (e.script === 'mixed' ? 'traditional' : e.script === 'none' ? 'simplified' : e.script));
  const byScript: Report['byScript'] = {};
  for (const [k, g] of byScriptGroups) {
    byScript[k] = { n: g.length, ...rates(tally(g)) };
  }

  const edges = [0, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.0001];
  const reliability: ReliabilityBin[] = [];
  let ece = 0;
  for (let i = 0; i < edges.length - 1; i++) {
    const inBin = scored.filter((s) => s.prediction.confidence >= edges[i]! && s.prediction.confidence < edges[i + 1]!);
    if (inBin.length === 0) continue;
    const meanConfidence = inBin.reduce((a, s) => a + s.prediction.confidence, 0) / inBin.length;
    const accuracy = inBin.filter(isRight).length / inBin.length;
    reliability.push({ from: edges[i]!, to: Math.min(1, edges[i + 1]!), count: inBin.length, meanConfidence, accuracy });
    ece += (inBin.length / scored.length) * Math.abs(meanConfidence - accuracy);
  }

  return {
    n: scored.length,
    complaint: prf(tp, fp, fn),
    primaryAcceptable: { n: goldComplaints, correct: primaryOk, rate: goldComplaints === 0 ? 1 : primaryOk / goldComplaints },
    primaryAcceptableWhenFlagged: { n: flagged, correct: flaggedOk, rate: flagged === 0 ? 1 : flaggedOk / flagged },
    departments: Object.fromEntries(Object.entries(dept).map(([d, c]) => [d, prf(c.tp, c.fp, c.fn)])),
    confusion,
    subTopic: { n: subN, correct: subOk, rate: subN === 0 ? 1 : subOk / subN },
    byScript,
    reliability,
    ece,
  };
}

/** The lines by `keyOf` of their example, in order; lines whose key is undefined are left out. */
function groupBy(scored: readonly Scored[], keyOf: (e: Example) => string | undefined): Map<string, Scored[]> {
  const groups = new Map<string, Scored[]>();
  for (const s of scored) {
    const k = keyOf(s.example);
    if (k === undefined) continue;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(s);
  }
  return groups;
}

/** Complaint flags and acceptable primaries of `scored`, each line counted `weight(line)` times (once by default). */
function tally(scored: readonly Scored[], weight: (s: Scored) => number = () => 1) {
  let tp = 0, fp = 0, fn = 0, gold = 0, ok = 0;
  for (const s of scored) {
    const { example: e, prediction: p } = s;
    const w = weight(s);
    if (e.complaint && p.complaint) tp += w;
    else if (!e.complaint && p.complaint) fp += w;
    else if (e.complaint && !p.complaint) fn += w;
    if (e.complaint) {
      gold += w;
      if (p.complaint && p.department && e.departments.includes(p.department)) ok += w;
    }
  }
  return { tp, fp, fn, gold, ok };
}

const rates = (t: ReturnType<typeof tally>) => ({ complaintF1: prf(t.tp, t.fp, t.fn).f1, primaryAcceptable: t.gold === 0 ? 1 : t.ok / t.gold });

/** How many times the sample is drawn again for the intervals of `stratified`. */
export const DRAWS = 1000;

export interface Stratified {
  /** Each stratum of the sample: its lines, its share of the population, its own figures. */
  strata: { name: string; n: number; share: number; complaintF1: number; primaryAcceptable: number }[];
  /** The sample's figures weighted back to the population's mix: a line of stratum s counts share(s) / n(s). */
  complaintF1: number;
  primaryAcceptable: number;
  /** Population strata the sample has no line of (their share is left out of the weighted figures). */
  missing: string[];
  /**
   * 95 % intervals of the two weighted figures: each stratum's lines drawn again with replacement, DRAWS times
   * (seeded, so the same lines give the same interval). Small strata with large shares make them wide.
   */
  interval: { complaintF1: [number, number]; primaryAcceptable: [number, number] };
}

/**
 * Figures of a sample drawn stratum by stratum, not in proportion to the population (the real reviews are
 * sampled most where the classifier errs), read back at the population's mix. `population`: how many items
 * each stratum has in the population; `stratumOf`: a line's stratum (lines without one are left out).
 */
export function stratified(scored: readonly Scored[], stratumOf: (e: Example) => string | undefined, population: ReadonlyMap<string, number>): Stratified {
  const groups = groupBy(scored, (e) => {
    const k = stratumOf(e);
    return k !== undefined && population.has(k) ? k : undefined;
  });
  const total = [...groups.keys()].reduce((a, k) => a + population.get(k)!, 0);
  const share = (k: string) => (total === 0 ? 0 : population.get(k)! / total);
  const strata = [...groups].map(([name, g]) => ({ name, n: g.length, share: share(name), ...rates(tally(g)) }));
  const weight = new Map<Scored, number>();
  for (const x of strata) for (const s of groups.get(x.name)!) weight.set(s, x.share / x.n);
  const figures = (lines: readonly Scored[]) => rates(tally(lines, (s) => weight.get(s)!));
  const rng = new Rng(0x2545f491);
  const f1s: number[] = [], primaries: number[] = [];
  for (let b = 0; b < DRAWS; b++) {
    const drawn: Scored[] = [];
    for (const g of groups.values()) for (let i = 0; i < g.length; i++) drawn.push(rng.pick(g));
    const f = figures(drawn);
    f1s.push(f.complaintF1);
    primaries.push(f.primaryAcceptable);
  }
  const range = (xs: number[]): [number, number] => {
    xs.sort((a, b) => a - b);
    return [xs[Math.floor(DRAWS * 0.025)]!, xs[Math.ceil(DRAWS * 0.975) - 1]!];
  };
  return {
    strata: strata.sort((a, b) => b.share - a.share),
    ...figures([...groups.values()].flat()),
    missing: [...population.keys()].filter((k) => !groups.has(k)),
    interval: { complaintF1: range(f1s), primaryAcceptable: range(primaries) },
  };
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const pad = (s: string | number, n: number) => String(s).padStart(n);

/** The report as text tables. */
export function formatReport(title: string, r: Report, departmentIds: readonly string[]): string {
  const lines: string[] = [];
  lines.push(`== ${title}: ${r.n} lines`);
  const c = r.complaint;
  lines.push(`complaint detection   P ${pct(c.precision)}  R ${pct(c.recall)}  F1 ${pct(c.f1)}   (tp ${c.tp}, fp ${c.fp}, fn ${c.fn})`);
  lines.push(`acceptable primary    ${pct(r.primaryAcceptable.rate)} of ${r.primaryAcceptable.n} complaints  (${pct(r.primaryAcceptableWhenFlagged.rate)} of the ${r.primaryAcceptableWhenFlagged.n} flagged)`);
  if (r.subTopic.n > 0) lines.push(`sub-topic             ${pct(r.subTopic.rate)} of ${r.subTopic.n} (right primary, gold sub-topic known)`);
  for (const [k, s] of Object.entries(r.byScript).sort()) lines.push(`script ${k.padEnd(12)}  ${pad(s.n, 5)} lines  complaint F1 ${pct(s.complaintF1)}  acceptable primary ${pct(s.primaryAcceptable)}`);
  lines.push('');
  lines.push(`department      P       R       F1`);
  for (const d of departmentIds) {
    const m = r.departments[d]!;
    lines.push(`${d.padEnd(12)} ${pad(pct(m.precision), 6)}  ${pad(pct(m.recall), 6)}  ${pad(pct(m.f1), 6)}`);
  }
  lines.push('');
  const labels = ['none', ...departmentIds];
  lines.push(`confusion (rows: gold primary, columns: predicted primary)`);
  lines.push(`${''.padEnd(10)}${labels.map((l) => pad(l.slice(0, 8), 9)).join('')}`);
  for (const g of labels) lines.push(`${g.padEnd(10)}${labels.map((p) => pad(r.confusion[g]?.[p] ?? 0, 9)).join('')}`);
  lines.push('');
  lines.push(`reliability (confidence → share right)   ECE ${pct(r.ece)}`);
  for (const b of r.reliability) lines.push(`  ${b.from.toFixed(2)}–${b.to.toFixed(2)}  ${pad(b.count, 5)} lines  mean confidence ${pct(b.meanConfidence)}  right ${pct(b.accuracy)}`);
  return lines.join('\n');
}
