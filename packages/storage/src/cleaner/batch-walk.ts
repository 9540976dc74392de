/**
 * Walking the batches of a log for the cleaner: inactive segments straight from their
 * files in large chunks (they change only by whole-segment deletion or truncation, which
 * the walk notices as a read error or a short read), and the tail of the log through
 * `PartitionLog.read`, which knows where written data ends.
 */
import { BATCH_LENGTH_OFFSET, LOG_OVERHEAD } from '@gregor/protocol';
import type { BatchInfo } from '../log/batch-scan.js';
import { checkBatch, HEADER_BYTES, readBatchInfo } from '../log/batch-scan.js';
import type { PartitionLog } from '../log/log.js';
import type { LogSegment } from '../log/segment.js';
import { CleanerError } from './cleaner-error.js';

/** Bytes read at a time (a batch larger than this is read whole). */
export const CLEANER_READ_CHUNK_BYTES = 1024 * 1024;

/**
 * Receives each batch: `buf` holds it whole at `at` (a view valid after the call too).
 * Returns false to stop the walk.
 */
export type BatchVisitor = (buf: Buffer, at: number, info: BatchInfo) => boolean;

/**
 * Visits every batch of an inactive segment in order, checking each (and its CRC with
 * `checkCrc`). `afterChunk` runs after the batches of each chunk (the cleaner writes its
 * output there). Returns false when `visit` stopped the walk. Throws CleanerError when
 * the segment does not hold whole, valid batches up to its size.
 */
export async function walkSegment(
  segment: LogSegment,
  chunkBytes: number,
  checkCrc: boolean,
  visit: BatchVisitor,
  afterChunk?: () => Promise<void>,
): Promise<boolean> {
  const end = segment.size;
  let position = 0;
  let want = chunkBytes;
  while (position < end) {
    const length = Math.min(end - position, want);
    let buf: Buffer;
    try {
      buf = await segment.read(position, length);
    } catch (e) {
      // Most likely deleted under the walk (retention, DeleteRecords, truncation).
      throw new CleanerError(
        `segment ${segment.baseOffset} of ${segment.dir} could not be read: ${e instanceof Error ? e.message : String(e)}`,
        { cause: e },
      );
    }
    if (buf.length !== length) {
      throw new CleanerError(
        `segment ${segment.baseOffset} of ${segment.dir}: read ${buf.length} of ${length} bytes at ${position}`,
      );
    }
    let at = 0;
    let stopped = false;
    while (buf.length - at >= HEADER_BYTES) {
      const size = LOG_OVERHEAD + buf.readInt32BE(at + BATCH_LENGTH_OFFSET);
      if (size >= HEADER_BYTES && at + size > buf.length) break;
      const problem = checkBatch(buf, at, buf.length - at, checkCrc);
      if (problem !== null) {
        throw new CleanerError(
          `segment ${segment.baseOffset} of ${segment.dir}, batch at byte ${position + at}: ${problem}`,
        );
      }
      const info = readBatchInfo(buf, at, position + at);
      at += size;
      if (!visit(buf, at - size, info)) {
        stopped = true;
        break;
      }
    }
    if (afterChunk !== undefined) await afterChunk();
    if (stopped) return false;
    if (at === 0) {
      // The next batch is larger than the chunk: read it whole.
      const size = buf.length >= HEADER_BYTES ? LOG_OVERHEAD + buf.readInt32BE(BATCH_LENGTH_OFFSET) : 0;
      if (size <= buf.length || position + size > end) {
        throw new CleanerError(
          `segment ${segment.baseOffset} of ${segment.dir}: no whole batch at byte ${position} (${end - position} bytes left)`,
        );
      }
      want = size;
      continue;
    }
    want = chunkBytes;
    position += at;
  }
  return true;
}

/**
 * Visits the batches of the log from `fromOffset` (raised to the log start) to what has
 * reached the file, through `log.read`. Returns false when `visit` stopped the walk.
 */
export async function walkLogTail(
  log: PartitionLog,
  fromOffset: number,
  chunkBytes: number,
  visit: BatchVisitor,
): Promise<boolean> {
  let offset = Math.max(fromOffset, log.logStartOffset);
  while (offset < log.writtenOffset) {
    const { records, nextOffset } = await log.read(offset, chunkBytes);
    if (records.length === 0 || nextOffset <= offset) break;
    let at = 0;
    while (at < records.length) {
      const problem = checkBatch(records, at, records.length - at, false);
      if (problem !== null) throw new CleanerError(`log ${log.dir}, batch read at offset ${offset}: ${problem}`);
      const info = readBatchInfo(records, at, -1);
      if (!visit(records, at, info)) return false;
      at += info.size;
    }
    offset = nextOffset;
  }
  return true;
}
