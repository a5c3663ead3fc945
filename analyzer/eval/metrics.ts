import type { Classification } from '../../schemas/analyzed-message.ts';
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

  const byScriptGroups = new Map<string, Scored[]>();
  for (const s of scored) {
    const k = s.example.script === 'mixed' ? 'traditional' : s.example.script === 'none' ? 'simplified' : s.example.script;
    let g = byScriptGroups.get(k);
    if (!g) byScriptGroups.set(k, (g = []));
    g.push(s);
  }
  const byScript: Report['byScript'] = {};
  for (const [k, g] of byScriptGroups) {
    let t = 0, f = 0, n = 0, gc = 0, ok = 0;
    for (const { example: e, prediction: p } of g) {
      if (e.complaint && p.complaint) t++;
      else if (!e.complaint && p.complaint) f++;
      else if (e.complaint && !p.complaint) n++;
      if (e.complaint) {
        gc++;
        if (p.complaint && p.department && e.departments.includes(p.department)) ok++;
      }
    }
    byScript[k] = { n: g.length, complaintF1: prf(t, f, n).f1, primaryAcceptable: gc === 0 ? 1 : ok / gc };
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

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const pad = (s: string | number, n: number) => String(s).padStart(n);

/** The report as text tables. */
export function formatReport(title: string, r: Report, departmentIds: readonly string[]): string {
  const lines: string[] = [];
  lines.push(`== ${title}: ${r.n} lines`);
  const c = r.complaint;
  lines.push(`complaint detection   P ${pct(c.precision)}  R ${pct(c.recall)}  F1 ${pct(c.f1)}   (tp ${c.tp}, fp ${c.fp}, fn ${c.fn})`);
  lines.push(`acceptable primary    ${pct(r.primaryAcceptable.rate)} of ${r.primaryAcceptable.n} complaints  (${pct(r.primaryAcceptableWhenFlagged.rate)} of the ${r.primaryAcceptableWhenFlagged.n} flagged)`);
  lines.push(`sub-topic             ${pct(r.subTopic.rate)} of ${r.subTopic.n} (right primary, gold sub-topic known)`);
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
