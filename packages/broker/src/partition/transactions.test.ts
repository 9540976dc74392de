/**
 * Partition-level transactions (KIP-98): open transactions in the producer state, markers
 * ending them, the aborted-transaction index, the last stable offset, and all of it
 * rebuilt after a restart (snapshot plus replay of batch headers, control batches too).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildRecordBatch, ErrorCode, RecordBatchView, readControlBatch, ZERO_UUID } from '@gregor/protocol';
import { MemoryDisk, PartitionLog } from '@gregor/storage';
import { Partition } from './partition.js';
import { ProducerStateManager } from './producer-state.js';

const EXPIRATION_MS = 86_400_000;

async function openPartition(disk: MemoryDisk): Promise<Partition> {
  const state = new ProducerStateManager();
  const log = await PartitionLog.open({ disk, dir: '/t-0', producerState: { snapshot: () => state.serialize() } });
  const p = new Partition('t', 0, ZERO_UUID, log, 0, false, state);
  await p.rebuildProducerState(Date.now(), EXPIRATION_MS);
  return p;
}

function batch(producerId: number, epoch: number, seq: number, count: number, transactional: boolean): Buffer {
  const records = [];
  for (let i = 0; i < count; i++) records.push({ value: `v${seq + i}`, timestamp: Date.now() });
  return buildRecordBatch({ producerId, producerEpoch: epoch, baseSequence: seq, records, transactional });
}

async function produce(p: Partition, producerId: number, epoch: number, seq: number, count: number, txn = true) {
  const outcome = await p.appendFromProducer(batch(producerId, epoch, seq, count, txn), 1, {
    producerId,
    producerEpoch: epoch,
    baseSequence: seq,
    lastSequence: seq + count - 1,
    isTransactional: txn,
  });
  return outcome;
}

describe('partition transactions', () => {
  test('LSO stops at the oldest open transaction; markers end them; aborts are indexed', async () => {
    const p = await openPartition(new MemoryDisk());
    await p.append(buildRecordBatch({ records: [{ value: 'plain', timestamp: 1 }] }), 1); // 0
    assert.equal(p.lastStableOffset, 1);
    assert.equal((await produce(p, 10, 0, 0, 2)).kind, 'appended'); // 1-2, txn of 10 opens at 1
    assert.equal((await produce(p, 20, 3, 0, 1)).kind, 'appended'); // 3, txn of 20 opens at 3
    assert.equal((await produce(p, 10, 0, 2, 1)).kind, 'appended'); // 4
    assert.equal(p.highWatermark, 5);
    assert.equal(p.lastStableOffset, 1);
    assert.equal(p.producers.entry(10)?.currentTxnFirstOffset, 1);

    // Abort 10 at 5: the LSO moves to 20's first offset; the index entry says so.
    const abort = await p.appendTxnMarker({ producerId: 10, producerEpoch: 0, coordinatorEpoch: 1, isAborted: true });
    assert.deepEqual(abort, { errorCode: ErrorCode.NONE, message: null, offset: 5 });
    assert.equal(p.lastStableOffset, 3);
    assert.deepEqual(p.log.collectAbortedTxns(0, 100), [
      { producerId: 10, firstOffset: 1, lastOffset: 5, lastStableOffset: 3 },
    ]);
    // Commit 20 at 6: nothing open, LSO = HW.
    const commit = await p.appendTxnMarker({ producerId: 20, producerEpoch: 3, coordinatorEpoch: 1, isAborted: false });
    assert.equal(commit.errorCode, ErrorCode.NONE);
    assert.equal(p.lastStableOffset, 7);
    assert.equal(p.highWatermark, 7);
    assert.equal(p.log.collectAbortedTxns(0, 100).length, 1, 'commits are not indexed');

    // The marker is a control batch with the producer's epoch and the coordinator epoch.
    const read = await p.log.read(6, 1 << 20, 7);
    const view = new RecordBatchView(read.records, 0);
    assert.ok(view.isControl && view.isTransactional);
    assert.equal(view.producerId, 20);
    assert.equal(view.producerEpoch, 3);
    assert.equal(readControlBatch(read.records, 0)[0]?.endTransactionMarker?.coordinatorEpoch, 1);
    p.log.releaseRead(read);
    await p.log.close();
  });

  test('fencing: old producer epoch, old coordinator epoch, and plain writes inside a transaction', async () => {
    const p = await openPartition(new MemoryDisk());
    await produce(p, 1, 5, 0, 1);
    const plain = await produce(p, 1, 5, 1, 1, false);
    assert.equal(plain.kind === 'error' && plain.errorCode, ErrorCode.INVALID_TXN_STATE);
    const old = await p.appendTxnMarker({ producerId: 1, producerEpoch: 4, coordinatorEpoch: 0, isAborted: true });
    assert.equal(old.errorCode, ErrorCode.INVALID_PRODUCER_EPOCH);
    assert.equal(p.lastStableOffset, 0, 'a refused marker ends nothing');
    // A marker with a bumped epoch (abort on timeout) ends it and fences the old epoch.
    const bumped = await p.appendTxnMarker({ producerId: 1, producerEpoch: 6, coordinatorEpoch: 2, isAborted: true });
    assert.equal(bumped.errorCode, ErrorCode.NONE);
    assert.equal(p.lastStableOffset, p.highWatermark);
    const zombie = await produce(p, 1, 5, 1, 1);
    assert.equal(zombie.kind === 'error' && zombie.errorCode, ErrorCode.INVALID_PRODUCER_EPOCH);
    const fenced = await p.appendTxnMarker({ producerId: 1, producerEpoch: 6, coordinatorEpoch: 1, isAborted: false });
    assert.equal(fenced.errorCode, ErrorCode.TRANSACTION_COORDINATOR_FENCED);
    // The new epoch starts at sequence 0 and may write plain batches again.
    assert.equal((await produce(p, 1, 6, 0, 1, false)).kind, 'appended');
    await p.log.close();
  });

  test('a marker for a producer with no open transaction is written and indexes nothing', async () => {
    const p = await openPartition(new MemoryDisk());
    const r = await p.appendTxnMarker({ producerId: 7, producerEpoch: 0, coordinatorEpoch: 0, isAborted: true });
    assert.equal(r.errorCode, ErrorCode.NONE);
    assert.equal(p.logEndOffset, 1);
    assert.deepEqual(p.log.collectAbortedTxns(0, 10), []);
    await p.log.close();
  });

  test('open transactions, aborts and the LSO survive a clean restart and a crash', async () => {
    const disk = new MemoryDisk();
    let p = await openPartition(disk);
    await produce(p, 1, 0, 0, 2); // 0-1
    await produce(p, 2, 0, 0, 1); // 2
    await p.appendTxnMarker({ producerId: 1, producerEpoch: 0, coordinatorEpoch: 0, isAborted: true }); // 3
    await produce(p, 3, 0, 0, 1); // 4
    await p.log.roll(); // snapshot at 5: producer 2 open at 2, producer 3 open at 4
    await p.appendTxnMarker({ producerId: 3, producerEpoch: 0, coordinatorEpoch: 0, isAborted: true }); // 5
    await produce(p, 4, 0, 0, 1); // 6: opened after the snapshot
    const expected = {
      lso: p.lastStableOffset,
      aborted: p.log.collectAbortedTxns(0, 100),
    };
    assert.equal(expected.lso, 2);
    assert.equal(expected.aborted.length, 2);
    await p.log.flush();
    await p.log.abandon(); // crash: the txn index of the active segment may not be on disk

    p = await openPartition(disk);
    assert.equal(p.lastStableOffset, 2);
    assert.deepEqual(p.log.collectAbortedTxns(0, 100), expected.aborted);
    assert.equal(p.producers.entry(4)?.currentTxnFirstOffset, 6);
    await p.appendTxnMarker({ producerId: 2, producerEpoch: 0, coordinatorEpoch: 0, isAborted: false });
    assert.equal(p.lastStableOffset, 6);
    await p.snapshotProducerState();
    await p.log.close();

    p = await openPartition(disk);
    assert.equal(p.lastStableOffset, 6, 'producer 4 is still open after a clean restart');
    assert.deepEqual(p.log.collectAbortedTxns(0, 100), expected.aborted);
    await p.appendTxnMarker({ producerId: 4, producerEpoch: 0, coordinatorEpoch: 0, isAborted: false });
    assert.equal(p.lastStableOffset, p.highWatermark);
    await p.log.close();
  });
});

describe('a partition becoming leader of a new epoch', () => {
  test('appends that arrive while the epoch start is recorded wait for it and keep their order', async () => {
    const p = await openPartition(new MemoryDisk());
    const becoming = p.makeLeader({ leaderId: 1, leaderEpoch: 1, partitionEpoch: 1, replicas: [1], isr: [1] });
    const appends = [0, 1, 2].map((i) =>
      p.append(buildRecordBatch({ records: [{ value: `during-${i}`, timestamp: Date.now() }] }), 1),
    );
    await becoming;
    const results = await Promise.all(appends);
    assert.deepEqual(
      results.map((r) => r.baseOffset),
      [0, 1, 2],
    );
    assert.equal(p.leaderEpoch, 1);
    assert.equal(p.log.epochCache.latestEpoch(), 1);
  });
});
