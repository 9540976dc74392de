import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Uuid } from '@gregor/protocol';
import type { PartitionImage } from './image.js';
import { cancelReassignment, isReassigning, revertOf, startReassignment } from './reassignment.js';

const ctx = {
  topicId: 'AAAAAAAAAAAAAAAAAAAAAA' as Uuid,
  partitionId: 0,
  isAcceptableLeader: () => true,
  unclean: false,
};

function partition(p: Partial<PartitionImage> & { replicas: number[] }): PartitionImage {
  return {
    partitionId: 0,
    isr: p.replicas,
    leader: p.replicas[0] ?? -1,
    leaderEpoch: 0,
    partitionEpoch: 0,
    addingReplicas: [],
    removingReplicas: [],
    leaderRecoveryState: 0,
    ...p,
  };
}

describe('reassignment', () => {
  test('a target: replicas target then dropped ones, adding and removing lists, ISR kept', () => {
    const r = startReassignment(partition({ replicas: [1, 2, 3] }), [3, 4, 5], ctx);
    assert.deepEqual(
      [r?.replicas, r?.addingReplicas, r?.removingReplicas, r?.isr],
      [[3, 4, 5, 1, 2], [4, 5], [1, 2], null],
    );
    assert.equal(r?.leader, -2, 'the leader stays while it is a replica');
  });

  test('the current replicas as target again: nothing to do', () => {
    assert.equal(startReassignment(partition({ replicas: [1, 2] }), [1, 2], ctx), null);
  });

  test('a new target during a reassignment starts from the current replicas; still-adding ones stay adding', () => {
    const p = partition({ replicas: [3, 4, 1], isr: [1, 3], addingReplicas: [3, 4], removingReplicas: [1], leader: 1 });
    assert.deepEqual(revertOf(p), { replicas: [1], isr: [1] });
    const r = startReassignment(p, [1, 4, 5], ctx);
    assert.deepEqual([r?.replicas, r?.addingReplicas, r?.removingReplicas, r?.isr], [[1, 4, 5, 3], [4, 5], [3], null]);
  });

  test('cancelling: none running, would need an unclean election, or the revert', () => {
    assert.equal(cancelReassignment(partition({ replicas: [1, 2] }), ctx), 'none');
    const onlyAdding = partition({ replicas: [2, 1], isr: [2], addingReplicas: [2], removingReplicas: [1], leader: 2 });
    assert.equal(cancelReassignment(onlyAdding, ctx), 'unclean');
    // Unclean allowed but the old replica cannot lead: still refused.
    assert.equal(
      cancelReassignment(onlyAdding, { ...ctx, unclean: true, isAcceptableLeader: (id) => id !== 1 }),
      'unclean',
    );
    const unclean = cancelReassignment(onlyAdding, { ...ctx, unclean: true });
    assert.ok(unclean !== null && typeof unclean === 'object');
    assert.deepEqual([unclean.replicas, unclean.leader, unclean.isr], [[1], 1, [1]]);
    const running = partition({ replicas: [2, 1], isr: [1, 2], addingReplicas: [2], removingReplicas: [1], leader: 1 });
    assert.equal(isReassigning(running), true);
    const r = cancelReassignment(running, ctx);
    assert.ok(r !== null && typeof r === 'object');
    assert.deepEqual([r.replicas, r.isr, r.addingReplicas, r.removingReplicas], [[1], [1], [], []]);
  });
});
