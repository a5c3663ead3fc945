import { describe, expect, it } from 'vitest';
import { withRetry } from './retry.ts';

class Busy extends Error {}
const retryable = (e: unknown) => e instanceof Busy;
const noWait = async () => undefined;

describe('withRetry', () => {
  it('retries what `retryable` accepts, with doubling waits, and returns the first success', async () => {
    let calls = 0;
    const waits: number[] = [];
    const r = await withRetry(
      async () => {
        calls++;
        if (calls < 3) throw new Busy('busy');
        return 'ok';
      },
      { attempts: 5, retryable, wait: async (ms) => void waits.push(ms) },
    );
    expect(r).toBe('ok');
    expect(calls).toBe(3);
    expect(waits).toEqual([200, 400]);
  });

  it('fails at once on anything else, and after the last attempt otherwise', async () => {
    let calls = 0;
    await expect(withRetry(async () => (calls++, Promise.reject(new Error('bad request'))), { attempts: 5, retryable, wait: noWait })).rejects.toThrow('bad request');
    expect(calls).toBe(1);
    calls = 0;
    await expect(withRetry(async () => (calls++, Promise.reject(new Busy('still busy'))), { attempts: 3, retryable, wait: noWait })).rejects.toThrow('still busy');
    expect(calls).toBe(3);
  });

  it('tells each retry and uses the given backoff', async () => {
    const told: [number, number][] = [];
    let calls = 0;
    await withRetry(async () => (++calls < 3 ? Promise.reject(new Busy('busy')) : 'ok'), {
      attempts: 3,
      retryable,
      backoff: (n) => n * 10,
      wait: noWait,
      onRetry: (attempt, waitMs) => told.push([attempt, waitMs]),
    });
    expect(told).toEqual([[1, 10], [2, 20]]);
  });
});
