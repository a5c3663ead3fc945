import { timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { RECEIVED_AT_HEADER, TOPICS, type Bus } from '../schemas/bus.ts';
import type { Logger } from '../schemas/log.ts';
import { silentLogger } from '../schemas/log.ts';
import { BodyError, bodyFormat, decodeUtf8, parseMessagesBody } from './parse-body.ts';

export interface IngestOptions {
  bus: Bus;
  log?: Logger;
  /** Bearer token required on ingest routes (INGEST_TOKEN). */
  token?: string;
  maxBodyBytes?: number;
  now?: () => number;
}

function tokenMatches(header: string | undefined, token: string): boolean {
  const m = /^Bearer\s+(.+)$/i.exec(header ?? '');
  if (!m) return false;
  const a = Buffer.from(m[1]!.trim());
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * POST /api/messages: validate each record, publish the valid ones to the bus, and answer 202 only when the
 * bus says they are durable. Invalid records are listed with their index and reason; never a silent drop.
 */
export function createIngestApp(options: IngestOptions): Hono {
  const log = options.log ?? silentLogger;
  const now = options.now ?? Date.now;
  const maxBodyBytes = options.maxBodyBytes ?? 16 * 1024 * 1024;
  const app = new Hono();

  app.use('/api/messages', async (c, next) => {
    if (c.req.method !== 'POST' || !options.token) return next();
    if (!tokenMatches(c.req.header('authorization'), options.token)) {
      return c.json({ error: 'missing or wrong bearer token (Authorization: Bearer <INGEST_TOKEN>)' }, 401);
    }
    return next();
  });

  app.post(
    '/api/messages',
    bodyLimit({
      maxSize: maxBodyBytes,
      // The rest of the body is not read: close the connection so the client does not reuse a socket
      // that still has request bytes in flight.
      onError: (c) => c.json({ error: `body larger than ${maxBodyBytes} bytes; split it into smaller requests` }, 413, { connection: 'close' }),
    }),
    async (c) => {
      const receivedAt = now();
      let parsed;
      try {
        const bytes = new Uint8Array(await c.req.arrayBuffer());
        const text = decodeUtf8(bytes);
        parsed = parseMessagesBody(text, bodyFormat(c.req.header('content-type'), text));
      } catch (e) {
        if (e instanceof BodyError) return c.json({ error: e.message }, e.status);
        throw e;
      }
      if (parsed.accepted.length > 0) {
        try {
          await options.bus.publish(
            TOPICS.messages,
            parsed.accepted.map((m) => ({ key: m.conversationId, value: m, validated: true, headers: { [RECEIVED_AT_HEADER]: String(receivedAt) } })),
          );
        } catch (e) {
          log.error('publish failed; nothing from the request was accepted', { records: parsed.accepted.length, error: e });
          return c.json({ error: 'the store is not accepting messages right now; nothing from this request was accepted, retry later' }, 503);
        }
      }
      return c.json({ accepted: parsed.accepted.length, rejected: parsed.rejected }, 202);
    },
  );

  return app;
}
