import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reconcileRollups } from '../../analyzer/store/reconcile.ts';
import { getJson, message, postJson, startTestServer, type TestServer } from '../helpers/embedded.ts';

let server: TestServer;
const DAY = '2026-03-15';
beforeAll(async () => {
  server = await startTestServer();
  await postJson(server.url, [
    message({ id: 'q1', sentAt: `${DAY}T09:00:00+08:00`, text: '都五天了还没发货' }),
    message({ id: 'q2', sentAt: `${DAY}T09:01:00+08:00`, text: '好的谢谢' }),
  ]);
});
afterAll(async () => {
  await server?.close();
});

const stats = async () => (await getJson(`${server.url}/api/stats/departments?from=${DAY}&to=${DAY}`)).body;

describe('rollup reconciliation', () => {
  it('changes nothing when the rollup agrees with the messages', async () => {
    expect(await reconcileRollups(server.pipeline.store, DAY, DAY)).toEqual({ corrected: 0, messagesDelta: 0, complaintsDelta: 0 });
  });

  it('repairs a rollup that lost or gained rows (as after a crash between the two parts of an insert)', async () => {
    const store = server.pipeline.store;
    const cell = { day: DAY, department: 'warehouse', sub_topic: 'slow_dispatch', channel: 'taobao', shop: 'shop-home', sku: '', role: 'customer', script: 'simplified' };
    // A lost complaint, and a phantom message in another cell.
    await store.insert('daily_stats', [{ ...cell, messages: -1, complaints: -1 }, { ...cell, department: '', sub_topic: '', role: 'agent', messages: 3, complaints: 0 }], { token: 'break-it' });
    const broken = await stats();
    expect(broken.messages).toBe(4);
    expect(broken.complaints).toBe(0);

    const r = await reconcileRollups(store, DAY, DAY);
    expect(r).toEqual({ corrected: 2, messagesDelta: -2, complaintsDelta: 1 });
    const fixed = await stats();
    expect(fixed.messages).toBe(2);
    expect(fixed.complaints).toBe(1);
    expect(fixed.departments.find((d: any) => d.department === 'warehouse').complaints).toBe(1);
    expect(await reconcileRollups(store, DAY, DAY)).toEqual({ corrected: 0, messagesDelta: 0, complaintsDelta: 0 });
  });
});
