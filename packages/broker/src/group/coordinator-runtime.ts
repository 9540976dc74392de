/**
 * The group coordinator inside a broker: `__consumer_offsets` as its storage, and the
 * broker events it follows.
 *
 * - The topic is created when first needed (FindCoordinator for a group, as Kafka's
 *   AutoTopicCreationManager does), through the controller, with Kafka's settings for it:
 *   offsets.topic.num.partitions partitions, offsets.topic.replication.factor replicas,
 *   cleanup.policy=compact, compression.type=producer, segment.bytes from
 *   offsets.topic.segment.bytes (GroupCoordinator.groupMetadataTopicConfigs).
 * - Each of its partitions led here is loaded into the coordinator when the broker
 *   starts and whenever the metadata image gives this broker a new one; partitions no
 *   longer led (or a deleted topic) are unloaded. Offsets of deleted topics are removed.
 * - Appends are one record batch per coordinator write (compressed with
 *   offsets.topic.compression.codec), checked against the topic's max.message.bytes,
 *   appended with acks=-1: they settle once fsynced (gregor.log.durable).
 */
import {
  buildRecordBatch,
  type CompressionType,
  ControlRecordType,
  ErrorCode,
  RecordBatchView,
  readAllRecords,
  readControlBatch,
} from '@gregor/protocol';
import { LogError } from '@gregor/storage';
import type { Broker } from '../broker.js';
import type { MetadataImage } from '../metadata/image.js';
import { ReplicationError } from '../partition/replica-transport.js';
import { produceSettings } from '../partition/topic-settings.js';
import { GROUP_METADATA_TOPIC } from './coordinator-key.js';
import type { LoadedRecord, OffsetsBackend, TxnProducer } from './group-coordinator.js';
import { CoordinatorWriteError, GroupCoordinator } from './group-coordinator.js';
import type { OffsetsRecord } from './records.js';
import type { Scheduler } from './scheduler.js';
import { systemScheduler } from './scheduler.js';

/** A coordinator as FindCoordinator reports it. */
export interface CoordinatorNode {
  errorCode: number;
  nodeId: number;
  host: string;
  port: number;
}

const NO_NODE: Omit<CoordinatorNode, 'errorCode'> = { nodeId: -1, host: '', port: -1 };

export class CoordinatorRuntime implements OffsetsBackend {
  readonly coordinator: GroupCoordinator;
  private creating: Promise<number> | null = null;
  private topicId: string | null = null;
  private stopped = false;

  constructor(
    private readonly broker: Broker,
    scheduler: Scheduler = systemScheduler,
  ) {
    const config = broker.settings.config;
    this.coordinator = new GroupCoordinator(
      this,
      {
        groupMinSessionTimeoutMs: config.int('group.min.session.timeout.ms'),
        groupMaxSessionTimeoutMs: config.int('group.max.session.timeout.ms'),
        groupInitialRebalanceDelayMs: config.int('group.initial.rebalance.delay.ms'),
        groupMaxSize: config.int('group.max.size'),
        offsetsRetentionMs: config.int('offsets.retention.minutes') * 60_000,
        offsetsRetentionCheckIntervalMs: config.long('offsets.retention.check.interval.ms'),
        offsetMetadataMaxBytes: config.int('offset.metadata.max.bytes'),
      },
      broker.logger.child({ component: 'group-coordinator' }),
      scheduler,
    );
  }

  /** Starts the coordinator and loads the partitions of `__consumer_offsets` led here (in the background). */
  start(image: MetadataImage): void {
    this.coordinator.start();
    this.follow(image, null);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.creating?.catch(() => undefined);
    await this.coordinator.stop();
  }

  /** Follows a metadata change: loads and unloads shards, forgets offsets of deleted topics. */
  follow(image: MetadataImage, previous: MetadataImage | null): void {
    if (this.stopped) return;
    const topic = image.topicsByName.get(GROUP_METADATA_TOPIC);
    if (topic === undefined || topic.topicId !== this.topicId) {
      // Deleted, or deleted and created again: nothing loaded so far belongs to it.
      for (const p of this.coordinator.shardPartitions()) this.coordinator.unloadShard(p);
      this.topicId = topic?.topicId ?? null;
    }
    if (topic !== undefined) {
      const led = new Set<number>();
      for (const p of topic.partitions) if (p !== undefined && p.leader === this.broker.nodeId) led.add(p.partitionId);
      for (const p of this.coordinator.shardPartitions()) if (!led.has(p)) this.coordinator.unloadShard(p);
      for (const p of led) void this.coordinator.loadShard(p);
    }
    if (previous !== null) {
      const deleted = new Set<string>();
      for (const old of previous.topicsById.values()) {
        if (!image.topicsById.has(old.topicId) && old.name !== GROUP_METADATA_TOPIC) deleted.add(old.name);
      }
      if (deleted.size > 0) void this.coordinator.onTopicsDeleted(deleted);
    }
  }

  // ------------------------------------------------------------------------------------
  // OffsetsBackend

  partitionCount(): number {
    const topic = this.broker.metadata.topicsByName.get(GROUP_METADATA_TOPIC);
    return topic !== undefined && topic.partitions.length > 0
      ? topic.partitions.length
      : this.broker.settings.config.int('offsets.topic.num.partitions');
  }

  append(partition: number, records: readonly OffsetsRecord[], producer?: TxnProducer): Promise<void> {
    // No await before the log's append: offsets are taken in the order writes are issued.
    try {
      const p = this.broker.replicaManager.get(GROUP_METADATA_TOPIC, partition);
      if (p === undefined || !p.isLeader) {
        return Promise.reject(
          new CoordinatorWriteError(
            ErrorCode.NOT_LEADER_OR_FOLLOWER,
            `${GROUP_METADATA_TOPIC}-${partition} is not open here`,
          ),
        );
      }
      const now = Date.now();
      const batch = buildRecordBatch({
        records: records.map((r) => ({ key: r.key, value: r.value, timestamp: now })),
        compression: this.broker.settings.config.int('offsets.topic.compression.codec') as CompressionType,
        // TxnOffsetCommit: a transactional batch of the producer (no sequence), as Kafka writes it.
        ...(producer === undefined
          ? {}
          : { producerId: producer.producerId, producerEpoch: producer.producerEpoch, transactional: true }),
      });
      const maxMessageBytes = produceSettings(this.broker, GROUP_METADATA_TOPIC).maxMessageBytes;
      if (batch.length > maxMessageBytes) {
        return Promise.reject(
          new CoordinatorWriteError(
            ErrorCode.MESSAGE_TOO_LARGE,
            `a coordinator write of ${batch.length} bytes is over max.message.bytes (${maxMessageBytes})`,
          ),
        );
      }
      return p.append(batch, -1).then(
        () => undefined,
        (e: unknown) => {
          if (e instanceof LogError) throw new CoordinatorWriteError(ErrorCode[e.errorCode], e.message);
          if (e instanceof ReplicationError) throw new CoordinatorWriteError(e.errorCode, e.message);
          throw e;
        },
      );
    } catch (e) {
      return Promise.reject(e);
    }
  }

  async *read(partition: number): AsyncIterable<readonly LoadedRecord[]> {
    const lookup = await this.broker.replicaManager.lookup(GROUP_METADATA_TOPIC, partition);
    if (lookup.partition === null) {
      throw new Error(`${GROUP_METADATA_TOPIC}-${partition} cannot be opened (error ${lookup.errorCode})`);
    }
    const log = lookup.partition.log;
    const bufferBytes = this.broker.settings.config.int('offsets.load.buffer.size');
    const end = log.writtenOffset;
    const view = new RecordBatchView(Buffer.alloc(0), 0);
    for (let offset = log.logStartOffset; offset < end; ) {
      const { records, nextOffset } = await log.read(offset, bufferBytes, end);
      if (records.length === 0 || nextOffset <= offset) break;
      const out: LoadedRecord[] = [];
      for (let pos = 0; pos < records.length; pos += view.sizeInBytes) {
        view.moveTo(records, pos);
        if (view.lastOffset < offset) continue;
        if (view.isControl) {
          // A transaction marker: decides the producer's transactional offset commits (KIP-98).
          if (view.producerId < 0) continue;
          const control = readControlBatch(records, pos)[0];
          if (control === undefined) continue;
          if (control.type !== ControlRecordType.COMMIT && control.type !== ControlRecordType.ABORT) continue;
          out.push({
            key: null,
            value: null,
            producerId: view.producerId,
            marker: control.type === ControlRecordType.COMMIT ? 'commit' : 'abort',
          });
          continue;
        }
        const producerId = view.isTransactional ? view.producerId : -1;
        for (const r of readAllRecords(records, pos))
          if (r.offset >= offset) out.push({ key: r.key, value: r.value, producerId });
      }
      yield out;
      offset = nextOffset;
    }
  }

  // ------------------------------------------------------------------------------------
  // FindCoordinator

  /** Creates `__consumer_offsets` if it does not exist; NONE once it does. */
  ensureTopic(): Promise<number> {
    if (this.broker.metadata.topicsByName.has(GROUP_METADATA_TOPIC)) return Promise.resolve(ErrorCode.NONE);
    this.creating ??= this.createTopic().finally(() => {
      this.creating = null;
    });
    return this.creating;
  }

  private async createTopic(): Promise<number> {
    const config = this.broker.settings.config;
    const [result] = await this.broker.controllerApi.createTopics(
      [
        {
          name: GROUP_METADATA_TOPIC,
          numPartitions: config.int('offsets.topic.num.partitions'),
          replicationFactor: config.int('offsets.topic.replication.factor'),
          assignments: null,
          configs: new Map([
            ['cleanup.policy', 'compact'],
            ['compression.type', 'producer'],
            ['segment.bytes', String(config.int('offsets.topic.segment.bytes'))],
          ]),
        },
      ],
      false,
    );
    if (result === undefined) return ErrorCode.UNKNOWN_SERVER_ERROR;
    if (result.errorCode === ErrorCode.NONE) {
      this.broker.logger.info({ topic: GROUP_METADATA_TOPIC, partitions: result.numPartitions }, 'created topic');
      await this.broker.replicaManager.applyImage(this.broker.metadata);
      this.follow(this.broker.metadata, null);
    } else if (result.errorCode !== ErrorCode.TOPIC_ALREADY_EXISTS) {
      this.broker.logger.warn(
        { topic: GROUP_METADATA_TOPIC, errorCode: result.errorCode, message: result.errorMessage },
        'could not create the group metadata topic',
      );
      return result.errorCode;
    }
    return ErrorCode.NONE;
  }

  /**
   * The coordinator of `groupId` on `listener`: the leader of its partition of
   * `__consumer_offsets`, created first if needed. A partition this broker leads is
   * given a few seconds to load, so that the client's first JoinGroup finds it ready.
   */
  async findGroupCoordinator(groupId: string, listener: string, loadWaitMs = 5000): Promise<CoordinatorNode> {
    const created = await this.ensureTopic();
    if (created !== ErrorCode.NONE) return { errorCode: ErrorCode.COORDINATOR_NOT_AVAILABLE, ...NO_NODE };
    const image = this.broker.metadata;
    const topic = image.topicsByName.get(GROUP_METADATA_TOPIC);
    const partition = topic?.partitions[this.coordinator.partitionFor(groupId)];
    const leader = partition === undefined ? undefined : image.brokers.get(partition.leader);
    if (partition === undefined || leader === undefined || leader.fenced) {
      return { errorCode: ErrorCode.COORDINATOR_NOT_AVAILABLE, ...NO_NODE };
    }
    const endpoint = leader.endpoints.find((e) => e.name === listener) ?? leader.endpoints[0];
    if (endpoint === undefined) return { errorCode: ErrorCode.COORDINATOR_NOT_AVAILABLE, ...NO_NODE };
    if (leader.nodeId === this.broker.nodeId && this.coordinator.isLoading(partition.partitionId)) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        this.coordinator.loadShard(partition.partitionId),
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, loadWaitMs);
          timer.unref();
        }),
      ]);
      clearTimeout(timer);
    }
    return { errorCode: ErrorCode.NONE, nodeId: leader.nodeId, host: endpoint.host, port: endpoint.port };
  }
}
