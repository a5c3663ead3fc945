import { describe, expect, it } from 'vitest';
import { Matcher } from './matcher.ts';

describe('Matcher', () => {
  it('finds overlapping and nested patterns in one pass', () => {
    const m = new Matcher<string>([
      ['发货', 'a'],
      ['还没发货', 'b'],
      ['没发', 'c'],
    ]);
    const found = m.findAll('你们还没发货吗').map((x) => [x.pattern, x.start]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['发货', 4],
        ['还没发货', 2],
        ['没发', 3],
      ]),
    );
    expect(found).toHaveLength(3);
  });

  it('follows failure links', () => {
    const m = new Matcher<number>([
      ['he', 1],
      ['she', 2],
      ['hers', 3],
    ]);
    expect(m.findAll('ushers').map((x) => x.pattern).sort()).toEqual(['he', 'hers', 'she']);
  });

  it('returns nothing on empty text or no patterns', () => {
    expect(new Matcher<number>([]).findAll('abc')).toEqual([]);
    expect(new Matcher<number>([['a', 1]]).findAll('')).toEqual([]);
  });
});
