import { describe, expect, it } from 'vitest';
import { packModel, unpackModel } from './model-codec.ts';

describe('model codec', () => {
  it('round-trips hashes, counts, weights and other numbers, and leaves short arrays readable', () => {
    const model = {
      name: 'x',
      hashes: Array.from({ length: 100 }, (_, i) => (i * 2654435761) >>> 0),
      cells: Array.from({ length: 100 }, (_, i) => i - 50),
      counts: Array.from({ length: 100 }, (_, i) => i * 600),
      weights: Array.from({ length: 100 }, (_, i) => Math.round((i - 50) * 0.123 * 1000) / 1000),
      priors: Array.from({ length: 100 }, (_, i) => Math.log((i + 1) / 101)),
      short: [0.5, -1.25],
      nested: [{ dense: [1, 2, 3] }],
    };
    const packed = packModel(model) as Record<string, unknown>;
    expect(packed.short).toEqual([0.5, -1.25]);
    expect(packed.hashes).toHaveProperty('i32');
    expect(packed.counts).toHaveProperty('u16');
    expect(packed.weights).toHaveProperty('q16');
    expect(packed.priors).toHaveProperty('f32');
    const back = unpackModel(JSON.parse(JSON.stringify(packed))) as typeof model;
    expect(back.hashes).toEqual(model.hashes);
    expect(back.cells).toEqual(model.cells);
    expect(back.counts).toEqual(model.counts);
    expect(back.weights).toEqual(model.weights);
    back.priors.forEach((p, i) => expect(p).toBeCloseTo(model.priors[i]!, 5));
    expect(back.nested).toEqual(model.nested);
  });
});
