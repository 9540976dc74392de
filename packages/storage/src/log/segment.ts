/**
 * One segment of a partition log: `<20-digit base offset>.log` holding whole record
 * batches back to back (Kafka's format, no framing of our own), with its sparse
 * `.index` (offset → position), `.timeindex` (timestamp → offset) and `.txnindex`
 * (aborted transactions).
 *
 * Crash policy: the `.log` file is the truth. Index files are written whole when the
 * segment is persisted (`persistIndexes`, at checkpoints, rolls and close) and are only
 * trusted for segments below the recovery point, after a sanity check; anything else is
 * rebuilt from the log by `recover()`, which also cuts the log at the first torn or
 * corrupt batch.
 *
 * Only the owning PartitionLog calls these methods; it serialises writes.
 */
import type { Disk, DiskFile } from '../disk.js';
import { joinPath } from '../disk.js';
import type { BatchInfo } from './batch-scan.js';
import { readFully, scanBatches } from './batch-scan.js';
import { OffsetIndex, RELATIVE_OFFSET_MAX } from './offset-index.js';
import { TimeIndex } from './time-index.js';
import type { AbortedTxn } from './txn-index.js';
import { TxnIndex } from './txn-index.js';

/** A read reached a segment that was deleted and closed (the caller retries). */
export class SegmentGoneError extends Error {
  override name = 'SegmentGoneError';
}

export function segmentFileName(baseOffset: number, suffix: string): string {
  return `${String(baseOffset).padStart(20, '0')}${suffix}`;
}

export function parseSegmentFileName(name: string): { baseOffset: number; suffix: string } | null {
  const m = /^(\d{20})(\.[a-z]+)$/.exec(name);
  if (m === null) return null;
  const baseOffset = Number(m[1]);
  return Number.isSafeInteger(baseOffset) ? { baseOffset, suffix: m[2] as string } : null;
}

export class LogSegment {
  /** Bytes of batches appended (some may still be on their way to the file). */
  size = 0;
  /** The offset after the last batch. */
  nextOffset: number;
  maxTimestamp = -1;
  offsetOfMaxTimestamp = -1;
  /** Timestamp of the first batch, for `segment.ms` rolling; -1 when empty. */
  firstBatchTimestamp = -1;
  /** Reads in progress (withFile); a deleted segment closes its file after the last. */
  private readers = 0;
  private retired = false;
  /** Indexes could not be trusted at open: the log must run `recover()` on this segment. */
  needsRecovery = false;
  private bytesSinceIndexEntry = 0;
  private handle: DiskFile | null;
  private offsetIndex: OffsetIndex;
  private timeIndex: TimeIndex;
  private txnIndex: TxnIndex;
  private indexesDirty = false;

  private constructor(
    private readonly disk: Disk,
    readonly dir: string,
    readonly baseOffset: number,
    file: DiskFile | null,
    readonly createdMs: number,
    private readonly indexIntervalBytes: number,
  ) {
    this.handle = file;
    this.nextOffset = baseOffset;
    this.offsetIndex = new OffsetIndex(baseOffset);
    this.timeIndex = new TimeIndex(baseOffset);
    this.txnIndex = new TxnIndex();
  }

  /** The `.log` file; a segment made by `placeholder` has none until `openFile()`. */
  get file(): DiskFile {
    if (this.handle === null) throw new Error(`segment ${this.baseOffset} of ${this.dir} has no open file yet`);
    return this.handle;
  }

  get isOpen(): boolean {
    return this.handle !== null;
  }

  get offsetIndexEntries(): number {
    return this.offsetIndex.entries;
  }

  /**
   * A new segment whose file is created later by `openFile()`: lets the log roll
   * synchronously inside an append and create the file in order with its writes.
   */
  static placeholder(
    disk: Disk,
    dir: string,
    baseOffset: number,
    nowMs: number,
    indexIntervalBytes: number,
  ): LogSegment {
    const segment = new LogSegment(disk, dir, baseOffset, null, nowMs, indexIntervalBytes);
    segment.indexesDirty = true;
    return segment;
  }

  async openFile(): Promise<void> {
    if (this.handle !== null) return;
    const file = await this.disk.open(this.path('.log'), true);
    await file.truncate(0);
    this.handle = file;
  }

  /**
   * For a placeholder that tracked batches written elsewhere (the log cleaner's
   * `.cleaned` file, now renamed to this segment's `.log`): opens the file as it is and
   * checks that it holds exactly the bytes tracked.
   */
  async openWritten(): Promise<void> {
    if (this.handle !== null) throw new Error(`segment ${this.baseOffset} of ${this.dir} is already open`);
    const file = await this.disk.open(this.path('.log'), false);
    const size = await file.size();
    if (size !== this.size) {
      await file.close();
      throw new Error(`segment ${this.baseOffset} of ${this.dir} holds ${size} bytes, ${this.size} were written`);
    }
    this.handle = file;
  }

  path(suffix: string): string {
    return joinPath(this.dir, segmentFileName(this.baseOffset, suffix));
  }

  /** A new, empty segment (an old file of the same name is emptied). */
  static async create(
    disk: Disk,
    dir: string,
    baseOffset: number,
    nowMs: number,
    indexIntervalBytes: number,
  ): Promise<LogSegment> {
    const file = await disk.open(joinPath(dir, segmentFileName(baseOffset, '.log')), true);
    await file.truncate(0);
    const segment = new LogSegment(disk, dir, baseOffset, file, nowMs, indexIntervalBytes);
    segment.indexesDirty = true;
    return segment;
  }

  /**
   * Opens an existing segment. With `trustIndexes` (the segment is below the recovery
   * point) the index files are loaded when they pass a sanity check and only the tail
   * after the last index entry is scanned; otherwise the caller runs `recover()`.
   */
  static async open(
    disk: Disk,
    dir: string,
    baseOffset: number,
    nowMs: number,
    indexIntervalBytes: number,
    trustIndexes: boolean,
  ): Promise<LogSegment> {
    const file = await disk.open(joinPath(dir, segmentFileName(baseOffset, '.log')), false);
    const segment = new LogSegment(disk, dir, baseOffset, file, nowMs, indexIntervalBytes);
    segment.size = await file.size();
    if (trustIndexes && (await segment.loadIndexes())) return segment;
    segment.indexesDirty = true;
    segment.needsRecovery = true;
    return segment;
  }

  private async readIndexFile(suffix: string): Promise<Buffer | null> {
    const path = this.path(suffix);
    return (await this.disk.exists(path)) ? this.disk.readFile(path) : null;
  }

  /** Loads the index files; false when they are missing or do not fit the log (rebuild). */
  private async loadIndexes(): Promise<boolean> {
    const offsetData = await this.readIndexFile('.index');
    const timeData = await this.readIndexFile('.timeindex');
    if (offsetData === null || timeData === null) return false;
    const offsetIndex = OffsetIndex.fromBuffer(this.baseOffset, offsetData, this.size);
    if (offsetIndex === null) return false;
    // Scan the tail after the last indexed batch to learn the end offset and timestamps.
    const from = offsetIndex.lookup(Number.MAX_SAFE_INTEGER).position;
    let next = this.baseOffset;
    let maxTs = -1;
    let offsetOfMaxTs = -1;
    let firstTs = -1;
    // An index file cut to whole entries passes the checks but would make reads scan from
    // its last entry: the tail scan puts back the entries `track` would have made.
    const loadedEntries = offsetIndex.entries;
    let sinceEntry = -1;
    let firstTailTs = -1;
    const result = await scanBatches(this.file, from, this.size, false, (b) => {
      if (sinceEntry > this.indexIntervalBytes) {
        offsetIndex.append(b.lastOffset, b.position);
        sinceEntry = 0;
      }
      if (sinceEntry < 0) firstTailTs = b.maxTimestamp;
      sinceEntry = Math.max(sinceEntry, 0) + b.size;
      next = b.lastOffset + 1;
      if (b.maxTimestamp > maxTs) {
        maxTs = b.maxTimestamp;
        offsetOfMaxTs = b.lastOffset;
      }
      if (from === 0 && firstTs < 0) firstTs = b.maxTimestamp;
      return true;
    });
    if (result.error !== null || result.position !== this.size) return false;
    const timeIndex = TimeIndex.fromBuffer(this.baseOffset, timeData, Math.max(next, this.baseOffset + 1));
    if (timeIndex === null) return false;
    // When the last offset index entry was made, the time index got the largest timestamp
    // so far: a time index cut short would understate the segment's largest timestamp
    // (retention.ms, ListOffsets), so rebuild it.
    if (loadedEntries > 0 && (timeIndex.entries === 0 || timeIndex.lastTimestamp() < firstTailTs)) return false;
    const txnData = await this.readIndexFile('.txnindex');
    const txnIndex = txnData === null ? new TxnIndex() : TxnIndex.fromBuffer(txnData);
    if (txnIndex === null) return false;
    if (from > 0) {
      // The first batch's timestamp is needed only for time-based rolling of the active segment.
      const head = await scanFirst(this.file, this.size);
      firstTs = head?.maxTimestamp ?? -1;
    }
    this.offsetIndex = offsetIndex;
    this.timeIndex = timeIndex;
    this.txnIndex = txnIndex;
    this.nextOffset = next;
    if (offsetIndex.entries > loadedEntries) this.indexesDirty = true;
    // Appends to a reopened active segment go on with the same spacing of entries.
    this.bytesSinceIndexEntry = Math.max(sinceEntry, 0);
    if (timeIndex.lastTimestamp() > maxTs) {
      maxTs = timeIndex.lastTimestamp();
      offsetOfMaxTs = timeIndex.lookup(maxTs + 1);
    }
    this.maxTimestamp = maxTs;
    this.offsetOfMaxTimestamp = offsetOfMaxTs;
    this.firstBatchTimestamp = firstTs;
    return true;
  }

  /**
   * Validates every batch from the start, rebuilds the indexes, and cuts the file at the
   * first torn or corrupt batch. Returns the bytes cut and why.
   */
  async recover(): Promise<{ truncatedBytes: number; reason: string | null }> {
    this.resetState();
    this.needsRecovery = false;
    const fileSize = await this.file.size();
    // Offsets are outside the CRC: a batch must also start after the one before it (and
    // at or after the base) and end within the segment's int32 range of relative offsets.
    let badOffsets: { position: number; reason: string } | null = null;
    const result = await scanBatches(this.file, 0, fileSize, true, (b) => {
      if (b.baseOffset < this.nextOffset || b.lastOffset - this.baseOffset > RELATIVE_OFFSET_MAX) {
        badOffsets = {
          position: b.position,
          reason: `batch offsets ${b.baseOffset}..${b.lastOffset} do not follow ${this.nextOffset - 1} in segment ${this.baseOffset}`,
        };
        return false;
      }
      this.track(b);
      return true;
    });
    const cut: { position: number; reason: string | null } = badOffsets ?? {
      position: result.position,
      reason: result.error,
    };
    this.size = cut.position;
    this.indexesDirty = true;
    // The transaction index cannot be rebuilt from the batches alone (it needs the first
    // offset of each aborted transaction): keep what the file holds up to the cut.
    const txnData = await this.readIndexFile('.txnindex');
    this.txnIndex = (txnData === null ? null : TxnIndex.fromBuffer(txnData)) ?? new TxnIndex();
    this.txnIndex.truncateTo(this.nextOffset);
    if (cut.position < fileSize) {
      await this.file.truncate(cut.position);
      return { truncatedBytes: fileSize - cut.position, reason: cut.reason };
    }
    return { truncatedBytes: 0, reason: null };
  }

  private resetState(): void {
    this.offsetIndex = new OffsetIndex(this.baseOffset);
    this.timeIndex = new TimeIndex(this.baseOffset);
    this.txnIndex = new TxnIndex();
    this.size = 0;
    this.nextOffset = this.baseOffset;
    this.maxTimestamp = -1;
    this.offsetOfMaxTimestamp = -1;
    this.firstBatchTimestamp = -1;
    this.bytesSinceIndexEntry = 0;
  }

  /** Accounts for a batch appended at `info.position` (indexes, timestamps, end offset). */
  track(info: BatchInfo): void {
    if (info.maxTimestamp > this.maxTimestamp) {
      this.maxTimestamp = info.maxTimestamp;
      this.offsetOfMaxTimestamp = info.lastOffset;
    }
    // As Kafka: an index entry (and a time index entry with the largest timestamp so
    // far) once more than index.interval.bytes were appended since the last one.
    if (this.bytesSinceIndexEntry > this.indexIntervalBytes) {
      this.offsetIndex.append(info.lastOffset, info.position);
      this.timeIndex.maybeAppend(this.maxTimestamp, this.offsetOfMaxTimestamp);
      this.bytesSinceIndexEntry = 0;
    }
    if (this.firstBatchTimestamp < 0) this.firstBatchTimestamp = info.maxTimestamp;
    this.bytesSinceIndexEntry += info.size;
    this.size = info.position + info.size;
    this.nextOffset = info.lastOffset + 1;
    this.indexesDirty = true;
  }

  appendAbortedTxn(txn: AbortedTxn): void {
    this.txnIndex.append(txn);
    this.indexesDirty = true;
  }

  collectAbortedTxns(fetchOffset: number, upperBoundOffset: number, out: AbortedTxn[]): void {
    this.txnIndex.collect(fetchOffset, upperBoundOffset, out);
  }

  /** The byte position to start scanning from for `offset`. */
  lookupPosition(offset: number): number {
    return this.offsetIndex.lookup(offset).position;
  }

  /** The offset to start scanning from for the first record with timestamp >= `timestamp`. */
  lookupTimestamp(timestamp: number): number {
    return this.timeIndex.lookup(timestamp);
  }

  /** Position of the first batch whose last offset is >= `offset`, or `size` if none. */
  async findBatch(offset: number): Promise<BatchInfo | null> {
    let found: BatchInfo | null = null;
    await this.withFile((file) =>
      scanBatches(file, this.lookupPosition(offset), this.size, false, (b) => {
        if (b.lastOffset >= offset) {
          found = b;
          return false;
        }
        return true;
      }),
    );
    return found;
  }

  /**
   * Removes every batch whose last offset is >= `offset` (whole batches: a batch that
   * holds `offset` goes too). Returns the bytes removed.
   */
  async truncateTo(offset: number): Promise<number> {
    if (offset >= this.nextOffset) return 0;
    const batch = await this.findBatch(offset);
    const position = batch === null ? this.size : batch.position;
    const removed = this.size - position;
    await this.file.truncate(position);
    // Rebuild the in-memory state of what is left from the log itself.
    const txnIndex = this.txnIndex;
    this.resetState();
    txnIndex.truncateTo(offset);
    this.txnIndex = txnIndex;
    const result = await scanBatches(this.file, 0, position, false, (b) => {
      this.track(b);
      return true;
    });
    if (result.error !== null)
      throw new Error(`segment ${this.baseOffset} is corrupt below ${position}: ${result.error}`);
    this.indexesDirty = true;
    return removed;
  }

  /** Writes the index files whole if they changed. */
  async persistIndexes(): Promise<void> {
    if (!this.indexesDirty) return;
    this.indexesDirty = false;
    await this.disk.writeFileAtomic(this.path('.index'), this.offsetIndex.toBuffer());
    await this.disk.writeFileAtomic(this.path('.timeindex'), this.timeIndex.toBuffer());
    if (this.txnIndex.entries.length > 0 || (await this.disk.exists(this.path('.txnindex')))) {
      await this.disk.writeFileAtomic(this.path('.txnindex'), this.txnIndex.toBuffer());
    }
  }

  /** Reads `length` bytes at `position`. */
  read(position: number, length: number, into?: Buffer): Promise<Buffer> {
    return this.withFile((file) => readFully(file, position, length, into));
  }

  /**
   * Runs a read on the segment's file, counted so that a segment deleted meanwhile
   * (retention, DeleteRecords, compaction) keeps its file open until the read is done:
   * the files are unlinked at once, the descriptor closed by the last reader. A read
   * that starts after the segment was closed gets SegmentGoneError; the log retries on
   * its new segment list.
   */
  async withFile<T>(fn: (file: DiskFile) => Promise<T>): Promise<T> {
    const handle = this.handle;
    if (handle === null) {
      throw new SegmentGoneError(`segment ${this.baseOffset} of ${this.dir} was deleted`);
    }
    this.readers++;
    try {
      return await fn(handle);
    } finally {
      this.readers--;
      if (this.retired && this.readers === 0) await this.close();
    }
  }

  /** Memory held by this segment's in-memory indexes. */
  get memoryBytes(): number {
    return this.offsetIndex.memoryBytes + this.timeIndex.memoryBytes;
  }

  async close(): Promise<void> {
    const handle = this.handle;
    this.handle = null;
    await handle?.close();
  }

  /**
   * Deletes every file of this segment. Reads in progress finish on the open
   * descriptor (see withFile); it is closed when the last one is done.
   */
  async delete(): Promise<void> {
    this.retired = true;
    for (const suffix of ['.log', '.index', '.timeindex', '.txnindex']) {
      const path = this.path(suffix);
      if (await this.disk.exists(path)) await this.disk.unlink(path);
    }
    if (this.readers === 0) await this.close();
  }
}

async function scanFirst(file: DiskFile, end: number): Promise<BatchInfo | null> {
  let first: BatchInfo | null = null;
  await scanBatches(file, 0, end, false, (b) => {
    first = b;
    return false;
  });
  return first;
}
