import { describe, expect, it } from 'vitest';
import { isTransient } from './store.ts';
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

describe('splitStatements', () => {
  it('splits on ; at line ends and drops comment lines', () => {
    expect(splitStatements('-- a comment; not a split\nCREATE TABLE a (x String);\n\nCREATE VIEW b AS SELECT \';\' AS s FROM a;')).toEqual([
      'CREATE TABLE a (x String)',
      "CREATE VIEW b AS SELECT ';' AS s FROM a",
    ]);
  });
});
