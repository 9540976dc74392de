/**
 * Regression tests for bugs the operation fuzzer (opfuzz.test.ts) and the crash tests
 * (crash.test.ts) found, each reduced to its smallest form.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildRecordBatch, readAllRecords } from '@gregor/protocol';
import { MemoryDisk } from '../disk.js';
import type { LogConfig } from './config.js';
import type { LogEvent } from './log.js';
import { LogError, PartitionLog } from './log.js';
import { segmentFileName } from './segment.js';

function batch(timestamps: number[], size = 10): Buffer {
  return buildRecordBatch({
    records: timestamps.map((timestamp, i) => ({ key: `k${i}`, value: 'v'.repeat(size), timestamp })),
  });
}

async function open(disk: MemoryDisk, config: Partial<LogConfig> = {}, events: LogEvent[] = []) {
  return PartitionLog.open({ disk, dir: 'p', config, onEvent: (e) => events.push(e) });
}

async function offsetsFrom(log: PartitionLog, from: number): Promise<number[]> {
  const out: number[] = [];
  for (let offset = from; offset < log.logEndOffset; ) {
    const r = await log.read(offset, 1 << 20);
    assert.ok(r.nextOffset > offset, `read at ${offset} made progress`);
    for (let at = 0; at < r.records.length; ) {
      const size = 12 + r.records.readInt32BE(at + 8);
      for (const rec of readAllRecords(r.records.subarray(at, at + size), 0)) out.push(rec.offset);
      at += size;
    }
    offset = r.nextOffset;
  }
  return out;
}

const storageError = (e: unknown) => e instanceof LogError && e.errorCode === 'KAFKA_STORAGE_ERROR';

test('a crash leaves no hole: a rolled segment is durable before the next one exists', async () => {
  const disk = new MemoryDisk();
  const log = await open(disk, { segmentBytes: 300 });
  // Several rolls, nothing flushed.
  for (let i = 0; i < 10; i++) await log.appendAsLeader(batch([1000, 1001]), 0);
  assert.ok(log.segmentCount > 3);
  await log.abandon();
  disk.crash();
  const reopened = await open(disk, { segmentBytes: 300 });
  // Whatever survived is a prefix: offsets from 0 to the end without a gap.
  assert.deepEqual(await offsetsFrom(reopened, 0), [...Array(reopened.logEndOffset).keys()]);
  assert.ok(reopened.logEndOffset > 0, 'rolled segments were synced');
});

test('the log start offset survives a crash that loses every record above it', async () => {
  const disk = new MemoryDisk();
  const events: LogEvent[] = [];
  const log = await open(disk);
  for (let i = 0; i < 4; i++) await log.appendAsLeader(batch([1000, 1001]), 0);
  assert.equal(await log.deleteRecordsBefore(6), 6);
  await log.abandon();
  disk.crash(); // nothing was flushed
  const reopened = await open(disk, {}, events);
  assert.equal(reopened.logStartOffset, 6, 'DeleteRecords is durable: the start never goes back');
  assert.equal(reopened.logEndOffset, 6);
  assert.ok(events.some((e) => /nothing above the log start/.test(e.message)));
  assert.equal((await reopened.appendAsLeader(batch([1]), 0)).baseOffset, 6, 'offsets below the start are not reused');
});

test('a failed fsync in flush() fails the log until it is reopened', async () => {
  const disk = new MemoryDisk();
  const log = await open(disk);
  await log.appendAsLeader(batch([1]), 0);
  disk.inject({ failSyncs: 1 });
  await assert.rejects(log.flush(), storageError);
  await assert.rejects(log.appendAsLeader(batch([2]), 0), storageError);
  await log.abandon();
  const reopened = await open(disk);
  assert.equal(reopened.logEndOffset, 1);
  assert.equal(await reopened.flush(), 1);
});

test('work queued behind a failed write settles with the error instead of hanging', async () => {
  const disk = new MemoryDisk();
  const log = await open(disk);
  disk.inject({ failWrites: 1 });
  const append = log.appendAsLeader(batch([1]), 0);
  const flush = log.flush();
  const roll = log.roll();
  await assert.rejects(append, storageError);
  await assert.rejects(flush, storageError);
  await assert.rejects(roll, storageError);
});

test('truncating inside a batch that begins below the log start leaves start <= end', async () => {
  const log = await open(new MemoryDisk());
  await log.appendAsLeader(batch([1, 2, 3, 4, 5]), 0); // 0-4
  await log.appendAsLeader(batch([6, 7, 8, 9, 10]), 0); // 5-9
  await log.deleteRecordsBefore(7);
  await log.truncateTo(8); // removes 5-9, which begins below the start
  assert.equal(log.logEndOffset, 5);
  assert.equal(log.logStartOffset, 5);
  assert.equal((await log.read(5, 1000)).records.length, 0);
  assert.equal((await log.appendAsLeader(batch([11]), 0)).baseOffset, 5);
});

test('offsetForTimestamp looks past a batch whose late records are all below the log start', async () => {
  const log = await open(new MemoryDisk());
  await log.appendAsLeader(batch([100, 300, 200]), 0); // 0-2, max 300 at offset 1
  await log.appendAsLeader(batch([400]), 0); // 3
  await log.deleteRecordsBefore(2);
  assert.deepEqual(await log.offsetForTimestamp(250), { offset: 3, timestamp: 400 });
  assert.deepEqual(await log.offsetForTimestamp(150), { offset: 2, timestamp: 200 });
});

test('retention deletes a segment left wholly below the log start even when it moves nothing', async () => {
  const disk = new MemoryDisk();
  const log = await open(disk, { segmentBytes: 1000, retentionMs: -1, retentionBytes: -1 });
  await log.appendAsLeader(batch([1, 2, 3]), 0); // 0-2
  await log.appendAsLeader(batch([4, 5, 6]), 0); // 3-5
  await log.deleteRecordsBefore(3);
  await log.truncateTo(4); // the end goes back to 3, the start is 3
  await log.roll(); // segment 0 now holds only records below the start
  await log.appendAsLeader(batch([7]), 0);
  assert.deepEqual(log.segmentBaseOffsets(), [0, 3]);
  log.highWatermark = log.logEndOffset;
  assert.equal(await log.applyRetention(), 1);
  assert.deepEqual(log.segmentBaseOffsets(), [3]);
  assert.equal(await disk.exists(`p/${segmentFileName(0, '.log')}`), false);
});

test('recovery cuts a batch whose offsets go backwards instead of failing to open', async () => {
  const disk = new MemoryDisk();
  const log = await open(disk);
  for (let i = 0; i < 3; i++) await log.appendAsLeader(batch([1, 2]), 0);
  await log.close();
  await disk.unlink('p/clean-shutdown');
  const path = `p/${segmentFileName(0, '.log')}`;
  const data = await disk.readFile(path);
  const third = 2 * (data.length / 3);
  data.writeUInt32BE(0, third + 4); // base offset 4 -> 0: outside the CRC, before the previous batch
  await disk.writeFileAtomic(path, data);
  const events: LogEvent[] = [];
  const reopened = await open(disk, {}, events);
  assert.equal(reopened.logEndOffset, 4);
  assert.match(String(events[0]?.reason), /do not follow/);
});

test('a close whose final fsync fails still lets go of every file, and leaves no clean marker', async () => {
  const disk = new MemoryDisk();
  const log = await open(disk);
  await log.appendAsLeader(batch([1]), 0);
  await log.roll();
  await log.appendAsLeader(batch([2]), 0);
  disk.inject({ failSyncs: 1 });
  await assert.rejects(log.close(), storageError);
  assert.ok(
    log.inactiveSegments().every((s) => !s.isOpen),
    'segment files closed',
  );
  assert.equal(await disk.exists('p/clean-shutdown'), false);
  const reopened = await open(disk);
  assert.equal(reopened.logEndOffset, 2, 'recovery finds what was written');
});
