import { describe, expect, it } from 'vitest';
import { SparseBinary, sparseScale, trainSparseBinary } from './sparse-lr.ts';

describe('sparse logistic model', () => {
  it('counts a long line\'s sparse weights as √(scaleLength / count), short lines fully', () => {
    expect(sparseScale(10, 60)).toBe(1);
    expect(sparseScale(240, 60)).toBeCloseTo(0.5);
    expect(sparseScale(240, undefined)).toBe(1);
    const model = new SparseBinary({ hashes: [1, 2], weights: [1, 1], dense: [], bias: 0, scaleLength: 2 });
    // Eight features, two of them known: the known weights sum to 2 and count half.
    expect(model.logit([1, 2, 3, 4, 5, 6, 7, 8], [])).toBeCloseTo(1);
    expect(model.logit([1, 2], [])).toBeCloseTo(2);
  });

  it('learns the same way it predicts when lines are scaled', () => {
    // Feature 1 marks the positive class; long lines carry many uninformative features.
    const noise = (n: number, seed: number) => Array.from({ length: n }, (_, i) => 1000 + ((i * 7919 + seed * 104729) % 500));
    const examples = Array.from({ length: 200 }, (_, k) => ({ sparse: [...(k % 2 ? [1] : [2]), ...noise(k % 3 ? 5 : 120, k)], dense: [], y: k % 2 }));
    const data = trainSparseBinary(examples, { scaleLength: 20, l2: 0.01 });
    expect(data.scaleLength).toBe(20);
    const model = new SparseBinary(data);
    expect(model.predict([1, ...noise(120, 3)], [])).toBeGreaterThan(0.7);
    expect(model.predict([2, ...noise(120, 4)], [])).toBeLessThan(0.3);
  });

  it('averages the weights of several runs, each over its own order of the examples', () => {
    // Features 1 and 2 mark the classes; 3 is on most lines of both, so its weight depends on the order.
    const examples = Array.from({ length: 60 }, (_, k) => ({ sparse: [k % 2 ? 1 : 2, ...(k % 5 ? [3] : [])], dense: [k % 3], y: k % 2 }));
    const weight = (d: { hashes: number[]; weights: number[] }, h: number) => d.weights[d.hashes.indexOf(h)] ?? 0;
    const one = [0, 1, 2].map((r) => trainSparseBinary(examples, { seed: 5 + r * 1_000_003, prune: 0 }));
    const averaged = trainSparseBinary(examples, { seed: 5, runs: 3, prune: 0 });
    // One run is the run of that seed; three runs are the mean of the three (each rounded to 0.001 when stored).
    expect(trainSparseBinary(examples, { seed: 5, runs: 1, prune: 0 })).toEqual(one[0]);
    for (const h of [1, 2, 3]) expect(weight(averaged, h)).toBeCloseTo(one.reduce((a, d) => a + weight(d, h), 0) / 3, 2);
    expect(averaged.bias).toBeCloseTo(one.reduce((a, d) => a + d.bias, 0) / 3, 2);
    expect(averaged.dense[0]).toBeCloseTo(one.reduce((a, d) => a + d.dense[0]!, 0) / 3, 2);
    expect(new Set(one.map((d) => weight(d, 3))).size).toBeGreaterThan(1);
  });
});
