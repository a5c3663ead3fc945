import { createHash } from 'node:crypto';
import type { Store } from '../../schemas/clickhouse/store.ts';

export interface DeadLetter {
  topic: string;
  /** Which step gave up: decode | validate | analyze | apply. */
  stage: string;
  reason: string;
  key: string;
  /** The original record, as received (JSON text or the raw bytes decoded as UTF-8 with replacement). */
  payload: string;
}

/** Same record, same step, same reason → same id: a redelivered bad record is kept once. */
export function deadLetterId(d: DeadLetter): string {
  return createHash('sha256').update(`${d.topic}\n${d.stage}\n${d.key}\n${d.payload}`).digest('hex').slice(0, 32);
}

export async function writeDeadLetters(store: Store, letters: readonly DeadLetter[], now = Date.now()): Promise<void> {
  if (letters.length === 0) return;
  const rows = letters.map((d) => ({
    dead_letter_id: deadLetterId(d),
    at: now,
    topic: d.topic,
    stage: d.stage,
    reason: d.reason.slice(0, 2000),
    record_key: d.key,
    payload: d.payload,
    replayed_at: null,
  }));
  const token = createHash('sha256').update(rows.map((r) => r.dead_letter_id).join(',')).digest('hex');
  await store.insert('dead_letters', rows, { token: `dlq-${token}` });
}
