/**
 * Errors the client raises. Every error that comes from Kafka (an error code in a
 * response) or from the network is a {@link KafkaError}: it carries Kafka's numeric
 * `code`, its `type` name (`NOT_LEADER_OR_FOLLOWER`) and whether the operation may
 * succeed when retried, exactly as Kafka's error table says.
 */
import { ErrorCode, errorInfo } from '@gregor/protocol';

export interface KafkaErrorOptions {
  /** Overrides the table's retriability (for example a network error is always retriable). */
  retriable?: boolean;
  cause?: unknown;
  /** The topic, partition, group or transactional id the error concerns, if any. */
  topic?: string;
  partition?: number;
}

/** An error with Kafka's error code, its name and whether retrying may help. */
export class KafkaError extends Error {
  override name = 'KafkaError';
  /** Kafka's numeric error code (`-1` for UNKNOWN_SERVER_ERROR). */
  readonly code: number;
  /** Kafka's name for the code, e.g. `UNKNOWN_TOPIC_OR_PARTITION`. */
  readonly type: string;
  /** True when the same operation may succeed if retried (Kafka's `RetriableException`). */
  readonly retriable: boolean;
  readonly topic: string | undefined;
  readonly partition: number | undefined;

  constructor(code: number, message?: string | null, options: KafkaErrorOptions = {}) {
    const info = errorInfo(code);
    const type = info?.name ?? `UNKNOWN_ERROR_CODE_${code}`;
    const text = message !== undefined && message !== null && message !== '' ? message : (info?.message ?? type);
    super(`${type}: ${text}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.type = type;
    this.retriable = options.retriable ?? info?.retriable ?? false;
    this.topic = options.topic;
    this.partition = options.partition;
  }
}

/** A connection could not be made, or broke while requests were in flight. Retriable. */
export class ConnectionError extends KafkaError {
  override name = 'ConnectionError';
  constructor(message: string, cause?: unknown) {
    super(ErrorCode.NETWORK_EXCEPTION, message, { retriable: true, cause });
  }
}

/** No response within the request timeout. Retriable. */
export class RequestTimeoutError extends KafkaError {
  override name = 'RequestTimeoutError';
  constructor(message: string) {
    super(ErrorCode.REQUEST_TIMED_OUT, message, { retriable: true });
  }
}

/** The broker does not speak any version of an API the client can use. Not retriable. */
export class UnsupportedVersionError extends KafkaError {
  override name = 'UnsupportedVersionError';
  constructor(message: string) {
    super(ErrorCode.UNSUPPORTED_VERSION, message, { retriable: false });
  }
}

/** The operation was given up because its AbortSignal fired. */
export class AbortError extends Error {
  override name = 'AbortError';
  constructor(reason?: unknown) {
    super(reason instanceof Error ? reason.message : 'The operation was aborted', { cause: reason });
  }
}

/** The client (or producer, consumer, admin) was closed while the operation was pending. */
export class ClientClosedError extends Error {
  override name = 'ClientClosedError';
  constructor(what = 'client') {
    super(`the ${what} is closed`);
  }
}

/** Bad arguments or options from the caller: never retriable, raised before any I/O. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Throws a KafkaError for a non-zero error code from a response. */
export function throwIfError(code: number, message?: string | null, options?: KafkaErrorOptions): void {
  if (code !== 0) throw new KafkaError(code, message, options);
}

/** True when `error` is a KafkaError (or subclass) that Kafka says may succeed on retry. */
export function isRetriable(error: unknown): boolean {
  return error instanceof KafkaError && error.retriable;
}
