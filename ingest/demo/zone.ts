/**
 * Wall-clock arithmetic in the business time zone without a date library. Offsets come from Intl once per
 * 15-minute bucket (cached); zones with one fixed offset (Asia/Shanghai) skip Intl entirely.
 */
const QUARTER_HOUR = 15 * 60_000;

export interface LocalDate {
  y: number;
  m: number; // 1–12
  d: number;
}

export class Zone {
  readonly timeZone: string;
  readonly #format: Intl.DateTimeFormat;
  readonly #cache = new Map<number, number>();
  #fixed: number | null = null;

  constructor(timeZone: string) {
    try {
      this.#format = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      });
    } catch {
      throw new Error(`unknown time zone "${timeZone}" (use an IANA name such as Asia/Shanghai)`);
    }
    this.timeZone = timeZone;
  }

  /** Declares the offset fixed when it is the same at every probe instant (cheap path for most of Asia). */
  probeFixed(fromMs: number, toMs: number): void {
    const step = 7 * 86_400_000;
    const first = this.#intlOffset(fromMs);
    for (let t = fromMs; t <= toMs + step; t += step) {
      if (this.#intlOffset(t) !== first) {
        this.#fixed = null;
        return;
      }
    }
    this.#fixed = first;
  }

  /** Minutes east of UTC at an instant. */
  offsetMinutes(epochMs: number): number {
    if (this.#fixed !== null) return this.#fixed;
    const bucket = Math.floor(epochMs / QUARTER_HOUR);
    let off = this.#cache.get(bucket);
    if (off === undefined) {
      off = this.#intlOffset(bucket * QUARTER_HOUR);
      if (this.#cache.size > 100_000) this.#cache.clear();
      this.#cache.set(bucket, off);
    }
    return off;
  }

  #intlOffset(epochMs: number): number {
    const parts = this.#format.formatToParts(new Date(epochMs));
    const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
    const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
    return Math.round((wall - Math.floor(epochMs / 1000) * 1000) / 60_000);
  }

  /** The local calendar date of an instant. */
  dateOf(epochMs: number): LocalDate {
    const w = new Date(epochMs + this.offsetMinutes(epochMs) * 60_000);
    return { y: w.getUTCFullYear(), m: w.getUTCMonth() + 1, d: w.getUTCDate() };
  }

  /** The instant local midnight begins on a date. */
  startOfDay(date: LocalDate): number {
    const wall = Date.UTC(date.y, date.m - 1, date.d);
    let t = wall - this.offsetMinutes(wall) * 60_000;
    t = wall - this.offsetMinutes(t) * 60_000;
    return t;
  }

  /** `YYYY-MM-DDTHH:MM:SS+HH:MM`, seconds precision. */
  format(epochMs: number): string {
    const sec = Math.floor(epochMs / 1000) * 1000;
    const off = this.offsetMinutes(sec);
    const w = new Date(sec + off * 60_000);
    const sign = off < 0 ? '-' : '+';
    const a = Math.abs(off);
    return (
      `${w.getUTCFullYear()}-${pad(w.getUTCMonth() + 1)}-${pad(w.getUTCDate())}` +
      `T${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}:${pad(w.getUTCSeconds())}` +
      `${sign}${pad(Math.floor(a / 60))}:${pad(a % 60)}`
    );
  }
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Calendar arithmetic on local dates (pure, no zone). */
export function addDaysLocal(date: LocalDate, days: number): LocalDate {
  const t = new Date(Date.UTC(date.y, date.m - 1, date.d + days));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

export function dayNumber(date: LocalDate): number {
  return Math.round(Date.UTC(date.y, date.m - 1, date.d) / 86_400_000);
}

export function fromDayNumber(n: number): LocalDate {
  const t = new Date(n * 86_400_000);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: LocalDate): number {
  return new Date(Date.UTC(date.y, date.m - 1, date.d)).getUTCDay();
}

export function daysInMonthOf(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function ymd(date: LocalDate): string {
  return `${date.y}${pad(date.m)}${pad(date.d)}`;
}

export function isoDate(date: LocalDate): string {
  return `${date.y}-${pad(date.m)}-${pad(date.d)}`;
}
