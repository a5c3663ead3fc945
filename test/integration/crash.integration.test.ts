import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), 'fankui-crash-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function start(): Promise<{ child: ChildProcess; url: string; exited: Promise<unknown> }> {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const child = spawn(process.execPath, ['--import', 'tsx', 'dashboard/start.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, DEMO: '0', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  child.stderr!.on('data', (d) => (err += d));
  const exited = new Promise((r) => child.on('exit', r));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`exited during start:\n${err}`);
    if (Date.now() > deadline) throw new Error(`did not start:\n${err}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return { child, url, exited };
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

const DAY = '2026-08-18';
const batches = Array.from({ length: 24 }, (_, b) =>
  Array.from({ length: 250 }, (_, i) => {
    const n = b * 250 + i;
    return {
      id: `crash-${n}`,
      conversationId: `crash-c${n % 400}`,
      sentAt: `${DAY}T${String(8 + (n % 12)).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}:00+08:00`,
      role: n % 3 === 0 ? 'agent' : 'customer',
      text: n % 2 ? '都五天了还没发货 太慢了' : '好的 谢谢',
    };
  }),
);
const total = batches.length * 250;
const complaintsExpected = batches.flat().filter((m, n) => m.role === 'customer' && n % 2 === 1).length;

async function send(url: string, batch: unknown[]): Promise<boolean> {
  try {
    const r = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(batch) });
    return r.status === 202;
  } catch {
    return false;
  }
}

describe('kill -9 at any moment', () => {
  it('loses nothing that was acknowledged and, with client retries, counts every message exactly once', async () => {
    const first = await start();
    const acknowledged = new Set<number>();
    // Four concurrent senders; the server is killed while requests are in flight.
    let next = 0;
    const killAt = 9 + Math.floor(Math.random() * 6);
    const senders = Array.from({ length: 4 }, async () => {
      for (;;) {
        const b = next++;
        if (b >= batches.length) return;
        if (b === killAt) first.child.kill('SIGKILL');
        if (await send(first.url, batches[b]!)) acknowledged.add(b);
      }
    });
    await Promise.all(senders);
    await first.exited;
    expect(acknowledged.size).toBeGreaterThan(0);
    expect(acknowledged.size).toBeLessThan(batches.length);

    const second = await start();
    try {
      const day = async () => (await (await fetch(`${second.url}/api/stats/departments?from=${DAY}&to=${DAY}`)).json()) as { messages: number; complaints: number };
      // Everything acknowledged before the crash is there.
      const after = await day();
      expect(after.messages).toBeGreaterThanOrEqual(acknowledged.size * 250);
      // The client retries every batch it sent (at-least-once): nothing counts twice.
      for (const b of batches) expect(await send(second.url, b)).toBe(true);
      const final = await day();
      expect(final.messages).toBe(total);
      expect(final.complaints).toBe(complaintsExpected);
      const list = (await (await fetch(`${second.url}/api/messages?from=${DAY}&to=${DAY}&limit=1000&offset=5500`)).json()) as { items: unknown[] };
      expect(list.items).toHaveLength(total - 5500);
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }
  });
});
