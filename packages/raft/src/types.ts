/**
 * The seam of the raft package: everything Raft touches from the outside (time, timers,
 * randomness, the log, the quorum-state file, the network, the state machine) is one of
 * these interfaces, so the simulation can run a whole quorum from one seed (as Kafka's
 * RaftEventSimulationTest does) and the broker can plug in real I/O.
 */

import { ErrorCode } from '@gregor/protocol';

/** Milliseconds since some origin; only differences matter. */
export interface Clock {
  now(): number;
}

/** Opaque timer handle. */
export type TimerId = unknown;

export interface Timers {
  setTimeout(fn: () => void, ms: number): TimerId;
  clearTimeout(id: TimerId): void;
}

/** Uniform in [0, 1). */
export interface Random {
  next(): number;
}

export interface OffsetAndEpoch {
  offset: number;
  epoch: number;
}

/**
 * The log Raft replicates. Batches are Kafka record batches (magic 2) whose
 * partitionLeaderEpoch is the Raft epoch (Kafka's `ReplicatedLog`).
 */
export interface ReplicatedLog {
  /** First offset held (the latest snapshot's end offset once the log before it is deleted). */
  startOffset(): number;
  /** Next offset to write and the epoch of the last batch (the snapshot's epoch if empty after a snapshot; 0 if empty). */
  endOffset(): OffsetAndEpoch;
  /** End of what is durable. */
  flushedEndOffset(): number;
  /** Assigns offsets (baseOffset rewritten in place) and stamps `epoch` as partitionLeaderEpoch. */
  appendAsLeader(batch: Buffer, epoch: number): Promise<{ baseOffset: number; lastOffset: number }>;
  /** Batches exactly as read from the leader (offsets kept); the first must start at the end offset. */
  appendAsFollower(batches: Buffer): Promise<void>;
  /** Whole batches from the one holding `offset`: at least one batch even if larger than maxBytes; empty at the end. */
  read(offset: number, maxBytes: number): Promise<Buffer>;
  flush(): Promise<void>;
  /** Removes everything at and after `offset`. */
  truncateTo(offset: number): Promise<void>;
  /**
   * Kafka's semantics: the largest epoch <= `epoch` held, and the offset where it ends.
   * { epoch: -1, offset: -1 } (LeaderEpochFileCache's undefined answer) is tolerated.
   */
  endOffsetForEpoch(epoch: number): OffsetAndEpoch;
  /** Informational for the storage layer. */
  updateHighWatermark(offset: number): void;
  latestSnapshotId(): OffsetAndEpoch | null;
  readSnapshot(id: OffsetAndEpoch): Promise<Buffer | null>;
  /**
   * Up to `maxBytes` of a snapshot from `position` (FetchSnapshot's chunks), without the
   * rest of it, and its whole size; null when there is no such snapshot. A `position`
   * past the end gives an empty chunk.
   */
  readSnapshotChunk(
    id: OffsetAndEpoch,
    position: number,
    maxBytes: number,
  ): Promise<{ size: number; chunk: Buffer } | null>;
  /** Durable when it resolves. */
  writeSnapshot(id: OffsetAndEpoch, data: Buffer): Promise<void>;
  /** The log start moves to id.offset (a batch boundary). */
  deleteBeforeSnapshot(id: OffsetAndEpoch): Promise<void>;
  /** Follower that fetched a snapshot: drops the whole log and restarts it at id.offset. */
  truncateToSnapshot(id: OffsetAndEpoch): Promise<void>;
}

/** Persisted election state: the content of Kafka's `quorum-state` file. -1 = none. */
export interface ElectionState {
  epoch: number;
  leaderId: number;
  votedId: number;
}

export interface QuorumStateStore {
  /** null when nothing was ever written. Rejects when the stored state is corrupt. */
  read(): Promise<ElectionState | null>;
  /** Durable when it resolves. */
  write(state: ElectionState): Promise<void>;
}

/** Kafka error codes used by Raft. POSITION_OUT_OF_RANGE (99) is missing from the generated table. */
export const RaftErrorCode = {
  NONE: ErrorCode.NONE,
  BROKER_NOT_AVAILABLE: ErrorCode.BROKER_NOT_AVAILABLE,
  FENCED_LEADER_EPOCH: ErrorCode.FENCED_LEADER_EPOCH,
  NOT_LEADER_OR_FOLLOWER: ErrorCode.NOT_LEADER_OR_FOLLOWER,
  UNKNOWN_LEADER_EPOCH: ErrorCode.UNKNOWN_LEADER_EPOCH,
  INCONSISTENT_CLUSTER_ID: ErrorCode.INCONSISTENT_CLUSTER_ID,
  INCONSISTENT_VOTER_SET: ErrorCode.INCONSISTENT_VOTER_SET,
  INVALID_REQUEST: ErrorCode.INVALID_REQUEST,
  SNAPSHOT_NOT_FOUND: ErrorCode.SNAPSHOT_NOT_FOUND,
  POSITION_OUT_OF_RANGE: 99,
} as const;

// ---------------------------------------------------------------------------------------
// RPCs as plain objects. The broker translates them to and from the Kafka wire messages
// (Vote, BeginQuorumEpoch, EndQuorumEpoch, Fetch, FetchSnapshot). Every response carries
// the responder's view of the leader (leaderId -1 when unknown) and epoch, from which an
// unknown leader is discovered (KIP-595).
// ---------------------------------------------------------------------------------------

export interface VoteRequest {
  kind: 'vote';
  clusterId: string;
  candidateEpoch: number;
  candidateId: number;
  /** Epoch of the candidate's last batch. */
  lastOffsetEpoch: number;
  /** The candidate's log end offset. */
  lastOffset: number;
}

export interface VoteResponse {
  kind: 'vote';
  errorCode: number;
  leaderId: number;
  leaderEpoch: number;
  voteGranted: boolean;
}

export interface BeginQuorumEpochRequest {
  kind: 'beginQuorumEpoch';
  clusterId: string;
  leaderId: number;
  leaderEpoch: number;
}

export interface BeginQuorumEpochResponse {
  kind: 'beginQuorumEpoch';
  errorCode: number;
  leaderId: number;
  leaderEpoch: number;
}

export interface EndQuorumEpochRequest {
  kind: 'endQuorumEpoch';
  clusterId: string;
  leaderId: number;
  leaderEpoch: number;
  /** Voters in order of preference (longest log first). */
  preferredSuccessors: number[];
}

export interface EndQuorumEpochResponse {
  kind: 'endQuorumEpoch';
  errorCode: number;
  leaderId: number;
  leaderEpoch: number;
}

export interface FetchRequest {
  kind: 'fetch';
  clusterId: string;
  replicaId: number;
  /** The epoch the fetcher believes current. */
  currentLeaderEpoch: number;
  fetchOffset: number;
  lastFetchedEpoch: number;
  maxWaitMs: number;
  maxBytes: number;
}

export interface FetchResponse {
  kind: 'fetch';
  errorCode: number;
  leaderId: number;
  leaderEpoch: number;
  highWatermark: number;
  logStartOffset: number;
  /** Whole record batches; empty when there is nothing (or on error/diverging/snapshot). */
  records: Buffer;
  /** Set when the fetcher's log diverges: truncate to `endOffset` (KIP-595). */
  divergingEpoch: { epoch: number; endOffset: number } | null;
  /** Set when fetchOffset is below the log start: fetch this snapshot (KIP-630). */
  snapshotId: OffsetAndEpoch | null;
}

export interface FetchSnapshotRequest {
  kind: 'fetchSnapshot';
  clusterId: string;
  replicaId: number;
  currentLeaderEpoch: number;
  snapshotId: OffsetAndEpoch;
  position: number;
  maxBytes: number;
}

export interface FetchSnapshotResponse {
  kind: 'fetchSnapshot';
  errorCode: number;
  leaderId: number;
  leaderEpoch: number;
  snapshotId: OffsetAndEpoch;
  /** Total size of the snapshot in bytes. */
  size: number;
  position: number;
  /** The chunk [position, position + length). */
  unalignedRecords: Buffer;
}

export type RaftRequest =
  | VoteRequest
  | BeginQuorumEpochRequest
  | EndQuorumEpochRequest
  | FetchRequest
  | FetchSnapshotRequest;
export type RaftResponse =
  | VoteResponse
  | BeginQuorumEpochResponse
  | EndQuorumEpochResponse
  | FetchResponse
  | FetchSnapshotResponse;

/** The response type matching a request kind. */
export type ResponseFor<R extends RaftRequest> = Extract<RaftResponse, { kind: R['kind'] }>;

export interface RaftNetwork {
  /** Resolves with the destination's response; rejects when undeliverable or after timeoutMs. */
  send(destination: number, request: RaftRequest, timeoutMs: number): Promise<RaftResponse>;
}

/** A committed data batch, handed to the state machine exactly once per node run, in offset order. */
export interface CommittedBatch {
  baseOffset: number;
  lastOffset: number;
  epoch: number;
  /** The batch's maxTimestamp: when the leader built it. */
  appendTimestamp: number;
  /** Record values (null values as empty buffers). */
  records: Buffer[];
}

export interface RaftListener {
  /** Every committed data batch once, in order. Control batches are never given. */
  handleCommit(batch: CommittedBatch): void;
  /** Called before the commits after the snapshot. */
  handleLoadSnapshot(snapshot: { id: OffsetAndEpoch; data: Buffer }): void;
  /**
   * Each change of (leaderId, epoch). When the local node becomes leader, called only once
   * every batch committed before its epoch started has been handed to handleCommit (KRaft).
   */
  handleLeaderChange(leader: { leaderId: number | null; epoch: number }): void;
}

export interface RaftConfig {
  nodeId: number;
  /** Observers: nodeId not in voters. */
  voters: readonly number[];
  clusterId: string;
  /** controller.quorum.election.timeout.ms */
  electionTimeoutMs: number;
  /** controller.quorum.fetch.timeout.ms */
  fetchTimeoutMs: number;
  /** controller.quorum.election.backoff.max.ms */
  electionBackoffMaxMs: number;
  /** controller.quorum.request.timeout.ms */
  requestTimeoutMs: number;
  /** controller.quorum.retry.backoff.ms */
  retryBackoffMs: number;
  /** controller.quorum.append.linger.ms */
  appendLingerMs: number;
  /** How long the leader holds a Fetch that has nothing to return (KRaft: 500). */
  fetchMaxWaitMs: number;
  /** Fetch and FetchSnapshot maxBytes (KRaft: 8 MiB). */
  fetchMaxBytes: number;
}

/** Kafka's defaults for everything but the identity of the node and quorum. */
export const DEFAULT_RAFT_CONFIG = {
  electionTimeoutMs: 1000,
  fetchTimeoutMs: 2000,
  electionBackoffMaxMs: 1000,
  requestTimeoutMs: 2000,
  retryBackoffMs: 20,
  appendLingerMs: 25,
  fetchMaxWaitMs: 500,
  fetchMaxBytes: 8 * 1024 * 1024,
} as const satisfies Omit<RaftConfig, 'nodeId' | 'voters' | 'clusterId'>;

/** Largest batch the leader builds from appends (KafkaRaftClient's MAX_BATCH_SIZE_BYTES). */
export const MAX_BATCH_SIZE_BYTES = 8 * 1024 * 1024;

export interface RaftLogger {
  info(message: string): void;
  warn(message: string): void;
  debug?(message: string): void;
}

export type RaftRole = 'unattached' | 'voted' | 'candidate' | 'leader' | 'follower' | 'resigned';

export interface ReplicaDescription {
  replicaId: number;
  /** -1 when not known. */
  logEndOffset: number;
  /** -1 when never fetched. */
  lastFetchTimestamp: number;
  /** -1 when never caught up. */
  lastCaughtUpTimestamp: number;
}

/** What DescribeQuorum answers (leader's view; other nodes report what they know). */
export interface QuorumDescription {
  leaderId: number;
  leaderEpoch: number;
  highWatermark: number;
  currentVoters: ReplicaDescription[];
  observers: ReplicaDescription[];
}
