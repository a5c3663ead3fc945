import { describe, expect, it } from 'vitest';
import { ChatMessage } from '../schemas/chat-message.ts';
import { decodeRecord } from './decode.ts';

const good = { id: 'a', conversationId: 'c', sentAt: '2026-11-11T10:00:00+08:00', role: 'customer', text: 'hi' };

describe('decodeRecord', () => {
  it('parses and validates bytes and strings (what Kafka delivers)', () => {
    expect(decodeRecord({ key: 'c', value: Buffer.from(JSON.stringify(good)) }, ChatMessage)).toEqual({ kind: 'ok', value: good });
    expect(decodeRecord({ key: 'c', value: JSON.stringify(good) }, ChatMessage).kind).toBe('ok');
    const bad = decodeRecord({ key: 'c', value: Buffer.from('{nope') }, ChatMessage);
    expect(bad).toMatchObject({ kind: 'dlq', reason: expect.stringMatching(/^decode: not JSON/) });
    const invalid = decodeRecord({ key: 'c', value: JSON.stringify({ ...good, role: 'boss' }) }, ChatMessage);
    expect(invalid).toMatchObject({ kind: 'dlq', reason: expect.stringMatching(/^validate: role must be one of/) });
  });

  it('validates in-process objects unless the publisher validated them; bytes are always validated', () => {
    expect(decodeRecord({ key: 'c', value: { ...good, role: 'boss' } }, ChatMessage).kind).toBe('dlq');
    expect(decodeRecord({ key: 'c', value: good, validated: true }, ChatMessage)).toEqual({ kind: 'ok', value: good });
    // A "validated" flag on bytes means nothing: they crossed a boundary.
    expect(decodeRecord({ key: 'c', value: JSON.stringify({ ...good, role: 'boss' }), validated: true }, ChatMessage).kind).toBe('dlq');
  });
});
