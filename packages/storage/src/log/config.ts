/**
 * Per-log settings, with Kafka's topic-level names and defaults (the broker maps the
 * `log.*` broker defaults and topic configs onto these).
 */
export type CleanupPolicy = 'delete' | 'compact';

export interface LogConfig {
  /** segment.bytes: roll when the active segment would exceed this. */
  segmentBytes: number;
  /** segment.ms: roll when the active segment's first batch is older than this. */
  segmentMs: number;
  /** segment.index.bytes: roll when the offset index would exceed this. */
  segmentIndexBytes: number;
  /** index.interval.bytes: bytes of batches between offset index entries. */
  indexIntervalBytes: number;
  /** flush.messages: fsync after this many records. */
  flushMessages: number;
  /** flush.ms: fsync when this long has passed since the last one (needs a scheduler calling flushIfDue). */
  flushMs: number;
  /** retention.ms: delete segments older than this; -1 keeps them forever. */
  retentionMs: number;
  /** retention.bytes: delete the oldest segments while the log is larger than this; -1 for no limit. */
  retentionBytes: number;
  /** cleanup.policy: 'delete', 'compact' or both. */
  cleanupPolicy: readonly CleanupPolicy[];
  /** min.compaction.lag.ms: records younger than this are never compacted. */
  minCompactionLagMs: number;
  /** max.compaction.lag.ms: a log with records older than this is compacted regardless of dirty ratio. */
  maxCompactionLagMs: number;
  /** delete.retention.ms: how long tombstones (and markers of finished transactions) survive compaction. */
  deleteRetentionMs: number;
  /** min.cleanable.dirty.ratio: compact when this share of the log is uncompacted. */
  minCleanableDirtyRatio: number;
  /**
   * Gregor: an append settles only after its bytes are fsynced (group commit). On a
   * single node this is what acks=all means.
   */
  durable: boolean;
}

export const DEFAULT_LOG_CONFIG: Readonly<LogConfig> = Object.freeze({
  segmentBytes: 1024 * 1024 * 1024,
  segmentMs: 7 * 24 * 60 * 60 * 1000,
  segmentIndexBytes: 10 * 1024 * 1024,
  indexIntervalBytes: 4096,
  flushMessages: Number.MAX_SAFE_INTEGER,
  flushMs: Number.MAX_SAFE_INTEGER,
  retentionMs: 7 * 24 * 60 * 60 * 1000,
  retentionBytes: -1,
  cleanupPolicy: Object.freeze(['delete'] as CleanupPolicy[]),
  minCompactionLagMs: 0,
  maxCompactionLagMs: Number.MAX_SAFE_INTEGER,
  deleteRetentionMs: 24 * 60 * 60 * 1000,
  minCleanableDirtyRatio: 0.5,
  durable: false,
});
