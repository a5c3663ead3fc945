import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson, message, postJson, startTestServer, type TestServer } from '../helpers/embedded.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

const stats = (from: string, to: string) => getJson(`${server.url}/api/stats/departments?from=${from}&to=${to}`);

describe('embedded pipeline: POST /api/messages → stats', () => {
  it('is healthy', async () => {
    expect(await getJson(`${server.url}/healthz`)).toEqual({ status: 200, body: { status: 'ok' } });
  });

  it('counts posted messages and complaints per department, in simplified and traditional script', async () => {
    const batch = [
      message({ id: 'e2e-1', conversationId: 'e2e-c1', text: '都五天了还没发货，你们的发货速度太慢了' }),
      message({ id: 'e2e-2', conversationId: 'e2e-c1', role: 'agent', text: '亲亲非常抱歉，这边帮您催一下仓库' }),
      message({ id: 'e2e-3', conversationId: 'e2e-c2', text: '你們的發貨速度太慢了，能不能快點' }),
      message({ id: 'e2e-4', conversationId: 'e2e-c3', text: '能开增值税专用发票吗' }),
      message({ id: 'e2e-5', conversationId: 'e2e-c4', text: '你好，在吗' }),
    ];
    const t0 = Date.now();
    const posted = await postJson(server.url, batch);
    expect(posted).toEqual({ status: 202, body: { accepted: 5, rejected: [] } });
    // "Accepted" means durable: the stats show it at once, well within the 5 s of the contract.
    const s = await stats('2026-11-12', '2026-11-12');
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(s.status).toBe(200);
    expect(s.body.from).toBe('2026-11-12');
    expect(s.body.messages).toBe(5);
    expect(s.body.complaints).toBe(3);
    const byId = Object.fromEntries(s.body.departments.map((d: any) => [d.department, d]));
    expect(byId.warehouse.complaints).toBe(2);
    expect(byId.warehouse.label).toBe('仓储');
    expect(byId.finance.complaints).toBe(1);
    // Every configured department is listed, zeros included.
    expect(s.body.departments.map((d: any) => d.department)).toEqual(['warehouse', 'ops', 'finance', 'product', 'logistics', 'service']);
    expect(byId.ops.complaints).toBe(0);
  });

  it('accepts NDJSON', async () => {
    const body = [message({ id: 'nd-1', sentAt: '2026-10-01T09:00:00+08:00' }), message({ id: 'nd-2', sentAt: '2026-10-01T09:01:00+08:00', text: '快递压坏了，箱子都破了' })]
      .map((m) => JSON.stringify(m))
      .join('\n');
    const r = await fetch(`${server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body });
    expect(r.status).toBe(202);
    expect(await r.json()).toEqual({ accepted: 2, rejected: [] });
    expect((await stats('2026-10-01', '2026-10-01')).body.messages).toBe(2);
  });

  it('buckets days in the business time zone (Asia/Shanghai), not UTC', async () => {
    // 2026-09-30T17:30Z is 2026-10-01 01:30 in Shanghai.
    await postJson(server.url, [message({ id: 'tz-1', sentAt: '2026-09-30T17:30:00Z' })]);
    expect((await stats('2026-09-30', '2026-09-30')).body.messages).toBe(0);
    expect((await stats('2026-10-01', '2026-10-01')).body.messages).toBe(3);
  });

  it('lists messages with personal data masked', async () => {
    await postJson(server.url, [message({ id: 'pii-1', sentAt: '2026-08-08T10:00:00+08:00', text: '物流太慢了，快递一直没到，我电话13812345678，你们联系我' })]);
    const r = await getJson(`${server.url}/api/messages?from=2026-08-08&to=2026-08-08`);
    expect(r.status).toBe(200);
    expect(r.body.items).toHaveLength(1);
    const item = r.body.items[0];
    expect(item.id).toBe('pii-1');
    expect(item.text).not.toContain('13812345678');
    expect(item.text).toContain('[手机号]');
    expect(item.complaint).toBe(true);
    expect(item.department).toBe('logistics');
    expect(item.confidence).toBeGreaterThan(0);
    expect(item.sentAt).toBe('2026-08-08T02:00:00.000Z');
  });

  it('filters the message list by department', async () => {
    const r = await getJson(`${server.url}/api/messages?from=2026-11-12&to=2026-11-12&department=warehouse`);
    expect(r.body.items.map((i: any) => i.id).sort()).toEqual(['e2e-1', 'e2e-3']);
    const bad = await getJson(`${server.url}/api/messages?department=nope`);
    expect(bad.status).toBe(400);
  });
});

describe('idempotency by message id', () => {
  it('never counts the same id twice, across requests and within one', async () => {
    const day = '2026-07-07';
    const batch = Array.from({ length: 20 }, (_, i) => message({ id: `dup-${i}`, conversationId: `dup-c${i % 4}`, sentAt: `${day}T12:00:${String(i).padStart(2, '0')}+08:00` }));
    expect((await postJson(server.url, batch)).body.accepted).toBe(20);
    expect((await postJson(server.url, batch)).body.accepted).toBe(20);
    expect((await postJson(server.url, [...batch, ...batch])).body.accepted).toBe(40);
    // The same id with other content later: the first stays, nothing is added.
    await postJson(server.url, [message({ id: 'dup-0', sentAt: `${day}T18:00:00+08:00`, text: '好的谢谢' })]);
    const s = await stats(day, day);
    expect(s.body.messages).toBe(20);
    expect(s.body.complaints).toBe(20);
    const list = await getJson(`${server.url}/api/messages?from=${day}&to=${day}&limit=100`);
    expect(list.body.items).toHaveLength(20);
    expect(server.pipeline.analyzer.counters.duplicates).toBeGreaterThanOrEqual(61);
  });

  it('posting the same ids concurrently still counts each once', async () => {
    const day = '2026-07-08';
    const batch = Array.from({ length: 50 }, (_, i) => message({ id: `conc-${i}`, sentAt: `${day}T08:00:00+08:00` }));
    await Promise.all(Array.from({ length: 5 }, () => postJson(server.url, batch)));
    expect((await stats(day, day)).body.messages).toBe(50);
  });
});
