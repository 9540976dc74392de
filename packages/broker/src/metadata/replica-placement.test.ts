import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ErrorCode } from '@gregor/protocol';
import { seededRandom } from './harness.js';
import type { UsableBroker } from './replica-placement.js';
import { placeReplicas } from './replica-placement.js';

function brokers(racks: (string | null)[]): UsableBroker[] {
  return racks.map((rack, i) => ({ nodeId: i + 1, rack }));
}

function placed(b: UsableBroker[], partitions: number, rf: number, seed = 1): number[][] {
  const r = seededRandom(seed);
  const p = placeReplicas(b, partitions, rf, () => r.next());
  if (!p.ok) throw new Error(p.errorMessage);
  return p.assignment;
}

describe('placeReplicas', () => {
  test('replicas of a partition are distinct brokers on distinct racks while racks last', () => {
    const b = brokers(['a', 'a', 'b', 'b', 'c', 'c']);
    const rackOf = (id: number) => b.find((x) => x.nodeId === id)?.rack;
    for (let seed = 1; seed <= 20; seed++) {
      for (const replicas of placed(b, 12, 3, seed)) {
        assert.equal(new Set(replicas).size, 3);
        assert.equal(new Set(replicas.map(rackOf)).size, 3, `seed ${seed}: ${replicas}`);
      }
      for (const replicas of placed(b, 12, 5, seed)) {
        assert.equal(new Set(replicas).size, 5);
        assert.equal(new Set(replicas.map(rackOf)).size, 3);
      }
    }
  });

  test('leaders (first replicas) rotate over every broker', () => {
    const b = brokers(['a', 'a', 'b', 'b', 'c', 'c']);
    for (let seed = 1; seed <= 10; seed++) {
      const leaders = placed(b, 6, 2, seed).map((r) => r[0]);
      assert.equal(new Set(leaders).size, 6, `seed ${seed}: ${leaders}`);
    }
    const noRacks = brokers([null, null, null, null]);
    const leaders = placed(noRacks, 8, 3).map((r) => r[0]);
    for (const id of [1, 2, 3, 4]) assert.equal(leaders.filter((l) => l === id).length, 2);
  });

  test('uneven racks still give distinct brokers', () => {
    const b = brokers(['a', 'b', 'b', 'b', null]);
    for (let seed = 1; seed <= 20; seed++)
      for (const replicas of placed(b, 10, 5, seed)) assert.equal(new Set(replicas).size, 5);
  });

  test('the same seed gives the same placement; the start is random', () => {
    const b = brokers([null, null, null, null, null]);
    assert.deepEqual(placed(b, 5, 2, 3), placed(b, 5, 2, 3));
    const starts = new Set<number | undefined>();
    for (let seed = 1; seed <= 30; seed++) starts.add(placed(b, 1, 1, seed)[0]?.[0]);
    assert.ok(starts.size > 1);
  });

  test('more replicas than usable brokers, none at all, or a factor below 1: INVALID_REPLICATION_FACTOR', () => {
    const r = () => 0;
    const tooMany = placeReplicas(brokers([null, null]), 1, 3, r);
    assert.equal(tooMany.ok, false);
    if (!tooMany.ok) {
      assert.equal(tooMany.errorCode, ErrorCode.INVALID_REPLICATION_FACTOR);
      assert.match(tooMany.errorMessage, /replication factor of 3 cannot be reached because only 2 broker/);
    }
    const none = placeReplicas([], 1, 1, r);
    assert.equal(none.ok ? 0 : none.errorCode, ErrorCode.INVALID_REPLICATION_FACTOR);
    const zero = placeReplicas(brokers([null]), 1, 0, r);
    assert.equal(zero.ok ? 0 : zero.errorCode, ErrorCode.INVALID_REPLICATION_FACTOR);
  });
});
