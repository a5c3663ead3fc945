import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Classifier } from '../../analyzer/classify/types.ts';
import { reanalyze } from '../../analyzer/reanalyze.ts';
import { getJson, message, postJson, startTestServer, type TestServer } from '../helpers/embedded.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  await postJson(server.url, [
    message({ id: 'r1', conversationId: 'rc1', sentAt: '2026-04-01T09:00:00+08:00', text: '快递一直没到，物流太慢了' }),
    message({ id: 'r2', conversationId: 'rc1', sentAt: '2026-04-01T09:05:00+08:00', text: '还没到呢' }),
    message({ id: 'r3', conversationId: 'rc2', sentAt: '2026-04-02T10:00:00+08:00', text: '能开增值税专用发票吗' }),
    message({ id: 'r4', conversationId: 'rc3', sentAt: '2026-04-03T10:00:00+08:00', text: '你好' }),
    message({ id: 'r5', conversationId: 'rc3', sentAt: '2026-04-03T10:01:00+08:00', role: 'agent', text: '亲 在的' }),
  ]);
  await fetch(`${server.url}/api/messages/r3/corrections`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ complaint: true, departments: ['finance'], subTopic: 'invoice', reason: 'checked' }),
  });
});
afterAll(async () => {
  await server?.close();
});

/** A classifier that calls every customer line an ops complaint, and records the context it was given. */
function everythingOps(version: string, seen: { text: string; context: number }[]): Classifier {
  return {
    version,
    taxonomyVersion: 'test',
    classify(input) {
      seen.push({ text: input.text, context: input.context?.length ?? 0 });
      return { complaint: true, department: 'ops', departments: ['ops'], confidence: 0.9, subTopic: 'price', evidence: [], contextEvidence: [] };
    },
  };
}

const stats = async () => (await getJson(`${server.url}/api/stats/departments?from=2026-04-01&to=2026-04-03`)).body;
const count = (s: any, d: string) => s.departments.find((x: any) => x.department === d).complaints;

describe('re-analysis', () => {
  it('re-tags a range with a new classifier, moving the stats and keeping corrections', async () => {
    const seen: { text: string; context: number }[] = [];
    const p = await reanalyze({ store: server.pipeline.store, writer: server.pipeline.analyzer.writer, classifier: everythingOps('test-2', seen), from: '2026-04-01', to: '2026-04-03' });
    expect(p).toMatchObject({ days: 3, daysDone: 3, scanned: 5, retagged: 4 });
    // Agent lines are not classified; the short line sees its conversation.
    expect(seen.map((s) => s.text)).toEqual(['快递一直没到,物流太慢了', '还没到呢', '能开增值税专用发票吗', '你好']);
    expect(seen.find((s) => s.text === '还没到呢')!.context).toBe(1);

    const s = await stats();
    expect(s.messages).toBe(5);
    expect(count(s, 'ops')).toBe(3);
    expect(count(s, 'finance')).toBe(1); // the corrected line keeps its human label
    expect(s.complaints).toBe(4);

    const r3 = await getJson(`${server.url}/api/messages/r3`);
    expect(r3.body.department).toBe('finance');
    expect(r3.body.labelSource).toBe('correction');
    expect(r3.body.modelLabel.department).toBe('ops');
    expect(r3.body.classifierVersion).toBe('test-2');
  });

  it('skips rows already tagged by the current version unless forced', async () => {
    const seen: { text: string; context: number }[] = [];
    const again = await reanalyze({ store: server.pipeline.store, writer: server.pipeline.analyzer.writer, classifier: everythingOps('test-2', seen), from: '2026-04-01', to: '2026-04-03' });
    expect(again.retagged).toBe(0);
    const forced = await reanalyze({ store: server.pipeline.store, writer: server.pipeline.analyzer.writer, classifier: everythingOps('test-2', seen), from: '2026-04-01', to: '2026-04-03', force: true });
    expect(forced.retagged).toBe(4);
    expect((await stats()).complaints).toBe(4);
  });

  it('gives every line of a long day its own words and its conversation so far, over the segmenting stages', async () => {
    // 300 lines in three conversations: more than one stage of STAGE_LINES rows is segmented before it is classified.
    const lines = Array.from({ length: 300 }, (_, i) =>
      message({ id: `long-${i}`, conversationId: `long-c${i % 3}`, sentAt: new Date(Date.parse('2026-04-05T09:00:00+08:00') + i * 60_000).toISOString(), text: `第${i}次问 快递到哪了` }),
    );
    await postJson(server.url, lines);
    const seen: { text: string; tokens: string; context: number }[] = [];
    const recording: Classifier = {
      version: 'test-long',
      taxonomyVersion: 'test',
      classify(input) {
        seen.push({ text: input.text, tokens: input.tokens.join(''), context: input.context?.length ?? 0 });
        return { complaint: false, department: null, departments: [], confidence: 0.9, subTopic: null, evidence: [], contextEvidence: [] };
      },
    };
    const p = await reanalyze({ store: server.pipeline.store, writer: server.pipeline.analyzer.writer, classifier: recording, from: '2026-04-05', to: '2026-04-05' });
    expect(p.retagged).toBe(300);
    expect(seen).toHaveLength(300);
    // Rows come by conversation, then time: the k-th line of a conversation sees min(k, 8) lines before it (the
    // two opening customer lines and the six most recent), and the words of its own text.
    seen.forEach((s, n) => {
      const k = n % 100;
      expect(s.text).toBe(`第${(n - k) / 100 + 3 * k}次问 快递到哪了`);
      expect(s.tokens).toBe(s.text.replace(/ /g, ''));
      expect(s.context).toBe(Math.min(k, 8));
    });
  });

  it('is reachable over HTTP for a running server', async () => {
    const r = await fetch(`${server.url}/api/reanalyze`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ from: '2026-04-01', to: '2026-04-03' }) });
    expect(r.status).toBe(200);
    const body = (await r.json()) as any;
    expect(body.scanned).toBe(5);
    expect(body.classifier).toBe(server.pipeline.classifier.version);
    // Back on the real classifier: the original labels return (the correction still holds).
    const s = await stats();
    expect(count(s, 'logistics')).toBeGreaterThanOrEqual(1);
    expect(count(s, 'finance')).toBe(1);
    expect((await fetch(`${server.url}/api/reanalyze`, { method: 'POST', body: '{"from":"x"}' })).status).toBe(400);
  });
});
