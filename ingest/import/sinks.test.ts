import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../schemas/chat-message.ts';
import { httpSink } from './sinks.ts';

const message = { id: 'm1', conversationId: 'c1', role: 'customer', text: '还没发货', sentAt: '2026-11-20T10:00:00+08:00' } as ChatMessage;
const noWait = async () => undefined;

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

/** A server answering each POST with the next status in `statuses`; returns its URL and what it received. */
async function serve(statuses: number[]): Promise<{ url: string; bodies: string[]; auth: (string | undefined)[] }> {
  const bodies: string[] = [];
  const auth: (string | undefined)[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      bodies.push(body);
      auth.push(req.headers.authorization);
      const status = statuses[Math.min(bodies.length - 1, statuses.length - 1)]!;
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(status === 202 ? { accepted: 1, rejected: [] } : { error: `status ${status}` }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  close = () => new Promise((r) => server.close(() => r()));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, bodies, auth };
}

describe('httpSink', () => {
  it('retries a busy server and sends the same NDJSON chunk again', async () => {
    const s = await serve([503, 500, 202]);
    const sink = httpSink(s.url, { token: 't0k', wait: noWait });
    expect(await sink.send([message])).toEqual({ accepted: 1, rejected: [] });
    expect(s.bodies).toHaveLength(3);
    expect(new Set(s.bodies).size).toBe(1);
    expect(JSON.parse(s.bodies[0]!)).toMatchObject({ id: 'm1' });
    expect(s.auth).toEqual(['Bearer t0k', 'Bearer t0k', 'Bearer t0k']);
  });

  it('fails at once when the server refuses the request', async () => {
    const s = await serve([401]);
    await expect(httpSink(s.url, { wait: noWait }).send([message])).rejects.toThrow(/answered 401: status 401/);
    expect(s.bodies).toHaveLength(1);
  });

  it('gives up after the last attempt and says why', async () => {
    const s = await serve([503]);
    await expect(httpSink(s.url, { attempts: 3, wait: noWait }).send([message])).rejects.toThrow(/failed after 3 attempts: .*answered 503/);
    expect(s.bodies).toHaveLength(3);
  });

  it('retries when nothing listens, then names the network error', async () => {
    const s = await serve([202]);
    await close!();
    close = undefined;
    await expect(httpSink(s.url, { attempts: 2, wait: noWait }).send([message])).rejects.toThrow(/failed after 2 attempts: ECONNREFUSED/);
  });
});
