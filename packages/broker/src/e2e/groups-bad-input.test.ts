/**
 * Consumer groups over the raw protocol: what Kafka's classic group coordinator answers
 * to requests that are wrong, late or too big, and that none of them changes a group's
 * committed offsets, members or generation.
 *
 * Each member is one connection (JoinGroup and SyncGroup are long polls). The expected
 * errors are Kafka's (GroupCoordinator / ClassicGroup): ILLEGAL_GENERATION for a stale
 * generation, UNKNOWN_MEMBER_ID for a member the group does not have,
 * REBALANCE_IN_PROGRESS for a heartbeat while the group waits for its members to rejoin,
 * GROUP_MAX_SIZE_REACHED past group.max.size (KIP-389), NON_EMPTY_GROUP for deleting a
 * group with members, GROUP_SUBSCRIBED_TO_TOPIC for deleting offsets of a subscribed
 * topic (KIP-496). A follower's SyncGroup assignments are ignored: only the leader's
 * count.
 *
 * Skipped (decided when the file runs) while the broker has no handler for a group API.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ApiKey, ErrorCode, type JoinGroupResponse } from '@gregor/protocol';
import type { TestBroker } from '../testing.js';
import { startTestBroker } from '../testing.js';
import {
  assignment,
  awaitCoordinator,
  commit,
  decodeAssignment,
  deleteGroups,
  describedAssignments,
  describeGroup,
  errorName,
  fetchCommitted,
  findCoordinator,
  GROUP_API_VERSIONS,
  heartbeat,
  type JoinOptions,
  join,
  joinGroupRequest,
  joinOnce,
  leaveGroup,
  listGroups,
  needsGroups,
  offsetDelete,
  subscription,
  syncGroup,
} from './group-client.js';
import { ensureTopic, RawClient, requestFrame } from './raw-client.js';
import { uniqueTopic, waitFor } from './support.js';

const MAX_REQUEST_BYTES = 256 * 1024;
const JOIN_VERSION = GROUP_API_VERSIONS[ApiKey.JoinGroup];
const MIN_SESSION_TIMEOUT_MS = 100;
const MAX_SESSION_TIMEOUT_MS = 60_000;
const GROUP_MAX_SIZE = 3;
const PARTITIONS = 6;
const ALL_PARTITIONS = Array.from({ length: PARTITIONS }, (_, p) => p);

let groupCounter = 0;
function uniqueGroup(prefix: string): string {
  groupCounter++;
  return `${prefix}-${process.pid}-${groupCounter}`;
}

interface Member {
  c: RawClient;
  memberId: string;
  generationId: number;
}

function assertError(actual: number, expected: number, what: string): void {
  assert.equal(errorName(actual), errorName(expected), what);
}

describe('consumer groups: bad input over the raw protocol', { timeout: 60_000 }, () => {
  let tb: TestBroker;
  /** A connection of its own for describing and checking, never busy with a long poll. */
  let admin: RawClient;
  const clients: RawClient[] = [];

  before(async () => {
    tb = await startTestBroker({
      properties: {
        'group.initial.rebalance.delay.ms': '0',
        'group.min.session.timeout.ms': String(MIN_SESSION_TIMEOUT_MS),
        'group.max.session.timeout.ms': String(MAX_SESSION_TIMEOUT_MS),
        'group.max.size': String(GROUP_MAX_SIZE),
        'socket.request.max.bytes': String(MAX_REQUEST_BYTES),
        'num.partitions': String(PARTITIONS),
      },
    });
    admin = await connect();
    await awaitCoordinator(admin, 'any');
  });

  after(async () => {
    for (const c of clients) c.close();
    await tb?.stop();
  });

  async function connect(): Promise<RawClient> {
    const c = await RawClient.connect(tb.port);
    clients.push(c);
    return c;
  }

  async function newTopic(prefix: string): Promise<string> {
    const topic = uniqueTopic(prefix);
    assert.equal(await ensureTopic(admin, topic), PARTITIONS);
    return topic;
  }

  function joinOptions(groupId: string, topic: string, memberId = '', extra: Partial<JoinOptions> = {}): JoinOptions {
    return {
      groupId,
      memberId,
      sessionTimeoutMs: 10_000,
      rebalanceTimeoutMs: 5_000,
      protocols: [{ name: 'range', metadata: subscription([topic]) }],
      ...extra,
    };
  }

  /** Partitions dealt round robin over the members in member-id order. */
  function split(memberIds: readonly string[]): Record<string, number[]> {
    const sorted = [...memberIds].sort();
    const out: Record<string, number[]> = {};
    for (const id of sorted) out[id] = [];
    for (const p of ALL_PARTITIONS) out[sorted[p % sorted.length] as string]?.push(p);
    return out;
  }

  async function waitForState(groupId: string, state: string): Promise<void> {
    await waitFor(`group ${groupId} in state ${state}`, async () => {
      return (await describeGroup(admin, groupId)).groupState === state;
    });
  }

  /** Every member syncs; the leader hands out `split`. Returns each member's assignment. */
  async function syncAll(
    groupId: string,
    topic: string,
    members: readonly Member[],
    leaderId: string,
  ): Promise<Map<string, number[]>> {
    const plan = split(members.map((m) => m.memberId));
    const bytes: Record<string, Buffer> = {};
    for (const [id, parts] of Object.entries(plan)) bytes[id] = assignment({ [topic]: parts });
    const answers = await Promise.all(
      members.map((m) =>
        syncGroup(m.c, groupId, m.generationId, m.memberId, m.memberId === leaderId ? bytes : {}).then((r) => {
          assertError(r.errorCode, ErrorCode.NONE, `SyncGroup of ${m.memberId}`);
          return [m.memberId, decodeAssignment(r.assignment)[topic] ?? []] as const;
        }),
      ),
    );
    const out = new Map(answers);
    for (const [id, parts] of out) assert.deepEqual(parts, plan[id], `assignment of ${id}`);
    return out;
  }

  /**
   * A new member's join: the first JoinGroup gets MEMBER_ID_REQUIRED and the member id
   * (KIP-394); the second, sent here, waits for the rebalance it starts. Resolves once the
   * coordinator counts the member (DescribeGroups lists it) with the pending answer.
   */
  async function newcomer(
    c: RawClient,
    groupId: string,
    topic: string,
  ): Promise<{ memberId: string; answer: Promise<JoinGroupResponse> }> {
    const first = await joinOnce(c, joinOptions(groupId, topic));
    assertError(first.errorCode, ErrorCode.MEMBER_ID_REQUIRED, 'first JoinGroup of a new member');
    assert.notEqual(first.memberId, '', 'MEMBER_ID_REQUIRED carries the member id');
    const answer = joinOnce(c, joinOptions(groupId, topic, first.memberId));
    answer.catch(() => undefined);
    await waitFor(`member ${first.memberId} in ${groupId}`, async () => {
      const g = await describeGroup(admin, groupId);
      return g.groupState === 'PreparingRebalance' && g.members.some((m) => m.memberId === first.memberId);
    });
    return { memberId: first.memberId, answer };
  }

  /**
   * A Stable group of `n` members built one join at a time (each newcomer starts a
   * rebalance; the others rejoin), so generation k has k members. Returns the members
   * (with the last generation) and the leader.
   */
  async function formGroup(
    groupId: string,
    topic: string,
    n: number,
  ): Promise<{ members: Member[]; leaderId: string }> {
    const members: Member[] = [];
    let leaderId = '';
    for (let k = 0; k < n; k++) {
      const c = await connect();
      const member: Member = { c, memberId: '', generationId: -1 };
      let answers: { m: Member; r: JoinGroupResponse }[];
      if (k === 0) {
        answers = [{ m: member, r: await join(c, joinOptions(groupId, topic)) }];
      } else {
        const { answer } = await newcomer(c, groupId, topic);
        const rejoins = members.map((m) =>
          joinOnce(m.c, joinOptions(groupId, topic, m.memberId)).then((r) => ({ m, r })),
        );
        answers = await Promise.all([answer.then((r) => ({ m: member, r })), ...rejoins]);
      }
      for (const { m, r } of answers) {
        assertError(r.errorCode, ErrorCode.NONE, `JoinGroup of member ${k}`);
        m.memberId = r.memberId;
        m.generationId = r.generationId;
        leaderId = r.leader;
      }
      members.push(member);
      assert.deepEqual(
        answers.map(({ r }) => r.generationId),
        answers.map(() => k + 1),
        'every member is told the same, next generation',
      );
      // The leader alone is sent every member's metadata.
      for (const { m, r } of answers) assert.equal(r.members.length, m.memberId === leaderId ? k + 1 : 0);
      await syncAll(groupId, topic, members, leaderId);
    }
    await waitForState(groupId, 'Stable');
    return { members, leaderId };
  }

  /** Commits offsets 10 * (p + 1) with the group's current generation; returns them. */
  async function commitBaseline(groupId: string, topic: string, m: Member): Promise<Map<number, number>> {
    const offsets: Record<number, number> = {};
    for (const p of ALL_PARTITIONS) offsets[p] = 10 * (p + 1);
    const errors = await commit(admin, groupId, topic, offsets, {
      generationId: m.generationId,
      memberId: m.memberId,
      metadata: 'baseline',
    });
    for (const p of ALL_PARTITIONS) assertError(errors.get(p) ?? -2, ErrorCode.NONE, `baseline commit p${p}`);
    return new Map(Object.entries(offsets).map(([p, o]) => [Number(p), o]));
  }

  async function assertOffsetsUnchanged(groupId: string, topic: string, expected: Map<number, number>): Promise<void> {
    const now = await fetchCommitted(admin, groupId, topic, ALL_PARTITIONS);
    for (const p of ALL_PARTITIONS) {
      const c = now.get(p);
      assert.ok(c !== undefined, `partition ${p} in OffsetFetch`);
      assertError(c.errorCode, ErrorCode.NONE, `OffsetFetch p${p}`);
      assert.equal(c.offset, expected.get(p), `committed offset of p${p}`);
      assert.equal(c.metadata, 'baseline', `metadata of p${p}`);
    }
  }

  async function assertStable(groupId: string, members: readonly Member[]): Promise<void> {
    const g = await describeGroup(admin, groupId);
    assert.equal(g.groupState, 'Stable');
    assert.deepEqual(g.members.map((m) => m.memberId).sort(), members.map((m) => m.memberId).sort());
    for (const m of members) {
      assertError(await heartbeat(m.c, groupId, m.generationId, m.memberId), ErrorCode.NONE, `heartbeat ${m.memberId}`);
    }
  }

  test('FindCoordinator names this broker as every group coordinator', needsGroups(), async () => {
    const r = await findCoordinator(admin, uniqueGroup('fc'));
    assertError(r.errorCode, ErrorCode.NONE, 'FindCoordinator');
    assert.equal(r.nodeId, tb.broker.nodeId);
    assert.equal(r.host, '127.0.0.1');
    assert.equal(r.port, tb.port);
  });

  test(
    'JoinGroup: empty group id, session timeouts out of range, no protocols, unknown member ids',
    needsGroups(),
    async () => {
      const topic = await newTopic('g-join');
      const c = await connect();
      const groupId = uniqueGroup('join-args');

      let r = await joinOnce(c, joinOptions('', topic));
      assertError(r.errorCode, ErrorCode.INVALID_GROUP_ID, 'empty group id');
      r = await joinOnce(c, joinOptions(groupId, topic, '', { sessionTimeoutMs: MIN_SESSION_TIMEOUT_MS - 1 }));
      assertError(r.errorCode, ErrorCode.INVALID_SESSION_TIMEOUT, 'session timeout below the minimum');
      r = await joinOnce(c, joinOptions(groupId, topic, '', { sessionTimeoutMs: MAX_SESSION_TIMEOUT_MS + 1 }));
      assertError(r.errorCode, ErrorCode.INVALID_SESSION_TIMEOUT, 'session timeout above the maximum');
      r = await join(c, joinOptions(groupId, topic, '', { protocols: [] }));
      assertError(r.errorCode, ErrorCode.INCONSISTENT_GROUP_PROTOCOL, 'no protocols');
      r = await join(c, joinOptions(groupId, topic, '', { protocolType: '' }));
      assertError(r.errorCode, ErrorCode.INCONSISTENT_GROUP_PROTOCOL, 'empty protocol type');
      r = await joinOnce(c, joinOptions(uniqueGroup('nobody'), topic, 'made-up-member'));
      assertError(r.errorCode, ErrorCode.UNKNOWN_MEMBER_ID, 'a member id the coordinator never gave, new group');
      const { members } = await formGroup(groupId, topic, 1);
      const baseline = await commitBaseline(groupId, topic, members[0] as Member);
      const other = await connect();
      r = await joinOnce(other, joinOptions(groupId, topic, 'made-up-member'));
      assertError(r.errorCode, ErrorCode.UNKNOWN_MEMBER_ID, 'a member id the coordinator never gave, live group');
      r = await join(other, joinOptions(groupId, topic, '', { protocolType: 'connect' }));
      assertError(r.errorCode, ErrorCode.INCONSISTENT_GROUP_PROTOCOL, 'another protocol type');
      r = await join(
        other,
        joinOptions(groupId, topic, '', { protocols: [{ name: 'roundrobin', metadata: subscription([topic]) }] }),
      );
      assertError(r.errorCode, ErrorCode.INCONSISTENT_GROUP_PROTOCOL, 'no protocol in common with the group');
      await assertStable(groupId, members);
      await assertOffsetsUnchanged(groupId, topic, baseline);
    },
  );

  test(
    'OffsetCommit and Heartbeat: stale generation, unknown member, simple commit to a live group',
    needsGroups(),
    async () => {
      const topic = await newTopic('g-commit');
      const groupId = uniqueGroup('commit');
      const { members } = await formGroup(groupId, topic, 2);
      const [m1, m2] = members as [Member, Member];
      assert.equal(m1.generationId, 2);
      const baseline = await commitBaseline(groupId, topic, m2);
      const attempt: Record<number, number> = { 0: 999, 3: 999 };

      let errors = await commit(admin, groupId, topic, attempt, {
        generationId: 1,
        memberId: m1.memberId,
        metadata: 'baseline',
      });
      for (const p of [0, 3]) assertError(errors.get(p) ?? -2, ErrorCode.ILLEGAL_GENERATION, `stale generation p${p}`);
      errors = await commit(admin, groupId, topic, attempt, {
        generationId: m1.generationId + 1,
        memberId: m1.memberId,
        metadata: 'baseline',
      });
      for (const p of [0, 3]) assertError(errors.get(p) ?? -2, ErrorCode.ILLEGAL_GENERATION, `future generation p${p}`);
      errors = await commit(admin, groupId, topic, attempt, {
        generationId: m1.generationId,
        memberId: 'not-a-member',
        metadata: 'baseline',
      });
      for (const p of [0, 3]) assertError(errors.get(p) ?? -2, ErrorCode.UNKNOWN_MEMBER_ID, `unknown member p${p}`);
      // A "simple" commit (no generation, no member) is only for groups without members.
      errors = await commit(admin, groupId, topic, attempt, { metadata: 'baseline' });
      for (const p of [0, 3]) assertError(errors.get(p) ?? -2, ErrorCode.UNKNOWN_MEMBER_ID, `simple commit p${p}`);

      assertError(await heartbeat(m1.c, groupId, 1, m1.memberId), ErrorCode.ILLEGAL_GENERATION, 'stale heartbeat');
      assertError(
        await heartbeat(m1.c, groupId, m1.generationId, 'not-a-member'),
        ErrorCode.UNKNOWN_MEMBER_ID,
        'heartbeat of an unknown member',
      );
      assertError(
        await heartbeat(m1.c, uniqueGroup('none'), 1, m1.memberId),
        ErrorCode.UNKNOWN_MEMBER_ID,
        'heartbeat to a group that does not exist',
      );
      await assertOffsetsUnchanged(groupId, topic, baseline);
      await assertStable(groupId, members);
    },
  );

  test(
    'OffsetCommit: unknown topics and partitions, metadata over offset.metadata.max.bytes',
    needsGroups(),
    async () => {
      const topic = await newTopic('g-commit-args');
      const groupId = uniqueGroup('commit-args');
      const { members } = await formGroup(groupId, topic, 1);
      const m = members[0] as Member;
      const baseline = await commitBaseline(groupId, topic, m);
      const as = { generationId: m.generationId, memberId: m.memberId };

      let errors = await commit(admin, groupId, uniqueTopic('never-created'), { 0: 5 }, as);
      assertError(errors.get(0) ?? -2, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, 'unknown topic');
      errors = await commit(admin, groupId, topic, { [PARTITIONS]: 5 }, as);
      assertError(errors.get(PARTITIONS) ?? -2, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, 'partition past the last');
      errors = await commit(admin, groupId, topic, { 1: 5 }, { ...as, metadata: 'm'.repeat(4097) });
      assertError(errors.get(1) ?? -2, ErrorCode.OFFSET_METADATA_TOO_LARGE, 'metadata of 4097 bytes');
      await assertOffsetsUnchanged(groupId, topic, baseline);

      // 4096 bytes (Kafka's default offset.metadata.max.bytes) is still fine, and reads back whole.
      errors = await commit(admin, groupId, topic, { 1: 5 }, { ...as, metadata: 'm'.repeat(4096) });
      assertError(errors.get(1) ?? -2, ErrorCode.NONE, 'metadata of 4096 bytes');
      const now = await fetchCommitted(admin, groupId, topic, [1]);
      assert.equal(now.get(1)?.offset, 5);
      assert.equal(now.get(1)?.metadata, 'm'.repeat(4096));
      await assertStable(groupId, members);
    },
  );

  test(
    'a rebalance: REBALANCE_IN_PROGRESS for heartbeats while members rejoin, commits follow the generation',
    needsGroups(),
    async () => {
      const topic = await newTopic('g-rebalance');
      const groupId = uniqueGroup('rebalance');
      const { members } = await formGroup(groupId, topic, 1);
      const m1 = members[0] as Member;
      const baseline = await commitBaseline(groupId, topic, m1);

      const c2 = await connect();
      const pending = await newcomer(c2, groupId, topic);
      assertError(
        await heartbeat(m1.c, groupId, m1.generationId, m1.memberId),
        ErrorCode.REBALANCE_IN_PROGRESS,
        'heartbeat while the group prepares a rebalance',
      );
      // The generation is still the current one until the join completes: Kafka lets a
      // member commit what it has processed before it rejoins.
      let errors = await commit(
        admin,
        groupId,
        topic,
        { 2: 30 },
        {
          generationId: m1.generationId,
          memberId: m1.memberId,
          metadata: 'baseline',
        },
      );
      assertError(errors.get(2) ?? -2, ErrorCode.NONE, 'commit during PreparingRebalance');

      const [r2, r1] = await Promise.all([pending.answer, joinOnce(m1.c, joinOptions(groupId, topic, m1.memberId))]);
      assertError(r1.errorCode, ErrorCode.NONE, 'rejoin');
      assertError(r2.errorCode, ErrorCode.NONE, 'newcomer join');
      assert.equal(r1.generationId, 2);
      assert.equal(r2.generationId, 2);
      const m2: Member = { c: c2, memberId: r2.memberId, generationId: 2 };
      m1.generationId = 2;
      const leader = r1.leader === m1.memberId ? m1 : m2;
      const follower = leader === m1 ? m2 : m1;
      assert.equal(r1.leader, r2.leader);

      // Joined, not yet synced: heartbeats are fine, commits wait for the assignment.
      const g = await describeGroup(admin, groupId);
      assert.equal(g.groupState, 'CompletingRebalance');
      assertError(
        await heartbeat(follower.c, groupId, 2, follower.memberId),
        ErrorCode.NONE,
        'heartbeat while CompletingRebalance',
      );
      errors = await commit(
        admin,
        groupId,
        topic,
        { 2: 40 },
        {
          generationId: 2,
          memberId: follower.memberId,
          metadata: 'baseline',
        },
      );
      assertError(errors.get(2) ?? -2, ErrorCode.REBALANCE_IN_PROGRESS, 'commit while CompletingRebalance');
      errors = await commit(
        admin,
        groupId,
        topic,
        { 2: 40 },
        {
          generationId: 1,
          memberId: m1.memberId,
          metadata: 'baseline',
        },
      );
      assertError(errors.get(2) ?? -2, ErrorCode.ILLEGAL_GENERATION, 'commit with the previous generation');

      await syncAll(groupId, topic, [m1, m2], leader.memberId);
      baseline.set(2, 30);
      await assertOffsetsUnchanged(groupId, topic, baseline);
      await assertStable(groupId, [m1, m2]);
    },
  );

  test(
    'SyncGroup: a follower cannot assign; wrong generation and unknown members are refused',
    needsGroups(),
    async () => {
      const topic = await newTopic('g-sync');
      const groupId = uniqueGroup('sync');
      const { members } = await formGroup(groupId, topic, 1);
      const m1 = members[0] as Member;
      const baseline = await commitBaseline(groupId, topic, m1);

      const c2 = await connect();
      const pending = await newcomer(c2, groupId, topic);
      const [r2, r1] = await Promise.all([pending.answer, joinOnce(m1.c, joinOptions(groupId, topic, m1.memberId))]);
      assertError(r1.errorCode, ErrorCode.NONE, 'rejoin');
      assertError(r2.errorCode, ErrorCode.NONE, 'newcomer join');
      const m2: Member = { c: c2, memberId: r2.memberId, generationId: r2.generationId };
      m1.generationId = r1.generationId;
      const leader = r1.leader === m1.memberId ? m1 : m2;
      const follower = leader === m1 ? m2 : m1;

      const wrongGeneration = await syncGroup(admin, groupId, leader.generationId - 1, leader.memberId, {});
      assertError(wrongGeneration.errorCode, ErrorCode.ILLEGAL_GENERATION, 'SyncGroup with an old generation');
      const unknown = await syncGroup(admin, groupId, leader.generationId, 'not-a-member', {});
      assertError(unknown.errorCode, ErrorCode.UNKNOWN_MEMBER_ID, 'SyncGroup of an unknown member');

      // The follower claims every partition for itself (and none for the leader) ...
      const grab = {
        [follower.memberId]: assignment({ [topic]: ALL_PARTITIONS }),
        [leader.memberId]: assignment({ [topic]: [] }),
      };
      const followerSync = syncGroup(follower.c, groupId, follower.generationId, follower.memberId, grab);
      // ... and waits for the leader, whose plan is the one that counts.
      await new Promise((resolve) => setTimeout(resolve, 50));
      const plan = { [leader.memberId]: [0, 1, 2], [follower.memberId]: [3, 4, 5] };
      const leaderSync = syncGroup(leader.c, groupId, leader.generationId, leader.memberId, {
        [leader.memberId]: assignment({ [topic]: plan[leader.memberId] as number[] }),
        [follower.memberId]: assignment({ [topic]: plan[follower.memberId] as number[] }),
      });
      const [fs, ls] = await Promise.all([followerSync, leaderSync]);
      assertError(fs.errorCode, ErrorCode.NONE, 'follower SyncGroup');
      assertError(ls.errorCode, ErrorCode.NONE, 'leader SyncGroup');
      assert.deepEqual(decodeAssignment(fs.assignment)[topic], [3, 4, 5], "the follower gets the leader's plan");
      assert.deepEqual(decodeAssignment(ls.assignment)[topic], [0, 1, 2]);
      const described = describedAssignments(await describeGroup(admin, groupId), topic);
      assert.deepEqual(Object.fromEntries(described), plan);

      await assertOffsetsUnchanged(groupId, topic, baseline);
      await assertStable(groupId, [m1, m2]);
    },
  );

  test(
    'SyncGroup: when the leader leaves before assigning, the waiting follower gets REBALANCE_IN_PROGRESS',
    needsGroups(),
    async () => {
      const topic = await newTopic('g-sync-leave');
      const groupId = uniqueGroup('sync-leave');
      const { members } = await formGroup(groupId, topic, 1);
      const m1 = members[0] as Member;
      const baseline = await commitBaseline(groupId, topic, m1);
      const c2 = await connect();
      const pending = await newcomer(c2, groupId, topic);
      const [r2, r1] = await Promise.all([pending.answer, joinOnce(m1.c, joinOptions(groupId, topic, m1.memberId))]);
      assertError(r1.errorCode, ErrorCode.NONE, 'rejoin');
      assertError(r2.errorCode, ErrorCode.NONE, 'newcomer join');
      const m2: Member = { c: c2, memberId: r2.memberId, generationId: r2.generationId };
      m1.generationId = r1.generationId;
      const leader = r1.leader === m1.memberId ? m1 : m2;
      const follower = leader === m1 ? m2 : m1;

      const followerSync = syncGroup(follower.c, groupId, follower.generationId, follower.memberId, {});
      await new Promise((resolve) => setTimeout(resolve, 50));
      const left = await leaveGroup(admin, groupId, [leader.memberId]);
      assertError(left.members[0]?.errorCode ?? -2, ErrorCode.NONE, 'the leader leaves');
      const fs = await followerSync;
      assertError(fs.errorCode, ErrorCode.REBALANCE_IN_PROGRESS, 'the follower waiting in SyncGroup');
      assert.equal(fs.assignment.length, 0);

      // The follower rejoins alone, leads, and the group is Stable again.
      const again = await joinOnce(follower.c, joinOptions(groupId, topic, follower.memberId));
      assertError(again.errorCode, ErrorCode.NONE, 'rejoin');
      assert.equal(again.leader, follower.memberId);
      assert.equal(again.generationId, follower.generationId + 1);
      follower.generationId = again.generationId;
      await syncAll(groupId, topic, [follower], follower.memberId);
      await assertStable(groupId, [follower]);
      await assertOffsetsUnchanged(groupId, topic, baseline);
    },
  );

  test(
    `group.max.size=${GROUP_MAX_SIZE}: the extra member gets GROUP_MAX_SIZE_REACHED, the group goes on`,
    needsGroups(),
    async () => {
      const topic = await newTopic('g-max');
      const groupId = uniqueGroup('max-size');
      const { members } = await formGroup(groupId, topic, GROUP_MAX_SIZE);
      const baseline = await commitBaseline(groupId, topic, members[0] as Member);
      const g = await describeGroup(admin, groupId);
      assert.equal(g.members.length, GROUP_MAX_SIZE);

      const extra = await connect();
      const r = await join(extra, joinOptions(groupId, topic));
      assertError(r.errorCode, ErrorCode.GROUP_MAX_SIZE_REACHED, 'member past group.max.size');
      const again = await join(extra, joinOptions(groupId, topic));
      assertError(again.errorCode, ErrorCode.GROUP_MAX_SIZE_REACHED, 'and again');

      // No rebalance: same members, same generation, everyone's heartbeat is fine.
      await assertStable(groupId, members);
      await assertOffsetsUnchanged(groupId, topic, baseline);

      // Once a member leaves there is room again.
      const leaving = members.pop() as Member;
      const left = await leaveGroup(leaving.c, groupId, [leaving.memberId]);
      assertError(left.errorCode, ErrorCode.NONE, 'LeaveGroup');
      assertError(left.members[0]?.errorCode ?? -2, ErrorCode.NONE, 'LeaveGroup member');
      const pending = await newcomer(extra, groupId, topic);
      const answers = await Promise.all([
        pending.answer,
        ...members.map((m) => joinOnce(m.c, joinOptions(groupId, topic, m.memberId))),
      ]);
      for (const a of answers) assertError(a.errorCode, ErrorCode.NONE, 'join after a member left');
      assert.equal(new Set(answers.map((a) => a.generationId)).size, 1);
    },
  );

  test('LeaveGroup: an unknown member gets UNKNOWN_MEMBER_ID and changes nothing', needsGroups(), async () => {
    const topic = await newTopic('g-leave');
    const groupId = uniqueGroup('leave');
    const { members } = await formGroup(groupId, topic, 2);
    const baseline = await commitBaseline(groupId, topic, members[0] as Member);

    const r = await leaveGroup(admin, groupId, ['not-a-member']);
    assertError(r.errorCode, ErrorCode.NONE, 'LeaveGroup v3 top-level error');
    assert.equal(r.members.length, 1);
    assert.equal(r.members[0]?.memberId, 'not-a-member');
    assertError(r.members[0]?.errorCode ?? -2, ErrorCode.UNKNOWN_MEMBER_ID, 'unknown member');
    await assertStable(groupId, members);
    await assertOffsetsUnchanged(groupId, topic, baseline);

    // One real member and one unknown in the same request: each gets its own answer.
    const [m1, m2] = members as [Member, Member];
    const mixed = await leaveGroup(admin, groupId, [m2.memberId, 'not-a-member-either']);
    assertError(mixed.errorCode, ErrorCode.NONE, 'LeaveGroup v3 top-level error');
    const byId = new Map(mixed.members.map((m) => [m.memberId, m.errorCode]));
    assertError(byId.get(m2.memberId) ?? -2, ErrorCode.NONE, 'the real member');
    assertError(byId.get('not-a-member-either') ?? -2, ErrorCode.UNKNOWN_MEMBER_ID, 'the unknown one');
    // The real one leaving starts a rebalance for the one left.
    assertError(
      await heartbeat(m1.c, groupId, m1.generationId, m1.memberId),
      ErrorCode.REBALANCE_IN_PROGRESS,
      'heartbeat after a member left',
    );
    const rejoin = await joinOnce(m1.c, joinOptions(groupId, topic, m1.memberId));
    assertError(rejoin.errorCode, ErrorCode.NONE, 'rejoin');
    assert.equal(rejoin.generationId, m1.generationId + 1);
    m1.generationId = rejoin.generationId;
    await syncAll(groupId, topic, [m1], m1.memberId);
    await assertStable(groupId, [m1]);
    await assertOffsetsUnchanged(groupId, topic, baseline);
  });

  test(
    'DeleteGroups: NON_EMPTY_GROUP with members, GROUP_ID_NOT_FOUND when unknown; OffsetDelete of a subscribed topic',
    needsGroups(),
    async () => {
      const topic = await newTopic('g-delete');
      const otherTopic = await newTopic('g-delete-other');
      const groupId = uniqueGroup('delete');
      const unknownGroup = uniqueGroup('delete-unknown');
      const { members } = await formGroup(groupId, topic, 1);
      const m = members[0] as Member;
      const baseline = await commitBaseline(groupId, topic, m);
      const otherErrors = await commit(
        admin,
        groupId,
        otherTopic,
        { 0: 3, 1: 4 },
        {
          generationId: m.generationId,
          memberId: m.memberId,
        },
      );
      assert.deepEqual([...otherErrors.values()], [0, 0]);

      const results = await deleteGroups(admin, [groupId, unknownGroup]);
      assertError(results.get(groupId) ?? -2, ErrorCode.NON_EMPTY_GROUP, 'a group with a member');
      assertError(results.get(unknownGroup) ?? -2, ErrorCode.GROUP_ID_NOT_FOUND, 'a group that never existed');
      await assertStable(groupId, members);
      await assertOffsetsUnchanged(groupId, topic, baseline);

      // KIP-496: offsets of a topic the live group subscribes to cannot be deleted; others can.
      const subscribed = await offsetDelete(admin, groupId, topic, [0, 1]);
      assertError(subscribed.errorCode, ErrorCode.NONE, 'OffsetDelete top-level');
      assertError(subscribed.partitions.get(0) ?? -2, ErrorCode.GROUP_SUBSCRIBED_TO_TOPIC, 'subscribed p0');
      assertError(subscribed.partitions.get(1) ?? -2, ErrorCode.GROUP_SUBSCRIBED_TO_TOPIC, 'subscribed p1');
      await assertOffsetsUnchanged(groupId, topic, baseline);
      const unsubscribed = await offsetDelete(admin, groupId, otherTopic, [0]);
      assertError(unsubscribed.errorCode, ErrorCode.NONE, 'OffsetDelete top-level');
      assertError(unsubscribed.partitions.get(0) ?? -2, ErrorCode.NONE, 'unsubscribed p0');
      const other = await fetchCommitted(admin, groupId, otherTopic, [0, 1]);
      assert.equal(other.get(0)?.offset, -1, 'deleted');
      assert.equal(other.get(1)?.offset, 4, 'not asked for, kept');

      // Empty once its member leaves: then it can be deleted, offsets and all.
      const left = await leaveGroup(m.c, groupId, [m.memberId]);
      assertError(left.members[0]?.errorCode ?? -2, ErrorCode.NONE, 'leave');
      assert.equal((await describeGroup(admin, groupId)).groupState, 'Empty');
      await assertOffsetsUnchanged(groupId, topic, baseline);
      const deleted = await deleteGroups(admin, [groupId]);
      assertError(deleted.get(groupId) ?? -2, ErrorCode.NONE, 'delete the empty group');
      const gone = await fetchCommitted(admin, groupId, topic, ALL_PARTITIONS);
      for (const p of ALL_PARTITIONS) assert.equal(gone.get(p)?.offset, -1, `p${p} after the group was deleted`);
      assert.ok(!(await listGroups(admin)).groups.some((g) => g.groupId === groupId), 'no longer listed');
      const described = await describeGroup(admin, groupId);
      assertError(described.errorCode, ErrorCode.NONE, 'DescribeGroups v4 of a deleted group');
      assert.equal(described.groupState, 'Dead');
      const again = await deleteGroups(admin, [groupId]);
      assertError(again.get(groupId) ?? -2, ErrorCode.GROUP_ID_NOT_FOUND, 'delete it twice');
    },
  );

  test(
    'JoinGroup with protocol metadata up to socket.request.max.bytes; one byte more closes the connection only',
    needsGroups(),
    async () => {
      const topic = await newTopic('g-big');
      const groupId = uniqueGroup('big');
      /** A JoinGroup frame whose metadata fills it to `frameBytes` (size prefix excluded). */
      function joinFrame(frameBytes: number, memberId = ''): { frame: Buffer; metadata: Buffer } {
        const probe = requestFrame(
          ApiKey.JoinGroup,
          JOIN_VERSION,
          1,
          joinGroupRequest({
            ...joinOptions(groupId, topic, memberId),
            protocols: [{ name: 'big', metadata: Buffer.alloc(0) }],
          }),
        );
        const metadata = Buffer.alloc(frameBytes - (probe.length - 4), 0x5a);
        const frame = requestFrame(
          ApiKey.JoinGroup,
          JOIN_VERSION,
          1,
          joinGroupRequest({ ...joinOptions(groupId, topic, memberId), protocols: [{ name: 'big', metadata }] }),
        );
        assert.equal(frame.length - 4, frameBytes);
        return { frame, metadata };
      }

      const c = await connect();
      const first = await joinOnce(c, {
        ...joinOptions(groupId, topic),
        protocols: [{ name: 'big', metadata: Buffer.alloc(1) }],
      });
      assertError(first.errorCode, ErrorCode.MEMBER_ID_REQUIRED, 'first join of a new member');
      const memberId = first.memberId;

      // One byte over the limit: the connection is closed, the group does not change.
      const over = await connect();
      await over.sendRaw(joinFrame(MAX_REQUEST_BYTES + 1, memberId).frame);
      assert.equal(await over.waitForClose(5000), true, 'a frame over socket.request.max.bytes closes the connection');
      // (ListGroups v3 has no state: ask DescribeGroups.) Only the pending member id exists.
      const untouched = await describeGroup(admin, groupId);
      assert.ok(
        ['Empty', 'Dead'].includes(untouched.groupState),
        `group after the refused frame: ${untouched.groupState}`,
      );
      assert.equal(untouched.members.length, 0);

      // Exactly at the limit: joined, and the metadata comes back byte for byte.
      const { frame, metadata } = joinFrame(MAX_REQUEST_BYTES, memberId);
      await c.sendRaw(frame);
      const joined = RawClient.decode<JoinGroupResponse>(
        ApiKey.JoinGroup,
        JOIN_VERSION,
        await c.nextFrame(10_000),
      ).body;
      assertError(joined.errorCode, ErrorCode.NONE, 'JoinGroup at the limit');
      assert.equal(joined.protocolName, 'big');
      assert.equal(joined.leader, memberId);
      assert.equal(joined.members.length, 1);
      assert.ok(joined.members[0]?.metadata.equals(metadata), 'the leader is sent the metadata unchanged');
      const synced = await syncGroup(c, groupId, joined.generationId, memberId, {
        [memberId]: assignment({ [topic]: ALL_PARTITIONS }),
      });
      assertError(synced.errorCode, ErrorCode.NONE, 'SyncGroup');
      const g = await describeGroup(admin, groupId);
      assert.equal(g.groupState, 'Stable');
      assert.equal(g.protocolData, 'big');
      assert.ok(g.members[0]?.memberMetadata.equals(metadata), 'DescribeGroups returns the metadata unchanged');

      // Many protocols in one request: the coordinator picks the member's first.
      const manyGroup = uniqueGroup('many-protocols');
      const protocols = Array.from({ length: 500 }, (_, i) => ({
        name: `p${i}`,
        metadata: Buffer.alloc(400, i & 0xff),
      }));
      const many = await join(await connect(), { groupId: manyGroup, protocols });
      assertError(many.errorCode, ErrorCode.NONE, 'JoinGroup with 500 protocols');
      assert.equal(many.protocolName, 'p0');
      assert.ok(many.members[0]?.metadata.equals(protocols[0]?.metadata as Buffer));

      // The broker is fine: the member still heartbeats.
      assertError(await heartbeat(c, groupId, joined.generationId, memberId), ErrorCode.NONE, 'heartbeat');
    },
  );

  test(
    'a member that does not rejoin within the rebalance timeout is removed from the group',
    needsGroups(),
    async () => {
      const topic = await newTopic('g-rebalance-timeout');
      const groupId = uniqueGroup('rebalance-timeout');
      const c1 = await connect();
      const quick = joinOptions(groupId, topic, '', { sessionTimeoutMs: 1000, rebalanceTimeoutMs: 500 });
      const r1 = await join(c1, quick);
      assertError(r1.errorCode, ErrorCode.NONE, 'first member');
      const s1 = await syncGroup(c1, groupId, r1.generationId, r1.memberId, {
        [r1.memberId]: assignment({ [topic]: ALL_PARTITIONS }),
      });
      assertError(s1.errorCode, ErrorCode.NONE, 'first sync');
      const baseline = await commitBaseline(groupId, topic, {
        c: c1,
        memberId: r1.memberId,
        generationId: r1.generationId,
      });

      // A second member joins; the first never rejoins (and stops heartbeating).
      const c2 = await connect();
      const started = Date.now();
      const r2 = await join(c2, { ...quick, rebalanceTimeoutMs: 500 });
      const waited = Date.now() - started;
      assertError(r2.errorCode, ErrorCode.NONE, 'second member');
      assert.equal(r2.generationId, r1.generationId + 1);
      assert.equal(r2.leader, r2.memberId, 'the member that came is the new leader');
      assert.equal(r2.members.length, 1);
      assert.ok(waited >= 400, `the join completed after ${waited} ms, before the rebalance timeout`);
      assertError(
        await heartbeat(c1, groupId, r1.generationId, r1.memberId),
        ErrorCode.UNKNOWN_MEMBER_ID,
        'the member that did not rejoin',
      );
      const s2 = await syncGroup(c2, groupId, r2.generationId, r2.memberId, {
        [r2.memberId]: assignment({ [topic]: ALL_PARTITIONS }),
      });
      assertError(s2.errorCode, ErrorCode.NONE, 'sync');
      await assertOffsetsUnchanged(groupId, topic, baseline);
    },
  );
});
