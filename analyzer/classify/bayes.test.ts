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

describe('BayesModel', () => {
  it('with plain smoothing, lets a class with few documents win features it never had', () => {
    expect(best(model.scores([1, 2, 3], new Float64Array(2)))).toBe('rare');
  });

  it('scoresFairFor charges every class the same for a feature it never had', () => {
    expect(best(model.scoresFairFor([1, 2, 3], [0, 1], new Float64Array(2)))).toBe('common');
    expect(best(model.scoresFairFor([9], [0, 1], new Float64Array(2)))).toBe('rare');
  });

  it('scoresFairFor skips a feature none of the listed classes had, and counts a feature once', () => {
    const alone = model.scoresFairFor([1], [0], new Float64Array(2))[0];
    expect(model.scoresFairFor([1, 1, 9, 42], [0], new Float64Array(2))[0]).toBeCloseTo(alone!, 12);
  });

  it('scoresFairForRows gives scoresFairFor from rows looked up in another index', () => {
    const shared = new FeatureIndex([[5, 1, 42, 9, 3, 2, 7]]);
    const map = shared.translation(model.index);
    const features = [2, 42, 1, 1, 9, 100];
    const rows = shared.rowList(features);
    for (const classes of [[0, 1], [0], [1]]) {
      const want = model.scoresFairFor(features, classes, new Float64Array(2));
      expect(model.scoresFairForRows(rows, rows.length, map, classes, new Float64Array(2))).toEqual(want);
    }
  });
});
