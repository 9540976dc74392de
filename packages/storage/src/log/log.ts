/**
 * The log of one partition: an ordered list of segments in one directory
 * (`<log.dir>/<topic>-<partition>/`), Kafka's layout:
 *
 *   00000000000000000000.log / .index / .timeindex / .txnindex    segments
 *   00000000000000001234.snapshot                                  producer state at offset 1234
 *   leader-epoch-checkpoint                                        epoch -> start offset
 *   partition-offsets-checkpoint                                   log start offset, recovery point
 *   clean-shutdown                                                 present only after a clean close
 *
 * Offsets. `logEndOffset` is assigned synchronously when an append is accepted, so
 * appends made in one turn of the event loop get consecutive offsets; their bytes reach
 * the file together in one `writev` (group commit) on the next turn. `writtenOffset` is
 * the end of what reached the file (reads never go past it), `flushedOffset` the end of
 * what was fsynced, `recoveryPoint` the flushed offset last checkpointed (recovery after
 * a crash validates from the segment holding it). The high watermark belongs to the
 * caller (replication): it is stored here only so reads can be bounded by it.
 *
 * Crash policy: the `.log` files are the truth; on open without a clean-shutdown marker
 * every segment from the one holding the recovery point is validated batch by batch and
 * cut at the first torn or corrupt batch (later segments are deleted), and their indexes
 * are rebuilt. A failed write or fsync puts the log in a failed state: pending and later
 * appends are refused with the error (Kafka takes the log directory offline) until the
 * log is reopened, which recovers it.
 *
 * Callers: the broker's partition (appends, reads, truncation), the log manager
 * (retention, flush scheduling, checkpoints), the cleaner (segment replacement).
 */
import { readAllRecords, rewriteBaseOffset, setPartitionLeaderEpoch } from '@gregor/protocol';
import { recoverInterruptedSwaps, swapInSegment } from '../cleaner/swap.js';
import type { Disk } from '../disk.js';
import { joinPath, writeFully } from '../disk.js';
import type { BatchInfo } from './batch-scan.js';
import { checkBatch, HEADER_BYTES, readBatchInfo, scanBatches } from './batch-scan.js';
import type { LogConfig } from './config.js';
import { DEFAULT_LOG_CONFIG } from './config.js';
import { LEADER_EPOCH_CHECKPOINT, LeaderEpochCache } from './leader-epoch-cache.js';
import { OFFSET_INDEX_ENTRY_BYTES, RELATIVE_OFFSET_MAX } from './offset-index.js';
import type { ReadBufferPool } from './read-buffer-pool.js';
import { sharedReadBufferPool } from './read-buffer-pool.js';
import { LogSegment, parseSegmentFileName, SegmentGoneError, segmentFileName } from './segment.js';
import type { AbortedTxn } from './txn-index.js';

export const CLEAN_SHUTDOWN_FILE = 'clean-shutdown';
export const OFFSETS_CHECKPOINT_FILE = 'partition-offsets-checkpoint';
const SNAPSHOT_SUFFIX = '.snapshot';

/** Why an operation on the log failed, with the Kafka error it maps to. */
export class LogError extends Error {
  override name = 'LogError';
  constructor(
    readonly errorCode:
      | 'OFFSET_OUT_OF_RANGE'
      | 'KAFKA_STORAGE_ERROR'
      | 'CORRUPT_MESSAGE'
      | 'INVALID_RECORD'
      | 'RECORD_LIST_TOO_LARGE',
    message: string,
  ) {
    super(message);
  }
}

/** Producer state (idempotence) saved at each segment roll so it can be rebuilt quickly. */
export interface ProducerStateHook {
  /** A snapshot of the producer state up to the current log end; null for nothing to save. */
  snapshot(): Buffer | null;
}

export interface LogEvent {
  level: 'info' | 'warn' | 'error';
  message: string;
  [key: string]: unknown;
}

export interface LogOptions {
  disk: Disk;
  dir: string;
  config?: Partial<LogConfig>;
  /** Wall-clock milliseconds (injected so tests and the simulator control time). */
  now?: () => number;
  /** Receives notable events (recovery cuts, rolls, deletions). */
  onEvent?: (event: LogEvent) => void;
  producerState?: ProducerStateHook;
  /** Where reads take their buffers (default: one pool shared by every log). */
  readBufferPool?: ReadBufferPool;
}

export interface AppendResult {
  baseOffset: number;
  lastOffset: number;
  /** Largest record timestamp in the appended batches. */
  maxTimestamp: number;
  batches: number;
}

export interface ReadResult {
  /** Whole batches, back to back; empty when there is nothing to return. */
  records: Buffer;
  /**
   * The pooled buffer `records` is a view of, or null. Whoever holds the last reference
   * to `records` may give it back to the log's read buffer pool (`releaseRead`).
   */
  backing: Buffer | null;
  /** Offset of the first batch returned (may be below the requested offset). */
  firstOffset: number;
  /** Offset after the last batch returned. */
  nextOffset: number;
}

/** Where a segment read goes on when one buffer did not hold what it needed. */
interface NextRead {
  nextPosition: number;
  want: number;
  retried: boolean;
}

interface PendingWrite {
  segment: LogSegment;
  position: number;
  buffers: Buffer[];
  bytes: number;
  endOffset: number;
  messages: number;
  waiters: { resolve: () => void; reject: (e: Error) => void }[];
}

export class PartitionLog {
  readonly config: LogConfig;
  /** The disk the log lives on (the cleaner writes its files beside the segments). */
  readonly disk: Disk;
  readonly dir: string;
  private readonly now: () => number;
  private readonly onEvent: (event: LogEvent) => void;
  private readonly producerState: ProducerStateHook | undefined;
  private readonly readBuffers: ReadBufferPool;
  private segments: LogSegment[] = [];
  epochCache!: LeaderEpochCache;

  logStartOffset = 0;
  logEndOffset = 0;
  writtenOffset = 0;
  flushedOffset = 0;
  recoveryPoint = 0;
  /** Set by the replication layer; reads for consumers stop here. */
  highWatermark = 0;
  private messagesSinceFlush = 0;
  /** The offsets checkpoint file's contents as last read or written. */
  private checkpointOnDisk: string | null = null;
  /** The newest leader epoch queued for the epoch cache (the cache itself is updated in order with writes). */
  private queuedEpoch = -1;
  private lastFlushMs: number;

  private queue: PendingWrite[] = [];
  private writing = false;
  private scheduled = false;
  private failure: Error | null = null;
  private closed = false;
  private closing = false;

  private constructor(opts: LogOptions) {
    this.disk = opts.disk;
    this.dir = opts.dir;
    this.config = { ...DEFAULT_LOG_CONFIG, ...opts.config };
    this.now = opts.now ?? Date.now;
    this.onEvent = opts.onEvent ?? (() => {});
    this.producerState = opts.producerState;
    this.readBuffers = opts.readBufferPool ?? sharedReadBufferPool;
    this.lastFlushMs = this.now();
  }

  /** Opens (or creates) the log in `opts.dir`, recovering it if it was not closed cleanly. */
  static async open(opts: LogOptions): Promise<PartitionLog> {
    const log = new PartitionLog(opts);
    await log.load();
    return log;
  }

  private async load(): Promise<void> {
    const { disk, dir } = this;
    await disk.mkdirs(dir);
    // A crash during a cleaner swap: finish it or undo it before the segments are listed.
    await recoverInterruptedSwaps(disk, dir, this.onEvent);
    this.epochCache = await LeaderEpochCache.load(disk, joinPath(dir, LEADER_EPOCH_CHECKPOINT));
    const clean = await disk.exists(joinPath(dir, CLEAN_SHUTDOWN_FILE));
    const checkpoint = await this.readOffsetsCheckpoint();
    const names = await disk.list(dir);
    const bases: number[] = [];
    for (const name of names) {
      const parsed = parseSegmentFileName(name);
      if (parsed === null) {
        if (name.endsWith('.tmp')) await disk.unlink(joinPath(dir, name));
        continue;
      }
      if (parsed.suffix === '.log') bases.push(parsed.baseOffset);
      else if (parsed.suffix !== SNAPSHOT_SUFFIX && !names.includes(segmentFileName(parsed.baseOffset, '.log'))) {
        // An index without its log (a crash between deletes): remove it.
        await disk.unlink(joinPath(dir, name));
      }
    }
    bases.sort((a, b) => a - b);
    const recoveryPoint = clean ? Number.MAX_SAFE_INTEGER : checkpoint.recoveryPoint;
    const now = this.now();
    for (let i = 0; i < bases.length; i++) {
      const base = bases[i] as number;
      const nextBase = bases[i + 1];
      // A segment wholly below the recovery point was flushed and checkpointed: trust it.
      const trusted = nextBase !== undefined && nextBase <= recoveryPoint;
      const segment = await LogSegment.open(disk, dir, base, now, this.config.indexIntervalBytes, trusted || clean);
      this.segments.push(segment);
    }
    await this.recoverSegments(clean ? Number.MAX_SAFE_INTEGER : checkpoint.recoveryPoint);
    const recoveredEnd = this.segments[this.segments.length - 1]?.nextOffset ?? 0;
    if (this.segments.length > 0 && recoveredEnd < checkpoint.logStartOffset) {
      // As Kafka's LogLoader: the log start offset is durable (DeleteRecords, retention),
      // the records above it may not have been. When recovery kept nothing at or above it,
      // start again there: the log start never goes back and its offsets are never reused.
      this.onEvent({
        level: 'warn',
        message: 'log recovery kept nothing above the log start offset; starting the log there',
        dir,
        logEndOffset: recoveredEnd,
        logStartOffset: checkpoint.logStartOffset,
      });
      for (const s of this.segments) await s.delete();
      this.segments = [];
    }
    if (this.segments.length === 0) {
      const base = Math.max(checkpoint.logStartOffset, 0);
      this.segments.push(await LogSegment.create(disk, dir, base, now, this.config.indexIntervalBytes));
    }
    const active = this.active();
    this.logEndOffset = active.nextOffset;
    this.writtenOffset = this.logEndOffset;
    this.flushedOffset = clean ? this.logEndOffset : Math.min(checkpoint.recoveryPoint, this.logEndOffset);
    this.recoveryPoint = this.flushedOffset;
    const first = this.segments[0] as LogSegment;
    this.logStartOffset = Math.min(Math.max(checkpoint.logStartOffset, first.baseOffset), this.logEndOffset);
    this.highWatermark = Math.min(this.logEndOffset, Math.max(this.highWatermark, this.logStartOffset));
    await this.epochCache.truncateFromEnd(this.logEndOffset);
    await this.deleteSnapshotsAfter(this.logEndOffset);
    if (clean) await disk.unlink(joinPath(dir, CLEAN_SHUTDOWN_FILE));
  }

  private async recoverSegments(recoveryPoint: number): Promise<void> {
    // Start at the segment holding the recovery point.
    let start = 0;
    for (let i = 0; i < this.segments.length; i++)
      if ((this.segments[i] as LogSegment).baseOffset <= recoveryPoint) start = i;
    for (let i = 0; i < this.segments.length; i++) {
      const segment = this.segments[i] as LogSegment;
      // Below the recovery point only segments whose indexes could not be loaded.
      if (i < start && !segment.needsRecovery) continue;
      if (i >= start && !segment.needsRecovery && recoveryPoint === Number.MAX_SAFE_INTEGER) continue;
      const { truncatedBytes, reason } = await segment.recover();
      const next = this.segments[i + 1];
      const brokenChain = next !== undefined && segment.nextOffset > next.baseOffset;
      if (truncatedBytes > 0 || brokenChain) {
        this.onEvent({
          level: 'warn',
          message: 'log recovery cut a torn or corrupt tail',
          dir: this.dir,
          segment: segment.baseOffset,
          truncatedBytes,
          reason: reason ?? 'segment overlaps the next one',
          validEndOffset: segment.nextOffset,
        });
        // Everything after a bad batch is suspect: later segments go too.
        const dropped = this.segments.splice(i + 1);
        for (const d of dropped) {
          this.onEvent({
            level: 'warn',
            message: 'log recovery deleted a segment after the cut',
            dir: this.dir,
            segment: d.baseOffset,
            bytes: d.size,
          });
          await d.delete();
        }
        break;
      }
    }
    // An empty segment that is not the first and not the last carries nothing.
    for (let i = this.segments.length - 2; i >= 1; i--) {
      const s = this.segments[i] as LogSegment;
      if (s.size === 0) {
        await s.delete();
        this.segments.splice(i, 1);
      }
    }
  }

  private active(): LogSegment {
    return this.segments[this.segments.length - 1] as LogSegment;
  }

  get segmentCount(): number {
    return this.segments.length;
  }

  /** Base offsets of the segments, oldest first. */
  segmentBaseOffsets(): number[] {
    return this.segments.map((s) => s.baseOffset);
  }

  /** Total bytes of all segments. */
  get size(): number {
    let n = 0;
    for (const s of this.segments) n += s.size;
    return n;
  }

  /** Bytes of memory held by the in-memory indexes (for the idle-partition budget). */
  get indexMemoryBytes(): number {
    let n = 0;
    for (const s of this.segments) n += s.memoryBytes;
    return n;
  }

  private checkWritable(): void {
    if (this.closed || this.closing) throw new LogError('KAFKA_STORAGE_ERROR', `log ${this.dir} is closed`);
    if (this.failure !== null)
      throw new LogError('KAFKA_STORAGE_ERROR', `log ${this.dir} failed: ${this.failure.message}`);
  }

  // ------------------------------------------------------------------------------------
  // Appends

  /**
   * Appends batches from a producer: offsets are assigned here (baseOffset rewritten in
   * place, the log end advancing by each batch's record count) and `leaderEpoch` is
   * stamped on each batch. The caller has validated the batches (CRC, sizes, records).
   * The promise settles when the bytes are in the file, or fsynced in durable mode.
   */
  appendAsLeader(records: Buffer, leaderEpoch: number): Promise<AppendResult> {
    return this.append(records, leaderEpoch, true);
  }

  /** Appends batches replicated from a leader: offsets are kept and must follow the log end. */
  appendAsFollower(records: Buffer): Promise<AppendResult> {
    return this.append(records, -1, false);
  }

  private append(records: Buffer, leaderEpoch: number, assignOffsets: boolean): Promise<AppendResult> {
    try {
      this.checkWritable();
    } catch (e) {
      return Promise.reject(e);
    }
    // First pass: check every batch and work out offsets, before changing anything.
    const infos: BatchInfo[] = [];
    let next = this.logEndOffset;
    for (let at = 0; at < records.length; ) {
      const problem = checkBatch(records, at, records.length - at, false);
      if (problem !== null) return Promise.reject(new LogError('CORRUPT_MESSAGE', `batch at byte ${at}: ${problem}`));
      const info = readBatchInfo(records, at, at);
      if (assignOffsets) {
        if (info.recordCount <= 0 || info.lastOffset - info.baseOffset !== info.recordCount - 1) {
          return Promise.reject(
            new LogError(
              'INVALID_RECORD',
              `batch at byte ${at}: ${info.recordCount} records but last offset delta ${info.lastOffset - info.baseOffset}`,
            ),
          );
        }
      } else if (info.baseOffset < next) {
        return Promise.reject(
          new LogError('INVALID_RECORD', `batch at offset ${info.baseOffset} is below the log end offset ${next}`),
        );
      }
      if (info.size > this.config.segmentBytes) {
        return Promise.reject(
          new LogError(
            'RECORD_LIST_TOO_LARGE',
            `batch of ${info.size} bytes exceeds segment.bytes ${this.config.segmentBytes}`,
          ),
        );
      }
      const base = assignOffsets ? next : info.baseOffset;
      next = base + (info.lastOffset - info.baseOffset) + 1;
      infos.push(info);
      at += info.size;
    }
    if (infos.length === 0) return Promise.reject(new LogError('CORRUPT_MESSAGE', 'no record batches to append'));

    let maxTimestamp = -1;
    let baseOffset = -1;
    for (const info of infos) {
      const batchBase = assignOffsets ? this.logEndOffset : info.baseOffset;
      if (assignOffsets) {
        rewriteBaseOffset(records, info.position, batchBase);
        if (leaderEpoch >= 0) setPartitionLeaderEpoch(records, info.position, leaderEpoch);
      }
      const epoch = assignOffsets ? leaderEpoch : info.partitionLeaderEpoch;
      if (epoch >= 0 && epoch > Math.max(this.epochCache.latestEpoch(), this.queuedEpoch)) {
        // The checkpoint write is queued in order with the data.
        this.queuedEpoch = epoch;
        this.enqueueTask(() => this.epochCache.assign(epoch, batchBase));
      }
      const lastOffset = batchBase + (info.lastOffset - info.baseOffset);
      const batch = records.subarray(info.position, info.position + info.size);
      this.maybeRoll(info.size, info.lastOffset - info.baseOffset, info.maxTimestamp);
      const segment = this.active();
      // The info object is ours: turn it into the batch's place in the log.
      info.baseOffset = batchBase;
      info.lastOffset = lastOffset;
      info.position = segment.size;
      segment.track(info);
      this.enqueueBytes(segment, info.position, batch, lastOffset + 1, info.recordCount);
      this.logEndOffset = lastOffset + 1;
      if (baseOffset < 0) baseOffset = batchBase;
      if (info.maxTimestamp > maxTimestamp) maxTimestamp = info.maxTimestamp;
    }
    const result: AppendResult = { baseOffset, lastOffset: this.logEndOffset - 1, maxTimestamp, batches: infos.length };
    const done = new Promise<AppendResult>((resolve, reject) => {
      const last = this.queue[this.queue.length - 1] as PendingWrite;
      last.waiters.push({ resolve: () => resolve(result), reject });
    });
    this.schedule();
    return done;
  }

  /** Rolls to a new segment before an append of `bytes` if the active one is full or old. */
  private maybeRoll(bytes: number, lastOffsetDelta: number, maxTimestamp: number): void {
    const active = this.active();
    if (active.size === 0) return;
    const full = active.size + bytes > this.config.segmentBytes;
    // As Kafka: the time waited is the incoming batch's timestamp minus the first batch's,
    // or the wall clock since the segment was created when there are no timestamps.
    const waited =
      active.firstBatchTimestamp >= 0 && maxTimestamp >= 0
        ? maxTimestamp - active.firstBatchTimestamp
        : this.now() - active.createdMs;
    // A compacted log rolls by max.compaction.lag.ms too, so no record waits longer than
    // that in the active segment, which the cleaner never touches (as Kafka).
    const rollMs = this.config.cleanupPolicy.includes('compact')
      ? Math.min(this.config.segmentMs, this.config.maxCompactionLagMs)
      : this.config.segmentMs;
    const old = waited > rollMs;
    const indexFull = active.offsetIndexEntries >= Math.floor(this.config.segmentIndexBytes / OFFSET_INDEX_ENTRY_BYTES);
    // Offsets inside a segment are stored relative to its base as int32.
    const offsetOverflow = this.logEndOffset + lastOffsetDelta - active.baseOffset > RELATIVE_OFFSET_MAX;
    if (full || old || indexFull || offsetOverflow) this.rollNow();
  }

  /**
   * Starts a new active segment at the log end. The segment object is created
   * synchronously (its file is opened by the queued task before any write to it).
   */
  private rollNow(): void {
    const base = this.logEndOffset;
    const previous = this.active();
    const placeholder = LogSegment.placeholder(this.disk, this.dir, base, this.now(), this.config.indexIntervalBytes);
    // The segment list is copy-on-write: a read in progress keeps the list it started with.
    this.segments = [...this.segments, placeholder];
    const snapshot = this.producerState?.snapshot() ?? null;
    this.enqueueTask(async () => {
      // The old segment is made durable before the new one exists: a crash may then tear
      // only the last segment. Else a newer segment could survive while an older one lost
      // its unsynced tail, leaving a hole of offsets that recovery cannot see (a segment
      // ending before the next one's base is legitimate after compaction).
      if (previous.size > 0) await previous.file.sync();
      await placeholder.openFile();
      if (snapshot !== null)
        await this.disk.writeFileAtomic(joinPath(this.dir, segmentFileName(base, SNAPSHOT_SUFFIX)), snapshot);
      this.onEvent({
        level: 'info',
        message: 'rolled a new log segment',
        dir: this.dir,
        baseOffset: base,
        previousBytes: previous.size,
      });
    });
  }

  /** Rolls now (an empty active segment is kept). */
  async roll(): Promise<void> {
    this.checkWritable();
    if (this.active().size > 0) this.rollNow();
    this.schedule();
    await this.barrier();
  }

  private enqueueBytes(
    segment: LogSegment,
    position: number,
    batch: Buffer,
    endOffset: number,
    messages: number,
  ): void {
    const last = this.queue[this.queue.length - 1];
    if (
      last !== undefined &&
      last.segment === segment &&
      last.position + last.bytes === position &&
      last.buffers.length > 0
    ) {
      last.buffers.push(batch);
      last.bytes += batch.length;
      last.endOffset = endOffset;
      last.messages += messages;
      return;
    }
    this.queue.push({ segment, position, buffers: [batch], bytes: batch.length, endOffset, messages, waiters: [] });
  }

  /** Queues work to run in order with the writes (a write with no bytes). */
  private enqueueTask(task: () => Promise<void>): void {
    const entry: PendingWrite & { task?: () => Promise<void> } = {
      segment: this.active(),
      position: -1,
      buffers: [],
      bytes: 0,
      endOffset: -1,
      messages: 0,
      waiters: [],
    };
    entry.task = task;
    this.queue.push(entry);
  }

  private schedule(): void {
    if (this.scheduled || this.writing) return;
    this.scheduled = true;
    // The next turn: every append made in this turn goes out in the same writev.
    setImmediate(() => {
      this.scheduled = false;
      void this.drain();
    });
  }

  private async drain(): Promise<void> {
    if (this.writing) return;
    this.writing = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue;
        this.queue = [];
        for (const w of batch) await this.perform(w);
      }
    } finally {
      this.writing = false;
    }
  }

  private async perform(w: PendingWrite & { task?: () => Promise<void> }): Promise<void> {
    if (this.failure !== null) {
      for (const waiter of w.waiters)
        waiter.reject(new LogError('KAFKA_STORAGE_ERROR', `log ${this.dir} failed: ${this.failure.message}`));
      return;
    }
    try {
      if (w.task !== undefined) await w.task();
      else {
        await writeFully(w.segment.file, w.buffers, w.position);
        this.writtenOffset = Math.max(this.writtenOffset, w.endOffset);
        this.messagesSinceFlush += w.messages;
        if (this.config.durable || this.messagesSinceFlush >= this.config.flushMessages) await this.flushWritten();
      }
      for (const waiter of w.waiters) waiter.resolve();
    } catch (e) {
      const storageError = this.fail(e);
      for (const waiter of w.waiters) waiter.reject(storageError);
    }
  }

  /**
   * A write or fsync failed: the log refuses everything queued and every later append
   * until it is reopened (after a failed fsync the kernel may have dropped the dirty
   * pages, so no later fsync can be trusted; recovery reads what is really in the file).
   */
  private fail(e: unknown): LogError {
    if (this.failure === null) {
      const error = e instanceof Error ? e : new Error(String(e));
      this.failure = error;
      this.onEvent({
        level: 'error',
        message: 'log write failed; the log refuses appends until reopened',
        dir: this.dir,
        error: error.message,
      });
    }
    const storageError = new LogError('KAFKA_STORAGE_ERROR', `log ${this.dir} failed: ${this.failure.message}`);
    for (const rest of this.queue) for (const waiter of rest.waiters) waiter.reject(storageError);
    this.queue = [];
    return storageError;
  }

  /** Waits until everything queued so far has been performed. */
  private barrier(): Promise<void> {
    return this.exclusive(async () => {});
  }

  /**
   * Runs `fn` after every queued write, with no write running alongside it. Its error
   * goes to the caller only; it does not fail the log.
   */
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.enqueueTask(async () => {
        try {
          resolve(await fn());
        } catch (e) {
          reject(e);
        }
      });
      // If the log fails before the task runs, the task is dropped: its caller gets the error.
      (this.queue[this.queue.length - 1] as PendingWrite).waiters.push({ resolve: () => {}, reject });
      this.schedule();
    });
  }

  // ------------------------------------------------------------------------------------
  // Flush and checkpoints

  private async flushWritten(): Promise<void> {
    const target = this.writtenOffset;
    if (target <= this.flushedOffset) return;
    // Every segment that may hold unflushed bytes: those ending after the flushed offset.
    try {
      for (const s of this.segments) {
        if (s.isOpen && (s.nextOffset > this.flushedOffset || s === this.active())) await s.file.sync();
      }
    } catch (e) {
      throw this.fail(e);
    }
    this.flushedOffset = target;
    this.messagesSinceFlush = 0;
    this.lastFlushMs = this.now();
  }

  /** fsyncs everything written so far; returns the flushed offset. */
  async flush(): Promise<number> {
    this.checkWritable();
    await this.exclusive(() => this.flushWritten());
    return this.flushedOffset;
  }

  /** Flushes when `flush.ms` has passed since the last flush (called by a scheduler). */
  async flushIfDue(): Promise<void> {
    if (
      this.config.flushMs >= 0 &&
      this.now() - this.lastFlushMs >= this.config.flushMs &&
      this.writtenOffset > this.flushedOffset
    ) {
      await this.flush();
    }
  }

  /** Persists index files and the offsets checkpoint (log start, recovery point). */
  async checkpoint(): Promise<void> {
    this.checkWritable();
    await this.exclusive(async () => {
      for (const s of this.segments) await s.persistIndexes();
      this.recoveryPoint = this.flushedOffset;
      await this.writeOffsetsCheckpoint();
    });
  }

  private async writeOffsetsCheckpoint(): Promise<void> {
    const text = `0\nlogStartOffset ${this.logStartOffset}\nrecoveryPoint ${this.recoveryPoint}\n`;
    // Unchanged since it was last read or written: skip the write and its fsyncs (a
    // broker closing thousands of idle logs would otherwise pay them all).
    if (text === this.checkpointOnDisk) return;
    await this.disk.writeFileAtomic(joinPath(this.dir, OFFSETS_CHECKPOINT_FILE), Buffer.from(text));
    this.checkpointOnDisk = text;
  }

  private async readOffsetsCheckpoint(): Promise<{ logStartOffset: number; recoveryPoint: number }> {
    const path = joinPath(this.dir, OFFSETS_CHECKPOINT_FILE);
    if (!(await this.disk.exists(path))) return { logStartOffset: 0, recoveryPoint: 0 };
    const text = (await this.disk.readFile(path)).toString('utf8');
    this.checkpointOnDisk = text;
    const m = /^0\nlogStartOffset (\d+)\nrecoveryPoint (\d+)\n$/.exec(text);
    if (m === null) {
      // An unreadable checkpoint only costs a longer recovery.
      this.onEvent({ level: 'warn', message: 'ignoring an unreadable offsets checkpoint', path });
      return { logStartOffset: 0, recoveryPoint: 0 };
    }
    return { logStartOffset: Number(m[1]), recoveryPoint: Number(m[2]) };
  }

  /** Flushes, persists everything and leaves the clean-shutdown marker. */
  async close(): Promise<void> {
    if (this.closed || this.closing) return;
    this.closing = true;
    try {
      if (this.failure === null) {
        await this.exclusive(async () => {
          await this.flushWritten();
          for (const s of this.segments) await s.persistIndexes();
          this.recoveryPoint = this.flushedOffset;
          await this.writeOffsetsCheckpoint();
          await this.disk.writeFileAtomic(joinPath(this.dir, CLEAN_SHUTDOWN_FILE), Buffer.alloc(0));
        });
      }
    } finally {
      // Even when the final flush fails (no clean-shutdown marker then): the files are let go.
      this.closed = true;
      for (const s of this.segments) await s.close();
    }
  }

  /** Stops without flushing anything (for crash tests): like a killed process. */
  async abandon(): Promise<void> {
    this.closed = true;
    this.failure ??= new Error('abandoned');
    this.queue = [];
    for (const s of this.segments) await s.close();
  }

  // ------------------------------------------------------------------------------------
  // Reads

  private segmentFor(offset: number): LogSegment | undefined {
    let lo = 0;
    let hi = this.segments.length - 1;
    let found: LogSegment | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const s = this.segments[mid] as LogSegment;
      if (s.baseOffset <= offset) {
        found = s;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  /**
   * Reads whole batches from `offset`, up to `maxBytes` (at least one batch even if it is
   * larger, when `minOneBatch`), not past `maxOffset` (default: what reached the file),
   * from one segment. OFFSET_OUT_OF_RANGE below the log start or past the log end.
   */
  async read(
    offset: number,
    maxBytes: number,
    maxOffset = this.writtenOffset,
    minOneBatch = true,
  ): Promise<ReadResult> {
    // A segment deleted under the read (retention, DeleteRecords, compaction) is retried
    // on the new segment list: the answer is then what the log holds now.
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.readOnce(offset, maxBytes, maxOffset, minOneBatch);
      } catch (e) {
        if (!(e instanceof SegmentGoneError) || attempt >= 3) throw e;
      }
    }
  }

  private async readOnce(
    offset: number,
    maxBytes: number,
    maxOffset: number,
    minOneBatch: boolean,
  ): Promise<ReadResult> {
    if (offset < this.logStartOffset || offset > this.logEndOffset) {
      throw new LogError(
        'OFFSET_OUT_OF_RANGE',
        `offset ${offset} is outside [${this.logStartOffset}, ${this.logEndOffset}]`,
      );
    }
    const limit = Math.min(maxOffset, this.writtenOffset);
    const empty: ReadResult = { records: Buffer.alloc(0), backing: null, firstOffset: offset, nextOffset: offset };
    if (offset >= limit) return empty;
    const segments = this.segments;
    for (let index = segments.indexOf(this.segmentFor(offset) as LogSegment); index < segments.length; index++) {
      if (index < 0) return empty;
      const segment = segments[index] as LogSegment;
      const result = await this.readFromSegment(segment, offset, maxBytes, limit, minOneBatch);
      // null: every batch of this segment is below `offset` (a gap left by compaction).
      if (result !== null) return result;
    }
    return empty;
  }

  /**
   * One read from the index position, sized for the budget plus the index gap, parsed in
   * memory: usually a single file read per fetch. The records returned are a view into
   * that read buffer.
   */
  private async readFromSegment(
    segment: LogSegment,
    offset: number,
    maxBytes: number,
    limit: number,
    minOneBatch: boolean,
  ): Promise<ReadResult | null> {
    let position = segment.lookupPosition(offset);
    let want = maxBytes + this.readSlack;
    let retried = false;
    for (;;) {
      const available = segment.size - position;
      if (available <= 0) return null;
      const length = Math.min(available, want);
      // The read buffer comes from the pool; it goes back here on every path that does
      // not hand it out, and is handed out (as `backing`) with the records otherwise.
      const backing = this.readBuffers.take(length);
      let result: ReadResult | null | NextRead;
      try {
        result = await this.parseRead(
          segment,
          position,
          length,
          backing,
          offset,
          maxBytes,
          limit,
          minOneBatch,
          retried,
        );
      } catch (e) {
        this.readBuffers.give(backing);
        throw e;
      }
      if (result !== null && 'nextPosition' in result) {
        this.readBuffers.give(backing);
        ({ nextPosition: position, want, retried } = result);
        continue;
      }
      if (result === null || result.records.length === 0) this.readBuffers.give(backing);
      else result.backing = backing;
      return result;
    }
  }

  /** Bytes read beyond the budget: the index may point up to two intervals before the offset. */
  private get readSlack(): number {
    return 2 * this.config.indexIntervalBytes + HEADER_BYTES;
  }

  /** One read into `backing` and the batches in it: a result, null (segment exhausted), or where to read next. */
  private async parseRead(
    segment: LogSegment,
    position: number,
    length: number,
    backing: Buffer,
    offset: number,
    maxBytes: number,
    limit: number,
    minOneBatch: boolean,
    retried: boolean,
  ): Promise<ReadResult | null | NextRead> {
    const available = segment.size - position;
    {
      const buf = await segment.read(position, length, backing);
      let at = 0;
      let first = -1;
      let end = -1;
      let firstOffset = offset;
      let nextOffset = offset;
      let needMore = 0;
      let atLimit = false;
      let budgetFull = false;
      while (at + HEADER_BYTES <= buf.length) {
        const info = readBatchInfo(buf, at, position + at);
        if (info.size < HEADER_BYTES)
          throw new LogError(
            'KAFKA_STORAGE_ERROR',
            `corrupt batch at ${info.position} in segment ${segment.baseOffset}`,
          );
        if (at + info.size > buf.length) {
          needMore = info.size;
          break;
        }
        if (info.lastOffset < offset) {
          at += info.size;
          continue;
        }
        if (info.lastOffset >= limit) {
          atLimit = true;
          break;
        }
        if (first >= 0 && at + info.size - first > maxBytes) {
          budgetFull = true;
          break;
        }
        if (first < 0) {
          if (info.size > maxBytes && !minOneBatch)
            return { records: Buffer.alloc(0), backing: null, firstOffset: info.baseOffset, nextOffset: offset };
          first = at;
          firstOffset = info.baseOffset;
        }
        end = at + info.size;
        nextOffset = info.lastOffset + 1;
        at += info.size;
      }
      // The batches wanted started far from the index entry, so the read ended before the
      // budget did: read once more from the first wanted batch (rare: a gap larger than
      // twice index.interval.bytes).
      if (first > 0 && !budgetFull && !atLimit && !retried && buf.length < available) {
        return { nextPosition: position + first, want: maxBytes + HEADER_BYTES, retried: true };
      }
      if (first >= 0) return { records: buf.subarray(first, end), backing: null, firstOffset, nextOffset };
      if (atLimit) return { records: Buffer.alloc(0), backing: null, firstOffset: offset, nextOffset: offset };
      // Nothing whole in this buffer: the segment ended, or the next batch is cut off.
      if (needMore === 0 && position + at + HEADER_BYTES > segment.size) return null;
      if (at === 0 && needMore <= buf.length) {
        throw new LogError(
          'KAFKA_STORAGE_ERROR',
          `short read at ${position} in segment ${segment.baseOffset} of ${this.dir}`,
        );
      }
      return { nextPosition: position + at, want: Math.max(needMore, maxBytes + this.readSlack), retried };
    }
  }

  /** Gives a read's pooled buffer back once nothing refers to its records any more. */
  releaseRead(result: ReadResult): void {
    if (result.backing !== null) {
      const backing = result.backing;
      result.backing = null;
      this.readBuffers.give(backing);
    }
  }

  /**
   * The first offset whose record timestamp is >= `timestamp` (ListOffsets by time),
   * with that record's timestamp; null when every record is older.
   */
  async offsetForTimestamp(timestamp: number): Promise<{ offset: number; timestamp: number } | null> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.offsetForTimestampOnce(timestamp);
      } catch (e) {
        if (!(e instanceof SegmentGoneError) || attempt >= 3) throw e;
      }
    }
  }

  private async offsetForTimestampOnce(timestamp: number): Promise<{ offset: number; timestamp: number } | null> {
    for (const segment of [...this.segments]) {
      if (segment.maxTimestamp < timestamp || segment.size === 0) continue;
      const from = Math.max(segment.lookupTimestamp(timestamp), this.logStartOffset);
      const startBatch = await segment.findBatch(from);
      if (startBatch === null) continue;
      for (let position = startBatch.position; position < segment.size; ) {
        let found: BatchInfo | null = null;
        await segment.withFile((file) =>
          scanBatches(file, position, segment.size, false, (b) => {
            if (b.maxTimestamp >= timestamp && b.lastOffset >= this.logStartOffset) {
              found = b;
              return false;
            }
            return true;
          }),
        );
        if (found === null) break;
        const b = found as BatchInfo;
        const bytes = await segment.read(b.position, b.size);
        for (const record of readAllRecords(bytes, 0)) {
          if (record.timestamp >= timestamp && record.offset >= this.logStartOffset)
            return { offset: record.offset, timestamp: record.timestamp };
        }
        // The batch's late-enough records all lie below the log start: go on after it.
        position = b.position + b.size;
      }
    }
    return null;
  }

  /** The offset and timestamp of the record with the largest timestamp (ListOffsets -3). */
  maxTimestampOffset(): { offset: number; timestamp: number } | null {
    let best: { offset: number; timestamp: number } | null = null;
    for (const s of this.segments) {
      if (
        s.maxTimestamp >= 0 &&
        (best === null || s.maxTimestamp > best.timestamp) &&
        s.offsetOfMaxTimestamp >= this.logStartOffset
      ) {
        best = { offset: s.offsetOfMaxTimestamp, timestamp: s.maxTimestamp };
      }
    }
    return best;
  }

  // ------------------------------------------------------------------------------------
  // Transactions hook

  /** Records an aborted transaction whose marker is at `txn.lastOffset` (read_committed support). */
  appendAbortedTxn(txn: AbortedTxn): void {
    const segment = this.segmentFor(txn.lastOffset);
    if (segment === undefined) throw new Error(`no segment holds offset ${txn.lastOffset}`);
    segment.appendAbortedTxn(txn);
  }

  /** Aborted transactions overlapping [fetchOffset, upperBoundOffset). */
  collectAbortedTxns(fetchOffset: number, upperBoundOffset: number): AbortedTxn[] {
    const out: AbortedTxn[] = [];
    for (const s of this.segments) s.collectAbortedTxns(fetchOffset, upperBoundOffset, out);
    return out;
  }

  // ------------------------------------------------------------------------------------
  // Truncation, log start, retention

  /**
   * Removes every batch whose last offset is >= `offset` (follower truncation). At or past
   * the log end no batch goes, but epoch-cache entries starting at the log end still do
   * (as Kafka's UnifiedLog.truncateTo): a broker that became leader and recorded its epoch
   * start, then lost leadership before appending, holds an epoch no batch was written in.
   * Left there, it would be the follower's lastFetchedEpoch forever and the leader's
   * DivergingEpoch answer would truncate nothing.
   */
  truncateTo(offset: number): Promise<void> {
    this.checkWritable();
    return this.exclusive(async () => {
      if (offset >= this.logEndOffset) {
        await this.epochCache.truncateFromEnd(this.logEndOffset);
        return;
      }
      if (offset <= this.logStartOffset) {
        await this.resetTo(offset);
        return;
      }
      while (this.segments.length > 1 && this.active().baseOffset >= offset) {
        const s = this.active();
        this.segments = this.segments.slice(0, -1);
        await s.delete();
      }
      await this.active().truncateTo(offset);
      this.logEndOffset = this.active().nextOffset;
      // The batch holding `offset` may begin below a log start inside it (DeleteRecords):
      // nothing visible is left, and the log start may not stay above the end.
      this.logStartOffset = Math.min(this.logStartOffset, this.logEndOffset);
      this.afterTruncation();
      await this.epochCache.truncateFromEnd(this.logEndOffset);
      await this.deleteSnapshotsAfter(this.logEndOffset);
      await this.writeOffsetsCheckpoint();
    });
  }

  /** Empties the log and starts it again at `offset` (a follower far behind the leader's start). */
  truncateFullyAndStartAt(offset: number): Promise<void> {
    this.checkWritable();
    return this.exclusive(() => this.resetTo(offset));
  }

  private async resetTo(offset: number): Promise<void> {
    for (const s of this.segments) await s.delete();
    this.segments = [await LogSegment.create(this.disk, this.dir, offset, this.now(), this.config.indexIntervalBytes)];
    this.logStartOffset = offset;
    this.logEndOffset = offset;
    this.afterTruncation();
    await this.epochCache.truncateFromEnd(0);
    await this.deleteSnapshotsAfter(-1);
    await this.writeOffsetsCheckpoint();
  }

  private afterTruncation(): void {
    this.queuedEpoch = -1;
    this.writtenOffset = this.logEndOffset;
    this.flushedOffset = Math.min(this.flushedOffset, this.logEndOffset);
    this.recoveryPoint = Math.min(this.recoveryPoint, this.logEndOffset);
    this.highWatermark = Math.min(this.highWatermark, this.logEndOffset);
  }

  /**
   * Moves the log start offset to `offset` (DeleteRecords): records below it are gone
   * for readers at once; segments wholly below it are deleted. Durable when it returns.
   */
  deleteRecordsBefore(offset: number): Promise<number> {
    this.checkWritable();
    if (offset > this.logEndOffset) {
      return Promise.reject(
        new LogError(
          'OFFSET_OUT_OF_RANGE',
          `cannot delete records before ${offset}: the log ends at ${this.logEndOffset}`,
        ),
      );
    }
    return this.exclusive(async () => {
      if (offset <= this.logStartOffset) return this.logStartOffset;
      this.logStartOffset = offset;
      await this.writeOffsetsCheckpoint();
      await this.deleteSegmentsBelowStart();
      await this.epochCache.truncateFromStart(offset);
      return this.logStartOffset;
    });
  }

  private async deleteSegmentsBelowStart(): Promise<number> {
    let deleted = 0;
    while (this.segments.length > 1 && (this.segments[1] as LogSegment).baseOffset <= this.logStartOffset) {
      const s = this.segments[0] as LogSegment;
      this.segments = this.segments.slice(1);
      await s.delete();
      deleted++;
    }
    // The active segment can hold nothing but records below the start: roll past it.
    if (this.segments.length === 1 && this.logStartOffset >= this.logEndOffset && this.active().size > 0) {
      const old = this.segments[0] as LogSegment;
      this.segments = [
        await LogSegment.create(this.disk, this.dir, this.logEndOffset, this.now(), this.config.indexIntervalBytes),
      ];
      await old.delete();
      deleted++;
    }
    await this.deleteSnapshotsBefore(this.segments[0]?.baseOffset ?? 0);
    return deleted;
  }

  /**
   * Applies `retention.ms` and `retention.bytes` (cleanup.policy with delete): deletes
   * whole segments from the oldest, never the active segment unless it is empty, and
   * only below the high watermark. Returns the number of segments deleted.
   */
  applyRetention(): Promise<number> {
    this.checkWritable();
    return this.exclusive(async () => {
      if (!this.config.cleanupPolicy.includes('delete')) return 0;
      const now = this.now();
      let total = this.size;
      let cut = 0;
      for (let i = 0; i < this.segments.length - 1; i++) {
        const s = this.segments[i] as LogSegment;
        const next = this.segments[i + 1] as LogSegment;
        if (next.baseOffset > this.highWatermark) break;
        const expired =
          this.config.retentionMs >= 0 && s.maxTimestamp >= 0 && now - s.maxTimestamp > this.config.retentionMs;
        const tooBig = this.config.retentionBytes >= 0 && total - s.size >= this.config.retentionBytes;
        if (!expired && !tooBig) break;
        total -= s.size;
        cut = next.baseOffset;
      }
      // Segments wholly below the log start (left by a truncation inside the first
      // batch above it, then a roll) go even when retention moves nothing, as Kafka's
      // deleteLogStartOffsetBreachedSegments.
      if (cut <= this.logStartOffset) return this.deleteSegmentsBelowStart();
      this.logStartOffset = cut;
      await this.writeOffsetsCheckpoint();
      const deleted = await this.deleteSegmentsBelowStart();
      await this.epochCache.truncateFromStart(cut);
      this.onEvent({
        level: 'info',
        message: 'retention deleted log segments',
        dir: this.dir,
        segments: deleted,
        logStartOffset: cut,
      });
      return deleted;
    });
  }

  // ------------------------------------------------------------------------------------
  // Producer state snapshots

  private async snapshotOffsets(): Promise<number[]> {
    const out: number[] = [];
    for (const name of await this.disk.list(this.dir)) {
      const parsed = parseSegmentFileName(name);
      if (parsed !== null && parsed.suffix === SNAPSHOT_SUFFIX) out.push(parsed.baseOffset);
    }
    return out.sort((a, b) => a - b);
  }

  /** The newest producer state snapshot at or below `maxOffset`, if any. */
  async latestSnapshot(maxOffset = Number.MAX_SAFE_INTEGER): Promise<{ offset: number; data: Buffer } | null> {
    const offsets = (await this.snapshotOffsets()).filter((o) => o <= maxOffset);
    const offset = offsets[offsets.length - 1];
    if (offset === undefined) return null;
    return { offset, data: await this.disk.readFile(joinPath(this.dir, segmentFileName(offset, SNAPSHOT_SUFFIX))) };
  }

  /** Writes a producer state snapshot at the current log end (also done at every roll). */
  async takeSnapshot(data: Buffer): Promise<number> {
    const offset = this.logEndOffset;
    await this.exclusive(() =>
      this.disk.writeFileAtomic(joinPath(this.dir, segmentFileName(offset, SNAPSHOT_SUFFIX)), data),
    );
    return offset;
  }

  private async deleteSnapshotsAfter(offset: number): Promise<void> {
    for (const o of await this.snapshotOffsets())
      if (o > offset) await this.disk.unlink(joinPath(this.dir, segmentFileName(o, SNAPSHOT_SUFFIX)));
  }

  private async deleteSnapshotsBefore(offset: number): Promise<void> {
    for (const o of await this.snapshotOffsets())
      if (o < offset) await this.disk.unlink(joinPath(this.dir, segmentFileName(o, SNAPSHOT_SUFFIX)));
  }

  // ------------------------------------------------------------------------------------
  // For the cleaner

  /** Segments the cleaner may rewrite: all but the active one, oldest first. */
  inactiveSegments(): readonly LogSegment[] {
    return this.segments.slice(0, -1);
  }

  /**
   * Replaces `old` (consecutive inactive segments, `oldBytes` bytes in all when the
   * cleaner read them) with `cleaned`: a placeholder segment that tracked the batches the
   * cleaner wrote to `<base>.log.cleaned` (a subset of theirs, same offsets), or null when
   * nothing of them survives (never for the log's first segment: the log start stays
   * inside a segment). The swap is crash-safe (cleaner/swap.ts) and runs exclusively with
   * writes. A changed log is refused (the cleaner drops its work); a disk error during
   * the swap fails the log, and reopening it completes or undoes the swap.
   */
  replaceSegments(old: readonly LogSegment[], cleaned: LogSegment | null, oldBytes: number): Promise<void> {
    try {
      this.checkWritable();
    } catch (e) {
      return Promise.reject(e);
    }
    return this.exclusive(async () => {
      this.checkWritable();
      const first = this.segments.indexOf(old[0] as LogSegment);
      let bytes = 0;
      for (const s of old) bytes += s.size;
      if (
        first < 0 ||
        old.some((s, i) => this.segments[first + i] !== s) ||
        first + old.length >= this.segments.length ||
        bytes !== oldBytes
      ) {
        throw new Error('segments to replace are no longer these consecutive inactive segments of this log');
      }
      if (cleaned === null && first === 0) throw new Error('the first segment of a log is replaced, never removed');
      let replacement: LogSegment | null;
      try {
        replacement = await swapInSegment(this.disk, this.dir, old, cleaned);
      } catch (e) {
        // The files may be half swapped: only a reopen (which completes or undoes the swap) can tell.
        throw this.fail(e);
      }
      const next = [...this.segments];
      next.splice(first, old.length, ...(replacement === null ? [] : [replacement]));
      this.segments = next;
    });
  }

  /** Reads a whole inactive segment (for the cleaner). */
  async readSegment(segment: LogSegment): Promise<Buffer> {
    return segment.read(0, segment.size);
  }
}
