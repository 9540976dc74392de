/**
 * Compaction against a model: random appends (keys, values, tombstones, records without
 * a key, every codec), rolls, compaction passes (with offset maps of any size) and
 * reopens. After every step the log must hold:
 * - only records as they were written, at their offsets, in order;
 * - the latest record of every key, and every record without a key;
 * - below the cleaned offset of the last pass, at most one record per key: the latest
 *   one below that offset; at and above it, whatever was there before the pass.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CompressionType } from '@gregor/protocol';
import { Compression } from '@gregor/protocol';
import fc from 'fast-check';
import { MemoryDisk } from '../disk.js';
import { PartitionLog } from '../log/log.js';
import { compactLog } from './compact.js';
import type { ReadRecord, TestRecord } from './fixtures.js';
import { appendBatch, readRecords } from './fixtures.js';

type Op =
  | { kind: 'append'; records: TestRecord[]; compression: CompressionType }
  | { kind: 'roll' }
  | { kind: 'compact'; keysMax: number }
  | { kind: 'reopen' };

const recordArb: fc.Arbitrary<TestRecord> = fc.record({
  key: fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom('k0', 'k1', 'k2', 'k3', 'k4', 'k5', 'k6', 'k7') },
    { weight: 1, arbitrary: fc.constant(null) },
  ),
  value: fc.oneof(
    { weight: 5, arbitrary: fc.string({ minLength: 0, maxLength: 40 }) },
    { weight: 1, arbitrary: fc.constant(null) },
  ),
});

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('append' as const),
      records: fc.array(recordArb, { minLength: 1, maxLength: 6 }),
      compression: fc.constantFrom<CompressionType>(
        Compression.NONE,
        Compression.NONE,
        Compression.GZIP,
        Compression.SNAPPY,
        Compression.LZ4,
        Compression.ZSTD,
      ),
    }),
  },
  { weight: 3, arbitrary: fc.constant({ kind: 'roll' as const }) },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('compact' as const), keysMax: fc.constantFrom(1, 2, 5, 1_000_000) }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'reopen' as const }) },
);

const key = (r: ReadRecord) => `${r.offset}`;

test('compaction keeps exactly the latest record of each key at its offset (property)', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(opArb, { minLength: 1, maxLength: 40 }),
      // Small enough to roll often, large enough for any generated batch (at most ~400 bytes).
      fc.integer({ min: 500, max: 3_000 }),
      async (ops, segmentBytes) => {
        const disk = new MemoryDisk();
        const open = () =>
          PartitionLog.open({
            disk,
            dir: 'p',
            now: () => 10_000,
            config: { cleanupPolicy: ['compact'], segmentBytes, deleteRetentionMs: 1e12 },
          });
        let log = await open();
        /** Every record ever appended, by offset. */
        const written = new Map<number, ReadRecord>();
        let cleanedOffset = 0;
        for (const op of [...ops, { kind: 'roll' as const }, { kind: 'compact' as const, keysMax: 1_000_000 }]) {
          const before = await readRecords(log);
          if (op.kind === 'append') {
            const base = await appendBatch(log, op.records, { compression: op.compression });
            for (let i = 0; i < op.records.length; i++) {
              const r = op.records[i] as TestRecord;
              written.set(base + i, { offset: base + i, key: r.key, value: r.value, timestamp: 1000 });
            }
          } else if (op.kind === 'roll') {
            await log.roll();
          } else if (op.kind === 'reopen') {
            await log.close();
            log = await open();
          } else {
            log.highWatermark = log.logEndOffset;
            const stats = await compactLog(log, 10_000, { offsetMapKeysMax: op.keysMax });
            if (stats !== null) {
              assert.ok(stats.cleanedOffset >= cleanedOffset, 'the checkpoint never moves back');
              cleanedOffset = stats.cleanedOffset;
              // Above the cleaned offset nothing changed.
              const after = await readRecords(log);
              assert.deepEqual(
                after.filter((r) => r.offset >= cleanedOffset).map(key),
                before.filter((r) => r.offset >= cleanedOffset).map(key),
              );
            }
          }
          const present = await readRecords(log);
          let previous = -1;
          for (const r of present) {
            assert.ok(r.offset > previous, 'offsets increase');
            previous = r.offset;
            assert.deepEqual(r, written.get(r.offset), `record ${r.offset} is as written`);
          }
          const presentOffsets = new Set(present.map((r) => r.offset));
          const latest = new Map<string, number>();
          const latestBelowCleaned = new Map<string, number>();
          for (const r of written.values()) {
            if (r.key === null) {
              assert.ok(presentOffsets.has(r.offset), `record ${r.offset} without a key is kept`);
              continue;
            }
            latest.set(r.key, Math.max(latest.get(r.key) ?? -1, r.offset));
            if (r.offset < cleanedOffset)
              latestBelowCleaned.set(r.key, Math.max(latestBelowCleaned.get(r.key) ?? -1, r.offset));
          }
          for (const [k, offset] of latest) assert.ok(presentOffsets.has(offset), `latest of ${k} (${offset}) kept`);
          for (const r of present) {
            if (r.key !== null && r.offset < cleanedOffset) {
              assert.equal(r.offset, latestBelowCleaned.get(r.key), `${r.offset} (${r.key}) below ${cleanedOffset}`);
            }
          }
        }
        // After the final roll and full pass, the log is the latest record of each key.
        const finalOffsets = (await readRecords(log)).map((r) => r.offset);
        const expected = [...written.values()]
          .filter(
            (r) =>
              r.key === null ||
              Math.max(...[...written.values()].filter((w) => w.key === r.key).map((w) => w.offset)) === r.offset,
          )
          .map((r) => r.offset)
          .sort((a, b) => a - b);
        assert.deepEqual(finalOffsets, expected);
        await log.close();
        const reopened = await open();
        assert.deepEqual(
          (await readRecords(reopened)).map((r) => r.offset),
          expected,
          'the same after a reopen',
        );
        await reopened.close();
      },
    ),
    { numRuns: Number(process.env.CLEANER_RUNS ?? 60) },
  );
});
