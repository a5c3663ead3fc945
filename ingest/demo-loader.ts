import { RECEIVED_AT_HEADER, TOPICS, type Bus, type BusRecord } from '../schemas/bus.ts';
import type { ChatMessage } from '../schemas/chat-message.ts';

export interface LoadProgress {
  published: number;
  /** 0..1, from the position in time of the last message published. */
  fraction: number;
}

export interface LoadOptions {
  bus: Bus;
  messages: Iterable<ChatMessage>;
  /** The messages were validated (or come from typed, tested code such as the demo generator). */
  validated?: boolean;
  /** Time (epoch ms) of the last message, for the progress fraction (from the first message's time to it). */
  end?: number;
  chunk?: number;
  onProgress?: (p: LoadProgress) => void;
  now?: () => number;
}

/**
 * Publishes a stream of chat messages through the bus in chunks, keeping two chunks in flight so analysis of
 * one overlaps the store write of the other. Resolves when everything is durable.
 */
export async function publishAll(options: LoadOptions): Promise<number> {
  const chunkSize = options.chunk ?? 5_000;
  const now = options.now ?? Date.now;
  let chunk: BusRecord[] = [];
  let published = 0;
  let firstAt: number | undefined;
  let lastAt = 0;
  const inFlight: Promise<void>[] = [];
  const flush = async () => {
    if (chunk.length === 0) return;
    const records = chunk;
    chunk = [];
    inFlight.push(
      options.bus.publish(TOPICS.messages, records).then(() => {
        published += records.length;
        const span = options.end !== undefined && firstAt !== undefined ? options.end - firstAt : 0;
        options.onProgress?.({ published, fraction: span > 0 ? Math.min(1, Math.max(0, (lastAt - firstAt!) / span)) : 0 });
      }),
    );
    if (inFlight.length >= 4) await inFlight.shift();
  };
  for (const m of options.messages) {
    firstAt ??= Date.parse(m.sentAt);
    chunk.push({ key: m.conversationId, value: m, validated: options.validated, headers: { [RECEIVED_AT_HEADER]: String(now()) } });
    if (chunk.length >= chunkSize) {
      lastAt = Date.parse(m.sentAt);
      await flush();
    }
  }
  await flush();
  await Promise.all(inFlight);
  options.onProgress?.({ published, fraction: 1 });
  return published;
}
