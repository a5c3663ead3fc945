import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson, startTestServer, type TestServer } from '../helpers/embedded.ts';

const run = promisify(execFile);
const root = new URL('../../', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'fankui-import-'));

async function importCli(args: string[], env: Record<string, string>) {
  try {
    const r = await run(process.execPath, ['--import', 'tsx', 'ingest/cli/import.ts', ...args], { cwd: root, env: { ...process.env, LOG_LEVEL: 'warn', ...env }, timeout: 90_000 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

const line = (id: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ id, conversationId: 'ic1', sentAt: '2026-03-03T10:00:00+08:00', role: 'customer', text: '快递压坏了', ...extra });

const jsonl = join(work, 'chats.jsonl');
writeFileSync(jsonl, [line('i1'), line('i2', { role: 'agent', text: '亲 抱歉' }), 'not json', line('i3', { sentAt: '2026-02-30T10:00:00+08:00' }), '', line('i4')].join('\n'));
const csv = join(work, 'chats.csv');
writeFileSync(csv, 'id,conversation_id,sent_at,role,text,shop\nc1,cc,2026-03-03T11:00:00+08:00,customer,"发货太慢了,三天了",s1\nc2,cc,2026-03-03T11:01:00+08:00,agent,"亲亲\n马上催",s1\nc3,cc,2026-03-03T11:02:00+08:00,boss,hi,s1\n');
const gz = join(work, 'more.ndjson.gz');
writeFileSync(gz, gzipSync([line('g1'), line('g2')].join('\n')));

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npm run import (embedded store)', () => {
  const dataDir = join(work, 'data');

  it('imports JSONL, CSV and gzipped NDJSON, naming bad rows by file and line', async () => {
    const r = await importCli([jsonl, csv, gz], { DATA_DIR: dataDir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('chats.jsonl:3: not valid JSON');
    expect(r.stderr).toContain('chats.jsonl:4: sentAt must be');
    expect(r.stderr).toContain('chats.csv:5: role must be one of');
    expect(r.stdout).toContain('chats.jsonl: 5 rows, 3 accepted, 2 rejected');
    expect(r.stdout).toContain('chats.csv: 3 rows, 2 accepted, 1 rejected');
    expect(r.stdout).toMatch(/imported 7 of 10 rows into the embedded store \(7 new, 0 already stored\)/);
  });

  it('is idempotent: importing again adds nothing', async () => {
    const r = await importCli(['--json', jsonl, csv, gz], { DATA_DIR: dataDir });
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary).toMatchObject({ rows: 10, accepted: 7, rejected: 3, new: 0, alreadyStored: 7 });
  });

  it('--strict fails when rows were rejected; bad arguments fail clearly', async () => {
    expect((await importCli(['--strict', jsonl], { DATA_DIR: dataDir })).code).toBe(1);
    const missing = await importCli([join(work, 'nope.jsonl')], { DATA_DIR: dataDir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no such file/);
    const txt = join(work, 'x.txt');
    writeFileSync(txt, 'x');
    expect((await importCli([txt], { DATA_DIR: dataDir })).stderr).toMatch(/unknown file type/);
  });
});

describe('npm run import while a server holds the store', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('explains the lock and how to import through the server', async () => {
    const r = await importCli([jsonl], { DATA_DIR: server.dataDir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/in use by another fankui process/);
    expect(r.stderr).toMatch(/--url http:\/\/localhost/);
  });

  it('--url imports through the running server, with the same line-numbered report', async () => {
    const r = await importCli(['--url', server.url, jsonl], {});
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('chats.jsonl: 5 rows, 3 accepted, 2 rejected');
    const s = await getJson(`${server.url}/api/stats/departments?from=2026-03-03&to=2026-03-03`);
    expect(s.body.messages).toBe(3);
  });
});
