/**
 * Retries with exponential backoff for retriable errors only, as Kafka's clients do
 * (KIP-580): the wait starts at `retry.backoff.ms`, doubles each attempt up to
 * `retry.backoff.max.ms`, with ±20% jitter so that clients do not retry in step.
 */
import { AbortError, isRetriable, RequestTimeoutError } from '../errors.js';

export interface BackoffOptions {
  backoffMs: number;
  backoffMaxMs: number;
}

export interface RetryOptions extends BackoffOptions {
  /** Give up once this much time has passed since the first attempt. */
  timeoutMs: number;
  signal?: AbortSignal | undefined;
  /** Called with each retriable error before waiting (e.g. to refresh metadata). */
  onRetriable?: (error: Error, attempt: number) => void | Promise<void>;
  /** Decides retriability; defaults to KafkaError.retriable. */
  retriable?: (error: unknown) => boolean;
  /** The clock, replaceable in tests. */
  now?: () => number;
}

/** The wait before retry number `attempt` (0 for the first retry). */
export function backoffDelay(attempt: number, options: BackoffOptions, random: () => number = Math.random): number {
  const exp = options.backoffMs * 2 ** Math.min(attempt, 30);
  const capped = Math.min(exp, Math.max(options.backoffMs, options.backoffMaxMs));
  const jitter = 0.8 + random() * 0.4;
  return Math.max(0, Math.round(capped * jitter));
}

/** Sleeps `ms`, rejecting with AbortError if the signal fires first. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted === true) {
      reject(new AbortError(signal.reason));
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new AbortError(signal?.reason));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Runs `attempt` until it succeeds, fails with a non-retriable error, or the time is up
 * (then the last retriable error is thrown, or a RequestTimeoutError if none was seen).
 */
export async function retry<T>(attempt: (n: number) => Promise<T>, options: RetryOptions): Promise<T> {
  const now = options.now ?? Date.now;
  const deadline = now() + options.timeoutMs;
  const retriable = options.retriable ?? isRetriable;
  for (let n = 0; ; n++) {
    if (options.signal?.aborted === true) throw new AbortError(options.signal.reason);
    try {
      return await attempt(n);
    } catch (error) {
      if (!retriable(error) || !(error instanceof Error)) throw error;
      const wait = backoffDelay(n, options);
      if (now() + wait >= deadline) throw error;
      await options.onRetriable?.(error, n);
      await sleep(wait, options.signal);
    }
  }
}

/** A RequestTimeoutError for an operation that ran out of time. */
export function timedOut(what: string, timeoutMs: number): RequestTimeoutError {
  return new RequestTimeoutError(`${what} did not complete in ${timeoutMs} ms`);
}
