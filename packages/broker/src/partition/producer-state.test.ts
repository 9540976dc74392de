import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildRecordBatch, ErrorCode, RecordBatchView } from '@gregor/protocol';
import { MemoryDisk, PartitionLog } from '@gregor/storage';
import type { ProducerBatch } from './producer-state.js';
import { ProducerSnapshotError, ProducerStateManager, rebuildProducerState } from './producer-state.js';

const INT32_MAX = 0x7fffffff;

function b(producerId: number, producerEpoch: number, baseSequence: number, lastSequence: number): ProducerBatch {
  return { producerId, producerEpoch, baseSequence, lastSequence };
}

/** Checks and, when accepted, records the batch at the next offsets (as the log would). */
function append(state: ProducerStateManager, batch: ProducerBatch, at: { offset: number }, timestamp = 1000) {
  const check = state.check(batch);
  if (check.kind === 'append') {
    const count = batch.lastSequence >= batch.baseSequence ? batch.lastSequence - batch.baseSequence + 1 : 1;
    state.update(batch, at.offset, at.offset + count - 1, timestamp);
    at.offset += count;
  }
  return check;
}

describe('ProducerStateManager', () => {
  test('sequences: a new producer starts anywhere, then must continue at lastSequence + 1', () => {
    const s = new ProducerStateManager();
    const at = { offset: 0 };
    assert.equal(append(s, b(1, 0, 0, 2), at).kind, 'append');
    assert.equal(append(s, b(1, 0, 3, 3), at).kind, 'append');
    const gap = append(s, b(1, 0, 5, 5), at);
    assert.equal(gap.kind, 'error');
    assert.equal(gap.kind === 'error' && gap.errorCode, ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER);
    const behind = s.check(b(1, 0, 2, 3));
    assert.equal(behind.kind === 'error' && behind.errorCode, ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER);
    assert.equal(at.offset, 4, 'nothing recorded for refused batches');
    // Kafka 3.x: a producer with no state takes any first sequence (no UNKNOWN_PRODUCER_ID).
    assert.equal(append(s, b(2, 0, 42, 43), at).kind, 'append');
    assert.equal(s.entry(2)?.batches[0]?.firstSequence, 42);
  });

  test('sequences wrap at Integer.MAX_VALUE', () => {
    const s = new ProducerStateManager();
    const at = { offset: 0 };
    assert.equal(append(s, b(1, 0, INT32_MAX - 1, INT32_MAX), at).kind, 'append');
    // A batch spanning the wrap: first sequence 0 after MAX_VALUE.
    assert.equal(s.check(b(1, 0, 1, 2)).kind, 'error');
    assert.equal(append(s, b(1, 0, 0, 4), at).kind, 'append');
    assert.equal(append(s, b(1, 0, 5, 5), at).kind, 'append');
    const wrapped = new ProducerStateManager();
    wrapped.update(b(3, 0, INT32_MAX - 2, 1), 0, 4, 1000); // lastSequence already wrapped
    assert.equal(wrapped.check(b(3, 0, 2, 2)).kind, 'append');
  });

  test('a duplicate of each of the last five batches is answered with its offsets; the sixth back is not', () => {
    const s = new ProducerStateManager();
    const at = { offset: 100 };
    for (let i = 0; i < 6; i++) assert.equal(append(s, b(9, 1, i * 2, i * 2 + 1), at).kind, 'append');
    assert.equal(s.entry(9)?.batches.length, 5);
    for (let i = 1; i < 6; i++) {
      const d = s.check(b(9, 1, i * 2, i * 2 + 1));
      assert.equal(d.kind, 'duplicate', `batch ${i}`);
      assert.equal(d.kind === 'duplicate' && d.batch.firstOffset, 100 + i * 2);
      assert.equal(d.kind === 'duplicate' && d.batch.lastOffset, 101 + i * 2);
    }
    const evicted = s.check(b(9, 1, 0, 1));
    assert.equal(evicted.kind === 'error' && evicted.errorCode, ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER);
    // Same first sequence but a different last one is not a duplicate.
    assert.equal(s.check(b(9, 1, 10, 10)).kind, 'error');
  });

  test('epochs: older is INVALID_PRODUCER_EPOCH, newer must start at 0 and resets the batches', () => {
    const s = new ProducerStateManager();
    const at = { offset: 0 };
    append(s, b(5, 3, 0, 0), at);
    append(s, b(5, 3, 1, 1), at);
    const fenced = s.check(b(5, 2, 2, 2));
    assert.equal(fenced.kind === 'error' && fenced.errorCode, ErrorCode.INVALID_PRODUCER_EPOCH);
    // A duplicate sent with an older epoch is fenced, not answered.
    assert.equal(s.check(b(5, 2, 0, 0)).kind, 'error');
    const badStart = s.check(b(5, 4, 7, 7));
    assert.equal(badStart.kind === 'error' && badStart.errorCode, ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER);
    assert.equal(append(s, b(5, 4, 0, 0), at).kind, 'append');
    assert.equal(s.entry(5)?.producerEpoch, 4);
    assert.equal(s.entry(5)?.batches.length, 1);
    assert.equal(s.check(b(5, 3, 2, 2)).kind, 'error');
  });

  test('expiry by the last batch timestamp; an expired producer starts again at any sequence', () => {
    const s = new ProducerStateManager();
    const at = { offset: 0 };
    append(s, b(1, 0, 0, 9), at, 1_000);
    append(s, b(2, 0, 0, 0), at, 5_000);
    assert.equal(s.removeExpired(10_999, 10_000), 0);
    assert.equal(s.removeExpired(11_000, 10_000), 1);
    assert.equal(s.entry(1), undefined);
    assert.ok(s.entry(2) !== undefined);
    // The retry of its old batch is no longer known: it is appended as new data (as Kafka).
    assert.equal(s.check(b(1, 0, 0, 9)).kind, 'append');
    assert.equal(s.check(b(1, 0, 10, 10)).kind, 'append');
  });

  test('snapshot round trip keeps all five batches; corrupt snapshots are refused', () => {
    const s = new ProducerStateManager();
    const at = { offset: 7 };
    for (let i = 0; i < 7; i++) append(s, b(1, 2, i, i), at, 2_000 + i);
    append(s, b(2 ** 40, 32767, INT32_MAX, INT32_MAX), at, 3_000);
    const data = s.serialize();
    assert.equal(data.readInt16BE(0), 0x4701);
    const t = new ProducerStateManager();
    t.load(data, 3_000, 86_400_000);
    assert.deepEqual([...t.entries()], [...s.entries()]);
    assert.equal(t.check(b(1, 2, 2, 2)).kind, 'duplicate');
    assert.equal(t.check(b(2 ** 40, 32767, 0, 0)).kind, 'append');
    const expiring = new ProducerStateManager();
    expiring.load(data, 2_006 + 1_000, 1_000);
    assert.equal(expiring.size, 1, 'expired entries are skipped when loading');
    const flipped = Buffer.from(data);
    flipped[20] = (flipped[20] as number) ^ 1;
    assert.throws(() => new ProducerStateManager().load(flipped, 0, 1), ProducerSnapshotError);
    assert.throws(() => new ProducerStateManager().load(data.subarray(0, 12), 0, 1), ProducerSnapshotError);
    const empty = new ProducerStateManager();
    empty.load(new ProducerStateManager().serialize(), 0, 1);
    assert.equal(empty.size, 0);
  });
});

describe('rebuildProducerState', () => {
  function idempotentBatch(producerId: number, epoch: number, seq: number, count: number, timestamp: number): Buffer {
    const records = [];
    for (let i = 0; i < count; i++) records.push({ value: `v${seq + i}`, timestamp });
    return buildRecordBatch({ producerId, producerEpoch: epoch, baseSequence: seq, records });
  }

  async function appendChecked(log: PartitionLog, state: ProducerStateManager, batch: Buffer, p: ProducerBatch) {
    assert.equal(state.check(p).kind, 'append');
    const before = log.logEndOffset;
    const pending = log.appendAsLeader(batch, 0);
    state.update(p, before, log.logEndOffset - 1, new RecordBatchView(batch, 0).maxTimestamp);
    await pending;
  }

  test('from the snapshot taken at a roll plus the tail after it, and again after truncation', async () => {
    const disk = new MemoryDisk();
    const state = new ProducerStateManager();
    const now = Date.now();
    const open = (s: ProducerStateManager) =>
      PartitionLog.open({ disk, dir: '/p-0', producerState: { snapshot: () => s.serialize() } });
    let log = await open(state);
    for (let i = 0; i < 3; i++)
      await appendChecked(log, state, idempotentBatch(1, 0, i * 2, 2, now), b(1, 0, i * 2, i * 2 + 1));
    await log.roll(); // snapshot at offset 6
    await appendChecked(log, state, idempotentBatch(1, 0, 6, 2, now), b(1, 0, 6, 7));
    await appendChecked(log, state, idempotentBatch(2, 0, 0, 1, now), b(2, 0, 0, 0));
    await log.appendAsLeader(buildRecordBatch({ records: [{ value: 'plain', timestamp: now }] }), 0);
    await log.roll(); // snapshot at offset 10
    await appendChecked(log, state, idempotentBatch(1, 0, 8, 1, now), b(1, 0, 8, 8));
    assert.deepEqual((await log.latestSnapshot())?.offset, 10, 'a snapshot is written at every roll');
    const expected = [...state.entries()].map((e) => structuredClone(e));
    await log.flush();
    await log.checkpoint(); // recovery point 11: replay may start at the snapshot at 10
    await log.abandon(); // crash: no snapshot at close

    const rebuilt = new ProducerStateManager();
    log = await open(rebuilt);
    const from = await rebuildProducerState(log, rebuilt, now, 86_400_000);
    assert.equal(from, 10, 'replay starts at the latest snapshot');
    assert.deepEqual([...rebuilt.entries()], expected);
    assert.equal(rebuilt.check(b(1, 0, 8, 8)).kind, 'duplicate');

    // Truncation below the latest snapshot: rebuilt from the snapshot at 6 plus [6, 8).
    await log.truncateTo(8);
    const from2 = await rebuildProducerState(log, rebuilt, now, 86_400_000);
    assert.equal(from2, 6);
    assert.deepEqual(
      rebuilt.entry(1)?.batches.map((x) => [x.firstSequence, x.lastSequence, x.firstOffset, x.lastOffset]),
      [
        [0, 1, 0, 1],
        [2, 3, 2, 3],
        [4, 5, 4, 5],
        [6, 7, 6, 7],
      ],
    );
    assert.equal(rebuilt.entry(2), undefined, 'producer 2 wrote only above the truncation point');
    assert.equal(rebuilt.check(b(1, 0, 8, 8)).kind, 'append');

    // A corrupt snapshot: the whole log is replayed instead.
    const snap = await log.latestSnapshot();
    assert.ok(snap !== null);
    await disk.writeFileAtomic(`/p-0/${String(snap.offset).padStart(20, '0')}.snapshot`, Buffer.from('junk'));
    let corrupt = 0;
    assert.equal(await rebuildProducerState(log, rebuilt, now, 86_400_000, () => corrupt++), 0);
    assert.equal(corrupt, 1);
    assert.equal(rebuilt.entry(1)?.batches.length, 4);
    await log.close();
  });
});
