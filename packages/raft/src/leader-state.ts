/**
 * What a leader tracks for its epoch (Kafka's LeaderState): every replica's fetch
 * progress, the high watermark, and check-quorum.
 *
 * High watermark (KIP-595): the largest offset a majority of voters hold, counting the
 * leader's own *flushed* end offset (a leader may not count what it could lose in a
 * crash). It only counts once it passes epochStartOffset, the offset of this epoch's
 * LeaderChange batch: until a batch of its own epoch is committed a new leader cannot
 * know which earlier entries are committed (Raft §5.4.2). Observers never count.
 *
 * Check-quorum: if a majority of voters (the leader included) has not fetched within
 * 1.5 x fetchTimeoutMs, the leader resigns; Kafka uses the same factor so a follower's
 * own fetch timeout fires first.
 */

import type { QuorumDescription, ReplicaDescription } from './types.js';

export const CHECK_QUORUM_TIMEOUT_FACTOR = 1.5;

export interface ReplicaState {
  replicaId: number;
  endOffset: number;
  lastFetchTimestamp: number;
  lastCaughtUpTimestamp: number;
  /** The high watermark in the last Fetch answer sent to it (-1: none yet). */
  highWatermarkSent: number;
}

/** Most observers a leader tracks for DescribeQuorum; the oldest are forgotten beyond it. */
export const OBSERVERS_TRACKED_MAX = 1024;

function newReplica(replicaId: number): ReplicaState {
  return { replicaId, endOffset: -1, lastFetchTimestamp: -1, lastCaughtUpTimestamp: -1, highWatermarkSent: -1 };
}

export class LeaderState {
  readonly voterStates = new Map<number, ReplicaState>();
  readonly observerStates = new Map<number, ReplicaState>();
  /** This epoch's high watermark; -1 until the first batch of the epoch is committed. */
  highWatermark = -1;
  checkQuorumDeadline: number;
  private readonly checkQuorumTimeoutMs: number;
  private fetchedVoters = new Set<number>();
  private readonly majority: number;

  constructor(
    readonly localId: number,
    readonly epoch: number,
    readonly epochStartOffset: number,
    readonly voters: readonly number[],
    fetchTimeoutMs: number,
    now: number,
  ) {
    for (const id of voters) this.voterStates.set(id, newReplica(id));
    this.majority = Math.floor(voters.length / 2) + 1;
    this.checkQuorumTimeoutMs = Math.floor(fetchTimeoutMs * CHECK_QUORUM_TIMEOUT_FACTOR);
    this.checkQuorumDeadline = now + this.checkQuorumTimeoutMs;
  }

  /** The leader's own flushed end offset moved; returns whether the high watermark moved. */
  updateLocalEndOffset(flushedEndOffset: number, now: number): boolean {
    const local = this.voterStates.get(this.localId);
    if (local !== undefined) {
      local.endOffset = flushedEndOffset;
      local.lastFetchTimestamp = now;
      local.lastCaughtUpTimestamp = now;
    }
    return this.maybeUpdateHighWatermark();
  }

  /**
   * A valid Fetch from `replicaId` at `fetchOffset` (what it holds, flushed). Returns
   * whether the high watermark moved.
   */
  updateReplica(replicaId: number, fetchOffset: number, leaderEndOffset: number, now: number): boolean {
    let state = this.voterStates.get(replicaId);
    if (state === undefined) {
      state = this.observerStates.get(replicaId);
      if (state === undefined) {
        if (this.observerStates.size >= OBSERVERS_TRACKED_MAX) {
          const oldest = this.observerStates.keys().next().value;
          if (oldest !== undefined) this.observerStates.delete(oldest);
        }
        state = newReplica(replicaId);
        this.observerStates.set(replicaId, state);
      }
    } else {
      this.recordVoterContact(replicaId, now);
    }
    state.endOffset = fetchOffset;
    state.lastFetchTimestamp = now;
    if (fetchOffset >= leaderEndOffset) state.lastCaughtUpTimestamp = now;
    return this.voterStates.has(replicaId) ? this.maybeUpdateHighWatermark() : false;
  }

  /** A voter showed it follows this leader (Fetch, FetchSnapshot): counts for check-quorum. */
  recordVoterContact(voterId: number, now: number): void {
    if (!this.voterStates.has(voterId) || voterId === this.localId) return;
    this.fetchedVoters.add(voterId);
    if (this.fetchedVoters.size + 1 >= this.majority) {
      this.fetchedVoters.clear();
      this.checkQuorumDeadline = now + this.checkQuorumTimeoutMs;
    }
  }

  /** The high watermark `replicaId` was last told (-1 when never, or not tracked). */
  highWatermarkSent(replicaId: number): number {
    return (this.voterStates.get(replicaId) ?? this.observerStates.get(replicaId))?.highWatermarkSent ?? -1;
  }

  /** A Fetch answer carrying `highWatermark` goes to `replicaId`. */
  recordHighWatermarkSent(replicaId: number, highWatermark: number): void {
    const state = this.voterStates.get(replicaId) ?? this.observerStates.get(replicaId);
    if (state !== undefined) state.highWatermarkSent = highWatermark;
  }

  checkQuorumExpired(now: number): boolean {
    return this.voters.length > 1 && now >= this.checkQuorumDeadline;
  }

  private maybeUpdateHighWatermark(): boolean {
    const ends: number[] = [];
    for (const s of this.voterStates.values()) ends.push(s.endOffset);
    ends.sort((a, b) => b - a);
    const candidate = ends[this.majority - 1] ?? -1;
    if (candidate > this.epochStartOffset && candidate > this.highWatermark) {
      this.highWatermark = candidate;
      return true;
    }
    return false;
  }

  /** Other voters, longest log first: the preferred successors for EndQuorumEpoch. */
  nonLeaderVotersByDescendingEndOffset(): number[] {
    return [...this.voterStates.values()]
      .filter((s) => s.replicaId !== this.localId)
      .sort((a, b) => b.endOffset - a.endOffset || a.replicaId - b.replicaId)
      .map((s) => s.replicaId);
  }

  describe(highWatermark: number): QuorumDescription {
    const describe = (s: ReplicaState): ReplicaDescription => ({
      replicaId: s.replicaId,
      logEndOffset: s.endOffset,
      lastFetchTimestamp: s.lastFetchTimestamp,
      lastCaughtUpTimestamp: s.lastCaughtUpTimestamp,
    });
    return {
      leaderId: this.localId,
      leaderEpoch: this.epoch,
      highWatermark,
      currentVoters: [...this.voterStates.values()].map(describe),
      observers: [...this.observerStates.values()].map(describe),
    };
  }
}
