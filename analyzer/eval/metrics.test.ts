import { describe, expect, it } from 'vitest';
import type { Classification } from '../../schemas/analyzed-message.ts';
import type { Example } from './examples.ts';
import { evaluate, stratified, type Scored } from './metrics.ts';

const line = (stratum: string | undefined, gold: string | null, said: string | null, script: Example['script'] = 'simplified'): Scored => ({
  example: { text: 'x', role: 'customer', complaint: gold !== null, departments: gold ? [gold] : [], subTopic: null, script, source: 'test', stratum },
  prediction: { complaint: said !== null, department: said, departments: said ? [said] : [], confidence: 0.9, subTopic: null, evidence: [], contextEvidence: [] } satisfies Classification,
});

describe('stratified', () => {
  // A: 2 lines, one complaint found with the right owner, one false alarm. B: 4 complaints, one missed and one
  // found under the wrong owner. The population is 90 % A, 10 % B; C has no sampled line; a line without a
  // stratum and a line of a stratum the population lacks are not counted.
  const sample = [
    line('A', 'product', 'product'),
    line('A', null, 'product'),
    line('B', 'warehouse', 'warehouse'),
    line('B', 'warehouse', 'warehouse'),
    line('B', 'warehouse', null),
    line('B', 'warehouse', 'ops'),
    line(undefined, 'warehouse', null),
    line('Z', 'warehouse', null),
  ];
  const population = new Map([
    ['A', 900],
    ['B', 100],
    ['C', 0],
  ]);
  const r = stratified(sample, (e) => e.stratum, population);

  it('gives each stratum its own figures and its share of the population', () => {
    expect(r.strata.map((s) => [s.name, s.n, s.share])).toEqual([
      ['A', 2, 0.9],
      ['B', 4, 0.1],
    ]);
    // A: tp 1, fp 1 → F1 2/3; its one complaint has the right owner. B: tp 3, fn 1 → F1 6/7; 2 of 4 owners right.
    expect(r.strata[0]!.complaintF1).toBeCloseTo(2 / 3, 12);
    expect(r.strata[0]!.primaryAcceptable).toBe(1);
    expect(r.strata[1]!.complaintF1).toBeCloseTo(6 / 7, 12);
    expect(r.strata[1]!.primaryAcceptable).toBe(0.5);
    expect(r.missing).toEqual(['C']);
  });

  it('weights each line by its stratum share over its stratum size', () => {
    // A's lines weigh 0.45 each, B's 0.025: tp 0.45 + 0.075, fp 0.45, fn 0.025.
    const tp = 0.525, fp = 0.45, fn = 0.025;
    expect(r.complaintF1).toBeCloseTo((2 * tp) / (2 * tp + fp + fn), 12);
    // Complaints: A 0.45 (right), B 0.1 (0.05 right).
    expect(r.primaryAcceptable).toBeCloseTo(0.5 / 0.55, 12);
    // The plain figures would be far from these: B has twice A's lines.
    const plain = evaluate(sample.slice(0, 6), ['product', 'warehouse', 'ops']);
    expect(plain.complaint.f1).toBeCloseTo(8 / 10, 12);
  });

  it('gives a seeded interval around the weighted figure', () => {
    const [lo, hi] = r.interval.complaintF1;
    expect(lo).toBeLessThanOrEqual(r.complaintF1);
    expect(hi).toBeGreaterThanOrEqual(r.complaintF1);
    expect(hi).toBeGreaterThan(lo);
    expect(stratified(sample, (e) => e.stratum, population).interval).toEqual(r.interval);
    // A sample every line of which is right has no spread.
    const perfect = stratified([line('A', 'ops', 'ops'), line('B', null, null)], (e) => e.stratum, population);
    expect(perfect.interval).toEqual({ complaintF1: [1, 1], primaryAcceptable: [1, 1] });
  });
});

describe('evaluate by script', () => {
  it('reads mixed-script lines as traditional and script-less ones as simplified', () => {
    const r = evaluate([line(undefined, 'ops', 'ops', 'mixed'), line(undefined, 'ops', null, 'traditional'), line(undefined, null, 'ops', 'none')], ['ops']);
    expect(r.byScript.traditional).toEqual({ n: 2, complaintF1: 2 / 3, primaryAcceptable: 0.5 });
    expect(r.byScript.simplified).toEqual({ n: 1, complaintF1: 0, primaryAcceptable: 1 });
  });
});
