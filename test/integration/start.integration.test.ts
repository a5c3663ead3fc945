import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), 'fankui-start-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

interface Running {
  child: ChildProcess;
  url: string;
  log: () => string;
  exited: Promise<number | null>;
}

/** `npm start`'s entry point as a child process, on a free-ish port, with its own data dir. */
async function start(env: Record<string, string>): Promise<Running> {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const child = spawn(process.execPath, ['--import', 'tsx', 'dashboard/start.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, DEMO: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  const deadline = Date.now() + 60_000;
  while (!log.includes('fankui ready on')) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, url: `http://127.0.0.1:${port}`, log: () => log, exited };
}

const messages = Array.from({ length: 300 }, (_, i) => ({
  id: `s-${i}`,
  conversationId: `sc-${i % 30}`,
  sentAt: `2026-09-09T10:${String(i % 60).padStart(2, '0')}:00+08:00`,
  role: i % 3 === 0 ? 'agent' : 'customer',
  text: i % 2 ? '都五天了还没发货' : '好的谢谢',
}));
const count = async (url: string) => ((await (await fetch(`${url}/api/stats/departments?from=2026-09-09&to=2026-09-09`)).json()) as { messages: number }).messages;

describe('npm start (dashboard/start.ts)', () => {
  it('serves, stops cleanly on SIGTERM, and keeps everything across a restart without double counting', async () => {
    const first = await start({});
    expect(await (await fetch(`${first.url}/healthz`)).json()).toEqual({ status: 'ok' });
    expect((await (await fetch(`${first.url}/`)).text())).toContain('反馈 fankui');
    const post = await fetch(`${first.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(messages) });
    expect(await post.json()).toEqual({ accepted: 300, rejected: [] });
    expect(await count(first.url)).toBe(300);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(first.log()).toMatch(/shutting down/);
    expect(first.log()).toMatch(/stopped/);

    const second = await start({});
    try {
      expect(await count(second.url)).toBe(300);
      // The same messages again: accepted, not counted twice.
      await fetch(`${second.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(messages) });
      expect(await count(second.url)).toBe(300);
      const status = (await (await fetch(`${second.url}/api/status`)).json()) as { analyzer: { duplicates: number }; demo: { state: string } };
      expect(status.analyzer.duplicates).toBe(300);
      expect(status.demo.state).toBe('off');
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }
  });

  it('refuses a wrong environment with one line per problem', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'dashboard/start.ts'], {
      cwd: root,
      env: { ...process.env, PORT: '99999', FANKUI_TZ: 'Mars/Olympus', DEMO: 'sometimes', DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr!.on('data', (d) => (err += d));
    const code = await new Promise<number | null>((r) => child.on('exit', r));
    expect(code).toBe(2);
    expect(err).toMatch(/PORT="99999": must be 1..65535/);
    expect(err).toMatch(/FANKUI_TZ="Mars\/Olympus": must be an IANA time zone/);
    expect(err).toMatch(/DEMO="sometimes": must be auto, 0 or 1/);
  });
});
