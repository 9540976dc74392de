/**
 * The classic group state machine under a fake clock, against an in-memory
 * `__consumer_offsets`: join phases and the initial delay, protocol selection,
 * rebalances, session and rebalance timeouts, static membership (KIP-345), member ids
 * (KIP-394), group.max.size (KIP-389), offsets with their durability, loading, expiry
 * (KIP-211), deletion (KIP-496). The expected answers are Kafka's GroupCoordinator's.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ErrorCode } from '@gregor/protocol';
import { pino } from 'pino';
import type { CommitInput, JoinGroupInput } from './group-coordinator.js';
import { GroupCoordinator } from './group-coordinator.js';
import { parseRecord } from './records.js';
import { FakeScheduler } from './scheduler.js';
import type { Harness, JoinResult } from './testing-support.js';
import { harness, joinInput, MemoryOffsetsBackend, subscription, TEST_GROUP_CONFIG, track } from './testing-support.js';

/** TEST_GROUP_CONFIG's group.initial.rebalance.delay.ms. */
const DELAY = 100;

/** Joins with the KIP-394 round trip; returns the parked JoinGroup. */
async function joinNew(h: Harness, groupId: string, overrides: Partial<JoinGroupInput> = {}) {
  const first = await h.coordinator.joinGroup(joinInput(groupId, overrides));
  if (first.errorCode !== ErrorCode.MEMBER_ID_REQUIRED) return track(Promise.resolve(first));
  assert.match(first.memberId, /^client-[0-9a-f-]{36}$/);
  return track(h.coordinator.joinGroup(joinInput(groupId, { ...overrides, memberId: first.memberId })));
}

/** A stable group of `n` members (the first is the leader); returns their join answers. */
async function stableGroup(h: Harness, groupId: string, n: number, overrides: Partial<JoinGroupInput> = {}) {
  const joins = [];
  for (let i = 0; i < n; i++) joins.push(await joinNew(h, groupId, overrides));
  // Each member after the first extends the initial delay once.
  for (let i = 0; i < n && !joins.every((j) => j.done); i++) await h.advance(DELAY);
  const results = joins.map((j) => j.value as JoinResult);
  for (const r of results) assert.equal(r?.errorCode, ErrorCode.NONE);
  const leader = results.find((r) => r.memberId === r.leader) as JoinResult;
  const assignments = new Map(results.map((r) => [r.memberId, Buffer.from(`a-${r.memberId}`)]));
  const syncs = results.map((r) =>
    track(
      h.coordinator.syncGroup({
        groupId,
        generationId: r.generationId,
        memberId: r.memberId,
        groupInstanceId: null,
        protocolType: null,
        protocolName: null,
        assignments: r === leader ? assignments : new Map(),
      }),
    ),
  );
  await h.settle();
  for (const s of syncs) assert.equal(s.value?.errorCode, ErrorCode.NONE);
  return { results, leader, generationId: leader.generationId };
}

function commit(groupId: string, overrides: Partial<CommitInput> = {}): CommitInput {
  return {
    groupId,
    generationId: -1,
    memberId: '',
    groupInstanceId: null,
    retentionTimeMs: -1,
    partitions: [{ topic: 't1', partition: 0, offset: 42n, leaderEpoch: 3, metadata: 'm', commitTimestampMs: -1 }],
    ...overrides,
  };
}

describe('group coordinator: join and sync', () => {
  test('a new group: MEMBER_ID_REQUIRED, the initial delay, generation 1, the leader gets the metadata', async () => {
    const h = await harness();
    const first = await h.coordinator.joinGroup(joinInput('g'));
    assert.equal(first.errorCode, ErrorCode.MEMBER_ID_REQUIRED);
    assert.equal(first.generationId, -1);
    assert.equal(h.coordinator.describeGroup('g').groupState, 'Empty');
    const join = track(h.coordinator.joinGroup(joinInput('g', { memberId: first.memberId })));
    await h.advance(DELAY - 1);
    assert.equal(join.done, false, 'a new group waits group.initial.rebalance.delay.ms');
    assert.equal(h.coordinator.describeGroup('g').groupState, 'PreparingRebalance');
    await h.advance(1);
    const r = join.value as JoinResult;
    assert.equal(r.errorCode, ErrorCode.NONE);
    assert.equal(r.generationId, 1);
    assert.equal(r.leader, first.memberId);
    assert.equal(r.protocolName, 'range');
    assert.equal(r.protocolType, 'consumer');
    assert.deepEqual(
      r.members.map((m) => m.memberId),
      [first.memberId],
    );
    assert.deepEqual(r.members[0]?.metadata, subscription(['t1']));
    assert.equal(h.coordinator.describeGroup('g').groupState, 'CompletingRebalance');
    const sync = await h.coordinator.syncGroup({
      groupId: 'g',
      generationId: 1,
      memberId: r.memberId,
      groupInstanceId: null,
      protocolType: 'consumer',
      protocolName: 'range',
      assignments: new Map([[r.memberId, Buffer.from('mine')]]),
    });
    assert.equal(sync.errorCode, ErrorCode.NONE);
    assert.equal(sync.assignment.toString(), 'mine');
    assert.equal(sync.protocolName, 'range');
    const d = h.coordinator.describeGroup('g');
    assert.equal(d.groupState, 'Stable');
    assert.equal(d.protocolData, 'range');
    assert.equal(d.members[0]?.assignment.toString(), 'mine');
    // The generation's assignment was stored: one GroupMetadata record.
    const stored = h.backend.all().map((rec) => parseRecord(rec.key, rec.value));
    const last = stored.at(-1);
    assert.ok(last?.type === 'group' && last.value !== null);
    assert.equal(last.value.generation, 1);
    assert.equal(last.value.members[0]?.assignment.toString(), 'mine');
  });

  test('members joining during the initial delay extend it, up to the rebalance timeout', async () => {
    const h = await harness();
    const a = await joinNew(h, 'g', { rebalanceTimeoutMs: 250 });
    await h.advance(60);
    const b = await joinNew(h, 'g', { rebalanceTimeoutMs: 250 });
    await h.advance(40);
    assert.equal(a.done, false, 'a newcomer extends the delay');
    await h.advance(99);
    assert.equal(a.done, false);
    await h.advance(1);
    assert.equal(a.value?.generationId, 1);
    assert.equal(b.value?.generationId, 1);
    assert.equal(a.value?.members.length, 2);
    assert.equal(b.value?.members.length, 0, 'only the leader gets the members');
  });

  test('the protocol every member supports, chosen by votes; INCONSISTENT_GROUP_PROTOCOL', async () => {
    const h = await harness();
    const md = subscription(['t1']);
    const p = (...names: string[]) => names.map((name) => ({ name, metadata: md }));
    const a = await joinNew(h, 'g', { protocols: p('range', 'roundrobin', 'sticky') });
    const b = await joinNew(h, 'g', { protocols: p('roundrobin', 'range') });
    const c = await joinNew(h, 'g', { protocols: p('sticky', 'roundrobin', 'range') });
    const none = await h.coordinator.joinGroup(joinInput('g', { protocols: p('cooperative-sticky') }));
    assert.equal(none.errorCode, ErrorCode.INCONSISTENT_GROUP_PROTOCOL, 'no protocol in common');
    const type = await h.coordinator.joinGroup(joinInput('g', { protocolType: 'connect' }));
    assert.equal(type.errorCode, ErrorCode.INCONSISTENT_GROUP_PROTOCOL, 'another protocol type');
    await h.advance(3 * DELAY);
    // range and roundrobin are common to all; votes: range 1, roundrobin 2 (sticky is not common).
    for (const j of [a, b, c]) assert.equal(j.value?.protocolName, 'roundrobin');
    const empty = await h.coordinator.joinGroup(joinInput('g2', { protocols: [] }));
    assert.equal(empty.errorCode, ErrorCode.INCONSISTENT_GROUP_PROTOCOL, 'a first member with no protocols');
    const noType = await h.coordinator.joinGroup(joinInput('g3', { protocolType: '' }));
    assert.equal(noType.errorCode, ErrorCode.INCONSISTENT_GROUP_PROTOCOL, 'a first member with no protocol type');
  });

  test('request checks: group id, session timeout bounds, unknown member ids', async () => {
    const h = await harness();
    assert.equal((await h.coordinator.joinGroup(joinInput(''))).errorCode, ErrorCode.INVALID_GROUP_ID);
    const low = await h.coordinator.joinGroup(joinInput('g', { sessionTimeoutMs: 999 }));
    assert.equal(low.errorCode, ErrorCode.INVALID_SESSION_TIMEOUT);
    const high = await h.coordinator.joinGroup(joinInput('g', { sessionTimeoutMs: 60_001 }));
    assert.equal(high.errorCode, ErrorCode.INVALID_SESSION_TIMEOUT);
    const unknown = await h.coordinator.joinGroup(joinInput('nobody', { memberId: 'made-up' }));
    assert.equal(unknown.errorCode, ErrorCode.UNKNOWN_MEMBER_ID, 'a member id for a group that does not exist');
    assert.equal(h.coordinator.describeGroup('nobody').groupState, 'Dead', 'and no group was created');
    await stableGroup(h, 'g', 1);
    const stranger = await h.coordinator.joinGroup(joinInput('g', { memberId: 'made-up' }));
    assert.equal(stranger.errorCode, ErrorCode.UNKNOWN_MEMBER_ID);
  });

  test('before v4 a new member joins at once, without MEMBER_ID_REQUIRED', async () => {
    const h = await harness();
    const j = track(h.coordinator.joinGroup(joinInput('g', { requireKnownMemberId: false })));
    await h.advance(DELAY);
    assert.equal(j.value?.errorCode, ErrorCode.NONE);
    assert.equal(j.value?.generationId, 1);
  });

  test('a new member rebalances a stable group; members learn it from heartbeats and rejoin', async () => {
    const h = await harness();
    const { leader, generationId } = await stableGroup(h, 'g', 1);
    const b = await joinNew(h, 'g');
    assert.equal(h.coordinator.describeGroup('g').groupState, 'PreparingRebalance');
    assert.equal(h.coordinator.heartbeat('g', leader.memberId, null, generationId), ErrorCode.REBALANCE_IN_PROGRESS);
    const commitDuring = await h.coordinator.commitOffsets(commit('g', { generationId, memberId: leader.memberId }));
    assert.deepEqual(commitDuring, [ErrorCode.NONE], 'commits are accepted while preparing a rebalance');
    const a = track(h.coordinator.joinGroup(joinInput('g', { memberId: leader.memberId })));
    await h.settle();
    // Everyone rejoined: no need to wait for the rebalance timeout.
    assert.equal(a.value?.generationId, 2);
    assert.equal(b.value?.generationId, 2);
    assert.equal(a.value?.leader, leader.memberId, 'the leader stays');
    assert.equal(h.coordinator.heartbeat('g', leader.memberId, null, 1), ErrorCode.ILLEGAL_GENERATION);
    const stale = await h.coordinator.syncGroup({
      groupId: 'g',
      generationId: 1,
      memberId: leader.memberId,
      groupInstanceId: null,
      protocolType: null,
      protocolName: null,
      assignments: new Map(),
    });
    assert.equal(stale.errorCode, ErrorCode.ILLEGAL_GENERATION);
    const during = await h.coordinator.commitOffsets(commit('g', { generationId: 2, memberId: leader.memberId }));
    assert.deepEqual(during, [ErrorCode.REBALANCE_IN_PROGRESS], 'no commits before the assignment');
    // A follower's SyncGroup waits for the leader's; the follower's assignments are ignored.
    const follower = track(
      h.coordinator.syncGroup({
        groupId: 'g',
        generationId: 2,
        memberId: b.value?.memberId as string,
        groupInstanceId: null,
        protocolType: null,
        protocolName: null,
        assignments: new Map([[leader.memberId, Buffer.from('ignored')]]),
      }),
    );
    await h.settle();
    assert.equal(follower.done, false);
    const leaderSync = await h.coordinator.syncGroup({
      groupId: 'g',
      generationId: 2,
      memberId: leader.memberId,
      groupInstanceId: null,
      protocolType: 'consumer',
      protocolName: 'range',
      assignments: new Map([[leader.memberId, Buffer.from('L')]]),
    });
    await h.settle();
    assert.equal(leaderSync.assignment.toString(), 'L');
    assert.equal(follower.value?.errorCode, ErrorCode.NONE);
    assert.equal(follower.value?.assignment.length, 0, 'a member the leader left out gets an empty assignment');
  });

  test('SyncGroup errors: unknown group and member, rebalance in progress, inconsistent protocol', async () => {
    const h = await harness();
    const base = {
      groupId: 'g',
      generationId: 1,
      memberId: 'm',
      groupInstanceId: null,
      protocolType: null,
      protocolName: null,
      assignments: new Map<string, Buffer>(),
    };
    assert.equal((await h.coordinator.syncGroup({ ...base, groupId: '' })).errorCode, ErrorCode.INVALID_GROUP_ID);
    assert.equal((await h.coordinator.syncGroup(base)).errorCode, ErrorCode.UNKNOWN_MEMBER_ID);
    const { leader } = await stableGroup(h, 'g', 1);
    assert.equal((await h.coordinator.syncGroup(base)).errorCode, ErrorCode.UNKNOWN_MEMBER_ID);
    const mine = { ...base, memberId: leader.memberId };
    assert.equal(
      (await h.coordinator.syncGroup({ ...mine, protocolName: 'roundrobin' })).errorCode,
      ErrorCode.INCONSISTENT_GROUP_PROTOCOL,
    );
    assert.equal(
      (await h.coordinator.syncGroup({ ...mine, protocolType: 'connect' })).errorCode,
      ErrorCode.INCONSISTENT_GROUP_PROTOCOL,
    );
    const stable = await h.coordinator.syncGroup(mine);
    assert.equal(stable.errorCode, ErrorCode.NONE, 'a stable group answers with the current assignment');
    assert.equal(stable.assignment.toString(), `a-${leader.memberId}`);
    await joinNew(h, 'g');
    assert.equal((await h.coordinator.syncGroup(mine)).errorCode, ErrorCode.REBALANCE_IN_PROGRESS);
  });

  test('group.max.size: members past it get GROUP_MAX_SIZE_REACHED, the group goes on', async () => {
    const h = await harness({ groupMaxSize: 2 });
    const { leader, generationId } = await stableGroup(h, 'g', 2);
    const third = await h.coordinator.joinGroup(joinInput('g'));
    assert.equal(third.errorCode, ErrorCode.GROUP_MAX_SIZE_REACHED);
    assert.equal(third.memberId, '');
    assert.equal(h.coordinator.describeGroup('g').groupState, 'Stable');
    assert.equal(h.coordinator.heartbeat('g', leader.memberId, null, generationId), ErrorCode.NONE);
  });
});

describe('group coordinator: timeouts', () => {
  test('a member that does not heartbeat is removed after its session timeout; the last one leaves the group Empty', async () => {
    const h = await harness();
    const { results, generationId } = await stableGroup(h, 'g', 2);
    const [a, b] = results as [JoinResult, JoinResult];
    for (let t = 0; t < 12; t++) {
      await h.advance(1000);
      h.coordinator.heartbeat('g', a.memberId, null, generationId);
    }
    // b said nothing for 12 s (session 10 s): it is gone and a rebalance started.
    assert.equal(h.coordinator.heartbeat('g', b.memberId, null, generationId), ErrorCode.UNKNOWN_MEMBER_ID);
    assert.equal(h.coordinator.heartbeat('g', a.memberId, null, generationId), ErrorCode.REBALANCE_IN_PROGRESS);
    const rejoin = track(h.coordinator.joinGroup(joinInput('g', { memberId: a.memberId })));
    await h.settle();
    assert.equal(rejoin.value?.generationId, generationId + 1);
    assert.equal(rejoin.value?.members.length, 1);
    // a goes quiet too (it never syncs): removed after the rebalance (sync) timeout, then the group is empty.
    await h.advance(30_000);
    const d = h.coordinator.describeGroup('g');
    assert.equal(d.groupState, 'Empty');
    assert.equal(d.members.length, 0);
    const last = h.backend.all().at(-1);
    const parsed = last === undefined ? null : parseRecord(last.key, last.value);
    assert.ok(parsed?.type === 'group' && parsed.value !== null);
    assert.equal(parsed.value.members.length, 0, 'the empty group is stored');
    assert.equal(parsed.value.generation, generationId + 2);
  });

  test('members that do not rejoin within the rebalance timeout are dropped from the next generation', async () => {
    const h = await harness();
    const { results } = await stableGroup(h, 'g', 2, { rebalanceTimeoutMs: 5000 });
    const [a, b] = results as [JoinResult, JoinResult];
    const aRejoin = track(h.coordinator.joinGroup(joinInput('g', { memberId: a.memberId, rebalanceTimeoutMs: 5000 })));
    await h.advance(4999);
    h.coordinator.heartbeat('g', b.memberId, null, 1);
    assert.equal(aRejoin.done, false);
    await h.advance(1);
    assert.equal(aRejoin.value?.generationId, 2);
    assert.deepEqual(
      aRejoin.value?.members.map((m) => m.memberId),
      [a.memberId],
    );
    assert.equal(h.coordinator.heartbeat('g', b.memberId, null, 1), ErrorCode.UNKNOWN_MEMBER_ID);
  });

  test('a pending member (KIP-394) holds the join phase until it joins or its session lapses', async () => {
    const h = await harness();
    const { leader } = await stableGroup(h, 'g', 1);
    const pending = await h.coordinator.joinGroup(joinInput('g', { sessionTimeoutMs: 3000 }));
    assert.equal(pending.errorCode, ErrorCode.MEMBER_ID_REQUIRED);
    const a = track(h.coordinator.joinGroup(joinInput('g', { memberId: leader.memberId })));
    await h.advance(2999);
    assert.equal(a.done, false, 'waiting for the pending member');
    await h.advance(1);
    assert.equal(a.value?.generationId, 2, 'the pending id lapsed: the join phase completes');
    const late = await h.coordinator.joinGroup(joinInput('g', { memberId: pending.memberId }));
    assert.equal(late.errorCode, ErrorCode.UNKNOWN_MEMBER_ID);
  });

  test('heartbeat answers', async () => {
    const h = await harness();
    assert.equal(h.coordinator.heartbeat('', 'm', null, 1), ErrorCode.INVALID_GROUP_ID);
    assert.equal(h.coordinator.heartbeat('g', 'm', null, 1), ErrorCode.UNKNOWN_MEMBER_ID);
    const j = await joinNew(h, 'g');
    await h.advance(DELAY);
    const r = j.value as JoinResult;
    assert.equal(h.coordinator.heartbeat('g', r.memberId, null, 1), ErrorCode.NONE, 'CompletingRebalance');
    assert.equal(h.coordinator.heartbeat('g', r.memberId, null, 7), ErrorCode.ILLEGAL_GENERATION);
    assert.equal(h.coordinator.heartbeat('g', 'other', null, 1), ErrorCode.UNKNOWN_MEMBER_ID);
  });

  test('a member whose JoinGroup is parked is not expired by its session', async () => {
    const h = await harness();
    const { results } = await stableGroup(h, 'g', 2, { rebalanceTimeoutMs: 60_000 });
    const [a, b] = results as [JoinResult, JoinResult];
    const rejoin = track(h.coordinator.joinGroup(joinInput('g', { memberId: a.memberId, rebalanceTimeoutMs: 60_000 })));
    for (let t = 0; t < 11; t++) {
      await h.advance(5_000);
      assert.equal(h.coordinator.heartbeat('g', b.memberId, null, 1), ErrorCode.REBALANCE_IN_PROGRESS);
    }
    assert.equal(rejoin.done, false);
    assert.equal(h.coordinator.describeGroup('g').members.length, 2, 'a waits on the coordinator: it is not failing');
    await h.advance(5_000);
    assert.equal(rejoin.value?.generationId, 2, 'the rebalance timeout ends the join phase without b');
    assert.equal(rejoin.value?.members.length, 1);
  });

  test('a new member whose JoinGroup stays parked past the new-member timeout is removed', async () => {
    const h = await harness({ newMemberJoinTimeoutMs: 20_000 });
    const { leader } = await stableGroup(h, 'g', 1, { rebalanceTimeoutMs: 60_000 });
    const newcomer = await joinNew(h, 'g', { rebalanceTimeoutMs: 60_000 });
    for (let t = 0; t < 4; t++) {
      await h.advance(5_000);
      h.coordinator.heartbeat('g', leader.memberId, null, 1);
    }
    assert.equal(newcomer.value?.errorCode, ErrorCode.UNKNOWN_MEMBER_ID);
    assert.equal(newcomer.value?.memberId, '');
    assert.equal(h.coordinator.describeGroup('g').members.length, 1);
  });
});

describe('group coordinator: static membership (KIP-345)', () => {
  const staticJoin = (h: Harness, instance: string, extra: Partial<JoinGroupInput> = {}) =>
    track(h.coordinator.joinGroup(joinInput('g', { groupInstanceId: instance, ...extra })));

  test('static members join without MEMBER_ID_REQUIRED; a restart takes over the old id without a rebalance', async () => {
    const h = await harness();
    const a = staticJoin(h, 'i-a');
    const b = staticJoin(h, 'i-b');
    await h.advance(2 * DELAY);
    const ra = a.value as JoinResult;
    const rb = b.value as JoinResult;
    assert.match(ra.memberId, /^i-a-/);
    await h.coordinator.syncGroup({
      groupId: 'g',
      generationId: 1,
      memberId: ra.memberId,
      groupInstanceId: 'i-a',
      protocolType: null,
      protocolName: null,
      assignments: new Map([
        [ra.memberId, Buffer.from('A')],
        [rb.memberId, Buffer.from('B')],
      ]),
    });
    await h.settle();
    assert.equal(h.coordinator.describeGroup('g').groupState, 'Stable');
    // b restarts: same instance id, no member id. The group stays Stable, generation 1.
    const again = staticJoin(h, 'i-b');
    await h.settle();
    const rb2 = again.value as JoinResult;
    assert.equal(rb2.errorCode, ErrorCode.NONE);
    assert.notEqual(rb2.memberId, rb.memberId);
    assert.equal(rb2.generationId, 1);
    assert.equal(h.coordinator.describeGroup('g').groupState, 'Stable');
    const sync = await h.coordinator.syncGroup({
      groupId: 'g',
      generationId: 1,
      memberId: rb2.memberId,
      groupInstanceId: 'i-b',
      protocolType: null,
      protocolName: null,
      assignments: new Map(),
    });
    assert.equal(sync.assignment.toString(), 'B', 'the assignment carries over');
    // The old incarnation is fenced.
    assert.equal(h.coordinator.heartbeat('g', rb.memberId, 'i-b', 1), ErrorCode.FENCED_INSTANCE_ID);
    assert.equal(
      (
        await h.coordinator.commitOffsets(
          commit('g', { generationId: 1, memberId: rb.memberId, groupInstanceId: 'i-b' }),
        )
      )[0],
      ErrorCode.FENCED_INSTANCE_ID,
    );
    assert.equal(h.coordinator.heartbeat('g', rb2.memberId, 'i-b', 1), ErrorCode.NONE);
    assert.equal(h.coordinator.heartbeat('g', rb2.memberId, 'i-x', 1), ErrorCode.UNKNOWN_MEMBER_ID);
    // The leader restarts: before v9 it is told the old leader id (so it does not assign);
    // from v9 it is the leader and skips the assignment (KIP-814).
    const oldLeader = staticJoin(h, 'i-a');
    await h.settle();
    assert.equal(oldLeader.value?.leader, ra.memberId);
    assert.notEqual(oldLeader.value?.memberId, ra.memberId);
    assert.equal(oldLeader.value?.skipAssignment, false);
    const v9 = staticJoin(h, 'i-a', { supportSkippingAssignment: true });
    await h.settle();
    assert.equal(v9.value?.skipAssignment, true);
    assert.equal(v9.value?.leader, v9.value?.memberId);
    assert.equal(v9.value?.members.length, 2);
    assert.equal(h.coordinator.describeGroup('g').groupState, 'Stable');
    // Stored with the new member ids.
    const last = h.backend.all().at(-1);
    const parsed = last === undefined ? null : parseRecord(last.key, last.value);
    assert.ok(parsed?.type === 'group' && parsed.value !== null);
    assert.deepEqual(parsed.value.members.map((m) => m.memberId).sort(), [rb2.memberId, v9.value?.memberId].sort());
  });

  test('a static member is not removed when its join phase ends without it; LeaveGroup by instance id', async () => {
    const h = await harness();
    const a = staticJoin(h, 'i-a', { rebalanceTimeoutMs: 2000 });
    const b = staticJoin(h, 'i-b', { rebalanceTimeoutMs: 2000 });
    await h.advance(2 * DELAY);
    const ra = a.value as JoinResult;
    const rb = b.value as JoinResult;
    await h.coordinator.syncGroup({
      groupId: 'g',
      generationId: 1,
      memberId: ra.memberId,
      groupInstanceId: 'i-a',
      protocolType: null,
      protocolName: null,
      assignments: new Map(),
    });
    await h.coordinator.syncGroup({
      groupId: 'g',
      generationId: 1,
      memberId: rb.memberId,
      groupInstanceId: 'i-b',
      protocolType: null,
      protocolName: null,
      assignments: new Map(),
    });
    await h.settle();
    // The leader rejoins (forcing a rebalance); b does not, but is static: it stays.
    const rejoin = track(
      h.coordinator.joinGroup(
        joinInput('g', { memberId: ra.memberId, groupInstanceId: 'i-a', rebalanceTimeoutMs: 2000 }),
      ),
    );
    await h.advance(1000);
    h.coordinator.heartbeat('g', rb.memberId, 'i-b', 1);
    await h.advance(1000);
    assert.equal(rejoin.value?.generationId, 2);
    assert.equal(rejoin.value?.members.length, 2, 'the static member that did not rejoin is kept');
    // Fenced and unknown leaves; then an administrator removes b by its instance id.
    const leave = h.coordinator.leaveGroup('g', [
      { memberId: 'not-b', groupInstanceId: 'i-b', reason: null },
      { memberId: '', groupInstanceId: 'i-zzz', reason: null },
      { memberId: '', groupInstanceId: 'i-b', reason: 'admin' },
    ]);
    assert.deepEqual(
      leave.members.map((m) => m.errorCode),
      [ErrorCode.FENCED_INSTANCE_ID, ErrorCode.UNKNOWN_MEMBER_ID, ErrorCode.NONE],
    );
    assert.deepEqual(
      h.coordinator.describeGroup('g').members.map((m) => m.memberId),
      [ra.memberId],
    );
  });
});

describe('group coordinator: LeaveGroup', () => {
  test('a leaving member rebalances the group; the last leaves it Empty; unknown members and groups', async () => {
    const h = await harness();
    assert.equal(h.coordinator.leaveGroup('', []).errorCode, ErrorCode.INVALID_GROUP_ID);
    const unknownGroup = h.coordinator.leaveGroup('nope', [{ memberId: 'm', groupInstanceId: null, reason: null }]);
    assert.equal(unknownGroup.errorCode, ErrorCode.NONE);
    assert.equal(unknownGroup.members[0]?.errorCode, ErrorCode.UNKNOWN_MEMBER_ID);
    const { results, generationId } = await stableGroup(h, 'g', 2);
    const [a, b] = results as [JoinResult, JoinResult];
    const left = h.coordinator.leaveGroup('g', [
      { memberId: b.memberId, groupInstanceId: null, reason: null },
      { memberId: 'ghost', groupInstanceId: null, reason: null },
    ]);
    assert.deepEqual(
      left.members.map((m) => m.errorCode),
      [ErrorCode.NONE, ErrorCode.UNKNOWN_MEMBER_ID],
    );
    assert.equal(h.coordinator.heartbeat('g', a.memberId, null, generationId), ErrorCode.REBALANCE_IN_PROGRESS);
    const rejoin = track(h.coordinator.joinGroup(joinInput('g', { memberId: a.memberId })));
    await h.settle();
    assert.equal(rejoin.value?.generationId, generationId + 1);
    h.coordinator.leaveGroup('g', [{ memberId: a.memberId, groupInstanceId: null, reason: null }]);
    await h.settle();
    assert.equal(h.coordinator.describeGroup('g').groupState, 'Empty');
  });
});

describe('group coordinator: offsets', () => {
  test('member commits: generation and member checks; simple commits only to a group without members', async () => {
    const h = await harness();
    assert.deepEqual(await h.coordinator.commitOffsets(commit('g', { generationId: 3, memberId: 'm' })), [
      ErrorCode.ILLEGAL_GENERATION,
    ]);
    assert.equal(h.coordinator.describeGroup('g').groupState, 'Dead', 'a stale commit creates no group');
    const { leader, generationId } = await stableGroup(h, 'g', 1);
    assert.deepEqual(await h.coordinator.commitOffsets(commit('g', { generationId, memberId: leader.memberId })), [
      ErrorCode.NONE,
    ]);
    assert.deepEqual(
      await h.coordinator.commitOffsets(commit('g', { generationId: generationId + 1, memberId: leader.memberId })),
      [ErrorCode.ILLEGAL_GENERATION],
    );
    assert.deepEqual(await h.coordinator.commitOffsets(commit('g', { generationId, memberId: 'other' })), [
      ErrorCode.UNKNOWN_MEMBER_ID,
    ]);
    assert.deepEqual(
      await h.coordinator.commitOffsets(commit('g')),
      [ErrorCode.UNKNOWN_MEMBER_ID],
      'simple commit to a live group',
    );
    const fetched = h.coordinator.fetchOffsets('g', [{ name: 't1', partitions: [0, 1] }]);
    assert.deepEqual(fetched.topics[0]?.partitions, [
      { partition: 0, offset: 42n, leaderEpoch: 3, metadata: 'm', errorCode: ErrorCode.NONE },
      { partition: 1, offset: -1n, leaderEpoch: -1, metadata: '', errorCode: ErrorCode.NONE },
    ]);
    // A simple group: created by a commit with generation -1.
    assert.deepEqual(await h.coordinator.commitOffsets(commit('simple', { partitions: [] })), []);
    assert.deepEqual(await h.coordinator.commitOffsets(commit('simple')), [ErrorCode.NONE]);
    assert.equal(h.coordinator.describeGroup('simple').groupState, 'Empty');
    assert.deepEqual(
      h.coordinator
        .listGroups([], [])
        .groups.map((g) => [g.groupId, g.protocolType])
        .sort(),
      [
        ['g', 'consumer'],
        ['simple', ''],
      ],
    );
  });

  test('metadata over offset.metadata.max.bytes is refused per partition; a failed write is not visible', async () => {
    const h = await harness();
    const res = await h.coordinator.commitOffsets(
      commit('g', {
        partitions: [
          { topic: 't1', partition: 0, offset: 1n, leaderEpoch: -1, metadata: 'x'.repeat(101), commitTimestampMs: -1 },
          { topic: 't1', partition: 1, offset: 2n, leaderEpoch: -1, metadata: 'x'.repeat(100), commitTimestampMs: -1 },
        ],
      }),
    );
    assert.deepEqual(res, [ErrorCode.OFFSET_METADATA_TOO_LARGE, ErrorCode.NONE]);
    h.backend.failures.push(ErrorCode.KAFKA_STORAGE_ERROR, ErrorCode.MESSAGE_TOO_LARGE, ErrorCode.NOT_ENOUGH_REPLICAS);
    assert.deepEqual(await h.coordinator.commitOffsets(commit('g')), [ErrorCode.NOT_COORDINATOR]);
    assert.deepEqual(await h.coordinator.commitOffsets(commit('g')), [ErrorCode.INVALID_COMMIT_OFFSET_SIZE]);
    assert.deepEqual(await h.coordinator.commitOffsets(commit('g')), [ErrorCode.COORDINATOR_NOT_AVAILABLE]);
    const f = h.coordinator.fetchOffsets('g', null);
    assert.deepEqual(
      f.topics.map((t) => [t.name, t.partitions.map((p) => [p.partition, p.offset])]),
      [['t1', [[1, 2n]]]],
      'only the commit that was written',
    );
  });

  test('a commit is not visible until its append is durable', async () => {
    const h = await harness();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const append = h.backend.append.bind(h.backend);
    h.backend.append = (p, records) => gate.then(() => append(p, records));
    const pending = track(h.coordinator.commitOffsets(commit('g')));
    await h.settle();
    assert.equal(pending.done, false);
    assert.equal(
      h.coordinator.fetchOffsets('g', [{ name: 't1', partitions: [0] }]).topics[0]?.partitions[0]?.offset,
      -1n,
    );
    release();
    await h.settle();
    assert.deepEqual(pending.value, [ErrorCode.NONE]);
    assert.equal(
      h.coordinator.fetchOffsets('g', [{ name: 't1', partitions: [0] }]).topics[0]?.partitions[0]?.offset,
      42n,
    );
  });

  test('a failed assignment write answers every member and starts over', async () => {
    const h = await harness();
    const j = await joinNew(h, 'g');
    await h.advance(DELAY);
    const r = j.value as JoinResult;
    h.backend.failures.push(ErrorCode.RECORD_LIST_TOO_LARGE);
    const sync = await h.coordinator.syncGroup({
      groupId: 'g',
      generationId: 1,
      memberId: r.memberId,
      groupInstanceId: null,
      protocolType: null,
      protocolName: null,
      assignments: new Map(),
    });
    assert.equal(sync.errorCode, ErrorCode.UNKNOWN_SERVER_ERROR);
    assert.equal(h.coordinator.describeGroup('g').groupState, 'PreparingRebalance');
  });
});

describe('group coordinator: loading', () => {
  test('groups, members, assignments and offsets come back from the log; LOAD_IN_PROGRESS meanwhile', async () => {
    const backend = new MemoryOffsetsBackend();
    const h = await harness({}, backend);
    const { results, generationId } = await stableGroup(h, 'g', 2);
    await h.coordinator.commitOffsets(commit('g', { generationId, memberId: results[0]?.memberId as string }));
    await h.coordinator.commitOffsets(
      commit('simple', {
        partitions: [{ topic: 't2', partition: 5, offset: 7n, leaderEpoch: -1, metadata: null, commitTimestampMs: -1 }],
      }),
    );
    await h.coordinator.commitOffsets(commit('gone'));
    await stableGroup(h, 'deleted', 1);
    h.coordinator.leaveGroup('deleted', [
      {
        memberId: h.coordinator.describeGroup('deleted').members[0]?.memberId as string,
        groupInstanceId: null,
        reason: null,
      },
    ]);
    await h.settle();
    assert.deepEqual((await h.coordinator.deleteGroups(['gone', 'deleted'])).get('gone'), ErrorCode.NONE);
    await h.coordinator.stop();

    let open: () => void = () => undefined;
    backend.readGate = new Promise((r) => {
      open = r;
    });
    const clock = new FakeScheduler();
    const again = new GroupCoordinator(backend, TEST_GROUP_CONFIG, pino({ level: 'silent' }), clock);
    again.start();
    for (let p = 0; p < backend.partitions; p++) void again.loadShard(p);
    const member = results[0] as JoinResult;
    assert.equal((await again.joinGroup(joinInput('g'))).errorCode, ErrorCode.COORDINATOR_LOAD_IN_PROGRESS);
    assert.equal(again.fetchOffsets('g', null).errorCode, ErrorCode.COORDINATOR_LOAD_IN_PROGRESS);
    assert.equal(again.heartbeat('g', member.memberId, null, generationId), ErrorCode.NONE, 'answered blindly');
    const sync = await again.syncGroup({
      groupId: 'g',
      generationId,
      memberId: member.memberId,
      groupInstanceId: null,
      protocolType: null,
      protocolName: null,
      assignments: new Map(),
    });
    assert.equal(sync.errorCode, ErrorCode.REBALANCE_IN_PROGRESS);
    assert.equal(again.listGroups([], []).errorCode, ErrorCode.COORDINATOR_LOAD_IN_PROGRESS);
    open();
    await again.whenLoaded();
    const d = again.describeGroup('g');
    assert.equal(d.groupState, 'Stable');
    assert.deepEqual(d.members.map((m) => m.memberId).sort(), results.map((r) => r.memberId).sort());
    assert.equal(d.members.find((m) => m.memberId === member.memberId)?.assignment.toString(), `a-${member.memberId}`);
    assert.equal(again.fetchOffsets('g', null).topics[0]?.partitions[0]?.offset, 42n);
    assert.equal(again.fetchOffsets('simple', null).topics[0]?.partitions[0]?.offset, 7n);
    assert.equal(again.describeGroup('gone').groupState, 'Dead', 'deleted groups stay deleted');
    assert.equal(again.describeGroup('deleted').groupState, 'Dead');
    assert.equal(again.heartbeat('g', member.memberId, null, generationId), ErrorCode.NONE);
    // Members that do not come back expire, and the group ends up Empty.
    clock.advance(11_000);
    for (let i = 0; i < 10; i++) await new Promise((r) => setImmediate(r));
    clock.advance(30_000);
    for (let i = 0; i < 10; i++) await new Promise((r) => setImmediate(r));
    assert.equal(again.describeGroup('g').groupState, 'Empty');
    await again.stop();
  });

  test('records that are not Kafka records are skipped; a failed load is COORDINATOR_NOT_AVAILABLE until retried', async () => {
    const backend = new MemoryOffsetsBackend(1);
    backend.logs.set(0, [
      { key: Buffer.from([0, 9, 1]), value: null },
      { key: Buffer.from([0, 1, 0]), value: Buffer.from([0, 3]) },
    ]);
    const h = await harness({}, backend);
    assert.deepEqual(await h.coordinator.commitOffsets(commit('g')), [ErrorCode.NONE], 'loaded despite the garbage');
    await h.coordinator.stop();
    const read = backend.read.bind(backend);
    let fail = true;
    backend.read = (p) => {
      if (!fail) return read(p);
      fail = false;
      return (async function* () {
        yield* [];
        throw new Error('disk on fire');
      })();
    };
    const again = new GroupCoordinator(backend, TEST_GROUP_CONFIG, pino({ level: 'silent' }));
    again.start();
    await again.loadShard(0);
    assert.equal(again.fetchOffsets('g', null).errorCode, ErrorCode.COORDINATOR_NOT_AVAILABLE);
    await again.loadShard(0);
    assert.equal(again.fetchOffsets('g', null).topics[0]?.partitions[0]?.offset, 42n);
    await again.stop();
  });

  test('unloading answers parked requests with NOT_COORDINATOR', async () => {
    const h = await harness();
    const j = await joinNew(h, 'g');
    assert.equal(j.done, false);
    h.coordinator.unloadShard(h.coordinator.partitionFor('g'));
    await h.settle();
    assert.equal(j.value?.errorCode, ErrorCode.NOT_COORDINATOR);
    assert.equal(h.coordinator.heartbeat('g', 'm', null, 1), ErrorCode.NOT_COORDINATOR);
  });
});

describe('group coordinator: expiry and deletion', () => {
  const HOUR = 60 * 60_000;

  test('offsets of a simple group expire retention after their commit, with tombstones', async () => {
    const h = await harness();
    await h.coordinator.commitOffsets(commit('simple'));
    await h.advance(HOUR - 10 * 60_000);
    assert.equal(await h.coordinator.expireOffsets(), 0);
    await h.coordinator.commitOffsets(
      commit('simple', {
        partitions: [{ topic: 't1', partition: 1, offset: 1n, leaderEpoch: -1, metadata: '', commitTimestampMs: -1 }],
      }),
    );
    await h.advance(10 * 60_000);
    // The periodic check ran at the interval: p0 expired, p1 not yet.
    const left = h.coordinator.fetchOffsets('simple', null);
    assert.deepEqual(
      left.topics[0]?.partitions.map((p) => p.partition),
      [1],
    );
    const tombstone = h.backend.all().find((r) => r.value === null);
    assert.ok(tombstone !== undefined);
    const parsed = parseRecord(tombstone.key, null);
    assert.ok(parsed.type === 'offset');
    assert.equal(parsed.partition, 0);
    await h.advance(HOUR);
    assert.equal(h.coordinator.describeGroup('simple').groupState, 'Dead', 'a group left without offsets is deleted');
  });

  test('an empty consumer group keeps its offsets for the retention after it became empty', async () => {
    const h = await harness({ offsetsRetentionCheckIntervalMs: HOUR * 100 });
    const { leader, generationId } = await stableGroup(h, 'g', 1);
    await h.coordinator.commitOffsets(commit('g', { generationId, memberId: leader.memberId }));
    // Stays a member for two hours, then leaves.
    for (let i = 0; i < 2 * 60 * 12; i++) {
      await h.advance(5_000);
      h.coordinator.heartbeat('g', leader.memberId, null, generationId);
    }
    assert.equal(await h.coordinator.expireOffsets(), 0, 'subscribed topics never expire while the group has members');
    h.coordinator.leaveGroup('g', [{ memberId: leader.memberId, groupInstanceId: null, reason: null }]);
    await h.settle();
    assert.equal(h.coordinator.describeGroup('g').groupState, 'Empty');
    await h.advance(HOUR - 1);
    assert.equal(await h.coordinator.expireOffsets(), 0, 'measured from when the group became empty');
    await h.advance(1);
    assert.equal(await h.coordinator.expireOffsets(), 1);
    await h.settle();
    assert.equal(h.coordinator.describeGroup('g').groupState, 'Dead');
  });

  test('a stable consumer group: offsets of topics it no longer subscribes to expire; v2-4 expire timestamps', async () => {
    const h = await harness({ offsetsRetentionCheckIntervalMs: HOUR * 100 });
    const { leader, generationId } = await stableGroup(h, 'g', 1);
    const m = { generationId, memberId: leader.memberId };
    await h.coordinator.commitOffsets(
      commit('g', {
        ...m,
        partitions: [
          { topic: 't1', partition: 0, offset: 1n, leaderEpoch: -1, metadata: '', commitTimestampMs: -1 },
          { topic: 'old', partition: 0, offset: 1n, leaderEpoch: -1, metadata: '', commitTimestampMs: -1 },
        ],
      }),
    );
    await h.coordinator.commitOffsets(
      commit('g', {
        ...m,
        retentionTimeMs: 1000,
        partitions: [
          { topic: 'short', partition: 0, offset: 1n, leaderEpoch: -1, metadata: '', commitTimestampMs: -1 },
        ],
      }),
    );
    await h.advance(1000);
    h.coordinator.heartbeat('g', leader.memberId, null, generationId);
    assert.equal(await h.coordinator.expireOffsets(), 1, 'the commit with a retention time');
    for (let i = 0; i < 12 * 60; i++) {
      await h.advance(5_000);
      h.coordinator.heartbeat('g', leader.memberId, null, generationId);
    }
    assert.equal(await h.coordinator.expireOffsets(), 1);
    await h.settle();
    assert.deepEqual(
      h.coordinator.fetchOffsets('g', null).topics.map((t) => t.name),
      ['t1'],
    );
  });

  test('DeleteGroups and OffsetDelete', async () => {
    const h = await harness();
    const { leader, generationId } = await stableGroup(h, 'g', 1);
    const m = { generationId, memberId: leader.memberId };
    await h.coordinator.commitOffsets(
      commit('g', {
        ...m,
        partitions: [
          { topic: 't1', partition: 0, offset: 1n, leaderEpoch: -1, metadata: '', commitTimestampMs: -1 },
          { topic: 'other', partition: 0, offset: 1n, leaderEpoch: -1, metadata: '', commitTimestampMs: -1 },
        ],
      }),
    );
    const deleted = await h.coordinator.deleteGroups(['g', 'nope', '']);
    assert.equal(deleted.get('g'), ErrorCode.NON_EMPTY_GROUP);
    assert.equal(deleted.get('nope'), ErrorCode.GROUP_ID_NOT_FOUND);
    assert.equal(deleted.get(''), ErrorCode.GROUP_ID_NOT_FOUND);
    const od = await h.coordinator.deleteOffsets('g', [
      { topic: 't1', partition: 0 },
      { topic: 'other', partition: 0 },
    ]);
    assert.equal(od.errorCode, ErrorCode.NONE);
    assert.deepEqual(od.partitions, [ErrorCode.GROUP_SUBSCRIBED_TO_TOPIC, ErrorCode.NONE]);
    assert.deepEqual(
      h.coordinator.fetchOffsets('g', null).topics.map((t) => t.name),
      ['t1'],
    );
    assert.equal((await h.coordinator.deleteOffsets('nope', [])).errorCode, ErrorCode.GROUP_ID_NOT_FOUND);
    assert.equal((await h.coordinator.deleteOffsets('', [])).errorCode, ErrorCode.INVALID_GROUP_ID);
    // A group of another protocol type with members.
    const c = await joinNew(h, 'connect-group', { protocolType: 'connect' });
    await h.advance(DELAY);
    assert.equal(c.value?.errorCode, ErrorCode.NONE);
    assert.equal(
      (await h.coordinator.deleteOffsets('connect-group', [{ topic: 't1', partition: 0 }])).errorCode,
      ErrorCode.NON_EMPTY_GROUP,
    );
    // Once empty, the group and its offsets go.
    h.coordinator.leaveGroup('g', [{ memberId: leader.memberId, groupInstanceId: null, reason: null }]);
    await h.settle();
    assert.equal((await h.coordinator.deleteGroups(['g'])).get('g'), ErrorCode.NONE);
    assert.equal(h.coordinator.describeGroup('g').groupState, 'Dead');
    assert.equal(h.coordinator.fetchOffsets('g', null).topics.length, 0);
    const tombstones = h.backend
      .all()
      .filter((r) => r.value === null)
      .map((r) => parseRecord(r.key, null).type);
    assert.deepEqual(tombstones, ['offset', 'offset', 'group']);
    // A failed write leaves the group as it was.
    await h.coordinator.commitOffsets(commit('s'));
    h.backend.failures.push(ErrorCode.NOT_LEADER_OR_FOLLOWER);
    assert.equal((await h.coordinator.deleteGroups(['s'])).get('s'), ErrorCode.NOT_COORDINATOR);
    assert.equal(h.coordinator.describeGroup('s').groupState, 'Empty');
    assert.equal(h.coordinator.fetchOffsets('s', null).topics.length, 1);
  });

  test('offsets of deleted topics are removed at once', async () => {
    const h = await harness();
    await h.coordinator.commitOffsets(
      commit('s', {
        partitions: [
          { topic: 'a', partition: 0, offset: 1n, leaderEpoch: -1, metadata: '', commitTimestampMs: -1 },
          { topic: 'b', partition: 0, offset: 1n, leaderEpoch: -1, metadata: '', commitTimestampMs: -1 },
        ],
      }),
    );
    await h.coordinator.onTopicsDeleted(new Set(['a']));
    assert.deepEqual(
      h.coordinator.fetchOffsets('s', null).topics.map((t) => t.name),
      ['b'],
    );
  });
});

describe('group coordinator: ListGroups and DescribeGroups', () => {
  test('filters by state and type, case-insensitively; members without metadata outside Stable', async () => {
    const h = await harness();
    await stableGroup(h, 'stable', 1);
    await joinNew(h, 'preparing');
    await h.coordinator.commitOffsets(commit('empty'));
    const list = (states: string[], types: string[] = []) =>
      h.coordinator
        .listGroups(states, types)
        .groups.map((g) => g.groupId)
        .sort();
    assert.deepEqual(list([]), ['empty', 'preparing', 'stable']);
    assert.deepEqual(list(['stable', 'EMPTY']), ['empty', 'stable']);
    assert.deepEqual(list(['preparingrebalance']), ['preparing']);
    assert.deepEqual(list([], ['Classic']), ['empty', 'preparing', 'stable']);
    assert.deepEqual(list([], ['consumer']), []);
    const d = h.coordinator.describeGroup('preparing');
    assert.equal(d.groupState, 'PreparingRebalance');
    assert.equal(d.protocolData, '');
    assert.equal(d.members.length, 1);
    assert.equal(d.members[0]?.metadata.length, 0);
    assert.equal(d.members[0]?.clientHost, '/127.0.0.1');
  });
});
