import type { Store } from '../../schemas/clickhouse/store.ts';
import type { MessageRow } from './rows.ts';

/**
 * The current row of each message id: the +1 row with the highest version, provided the id's signs do not
 * cancel out (a relabel's −1 row mirrors the state it replaced). Ids not stored are absent from the map.
 */
export async function currentRows(store: Store, ids: readonly string[]): Promise<Map<string, MessageRow>> {
  const rows = await store.query<MessageRow>(
    `SELECT * FROM messages WHERE id IN {ids:Array(String)}
     ORDER BY id, version DESC, sign DESC`,
    { ids },
  );
  const out = new Map<string, MessageRow>();
  const sums = new Map<string, number>();
  for (const r of rows) sums.set(r.id, (sums.get(r.id) ?? 0) + Number(r.sign));
  for (const r of rows) {
    if (out.has(r.id) || Number(r.sign) !== 1 || (sums.get(r.id) ?? 0) <= 0) continue;
    out.set(r.id, r);
  }
  return out;
}
