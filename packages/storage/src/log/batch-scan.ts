/**
 * Reading record batch headers straight from log bytes. The log never decodes records
 * on its hot paths: it needs only each batch's offsets, size and timestamps, all in the
 * 61-byte header (see ../shared/kafka-protocol/README.md).
 */
import {
  ATTRIBUTES_OFFSET,
  BASE_OFFSET_OFFSET,
  BATCH_LENGTH_OFFSET,
  CRC_OFFSET,
  crc32c,
  LAST_OFFSET_DELTA_OFFSET,
  LOG_OVERHEAD,
  MAGIC_OFFSET,
  MAX_TIMESTAMP_OFFSET,
  PARTITION_LEADER_EPOCH_OFFSET,
  PRODUCER_EPOCH_OFFSET,
  PRODUCER_ID_OFFSET,
  RECORD_BATCH_OVERHEAD,
  RECORD_COUNT_OFFSET,
  readInt64Number,
} from '@gregor/protocol';
import type { DiskFile } from '../disk.js';

/** The whole 61-byte batch header (Kafka's RECORD_BATCH_OVERHEAD). */
export const HEADER_BYTES = RECORD_BATCH_OVERHEAD;

export interface BatchInfo {
  /** Byte position of the batch in its segment file. */
  position: number;
  /** Whole batch size in bytes (12 + batchLength). */
  size: number;
  baseOffset: number;
  lastOffset: number;
  maxTimestamp: number;
  partitionLeaderEpoch: number;
  recordCount: number;
  attributes: number;
  producerId: number;
  producerEpoch: number;
}

/** Reads the header at `at` (which must hold HEADER_BYTES bytes). */
export function readBatchInfo(buf: Buffer, at: number, position: number): BatchInfo {
  const baseOffset = readInt64Number(buf, at + BASE_OFFSET_OFFSET);
  return {
    position,
    size: LOG_OVERHEAD + buf.readInt32BE(at + BATCH_LENGTH_OFFSET),
    baseOffset,
    lastOffset: baseOffset + buf.readInt32BE(at + LAST_OFFSET_DELTA_OFFSET),
    maxTimestamp: readInt64Number(buf, at + MAX_TIMESTAMP_OFFSET),
    partitionLeaderEpoch: buf.readInt32BE(at + PARTITION_LEADER_EPOCH_OFFSET),
    recordCount: buf.readInt32BE(at + RECORD_COUNT_OFFSET),
    attributes: buf.readInt16BE(at + ATTRIBUTES_OFFSET),
    producerId: readInt64Number(buf, at + PRODUCER_ID_OFFSET),
    producerEpoch: buf.readInt16BE(at + PRODUCER_EPOCH_OFFSET),
  };
}

/**
 * Checks the batch at `at` in `buf` (with `available` bytes from `at`): complete, magic
 * 2, a sane length and offsets, and (when `checkCrc`) its CRC-32C. Returns null when it
 * is good, else why it is not.
 */
export function checkBatch(buf: Buffer, at: number, available: number, checkCrc: boolean): string | null {
  if (available < HEADER_BYTES) return `${available} bytes left, too few for a batch header`;
  const batchLength = buf.readInt32BE(at + BATCH_LENGTH_OFFSET);
  if (batchLength < HEADER_BYTES - LOG_OVERHEAD) return `batch length ${batchLength} is too small`;
  if (LOG_OVERHEAD + batchLength > available)
    return `batch of ${LOG_OVERHEAD + batchLength} bytes is cut off after ${available}`;
  const magic = buf.readInt8(at + MAGIC_OFFSET);
  if (magic !== 2) return `magic ${magic}`;
  const baseOffset = readInt64Number(buf, at + BASE_OFFSET_OFFSET);
  const lastOffsetDelta = buf.readInt32BE(at + LAST_OFFSET_DELTA_OFFSET);
  if (!Number.isSafeInteger(baseOffset) || baseOffset < 0 || lastOffsetDelta < 0) return 'bad offsets';
  if (checkCrc) {
    const expected = buf.readUInt32BE(at + CRC_OFFSET);
    const actual = crc32c(buf.subarray(at + ATTRIBUTES_OFFSET, at + LOG_OVERHEAD + batchLength));
    if (expected !== actual) return `CRC mismatch (stored ${expected.toString(16)}, computed ${actual.toString(16)})`;
  }
  return null;
}

/**
 * Reads exactly `length` bytes at `position` unless the file ends first; returns what
 * was read, into `into` when given (it must hold `length` bytes).
 */
export async function readFully(file: DiskFile, position: number, length: number, into?: Buffer): Promise<Buffer> {
  const buf = into ?? Buffer.allocUnsafe(length);
  let got = 0;
  while (got < length) {
    const n = await file.read(buf, got, length - got, position + got);
    if (n === 0) break;
    got += n;
  }
  return got === buf.length ? buf : buf.subarray(0, got);
}

/** Chunk size for scanning a segment. */
export const SCAN_CHUNK_BYTES = 256 * 1024;

/**
 * Walks the batches of a file from `position` to `end`, reading in large chunks.
 * `visit` returns false to stop. Returns the position where the walk stopped and, when
 * it stopped at a bad batch, why.
 */
export async function scanBatches(
  file: DiskFile,
  position: number,
  end: number,
  checkCrc: boolean,
  visit: (info: BatchInfo) => boolean,
): Promise<{ position: number; error: string | null }> {
  let chunk: Buffer = Buffer.alloc(0);
  let chunkStart = position;
  let pos = position;
  while (pos < end) {
    let at = pos - chunkStart;
    if (
      chunk.length - at < HEADER_BYTES ||
      chunk.length - at < LOG_OVERHEAD + chunk.readInt32BE(at + BATCH_LENGTH_OFFSET)
    ) {
      // Refill from `pos`, large enough for the next batch (its length is in its header).
      const head = await readFully(file, pos, Math.min(HEADER_BYTES, end - pos));
      if (head.length < HEADER_BYTES)
        return { position: pos, error: `${end - pos} bytes at the end, too few for a batch header` };
      const size = LOG_OVERHEAD + head.readInt32BE(BATCH_LENGTH_OFFSET);
      const want = Math.min(end - pos, Math.max(SCAN_CHUNK_BYTES, size));
      chunk = await readFully(file, pos, want);
      chunkStart = pos;
      at = 0;
    }
    const problem = checkBatch(chunk, at, Math.min(chunk.length - at, end - pos), checkCrc);
    if (problem !== null) return { position: pos, error: problem };
    const info = readBatchInfo(chunk, at, pos);
    pos += info.size;
    if (!visit(info)) break;
  }
  return { position: pos, error: null };
}
