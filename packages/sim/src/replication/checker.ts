/**
 * The invariants of partition replication, checked after every event of a run (and at
 * the end), against what the brokers' real Partition objects and logs hold:
 *
 * - single-leader-per-epoch: a broker acts as leader of a partition only at a leader
 *   epoch the controller gave it (so no two brokers lead one epoch);
 * - monotonic-leader-epoch / monotonic-high-watermark: per replica incarnation, the
 *   leader epoch never goes back, and a leader's high watermark never goes back while it
 *   leads (a follower adopts its leader's, which may be lower after a failover, as in
 *   Kafka) nor passes what its log holds;
 * - committed-data-agrees: every batch below any replica's high watermark is byte-equal
 *   to what any other replica exposed at that offset: replicas agree below the high
 *   watermark, and what a consumer could read (up to the high watermark) is never
 *   truncated and replaced;
 * - acknowledged-record-not-lost: an acks=-1 batch acknowledged at offset O is committed
 *   at O, and after the heal every acknowledged record is on the leader at its offset;
 * - idempotent-no-duplicates: an idempotent producer's record is committed once at most,
 *   however often its batch was retried (KIP-98);
 * - liveness-after-heal: checked by the simulation (every partition led, ISR = replicas,
 *   logs converged).
 */

import type { MetadataImage } from '@gregor/broker/internals/metadata/image';
import type { Partition } from '@gregor/broker/internals/partition/partition';
import { RecordBatchView, readAllRecords } from '@gregor/protocol';

export const ReplicationInvariant = {
  SINGLE_LEADER_PER_EPOCH: 'single-leader-per-epoch',
  MONOTONIC_LEADER_EPOCH: 'monotonic-leader-epoch',
  MONOTONIC_HIGH_WATERMARK: 'monotonic-high-watermark',
  COMMITTED_DATA_AGREES: 'committed-data-agrees',
  ACKNOWLEDGED_NOT_LOST: 'acknowledged-record-not-lost',
  IDEMPOTENT_NO_DUPLICATES: 'idempotent-no-duplicates',
  LIVENESS_AFTER_HEAL: 'liveness-after-heal',
  /** Controllers hold the same image at every metadata offset; none goes back (controller-checker.ts). */
  CONTROLLERS_AGREE: 'controllers-agree',
  /** The read_committed consumer never delivers aborted or undecided transactional data (transactions-checker.ts). */
  READ_COMMITTED_NO_ABORTED: 'read-committed-no-aborted',
  /** Per partition the consumer delivers strictly increasing offsets and no idempotent/transactional value twice. */
  READ_COMMITTED_IN_ORDER: 'read-committed-in-order',
  /** The consumer skips no committed record, and at the end delivered the whole committed history in order. */
  READ_COMMITTED_COMPLETE: 'read-committed-complete',
  /** No replica's last stable offset passes its high watermark. */
  LAST_STABLE_OFFSET_BELOW_HIGH_WATERMARK: 'last-stable-offset-below-hw',
} as const;
export type ReplicationInvariant = (typeof ReplicationInvariant)[keyof typeof ReplicationInvariant];

export class ReplicationInvariantViolation extends Error {
  readonly invariant: ReplicationInvariant;
  constructor(invariant: ReplicationInvariant, message: string) {
    super(`${invariant}: ${message}`);
    this.name = 'ReplicationInvariantViolation';
    this.invariant = invariant;
  }
}

/** Throws the violation of `invariant`. */
export function violation(invariant: ReplicationInvariant, message: string): never {
  throw new ReplicationInvariantViolation(invariant, message);
}

/** A committed batch: its offsets and its exact bytes (as every replica must hold them). */
export interface CommittedBatch {
  baseOffset: number;
  lastOffset: number;
  bytes: Buffer;
}

/** An acknowledged acks=-1 produce: the batch's records at baseOffset.. in order. */
export interface AckedBatch {
  tp: string;
  baseOffset: number;
  values: readonly string[];
  atMs: number;
}

interface ReplicaCursor {
  leaderEpoch: number;
  highWatermark: number;
  /** The leader epoch the replica led in when its high watermark was last seen (-1: following). */
  highWatermarkEpoch: number;
  /** Batches below this offset were compared with the committed history. */
  scanned: number;
}

/** The record values of a batch buffer (one or more whole batches), by offset. */
export function recordsOf(bytes: Buffer): { offset: number; value: string }[] {
  const out: { offset: number; value: string }[] = [];
  for (let at = 0; at + 61 <= bytes.length; ) {
    const v = new RecordBatchView(bytes, at);
    if (at + v.sizeInBytes > bytes.length) break;
    if (!v.isControl)
      for (const r of readAllRecords(bytes.subarray(at, at + v.sizeInBytes), 0))
        out.push({ offset: r.offset, value: r.value?.toString() ?? '' });
    at += v.sizeInBytes;
  }
  return out;
}

/** A batch for messages: its offsets, the leader epoch that wrote it, its record values. */
function describeBatch(bytes: Buffer): string {
  const v = new RecordBatchView(bytes, 0);
  return `offsets ${v.baseOffset}..${v.lastOffset} of leader epoch ${v.partitionLeaderEpoch} [${recordsOf(bytes)
    .map((r) => r.value)
    .join(',')}]`;
}

export type { ReplicaCursor };

export class ReplicationChecker {
  /** `${tp}/${leaderEpoch}` → the leader the controller named for it. */
  private readonly epochLeaders = new Map<string, number>();
  /** Committed history per partition: batches by base offset, contiguous from 0. */
  private readonly committed = new Map<string, Map<number, CommittedBatch>>();
  private readonly committedEnd = new Map<string, number>();
  private readonly cursors = new Map<string, ReplicaCursor>();
  /** Record values of idempotent producers' committed batches, per partition. */
  private readonly idempotentValues = new Map<string, Map<string, number>>();
  readonly acked: AckedBatch[] = [];
  checks = 0;

  /** Records the leader of every partition epoch of a committed metadata image. */
  observeImage(image: MetadataImage): void {
    for (const t of image.topicsByName.values()) {
      for (const p of t.partitions) {
        if (p === undefined) continue;
        const key = `${t.name}-${p.partitionId}/${p.leaderEpoch}`;
        const known = this.epochLeaders.get(key);
        if (known === undefined) this.epochLeaders.set(key, p.leader);
        else if (known !== p.leader)
          violation(
            ReplicationInvariant.SINGLE_LEADER_PER_EPOCH,
            `the controller named leaders ${known} and ${p.leader} for ${t.name}-${p.partitionId} epoch ${p.leaderEpoch}`,
          );
      }
    }
  }

  /** The synchronous checks of one replica (incarnation `incarnation` of `brokerId`). */
  observeReplica(brokerId: number, incarnation: number, p: Partition): ReplicaCursor {
    this.checks++;
    const tp = `${p.topic}-${p.partition}`;
    const key = `${brokerId}#${incarnation}/${tp}`;
    let c = this.cursors.get(key);
    if (c === undefined) {
      c = {
        leaderEpoch: p.leaderEpoch,
        highWatermark: p.highWatermark,
        highWatermarkEpoch: -1,
        scanned: p.logStartOffset,
      };
      this.cursors.set(key, c);
    }
    if (p.leaderEpoch < c.leaderEpoch)
      violation(
        ReplicationInvariant.MONOTONIC_LEADER_EPOCH,
        `broker ${brokerId} (incarnation ${incarnation}) went from leader epoch ${c.leaderEpoch} to ${p.leaderEpoch} on ${tp}`,
      );
    c.leaderEpoch = p.leaderEpoch;
    // The high watermark consumers see: a leader's, which only moves forward while it
    // leads. A follower takes its leader's (bounded by its own log end), and a new leader's
    // may lag behind the one it knew: Kafka's followers move back then too (they serve no
    // consumer), so followers are held to the committed-data check instead.
    if (p.isLeader) {
      if (c.highWatermarkEpoch === p.leaderEpoch && p.highWatermark < c.highWatermark)
        violation(
          ReplicationInvariant.MONOTONIC_HIGH_WATERMARK,
          `broker ${brokerId} (incarnation ${incarnation}), leader of ${tp} in epoch ${p.leaderEpoch}, moved the high watermark back from ${c.highWatermark} to ${p.highWatermark} (log end ${p.logEndOffset})`,
        );
      c.highWatermark = p.highWatermark;
      c.highWatermarkEpoch = p.leaderEpoch;
    } else c.highWatermarkEpoch = -1;
    if (p.highWatermark > p.log.writtenOffset)
      violation(
        ReplicationInvariant.MONOTONIC_HIGH_WATERMARK,
        `broker ${brokerId} (incarnation ${incarnation}) has the high watermark of ${tp} at ${p.highWatermark}, past what its log holds (${p.log.writtenOffset})`,
      );
    if (p.isLeader) {
      const named = this.epochLeaders.get(`${tp}/${p.leaderEpoch}`);
      if (named !== brokerId)
        violation(
          ReplicationInvariant.SINGLE_LEADER_PER_EPOCH,
          `broker ${brokerId} acts as leader of ${tp} in epoch ${p.leaderEpoch}, which the controller gave to ${named ?? 'nobody'}`,
        );
    }
    if (c.scanned > p.logEndOffset) c.scanned = Math.max(p.logStartOffset, p.logEndOffset);
    return c;
  }

  /** Whether `observeReplica`'s cursor has batches below the high watermark left to compare. */
  needsScan(c: ReplicaCursor, p: Partition): boolean {
    return c.scanned < p.highWatermark;
  }

  /**
   * Compares the replica's batches below its high watermark with the committed history
   * (adding those past its end): byte-equal or a violation.
   */
  async scan(brokerId: number, c: ReplicaCursor, p: Partition): Promise<void> {
    const tp = `${p.topic}-${p.partition}`;
    const hw = p.highWatermark;
    while (c.scanned < hw) {
      const read = await p.log.read(c.scanned, 1 << 20, p.log.writtenOffset, true);
      const bytes = Buffer.from(read.records);
      p.log.releaseRead(read);
      if (bytes.length === 0) break;
      let progressed = false;
      for (let at = 0; at + 61 <= bytes.length; ) {
        const v = new RecordBatchView(bytes, at);
        const size = v.sizeInBytes;
        if (v.lastOffset >= hw || at + size > bytes.length) break;
        if (v.lastOffset >= c.scanned)
          this.compare(tp, brokerId, v.baseOffset, v.lastOffset, bytes.subarray(at, at + size));
        c.scanned = v.lastOffset + 1;
        progressed = true;
        at += size;
      }
      if (!progressed) break;
    }
  }

  private compare(tp: string, brokerId: number, baseOffset: number, lastOffset: number, batch: Buffer): void {
    let history = this.committed.get(tp);
    if (history === undefined) {
      history = new Map();
      this.committed.set(tp, history);
    }
    const end = this.committedEnd.get(tp) ?? 0;
    const known = history.get(baseOffset);
    if (known !== undefined) {
      if (known.lastOffset !== lastOffset || !known.bytes.equals(batch))
        violation(
          ReplicationInvariant.COMMITTED_DATA_AGREES,
          `broker ${brokerId} holds a different batch at ${tp} offset ${baseOffset} below its high watermark: ` +
            `${describeBatch(batch)} where ${describeBatch(known.bytes)} was committed`,
        );
      return;
    }
    if (baseOffset !== end)
      violation(
        ReplicationInvariant.COMMITTED_DATA_AGREES,
        `broker ${brokerId} has a batch at ${tp} offsets ${baseOffset}..${lastOffset} below its high watermark that does not line up with the committed history (which ends at ${end})`,
      );
    if (new RecordBatchView(batch, 0).producerId >= 0) {
      let seen = this.idempotentValues.get(tp);
      if (seen === undefined) {
        seen = new Map();
        this.idempotentValues.set(tp, seen);
      }
      for (const r of recordsOf(batch)) {
        const first = seen.get(r.value);
        if (first !== undefined)
          violation(
            ReplicationInvariant.IDEMPOTENT_NO_DUPLICATES,
            `${tp}: the idempotent producer's record ${r.value} is committed twice, at offsets ${first} and ${r.offset}`,
          );
        seen.set(r.value, r.offset);
      }
    }
    history.set(baseOffset, { baseOffset, lastOffset, bytes: Buffer.from(batch) });
    this.committedEnd.set(tp, lastOffset + 1);
  }

  /** An acks=-1 produce was acknowledged: its records must be (or become) committed there. */
  acknowledge(batch: AckedBatch): void {
    this.acked.push(batch);
  }

  /**
   * Every acknowledged batch whose offsets the committed history already covers is in it,
   * record for record (an acknowledgement means the high watermark passed it).
   */
  checkAcknowledged(final: boolean): void {
    for (const a of this.acked) {
      const end = this.committedEnd.get(a.tp) ?? 0;
      const last = a.baseOffset + a.values.length - 1;
      if (last >= end) {
        if (final)
          violation(
            ReplicationInvariant.ACKNOWLEDGED_NOT_LOST,
            `${a.tp} offsets ${a.baseOffset}..${last} ([${a.values.join(',')}]) were acknowledged at ${a.atMs} ms but the committed log ends at ${end}`,
          );
        continue;
      }
      const batch = this.committed.get(a.tp)?.get(a.baseOffset);
      const values = batch === undefined ? [] : recordsOf(batch.bytes).map((r) => r.value);
      if (batch === undefined || values.join('\u0000') !== a.values.join('\u0000'))
        violation(
          ReplicationInvariant.ACKNOWLEDGED_NOT_LOST,
          `${a.tp} offset ${a.baseOffset}: acknowledged [${a.values.join(',')}] at ${a.atMs} ms, but the committed log holds ${
            batch === undefined ? 'no batch starting there' : `[${values.join(',')}]`
          }`,
        );
    }
  }

  /** Where the committed history of `tp` ends. */
  committedEndOf(tp: string): number {
    return this.committedEnd.get(tp) ?? 0;
  }

  committedBatches(tp: string): ReadonlyMap<number, CommittedBatch> {
    return this.committed.get(tp) ?? new Map();
  }

  /** Forgets the cursors of a dead incarnation. */
  forget(brokerId: number, incarnation: number): void {
    const prefix = `${brokerId}#${incarnation}/`;
    for (const key of [...this.cursors.keys()]) if (key.startsWith(prefix)) this.cursors.delete(key);
  }
}
