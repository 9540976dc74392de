import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Uuid } from '@gregor/protocol';
import type { PartitionImage } from './image.js';
import {
  buildPartitionChange,
  Election,
  LeaderRecoveryState,
  NO_LEADER,
  NO_LEADER_CHANGE,
} from './partition-change.js';

const TOPIC = 'AAAAAAAAAAAAAAAAAAAAAA' as Uuid;

function partition(p: Partial<PartitionImage> & { replicas: number[] }): PartitionImage {
  return {
    partitionId: 0,
    isr: p.replicas,
    leader: p.replicas[0] ?? NO_LEADER,
    leaderEpoch: 5,
    partitionEpoch: 9,
    addingReplicas: [],
    removingReplicas: [],
    leaderRecoveryState: 0,
    ...p,
  };
}

const all = () => true;
const except =
  (...ids: number[]) =>
  (id: number) =>
    !ids.includes(id);

describe('buildPartitionChange', () => {
  test('nothing to change: no record', () => {
    assert.equal(
      buildPartitionChange(partition({ replicas: [1, 2, 3] }), {
        topicId: TOPIC,
        partitionId: 0,
        isAcceptableLeader: all,
      }),
      null,
    );
  });

  test('an ISR shrink keeps the leader and writes only the ISR (no leader epoch bump, KAFKA-15021)', () => {
    const r = buildPartitionChange(partition({ replicas: [1, 2, 3] }), {
      topicId: TOPIC,
      partitionId: 0,
      isAcceptableLeader: all,
      targetIsr: [1, 2],
    });
    assert.deepEqual(r?.isr, [1, 2]);
    assert.equal(r?.leader, NO_LEADER_CHANGE);
  });

  test('the leader leaving: the first eligible ISR member in replica order leads', () => {
    const r = buildPartitionChange(partition({ replicas: [1, 2, 3], isr: [1, 3, 2] }), {
      topicId: TOPIC,
      partitionId: 0,
      isAcceptableLeader: except(1),
      targetIsr: [3, 2],
    });
    assert.equal(r?.leader, 2);
    assert.deepEqual(r?.isr, [3, 2]);
  });

  test('a fenced ISR member is passed over', () => {
    const r = buildPartitionChange(partition({ replicas: [1, 2, 3] }), {
      topicId: TOPIC,
      partitionId: 0,
      isAcceptableLeader: except(1, 2),
      targetIsr: [2, 3],
    });
    assert.equal(r?.leader, 3);
  });

  test('no eligible ISR member: leader -1 and the ISR keeps its last member', () => {
    const r = buildPartitionChange(partition({ replicas: [1, 2], isr: [1] }), {
      topicId: TOPIC,
      partitionId: 0,
      isAcceptableLeader: except(1),
      targetIsr: [],
    });
    assert.equal(r?.leader, NO_LEADER);
    assert.equal(r?.isr, null);
  });

  test('an out-of-sync replica never leads unless the election is unclean', () => {
    const p = partition({ replicas: [1, 2], isr: [1] });
    const clean = buildPartitionChange(p, {
      topicId: TOPIC,
      partitionId: 0,
      isAcceptableLeader: except(1),
      targetIsr: [],
    });
    assert.equal(clean?.leader, NO_LEADER);
    const unclean = buildPartitionChange(p, {
      topicId: TOPIC,
      partitionId: 0,
      isAcceptableLeader: except(1),
      targetIsr: [],
      election: Election.UNCLEAN,
    });
    assert.equal(unclean?.leader, 2);
    assert.deepEqual(unclean?.isr, [2]);
    assert.equal(unclean?.leaderRecoveryState, LeaderRecoveryState.RECOVERING);
  });

  test('unclean prefers an ISR member when there is one', () => {
    const r = buildPartitionChange(partition({ replicas: [1, 2, 3], isr: [1, 3] }), {
      topicId: TOPIC,
      partitionId: 0,
      isAcceptableLeader: except(1),
      targetIsr: [3],
      election: Election.UNCLEAN,
    });
    assert.equal(r?.leader, 3);
    assert.equal(r?.leaderRecoveryState, -1);
  });

  test('preferred election moves leadership to the first replica when it is in the ISR', () => {
    const p = partition({ replicas: [1, 2, 3], leader: 2 });
    const r = buildPartitionChange(p, {
      topicId: TOPIC,
      partitionId: 0,
      isAcceptableLeader: all,
      election: Election.PREFERRED,
    });
    assert.equal(r?.leader, 1);
    const notInIsr = buildPartitionChange(partition({ replicas: [1, 2, 3], isr: [2, 3], leader: 2 }), {
      topicId: TOPIC,
      partitionId: 0,
      isAcceptableLeader: all,
      election: Election.PREFERRED,
    });
    assert.equal(notInIsr, null);
  });

  test('online election keeps a valid current leader even when it is not preferred', () => {
    assert.equal(
      buildPartitionChange(partition({ replicas: [1, 2, 3], leader: 2 }), {
        topicId: TOPIC,
        partitionId: 0,
        isAcceptableLeader: all,
      }),
      null,
    );
  });

  test('a reassignment completes once every adding replica is in the ISR: removing ones leave, preferred leads', () => {
    const p = partition({ replicas: [3, 4, 1], isr: [1, 3], leader: 1, addingReplicas: [4], removingReplicas: [1] });
    const waiting = buildPartitionChange(p, {
      topicId: TOPIC,
      partitionId: 0,
      isAcceptableLeader: all,
      targetIsr: [1, 3],
    });
    assert.equal(waiting, null);
    const done = buildPartitionChange(p, {
      topicId: TOPIC,
      partitionId: 0,
      isAcceptableLeader: all,
      targetIsr: [1, 3, 4],
    });
    assert.deepEqual(done?.replicas, [3, 4]);
    assert.deepEqual(done?.isr, [3, 4]);
    assert.deepEqual(done?.addingReplicas, []);
    assert.deepEqual(done?.removingReplicas, []);
    assert.equal(done?.leader, 3);
  });

  test('removing replicas without a new leader still bumps the leader epoch (same leader written)', () => {
    const p = partition({ replicas: [1, 2, 3] });
    const r = buildPartitionChange(p, {
      topicId: TOPIC,
      partitionId: 0,
      isAcceptableLeader: all,
      targetReplicas: [1, 2],
      targetIsr: [1, 2],
    });
    assert.equal(r?.leader, 1);
    assert.deepEqual(r?.replicas, [1, 2]);
  });

  test('a recovering leader reporting recovered clears the state', () => {
    const p = partition({ replicas: [1, 2], isr: [1], leaderRecoveryState: 1 });
    const r = buildPartitionChange(p, {
      topicId: TOPIC,
      partitionId: 0,
      isAcceptableLeader: all,
      targetIsr: [1],
      targetLeaderRecoveryState: 0,
    });
    assert.equal(r?.leaderRecoveryState, 0);
    assert.equal(r?.isr, null);
  });
});
