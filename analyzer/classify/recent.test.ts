import { describe, expect, it } from 'vitest';
import { RecentCache } from './recent.ts';

describe('RecentCache', () => {
  it('keeps the last `generation` entries and at most twice as many', () => {
    const c = new RecentCache<number>(3);
    for (let i = 0; i < 10; i++) c.set(`k${i}`, i);
    expect(c.size).toBeLessThanOrEqual(6);
    for (let i = 7; i < 10; i++) expect(c.get(`k${i}`)).toBe(i);
    expect(c.get('k0')).toBeUndefined();
  });

  it('moves an entry read from the old generation back to the young one', () => {
    const c = new RecentCache<number>(2);
    c.set('a', 1);
    c.set('b', 2);
    c.set('c', 3); // young: c; old: a, b
    expect(c.get('a')).toBe(1); // young: c, a
    c.set('d', 4); // young full → old: c, a; young: d
    c.set('e', 5); // young: d, e
    c.set('f', 6); // old: d, e; young: f — b was never read again and is gone
    expect(c.get('b')).toBeUndefined();
    expect(c.get('a')).toBeUndefined();
    expect(c.get('e')).toBe(5);
  });

  it('returns what it keeps', () => {
    const c = new RecentCache<string>();
    expect(c.set('x', 'view')).toBe('view');
    expect(c.get('x')).toBe('view');
  });
});
