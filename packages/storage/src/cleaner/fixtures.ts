/**
 * Helpers for the cleaner's tests: building and appending batches, reading a whole log
 * back, and a disk that crashes at a chosen mutating operation. Test-only: nothing in
 * the package imports it.
 */
import type { CompressionType, RecordInput } from '@gregor/protocol';
import {
  buildControlBatch,
  buildRecordBatch,
  ControlRecordType,
  RecordBatchView,
  readAllRecords,
} from '@gregor/protocol';
import type { Disk, DiskFile, MemoryDisk } from '../disk.js';
import type { PartitionLog } from '../log/log.js';

export interface TestRecord {
  key: string | null;
  value: string | null;
  timestamp?: number;
}

export interface BatchOptions {
  compression?: CompressionType;
  producerId?: number;
  producerEpoch?: number;
  baseSequence?: number;
  transactional?: boolean;
}

/** Appends one batch of `records`; returns its base offset. */
export async function appendBatch(
  log: PartitionLog,
  records: readonly TestRecord[],
  options: BatchOptions = {},
  timestamp = 1000,
): Promise<number> {
  const inputs: RecordInput[] = records.map((r) => ({
    key: r.key,
    value: r.value,
    timestamp: r.timestamp ?? timestamp,
  }));
  const batch = buildRecordBatch({ records: inputs, ...options });
  return (await log.appendAsLeader(batch, 0)).baseOffset;
}

/** Appends a COMMIT or ABORT marker for `producerId`; returns its offset. */
export async function appendMarker(
  log: PartitionLog,
  producerId: number,
  commit: boolean,
  timestamp = 1000,
  producerEpoch = 0,
): Promise<number> {
  const batch = buildControlBatch({
    producerId,
    producerEpoch,
    type: commit ? ControlRecordType.COMMIT : ControlRecordType.ABORT,
    coordinatorEpoch: 0,
    timestamp,
  });
  return (await log.appendAsLeader(batch, 0)).baseOffset;
}

export interface ReadRecord {
  offset: number;
  key: string | null;
  value: string | null;
  timestamp: number;
}

export interface ReadBatch {
  baseOffset: number;
  lastOffset: number;
  control: boolean;
  transactional: boolean;
  producerId: number;
  baseSequence: number;
  compression: number;
  deleteHorizon: boolean;
  records: ReadRecord[];
}

/** Every batch of the log from its start to what was written, decoded. */
export async function readLog(log: PartitionLog): Promise<ReadBatch[]> {
  const out: ReadBatch[] = [];
  let offset = log.logStartOffset;
  while (offset < log.writtenOffset) {
    const { records, nextOffset } = await log.read(offset, 1 << 20);
    if (records.length === 0) break;
    let at = 0;
    while (at < records.length) {
      const view = new RecordBatchView(records, at);
      out.push({
        baseOffset: view.baseOffset,
        lastOffset: view.lastOffset,
        control: view.isControl,
        transactional: view.isTransactional,
        producerId: view.producerId,
        baseSequence: view.baseSequence,
        compression: view.compression,
        deleteHorizon: view.hasDeleteHorizon,
        records: readAllRecords(records, at).map((r) => ({
          offset: r.offset,
          key: r.key === null ? null : r.key.toString(),
          value: r.value === null ? null : r.value.toString(),
          timestamp: r.timestamp,
        })),
      });
      at += view.sizeInBytes;
    }
    offset = nextOffset;
  }
  return out;
}

/** The data records (not control records) of the log, in offset order. */
export async function readRecords(log: PartitionLog): Promise<ReadRecord[]> {
  const out: ReadRecord[] = [];
  for (const b of await readLog(log)) if (!b.control) out.push(...b.records);
  return out;
}

/** Thrown by CrashDisk at the operation chosen to crash, and by every call after it. */
export class CrashError extends Error {
  override name = 'CrashError';
}

/**
 * A Disk over a MemoryDisk that counts mutating operations (create, write, sync,
 * truncate, rename, unlink, atomic write) and, at operation number `crashAt`, crashes
 * the memory disk (dropping whatever was not synced) instead of running it. After that
 * every call fails, as in a dead process.
 */
export class CrashDisk implements Disk {
  ops = 0;
  crashAt = Number.POSITIVE_INFINITY;
  crashed = false;
  /** Mutating operations in order, for messages. */
  readonly trace: string[] = [];

  constructor(readonly inner: MemoryDisk) {}

  /** Crash at the `n`th mutating operation from now (0: the next one). */
  armIn(n: number): void {
    this.crashAt = this.ops + n;
  }

  alive(): void {
    if (this.crashed) throw new CrashError('the disk crashed');
  }

  step(what: string): void {
    this.alive();
    if (this.ops++ === this.crashAt) {
      this.crashed = true;
      this.inner.crash();
      throw new CrashError(`crash before ${what}`);
    }
    this.trace.push(what);
  }

  async open(path: string, create: boolean): Promise<DiskFile> {
    if (create && !(await this.inner.exists(path))) this.step(`create ${path}`);
    else this.alive();
    return new CrashFile(this, await this.inner.open(path, create));
  }
  async exists(path: string): Promise<boolean> {
    this.alive();
    return this.inner.exists(path);
  }
  async list(dir: string): Promise<string[]> {
    this.alive();
    return this.inner.list(dir);
  }
  async mkdirs(dir: string): Promise<void> {
    this.alive();
    return this.inner.mkdirs(dir);
  }
  async unlink(path: string): Promise<void> {
    this.step(`unlink ${path}`);
    return this.inner.unlink(path);
  }
  async removeAll(dir: string): Promise<void> {
    this.step(`removeAll ${dir}`);
    return this.inner.removeAll(dir);
  }
  async rename(from: string, to: string): Promise<void> {
    this.step(`rename ${from} -> ${to}`);
    return this.inner.rename(from, to);
  }
  async readFile(path: string): Promise<Buffer> {
    this.alive();
    return this.inner.readFile(path);
  }
  async writeFileAtomic(path: string, data: Buffer): Promise<void> {
    this.step(`writeFileAtomic ${path}`);
    return this.inner.writeFileAtomic(path, data);
  }
}

class CrashFile implements DiskFile {
  constructor(
    private readonly disk: CrashDisk,
    private readonly file: DiskFile,
  ) {}
  get path(): string {
    return this.file.path;
  }
  async size(): Promise<number> {
    this.disk.alive();
    return this.file.size();
  }
  async read(buf: Buffer, offset: number, length: number, position: number): Promise<number> {
    this.disk.alive();
    return this.file.read(buf, offset, length, position);
  }
  async writev(buffers: readonly Buffer[], position: number): Promise<number> {
    this.disk.step(`write ${this.file.path}`);
    return this.file.writev(buffers, position);
  }
  async sync(): Promise<void> {
    this.disk.step(`sync ${this.file.path}`);
    return this.file.sync();
  }
  async truncate(length: number): Promise<void> {
    this.disk.step(`truncate ${this.file.path}`);
    return this.file.truncate(length);
  }
  async close(): Promise<void> {
    return this.file.close();
  }
}
