/**
 * Business dates: days and months are counted in FANKUI_TZ (default Asia/Shanghai), not UTC.
 * Formatting a date in a time zone with Intl is slow (microseconds); offsets change at most on
 * quarter hours, so results are cached per 15-minute bucket.
 */
const QUARTER_HOUR = 15 * 60_000;

export class BusinessCalendar {
  readonly timeZone: string;
  readonly #format: Intl.DateTimeFormat;
  readonly #cache = new Map<number, string>();

  constructor(timeZone = 'Asia/Shanghai') {
    try {
      this.#format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    } catch {
      throw new Error(`unknown time zone "${timeZone}" (use an IANA name such as Asia/Shanghai)`);
    }
    this.timeZone = timeZone;
  }

  /** `YYYY-MM-DD` of the business day an instant falls on. */
  dayOf(epochMs: number): string {
    const bucket = Math.floor(epochMs / QUARTER_HOUR);
    let day = this.#cache.get(bucket);
    if (day === undefined) {
      day = this.#format.format(new Date(bucket * QUARTER_HOUR));
      if (this.#cache.size > 200_000) this.#cache.clear();
      this.#cache.set(bucket, day);
    }
    return day;
  }

  /** Today's business date. `now` is injectable for tests. */
  today(now: number = Date.now()): string {
    return this.dayOf(now);
  }
}

/** Adds whole days to a `YYYY-MM-DD` date. */
export function addDays(day: string, days: number): string {
  const t = Date.parse(`${day}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (both `YYYY-MM-DD`). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
