/**
 * Checks on blobs of record batches crossing the Raft seam: a follower appends what a
 * leader sent only when every batch is whole, magic 2, CRC-valid and follows the previous
 * one without a gap (Kafka's follower append validates the same), so a damaged response
 * never reaches the log.
 */

import { MAGIC_VALUE_V2, RECORD_BATCH_OVERHEAD, RecordBatchView } from '@gregor/protocol';

/** Splits a blob of whole batches; throws RangeError on a truncated or malformed blob. */
export function splitBatches(buf: Buffer): Buffer[] {
  const out: Buffer[] = [];
  const view = new RecordBatchView(buf, 0);
  let pos = 0;
  while (pos < buf.length) {
    if (buf.length - pos < RECORD_BATCH_OVERHEAD) {
      throw new RangeError(`partial batch header at byte ${pos} of ${buf.length}`);
    }
    view.moveTo(buf, pos);
    const size = view.sizeInBytes;
    if (size < RECORD_BATCH_OVERHEAD || pos + size > buf.length) {
      throw new RangeError(`batch at byte ${pos} claims ${size} bytes, ${buf.length - pos} left`);
    }
    out.push(buf.subarray(pos, pos + size));
    pos += size;
  }
  return out;
}

/**
 * Why `buf` may not be appended at `expectedBaseOffset` (the log end), or null when every
 * batch is whole, magic 2, CRC-valid and contiguous from there.
 */
export function checkFetchedBatches(buf: Buffer, expectedBaseOffset: number): string | null {
  let parts: Buffer[];
  try {
    parts = splitBatches(buf);
  } catch (e) {
    return (e as Error).message;
  }
  const view = new RecordBatchView(buf, 0);
  let next = expectedBaseOffset;
  for (const part of parts) {
    view.moveTo(part, 0);
    if (view.magic !== MAGIC_VALUE_V2) return `batch at offset ${view.baseOffset} has magic ${view.magic}`;
    if (view.baseOffset !== next) return `batch at offset ${view.baseOffset}, expected ${next}`;
    if (view.lastOffsetDelta < 0)
      return `batch at offset ${view.baseOffset} has lastOffsetDelta ${view.lastOffsetDelta}`;
    if (!view.isCrcValid()) return `batch at offset ${view.baseOffset} fails its CRC`;
    next = view.nextOffset;
  }
  return null;
}
