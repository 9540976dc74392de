import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildRecordBatch, RecordBatchView } from '@gregor/protocol';
import { MemoryReplicatedLog } from './memory-log.js';
import { checkFetchedBatches, splitBatches } from './record-batches.js';

const batch = (values: string[], epoch = -1, baseOffset = 0) =>
  buildRecordBatch({
    baseOffset,
    partitionLeaderEpoch: epoch,
    records: values.map((value) => ({ value, timestamp: 1 })),
  });

describe('MemoryReplicatedLog', () => {
  test('appendAsLeader assigns offsets and epochs in place; read returns whole batches', async () => {
    const log = new MemoryReplicatedLog();
    assert.deepEqual(log.endOffset(), { offset: 0, epoch: 0 });
    assert.deepEqual(await log.appendAsLeader(batch(['a', 'b']), 1), { baseOffset: 0, lastOffset: 1 });
    assert.deepEqual(await log.appendAsLeader(batch(['c']), 1), { baseOffset: 2, lastOffset: 2 });
    assert.deepEqual(await log.appendAsLeader(batch(['d', 'e', 'f']), 2), { baseOffset: 3, lastOffset: 5 });
    assert.deepEqual(log.endOffset(), { offset: 6, epoch: 2 });
    const all = await log.read(1, 1 << 20);
    assert.deepEqual(
      splitBatches(all).map((b) => new RecordBatchView(b).baseOffset),
      [0, 2, 3],
    );
    // At least one batch even when it is larger than maxBytes; then only what fits.
    assert.equal(splitBatches(await log.read(0, 1)).length, 1);
    assert.equal((await log.read(6, 100)).length, 0);
    const view = new RecordBatchView(await log.read(3, 1));
    assert.equal(view.partitionLeaderEpoch, 2);
    assert.ok(view.isCrcValid());
    await assert.rejects(log.appendAsLeader(batch(['x']), 1), /below the log's last epoch/);
  });

  test('appendAsFollower keeps offsets and refuses a gap', async () => {
    const log = new MemoryReplicatedLog();
    await log.appendAsFollower(Buffer.concat([batch(['a'], 1, 0), batch(['b', 'c'], 1, 1)]));
    assert.deepEqual(log.endOffset(), { offset: 3, epoch: 1 });
    await assert.rejects(log.appendAsFollower(batch(['d'], 1, 5)), /batch at offset 5, log ends at 3/);
    const one = batch(['a']);
    assert.throws(() => splitBatches(one.subarray(0, one.length - 1)), /claims/);
    assert.throws(() => splitBatches(one.subarray(0, 20)), /partial batch header/);
  });

  test('checkFetchedBatches: whole, magic 2, CRC-valid, contiguous', () => {
    const two = Buffer.concat([batch(['a'], 1, 4), batch(['b', 'c'], 1, 5)]);
    assert.equal(checkFetchedBatches(two, 4), null);
    assert.equal(checkFetchedBatches(two, 3), 'batch at offset 4, expected 3');
    const gap = Buffer.concat([batch(['a'], 1, 4), batch(['b'], 1, 6)]);
    assert.equal(checkFetchedBatches(gap, 4), 'batch at offset 6, expected 5');
    const damaged = Buffer.from(two);
    damaged[damaged.length - 1]! ^= 0xff;
    assert.equal(checkFetchedBatches(damaged, 4), 'batch at offset 5 fails its CRC');
    const magic = batch(['a'], 1, 0);
    magic[16] = 1;
    assert.equal(checkFetchedBatches(magic, 0), 'batch at offset 0 has magic 1');
    assert.match(checkFetchedBatches(two.subarray(0, two.length - 3), 4)!, /claims/);
  });

  test("endOffsetForEpoch follows Kafka's epoch cache", async () => {
    const log = new MemoryReplicatedLog();
    await log.appendAsLeader(batch(['a', 'b']), 1); // 0-1
    await log.appendAsLeader(batch(['c']), 3); // 2
    await log.appendAsLeader(batch(['d']), 3); // 3
    await log.appendAsLeader(batch(['e']), 4); // 4
    assert.deepEqual(log.endOffsetForEpoch(4), { offset: 5, epoch: 4 });
    assert.deepEqual(log.endOffsetForEpoch(9), { offset: 5, epoch: 4 });
    assert.deepEqual(log.endOffsetForEpoch(3), { offset: 4, epoch: 3 });
    assert.deepEqual(log.endOffsetForEpoch(2), { offset: 2, epoch: 1 });
    assert.deepEqual(log.endOffsetForEpoch(1), { offset: 2, epoch: 1 });
    assert.deepEqual(log.endOffsetForEpoch(0), { offset: 0, epoch: 0 });
  });

  test('truncateTo drops the suffix (a batch holding the offset goes whole) and the epoch cache', async () => {
    const log = new MemoryReplicatedLog();
    await log.appendAsLeader(batch(['a', 'b']), 1); // 0-1
    await log.appendAsLeader(batch(['c', 'd']), 2); // 2-3
    await log.appendAsLeader(batch(['e']), 3); // 4
    await log.flush();
    await log.truncateTo(3);
    assert.deepEqual(log.endOffset(), { offset: 2, epoch: 1 });
    assert.equal(log.flushedEndOffset(), 2);
    assert.deepEqual(log.endOffsetForEpoch(2), { offset: 2, epoch: 1 });
    await log.appendAsLeader(batch(['x']), 5);
    assert.deepEqual(log.endOffset(), { offset: 3, epoch: 5 });
  });

  test('crash loses what was not flushed, keeps what was', async () => {
    const log = new MemoryReplicatedLog();
    await log.appendAsLeader(batch(['a']), 1);
    await log.flush();
    await log.appendAsLeader(batch(['b']), 2);
    assert.equal(log.flushedEndOffset(), 1);
    log.crash();
    assert.deepEqual(log.endOffset(), { offset: 1, epoch: 1 });
    assert.deepEqual(log.endOffsetForEpoch(2), { offset: 1, epoch: 1 });
  });

  test('snapshots: deleteBeforeSnapshot moves the log start; truncateToSnapshot restarts the log', async () => {
    const log = new MemoryReplicatedLog();
    await log.appendAsLeader(batch(['a', 'b']), 1); // 0-1
    await log.appendAsLeader(batch(['c']), 2); // 2
    await log.appendAsLeader(batch(['d']), 2); // 3
    const id = { offset: 3, epoch: 2 };
    await assert.rejects(log.deleteBeforeSnapshot(id), /no snapshot 3:2/);
    await log.writeSnapshot(id, Buffer.from('state'));
    assert.deepEqual(log.latestSnapshotId(), id);
    assert.deepEqual(await log.readSnapshot(id), Buffer.from('state'));
    assert.equal(await log.readSnapshot({ offset: 9, epoch: 2 }), null);
    await log.deleteBeforeSnapshot(id);
    assert.equal(log.startOffset(), 3);
    assert.deepEqual(log.endOffset(), { offset: 4, epoch: 2 });
    await assert.rejects(log.read(1, 100), /below the log start offset 3/);
    assert.equal(new RecordBatchView(await log.read(3, 100)).baseOffset, 3);
    await assert.rejects(log.truncateTo(2), /below the log start offset/);
    await log.writeSnapshot({ offset: 1, epoch: 1 }, Buffer.from('x'));
    await log.deleteBeforeSnapshot({ offset: 1, epoch: 1 }); // older than the log start: nothing to do
    assert.equal(log.startOffset(), 3);

    const follower = new MemoryReplicatedLog();
    await follower.appendAsLeader(batch(['z']), 1);
    await follower.writeSnapshot({ offset: 10, epoch: 4 }, Buffer.from('s'));
    await follower.truncateToSnapshot({ offset: 10, epoch: 4 });
    assert.equal(follower.startOffset(), 10);
    assert.deepEqual(follower.endOffset(), { offset: 10, epoch: 4 });
    assert.equal(follower.flushedEndOffset(), 10);
    assert.deepEqual(follower.endOffsetForEpoch(4), { offset: 10, epoch: 4 });
    assert.deepEqual(follower.endOffsetForEpoch(2), { offset: 10, epoch: 2 });
    await follower.appendAsFollower(batch(['n'], 5, 10));
    assert.deepEqual(follower.endOffset(), { offset: 11, epoch: 5 });
  });

  test('a snapshot inside a batch is refused', async () => {
    const log = new MemoryReplicatedLog();
    await log.appendAsLeader(batch(['a', 'b', 'c']), 1); // 0-2
    await log.writeSnapshot({ offset: 2, epoch: 1 }, Buffer.from('s'));
    await assert.rejects(log.deleteBeforeSnapshot({ offset: 2, epoch: 1 }), /inside the batch \[0, 2\]/);
  });
});
