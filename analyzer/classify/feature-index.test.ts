import { describe, expect, it } from 'vitest';
import { FeatureIndex } from './feature-index.ts';
import { BayesModel } from './bayes.ts';
import { SparseBinary, SparseSoftmax } from './sparse-lr.ts';

describe('FeatureIndex', () => {
  it('numbers the union of the hash lists once each, including colliding, sequential and extreme keys', () => {
    const a = Array.from({ length: 5000 }, (_, i) => (i * 2654435761) >>> 0);
    const b = [0, 0xffffffff, 0x80000000, ...a.slice(0, 100)];
    const index = new FeatureIndex([a, b]);
    expect(index.size).toBe(5002); // 0 is in both lists
    const rows = new Set([...a, ...b].map((h) => index.row(h)));
    expect(rows.size).toBe(5002);
    expect(Math.min(...rows)).toBe(0);
    expect(Math.max(...rows)).toBe(5001);
    expect(index.row(123)).toBe(-1);
  });

  it('maps its rows to another index and collects through the map', () => {
    const index = new FeatureIndex([[10, 20, 30, 40]]);
    const other = new FeatureIndex([[40, 99, 20]]);
    const map = index.translation(other);
    expect([10, 20, 30, 40].map((h) => map[index.row(h)])).toEqual([-1, other.row(20), -1, other.row(40)]);
    other.start();
    other.addMappedRows([index.row(40), -1, index.row(10), index.row(20), index.row(40)], 5, map);
    expect([...other.found.subarray(0, other.count)]).toEqual([other.row(40), other.row(20)]);
  });

  it('collects the known rows of a line once each, in order', () => {
    const index = new FeatureIndex([[10, 20, 30]]);
    const n = index.collect([30, 99, 10, 30, 10, 20]);
    expect([...index.found.subarray(0, n)]).toEqual([index.row(30), index.row(10), index.row(20)]);
    // A new call counts every row again.
    expect(index.collect([10, 10])).toBe(1);
  });

  it('collects in steps (rows known before, salted features) as collect does over their concatenation', () => {
    const hashes = Array.from({ length: 600 }, (_, i) => (i * 2654435761) >>> 0);
    const index = new FeatureIndex([hashes]);
    const own = [...hashes.slice(0, 300), 77, ...hashes.slice(0, 10)];
    const salt = 0x5bd1e995;
    const extra = hashes.slice(250, 400).map((h) => (h ^ salt) >>> 0);
    const joined = [...own, ...extra.map((h) => (h ^ salt) >>> 0)];
    const n = index.collect(joined);
    const whole = [...index.found.subarray(0, n)];
    index.start();
    index.addRows(index.rowList(own));
    index.addFeatures(extra, salt);
    // More rows than the buffer held at first (256): it grows and keeps what was collected.
    expect(index.count).toBe(n);
    expect([...index.found.subarray(0, index.count)]).toEqual(whole);
    // A part of a row list, in a new collection: 77 is unknown, the ten after it count again.
    index.start();
    index.addRows(index.rowList(own), 299, own.length);
    expect([...index.found.subarray(0, index.count)]).toEqual([hashes[299]!, ...hashes.slice(0, 10)].map((h) => index.row(h)));
  });

  it('lets models that share it read only their own weights', () => {
    const index = new FeatureIndex([[1, 2], [2, 3]]);
    const bayes = new BayesModel({ classes: ['a', 'b'], priors: [0, 0], hashes: [1, 2], cells: [0, 0, 3, 1, 1, 3], docs: [4, 4], alpha: 1 }, index);
    const alone = new BayesModel({ classes: ['a', 'b'], priors: [0, 0], hashes: [1, 2], cells: [0, 0, 3, 1, 1, 3], docs: [4, 4], alpha: 1 });
    const lr = new SparseBinary({ hashes: [2, 3], weights: [0.5, 2], dense: [], bias: 0 }, index);
    // Feature 3 belongs to the logistic model only: the Bayes model ignores it, as it does unknown features.
    expect([...bayes.scores([1, 2, 3], new Float64Array(2))]).toEqual([...alone.scores([1, 2], new Float64Array(2))]);
    expect(lr.logit([1, 2, 3], [])).toBeCloseTo(2.5);
  });

  it('keeps shared models\' weights side by side in one table, each reading only its own columns', () => {
    const data = { classes: ['a', 'b'], priors: [0, 0], hashes: [1, 2], cells: [0, 0, 3, 1, 1, 3], docs: [4, 4], alpha: 1 };
    const index = new FeatureIndex([[1, 2], [2, 3]], 4);
    const bayes = new BayesModel(data, index, true);
    const lr = new SparseBinary({ hashes: [2, 3], weights: [0.5, 2], dense: [], bias: 0 }, index, true);
    const soft = new SparseSoftmax({ classes: 2, hashes: [3], weights: [1, -1], dense: [], biases: [0, 0] }, index);
    const alone = new BayesModel(data);
    expect([...bayes.scores([1, 2, 3], new Float64Array(2))]).toEqual([...alone.scores([1, 2], new Float64Array(2))]);
    expect(bayes.logRatio(1, 0, 1)).toBeCloseTo(alone.logRatio(1, 0, 1));
    expect(lr.logit([1, 2, 3], [])).toBeCloseTo(2.5);
    expect(soft.predict([3], [[], []], new Float64Array(2))[0]).toBeCloseTo(1 / (1 + Math.exp(-2)));
    // Two columns for the Bayes model and one for the logistic one: one more fits, two do not.
    expect(() => index.columns(2, true)).toThrow(/no room/);
    expect(index.columns(1, true).offset).toBe(3);
  });

  it('scores picked features from rows looked up once, as it scores those features', () => {
    const data = { classes: ['a', 'b'], priors: [0, 0], hashes: [1, 2, 5], cells: [0, 0, 3, 1, 1, 3, 2, 0, 1], docs: [4, 4], alpha: 1 };
    const bayes = new BayesModel(data);
    const features = [1, 9, 2, 1, 5, 2];
    const rows = bayes.index.rowList(features);
    expect(rows[1]).toBe(-1);
    // Picks 0, 1, 3, 5 = features 1, 9 (unknown), 1 (again), 2: counted as [1, 2].
    const picks = Int32Array.from([0, 1, 3, 5]);
    expect([...bayes.scoresOfRows(rows, picks, 4, new Float64Array(2))]).toEqual([...bayes.scores([1, 9, 1, 2], new Float64Array(2))]);
    expect([...bayes.scoresOfRows(rows, picks, 2, new Float64Array(2))]).toEqual([...bayes.scores([1], new Float64Array(2))]);
    // The first n of a row list: features 1, 9, 2, 1.
    expect([...bayes.scoresOfRowList(rows, 4, new Float64Array(2))]).toEqual([...bayes.scores([1, 9, 2, 1], new Float64Array(2))]);
  });
});
