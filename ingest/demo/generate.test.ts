import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ChatMessage, sentAtMs } from '../../schemas/chat-message.ts';
import { generateDemo, generateDemoWithTruth, type DemoTruth } from './generate.ts';
import { looksTraditional } from './summary.ts';

// A fixed moment in the past so the run is the same on every machine and every day.
const END = Date.UTC(2026, 10, 20, 12, 0, 0); // 2026-11-20 20:00 +08:00
const SCALE = 0.02;

interface Row {
  message: ChatMessage;
  truth: DemoTruth | null;
}

const taxonomy = JSON.parse(readFileSync(new URL('../../schemas/taxonomy/default.json', import.meta.url), 'utf8')) as {
  departments: { id: string; subTopics: { id: string }[] }[];
};
const SUBTOPICS = new Map(taxonomy.departments.map((d) => [d.id, new Set(d.subTopics.map((s) => s.id))]));

let rows: Row[] = [];

/** YYYY-MM-DD of a message in its own (+08:00) offset. */
const dayOf = (m: ChatMessage) => m.sentAt.slice(0, 10);

function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

beforeAll(() => {
  rows = [...generateDemoWithTruth({ end: END, scale: SCALE })];
});

describe('generateDemo', () => {
  it('is deterministic for the same seed and end, and differs for another seed', () => {
    const a = [...generateDemo({ end: END, scale: SCALE })].map((m) => JSON.stringify(m)).join('\n');
    const b = rows.map((r) => JSON.stringify(r.message)).join('\n');
    expect(a).toBe(b);
    const c = [...generateDemo({ end: END, scale: SCALE, seed: 7 })].map((m) => JSON.stringify(m)).join('\n');
    expect(c).not.toBe(a);
  });

  it('yields valid ChatMessages in chronological order with unique ids, nothing after end', () => {
    expect(rows.length).toBeGreaterThan(2000);
    const ids = new Set<string>();
    let last = -Infinity;
    for (const { message } of rows) {
      const parsed = ChatMessage.safeParse(message);
      if (!parsed.success) throw new Error(`${JSON.stringify(message)}: ${parsed.error.message}`);
      expect(message.sentAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
      const t = sentAtMs(message);
      expect(t).toBeGreaterThanOrEqual(last);
      expect(t).toBeLessThanOrEqual(END);
      last = t;
      expect(ids.has(message.id)).toBe(false);
      ids.add(message.id);
      expect(message.id.startsWith(`${message.conversationId}-`)).toBe(true);
      expect(message.text.trim().length).toBeGreaterThan(0);
    }
  });

  it('sets channel, shop, customer on every message and sku / order on most; customers keep their id', () => {
    const n = rows.length;
    const count = (f: (m: ChatMessage) => unknown) => rows.filter((r) => f(r.message)).length;
    expect(count((m) => m.channel && m.shop && m.customerId)).toBe(n);
    expect(count((m) => m.sku) / n).toBeGreaterThan(0.85);
    expect(count((m) => m.orderId) / n).toBeGreaterThan(0.4);
    expect(new Set(rows.map((r) => r.message.shop))).toEqual(new Set(['shop-home', 'shop-wear', 'shop-appliance', 'shop-beauty']));
    expect(new Set(rows.map((r) => r.message.channel))).toEqual(new Set(['taobao', 'jd', 'pdd', 'douyin', 'wechat', 'shopee']));
    // One customer per conversation; some customers come back.
    const convCustomer = new Map<string, string>();
    for (const { message } of rows) {
      const c = convCustomer.get(message.conversationId);
      if (c) expect(message.customerId).toBe(c);
      else convCustomer.set(message.conversationId, message.customerId!);
    }
    const perCustomer = new Map<string, number>();
    for (const c of convCustomer.values()) perCustomer.set(c, (perCustomer.get(c) ?? 0) + 1);
    expect([...perCustomer.values()].filter((v) => v > 1).length).toBeGreaterThan(5);
  });

  it('covers at least six months and the last 11-11, and stretches back to include 11-11 when months is small', () => {
    const first = dayOf(rows[0]!.message);
    const last = dayOf(rows[rows.length - 1]!.message);
    expect(first <= '2026-05-20').toBe(true);
    expect(last).toBe('2026-11-20');
    expect(rows.some((r) => dayOf(r.message) === '2026-11-11')).toBe(true);

    const spring = Date.UTC(2027, 2, 10, 4); // 2027-03-10 12:00 +08:00
    let sawEleven = false;
    let firstDay: string | null = null;
    for (const m of generateDemo({ end: spring, months: 2, scale: 0.01 })) {
      firstDay ??= dayOf(m);
      if (dayOf(m) === '2026-11-11') sawEleven = true;
      expect(sentAtMs(m)).toBeLessThanOrEqual(spring);
    }
    expect(sawEleven).toBe(true);
    expect(firstDay! <= '2026-10-25').toBe(true);
  });

  it('labels customer lines only, with taxonomy ids, and complaints are 20–30 % of customer lines', () => {
    let customer = 0;
    let complaints = 0;
    for (const { message, truth } of rows) {
      if (message.role !== 'customer') {
        expect(truth).toBeNull();
        continue;
      }
      customer++;
      expect(truth).not.toBeNull();
      if (!truth!.complaint) {
        expect(truth!.department).toBeNull();
        expect(truth!.departments).toEqual([]);
        expect(truth!.subTopic).toBeNull();
        continue;
      }
      complaints++;
      expect(truth!.departments[0]).toBe(truth!.department);
      expect(new Set(truth!.departments).size).toBe(truth!.departments.length);
      for (const d of truth!.departments) expect(SUBTOPICS.has(d)).toBe(true);
      expect(SUBTOPICS.get(truth!.department!)!.has(truth!.subTopic!)).toBe(true);
    }
    const share = complaints / customer;
    expect(share).toBeGreaterThan(0.2);
    expect(share).toBeLessThan(0.3);
  });

  it('has complaints for every department, with more than one sub-topic each', () => {
    const subs = new Map<string, Set<string>>();
    for (const { truth } of rows) {
      if (!truth?.complaint) continue;
      const s = subs.get(truth.department!) ?? new Set<string>();
      s.add(truth.subTopic!);
      subs.set(truth.department!, s);
    }
    for (const dept of ['warehouse', 'ops', 'finance', 'product', 'logistics', 'service']) {
      expect(subs.get(dept)?.size ?? 0, dept).toBeGreaterThan(2);
    }
  });

  it('writes 10–30 % of conversations in traditional Chinese, agents answering in the same script', () => {
    const trad = new Map<string, { customer: boolean; agent: boolean }>();
    const convs = new Set<string>();
    for (const { message } of rows) {
      convs.add(message.conversationId);
      if (!looksTraditional(message.text)) continue;
      const e = trad.get(message.conversationId) ?? { customer: false, agent: false };
      if (message.role === 'customer') e.customer = true;
      if (message.role === 'agent') e.agent = true;
      trad.set(message.conversationId, e);
    }
    const share = trad.size / convs.size;
    expect(share).toBeGreaterThan(0.1);
    expect(share).toBeLessThan(0.3);
    const both = [...trad.values()].filter((e) => e.customer && e.agent).length;
    expect(both / trad.size).toBeGreaterThan(0.8);
  });

  it('is busier on weekends and evenings than at night, and surges in the 11-11 week', () => {
    const perDay = new Map<string, number>();
    const perHour = new Array<number>(24).fill(0);
    for (const { message } of rows) {
      perDay.set(dayOf(message), (perDay.get(dayOf(message)) ?? 0) + 1);
      perHour[Number(message.sentAt.slice(11, 13))]!++;
    }
    expect(perHour[21]!).toBeGreaterThan(5 * perHour[4]!);
    // Weeks (Mon–Sun) fully inside the range, outside the sales seasons.
    const weeks: number[] = [];
    const days = [...perDay.keys()].sort();
    for (let start = days[0]!; addDays(start, 6) <= days[days.length - 1]!; start = addDays(start, 7)) {
      let sum = 0;
      for (let i = 0; i < 7; i++) sum += perDay.get(addDays(start, i)) ?? 0;
      const m = start.slice(5, 7);
      if (m !== '06' && m !== '10' && m !== '11') weeks.push(sum);
    }
    const avgWeek = weeks.reduce((a, b) => a + b, 0) / weeks.length;
    let elevenWeek = 0;
    for (let i = 0; i < 7; i++) elevenWeek += perDay.get(addDays('2026-11-11', i)) ?? 0;
    expect(elevenWeek).toBeGreaterThan(1.6 * avgWeek);
    expect(perDay.get('2026-11-11')!).toBeGreaterThan(2.5 * (avgWeek / 7));
  });

  it('shows the injected problems in daily counts: a wrong-size wave and a no-door-delivery wave', () => {
    const themeDays = new Map<string, Map<string, number>>();
    const subDays = new Map<string, Map<string, number>>();
    for (const { message, truth } of rows) {
      if (!truth?.complaint) continue;
      const key = `${truth.department}/${truth.subTopic}`;
      const sd = subDays.get(key) ?? new Map<string, number>();
      sd.set(dayOf(message), (sd.get(dayOf(message)) ?? 0) + 1);
      subDays.set(key, sd);
      if (!truth.theme) continue;
      const td = themeDays.get(truth.theme) ?? new Map<string, number>();
      td.set(dayOf(message), (td.get(dayOf(message)) ?? 0) + 1);
      themeDays.set(truth.theme, td);
    }
    const check = (prefix: string, key: string, maxDays: number) => {
      const theme = [...themeDays.keys()].find((k) => k.startsWith(prefix));
      expect(theme, prefix).toBeDefined();
      const days = [...themeDays.get(theme!)!.keys()].sort();
      const from = days[0]!;
      const to = days[days.length - 1]!;
      const span = (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;
      expect(span).toBeLessThanOrEqual(maxDays);
      // The department's own sub-topic count: far higher per day inside the window than outside it.
      let inside = 0;
      let outside = 0;
      let insideDays = 0;
      const all = [...new Set(rows.map((r) => dayOf(r.message)))];
      for (const d of all) {
        const v = subDays.get(key)?.get(d) ?? 0;
        if (d >= from && d <= to) {
          inside += v;
          insideDays++;
        } else outside += v;
      }
      const inRate = inside / insideDays;
      const outRate = outside / (all.length - insideDays);
      expect(inside).toBeGreaterThan(8);
      expect(inRate).toBeGreaterThan(4 * outRate);
    };
    check('wrong-size-', 'warehouse/wrong_item', 30);
    check('no-door-delivery-', 'logistics/door_delivery', 35);
  });

  it('uses other time zones for hours, days and offsets', () => {
    const end = Date.UTC(2026, 10, 20, 12);
    let last = -Infinity;
    let n = 0;
    for (const m of generateDemo({ end, scale: 0.005, timeZone: 'Europe/Berlin' })) {
      expect(ChatMessage.safeParse(m).success).toBe(true);
      expect(m.sentAt).toMatch(/\+0[12]:00$/);
      const t = sentAtMs(m);
      expect(t).toBeGreaterThanOrEqual(last);
      last = t;
      n++;
    }
    expect(n).toBeGreaterThan(300);
    expect(() => [...generateDemo({ end, scale: 0.01, timeZone: 'Mars/Olympus' })]).toThrow(/time zone/);
  });
});
