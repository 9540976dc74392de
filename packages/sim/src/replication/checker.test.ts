import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Partition } from '@gregor/broker/internals/partition/partition';
import { buildRecordBatch } from '@gregor/protocol';
import { MemoryDisk, PartitionLog } from '@gregor/storage';
import { ReplicationChecker, ReplicationInvariant, ReplicationInvariantViolation } from './checker.js';
import { IncarnationDisk } from './incarnation-disk.js';

/** A replica as the checker sees it: a real log, a role, an epoch and a high watermark. */
async function replica(
  values: readonly string[],
  opts: { leader?: boolean; epoch?: number; producerId?: number } = {},
) {
  const log = await PartitionLog.open({ disk: new MemoryDisk(), dir: '/log', now: () => 0 });
  for (const v of values)
    await log.appendAsLeader(
      buildRecordBatch({
        records: [{ value: v, timestamp: 0 }],
        ...(opts.producerId === undefined ? {} : { producerId: opts.producerId, producerEpoch: 0, baseSequence: 0 }),
      }),
      opts.epoch ?? 0,
    );
  log.highWatermark = log.writtenOffset;
  const fake = {
    topic: 't',
    partition: 0,
    log,
    leaderEpoch: opts.epoch ?? 0,
    isLeader: opts.leader ?? false,
    role: opts.leader === true ? 'leader' : 'follower',
    get highWatermark() {
      return log.highWatermark;
    },
    get logStartOffset() {
      return log.logStartOffset;
    },
    get logEndOffset() {
      return log.logEndOffset;
    },
  };
  return fake as unknown as Partition;
}

function caught(invariant: string): (e: unknown) => boolean {
  return (e) => e instanceof ReplicationInvariantViolation && e.invariant === invariant;
}

describe('replication checker', () => {
  it('accepts replicas that agree below the high watermark, and catches one that does not', async () => {
    const checker = new ReplicationChecker();
    const a = await replica(['a', 'b']);
    const b = await replica(['a', 'b']);
    const c = await replica(['a', 'x']);
    for (const [id, p] of [
      [1, a],
      [2, b],
    ] as const)
      await checker.scan(id, checker.observeReplica(id, 1, p), p);
    assert.equal(checker.committedEndOf('t-0'), 2);
    await assert.rejects(
      checker.scan(3, checker.observeReplica(3, 1, c), c),
      caught(ReplicationInvariant.COMMITTED_DATA_AGREES),
    );
  });

  it('catches an acknowledged batch the committed history does not hold', async () => {
    const checker = new ReplicationChecker();
    const a = await replica(['a', 'b']);
    await checker.scan(1, checker.observeReplica(1, 1, a), a);
    checker.acknowledge({ tp: 't-0', baseOffset: 1, values: ['b'], atMs: 0 });
    checker.checkAcknowledged(true);
    checker.acknowledge({ tp: 't-0', baseOffset: 1, values: ['c'], atMs: 0 });
    assert.throws(() => checker.checkAcknowledged(false), caught(ReplicationInvariant.ACKNOWLEDGED_NOT_LOST));
    const late = new ReplicationChecker();
    late.acknowledge({ tp: 't-0', baseOffset: 5, values: ['z'], atMs: 0 });
    late.checkAcknowledged(false);
    assert.throws(() => late.checkAcknowledged(true), caught(ReplicationInvariant.ACKNOWLEDGED_NOT_LOST));
  });

  it('catches a leader the controller did not name, and a leader high watermark going back', async () => {
    const checker = new ReplicationChecker();
    const p = await replica(['a', 'b'], { leader: true, epoch: 3 });
    assert.throws(() => checker.observeReplica(1, 1, p), caught(ReplicationInvariant.SINGLE_LEADER_PER_EPOCH));
    const named = new ReplicationChecker();
    named.observeImage({
      topicsByName: new Map([['t', { name: 't', partitions: [{ partitionId: 0, leader: 1, leaderEpoch: 3 }] }]]),
    } as never);
    named.observeReplica(1, 1, p);
    p.log.highWatermark = 1;
    assert.throws(() => named.observeReplica(1, 1, p), caught(ReplicationInvariant.MONOTONIC_HIGH_WATERMARK));
  });

  it("catches an idempotent producer's record committed twice", async () => {
    const checker = new ReplicationChecker();
    const plain = await replica(['a', 'a']);
    await checker.scan(1, checker.observeReplica(1, 1, plain), plain);
    const other = new ReplicationChecker();
    const idempotent = await replica(['a', 'a'], { producerId: 7 });
    await assert.rejects(
      other.scan(1, other.observeReplica(1, 1, idempotent), idempotent),
      caught(ReplicationInvariant.IDEMPOTENT_NO_DUPLICATES),
    );
  });

  it('a frozen incarnation disk never touches the disk again', async () => {
    const disk = new MemoryDisk();
    await disk.mkdirs('/d');
    const view = new IncarnationDisk(disk);
    const file = await view.open('/d/f', true);
    await file.writev([Buffer.from('before')], 0);
    view.freeze();
    let settled = false;
    void file.writev([Buffer.from('after!')], 0).finally(() => {
      settled = true;
    });
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(settled, false);
    assert.equal((await disk.readFile('/d/f')).toString(), 'before');
  });
});
