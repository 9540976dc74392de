/**
 * Producer options: Kafka's producer configs in camelCase with the unit last, Kafka's
 * defaults, and Kafka's rules for combinations that cannot work (ProducerConfig's
 * idempotence checks), raised as ConfigError before any I/O.
 */
import { Compression, type CompressionType } from '@gregor/protocol';
import { ConfigError } from '../errors.js';
import { type ClientOptions, intOption, type ResolvedClientOptions, resolveClientOptions } from '../options.js';
import type { Serializer } from '../types.js';
import { defaultPartitioner, type Partitioner } from './partitioner.js';

export interface ProducerOptions<K = Buffer | null, V = Buffer | null> extends ClientOptions {
  /**
   * `acks`: how many replicas must have a batch before it is acknowledged: 0 (none, no
   * response: offsets are -1), 1 (the leader), -1 or 'all' (every in-sync replica).
   * Default 'all'.
   */
  acks?: 0 | 1 | -1 | 'all';
  /** `compression.type`: codec for each batch. Default 'none'. */
  compression?: 'none' | 'gzip' | 'snappy' | 'lz4' | 'zstd';
  /** `linger.ms`: how long a batch that is not full waits for more records. Default 5. */
  lingerMs?: number;
  /** `batch.size`: bytes of records after which a partition's batch is sent. Default 16384. */
  batchSize?: number;
  /** `buffer.memory`: bytes of batches waiting or in flight before send() blocks. Default 33554432. */
  bufferMemory?: number;
  /** `max.block.ms`: how long send() waits for buffer space or topic metadata. Default 60000. */
  maxBlockMs?: number;
  /** `max.request.size`: the largest Produce request, and so the largest record. Default 1048576. */
  maxRequestSize?: number;
  /** `delivery.timeout.ms`: time for a record from send() to success or failure, retries included. Default 120000. */
  deliveryTimeoutMs?: number;
  /** `max.in.flight.requests.per.connection`: Produce requests in flight per broker. Default 5 (at most 5 with idempotence). */
  maxInFlightRequestsPerConnection?: number;
  /** `enable.idempotence`: exactly once per partition with producer ids and sequences (KIP-98). Default true. */
  enableIdempotence?: boolean;
  /** `transactional.id`: enables transactions (implies idempotence). Default none. */
  transactionalId?: string;
  /** `transaction.timeout.ms`: the coordinator aborts a transaction open longer than this. Default 60000. */
  transactionTimeoutMs?: number;
  /** `partitioner.class`: chooses partitions. Default: murmur2 of the key, sticky (KIP-480) without a key. */
  partitioner?: Partitioner;
  /** `key.serializer`. Default: Buffers as they are. */
  keySerializer?: Serializer<K>;
  /** `value.serializer`. Default: Buffers as they are. */
  valueSerializer?: Serializer<V>;
}

export interface ResolvedProducerOptions {
  readonly client: ResolvedClientOptions;
  readonly acks: 0 | 1 | -1;
  readonly compression: CompressionType;
  readonly lingerMs: number;
  readonly batchSize: number;
  readonly bufferMemory: number;
  readonly maxBlockMs: number;
  readonly maxRequestSize: number;
  readonly deliveryTimeoutMs: number;
  readonly maxInFlightRequestsPerConnection: number;
  readonly idempotent: boolean;
  readonly transactionalId: string | null;
  readonly transactionTimeoutMs: number;
  readonly partitioner: Partitioner;
  readonly keySerializer: Serializer<unknown>;
  readonly valueSerializer: Serializer<unknown>;
}

const CODECS: Readonly<Record<string, CompressionType>> = {
  none: Compression.NONE,
  gzip: Compression.GZIP,
  snappy: Compression.SNAPPY,
  lz4: Compression.LZ4,
  zstd: Compression.ZSTD,
};

/** Kafka's limit on requests in flight with idempotence: the broker keeps the last five batches. */
export const IDEMPOTENT_IN_FLIGHT_MAX = 5;

const identity = (value: unknown): Buffer | null => value as Buffer | null;

/** Validates producer options and applies Kafka's defaults. Throws ConfigError. */
export function resolveProducerOptions(options: ProducerOptions<never, never>): ResolvedProducerOptions {
  const client = resolveClientOptions(options);
  const acksInput = options.acks ?? 'all';
  if (acksInput !== 0 && acksInput !== 1 && acksInput !== -1 && acksInput !== 'all') {
    throw new ConfigError(`acks must be 0, 1, -1 or 'all', got ${String(acksInput)}`);
  }
  const acks = acksInput === 'all' ? -1 : acksInput;
  const compressionName = options.compression ?? 'none';
  const compression = Object.hasOwn(CODECS, compressionName) ? CODECS[compressionName] : undefined;
  if (compression === undefined) {
    throw new ConfigError(`compression must be one of none, gzip, snappy, lz4, zstd, got ${String(compressionName)}`);
  }
  const lingerMs = intOption('lingerMs', options.lingerMs, 5);
  const batchSize = intOption('batchSize', options.batchSize, 16_384);
  const bufferMemory = intOption('bufferMemory', options.bufferMemory, 33_554_432, 1, Number.MAX_SAFE_INTEGER);
  const maxBlockMs = intOption('maxBlockMs', options.maxBlockMs, 60_000);
  const maxRequestSize = intOption('maxRequestSize', options.maxRequestSize, 1_048_576, 1);
  const deliveryTimeoutMs = intOption('deliveryTimeoutMs', options.deliveryTimeoutMs, 120_000, 1);
  const maxInFlight = intOption('maxInFlightRequestsPerConnection', options.maxInFlightRequestsPerConnection, 5, 1);
  const transactionTimeoutMs = intOption('transactionTimeoutMs', options.transactionTimeoutMs, 60_000, 1);
  if (transactionTimeoutMs > 0x7fffffff) throw new ConfigError('transactionTimeoutMs must fit in an int32');
  const transactionalId = options.transactionalId ?? null;
  if (transactionalId !== null && (typeof transactionalId !== 'string' || transactionalId === '')) {
    throw new ConfigError('transactionalId must be a non-empty string');
  }
  // Kafka: delivery.timeout.ms must cover linger.ms + request.timeout.ms, or a batch could
  // expire before it was ever given a chance.
  if (deliveryTimeoutMs < lingerMs + client.requestTimeoutMs) {
    throw new ConfigError(
      `deliveryTimeoutMs (${deliveryTimeoutMs}) must be >= lingerMs + requestTimeoutMs (${lingerMs + client.requestTimeoutMs})`,
    );
  }
  // Kafka's ProducerConfig rules: idempotence explicitly on with an incompatible setting
  // is an error; left at its default it is turned off instead; a transactional id
  // requires it.
  const explicit = options.enableIdempotence;
  if (explicit !== undefined && typeof explicit !== 'boolean')
    throw new ConfigError('enableIdempotence must be a boolean');
  let idempotent = explicit ?? true;
  const conflicts: string[] = [];
  if (acks !== -1) conflicts.push(`acks must be 'all' (got ${acks})`);
  if (maxInFlight > IDEMPOTENT_IN_FLIGHT_MAX) {
    conflicts.push(`maxInFlightRequestsPerConnection must be <= ${IDEMPOTENT_IN_FLIGHT_MAX} (got ${maxInFlight})`);
  }
  if (conflicts.length > 0) {
    if (transactionalId !== null) {
      throw new ConfigError(`a transactional producer needs idempotence: ${conflicts.join('; ')}`);
    }
    if (explicit === true) throw new ConfigError(`enableIdempotence: ${conflicts.join('; ')}`);
    idempotent = false;
  }
  if (transactionalId !== null && explicit === false) {
    throw new ConfigError('transactionalId requires enableIdempotence (it cannot be false)');
  }
  if (maxRequestSize > bufferMemory) {
    // Not an error in Kafka, but a record between the two could never be buffered.
    client.logger.warn({ maxRequestSize, bufferMemory }, 'maxRequestSize exceeds bufferMemory');
  }
  const partitioner = options.partitioner ?? defaultPartitioner();
  if (typeof partitioner !== 'function') throw new ConfigError('partitioner must be a function');
  const keySerializer = (options.keySerializer ?? identity) as Serializer<unknown>;
  const valueSerializer = (options.valueSerializer ?? identity) as Serializer<unknown>;
  if (typeof keySerializer !== 'function' || typeof valueSerializer !== 'function') {
    throw new ConfigError('keySerializer and valueSerializer must be functions');
  }
  return {
    client,
    acks,
    compression,
    lingerMs,
    batchSize,
    bufferMemory,
    maxBlockMs,
    maxRequestSize,
    deliveryTimeoutMs,
    maxInFlightRequestsPerConnection: maxInFlight,
    idempotent,
    transactionalId,
    transactionTimeoutMs,
    partitioner,
    keySerializer,
    valueSerializer,
  };
}
