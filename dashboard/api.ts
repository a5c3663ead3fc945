import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { z } from 'zod';
import { TOPICS, type Bus } from '../schemas/bus.ts';
import { addDays, daysBetween, type BusinessCalendar } from '../schemas/business-time.ts';
import type { Store } from '../schemas/clickhouse/store.ts';
import { CorrectionInput, type CorrectionRequest } from '../schemas/correction.ts';
import { isCalendarDate } from '../schemas/iso-time.ts';
import type { Taxonomy } from '../schemas/taxonomy.ts';
import { describeIssues } from '../schemas/validation.ts';
import { getMessage, listCorrections, listDeadLetters, listMessages, rangeStats } from './queries.ts';

export interface DashboardApiOptions {
  store: Store;
  /** Corrections travel to the analyzer (the only writer) over the bus. */
  bus: Bus;
  taxonomy: Taxonomy;
  calendar: BusinessCalendar;
  now?: () => number;
}

/** Longest range a single stats query may cover. */
export const MAX_RANGE_DAYS = 3 * 366;

const day = (what: string) => z.string().refine(isCalendarDate, `${what} must be a date YYYY-MM-DD`).optional();

const RangeQuery = z.object({ from: day('from'), to: day('to') });

const MessagesQuery = RangeQuery.extend({
  department: z.string().optional(),
  complaint: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number({ error: 'limit must be a number' }).int('limit must be a whole number').min(1, 'limit must be at least 1').max(1000, 'limit must be at most 1000').default(50),
  offset: z.coerce.number({ error: 'offset must be a number' }).int().min(0).max(100_000).default(0),
});

/** Read API for dashboards (CONTRACTS.md): department stats and the message list. */
export function createDashboardApi(options: DashboardApiOptions): Hono {
  const { store, taxonomy, calendar } = options;
  const now = options.now ?? Date.now;
  const labels = new Map(taxonomy.departments.map((d) => [d.id, d]));
  const app = new Hono();

  /** `from`/`to` with defaults (the last 30 days), checked; an error message or the range. */
  const range = (q: { from?: string; to?: string }): { from: string; to: string } | string => {
    const to = q.to ?? calendar.today(now());
    const from = q.from ?? addDays(to, -29);
    if (from > to) return `from (${from}) is after to (${to})`;
    if (daysBetween(from, to) > MAX_RANGE_DAYS) return `the range is longer than ${MAX_RANGE_DAYS} days`;
    return { from, to };
  };

  app.get('/api/stats/departments', async (c) => {
    const q = RangeQuery.safeParse(c.req.query());
    if (!q.success) return c.json({ error: describeIssues(q.error) }, 400);
    const r = range(q.data);
    if (typeof r === 'string') return c.json({ error: r }, 400);
    const stats = await rangeStats(store, r.from, r.to);
    const counts = new Map(stats.byDepartment.map((d) => [d.department, d.complaints]));
    const departments = taxonomy.departments.map((d) => ({ department: d.id, label: d.label, labelEn: d.labelEn, complaints: counts.get(d.id) ?? 0 }));
    // Departments no longer in the taxonomy keep their counts: nothing disappears from the totals.
    for (const [id, n] of counts) if (!labels.has(id)) departments.push({ department: id, label: id, labelEn: id, complaints: n });
    return c.json({ from: r.from, to: r.to, messages: stats.messages, complaints: stats.complaints, departments });
  });

  app.get('/api/messages', async (c) => {
    const q = MessagesQuery.safeParse(c.req.query());
    if (!q.success) return c.json({ error: describeIssues(q.error) }, 400);
    const r = range(q.data);
    if (typeof r === 'string') return c.json({ error: r }, 400);
    const { department, limit, offset } = q.data;
    if (department !== undefined && !labels.has(department)) {
      return c.json({ error: `unknown department "${department}"; one of ${[...labels.keys()].join(', ')}` }, 400);
    }
    const complaint = q.data.complaint === undefined ? undefined : q.data.complaint === 'true';
    const items = await listMessages(store, { from: r.from, to: r.to, department, complaint, limit, offset });
    return c.json({ from: r.from, to: r.to, items });
  });

  app.get('/api/taxonomy', (c) => c.json(taxonomy));

  app.get('/api/messages/:id', async (c) => {
    const message = await getMessage(store, c.req.param('id'));
    if (!message) return c.json({ error: `no message ${c.req.param('id')}` }, 404);
    const corrections = await listCorrections(store, { messageId: message.id, limit: 100 });
    return c.json({ ...message, corrections });
  });

  app.get('/api/messages/:id/corrections', async (c) => {
    return c.json({ items: await listCorrections(store, { messageId: c.req.param('id'), limit: 1000 }) });
  });

  /**
   * Relabel a message: complaint yes/no and its departments (primary first), with who and why. Stored as an
   * audit row and applied to the message; the stats move at once, `npm run train` learns from it.
   */
  app.post('/api/messages/:id/corrections', async (c) => {
    const id = c.req.param('id');
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return c.json({ error: 'body must be JSON: {"complaint":bool,"departments":[…],"subTopic"?,"reason","by"?}' }, 400);
    }
    const parsed = CorrectionInput.safeParse(body);
    if (!parsed.success) return c.json({ error: describeIssues(parsed.error) }, 400);
    const input = parsed.data;
    const unknown = input.departments.filter((d) => !labels.has(d));
    if (unknown.length > 0) return c.json({ error: `unknown department ${unknown.join(', ')}; one of ${[...labels.keys()].join(', ')}` }, 400);
    const subTopic = input.complaint ? (input.subTopic ?? null) : null;
    if (subTopic && !labels.get(input.departments[0]!)!.subTopics.some((s) => s.id === subTopic)) {
      return c.json({ error: `sub-topic ${subTopic} is not one of ${input.departments[0]}'s` }, 400);
    }
    const before = await getMessage(store, id);
    if (!before) return c.json({ error: `no message ${id}` }, 404);
    if (before.role !== 'customer' && input.complaint) return c.json({ error: `message ${id} is a ${before.role} line; only customer lines can be complaints` }, 400);
    const request: CorrectionRequest = {
      correctionId: randomUUID(),
      messageId: id,
      complaint: input.complaint,
      departments: input.complaint ? input.departments : [],
      subTopic,
      reason: input.reason,
      by: input.by ?? 'anonymous',
      at: new Date(now()).toISOString(),
    };
    await options.bus.publish(TOPICS.corrections, [{ key: id, value: request }]);
    const after = await getMessage(store, id);
    return c.json({ message: after, correction: request }, 201);
  });

  app.get('/api/dead-letters', async (c) => {
    const q = z.object({ limit: MessagesQuery.shape.limit }).safeParse(c.req.query());
    if (!q.success) return c.json({ error: describeIssues(q.error) }, 400);
    return c.json({ items: await listDeadLetters(store, q.data.limit) });
  });

  app.get('/api/corrections', async (c) => {
    const q = RangeQuery.extend({ limit: MessagesQuery.shape.limit }).safeParse(c.req.query());
    if (!q.success) return c.json({ error: describeIssues(q.error) }, 400);
    const r = range(q.data);
    if (typeof r === 'string') return c.json({ error: r }, 400);
    return c.json({ from: r.from, to: r.to, items: await listCorrections(store, { from: r.from, to: r.to, limit: q.data.limit }) });
  });

  return app;
}
