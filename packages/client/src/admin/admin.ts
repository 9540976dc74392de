/**
 * The admin client: topics, partitions, configs, the cluster, offsets and records,
 * consumer groups and transactions, over Kafka's admin APIs.
 */
import { ClientClosedError } from '../errors.js';
import { Cluster } from '../network/cluster.js';
import { type ClientOptions, resolveClientOptions } from '../options.js';
import type { TopicPartition } from '../types.js';
import { Call, type CallOptions } from './call.js';
import { alterConfigs, describeConfigs, incrementalAlterConfigs } from './configs.js';
import {
  alterGroupOffsets,
  deleteGroupOffsets,
  deleteGroups,
  describeGroups,
  listGroupOffsets,
  listGroups,
  resetGroupOffsets,
} from './groups.js';
import { deleteRecords, listOffsets } from './offsets.js';
import {
  createPartitions,
  createTopics,
  deleteTopics,
  describeCluster,
  describeLogDirs,
  describeTopics,
  listTopics,
} from './topics.js';
import { describeProducers, describeTransactions, listTransactions } from './transactions.js';
import type {
  ClusterDescription,
  ConfigChanges,
  ConfigDescription,
  ConfigReplacement,
  ConfigResource,
  DeletedRecords,
  DeleteRecordsQuery,
  DescribeConfigsOptions,
  GroupDescription,
  GroupListing,
  GroupOffset,
  GroupOffsetCommit,
  ListedOffset,
  ListGroupOffsetsOptions,
  ListGroupsOptions,
  ListOffsetsOptions,
  ListOffsetsQuery,
  ListTopicsOptions,
  ListTransactionsOptions,
  LogDirDescription,
  NewPartitions,
  NewTopic,
  PartitionProducers,
  ResetOffset,
  ResetSpec,
  TopicDescription,
  TransactionDescription,
  TransactionListing,
  ValidateOptions,
} from './types.js';

/**
 * Kafka's admin client.
 *
 * Every method takes an optional last `{ timeoutMs, signal }`: `timeoutMs` bounds the
 * whole operation, retries included (default `defaultApiTimeoutMs`, Kafka's
 * `default.api.timeout.ms`, 60000); retriable errors (a broken connection, a leader or
 * controller that moved, a coordinator still loading) are retried with backoff within
 * it; `signal` cancels the operation with AbortError. A call that runs out of time
 * throws the last retriable error it met (a ConnectionError when no broker answers),
 * or a RequestTimeoutError.
 *
 * **Errors of batch methods.** A method that takes a list of topics, groups, config
 * resources or partitions tries every item. When some fail, it throws one
 * {@link AdminError} after all were tried: `errors` holds a {@link KafkaError} per failed
 * item, with `topic` (the topic, group or resource name) and `partition` set, and
 * `results` the results of the items that succeeded. Otherwise it resolves with one
 * result per item, in input order. Errors of the whole call (timeout, abort, no broker
 * reachable, a closed admin, bad arguments as ConfigError) are thrown as they are, as
 * are errors of the one group a group method is about (a KafkaError with `topic` set
 * to the group id).
 *
 * Connections are opened when first needed; {@link close} closes them.
 */
export class Admin {
  private readonly cluster: Cluster;
  private closed = false;

  /** Resolves and checks the options (ConfigError on bad ones); connects on the first call. */
  constructor(options: ClientOptions) {
    this.cluster = new Cluster(resolveClientOptions(options));
  }

  private call(what: string, options: CallOptions | undefined): Call {
    if (this.closed) throw new ClientClosedError('admin');
    return new Call(this.cluster, what, options);
  }

  /**
   * Creates topics (CreateTopics, to the controller). A topic that exists fails with
   * TOPIC_ALREADY_EXISTS, bad settings with the broker's INVALID_PARTITIONS,
   * INVALID_REPLICATION_FACTOR or INVALID_CONFIG. With `validateOnly` the broker checks
   * the request and creates nothing.
   */
  async createTopics(topics: readonly NewTopic[], options?: ValidateOptions): Promise<void> {
    const call = this.call('createTopics', options);
    await createTopics(call, topics, options?.validateOnly ?? false);
  }

  /** Deletes topics by name (DeleteTopics, to the controller); an unknown one fails with UNKNOWN_TOPIC_OR_PARTITION. */
  async deleteTopics(names: readonly string[], options?: CallOptions): Promise<void> {
    await deleteTopics(this.call('deleteTopics', options), names);
  }

  /** Names of the cluster's topics, sorted; internal topics only with `includeInternal`. */
  async listTopics(options?: ListTopicsOptions): Promise<string[]> {
    return listTopics(this.call('listTopics', options), options?.includeInternal ?? false);
  }

  /** Topics with their id and each partition's leader, replicas and in-sync replicas (Metadata). */
  async describeTopics(names: readonly string[], options?: CallOptions): Promise<TopicDescription[]> {
    return describeTopics(this.call('describeTopics', options), names);
  }

  /**
   * Raises topics' partition counts to `count` (CreatePartitions, to the controller);
   * a count not above the current one fails with INVALID_PARTITIONS.
   */
  async createPartitions(topics: readonly NewPartitions[], options?: ValidateOptions): Promise<void> {
    await createPartitions(this.call('createPartitions', options), topics, options?.validateOnly ?? false);
  }

  /** Configs of topics and brokers (DescribeConfigs), with synonyms and documentation when asked for. */
  async describeConfigs(
    resources: readonly ConfigResource[],
    options?: DescribeConfigsOptions,
  ): Promise<ConfigDescription[]> {
    return describeConfigs(
      this.call('describeConfigs', options),
      resources,
      options?.includeSynonyms ?? false,
      options?.includeDocumentation ?? false,
    );
  }

  /**
   * Changes configs one by one (IncrementalAlterConfigs, KIP-339): `set` a value,
   * `delete` it (back to its default), `append` to or `subtract` from a list config.
   * Configs not named are left alone.
   */
  async incrementalAlterConfigs(changes: readonly ConfigChanges[], options?: ValidateOptions): Promise<void> {
    await incrementalAlterConfigs(
      this.call('incrementalAlterConfigs', options),
      changes,
      options?.validateOnly ?? false,
    );
  }

  /**
   * Replaces every dynamic config of each resource (the legacy AlterConfigs API):
   * configs not listed go back to their defaults. Prefer {@link incrementalAlterConfigs}.
   */
  async alterConfigs(replacements: readonly ConfigReplacement[], options?: ValidateOptions): Promise<void> {
    await alterConfigs(this.call('alterConfigs', options), replacements, options?.validateOnly ?? false);
  }

  /** The cluster id, the active controller and the brokers (DescribeCluster, KIP-700). */
  async describeCluster(options?: CallOptions): Promise<ClusterDescription> {
    return describeCluster(this.call('describeCluster', options));
  }

  /** Each broker's log directories and the partitions in them (DescribeLogDirs); every broker by default. */
  async describeLogDirs(brokerIds?: readonly number[], options?: CallOptions): Promise<LogDirDescription[]> {
    return describeLogDirs(this.call('describeLogDirs', options), brokerIds);
  }

  /**
   * Offsets by spec (ListOffsets, to each partition's leader): the log start, the end,
   * the record with the largest timestamp, or the first record at or after a
   * timestamp (offset -1 when there is none).
   */
  async listOffsets(queries: readonly ListOffsetsQuery[], options?: ListOffsetsOptions): Promise<ListedOffset[]> {
    return listOffsets(this.call('listOffsets', options), queries, options?.isolationLevel ?? 'read_uncommitted');
  }

  /**
   * Deletes the records before `offset` (DeleteRecords, to each partition's leader;
   * -1 for the high watermark) and returns each partition's new low watermark.
   */
  async deleteRecords(queries: readonly DeleteRecordsQuery[], options?: CallOptions): Promise<DeletedRecords[]> {
    return deleteRecords(this.call('deleteRecords', options), queries);
  }

  /** Every group of the cluster (ListGroups to every broker), optionally only those in `states`. */
  async listGroups(options?: ListGroupsOptions): Promise<GroupListing[]> {
    return listGroups(this.call('listGroups', options), options?.states);
  }

  /**
   * Groups' state, protocol and members (DescribeGroups, to each coordinator), with each
   * consumer's assignment decoded. A group that does not exist is 'Dead'.
   */
  async describeGroups(groupIds: readonly string[], options?: CallOptions): Promise<GroupDescription[]> {
    return describeGroups(this.call('describeGroups', options), groupIds);
  }

  /**
   * A group's committed offsets (OffsetFetch) with each partition's end offset and the
   * lag between them, as `kafka-consumer-groups --describe` shows them.
   */
  async listGroupOffsets(groupId: string, options?: ListGroupOffsetsOptions): Promise<GroupOffset[]> {
    return listGroupOffsets(
      this.call('listGroupOffsets', options),
      groupId,
      options?.partitions,
      options?.requireStable ?? false,
    );
  }

  /**
   * Commits offsets for a group from outside it (OffsetCommit, generation -1). Allowed
   * only while the group has no members: otherwise it throws a KafkaError
   * (UNKNOWN_MEMBER_ID) saying so.
   */
  async alterGroupOffsets(
    groupId: string,
    offsets: readonly GroupOffsetCommit[],
    options?: CallOptions,
  ): Promise<void> {
    await alterGroupOffsets(this.call('alterGroupOffsets', options), groupId, offsets);
  }

  /**
   * Moves a group's offsets, as `kafka-consumer-groups --reset-offsets` does: to the
   * earliest or latest offset, an offset, a time (the first record at or after it; the
   * end when there is none) or by a shift from the committed offset. Targets outside
   * the log are moved into [earliest, latest]. Refused with NON_EMPTY_GROUP unless the
   * group is Empty or Dead. With `dryRun` nothing is committed.
   */
  async resetGroupOffsets(groupId: string, spec: ResetSpec, options?: CallOptions): Promise<ResetOffset[]> {
    return resetGroupOffsets(this.call('resetGroupOffsets', options), groupId, spec);
  }

  /** Deletes groups and their offsets (DeleteGroups); a group with members fails with NON_EMPTY_GROUP. */
  async deleteGroups(groupIds: readonly string[], options?: CallOptions): Promise<void> {
    await deleteGroups(this.call('deleteGroups', options), groupIds);
  }

  /**
   * Deletes a group's committed offsets for some partitions (OffsetDelete, KIP-496);
   * a partition the group still consumes fails with GROUP_SUBSCRIBED_TO_TOPIC.
   */
  async deleteGroupOffsets(
    groupId: string,
    partitions: readonly TopicPartition[],
    options?: CallOptions,
  ): Promise<void> {
    await deleteGroupOffsets(this.call('deleteGroupOffsets', options), groupId, partitions);
  }

  /** Transactional ids known to the cluster's transaction coordinators (ListTransactions, KIP-664). */
  async listTransactions(options?: ListTransactionsOptions): Promise<TransactionListing[]> {
    return listTransactions(this.call('listTransactions', options), options?.states, options?.producerIds);
  }

  /** Transactions' state and partitions (DescribeTransactions, to each transaction coordinator). */
  async describeTransactions(
    transactionalIds: readonly string[],
    options?: CallOptions,
  ): Promise<TransactionDescription[]> {
    return describeTransactions(this.call('describeTransactions', options), transactionalIds);
  }

  /** The producers writing to partitions and their open transactions (DescribeProducers, to each leader). */
  async describeProducers(partitions: readonly TopicPartition[], options?: CallOptions): Promise<PartitionProducers[]> {
    return describeProducers(this.call('describeProducers', options), partitions);
  }

  /** Closes the connections once their requests are answered; later calls throw ClientClosedError. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.cluster.close();
  }
}
