import { describe, expect, it } from 'vitest';
import { TOPICS, type BusRecord } from './bus.ts';
import { MemoryBus } from './memory-bus.ts';

describe('MemoryBus', () => {
  it('resolves publish only after the handler resolved (accepted = durable)', async () => {
    const bus = new MemoryBus();
    const stored: unknown[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    await bus.subscribe(TOPICS.messages, 'g', async (batch) => {
      await gate;
      stored.push(...batch.map((r) => r.value));
    });
    let done = false;
    const p = bus.publish(TOPICS.messages, [{ key: 'k', value: 1 }]).then(() => (done = true));
    await new Promise((r) => setTimeout(r, 10));
    expect(done).toBe(false);
    release();
    await p;
    expect(stored).toEqual([1]);
  });

  it('splits large publishes into batches and fails when nobody consumes', async () => {
    const bus = new MemoryBus(3);
    await expect(bus.publish(TOPICS.messages, [{ key: 'k', value: 1 }])).rejects.toThrow(/no consumer/);
    const sizes: number[] = [];
    await bus.subscribe(TOPICS.messages, 'g', async (batch: readonly BusRecord[]) => {
      sizes.push(batch.length);
    });
    await bus.publish(TOPICS.messages, Array.from({ length: 7 }, (_, i) => ({ key: 'k', value: i })));
    expect(sizes).toEqual([3, 3, 1]);
  });

  it('passes a handler failure back to the publisher', async () => {
    const bus = new MemoryBus();
    await bus.subscribe(TOPICS.messages, 'g', async () => {
      throw new Error('store down');
    });
    await expect(bus.publish(TOPICS.messages, [{ key: 'k', value: 1 }])).rejects.toThrow('store down');
    await bus.close();
    await expect(bus.publish(TOPICS.messages, [{ key: 'k', value: 1 }])).rejects.toThrow(/closed/);
  });
});
