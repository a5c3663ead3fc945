import type { BusRecord } from '../schemas/bus.ts';
import { dlq, ok, type StepResult } from '../schemas/results.ts';
import { describeIssues } from '../schemas/validation.ts';
import type { z } from 'zod';

/** The original bytes of a record as text, for the dead-letter table. */
export function payloadOf(record: BusRecord): string {
  const v = record.value;
  if (typeof v === 'string') return v;
  if (v instanceof Uint8Array) return Buffer.from(v).toString('utf8');
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

/**
 * Bus record → validated value. Kafka hands over bytes (JSON), which are always parsed and validated; the
 * in-process bus hands over the object itself, validated again unless its publisher marked it validated.
 */
export function decodeRecord<S extends z.ZodType>(record: BusRecord, schema: S): StepResult<z.infer<S>> {
  let value = record.value;
  // Validated by its publisher in this process (ingest, the import CLI): no second pass.
  if (record.validated && value !== null && typeof value === 'object' && !(value instanceof Uint8Array)) return ok(value as z.infer<S>);
  if (typeof value === 'string' || value instanceof Uint8Array) {
    try {
      value = JSON.parse(typeof value === 'string' ? value : Buffer.from(value).toString('utf8'));
    } catch (e) {
      return dlq(`decode: not JSON (${(e as Error).message})`);
    }
  }
  const parsed = schema.safeParse(value);
  return parsed.success ? ok(parsed.data) : dlq(`validate: ${describeIssues(parsed.error)}`);
}
