import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { correctionExamples } from '../../analyzer/store/training-corrections.ts';
import { getJson, message, postJson, startTestServer, type TestServer } from '../helpers/embedded.ts';

let server: TestServer;
const DAY = '2026-05-20';
beforeAll(async () => {
  server = await startTestServer();
  await postJson(server.url, [
    message({ id: 'k1', conversationId: 'kc1', sentAt: `${DAY}T09:00:00+08:00`, text: '都五天了还没发货，太慢了' }),
    message({ id: 'k2', conversationId: 'kc1', sentAt: `${DAY}T09:01:00+08:00`, role: 'agent', text: '亲，帮您催一下仓库' }),
    message({ id: 'k3', conversationId: 'kc2', sentAt: `${DAY}T10:00:00+08:00`, text: '你好 在吗' }),
  ]);
});
afterAll(async () => {
  await server?.close();
});

const correct = async (id: string, body: unknown) => {
  const r = await fetch(`${server.url}/api/messages/${encodeURIComponent(id)}/corrections`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: r.status, body: (await r.json()) as any };
};
const stats = async () => (await getJson(`${server.url}/api/stats/departments?from=${DAY}&to=${DAY}`)).body;
const count = (s: any, d: string) => s.departments.find((x: any) => x.department === d).complaints;

describe('corrections', () => {
  it('relabels a message, keeps the model label, and moves the stats at once', async () => {
    const before = await stats();
    expect(before.complaints).toBe(1);
    expect(count(before, 'warehouse')).toBe(1);

    const r = await correct('k1', { complaint: true, departments: ['logistics', 'warehouse'], subTopic: 'slow_transit', reason: '其实是快递慢', by: 'li.wei' });
    expect(r.status).toBe(201);
    expect(r.body.message.department).toBe('logistics');
    expect(r.body.message.departments).toEqual(['logistics', 'warehouse']);
    expect(r.body.message.labelSource).toBe('correction');
    expect(r.body.message.confidence).toBe(1);
    expect(r.body.message.modelLabel.department).toBe('warehouse');
    expect(r.body.correction.by).toBe('li.wei');

    const after = await stats();
    expect(after.complaints).toBe(1);
    expect(after.messages).toBe(3);
    expect(count(after, 'warehouse')).toBe(0);
    expect(count(after, 'logistics')).toBe(1);
  });

  it('turns a non-complaint into a complaint and back, counting each state once', async () => {
    expect((await correct('k3', { complaint: true, departments: ['service'], reason: '客服一直不回，这句是在催' })).status).toBe(201);
    expect(count(await stats(), 'service')).toBe(1);
    expect((await stats()).complaints).toBe(2);
    expect((await correct('k3', { complaint: false, reason: '还是算了，只是打招呼' })).status).toBe(201);
    const s = await stats();
    expect(count(s, 'service')).toBe(0);
    expect(s.complaints).toBe(1);
    expect(s.messages).toBe(3);
  });

  it('keeps an audit trail: who, when, why, and what it was before', async () => {
    const detail = await getJson(`${server.url}/api/messages/k3`);
    expect(detail.status).toBe(200);
    const trail = detail.body.corrections;
    expect(trail).toHaveLength(2);
    expect(trail[0]).toMatchObject({ complaint: false, reason: '还是算了，只是打招呼', by: 'anonymous', previous: { complaint: true, department: 'service' } });
    expect(trail[1]).toMatchObject({ complaint: true, department: 'service', previous: { complaint: false, department: null } });
    expect(Date.parse(trail[0].at)).toBeGreaterThan(Date.now() - 60_000);
    const all = await getJson(`${server.url}/api/corrections?limit=10`);
    expect(all.body.items.length).toBe(3);
  });

  it('the message list shows the corrected label', async () => {
    const list = await getJson(`${server.url}/api/messages?from=${DAY}&to=${DAY}&department=logistics`);
    expect(list.body.items.map((i: any) => i.id)).toEqual(['k1']);
  });

  it('rejects bad corrections with clear 4xx', async () => {
    expect((await correct('nope', { complaint: false })).status).toBe(404);
    expect((await correct('k1', { complaint: true, departments: ['marketing'] })).body.error).toMatch(/unknown department marketing/);
    expect((await correct('k1', { complaint: true, departments: [] })).body.error).toMatch(/at least one department/);
    expect((await correct('k1', { complaint: false, departments: ['ops'] })).status).toBe(400);
    expect((await correct('k1', { complaint: true, departments: ['ops'], subTopic: 'invoice' })).body.error).toMatch(/not one of ops/);
    expect((await correct('k2', { complaint: true, departments: ['ops'] })).body.error).toMatch(/agent line/);
    expect((await correct('k1', '{not json')).status).toBe(400);
    expect((await correct('k1', { complaint: 'yes' })).status).toBe(400);
  });

  it('corrections become training examples with their conversation', async () => {
    const examples = await correctionExamples(server.pipeline.store);
    const k1 = examples.find((e) => e.text.includes('发货'));
    expect(k1).toMatchObject({ complaint: true, departments: ['logistics', 'warehouse'], subTopic: 'slow_transit', source: 'corrections' });
    const k3 = examples.find((e) => e.text.includes('在吗'));
    expect(k3).toMatchObject({ complaint: false, departments: [] });
    expect(examples).toHaveLength(2);
  });
});

describe('dead letters', () => {
  it('keeps records the analyzer could not process, with their payload and reason, and counts nothing', async () => {
    const { TOPICS } = await import('../../schemas/bus.ts');
    const before = (await getJson(`${server.url}/api/stats/departments?from=${DAY}&to=${DAY}`)).body.messages;
    // Published in-process without validation (as a Kafka consumer would receive it): must not be stored.
    await server.pipeline.bus.publish(TOPICS.messages, [
      { key: 'dl-c', value: { id: 'dl-1', conversationId: 'dl-c', sentAt: 'not a date', role: 'customer', text: 'x' } },
      { key: 'dl-c', value: '{"broken json' },
    ]);
    const list = await getJson(`${server.url}/api/dead-letters?limit=10`);
    expect(list.status).toBe(200);
    const reasons = list.body.items.map((i: any) => i.reason).join('\n');
    expect(reasons).toMatch(/validate: sentAt must be an ISO 8601/);
    expect(reasons).toMatch(/decode: not JSON/);
    expect(list.body.items.find((i: any) => i.reason.startsWith('decode')).payload).toBe('{"broken json');
    expect((await getJson(`${server.url}/api/stats/departments?from=${DAY}&to=${DAY}`)).body.messages).toBe(before);
    // Redelivered, the same bad records are kept once.
    await server.pipeline.bus.publish(TOPICS.messages, [{ key: 'dl-c', value: '{"broken json' }]);
    expect((await getJson(`${server.url}/api/dead-letters?limit=10`)).body.items).toHaveLength(2);
  });
});
