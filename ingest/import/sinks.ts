import { RECEIVED_AT_HEADER, TOPICS, type Bus } from '../../schemas/bus.ts';
import type { ChatMessage } from '../../schemas/chat-message.ts';
import { withRetry } from '../../schemas/retry.ts';

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

/** A failed POST; `retryable` when the server was busy or unreachable rather than refusing the request. */
class PostFailure extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

export interface HttpSinkOptions {
  token?: string;
  /** Attempts per chunk (default 6). */
  attempts?: number;
  /** Tests: how to wait between attempts. */
  wait?: (ms: number) => Promise<void>;
}

/** POSTs NDJSON chunks to `${url}/api/messages`, retrying 5xx answers and network errors with backoff. */
export function httpSink(url: string, options: HttpSinkOptions = {}): Sink {
  const endpoint = `${url.replace(/\/+$/, '')}/api/messages`;
  const attempts = options.attempts ?? 6;
  const post = async (body: string): Promise<SendResult> => {
    let r: Response;
    try {
      r = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-ndjson', ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) },
        body,
      });
    } catch (e) {
      const cause = (e as { cause?: { code?: string; message?: string } }).cause;
      throw new PostFailure(cause?.code ?? cause?.message ?? (e as Error).message, true);
    }
    const json = (await r.json().catch(() => ({}))) as { accepted?: number; rejected?: { index: number; error: string }[]; error?: string };
    if (r.status === 202) return { accepted: json.accepted ?? 0, rejected: json.rejected ?? [] };
    throw new PostFailure(`${endpoint} answered ${r.status}: ${json.error ?? r.statusText}`, r.status >= 500);
  };
  return {
    name: endpoint,
    async send(messages) {
      const body = messages.map((m) => JSON.stringify(m)).join('\n');
      try {
        return await withRetry(() => post(body), {
          attempts,
          retryable: (e) => e instanceof PostFailure && e.retryable,
          backoff: (attempt) => Math.min(10_000, 500 * 2 ** (attempt - 1)),
          wait: options.wait,
        });
      } catch (e) {
        if (e instanceof PostFailure && e.retryable) throw new Error(`${endpoint} failed after ${attempts} attempts: ${e.message}`);
        throw e;
      }
    },
    async close() {},
  };
}
