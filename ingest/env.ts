import { z } from 'zod';
import { busEnv, parseEnv, positiveInt } from '../schemas/env.ts';

/** The ingest service's environment. */
export const IngestEnv = z.object({
  ...busEnv,
  /** When set, POST /api/messages requires `Authorization: Bearer <token>`. */
  INGEST_TOKEN: z.string().min(8, 'must be at least 8 characters').optional(),
  /** Largest request body in bytes (default 16 MiB); larger bodies get 413. */
  INGEST_MAX_BODY_BYTES: positiveInt(16 * 1024 * 1024, 512 * 1024 * 1024),
});
export type IngestEnv = z.infer<typeof IngestEnv>;

export const readIngestEnv = (env?: Record<string, string | undefined>) => parseEnv(IngestEnv, env);
