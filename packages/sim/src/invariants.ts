/**
 * The safety properties a Raft cluster must keep at every step of every run, checked as
 * the simulation observes each node (after every event, not only at the end). Kafka's
 * `RaftEventSimulationTest` checks the same family: SingleLeader, MonotonicEpoch,
 * MonotonicHighWatermark, ConsistentCommittedData; we add the client's view (an
 * acknowledged append is never lost and sits at the offset it was acknowledged at) and
 * uniqueness (a value appended once is committed at most once).
 *
 * A node is identified by its id; an incarnation counts its restarts (state held in
 * memory, such as the high watermark, starts over with each one; durable state, such as
 * the epoch, must not).
 */

import type { QuorumDescription } from '@gregor/raft';

export const Invariant = {
  SINGLE_LEADER: 'single-leader-per-epoch',
  MONOTONIC_EPOCH: 'monotonic-epoch',
  MONOTONIC_HIGH_WATERMARK: 'monotonic-high-watermark',
  CONSISTENT_COMMITS: 'consistent-committed-data',
  COMMIT_ORDER: 'commit-order',
  UNIQUE_COMMIT: 'unique-commit',
  ACKED_NOT_LOST: 'acknowledged-append-not-lost',
  LOG_MATCHING: 'log-matching',
  /** A node's high watermark never passes its own log end (Kafka caps a follower's at it). */
  HIGH_WATERMARK_WITHIN_LOG: 'high-watermark-within-log',
  /** append() in a stale epoch, or on a node that does not lead, is refused (NotLeaderError). */
  APPEND_FENCING: 'append-fencing',
  LIVENESS: 'liveness-after-heal',
  /** Once converged, the leader's DescribeQuorum answer matches its state and names every replica. */
  DESCRIBE_QUORUM: 'describe-quorum',
  /** Raft stopped itself on a broken invariant of its own (e.g. asked to truncate committed data). */
  NO_FATAL_ERROR: 'no-fatal-error',
} as const;
export type Invariant = (typeof Invariant)[keyof typeof Invariant];

export class InvariantViolation extends Error {
  readonly invariant: Invariant;
  constructor(invariant: Invariant, message: string) {
    super(`${invariant}: ${message}`);
    this.name = 'InvariantViolation';
    this.invariant = invariant;
  }
}

/** The data records of one committed batch, as the listener saw them (values decoded to strings). */
export interface ObservedCommit {
  baseOffset: number;
  lastOffset: number;
  epoch: number;
  values: readonly string[];
}

/** A batch as a log holds it. */
export interface StoredBatch {
  baseOffset: number;
  lastOffset: number;
  epoch: number;
  bytes: Buffer;
}

function matchLogs(a: number, logA: readonly StoredBatch[], b: number, logB: readonly StoredBatch[]): void {
  const byOffset = new Map<number, StoredBatch>();
  for (const batch of logB) byOffset.set(batch.baseOffset, batch);
  // The last batch both logs hold with the same epoch: everything before it must agree.
  let last = -1;
  for (let k = logA.length - 1; k >= 0; k--) {
    const other = byOffset.get(logA[k]!.baseOffset);
    if (other !== undefined && other.epoch === logA[k]!.epoch) {
      last = k;
      break;
    }
  }
  if (last < 0) return;
  const startB = logB[0]?.baseOffset ?? Number.POSITIVE_INFINITY;
  for (let k = 0; k <= last; k++) {
    const batch = logA[k]!;
    if (batch.baseOffset < startB) continue;
    const other = byOffset.get(batch.baseOffset);
    if (other === undefined || other.epoch !== batch.epoch || !other.bytes.equals(batch.bytes)) {
      throw new InvariantViolation(
        Invariant.LOG_MATCHING,
        `nodes ${a} and ${b} both hold a batch at offset ${logA[last]!.baseOffset} in epoch ${logA[last]!.epoch}, ` +
          `but differ at offset ${batch.baseOffset} (epoch ${batch.epoch} vs ${other === undefined ? 'no batch boundary' : `epoch ${other.epoch}${other.epoch === batch.epoch ? ', other bytes' : ''}`})`,
      );
    }
  }
}

export class RaftInvariants {
  /** epoch -> the leader some node saw in it, and who saw it first (for the message). */
  readonly #leaderOfEpoch = new Map<number, { leaderId: number; seenBy: number }>();
  readonly #epochOf = new Map<number, number>();
  readonly #highWatermarkOf = new Map<string, number>();
  readonly #lastCommittedOf = new Map<string, number>();
  /** offset -> value committed there by any node, ever. */
  readonly #committed = new Map<number, string>();
  readonly #offsetOfValue = new Map<string, number>();
  /** offset -> value whose append() resolved with that offset. */
  readonly #ackedAt = new Map<number, string>();
  readonly #ackedValues = new Map<string, number>();

  get committedCount(): number {
    return this.#committed.size;
  }

  get ackedCount(): number {
    return this.#ackedAt.size;
  }

  /** Acknowledged appends as [offset, value], by offset. */
  acked(): [number, string][] {
    return [...this.#ackedAt.entries()].sort((a, b) => a[0] - b[0]);
  }

  /**
   * Raft's Log Matching property (Raft paper, 5.3) on the logs themselves, committed or
   * not: when two logs hold a batch with the same base offset and epoch, they hold the
   * same bytes there and in every batch before it that both still have.
   */
  checkLogMatching(logs: ReadonlyMap<number, readonly StoredBatch[]>): void {
    const nodes = [...logs.keys()];
    for (let i = 0; i < nodes.length; i++) {
      for (let j = i + 1; j < nodes.length; j++) {
        matchLogs(nodes[i]!, logs.get(nodes[i]!)!, nodes[j]!, logs.get(nodes[j]!)!);
      }
    }
  }

  /** What `node` currently believes: its epoch and (if known) that epoch's leader. */
  observeLeader(node: number, leaderId: number | null, epoch: number): void {
    const lastEpoch = this.#epochOf.get(node);
    if (lastEpoch !== undefined && epoch < lastEpoch) {
      throw new InvariantViolation(
        Invariant.MONOTONIC_EPOCH,
        `node ${node} went from epoch ${lastEpoch} back to ${epoch}`,
      );
    }
    this.#epochOf.set(node, epoch);
    if (leaderId === null || leaderId < 0) return;
    const known = this.#leaderOfEpoch.get(epoch);
    if (known === undefined) {
      this.#leaderOfEpoch.set(epoch, { leaderId, seenBy: node });
    } else if (known.leaderId !== leaderId) {
      throw new InvariantViolation(
        Invariant.SINGLE_LEADER,
        `epoch ${epoch} has two leaders: node ${known.seenBy} saw ${known.leaderId}, node ${node} sees ${leaderId}`,
      );
    }
  }

  /** `logEnd`, when given, is the node's log end offset, which its high watermark must not pass. */
  observeHighWatermark(node: number, incarnation: number, highWatermark: number, logEnd?: number): void {
    if (logEnd !== undefined && highWatermark > logEnd) {
      throw new InvariantViolation(
        Invariant.HIGH_WATERMARK_WITHIN_LOG,
        `node ${node} reports high watermark ${highWatermark} beyond its log end ${logEnd}`,
      );
    }
    const key = `${node}/${incarnation}`;
    const last = this.#highWatermarkOf.get(key);
    if (last !== undefined && highWatermark < last) {
      throw new InvariantViolation(
        Invariant.MONOTONIC_HIGH_WATERMARK,
        `node ${node} (incarnation ${incarnation}) high watermark went from ${last} back to ${highWatermark}`,
      );
    }
    this.#highWatermarkOf.set(key, highWatermark);
  }

  /** A batch handed to `node`'s handleCommit. */
  commit(node: number, incarnation: number, batch: ObservedCommit): void {
    const key = `${node}/${incarnation}`;
    const last = this.#lastCommittedOf.get(key) ?? -1;
    if (batch.baseOffset <= last) {
      throw new InvariantViolation(
        Invariant.COMMIT_ORDER,
        `node ${node} committed batch ${batch.baseOffset}..${batch.lastOffset} after offset ${last}`,
      );
    }
    if (batch.lastOffset - batch.baseOffset + 1 !== batch.values.length) {
      throw new InvariantViolation(
        Invariant.COMMIT_ORDER,
        `node ${node} committed batch ${batch.baseOffset}..${batch.lastOffset} with ${batch.values.length} records`,
      );
    }
    for (let i = 0; i < batch.values.length; i++) this.#record(node, batch.baseOffset + i, batch.values[i]!);
    this.#lastCommittedOf.set(key, batch.lastOffset);
  }

  /**
   * A snapshot handed to `node`'s handleLoadSnapshot: `endOffset` is the snapshot id's
   * offset (exclusive), `entries` the state machine's records below it.
   */
  loadSnapshot(node: number, incarnation: number, endOffset: number, entries: Iterable<[number, string]>): void {
    const key = `${node}/${incarnation}`;
    const last = this.#lastCommittedOf.get(key) ?? -1;
    if (endOffset - 1 < last) {
      throw new InvariantViolation(
        Invariant.COMMIT_ORDER,
        `node ${node} loaded a snapshot ending at ${endOffset} after committing offset ${last}`,
      );
    }
    for (const [offset, value] of entries) {
      if (offset >= endOffset) {
        throw new InvariantViolation(
          Invariant.CONSISTENT_COMMITS,
          `node ${node} loaded a snapshot ending at ${endOffset} holding offset ${offset}`,
        );
      }
      this.#record(node, offset, value);
    }
    this.#lastCommittedOf.set(key, endOffset - 1);
  }

  /**
   * What a leader answers DescribeQuorum with agrees with what it says elsewhere, names
   * every voter, and lists as observers only real observers (not necessarily all: a
   * leader elected a moment ago has not heard from them yet).
   */
  checkDescribeQuorum(
    leader: { id: number; epoch: number; highWatermark: number },
    description: QuorumDescription,
    voters: readonly number[],
    observers: readonly number[],
  ): void {
    const sorted = (ids: readonly number[]): number[] => [...ids].sort((a, b) => a - b);
    const described = sorted(description.currentVoters.map((r) => r.replicaId));
    const describedObservers = sorted(description.observers.map((r) => r.replicaId));
    const problems: string[] = [];
    if (description.leaderId !== leader.id) problems.push(`leaderId ${description.leaderId}`);
    if (description.leaderEpoch !== leader.epoch)
      problems.push(`leaderEpoch ${description.leaderEpoch} (epoch ${leader.epoch})`);
    if (description.highWatermark !== leader.highWatermark) {
      problems.push(`highWatermark ${description.highWatermark} (highWatermark() ${leader.highWatermark})`);
    }
    if (described.join() !== sorted(voters).join()) problems.push(`voters [${described}]`);
    if (
      describedObservers.some((id) => !observers.includes(id)) ||
      new Set(describedObservers).size !== describedObservers.length
    ) {
      problems.push(`observers [${describedObservers}]`);
    }
    if (problems.length > 0) {
      throw new InvariantViolation(
        Invariant.DESCRIBE_QUORUM,
        `leader ${leader.id} describes the quorum wrongly: ${problems.join(', ')}`,
      );
    }
  }

  /** The leader's append() resolved: `value` is committed at `offset`. */
  acknowledge(value: string, offset: number): void {
    if (this.#ackedValues.has(value)) throw new Error(`value ${value} acknowledged twice (workload bug)`);
    const other = this.#ackedAt.get(offset);
    if (other !== undefined) {
      throw new InvariantViolation(
        Invariant.ACKED_NOT_LOST,
        `offset ${offset} acknowledged for both ${other} and ${value}`,
      );
    }
    this.#ackedAt.set(offset, value);
    this.#ackedValues.set(value, offset);
    const committed = this.#committed.get(offset);
    if (committed !== undefined && committed !== value) {
      throw new InvariantViolation(
        Invariant.ACKED_NOT_LOST,
        `${value} acknowledged at offset ${offset}, but ${committed} is committed there`,
      );
    }
    const committedAt = this.#offsetOfValue.get(value);
    if (committedAt !== undefined && committedAt !== offset) {
      throw new InvariantViolation(
        Invariant.ACKED_NOT_LOST,
        `${value} acknowledged at offset ${offset}, but committed at ${committedAt}`,
      );
    }
  }

  /**
   * At the end: every node's state machine (`state`: offset -> value, from its snapshot
   * and commits in its current incarnation) holds every acknowledged append.
   */
  checkAllAcknowledged(node: number, state: ReadonlyMap<number, string>): void {
    for (const [offset, value] of this.#ackedAt) {
      const held = state.get(offset);
      if (held !== value) {
        throw new InvariantViolation(
          Invariant.ACKED_NOT_LOST,
          `node ${node} holds ${held ?? 'nothing'} at offset ${offset}, where ${value} was acknowledged`,
        );
      }
    }
  }

  #record(node: number, offset: number, value: string): void {
    const known = this.#committed.get(offset);
    if (known === undefined) {
      this.#committed.set(offset, value);
    } else if (known !== value) {
      throw new InvariantViolation(
        Invariant.CONSISTENT_COMMITS,
        `node ${node} committed ${value} at offset ${offset}, where ${known} was committed before`,
      );
    }
    const at = this.#offsetOfValue.get(value);
    if (at === undefined) {
      this.#offsetOfValue.set(value, offset);
    } else if (at !== offset) {
      throw new InvariantViolation(
        Invariant.UNIQUE_COMMIT,
        `node ${node} committed ${value} at offset ${offset}, but it is committed at ${at} already`,
      );
    }
    const acked = this.#ackedAt.get(offset);
    if (acked !== undefined && acked !== value) {
      throw new InvariantViolation(
        Invariant.ACKED_NOT_LOST,
        `node ${node} committed ${value} at offset ${offset}, where ${acked} was acknowledged`,
      );
    }
  }
}
