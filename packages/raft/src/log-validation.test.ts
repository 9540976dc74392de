import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildRecordBatch } from '@gregor/protocol';
import { binaryExponentialElectionBackoffMs, endEpochElectionBackoffMs } from './election-backoff.js';
import { SeededRandom } from './fixtures.js';
import { validateOffsetAndEpoch } from './log-validation.js';
import { MemoryReplicatedLog } from './memory-log.js';

const one = () => buildRecordBatch({ records: [{ value: 'v', timestamp: 0 }] });

describe('validateOffsetAndEpoch', () => {
  test('valid, diverging and snapshot answers', async () => {
    const log = new MemoryReplicatedLog();
    assert.deepEqual(validateOffsetAndEpoch(log, 0, 0), { kind: 'valid' });
    for (const epoch of [1, 1, 3, 3]) await log.appendAsLeader(one(), epoch); // epoch 1: 0-1, epoch 3: 2-3
    assert.deepEqual(validateOffsetAndEpoch(log, 2, 1), { kind: 'valid' });
    assert.deepEqual(validateOffsetAndEpoch(log, 4, 3), { kind: 'valid' });
    // The fetcher has more of epoch 1 than we do, or an epoch we never had.
    assert.deepEqual(validateOffsetAndEpoch(log, 3, 1), { kind: 'diverging', epoch: 1, endOffset: 2 });
    assert.deepEqual(validateOffsetAndEpoch(log, 3, 2), { kind: 'diverging', epoch: 1, endOffset: 2 });
    assert.deepEqual(validateOffsetAndEpoch(log, 9, 3), { kind: 'diverging', epoch: 3, endOffset: 4 });
    await log.writeSnapshot({ offset: 3, epoch: 3 }, Buffer.from('s'));
    await log.deleteBeforeSnapshot({ offset: 3, epoch: 3 });
    const snapshot = { kind: 'snapshot', snapshotId: { offset: 3, epoch: 3 } };
    assert.deepEqual(validateOffsetAndEpoch(log, 0, 0), snapshot);
    assert.deepEqual(validateOffsetAndEpoch(log, 2, 1), snapshot);
    assert.deepEqual(validateOffsetAndEpoch(log, 3, 1), snapshot);
    assert.deepEqual(validateOffsetAndEpoch(log, 3, 3), { kind: 'valid' });
    assert.deepEqual(validateOffsetAndEpoch(log, 4, 3), { kind: 'valid' });
  });

  test("a storage layer answering Kafka's undefined (-1) diverges the fetcher at the log end", async () => {
    const log = new MemoryReplicatedLog();
    for (const epoch of [1, 2]) await log.appendAsLeader(one(), epoch);
    const kafkaLike = Object.assign(Object.create(log) as MemoryReplicatedLog, {
      endOffsetForEpoch: (epoch: number) => (epoch > 2 ? { offset: -1, epoch: -1 } : log.endOffsetForEpoch(epoch)),
    });
    assert.deepEqual(validateOffsetAndEpoch(kafkaLike, 5, 4), { kind: 'diverging', epoch: 2, endOffset: 2 });
  });
});

describe('election backoff', () => {
  test('EndQuorumEpoch: strict exponential by position', () => {
    assert.equal(endEpochElectionBackoffMs(2, [2, 3, 4], 1000), 0);
    assert.equal(endEpochElectionBackoffMs(3, [2, 3, 4], 1000), 250);
    assert.equal(endEpochElectionBackoffMs(4, [2, 3, 4], 1000), 500);
    assert.equal(endEpochElectionBackoffMs(5, [2, 3, 4], 1000), 1000);
    assert.equal(endEpochElectionBackoffMs(5, [], 1000), 1000);
  });

  test('lost elections: binary exponential, capped', () => {
    const random = new SeededRandom(3);
    for (let retries = 1; retries < 30; retries++) {
      const b = binaryExponentialElectionBackoffMs(retries, 1000, random);
      assert.ok(b >= 0 && b <= 1000 && b % 50 === 0 && b < 50 * 2 ** (retries + 1), `${retries}: ${b}`);
    }
  });
});
