import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Partition } from '@gregor/broker/internals/partition/partition';
import { buildControlBatch, buildRecordBatch, ControlRecordType } from '@gregor/protocol';
import type { CommittedBatch } from './checker.js';
import { ReplicationInvariant, ReplicationInvariantViolation } from './checker.js';
import { TransactionChecker } from './transactions-checker.js';

const TP = 't-0';

/** A committed history from batches laid end to end from offset 0. */
function history(
  ...batches: (
    | { values: string[]; producerId?: number; transactional?: boolean }
    | { marker: 'commit' | 'abort'; producerId: number }
  )[]
): { committed: Map<number, CommittedBatch>; end: number } {
  const committed = new Map<number, CommittedBatch>();
  let offset = 0;
  for (const b of batches) {
    const bytes =
      'marker' in b
        ? buildControlBatch({
            baseOffset: offset,
            producerId: b.producerId,
            producerEpoch: 0,
            type: b.marker === 'abort' ? ControlRecordType.ABORT : ControlRecordType.COMMIT,
            coordinatorEpoch: 0,
            timestamp: 0,
          })
        : buildRecordBatch({
            baseOffset: offset,
            records: b.values.map((v, i) => ({ key: null, value: v, headers: [], timestamp: 0, offsetDelta: i })),
            ...(b.producerId === undefined
              ? {}
              : {
                  producerId: b.producerId,
                  producerEpoch: 0,
                  baseSequence: 0,
                  transactional: b.transactional === true,
                }),
          });
    const count = 'marker' in b ? 1 : b.values.length;
    committed.set(offset, { baseOffset: offset, lastOffset: offset + count - 1, bytes });
    offset += count;
  }
  return { committed, end: offset };
}

function violates(invariant: ReplicationInvariant, fn: () => void): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof ReplicationInvariantViolation, String(e));
    assert.equal(e.invariant, invariant, e.message);
    return true;
  });
}

/** A checker that knows transaction T1 (t1-0, t1-1) of producer 7 and T2 (t2-0) of producer 8. */
function checker(t1: 'commit' | 'abort' | null, t2: 'commit' | 'abort' | null): TransactionChecker {
  const c = new TransactionChecker();
  c.begin('T1', 7, 0);
  c.addValues('T1', ['t1-0', 't1-1']);
  c.begin('T2', 8, 0);
  c.addValues('T2', ['t2-0']);
  if (t1 !== null) c.decide('T1', t1 === 'commit');
  if (t2 !== null) c.decide('T2', t2 === 'commit');
  return c;
}

describe('TransactionChecker', () => {
  it('accepts a read_committed reading of an interleaved history', () => {
    const c = checker('abort', 'commit');
    const h = history(
      { values: ['p1-0'] },
      { values: ['t1-0'], producerId: 7, transactional: true },
      { values: ['t2-0'], producerId: 8, transactional: true },
      { values: ['t1-1'], producerId: 7, transactional: true },
      { marker: 'abort', producerId: 7 },
      { marker: 'commit', producerId: 8 },
      { values: ['i1-0'], producerId: 9 },
    );
    c.deliver(TP, 0, 'p1-0', 1);
    c.checkDelivered(TP, h.committed, h.end, false);
    c.deliver(TP, 2, 't2-0', 2);
    c.deliver(TP, 6, 'i1-0', 3);
    c.checkDelivered(TP, h.committed, h.end, false);
    c.checkDelivered(TP, h.committed, h.end, true);
    c.checkCommittedDelivered();
  });

  it('read-committed-no-aborted: an aborted value, or one of an undecided transaction', () => {
    violates(ReplicationInvariant.READ_COMMITTED_NO_ABORTED, () => checker('abort', null).deliver(TP, 1, 't1-0', 1));
    violates(ReplicationInvariant.READ_COMMITTED_NO_ABORTED, () => checker(null, null).deliver(TP, 1, 't1-0', 1));
  });

  it('read-committed-in-order: an offset not above the last, or a value twice', () => {
    const c = checker('commit', 'commit');
    c.deliver(TP, 5, 'p1-0', 1);
    violates(ReplicationInvariant.READ_COMMITTED_IN_ORDER, () => c.deliver(TP, 5, 'p1-1', 2));
    c.deliver('t-1', 0, 't1-0', 3);
    violates(ReplicationInvariant.READ_COMMITTED_IN_ORDER, () => c.deliver('t-1', 1, 't1-0', 4));
    // A plain producer's record may be in the log twice (a retried batch): read twice.
    c.deliver(TP, 6, 'p1-0', 5);
  });

  it('read-committed-complete: a committed record skipped, a tail never read, a committed transaction not delivered', () => {
    const h = history(
      { values: ['p1-0', 'p1-1'] },
      { values: ['t1-0', 't1-1'], producerId: 7, transactional: true },
      { marker: 'commit', producerId: 7 },
    );
    const skipped = checker('commit', 'abort');
    skipped.deliver(TP, 0, 'p1-0', 1);
    skipped.deliver(TP, 2, 't1-0', 2);
    violates(ReplicationInvariant.READ_COMMITTED_COMPLETE, () => skipped.checkDelivered(TP, h.committed, h.end, false));
    const tail = checker('commit', 'abort');
    tail.deliver(TP, 0, 'p1-0', 1);
    tail.deliver(TP, 1, 'p1-1', 2);
    tail.checkDelivered(TP, h.committed, h.end, false);
    violates(ReplicationInvariant.READ_COMMITTED_COMPLETE, () => tail.checkDelivered(TP, h.committed, h.end, true));
    violates(ReplicationInvariant.READ_COMMITTED_COMPLETE, () => tail.checkCommittedDelivered());
    // An undecided transaction is judged later, not as a gap.
    const open = checker(null, 'abort');
    open.deliver(TP, 0, 'p1-0', 1);
    open.deliver(TP, 1, 'p1-1', 2);
    open.checkDelivered(TP, h.committed, h.end, false);
  });

  it('last-stable-offset-below-hw: a replica whose last stable offset passes its high watermark', () => {
    const c = new TransactionChecker();
    const p = (lso: number, hw: number) =>
      ({ topic: 't', partition: 0, isLeader: true, lastStableOffset: lso, highWatermark: hw }) as unknown as Partition;
    c.observeReplica(1, p(3, 4));
    c.observeReplica(1, p(4, 4));
    violates(ReplicationInvariant.LAST_STABLE_OFFSET_BELOW_HIGH_WATERMARK, () => c.observeReplica(1, p(5, 4)));
  });
});
