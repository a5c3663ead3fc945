import { describe, expect, it } from 'vitest';
import { isTransient, withRetry } from './store.ts';
import { splitStatements } from './migrate.ts';

const err = (message: string, code?: string) => Object.assign(new Error(message), code ? { code } : {});

describe('isTransient', () => {
  it('retries overload, memory, too-many-parts, timeouts and network trouble', () => {
    expect(isTransient(err('Too many parts', '252'))).toBe(true);
    expect(isTransient(err('Memory limit exceeded', '241'))).toBe(true);
    expect(isTransient(err('read ECONNRESET'))).toBe(true);
    expect(isTransient(err('Timeout error.'))).toBe(true);
  });
  it('does not retry mistakes', () => {
    expect(isTransient(err('Syntax error', '62'))).toBe(false);
    expect(isTransient(err('Unknown table', '60'))).toBe(false);
    expect(isTransient(err('Cannot parse input', '27'))).toBe(false);
  });
});

describe('withRetry', () => {
  const noWait = async () => undefined;
  it('retries transient failures and returns the first success', async () => {
    let calls = 0;
    const waits: number[] = [];
    const r = await withRetry(
      async () => {
        calls++;
        if (calls < 3) throw err('socket hang up');
        return 'ok';
      },
      { attempts: 5, wait: async (ms) => void waits.push(ms) },
    );
    expect(r).toBe('ok');
    expect(calls).toBe(3);
    expect(waits).toEqual([200, 400]);
  });
  it('fails at once on a non-transient error, and after the last attempt otherwise', async () => {
    let calls = 0;
    await expect(withRetry(async () => (calls++, Promise.reject(err('Syntax error', '62'))), { attempts: 5, wait: noWait })).rejects.toThrow('Syntax error');
    expect(calls).toBe(1);
    calls = 0;
    await expect(withRetry(async () => (calls++, Promise.reject(err('ECONNREFUSED'))), { attempts: 3, wait: noWait })).rejects.toThrow('ECONNREFUSED');
    expect(calls).toBe(3);
  });
});

describe('splitStatements', () => {
  it('splits on ; at line ends and drops comment lines', () => {
    expect(splitStatements('-- a comment; not a split\nCREATE TABLE a (x String);\n\nCREATE VIEW b AS SELECT \';\' AS s FROM a;')).toEqual([
      'CREATE TABLE a (x String)',
      "CREATE VIEW b AS SELECT ';' AS s FROM a",
    ]);
  });
});
