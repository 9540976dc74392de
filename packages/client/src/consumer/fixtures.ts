/**
 * Test helpers for the consumer tests (not a test file): topics made with CreateTopics
 * and records written with a raw Produce request (buildRecordBatch), so that the
 * consumer tests do not depend on the producer being written alongside.
 */
import {
  ApiKey,
  buildRecordBatch,
  type CompressionType,
  CreatePartitionsRequest,
  type CreatePartitionsResponse,
  CreateTopicsRequest,
  type CreateTopicsResponse,
  LeaveGroupRequest,
  type LeaveGroupResponse,
  ProduceRequest,
  type ProduceResponse,
  type RecordInput,
} from '@gregor/protocol';
import { CreatePartitionsTopic } from '@gregor/protocol/generated/messages/create-partitions-request';
import { CreatableTopic } from '@gregor/protocol/generated/messages/create-topics-request';
import { MemberIdentity } from '@gregor/protocol/generated/messages/leave-group-request';
import { PartitionProduceData, TopicProduceData } from '@gregor/protocol/generated/messages/produce-request';
import { Cluster, CoordinatorType } from '../network/cluster.js';
import { resolveClientOptions } from '../options.js';

/** Broker properties for fast group tests. */
export const FAST_GROUP_PROPERTIES = {
  'group.initial.rebalance.delay.ms': '0',
  'group.min.session.timeout.ms': '100',
} as const;

/** A raw client for test data: create topics, produce batches. */
export class TestData {
  readonly cluster: Cluster;

  constructor(bootstrap: string) {
    this.cluster = new Cluster(resolveClientOptions({ bootstrapServers: bootstrap, clientId: 'consumer-fixtures' }));
  }

  async createTopic(name: string, partitions: number): Promise<void> {
    const request = new CreateTopicsRequest();
    const t = new CreatableTopic();
    t.name = name;
    t.numPartitions = partitions;
    t.replicationFactor = 1;
    request.topics = [t];
    request.timeoutMs = 10_000;
    const connection = await this.cluster.anyConnection();
    const response = await connection.request<CreateTopicsResponse>(ApiKey.CreateTopics, request);
    const r = response.topics[0];
    if (r === undefined || (r.errorCode !== 0 && r.errorCode !== 36)) {
      throw new Error(`CreateTopics ${name}: ${r?.errorCode} ${r?.errorMessage}`);
    }
    for (let i = 0; i < 50; i++) {
      await this.cluster.refreshMetadata([name]);
      const info = this.cluster.topic(name);
      if (info !== undefined && info.partitions.length === partitions && info.partitions.every((p) => p.leader >= 0)) {
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`topic ${name} has no leaders`);
  }

  /** Grows a topic to `count` partitions (CreatePartitions). */
  async createPartitions(name: string, count: number): Promise<void> {
    const request = new CreatePartitionsRequest();
    const t = new CreatePartitionsTopic();
    t.name = name;
    t.count = count;
    t.assignments = null;
    request.topics = [t];
    request.timeoutMs = 10_000;
    const connection = await this.cluster.anyConnection();
    const response = await connection.request<CreatePartitionsResponse>(ApiKey.CreatePartitions, request);
    const r = response.results[0];
    if (r === undefined || r.errorCode !== 0)
      throw new Error(`CreatePartitions ${name}: ${r?.errorCode} ${r?.errorMessage}`);
  }

  /** Removes a member from a group as an admin would (LeaveGroup v3+ naming the member). */
  async removeMember(groupId: string, memberId: string): Promise<void> {
    const response = await this.cluster.coordinatorRequest<LeaveGroupResponse>(
      CoordinatorType.GROUP,
      groupId,
      ApiKey.LeaveGroup,
      () => {
        const r = new LeaveGroupRequest();
        r.groupId = groupId;
        const m = new MemberIdentity();
        m.memberId = memberId;
        r.members = [m];
        return r;
      },
      { minVersion: 3 },
    );
    const code = response.members[0]?.errorCode ?? response.errorCode;
    if (response.errorCode !== 0 || code !== 0) throw new Error(`LeaveGroup: ${response.errorCode} / ${code}`);
  }

  /** Produces one batch to one partition; returns its base offset. */
  async produce(
    topic: string,
    partition: number,
    records: readonly RecordInput[],
    options: { compression?: CompressionType; producerId?: number; producerEpoch?: number; baseSequence?: number } = {},
  ): Promise<number> {
    await this.cluster.ensureTopics([topic]);
    const leader = this.cluster.leader(topic, partition);
    const connection = await this.cluster.connection(leader);
    const batch = buildRecordBatch({
      records,
      ...(options.compression === undefined ? {} : { compression: options.compression }),
      ...(options.producerId === undefined
        ? {}
        : {
            producerId: options.producerId,
            producerEpoch: options.producerEpoch ?? 0,
            baseSequence: options.baseSequence ?? 0,
          }),
    });
    const request = new ProduceRequest();
    request.acks = -1;
    request.timeoutMs = 10_000;
    const t = new TopicProduceData();
    t.name = topic;
    const p = new PartitionProduceData();
    p.index = partition;
    p.records = batch;
    t.partitionData = [p];
    request.topicData = [t];
    const response = await connection.request<ProduceResponse>(ApiKey.Produce, request, { maxVersion: 11 });
    const pr = response.responses[0]?.partitionResponses[0];
    if (pr === undefined || pr.errorCode !== 0) throw new Error(`Produce to ${topic}-${partition}: ${pr?.errorCode}`);
    return Number(pr.baseOffset);
  }

  /** Produces `count` records `${prefix}-${i}` to `partition`, in batches of `batchSize`. */
  async produceValues(topic: string, partition: number, count: number, prefix = 'v', batchSize = 100): Promise<void> {
    for (let i = 0; i < count; i += batchSize) {
      const records: RecordInput[] = [];
      for (let j = i; j < Math.min(count, i + batchSize); j++) {
        records.push({ key: `k-${j}`, value: `${prefix}-${partition}-${j}`, timestamp: Date.now() });
      }
      await this.produce(topic, partition, records);
    }
  }

  close(): Promise<void> {
    return this.cluster.close();
  }
}

let groupCounter = 0;
/** A group id no other test in this process uses. */
export function uniqueGroup(prefix: string): string {
  groupCounter++;
  return `${prefix}-${process.pid}-${groupCounter}`;
}

/** Collects records from `poll` until `done` says so or `timeoutMs` passes. */
export async function pollUntil<T>(
  poll: () => Promise<T[]>,
  done: (all: T[]) => boolean,
  timeoutMs = 15_000,
): Promise<T[]> {
  const all: T[] = [];
  const deadline = Date.now() + timeoutMs;
  while (!done(all)) {
    if (Date.now() > deadline) throw new Error(`pollUntil: timed out with ${all.length} records`);
    const got = await poll();
    for (const r of got) all.push(r);
  }
  return all;
}
