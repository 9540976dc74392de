/**
 * What the cleaner must know about producers and transactions before it removes
 * anything, gathered from one walk over the whole log (Kafka gets the same from its
 * producer state manager and the aborted-transaction index):
 *
 * - the outcome of every transaction: the first COMMIT or ABORT marker of the producer
 *   after a transactional batch decides it. Only markers below the high watermark count:
 *   a marker above it may still be truncated away, so its transaction is still open;
 * - the first unstable offset: where the oldest transaction without a (counted) marker
 *   starts. Nothing at or after it is cleaned;
 * - the last data batch of each producer: it is kept, empty if need be, so the producer's
 *   last sequence number survives compaction (Kafka's `RETAIN_EMPTY`).
 */
import { CONTROL_FLAG_MASK, ControlRecordType, readControlBatch, TRANSACTIONAL_FLAG_MASK } from '@gregor/protocol';
import type { BatchInfo } from '../log/batch-scan.js';

export const TxnOutcome = { COMMIT: 'commit', ABORT: 'abort', OPEN: 'open' } as const;
export type TxnOutcome = (typeof TxnOutcome)[keyof typeof TxnOutcome];

interface ProducerMarkers {
  offsets: number[];
  commits: boolean[];
}

/** The type of the transaction marker in the control batch at `at`, or -1 for any other control batch. */
export function markerType(buf: Buffer, at: number): number {
  const records = readControlBatch(buf, at);
  const first = records[0];
  if (first === undefined) return -1;
  return first.type === ControlRecordType.ABORT || first.type === ControlRecordType.COMMIT ? first.type : -1;
}

export function isControl(info: BatchInfo): boolean {
  return (info.attributes & CONTROL_FLAG_MASK) !== 0;
}

export function isTransactional(info: BatchInfo): boolean {
  return (info.attributes & TRANSACTIONAL_FLAG_MASK) !== 0;
}

export class TransactionScan {
  private readonly markers = new Map<number, ProducerMarkers>();
  /** Producer id -> first offset of its transaction that has no counted marker yet. */
  private readonly openTxns = new Map<number, number>();
  /** Producer id -> last offset of its last data batch in the log. */
  readonly lastDataOffsets = new Map<number, number>();
  /** Transaction markers seen below the high watermark. */
  markerCount = 0;

  constructor(private readonly highWatermark: number) {}

  /** Feeds the next batch of the log (in offset order). */
  visit(buf: Buffer, at: number, info: BatchInfo): void {
    const producerId = info.producerId;
    if (producerId < 0) return;
    if (isControl(info)) {
      if (!isTransactional(info) || info.recordCount === 0 || info.lastOffset >= this.highWatermark) return;
      const type = markerType(buf, at);
      if (type < 0) return;
      let markers = this.markers.get(producerId);
      if (markers === undefined) {
        markers = { offsets: [], commits: [] };
        this.markers.set(producerId, markers);
      }
      markers.offsets.push(info.lastOffset);
      markers.commits.push(type === ControlRecordType.COMMIT);
      this.openTxns.delete(producerId);
      this.markerCount++;
      return;
    }
    this.lastDataOffsets.set(producerId, info.lastOffset);
    if (isTransactional(info) && !this.openTxns.has(producerId)) this.openTxns.set(producerId, info.baseOffset);
  }

  /** The first offset of the oldest open transaction; MAX_SAFE_INTEGER when none is open. */
  firstUnstableOffset(): number {
    let first = Number.MAX_SAFE_INTEGER;
    for (const offset of this.openTxns.values()) if (offset < first) first = offset;
    return first;
  }

  /** How the transaction holding a batch of `producerId` ending at `lastOffset` ended. */
  outcome(producerId: number, lastOffset: number): TxnOutcome {
    const markers = this.markers.get(producerId);
    if (markers === undefined) return TxnOutcome.OPEN;
    // The first marker after the batch.
    const offsets = markers.offsets;
    let lo = 0;
    let hi = offsets.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((offsets[mid] as number) <= lastOffset) lo = mid + 1;
      else hi = mid;
    }
    if (lo === offsets.length) return TxnOutcome.OPEN;
    return markers.commits[lo] === true ? TxnOutcome.COMMIT : TxnOutcome.ABORT;
  }

  /** Whether the batch ending at `lastOffset` is the last data batch of its producer. */
  isLastOfProducer(producerId: number, lastOffset: number): boolean {
    return producerId >= 0 && this.lastDataOffsets.get(producerId) === lastOffset;
  }
}
