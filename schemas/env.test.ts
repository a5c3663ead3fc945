import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { EnvError, commonEnv, duration, parseDuration, parseEnv, port, storeEnv } from './env.ts';

const Schema = z.object({ ...storeEnv, ...commonEnv, PORT: port(8080), WAIT: duration('200ms') });

describe('parseEnv', () => {
  it('applies defaults and treats empty values as unset', () => {
    const env = parseEnv(Schema, { PORT: '', DATA_DIR: '' });
    expect(env.PORT).toBe(8080);
    expect(env.DATA_DIR).toBe('./data');
    expect(env.FANKUI_TZ).toBe('Asia/Shanghai');
    expect(env.WAIT).toBe(200);
  });

  it('names every wrong value in one error', () => {
    try {
      parseEnv(Schema, { PORT: '99999', FANKUI_TZ: 'Mars/Base', CLICKHOUSE_URL: 'not a url', WAIT: 'soon' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(EnvError);
      const msg = (e as Error).message;
      expect(msg).toMatch(/PORT="99999": must be 1..65535/);
      expect(msg).toMatch(/FANKUI_TZ="Mars\/Base": must be an IANA time zone/);
      expect(msg).toMatch(/CLICKHOUSE_URL="not a url": must be a URL/);
      expect(msg).toMatch(/WAIT="soon": must be a duration/);
    }
  });
});

describe('parseDuration', () => {
  it('reads ms, s, m, h and bare milliseconds', () => {
    expect(parseDuration('500ms')).toBe(500);
    expect(parseDuration('30s')).toBe(30_000);
    expect(parseDuration('2m')).toBe(120_000);
    expect(parseDuration('1h')).toBe(3_600_000);
    expect(parseDuration('250')).toBe(250);
    expect(parseDuration('1.5s')).toBe(1500);
    expect(parseDuration('fast')).toBeNull();
  });
});
