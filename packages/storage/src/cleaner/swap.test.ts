import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildRecordBatch } from '@gregor/protocol';
import type { Disk } from '../disk.js';
import { MemoryDisk } from '../disk.js';
import { PartitionLog } from '../log/log.js';
import { compactLog } from './compact.js';
import type { ReadRecord, TestRecord } from './fixtures.js';
import { appendBatch, appendMarker, CrashDisk, CrashError, readLog, readRecords } from './fixtures.js';
import { recoverInterruptedSwaps } from './swap.js';

const T1 = 10_000;
const RETENTION_MS = 1_000;
const T2 = T1 + RETENTION_MS;

async function openLog(disk: Disk): Promise<PartitionLog> {
  return PartitionLog.open({
    disk,
    dir: 'p',
    now: () => T1,
    // One offset index entry per batch after the first: three segments of three batches
    // fill segment.index.bytes, so the cleaner groups segments three by three.
    config: {
      cleanupPolicy: ['compact'],
      deleteRetentionMs: RETENTION_MS,
      indexIntervalBytes: 1,
      segmentIndexBytes: 48,
    },
  });
}

const v = (key: string, value: string | null): TestRecord => ({ key, value });

/**
 * Nine segments of three batches (offsets in comments) and a record in the active
 * segment. The first group keeps an empty batch of the aborted producer, its marker and
 * a tombstone; the second loses everything; the third keeps the latest values and two
 * tombstones, which the second pass removes.
 */
async function workload(log: PartitionLog): Promise<void> {
  const txn = { producerId: 8, producerEpoch: 0, baseSequence: 0, transactional: true };
  await appendBatch(log, [v('a', '1'), v('b', '1')]); // 0, 1
  await appendBatch(log, [v('c', 'aborted')], txn); // 2
  const marker = await appendMarker(log, 8, false); // 3
  log.appendAbortedTxn({ producerId: 8, firstOffset: 2, lastOffset: marker, lastStableOffset: 2 });
  await log.roll();
  const segments: TestRecord[][][] = [
    [[v('c', '1'), v('d', '1')], [v('b', null)], [v('e', '1')]], // 4, 5 | 6 | 7
    [[v('a', '2')], [v('i', '1')], [v('j', '1')]], // 8 | 9 | 10
    [[v('a', '3')], [v('c', '2')], [v('d', '2')]], // 11 | 12 | 13
    [[v('e', '2')], [v('i', '2')], [v('j', '2')]], // 14 | 15 | 16
    [[v('a', '4')], [v('c', '3')], [v('d', '3')]], // 17 | 18 | 19
    [[v('e', '3'), v('i', '3')], [v('j', '3')], [v('a', '5')]], // 20, 21 | 22 | 23
    [[v('c', '4')], [v('d', null)], [v('k', '1')]], // 24 | 25 | 26
    [[v('i', null)], [v('e', '4')], [v('m', '1')]], // 27 | 28 | 29
  ];
  for (const segment of segments) {
    for (const batch of segment) await appendBatch(log, batch);
    await log.roll();
  }
  await appendBatch(log, [v('n', '1')]); // 30
  log.highWatermark = log.logEndOffset;
}

async function passes(log: PartitionLog, times: readonly number[]): Promise<void> {
  for (const t of times) await compactLog(log, t);
}

const show = (records: readonly ReadRecord[]) => records.map((r) => `${r.offset}:${r.key}=${r.value}`).join(' ');

test('the workload compacts as designed (the reference for the crash test)', async () => {
  const log = await openLog(new MemoryDisk());
  await workload(log);
  assert.equal(log.segmentCount, 10);
  await compactLog(log, T1);
  assert.equal(log.segmentCount, 3, 'three groups: one kept, one deleted, one kept; and the active segment');
  assert.equal(
    show(await readRecords(log)),
    '6:b=null 22:j=3 23:a=5 24:c=4 25:d=null 26:k=1 27:i=null 28:e=4 29:m=1 30:n=1',
  );
  assert.deepEqual(
    (await readLog(log)).slice(0, 2).map((b) => [b.baseOffset, b.control, b.records.length]),
    [
      [2, false, 0],
      [3, true, 1],
    ],
    'the aborted producer keeps an empty last batch, so its marker stays',
  );
  await compactLog(log, T2);
  assert.equal(show(await readRecords(log)), '22:j=3 23:a=5 24:c=4 26:k=1 28:e=4 29:m=1 30:n=1');
  assert.deepEqual(
    log.collectAbortedTxns(0, 100).map((t) => t.lastOffset),
    [3],
  );
});

test('a crash at any step of compaction leaves a readable log that loses no latest value', async () => {
  const reference = await openLog(new MemoryDisk());
  await workload(reference);
  const original = await readRecords(reference);
  const byOffset = new Map(original.map((r) => [r.offset, r]));
  const latest = new Map<string, ReadRecord>();
  for (const r of original) if (r.key !== null) latest.set(r.key, r);
  await passes(reference, [T1, T2, T2]);
  const finalRecords = show(await readRecords(reference));

  let crashes = 0;
  for (let n = 0; ; n++) {
    const inner = new MemoryDisk();
    const disk = new CrashDisk(inner);
    const log = await openLog(disk);
    await workload(log);
    await log.flush();
    await log.checkpoint();
    disk.armIn(n);
    try {
      await passes(log, [T1, T2]);
    } catch (e) {
      if (!(e instanceof CrashError) && !disk.crashed) throw e;
    }
    if (!disk.crashed) {
      assert.ok(crashes > 20, `only ${crashes} crash points`);
      break;
    }
    crashes++;
    const where = `crash at step ${n} (${disk.trace.slice(-3).join('; ')})`;

    const reopened = await openLog(inner);
    const leftovers = (await inner.list('p')).filter((f) => f.includes('.cleaned') || f.includes('.swap'));
    assert.deepEqual(leftovers, [], where);
    assert.equal(reopened.logEndOffset, 31, where);
    const records = await readRecords(reopened);
    let previous = -1;
    const lastOfKey = new Map<string, ReadRecord>();
    for (const r of records) {
      assert.ok(r.offset > previous, `${where}: offsets increase`);
      previous = r.offset;
      assert.deepEqual(r, byOffset.get(r.offset), `${where}: record ${r.offset} is as written`);
      if (r.key !== null) lastOfKey.set(r.key, r);
    }
    for (const [key, last] of latest) {
      const seen = lastOfKey.get(key);
      if (last.value !== null || seen !== undefined) {
        // A value, or a tombstone not yet removed: the latest record is the last one of its key.
        assert.deepEqual(seen, last, `${where}: key ${key} in ${show(records)}`);
      }
    }
    assert.deepEqual(
      reopened.collectAbortedTxns(0, 100).map((t) => t.lastOffset),
      [3],
      `${where}: the aborted transaction stays indexed`,
    );
    // The recovered log compacts to the same result as one that never crashed.
    reopened.highWatermark = reopened.logEndOffset;
    await passes(reopened, [T1, T2, T2]);
    assert.equal(show(await readRecords(reopened)), finalRecords, where);
    await reopened.close();
    const again = await openLog(inner);
    assert.equal(show(await readRecords(again)), finalRecords, `${where}, reopened`);
  }
});

test('recovery: a committed swap is completed, an uncommitted one undone, snapshots untouched', async () => {
  const disk = new MemoryDisk();
  const log = await PartitionLog.open({ disk, dir: 'p', config: { cleanupPolicy: ['compact'] } });
  for (let i = 0; i < 3; i++) {
    await log.appendAsLeader(buildRecordBatch({ records: [{ key: 'k', value: `${i}`, timestamp: 1 }] }), 0);
    await log.roll();
  }
  await log.takeSnapshot(Buffer.from('producers'));
  await log.close();
  const name = (base: number, suffix: string) => `p/${String(base).padStart(20, '0')}${suffix}`;

  // Leftovers of a cleaning that never committed.
  await disk.writeFileAtomic(name(0, '.log.cleaned'), Buffer.alloc(10));
  await disk.writeFileAtomic(name(0, '.txnindex.cleaned'), Buffer.alloc(0));
  await disk.writeFileAtomic(name(1, '.txnindex.swap'), Buffer.alloc(0));
  assert.equal(await recoverInterruptedSwaps(disk, 'p'), 0);
  assert.deepEqual(
    (await disk.list('p')).filter((f) => f.includes('.cleaned') || f.includes('.swap')),
    [],
  );

  // A committed swap of segments 0 and 1 by an empty cleaned segment (everything removed).
  await disk.writeFileAtomic(name(0, '.log.swap'), Buffer.alloc(0));
  await disk.writeFileAtomic(name(0, '.txnindex.swap'), Buffer.alloc(0));
  const events: string[] = [];
  const reopened = await PartitionLog.open({
    disk,
    dir: 'p',
    config: { cleanupPolicy: ['compact'] },
    onEvent: (e) => events.push(e.message),
  });
  assert.ok(events.includes('completed a segment swap interrupted by a crash'));
  // The empty swap replaced segment 0 only: its range ends where it starts.
  assert.deepEqual(reopened.segmentBaseOffsets(), [0, 1, 2, 3]);
  assert.deepEqual(
    (await readRecords(reopened)).map((r) => r.value),
    ['1', '2'],
  );
  assert.ok((await disk.list('p')).includes('00000000000000000003.snapshot'));
  await reopened.close();
});

test('a pass runs beside appends and reads', async () => {
  const disk = new MemoryDisk();
  const log = await openLog(disk);
  await workload(log);
  const appends: Promise<unknown>[] = [];
  const pass = compactLog(log, T1);
  for (let i = 0; i < 20; i++) {
    appends.push(appendBatch(log, [v('z', `${i}`)]));
    appends.push(log.read(0, 1 << 20));
    await new Promise((resolve) => setImmediate(resolve));
  }
  await pass;
  await Promise.all(appends);
  const records = await readRecords(log);
  assert.deepEqual(
    records.filter((r) => r.key === 'z').map((r) => r.value),
    Array.from({ length: 20 }, (_, i) => `${i}`),
  );
  assert.equal(records[0]?.offset, 6);
});
