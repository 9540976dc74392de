/**
 * The controller: validates cluster changes against the current metadata image and
 * turns them into metadata records (one batch per operation, so each is atomic).
 * Topic ids are random version-4 UUIDs as Kafka assigns them. Replica placement spreads
 * partitions round-robin over the unfenced brokers, starting at a random one, as
 * Kafka's StripedReplicaPlacer does without racks.
 *
 * Errors are Kafka error codes with messages, per topic or resource; nothing here
 * throws for bad input.
 */
import type { Uuid } from '@gregor/protocol';
import { ErrorCode, MetadataRecordType, randomUuid } from '@gregor/protocol';
import { ConfigRecord } from '@gregor/protocol/generated/metadata/config-record';
import { FeatureLevelRecord } from '@gregor/protocol/generated/metadata/feature-level-record';
import { PartitionRecord } from '@gregor/protocol/generated/metadata/partition-record';
import { ProducerIdsRecord } from '@gregor/protocol/generated/metadata/producer-ids-record';
import { BrokerEndpoint, RegisterBrokerRecord } from '@gregor/protocol/generated/metadata/register-broker-record';
import { RemoveTopicRecord } from '@gregor/protocol/generated/metadata/remove-topic-record';
import { TopicRecord } from '@gregor/protocol/generated/metadata/topic-record';
import { UnfenceBrokerRecord } from '@gregor/protocol/generated/metadata/unfence-broker-record';
import type { MetadataImage, TopicImage } from './image.js';
import { ConfigResourceType } from './image.js';
import type { MetadataLog } from './metadata-log.js';
import type { MetadataRecord } from './record-serde.js';

/** Kafka's topic name rules (org.apache.kafka.common.internals.Topic). */
export const TOPIC_NAME_LENGTH_MAX = 249;
const TOPIC_NAME_PATTERN = /^[a-zA-Z0-9._-]+$/;

/** metadata.version for Kafka 3.9 (3.9-IV0): the record versions Gregor writes. */
export const METADATA_VERSION = 21;

/** PLAINTEXT in Kafka's SecurityProtocol ids. */
export const SECURITY_PROTOCOL_PLAINTEXT = 0;

/** Producer ids are handed out in blocks of this many (Kafka's ProducerIdsBlock). */
export const PRODUCER_ID_BLOCK_SIZE = 1000;

export interface OperationError {
  errorCode: number;
  errorMessage: string | null;
}

export const OK: OperationError = Object.freeze({ errorCode: ErrorCode.NONE, errorMessage: null });

function error(errorCode: number, errorMessage: string): OperationError {
  return { errorCode, errorMessage };
}

export function validateTopicName(name: string): OperationError {
  if (name.length === 0) return error(ErrorCode.INVALID_TOPIC_EXCEPTION, "Topic name is illegal, it can't be empty");
  if (name === '.' || name === '..')
    return error(ErrorCode.INVALID_TOPIC_EXCEPTION, 'Topic name cannot be "." or ".."');
  if (name.length > TOPIC_NAME_LENGTH_MAX) {
    return error(
      ErrorCode.INVALID_TOPIC_EXCEPTION,
      `Topic name is illegal, it can't be longer than ${TOPIC_NAME_LENGTH_MAX} characters, topic name: ${name}`,
    );
  }
  if (!TOPIC_NAME_PATTERN.test(name)) {
    return error(
      ErrorCode.INVALID_TOPIC_EXCEPTION,
      `Topic name "${name}" is illegal, it contains a character other than ASCII alphanumerics, '.', '_' and '-'`,
    );
  }
  return OK;
}

/** Kafka refuses topics whose names differ only by '.' versus '_' (metric names collide). */
function collidingTopic(image: MetadataImage, name: string): string | null {
  const unified = name.replaceAll('.', '_');
  for (const existing of image.topicsByName.keys()) {
    if (existing !== name && existing.replaceAll('.', '_') === unified) return existing;
  }
  return null;
}

export interface NewTopic {
  name: string;
  /** -1: the broker default (num.partitions). */
  numPartitions: number;
  /** -1: the broker default (default.replication.factor). */
  replicationFactor: number;
  /** Manual assignment: partition index → replicas. */
  assignments: ReadonlyMap<number, readonly number[]> | null;
  /** Validated topic config overrides. */
  configs: ReadonlyMap<string, string>;
}

export interface CreatedTopic extends OperationError {
  name: string;
  topicId: Uuid;
  numPartitions: number;
  replicationFactor: number;
}

export class Controller {
  private chain: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly log: MetadataLog,
    private readonly defaults: { numPartitions: number; replicationFactor: number; deleteTopicEnable: boolean },
  ) {}

  get image(): MetadataImage {
    return this.log.image;
  }

  /** Runs controller operations one at a time, each against the image the previous left. */
  private serial<T>(op: () => Promise<T>): Promise<T> {
    const next = this.chain.then(op, op);
    this.chain = next.catch(() => undefined);
    return next;
  }

  /** At start: sets metadata.version on a new cluster and registers this broker, unfenced. */
  registerBroker(
    nodeId: number,
    endpoints: readonly { name: string; host: string; port: number }[],
    rack: string | null,
  ): Promise<number> {
    return this.serial(async () => {
      const records: MetadataRecord[] = [];
      if (!this.image.features.has('metadata.version')) {
        const f = new FeatureLevelRecord();
        f.name = 'metadata.version';
        f.featureLevel = METADATA_VERSION;
        records.push({ type: MetadataRecordType.FeatureLevelRecord, version: 0, message: f });
      }
      const r = new RegisterBrokerRecord();
      r.brokerId = nodeId;
      r.incarnationId = randomUuid();
      // As Kafka, the broker epoch is the offset of its registration record.
      const epoch = this.log.endOffset + records.length;
      r.brokerEpoch = BigInt(epoch);
      r.endPoints = endpoints.map((e) => {
        const ep = new BrokerEndpoint();
        ep.name = e.name;
        ep.host = e.host;
        ep.port = e.port;
        ep.securityProtocol = SECURITY_PROTOCOL_PLAINTEXT;
        return ep;
      });
      r.rack = rack;
      r.fenced = true;
      records.push({ type: MetadataRecordType.RegisterBrokerRecord, version: 3, message: r });
      const u = new UnfenceBrokerRecord();
      u.id = nodeId;
      u.epoch = BigInt(epoch);
      records.push({ type: MetadataRecordType.UnfenceBrokerRecord, version: 0, message: u });
      await this.log.append(records);
      return epoch;
    });
  }

  private liveBrokers(image: MetadataImage): number[] {
    return [...image.brokers.values()]
      .filter((b) => !b.fenced)
      .map((b) => b.nodeId)
      .sort((a, b) => a - b);
  }

  private checkNewTopic(image: MetadataImage, t: NewTopic, names: Set<string>): OperationError {
    const nameCheck = validateTopicName(t.name);
    if (nameCheck.errorCode !== ErrorCode.NONE) return nameCheck;
    if (image.topicsByName.has(t.name) || names.has(t.name))
      return error(ErrorCode.TOPIC_ALREADY_EXISTS, `Topic '${t.name}' already exists.`);
    const collision = collidingTopic(image, t.name);
    if (collision !== null) {
      return error(ErrorCode.INVALID_TOPIC_EXCEPTION, `Topic '${t.name}' collides with existing topic: ${collision}`);
    }
    const live = this.liveBrokers(image);
    if (t.assignments !== null) {
      if (t.numPartitions !== -1 || t.replicationFactor !== -1) {
        return error(
          ErrorCode.INVALID_REQUEST,
          'Both numPartitions or replicationFactor and replicasAssignments were set. Both cannot be used at the same time.',
        );
      }
      const ids = [...t.assignments.keys()].sort((a, b) => a - b);
      if (ids.length === 0)
        return error(ErrorCode.INVALID_REPLICA_ASSIGNMENT, 'An empty replica assignment was given.');
      for (let i = 0; i < ids.length; i++) {
        if (ids[i] !== i)
          return error(
            ErrorCode.INVALID_REPLICA_ASSIGNMENT,
            'Partitions should be a consecutive 0-based integer sequence.',
          );
      }
      let size = -1;
      for (const replicas of t.assignments.values()) {
        const check = checkManualAssignment(image, replicas, size);
        if (check.errorCode !== ErrorCode.NONE) return check;
        size = replicas.length;
      }
      return OK;
    }
    const partitions = t.numPartitions === -1 ? this.defaults.numPartitions : t.numPartitions;
    const rf = t.replicationFactor === -1 ? this.defaults.replicationFactor : t.replicationFactor;
    if (partitions <= 0)
      return error(ErrorCode.INVALID_PARTITIONS, 'Number of partitions was set to an invalid non-positive value.');
    if (rf <= 0)
      return error(
        ErrorCode.INVALID_REPLICATION_FACTOR,
        'Replication factor must be larger than 0, or -1 to use the default value.',
      );
    if (rf > live.length) {
      return error(
        ErrorCode.INVALID_REPLICATION_FACTOR,
        `Unable to replicate the partition ${rf} time(s): The target replication factor of ${rf} cannot be reached because only ${live.length} broker(s) are registered.`,
      );
    }
    return OK;
  }

  private place(live: readonly number[], partitions: number, rf: number, firstPartition = 0): number[][] {
    const start = Math.floor(Math.random() * live.length);
    const out: number[][] = [];
    for (let p = firstPartition; p < firstPartition + partitions; p++) {
      const replicas: number[] = [];
      for (let r = 0; r < rf; r++) replicas.push(live[(start + p + r) % live.length] as number);
      out.push(replicas);
    }
    return out;
  }

  private topicRecords(
    name: string,
    topicId: Uuid,
    assignment: readonly (readonly number[])[],
    configs: ReadonlyMap<string, string>,
    firstPartition = 0,
  ): MetadataRecord[] {
    const records: MetadataRecord[] = [];
    if (firstPartition === 0) {
      const t = new TopicRecord();
      t.name = name;
      t.topicId = topicId;
      records.push({ type: MetadataRecordType.TopicRecord, version: 0, message: t });
      for (const [key, value] of configs) records.push(configRecord(ConfigResourceType.TOPIC, name, key, value));
    }
    assignment.forEach((replicas, i) => {
      const p = new PartitionRecord();
      p.partitionId = firstPartition + i;
      p.topicId = topicId;
      p.replicas = [...replicas];
      p.isr = [...replicas];
      p.leader = replicas[0] as number;
      p.leaderEpoch = 0;
      p.partitionEpoch = 0;
      records.push({ type: MetadataRecordType.PartitionRecord, version: 0, message: p });
    });
    return records;
  }

  /** CreateTopics: all valid topics are created in one batch; `validateOnly` writes nothing. */
  createTopics(topics: readonly NewTopic[], validateOnly: boolean): Promise<CreatedTopic[]> {
    return this.serial(async () => {
      const image = this.image;
      const live = this.liveBrokers(image);
      const results: CreatedTopic[] = [];
      const records: MetadataRecord[] = [];
      const names = new Set<string>();
      for (const t of topics) {
        const check = this.checkNewTopic(image, t, names);
        if (check.errorCode !== ErrorCode.NONE) {
          results.push({ ...check, name: t.name, topicId: '' as Uuid, numPartitions: -1, replicationFactor: -1 });
          continue;
        }
        names.add(t.name);
        const assignment =
          t.assignments !== null
            ? [...t.assignments.entries()].sort((a, b) => a[0] - b[0]).map(([, r]) => r)
            : this.place(
                live,
                t.numPartitions === -1 ? this.defaults.numPartitions : t.numPartitions,
                t.replicationFactor === -1 ? this.defaults.replicationFactor : t.replicationFactor,
              );
        const topicId = randomUuid();
        records.push(...this.topicRecords(t.name, topicId, assignment, t.configs));
        results.push({
          ...OK,
          name: t.name,
          topicId,
          numPartitions: assignment.length,
          replicationFactor: assignment[0]?.length ?? 0,
        });
      }
      if (!validateOnly) await this.log.append(records);
      return results;
    });
  }

  /** DeleteTopics by name or id. */
  deleteTopics(
    targets: readonly { name: string | null; topicId: Uuid | null }[],
  ): Promise<(OperationError & { name: string | null; topicId: Uuid | null })[]> {
    return this.serial(async () => {
      const image = this.image;
      const records: MetadataRecord[] = [];
      const results: (OperationError & { name: string | null; topicId: Uuid | null })[] = [];
      const seen = new Set<Uuid>();
      for (const target of targets) {
        let topic: TopicImage | undefined;
        if (target.topicId !== null) topic = image.topicsById.get(target.topicId);
        else if (target.name !== null) topic = image.topicsByName.get(target.name);
        if (topic === undefined) {
          results.push({
            ...(target.topicId !== null
              ? error(ErrorCode.UNKNOWN_TOPIC_ID, `Topic id ${target.topicId} not found.`)
              : error(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, 'This server does not host this topic-partition.')),
            name: target.name,
            topicId: target.topicId,
          });
          continue;
        }
        if (!this.defaults.deleteTopicEnable) {
          results.push({
            ...error(ErrorCode.TOPIC_DELETION_DISABLED, 'Topic deletion is disabled.'),
            name: topic.name,
            topicId: topic.topicId,
          });
          continue;
        }
        if (!seen.has(topic.topicId)) {
          const r = new RemoveTopicRecord();
          r.topicId = topic.topicId;
          records.push({ type: MetadataRecordType.RemoveTopicRecord, version: 0, message: r });
          seen.add(topic.topicId);
        }
        results.push({ ...OK, name: topic.name, topicId: topic.topicId });
      }
      await this.log.append(records);
      return results;
    });
  }

  /** CreatePartitions: grows a topic to `count` partitions. */
  createPartitions(
    requests: readonly { name: string; count: number; assignments: readonly (readonly number[])[] | null }[],
    validateOnly: boolean,
  ): Promise<(OperationError & { name: string })[]> {
    return this.serial(async () => {
      const image = this.image;
      const live = this.liveBrokers(image);
      const records: MetadataRecord[] = [];
      const results: (OperationError & { name: string })[] = [];
      const seen = new Set<string>();
      for (const req of requests) {
        const topic = image.topicsByName.get(req.name);
        if (seen.has(req.name)) {
          results.push({ ...error(ErrorCode.INVALID_REQUEST, 'Duplicate topic in request.'), name: req.name });
          continue;
        }
        seen.add(req.name);
        if (topic === undefined) {
          results.push({
            ...error(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, `The topic '${req.name}' does not exist.`),
            name: req.name,
          });
          continue;
        }
        const current = topic.partitions.length;
        if (req.count < current) {
          results.push({
            ...error(
              ErrorCode.INVALID_PARTITIONS,
              `The topic ${req.name} currently has ${current} partition(s); ${req.count} would not be an increase.`,
            ),
            name: req.name,
          });
          continue;
        }
        if (req.count === current) {
          results.push({
            ...error(ErrorCode.INVALID_PARTITIONS, `Topic already has ${current} partition(s).`),
            name: req.name,
          });
          continue;
        }
        const added = req.count - current;
        const rf = topic.partitions[0]?.replicas.length ?? 1;
        let assignment: (readonly number[])[];
        if (req.assignments !== null) {
          if (req.assignments.length !== added) {
            results.push({
              ...error(
                ErrorCode.INVALID_REPLICA_ASSIGNMENT,
                `Attempted to add ${added} additional partition(s), but only ${req.assignments.length} assignment(s) were specified.`,
              ),
              name: req.name,
            });
            continue;
          }
          const bad = req.assignments
            .map((a) => checkManualAssignment(image, a, rf))
            .find((c) => c.errorCode !== ErrorCode.NONE);
          if (bad !== undefined) {
            results.push({ ...bad, name: req.name });
            continue;
          }
          assignment = [...req.assignments];
        } else {
          if (rf > live.length) {
            results.push({
              ...error(
                ErrorCode.INVALID_REPLICATION_FACTOR,
                `Unable to replicate the partition ${rf} time(s): only ${live.length} broker(s) are registered.`,
              ),
              name: req.name,
            });
            continue;
          }
          assignment = this.place(live, added, rf, current);
        }
        records.push(...this.topicRecords(topic.name, topic.topicId, assignment, new Map(), current));
        results.push({ ...OK, name: req.name });
      }
      if (!validateOnly) await this.log.append(records);
      return results;
    });
  }

  /**
   * Replaces or changes config overrides of one resource: `changes` maps names to a
   * value, or to null to remove the override. Validation is the caller's.
   */
  alterConfigs(
    resourceType: number,
    resourceName: string,
    changes: ReadonlyMap<string, string | null>,
    validateOnly: boolean,
  ): Promise<void> {
    return this.serial(async () => {
      if (validateOnly) return;
      const records: MetadataRecord[] = [];
      for (const [name, value] of changes) records.push(configRecord(resourceType, resourceName, name, value));
      await this.log.append(records);
    });
  }

  /** A block of producer ids, durable before it is handed out (never reused after a restart). */
  allocateProducerIds(nodeId: number, brokerEpoch: number): Promise<{ firstProducerId: number; size: number }> {
    return this.serial(async () => {
      const first = this.image.nextProducerId;
      const r = new ProducerIdsRecord();
      r.brokerId = nodeId;
      r.brokerEpoch = BigInt(brokerEpoch);
      r.nextProducerId = BigInt(first + PRODUCER_ID_BLOCK_SIZE);
      await this.log.append([{ type: MetadataRecordType.ProducerIdsRecord, version: 0, message: r }]);
      return { firstProducerId: first, size: PRODUCER_ID_BLOCK_SIZE };
    });
  }
}

/**
 * Kafka's checks of one manually assigned replica list (ReplicationControlManager
 * validateManualPartitionAssignment): not empty, only registered brokers, none twice,
 * and `size` replicas when the other partitions set it (-1: not yet known).
 */
function checkManualAssignment(image: MetadataImage, replicas: readonly number[], size: number): OperationError {
  if (replicas.length === 0)
    return error(
      ErrorCode.INVALID_REPLICA_ASSIGNMENT,
      'The manual partition assignment includes an empty replica list.',
    );
  const sorted = [...replicas].sort((a, b) => a - b);
  for (let i = 0; i < sorted.length; i++) {
    const r = sorted[i] as number;
    if (!image.brokers.has(r))
      return error(
        ErrorCode.INVALID_REPLICA_ASSIGNMENT,
        `The manual partition assignment includes broker ${r}, but no such broker is registered.`,
      );
    if (i > 0 && sorted[i - 1] === r)
      return error(
        ErrorCode.INVALID_REPLICA_ASSIGNMENT,
        `The manual partition assignment includes the broker ${r} more than once.`,
      );
  }
  if (size >= 0 && replicas.length !== size)
    return error(
      ErrorCode.INVALID_REPLICA_ASSIGNMENT,
      `The manual partition assignment includes a partition with ${replicas.length} replica(s), but this is not consistent with previous partitions, which have ${size} replica(s).`,
    );
  return OK;
}

function configRecord(resourceType: number, resourceName: string, name: string, value: string | null): MetadataRecord {
  const c = new ConfigRecord();
  c.resourceType = resourceType;
  c.resourceName = resourceName;
  c.name = name;
  c.value = value;
  return { type: MetadataRecordType.ConfigRecord, version: 0, message: c };
}
