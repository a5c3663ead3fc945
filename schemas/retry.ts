/** Retrying a call that can fail for a moment (a server busy or restarting, a dropped connection). */

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export interface RetryOptions {
  attempts: number;
  /** Whether a failure is worth another attempt; any other fails at once. */
  retryable: (error: unknown) => boolean;
  /** Wait before attempt n+1 (default: 200 ms doubling, at most 10 s). */
  backoff?: (attempt: number) => number;
  onRetry?: (attempt: number, waitMs: number, error: unknown) => void;
  wait?: (ms: number) => Promise<void>;
}

/** Runs `fn`, retrying the failures `retryable` accepts, with backoff; after the last attempt the last failure is thrown. */
export async function withRetry<T>(fn: () => Promise<T>, options: RetryOptions): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      if (attempt >= options.attempts || !options.retryable(e)) throw e;
      const waitMs = options.backoff?.(attempt) ?? Math.min(10_000, 200 * 2 ** (attempt - 1));
      options.onRetry?.(attempt, waitMs, e);
      await (options.wait ?? sleep)(waitMs);
    }
  }
}
