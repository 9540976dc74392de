/**
 * Rewriting one record batch with fewer records, as Kafka's `MemoryRecords.filterTo`
 * does: offsets are never renumbered. The new batch keeps the old one's baseOffset,
 * lastOffsetDelta (so the producer's last sequence, baseSequence + lastOffsetDelta, stays
 * right), producer id, epoch and baseSequence, transactional and control flags, partition
 * leader epoch, codec and timestamp type; each kept record keeps its offsetDelta and
 * timestamp. maxTimestamp becomes the largest timestamp kept (the append time under
 * LogAppendTime).
 */
import type { BuildRecordBatchOptions, CompressionType, KafkaRecord, RecordInput } from '@gregor/protocol';
import {
  ATTRIBUTES_OFFSET,
  BASE_OFFSET_OFFSET,
  BASE_SEQUENCE_OFFSET,
  BASE_TIMESTAMP_OFFSET,
  BATCH_LENGTH_OFFSET,
  buildRecordBatch,
  CONTROL_FLAG_MASK,
  LAST_OFFSET_DELTA_OFFSET,
  LOG_OVERHEAD,
  MAGIC_OFFSET,
  MAGIC_VALUE_V2,
  MAX_TIMESTAMP_OFFSET,
  PARTITION_LEADER_EPOCH_OFFSET,
  PRODUCER_EPOCH_OFFSET,
  PRODUCER_ID_OFFSET,
  RECORD_BATCH_OVERHEAD,
  RECORD_COUNT_OFFSET,
  RecordBatchView,
  TIMESTAMP_TYPE_MASK,
  TimestampType,
  TRANSACTIONAL_FLAG_MASK,
  writeCrc,
} from '@gregor/protocol';

/**
 * The latest delete horizon the cleaner writes: record timestamps are stored relative to
 * it, and the difference must stay an exact number.
 */
export const DELETE_HORIZON_MAX_MS = 2 ** 52;

/**
 * The batch at `at` with only `records` (some of its records, in order), and with the
 * KIP-534 delete horizon `deleteHorizonMs` (-1: none).
 */
export function rebuildBatch(
  buf: Buffer,
  at: number,
  records: readonly KafkaRecord[],
  deleteHorizonMs: number,
): Buffer {
  const view = new RecordBatchView(buf, at);
  const baseOffset = view.baseOffset;
  const inputs: RecordInput[] = [];
  for (let i = 0; i < records.length; i++) {
    const r = records[i] as KafkaRecord;
    inputs.push({
      key: r.key,
      value: r.value,
      headers: r.headers,
      timestamp: r.timestamp,
      offsetDelta: r.offset - baseOffset,
    });
  }
  const timestampType = view.timestampType;
  const options: BuildRecordBatchOptions = {
    baseOffset,
    partitionLeaderEpoch: view.partitionLeaderEpoch,
    records: inputs,
    compression: view.compression as CompressionType,
    producerId: view.producerId,
    producerEpoch: view.producerEpoch,
    baseSequence: view.baseSequence,
    transactional: view.isTransactional,
    control: view.isControl,
    timestampType,
    lastOffsetDelta: view.lastOffsetDelta,
    ...(timestampType === TimestampType.LOG_APPEND_TIME ? { logAppendTime: view.maxTimestamp } : {}),
    ...(deleteHorizonMs >= 0 ? { deleteHorizonMs: Math.min(deleteHorizonMs, DELETE_HORIZON_MAX_MS) } : {}),
  };
  return buildRecordBatch(options);
}

/**
 * The batch at `at` with no records: what Kafka keeps of a producer's last batch when
 * every record in it was removed (`DefaultRecordBatch.writeEmptyHeader`): the same
 * offsets, producer fields and flags, no codec, both timestamps the old maxTimestamp.
 */
export function emptyBatch(buf: Buffer, at: number): Buffer {
  const view = new RecordBatchView(buf, at);
  const out = Buffer.alloc(RECORD_BATCH_OVERHEAD);
  out.writeBigInt64BE(BigInt(view.baseOffset), BASE_OFFSET_OFFSET);
  out.writeInt32BE(RECORD_BATCH_OVERHEAD - LOG_OVERHEAD, BATCH_LENGTH_OFFSET);
  out.writeInt32BE(view.partitionLeaderEpoch, PARTITION_LEADER_EPOCH_OFFSET);
  out.writeInt8(MAGIC_VALUE_V2, MAGIC_OFFSET);
  let attributes = 0;
  if (view.timestampType === TimestampType.LOG_APPEND_TIME) attributes |= TIMESTAMP_TYPE_MASK;
  if (view.isTransactional) attributes |= TRANSACTIONAL_FLAG_MASK;
  if (view.isControl) attributes |= CONTROL_FLAG_MASK;
  out.writeInt16BE(attributes, ATTRIBUTES_OFFSET);
  out.writeInt32BE(view.lastOffsetDelta, LAST_OFFSET_DELTA_OFFSET);
  out.writeBigInt64BE(BigInt(view.maxTimestamp), BASE_TIMESTAMP_OFFSET);
  out.writeBigInt64BE(BigInt(view.maxTimestamp), MAX_TIMESTAMP_OFFSET);
  out.writeBigInt64BE(BigInt(view.producerId), PRODUCER_ID_OFFSET);
  out.writeInt16BE(view.producerEpoch, PRODUCER_EPOCH_OFFSET);
  out.writeInt32BE(view.baseSequence, BASE_SEQUENCE_OFFSET);
  out.writeInt32BE(0, RECORD_COUNT_OFFSET);
  writeCrc(out, 0);
  return out;
}
