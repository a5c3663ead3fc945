import { describe, expect, it } from 'vitest';
import { BayesModel } from './bayes.ts';
import { FeatureIndex } from './feature-index.ts';

// 'common' has 100 documents and saw features 1–3 twice each; 'rare' has 2 documents and saw feature 9 only.
const model = new BayesModel({
  classes: ['common', 'rare'],
  priors: [Math.log(100 / 102), Math.log(2 / 102)],
  hashes: [1, 2, 3, 9],
  cells: [0, 0, 2, 1, 0, 2, 2, 0, 2, 3, 1, 1],
  docs: [100, 2],
  alpha: 1,
});
const best = (scores: Float64Array) => (scores[0]! >= scores[1]! ? 'common' : 'rare');
// The features' rows in another index (as the classifier's shared one: it knows 5 and 7 too, not 42 or 100), as the classifier reads them.
const shared = new FeatureIndex([[5, 1, 9, 3, 2, 7]]);
const fair = (features: number[], classes: number[]) => {
  const rows = shared.rowList(features);
  return model.scoresFairForRows(rows, rows.length, shared.translation(model.index), classes, new Float64Array(2));
};

describe('BayesModel', () => {
  it('with plain smoothing, lets a class with few documents win features it never had', () => {
    expect(best(model.scores([1, 2, 3], new Float64Array(2)))).toBe('rare');
  });

  it('scoresFairForRows charges every class the same for a feature it never had', () => {
    expect(best(fair([1, 2, 3], [0, 1]))).toBe('common');
    expect(best(fair([9], [0, 1]))).toBe('rare');
  });

  it('scoresFairForRows skips a feature none of the listed classes had, and counts a feature once', () => {
    const alone = fair([1], [0])[0];
    expect(fair([1, 1, 9, 42], [0])[0]).toBeCloseTo(alone!, 12);
  });

  it('scoresFairForRows reads rows of another index through the map: unknown there, unknown to the model, or known', () => {
    // Fair scores by hand for class 0: features 2 and 1 count; 100 is unknown in the shared index, 5 known there but not to the model.
    const common = Math.log(100 / 102) + 2 * Math.log(3 / 102);
    expect(fair([2, 100, 5, 1], [0])[0]).toBeCloseTo(common, 5);
    expect(fair([100, 5], [0, 1])).toEqual(Float64Array.from([Math.log(100 / 102), Math.log(2 / 102)]));
  });

  it('sums the same, bit for bit, whether or not the line has a feature only another model sharing the table knows', () => {
    // In a shared table a row the model does not know holds NaN: the sum skips it (its slower loop), else reads on.
    const index = new FeatureIndex([[1, 2, 3, 9, 5, 7]], 8);
    const inShared = new BayesModel({ classes: ['common', 'rare'], priors: [Math.log(100 / 102), Math.log(2 / 102)], hashes: [1, 2, 3, 9], cells: [0, 0, 2, 1, 0, 2, 2, 0, 2, 3, 1, 1], docs: [100, 2], alpha: 1 }, index, true);
    const known = inShared.scores([1, 9, 2], new Float64Array(2));
    expect(inShared.scores([5, 1, 9, 7, 2], new Float64Array(2))).toEqual(known);
    expect(known).toEqual(model.scores([1, 9, 2], new Float64Array(2)));
  });
});
