import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { appendBytes, BatchAccumulator } from './batch-accumulator.js';
import { LeaderState, OBSERVERS_TRACKED_MAX } from './leader-state.js';
import { MAX_BATCH_SIZE_BYTES } from './types.js';

describe('LeaderState', () => {
  test('the high watermark is the majority end offset, only past the epoch start, never back', () => {
    const s = new LeaderState(1, 4, 10, [1, 2, 3, 4, 5], 2000, 0);
    assert.equal(s.updateLocalEndOffset(11, 0), false); // only the leader has it
    assert.equal(s.updateReplica(2, 11, 11, 1), false);
    assert.equal(s.updateReplica(3, 10, 11, 1), false); // third-highest is 10: not past the epoch start
    assert.equal(s.highWatermark, -1);
    assert.equal(s.updateReplica(3, 11, 11, 2), true);
    assert.equal(s.highWatermark, 11);
    assert.equal(s.updateReplica(2, 5, 11, 3), false); // a follower that truncated does not pull it back
    assert.equal(s.highWatermark, 11);
    // Observers never count.
    assert.equal(s.updateReplica(9, 50, 11, 3), false);
    assert.deepEqual(
      s.describe(11).observers.map((o) => o.replicaId),
      [9],
    );
  });

  test('check-quorum: 1.5 x fetchTimeoutMs without fetches from a majority', () => {
    const s = new LeaderState(1, 1, 0, [1, 2, 3], 2000, 0);
    assert.equal(s.checkQuorumExpired(2999), false);
    assert.equal(s.checkQuorumExpired(3000), true);
    s.recordVoterContact(2, 2500); // with the leader: a majority of 3
    assert.equal(s.checkQuorumExpired(5499), false);
    assert.equal(s.checkQuorumExpired(5500), true);
    s.recordVoterContact(9, 6000); // not a voter
    assert.equal(s.checkQuorumExpired(6000), true);
    const alone = new LeaderState(1, 1, 0, [1], 2000, 0);
    assert.equal(alone.checkQuorumExpired(1e9), false);
  });

  test('preferred successors: longest log first', () => {
    const s = new LeaderState(1, 1, 0, [1, 2, 3, 4], 2000, 0);
    s.updateReplica(2, 5, 9, 0);
    s.updateReplica(3, 9, 9, 0);
    assert.deepEqual(s.nonLeaderVotersByDescendingEndOffset(), [3, 2, 4]);
  });

  test(`observers tracked are capped at ${OBSERVERS_TRACKED_MAX}, oldest forgotten`, () => {
    const s = new LeaderState(1, 1, 0, [1], 2000, 0);
    for (let i = 0; i <= OBSERVERS_TRACKED_MAX; i++) s.updateReplica(100 + i, 0, 0, i);
    const observers = s.describe(0).observers;
    assert.equal(observers.length, OBSERVERS_TRACKED_MAX);
    assert.equal(observers[0]!.replicaId, 101);
  });
});

describe('BatchAccumulator', () => {
  const append = (bytes: number, log: string[], name: string) => ({
    records: [Buffer.alloc(bytes)],
    bytes: appendBytes([Buffer.alloc(bytes)]),
    resolve: () => log.push(`${name} ok`),
    reject: (e: Error) => log.push(`${name} ${e.message}`),
  });

  test('lingers, then drains in batches of at most MAX_BATCH_SIZE_BYTES', () => {
    const log: string[] = [];
    const acc = new BatchAccumulator(25);
    assert.equal(acc.ready(0), false);
    acc.add(append(10, log, 'a'), 100);
    acc.add(append(10, log, 'b'), 110);
    assert.equal(acc.ready(124), false);
    assert.equal(acc.ready(125), true);
    const groups = acc.drain();
    assert.deepEqual(
      groups.map((g) => g.length),
      [1 + 1],
    );
    assert.equal(acc.lingerDeadline, Number.POSITIVE_INFINITY);
    const half = MAX_BATCH_SIZE_BYTES / 2;
    acc.add(append(half, log, 'c'), 0);
    assert.equal(acc.ready(0), false);
    acc.add(append(half, log, 'd'), 0);
    assert.equal(acc.ready(0), true, 'a full batch does not wait for the linger');
    assert.deepEqual(
      acc.drain().map((g) => g.length),
      [1, 1],
    );
  });

  test('failAll rejects everything pending', () => {
    const log: string[] = [];
    const acc = new BatchAccumulator(25);
    acc.add(append(1, log, 'a'), 0);
    acc.failAll(new Error('lost'));
    assert.deepEqual(log, ['a lost']);
    assert.equal(acc.size, 0);
  });
});
