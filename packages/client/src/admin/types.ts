/**
 * What the admin client takes and returns. Names follow Kafka's Admin API
 * (`TopicDescription`, `ConfigEntry`, `ConsumerGroupDescription`) and its wire codes are
 * turned into strings with Kafka's names.
 */
import type { BrokerInfo } from '../network/cluster.js';
import type { TopicPartition } from '../types.js';
import type { CallOptions } from './call.js';

export type { BrokerInfo, CallOptions };

/** A topic to create. */
export interface NewTopic {
  readonly name: string;
  /** Partitions; the broker's `num.partitions` when omitted (with replicaAssignment: omit). */
  readonly numPartitions?: number | undefined;
  /** Replicas per partition; the broker's `default.replication.factor` when omitted. */
  readonly replicationFactor?: number | undefined;
  /** Brokers for each partition, by partition number (instead of numPartitions/replicationFactor). */
  readonly replicaAssignment?: Readonly<Record<number, readonly number[]>> | undefined;
  /** Topic configs, e.g. `{ 'cleanup.policy': 'compact' }`. */
  readonly configs?: Readonly<Record<string, string>> | undefined;
}

/** Options of createTopics, createPartitions and the config changes. */
export interface ValidateOptions extends CallOptions {
  /** Have the broker check the request without applying it. Default false. */
  validateOnly?: boolean | undefined;
}

export interface ListTopicsOptions extends CallOptions {
  /** Include internal topics (`__consumer_offsets`, `__transaction_state`). Default false. */
  includeInternal?: boolean | undefined;
}

/** One partition of {@link TopicDescription}. */
export interface PartitionDescription {
  readonly partition: number;
  /** The leader's node id, -1 when there is none. */
  readonly leader: number;
  readonly leaderEpoch: number;
  readonly replicas: readonly number[];
  readonly isr: readonly number[];
  readonly offlineReplicas: readonly number[];
}

export interface TopicDescription {
  readonly name: string;
  /** Kafka's topic id (22 characters of base64). */
  readonly topicId: string;
  readonly isInternal: boolean;
  /** By partition number. */
  readonly partitions: readonly PartitionDescription[];
}

/** Partitions to add to a topic. */
export interface NewPartitions {
  readonly name: string;
  /** The new total number of partitions. */
  readonly count: number;
  /** Brokers for each new partition, in order (optional). */
  readonly assignments?: readonly (readonly number[])[] | undefined;
}

/** What a config resource is (Kafka's ConfigResource.Type). */
export type ConfigResourceType = 'topic' | 'broker' | 'broker-logger';

export const CONFIG_RESOURCE_TYPE_CODES: Readonly<Record<ConfigResourceType, number>> = {
  topic: 2,
  broker: 4,
  'broker-logger': 8,
};

/** Where a config value comes from (Kafka's ConfigEntry.ConfigSource, by wire code). */
export const CONFIG_SOURCES = [
  'UNKNOWN',
  'DYNAMIC_TOPIC_CONFIG',
  'DYNAMIC_BROKER_CONFIG',
  'DYNAMIC_DEFAULT_BROKER_CONFIG',
  'STATIC_BROKER_CONFIG',
  'DEFAULT_CONFIG',
  'DYNAMIC_BROKER_LOGGER_CONFIG',
  'CLIENT_METRICS_CONFIG',
  'GROUP_CONFIG',
] as const;
export type ConfigSource = (typeof CONFIG_SOURCES)[number];

/** A config's value type (Kafka's ConfigEntry.ConfigType, by wire code). */
export const CONFIG_TYPES = [
  'UNKNOWN',
  'BOOLEAN',
  'STRING',
  'INT',
  'SHORT',
  'LONG',
  'DOUBLE',
  'LIST',
  'CLASS',
  'PASSWORD',
] as const;
export type ConfigType = (typeof CONFIG_TYPES)[number];

/** A config resource to describe; a broker's name is its node id ('' for the cluster default). */
export interface ConfigResource {
  readonly type: ConfigResourceType;
  readonly name: string;
  /** Only these configs; all when omitted. */
  readonly configNames?: readonly string[] | undefined;
}

export interface DescribeConfigsOptions extends CallOptions {
  /** Also list where else each value is set, by precedence. Default false. */
  includeSynonyms?: boolean | undefined;
  /** Also return each config's documentation. Default false. */
  includeDocumentation?: boolean | undefined;
}

export interface ConfigSynonym {
  readonly name: string;
  readonly value: string | null;
  readonly source: ConfigSource;
}

export interface ConfigEntry {
  readonly name: string;
  /** Null when sensitive or unset. */
  readonly value: string | null;
  readonly source: ConfigSource;
  readonly isReadOnly: boolean;
  readonly isDefault: boolean;
  readonly isSensitive: boolean;
  readonly synonyms: readonly ConfigSynonym[];
  readonly type: ConfigType;
  readonly documentation: string | null;
}

export interface ConfigDescription {
  readonly type: ConfigResourceType;
  readonly name: string;
  readonly entries: readonly ConfigEntry[];
}

/** One incremental change (KIP-339): set, delete (back to default), append to or subtract from a list. */
export interface ConfigOp {
  readonly name: string;
  readonly op: 'set' | 'delete' | 'append' | 'subtract';
  /** Required except for 'delete'. */
  readonly value?: string | undefined;
}

export const CONFIG_OP_CODES = { set: 0, delete: 1, append: 2, subtract: 3 } as const;

export interface ConfigChanges {
  readonly type: ConfigResourceType;
  readonly name: string;
  readonly ops: readonly ConfigOp[];
}

/** A full replacement of a resource's configs (legacy AlterConfigs: configs not listed go back to their defaults). */
export interface ConfigReplacement {
  readonly type: ConfigResourceType;
  readonly name: string;
  readonly configs: Readonly<Record<string, string>>;
}

export interface ClusterDescription {
  readonly clusterId: string | null;
  /** The active controller's node id, -1 when unknown. */
  readonly controllerId: number;
  readonly brokers: readonly BrokerInfo[];
}

export interface LogDirPartition extends TopicPartition {
  readonly size: number;
  readonly offsetLag: number;
  readonly isFuture: boolean;
}

export interface LogDirDescription {
  readonly brokerId: number;
  readonly path: string;
  /** Bytes of the volume, -1 when the broker does not say. */
  readonly totalBytes: number;
  readonly usableBytes: number;
  readonly partitions: readonly LogDirPartition[];
}

/**
 * Which offset to look up: the log start, the end (high watermark, or the last stable
 * offset for read_committed), the record with the largest timestamp (KIP-734), or the
 * first record whose timestamp is at or after `timestamp` (ms since the epoch).
 */
export type OffsetSpec = 'earliest' | 'latest' | 'max-timestamp' | { readonly timestamp: number };

export type IsolationLevel = 'read_uncommitted' | 'read_committed';

export interface ListOffsetsOptions extends CallOptions {
  /** read_committed stops 'latest' at the last stable offset. Default read_uncommitted. */
  isolationLevel?: IsolationLevel | undefined;
}

export interface ListOffsetsQuery extends TopicPartition {
  readonly spec: OffsetSpec;
}

export interface ListedOffset extends TopicPartition {
  /** -1 when no record matches a timestamp lookup. */
  readonly offset: number;
  /** The record's timestamp for timestamp lookups, else -1. */
  readonly timestamp: number;
  readonly leaderEpoch: number;
}

export interface DeleteRecordsQuery extends TopicPartition {
  /** Delete every record before this offset; -1 means the high watermark (everything). */
  readonly offset: number;
}

export interface DeletedRecords extends TopicPartition {
  /** The partition's new log start offset. */
  readonly lowWatermark: number;
}

export interface ListGroupsOptions extends CallOptions {
  /** Only groups in these states, e.g. ['Stable', 'Empty'] (KIP-518). */
  states?: readonly string[] | undefined;
}

export interface GroupListing {
  readonly groupId: string;
  readonly protocolType: string;
  /** '' when the broker is too old to say (ListGroups before v4). */
  readonly state: string;
}

export interface MemberDescription {
  readonly memberId: string;
  readonly groupInstanceId: string | null;
  readonly clientId: string;
  readonly clientHost: string;
  /** Decoded from the member's assignment when the protocol type is 'consumer', else empty. */
  readonly assignment: readonly TopicPartition[];
  /** The raw bytes, for protocol types other than 'consumer'. */
  readonly memberMetadata: Buffer;
  readonly memberAssignment: Buffer;
}

export interface GroupDescription {
  readonly groupId: string;
  /** Kafka's group state: 'Empty', 'PreparingRebalance', 'CompletingRebalance', 'Stable' or 'Dead' (also for a group that does not exist). */
  readonly state: string;
  readonly protocolType: string;
  /** The selected protocol: for consumer groups, the assignor (e.g. 'range'); '' unless Stable. */
  readonly protocol: string;
  readonly members: readonly MemberDescription[];
}

export interface ListGroupOffsetsOptions extends CallOptions {
  /** Only these partitions; every partition with a committed offset when omitted. */
  partitions?: readonly TopicPartition[] | undefined;
  /** Wait for pending transactional commits (KIP-447). Default false. */
  requireStable?: boolean | undefined;
}

export interface GroupOffset extends TopicPartition {
  /** The committed offset, -1 when none (only for partitions asked for explicitly). */
  readonly offset: number;
  readonly metadata: string | null;
  readonly leaderEpoch: number;
  /** The partition's end offset (high watermark), -1 when it could not be read. */
  readonly logEndOffset: number;
  /** logEndOffset - offset, -1 when either is unknown. */
  readonly lag: number;
}

export interface GroupOffsetCommit extends TopicPartition {
  readonly offset: number;
  readonly metadata?: string | undefined;
}

/** Where resetGroupOffsets moves a group. */
export type ResetTarget =
  | 'earliest'
  | 'latest'
  | { readonly offset: number }
  | { readonly timestamp: number }
  | { readonly shiftBy: number };

export interface ResetSpec {
  /** Topics (all their partitions) or individual partitions. */
  readonly topics: readonly string[] | readonly TopicPartition[];
  readonly to: ResetTarget;
  /** Compute and return the new offsets without committing them. Default false. */
  readonly dryRun?: boolean | undefined;
}

export interface ResetOffset extends TopicPartition {
  /** The committed offset before the reset, null when there was none. */
  readonly previous: number | null;
  readonly offset: number;
}

export interface ListTransactionsOptions extends CallOptions {
  /** Only transactions in these states (e.g. 'Ongoing'). */
  states?: readonly string[] | undefined;
  /** Only these producer ids. */
  producerIds?: readonly number[] | undefined;
}

export interface TransactionListing {
  readonly transactionalId: string;
  readonly producerId: number;
  readonly state: string;
}

export interface TransactionDescription {
  readonly transactionalId: string;
  readonly state: string;
  readonly timeoutMs: number;
  /** -1 when no transaction is open. */
  readonly startTimeMs: number;
  readonly producerId: number;
  readonly producerEpoch: number;
  readonly partitions: readonly TopicPartition[];
}

export interface ProducerState {
  readonly producerId: number;
  readonly producerEpoch: number;
  readonly lastSequence: number;
  readonly lastTimestamp: number;
  readonly coordinatorEpoch: number;
  /** The first offset of its open transaction, -1 when none. */
  readonly currentTxnStartOffset: number;
}

export interface PartitionProducers extends TopicPartition {
  readonly activeProducers: readonly ProducerState[];
}
