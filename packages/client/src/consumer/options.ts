/**
 * Consumer options: Kafka's consumer config names in camelCase with the unit last,
 * Kafka's defaults, checked once in the constructor (bad values throw ConfigError).
 */
import { ConfigError } from '../errors.js';
import { type ClientOptions, intOption, type ResolvedClientOptions, resolveClientOptions } from '../options.js';
import type { Deserializer } from '../types.js';
import { deserializers } from '../types.js';
import { BUILT_IN_ASSIGNORS, type PartitionAssignor } from './assignors.js';

export interface ConsumerOptions<K = Buffer | null, V = Buffer | null> extends ClientOptions {
  /** `group.id`. Without it only {@link Consumer.assign} works and nothing is committed. */
  groupId?: string;
  /** `group.instance.id`: static membership (KIP-345). Default none (a dynamic member). */
  groupInstanceId?: string;
  /** `session.timeout.ms`: the coordinator drops a member silent this long. Default 45000. */
  sessionTimeoutMs?: number;
  /** `heartbeat.interval.ms`: time between heartbeats. Default 3000. */
  heartbeatIntervalMs?: number;
  /** `max.poll.interval.ms`: the rebalance timeout, and the longest gap between polls. Default 300000. */
  maxPollIntervalMs?: number;
  /**
   * `partition.assignment.strategy`: assignors offered to the group, preferred first.
   * Default `['range', 'cooperative-sticky']` as Kafka 3.x. The rebalance protocol is
   * cooperative only when every listed assignor supports it (as Kafka decides).
   */
  partitionAssignmentStrategy?: ReadonlyArray<'range' | 'roundrobin' | 'cooperative-sticky' | PartitionAssignor>;
  /** `auto.offset.reset`: where to start without a committed offset. Default `'latest'`. */
  autoOffsetReset?: 'earliest' | 'latest' | 'none';
  /** `enable.auto.commit`: commit returned records' positions periodically. Default true. */
  enableAutoCommit?: boolean;
  /** `auto.commit.interval.ms`. Default 5000. */
  autoCommitIntervalMs?: number;
  /** `isolation.level`. Default `'read_uncommitted'`. */
  isolationLevel?: 'read_uncommitted' | 'read_committed';
  /** `fetch.min.bytes`. Default 1. */
  fetchMinBytes?: number;
  /** `fetch.max.bytes`: per Fetch response; also the bound on buffered fetched bytes. Default 52428800. */
  fetchMaxBytes?: number;
  /** `max.partition.fetch.bytes`. Default 1048576. */
  maxPartitionFetchBytes?: number;
  /** `fetch.max.wait.ms`: how long the broker may hold a Fetch for `fetchMinBytes`. Default 500. */
  fetchMaxWaitMs?: number;
  /** `max.poll.records`: most records one {@link Consumer.poll} returns. Default 500. */
  maxPollRecords?: number;
  /** `check.crcs`: verify each batch's CRC-32C. Default true. */
  checkCrcs?: boolean;
  /**
   * Reuse the buffers Fetch responses are read into even when records hand out their
   * bytes as they are (no deserializer, or one that may keep them): keys, values and
   * header values are then valid only until the next {@link Consumer.poll} or the next
   * turn of `for await`; copy what you keep longer. Faster for large records. Default
   * false: such bytes stay valid for good, and their buffers are not reused. With the
   * built-in `string` and `json` deserializers and no headers, buffers are reused either way.
   */
  reuseFetchBuffers?: boolean;
  /** `client.rack`: sent in Fetch and in the subscription (v3). Default none. */
  clientRack?: string;
  /** `key.deserializer`. Default: the bytes as they are. */
  keyDeserializer?: Deserializer<K>;
  /** `value.deserializer`. Default: the bytes as they are. */
  valueDeserializer?: Deserializer<V>;
}

export interface ResolvedConsumerOptions<K, V> {
  readonly client: ResolvedClientOptions;
  readonly groupId: string | null;
  readonly groupInstanceId: string | null;
  readonly sessionTimeoutMs: number;
  readonly heartbeatIntervalMs: number;
  readonly maxPollIntervalMs: number;
  readonly assignors: readonly PartitionAssignor[];
  readonly autoOffsetReset: 'earliest' | 'latest' | 'none';
  readonly enableAutoCommit: boolean;
  readonly autoCommitIntervalMs: number;
  readonly isolationLevel: 0 | 1;
  readonly fetchMinBytes: number;
  readonly fetchMaxBytes: number;
  readonly maxPartitionFetchBytes: number;
  readonly fetchMaxWaitMs: number;
  readonly maxPollRecords: number;
  readonly checkCrcs: boolean;
  readonly reuseFetchBuffers: boolean;
  readonly clientRack: string;
  /** Null when the deserializer is the identity on bytes (then it is not called at all). */
  readonly keyDeserializer: Deserializer<K> | null;
  readonly valueDeserializer: Deserializer<V> | null;
}

function oneOf<T extends string>(name: string, value: T | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!allowed.includes(value)) {
    throw new ConfigError(`${name} must be one of ${allowed.map((a) => `'${a}'`).join(', ')}, got ${String(value)}`);
  }
  return value;
}

function optionalString(name: string, value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || value === '') throw new ConfigError(`${name} must be a non-empty string`);
  return value;
}

/** The longest timer Node can set (2^31 - 1 ms); longer ones fire after 1 ms. */
export const TIMER_MAX_MS = 0x7fffffff;

/** Kafka's int settings: int32, and the millisecond ones must fit a timer (intOption's bound). */
function int32Option(name: string, value: number | undefined, fallback: number, min = 0): number {
  return intOption(name, value, fallback, min, TIMER_MAX_MS);
}

export function resolveConsumerOptions<K, V>(options: ConsumerOptions<K, V>): ResolvedConsumerOptions<K, V> {
  const client = resolveClientOptions(options);
  const groupId = optionalString('groupId', options.groupId);
  const groupInstanceId = optionalString('groupInstanceId', options.groupInstanceId);
  if (groupInstanceId !== null && groupId === null) throw new ConfigError('groupInstanceId needs a groupId');
  const sessionTimeoutMs = int32Option('sessionTimeoutMs', options.sessionTimeoutMs, 45_000, 1);
  const heartbeatIntervalMs = int32Option('heartbeatIntervalMs', options.heartbeatIntervalMs, 3_000, 1);
  if (heartbeatIntervalMs >= sessionTimeoutMs) {
    throw new ConfigError(
      `heartbeatIntervalMs (${heartbeatIntervalMs}) must be below sessionTimeoutMs (${sessionTimeoutMs})`,
    );
  }
  const strategy = options.partitionAssignmentStrategy ?? ['range', 'cooperative-sticky'];
  if (!Array.isArray(strategy) || strategy.length === 0) {
    throw new ConfigError('partitionAssignmentStrategy must list at least one assignor');
  }
  const assignors: PartitionAssignor[] = [];
  for (const entry of strategy) {
    const assignor = typeof entry === 'string' ? BUILT_IN_ASSIGNORS.get(entry) : entry;
    if (
      assignor === undefined ||
      assignor === null ||
      typeof assignor !== 'object' ||
      typeof assignor.name !== 'string' ||
      assignor.name === '' ||
      typeof assignor.assign !== 'function'
    ) {
      throw new ConfigError(`partitionAssignmentStrategy: unknown assignor ${JSON.stringify(entry)}`);
    }
    if (assignors.some((a) => a.name === assignor.name)) {
      throw new ConfigError(`partitionAssignmentStrategy names '${assignor.name}' twice`);
    }
    assignors.push(assignor);
  }
  const enableAutoCommit = options.enableAutoCommit ?? true;
  if (typeof enableAutoCommit !== 'boolean') throw new ConfigError('enableAutoCommit must be a boolean');
  const checkCrcs = options.checkCrcs ?? true;
  if (typeof checkCrcs !== 'boolean') throw new ConfigError('checkCrcs must be a boolean');
  const reuseFetchBuffers = options.reuseFetchBuffers ?? false;
  if (typeof reuseFetchBuffers !== 'boolean') throw new ConfigError('reuseFetchBuffers must be a boolean');
  const isolation = oneOf(
    'isolationLevel',
    options.isolationLevel,
    ['read_uncommitted', 'read_committed'],
    'read_uncommitted',
  );
  for (const [name, d] of [
    ['keyDeserializer', options.keyDeserializer],
    ['valueDeserializer', options.valueDeserializer],
  ] as const) {
    if (d !== undefined && typeof d !== 'function') throw new ConfigError(`${name} must be a function`);
  }
  const bytes = deserializers.bytes as unknown;
  return {
    client,
    groupId,
    groupInstanceId,
    sessionTimeoutMs,
    heartbeatIntervalMs,
    maxPollIntervalMs: int32Option('maxPollIntervalMs', options.maxPollIntervalMs, 300_000, 1),
    assignors,
    autoOffsetReset: oneOf('autoOffsetReset', options.autoOffsetReset, ['earliest', 'latest', 'none'], 'latest'),
    enableAutoCommit: enableAutoCommit && groupId !== null,
    autoCommitIntervalMs: int32Option('autoCommitIntervalMs', options.autoCommitIntervalMs, 5_000, 1),
    isolationLevel: isolation === 'read_committed' ? 1 : 0,
    fetchMinBytes: int32Option('fetchMinBytes', options.fetchMinBytes, 1),
    fetchMaxBytes: int32Option('fetchMaxBytes', options.fetchMaxBytes, 52_428_800, 1),
    maxPartitionFetchBytes: int32Option('maxPartitionFetchBytes', options.maxPartitionFetchBytes, 1_048_576, 1),
    fetchMaxWaitMs: int32Option('fetchMaxWaitMs', options.fetchMaxWaitMs, 500),
    maxPollRecords: int32Option('maxPollRecords', options.maxPollRecords, 500, 1),
    checkCrcs,
    reuseFetchBuffers,
    clientRack: optionalString('clientRack', options.clientRack) ?? '',
    keyDeserializer:
      options.keyDeserializer === undefined || (options.keyDeserializer as unknown) === bytes
        ? null
        : options.keyDeserializer,
    valueDeserializer:
      options.valueDeserializer === undefined || (options.valueDeserializer as unknown) === bytes
        ? null
        : options.valueDeserializer,
  };
}
