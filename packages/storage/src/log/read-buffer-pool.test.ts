import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildRecordBatch } from '@gregor/protocol';
import { MemoryDisk } from '../disk.js';
import { PartitionLog } from './log.js';
import { POOLED_READ_BYTES_MIN, ReadBufferPool } from './read-buffer-pool.js';

test('buffers come in power-of-two classes, are reused once given back, and the pool is bounded', () => {
  const pool = new ReadBufferPool(1024 * 1024);
  const small = pool.take(100);
  assert.equal(small.length, 100, 'small reads are not pooled');
  const a = pool.take(POOLED_READ_BYTES_MIN + 1);
  assert.equal(a.length, 2 * POOLED_READ_BYTES_MIN);
  pool.give(a);
  assert.equal(pool.bytesPooled, a.length);
  assert.equal(pool.take(POOLED_READ_BYTES_MIN + 5), a, 'the same buffer again');
  pool.give(a.subarray(1));
  assert.equal(pool.bytesPooled, 0, 'views are not taken back');
  const big = pool.take(2 * 1024 * 1024);
  pool.give(big);
  assert.equal(pool.bytesPooled, 0, 'nothing beyond the bound is kept');
});

test('a log read lends a pooled buffer that is reused only after it is released', async () => {
  const pool = new ReadBufferPool();
  const log = await PartitionLog.open({ disk: new MemoryDisk(), dir: 'p', readBufferPool: pool });
  const value = Buffer.alloc(50_000, 7);
  for (let i = 0; i < 4; i++) await log.appendAsLeader(buildRecordBatch({ records: [{ value, timestamp: 1 }] }), 0);
  const first = await log.read(0, 200_000);
  assert.ok(first.backing !== null && first.backing.length >= POOLED_READ_BYTES_MIN);
  const second = await log.read(0, 200_000);
  assert.notEqual(second.backing, first.backing, 'while lent, a buffer is not handed out again');
  const copy = Buffer.from(first.records);
  log.releaseRead(first);
  assert.equal(first.backing, null);
  const third = await log.read(0, 200_000);
  assert.ok(third.backing !== null);
  assert.deepEqual(third.records, copy, 'a reused buffer holds the new read, not stale bytes');
  assert.deepEqual(second.records, copy, 'the other lent read is untouched');
  log.releaseRead(second);
  log.releaseRead(third);
  const tiny = await log.read(4, 100);
  assert.equal(tiny.records.length, 0);
  assert.equal(tiny.backing, null, 'nothing lent when nothing is returned');
});
