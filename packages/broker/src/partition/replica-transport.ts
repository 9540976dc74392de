/**
 * The seams replication reaches the rest of the cluster through, injected into the
 * replica manager so that the same code runs over TCP, in one process (tests) and in the
 * simulator:
 *
 * - `ReplicaTransport`: a follower's Fetch and OffsetForLeaderEpoch to the leader of its
 *   partitions (Kafka's ReplicaFetcherBlockingSend / LeaderEndPoint).
 * - `AlterPartitionSender`: a leader's proposed ISR change to the active controller
 *   (KIP-497 AlterPartition; Kafka's AlterPartitionManager).
 * - `ReplicationClock` / `ReplicationTimers`: time for the lag checks and the fetcher's
 *   backoff, so that tests decide when a follower has fallen behind.
 */
import type {
  FetchRequest,
  FetchResponse,
  OffsetForLeaderEpochRequest,
  OffsetForLeaderEpochResponse,
  Uuid,
} from '@gregor/protocol';
import type { BrokerConfig } from '../config/broker-config.js';

export interface ReplicaRequestOptions {
  /** Reject (with any Error) when no response arrived within this many milliseconds. */
  timeoutMs: number;
  /** Aborted when the fetcher stops or its leader changes: reject promptly and drop the request. */
  signal: AbortSignal;
}

/** The Fetch version follower requests are built for (every Gregor broker serves it). */
export const REPLICA_FETCH_VERSION = 17;
/** The OffsetForLeaderEpoch version follower requests are built for. */
export const REPLICA_OFFSET_FOR_LEADER_EPOCH_VERSION = 4;

export interface ReplicaTransport {
  /**
   * A follower Fetch to broker `leaderId`, built for REPLICA_FETCH_VERSION (17):
   * ReplicaState (not replicaId), topic ids (not names), lastFetchedEpoch, no fetch
   * session. The transport reports the version it sent with the decoded answer; one that
   * must send an older version converts the request first, and below 12 (no
   * DivergingEpoch) the fetcher truncates through OffsetForLeaderEpoch instead.
   * Rejects when the node is unknown or unreachable, on timeout or abort.
   */
  fetch(
    leaderId: number,
    request: FetchRequest,
    opts: ReplicaRequestOptions,
  ): Promise<{ version: number; response: FetchResponse }>;
  /** OffsetForLeaderEpoch to `leaderId`, built for v4 (replicaId = this broker, currentLeaderEpoch). */
  offsetForLeaderEpoch(
    leaderId: number,
    request: OffsetForLeaderEpochRequest,
    opts: ReplicaRequestOptions,
  ): Promise<OffsetForLeaderEpochResponse>;
}

export interface AlterPartitionItem {
  topic: string;
  topicId: Uuid;
  partition: number;
  leaderEpoch: number;
  partitionEpoch: number;
  /** Broker ids, ascending. */
  newIsr: readonly number[];
  /** brokerEpoch -1 when unknown (AlterPartition v3, KIP-903). */
  newIsrWithEpochs: readonly { brokerId: number; brokerEpoch: number }[];
}

export type AlterPartitionResult =
  | { errorCode: 0; leaderId: number; leaderEpoch: number; isr: readonly number[]; partitionEpoch: number }
  | { errorCode: number; message?: string };

export interface AlterPartitionSender {
  /**
   * Sends one partition's proposed ISR to the active controller and resolves with its
   * answer for that partition; rejects on a transport failure. The partition keeps at
   * most one request in flight. A committed change also arrives as a
   * PartitionChangeRecord in the metadata image; whichever comes first is adopted
   * (partitionEpoch orders them).
   */
  send(item: AlterPartitionItem): Promise<AlterPartitionResult>;
}

export interface ReplicationClock {
  now(): number;
}

export interface ReplicationTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
}

/** Kafka's names and defaults. */
export interface ReplicationConfig {
  /** replica.lag.time.max.ms */
  replicaLagTimeMaxMs: number;
  /** replica.fetch.max.bytes (per partition) */
  replicaFetchMaxBytes: number;
  /** replica.fetch.response.max.bytes */
  replicaFetchResponseMaxBytes: number;
  /** replica.fetch.wait.max.ms */
  replicaFetchWaitMaxMs: number;
  /** replica.fetch.min.bytes */
  replicaFetchMinBytes: number;
  /** replica.fetch.backoff.ms */
  replicaFetchBackoffMs: number;
  /** replica.socket.timeout.ms */
  replicaSocketTimeoutMs: number;
  /** How long a failed AlterPartition waits before the change is proposed again. */
  alterPartitionRetryBackoffMs: number;
  /** Tests: fetchers run only when `ReplicaFetcher.doWork` is called. */
  manualFetch: boolean;
}

export const DEFAULT_REPLICATION_CONFIG: ReplicationConfig = Object.freeze({
  replicaLagTimeMaxMs: 30_000,
  replicaFetchMaxBytes: 1_048_576,
  replicaFetchResponseMaxBytes: 10_485_760,
  replicaFetchWaitMaxMs: 500,
  replicaFetchMinBytes: 1,
  replicaFetchBackoffMs: 1_000,
  replicaSocketTimeoutMs: 30_000,
  alterPartitionRetryBackoffMs: 100,
  manualFetch: false,
});

/** The replication settings from the broker's configuration (Kafka's names). */
export function replicationConfigFrom(config: BrokerConfig): Partial<ReplicationConfig> {
  return {
    replicaLagTimeMaxMs: config.long('replica.lag.time.max.ms'),
    replicaFetchMaxBytes: config.int('replica.fetch.max.bytes'),
    replicaFetchResponseMaxBytes: config.int('replica.fetch.response.max.bytes'),
    replicaFetchWaitMaxMs: config.int('replica.fetch.wait.max.ms'),
    replicaFetchMinBytes: config.int('replica.fetch.min.bytes'),
    replicaFetchBackoffMs: config.int('replica.fetch.backoff.ms'),
    replicaSocketTimeoutMs: config.int('replica.socket.timeout.ms'),
  };
}

export const systemClock: ReplicationClock = { now: () => Date.now() };

export const systemTimers: ReplicationTimers = {
  setTimeout(fn, ms) {
    const t = setTimeout(fn, ms);
    t.unref();
    return t;
  },
  clearTimeout(id) {
    clearTimeout(id as NodeJS.Timeout);
  },
};

/** A replication failure with its Kafka error code (produce and fetch map it into the answer). */
export class ReplicationError extends Error {
  override name = 'ReplicationError';
  constructor(
    readonly errorCode: number,
    message: string,
  ) {
    super(message);
  }
}
