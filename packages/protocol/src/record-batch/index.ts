/**
 * Record batches (magic 2): header view and in-place patches, header-only validation for
 * the broker's hot path, record decoding, building, and control records.
 */

export type { BuildRecordBatchOptions, RecordHeaderInput, RecordInput } from './builder.js';
export { buildRecordBatch } from './builder.js';
export type {
  BuildControlBatchOptions,
  ControlRecord,
  ControlRecordKey,
  EndTransactionMarker,
} from './control.js';
export {
  buildControlBatch,
  CONTROL_RECORD_KEY_VERSION,
  ControlRecordType,
  END_TRANSACTION_MARKER_VERSION,
  parseControlRecordKey,
  parseEndTransactionMarker,
  readControlBatch,
} from './control.js';
export { RecordBatchError, RecordBatchErrorCode, recordBatchErrorName } from './errors.js';
export {
  ATTRIBUTES_OFFSET,
  BASE_OFFSET_OFFSET,
  BASE_SEQUENCE_OFFSET,
  BASE_TIMESTAMP_OFFSET,
  BATCH_LENGTH_MIN,
  BATCH_LENGTH_OFFSET,
  COMPRESSION_CODEC_MASK,
  CONTROL_FLAG_MASK,
  CRC_OFFSET,
  CRC_START_OFFSET,
  DELETE_HORIZON_FLAG_MASK,
  incrementSequence,
  LAST_OFFSET_DELTA_OFFSET,
  LOG_OVERHEAD,
  MAGIC_OFFSET,
  MAGIC_VALUE_V2,
  MAX_TIMESTAMP_OFFSET,
  NO_PARTITION_LEADER_EPOCH,
  NO_PRODUCER_EPOCH,
  NO_PRODUCER_ID,
  NO_SEQUENCE,
  NO_TIMESTAMP,
  PARTITION_LEADER_EPOCH_OFFSET,
  PRODUCER_EPOCH_OFFSET,
  PRODUCER_ID_OFFSET,
  RECORD_BATCH_OVERHEAD,
  RECORD_COUNT_OFFSET,
  RECORDS_OFFSET,
  RecordBatchView,
  readInt64Number,
  rewriteBaseOffset,
  setLogAppendTime,
  setMaxTimestamp,
  setPartitionLeaderEpoch,
  TIMESTAMP_TYPE_MASK,
  TimestampType,
  TRANSACTIONAL_FLAG_MASK,
  writeCrc,
} from './header.js';
export type { KafkaRecord, ReadRecordsOptions, RecordHeader } from './records.js';
export {
  batchRecordsBytes,
  batchRecordsBytesAsync,
  checkBatchRecords,
  checkBatchRecordsAsync,
  DECOMPRESSED_BYTES_MAX_DEFAULT,
  RecordIterator,
  readAllRecords,
  readRecords,
  readRecordsAsync,
} from './records.js';
export type { ValidateRecordBatchesOptions } from './validate.js';
export { RECORD_SIZE_MIN, RecordBatchesSummary, validateRecordBatches } from './validate.js';
