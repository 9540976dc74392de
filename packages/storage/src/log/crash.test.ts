/**
 * Crash recovery on real files (NodeDisk in a temp directory): a log is written, closed,
 * and then damaged the way a crash or a bad disk leaves it (the clean-shutdown marker
 * removed, the last batch cut at every byte or corrupted at every byte, index files
 * missing or mangled, a corrupt batch in an older segment, a leftover `.tmp`), and the
 * reopened log must hold exactly the valid prefix, byte for byte, with working indexes,
 * say what it cut, and take new appends at the right offset.
 */
import assert from 'node:assert/strict';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  truncateSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { buildRecordBatch } from '@gregor/protocol';
import { NodeDisk } from '../disk.js';
import { readBatchInfo } from './batch-scan.js';
import type { LogConfig } from './config.js';
import type { LogEvent } from './log.js';
import { CLEAN_SHUTDOWN_FILE, PartitionLog } from './log.js';
import { segmentFileName } from './segment.js';

const tmp = mkdtempSync(join(tmpdir(), 'gregor-crash-'));
after(() => rmSync(tmp, { recursive: true, force: true }));
let dirs = 0;
const newDir = () => join(tmp, `p-${dirs++}`);

/** Small segments and a dense index, so the damage lands among index entries and segments. */
const CONFIG: Partial<LogConfig> = { segmentBytes: 1000, indexIntervalBytes: 100 };
const CUT = 'log recovery cut a torn or corrupt tail';
const DELETED = 'log recovery deleted a segment after the cut';

interface WrittenBatch {
  baseOffset: number;
  lastOffset: number;
  bytes: Buffer;
  /** Base offset of the segment holding it, and its byte position there. */
  segment: number;
  position: number;
}

interface WrittenLog {
  batches: WrittenBatch[];
  /** Every file of the directory after a clean close (marker included). */
  files: Map<string, Buffer>;
  segments: number[];
}

function batchOf(i: number): Buffer {
  const records = [];
  const n = 1 + (i % 3);
  for (let k = 0; k < n; k++)
    records.push({
      key: `key-${i}-${k}`,
      value: `value-${i}-${k}-${'x'.repeat((i * 37) % 120)}`,
      timestamp: 10_000 + i * 10 + k,
    });
  return buildRecordBatch({ records });
}

async function openLog(dir: string, config: Partial<LogConfig> = CONFIG) {
  const events: LogEvent[] = [];
  const log = await PartitionLog.open({ disk: new NodeDisk(), dir, config, onEvent: (e) => events.push(e) });
  return { log, events };
}

/** Writes `count` batches and closes cleanly; returns what is where. */
async function writeLog(count: number, config: Partial<LogConfig> = CONFIG): Promise<WrittenLog> {
  const dir = newDir();
  const { log } = await openLog(dir, config);
  const batches: WrittenBatch[] = [];
  for (let i = 0; i < count; i++) {
    const bytes = batchOf(i);
    const r = await log.appendAsLeader(bytes, 1);
    batches.push({ baseOffset: r.baseOffset, lastOffset: r.lastOffset, bytes, segment: -1, position: -1 });
  }
  const segments = log.segmentBaseOffsets();
  await log.close();
  for (const b of batches) {
    b.segment = segments.filter((s) => s <= b.baseOffset).at(-1) as number;
    const inSegment = batches.filter((o) => o.segment === b.segment && o.baseOffset < b.baseOffset);
    b.position = inSegment.reduce((n, o) => n + o.bytes.length, 0);
  }
  const files = new Map<string, Buffer>();
  for (const name of readdirSync(dir)) files.set(name, readFileSync(join(dir, name)));
  rmSync(dir, { recursive: true, force: true });
  return { batches, files, segments };
}

/** Lays the files out again in a fresh directory (without the clean-shutdown marker unless asked). */
function restore(written: WrittenLog, clean = false): string {
  const dir = newDir();
  mkdirSync(dir, { recursive: true });
  for (const [name, data] of written.files)
    if (clean || name !== CLEAN_SHUTDOWN_FILE) writeFileSync(join(dir, name), data);
  return dir;
}

const logPath = (dir: string, base: number) => join(dir, segmentFileName(base, '.log'));

/**
 * The log holds exactly `batches[0..keep)`: the log end, the files byte for byte, and a
 * read at every offset (through the rebuilt indexes) returns the batch holding it first.
 */
async function expectPrefix(log: PartitionLog, dir: string, batches: readonly WrittenBatch[], keep: number) {
  const kept = batches.slice(0, keep);
  const end = keep === 0 ? 0 : (kept[keep - 1] as WrittenBatch).lastOffset + 1;
  assert.equal(log.logEndOffset, end, 'log end offset');
  for (const base of log.segmentBaseOffsets()) {
    const expected = Buffer.concat(kept.filter((b) => b.segment === base).map((b) => b.bytes));
    assert.ok(readFileSync(logPath(dir, base)).equals(expected), `segment ${base} holds exactly its valid batches`);
  }
  for (const b of kept) {
    for (let offset = b.baseOffset; offset <= b.lastOffset; offset++) {
      const r = await log.read(offset, 1);
      assert.ok(r.records.equals(b.bytes), `read(${offset}) returns batch ${b.baseOffset}`);
      assert.equal(r.nextOffset, b.lastOffset + 1);
    }
  }
  assert.equal((await log.read(end, 1000)).records.length, 0);
}

/** A new append lands at the log end and reads back; the log then closes and reopens cleanly. */
async function expectAppendable(log: PartitionLog, dir: string, reopen = true) {
  const end = log.logEndOffset;
  const r = await log.appendAsLeader(batchOf(99), 2);
  assert.equal(r.baseOffset, end);
  assert.equal((await log.read(end, 1 << 20)).firstOffset, end);
  if (!reopen) {
    // A clean close costs a dozen fsyncs: the byte-by-byte loops do it now and then.
    await log.abandon();
    return;
  }
  await log.close();
  const { log: again, events } = await openLog(dir);
  assert.equal(again.logEndOffset, r.lastOffset + 1);
  assert.deepEqual(events, []);
  await again.close();
}

// Positions in a batch header outside the CRC (Kafka's format: the leader stamps them
// without recomputing it), where corruption is only visible if the value makes no sense.
const BASE_OFFSET_BYTES = [0, 8];
const LEADER_EPOCH_BYTES = [12, 16];

test('recovery cuts the last batch torn at every byte and keeps the valid prefix', async () => {
  const written = await writeLog(12);
  const { batches } = written;
  const last = batches[batches.length - 1] as WrittenBatch;
  assert.ok(written.segments.length >= 3, `${written.segments.length} segments`);
  assert.ok(last.segment > 0 && last.position > 0, 'the last batch follows others in a later segment');
  for (let cut = 0; cut < last.bytes.length; cut++) {
    const dir = restore(written);
    truncateSync(logPath(dir, last.segment), last.position + cut);
    const { log, events } = await openLog(dir);
    await expectPrefix(log, dir, batches, batches.length - 1);
    if (cut === 0) assert.deepEqual(events, [], 'nothing to cut at a batch boundary');
    else {
      assert.equal(events.length, 1, `cut at ${cut}: ${JSON.stringify(events)}`);
      const e = events[0] as LogEvent;
      assert.equal(e.message, CUT);
      assert.equal(e.segment, last.segment);
      assert.equal(e.truncatedBytes, cut);
      assert.equal(e.validEndOffset, last.baseOffset);
      assert.match(String(e.reason), cut < 61 ? /too few for a batch header/ : /cut off/);
    }
    await expectAppendable(log, dir, cut % 16 === 0);
    rmSync(dir, { recursive: true, force: true });
  }
});

test('recovery cuts the last batch corrupted at any byte (CRC, header checks, offsets)', async () => {
  const written = await writeLog(12);
  const { batches } = written;
  const last = batches[batches.length - 1] as WrittenBatch;
  const seen = new Set<string>();
  for (let at = 0; at < last.bytes.length; at++) {
    const dir = restore(written);
    const path = logPath(dir, last.segment);
    const data = readFileSync(path);
    data[last.position + at] = (data[last.position + at] as number) ^ 0xff;
    writeFileSync(path, data);
    const { log, events } = await openLog(dir);
    const flipped = Number(BigInt.asIntN(64, BigInt(last.baseOffset) ^ (0xffn << BigInt(8 * (7 - at)))));
    const delta = last.lastOffset - last.baseOffset;
    if (
      at < (BASE_OFFSET_BYTES[1] as number) &&
      Number.isSafeInteger(flipped) &&
      flipped > (batches[batches.length - 2] as WrittenBatch).lastOffset &&
      flipped + delta - last.segment <= 0x7fffffff
    ) {
      // A base offset moved up is a valid batch after a gap, as compaction leaves them:
      // kept. Moved down, or out of the segment's range, it is cut (below).
      assert.deepEqual(events, [], `base offset byte ${at}`);
      assert.equal(log.logEndOffset, flipped + delta + 1);
      assert.equal((await log.read(flipped, 1)).firstOffset, flipped);
      seen.add('kept with a gap');
      await log.close();
      rmSync(dir, { recursive: true, force: true });
      continue;
    }
    if (at >= (LEADER_EPOCH_BYTES[0] as number) && at < (LEADER_EPOCH_BYTES[1] as number)) {
      // The leader epoch is outside the CRC: a flipped epoch is a valid batch of another
      // epoch, kept as it is (Kafka cannot tell either).
      assert.deepEqual(events, []);
      assert.equal(log.logEndOffset, last.lastOffset + 1);
      const r = await log.read(last.baseOffset, 1);
      assert.equal(readBatchInfo(r.records, 0, 0).partitionLeaderEpoch, 1 ^ (0xff << ((15 - at) * 8)));
      await log.close();
      rmSync(dir, { recursive: true, force: true });
      continue;
    }
    await expectPrefix(log, dir, batches, batches.length - 1);
    assert.equal(events.length, 1, `corrupt byte ${at}: ${JSON.stringify(events)}`);
    const e = events[0] as LogEvent;
    assert.equal(e.message, CUT);
    assert.equal(e.segment, last.segment);
    assert.equal(e.truncatedBytes, last.bytes.length);
    assert.equal(e.validEndOffset, last.baseOffset);
    assert.equal(typeof e.reason, 'string');
    seen.add(String(e.reason).replace(/\d+/g, 'N'));
    await expectAppendable(log, dir, at % 16 === 0);
    rmSync(dir, { recursive: true, force: true });
  }
  // Each kind of damage is named: bad offsets, length, magic, CRC.
  const reasons = [...seen].join(' | ');
  for (const kind of [/do not follow/, /bad offsets/, /length|cut off/, /magic/, /CRC/, /kept with a gap/])
    assert.match(reasons, kind);
});

test('missing or mangled .index and .timeindex files are rebuilt after a clean shutdown', async () => {
  const written = await writeLog(12);
  const { batches, segments } = written;
  const base = segments[1] as number;
  const damages: [string, (path: string, entryBytes: number) => void][] = [
    ['missing', (p) => unlinkSync(p)],
    ['empty', (p) => writeFileSync(p, Buffer.alloc(0))],
    ['cut inside an entry', (p) => truncateSync(p, readFileSync(p).length - 3)],
    ['cut to fewer entries', (p, entryBytes) => truncateSync(p, entryBytes)],
    ['garbage', (p) => writeFileSync(p, Buffer.from(readFileSync(p).map((_, i) => (i * 151 + 7) & 0xff)))],
    ['garbage, whole entries', (p) => writeFileSync(p, Buffer.alloc(24, 0x5a))],
  ];
  for (const [suffix, entryBytes] of [
    ['.index', 8],
    ['.timeindex', 12],
  ] as const) {
    for (const [what, damage] of damages) {
      const dir = restore(written, true);
      const path = join(dir, segmentFileName(base, suffix));
      const original = readFileSync(path);
      assert.ok(original.length > entryBytes, `${suffix} of segment ${base} has entries`);
      damage(path, entryBytes);
      const { log, events } = await openLog(dir);
      assert.deepEqual(events, [], `${suffix} ${what}: nothing is cut`);
      await expectPrefix(log, dir, batches, batches.length);
      for (const b of batches) {
        for (let k = 0; k <= b.lastOffset - b.baseOffset; k++) {
          const ts = 10_000 + batches.indexOf(b) * 10 + k;
          assert.deepEqual(await log.offsetForTimestamp(ts), { offset: b.baseOffset + k, timestamp: ts });
        }
      }
      await log.close();
      // Rebuilt: the files are what the log wrote in the first place.
      assert.ok(readFileSync(path).equals(original), `${suffix} ${what}: rebuilt as it was`);
      rmSync(dir, { recursive: true, force: true });
    }
  }
});

test('a corrupt batch in an older segment above the recovery point cuts the log there', async () => {
  const dir = newDir();
  const { log } = await openLog(dir);
  const batches: Buffer[] = [];
  const bases: number[] = [];
  for (let i = 0; i < 24; i++) {
    const bytes = batchOf(i);
    bases.push((await log.appendAsLeader(bytes, 1)).baseOffset);
    batches.push(bytes);
    // The recovery point lands in the second segment.
    if (i === 5) {
      await log.flush();
      await log.checkpoint();
    }
  }
  await log.flush();
  const recoveryPoint = log.recoveryPoint;
  const segments = log.segmentBaseOffsets();
  await log.abandon();
  assert.ok(segments.length >= 5, `${segments.length} segments`);
  // A batch in the middle of the third segment (above the recovery point, not the last).
  const victimSegment = segments.find((s) => s > recoveryPoint) as number;
  const nextSegment = segments[segments.indexOf(victimSegment) + 1] as number;
  const inVictim = bases
    .map((_, i) => i)
    .filter((i) => (bases[i] as number) >= victimSegment && (bases[i] as number) < nextSegment);
  assert.ok(inVictim.length >= 3);
  const victim = inVictim[1] as number;
  const position = inVictim.filter((i) => i < victim).reduce((n, i) => n + (batches[i] as Buffer).length, 0);
  const path = logPath(dir, victimSegment);
  const data = readFileSync(path);
  const sizeBefore = data.length;
  data[position + 40] = (data[position + 40] as number) ^ 0x10;
  writeFileSync(path, data);

  const { log: reopened, events } = await openLog(dir);
  const cut = events.filter((e) => e.message === CUT);
  assert.equal(cut.length, 1, JSON.stringify(events));
  assert.equal(cut[0]?.segment, victimSegment);
  assert.equal(cut[0]?.validEndOffset, bases[victim]);
  assert.equal(cut[0]?.truncatedBytes, sizeBefore - position);
  assert.match(String(cut[0]?.reason), /CRC/);
  const later = segments.filter((s) => s > victimSegment);
  assert.deepEqual(
    events.filter((e) => e.message === DELETED).map((e) => e.segment),
    later,
    'every later segment is deleted, with an event each',
  );
  for (const s of later) assert.ok(!existsSync(logPath(dir, s)), `segment ${s} deleted`);
  assert.deepEqual(
    reopened.segmentBaseOffsets(),
    segments.filter((s) => s <= victimSegment),
  );
  assert.equal(reopened.logEndOffset, bases[victim]);
  for (let i = 0; i < victim; i++) {
    const r = await reopened.read(bases[i] as number, 1);
    assert.ok(r.records.equals(batches[i] as Buffer), `batch ${i} intact`);
  }
  await expectAppendable(reopened, dir);
});

test('leftover .tmp files are removed on open', async () => {
  const written = await writeLog(4);
  const dir = restore(written);
  writeFileSync(join(dir, `${segmentFileName(0, '.index')}.tmp`), Buffer.from('half an index'));
  writeFileSync(join(dir, 'leader-epoch-checkpoint.tmp'), Buffer.from('0\n1\n'));
  const { log } = await openLog(dir);
  assert.deepEqual(
    readdirSync(dir).filter((n) => n.endsWith('.tmp')),
    [],
  );
  await expectPrefix(log, dir, written.batches, written.batches.length);
  await log.close();
});
