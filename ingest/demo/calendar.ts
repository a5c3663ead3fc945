import { addDaysLocal, dayNumber, daysInMonthOf, fromDayNumber, weekday, type LocalDate } from './zone.ts';

/**
 * The shape of the year: weekly rhythm, 618, Double 11 (pre-sale from late October, the peak, then a wave of
 * 催发货 and logistics complaints), 12-12, the Spring Festival lull and the month-end invoice bump; plus where
 * the injected recurring problems sit in the covered range.
 */

/** Spring Festival (正月初一) dates: couriers pause around them. */
const SPRING_FESTIVAL: Record<number, [number, number]> = {
  2023: [1, 22], 2024: [2, 10], 2025: [1, 29], 2026: [2, 17], 2027: [2, 6], 2028: [1, 26], 2029: [2, 13], 2030: [2, 3],
  2031: [1, 23], 2032: [2, 11], 2033: [1, 31], 2034: [2, 19], 2035: [2, 8],
};

const WEEKDAY_FACTOR = [1.27, 0.94, 0.91, 0.94, 0.97, 1.06, 1.24]; // Sun..Sat

function rel(date: LocalDate, m: number, d: number): number {
  return dayNumber(date) - dayNumber({ y: date.y, m, d });
}

/** Days from the nearest Spring Festival, or null when far. */
function relSpring(date: LocalDate): number | null {
  for (const y of [date.y, date.y + 1]) {
    const sf = SPRING_FESTIVAL[y];
    if (!sf) continue;
    const r = dayNumber(date) - dayNumber({ y, m: sf[0], d: sf[1] });
    if (r >= -10 && r <= 10) return r;
  }
  return null;
}

const decay = (r: number, tau: number) => Math.exp(-r / tau);
/** A bump that peaks at `peak` days and fades by ~3 tau. */
const hump = (r: number, peak: number, tau: number) => (r < 0 ? 0 : r <= peak ? r / peak : Math.exp(-(r - peak) / tau));

export interface DayShape {
  /** Multiplier on the baseline conversation count. */
  volume: number;
  /** Share of conversations that are complaints. */
  complaintShare: number;
  /** Multiplier on intent weights (ids as in phrases/*). */
  boost: Record<string, number>;
  /** Extra weight for the pre-sale question intent (0 outside sales). */
  presale: number;
  /** Hour-of-day weights, 24 entries. */
  hours: number[];
  /** 'winter' / 'summer' / null: which seasonal products sell. */
  season: 'winter' | 'summer' | null;
  /** Label for the summary / debugging. */
  event: string | null;
}

const HOURS_WEEKDAY = [2.4, 1.2, 0.5, 0.25, 0.2, 0.3, 0.7, 1.6, 3.2, 5, 5.8, 5.4, 4.4, 4.8, 5.4, 5.4, 5, 4.6, 4.6, 6, 7.4, 8, 7, 4.8];
const HOURS_WEEKEND = [3, 1.6, 0.6, 0.3, 0.2, 0.25, 0.5, 1, 2, 3.6, 5, 5.6, 5.2, 5.4, 5.8, 5.8, 5.4, 5, 5, 6.2, 7.6, 8.2, 7.2, 5.2];

export function shapeOf(date: LocalDate): DayShape {
  const wd = weekday(date);
  let volume = WEEKDAY_FACTOR[wd]!;
  let complaintShare = 0.18;
  const boost: Record<string, number> = {};
  const mul = (id: string, f: number) => {
    boost[id] = (boost[id] ?? 1) * f;
  };
  let presale = 0;
  let event: string | null = null;
  const hours = (wd === 0 || wd === 6 ? HOURS_WEEKEND : HOURS_WEEKDAY).slice();

  // ---- Double 11 ----
  const r11 = rel(date, 11, 11);
  if (r11 >= -22 && r11 <= -12) {
    volume *= 1.22;
    presale = 7;
    event = 'double11-presale';
    mul('finance.deposit', 14);
    mul('ship_time', 1.3);
  } else if (r11 >= -11 && r11 <= -1) {
    volume *= 1.4 + 0.05 * (r11 + 11);
    presale = 10;
    event = 'double11-presale';
    mul('finance.deposit', 18);
    mul('ops.coupon', 2.5);
    mul('bargain', 1.4);
    if (r11 === -1) hours[20] = hours[20]! * 1.6; // 尾款 from 20:00
  } else if (r11 === 0) {
    volume *= 4;
    complaintShare = 0.21;
    presale = 6;
    event = 'double11';
    mul('ops.coupon', 3);
    mul('finance.payment', 3);
    mul('finance.deposit', 10);
    mul('ops.price', 2);
    mul('stock', 1.6);
    hours[0] = hours[0]! * 7;
    hours[1] = hours[1]! * 3.5;
    hours[2] = hours[2]! * 2;
    for (const h of [20, 21, 22, 23]) hours[h] = hours[h]! * 1.4;
  } else if (r11 >= 1 && r11 <= 18) {
    volume *= 1 + 1.5 * decay(r11 - 1, 5);
    complaintShare = 0.25 + 0.17 * hump(r11, 3, 6);
    event = 'double11-after';
    mul('warehouse.slow_dispatch', 1 + 4.5 * hump(r11, 3, 4));
    mul('warehouse.out_of_stock', 1 + 1.5 * hump(r11, 2, 4));
    mul('logistics.slow_transit', 1 + 4 * hump(r11, 6, 4));
    mul('logistics.tracking', 1 + 3 * hump(r11, 6, 4));
    mul('logistics.lost', 1 + 1.5 * hump(r11, 7, 4));
    mul('logistics.transit_damage', 1 + 1.2 * hump(r11, 7, 4));
    mul('ops.price', 1 + 2.5 * hump(r11, 1, 2));
    mul('service.slow_reply', 1 + 1.5 * hump(r11, 2, 4));
    mul('tracking_ok', 1 + 1.5 * hump(r11, 5, 5));
    mul('ship_time', 1 + 1.2 * hump(r11, 2, 4));
  }

  // ---- 618 ----
  const r6 = rel(date, 6, 18);
  if (r6 >= -17 && r6 <= -4) {
    volume *= 1.12;
    presale = 4;
    event = '618-presale';
    mul('finance.deposit', 8);
  } else if (r6 >= -3 && r6 <= -1) {
    volume *= 1.35;
    presale = 6;
    event = '618-presale';
    mul('ops.coupon', 2);
  } else if (r6 === 0) {
    volume *= 2.2;
    presale = 3;
    event = '618';
    mul('ops.coupon', 2.5);
    mul('ops.price', 1.5);
    hours[0] = hours[0]! * 3.5;
    hours[20] = hours[20]! * 1.3;
  } else if (r6 >= 1 && r6 <= 10) {
    volume *= 1 + 0.55 * decay(r6 - 1, 3);
    complaintShare = 0.25 + 0.08 * hump(r6, 3, 4);
    event = '618-after';
    mul('warehouse.slow_dispatch', 1 + 2 * hump(r6, 2, 3));
    mul('logistics.slow_transit', 1 + 1.8 * hump(r6, 4, 3));
    mul('logistics.tracking', 1 + 1.2 * hump(r6, 4, 3));
    mul('ops.price', 1 + 1.2 * hump(r6, 1, 2));
  }

  // ---- 12-12 ----
  const r12 = rel(date, 12, 12);
  if (r12 === 0) {
    volume *= 1.35;
    event = 'double12';
  } else if (r12 >= 1 && r12 <= 5) {
    mul('warehouse.slow_dispatch', 1.4);
  }

  // ---- Spring Festival ----
  const rs = relSpring(date);
  if (rs !== null && rs >= -8 && rs <= 7) {
    volume *= rs < -3 ? 0.8 : 0.5;
    event = 'spring-festival';
    mul('logistics.slow_transit', 2.2);
    mul('warehouse.slow_dispatch', 1.8);
    mul('ship_time', 2);
  }

  // ---- month end: invoices for reimbursement ----
  const dim = daysInMonthOf(date.y, date.m);
  if (date.d >= dim - 2) {
    mul('finance.invoice', date.d === dim ? 6 : 4.5);
    volume *= 1.04;
  } else if (date.d === 1) {
    mul('finance.invoice', 2);
  } else if (date.d >= dim - 5) {
    mul('finance.invoice', 1.6);
  }

  const season = date.m >= 11 || date.m <= 2 ? 'winter' : date.m >= 5 && date.m <= 8 ? 'summer' : null;
  return { volume, complaintShare, boost, presale, hours, season, event };
}

/** The pre-sale tail-payment date wording for {tailDate}. */
export function tailDateText(date: LocalDate): string {
  const r6 = rel(date, 6, 18);
  if (r6 >= -20 && r6 <= 2) return '6月15号';
  return '11月10号';
}

// ---------------- covered range and injected themes ----------------

export interface ThemeWindow {
  id: 'wrong-size' | 'no-door' | 'allergy';
  start: LocalDate;
  days: number;
  /** Peak theme conversations per day at scale 1. */
  peak: number;
}

/** The most recent 11-11 on or before `endDate` (by business date). */
export function lastDouble11(endDate: LocalDate): LocalDate {
  const thisYear = { y: endDate.y, m: 11, d: 11 };
  return dayNumber(endDate) >= dayNumber(thisYear) ? thisYear : { y: endDate.y - 1, m: 11, d: 11 };
}

/** First business date covered: `months` back (snapped to the 1st), and always from the pre-sale before the last 11-11. */
export function rangeStart(endDate: LocalDate, months: number): LocalDate {
  const total = endDate.y * 12 + (endDate.m - 1) - Math.max(0, Math.floor(months));
  let start: LocalDate = { y: Math.floor(total / 12), m: (total % 12) + 1, d: 1 };
  const d11 = lastDouble11(endDate);
  const presale = { y: d11.y, m: 10, d: 18 };
  if (dayNumber(presale) < dayNumber(start)) start = presale;
  return start;
}

function busyZones(from: LocalDate, to: LocalDate): [number, number][] {
  const zones: [number, number][] = [];
  for (let y = from.y - 1; y <= to.y + 1; y++) {
    zones.push([dayNumber({ y, m: 10, d: 18 }), dayNumber({ y, m: 11, d: 26 })]);
    zones.push([dayNumber({ y, m: 6, d: 1 }), dayNumber({ y, m: 6, d: 26 })]);
    const sf = SPRING_FESTIVAL[y];
    if (sf) {
      const c = dayNumber({ y, m: sf[0], d: sf[1] });
      zones.push([c - 9, c + 8]);
    }
  }
  return zones;
}

const overlap = (a0: number, a1: number, b0: number, b1: number) => Math.max(0, Math.min(a1, b1) - Math.max(a0, b0) + 1);

/**
 * Places the injected problems: the latest windows that fit in the range, keep clear of the sales peaks
 * (so each reads on its own) and end well before `end` (so they rise, plateau and fall in view).
 */
export function placeThemes(start: LocalDate, endDate: LocalDate): ThemeWindow[] {
  const s = dayNumber(start);
  const e = dayNumber(endDate);
  const zones = busyZones(start, endDate);
  const free = (a: number, b: number) => a >= s && b <= e && zones.every(([z0, z1]) => overlap(a, b, z0, z1) === 0);
  const out: ThemeWindow[] = [];

  // (1) wrong size: days 5–26 of one month.
  for (let y = endDate.y, m = endDate.m, k = 0; k < 24; k++) {
    const a = dayNumber({ y, m, d: 5 });
    const b = a + 21;
    if (b <= e - 7 && free(a, b)) {
      out.push({ id: 'wrong-size', start: { y, m, d: 5 }, days: 22, peak: 12 });
      break;
    }
    m--;
    if (m === 0) {
      m = 12;
      y--;
    }
  }
  const ws = out[0];
  // (2) no door delivery: 28 days, may overlap the first by at most a week.
  for (let b = e - 10; b - 27 >= s; b--) {
    const a = b - 27;
    if (!free(a, b)) continue;
    if (ws && overlap(a, b, dayNumber(ws.start), dayNumber(ws.start) + ws.days - 1) > 7) continue;
    out.push({ id: 'no-door', start: fromDayNumber(a), days: 28, peak: 9 });
    break;
  }
  // (3) a smaller one: an allergy batch, 16 days, earlier in the range, clear of the others.
  for (let b = e - 95; b - 15 >= s; b--) {
    const a = b - 15;
    if (!free(a, b)) continue;
    if (out.some((t) => overlap(a, b, dayNumber(t.start) - 5, dayNumber(t.start) + t.days + 4) > 0)) continue;
    out.push({ id: 'allergy', start: fromDayNumber(a), days: 16, peak: 5 });
    break;
  }
  return out;
}

/** 0…1: rises over the first ~30 %, plateaus, falls over the last ~30 % (smoothstep edges). */
export function envelope(t: ThemeWindow, date: LocalDate): number {
  const i = dayNumber(date) - dayNumber(t.start);
  if (i < 0 || i >= t.days) return 0;
  const x = (i + 0.5) / t.days;
  const edge = 0.3;
  const smooth = (u: number) => u * u * (3 - 2 * u);
  if (x < edge) return 0.08 + 0.92 * smooth(x / edge);
  if (x > 1 - edge) return 0.08 + 0.92 * smooth((1 - x) / edge);
  return 1;
}

export { addDaysLocal };
