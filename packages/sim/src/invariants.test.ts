import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Invariant, InvariantViolation, RaftInvariants, type StoredBatch } from './invariants.js';

function violates(invariant: Invariant, fn: () => void): void {
  assert.throws(fn, (error: unknown) => error instanceof InvariantViolation && error.invariant === invariant);
}

describe('RaftInvariants', () => {
  it('allows one leader per epoch, seen by any number of nodes', () => {
    const check = new RaftInvariants();
    check.observeLeader(1, 1, 1);
    check.observeLeader(2, 1, 1);
    check.observeLeader(3, null, 2);
    check.observeLeader(2, 3, 2);
    violates(Invariant.SINGLE_LEADER, () => check.observeLeader(1, 2, 2));
  });

  it('rejects an epoch going backwards on a node, even across restarts', () => {
    const check = new RaftInvariants();
    check.observeLeader(1, null, 4);
    check.observeLeader(1, null, 4);
    violates(Invariant.MONOTONIC_EPOCH, () => check.observeLeader(1, null, 3));
  });

  it('rejects a high watermark going backwards within one incarnation only', () => {
    const check = new RaftInvariants();
    check.observeHighWatermark(1, 0, 10);
    check.observeHighWatermark(1, 1, 0);
    violates(Invariant.MONOTONIC_HIGH_WATERMARK, () => check.observeHighWatermark(1, 0, 9));
  });

  it("rejects a high watermark beyond the node's own log end", () => {
    const check = new RaftInvariants();
    check.observeHighWatermark(1, 0, 10, 10);
    violates(Invariant.HIGH_WATERMARK_WITHIN_LOG, () => check.observeHighWatermark(1, 0, 11, 10));
  });

  it("checks the leader's DescribeQuorum answer against its own state", () => {
    const replica = (replicaId: number) => ({
      replicaId,
      logEndOffset: 5,
      lastFetchTimestamp: 0,
      lastCaughtUpTimestamp: 0,
    });
    const good = {
      leaderId: 1,
      leaderEpoch: 3,
      highWatermark: 5,
      currentVoters: [replica(2), replica(1), replica(3)],
      observers: [replica(4)],
    };
    const leader = { id: 1, epoch: 3, highWatermark: 5 };
    const check = new RaftInvariants();
    check.checkDescribeQuorum(leader, good, [1, 2, 3], [4, 5]);
    const bad = [
      { ...good, leaderId: 2 },
      { ...good, leaderEpoch: 2 },
      { ...good, highWatermark: 4 },
      { ...good, currentVoters: [replica(1), replica(2)] },
      { ...good, observers: [replica(3)] },
      { ...good, observers: [replica(4), replica(4)] },
    ];
    for (const description of bad) {
      violates(Invariant.DESCRIBE_QUORUM, () => check.checkDescribeQuorum(leader, description, [1, 2, 3], [4, 5]));
    }
  });

  it('rejects different records at one offset, and one record at two offsets', () => {
    const check = new RaftInvariants();
    check.commit(1, 0, { baseOffset: 1, lastOffset: 2, epoch: 1, values: ['a', 'b'] });
    check.commit(2, 0, { baseOffset: 1, lastOffset: 1, epoch: 1, values: ['a'] });
    violates(Invariant.CONSISTENT_COMMITS, () =>
      check.commit(3, 0, { baseOffset: 2, lastOffset: 2, epoch: 2, values: ['x'] }),
    );
    violates(Invariant.UNIQUE_COMMIT, () =>
      check.commit(4, 0, { baseOffset: 5, lastOffset: 5, epoch: 2, values: ['a'] }),
    );
  });

  it('rejects commits out of order within an incarnation and a batch whose size does not match', () => {
    const check = new RaftInvariants();
    check.commit(1, 0, { baseOffset: 3, lastOffset: 3, epoch: 1, values: ['a'] });
    violates(Invariant.COMMIT_ORDER, () =>
      check.commit(1, 0, { baseOffset: 3, lastOffset: 3, epoch: 1, values: ['a'] }),
    );
    check.commit(1, 1, { baseOffset: 3, lastOffset: 3, epoch: 1, values: ['a'] });
    violates(Invariant.COMMIT_ORDER, () =>
      check.commit(1, 1, { baseOffset: 4, lastOffset: 5, epoch: 1, values: ['b'] }),
    );
  });

  it('checks snapshots against commits and their own bounds', () => {
    const check = new RaftInvariants();
    check.commit(1, 0, { baseOffset: 1, lastOffset: 2, epoch: 1, values: ['a', 'b'] });
    check.loadSnapshot(2, 0, 3, [
      [1, 'a'],
      [2, 'b'],
    ]);
    violates(Invariant.CONSISTENT_COMMITS, () => check.loadSnapshot(3, 0, 3, [[1, 'z']]));
    violates(Invariant.CONSISTENT_COMMITS, () => check.loadSnapshot(4, 0, 3, [[3, 'c']]));
    violates(Invariant.COMMIT_ORDER, () => check.loadSnapshot(1, 0, 2, []));
  });

  it('holds an acknowledged append to its offset, whichever comes first', () => {
    const check = new RaftInvariants();
    check.acknowledge('n:1', 5);
    check.commit(1, 0, { baseOffset: 5, lastOffset: 5, epoch: 1, values: ['n:1'] });
    violates(Invariant.UNIQUE_COMMIT, () =>
      check.commit(2, 0, { baseOffset: 6, lastOffset: 6, epoch: 1, values: ['n:1'] }),
    );

    const late = new RaftInvariants();
    late.commit(1, 0, { baseOffset: 5, lastOffset: 5, epoch: 1, values: ['n:2'] });
    violates(Invariant.ACKED_NOT_LOST, () => late.acknowledge('n:1', 5));

    const lost = new RaftInvariants();
    lost.acknowledge('n:1', 5);
    violates(Invariant.ACKED_NOT_LOST, () =>
      lost.commit(1, 0, { baseOffset: 5, lastOffset: 5, epoch: 2, values: ['n:9'] }),
    );
  });

  it('checks Log Matching: same offset and epoch means the same log up to there', () => {
    const b = (baseOffset: number, epoch: number, tag = ''): StoredBatch => ({
      baseOffset,
      lastOffset: baseOffset + 1,
      epoch,
      bytes: Buffer.from(`${baseOffset}/${epoch}${tag}`),
    });
    const check = new RaftInvariants();
    // Diverged after offset 2 in different epochs, and a log that starts later (snapshot): fine.
    check.checkLogMatching(
      new Map([
        [1, [b(0, 1), b(2, 1), b(4, 2)]],
        [2, [b(0, 1), b(2, 1), b(4, 3), b(6, 3)]],
        [3, [b(2, 1)]],
        [4, []],
      ]),
    );
    violates(Invariant.LOG_MATCHING, () =>
      check.checkLogMatching(
        new Map([
          [1, [b(0, 1), b(2, 1), b(4, 2)]],
          [2, [b(0, 1, 'x'), b(2, 1), b(4, 2)]],
        ]),
      ),
    );
    violates(Invariant.LOG_MATCHING, () =>
      check.checkLogMatching(
        new Map([
          [1, [b(0, 1), b(2, 2)]],
          [2, [b(0, 2), b(2, 2)]],
        ]),
      ),
    );
  });

  it('finds an acknowledged append missing from a node at the end', () => {
    const check = new RaftInvariants();
    check.acknowledge('n:1', 1);
    check.acknowledge('n:2', 2);
    check.checkAllAcknowledged(
      1,
      new Map([
        [1, 'n:1'],
        [2, 'n:2'],
      ]),
    );
    violates(Invariant.ACKED_NOT_LOST, () => check.checkAllAcknowledged(2, new Map([[1, 'n:1']])));
    assert.deepEqual(check.acked(), [
      [1, 'n:1'],
      [2, 'n:2'],
    ]);
  });
});
