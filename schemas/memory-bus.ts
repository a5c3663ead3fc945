import type { BatchHandler, Bus, BusRecord, Subscription, Topic } from './bus.ts';

/**
 * The in-process bus of the embedded mode. `publish` hands the records straight to each subscribed group's
 * handler and resolves when every handler has resolved, i.e. when the analyzer has stored them: "accepted"
 * means durable, as with Kafka's acks. With no subscriber a publish fails rather than dropping records.
 */
export class MemoryBus implements Bus {
  readonly kind = 'memory' as const;
  readonly #groups = new Map<Topic, Map<string, BatchHandler>>();
  #closed = false;

  /** Largest batch handed to a handler at once; bigger publishes are split (the writer batches anyway). */
  constructor(readonly maxBatch = 5_000) {}

  async publish(topic: Topic, records: readonly BusRecord[]): Promise<void> {
    if (this.#closed) throw new Error('bus is closed');
    if (records.length === 0) return;
    const handlers = [...(this.#groups.get(topic)?.values() ?? [])];
    if (handlers.length === 0) throw new Error(`no consumer is subscribed to ${topic}; records were not accepted`);
    const pending: Promise<void>[] = [];
    for (let i = 0; i < records.length; i += this.maxBatch) {
      const chunk = records.length <= this.maxBatch ? records : records.slice(i, i + this.maxBatch);
      for (const h of handlers) pending.push(h(chunk));
    }
    await Promise.all(pending);
  }

  async subscribe(topic: Topic, group: string, handler: BatchHandler): Promise<Subscription> {
    let groups = this.#groups.get(topic);
    if (!groups) this.#groups.set(topic, (groups = new Map()));
    if (groups.has(group)) throw new Error(`group ${group} already consumes ${topic} on this bus`);
    groups.set(group, handler);
    return {
      stop: async () => {
        groups.delete(group);
      },
    };
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#groups.clear();
  }
}
