import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { buildRecordBatch, readAllRecords } from '@gregor/protocol';
import { joinPath, MemoryDisk, NodeDisk } from '../disk.js';
import { LEADER_EPOCH_CHECKPOINT } from './leader-epoch-cache.js';
import type { LogOptions } from './log.js';
import { LogError, PartitionLog } from './log.js';

const tmp = mkdtempSync(join(tmpdir(), 'gregor-log-'));
after(() => rmSync(tmp, { recursive: true, force: true }));
let dirs = 0;
const newDir = () => join(tmp, `p-${dirs++}`);

function batch(n: number, ts = 1000, size = 10): Buffer {
  const records = [];
  for (let i = 0; i < n; i++) records.push({ key: `k${i}`, value: 'v'.repeat(size), timestamp: ts + i });
  return buildRecordBatch({ records });
}

function offsetsOf(buf: Buffer): number[] {
  const out: number[] = [];
  let at = 0;
  while (at < buf.length) {
    const size = 12 + buf.readInt32BE(at + 8);
    for (const r of readAllRecords(buf.subarray(at, at + size), 0)) out.push(r.offset);
    at += size;
  }
  return out;
}

async function open(opts: Partial<LogOptions> & { dir: string }): Promise<PartitionLog> {
  return PartitionLog.open({ disk: new NodeDisk(), ...opts });
}

test('appends get consecutive offsets and read back as whole batches', async () => {
  const log = await open({ dir: newDir() });
  const a = await log.appendAsLeader(batch(3), 0);
  const b = await log.appendAsLeader(batch(2), 0);
  assert.deepEqual([a.baseOffset, a.lastOffset, b.baseOffset, b.lastOffset], [0, 2, 3, 4]);
  assert.equal(log.logEndOffset, 5);
  const all = await log.read(0, 1 << 20);
  assert.deepEqual(offsetsOf(all.records), [0, 1, 2, 3, 4]);
  assert.equal(all.nextOffset, 5);
  // From the middle of the first batch: the whole batch comes back, as Kafka does.
  const mid = await log.read(1, 1 << 20);
  assert.equal(mid.firstOffset, 0);
  // A budget smaller than one batch still returns one batch.
  const one = await log.read(0, 1);
  assert.deepEqual(offsetsOf(one.records), [0, 1, 2]);
  assert.equal(one.nextOffset, 3);
  // Read up to a bound (the high watermark).
  assert.deepEqual(offsetsOf((await log.read(0, 1 << 20, 3)).records), [0, 1, 2]);
  assert.equal((await log.read(5, 100)).records.length, 0);
  await assert.rejects(
    log.read(6, 100),
    (e: unknown) => e instanceof LogError && e.errorCode === 'OFFSET_OUT_OF_RANGE',
  );
  await log.close();
});

test('appends in one event-loop turn reach the file in one write', async () => {
  const disk = new MemoryDisk();
  const log = await PartitionLog.open({ disk, dir: 'p' });
  const before = disk.writeCalls;
  const results = await Promise.all([
    log.appendAsLeader(batch(1), 0),
    log.appendAsLeader(batch(1), 0),
    log.appendAsLeader(batch(1), 0),
  ]);
  assert.deepEqual(
    results.map((r) => r.baseOffset),
    [0, 1, 2],
  );
  assert.equal(disk.writeCalls - before, 1);
  await log.close();
});

test('durable mode settles an append only after fsync; flush() reports the flushed offset', async () => {
  const disk = new MemoryDisk();
  const log = await PartitionLog.open({ disk, dir: 'p', config: { durable: true } });
  await log.appendAsLeader(batch(2), 0);
  assert.equal(log.flushedOffset, 2);
  disk.crash();
  const reopened = await PartitionLog.open({ disk, dir: 'p' });
  assert.equal(reopened.logEndOffset, 2, 'acknowledged durable appends survive a crash');

  const lazy = await PartitionLog.open({ disk: new MemoryDisk(), dir: 'q' });
  await lazy.appendAsLeader(batch(2), 0);
  assert.equal(lazy.flushedOffset, 0);
  assert.equal(await lazy.flush(), 2);
});

test('flush.messages fsyncs after that many records', async () => {
  const disk = new MemoryDisk();
  const log = await PartitionLog.open({ disk, dir: 'p', config: { flushMessages: 3 } });
  await log.appendAsLeader(batch(2), 0);
  assert.equal(log.flushedOffset, 0);
  await log.appendAsLeader(batch(1), 0);
  assert.equal(log.flushedOffset, 3);
});

test('flush.ms fsyncs when due', async () => {
  let now = 1000;
  const log = await PartitionLog.open({ disk: new MemoryDisk(), dir: 'p', config: { flushMs: 100 }, now: () => now });
  await log.appendAsLeader(batch(1), 0);
  await log.flushIfDue();
  assert.equal(log.flushedOffset, 0);
  now += 100;
  await log.flushIfDue();
  assert.equal(log.flushedOffset, 1);
});

test('segments roll by segment.bytes and reads cross them; files use Kafka names', async () => {
  const dir = newDir();
  const log = await open({ dir, config: { segmentBytes: 300 } });
  for (let i = 0; i < 10; i++) await log.appendAsLeader(batch(2), 0);
  assert.ok(log.segmentCount > 3, `rolled into ${log.segmentCount} segments`);
  const offsets: number[] = [];
  for (let o = 0; o < log.logEndOffset; ) {
    const r = await log.read(o, 1 << 20);
    offsets.push(...offsetsOf(r.records));
    o = r.nextOffset;
  }
  assert.deepEqual(offsets, [...Array(20).keys()]);
  await log.close();
  const files = readdirSync(dir);
  assert.ok(files.includes('00000000000000000000.log'));
  assert.ok(files.includes('00000000000000000000.index'));
  assert.ok(files.includes('00000000000000000000.timeindex'));
  assert.ok(files.includes('clean-shutdown'));
});

test('segments roll by segment.ms', async () => {
  let now = 10_000;
  const log = await PartitionLog.open({
    disk: new MemoryDisk(),
    dir: 'p',
    config: { segmentMs: 1000 },
    now: () => now,
  });
  await log.appendAsLeader(batch(1, now), 0);
  now += 500;
  await log.appendAsLeader(batch(1, now), 0);
  assert.equal(log.segmentCount, 1);
  now += 1000;
  await log.appendAsLeader(batch(1, now), 0);
  assert.equal(log.segmentCount, 2);
});

test('a clean reopen restores everything without recovery; the sparse index is used', async () => {
  const dir = newDir();
  const events: string[] = [];
  const log = await open({ dir, config: { segmentBytes: 2000, indexIntervalBytes: 100 } });
  for (let i = 0; i < 30; i++) await log.appendAsLeader(batch(3, 1000 + i * 10), 0);
  await log.close();
  const again = await open({
    dir,
    config: { segmentBytes: 2000, indexIntervalBytes: 100 },
    onEvent: (e) => events.push(e.message),
  });
  assert.equal(again.logEndOffset, 90);
  assert.deepEqual(offsetsOf((await again.read(47, 1)).records), [45, 46, 47]);
  assert.deepEqual(events, []);
  const next = await again.appendAsLeader(batch(1), 0);
  assert.equal(next.baseOffset, 90);
  await again.close();
});

test('lookup by timestamp finds the first record at or after it; max timestamp too', async () => {
  const log = await PartitionLog.open({ disk: new MemoryDisk(), dir: 'p', config: { indexIntervalBytes: 1 } });
  for (let i = 0; i < 10; i++) await log.appendAsLeader(batch(5, 1000 + i * 100), 0);
  assert.deepEqual(await log.offsetForTimestamp(0), { offset: 0, timestamp: 1000 });
  assert.deepEqual(await log.offsetForTimestamp(1302), { offset: 17, timestamp: 1302 });
  assert.deepEqual(await log.offsetForTimestamp(1305), { offset: 20, timestamp: 1400 });
  assert.equal(await log.offsetForTimestamp(5000), null);
  assert.deepEqual(log.maxTimestampOffset(), { offset: 49, timestamp: 1904 });
});

test('truncateTo removes whole batches and the epochs after them', async () => {
  const log = await PartitionLog.open({ disk: new MemoryDisk(), dir: 'p', config: { segmentBytes: 400 } });
  for (let i = 0; i < 8; i++) await log.appendAsLeader(batch(2), i < 4 ? 1 : 2);
  assert.equal(log.epochCache.latestEpoch(), 2);
  await log.truncateTo(7);
  assert.equal(log.logEndOffset, 6, 'the batch holding offset 7 starts at 6 and goes');
  assert.deepEqual(log.epochCache.all, [{ epoch: 1, startOffset: 0 }]);
  const r = await log.appendAsLeader(batch(1), 3);
  assert.equal(r.baseOffset, 6);
  assert.deepEqual(log.epochCache.endOffsetFor(1, log.logEndOffset), { epoch: 1, endOffset: 6 });
  await log.truncateTo(0);
  assert.equal(log.logEndOffset, 0);
});

test('truncateTo at the log end drops an epoch that starts there with no batch, durably (as Kafka)', async () => {
  // A broker became leader in epoch 1 at the log end (the epoch start recorded, as
  // makeLeader does) and lost leadership before appending: the entry names no batch.
  const disk = new MemoryDisk();
  const log = await PartitionLog.open({ disk, dir: 'p' });
  await log.appendAsLeader(batch(2), 0);
  await log.appendAsLeader(batch(2), 0);
  await log.epochCache.assign(1, log.logEndOffset);
  assert.deepEqual(log.epochCache.all, [
    { epoch: 0, startOffset: 0 },
    { epoch: 1, startOffset: 4 },
  ]);
  await log.truncateTo(log.logEndOffset);
  assert.equal(log.logEndOffset, 4, 'no batch goes');
  assert.deepEqual(log.epochCache.all, [{ epoch: 0, startOffset: 0 }]);
  assert.equal(log.epochCache.latestEpoch(), 0, 'a follower now fetches with the epoch its batches have');
  // The checkpoint file says so before any reopen: the change is durable when the call returns.
  const checkpoint = (await disk.readFile(joinPath('p', LEADER_EPOCH_CHECKPOINT))).toString('utf8');
  assert.equal(checkpoint, '0\n1\n0 0\n');
  // Past the log end too; an epoch that has batches is kept.
  await log.epochCache.assign(2, log.logEndOffset);
  await log.truncateTo(log.logEndOffset + 10);
  assert.deepEqual(log.epochCache.all, [{ epoch: 0, startOffset: 0 }]);
  await log.appendAsLeader(batch(1), 3);
  await log.truncateTo(log.logEndOffset);
  assert.deepEqual(log.epochCache.all, [
    { epoch: 0, startOffset: 0 },
    { epoch: 3, startOffset: 4 },
  ]);
  await log.flush();
  // A power loss and reopen: the batches and the cache agree.
  disk.crash();
  const reopened = await PartitionLog.open({ disk, dir: 'p' });
  assert.equal(reopened.logEndOffset, 5);
  assert.deepEqual(reopened.epochCache.all, [
    { epoch: 0, startOffset: 0 },
    { epoch: 3, startOffset: 4 },
  ]);
  assert.deepEqual(reopened.epochCache.endOffsetFor(0, reopened.logEndOffset), { epoch: 0, endOffset: 4 });
  const r = await reopened.appendAsLeader(batch(1), 4);
  assert.equal(r.baseOffset, 5);
  assert.deepEqual(reopened.epochCache.all.at(-1), { epoch: 4, startOffset: 5 });
  await reopened.close();
});

test('deleteRecordsBefore moves the log start and deletes whole segments below it', async () => {
  const disk = new MemoryDisk();
  const log = await PartitionLog.open({ disk, dir: 'p', config: { segmentBytes: 300 } });
  for (let i = 0; i < 10; i++) await log.appendAsLeader(batch(2), 0);
  const segments = log.segmentCount;
  assert.equal(await log.deleteRecordsBefore(9), 9);
  assert.ok(log.segmentCount < segments);
  await assert.rejects(log.read(8, 100), /outside/);
  assert.ok((await log.read(9, 100)).records.length > 0);
  await assert.rejects(
    log.deleteRecordsBefore(100),
    (e: unknown) => e instanceof LogError && e.errorCode === 'OFFSET_OUT_OF_RANGE',
  );
  disk.crash();
  const reopened = await PartitionLog.open({ disk, dir: 'p', config: { segmentBytes: 300 } });
  assert.equal(reopened.logStartOffset, 9, 'the log start offset is durable when the call returns');
});

test('retention by bytes and by time deletes whole old segments below the high watermark', async () => {
  let now = 100_000;
  const log = await PartitionLog.open({
    disk: new MemoryDisk(),
    dir: 'p',
    config: { segmentBytes: 300, retentionBytes: 600 },
    now: () => now,
  });
  for (let i = 0; i < 12; i++) await log.appendAsLeader(batch(2, now), 0);
  assert.equal(await log.applyRetention(), 0, 'nothing below the high watermark yet');
  log.highWatermark = log.logEndOffset;
  assert.ok((await log.applyRetention()) > 0);
  assert.ok(log.size <= 600 + 300, `size ${log.size}`);
  assert.ok(log.logStartOffset > 0);

  const timed = await PartitionLog.open({
    disk: new MemoryDisk(),
    dir: 'q',
    config: { segmentBytes: 300, retentionMs: 1000 },
    now: () => now,
  });
  for (let i = 0; i < 6; i++) await timed.appendAsLeader(batch(2, now), 0);
  timed.highWatermark = timed.logEndOffset;
  assert.equal(await timed.applyRetention(), 0);
  now += 2000;
  assert.ok((await timed.applyRetention()) > 0);
  assert.equal(timed.segmentCount, 1, 'all but the active segment expired');
});

test('a failed write refuses further appends until reopened, which recovers', async () => {
  const disk = new MemoryDisk();
  const log = await PartitionLog.open({ disk, dir: 'p' });
  await log.appendAsLeader(batch(2), 0);
  await log.flush();
  disk.inject({ failWrites: 1 });
  await assert.rejects(
    log.appendAsLeader(batch(2), 0),
    (e: unknown) => e instanceof LogError && e.errorCode === 'KAFKA_STORAGE_ERROR',
  );
  await assert.rejects(log.appendAsLeader(batch(2), 0), /failed/);
  await log.abandon();
  const reopened = await PartitionLog.open({ disk, dir: 'p' });
  assert.equal(reopened.logEndOffset, 2);
  assert.equal((await reopened.appendAsLeader(batch(1), 0)).baseOffset, 2);
});

test('short writes are completed', async () => {
  const disk = new MemoryDisk();
  const log = await PartitionLog.open({ disk, dir: 'p' });
  disk.inject({ shortWrites: 3 });
  await log.appendAsLeader(batch(20), 0);
  assert.deepEqual(offsetsOf((await log.read(0, 1 << 20)).records), [...Array(20).keys()]);
});

test('bad batches are refused before anything changes', async () => {
  const log = await PartitionLog.open({ disk: new MemoryDisk(), dir: 'p' });
  const good = batch(2);
  await assert.rejects(
    log.appendAsLeader(good.subarray(0, good.length - 1), 0),
    (e: unknown) => e instanceof LogError && e.errorCode === 'CORRUPT_MESSAGE',
  );
  await assert.rejects(log.appendAsLeader(Buffer.alloc(0), 0), /no record batches/);
  const legacy = Buffer.from(good);
  legacy.writeInt8(1, 16);
  await assert.rejects(log.appendAsLeader(legacy, 0), /magic 1/);
  assert.equal(log.logEndOffset, 0);
  await log.appendAsLeader(good, 0);
  assert.equal(log.logEndOffset, 2);
});

test('follower appends keep their offsets and must not go backwards', async () => {
  const log = await PartitionLog.open({ disk: new MemoryDisk(), dir: 'p' });
  const b = buildRecordBatch({ baseOffset: 10, partitionLeaderEpoch: 4, records: [{ value: 'x', timestamp: 1 }] });
  await log.truncateFullyAndStartAt(10);
  await log.appendAsFollower(b);
  assert.equal(log.logEndOffset, 11);
  assert.equal(log.epochCache.latestEpoch(), 4);
  await assert.rejects(log.appendAsFollower(b), /below the log end offset/);
});

test('producer state snapshots are written at each roll and found again', async () => {
  let state = 0;
  const disk = new MemoryDisk();
  const log = await PartitionLog.open({
    disk,
    dir: 'p',
    config: { segmentBytes: 300 },
    producerState: { snapshot: () => Buffer.from(`state-${++state}`) },
  });
  for (let i = 0; i < 6; i++) await log.appendAsLeader(batch(2), 0);
  const latest = await log.latestSnapshot();
  assert.ok(latest !== null);
  assert.equal(latest.offset, log.segmentBaseOffsets().at(-1));
  assert.equal(latest.data.toString(), `state-${state}`);
  await log.truncateTo(1);
  assert.equal(await log.latestSnapshot(), null, 'snapshots past the log end are dropped');
});

test('idle memory per partition stays small', async () => {
  const log = await PartitionLog.open({ disk: new MemoryDisk(), dir: 'p' });
  for (let i = 0; i < 100; i++) await log.appendAsLeader(batch(10, 1000, 100), 0);
  assert.ok(log.indexMemoryBytes < 4096, `${log.indexMemoryBytes} bytes of index`);
});

test('a read in progress when its segment is deleted completes; later reads see the new log start', async () => {
  const disk = new MemoryDisk();
  let gate: Promise<void> | null = null;
  const open = disk.open.bind(disk);
  // A disk whose reads wait at a gate, so a deletion can happen in the middle of one.
  disk.open = async (path: string, create: boolean) => {
    const file = await open(path, create);
    const read = file.read.bind(file);
    file.read = async (buf, offset, length, position) => {
      if (gate !== null) await gate;
      return read(buf, offset, length, position);
    };
    return file;
  };
  const log = await PartitionLog.open({ disk, dir: 'p', config: { segmentBytes: 300 } });
  for (let i = 0; i < 10; i++) await log.appendAsLeader(batch(2), 0);
  let release = () => {};
  gate = new Promise((r) => {
    release = r;
  });
  const reading = log.read(0, 100);
  const deleting = log.deleteRecordsBefore(10);
  await new Promise((r) => setTimeout(r, 20));
  release();
  gate = null;
  const result = await reading;
  assert.deepEqual(offsetsOf(result.records), [0, 1], 'the read that started before the deletion gets its data');
  assert.equal(await deleting, 10);
  await assert.rejects(
    log.read(0, 100),
    (e: unknown) => e instanceof LogError && e.errorCode === 'OFFSET_OUT_OF_RANGE',
  );
  assert.ok((await log.read(10, 1 << 20)).records.length > 0);
});
