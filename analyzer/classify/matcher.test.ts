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

  it('finds what a brute-force search finds, on many patterns and texts (flattened tables, probing and all)', () => {
    let seed = 7;
    const rand = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) % n;
    const alphabet = '发货慢还没到了不好坏a1';
    const word = (n: number) => Array.from({ length: 1 + rand(n) }, () => alphabet[rand(alphabet.length)]).join('');
    const patterns = [...new Set(Array.from({ length: 300 }, () => word(4)))];
    const m = new Matcher(patterns.map((p, i): [string, number] => [p, i]));
    for (let k = 0; k < 200; k++) {
      const text = word(30);
      const expected: string[] = [];
      for (const p of patterns) for (let at = text.indexOf(p); at >= 0; at = text.indexOf(p, at + 1)) expected.push(`${at}:${p}`);
      const found = m.findAll(text);
      expect(found.map((x) => `${x.start}:${x.pattern}`).sort()).toEqual(expected.sort());
      for (let j = 1; j < found.length; j++) expect(found[j]!.end).toBeGreaterThanOrEqual(found[j - 1]!.end);
    }
  });
});
