/**
 * A consumer's read of one partition this broker leads (the per-partition part of Fetch,
 * without the request, the session or the long poll): the leader epoch check (KIP-320),
 * the log start / log end range check, the read up to the high watermark
 * (read_uncommitted) or the last stable offset (read_committed, KIP-98) and, for
 * read_committed, the aborted transactions overlapping what was read, which the client
 * needs to drop aborted records. handlers/fetch.ts serves consumers through it, and so
 * does the replication simulation, so that what it checks is the broker's own read path.
 */
import { ErrorCode } from '@gregor/protocol';
import { AbortedTransaction, PartitionData } from '@gregor/protocol/generated/messages/fetch-response';
import type { ReadResult } from '@gregor/storage';
import { LogError } from '@gregor/storage';
import type { Partition } from './partition.js';

export const IsolationLevel = {
  READ_UNCOMMITTED: 0,
  READ_COMMITTED: 1,
} as const;
export type IsolationLevel = (typeof IsolationLevel)[keyof typeof IsolationLevel];

/** What a consumer asks of one partition. */
export interface ConsumerReadRequest {
  partition: number;
  fetchOffset: number;
  /** partitionMaxBytes. */
  maxBytes: number;
  /** -1: not checked (clients before KIP-320). */
  currentLeaderEpoch: number;
}

export interface ConsumerRead {
  data: PartitionData;
  /** Record bytes in `data.records`. */
  bytes: number;
  /** The log read whose pooled buffer the records are a view of: give it back with `log.releaseRead` once written. */
  read?: ReadResult;
}

/** A partition's answer with no data: offsets unknown (-1), as Kafka fills them for an error. */
export function partitionData(index: number, errorCode: number): PartitionData {
  const p = new PartitionData();
  p.partitionIndex = index;
  p.errorCode = errorCode;
  p.highWatermark = -1n;
  p.lastStableOffset = -1n;
  p.logStartOffset = -1n;
  p.abortedTransactions = null;
  p.records = null;
  return p;
}

/**
 * Reads for a consumer from `p` (which this broker leads: the caller looked it up).
 * `budget` is what is left of the response's maxBytes; `minOneBatch` lets the first
 * partition with data return one batch larger than that, so a consumer always progresses.
 */
export async function readForConsumer(
  p: Partition,
  w: ConsumerReadRequest,
  isolation: number,
  budget: number,
  minOneBatch: boolean,
): Promise<ConsumerRead> {
  const data = partitionData(w.partition, ErrorCode.NONE);
  if (w.currentLeaderEpoch >= 0 && w.currentLeaderEpoch !== p.leaderEpoch) {
    data.errorCode =
      w.currentLeaderEpoch > p.leaderEpoch ? ErrorCode.UNKNOWN_LEADER_EPOCH : ErrorCode.FENCED_LEADER_EPOCH;
    return { data, bytes: 0 };
  }
  const hw = p.highWatermark;
  // KIP-98: read_committed reads up to the last stable offset, below which every transaction is decided.
  const lso = p.lastStableOffset;
  data.highWatermark = BigInt(hw);
  data.lastStableOffset = BigInt(lso);
  data.logStartOffset = BigInt(p.logStartOffset);
  if (w.fetchOffset < p.logStartOffset || w.fetchOffset > p.logEndOffset) {
    data.errorCode = ErrorCode.OFFSET_OUT_OF_RANGE;
    return { data, bytes: 0 };
  }
  const committed = isolation === IsolationLevel.READ_COMMITTED;
  const limit = committed ? lso : hw;
  const maxBytes = Math.min(w.maxBytes, budget);
  if (w.fetchOffset >= limit || (maxBytes <= 0 && !minOneBatch)) {
    data.records = Buffer.alloc(0);
    if (committed) data.abortedTransactions = [];
    return { data, bytes: 0 };
  }
  try {
    const read = await p.log.read(w.fetchOffset, Math.max(0, maxBytes), limit, minOneBatch);
    data.records = read.records;
    if (committed) {
      data.abortedTransactions = p.log.collectAbortedTxns(w.fetchOffset, read.nextOffset).map((t) => {
        const a = new AbortedTransaction();
        a.producerId = BigInt(t.producerId);
        a.firstOffset = BigInt(t.firstOffset);
        return a;
      });
    }
    return { data, bytes: read.records.length, read };
  } catch (e) {
    if (e instanceof LogError) {
      data.errorCode = ErrorCode[e.errorCode];
      return { data, bytes: 0 };
    }
    throw e;
  }
}
