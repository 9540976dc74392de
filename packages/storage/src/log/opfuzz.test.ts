/**
 * The operation fuzzer of the partition log (Redpanda's storage/opfuzz, TigerBeetle's
 * VOPR): one seed drives a random sequence of appends (several per event-loop turn, to
 * exercise group commit), reads, rolls, truncations, DeleteRecords, retention, flushes,
 * checkpoints, clean reopens, process kills, power losses (with and without a torn
 * tail) and injected disk faults, and after every step the log is checked against
 * `LogModel` (log-model.ts): offsets, log start, every byte of every batch, timestamp
 * lookups, reads from random offsets with random budgets, segment layout and files.
 *
 * A failure prints its seed and the last steps; replay one seed with
 *   OPFUZZ_SEED=123 node --test packages/storage/dist/log/opfuzz.test.js
 * (OPFUZZ_TRACE=1 prints every step, OPFUZZ_SEQUENCES=n runs n sequences with no time
 * budget; by default the suites stop early, saying so, if a slow machine would take more
 * than about 25 s).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { after, test } from 'node:test';
import { isDeepStrictEqual } from 'node:util';
import { buildRecordBatch, readAllRecords } from '@gregor/protocol';
import type { Disk } from '../disk.js';
import { MemoryDisk, NodeDisk } from '../disk.js';
import { readBatchInfo } from './batch-scan.js';
import type { LogConfig } from './config.js';
import type { AppendResult, LogEvent } from './log.js';
import { LogError, PartitionLog } from './log.js';
import type { ModelBatch, ModelRecord } from './log-model.js';
import { LogModel } from './log-model.js';
import { parseSegmentFileName, segmentFileName } from './segment.js';

const REPLAY_SEED = process.env.OPFUZZ_SEED === undefined ? undefined : Number(process.env.OPFUZZ_SEED);
const TRACE = process.env.OPFUZZ_TRACE === '1';
const MEMORY_SEQUENCES = Number(process.env.OPFUZZ_SEQUENCES ?? 300);
const NODE_SEQUENCES = Math.max(1, Math.round(MEMORY_SEQUENCES / 25));
/** Wall-clock budgets of the two suites; none when the sequences are asked for by name or number. */
const BUDGET = REPLAY_SEED !== undefined || process.env.OPFUZZ_SEQUENCES !== undefined;
const MEMORY_BUDGET_MS = BUDGET ? Number.POSITIVE_INFINITY : 20_000;
const NODE_BUDGET_MS = BUDGET ? Number.POSITIVE_INFINITY : 5_000;

/** A small seeded PRNG (mulberry32): the whole sequence follows from the seed. */
class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** An integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }
}

// Values are slices of one fixed text, so building a 3 KiB value costs nothing.
const TEXT = (() => {
  const r = new Random(7);
  let s = '';
  for (let i = 0; i < 8192; i++) s += String.fromCharCode(r.int(33, 126));
  return s;
})();

const tmp = mkdtempSync(join(tmpdir(), 'gregor-opfuzz-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

const isLogError = (code: LogError['errorCode']) => (e: unknown) => e instanceof LogError && e.errorCode === code;
const settle = async (turns = 4) => {
  for (let i = 0; i < turns; i++) await new Promise<void>((resolve) => setImmediate(resolve));
};

interface PendingAppend {
  batches: ModelBatch[];
  promise: Promise<AppendResult>;
}

class Fuzz {
  private readonly rng: Random;
  private readonly disk: Disk;
  private readonly memory: MemoryDisk | null;
  private readonly dir: string;
  private readonly config: Partial<LogConfig>;
  private clock = 1_700_000_000_000;
  private log!: PartitionLog;
  private readonly model = new LogModel();
  private readonly trace: string[] = [];
  private events: LogEvent[] = [];
  private epoch = 0;
  /** The log refused a write or fsync: it must refuse appends until reopened. */
  private failed = false;
  private lastOp = '';
  readonly counts: Record<string, number> = {};

  constructor(
    readonly seed: number,
    readonly kind: 'memory' | 'node',
  ) {
    this.rng = new Random(seed);
    this.memory = kind === 'memory' ? new MemoryDisk() : null;
    this.disk = this.memory ?? new NodeDisk();
    this.dir = kind === 'memory' ? 'p' : join(tmp, `seed-${seed}`);
    const r = this.rng;
    this.config = {
      segmentBytes: r.pick([700, 1500, 4000, 16_000]),
      indexIntervalBytes: r.pick([1, 64, 300, 4096]),
      durable: r.chance(0.25),
      flushMessages: r.chance(0.2) ? r.int(1, 20) : Number.MAX_SAFE_INTEGER,
      retentionBytes: r.chance(0.5) ? -1 : r.int(2000, 30_000),
      retentionMs: r.chance(0.5) ? -1 : r.int(5000, 60_000),
      segmentMs: r.chance(0.2) ? r.int(2000, 20_000) : 7 * 24 * 3600 * 1000,
    };
  }

  private note(step: string): void {
    this.trace.push(step);
    if (this.trace.length > 25) this.trace.shift();
    if (TRACE) console.log(`[${this.kind} ${this.seed}] ${step}`);
  }

  private async openLog(): Promise<void> {
    this.events = [];
    this.log = await PartitionLog.open({
      disk: this.disk,
      dir: this.dir,
      config: this.config,
      now: () => this.clock,
      onEvent: (e) => this.events.push(e),
    });
    this.failed = false;
  }

  async run(steps: number): Promise<void> {
    try {
      this.note(`config ${JSON.stringify(this.config)}`);
      await this.openLog();
      await this.check();
      for (let i = 0; i < steps; i++) {
        this.clock += this.rng.int(0, 1500);
        await this.step(i);
        await this.check();
      }
      await this.log.close();
    } catch (e) {
      const error = e instanceof Error ? e : new Error(String(e));
      error.message =
        `opfuzz failed (${this.kind} disk): replay with OPFUZZ_SEED=${this.seed}\n` +
        `last steps:\n  ${this.trace.join('\n  ')}\n${error.message}`;
      await this.log?.abandon().catch(() => {});
      throw error;
    }
  }

  // ------------------------------------------------------------------------------------
  // Steps

  private async step(i: number): Promise<void> {
    const r = this.rng;
    const crashes = this.kind === 'memory';
    const ops: [string, number][] = [
      ['append', 40],
      ['read', 8],
      ['roll', 5],
      ['truncate', 5],
      ['deleteRecords', 5],
      ['retention', 6],
      ['flush', 6],
      ['checkpoint', 4],
      ['reopen', 4],
      ['kill', 3],
      ['crash', crashes ? 6 : 0],
      ['fault', crashes ? 5 : 0],
    ];
    let total = 0;
    for (const [, w] of ops) total += w;
    let pick = r.next() * total;
    let op = 'append';
    for (const [name, w] of ops) {
      if (pick < w) {
        op = name;
        break;
      }
      pick -= w;
    }
    this.counts[op] = (this.counts[op] ?? 0) + 1;
    this.lastOp = op;
    const m = this.model;
    switch (op) {
      case 'append': {
        const pending = this.issueAppends(r.int(1, 4));
        this.note(`${i} append x${pending.length} -> LEO ${m.logEndOffset}`);
        await this.settleAppends(pending);
        break;
      }
      case 'read': {
        const offset = r.int(Math.max(0, m.logStartOffset - 3), m.logEndOffset + 3);
        const maxOffset = r.chance(0.3) ? r.int(offset, m.logEndOffset + 1) : undefined;
        this.note(`${i} read ${offset} maxOffset ${maxOffset}`);
        await this.checkRead(offset, r.int(1, 20_000), maxOffset);
        break;
      }
      case 'roll':
        this.note(`${i} roll`);
        await this.log.roll();
        break;
      case 'truncate': {
        const offset = r.chance(0.15)
          ? r.int(Math.max(0, m.logStartOffset - 5), m.logStartOffset)
          : r.int(m.logStartOffset, m.logEndOffset + 2);
        this.note(`${i} truncateTo ${offset}`);
        const firstBase = this.log.segmentBaseOffsets()[0] as number;
        await this.log.truncateTo(offset);
        m.truncateTo(offset, firstBase);
        break;
      }
      case 'deleteRecords': {
        if (r.chance(0.1)) {
          this.note(`${i} deleteRecordsBefore past the end`);
          await assert.rejects(
            this.log.deleteRecordsBefore(m.logEndOffset + r.int(1, 5)),
            isLogError('OFFSET_OUT_OF_RANGE'),
          );
          break;
        }
        const offset = r.int(Math.max(0, m.logStartOffset - 3), m.logEndOffset);
        this.note(`${i} deleteRecordsBefore ${offset}`);
        const start = await this.log.deleteRecordsBefore(offset);
        m.deleteRecordsBefore(offset);
        assert.equal(start, m.logStartOffset, 'deleteRecordsBefore returns the new log start');
        break;
      }
      case 'retention': {
        this.clock += r.chance(0.3) ? r.int(0, 60_000) : 0;
        this.log.highWatermark = r.chance(0.6) ? m.logEndOffset : r.int(m.logStartOffset, m.logEndOffset);
        const expected = this.expectedRetentionStart();
        this.note(`${i} retention hw ${this.log.highWatermark} now ${this.clock} -> expect start ${expected}`);
        await this.log.applyRetention();
        m.deleteRecordsBefore(expected);
        break;
      }
      case 'flush': {
        this.note(`${i} flush`);
        const flushed = await this.log.flush();
        assert.equal(flushed, m.logEndOffset, 'flush covers everything written');
        m.ackDurable(flushed);
        break;
      }
      case 'checkpoint':
        this.note(`${i} checkpoint`);
        await this.log.checkpoint();
        break;
      case 'reopen': {
        this.note(`${i} close + reopen`);
        await this.log.close();
        m.ackDurable(m.logEndOffset);
        await this.openLog();
        this.expectNoRecoveryEvents('a clean reopen');
        break;
      }
      case 'kill':
        await this.kill(i, false);
        break;
      case 'crash':
        await this.kill(i, true);
        break;
      case 'fault':
        await this.fault(i);
        break;
    }
  }

  /** Builds random batches and appends them in one event-loop turn, without awaiting. */
  private issueAppends(calls: number): PendingAppend[] {
    const r = this.rng;
    const m = this.model;
    const pending: PendingAppend[] = [];
    if (r.chance(0.1)) this.epoch++;
    for (let c = 0; c < calls; c++) {
      // Offsets a follower's batches will have (they keep theirs, with gaps as compaction leaves).
      let followerNext = m.logEndOffset;
      const parts: Buffer[] = [];
      const batches: {
        bytes: Buffer;
        records: Omit<ModelRecord, 'offset'>[];
        maxTimestamp: number;
        baseOffset: number;
      }[] = [];
      const count = r.chance(0.7) ? 1 : r.int(2, 3);
      const follower = r.chance(0.15);
      for (let b = 0; b < count; b++) {
        const records: Omit<ModelRecord, 'offset'>[] = [];
        const n = r.chance(0.5) ? 1 : r.int(2, 6);
        const noTimestamps = r.chance(0.03);
        let ts = this.clock + r.int(-20_000, 2000);
        let maxTimestamp = -1;
        for (let k = 0; k < n; k++) {
          ts += r.int(-50, 100);
          const timestamp = noTimestamps ? -1 : Math.max(0, ts);
          const roll = r.next();
          const length = roll < 0.7 ? r.int(0, 40) : roll < 0.95 ? r.int(40, 500) : r.int(500, 3000);
          const start = r.int(0, TEXT.length - length);
          records.push({
            key: r.chance(0.2) ? null : `k${r.int(0, 50)}`,
            value: r.chance(0.05) ? null : TEXT.slice(start, start + length),
            timestamp,
          });
          maxTimestamp = Math.max(maxTimestamp, timestamp);
        }
        const baseOffset = follower ? followerNext + (r.chance(0.5) ? 0 : r.int(1, 4)) : 0;
        const bytes = follower
          ? buildRecordBatch({ records, baseOffset, partitionLeaderEpoch: this.epoch })
          : buildRecordBatch({ records });
        if (follower) followerNext = baseOffset + n;
        parts.push(bytes);
        batches.push({ bytes, records, maxTimestamp, baseOffset });
      }
      const buffer = Buffer.concat(parts);
      const tooLarge = batches.some((b) => b.bytes.length > (this.config.segmentBytes as number));
      const promise = follower ? this.log.appendAsFollower(buffer) : this.log.appendAsLeader(buffer, this.epoch);
      if (tooLarge) {
        // Refused before anything changes: no offsets taken.
        promise.catch(() => {});
        pending.push({ batches: [], promise });
        continue;
      }
      // Offsets were assigned synchronously: the model follows.
      const modelBatches: ModelBatch[] = [];
      let at = 0;
      for (const b of batches) {
        const base = follower ? b.baseOffset : m.logEndOffset;
        const placed = buffer.subarray(at, at + b.bytes.length);
        at += b.bytes.length;
        const records = b.records.map((rec, k) => ({ ...rec, offset: base + k }));
        const batch: ModelBatch = {
          baseOffset: base,
          lastOffset: base + records.length - 1,
          leaderEpoch: this.epoch,
          maxTimestamp: b.maxTimestamp,
          bytes: placed,
          records,
        };
        // The batch as the log holds it decodes to the model's records.
        const info = readBatchInfo(placed, 0, 0);
        assert.equal(info.baseOffset, base, 'baseOffset stamped in place');
        assert.equal(info.partitionLeaderEpoch, this.epoch, 'leader epoch stamped in place');
        assert.equal(info.maxTimestamp, b.maxTimestamp);
        const decoded = readAllRecords(placed, 0);
        assert.deepEqual(
          decoded.map((d) => [d.offset, d.key?.toString() ?? null, d.value?.toString() ?? null, d.timestamp]),
          records.map((d) => [d.offset, d.key, d.value, d.timestamp]),
        );
        m.append([batch]);
        modelBatches.push(batch);
      }
      promise.catch(() => {});
      pending.push({ batches: modelBatches, promise });
    }
    return pending;
  }

  /** Awaits appends: each succeeds with the model's offsets, or fails as expected. */
  private async settleAppends(pending: PendingAppend[], expectFailure = false): Promise<void> {
    for (const p of pending) {
      if (p.batches.length === 0) {
        await assert.rejects(p.promise, isLogError('RECORD_LIST_TOO_LARGE'));
        continue;
      }
      if (expectFailure) {
        const outcome = await p.promise.then(
          () => null,
          (e: unknown) => e,
        );
        if (outcome !== null) {
          assert.ok(isLogError('KAFKA_STORAGE_ERROR')(outcome), `append failed with ${String(outcome)}`);
          this.failed = true;
          continue;
        }
      }
      const result = await p.promise;
      const first = p.batches[0] as ModelBatch;
      const last = p.batches[p.batches.length - 1] as ModelBatch;
      assert.equal(result.baseOffset, first.baseOffset);
      assert.equal(result.lastOffset, last.lastOffset);
      assert.equal(result.batches, p.batches.length);
      if (this.config.durable) this.model.ackDurable(result.lastOffset + 1);
      else this.model.ackWritten(result.lastOffset + 1);
    }
  }

  /** A process kill (`abandon`), or with `powerLoss` a crash of the disk too; then reopen. */
  private async kill(i: number, powerLoss: boolean, inFlight = this.rng.chance(0.4)): Promise<void> {
    const r = this.rng;
    const m = this.model;
    // On a real disk only settled work is killed: an abandoned write would still land.
    const inflightAppends = inFlight && this.kind === 'memory' && !this.failed;
    if (inflightAppends) {
      const pending = this.issueAppends(r.int(1, 3));
      for (const p of pending)
        p.promise.then(
          (res) => (this.config.durable ? m.ackDurable(res.lastOffset + 1) : m.ackWritten(res.lastOffset + 1)),
          () => {},
        );
      if (r.chance(0.3)) this.memory?.inject({ shortWrites: r.int(1, 3) });
      await settle(r.int(0, 3));
    }
    const flushed = this.failed ? 0 : this.log.flushedOffset;
    const firstBase = this.log.segmentBaseOffsets()[0] as number;
    await this.log.abandon();
    // Let whatever the abandoned log had in hand run out (it must write nothing more).
    await settle(6);
    this.memory?.inject({ failWrites: 0, shortWrites: 0, failSyncs: 0 });
    const torn = powerLoss && r.chance(0.5);
    let lowerBound = m.writtenEnd;
    if (powerLoss) {
      this.memory?.crash(torn ? () => r.next() : undefined);
      lowerBound = Math.max(m.durableEnd, flushed);
    }
    this.note(
      `${i} ${powerLoss ? (torn ? 'crash (torn tail)' : 'crash') : 'kill'}${inflightAppends ? ' with appends in flight' : ''}: ` +
        `must keep [${m.logStartOffset}, ${lowerBound}) of [.., ${m.logEndOffset})`,
    );
    await this.openLog();
    const problem = m.survive(this.log.logEndOffset, lowerBound, this.log.size === 0, firstBase);
    assert.equal(problem, null, problem ?? '');
    // Everything reopened is, from now on, as written as it gets.
    m.ackWritten(m.logEndOffset);
    if (!powerLoss && !inflightAppends)
      assert.equal(this.log.logEndOffset, m.logEndOffset, 'a kill loses nothing written');
    await this.checkRecordsDecoded();
  }

  /** Injected write failures, short writes and fsync failures. */
  private async fault(i: number): Promise<void> {
    const r = this.rng;
    const memory = this.memory as MemoryDisk;
    const kind = r.pick(['failWrites', 'shortWrites', 'failSyncs'] as const);
    this.note(`${i} fault ${kind}`);
    if (kind === 'shortWrites') {
      memory.inject({ shortWrites: r.int(1, 4) });
      await this.settleAppends(this.issueAppends(r.int(1, 3)));
      memory.inject({ shortWrites: 0 });
      return;
    }
    if (kind === 'failWrites') {
      memory.inject({ failWrites: 1 });
      const pending = this.issueAppends(r.int(1, 3));
      // Work queued behind the failing write (a flush, a roll) must settle too, with an error.
      let queued: 'pending' | 'done' | 'failed' = 'pending';
      const behind = r.chance(0.5) ? this.log.flush() : this.log.roll();
      behind.then(
        () => (queued = 'done'),
        () => (queued = 'failed'),
      );
      await this.settleAppends(pending, true);
      await settle(4);
      memory.inject({ failWrites: 0 });
      if (this.failed) assert.equal(queued, 'failed', 'work queued behind a failed write is refused');
      if (pending.some((p) => p.batches.length > 0)) assert.ok(this.failed, 'an append whose write failed is refused');
    } else {
      memory.inject({ failSyncs: 1 });
      if (this.config.durable && r.chance(0.5)) {
        await this.settleAppends(this.issueAppends(1), true);
      } else {
        const unflushed = this.log.writtenOffset > this.log.flushedOffset;
        const outcome = await this.log.flush().then(
          (n) => n,
          (e: unknown) => e as Error,
        );
        if (unflushed) {
          assert.ok(outcome instanceof Error, 'a failed fsync fails flush()');
          this.failed = true;
        } else assert.equal(outcome, this.model.logEndOffset);
      }
      memory.inject({ failSyncs: 0 });
    }
    if (!this.failed) return;
    // A failed log refuses appends (and the rest) until it is reopened, which recovers it.
    await assert.rejects(
      this.log.appendAsLeader(buildRecordBatch({ records: [{ value: 'x', timestamp: 1 }] }), 0),
      isLogError('KAFKA_STORAGE_ERROR'),
    );
    await this.kill(i, r.chance(0.5), false);
  }

  private expectedRetentionStart(): number {
    const m = this.model;
    const bases = this.log.segmentBaseOffsets();
    const cfg = this.log.config;
    if (!cfg.cleanupPolicy.includes('delete')) return m.logStartOffset;
    const sizes = bases.map(() => 0);
    const maxTs = bases.map(() => -1);
    for (const b of m.batches) {
      const s = segmentIndexOf(bases, b.baseOffset);
      sizes[s] = (sizes[s] as number) + b.bytes.length;
      maxTs[s] = Math.max(maxTs[s] as number, b.maxTimestamp);
    }
    let total = sizes.reduce((a, b) => a + b, 0);
    let start = m.logStartOffset;
    for (let s = 0; s + 1 < bases.length; s++) {
      if ((bases[s + 1] as number) > this.log.highWatermark) break;
      const ts = maxTs[s] as number;
      const expired = cfg.retentionMs >= 0 && ts >= 0 && this.clock - ts > cfg.retentionMs;
      const tooBig = cfg.retentionBytes >= 0 && total - (sizes[s] as number) >= cfg.retentionBytes;
      if (!expired && !tooBig) break;
      total -= sizes[s] as number;
      start = Math.max(start, bases[s + 1] as number);
    }
    return start;
  }

  private expectNoRecoveryEvents(when: string): void {
    const recovery = this.events.filter((e) => e.message.startsWith('log recovery'));
    assert.deepEqual(recovery, [], `no recovery after ${when}`);
  }

  // ------------------------------------------------------------------------------------
  // Checks after every step

  private async check(): Promise<void> {
    const log = this.log;
    const m = this.model;
    const r = this.rng;
    assert.equal(log.logStartOffset, m.logStartOffset, 'logStartOffset');
    assert.equal(log.logEndOffset, m.logEndOffset, 'logEndOffset');
    if (!this.failed) assert.equal(log.writtenOffset, m.logEndOffset, 'everything settled is written');
    assert.ok(log.flushedOffset <= log.writtenOffset, 'flushed <= written');
    assert.ok(log.recoveryPoint <= log.flushedOffset, 'recovery point <= flushed');
    assert.ok(log.highWatermark <= log.logEndOffset, 'high watermark <= log end');

    // Segments: increasing bases; the first holds the log start; none wholly below it.
    const bases = log.segmentBaseOffsets();
    for (let s = 1; s < bases.length; s++) assert.ok((bases[s] as number) > (bases[s - 1] as number), `bases ${bases}`);
    assert.ok((bases[0] as number) <= m.logStartOffset, `first segment ${bases[0]} starts after the log start`);
    // A segment wholly below the log start may linger (a truncation inside the first batch
    // above the start, then a roll) until the next retention pass deletes it.
    if (bases.length > 1 && this.lastOp === 'retention')
      assert.ok((bases[1] as number) > m.logStartOffset, `segment ${bases[0]} is wholly below the log start`);
    assert.ok((bases[bases.length - 1] as number) <= m.logEndOffset);
    // Batches of deleted segments must all be below the log start.
    for (const gone of m.dropBelow(bases[0] as number))
      assert.ok(gone.lastOffset < m.logStartOffset, `batch ${gone.baseOffset} lost with its segment`);
    // Every batch sits in one segment: none straddles a segment boundary.
    for (const b of m.batches) {
      const s = segmentIndexOf(bases, b.baseOffset);
      const next = bases[s + 1];
      assert.ok(next === undefined || b.lastOffset < next, `batch ${b.baseOffset}-${b.lastOffset} crosses ${next}`);
    }
    let bytes = 0;
    for (const b of m.batches) bytes += b.bytes.length;
    assert.equal(log.size, bytes, 'bytes in the log');
    if (!this.failed) await this.checkFiles(bases, bytes);

    // Reads below the start and past the end are out of range (now and then: errors are slow).
    if (r.chance(0.25) && m.logStartOffset > 0)
      await assert.rejects(log.read(m.logStartOffset - 1, 1000), isLogError('OFFSET_OUT_OF_RANGE'));
    if (r.chance(0.25)) await assert.rejects(log.read(m.logEndOffset + 1, 1000), isLogError('OFFSET_OUT_OF_RANGE'));

    // The whole log, read from the start in chunks, is the model's batches byte for byte.
    const chunks: Buffer[] = [];
    let offset = m.logStartOffset;
    while (offset < m.logEndOffset) {
      const res = await this.checkRead(offset, r.chance(0.8) ? 1 << 20 : r.int(1, 5000));
      assert.ok(res.nextOffset > offset, `read at ${offset} made no progress`);
      chunks.push(res.records);
      offset = res.nextOffset;
    }
    const expected = Buffer.concat(m.visibleBatches().map((b) => b.bytes));
    const actual = Buffer.concat(chunks);
    if (!actual.equals(expected)) {
      assert.fail(
        `the log's bytes (${actual.length}) differ from the model's (${expected.length}); ${describe(actual)} vs ${describe(expected)}`,
      );
    }

    // Random reads, and lookups by time.
    for (let k = 0; k < 2; k++) {
      if (m.logEndOffset > m.logStartOffset)
        await this.checkRead(
          r.int(m.logStartOffset, m.logEndOffset),
          r.int(1, 8000),
          r.chance(0.2) ? r.int(m.logStartOffset, m.logEndOffset) : undefined,
        );
    }
    const stamps = m.visibleTimestamps();
    const targets = [r.chance(0.1) ? 0 : r.int(this.clock - 30_000, this.clock + 3000)];
    if (stamps.length > 0) {
      const t = r.pick(stamps);
      targets.push(r.chance(0.5) ? t : t + 1);
    }
    for (const t of targets) {
      const got = await log.offsetForTimestamp(t);
      const want = m.offsetForTimestamp(t);
      if (!isDeepStrictEqual(got, want)) {
        const batches = m
          .visibleBatches()
          .map((b) => `${b.baseOffset}-${b.lastOffset}:[${b.records.map((x) => x.timestamp).join(',')}]`);
        assert.fail(
          `offsetForTimestamp(${t}) = ${JSON.stringify(got)}, want ${JSON.stringify(want)}; log start ${m.logStartOffset}, ` +
            `segments ${log.segmentBaseOffsets()}, batches ${batches.join(' ')}`,
        );
      }
    }
  }

  /**
   * One read, checked: whole batches back to back, the first holding `offset`, all in one
   * segment, below the bound, within the budget (one batch at least), and as many as fit.
   */
  private async checkRead(offset: number, maxBytes: number, maxOffset?: number) {
    const log = this.log;
    const m = this.model;
    if (offset < m.logStartOffset || offset > m.logEndOffset) {
      await assert.rejects(log.read(offset, maxBytes, maxOffset), isLogError('OFFSET_OUT_OF_RANGE'));
      return { records: Buffer.alloc(0), firstOffset: offset, nextOffset: offset };
    }
    const res =
      maxOffset === undefined ? await log.read(offset, maxBytes) : await log.read(offset, maxBytes, maxOffset);
    const limit = Math.min(maxOffset ?? m.logEndOffset, m.logEndOffset);
    const first = m.batchFor(offset);
    const what = `read(${offset}, ${maxBytes}, ${maxOffset})`;
    if (offset >= limit || first === undefined || first.lastOffset >= limit) {
      assert.equal(res.records.length, 0, `${what} returns nothing`);
      assert.equal(res.nextOffset, offset, `${what} nextOffset`);
      return res;
    }
    // `first` holds the offset, or follows the gap the offset is in.
    const bases = log.segmentBaseOffsets();
    const segment = segmentIndexOf(bases, first.baseOffset);
    const index = m.batches.indexOf(first);
    let end = index;
    let bytes = 0;
    for (let k = index; k < m.batches.length; k++) {
      const b = m.batches[k] as ModelBatch;
      if (b.lastOffset >= limit || segmentIndexOf(bases, b.baseOffset) !== segment) break;
      if (bytes + b.bytes.length > maxBytes && k > index) break;
      bytes += b.bytes.length;
      end = k + 1;
      if (bytes > maxBytes) break;
    }
    // The log may return fewer batches than fit (it reads one window from the index
    // position), but at least one, in order, from the batch holding the offset.
    let taken = 0;
    let at = 0;
    while (index + taken < end && at < res.records.length) {
      const b = m.batches[index + taken] as ModelBatch;
      if (!res.records.subarray(at, at + b.bytes.length).equals(b.bytes)) break;
      at += b.bytes.length;
      taken++;
    }
    if (taken === 0 || at !== res.records.length) {
      const expected = Buffer.concat(m.batches.slice(index, end).map((b) => b.bytes));
      assert.fail(`${what}: got ${describe(res.records)}, want a prefix of ${describe(expected)}`);
    }
    this.counts.readBatchesReturned = (this.counts.readBatchesReturned ?? 0) + taken;
    this.counts.readBatchesThatFit = (this.counts.readBatchesThatFit ?? 0) + (end - index);
    assert.equal(res.firstOffset, first.baseOffset, `${what} firstOffset`);
    assert.equal(res.nextOffset, (m.batches[index + taken - 1] as ModelBatch).lastOffset + 1, `${what} nextOffset`);
    return res;
  }

  /** The files in the directory: one `.log` per segment holding exactly its bytes; no leftovers. */
  private async checkFiles(bases: number[], bytes: number): Promise<void> {
    const names = await this.disk.list(this.dir);
    let fileBytes = 0;
    const logs: number[] = [];
    for (const name of names) {
      assert.ok(!name.endsWith('.tmp'), `leftover ${name}`);
      const parsed = parseSegmentFileName(name);
      if (parsed === null) continue;
      if (parsed.suffix === '.snapshot') continue;
      assert.ok(bases.includes(parsed.baseOffset), `${name} belongs to no segment`);
      if (parsed.suffix !== '.log') continue;
      logs.push(parsed.baseOffset);
      const file = await this.disk.open(`${this.dir}/${segmentFileName(parsed.baseOffset, '.log')}`, false);
      fileBytes += await file.size();
      await file.close();
    }
    assert.deepEqual(logs, bases, 'one .log file per segment');
    assert.equal(fileBytes, bytes, 'the .log files hold exactly the batches (no torn or stale tail)');
  }

  /** After a reopen: decode every record read and compare with the model's records. */
  private async checkRecordsDecoded(): Promise<void> {
    const m = this.model;
    const got: ModelRecord[] = [];
    for (let offset = m.logStartOffset; offset < m.logEndOffset; ) {
      const res = await this.log.read(offset, 1 << 20);
      for (let at = 0; at < res.records.length; ) {
        const size = 12 + res.records.readInt32BE(at + 8);
        for (const rec of readAllRecords(res.records.subarray(at, at + size), 0))
          if (rec.offset >= m.logStartOffset)
            got.push({
              offset: rec.offset,
              key: rec.key?.toString() ?? null,
              value: rec.value?.toString() ?? null,
              timestamp: rec.timestamp,
            });
        at += size;
      }
      assert.ok(
        res.nextOffset > offset,
        `read(${offset}) after reopen made no progress: ${describe(res.records)}, segments ${this.log.segmentBaseOffsets()}, ` +
          `log [${this.log.logStartOffset}, ${this.log.logEndOffset}), events ${JSON.stringify(this.events)}`,
      );
      offset = res.nextOffset;
    }
    const want: ModelRecord[] = [];
    for (const b of m.visibleBatches()) for (const rec of b.records) if (rec.offset >= m.logStartOffset) want.push(rec);
    assert.deepEqual(got, want, 'records after reopen');
  }
}

function segmentIndexOf(bases: readonly number[], offset: number): number {
  let s = 0;
  while (s + 1 < bases.length && (bases[s + 1] as number) <= offset) s++;
  return s;
}

function describe(buf: Buffer): string {
  const out: string[] = [];
  for (let at = 0; at + 61 <= buf.length; ) {
    const info = readBatchInfo(buf, at, at);
    out.push(`${info.baseOffset}-${info.lastOffset}(${info.size}B)`);
    if (info.size <= 0) break;
    at += info.size;
  }
  return `[${out.join(' ')}]`;
}

async function runSequences(
  t: TestContext,
  kind: 'memory' | 'node',
  seeds: number[],
  steps: (r: Random) => number,
  budgetMs: number,
): Promise<void> {
  const totals: Record<string, number> = {};
  const started = performance.now();
  let ran = 0;
  for (const seed of seeds) {
    if (performance.now() - started > budgetMs) break;
    const fuzz = new Fuzz(seed, kind);
    await fuzz.run(steps(new Random(seed ^ 0x5bd1e995)));
    ran++;
    for (const [k, v] of Object.entries(fuzz.counts)) totals[k] = (totals[k] ?? 0) + v;
  }
  if (ran < seeds.length) t.diagnostic(`time budget spent: ran ${ran} of ${seeds.length} sequences`);
  t.diagnostic(`${ran} sequences, operations: ${JSON.stringify(totals)}`);
}

/** OPFUZZ_FIRST_SEED shifts the seeds, for soak runs over new ground. */
const FIRST_SEED = Number(process.env.OPFUZZ_FIRST_SEED ?? 0);
const seedsFor = (count: number, offset: number) =>
  REPLAY_SEED !== undefined ? [REPLAY_SEED] : Array.from({ length: count }, (_, k) => FIRST_SEED + offset + k);

test(`opfuzz: ${REPLAY_SEED ?? MEMORY_SEQUENCES} sequences on the memory disk (crashes, torn tails, faults)`, (t) =>
  runSequences(t, 'memory', seedsFor(MEMORY_SEQUENCES, 1), (r) => r.int(50, 150), MEMORY_BUDGET_MS));

test(`opfuzz: ${REPLAY_SEED ?? NODE_SEQUENCES} sequences on real files (kill -9 and reopen)`, (t) =>
  runSequences(t, 'node', seedsFor(NODE_SEQUENCES, 100_001), (r) => r.int(40, 80), NODE_BUDGET_MS));
