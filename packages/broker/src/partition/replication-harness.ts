/**
 * An in-process cluster of replica managers for replication tests: one MemoryDisk per
 * broker, a metadata image built by applying records (as the controller writes them),
 * a ReplicaTransport that encodes each request and response at the wire version and
 * calls the leader's own fetch path, an AlterPartitionSender that commits the change as
 * a PartitionChangeRecord and hands the new image to every broker (or holds requests
 * until released), and a manual clock. Fetchers run only when the test pumps them.
 */
import type { BuildRecordBatchOptions, Uuid } from '@gregor/protocol';
import {
  buildRecordBatch,
  decodeMessage,
  ErrorCode,
  encodeMessage,
  FetchRequest,
  FetchResponse,
  MetadataRecordType,
  OffsetForLeaderEpochRequest,
  OffsetForLeaderEpochResponse,
  RecordBatchView,
  randomUuid,
  readAllRecords,
} from '@gregor/protocol';
import { FetchPartition, FetchTopic } from '@gregor/protocol/generated/messages/fetch-request';
import { ConfigRecord } from '@gregor/protocol/generated/metadata/config-record';
import { PartitionChangeRecord } from '@gregor/protocol/generated/metadata/partition-change-record';
import { PartitionRecord } from '@gregor/protocol/generated/metadata/partition-record';
import { RegisterBrokerRecord } from '@gregor/protocol/generated/metadata/register-broker-record';
import { TopicRecord } from '@gregor/protocol/generated/metadata/topic-record';
import { MemoryDisk } from '@gregor/storage';
import { pino } from 'pino';
import { offsetsForLeaderEpoch } from '../handlers/offset-for-leader-epoch.js';
import { ConfigResourceType, MetadataImage } from '../metadata/image.js';
import type { MetadataRecord } from '../metadata/record-serde.js';
import type { Partition } from './partition.js';
import { ReplicaManager } from './replica-manager.js';
import type {
  AlterPartitionItem,
  AlterPartitionResult,
  AlterPartitionSender,
  ReplicaRequestOptions,
  ReplicaTransport,
  ReplicationConfig,
} from './replica-transport.js';

export const TOPIC = 'replicated';

export class ManualClock {
  constructor(public ms = 1_000_000) {}
  now(): number {
    return this.ms;
  }
  advance(ms: number): void {
    this.ms += ms;
  }
}

interface HeldAlter {
  item: AlterPartitionItem;
  resolve: (r: AlterPartitionResult) => void;
  reject: (e: Error) => void;
}

export class TestCluster {
  image = MetadataImage.empty();
  readonly clock = new ManualClock();
  readonly managers = new Map<number, ReplicaManager>();
  readonly disks = new Map<number, MemoryDisk>();
  /** Brokers whose requests (to or from them) fail, as if partitioned away. */
  readonly isolated = new Set<number>();
  /** The Fetch version the transport reports (below 12: no DivergingEpoch). */
  fetchVersion = 17;
  /** AlterPartition requests are held here while `holdAlters` is set. */
  holdAlters = false;
  readonly heldAlters: HeldAlter[] = [];
  readonly alterRequests: AlterPartitionItem[] = [];
  /** Brokers that do not get new images (cut off from the metadata log) while listed here. */
  readonly imagesWithheld = new Set<number>();
  topicId: Uuid = randomUuid();
  private offset = 0;

  constructor(
    readonly nodeIds: readonly number[],
    private readonly replication: Partial<ReplicationConfig> = {},
  ) {}

  async start(opts: {
    replicas: readonly number[];
    isr?: readonly number[];
    leader: number;
    partitions?: number;
    configs?: Record<string, string>;
  }): Promise<void> {
    const records: MetadataRecord[] = [];
    const t = new TopicRecord();
    t.name = TOPIC;
    t.topicId = this.topicId;
    records.push({ type: MetadataRecordType.TopicRecord, version: 0, message: t });
    for (let i = 0; i < (opts.partitions ?? 1); i++) {
      const p = new PartitionRecord();
      p.topicId = this.topicId;
      p.partitionId = i;
      p.replicas = [...opts.replicas];
      p.isr = [...(opts.isr ?? opts.replicas)];
      p.leader = opts.leader;
      p.leaderEpoch = 0;
      p.partitionEpoch = 0;
      records.push({ type: MetadataRecordType.PartitionRecord, version: 0, message: p });
    }
    for (const [name, value] of Object.entries(opts.configs ?? {})) {
      const c = new ConfigRecord();
      c.resourceType = ConfigResourceType.TOPIC;
      c.resourceName = TOPIC;
      c.name = name;
      c.value = value;
      records.push({ type: MetadataRecordType.ConfigRecord, version: 0, message: c });
    }
    this.image = this.image.apply(records, this.offset++);
    for (const id of this.nodeIds) {
      this.disks.set(id, new MemoryDisk());
      await this.startBroker(id);
    }
  }

  /**
   * Starts broker `id` (stopped) on its disk with `image`, and runs `whileStarting` once
   * the start is under way (images arriving as it opens its logs).
   */
  async startWith(
    id: number,
    image: MetadataImage,
    whileStarting: (rm: ReplicaManager) => Promise<void>,
  ): Promise<void> {
    await this.startBroker(id, image, whileStarting);
  }

  private async startBroker(
    id: number,
    image: MetadataImage = this.image,
    whileStarting?: (rm: ReplicaManager) => Promise<void>,
  ): Promise<void> {
    const disk = this.disks.get(id) as MemoryDisk;
    const rm = new ReplicaManager({
      disk,
      logDir: `/data-${id}`,
      nodeId: id,
      logger: pino({ level: process.env.GREGOR_TEST_LOG_LEVEL ?? 'silent' }),
      durable: false,
      logConfigFor: () => ({}),
      housekeeping: { retentionCheckMs: 0, flushCheckMs: 0, checkpointMs: 0 },
      cleaner: { enabled: false, backoffMs: 0 },
      clock: this.clock,
      // Kept referenced: a test waiting on a timeout keeps the process alive.
      timers: { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (id) => clearTimeout(id as NodeJS.Timeout) },
      transport: this.transport(id),
      alterPartition: this.alterSender(),
      brokerEpoch: () => 100 + id,
      replication: { manualFetch: true, replicaFetchWaitMaxMs: 0, replicaFetchBackoffMs: 1_000, ...this.replication },
    });
    this.managers.set(id, rm);
    const started = rm.start(image);
    if (whileStarting !== undefined) await whileStarting(rm);
    await started;
  }

  /** A clean stop and start of one broker on the same disk. */
  async restart(id: number): Promise<void> {
    await this.rm(id).close();
    await this.startBroker(id);
  }

  rm(id: number): ReplicaManager {
    const rm = this.managers.get(id);
    if (rm === undefined) throw new Error(`no broker ${id}`);
    return rm;
  }

  partition(id: number, index = 0): Partition {
    const p = this.rm(id).get(TOPIC, index);
    if (p === undefined) throw new Error(`broker ${id} does not host ${TOPIC}-${index}`);
    return p;
  }

  /** Applies records as the controller would commit them and hands the image to every broker. */
  async commit(records: MetadataRecord[]): Promise<void> {
    this.image = this.image.apply(records, this.offset++);
    for (const [id, rm] of this.managers) if (!this.imagesWithheld.has(id)) await rm.applyImage(this.image);
  }

  /** Registers brokers (RegisterBrokerRecord, epoch 100 + id), fenced or not. */
  async registerBrokers(ids: readonly number[], fenced: (id: number) => boolean = () => false): Promise<void> {
    const records: MetadataRecord[] = ids.map((id) => {
      const r = new RegisterBrokerRecord();
      r.brokerId = id;
      r.brokerEpoch = BigInt(100 + id);
      r.incarnationId = randomUuid();
      r.fenced = fenced(id);
      return { type: MetadataRecordType.RegisterBrokerRecord, version: 0, message: r };
    });
    await this.commit(records);
  }

  /** A PartitionChangeRecord: new leader (bumps the leader epoch) and/or ISR. */
  async changePartition(change: { partition?: number; leader?: number; isr?: readonly number[] }): Promise<void> {
    const r = new PartitionChangeRecord();
    r.topicId = this.topicId;
    r.partitionId = change.partition ?? 0;
    if (change.leader !== undefined) r.leader = change.leader;
    if (change.isr !== undefined) r.isr = [...change.isr];
    await this.commit([{ type: MetadataRecordType.PartitionChangeRecord, version: 0, message: r }]);
  }

  /** One fetch round on every follower of the given brokers (default: all). */
  async pump(ids: readonly number[] = this.nodeIds): Promise<void> {
    await this.written();
    for (const id of ids) {
      for (const f of this.rm(id).replicaFetchers()) await f.doWork();
    }
  }

  /** Waits until every queued append reached its (memory) file: reads stop at the written end. */
  async written(): Promise<void> {
    for (let i = 0; i < 100; i++) {
      let pending = false;
      for (const rm of this.managers.values())
        for (const p of rm.all()) if (p.log.writtenOffset < p.log.logEndOffset) pending = true;
      if (!pending) return;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** Rounds until nothing changes (bounded). */
  async settle(ids: readonly number[] = this.nodeIds, rounds = 10): Promise<void> {
    for (let i = 0; i < rounds; i++) await this.pump(ids);
  }

  private transport(from: number): ReplicaTransport {
    const cluster = this;
    const check = (leaderId: number) => {
      if (cluster.isolated.has(from) || cluster.isolated.has(leaderId))
        throw new Error(`broker ${leaderId} is unreachable from ${from}`);
      return cluster.rm(leaderId);
    };
    return {
      async fetch(leaderId: number, request: FetchRequest, _opts: ReplicaRequestOptions) {
        const leader = check(leaderId);
        const version = cluster.fetchVersion;
        const wire = decodeMessage(
          FetchRequest,
          encodeMessage(FetchRequest, downgrade(request, version), version),
          version,
        );
        const { response, release } = await leader.fetchForFollower(wire, version);
        const bytes = encodeMessage(FetchResponse, response, version);
        release();
        return { version, response: decodeMessage(FetchResponse, bytes, version) };
      },
      async offsetForLeaderEpoch(leaderId: number, request: OffsetForLeaderEpochRequest) {
        const leader = check(leaderId);
        const wire = decodeMessage(
          OffsetForLeaderEpochRequest,
          encodeMessage(OffsetForLeaderEpochRequest, request, 4),
          4,
        );
        const response = await offsetsForLeaderEpoch(leader, wire, 4);
        return decodeMessage(OffsetForLeaderEpochResponse, encodeMessage(OffsetForLeaderEpochResponse, response, 4), 4);
      },
    };
  }

  private alterSender(): AlterPartitionSender {
    return {
      send: (item) => {
        this.alterRequests.push(item);
        return new Promise<AlterPartitionResult>((resolve, reject) => {
          if (this.holdAlters) this.heldAlters.push({ item, resolve, reject });
          else void this.decideAlter(item).then(resolve);
        });
      },
    };
  }

  /** Lets the held AlterPartition requests through, in order. */
  async releaseAlters(): Promise<void> {
    for (const held of this.heldAlters.splice(0)) held.resolve(await this.decideAlter(held.item));
  }

  /** The controller decides the held requests, but the answers are lost on the way back. */
  async loseAlterAnswers(): Promise<void> {
    for (const held of this.heldAlters.splice(0)) {
      await this.decideAlter(held.item);
      held.reject(new Error('connection to the controller lost'));
    }
  }

  /** The controller's side: checks the epochs, commits the ISR, answers with the new state. */
  private async decideAlter(item: AlterPartitionItem): Promise<AlterPartitionResult> {
    const p = this.image.topicsById.get(item.topicId)?.partitions[item.partition];
    if (p === undefined) return { errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION };
    if (item.leaderEpoch !== p.leaderEpoch) return { errorCode: ErrorCode.FENCED_LEADER_EPOCH };
    if (item.partitionEpoch !== p.partitionEpoch) return { errorCode: ErrorCode.INVALID_UPDATE_VERSION };
    await this.changePartition({ partition: item.partition, isr: item.newIsr });
    const after = this.image.topicsById.get(item.topicId)?.partitions[item.partition];
    if (after === undefined) return { errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION };
    return {
      errorCode: 0,
      leaderId: after.leader,
      leaderEpoch: after.leaderEpoch,
      isr: after.isr,
      partitionEpoch: after.partitionEpoch,
    };
  }

  async stop(): Promise<void> {
    for (const rm of this.managers.values()) await rm.close();
  }
}

/** What a transport sending an older Fetch version does with a v17 request. */
function downgrade(request: FetchRequest, version: number): FetchRequest {
  if (version >= 15) return request;
  const r = Object.assign(new FetchRequest(), request);
  r.replicaId = request.replicaState.replicaId;
  r.replicaState = new FetchRequest().replicaState;
  r.topics = request.topics.map((t) => {
    const copy = Object.assign(new FetchTopic(), t);
    if (version < 13) {
      copy.topic = TOPIC;
      copy.topicId = new FetchTopic().topicId;
    }
    copy.partitions = t.partitions.map((p) => {
      const fp = Object.assign(new FetchPartition(), p);
      if (version < 12) fp.lastFetchedEpoch = -1;
      return fp;
    });
    return copy;
  });
  return r;
}

/** A batch of `n` records with values `${prefix}-${i}`. */
export function batchOf(prefix: string, n: number, opts: Partial<BuildRecordBatchOptions> = {}): Buffer {
  return buildRecordBatch({
    records: Array.from({ length: n }, (_, i) => ({
      key: null,
      value: Buffer.from(`${prefix}-${i}`),
      headers: [],
      timestamp: 1_700_000_000_000 + i,
      offsetDelta: i,
    })),
    ...opts,
  });
}

/** Every record value in the log, in offset order (up to the written end). */
export async function logValues(p: Partition): Promise<string[]> {
  const out: string[] = [];
  let offset = p.logStartOffset;
  while (offset < p.log.writtenOffset) {
    const r = await p.log.read(offset, 1 << 20, p.log.writtenOffset, true);
    if (r.records.length === 0) break;
    for (let at = 0; at < r.records.length; ) {
      const v = new RecordBatchView(r.records, at);
      if (!v.isControl) {
        for (const rec of readAllRecords(r.records.subarray(at, at + v.sizeInBytes), 0))
          if (rec.offset >= offset) out.push(rec.value?.toString() ?? '');
      }
      at += v.sizeInBytes;
    }
    p.log.releaseRead(r);
    offset = r.nextOffset;
  }
  return out;
}
