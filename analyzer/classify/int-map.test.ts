import { describe, expect, it } from 'vitest';
import { IntMap } from './int-map.ts';

describe('IntMap', () => {
  it('stores and finds uint32 keys, including colliding and sequential ones', () => {
    const m = new IntMap(5000);
    for (let i = 0; i < 5000; i++) m.set((i * 2654435761) >>> 0, i);
    for (let i = 0; i < 5000; i++) expect(m.get((i * 2654435761) >>> 0)).toBe(i);
    expect(m.get(123)).toBe(-1);
    expect(m.size).toBe(5000);
    m.set(0, 7);
    m.set(0, 8);
    expect(m.get(0)).toBe(8);
    expect(m.get(0xffffffff)).toBe(-1);
  });

  it('refuses to overfill', () => {
    const m = new IntMap(2);
    expect(() => {
      for (let i = 0; i < 100; i++) m.set(i, i);
    }).toThrow(/full/);
  });
});
