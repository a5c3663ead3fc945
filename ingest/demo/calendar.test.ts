import { describe, expect, it } from 'vitest';
import { envelope, lastDouble11, placeThemes, rangeStart, shapeOf } from './calendar.ts';
import { addDaysLocal, dayNumber } from './zone.ts';

describe('demo calendar', () => {
  it('starts `months` back on the 1st, and never after the pre-sale before the last 11-11', () => {
    expect(rangeStart({ y: 2026, m: 11, d: 23 }, 7)).toEqual({ y: 2026, m: 4, d: 1 });
    expect(rangeStart({ y: 2027, m: 3, d: 10 }, 2)).toEqual({ y: 2026, m: 10, d: 18 });
    expect(lastDouble11({ y: 2026, m: 11, d: 10 })).toEqual({ y: 2025, m: 11, d: 11 });
    expect(lastDouble11({ y: 2026, m: 11, d: 11 })).toEqual({ y: 2026, m: 11, d: 11 });
  });

  it('has a weekly rhythm, a 618 bump, a Double-11 peak and a month-end invoice boost', () => {
    const tue = shapeOf({ y: 2026, m: 9, d: 8 });
    const sun = shapeOf({ y: 2026, m: 9, d: 13 });
    expect(sun.volume).toBeGreaterThan(tue.volume * 1.2);
    expect(sun.hours[21]!).toBeGreaterThan(sun.hours[4]! * 10);
    expect(shapeOf({ y: 2026, m: 6, d: 18 }).volume).toBeGreaterThan(1.8);
    expect(shapeOf({ y: 2026, m: 11, d: 11 }).volume).toBeGreaterThan(3);
    expect(shapeOf({ y: 2026, m: 10, d: 25 }).presale).toBeGreaterThan(0);
    const after = shapeOf({ y: 2026, m: 11, d: 14 });
    expect(after.boost['warehouse.slow_dispatch']!).toBeGreaterThan(3);
    expect(after.boost['logistics.slow_transit']!).toBeGreaterThan(2);
    expect(shapeOf({ y: 2026, m: 9, d: 30 }).boost['finance.invoice']!).toBeGreaterThan(3);
    expect(shapeOf({ y: 2026, m: 9, d: 15 }).boost['finance.invoice']).toBeUndefined();
  });

  it('places the injected problems inside the range, clear of the sales peaks, and they rise, plateau and fall', () => {
    for (const end of [{ y: 2026, m: 11, d: 23 }, { y: 2027, m: 3, d: 15 }, { y: 2027, m: 8, d: 2 }]) {
      const start = rangeStart(end, 7);
      const themes = placeThemes(start, end);
      expect(themes.map((t) => t.id).sort()).toEqual(['allergy', 'no-door', 'wrong-size']);
      for (const t of themes) {
        expect(dayNumber(t.start)).toBeGreaterThanOrEqual(dayNumber(start));
        expect(dayNumber(t.start) + t.days).toBeLessThanOrEqual(dayNumber(end));
        const v = Array.from({ length: t.days }, (_, i) => envelope(t, addDaysLocal(t.start, i)));
        const mid = v[Math.floor(t.days / 2)]!;
        expect(mid).toBe(1);
        expect(v[0]!).toBeLessThan(0.4);
        expect(v[t.days - 1]!).toBeLessThan(0.4);
        expect(envelope(t, addDaysLocal(t.start, -1))).toBe(0);
        expect(envelope(t, addDaysLocal(t.start, t.days))).toBe(0);
      }
      const ws = themes.find((t) => t.id === 'wrong-size')!;
      expect(ws.start.d).toBe(5); // within one month
    }
  });
});
