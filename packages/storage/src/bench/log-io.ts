/**
 * Storage benchmarks against the machine's own limit, measured side by side in one run:
 * - append: PartitionLog appends vs plain `writev` of the same bytes to a file in the
 *   same directory, with the same grouping, with and without an fsync per group;
 * - read: PartitionLog reads (whole batches through the index) from inactive segments
 *   and from the active segment vs a plain sequential read of the same file bytes;
 * - memory: resident bytes per open idle partition.
 */
import { execFileSync } from 'node:child_process';
import { open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { buildRecordBatch } from '@gregor/protocol';
import { NodeDisk } from '../disk.js';
import { PartitionLog } from '../log/log.js';

export interface IoResult {
  name: string;
  bytesPerSec: number;
  baselineBytesPerSec: number;
  ratio: number;
}

function makeBatch(batchBytes: number): Buffer {
  const recordBytes = Math.min(1024, batchBytes);
  const n = Math.max(1, Math.floor(batchBytes / (recordBytes + 20)));
  const records = [];
  for (let i = 0; i < n; i++)
    records.push({ key: `k${i}`, value: Buffer.alloc(recordBytes - 20, 120), timestamp: Date.now() });
  return buildRecordBatch({ records });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

async function plainWrite(
  path: string,
  batch: Buffer,
  batches: number,
  group: number,
  fsync: boolean,
): Promise<number> {
  const fh = await open(path, 'w');
  const t0 = performance.now();
  let position = 0;
  for (let done = 0; done < batches; done += group) {
    const n = Math.min(group, batches - done);
    const buffers = Array.from({ length: n }, () => batch);
    const { bytesWritten } = await fh.writev(buffers, position);
    position += bytesWritten;
    if (fsync) await fh.datasync();
  }
  const seconds = (performance.now() - t0) / 1000;
  await fh.close();
  return (batch.length * batches) / seconds;
}

async function logAppend(
  dir: string,
  batch: Buffer,
  batches: number,
  group: number,
  durable: boolean,
): Promise<number> {
  const log = await PartitionLog.open({
    disk: new NodeDisk(),
    dir,
    config: { durable, segmentBytes: 1024 * 1024 * 1024 },
  });
  const copies = Array.from({ length: group }, () => Buffer.from(batch));
  const t0 = performance.now();
  for (let done = 0; done < batches; done += group) {
    const n = Math.min(group, batches - done);
    const pending: Promise<unknown>[] = [];
    // One group = appends made in one event-loop turn (as from many connections).
    for (let i = 0; i < n; i++) pending.push(log.appendAsLeader(copies[i] as Buffer, 0));
    await Promise.all(pending);
  }
  const seconds = (performance.now() - t0) / 1000;
  await log.close();
  return (batch.length * batches) / seconds;
}

/**
 * Writes back every dirty page before a measured run, so one run does not pay for the
 * writeback of the one before it (which would make whichever runs second look slower).
 */
function settle(): void {
  try {
    execFileSync('sync');
  } catch {
    // No sync command: runs alternate their order instead (below).
  }
}

export async function benchAppend(baseDir: string, totalBytes: number, runs = 3): Promise<IoResult[]> {
  const out: IoResult[] = [];
  for (const batchBytes of [1024, 16 * 1024, 1024 * 1024]) {
    const batch = makeBatch(batchBytes);
    const batches = Math.max(8, Math.floor(totalBytes / batch.length));
    const group = Math.max(1, Math.min(64, Math.floor((1024 * 1024) / batch.length)));
    for (const fsync of [false, true]) {
      const count = fsync ? Math.max(8, Math.floor(batches / 8)) : batches;
      const logRates: number[] = [];
      const plainRates: number[] = [];
      for (let r = 0; r < runs; r++) {
        const dir = join(baseDir, `append-${batchBytes}-${fsync}-${r}`);
        plainRates.push(
          await plainWrite(join(baseDir, `plain-${batchBytes}-${fsync}-${r}.bin`), batch, count, group, fsync),
        );
        logRates.push(await logAppend(dir, batch, count, group, fsync));
        await rm(dir, { recursive: true, force: true });
        await rm(join(baseDir, `plain-${batchBytes}-${fsync}-${r}.bin`), { force: true });
      }
      const bytesPerSec = median(logRates);
      const baselineBytesPerSec = median(plainRates);
      out.push({
        name: `append ${batch.length} B batches, ${group} per group${fsync ? ', fsync per group' : ''}`,
        bytesPerSec,
        baselineBytesPerSec,
        ratio: bytesPerSec / baselineBytesPerSec,
      });
    }
  }
  return out;
}

async function plainRead(path: string, chunk: number): Promise<number> {
  const fh = await open(path, 'r');
  const size = (await fh.stat()).size;
  const buf = Buffer.allocUnsafe(chunk);
  const t0 = performance.now();
  for (let pos = 0; pos < size; ) {
    const { bytesRead } = await fh.read(buf, 0, chunk, pos);
    if (bytesRead === 0) break;
    pos += bytesRead;
  }
  const seconds = (performance.now() - t0) / 1000;
  await fh.close();
  return size / seconds;
}

async function logRead(log: PartitionLog, from: number, to: number, maxBytes: number): Promise<number> {
  let bytes = 0;
  const t0 = performance.now();
  for (let offset = from; offset < to; ) {
    const r = await log.read(offset, maxBytes);
    if (r.records.length === 0) break;
    bytes += r.records.length;
    offset = r.nextOffset;
  }
  return bytes / ((performance.now() - t0) / 1000);
}

export async function benchRead(baseDir: string, totalBytes: number, runs = 3): Promise<IoResult[]> {
  const dir = join(baseDir, 'read');
  // Two segments of the same size: the first inactive, the second active.
  const segmentBytes = Math.max(1024 * 1024, Math.ceil(totalBytes / 2) + 64 * 1024);
  const log = await PartitionLog.open({ disk: new NodeDisk(), dir, config: { segmentBytes } });
  const batch = makeBatch(16 * 1024);
  for (let written = 0; written < 2 * segmentBytes - 128 * 1024; written += batch.length)
    await log.appendAsLeader(Buffer.from(batch), 0);
  await log.flush();
  const bases = log.segmentBaseOffsets();
  const activeBase = bases[bases.length - 1] as number;
  const firstSegment = join(dir, `${'0'.padStart(20, '0')}.log`);
  const maxBytes = 1024 * 1024;
  const out: IoResult[] = [];
  const cold: number[] = [];
  const tail: number[] = [];
  const plain: number[] = [];
  settle();
  for (let r = 0; r < runs; r++) {
    plain.push(await plainRead(firstSegment, maxBytes));
    cold.push(await logRead(log, 0, bases[1] ?? activeBase, maxBytes));
    tail.push(await logRead(log, activeBase, log.logEndOffset, maxBytes));
  }
  const baseline = median(plain);
  out.push({
    name: 'read 1 MiB at a time from inactive segments',
    bytesPerSec: median(cold),
    baselineBytesPerSec: baseline,
    ratio: median(cold) / baseline,
  });
  out.push({
    name: 'read 1 MiB at a time from the active segment',
    bytesPerSec: median(tail),
    baselineBytesPerSec: baseline,
    ratio: median(tail) / baseline,
  });
  await log.close();
  await rm(dir, { recursive: true, force: true });
  return out;
}

/** Resident memory per open idle partition, each with a few batches written. */
export async function benchIdleMemory(
  baseDir: string,
  partitions: number,
): Promise<{ bytesPerPartition: number; heapPerPartition: number }> {
  const batch = makeBatch(1024);
  globalThis.gc?.();
  const before = process.memoryUsage();
  const logs: PartitionLog[] = [];
  for (let p = 0; p < partitions; p++) {
    const log = await PartitionLog.open({ disk: new NodeDisk(), dir: join(baseDir, `idle-${p}`) });
    await log.appendAsLeader(Buffer.from(batch), 0);
    logs.push(log);
  }
  globalThis.gc?.();
  const afterMem = process.memoryUsage();
  for (const log of logs) await log.close();
  await rm(baseDir, { recursive: true, force: true });
  return {
    bytesPerPartition: (afterMem.rss - before.rss) / partitions,
    heapPerPartition: (afterMem.heapUsed + afterMem.external - before.heapUsed - before.external) / partitions,
  };
}
