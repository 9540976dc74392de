import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MemoryDisk } from '../disk.js';
import type { LogConfig } from '../log/config.js';
import type { LogEvent } from '../log/log.js';
import { PartitionLog } from '../log/log.js';
import { cleanableInfo, dirtyRatio, LogCleaner, needsCleaning } from './cleaner.js';
import { NO_CLEANER_CHECKPOINT, readCleanerCheckpoint } from './cleaner-checkpoint.js';
import { compactLog } from './compact.js';
import { appendBatch, readRecords } from './fixtures.js';

let clock = 100_000;
const now = () => clock;

async function openLog(dir: string, config: Partial<LogConfig> = {}, disk = new MemoryDisk()): Promise<PartitionLog> {
  return PartitionLog.open({ disk, dir, now, config: { cleanupPolicy: ['compact'], ...config } });
}

/** `segments` segments of `perSegment` single-record batches over keys k0..k4, at `timestamp`. */
async function fill(log: PartitionLog, segments: number, perSegment = 4, timestamp = 1_000): Promise<void> {
  for (let s = 0; s < segments; s++) {
    for (let i = 0; i < perSegment; i++) {
      await appendBatch(log, [{ key: `k${(s * perSegment + i) % 5}`, value: 'x'.repeat(20) }], {}, timestamp);
    }
    await log.roll();
  }
  log.highWatermark = log.logEndOffset;
}

test('dirty ratio: dirty bytes over cleanable bytes, from the cleaner checkpoint', async () => {
  const log = await openLog('p');
  await fill(log, 4);
  let info = cleanableInfo(log, NO_CLEANER_CHECKPOINT, clock);
  assert.equal(info.cleanBytes, 0);
  assert.equal(info.dirtyBytes, log.size);
  assert.equal(info.dirtyRatio, 1);
  assert.equal(info.needsCleaning, true);
  assert.equal(await dirtyRatio(log, clock), 1);

  await compactLog(log, clock);
  info = cleanableInfo(log, await readCleanerCheckpoint(log.disk, 'p'), clock);
  assert.equal(info.dirtyBytes, 0);
  assert.equal(info.dirtyRatio, 0);
  assert.equal(await needsCleaning(log, clock), false);

  // New segments as large as the clean part: half dirty.
  const cleanBytes = info.cleanBytes;
  await fill(log, 1, 1);
  info = cleanableInfo(log, await readCleanerCheckpoint(log.disk, 'p'), clock);
  assert.equal(info.cleanBytes, cleanBytes);
  assert.ok(info.dirtyBytes > 0);
  assert.equal(info.dirtyRatio, info.dirtyBytes / (info.dirtyBytes + cleanBytes));

  // The high watermark bounds what counts.
  log.highWatermark = 0;
  assert.equal(cleanableInfo(log, NO_CLEANER_CHECKPOINT, clock).dirtyBytes, 0);
});

test('needs cleaning: min.cleanable.dirty.ratio, max.compaction.lag.ms, a due delete horizon, the policy', async () => {
  clock = 100_000;
  const log = await openLog('p', { minCleanableDirtyRatio: 0.9, maxCompactionLagMs: 50_000, deleteRetentionMs: 1_000 });
  await fill(log, 4, 4, 90_000);
  await compactLog(log, clock);
  await fill(log, 1, 1, 90_000);
  let info = cleanableInfo(log, await readCleanerCheckpoint(log.disk, 'p'), clock);
  assert.ok(info.dirtyRatio > 0 && info.dirtyRatio < 0.9, `${info.dirtyRatio}`);
  assert.equal(info.needsCleaning, false, 'below the ratio');
  clock = 140_001;
  info = cleanableInfo(log, await readCleanerCheckpoint(log.disk, 'p'), clock);
  assert.equal(info.compactionLagExceeded, true, 'the first dirty batch is older than max.compaction.lag.ms');
  assert.equal(info.needsCleaning, true);

  await compactLog(log, clock);
  await appendBatch(log, [{ key: 'k1', value: null }]);
  await log.roll();
  log.highWatermark = log.logEndOffset;
  const stats = await compactLog(log, clock);
  assert.equal(stats?.deleteHorizonMs, clock + 1_000);
  const checkpoint = await readCleanerCheckpoint(log.disk, 'p');
  assert.equal(cleanableInfo(log, checkpoint, clock + 999).needsCleaning, false);
  info = cleanableInfo(log, checkpoint, clock + 1_000);
  assert.equal(info.deleteHorizonDue, true);
  assert.equal(info.needsCleaning, true, 'the tombstone may go although nothing is dirty');

  const deleting = await openLog('q', { cleanupPolicy: ['delete'] });
  await fill(deleting, 3);
  assert.equal(cleanableInfo(deleting, NO_CLEANER_CHECKPOINT, clock).needsCleaning, false);
  clock = 100_000;
});

test('the cleaner cleans the dirtiest log first, then the next, then rests', async () => {
  const events: LogEvent[] = [];
  const cleaner = new LogCleaner({ now, onEvent: (e) => events.push(e) });
  const a = await openLog('a');
  const b = await openLog('b');
  const plain = await openLog('c', { cleanupPolicy: ['delete'] });
  await fill(a, 4);
  await compactLog(a, clock);
  await fill(a, 2); // a: partly dirty
  await fill(b, 3); // b: all dirty
  await fill(plain, 3);
  for (const log of [a, b, plain]) cleaner.add(log);
  const first = await cleaner.runOnce();
  assert.equal(first?.dir, 'b');
  const second = await cleaner.runOnce();
  assert.equal(second?.dir, 'a');
  assert.equal(await cleaner.runOnce(), null);
  assert.deepEqual(
    events.filter((e) => e.message === 'log cleaner compacted a log').map((e) => e.dir),
    ['b', 'a'],
  );
  assert.equal((await readRecords(plain)).length, 12, 'a log without compact is left alone');
  await cleaner.remove(b);
  await fill(b, 3);
  assert.equal(await cleaner.runOnce(), null, 'a removed log is not cleaned');
});

test('compact,delete: the cleaner applies retention too', async () => {
  clock = 1_000_000;
  const cleaner = new LogCleaner({ now });
  const log = await openLog('p', { cleanupPolicy: ['compact', 'delete'], retentionMs: 10_000 });
  await fill(log, 2, 4, 1_000); // expired
  await fill(log, 2, 4, clock); // recent
  cleaner.add(log);
  await cleaner.runOnce();
  assert.equal(log.logStartOffset, 8, 'the expired segments went');
  assert.deepEqual(
    (await readRecords(log)).map((r) => r.offset),
    [11, 12, 13, 14, 15],
  );
  clock = 100_000;
});

test('the cleaner reports a failed pass and goes on; start and stop run rounds on its timer', async () => {
  const events: LogEvent[] = [];
  const timers: { run: () => void; delayMs: number; cancelled: boolean }[] = [];
  const cleaner = new LogCleaner({
    now,
    onEvent: (e) => events.push(e),
    schedule: (run, delayMs) => {
      const timer = { run, delayMs, cancelled: false };
      timers.push(timer);
      return {
        cancel: () => {
          timer.cancelled = true;
        },
      };
    },
  });
  const broken = await openLog('broken');
  await fill(broken, 3);
  cleaner.add(broken);
  await broken.abandon();
  assert.equal(await cleaner.runOnce(), null);
  assert.ok(events.some((e) => e.message === 'log cleaner pass stopped' && e.dir === 'broken'));
  await cleaner.remove(broken);

  const log = await openLog('p');
  await fill(log, 3);
  cleaner.add(log);
  cleaner.start(5_000);
  const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
  assert.equal(timers.length, 1);
  timers[0]?.run();
  await settle();
  // Work was done: the next round comes at once; then nothing to do: back off.
  assert.equal(timers[1]?.delayMs, 0);
  timers[1]?.run();
  await settle();
  assert.equal(timers[2]?.delayMs, 5_000);
  await cleaner.stop();
  assert.equal(timers[2]?.cancelled, true);
  assert.deepEqual(
    (await readRecords(log)).map((r) => r.offset),
    [7, 8, 9, 10, 11],
  );
});
