import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ErrorCode } from '@gregor/protocol';
import type { TxnLogEntry } from './records.js';
import { readTxnKey, readTxnValue, txnKey, txnValue } from './records.js';
import type { TxnBackend, TxnMarkerRequest } from './transaction-coordinator.js';
import { TransactionCoordinator, TxnWriteError } from './transaction-coordinator.js';
import { isValidTransition, TxnState } from './transaction-metadata.js';

class MemoryBackend implements TxnBackend {
  readonly log: { partition: number; id: string; entry: TxnLogEntry | null }[] = [];
  readonly markers: { topic: string; partition: number; marker: TxnMarkerRequest }[] = [];
  nextProducerId = 1000;
  failAppends = false;
  markerError: number = ErrorCode.NONE;

  partitionFor(): number {
    return 0;
  }
  async append(partition: number, id: string, entry: TxnLogEntry | null): Promise<void> {
    if (this.failAppends) throw new TxnWriteError(ErrorCode.KAFKA_STORAGE_ERROR, 'disk');
    // Round trip through Kafka's record format, as the log would keep it.
    const decoded = entry === null ? null : readTxnValue(txnValue(entry));
    assert.equal(readTxnKey(txnKey(id)), id);
    this.log.push({ partition, id, entry: decoded });
  }
  coordinatorEpoch(): number {
    return 7;
  }
  async newProducerId(): Promise<number> {
    return this.nextProducerId++;
  }
  async writeMarker(topic: string, partition: number, marker: TxnMarkerRequest): Promise<number> {
    if (this.markerError !== ErrorCode.NONE) return this.markerError;
    this.markers.push({ topic, partition, marker });
    return ErrorCode.NONE;
  }
}

function setup(now = { ms: 1_000_000 }) {
  const backend = new MemoryBackend();
  const c = new TransactionCoordinator(backend, { maxTimeoutMs: 900_000, now: () => now.ms });
  return { backend, c, now };
}

describe('transaction state machine', () => {
  test("transitions are Kafka's", () => {
    assert.ok(isValidTransition(TxnState.EMPTY, TxnState.ONGOING));
    assert.ok(isValidTransition(TxnState.ONGOING, TxnState.PREPARE_COMMIT));
    assert.ok(isValidTransition(TxnState.PREPARE_COMMIT, TxnState.COMPLETE_COMMIT));
    assert.ok(isValidTransition(TxnState.PREPARE_EPOCH_FENCE, TxnState.PREPARE_ABORT));
    assert.ok(!isValidTransition(TxnState.EMPTY, TxnState.PREPARE_COMMIT));
    assert.ok(!isValidTransition(TxnState.PREPARE_COMMIT, TxnState.COMPLETE_ABORT));
    assert.ok(!isValidTransition(TxnState.ONGOING, TxnState.DEAD));
  });
});

describe('TransactionCoordinator', () => {
  test('init, add partitions, commit: Prepare, markers to every partition, Complete', async () => {
    const { backend, c } = setup();
    const init = await c.initProducerId('t1', 60_000);
    assert.deepEqual(init, { errorCode: ErrorCode.NONE, producerId: 1000, producerEpoch: 0 });
    assert.equal(
      await c.addPartitions('t1', 1000, 0, [
        ['a', 0],
        ['a', 1],
      ]),
      ErrorCode.NONE,
    );
    assert.equal(await c.addPartitions('t1', 1000, 0, [['b', 2]]), ErrorCode.NONE);
    assert.equal(c.get('t1')?.state, TxnState.ONGOING);
    assert.equal(await c.endTxn('t1', 1000, 0, true), ErrorCode.NONE);
    assert.deepEqual(
      backend.log.map((r) => r.entry?.state),
      [TxnState.EMPTY, TxnState.ONGOING, TxnState.ONGOING, TxnState.PREPARE_COMMIT, TxnState.COMPLETE_COMMIT],
    );
    assert.deepEqual(
      backend.markers.map((m) => `${m.topic}-${m.partition}`),
      ['a-0', 'a-1', 'b-2'],
    );
    assert.deepEqual(backend.markers[0]?.marker, {
      producerId: 1000,
      producerEpoch: 0,
      coordinatorEpoch: 7,
      isAborted: false,
    });
    // A retried EndTxn gets the same answer; the other outcome is INVALID_TXN_STATE.
    assert.equal(await c.endTxn('t1', 1000, 0, true), ErrorCode.NONE);
    assert.equal(await c.endTxn('t1', 1000, 0, false), ErrorCode.INVALID_TXN_STATE);
    assert.equal(c.get('t1')?.partitions.size, 0);
  });

  test('fencing: InitProducerId bumps the epoch; the old epoch is PRODUCER_FENCED', async () => {
    const { c } = setup();
    await c.initProducerId('t', 60_000);
    const again = await c.initProducerId('t', 60_000);
    assert.deepEqual(again, { errorCode: ErrorCode.NONE, producerId: 1000, producerEpoch: 1 });
    assert.equal(await c.addPartitions('t', 1000, 0, [['a', 0]]), ErrorCode.PRODUCER_FENCED);
    assert.equal(await c.addPartitions('t', 999, 1, [['a', 0]]), ErrorCode.INVALID_PRODUCER_ID_MAPPING);
    assert.equal(await c.endTxn('nobody', 1, 0, true), ErrorCode.TRANSACTIONAL_ID_NOT_FOUND);
    assert.equal(await c.endTxn('t', 1000, 1, true), ErrorCode.INVALID_TXN_STATE, 'nothing to commit');
    // KIP-360: a v3+ request naming a stale epoch is fenced; a retry of the last bump is answered again.
    assert.deepEqual(await c.initProducerId('t', 60_000, 1000, 0), again, 'a retry of the bump to 1');
    assert.equal((await c.initProducerId('t', 60_000, 1000, 1)).producerEpoch, 2);
    assert.equal((await c.initProducerId('t', 60_000, 1000, 5)).errorCode, ErrorCode.PRODUCER_FENCED);
    assert.equal((await c.initProducerId('t', 0)).errorCode, ErrorCode.INVALID_TRANSACTION_TIMEOUT);
    assert.equal((await c.initProducerId('t', 900_001)).errorCode, ErrorCode.INVALID_TRANSACTION_TIMEOUT);
  });

  test('InitProducerId during an open transaction aborts it with a bumped epoch', async () => {
    const { backend, c } = setup();
    await c.initProducerId('t', 60_000);
    await c.addPartitions('t', 1000, 0, [['a', 0]]);
    assert.equal((await c.initProducerId('t', 60_000)).errorCode, ErrorCode.CONCURRENT_TRANSACTIONS);
    await c.idle();
    assert.equal(c.get('t')?.state, TxnState.COMPLETE_ABORT);
    assert.deepEqual(backend.markers[0]?.marker, {
      producerId: 1000,
      producerEpoch: 1,
      coordinatorEpoch: 7,
      isAborted: true,
    });
    const retried = await c.initProducerId('t', 60_000);
    assert.deepEqual(retried, { errorCode: ErrorCode.NONE, producerId: 1000, producerEpoch: 2 });
  });

  test('a transaction past its timeout is aborted and its producer fenced', async () => {
    const { backend, c, now } = setup();
    await c.initProducerId('t', 10_000);
    await c.addPartitions('t', 1000, 0, [['a', 3]]);
    now.ms += 5_000;
    c.checkTimeouts();
    await c.idle();
    assert.equal(c.get('t')?.state, TxnState.ONGOING);
    now.ms += 6_000;
    c.checkTimeouts();
    await c.idle();
    assert.equal(c.get('t')?.state, TxnState.COMPLETE_ABORT);
    assert.equal(backend.markers.length, 1);
    assert.equal(await c.endTxn('t', 1000, 0, true), ErrorCode.PRODUCER_FENCED);
  });

  test('failed writes change nothing; markers that fail leave Prepare, retried later; reload completes', async () => {
    const { backend, c } = setup();
    await c.initProducerId('t', 60_000);
    backend.failAppends = true;
    assert.equal(await c.addPartitions('t', 1000, 0, [['a', 0]]), ErrorCode.COORDINATOR_NOT_AVAILABLE);
    assert.equal(c.get('t')?.state, TxnState.EMPTY);
    backend.failAppends = false;
    await c.addPartitions('t', 1000, 0, [['a', 0]]);
    backend.markerError = ErrorCode.KAFKA_STORAGE_ERROR;
    assert.equal(await c.endTxn('t', 1000, 0, false), ErrorCode.NONE);
    assert.equal(c.get('t')?.state, TxnState.PREPARE_ABORT);
    assert.equal(await c.addPartitions('t', 1000, 0, [['a', 1]]), ErrorCode.CONCURRENT_TRANSACTIONS);

    // A new coordinator loads the log and completes what was prepared.
    backend.markerError = ErrorCode.NONE;
    const reloaded = new TransactionCoordinator(backend, { maxTimeoutMs: 900_000 });
    for (const r of [...backend.log]) reloaded.loadRecord(r.partition, r.id, r.entry);
    assert.equal(reloaded.get('t')?.state, TxnState.PREPARE_ABORT);
    reloaded.completeLoaded(0);
    await reloaded.idle();
    assert.equal(reloaded.get('t')?.state, TxnState.COMPLETE_ABORT);
    assert.equal(backend.markers.length, 1);
    assert.equal(reloaded.byProducer(1000)?.transactionalId, 't');
    reloaded.loadRecord(0, 't', null);
    assert.equal(reloaded.get('t'), undefined);
  });

  test('markers that fail (a leader moving) are retried in rounds until written, without checkTimeouts', async () => {
    const { backend, c } = setup();
    await c.initProducerId('t', 60_000);
    await c.addPartitions('t', 1000, 0, [
      ['a', 0],
      ['a', 1],
    ]);
    backend.markerError = ErrorCode.NOT_LEADER_OR_FOLLOWER;
    assert.equal(await c.endTxn('t', 1000, 0, true), ErrorCode.NONE);
    assert.equal(c.get('t')?.state, TxnState.PREPARE_COMMIT, 'no marker written yet');
    backend.markerError = ErrorCode.NONE;
    const deadline = Date.now() + 10_000;
    while (c.get('t')?.state !== TxnState.COMPLETE_COMMIT && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
    await c.idle();
    assert.equal(c.get('t')?.state, TxnState.COMPLETE_COMMIT);
    assert.deepEqual(backend.markers.map((m) => m.partition).sort(), [0, 1]);
    c.close();
  });

  test('idle transactional ids expire as tombstones; open transactions and recent ids stay', async () => {
    const { backend, c, now } = setup();
    await c.initProducerId('idle', 60_000);
    await c.initProducerId('open', 600_000);
    await c.addPartitions('open', 1001, 0, [['a', 0]]);
    now.ms += 5_000;
    await c.initProducerId('recent', 60_000);
    assert.equal(await c.expireTransactionalIds(5_000), 1);
    assert.equal(c.get('idle'), undefined);
    assert.equal(c.byProducer(1000), undefined);
    assert.ok(c.get('open') !== undefined && c.get('recent') !== undefined);
    const last = backend.log[backend.log.length - 1];
    assert.deepEqual([last?.id, last?.entry], ['idle', null]);
    // The id starts again with a new producer id.
    assert.equal((await c.initProducerId('idle', 60_000)).producerId, 1003);
  });
});
