import { z } from 'zod';
import { busEnv, commonEnv, duration, parseEnv, positiveInt, storeEnv } from '../schemas/env.ts';

/** The analyzer service's environment. */
export const AnalyzerEnv = z.object({
  ...storeEnv,
  ...busEnv,
  ...commonEnv,
  /** Flush the batch writer at this many rows… */
  BATCH_MAX_ROWS: positiveInt(10_000, 1_000_000),
  /** …or this long after the first waiting row. */
  BATCH_MAX_WAIT: duration('200ms'),
});
export type AnalyzerEnv = z.infer<typeof AnalyzerEnv>;

export const readAnalyzerEnv = (env?: Record<string, string | undefined>) => parseEnv(AnalyzerEnv, env);
