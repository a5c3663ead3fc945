import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../dashboard/server.ts';
import { silentLogger } from '../../schemas/log.ts';
import { getJson, message, postJson, startTestServer, type TestServer } from '../helpers/embedded.ts';

let server: TestServer;
let strict: { url: string; server: ServerType };
const DAY = '2026-06-18';
let seq = 0;
const valid = (overrides: Record<string, unknown> = {}) => message({ id: `ok-${seq++}`, sentAt: `${DAY}T10:00:00+08:00`, ...overrides });

beforeAll(async () => {
  server = await startTestServer();
  // A second front door on the same pipeline with a small body limit and a token.
  const app = createApp({ pipeline: server.pipeline, log: silentLogger, maxBodyBytes: 64 * 1024, ingestToken: 'secret-token-123' });
  await new Promise<void>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => {
      strict = { url: `http://127.0.0.1:${(s.address() as AddressInfo).port}`, server: s };
      resolve();
    });
  });
});
afterAll(async () => {
  await new Promise<void>((r) => (strict ? strict.server.close(() => r()) : r()));
  await server?.close();
});

async function raw(url: string, body: BodyInit | undefined, contentType = 'application/json', headers: Record<string, string> = {}) {
  const r = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': contentType, ...headers }, body });
  const text = await r.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: r.status, json, text };
}

describe('bad input never gets a 5xx and never loses the valid records beside it', () => {
  it('malformed JSON → 400 with a JSON error', async () => {
    const r = await raw(server.url, '[{"id": "x", "text": ');
    expect(r.status).toBe(400);
    expect(r.json.error).toMatch(/not valid JSON/);
  });

  it('empty body → 400', async () => {
    for (const body of ['', '   \n  ']) {
      const r = await raw(server.url, body);
      expect(r.status).toBe(400);
      expect(r.json.error).toMatch(/empty body/);
    }
    expect((await raw(server.url, '', 'application/x-ndjson')).status).toBe(400);
  });

  it('invalid UTF-8 → 400', async () => {
    const bytes = Buffer.concat([Buffer.from('[{"id":"u1","text":"'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('"}]')]);
    const r = await raw(server.url, bytes);
    expect(r.status).toBe(400);
    expect(r.json.error).toMatch(/UTF-8/);
  });

  it('unsupported content type → 415', async () => {
    const r = await raw(server.url, '<messages/>', 'application/xml');
    expect(r.status).toBe(415);
    expect(r.json.error).toMatch(/Content-Type/);
  });

  it('wrong types and missing fields → per-record rejections, valid records accepted', async () => {
    const good1 = valid();
    const good2 = valid({ text: '实物与图片有差异，宣传言过其实' });
    const body = [
      good1,
      { ...valid(), id: 12345 },
      { ...valid(), role: 'boss' },
      { ...valid(), text: 42 },
      { id: 'only-id' },
      'a string',
      null,
      [1, 2],
      good2,
      { ...valid(), channel: '' },
    ];
    const r = await postJson(server.url, body);
    expect(r.status).toBe(202);
    expect(r.body.accepted).toBe(2);
    const errors = Object.fromEntries(r.body.rejected.map((x: any) => [x.index, x.error]));
    expect(Object.keys(errors).map(Number)).toEqual([1, 2, 3, 4, 5, 6, 7, 9]);
    expect(errors[1]).toMatch(/id must be a string/);
    expect(errors[2]).toMatch(/role must be one of customer, agent, system/);
    expect(errors[3]).toMatch(/text must be a string/);
    expect(errors[4]).toMatch(/conversationId is required/);
    expect(errors[4]).toMatch(/sentAt is required/);
    expect(errors[5]).toMatch(/must be a JSON object/);
    expect(errors[9]).toMatch(/channel must not be empty/);
  });

  it('invalid dates → per-record rejections', async () => {
    const bad = ['2026-02-30T10:00:00+08:00', '2026-06-18T10:00:00', 'yesterday', '1999-12-31T23:00:00Z', '2099-01-01T00:00:00Z', '2026-13-01T00:00:00Z', '2026-06-18T25:00:00+08:00'];
    const r = await postJson(server.url, [...bad.map((sentAt) => valid({ sentAt })), valid()]);
    expect(r.status).toBe(202);
    expect(r.body.accepted).toBe(1);
    expect(r.body.rejected).toHaveLength(bad.length);
    for (const x of r.body.rejected) expect(x.error).toMatch(/sentAt/);
  });

  it('a 1 MB text → rejected per record; its neighbours accepted', async () => {
    const r = await postJson(server.url, [valid(), valid({ text: '慢'.repeat(1_000_000) }), valid()]);
    expect(r.status).toBe(202);
    expect(r.body.accepted).toBe(2);
    expect(r.body.rejected).toEqual([{ index: 1, error: expect.stringMatching(/text must be at most 10000 characters/) }]);
  });

  it('a body over the limit → 413', async () => {
    const big = JSON.stringify(Array.from({ length: 40 }, () => valid({ text: '太慢了'.repeat(1000) })));
    const r = await raw(strict.url, big, 'application/json', { authorization: 'Bearer secret-token-123' });
    expect(r.status).toBe(413);
    expect(r.json.error).toMatch(/larger than/);
  });

  it('ingest with INGEST_TOKEN set: 401 without the right token', async () => {
    expect((await raw(strict.url, JSON.stringify([valid()]))).status).toBe(401);
    expect((await raw(strict.url, JSON.stringify([valid()]), 'application/json', { authorization: 'Bearer wrong-token-xyz' })).status).toBe(401);
    expect((await raw(strict.url, JSON.stringify([valid()]), 'application/json', { authorization: 'Bearer secret-token-123' })).status).toBe(202);
  });

  it('NDJSON with broken lines: line numbers for the bad ones, the rest accepted', async () => {
    const lines = [JSON.stringify(valid()), '{not json', '', JSON.stringify({ ...valid(), role: 7 }), JSON.stringify(valid())];
    const r = await raw(server.url, lines.join('\n'), 'application/x-ndjson');
    expect(r.status).toBe(202);
    expect(r.json.accepted).toBe(2);
    expect(r.json.rejected).toEqual([
      { index: 1, line: 2, error: expect.stringMatching(/not valid JSON/) },
      { index: 2, line: 4, error: expect.stringMatching(/role/) },
    ]);
  });

  it('HTML and script in text are data: stored as given and returned as a JSON string', async () => {
    const text = '<script>alert(1)</script><img src=x onerror=alert(2)> 发货太慢了';
    const m = valid({ id: 'html-1', text });
    expect((await postJson(server.url, [m])).body.accepted).toBe(1);
    const list = await getJson(`${server.url}/api/messages?from=${DAY}&to=${DAY}&limit=1000`);
    const item = list.body.items.find((i: any) => i.id === 'html-1');
    expect(item.text).toBe(text);
    // The start page renders API text with textContent only.
    const page = await (await fetch(`${server.url}/`)).text();
    expect(page).not.toMatch(/innerHTML/);
  });

  it('odd but harmless JSON (a prototype key, extra fields, a lone object) is handled', async () => {
    const r1 = await raw(server.url, `[${JSON.stringify(valid()).slice(0, -1)},"__proto__":{"admin":true},"extra":1}]`);
    expect(r1.status).toBe(202);
    expect(r1.json.accepted).toBe(1);
    const r2 = await postJson(server.url, valid());
    expect(r2.body.accepted).toBe(1);
    const r3 = await raw(server.url, '42');
    expect(r3.status).toBe(202);
    expect(r3.json.rejected[0].error).toMatch(/JSON object/);
  });

  it('too many records in one request → 413', async () => {
    const r = await raw(server.url, JSON.stringify(Array.from({ length: 50_001 }, () => ({}))));
    expect(r.status).toBe(413);
  });

  it('the server is still healthy and every accepted record is counted', async () => {
    expect((await getJson(`${server.url}/healthz`)).status).toBe(200);
    const s = await getJson(`${server.url}/api/stats/departments?from=${DAY}&to=${DAY}`);
    // 2 + 1 + 2 + 1 (token) + 2 (ndjson) + 1 (html) + 2 (odd) = 11 accepted valid records
    expect(s.body.messages).toBe(11);
  });

  it('stats and messages reject bad query parameters with 400', async () => {
    for (const q of ['from=2026-02-30', 'from=yesterday', 'from=2026-05-01&to=2026-04-01', 'from=2000-01-01&to=2026-01-01']) {
      const r = await getJson(`${server.url}/api/stats/departments?${q}`);
      expect(r.status, q).toBe(400);
      expect(r.body.error).toBeTruthy();
    }
    for (const q of ['limit=0', 'limit=abc', 'limit=100000', 'complaint=maybe']) {
      expect((await getJson(`${server.url}/api/messages?${q}`)).status, q).toBe(400);
    }
  });

  it('unknown routes → 404 JSON', async () => {
    const r = await getJson(`${server.url}/api/nope`);
    expect(r.status).toBe(404);
    expect(r.body.error).toMatch(/no route/);
  });
});
