import { describe, expect, it } from 'vitest';
import { ConversationContext } from './context.ts';

describe('ConversationContext', () => {
  it('gives a line the earlier lines of its conversation, in order, and never later ones', () => {
    const c = new ConversationContext();
    c.remember('c1', { role: 'customer', text: 'b', at: 2, id: 'm2' });
    c.remember('c1', { role: 'customer', text: 'a', at: 1, id: 'm1' });
    c.remember('c2', { role: 'customer', text: 'other', at: 1, id: 'x1' });
    c.remember('c1', { role: 'agent', text: 'c', at: 3, id: 'm3' });
    expect(c.before('c1', 3, 'm3').map((l) => l.text)).toEqual(['a', 'b']);
    expect(c.before('c1', 10, 'm9').map((l) => l.text)).toEqual(['a', 'b', 'c']);
    expect(c.before('c9', 10, 'z')).toEqual([]);
  });

  it('keeps the opening customer lines and the most recent ones of a long conversation', () => {
    const c = new ConversationContext(100, 3, 1);
    for (let i = 0; i < 10; i++) c.remember('c1', { role: i % 2 ? 'agent' : 'customer', text: `t${i}`, at: i, id: `m${i}` });
    expect(c.before('c1', 99, 'z').map((l) => l.text)).toEqual(['t0', 't7', 't8', 't9']);
  });

  it('remembers a line once and forgets the least recently used conversation', () => {
    const c = new ConversationContext(2);
    c.remember('a', { role: 'customer', text: 'x', at: 1, id: '1' });
    c.remember('a', { role: 'customer', text: 'x', at: 1, id: '1' });
    c.remember('b', { role: 'customer', text: 'y', at: 1, id: '2' });
    c.remember('a', { role: 'customer', text: 'z', at: 2, id: '3' });
    c.remember('c', { role: 'customer', text: 'w', at: 1, id: '4' });
    expect(c.size).toBe(2);
    expect(c.before('b', 9, 'q')).toEqual([]);
    expect(c.before('a', 9, 'q').map((l) => l.text)).toEqual(['x', 'z']);
  });
});
