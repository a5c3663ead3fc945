import type { Classification } from '../schemas/analyzed-message.ts';
import { RECEIVED_AT_HEADER, TOPICS, type Bus, type BusRecord, type Subscription } from '../schemas/bus.ts';
import type { BusinessCalendar } from '../schemas/business-time.ts';
import { ChatMessage } from '../schemas/chat-message.ts';
import type { Store } from '../schemas/clickhouse/store.ts';
import { CorrectionRequest } from '../schemas/correction.ts';
import type { Logger } from '../schemas/log.ts';
import { silentLogger } from '../schemas/log.ts';
import { analyzeMessages, type Received } from './analyze.ts';
import type { z } from 'zod';
import type { Classifier } from './classify/types.ts';
import { ConversationContext } from './context.ts';
import { decodeRecord, payloadOf } from './decode.ts';
import { writeDeadLetters, type DeadLetter } from './store/dead-letters.ts';
import { BatchWriter, type WriteOp, type WriterOptions } from './store/writer.ts';

export interface AnalyzerOptions {
  bus: Bus;
  store: Store;
  classifier: Classifier;
  calendar: BusinessCalendar;
  log?: Logger;
  writer?: WriterOptions;
  /** Consumer group (Kafka); all analyzers of one deployment share it. */
  group?: string;
}

export interface AnalyzerCounters {
  received: number;
  readonly inserted: number;
  readonly duplicates: number;
  deadLetters: number;
  corrections: number;
}

export interface Analyzer {
  readonly writer: BatchWriter;
  readonly counters: AnalyzerCounters;
  /** Stops consuming, writes what is queued, and returns. */
  stop(): Promise<void>;
}

function receivedAt(record: BusRecord): number {
  const h = record.headers?.[RECEIVED_AT_HEADER];
  const t = h ? Number(h) : NaN;
  return Number.isFinite(t) ? t : Date.now();
}

export function correctionLabel(c: CorrectionRequest): Classification {
  return {
    complaint: c.complaint,
    department: c.complaint ? (c.departments[0] ?? null) : null,
    departments: c.complaint ? c.departments : [],
    confidence: 1,
    subTopic: c.complaint ? c.subTopic : null,
    evidence: [],
    contextEvidence: [],
  };
}

/**
 * The analyzer service: consumes chat messages and corrections from the bus, analyzes, and writes through
 * the batch writer. A batch's handler resolves only when its rows (and its dead letters) are stored, so the
 * bus acknowledges (Kafka: commits offsets) only after the ClickHouse insert returned.
 */
export async function startAnalyzer(options: AnalyzerOptions): Promise<Analyzer> {
  const log = options.log ?? silentLogger;
  const { store, classifier, calendar } = options;
  const writer = new BatchWriter(store, { log, ...options.writer });
  const context = new ConversationContext();
  // Inserts and duplicates are the writer's own tally of insert outcomes; the rest are counted here.
  const counters: AnalyzerCounters = {
    received: 0,
    get inserted() {
      return writer.stats.inserted;
    },
    get duplicates() {
      return writer.stats.duplicates;
    },
    deadLetters: 0,
    corrections: 0,
  };
  const group = options.group ?? 'fankui-analyzer';

  /** The record's value, or undefined after filing it as a dead letter (decode and validate failures). */
  const decodeOrFile = <S extends z.ZodType>(record: BusRecord, schema: S, topic: string, dead: DeadLetter[]): z.infer<S> | undefined => {
    const decoded = decodeRecord(record, schema);
    if (decoded.kind === 'ok') return decoded.value;
    if (decoded.kind === 'dlq') dead.push({ topic, stage: 'validate', reason: decoded.reason, key: record.key, payload: payloadOf(record) });
    return undefined;
  };

  const onMessages = async (batch: readonly BusRecord[]) => {
    counters.received += batch.length;
    const ops: WriteOp[] = [];
    const dead: DeadLetter[] = [];
    // Decoded first, then analyzed together (analyzeMessages stages the text steps for the processor's caches).
    const records: BusRecord[] = [];
    const items: Received[] = [];
    for (const record of batch) {
      const message = decodeOrFile(record, ChatMessage, TOPICS.messages, dead);
      if (!message) continue;
      records.push(record);
      items.push({ message, receivedAt: receivedAt(record) });
    }
    analyzeMessages(items, { classifier, calendar, context }).forEach((analyzed, i) => {
      const record = records[i]!;
      if (analyzed.kind === 'ok') ops.push({ kind: 'insert', message: analyzed.value });
      else if (analyzed.kind === 'dlq') dead.push({ topic: TOPICS.messages, stage: 'analyze', reason: analyzed.reason, key: record.key, payload: payloadOf(record) });
    });
    await Promise.all([writer.write(ops), writeDeadLetters(store, dead)]);
    counters.deadLetters += dead.length;
    if (dead.length > 0) log.warn('records sent to dead letters', { count: dead.length, first: dead[0]!.reason });
  };

  const onCorrections = async (batch: readonly BusRecord[]) => {
    const ops: WriteOp[] = [];
    const dead: DeadLetter[] = [];
    for (const record of batch) {
      const c = decodeOrFile(record, CorrectionRequest, TOPICS.corrections, dead);
      if (!c) continue;
      ops.push({ kind: 'relabel', id: c.messageId, change: { label: correctionLabel(c), labelSource: 'correction' }, audit: c });
    }
    const outcomes = await writer.write(ops);
    outcomes.forEach((o, i) => {
      const op = ops[i]!;
      if (o === 'missing' && op.kind === 'relabel') {
        dead.push({ topic: TOPICS.corrections, stage: 'apply', reason: `message ${op.id} not found`, key: op.id, payload: JSON.stringify(op.audit) });
      } else if (o === 'relabeled') counters.corrections++;
    });
    await writeDeadLetters(store, dead);
    counters.deadLetters += dead.length;
  };

  const subscriptions: Subscription[] = [
    await options.bus.subscribe(TOPICS.messages, group, onMessages),
    await options.bus.subscribe(TOPICS.corrections, group, onCorrections),
  ];
  log.info('analyzer consuming', { bus: options.bus.kind, classifier: classifier.version, taxonomy: classifier.taxonomyVersion });

  return {
    writer,
    counters,
    async stop() {
      for (const s of subscriptions) await s.stop();
      await writer.close();
    },
  };
}
