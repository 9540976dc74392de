/**
 * The metadata quorum's RPCs (KIP-595, KIP-630): Vote (52), BeginQuorumEpoch (53),
 * EndQuorumEpoch (54), FetchSnapshot (59), served by every node that holds the
 * metadata log and answered by its Raft node; and DescribeQuorum (55), the quorum's
 * state as `kafka-metadata-quorum describe` shows it. The Fetch API's metadata-log
 * requests come through fetch.ts to `raftFetch` here.
 *
 * Version 0 of each is served (v1 adds KIP-853 directory ids and endpoints, for
 * dynamic quorums, which Gregor does not have). A request that does not name
 * `__cluster_metadata` partition 0 gets INVALID_REQUEST and never reaches Raft.
 */
import type { FetchRequest, FetchResponse } from '@gregor/protocol';
import {
  ApiKey,
  type BeginQuorumEpochRequest,
  BeginQuorumEpochResponse,
  type DescribeQuorumRequest,
  DescribeQuorumResponse,
  type EndQuorumEpochRequest,
  EndQuorumEpochResponse,
  ErrorCode,
  type FetchSnapshotRequest,
  FetchSnapshotResponse,
  type VoteRequest,
  VoteResponse,
} from '@gregor/protocol';
import {
  PartitionData as QuorumPartition,
  TopicData as QuorumTopic,
  ReplicaState,
} from '@gregor/protocol/generated/messages/describe-quorum-response';
import type * as raft from '@gregor/raft';
import {
  beginFromWire,
  beginResponseToWire,
  endFromWire,
  endResponseToWire,
  fetchFromWire,
  fetchResponseToWire,
  fetchSnapshotFromWire,
  fetchSnapshotResponseToWire,
  RaftWireError,
  raftFetchError,
  voteFromWire,
  voteResponseToWire,
} from '../cluster/raft-wire.js';
import { METADATA_TOPIC } from '../metadata/metadata-log.js';
import type { ApiHandler, RequestContext } from './handler.js';
import { defineHandler } from './handler.js';

function invalid<T extends { errorCode: number }>(response: T): T {
  response.errorCode = ErrorCode.INVALID_REQUEST;
  return response;
}

async function ask(ctx: RequestContext, from: number, request: raft.RaftRequest): Promise<raft.RaftResponse> {
  return ctx.broker.metadataLog.handle(from, request);
}

export const voteHandler: ApiHandler = defineHandler<VoteRequest, VoteResponse>({
  apiKey: ApiKey.Vote,
  minVersion: 0,
  maxVersion: 0,
  async handle(ctx, request) {
    let req: raft.VoteRequest;
    try {
      req = voteFromWire(request);
    } catch (e) {
      if (e instanceof RaftWireError) return invalid(new VoteResponse());
      throw e;
    }
    return voteResponseToWire((await ask(ctx, req.candidateId, req)) as raft.VoteResponse);
  },
  errorResponse(_ctx, _request, errorCode) {
    const r = new VoteResponse();
    r.errorCode = errorCode;
    return r;
  },
});

export const beginQuorumEpochHandler: ApiHandler = defineHandler<BeginQuorumEpochRequest, BeginQuorumEpochResponse>({
  apiKey: ApiKey.BeginQuorumEpoch,
  minVersion: 0,
  maxVersion: 0,
  async handle(ctx, request) {
    let req: raft.BeginQuorumEpochRequest;
    try {
      req = beginFromWire(request);
    } catch (e) {
      if (e instanceof RaftWireError) return invalid(new BeginQuorumEpochResponse());
      throw e;
    }
    return beginResponseToWire((await ask(ctx, req.leaderId, req)) as raft.BeginQuorumEpochResponse);
  },
  errorResponse(_ctx, _request, errorCode) {
    const r = new BeginQuorumEpochResponse();
    r.errorCode = errorCode;
    return r;
  },
});

export const endQuorumEpochHandler: ApiHandler = defineHandler<EndQuorumEpochRequest, EndQuorumEpochResponse>({
  apiKey: ApiKey.EndQuorumEpoch,
  minVersion: 0,
  maxVersion: 0,
  async handle(ctx, request) {
    let req: raft.EndQuorumEpochRequest;
    try {
      req = endFromWire(request);
    } catch (e) {
      if (e instanceof RaftWireError) return invalid(new EndQuorumEpochResponse());
      throw e;
    }
    return endResponseToWire((await ask(ctx, req.leaderId, req)) as raft.EndQuorumEpochResponse);
  },
  errorResponse(_ctx, _request, errorCode) {
    const r = new EndQuorumEpochResponse();
    r.errorCode = errorCode;
    return r;
  },
});

export const fetchSnapshotHandler: ApiHandler = defineHandler<FetchSnapshotRequest, FetchSnapshotResponse>({
  apiKey: ApiKey.FetchSnapshot,
  minVersion: 0,
  maxVersion: 0,
  async handle(ctx, request) {
    let req: raft.FetchSnapshotRequest;
    try {
      req = fetchSnapshotFromWire(request);
    } catch (e) {
      if (e instanceof RaftWireError) return invalid(new FetchSnapshotResponse());
      throw e;
    }
    return fetchSnapshotResponseToWire((await ask(ctx, req.replicaId, req)) as raft.FetchSnapshotResponse);
  },
  errorResponse(_ctx, _request, errorCode) {
    const r = new FetchSnapshotResponse();
    r.errorCode = errorCode;
    return r;
  },
});

/** A Fetch for the metadata log (fetch.ts routes it here). */
export async function raftFetch(ctx: RequestContext, request: FetchRequest): Promise<FetchResponse> {
  if (!ctx.broker.settings.controllerListenerNames.includes(ctx.connection.listenerName)) {
    // The metadata log is not a topic clients can read: as Kafka's brokers, it is unknown here.
    return fetchError(request, ctx.version >= 13 ? ErrorCode.UNKNOWN_TOPIC_ID : ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
  }
  let req: raft.FetchRequest;
  try {
    req = fetchFromWire(request, ctx.version);
  } catch (e) {
    if (e instanceof RaftWireError) {
      const res = fetchError(request, ErrorCode.INVALID_REQUEST);
      res.errorCode = ErrorCode.INVALID_REQUEST;
      return res;
    }
    throw e;
  }
  return fetchResponseToWire((await ask(ctx, req.replicaId, req)) as raft.FetchResponse, request);
}

/** A Fetch answer for the metadata partition carrying `errorCode` and nothing else. */
function fetchError(request: FetchRequest, errorCode: number): FetchResponse {
  return fetchResponseToWire(raftFetchError(errorCode), request);
}

function replicaState(r: raft.ReplicaDescription): ReplicaState {
  const s = new ReplicaState();
  s.replicaId = r.replicaId;
  s.logEndOffset = BigInt(r.logEndOffset);
  s.lastFetchTimestamp = BigInt(r.lastFetchTimestamp);
  s.lastCaughtUpTimestamp = BigInt(r.lastCaughtUpTimestamp);
  return s;
}

/**
 * DescribeQuorum (55), versions 0-1: answered by the leader, as Kafka does (others say
 * NOT_LEADER_OR_FOLLOWER so the admin client goes to the leader).
 */
export const describeQuorumHandler: ApiHandler = defineHandler<DescribeQuorumRequest, DescribeQuorumResponse>({
  apiKey: ApiKey.DescribeQuorum,
  minVersion: 0,
  maxVersion: 1,
  handle(ctx, request) {
    const response = new DescribeQuorumResponse();
    response.errorMessage = null;
    const t = request.topics[0];
    const ask = t?.partitions[0];
    if (
      request.topics.length !== 1 ||
      t?.topicName !== METADATA_TOPIC ||
      t.partitions.length !== 1 ||
      ask?.partitionIndex !== 0
    ) {
      response.errorCode = ErrorCode.INVALID_REQUEST;
      response.errorMessage = `DescribeQuorum must name ${METADATA_TOPIC} partition 0 only`;
      return response;
    }
    const metadata = ctx.broker.metadataLog;
    const p = new QuorumPartition();
    p.partitionIndex = 0;
    p.errorMessage = null;
    const d = metadata.raft.describeQuorum();
    if (d.leaderId !== metadata.nodeId) {
      p.errorCode = ErrorCode.NOT_LEADER_OR_FOLLOWER;
      p.errorMessage = 'this node is not the leader of the metadata quorum';
      p.leaderId = d.leaderId;
      p.leaderEpoch = d.leaderEpoch;
    } else {
      p.leaderId = d.leaderId;
      p.leaderEpoch = d.leaderEpoch;
      p.highWatermark = BigInt(d.highWatermark);
      p.currentVoters = d.currentVoters.map(replicaState);
      p.observers = d.observers.map(replicaState);
    }
    const topic = new QuorumTopic();
    topic.topicName = METADATA_TOPIC;
    topic.partitions = [p];
    response.topics = [topic];
    return response;
  },
  errorResponse(_ctx, _request, errorCode) {
    const r = new DescribeQuorumResponse();
    r.errorCode = errorCode;
    return r;
  },
});
