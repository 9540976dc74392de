/**
 * One admin operation in flight: its deadline (`default.api.timeout.ms` or the caller's
 * `timeoutMs`), its AbortSignal, and the retry loops every method runs inside.
 *
 * The deadline is enforced with a signal of its own, combined with the caller's: a
 * connection attempt or a request that would outlive the operation is cancelled when
 * the time is up (a request's own timeout is also capped by what remains). A call that
 * runs out of time throws the last retriable error it saw, or a RequestTimeoutError;
 * a call cancelled by the caller throws AbortError.
 */
import { ErrorCode, errorInfo } from '@gregor/protocol';
import { AbortError, ConfigError, KafkaError } from '../errors.js';
import type { Cluster } from '../network/cluster.js';
import type { RequestOptions } from '../network/connection.js';
import { timedOut } from '../network/retry.js';
import { AdminError } from './admin-error.js';

/** The longest timeout a timer can hold (about 24.8 days). */
export const TIMEOUT_MS_MAX = 0x7fffffff;

/** Options every admin method takes last. */
export interface CallOptions {
  /** Time for the whole operation, retries included. Default `defaultApiTimeoutMs` (`default.api.timeout.ms`, 60000). */
  timeoutMs?: number | undefined;
  /** Cancels the operation: it then rejects with AbortError. */
  signal?: AbortSignal | undefined;
}

/** One item's answer in a batch attempt: its result, or its error. */
export type ItemOutcome<R> =
  | { readonly ok: true; readonly value: R }
  | { readonly ok: false; readonly error: KafkaError };

export function ok<R>(value: R): ItemOutcome<R> {
  return { ok: true, value };
}

export function failed<R>(error: KafkaError): ItemOutcome<R> {
  return { ok: false, error };
}

export class Call {
  readonly cluster: Cluster;
  readonly what: string;
  readonly timeoutMs: number;
  readonly deadline: number;
  /** Fires when the caller aborts or the deadline passes. */
  readonly signal: AbortSignal;
  private readonly callerSignal: AbortSignal | undefined;
  private lastRetriable: Error | undefined;

  constructor(cluster: Cluster, what: string, options: CallOptions | undefined) {
    const timeoutMs = options?.timeoutMs ?? cluster.options.defaultApiTimeoutMs;
    // Timers hold at most 2^31-1 ms; a longer one would fire at once.
    if (!Number.isSafeInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > TIMEOUT_MS_MAX) {
      throw new ConfigError(
        `${what}: timeoutMs must be an integer in [1, ${TIMEOUT_MS_MAX}], got ${String(timeoutMs)}`,
      );
    }
    this.cluster = cluster;
    this.what = what;
    this.timeoutMs = timeoutMs;
    this.deadline = Date.now() + timeoutMs;
    this.callerSignal = options?.signal;
    const deadlineSignal = AbortSignal.timeout(timeoutMs);
    this.signal =
      this.callerSignal === undefined ? deadlineSignal : AbortSignal.any([this.callerSignal, deadlineSignal]);
  }

  /** Milliseconds left before the deadline (at least 1). */
  remainingMs(): number {
    return Math.max(1, this.deadline - Date.now());
  }

  /** Options for one request: its timeout capped by what remains, and the call's signal. */
  requestOptions(extra: Omit<RequestOptions, 'timeoutMs' | 'signal'> = {}): RequestOptions {
    return {
      ...extra,
      timeoutMs: Math.min(this.cluster.options.requestTimeoutMs, this.remainingMs()),
      signal: this.signal,
    };
  }

  /**
   * The `timeoutMs` field of requests the broker may hold (CreateTopics, DeleteTopics,
   * CreatePartitions, DeleteRecords): a little under the request's own timeout, so that
   * the broker's REQUEST_TIMED_OUT answer arrives before the client gives up waiting.
   */
  brokerTimeoutMs(): number {
    const requestMs = Math.min(this.cluster.options.requestTimeoutMs, this.remainingMs());
    return Math.max(1, requestMs - Math.min(1_000, Math.floor(requestMs / 10)));
  }

  /** Throws the right error when the call can go no further (caller's abort or deadline). */
  checkActive(): void {
    if (this.signal.aborted) throw this.translate(new AbortError(this.signal.reason));
  }

  /**
   * Runs `fn` until it succeeds or fails with a non-retriable error, retrying retriable
   * ones with backoff until the deadline (cluster.retry; metadata refreshed when stale).
   */
  async run<T>(
    fn: (attempt: number) => Promise<T>,
    onRetriable?: (error: Error, attempt: number) => void | Promise<void>,
  ): Promise<T> {
    this.checkActive();
    try {
      return await this.cluster.retry(fn, {
        timeoutMs: this.remainingMs(),
        signal: this.signal,
        onRetriable: async (error, attempt) => {
          this.lastRetriable = error;
          await onRetriable?.(error, attempt);
        },
      });
    } catch (error) {
      throw this.translate(error);
    }
  }

  /**
   * Runs a batch: `attempt` is called with the keys still pending and answers each of
   * them; keys with a retriable error are tried again (with backoff, until the
   * deadline), the others are settled. Returns every key's final outcome. Errors of the
   * whole attempt (not of one item) end the batch as in {@link run}.
   */
  async batch<R>(
    keys: readonly string[],
    attempt: (pending: readonly string[], attemptNumber: number) => Promise<ReadonlyMap<string, ItemOutcome<R>>>,
    onRetriable?: (error: Error, attempt: number) => void | Promise<void>,
  ): Promise<Map<string, ItemOutcome<R>>> {
    const outcomes = new Map<string, ItemOutcome<R>>();
    if (keys.length === 0) return outcomes;
    let pending: readonly string[] = [...new Set(keys)];
    let thrownItemError: KafkaError | undefined;
    try {
      await this.run(async (n) => {
        const answers = await attempt(pending, n);
        const retry: string[] = [];
        let first: KafkaError | undefined;
        for (const key of pending) {
          const answer =
            answers.get(key) ??
            failed<R>(new KafkaError(ErrorCode.UNKNOWN_SERVER_ERROR, `the broker did not answer for ${key}`));
          outcomes.set(key, answer);
          if (!answer.ok && answer.error.retriable) {
            retry.push(key);
            first ??= answer.error;
          }
        }
        pending = retry;
        if (first !== undefined) {
          thrownItemError = first;
          throw first;
        }
      }, onRetriable);
    } catch (error) {
      // Out of time with items still failing retriably: their last errors stand.
      if (error !== thrownItemError) throw error;
    }
    return outcomes;
  }

  /**
   * Results in `keys` order, or an AdminError naming every failed item (with the
   * results of the others).
   */
  settle<R>(keys: readonly string[], outcomes: ReadonlyMap<string, ItemOutcome<R>>): R[] {
    const results: R[] = [];
    const errors: KafkaError[] = [];
    for (const key of keys) {
      const outcome = outcomes.get(key);
      if (outcome === undefined) continue;
      if (outcome.ok) results.push(outcome.value);
      else errors.push(attributed(outcome.error, key));
    }
    if (errors.length > 0) throw new AdminError<R>(this.what, errors, results);
    return results;
  }

  /** AbortError caused by the deadline (not the caller) becomes a timeout. */
  private translate(error: unknown): unknown {
    if (!(error instanceof AbortError) || this.callerSignal?.aborted === true || !this.signal.aborted) return error;
    return this.lastRetriable ?? timedOut(this.what, this.timeoutMs);
  }
}

/** Throws ConfigError unless `items` is an array of objects: checked before their fields are read. */
export function checkObjects(what: string, items: unknown): void {
  if (!Array.isArray(items)) throw new ConfigError(`${what}: expected an array`);
  for (const item of items) {
    if (typeof item !== 'object' || item === null) {
      throw new ConfigError(`${what}: expected objects, got ${item === null ? 'null' : typeof item}`);
    }
  }
}

/** Checks an offset-like bigint from the wire and returns it as a number. */
export function toNumber(value: bigint): number {
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : value < 0n ? Number.MIN_SAFE_INTEGER : Number.MAX_SAFE_INTEGER;
}

/** The key of a partition in batch maps: topic, NUL, partition. Other items are keyed by their name. */
export function partitionKey(topic: string, partition: number): string {
  return `${topic}\u0000${partition}`;
}

/** The topic (or group, or resource name) and partition a batch key stands for. */
export function keyItem(key: string): { topic: string; partition?: number } {
  const at = key.lastIndexOf('\u0000');
  if (at < 0) return { topic: key };
  const suffix = key.slice(at + 1);
  return /^\d+$/.test(suffix) ? { topic: key.slice(0, at), partition: Number(suffix) } : { topic: key.slice(0, at) };
}

/**
 * An error of a whole request (a broken connection) that failed several items is
 * reported once per item, with the item's topic and partition, as every item error is.
 */
function attributed(error: KafkaError, key: string): KafkaError {
  if (error.topic !== undefined) return error;
  const prefix = `${error.type}: `;
  const text = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
  return new KafkaError(error.code, text, { ...keyItem(key), retriable: error.retriable, cause: error });
}

/** A KafkaError for one item from a response's error code and message. */
export function itemError(
  code: number,
  message: string | null | undefined,
  topic: string,
  partition?: number,
  retriable?: boolean,
): KafkaError {
  const where = partition === undefined ? `'${topic}'` : `'${topic}' partition ${partition}`;
  const detail = message !== undefined && message !== null && message !== '' ? message : errorInfo(code)?.message;
  const text = detail === undefined ? where : `${where}: ${detail}`;
  return new KafkaError(code, text, {
    topic,
    ...(partition === undefined ? {} : { partition }),
    ...(retriable === undefined ? {} : { retriable }),
  });
}

/**
 * Retriability override for a broker's item answer: UNKNOWN_TOPIC_OR_PARTITION from
 * the controller or from a config request is the broker's metadata speaking, not a
 * stale cache of ours, so retrying cannot change it.
 */
export function finalIfUnknown(code: number): false | undefined {
  return code === ErrorCode.UNKNOWN_TOPIC_OR_PARTITION ? false : undefined;
}
