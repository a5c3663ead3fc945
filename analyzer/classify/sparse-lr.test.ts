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
});
