/**
 * Raft's RPCs on the Kafka wire, as KRaft sends them between controllers and from
 * brokers to controllers: Vote, BeginQuorumEpoch, EndQuorumEpoch, FetchSnapshot, and
 * Fetch for `__cluster_metadata` partition 0 (by its fixed topic id from Fetch v13, as
 * Kafka's Topic.CLUSTER_METADATA_TOPIC_ID). The raft package speaks plain objects; this
 * file is the translation both ways: `RaftWireNetwork` sends, and the `*FromWire` /
 * `*ToWire` pairs serve the requests that arrive (handlers/raft.ts).
 *
 * A request whose cluster id differs from ours gets INCONSISTENT_CLUSTER_ID (from Raft),
 * and one naming another topic or partition gets INVALID_REQUEST here: a misdirected
 * request must not touch the quorum.
 */
import type { Uuid } from '@gregor/protocol';
import {
  ApiKey,
  BeginQuorumEpochRequest,
  BeginQuorumEpochResponse,
  EndQuorumEpochRequest,
  EndQuorumEpochResponse,
  ErrorCode,
  FetchRequest,
  FetchResponse,
  FetchSnapshotRequest,
  FetchSnapshotResponse,
  VoteRequest,
  VoteResponse,
} from '@gregor/protocol';
import {
  PartitionData as BeginPartition,
  TopicData as BeginTopic,
} from '@gregor/protocol/generated/messages/begin-quorum-epoch-request';
import {
  PartitionData as BeginResponsePartition,
  TopicData as BeginResponseTopic,
} from '@gregor/protocol/generated/messages/begin-quorum-epoch-response';
import {
  PartitionData as EndPartition,
  TopicData as EndTopic,
} from '@gregor/protocol/generated/messages/end-quorum-epoch-request';
import {
  PartitionData as EndResponsePartition,
  TopicData as EndResponseTopic,
} from '@gregor/protocol/generated/messages/end-quorum-epoch-response';
import { FetchPartition, FetchTopic } from '@gregor/protocol/generated/messages/fetch-request';
import {
  FetchableTopicResponse,
  PartitionData as FetchResponsePartition,
} from '@gregor/protocol/generated/messages/fetch-response';
import {
  PartitionSnapshot,
  SnapshotId,
  TopicSnapshot,
} from '@gregor/protocol/generated/messages/fetch-snapshot-request';
import {
  PartitionSnapshot as SnapshotResponsePartition,
  TopicSnapshot as SnapshotResponseTopic,
} from '@gregor/protocol/generated/messages/fetch-snapshot-response';
import {
  PartitionData as VotePartition,
  TopicData as VoteTopic,
} from '@gregor/protocol/generated/messages/vote-request';
import {
  PartitionData as VoteResponsePartition,
  TopicData as VoteResponseTopic,
} from '@gregor/protocol/generated/messages/vote-response';
import type * as raft from '@gregor/raft';
import { METADATA_TOPIC } from '../metadata/metadata-log.js';
import type { NodeChannels } from './node-channel.js';

/** Kafka's Topic.CLUSTER_METADATA_TOPIC_ID: Uuid(0, 1). */
export const METADATA_TOPIC_ID = 'AAAAAAAAAAAAAAAAAAAAAQ' as Uuid;

/** The versions Gregor sends to its peers (every peer runs Gregor and serves them). */
export const RAFT_VERSIONS = {
  vote: 0,
  beginQuorumEpoch: 0,
  endQuorumEpoch: 0,
  fetch: 16,
  fetchSnapshot: 0,
} as const;

/** A wire request that is not for the metadata partition, or is malformed. */
export class RaftWireError extends Error {
  override readonly name = 'RaftWireError';
}

// --------------------------------------------------------------------------------------
// Outbound: raft objects → wire requests; wire responses → raft objects

export class RaftWireNetwork implements raft.RaftNetwork {
  constructor(private readonly channels: NodeChannels) {}

  async send(destination: number, request: raft.RaftRequest, timeoutMs: number): Promise<raft.RaftResponse> {
    switch (request.kind) {
      case 'vote': {
        const res = await this.channels.request<VoteResponse>(
          destination,
          ApiKey.Vote,
          RAFT_VERSIONS.vote,
          voteToWire(request),
          timeoutMs,
        );
        const p = onlyPartition(res.errorCode, res.topics);
        return {
          kind: 'vote',
          errorCode: p.errorCode,
          leaderId: p.leaderId,
          leaderEpoch: p.leaderEpoch,
          voteGranted: p.voteGranted,
        };
      }
      case 'beginQuorumEpoch': {
        const res = await this.channels.request<BeginQuorumEpochResponse>(
          destination,
          ApiKey.BeginQuorumEpoch,
          RAFT_VERSIONS.beginQuorumEpoch,
          beginToWire(request),
          timeoutMs,
        );
        const p = onlyPartition(res.errorCode, res.topics);
        return { kind: 'beginQuorumEpoch', errorCode: p.errorCode, leaderId: p.leaderId, leaderEpoch: p.leaderEpoch };
      }
      case 'endQuorumEpoch': {
        const res = await this.channels.request<EndQuorumEpochResponse>(
          destination,
          ApiKey.EndQuorumEpoch,
          RAFT_VERSIONS.endQuorumEpoch,
          endToWire(request),
          timeoutMs,
        );
        const p = onlyPartition(res.errorCode, res.topics);
        return { kind: 'endQuorumEpoch', errorCode: p.errorCode, leaderId: p.leaderId, leaderEpoch: p.leaderEpoch };
      }
      case 'fetch': {
        const res = await this.channels.request<FetchResponse>(
          destination,
          ApiKey.Fetch,
          RAFT_VERSIONS.fetch,
          fetchToWire(request),
          timeoutMs,
        );
        return fetchResponseFromWire(res);
      }
      case 'fetchSnapshot': {
        const res = await this.channels.request<FetchSnapshotResponse>(
          destination,
          ApiKey.FetchSnapshot,
          RAFT_VERSIONS.fetchSnapshot,
          fetchSnapshotToWire(request),
          timeoutMs,
        );
        return fetchSnapshotResponseFromWire(res);
      }
    }
  }
}

/** The one partition of a Raft response, or the top-level error as a partition answer. */
function onlyPartition<P extends { errorCode: number; leaderId: number; leaderEpoch: number }>(
  topLevelError: number,
  topics: readonly { partitions: readonly P[] }[],
): P {
  const p = topics[0]?.partitions[0];
  if (topLevelError !== ErrorCode.NONE || p === undefined) {
    if (topLevelError === ErrorCode.NONE) throw new RaftWireError('response without the metadata partition');
    return { errorCode: topLevelError, leaderId: -1, leaderEpoch: -1, voteGranted: false } as unknown as P;
  }
  return p;
}

export function voteToWire(r: raft.VoteRequest): VoteRequest {
  const p = new VotePartition();
  p.candidateEpoch = r.candidateEpoch;
  p.candidateId = r.candidateId;
  p.lastOffsetEpoch = r.lastOffsetEpoch;
  p.lastOffset = BigInt(r.lastOffset);
  const t = new VoteTopic();
  t.topicName = METADATA_TOPIC;
  t.partitions = [p];
  const req = new VoteRequest();
  req.clusterId = r.clusterId;
  req.topics = [t];
  return req;
}

function beginToWire(r: raft.BeginQuorumEpochRequest): BeginQuorumEpochRequest {
  const p = new BeginPartition();
  p.leaderId = r.leaderId;
  p.leaderEpoch = r.leaderEpoch;
  const t = new BeginTopic();
  t.topicName = METADATA_TOPIC;
  t.partitions = [p];
  const req = new BeginQuorumEpochRequest();
  req.clusterId = r.clusterId;
  req.topics = [t];
  return req;
}

function endToWire(r: raft.EndQuorumEpochRequest): EndQuorumEpochRequest {
  const p = new EndPartition();
  p.leaderId = r.leaderId;
  p.leaderEpoch = r.leaderEpoch;
  p.preferredSuccessors = [...r.preferredSuccessors];
  const t = new EndTopic();
  t.topicName = METADATA_TOPIC;
  t.partitions = [p];
  const req = new EndQuorumEpochRequest();
  req.clusterId = r.clusterId;
  req.topics = [t];
  return req;
}

function fetchToWire(r: raft.FetchRequest): FetchRequest {
  const p = new FetchPartition();
  p.partition = 0;
  p.currentLeaderEpoch = r.currentLeaderEpoch;
  p.fetchOffset = BigInt(r.fetchOffset);
  p.lastFetchedEpoch = r.lastFetchedEpoch;
  p.partitionMaxBytes = r.maxBytes;
  const t = new FetchTopic();
  // From v13 the topic is named by its id only (the name field must stay at its default).
  t.topicId = METADATA_TOPIC_ID;
  t.partitions = [p];
  const req = new FetchRequest();
  req.clusterId = r.clusterId;
  req.replicaState.replicaId = r.replicaId;
  req.maxWaitMs = r.maxWaitMs;
  req.minBytes = 0;
  req.maxBytes = r.maxBytes;
  req.topics = [t];
  return req;
}

/** A Raft Fetch answer carrying `errorCode` and nothing else (no leader, no records). */
export function raftFetchError(errorCode: number): raft.FetchResponse {
  return {
    kind: 'fetch',
    errorCode,
    leaderId: -1,
    leaderEpoch: -1,
    highWatermark: -1,
    logStartOffset: -1,
    records: Buffer.alloc(0),
    divergingEpoch: null,
    snapshotId: null,
  };
}

function fetchResponseFromWire(res: FetchResponse): raft.FetchResponse {
  const p = res.responses[0]?.partitions[0];
  if (res.errorCode !== ErrorCode.NONE || p === undefined) {
    if (res.errorCode === ErrorCode.NONE) throw new RaftWireError('Fetch response without the metadata partition');
    return raftFetchError(res.errorCode);
  }
  return {
    kind: 'fetch',
    errorCode: p.errorCode,
    leaderId: p.currentLeader.leaderId,
    leaderEpoch: p.currentLeader.leaderEpoch,
    highWatermark: Number(p.highWatermark),
    logStartOffset: Number(p.logStartOffset),
    records: p.records ?? Buffer.alloc(0),
    divergingEpoch:
      p.divergingEpoch.epoch >= 0
        ? { epoch: p.divergingEpoch.epoch, endOffset: Number(p.divergingEpoch.endOffset) }
        : null,
    snapshotId:
      p.snapshotId.epoch >= 0 && p.snapshotId.endOffset >= 0n
        ? { offset: Number(p.snapshotId.endOffset), epoch: p.snapshotId.epoch }
        : null,
  };
}

function fetchSnapshotToWire(r: raft.FetchSnapshotRequest): FetchSnapshotRequest {
  const id = new SnapshotId();
  id.endOffset = BigInt(r.snapshotId.offset);
  id.epoch = r.snapshotId.epoch;
  const p = new PartitionSnapshot();
  p.partition = 0;
  p.currentLeaderEpoch = r.currentLeaderEpoch;
  p.snapshotId = id;
  p.position = BigInt(r.position);
  const t = new TopicSnapshot();
  t.name = METADATA_TOPIC;
  t.partitions = [p];
  const req = new FetchSnapshotRequest();
  req.clusterId = r.clusterId;
  req.replicaId = r.replicaId;
  req.maxBytes = r.maxBytes;
  req.topics = [t];
  return req;
}

function fetchSnapshotResponseFromWire(res: FetchSnapshotResponse): raft.FetchSnapshotResponse {
  const p = res.topics[0]?.partitions[0];
  if (res.errorCode !== ErrorCode.NONE || p === undefined) {
    if (res.errorCode === ErrorCode.NONE) throw new RaftWireError('FetchSnapshot response without the partition');
    return {
      kind: 'fetchSnapshot',
      errorCode: res.errorCode,
      leaderId: -1,
      leaderEpoch: -1,
      snapshotId: { offset: -1, epoch: -1 },
      size: 0,
      position: 0,
      unalignedRecords: Buffer.alloc(0),
    };
  }
  return {
    kind: 'fetchSnapshot',
    errorCode: p.errorCode,
    leaderId: p.currentLeader.leaderId,
    leaderEpoch: p.currentLeader.leaderEpoch,
    snapshotId: { offset: Number(p.snapshotId.endOffset), epoch: p.snapshotId.epoch },
    size: Number(p.size),
    position: Number(p.position),
    unalignedRecords: p.unalignedRecords ?? Buffer.alloc(0),
  };
}

// --------------------------------------------------------------------------------------
// Inbound: wire requests → raft objects; raft responses → wire responses

function onlyRequestPartition<P>(topics: readonly { topicName: string; partitions: readonly P[] }[]): P {
  const t = topics[0];
  const p = t?.partitions[0];
  if (
    topics.length !== 1 ||
    t === undefined ||
    t.topicName !== METADATA_TOPIC ||
    t.partitions.length !== 1 ||
    p === undefined
  ) {
    throw new RaftWireError(`a Raft request must name ${METADATA_TOPIC} partition 0 only`);
  }
  if ((p as { partitionIndex?: number }).partitionIndex !== 0) {
    throw new RaftWireError(`a Raft request must name ${METADATA_TOPIC} partition 0 only`);
  }
  return p;
}

export function voteFromWire(req: VoteRequest): raft.VoteRequest {
  const p = onlyRequestPartition(req.topics);
  return {
    kind: 'vote',
    clusterId: req.clusterId ?? '',
    candidateEpoch: p.candidateEpoch,
    candidateId: p.candidateId,
    lastOffsetEpoch: p.lastOffsetEpoch,
    lastOffset: Number(p.lastOffset),
  };
}

export function voteResponseToWire(r: raft.VoteResponse): VoteResponse {
  const p = new VoteResponsePartition();
  p.partitionIndex = 0;
  p.errorCode = r.errorCode;
  p.leaderId = r.leaderId;
  p.leaderEpoch = r.leaderEpoch;
  p.voteGranted = r.voteGranted;
  const t = new VoteResponseTopic();
  t.topicName = METADATA_TOPIC;
  t.partitions = [p];
  const res = new VoteResponse();
  res.topics = [t];
  return res;
}

export function beginFromWire(req: BeginQuorumEpochRequest): raft.BeginQuorumEpochRequest {
  const p = onlyRequestPartition(req.topics);
  return { kind: 'beginQuorumEpoch', clusterId: req.clusterId ?? '', leaderId: p.leaderId, leaderEpoch: p.leaderEpoch };
}

export function beginResponseToWire(r: raft.BeginQuorumEpochResponse): BeginQuorumEpochResponse {
  const p = new BeginResponsePartition();
  p.partitionIndex = 0;
  p.errorCode = r.errorCode;
  p.leaderId = r.leaderId;
  p.leaderEpoch = r.leaderEpoch;
  const t = new BeginResponseTopic();
  t.topicName = METADATA_TOPIC;
  t.partitions = [p];
  const res = new BeginQuorumEpochResponse();
  res.topics = [t];
  return res;
}

export function endFromWire(req: EndQuorumEpochRequest): raft.EndQuorumEpochRequest {
  const p = onlyRequestPartition(req.topics);
  return {
    kind: 'endQuorumEpoch',
    clusterId: req.clusterId ?? '',
    leaderId: p.leaderId,
    leaderEpoch: p.leaderEpoch,
    preferredSuccessors: [...p.preferredSuccessors],
  };
}

export function endResponseToWire(r: raft.EndQuorumEpochResponse): EndQuorumEpochResponse {
  const p = new EndResponsePartition();
  p.partitionIndex = 0;
  p.errorCode = r.errorCode;
  p.leaderId = r.leaderId;
  p.leaderEpoch = r.leaderEpoch;
  const t = new EndResponseTopic();
  t.topicName = METADATA_TOPIC;
  t.partitions = [p];
  const res = new EndQuorumEpochResponse();
  res.topics = [t];
  return res;
}

/** True when a Fetch request is for the metadata log (Raft), not for data partitions. */
export function isMetadataFetch(req: FetchRequest, version: number): boolean {
  const t = req.topics[0];
  if (t === undefined) return false;
  return version >= 13 ? t.topicId === METADATA_TOPIC_ID : t.topic === METADATA_TOPIC;
}

export function fetchFromWire(req: FetchRequest, version: number): raft.FetchRequest {
  const t = req.topics[0];
  const p = t?.partitions[0];
  if (req.topics.length !== 1 || t === undefined || t.partitions.length !== 1 || p === undefined || p.partition !== 0) {
    throw new RaftWireError(`a Raft Fetch must name ${METADATA_TOPIC} partition 0 only`);
  }
  return {
    kind: 'fetch',
    clusterId: req.clusterId ?? '',
    replicaId: version >= 15 ? req.replicaState.replicaId : req.replicaId,
    currentLeaderEpoch: p.currentLeaderEpoch,
    fetchOffset: Number(p.fetchOffset),
    lastFetchedEpoch: p.lastFetchedEpoch,
    maxWaitMs: req.maxWaitMs,
    maxBytes: Math.min(req.maxBytes, p.partitionMaxBytes > 0 ? p.partitionMaxBytes : req.maxBytes),
  };
}

export function fetchResponseToWire(r: raft.FetchResponse, request: FetchRequest): FetchResponse {
  const p = new FetchResponsePartition();
  p.partitionIndex = 0;
  p.errorCode = r.errorCode;
  p.highWatermark = BigInt(r.highWatermark);
  p.lastStableOffset = BigInt(r.highWatermark);
  p.logStartOffset = BigInt(r.logStartOffset);
  p.currentLeader.leaderId = r.leaderId;
  p.currentLeader.leaderEpoch = r.leaderEpoch;
  if (r.divergingEpoch !== null) {
    p.divergingEpoch.epoch = r.divergingEpoch.epoch;
    p.divergingEpoch.endOffset = BigInt(r.divergingEpoch.endOffset);
  }
  if (r.snapshotId !== null) {
    p.snapshotId.endOffset = BigInt(r.snapshotId.offset);
    p.snapshotId.epoch = r.snapshotId.epoch;
  }
  p.records = r.records;
  const t = new FetchableTopicResponse();
  t.topic = METADATA_TOPIC;
  t.topicId = request.topics[0]?.topicId ?? METADATA_TOPIC_ID;
  t.partitions = [p];
  const res = new FetchResponse();
  res.responses = [t];
  return res;
}

export function fetchSnapshotFromWire(req: FetchSnapshotRequest): raft.FetchSnapshotRequest {
  const t = req.topics[0];
  const p = t?.partitions[0];
  if (
    req.topics.length !== 1 ||
    t === undefined ||
    t.name !== METADATA_TOPIC ||
    t.partitions.length !== 1 ||
    p === undefined ||
    p.partition !== 0
  ) {
    throw new RaftWireError(`a FetchSnapshot must name ${METADATA_TOPIC} partition 0 only`);
  }
  return {
    kind: 'fetchSnapshot',
    clusterId: req.clusterId ?? '',
    replicaId: req.replicaId,
    currentLeaderEpoch: p.currentLeaderEpoch,
    snapshotId: { offset: Number(p.snapshotId.endOffset), epoch: p.snapshotId.epoch },
    position: Number(p.position),
    maxBytes: req.maxBytes,
  };
}

export function fetchSnapshotResponseToWire(r: raft.FetchSnapshotResponse): FetchSnapshotResponse {
  const p = new SnapshotResponsePartition();
  p.index = 0;
  p.errorCode = r.errorCode;
  p.snapshotId.endOffset = BigInt(r.snapshotId.offset);
  p.snapshotId.epoch = r.snapshotId.epoch;
  p.currentLeader.leaderId = r.leaderId;
  p.currentLeader.leaderEpoch = r.leaderEpoch;
  p.size = BigInt(r.size);
  p.position = BigInt(r.position);
  p.unalignedRecords = r.unalignedRecords;
  const t = new SnapshotResponseTopic();
  t.name = METADATA_TOPIC;
  t.partitions = [p];
  const res = new FetchSnapshotResponse();
  res.topics = [t];
  return res;
}
