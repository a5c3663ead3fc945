import { z } from 'zod';

/**
 * Helpers for the per-service environment schemas (ingest/env.ts, analyzer/env.ts, dashboard/env.ts):
 * each service parses its own variables at start-up and fails with one clear line per wrong value.
 */
export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid environment:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'EnvError';
  }
}

export function parseEnv<S extends z.ZodObject>(schema: S, env: Record<string, string | undefined> = process.env): z.infer<S> {
  // Empty strings mean "not set", as in shells (`FOO= npm start`).
  const cleaned: Record<string, string> = {};
  for (const key of Object.keys(schema.shape)) {
    const v = env[key];
    if (v !== undefined && v.trim() !== '') cleaned[key] = v.trim();
  }
  const result = schema.safeParse(cleaned);
  if (result.success) return result.data;
  throw new EnvError(
    result.error.issues.map((i) => {
      const key = String(i.path[0] ?? '?');
      const got = cleaned[key];
      return `${key}${got === undefined ? '' : `=${JSON.stringify(got)}`}: ${i.message}`;
    }),
  );
}

export const port = (fallback: number) =>
  z.coerce.number({ error: 'must be a port number' }).int('must be a whole number').min(1, 'must be 1..65535').max(65535, 'must be 1..65535').default(fallback);

export const positiveInt = (fallback: number, max = Number.MAX_SAFE_INTEGER) =>
  z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').max(max, `must be at most ${max}`).default(fallback);

/** Durations like `500ms`, `30s`, `5m`, `1h`, or a bare number of milliseconds. */
export function parseDuration(value: string): number | null {
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/.exec(value.trim());
  if (!m) return null;
  const n = Number(m[1]);
  const unit = m[2] ?? 'ms';
  return Math.round(n * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[unit as 'ms' | 's' | 'm' | 'h']);
}

export const duration = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((v, ctx) => {
      const ms = parseDuration(v);
      if (ms === null) {
        ctx.addIssue({ code: 'custom', message: 'must be a duration such as 500ms, 30s, 5m or 1h' });
        return z.NEVER;
      }
      return ms;
    });

export const timeZone = z
  .string()
  .default('Asia/Shanghai')
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'must be an IANA time zone such as Asia/Shanghai');

/** Where the store lives: embedded chDB in DATA_DIR, or a ClickHouse server at CLICKHOUSE_URL. */
export const storeEnv = {
  DATA_DIR: z.string().default('./data'),
  CLICKHOUSE_URL: z.url({ error: 'must be a URL such as http://localhost:8123' }).optional(),
  CLICKHOUSE_USER: z.string().default('default'),
  CLICKHOUSE_PASSWORD: z.string().default(''),
  CLICKHOUSE_DATABASE: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be a plain identifier').default('fankui'),
};

/** The bus: in-process unless KAFKA_BROKERS is set. */
export const busEnv = {
  KAFKA_BROKERS: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : undefined)),
};

export const commonEnv = {
  FANKUI_TZ: timeZone,
  TAXONOMY_FILE: z.string().optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
};
