/**
 * `timeoutMs` of the admin requests that change topics (CreateTopics, DeleteTopics,
 * CreatePartitions), with Kafka's meaning (KIP-4, KIP-195): how long the broker may
 * wait for the change to complete before answering. A value <= 0 asks the broker to
 * start the change and answer at once: the topics the change was started for get
 * REQUEST_TIMED_OUT although the change goes ahead (librdkafka's "operation_timeout
 * <= 0" hides exactly that error). A change that takes longer than a positive
 * timeout is answered with REQUEST_TIMED_OUT too, and is not undone.
 */
import { ErrorCode } from '@gregor/protocol';
import type { Logger } from 'pino';
import type { Broker } from '../broker.js';
import { ControllerOperationError } from '../cluster/remote-controller.js';
import { NotControllerError } from '../metadata/metadata-log.js';

export const TIMED_OUT: unique symbol = Symbol('timed out');

/** `work`'s result, or TIMED_OUT when it has not settled after `timeoutMs`. */
export function within<T>(work: Promise<T>, timeoutMs: number): Promise<T | typeof TIMED_OUT> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve(TIMED_OUT), Math.max(0, Math.min(timeoutMs, 2 ** 31 - 1)));
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}

/** Milliseconds left until `deadline` (a Date.now() value), at least 0. */
export function remainingMs(deadline: number): number {
  return Math.max(0, deadline - Date.now());
}

/** A controller operation's result, or why there is none (Kafka's error for it). */
export type Outcome<T> = { ok: true; value: T } | { ok: false; errorCode: number; errorMessage: string };

/**
 * Awaits a controller operation, at most `timeoutMs` when given (REQUEST_TIMED_OUT
 * after that; the operation goes on). An operation that fails (the metadata log cannot
 * be written) is UNKNOWN_SERVER_ERROR, logged, rather than a closed connection.
 */
export async function settle<T>(
  operation: Promise<T>,
  timeoutMs: number | null,
  logger: Logger,
  what: string,
): Promise<Outcome<T>> {
  try {
    const value = timeoutMs === null ? await operation : await within(operation, timeoutMs);
    if (value === TIMED_OUT) {
      return {
        ok: false,
        errorCode: ErrorCode.REQUEST_TIMED_OUT,
        errorMessage: `The ${what} did not complete within the request's timeoutMs (${timeoutMs} ms).`,
      };
    }
    return { ok: true, value };
  } catch (e) {
    // Not the active controller (here, or the one a request was forwarded to): clients retry.
    if (e instanceof NotControllerError) {
      return { ok: false, errorCode: ErrorCode.NOT_CONTROLLER, errorMessage: e.message };
    }
    if (e instanceof ControllerOperationError) return { ok: false, errorCode: e.errorCode, errorMessage: e.message };
    logger.error({ err: e }, `${what} failed`);
    return {
      ok: false,
      errorCode: ErrorCode.UNKNOWN_SERVER_ERROR,
      errorMessage: `The ${what} failed: ${e instanceof Error ? e.message : String(e)}`,
    };
  }
}

/**
 * Waits, until `deadline` at most, for the replica manager to follow the current image
 * (open new partitions, remove deleted ones), so that the client can use the change as
 * soon as it has the answer. The change is committed either way: a log that fails to
 * open is logged (and will be retried on use), not reported as the request's failure.
 */
export async function awaitLogsFollowImage(broker: Broker, deadline: number): Promise<void> {
  try {
    await within(broker.replicaManager.applyImage(broker.metadata), remainingMs(deadline));
  } catch (e) {
    broker.logger.error({ err: e }, 'applying the metadata image to the partition logs failed');
  }
}
