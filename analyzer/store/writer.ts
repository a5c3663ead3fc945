import { createHash } from 'node:crypto';
import type { AnalyzedMessage } from '../../schemas/analyzed-message.ts';
import type { Store } from '../../schemas/clickhouse/store.ts';
import type { CorrectionRequest } from '../../schemas/correction.ts';
import type { Logger } from '../../schemas/log.ts';
import { silentLogger } from '../../schemas/log.ts';
import { currentRows } from './current.ts';
import { relabelRow, toRow, type MessageRow, type Relabel } from './rows.ts';

export type WriteOp =
  | { kind: 'insert'; message: AnalyzedMessage }
  | { kind: 'relabel'; id: string; change: Relabel; audit?: CorrectionRequest };

export type OpOutcome = 'inserted' | 'duplicate' | 'relabeled' | 'missing';

export interface WriterOptions {
  /** Flush when this many operations wait (default 10 000). */
  maxBatch?: number;
  /** Flush at the latest this long after the first waiting operation (default 200 ms). */
  maxWaitMs?: number;
  log?: Logger;
  /** Injectable clock (tests). */
  now?: () => number;
}

interface Pending {
  ops: readonly WriteOp[];
  resolve: (outcomes: OpOutcome[]) => void;
  reject: (error: unknown) => void;
}

export interface WriterStats {
  flushes: number;
  inserted: number;
  duplicates: number;
  relabeled: number;
  lastFlushMs: number;
}

/**
 * The only writer of `messages`. Batches by size and time (never an insert per message), and makes every
 * write idempotent:
 * - an id already stored (or seen earlier in the batch) is a duplicate and is not written again;
 * - a relabel writes a -1 row cancelling the current state and a +1 row with a higher version, so the
 *   rollups move the count instead of adding one;
 * - each flush carries a deduplication token, so a retried insert cannot land twice.
 * Flushes run one at a time: the read-before-write needs no lock beyond that.
 * `write` resolves when the operations are durable in the store.
 */
export class BatchWriter {
  readonly #store: Store;
  readonly #maxBatch: number;
  readonly #maxWaitMs: number;
  readonly #log: Logger;
  readonly #now: () => number;
  #queue: Pending[] = [];
  #queued = 0;
  #timer: NodeJS.Timeout | undefined;
  #flushing: Promise<void> | undefined;
  #closed = false;
  #lastVersion = 0;
  readonly stats: WriterStats = { flushes: 0, inserted: 0, duplicates: 0, relabeled: 0, lastFlushMs: 0 };

  constructor(store: Store, options: WriterOptions = {}) {
    this.#store = store;
    this.#maxBatch = options.maxBatch ?? 10_000;
    this.#maxWaitMs = options.maxWaitMs ?? 200;
    this.#log = options.log ?? silentLogger;
    this.#now = options.now ?? Date.now;
  }

  write(ops: readonly WriteOp[]): Promise<OpOutcome[]> {
    if (this.#closed) return Promise.reject(new Error('writer is closed'));
    if (ops.length === 0) return Promise.resolve([]);
    return new Promise((resolve, reject) => {
      this.#queue.push({ ops, resolve, reject });
      this.#queued += ops.length;
      if (this.#queued >= this.#maxBatch) this.#kick();
      else this.#timer ??= setTimeout(() => this.#kick(), this.#maxWaitMs);
    });
  }

  /** Writes everything queued now. */
  async flush(): Promise<void> {
    while (this.#queue.length > 0 || this.#flushing) {
      this.#kick();
      await this.#flushing;
    }
  }

  async close(): Promise<void> {
    this.#closed = true;
    await this.flush();
  }

  #kick(): void {
    if (this.#timer) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
    }
    if (this.#flushing || this.#queue.length === 0) return;
    this.#flushing = this.#flushOnce().finally(() => {
      this.#flushing = undefined;
      if (this.#queue.length > 0) {
        if (this.#queued >= this.#maxBatch) this.#kick();
        else this.#timer ??= setTimeout(() => this.#kick(), this.#maxWaitMs);
      }
    });
  }

  #nextVersion(): number {
    // Microseconds since the epoch, strictly increasing within the process.
    const v = Math.max(this.#now() * 1000, this.#lastVersion + 1);
    this.#lastVersion = v;
    return v;
  }

  async #flushOnce(): Promise<void> {
    const batch: Pending[] = [];
    let size = 0;
    while (this.#queue.length > 0 && (size === 0 || size + this.#queue[0]!.ops.length <= this.#maxBatch * 2)) {
      const p = this.#queue.shift()!;
      batch.push(p);
      size += p.ops.length;
    }
    this.#queued -= size;
    const started = performance.now();
    try {
      const outcomes = await this.#apply(batch.flatMap((p) => p.ops));
      let k = 0;
      for (const p of batch) {
        p.resolve(outcomes.slice(k, k + p.ops.length));
        k += p.ops.length;
      }
      this.stats.flushes++;
      this.stats.lastFlushMs = performance.now() - started;
    } catch (error) {
      this.#log.error('flush failed; the operations were not stored', { ops: size, error });
      for (const p of batch) p.reject(error);
    }
  }

  async #apply(ops: readonly WriteOp[]): Promise<OpOutcome[]> {
    const outcomes: OpOutcome[] = new Array(ops.length);
    const insertIds = new Set<string>();
    const relabelIds = new Set<string>();
    for (const op of ops) {
      if (op.kind === 'insert') insertIds.add(op.message.id);
      else relabelIds.add(op.id);
    }

    const existing = insertIds.size > 0 ? await this.#existingIds([...insertIds]) : new Set<string>();
    const current = relabelIds.size > 0 ? await currentRows(this.#store, [...relabelIds]) : new Map<string, MessageRow>();

    const rows: MessageRow[] = [];
    const audits: { request: CorrectionRequest; before: MessageRow }[] = [];
    const now = this.#now();
    ops.forEach((op, i) => {
      if (op.kind === 'insert') {
        const id = op.message.id;
        if (existing.has(id)) {
          outcomes[i] = 'duplicate';
          return;
        }
        existing.add(id);
        const row = toRow(op.message, this.#nextVersion());
        rows.push(row);
        current.set(id, row); // a relabel later in the batch sees it
        outcomes[i] = 'inserted';
      } else {
        const before = current.get(op.id);
        if (!before) {
          outcomes[i] = 'missing';
          return;
        }
        const after = relabelRow(before, op.change, this.#nextVersion(), now);
        rows.push({ ...before, sign: -1 }, after);
        current.set(op.id, after);
        if (op.audit) audits.push({ request: op.audit, before });
        outcomes[i] = 'relabeled';
      }
    });

    // Audit first: a correction retried after a crash is deduplicated by its id and applied again.
    if (audits.length > 0) {
      await this.#store.insert(
        'corrections',
        audits.map((a) => auditRow(a.request, a.before)),
        { token: tokenOf(audits.map((a) => a.request.correctionId)) },
      );
    }
    if (rows.length > 0) {
      await this.#store.insert('messages', rows as unknown as Record<string, unknown>[], {
        token: tokenOf(rows.map((r) => `${r.id}:${r.version}:${r.sign}`)),
      });
    }
    for (const o of outcomes) {
      if (o === 'inserted') this.stats.inserted++;
      else if (o === 'relabeled') this.stats.relabeled++;
      else if (o === 'duplicate') this.stats.duplicates++;
    }
    return outcomes;
  }

  async #existingIds(ids: string[]): Promise<Set<string>> {
    const found = new Set<string>();
    for (let i = 0; i < ids.length; i += 20_000) {
      const chunk = ids.slice(i, i + 20_000);
      const rows = await this.#store.query<{ id: string }>(
        'SELECT id FROM messages WHERE id IN {ids:Array(String)} GROUP BY id HAVING sum(sign) > 0',
        { ids: chunk },
      );
      for (const r of rows) found.add(r.id);
    }
    return found;
  }
}

function auditRow(a: CorrectionRequest, before: MessageRow) {
  return {
    correction_id: a.correctionId,
    message_id: a.messageId,
    day: before.day,
    complaint: a.complaint ? 1 : 0,
    department: a.departments[0] ?? '',
    departments: a.departments,
    sub_topic: a.subTopic ?? '',
    previous_complaint: Number(before.complaint),
    previous_department: before.department,
    previous_departments: before.departments,
    corrected_by: a.by,
    reason: a.reason,
    corrected_at: Date.parse(a.at),
  };
}

function tokenOf(parts: readonly string[]): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\n');
  return h.digest('hex');
}
