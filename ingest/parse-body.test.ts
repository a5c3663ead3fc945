import { describe, expect, it } from 'vitest';
import { BodyError, bodyFormat, decodeUtf8, MAX_RECORDS_PER_REQUEST, parseMessagesBody } from './parse-body.ts';

const msg = (id: string, extra: Record<string, unknown> = {}) => ({ id, conversationId: 'c', sentAt: '2026-11-11T10:00:00+08:00', role: 'customer', text: '发货太慢', ...extra });

describe('bodyFormat', () => {
  it('goes by Content-Type, then by the first character', () => {
    expect(bodyFormat('application/x-ndjson', '{}')).toBe('ndjson');
    expect(bodyFormat('application/jsonl; charset=utf-8', '{}')).toBe('ndjson');
    expect(bodyFormat('application/json', '{}')).toBe('json');
    expect(bodyFormat(undefined, ' [ ]')).toBe('json');
    expect(bodyFormat('text/plain', '{"a":1}\n{"a":2}')).toBe('ndjson');
    expect(() => bodyFormat('text/csv', 'a,b')).toThrow(BodyError);
  });
});

describe('parseMessagesBody', () => {
  it('accepts valid records and lists invalid ones by index', () => {
    const r = parseMessagesBody(JSON.stringify([msg('a'), msg('b', { role: 'x' }), msg('c')]), 'json');
    expect(r.accepted.map((m) => m.id)).toEqual(['a', 'c']);
    expect(r.rejected).toEqual([{ index: 1, error: expect.stringMatching(/role must be one of/) }]);
  });

  it('reads NDJSON with line numbers and skips blank lines', () => {
    const r = parseMessagesBody(`${JSON.stringify(msg('a'))}\n\n{bad\n${JSON.stringify(msg('b'))}\n`, 'ndjson');
    expect(r.accepted.map((m) => m.id)).toEqual(['a', 'b']);
    expect(r.rejected).toEqual([{ index: 1, line: 3, error: expect.stringMatching(/not valid JSON/) }]);
  });

  it('trims identifiers and keeps optional fields', () => {
    const r = parseMessagesBody(JSON.stringify([msg(' a ', { shop: 'shop-1', sku: 'SKU-9' })]), 'json');
    expect(r.accepted[0]).toMatchObject({ id: 'a', shop: 'shop-1', sku: 'SKU-9' });
  });

  it('throws BodyError for empty, unparsable or oversized bodies', () => {
    expect(() => parseMessagesBody('', 'json')).toThrow(/empty body/);
    expect(() => parseMessagesBody('\n\n', 'ndjson')).toThrow(/empty body/);
    expect(() => parseMessagesBody('[1,', 'json')).toThrow(/not valid JSON/);
    const many = JSON.stringify(Array.from({ length: MAX_RECORDS_PER_REQUEST + 1 }, () => ({})));
    expect(() => parseMessagesBody(many, 'json')).toThrow(expect.objectContaining({ status: 413 }));
  });
});

describe('decodeUtf8', () => {
  it('rejects invalid UTF-8', () => {
    expect(decodeUtf8(Buffer.from('发货', 'utf8'))).toBe('发货');
    expect(() => decodeUtf8(Uint8Array.from([0xe5, 0x8f]))).toThrow(/not valid UTF-8/);
  });
});
