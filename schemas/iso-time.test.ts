import { describe, expect, it } from 'vitest';
import { isCalendarDate, parseIsoWithOffset } from './iso-time.ts';

describe('parseIsoWithOffset', () => {
  it.each([
    ['2026-11-11T09:30:00+08:00', Date.UTC(2026, 10, 11, 1, 30)],
    ['2026-11-11 09:30:00+08:00', Date.UTC(2026, 10, 11, 1, 30)],
    ['2026-11-11T09:30+0800', Date.UTC(2026, 10, 11, 1, 30)],
    ['2026-11-11T01:30:00.250Z', Date.UTC(2026, 10, 11, 1, 30, 0, 250)],
    ['2026-11-11T01:30:00.123456789z', Date.UTC(2026, 10, 11, 1, 30, 0, 123)],
    ['2024-02-29T00:00:00-05:00', Date.UTC(2024, 1, 29, 5)],
  ])('%s', (text, expected) => {
    expect(parseIsoWithOffset(text)).toBe(expected);
  });

  it.each(['2026-11-11T09:30:00', '2026-02-30T00:00:00Z', '2025-02-29T00:00:00Z', '2026-13-01T00:00:00Z', '2026-11-11T24:00:00Z', '2026-11-11T09:60:00Z', '2026-11-11T09:30:00+19:00', 'yesterday', '', '2026-11-11'])(
    'rejects %s',
    (text) => {
      expect(parseIsoWithOffset(text)).toBeNull();
    },
  );
});

describe('isCalendarDate', () => {
  it('accepts real days only', () => {
    expect(isCalendarDate('2026-11-11')).toBe(true);
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-1-1')).toBe(false);
    expect(isCalendarDate('20261111')).toBe(false);
  });
});
