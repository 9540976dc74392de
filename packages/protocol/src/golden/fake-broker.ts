/**
 * A tiny fake Kafka broker for the golden capture (capture.ts): one node (id 0) on
 * 127.0.0.1 that is also every group's coordinator, answering with the generated codecs
 * just enough for kcat and KafkaJS to go on, and keeping every request frame it receives.
 *
 * Every topic asked for exists with one partition led by node 0. Produce succeeds at
 * offset 0; partition 0 holds FETCHED_RECORDS (offsets 0..n-1), served as one batch to
 * any Fetch below n, and an empty Fetch is held up to its maxWaitMs (at most 250 ms).
 * Nothing is ever committed (OffsetFetch answers -1), so consumers reset to earliest.
 * Groups: a new member (JoinGroup v4+) first gets MEMBER_ID_REQUIRED (KIP-394), then
 * generation 1 with itself as leader; SyncGroup hands back the leader's own assignment.
 */
import type { Server, Socket } from 'node:net';
import { createServer } from 'node:net';
import { crc32c } from '../crc32c.js';
import type { DecodedRequest } from '../frames.js';
import { decodeRequest, encodeResponse } from '../frames.js';
import type { ApiSpec } from '../generated/api-table.js';
import { API_TABLE, ApiKey } from '../generated/api-table.js';
import type { AddPartitionsToTxnRequest } from '../generated/messages/add-partitions-to-txn-request.js';
import {
  AddPartitionsToTxnPartitionResult,
  AddPartitionsToTxnResponse,
  AddPartitionsToTxnResult,
  AddPartitionsToTxnTopicResult,
} from '../generated/messages/add-partitions-to-txn-response.js';
import { ApiVersion, ApiVersionsResponse } from '../generated/messages/api-versions-response.js';
import { EndTxnResponse } from '../generated/messages/end-txn-response.js';
import type { FetchRequest } from '../generated/messages/fetch-request.js';
import {
  FetchableTopicResponse,
  PartitionData as FetchPartitionData,
  FetchResponse,
} from '../generated/messages/fetch-response.js';
import type { FindCoordinatorRequest } from '../generated/messages/find-coordinator-request.js';
import { Coordinator, FindCoordinatorResponse } from '../generated/messages/find-coordinator-response.js';
import { HeartbeatResponse } from '../generated/messages/heartbeat-response.js';
import { InitProducerIdResponse } from '../generated/messages/init-producer-id-response.js';
import type { JoinGroupRequest } from '../generated/messages/join-group-request.js';
import { JoinGroupResponse, JoinGroupResponseMember } from '../generated/messages/join-group-response.js';
import type { LeaveGroupRequest } from '../generated/messages/leave-group-request.js';
import { LeaveGroupResponse, MemberResponse } from '../generated/messages/leave-group-response.js';
import type { ListOffsetsRequest } from '../generated/messages/list-offsets-request.js';
import {
  ListOffsetsPartitionResponse,
  ListOffsetsResponse,
  ListOffsetsTopicResponse,
} from '../generated/messages/list-offsets-response.js';
import type { MetadataRequest } from '../generated/messages/metadata-request.js';
import {
  MetadataResponse,
  MetadataResponseBroker,
  MetadataResponsePartition,
  MetadataResponseTopic,
} from '../generated/messages/metadata-response.js';
import type { OffsetCommitRequest } from '../generated/messages/offset-commit-request.js';
import {
  OffsetCommitResponse,
  OffsetCommitResponsePartition,
  OffsetCommitResponseTopic,
} from '../generated/messages/offset-commit-response.js';
import type { OffsetFetchRequest } from '../generated/messages/offset-fetch-request.js';
import {
  OffsetFetchResponse,
  OffsetFetchResponseGroup,
  OffsetFetchResponsePartition,
  OffsetFetchResponsePartitions,
  OffsetFetchResponseTopic,
  OffsetFetchResponseTopics,
} from '../generated/messages/offset-fetch-response.js';
import type { ProduceRequest } from '../generated/messages/produce-request.js';
import {
  PartitionProduceResponse,
  ProduceResponse,
  TopicProduceResponse,
} from '../generated/messages/produce-response.js';
import type { SyncGroupRequest } from '../generated/messages/sync-group-request.js';
import { SyncGroupResponse } from '../generated/messages/sync-group-response.js';
import { randomUuid } from '../uuid.js';
import { sizeOfVarint, sizeOfVarlong, writeVarint, writeVarlong } from '../varint.js';
import type { GoldenRecord } from './manifest.js';
import { FETCHED_RECORDS, GOLDEN, memberIdOf } from './scenario.js';

/** How long an empty Fetch is held, at most (the clients ask for GOLDEN.fetchMaxWaitMs). */
const EMPTY_FETCH_WAIT_MS_MAX = 250;
const CLUSTER_ID = 'golden-cluster-0000000';
const TOPIC_ID = randomUuid();

/** The APIs the fake broker answers, advertised with every version our codecs know. */
const SERVED_APIS: readonly number[] = [
  ApiKey.Produce,
  ApiKey.Fetch,
  ApiKey.ListOffsets,
  ApiKey.Metadata,
  ApiKey.OffsetCommit,
  ApiKey.OffsetFetch,
  ApiKey.FindCoordinator,
  ApiKey.JoinGroup,
  ApiKey.Heartbeat,
  ApiKey.LeaveGroup,
  ApiKey.SyncGroup,
  ApiKey.ApiVersions,
  ApiKey.InitProducerId,
  ApiKey.AddPartitionsToTxn,
  ApiKey.EndTxn,
];

/** The producer id handed to idempotent producers. */
export const PRODUCER_ID = 4000n;

/** One request as it came off the wire, with the scenario that sent it. */
export interface Captured {
  scenario: string;
  client: string;
  frame: Buffer;
  decoded: DecodedRequest;
}

export class FakeBroker {
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  port = 0;
  scenario = '';
  versionCaps: Readonly<Record<number, number>> = {};
  readonly captured: Captured[] = [];
  /** Records served at offsets 0..n-1 of GOLDEN.topic partition 0. */
  private readonly batch = buildRecordBatch(FETCHED_RECORDS);

  constructor() {
    this.server = createServer((socket) => this.accept(socket));
  }

  listen(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => {
        const address = this.server.address();
        if (address === null || typeof address === 'string') throw new Error('no TCP address');
        this.port = address.port;
        resolve();
      });
    });
  }

  close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private accept(socket: Socket): void {
    this.sockets.add(socket);
    let pending: Buffer = Buffer.alloc(0);
    // Kafka answers the requests of one connection in order.
    let chain: Promise<void> = Promise.resolve();
    socket.on('data', (data: Buffer) => {
      pending = pending.length === 0 ? data : Buffer.concat([pending, data]);
      while (pending.length >= 4) {
        const size = pending.readInt32BE(0);
        if (size < 0 || size > 64 * 1024 * 1024) {
          console.error(`[broker] bad frame size ${size}; closing`);
          socket.destroy();
          return;
        }
        if (pending.length < 4 + size) break;
        const frame = Buffer.from(pending.subarray(4, 4 + size));
        pending = pending.subarray(4 + size);
        chain = chain.then(() => this.serve(socket, frame));
      }
    });
    socket.on('error', () => {});
    socket.on('close', () => this.sockets.delete(socket));
  }

  private async serve(socket: Socket, frame: Buffer): Promise<void> {
    const decoded = decodeRequest(frame);
    const client = this.scenario.split(':')[0] ?? '';
    this.captured.push({ scenario: this.scenario, client, frame, decoded });
    if (!decoded.ok) {
      console.error(`[broker] ${this.scenario}: undecodable request: ${decoded.reason} ${decoded.message}`);
      if (decoded.reason === 'UNSUPPORTED_VERSION' && decoded.apiKey === ApiKey.ApiVersions) {
        // KIP-511: answer at v0 with UNSUPPORTED_VERSION and our ranges; the client retries lower.
        const response = this.apiVersions();
        response.errorCode = 35;
        this.send(socket, API_TABLE[ApiKey.ApiVersions]!, 0, decoded.correlationId, response);
        return;
      }
      socket.destroy();
      return;
    }
    const { api, version, header } = decoded;
    const response = await this.answer(api, version, decoded.body);
    if (response === null) return;
    this.send(socket, api, version, header.correlationId, response);
  }

  private send(socket: Socket, api: ApiSpec, version: number, correlationId: number, body: object): void {
    if (!socket.destroyed) socket.write(encodeResponse(api, version, correlationId, body));
  }

  /** The response body, or null when the request gets none (acks=0 Produce). */
  private async answer(api: ApiSpec, version: number, body: object): Promise<object | null> {
    switch (api.apiKey) {
      case ApiKey.ApiVersions:
        return this.apiVersions();
      case ApiKey.Metadata:
        return this.metadata(body as MetadataRequest);
      case ApiKey.Produce:
        return produce(body as ProduceRequest);
      case ApiKey.ListOffsets:
        return listOffsets(body as ListOffsetsRequest, version);
      case ApiKey.Fetch:
        return this.fetch(body as FetchRequest);
      case ApiKey.FindCoordinator:
        return this.findCoordinator(body as FindCoordinatorRequest, version);
      case ApiKey.JoinGroup:
        return joinGroup(body as JoinGroupRequest, version);
      case ApiKey.SyncGroup:
        return syncGroup(body as SyncGroupRequest);
      case ApiKey.Heartbeat:
        return new HeartbeatResponse();
      case ApiKey.OffsetCommit:
        return offsetCommit(body as OffsetCommitRequest);
      case ApiKey.OffsetFetch:
        return offsetFetch(body as OffsetFetchRequest);
      case ApiKey.LeaveGroup:
        return leaveGroup(body as LeaveGroupRequest, version);
      case ApiKey.InitProducerId: {
        const response = new InitProducerIdResponse();
        response.producerId = PRODUCER_ID;
        return response;
      }
      case ApiKey.AddPartitionsToTxn:
        return addPartitionsToTxn(body as AddPartitionsToTxnRequest, version);
      case ApiKey.EndTxn:
        return new EndTxnResponse();
      default:
        console.error(`[broker] ${this.scenario}: no answer for ${api.name} v${version}`);
        return new (api.response as new () => object)();
    }
  }

  private apiVersions(): ApiVersionsResponse {
    const response = new ApiVersionsResponse();
    for (const apiKey of SERVED_APIS) {
      const spec = API_TABLE[apiKey]!;
      const v = new ApiVersion();
      v.apiKey = apiKey;
      v.minVersion = spec.lowestVersion;
      v.maxVersion = Math.min(
        spec.latestVersionUnstable ? spec.highestVersion - 1 : spec.highestVersion,
        this.versionCaps[apiKey] ?? Number.POSITIVE_INFINITY,
      );
      response.apiKeys.push(v);
    }
    return response;
  }

  private metadata(request: MetadataRequest): MetadataResponse {
    const response = new MetadataResponse();
    const broker = new MetadataResponseBroker();
    broker.nodeId = 0;
    broker.host = '127.0.0.1';
    broker.port = this.port;
    response.brokers.push(broker);
    response.clusterId = CLUSTER_ID;
    response.controllerId = 0;
    // Every topic asked for exists (as if auto-created), with one partition led by node 0.
    const names =
      request.topics === null || request.topics.length === 0
        ? [GOLDEN.topic]
        : request.topics.map((t) => t.name ?? GOLDEN.topic);
    for (const name of names) {
      const topic = new MetadataResponseTopic();
      topic.name = name;
      topic.topicId = TOPIC_ID;
      const partition = new MetadataResponsePartition();
      partition.partitionIndex = 0;
      partition.leaderId = 0;
      partition.leaderEpoch = 0;
      partition.replicaNodes = [0];
      partition.isrNodes = [0];
      topic.partitions.push(partition);
      response.topics.push(topic);
    }
    return response;
  }

  private async fetch(request: FetchRequest): Promise<FetchResponse> {
    const response = new FetchResponse();
    let anyRecords = false;
    for (const t of request.topics) {
      const topic = new FetchableTopicResponse();
      topic.topic = t.topic;
      topic.topicId = t.topicId;
      for (const p of t.partitions) {
        const partition = new FetchPartitionData();
        partition.partitionIndex = p.partition;
        partition.highWatermark = BigInt(FETCHED_RECORDS.length);
        partition.lastStableOffset = BigInt(FETCHED_RECORDS.length);
        partition.logStartOffset = 0n;
        if (p.fetchOffset < BigInt(FETCHED_RECORDS.length)) {
          partition.records = this.batch;
          anyRecords = true;
        } else {
          partition.records = Buffer.alloc(0);
        }
        topic.partitions.push(partition);
      }
      response.responses.push(topic);
    }
    if (!anyRecords) await sleep(Math.min(request.maxWaitMs, EMPTY_FETCH_WAIT_MS_MAX));
    return response;
  }

  private findCoordinator(request: FindCoordinatorRequest, version: number): FindCoordinatorResponse {
    const response = new FindCoordinatorResponse();
    response.errorMessage = null;
    if (version < 4) {
      response.nodeId = 0;
      response.host = '127.0.0.1';
      response.port = this.port;
    }
    for (const key of request.coordinatorKeys) {
      const c = new Coordinator();
      c.key = key;
      c.nodeId = 0;
      c.host = '127.0.0.1';
      c.port = this.port;
      c.errorMessage = null;
      response.coordinators.push(c);
    }
    return response;
  }
}

/** Every partition starts at 0 and ends after FETCHED_RECORDS; ListOffsets v0 answers in a list. */
function listOffsets(request: ListOffsetsRequest, version: number): ListOffsetsResponse {
  const response = new ListOffsetsResponse();
  for (const t of request.topics) {
    const topic = new ListOffsetsTopicResponse();
    topic.name = t.name;
    for (const p of t.partitions) {
      const partition = new ListOffsetsPartitionResponse();
      partition.partitionIndex = p.partitionIndex;
      // -2 earliest, -1 latest (and any other timestamp: the end).
      const offset = p.timestamp === -2n ? 0n : BigInt(FETCHED_RECORDS.length);
      if (version === 0) partition.oldStyleOffsets = [offset];
      else partition.offset = offset;
      if (version >= 4) partition.leaderEpoch = 0;
      topic.partitions.push(partition);
    }
    response.topics.push(topic);
  }
  return response;
}

function produce(request: ProduceRequest): ProduceResponse | null {
  if (request.acks === 0) return null;
  const response = new ProduceResponse();
  for (const t of request.topicData) {
    const topic = new TopicProduceResponse();
    topic.name = t.name;
    for (const p of t.partitionData) {
      const partition = new PartitionProduceResponse();
      partition.index = p.index;
      partition.baseOffset = 0n;
      partition.logStartOffset = 0n;
      topic.partitionResponses.push(partition);
    }
    response.responses.push(topic);
  }
  return response;
}

/** KIP-394: a new member (v4+) first gets MEMBER_ID_REQUIRED and its id, then joins with it. */
function joinGroup(request: JoinGroupRequest, version: number): JoinGroupResponse {
  const response = new JoinGroupResponse();
  const memberId = memberIdOf(clientIdOfGroupRequest(request.groupId));
  response.memberId = memberId;
  if (request.memberId === '' && version >= 4) {
    response.errorCode = 79;
    return response;
  }
  const protocol = request.protocols[0];
  response.generationId = GOLDEN.generationId;
  response.protocolType = request.protocolType;
  response.protocolName = protocol?.name ?? '';
  response.leader = memberId;
  const member = new JoinGroupResponseMember();
  member.memberId = memberId;
  member.metadata = protocol?.metadata ?? Buffer.alloc(0);
  response.members.push(member);
  return response;
}

function syncGroup(request: SyncGroupRequest): SyncGroupResponse {
  const response = new SyncGroupResponse();
  response.protocolType = request.protocolType;
  response.protocolName = request.protocolName;
  for (const a of request.assignments) if (a.memberId === request.memberId) response.assignment = a.assignment;
  return response;
}

function offsetCommit(request: OffsetCommitRequest): OffsetCommitResponse {
  const response = new OffsetCommitResponse();
  for (const t of request.topics) {
    const topic = new OffsetCommitResponseTopic();
    topic.name = t.name;
    for (const p of t.partitions) {
      const partition = new OffsetCommitResponsePartition();
      partition.partitionIndex = p.partitionIndex;
      topic.partitions.push(partition);
    }
    response.topics.push(topic);
  }
  return response;
}

/** Nothing is ever committed here: every partition answers -1, so clients reset to earliest. */
function offsetFetch(request: OffsetFetchRequest): OffsetFetchResponse {
  const response = new OffsetFetchResponse();
  for (const t of request.topics ?? []) {
    const topic = new OffsetFetchResponseTopic();
    topic.name = t.name;
    for (const index of t.partitionIndexes) {
      const partition = new OffsetFetchResponsePartition();
      partition.partitionIndex = index;
      partition.committedOffset = -1n;
      topic.partitions.push(partition);
    }
    response.topics.push(topic);
  }
  for (const g of request.groups) {
    const group = new OffsetFetchResponseGroup();
    group.groupId = g.groupId;
    for (const t of g.topics ?? []) {
      const topic = new OffsetFetchResponseTopics();
      topic.name = t.name;
      for (const index of t.partitionIndexes) {
        const partition = new OffsetFetchResponsePartitions();
        partition.partitionIndex = index;
        partition.committedOffset = -1n;
        topic.partitions.push(partition);
      }
      group.topics.push(topic);
    }
    response.groups.push(group);
  }
  return response;
}

function leaveGroup(request: LeaveGroupRequest, version: number): LeaveGroupResponse {
  const response = new LeaveGroupResponse();
  if (version < 3) return response;
  for (const m of request.members) {
    const member = new MemberResponse();
    member.memberId = m.memberId;
    member.groupInstanceId = m.groupInstanceId;
    response.members.push(member);
  }
  return response;
}

/** Every partition joins the transaction (v0-3: one transaction; v4+: a batch of them). */
function addPartitionsToTxn(request: AddPartitionsToTxnRequest, version: number): AddPartitionsToTxnResponse {
  const response = new AddPartitionsToTxnResponse();
  const topicResults = (topics: AddPartitionsToTxnRequest['v3AndBelowTopics']): AddPartitionsToTxnTopicResult[] =>
    topics.map((t) => {
      const topic = new AddPartitionsToTxnTopicResult();
      topic.name = t.name;
      for (const index of t.partitions) {
        const partition = new AddPartitionsToTxnPartitionResult();
        partition.partitionIndex = index;
        topic.resultsByPartition.push(partition);
      }
      return topic;
    });
  if (version <= 3) {
    response.resultsByTopicV3AndBelow = topicResults(request.v3AndBelowTopics);
    return response;
  }
  for (const t of request.transactions) {
    const result = new AddPartitionsToTxnResult();
    result.transactionalId = t.transactionalId;
    result.topicResults = topicResults(t.topics);
    response.resultsByTransaction.push(result);
  }
  return response;
}

/** Each client joins its own group, so the member id can name the client. */
function clientIdOfGroupRequest(groupId: string): string {
  return groupId === GOLDEN.kafkajs.group ? GOLDEN.kafkajs.clientId : GOLDEN.kcat.clientId;
}

/**
 * One uncompressed magic-2 record batch at base offset 0, built by hand (KIP-98 layout,
 * see the record-batch facts in shared/kafka-protocol/README.md) so that the capture
 * does not depend on the record-batch module it helps to test.
 */
export function buildRecordBatch(records: readonly GoldenRecord[], baseTimestamp = Date.now()): Buffer {
  const bodies: Buffer[] = [];
  for (let i = 0; i < records.length; i++) {
    const r = records[i]!;
    const parts: Buffer[] = [
      Buffer.from([0]),
      varlong(0),
      varint(i),
      nullableVarintBytes(r.key),
      nullableVarintBytes(r.value),
    ];
    parts.push(varint(r.headers.length));
    for (const [k, v] of r.headers) parts.push(nullableVarintBytes(k), nullableVarintBytes(v));
    const body = Buffer.concat(parts);
    bodies.push(varint(body.length), body);
  }
  const recordBytes = Buffer.concat(bodies);
  const batch = Buffer.alloc(61 + recordBytes.length);
  batch.writeBigInt64BE(0n, 0);
  batch.writeInt32BE(batch.length - 12, 8);
  batch.writeInt32BE(0, 12);
  batch.writeInt8(2, 16);
  batch.writeInt16BE(0, 21);
  batch.writeInt32BE(records.length - 1, 23);
  batch.writeBigInt64BE(BigInt(baseTimestamp), 27);
  batch.writeBigInt64BE(BigInt(baseTimestamp), 35);
  batch.writeBigInt64BE(-1n, 43);
  batch.writeInt16BE(-1, 51);
  batch.writeInt32BE(-1, 53);
  batch.writeInt32BE(records.length, 57);
  recordBytes.copy(batch, 61);
  batch.writeUInt32BE(crc32c(batch.subarray(21)), 17);
  return batch;
}

function varint(value: number): Buffer {
  const b = Buffer.alloc(sizeOfVarint(value));
  writeVarint(b, 0, value);
  return b;
}

function varlong(value: number): Buffer {
  const b = Buffer.alloc(sizeOfVarlong(value));
  writeVarlong(b, 0, value);
  return b;
}

function nullableVarintBytes(text: string | null): Buffer {
  if (text === null) return varint(-1);
  const bytes = Buffer.from(text, 'utf8');
  return Buffer.concat([varint(bytes.length), bytes]);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
