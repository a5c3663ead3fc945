import { describe, expect, it } from 'vitest';
import type { Classification } from '../../schemas/analyzed-message.ts';
import type { Example } from './examples.ts';
import type { Scored } from './metrics.ts';
import { comparePaired, formatPaired, signTestP } from './paired.ts';

const example = (complaint: boolean, departments: string[] = []): Example => ({
  text: 'x',
  role: 'customer',
  complaint,
  departments,
  subTopic: null,
  script: 'simplified',
  source: 'test',
});
const said = (department: string | null): Classification => ({
  complaint: department !== null,
  department,
  departments: department ? [department] : [],
  confidence: 0.9,
  subTopic: null,
  evidence: [],
  contextEvidence: [],
});

describe('signTestP', () => {
  it('is the two-sided exact binomial tail at ½', () => {
    // n = 12, k = 2: (C(12,0) + C(12,1) + C(12,2)) / 2¹² = 79 / 4096 on each side.
    expect(signTestP(2, 12)).toBeCloseTo((2 * 79) / 4096, 12);
    expect(signTestP(10, 12)).toBeCloseTo((2 * 79) / 4096, 12);
    expect(signTestP(6, 12)).toBe(1);
    expect(signTestP(0, 0)).toBe(1);
    expect(signTestP(0, 5)).toBeCloseTo(2 / 32, 12);
  });

  it('stays finite and small for large, lopsided counts (no underflow to NaN)', () => {
    const p = signTestP(100, 2000);
    expect(p).toBeGreaterThanOrEqual(0);
    expect(p).toBeLessThan(1e-100);
    expect(signTestP(1000, 2000)).toBe(1);
  });
});

describe('comparePaired', () => {
  it('counts the lines only one classifier gets right, flag and primary apart', () => {
    const gold = [example(true, ['warehouse']), example(true, ['ops', 'product']), example(false), example(false), example(true, ['finance'])];
    const a: Scored[] = [said('warehouse'), said('product'), said(null), said('service'), said(null)].map((prediction, i) => ({ example: gold[i]!, prediction }));
    const b: Scored[] = [said('logistics'), said('product'), said('ops'), said(null), said('finance')].map((prediction, i) => ({ example: gold[i]!, prediction }));
    const r = comparePaired(a, b);
    expect(r.n).toBe(5);
    expect(r.complaints).toBe(3);
    // Flag: line 2 only A (B flags a non-complaint), lines 3 and 4 only B.
    expect(r.decision).toMatchObject({ onlyA: 1, onlyB: 2 });
    // Primary, over the three gold complaints: line 0 only A (B names logistics), line 4 only B (A missed it).
    expect(r.primary).toMatchObject({ onlyA: 1, onlyB: 1 });
    expect(r.primary.p).toBe(1);
    expect(formatPaired('set', r)).toMatch(/flag: +1 only this model, +2 only the other \(p 1\.000\) \| primary: +1 only this model/);
    // A set with no complaints (a praise probe) has no primary to compare.
    const praise = [example(false), example(false)];
    const none = comparePaired(praise.map((e) => ({ example: e, prediction: said('ops') })), praise.map((e) => ({ example: e, prediction: said(null) })));
    expect(none.decision).toMatchObject({ onlyA: 0, onlyB: 2 });
    expect(formatPaired('probe', none)).not.toContain('primary');
  });

  it('refuses lists that are not the same lines', () => {
    const e = example(false);
    expect(() => comparePaired([{ example: e, prediction: said(null) }], [])).toThrow(/same lines/);
    expect(() => comparePaired([{ example: e, prediction: said(null) }], [{ example: example(false), prediction: said(null) }])).toThrow(/line 0 differs/);
  });
});
