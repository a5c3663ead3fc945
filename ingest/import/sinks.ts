import { RECEIVED_AT_HEADER, TOPICS, type Bus } from '../../schemas/bus.ts';
import type { ChatMessage } from '../../schemas/chat-message.ts';

export interface SendResult {
  accepted: number;
  /** Records the receiver refused, by index within the sent chunk. */
  rejected: { index: number; error: string }[];
}

/** Where imported messages go: the configured pipeline (bus) or a running server's HTTP ingest. */
export interface Sink {
  readonly name: string;
  send(messages: readonly ChatMessage[]): Promise<SendResult>;
  close(): Promise<void>;
}

export function busSink(bus: Bus, close: () => Promise<void>): Sink {
  return {
    name: bus.kind === 'kafka' ? 'Kafka' : 'the embedded store',
    async send(messages) {
      const receivedAt = String(Date.now());
      await bus.publish(
        TOPICS.messages,
        messages.map((m) => ({ key: m.conversationId, value: m, validated: true, headers: { [RECEIVED_AT_HEADER]: receivedAt } })),
      );
      return { accepted: messages.length, rejected: [] };
    },
    close,
  };
}

/** POSTs NDJSON chunks to `${url}/api/messages`, retrying 503s and network errors with backoff. */
export function httpSink(url: string, token?: string, attempts = 6): Sink {
  const endpoint = `${url.replace(/\/+$/, '')}/api/messages`;
  return {
    name: endpoint,
    async send(messages) {
      const body = messages.map((m) => JSON.stringify(m)).join('\n');
      for (let attempt = 1; ; attempt++) {
        let status = 0;
        let detail = '';
        try {
          const r = await fetch(endpoint, {
            method: 'POST',
            headers: { 'content-type': 'application/x-ndjson', ...(token ? { authorization: `Bearer ${token}` } : {}) },
            body,
          });
          status = r.status;
          const json = (await r.json().catch(() => ({}))) as { accepted?: number; rejected?: { index: number; error: string }[]; error?: string };
          if (r.status === 202) return { accepted: json.accepted ?? 0, rejected: json.rejected ?? [] };
          detail = json.error ?? r.statusText;
          if (r.status !== 503 && r.status < 500) throw new Error(`${endpoint} answered ${r.status}: ${detail}`);
        } catch (e) {
          if (status !== 0 && status !== 503 && status < 500) throw e;
          detail = (e as Error).message;
        }
        if (attempt >= attempts) throw new Error(`${endpoint} failed after ${attempts} attempts: ${detail}`);
        await new Promise((r) => setTimeout(r, Math.min(10_000, 250 * 2 ** attempt)));
      }
    },
    async close() {},
  };
}
