/**
 * The invariants of transactions and the read_committed consumer (transactions.ts),
 * checked as the consumer delivers records, after every event and at the end:
 *
 * - read-committed-no-aborted: a delivered value never belongs to an aborted
 *   transaction, nor to one not yet decided when it was delivered (the decision is
 *   recorded before any marker is written, as a coordinator logs PrepareCommit first);
 * - read-committed-in-order: per partition, delivered offsets strictly increase, and no
 *   value of an idempotent or transactional producer is delivered twice (a plain
 *   producer's retried batch may be in the log twice, and is then read twice);
 * - read-committed-complete: what the consumer delivered up to its last delivered offset
 *   is exactly the committed history there, filtered as read_committed must (a skipped
 *   committed record is found as soon as a later one is delivered), and at the end it
 *   delivered the whole committed history of every partition (committed transactions'
 *   values and every non-transactional record), in its order;
 * - last-stable-offset-below-hw: no replica's last stable offset passes its high watermark.
 *
 * The committed history is the replication checker's (every batch any replica exposed
 * below a high watermark, byte-equal across replicas).
 */
import type { Partition } from '@gregor/broker/internals/partition/partition';
import { RecordBatchView } from '@gregor/protocol';
import type { CommittedBatch } from './checker.js';
import { ReplicationInvariant, recordsOf, violation } from './checker.js';

export type TxnStatus = 'open' | 'committed' | 'aborted';

interface TxnInfo {
  readonly key: string;
  readonly producerId: number;
  readonly producerEpoch: number;
  status: TxnStatus;
  readonly values: string[];
}

interface Delivery {
  offset: number;
  value: string;
}

export class TransactionChecker {
  private readonly txns = new Map<string, TxnInfo>();
  private readonly txnOfValue = new Map<string, TxnInfo>();
  /** Per partition: what the consumer delivered, in order. */
  private readonly delivered = new Map<string, Delivery[]>();
  /** Values of idempotent / transactional producers delivered (each at most once). */
  private readonly deliveredOnce = new Map<string, string>();
  /** Per partition: how far the delivered records were compared with the committed history. */
  private readonly verified = new Map<string, { nextOffset: number; index: number }>();
  /** Position resets of the consumer (OFFSET_OUT_OF_RANGE), for messages. */
  private readonly resets: string[] = [];

  /** A transaction starts (before any of its batches is sent). */
  begin(key: string, producerId: number, producerEpoch: number): void {
    if (this.txns.has(key)) throw new Error(`transaction ${key} begun twice`);
    this.txns.set(key, { key, producerId, producerEpoch, status: 'open', values: [] });
  }

  /** Values of a batch of transaction `key` (before the batch is sent). */
  addValues(key: string, values: readonly string[]): void {
    const t = this.txn(key);
    for (const v of values) {
      t.values.push(v);
      this.txnOfValue.set(v, t);
    }
  }

  /** The coordinator's decision, recorded before any marker is written. */
  decide(key: string, commit: boolean): void {
    const t = this.txn(key);
    if (t.status !== 'open') throw new Error(`transaction ${key} decided twice`);
    t.status = commit ? 'committed' : 'aborted';
  }

  private txn(key: string): TxnInfo {
    const t = this.txns.get(key);
    if (t === undefined) throw new Error(`unknown transaction ${key}`);
    return t;
  }

  /** The consumer moved its position after OFFSET_OUT_OF_RANGE (Kafka's auto.offset.reset). */
  reset(tp: string, from: number, to: number, atMs: number): void {
    this.resets.push(`${tp} reset from ${from} to ${to} at ${atMs} ms after OFFSET_OUT_OF_RANGE`);
  }

  /** The read_committed consumer hands `value` at `tp` `offset` to its application. */
  deliver(tp: string, offset: number, value: string, atMs: number): void {
    const t = this.txnOfValue.get(value);
    if (t !== undefined && t.status !== 'committed')
      violation(
        ReplicationInvariant.READ_COMMITTED_NO_ABORTED,
        `the read_committed consumer delivered ${value} (${tp} offset ${offset}) at ${atMs} ms, of transaction ${t.key} (producer ${t.producerId} epoch ${t.producerEpoch}), which is ${
          t.status === 'aborted' ? 'aborted' : 'not decided yet'
        }`,
      );
    let list = this.delivered.get(tp);
    if (list === undefined) {
      list = [];
      this.delivered.set(tp, list);
    }
    const last = list[list.length - 1];
    if (last !== undefined && offset <= last.offset)
      violation(
        ReplicationInvariant.READ_COMMITTED_IN_ORDER,
        `the read_committed consumer delivered ${tp} offset ${offset} (${value}) at ${atMs} ms after offset ${last.offset} (${last.value})`,
      );
    // Idempotent (i…) and transactional (t…) values are in the log once; plain ones may be twice.
    if (value.startsWith('i') || value.startsWith('t')) {
      const before = this.deliveredOnce.get(value);
      if (before !== undefined)
        violation(
          ReplicationInvariant.READ_COMMITTED_IN_ORDER,
          `the read_committed consumer delivered ${value} twice: at ${before} and at ${tp} offset ${offset} (${atMs} ms)`,
        );
      this.deliveredOnce.set(value, `${tp} offset ${offset}`);
    }
    list.push({ offset, value });
  }

  /** The last stable offset of a replica never passes its high watermark. */
  observeReplica(brokerId: number, p: Partition): void {
    const lso = p.lastStableOffset;
    if (lso > p.highWatermark)
      violation(
        ReplicationInvariant.LAST_STABLE_OFFSET_BELOW_HIGH_WATERMARK,
        `broker ${brokerId} ${p.isLeader ? 'leader' : 'follower'} of ${p.topic}-${p.partition}: last stable offset ${lso} above the high watermark ${p.highWatermark}`,
      );
  }

  /**
   * Compares what the consumer delivered with the committed history, as far as both go
   * (incremental; `final`: to the end of both, which must then match entirely).
   */
  checkDelivered(
    tp: string,
    committed: ReadonlyMap<number, CommittedBatch>,
    committedEnd: number,
    final: boolean,
  ): void {
    const list = this.delivered.get(tp) ?? [];
    let v = this.verified.get(tp);
    if (v === undefined) {
      v = { nextOffset: 0, index: 0 };
      this.verified.set(tp, v);
    }
    const lastDelivered = list[list.length - 1]?.offset ?? -1;
    // A committed record skipped is a completeness failure, found as soon as a later one is delivered.
    const invariant = ReplicationInvariant.READ_COMMITTED_COMPLETE;
    const context = (): string => {
      const resets = this.resets.filter((r) => r.startsWith(`${tp} `));
      return resets.length === 0 ? '' : ` (consumer: ${resets.join('; ')})`;
    };
    while (v.nextOffset < committedEnd) {
      const batch = committed.get(v.nextOffset);
      if (batch === undefined) throw new Error(`the committed history of ${tp} has no batch at ${v.nextOffset}`);
      // Incremental: only below what was delivered, where nothing may be missing any more.
      if (!final && batch.lastOffset > lastDelivered) return;
      const view = new RecordBatchView(batch.bytes, 0);
      let expected: { offset: number; value: string }[] = [];
      if (!view.isControl) {
        const records = recordsOf(batch.bytes);
        if (view.isTransactional) {
          const t = this.txnOfValue.get(records[0]?.value ?? '');
          if (t === undefined)
            throw new Error(`a transactional batch at ${tp} ${batch.baseOffset} of no known transaction`);
          if (t.status === 'open') {
            if (!final) return; // not decided yet: judged later
            violation(invariant, `transaction ${t.key} at ${tp} offset ${batch.baseOffset} was never decided`);
          }
          if (t.status === 'committed') expected = records;
        } else expected = records;
      }
      for (const e of expected) {
        const d = list[v.index];
        if (d === undefined || d.offset !== e.offset || d.value !== e.value)
          violation(
            invariant,
            `the read_committed consumer ${
              d === undefined ? 'never delivered' : `delivered ${tp} offset ${d.offset} (${d.value}) instead of`
            } the committed ${e.value} at ${tp} offset ${e.offset}${context()}`,
          );
        v.index++;
      }
      v.nextOffset = batch.lastOffset + 1;
    }
    if (final && v.index < list.length) {
      const d = list[v.index] as Delivery;
      violation(
        invariant,
        `the read_committed consumer delivered ${d.value} at ${tp} offset ${d.offset}, past the committed history (which ends at ${committedEnd})`,
      );
    }
  }

  /** Every committed transaction's values were delivered (after `checkDelivered(final)` of every partition). */
  checkCommittedDelivered(): void {
    for (const t of this.txns.values()) {
      if (t.status === 'open')
        violation(ReplicationInvariant.READ_COMMITTED_COMPLETE, `transaction ${t.key} was never decided`);
      if (t.status !== 'committed') continue;
      for (const value of t.values)
        if (!this.deliveredOnce.has(value))
          violation(
            ReplicationInvariant.READ_COMMITTED_COMPLETE,
            `${value} of the committed transaction ${t.key} (producer ${t.producerId} epoch ${t.producerEpoch}) was never delivered`,
          );
    }
  }
}
