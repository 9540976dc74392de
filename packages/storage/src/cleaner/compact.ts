/**
 * One log compaction pass over a partition log (cleanup.policy=compact), with the
 * semantics of Kafka's LogCleaner (`LogCleaner.scala`, `MemoryRecords.filterTo`),
 * KIP-534 delete horizons and KIP-98 transactions.
 *
 * 1. Scan: every batch of the log is walked once for the transaction and producer facts
 *    (transaction-scan.ts): how each transaction ended, where the oldest open one starts,
 *    and each producer's last data batch.
 * 2. Range: the cleanable segments are the inactive segments, from the first, that end at
 *    or before the first uncleanable offset = min(active segment base, high watermark,
 *    written offset, first unstable offset, base of the first segment holding a record
 *    younger than min.compaction.lag.ms by maxTimestamp). Whole segments only: a segment
 *    reaching past that offset waits for a later pass.
 * 3. Offset map: the dirty section, from the cleaner checkpoint (cleaner-checkpoint.ts)
 *    to the end of the cleanable segments, is read into key -> latest offset. Records of
 *    aborted transactions and control records are not counted; records without a key
 *    (refused by the broker on compacted topics, but possible) never enter it. The map
 *    holds at most `offsetMapKeysMax` keys; when it is full it stops after a batch and the
 *    batches after it are copied unchanged in this pass (Kafka stops the same way).
 * 4. Clean: the segments from the first up to the map's end are grouped (consecutive,
 *    together at most segment.bytes, segment.index.bytes worth of index entries and an
 *    int32 of relative offsets, as Kafka's `groupSegmentsBySize`) and every group is
 *    rewritten, batch by batch, from the log start, under these rules:
 *    - a record stays when it has no key or no later offset in the map (records of the
 *      clean section, not in the map, are the only ones of their key there);
 *    - a tombstone (null value) that stays gives its batch a delete horizon of now +
 *      delete.retention.ms if it has none (KIP-534: the batch is rewritten with the
 *      delete-horizon flag, the horizon stored as baseTimestamp). Once the horizon has
 *      passed, the tombstones of the batch go. So a tombstone lives at least
 *      delete.retention.ms after the pass that first cleaned it, whatever the record
 *      timestamps say, and the horizon survives restarts in the batch itself;
 *    - records of aborted transactions go (the marker decides, see the scan);
 *    - a transaction marker (COMMIT or ABORT control batch) stays while a batch of its
 *      transaction stays in the log; after that it gets a delete horizon like a
 *      tombstone and goes once it has passed, with its aborted-transaction index entry.
 *      (Kafka discards a marker when the pass saw no batch of its transaction; counting
 *      kept batches instead lets the horizon start in the pass that removed the last
 *      one, one pass earlier, with the same delete.retention.ms guarantee.) Empty
 *      control batches go;
 *    - a batch left with no records goes, except the last data batch of a producer,
 *      which is kept empty (header only) so its sequence numbers survive, as Kafka does
 *      for active producers (here: every producer with a batch in the log);
 *    - a batch from a transaction with no counted outcome (possible only below the log
 *      start) is kept whole;
 *    - a batch that keeps every record and needs no new horizon is copied byte for byte;
 *      others are rebuilt (batch-rewrite.ts): same offsets, producer fields, flags and
 *      codec.
 * 5. Swap: each group is written to `<base>.log.cleaned` and swapped in by the log
 *    (swap.ts), crash-safely. A group of one segment that nothing changed is not swapped.
 *    A group at the start of the log that lost everything becomes an empty segment (the
 *    log start stays inside a segment); elsewhere it is simply deleted.
 * 6. Checkpoint: the map's end becomes the cleaned offset, with the earliest delete
 *    horizon still pending.
 *
 * A pass runs beside appends and reads: it reads only inactive segments and written
 * data, and takes the log's write lock only for each swap. If the log changes under it
 * (retention, truncation, close) the pass stops with a CleanerError, keeps the groups
 * already swapped (they are correct), drops the rest and leaves the checkpoint alone.
 */
import type { KafkaRecord } from '@gregor/protocol';
import { RECORD_COUNT_OFFSET, RecordBatchView, readAllRecords } from '@gregor/protocol';
import type { Disk, DiskFile } from '../disk.js';
import { writeFully } from '../disk.js';
import type { BatchInfo } from '../log/batch-scan.js';
import { readBatchInfo } from '../log/batch-scan.js';
import type { LogConfig } from '../log/config.js';
import type { LogEvent, PartitionLog } from '../log/log.js';
import { LogError } from '../log/log.js';
import { OFFSET_INDEX_ENTRY_BYTES, RELATIVE_OFFSET_MAX } from '../log/offset-index.js';
import { LogSegment } from '../log/segment.js';
import type { AbortedTxn } from '../log/txn-index.js';
import { DELETE_HORIZON_MAX_MS, emptyBatch, rebuildBatch } from './batch-rewrite.js';
import { CLEANER_READ_CHUNK_BYTES, walkLogTail, walkSegment } from './batch-walk.js';
import { readCleanerCheckpoint, writeCleanerCheckpoint } from './cleaner-checkpoint.js';
import { CleanerError } from './cleaner-error.js';
import { cleanedPath, discardCleaned, writeCleanedTxnIndex } from './swap.js';
import { isControl, isTransactional, markerType, TransactionScan, TxnOutcome } from './transaction-scan.js';

/**
 * Keys in the offset map of one pass. Kafka sizes its map by bytes
 * (log.cleaner.dedupe.buffer.size, 128 MiB: about 5 million 24-byte entries); a map of
 * whole keys costs more per entry, so the default is lower.
 */
export const OFFSET_MAP_KEYS_MAX_DEFAULT = 1_000_000;

export interface CompactOptions {
  /**
   * Distinct keys in the offset map after which it stops (after the batch that reached
   * the limit, so it may hold one batch's keys more); default OFFSET_MAP_KEYS_MAX_DEFAULT.
   */
  offsetMapKeysMax?: number;
  /** Bytes read from a segment at a time; default CLEANER_READ_CHUNK_BYTES. */
  readChunkBytes?: number;
  /** Receives a summary of each pass. */
  onEvent?: (event: LogEvent) => void;
}

/** What one pass did. Offsets are log offsets, bytes are segment bytes. */
export interface CleanerStats {
  dir: string;
  /** Where the dirty section started (the checkpoint, or the log start). */
  firstDirtyOffset: number;
  /** The first offset the pass could not clean (step 2 of the module doc). */
  firstUncleanableOffset: number;
  /** The log is clean below this offset now (the new checkpoint). */
  cleanedOffset: number;
  /** Distinct keys read from the dirty section. */
  offsetMapKeys: number;
  /** Old segments read and rewritten (or left alone when unchanged). */
  segmentsRead: number;
  /** Segments they became (counting those left alone). */
  segmentsAfter: number;
  bytesBefore: number;
  bytesAfter: number;
  batchesRead: number;
  batchesRemoved: number;
  recordsRead: number;
  recordsRemoved: number;
  /** Tombstones removed because their delete horizon had passed. */
  tombstonesRemoved: number;
  /** Records removed because their transaction was aborted. */
  abortedRecordsRemoved: number;
  /** Transaction markers removed after their delete horizon. */
  markersRemoved: number;
  /** The earliest delete horizon of a tombstone or marker still in the cleaned segments; -1 for none. */
  deleteHorizonMs: number;
}

/**
 * Runs one compaction pass over `log` at time `nowMs` (see the module doc). Returns null
 * when the log is not compacted or has no cleanable segment. Throws CleanerError when
 * the log changed under the pass or a segment does not read back whole; a LogError
 * when the log failed or closed.
 */
export async function compactLog(
  log: PartitionLog,
  nowMs: number,
  options: CompactOptions = {},
): Promise<CleanerStats | null> {
  const keysMax = options.offsetMapKeysMax ?? OFFSET_MAP_KEYS_MAX_DEFAULT;
  const chunkBytes = options.readChunkBytes ?? CLEANER_READ_CHUNK_BYTES;
  if (!Number.isSafeInteger(keysMax) || keysMax < 1) throw new RangeError(`offsetMapKeysMax ${keysMax}`);
  if (!Number.isSafeInteger(chunkBytes) || chunkBytes < 1) throw new RangeError(`readChunkBytes ${chunkBytes}`);
  const config = log.config;
  if (!config.cleanupPolicy.includes('compact')) return null;

  // One snapshot of the segment list, taken in one synchronous step.
  const segments = log.inactiveSegments();
  const bases = log.segmentBaseOffsets();
  if (segments.length === 0) return null;
  const ends: number[] = [];
  for (let i = 0; i < segments.length; i++) ends.push(bases[i + 1] as number);
  const activeBase = bases[segments.length] as number;
  const highWatermark = log.highWatermark;
  const writtenOffset = log.writtenOffset;
  const checkpoint = await readCleanerCheckpoint(log.disk, log.dir);

  // 1. Scan.
  const txns = new TransactionScan(highWatermark);
  const scanVisit = (buf: Buffer, at: number, info: BatchInfo): boolean => {
    txns.visit(buf, at, info);
    return true;
  };
  let walked = 0;
  // Segments whose every byte reached the file are read directly; the rest through the log.
  while (walked < segments.length && (ends[walked] as number) <= writtenOffset) {
    await walkSegment(segments[walked] as LogSegment, chunkBytes, false, scanVisit);
    walked++;
  }
  await walkLogTail(log, walked > 0 ? (ends[walked - 1] as number) : 0, chunkBytes, scanVisit);

  // 2. Range.
  let firstUncleanable = Math.min(activeBase, highWatermark, writtenOffset, txns.firstUnstableOffset());
  const lagMs = config.minCompactionLagMs;
  if (lagMs > 0) {
    for (const s of segments) {
      if (s.maxTimestamp > nowMs - lagMs) {
        firstUncleanable = Math.min(firstUncleanable, s.baseOffset);
        break;
      }
    }
  }
  let cleanable = 0;
  while (cleanable < segments.length && (ends[cleanable] as number) <= firstUncleanable) cleanable++;
  if (cleanable === 0) return null;
  const cleanableEnd = ends[cleanable - 1] as number;
  let firstDirty = checkpoint.cleanedOffset;
  if (firstDirty < log.logStartOffset || firstDirty > log.logEndOffset) firstDirty = log.logStartOffset;

  // 3. Offset map.
  const map = new Map<string, number>();
  let mapEnd = cleanableEnd;
  for (let i = 0; i < cleanable && firstDirty < cleanableEnd; i++) {
    if ((ends[i] as number) <= firstDirty) continue;
    const complete = await walkSegment(segments[i] as LogSegment, chunkBytes, true, (buf, at, info) => {
      if (info.lastOffset < firstDirty || isControl(info) || info.recordCount === 0) return true;
      if (isTransactional(info) && txns.outcome(info.producerId, info.lastOffset) !== TxnOutcome.COMMIT) return true;
      for (const r of readAllRecords(buf, at)) {
        if (r.key !== null && r.offset >= firstDirty) map.set(r.key.toString('latin1'), r.offset);
      }
      if (map.size >= keysMax) {
        mapEnd = info.lastOffset + 1;
        return false;
      }
      return true;
    });
    if (!complete) break;
  }

  // 4 and 5. Clean and swap, group by group.
  let toClean = 0;
  while (toClean < cleanable && (segments[toClean] as LogSegment).baseOffset < mapEnd) toClean++;
  const pass = new CleaningPass(
    map,
    mapEnd,
    txns,
    nowMs,
    Math.min(nowMs + Math.max(0, config.deleteRetentionMs), DELETE_HORIZON_MAX_MS),
    log.dir,
    firstDirty,
    firstUncleanable,
  );
  for (const group of groupSegments(segments.slice(0, toClean), ends, config)) {
    await cleanGroup(log, group, group[0] === segments[0], pass, chunkBytes, nowMs);
  }

  // 6. Checkpoint.
  const stats = pass.stats;
  stats.cleanedOffset = Math.max(firstDirty, mapEnd);
  stats.offsetMapKeys = map.size;
  stats.deleteHorizonMs = pass.pendingHorizonMs === Number.MAX_SAFE_INTEGER ? -1 : pass.pendingHorizonMs;
  await writeCleanerCheckpoint(log.disk, log.dir, {
    cleanedOffset: stats.cleanedOffset,
    deleteHorizonMs: stats.deleteHorizonMs,
  });
  options.onEvent?.({ level: 'info', message: 'log cleaner compacted a log', ...stats });
  return stats;
}

/** Consecutive segments that may become one (Kafka's `groupSegmentsBySize`). */
function groupSegments(segments: readonly LogSegment[], ends: readonly number[], config: LogConfig): LogSegment[][] {
  const indexEntriesMax = Math.floor(config.segmentIndexBytes / OFFSET_INDEX_ENTRY_BYTES);
  const groups: LogSegment[][] = [];
  let i = 0;
  while (i < segments.length) {
    const first = segments[i] as LogSegment;
    const group = [first];
    let bytes = first.size;
    let entries = first.offsetIndexEntries;
    i++;
    while (i < segments.length) {
      const next = segments[i] as LogSegment;
      if (
        bytes + next.size > config.segmentBytes ||
        entries + next.offsetIndexEntries > indexEntriesMax ||
        (ends[i] as number) - 1 - first.baseOffset > RELATIVE_OFFSET_MAX
      ) {
        break;
      }
      group.push(next);
      bytes += next.size;
      entries += next.offsetIndexEntries;
      i++;
    }
    groups.push(group);
  }
  return groups;
}

/** The state of one pass across its groups, and the rules of step 4 for one batch. */
class CleaningPass {
  readonly stats: CleanerStats;
  /** Producer id -> a batch of its current transaction was kept (so its marker must stay). */
  private readonly txnKept = new Map<number, boolean>();
  /** Offsets of ABORT markers removed in the current group (their index entries go too). */
  readonly droppedMarkers = new Set<number>();
  pendingHorizonMs = Number.MAX_SAFE_INTEGER;
  /** The current group changed (a batch removed or rewritten). */
  changed = false;

  constructor(
    private readonly map: ReadonlyMap<string, number>,
    private readonly mapEnd: number,
    private readonly txns: TransactionScan,
    private readonly nowMs: number,
    private readonly newHorizonMs: number,
    dir: string,
    firstDirtyOffset: number,
    firstUncleanableOffset: number,
  ) {
    this.stats = {
      dir,
      firstDirtyOffset,
      firstUncleanableOffset,
      cleanedOffset: firstDirtyOffset,
      offsetMapKeys: 0,
      segmentsRead: 0,
      segmentsAfter: 0,
      bytesBefore: 0,
      bytesAfter: 0,
      batchesRead: 0,
      batchesRemoved: 0,
      recordsRead: 0,
      recordsRemoved: 0,
      tombstonesRemoved: 0,
      abortedRecordsRemoved: 0,
      markersRemoved: 0,
      deleteHorizonMs: -1,
    };
  }

  /** What becomes of the batch at `at`: itself (a view), a rebuilt batch, or null (removed). */
  clean(buf: Buffer, at: number, info: BatchInfo): Buffer | null {
    const original = buf.subarray(at, at + info.size);
    this.stats.batchesRead++;
    this.stats.recordsRead += info.recordCount;
    const out = this.decide(buf, at, info, original);
    if (out !== original) this.changed = true;
    if (out === null) {
      this.stats.batchesRemoved++;
      this.stats.recordsRemoved += info.recordCount;
    } else {
      this.stats.recordsRemoved += info.recordCount - out.readInt32BE(RECORD_COUNT_OFFSET);
    }
    return out;
  }

  private notePending(horizonMs: number): void {
    if (horizonMs < this.pendingHorizonMs) this.pendingHorizonMs = horizonMs;
  }

  private decide(buf: Buffer, at: number, info: BatchInfo, original: Buffer): Buffer | null {
    const producerId = info.producerId;
    if (isControl(info)) {
      if (!isTransactional(info) || producerId < 0) return original;
      // Kafka: an empty control batch was already cleaned; nothing refers to it.
      if (info.recordCount === 0) return info.baseOffset >= this.mapEnd ? original : null;
      if (markerType(buf, at) < 0) return original;
      const kept = this.txnKept.get(producerId) === true;
      this.txnKept.delete(producerId);
      if (kept || info.baseOffset >= this.mapEnd) return original;
      const view = new RecordBatchView(buf, at);
      if (view.hasDeleteHorizon) {
        if (view.baseTimestamp <= this.nowMs) {
          this.stats.markersRemoved++;
          this.droppedMarkers.add(info.lastOffset);
          return null;
        }
        this.notePending(view.baseTimestamp);
        return original;
      }
      this.notePending(this.newHorizonMs);
      return rebuildBatch(buf, at, readAllRecords(buf, at), this.newHorizonMs);
    }

    const transactional = isTransactional(info);
    const outcome = transactional ? this.txns.outcome(producerId, info.lastOffset) : TxnOutcome.COMMIT;
    if (info.baseOffset >= this.mapEnd || outcome === TxnOutcome.OPEN) {
      // Past the map, or a transaction whose outcome is unknown: left as it is.
      if (transactional) this.txnKept.set(producerId, true);
      return original;
    }
    const last = this.txns.isLastOfProducer(producerId, info.lastOffset);
    if (info.recordCount === 0 || outcome === TxnOutcome.ABORT) {
      if (outcome === TxnOutcome.ABORT) this.stats.abortedRecordsRemoved += info.recordCount;
      if (!last) return null;
      if (transactional) this.txnKept.set(producerId, true);
      return info.recordCount === 0 ? original : emptyBatch(buf, at);
    }

    const view = new RecordBatchView(buf, at);
    const hasHorizon = view.hasDeleteHorizon;
    const horizonMs = hasHorizon ? view.baseTimestamp : -1;
    const expired = hasHorizon && horizonMs <= this.nowMs;
    const records = readAllRecords(buf, at);
    const kept: KafkaRecord[] = [];
    let tombstones = 0;
    for (let i = 0; i < records.length; i++) {
      const r = records[i] as KafkaRecord;
      if (r.key !== null) {
        const latest = this.map.get(r.key.toString('latin1'));
        if (latest !== undefined && r.offset < latest) continue;
        if (r.value === null) {
          if (expired) {
            this.stats.tombstonesRemoved++;
            continue;
          }
          tombstones++;
        }
      }
      kept.push(r);
    }
    if (kept.length === 0) {
      if (!last) return null;
      if (transactional) this.txnKept.set(producerId, true);
      return emptyBatch(buf, at);
    }
    if (transactional) this.txnKept.set(producerId, true);
    const needsHorizon = tombstones > 0 && !hasHorizon;
    if (tombstones > 0) this.notePending(hasHorizon ? horizonMs : this.newHorizonMs);
    if (kept.length === records.length && !needsHorizon) return original;
    return rebuildBatch(buf, at, kept, needsHorizon ? this.newHorizonMs : horizonMs);
  }
}

/** Writes the batches of a cleaned group to `<base>.log.cleaned`, tracking them in `segment`. */
class CleanedLogWriter {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private position = 0;
  private closed = false;

  private constructor(
    private readonly file: DiskFile,
    readonly segment: LogSegment,
  ) {}

  static async open(disk: Disk, path: string, segment: LogSegment): Promise<CleanedLogWriter> {
    const file = await disk.open(path, true);
    await file.truncate(0);
    return new CleanedLogWriter(file, segment);
  }

  add(batch: Buffer): void {
    this.segment.track(readBatchInfo(batch, 0, this.position));
    this.pending.push(batch);
    this.pendingBytes += batch.length;
    this.position += batch.length;
  }

  async flush(): Promise<void> {
    const total = this.pendingBytes;
    if (total === 0) return;
    const all = this.pending;
    this.pending = [];
    this.pendingBytes = 0;
    const start = this.position - total;
    await writeFully(this.file, all, start);
  }

  /** Everything written and fsynced: the file may be renamed into the log. */
  async finish(): Promise<void> {
    await this.flush();
    await this.file.sync();
    this.closed = true;
    await this.file.close();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.file.close();
  }
}

/** Steps 4 and 5 for one group. */
async function cleanGroup(
  log: PartitionLog,
  group: readonly LogSegment[],
  startsLog: boolean,
  pass: CleaningPass,
  chunkBytes: number,
  nowMs: number,
): Promise<void> {
  const { disk, dir } = log;
  const base = (group[0] as LogSegment).baseOffset;
  let oldBytes = 0;
  for (const s of group) oldBytes += s.size;
  const aborted: AbortedTxn[] = [];
  for (const s of group) s.collectAbortedTxns(0, Number.MAX_SAFE_INTEGER, aborted);
  const segment = LogSegment.placeholder(disk, dir, base, nowMs, log.config.indexIntervalBytes);
  const writer = await CleanedLogWriter.open(disk, cleanedPath(dir, base, '.log'), segment);
  pass.changed = group.length > 1;
  pass.droppedMarkers.clear();
  try {
    for (const s of group) {
      await walkSegment(
        s,
        chunkBytes,
        true,
        (buf, at, info) => {
          const out = pass.clean(buf, at, info);
          if (out !== null) writer.add(out);
          return true;
        },
        () => writer.flush(),
      );
    }
    await writer.finish();
  } catch (e) {
    await writer.close().catch(() => {});
    await discardCleaned(disk, dir, base).catch(() => {});
    throw e;
  }
  const stats = pass.stats;
  stats.segmentsRead += group.length;
  stats.bytesBefore += oldBytes;
  if (!pass.changed) {
    await discardCleaned(disk, dir, base);
    stats.segmentsAfter++;
    stats.bytesAfter += oldBytes;
    return;
  }
  const removeAll = segment.size === 0 && !startsLog;
  try {
    if (removeAll) {
      await discardCleaned(disk, dir, base);
    } else {
      for (const txn of aborted) if (!pass.droppedMarkers.has(txn.lastOffset)) segment.appendAbortedTxn(txn);
      const keptTxns: AbortedTxn[] = [];
      segment.collectAbortedTxns(0, Number.MAX_SAFE_INTEGER, keptTxns);
      await writeCleanedTxnIndex(disk, dir, base, keptTxns);
    }
    await log.replaceSegments(group, removeAll ? null : segment, oldBytes);
  } catch (e) {
    await discardCleaned(disk, dir, base).catch(() => {});
    if (e instanceof LogError) throw e;
    throw new CleanerError(
      `cleaning segments from ${base} of ${dir} stopped: ${e instanceof Error ? e.message : String(e)}`,
      { cause: e },
    );
  }
  if (!removeAll) {
    stats.segmentsAfter++;
    stats.bytesAfter += segment.size;
  }
}
