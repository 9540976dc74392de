import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { CompressionType } from '@gregor/protocol';
import { Compression } from '@gregor/protocol';
import type { Disk } from '../disk.js';
import { MemoryDisk, NodeDisk } from '../disk.js';
import type { LogConfig } from '../log/config.js';
import { LogError, PartitionLog } from '../log/log.js';
import { readCleanerCheckpoint } from './cleaner-checkpoint.js';
import { CleanerError } from './cleaner-error.js';
import { compactLog } from './compact.js';
import type { TestRecord } from './fixtures.js';
import { appendBatch, appendMarker, readLog, readRecords } from './fixtures.js';

const tmp = mkdtempSync(join(tmpdir(), 'gregor-cleaner-'));
after(() => rmSync(tmp, { recursive: true, force: true }));
let dirs = 0;

let clock = 10_000;
const now = () => clock;

async function openLog(disk: Disk, dir: string, config: Partial<LogConfig> = {}): Promise<PartitionLog> {
  return PartitionLog.open({ disk, dir, now, config: { cleanupPolicy: ['compact'], ...config } });
}

/** Record `i` of the standard workload: key k(i % 5), value v<i>. */
function standardWorkload(): TestRecord[][] {
  const segments: TestRecord[][] = [];
  let n = 0;
  for (let s = 0; s < 4; s++) {
    const records: TestRecord[] = [];
    for (let b = 0; b < 6; b++, n++) records.push({ key: `k${n % 5}`, value: `v${n}` });
    segments.push(records);
  }
  return segments;
}

async function appendSegments(log: PartitionLog, segments: TestRecord[][], perBatch = 2): Promise<void> {
  for (const records of segments) {
    for (let i = 0; i < records.length; i += perBatch) await appendBatch(log, records.slice(i, i + perBatch));
    await log.roll();
  }
}

for (const [name, makeDisk, makeDir] of [
  ['memory disk', () => new MemoryDisk(), () => `p${dirs++}`],
  ['real files', () => new NodeDisk(), () => join(tmp, `p${dirs++}`)],
] as const) {
  test(`keeps the latest record of each key at its offset, merges segments, reopens (${name})`, async () => {
    const disk: Disk = makeDisk();
    const dir = makeDir();
    const log = await openLog(disk, dir);
    await appendSegments(log, standardWorkload());
    await appendBatch(log, [{ key: 'k0', value: 'active' }]);
    log.highWatermark = log.logEndOffset;
    assert.equal(log.segmentCount, 5);
    const sizeBefore = log.size;

    const stats = await compactLog(log, clock);
    assert.ok(stats !== null);
    // Records 0..23 have keys k(i % 5): the latest are 19 (k4), 20, 21, 22, 23; 24 is in the active segment.
    const expected = [19, 20, 21, 22, 23, 24];
    assert.deepEqual(
      (await readRecords(log)).map((r) => [r.offset, r.key, r.value]),
      expected.map((o) => [o, o === 24 ? 'k0' : `k${o % 5}`, o === 24 ? 'active' : `v${o}`]),
    );
    assert.equal(log.segmentCount, 2, 'the four cleaned segments became one');
    assert.equal(stats.segmentsRead, 4);
    assert.equal(stats.segmentsAfter, 1);
    assert.equal(stats.recordsRead, 24);
    assert.equal(stats.recordsRemoved, 19);
    assert.equal(stats.bytesBefore + log.size - stats.bytesAfter, sizeBefore);
    assert.ok(stats.bytesAfter < stats.bytesBefore / 3);
    assert.equal(stats.cleanedOffset, 24);
    assert.equal(log.logStartOffset, 0);
    assert.equal(log.logEndOffset, 25);

    // A read of an offset compacted away returns the next batch (the one holding 19 starts at 18).
    for (const offset of [0, 5, 18]) {
      const r = await log.read(offset, 1 << 20);
      assert.equal(r.firstOffset, 18, `read at ${offset}`);
      assert.equal(r.nextOffset, 24, 'a read stays in one segment');
    }
    const batches = await readLog(log);
    assert.deepEqual(
      batches.map((b) => [b.baseOffset, b.lastOffset]),
      [
        [18, 19],
        [20, 21],
        [22, 23],
        [24, 24],
      ],
      'batches keep their offset ranges',
    );

    await log.close();
    const reopened = await openLog(disk, dir);
    assert.deepEqual(
      (await readRecords(reopened)).map((r) => r.offset),
      expected,
    );
    assert.deepEqual(reopened.segmentBaseOffsets(), [0, 24]);
    assert.equal(reopened.logEndOffset, 25);
    assert.equal((await reopened.read(3, 1 << 20)).firstOffset, 18);
    assert.equal((await reopened.offsetForTimestamp(0))?.offset, 19);
    await reopened.appendAsLeader(
      (await import('@gregor/protocol')).buildRecordBatch({ records: [{ key: 'k1', value: 'z', timestamp: 1 }] }),
      0,
    );
    assert.equal(reopened.logEndOffset, 26);
    await reopened.close();
    if (name === 'real files') {
      const files = readdirSync(dir).sort();
      assert.ok(!files.some((f) => f.endsWith('.cleaned') || f.endsWith('.swap')), files.join(' '));
      assert.ok(files.includes('cleaner-offset-checkpoint'));
    }
  });
}

test('never touches the active segment or anything from the high watermark on', async () => {
  const log = await openLog(new MemoryDisk(), 'p');
  await appendSegments(log, standardWorkload());
  // The high watermark inside the third segment: only the first two can be cleaned.
  log.highWatermark = 14;
  const stats = await compactLog(log, clock);
  assert.ok(stats !== null);
  assert.equal(stats.firstUncleanableOffset, 14);
  assert.equal(stats.cleanedOffset, 12);
  const offsets = (await readRecords(log)).map((r) => r.offset);
  // Below 12 only the latest of each key among 0..11 stays: 7 (k2), 8, 9, 10, 11; 12.. untouched.
  assert.deepEqual(offsets, [7, 8, 9, 10, 11, ...Array.from({ length: 12 }, (_, i) => 12 + i)]);

  const empty = await openLog(new MemoryDisk(), 'q');
  await appendBatch(empty, [{ key: 'a', value: 'b' }]);
  empty.highWatermark = 1;
  assert.equal(await compactLog(empty, clock), null, 'only an active segment');
  const deleting = await PartitionLog.open({ disk: new MemoryDisk(), dir: 'r' });
  await appendSegments(deleting, standardWorkload());
  assert.equal(await compactLog(deleting, clock), null, 'cleanup.policy=delete');
});

test('min.compaction.lag.ms: segments with younger records wait', async () => {
  const log = await openLog(new MemoryDisk(), 'p', { minCompactionLagMs: 2_000 });
  await appendBatch(log, [{ key: 'a', value: '1' }], {}, 1_000);
  await appendBatch(log, [{ key: 'a', value: '2' }], {}, 1_000);
  await log.roll();
  await appendBatch(log, [{ key: 'a', value: '3' }], {}, 5_000);
  await log.roll();
  log.highWatermark = log.logEndOffset;
  clock = 6_000;
  const first = await compactLog(log, clock);
  assert.equal(first?.firstUncleanableOffset, 2, 'the second segment is younger than the lag');
  assert.deepEqual(
    (await readRecords(log)).map((r) => r.value),
    ['2', '3'],
  );
  clock = 7_001;
  const second = await compactLog(log, clock);
  assert.equal(second?.cleanedOffset, 3);
  assert.deepEqual(
    (await readRecords(log)).map((r) => r.value),
    ['3'],
  );
  clock = 10_000;
});

test('tombstones stay delete.retention.ms after the pass that first cleaned them (KIP-534)', async () => {
  clock = 10_000;
  const disk = new MemoryDisk();
  const log = await openLog(disk, 'p', { deleteRetentionMs: 1_000 });
  await appendBatch(log, [
    { key: 'a', value: '1' },
    { key: 'b', value: '1' },
  ]);
  await log.roll();
  // A tombstone with an ancient timestamp: only the cleaner's horizon counts.
  await appendBatch(log, [{ key: 'a', value: null, timestamp: 5 }]);
  await log.roll();
  await appendBatch(log, [{ key: 'c', value: '1' }]);
  log.highWatermark = log.logEndOffset;

  const first = await compactLog(log, clock);
  assert.ok(first !== null);
  assert.equal(first.deleteHorizonMs, 11_000);
  let batches = await readLog(log);
  const tombstone = batches.find((b) => b.records.some((r) => r.value === null));
  assert.ok(tombstone !== undefined, 'kept in the first pass');
  assert.equal(tombstone.deleteHorizon, true);
  assert.equal(tombstone.records[0]?.timestamp, 5, 'the record keeps its own timestamp');
  assert.deepEqual(
    (await readRecords(log)).map((r) => [r.key, r.value]),
    [
      ['b', '1'],
      ['a', null],
      ['c', '1'],
    ],
  );
  assert.deepEqual(await readCleanerCheckpoint(disk, 'p'), { cleanedOffset: 3, deleteHorizonMs: 11_000 });

  clock = 10_999;
  const early = await compactLog(log, clock);
  assert.equal(early?.tombstonesRemoved, 0);
  assert.equal((await readRecords(log)).length, 3, 'still there a moment before the horizon');

  clock = 11_000;
  const due = await compactLog(log, clock);
  assert.equal(due?.tombstonesRemoved, 1);
  assert.equal(due?.deleteHorizonMs, -1);
  batches = await readLog(log);
  assert.deepEqual(
    (await readRecords(log)).map((r) => [r.key, r.value]),
    [
      ['b', '1'],
      ['c', '1'],
    ],
  );
  // The value the tombstone deleted never comes back.
  assert.ok(!batches.some((b) => b.records.some((r) => r.key === 'a')));
  clock = 10_000;
});

test('transactions: open ones and what follows stay, aborted data goes, markers go after their data', async () => {
  clock = 10_000;
  const log = await openLog(new MemoryDisk(), 'p', { deleteRetentionMs: 1_000 });
  const txn = (producerId: number) => ({ producerId, producerEpoch: 0, baseSequence: 0, transactional: true });
  await appendBatch(log, [{ key: 'k1', value: 'plain' }]); // 0
  await appendBatch(log, [{ key: 'k1', value: 'committed' }], txn(7)); // 1
  await appendMarker(log, 7, true); // 2
  await log.roll();
  await appendBatch(
    log,
    [
      { key: 'k1', value: 'aborted' },
      { key: 'k2', value: 'aborted' },
    ],
    txn(8),
  ); // 3, 4
  const abortMarker = await appendMarker(log, 8, false); // 5
  log.appendAbortedTxn({ producerId: 8, firstOffset: 3, lastOffset: abortMarker, lastStableOffset: 3 });
  await log.roll();
  await appendBatch(log, [{ key: 'k2', value: 'plain' }]); // 6
  await appendBatch(log, [{ key: 'k3', value: 'open' }], txn(9)); // 7: no marker yet
  await log.roll();
  await appendBatch(log, [{ key: 'k3', value: 'plain' }]); // 8
  await appendBatch(log, [{ key: 'k1', value: 'plain' }]); // 9
  await appendBatch(log, [{ key: 'k5', value: 'p8 again' }], { ...txn(8), baseSequence: 2 }); // 10
  await appendMarker(log, 8, true); // 11
  await log.roll();
  await appendBatch(log, [{ key: 'k4', value: 'active' }]); // 12
  log.highWatermark = log.logEndOffset;

  const first = await compactLog(log, clock);
  assert.ok(first !== null);
  assert.equal(first.firstUncleanableOffset, 7, 'the open transaction of producer 9 starts at 7');
  assert.equal(first.cleanedOffset, 6);
  assert.equal(first.abortedRecordsRemoved, 2);
  let batches = await readLog(log);
  assert.deepEqual(
    batches.map((b) => [b.baseOffset, b.control, b.control ? ['marker'] : b.records.map((r) => r.value)]),
    [
      [1, false, ['committed']],
      [2, true, ['marker']],
      [5, true, ['marker']],
      [6, false, ['plain']],
      [7, false, ['open']],
      [8, false, ['plain']],
      [9, false, ['plain']],
      [10, false, ['p8 again']],
      [11, true, ['marker']],
      [12, false, ['active']],
    ],
  );
  // The COMMIT of 7 guards kept data: no horizon. The ABORT of 8 has no data left: horizon.
  assert.equal(batches[1]?.deleteHorizon, false);
  assert.equal(batches[2]?.deleteHorizon, true);
  assert.deepEqual(
    log.collectAbortedTxns(0, 100).map((t) => t.lastOffset),
    [5],
    'the abort index entry stays with its marker',
  );

  // Producer 9 commits; the horizon of the ABORT marker passes.
  await appendMarker(log, 9, true); // 13
  await log.roll();
  log.highWatermark = log.logEndOffset;
  clock = 11_000;
  const second = await compactLog(log, clock);
  assert.ok(second !== null);
  assert.equal(second.markersRemoved, 1);
  batches = await readLog(log);
  assert.deepEqual(
    batches.map((b) => [b.baseOffset, b.control, b.control ? ['marker'] : b.records.map((r) => r.value)]),
    [
      // Producer 7's only batch lost its record to offset 9, but is its last: kept empty, so is its marker.
      [1, false, []],
      [2, true, ['marker']],
      [6, false, ['plain']],
      [7, false, []],
      [8, false, ['plain']],
      [9, false, ['plain']],
      [10, false, ['p8 again']],
      [11, true, ['marker']],
      [12, false, ['active']],
      [13, true, ['marker']],
    ],
  );
  assert.equal(batches[0]?.lastOffset, 1);
  assert.equal(batches[0]?.producerId, 7);
  assert.deepEqual(log.collectAbortedTxns(0, 100), [], 'the index entry went with the marker');
  clock = 10_000;
});

test('a marker above the high watermark does not count: its transaction is still open', async () => {
  const log = await openLog(new MemoryDisk(), 'p');
  await appendBatch(log, [{ key: 'a', value: 'old' }]); // 0
  await log.roll();
  await appendBatch(log, [{ key: 'a', value: 'txn' }], {
    producerId: 3,
    producerEpoch: 0,
    baseSequence: 0,
    transactional: true,
  }); // 1
  await log.roll();
  await appendMarker(log, 3, false); // 2
  await log.roll();
  log.highWatermark = 2;
  const stats = await compactLog(log, clock);
  assert.equal(stats?.firstUncleanableOffset, 1);
  assert.deepEqual(
    (await readRecords(log)).map((r) => r.value),
    ['old', 'txn'],
    'the older value is not shadowed by data that may yet be aborted',
  );
  log.highWatermark = log.logEndOffset;
  await compactLog(log, clock);
  assert.deepEqual(
    (await readRecords(log)).map((r) => r.value),
    ['old'],
    'once the abort counts, its data goes and the older value stays',
  );
});

test('compressed batches compact with their codec, offsets and last offset delta kept', async () => {
  const codecs: CompressionType[] = [
    Compression.NONE,
    Compression.GZIP,
    Compression.SNAPPY,
    Compression.LZ4,
    Compression.ZSTD,
  ];
  for (const compression of codecs) {
    const log = await openLog(new MemoryDisk(), `p${compression}`);
    const records: TestRecord[] = [];
    for (let i = 0; i < 40; i++) records.push({ key: `key-${i % 7}`, value: `value ${i} `.repeat(20) });
    for (let i = 0; i < 40; i += 10) await appendBatch(log, records.slice(i, i + 10), { compression });
    await log.roll();
    await appendBatch(log, [{ key: 'key-0', value: 'last' }], { compression });
    await log.roll();
    log.highWatermark = log.logEndOffset;
    await compactLog(log, clock);
    const batches = await readLog(log);
    const kept = batches.flatMap((b) => b.records.map((r) => r.offset));
    // Record i has key i % 7: the last of each key below 40 are 33..39, and 40 replaces 35 (key 0).
    assert.deepEqual(kept, [33, 34, 36, 37, 38, 39, 40], `codec ${compression}`);
    for (const b of batches) assert.equal(b.compression, compression, `codec ${compression} kept`);
    // The batch [30, 39] lost nothing at its end; [20, 29] lost everything and went.
    assert.deepEqual(
      batches.map((b) => [b.baseOffset, b.lastOffset]),
      [
        [30, 39],
        [40, 40],
      ],
    );
    assert.equal(batches[0]?.records[0]?.value, `value 33 `.repeat(20));
  }
});

test('a batch keeps its last offset delta and sequence when its last records go; a producer keeps its last batch', async () => {
  const log = await openLog(new MemoryDisk(), 'p');
  const idempotent = { producerId: 5, producerEpoch: 1 };
  await appendBatch(
    log,
    [
      { key: 'a', value: '1' },
      { key: 'b', value: '1' },
    ],
    { ...idempotent, baseSequence: 0 },
  ); // 0, 1
  await appendBatch(
    log,
    [
      { key: 'c', value: '1' },
      { key: 'd', value: '1' },
    ],
    { ...idempotent, baseSequence: 2 },
  ); // 2, 3
  await log.roll();
  await appendBatch(log, [
    { key: 'b', value: '2' },
    { key: 'c', value: '2' },
    { key: 'd', value: '2' },
  ]); // 4..6
  await log.roll();
  log.highWatermark = log.logEndOffset;
  await compactLog(log, clock);
  const batches = await readLog(log);
  assert.deepEqual(
    batches.map((b) => [b.baseOffset, b.lastOffset, b.producerId, b.baseSequence, b.records.map((r) => r.offset)]),
    [
      // Lost its last record (b) but keeps [0, 1] and sequence 0: its last sequence is still 1.
      [0, 1, 5, 0, [0]],
      // Lost both records, but it is producer 5's last batch: kept empty for its sequence 2..3.
      [2, 3, 5, 2, []],
      [4, 6, -1, -1, [4, 5, 6]],
    ],
  );
});

test('records without a key are kept', async () => {
  const log = await openLog(new MemoryDisk(), 'p');
  await appendBatch(log, [
    { key: null, value: 'x' },
    { key: 'a', value: '1' },
    { key: null, value: null },
  ]);
  await appendBatch(log, [{ key: 'a', value: '2' }]);
  await log.roll();
  log.highWatermark = log.logEndOffset;
  const stats = await compactLog(log, clock);
  assert.equal(stats?.offsetMapKeys, 1);
  assert.deepEqual(
    (await readRecords(log)).map((r) => [r.offset, r.key, r.value]),
    [
      [0, null, 'x'],
      [2, null, null],
      [3, 'a', '2'],
    ],
  );
});

test('a full offset map cleans part of the log; later passes finish the job', async () => {
  const disk = new MemoryDisk();
  const log = await openLog(disk, 'p');
  await appendSegments(log, standardWorkload());
  log.highWatermark = log.logEndOffset;
  const cleaned: number[] = [];
  for (let pass = 0; pass < 10; pass++) {
    const stats = await compactLog(log, clock, { offsetMapKeysMax: 3 });
    assert.ok(stats !== null);
    // The map stops after the batch that fills it: batches here hold two records.
    assert.ok(stats.offsetMapKeys <= 4, `${stats.offsetMapKeys} keys`);
    cleaned.push(stats.cleanedOffset);
    if (stats.cleanedOffset === 24) break;
  }
  assert.ok(cleaned.length > 2, `took ${cleaned.length} passes: ${cleaned.join(' ')}`);
  for (let i = 1; i < cleaned.length; i++) assert.ok((cleaned[i] as number) > (cleaned[i - 1] as number));
  // A last pass with the whole dirty section already clean changes nothing.
  await compactLog(log, clock);
  assert.deepEqual(
    (await readRecords(log)).map((r) => r.offset),
    [19, 20, 21, 22, 23],
  );
  assert.equal((await readCleanerCheckpoint(disk, 'p')).cleanedOffset, 24);
});

test('a second pass over a clean log swaps nothing in', async () => {
  const disk = new MemoryDisk();
  const log = await openLog(disk, 'p');
  await appendSegments(log, standardWorkload());
  log.highWatermark = log.logEndOffset;
  await compactLog(log, clock);
  const renames = disk.writeCalls;
  const stats = await compactLog(log, clock);
  assert.equal(stats?.recordsRemoved, 0);
  assert.equal(stats?.segmentsRead, 1);
  assert.ok(disk.writeCalls - renames <= 1, 'at most the discarded copy was written');
  assert.deepEqual(await disk.list('p').then((n) => n.filter((f) => f.includes('.cleaned'))), []);
});

/** A memory disk that lets a test act when the cleaner creates a file, or fail a rename. */
class HookDisk extends MemoryDisk {
  onCreate: ((path: string) => Promise<void>) | null = null;
  failRenameTo: string | null = null;

  override async open(path: string, create: boolean) {
    if (create && this.onCreate !== null && !(await this.exists(path))) {
      const hook = this.onCreate;
      this.onCreate = null;
      await hook(path);
    }
    return super.open(path, create);
  }

  override async rename(from: string, to: string): Promise<void> {
    if (this.failRenameTo !== null && to.endsWith(this.failRenameTo)) {
      this.failRenameTo = null;
      throw new Error(`injected rename failure to ${to}`);
    }
    return super.rename(from, to);
  }
}

test('a log changed under a pass: the pass stops, the log is intact, nothing is left behind', async () => {
  const disk = new HookDisk();
  const log = await openLog(disk, 'p', { cleanupPolicy: ['compact', 'delete'] });
  await appendSegments(log, standardWorkload());
  log.highWatermark = log.logEndOffset;
  const before = await readRecords(log);
  disk.onCreate = async (path) => {
    assert.ok(path.endsWith('.log.cleaned'));
    // DeleteRecords while the cleaner writes: the first segment goes.
    await log.deleteRecordsBefore(6);
  };
  await assert.rejects(compactLog(log, clock), CleanerError);
  assert.deepEqual(
    await readRecords(log),
    before.filter((r) => r.offset >= 6),
  );
  assert.deepEqual(
    (await disk.list('p')).filter((f) => f.includes('.cleaned') || f.includes('.swap')),
    [],
  );
  assert.equal((await readCleanerCheckpoint(disk, 'p')).cleanedOffset, 0, 'the checkpoint did not move');
  // The next pass works.
  const stats = await compactLog(log, clock);
  assert.equal(stats?.cleanedOffset, 24);
  assert.deepEqual(
    (await readRecords(log)).map((r) => r.offset),
    [19, 20, 21, 22, 23],
  );
});

test('a write error while cleaning leaves the log working; a failed swap fails the log until reopened', async () => {
  const disk = new HookDisk();
  const log = await openLog(disk, 'p');
  await appendSegments(log, standardWorkload());
  log.highWatermark = log.logEndOffset;
  await log.flush();
  await log.checkpoint();
  const before = await readRecords(log);
  disk.inject({ failWrites: 1 });
  await assert.rejects(compactLog(log, clock), /injected write failure/);
  assert.deepEqual(await readRecords(log), before);
  await appendBatch(log, [{ key: 'x', value: 'still appending' }]);

  disk.failRenameTo = '.log.swap';
  await assert.rejects(
    compactLog(log, clock),
    (e: unknown) => e instanceof LogError && /injected rename/.test(e.message),
  );
  await assert.rejects(appendBatch(log, [{ key: 'x', value: 'refused' }]), LogError);
  await log.abandon();
  const reopened = await openLog(disk, 'p');
  assert.deepEqual(
    (await readRecords(reopened)).map((r) => r.offset),
    [...before.map((r) => r.offset), 24],
    'the uncommitted swap was undone',
  );
  assert.deepEqual(
    (await disk.list('p')).filter((f) => f.includes('.cleaned') || f.includes('.swap')),
    [],
  );
  reopened.highWatermark = reopened.logEndOffset;
  await reopened.roll();
  reopened.highWatermark = reopened.logEndOffset;
  await compactLog(reopened, clock);
  assert.deepEqual(
    (await readRecords(reopened)).map((r) => r.offset),
    [19, 20, 21, 22, 23, 24],
  );
});

test('a group at the log start that loses everything stays as an empty segment; others go', async () => {
  // One index entry per batch after the first: segments of three batches group three by three.
  const disk = new MemoryDisk();
  const log = await openLog(disk, 'p', { indexIntervalBytes: 1, segmentIndexBytes: 48 });
  // Nine segments (offsets 0..53): the last one rewrites every key.
  const segments = [...standardWorkload(), ...standardWorkload(), ...standardWorkload()].slice(0, 8);
  segments.push([0, 1, 2, 3, 4, 0].map((k, i) => ({ key: `k${k}`, value: `z${i}` })));
  await appendSegments(log, segments);
  log.highWatermark = log.logEndOffset;
  assert.equal(log.segmentCount, 10);
  const stats = await compactLog(log, clock);
  assert.equal(stats?.segmentsRead, 9);
  assert.equal(stats?.segmentsAfter, 2);
  assert.deepEqual(
    log.segmentBaseOffsets(),
    [0, 36, 54],
    'groups [0, 18) and [18, 36) lost everything: the first stays as an empty segment, the second goes',
  );
  assert.deepEqual(
    (await readRecords(log)).map((r) => [r.offset, r.value]),
    [
      [49, 'z1'],
      [50, 'z2'],
      [51, 'z3'],
      [52, 'z4'],
      [53, 'z5'],
    ],
  );
  assert.equal(log.logStartOffset, 0);
  assert.equal((await log.read(0, 1 << 20)).firstOffset, 48);
  await log.close();
  const reopened = await openLog(disk, 'p');
  assert.deepEqual(reopened.segmentBaseOffsets(), [0, 36, 54]);
  assert.equal((await reopened.read(0, 1 << 20)).firstOffset, 48);
});

test('a rebuilt batch keeps LogAppendTime and its partition leader epoch', async () => {
  const { buildRecordBatch, RecordBatchView, TimestampType } = await import('@gregor/protocol');
  const log = await openLog(new MemoryDisk(), 'p');
  const batch = buildRecordBatch({
    timestampType: TimestampType.LOG_APPEND_TIME,
    logAppendTime: 7_777,
    records: [
      { key: 'a', value: '1', timestamp: 1 },
      { key: 'b', value: '1', timestamp: 2 },
    ],
  });
  await log.appendAsLeader(batch, 3);
  await appendBatch(log, [{ key: 'a', value: '2' }]);
  await log.roll();
  log.highWatermark = log.logEndOffset;
  await compactLog(log, clock);
  const { records } = await log.read(0, 1 << 20);
  const view = new RecordBatchView(records, 0);
  assert.equal(view.timestampType, TimestampType.LOG_APPEND_TIME);
  assert.equal(view.maxTimestamp, 7_777);
  assert.equal(view.partitionLeaderEpoch, 3);
  assert.equal(view.lastOffsetDelta, 1);
  assert.deepEqual(
    (await readRecords(log)).map((r) => [r.offset, r.key, r.timestamp]),
    [
      [1, 'b', 7_777],
      [2, 'a', 1000],
    ],
  );
});

test('bad input: a corrupt segment stops the pass; bad options and bad replacements are refused', async () => {
  const disk = new MemoryDisk();
  const log = await openLog(disk, 'p');
  await appendSegments(log, standardWorkload());
  log.highWatermark = log.logEndOffset;
  await assert.rejects(compactLog(log, clock, { offsetMapKeysMax: 0 }), RangeError);
  await assert.rejects(compactLog(log, clock, { readChunkBytes: 1.5 }), RangeError);

  const [first, second] = log.inactiveSegments();
  assert.ok(first !== undefined && second !== undefined);
  await assert.rejects(log.replaceSegments([first], null, first.size), /never removed/);
  await assert.rejects(log.replaceSegments([second], null, second.size + 1), /no longer/);

  // Flip a byte inside a record of the second segment: its CRC no longer matches.
  const path = 'p/00000000000000000006.log';
  const state = disk.state(path);
  state.data[100] = (state.data[100] as number) ^ 0xff;
  await assert.rejects(compactLog(log, clock), (e: unknown) => e instanceof CleanerError && /CRC/.test(e.message));
  assert.deepEqual(
    (await disk.list('p')).filter((f) => f.includes('.cleaned')),
    [],
  );

  // An unreadable cleaner checkpoint only costs a full pass.
  state.data[100] = (state.data[100] as number) ^ 0xff;
  await disk.writeFileAtomic('p/cleaner-offset-checkpoint', Buffer.from('garbage'));
  assert.deepEqual(await readCleanerCheckpoint(disk, 'p'), { cleanedOffset: 0, deleteHorizonMs: -1 });
  const stats = await compactLog(log, clock);
  assert.equal(stats?.firstDirtyOffset, 0);
  assert.deepEqual(
    (await readRecords(log)).map((r) => r.offset),
    [19, 20, 21, 22, 23],
  );
});
