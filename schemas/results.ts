/**
 * Every pipeline step returns one of these instead of throwing through the pipeline
 * (the PostHog plugin-server pattern): `ok` carries the value on, `drop` ends a record on purpose,
 * `dlq` sends it to the dead-letter table with its original bytes and the reason.
 */
export type StepResult<T> =
  | { kind: 'ok'; value: T }
  | { kind: 'drop'; reason: string }
  | { kind: 'dlq'; reason: string; error?: unknown };

export const ok = <T>(value: T): StepResult<T> => ({ kind: 'ok', value });
export const drop = (reason: string): StepResult<never> => ({ kind: 'drop', reason });
export const dlq = (reason: string, error?: unknown): StepResult<never> => ({ kind: 'dlq', reason, error });
