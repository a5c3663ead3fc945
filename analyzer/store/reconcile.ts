import { createHash } from 'node:crypto';
import type { Store } from '../../schemas/clickhouse/store.ts';

const DIMENSIONS = ['day', 'department', 'sub_topic', 'channel', 'shop', 'sku', 'role', 'script'] as const;

interface Cell {
  day: string;
  department: string;
  sub_topic: string;
  channel: string;
  shop: string;
  sku: string;
  role: string;
  script: string;
  messages: number;
  complaints: number;
}

export interface ReconcileResult {
  /** Rollup cells that disagreed with the messages table and were corrected. */
  corrected: number;
  /** Messages the rollup was missing (negative: counted too often) before the correction. */
  messagesDelta: number;
  complaintsDelta: number;
}

const keyOf = (c: Omit<Cell, 'messages' | 'complaints'>) => DIMENSIONS.map((d) => c[d]).join('\u0001');

/**
 * Makes the daily rollup agree with the messages table for a range of days. The rollup is fed by a
 * materialized view in the same insert as the messages, so they only part if a process dies between the two
 * parts of one insert; this finds such cells and inserts the difference (SummingMergeTree adds it up), so the
 * correction is append-only and running it again changes nothing.
 * Run it while nothing else writes the range (at start-up, before consuming; or with writers stopped).
 */
export async function reconcileRollups(store: Store, from: string, to: string): Promise<ReconcileResult> {
  const dims = DIMENSIONS.join(', ');
  const truth = await store.query<Cell>(
    `SELECT ${dims}, sum(messages) AS messages, sum(complaints) AS complaints FROM (
       SELECT day, if(complaint = 1, department, '') AS department, if(complaint = 1, sub_topic, '') AS sub_topic,
              channel, shop, sku, role, script, sign AS messages, sign * complaint AS complaints
       FROM messages WHERE day BETWEEN {from:Date} AND {to:Date}
     ) GROUP BY ${dims}`,
    { from, to },
  );
  const rollup = await store.query<Cell>(
    `SELECT ${dims}, sum(messages) AS messages, sum(complaints) AS complaints
     FROM daily_stats WHERE day BETWEEN {from:Date} AND {to:Date} GROUP BY ${dims}`,
    { from, to },
  );
  const cells = new Map<string, { cell: Cell; messages: number; complaints: number }>();
  for (const c of truth) cells.set(keyOf(c), { cell: c, messages: Number(c.messages), complaints: Number(c.complaints) });
  for (const c of rollup) {
    const k = keyOf(c);
    const e = cells.get(k) ?? { cell: c, messages: 0, complaints: 0 };
    e.messages -= Number(c.messages);
    e.complaints -= Number(c.complaints);
    cells.set(k, e);
  }
  const deltas: Cell[] = [];
  let messagesDelta = 0;
  let complaintsDelta = 0;
  for (const { cell, messages, complaints } of cells.values()) {
    if (messages === 0 && complaints === 0) continue;
    deltas.push({ ...cell, messages, complaints });
    messagesDelta += messages;
    complaintsDelta += complaints;
  }
  if (deltas.length > 0) {
    // One token per run (retries inside this insert are deduplicated; a later run is a new correction).
    const token = createHash('sha256')
      .update(`reconcile ${from} ${to} ${Date.now()} ${Math.random()}\n${deltas.map((d) => `${keyOf(d)}:${d.messages}:${d.complaints}`).join('\n')}`)
      .digest('hex');
    await store.insert('daily_stats', deltas as unknown as Record<string, unknown>[], { token });
  }
  return { corrected: deltas.length, messagesDelta, complaintsDelta };
}
