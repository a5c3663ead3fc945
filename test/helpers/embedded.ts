import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { startPipeline, type Pipeline } from '../../analyzer/runtime.ts';
import { createApp } from '../../dashboard/server.ts';
import { createLogger } from '../../schemas/log.ts';

export interface TestServer {
  url: string;
  dataDir: string;
  pipeline: Pipeline;
  close(): Promise<void>;
}

/**
 * The embedded system (chDB in a fresh temporary DATA_DIR, in-process bus, analyzer) behind a real HTTP
 * server on a free port — what `npm start` runs, without the demo data.
 */
export async function startTestServer(options: { ingestToken?: string; maxBodyBytes?: number; batchWaitMs?: number } = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'fankui-test-'));
  const log = createLogger((process.env.TEST_LOG_LEVEL as 'debug') || 'silent');
  const pipeline = await startPipeline(
    {
      DATA_DIR: dataDir,
      FANKUI_TZ: 'Asia/Shanghai',
      BATCH_MAX_WAIT: options.batchWaitMs ?? 50,
    },
    log,
  );
  const app = createApp({ pipeline, log, ingestToken: options.ingestToken, maxBodyBytes: options.maxBodyBytes });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    dataDir,
    pipeline,
    async close() {
      await new Promise<void>((r) => server.close(() => r()));
      await pipeline.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A valid chat message; override any field. */
export function message(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: `m-${Math.random().toString(36).slice(2)}`,
    conversationId: 'c-1',
    sentAt: '2026-11-12T10:00:00+08:00',
    role: 'customer',
    text: '你们的发货速度太慢了，能不能快点',
    channel: 'taobao',
    shop: 'shop-home',
    ...overrides,
  };
}

export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  const r = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' || body instanceof Uint8Array ? (body as BodyInit) : JSON.stringify(body),
  });
  const text = await r.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    /* keep text */
  }
  return { status: r.status, body: parsed };
}

export async function getJson(url: string): Promise<{ status: number; body: any }> {
  const r = await fetch(url);
  return { status: r.status, body: await r.json() };
}
