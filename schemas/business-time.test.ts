import { describe, expect, it } from 'vitest';
import { BusinessCalendar, addDays, daysBetween } from './business-time.ts';

describe('BusinessCalendar', () => {
  it('counts days in the business time zone', () => {
    const sh = new BusinessCalendar('Asia/Shanghai');
    expect(sh.dayOf(Date.UTC(2026, 9, 31, 16, 0))).toBe('2026-11-01'); // 00:00 in Shanghai
    expect(sh.dayOf(Date.UTC(2026, 9, 31, 15, 59, 59))).toBe('2026-10-31');
    const utc = new BusinessCalendar('UTC');
    expect(utc.dayOf(Date.UTC(2026, 9, 31, 16, 0))).toBe('2026-10-31');
  });

  it('handles zones with quarter-hour offsets and daylight saving', () => {
    const np = new BusinessCalendar('Asia/Kathmandu'); // +05:45
    expect(np.dayOf(Date.UTC(2026, 0, 1, 18, 14))).toBe('2026-01-01');
    expect(np.dayOf(Date.UTC(2026, 0, 1, 18, 15))).toBe('2026-01-02');
    const ny = new BusinessCalendar('America/New_York');
    expect(ny.dayOf(Date.UTC(2026, 2, 8, 4, 59))).toBe('2026-03-07'); // EST
    expect(ny.dayOf(Date.UTC(2026, 6, 8, 3, 59))).toBe('2026-07-07'); // EDT
  });

  it('rejects unknown zones with a clear message', () => {
    expect(() => new BusinessCalendar('Mars/Olympus')).toThrow(/unknown time zone "Mars\/Olympus"/);
  });
});

describe('day arithmetic', () => {
  it('adds days across months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-01-01', '2026-12-31')).toBe(364);
  });
});
