/**
 * The bus between ingest and the analyzer. Two implementations: the in-process bus (embedded default)
 * and Kafka (KAFKA_BROKERS). Both promise the same thing: `publish` resolves only once every record is
 * durable (stored by the analyzer, or acknowledged by Kafka), and a subscriber's handler is called with
 * batches; it is done with a batch (offsets may be committed) only when its promise resolves.
 */
export const TOPICS = {
  /** Chat messages as validated by ingest (value: ChatMessage JSON, key: conversationId). */
  messages: 'fankui.messages.v1',
  /** Label corrections from the dashboard (value: CorrectionRequest JSON, key: message id). */
  corrections: 'fankui.corrections.v1',
  /** Records the analyzer could not process: original bytes + reason in headers. */
  deadLetters: 'fankui.dead-letters.v1',
} as const;
export type Topic = (typeof TOPICS)[keyof typeof TOPICS];

export interface BusRecord {
  /** Partitioning key: records with the same key are delivered in order. */
  key: string;
  /** The record. The in-process bus hands the object over as is; Kafka carries JSON bytes. */
  value: unknown;
  headers?: Record<string, string>;
  /**
   * The publisher validated `value` against the topic's schema in this process (in-process bus only; a
   * consumer re-validates whatever crossed a process boundary, i.e. anything Kafka delivers as bytes).
   */
  validated?: boolean;
}

export type BatchHandler = (batch: readonly BusRecord[]) => Promise<void>;

export interface Subscription {
  /** Stops delivery after the batch in hand; resolves when it is done. */
  stop(): Promise<void>;
}

export interface Bus {
  readonly kind: 'memory' | 'kafka';
  publish(topic: Topic, records: readonly BusRecord[]): Promise<void>;
  subscribe(topic: Topic, group: string, handler: BatchHandler): Promise<Subscription>;
  close(): Promise<void>;
}

/** Header set by ingest: when the record was received (epoch ms). */
export const RECEIVED_AT_HEADER = 'received-at';
