import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MemoryDisk } from '../disk.js';
import { LeaderEpochCache } from './leader-epoch-cache.js';
import { OffsetIndex } from './offset-index.js';
import { TimeIndex } from './time-index.js';
import type { AbortedTxn } from './txn-index.js';
import { TxnIndex } from './txn-index.js';

test('offset index: floor lookups, truncation, file round trip and sanity checks', () => {
  const index = new OffsetIndex(100, 1);
  assert.deepEqual(index.lookup(150), { offset: 100, position: 0 });
  for (let i = 1; i <= 50; i++) index.append(100 + i * 10, i * 4096);
  assert.deepEqual(index.lookup(105), { offset: 100, position: 0 });
  assert.deepEqual(index.lookup(110), { offset: 110, position: 4096 });
  assert.deepEqual(index.lookup(255), { offset: 250, position: 15 * 4096 });
  assert.deepEqual(index.lookup(10_000), { offset: 600, position: 50 * 4096 });
  assert.throws(() => index.append(600, 999_999), /must increase/);
  assert.throws(() => index.append(50, 999_999), /does not fit/);
  const file = Buffer.from(index.toBuffer());
  const loaded = OffsetIndex.fromBuffer(100, file, 60 * 4096);
  assert.ok(loaded !== null);
  assert.deepEqual(loaded.lookup(255), index.lookup(255));
  index.truncateTo(300);
  assert.equal(index.lastOffset(), 290);
  // Files that do not fit the log are refused (the caller rebuilds them).
  assert.equal(OffsetIndex.fromBuffer(100, file.subarray(0, 13), 60 * 4096), null, 'not a whole number of entries');
  assert.equal(OffsetIndex.fromBuffer(100, file, 1000), null, 'positions past the end of the log');
  const swapped = Buffer.from(file);
  file.copy(swapped, 0, 8, 16);
  file.copy(swapped, 8, 0, 8);
  assert.equal(OffsetIndex.fromBuffer(100, swapped, 60 * 4096), null, 'entries out of order');
  // Trailing zero entries (Kafka preallocates index files) are ignored.
  const padded = Buffer.concat([file, Buffer.alloc(80)]);
  assert.equal(OffsetIndex.fromBuffer(100, padded, 60 * 4096)?.entries, 50);
});

test('time index: only growing timestamps are kept; lookups give a safe place to start', () => {
  const index = new TimeIndex(0);
  index.maybeAppend(1000, 5);
  index.maybeAppend(900, 9);
  index.maybeAppend(2000, 20);
  assert.equal(index.entries, 2);
  assert.equal(index.lookup(500), 0);
  assert.equal(index.lookup(1500), 5);
  assert.equal(index.lookup(2500), 20);
  const loaded = TimeIndex.fromBuffer(0, Buffer.from(index.toBuffer()), 21);
  assert.equal(loaded?.lookup(1500), 5);
  assert.equal(TimeIndex.fromBuffer(0, Buffer.from(index.toBuffer()), 10), null, 'offset past the segment end');
  index.truncateTo(20);
  assert.equal(index.lastTimestamp(), 1000);
});

test('transaction index: overlap queries, file round trip, order enforced', () => {
  const index = new TxnIndex();
  index.append({ producerId: 7, firstOffset: 10, lastOffset: 20, lastStableOffset: 10 });
  index.append({ producerId: 8, firstOffset: 15, lastOffset: 40, lastStableOffset: 15 });
  const out: AbortedTxn[] = [];
  index.collect(21, 30, out);
  assert.deepEqual(out, [{ producerId: 8, firstOffset: 15, lastOffset: 40, lastStableOffset: 15 }]);
  assert.throws(
    () => index.append({ producerId: 9, firstOffset: 1, lastOffset: 30, lastStableOffset: 1 }),
    /offset order/,
  );
  const loaded = TxnIndex.fromBuffer(index.toBuffer());
  assert.deepEqual(loaded?.entries, index.entries);
  assert.equal(TxnIndex.fromBuffer(Buffer.alloc(33)), null);
  index.truncateTo(40);
  assert.equal(index.entries.length, 1);
});

test('leader epoch cache: assign, end offsets, truncation, checkpoint in Kafka format', async () => {
  const disk = new MemoryDisk();
  await disk.mkdirs('p');
  const cache = await LeaderEpochCache.load(disk, 'p/leader-epoch-checkpoint');
  assert.deepEqual(cache.endOffsetFor(0, 0), { epoch: -1, endOffset: -1 });
  await cache.assign(1, 0);
  await cache.assign(1, 5);
  await cache.assign(3, 10);
  await cache.assign(2, 12);
  await cache.assign(5, 20);
  assert.deepEqual(cache.all, [
    { epoch: 1, startOffset: 0 },
    { epoch: 3, startOffset: 10 },
    { epoch: 5, startOffset: 20 },
  ]);
  assert.deepEqual(cache.endOffsetFor(1, 30), { epoch: 1, endOffset: 10 });
  assert.deepEqual(
    cache.endOffsetFor(2, 30),
    { epoch: 1, endOffset: 10 },
    'an unknown epoch answers with the one before it',
  );
  assert.deepEqual(cache.endOffsetFor(5, 30), { epoch: 5, endOffset: 30 });
  assert.deepEqual(
    cache.endOffsetFor(0, 30),
    { epoch: 0, endOffset: 0 },
    'older than every entry: the first start offset',
  );
  assert.deepEqual(cache.endOffsetFor(6, 30), { epoch: -1, endOffset: -1 }, 'newer than the latest');
  assert.deepEqual(cache.endOffsetFor(-1, 30), { epoch: -1, endOffset: -1 });
  assert.deepEqual(cache.endOffsetFor(4, 30), { epoch: 3, endOffset: 20 });
  assert.equal((await disk.readFile('p/leader-epoch-checkpoint')).toString(), '0\n3\n1 0\n3 10\n5 20\n');
  await cache.truncateFromEnd(15);
  await cache.truncateFromStart(12);
  assert.deepEqual(cache.all, [{ epoch: 3, startOffset: 12 }]);
  const reloaded = await LeaderEpochCache.load(disk, 'p/leader-epoch-checkpoint');
  assert.deepEqual(reloaded.all, cache.all);
  await disk.writeFileAtomic('p/bad', Buffer.from('0\n2\n1 0\n'));
  await assert.rejects(LeaderEpochCache.load(disk, 'p/bad'), /expected 2 entries/);
  await disk.writeFileAtomic('p/bad2', Buffer.from('1\n0\n'));
  await assert.rejects(LeaderEpochCache.load(disk, 'p/bad2'), /unsupported checkpoint version/);
});
