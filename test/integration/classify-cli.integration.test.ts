import { describe, expect, it } from 'vitest';
import { runNpmScript } from '../helpers/npm-script.ts';

/** `npm run --silent classify` as a user runs it: JSONL in on stdin, JSONL out on stdout. */
const classify = (input: string) => runNpmScript('classify', [], input);

describe('npm run classify (CONTRACTS.md)', () => {
  it('writes exactly one JSONL line per input line, in order; bad lines give {"line","error"} and the run goes on', async () => {
    const input = [
      JSON.stringify({ id: 'a', text: '发货太慢了 一个星期了还没发' }),
      'not json',
      JSON.stringify({ id: 7, text: '你好 在吗' }),
      JSON.stringify({ id: 'c', text: 42 }),
      '',
      JSON.stringify({ id: 'd', text: '能开增值税专用发票吗' }),
      JSON.stringify({ id: 'e', text: '實物與圖片差太多了' }),
    ].join('\n');
    const r = await classify(`${input}\n`);
    expect(r.code).toBe(0);
    const out = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out).toHaveLength(7);
    expect(out[0]).toMatchObject({ id: 'a', complaint: true, department: 'warehouse' });
    expect(out[0]!.departments).toEqual(expect.arrayContaining(['warehouse']));
    expect(out[1]).toMatchObject({ line: 2 });
    expect(String(out[1]!.error)).toMatch(/JSON/);
    expect(out[2]).toMatchObject({ id: 7, complaint: false, department: null, departments: [] });
    expect(out[3]).toMatchObject({ line: 4, error: 'text must be a string' });
    expect(out[4]).toMatchObject({ line: 5, error: 'empty line' });
    expect(out[5]).toMatchObject({ id: 'd', complaint: true, department: 'finance' });
    expect(out[6]).toMatchObject({ id: 'e', complaint: true, department: 'ops' });
    for (const o of out.filter((x) => 'id' in x)) {
      expect(typeof o.confidence).toBe('number');
      expect(o.confidence as number).toBeGreaterThanOrEqual(0);
      expect(o.confidence as number).toBeLessThanOrEqual(1);
    }
  }, 60_000);

  it('keeps every answer on its own line over a long input (read and prepared in stages of lines)', async () => {
    // 700 lines: complaints, small talk and bad lines at positions that fall on both sides of the stages.
    const kind = (i: number) => (i % 97 === 5 ? 'bad' : i % 50 === 7 ? 'complaint' : 'chat');
    const input = Array.from({ length: 700 }, (_, i) =>
      kind(i) === 'bad' ? '{oops' : JSON.stringify({ id: `L${i}`, text: kind(i) === 'complaint' ? '发货太慢了 一个星期了还没发' : '你好 在吗' }),
    );
    const r = await classify(`${input.join('\n')}\n`);
    expect(r.code).toBe(0);
    const out = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out).toHaveLength(700);
    out.forEach((o, i) => {
      if (kind(i) === 'bad') expect(o).toMatchObject({ line: i + 1 });
      else expect(o).toMatchObject({ id: `L${i}`, complaint: kind(i) === 'complaint' });
    });
  }, 60_000);

  it('reads a file saved with a byte-order mark and Windows line ends', async () => {
    const input = `\uFEFF${JSON.stringify({ id: 'a', text: '发货太慢了 一个星期了还没发' })}\r\n${JSON.stringify({ id: 'b', text: '谢谢' })}\r\n`;
    const r = await classify(input);
    expect(r.code).toBe(0);
    const out = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out).toEqual([
      expect.objectContaining({ id: 'a', complaint: true, department: 'warehouse' }),
      expect.objectContaining({ id: 'b', complaint: false }),
    ]);
  }, 60_000);

  it('reads lines with a conversationId in their conversation; agent lines are never complaints', async () => {
    const input = [
      { id: 'm1', conversationId: 'k', text: '订单 20260301 发货了吗' },
      { id: 'm2', conversationId: 'k', role: 'agent', text: '亲 实在抱歉 仓库缺货 还没有发出' },
      { id: 'm3', conversationId: 'k', text: '都一个星期了 再不发我就退了' },
      { id: 'm4', conversationId: 'k', role: 'agent', text: '发货太慢了 真的很抱歉' },
      { id: 'm5', conversationId: 'k', role: 'boss', text: 'hi' },
    ]
      .map((x) => JSON.stringify(x))
      .join('\n');
    const r = await classify(input);
    const out = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out.map((o) => o.id ?? o.line)).toEqual(['m1', 'm2', 'm3', 'm4', 5]);
    expect(out[0]).toMatchObject({ complaint: false });
    expect(out[2]).toMatchObject({ complaint: true, department: 'warehouse' });
    expect(out[3]).toMatchObject({ complaint: false });
    expect(out[4]).toMatchObject({ error: 'role must be customer, agent or system' });
  }, 60_000);

  it('reads a chat export’s own names for the conversation and the speaker (session_id, is_agent)', async () => {
    const input = [
      { id: 1, session_id: 's1', is_agent: false, text: '我买的东西怎么还没到' },
      { id: 2, session_id: 's1', is_agent: true, text: '亲 非常抱歉 这边帮您查一下 发货太慢了' },
      { id: 3, session_id: 's1', is_agent: false, text: '[订单x]' },
      { id: 4, conversation_id: 9, text: '[订单x]' },
      { id: 5, session_id: { a: 1 }, text: '你好' },
      { id: 6, is_agent: 'yes', text: '你好' },
    ]
      .map((x) => JSON.stringify(x))
      .join('\n');
    const r = await classify(input);
    const out = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out[0]).toMatchObject({ id: 1, complaint: true, department: 'logistics' });
    // An agent line is never a complaint, whatever it says.
    expect(out[1]).toMatchObject({ id: 2, complaint: false });
    // The order number hands over details for the complaint before it in the same session; alone, it is nothing.
    expect(out[2]).toMatchObject({ id: 3, complaint: true, department: 'logistics', contextEvidence: ['怎么还没到'] });
    expect(out[3]).toMatchObject({ id: 4, complaint: false });
    expect(out[4]).toMatchObject({ line: 5, error: 'session_id must be a string or a number' });
    expect(out[5]).toMatchObject({ line: 6, error: 'is_agent must be true or false' });
  }, 60_000);
});
