/**
 * JoinGroup, SyncGroup, Heartbeat and LeaveGroup over the wire, at every version, with
 * Kafka's errors. The state machine itself is covered under a fake clock in
 * group/group-coordinator.test.ts; here each version's fields and the errors clients
 * see.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { DescribeGroupsResponse } from '@gregor/protocol';
import { ApiKey, DescribeGroupsRequest, ErrorCode } from '@gregor/protocol';
import type { TestBroker } from '../testing.js';
import { startTestBroker } from '../testing.js';
import {
  findCoordinator,
  GROUP_TEST_PROPERTIES,
  heartbeat,
  join,
  joinFully,
  leave,
  stableMember,
  subscription,
  sync,
} from './group-requests.js';
import { TestClient } from './protocol-client.js';

const MESSAGE_MAX_BYTES = 200_000;

async function waitFor(what: string, check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('JoinGroup, SyncGroup, Heartbeat, LeaveGroup', () => {
  let tb: TestBroker;
  let admin: TestClient;
  const clients: TestClient[] = [];
  let n = 0;
  const group = (prefix: string) => `${prefix}-${++n}`;
  const connect = async () => {
    const c = await TestClient.connect(tb.host, tb.port);
    clients.push(c);
    return c;
  };
  const describeGroup = async (groupId: string) => {
    const r = new DescribeGroupsRequest();
    r.groups = [groupId];
    return (await admin.send<DescribeGroupsResponse>(ApiKey.DescribeGroups, 5, r)).groups[0];
  };

  before(async () => {
    tb = await startTestBroker({
      properties: {
        ...GROUP_TEST_PROPERTIES,
        'group.max.session.timeout.ms': '60000',
        'group.max.size': '2',
        'message.max.bytes': String(MESSAGE_MAX_BYTES),
      },
    });
    admin = await connect();
  });
  after(async () => {
    for (const c of clients) await c.close();
    await tb.stop();
  });

  test('before __consumer_offsets exists every group request gets NOT_COORDINATOR', async () => {
    const j = await join(admin, 5, 'g');
    assert.equal(j.errorCode, ErrorCode.NOT_COORDINATOR);
    assert.equal(await heartbeat(admin, 0, 'g', 1, 'm'), ErrorCode.NOT_COORDINATOR);
    assert.equal((await sync(admin, 3, 'g', 1, 'm')).errorCode, ErrorCode.NOT_COORDINATOR);
    assert.equal((await leave(admin, 0, 'g', [{ memberId: 'm' }])).errorCode, ErrorCode.NOT_COORDINATOR);
    assert.equal((await findCoordinator(admin, 'g')).errorCode, ErrorCode.NONE);
  });

  test('a one-member group at every JoinGroup version: member ids, protocol fields, the leader', async () => {
    for (let v = 0; v <= 9; v++) {
      const c = await connect();
      const groupId = group(`v${v}`);
      const first = await join(c, v, groupId, { groupInstanceId: null });
      let r = first;
      if (v >= 4) {
        // KIP-394: the member id first, then the join.
        assert.equal(first.errorCode, ErrorCode.MEMBER_ID_REQUIRED, `v${v}`);
        assert.match(first.memberId, /^gregor-test-[0-9a-f-]{36}$/);
        assert.equal(first.generationId, -1);
        r = await join(c, v, groupId, { memberId: first.memberId });
      }
      assert.equal(r.errorCode, ErrorCode.NONE, `v${v}`);
      assert.equal(r.generationId, 1);
      assert.equal(r.leader, r.memberId);
      assert.equal(r.protocolName, 'range');
      assert.equal(r.protocolType, v >= 7 ? 'consumer' : null, `v${v} protocolType`);
      assert.equal(r.skipAssignment, false);
      assert.deepEqual(
        r.members.map((m) => [m.memberId, m.metadata.equals(subscription(['t']))]),
        [[r.memberId, true]],
      );
      const s = await sync(c, Math.min(v, 5), groupId, 1, r.memberId, [[r.memberId, Buffer.from(`a${v}`)]]);
      assert.equal(s.errorCode, ErrorCode.NONE, `SyncGroup v${Math.min(v, 5)}`);
      assert.equal(s.assignment.toString(), `a${v}`);
      assert.equal(s.protocolName, v >= 5 ? 'range' : null);
      assert.equal(await heartbeat(c, Math.min(v, 4), groupId, 1, r.memberId), ErrorCode.NONE);
      const l = await leave(c, Math.min(v, 5), groupId, [{ memberId: r.memberId }]);
      assert.equal(l.errorCode, ErrorCode.NONE);
      if (v >= 3)
        assert.deepEqual(
          l.members.map((m) => [m.memberId, m.errorCode]),
          [[r.memberId, ErrorCode.NONE]],
        );
      assert.equal((await describeGroup(groupId))?.groupState, 'Empty');
    }
  });

  test('JoinGroup errors: group id, session timeout bounds, unknown member, protocols, group.max.size', async () => {
    const c = await connect();
    for (const v of [0, 5, 9]) {
      assert.equal((await join(c, v, '')).errorCode, ErrorCode.INVALID_GROUP_ID, `v${v}`);
      assert.equal((await join(c, v, 'x', { sessionTimeoutMs: 99 })).errorCode, ErrorCode.INVALID_SESSION_TIMEOUT);
      assert.equal((await join(c, v, 'x', { sessionTimeoutMs: 60_001 })).errorCode, ErrorCode.INVALID_SESSION_TIMEOUT);
      const unknown = await join(c, v, group('unknown'), { memberId: 'made-up' });
      assert.equal(unknown.errorCode, ErrorCode.UNKNOWN_MEMBER_ID);
      assert.equal(unknown.memberId, 'made-up');
      assert.equal(unknown.protocolName, v >= 7 ? null : '', 'no protocol: "" before v7, null after');
      assert.equal((await join(c, v, group('np'), { protocols: [] })).errorCode, ErrorCode.INCONSISTENT_GROUP_PROTOCOL);
    }
    const groupId = group('full');
    const a = await connect();
    const b = await connect();
    const ma = await stableMember(a, groupId);
    const jb = joinFully(b, 5, groupId);
    await waitFor('the rebalance', async () => (await describeGroup(groupId))?.groupState === 'PreparingRebalance');
    assert.equal(await heartbeat(a, 4, groupId, ma.generationId, ma.memberId), ErrorCode.REBALANCE_IN_PROGRESS);
    const ja = await join(a, 5, groupId, { memberId: ma.memberId });
    assert.equal((await jb).errorCode, ErrorCode.NONE);
    const third = await join(c, 3, groupId);
    assert.equal(third.errorCode, ErrorCode.GROUP_MAX_SIZE_REACHED, 'group.max.size=2');
    const other = await join(c, 5, groupId, { protocolType: 'connect' });
    assert.equal(other.errorCode, ErrorCode.GROUP_MAX_SIZE_REACHED, 'the size is checked first');
    assert.equal(ja.generationId, 2);
    assert.equal(ja.members.length, 2, 'the leader gets both members');
  });

  test('a rebalance over the wire: heartbeats say REBALANCE_IN_PROGRESS, everyone rejoins, the leader assigns', async () => {
    const groupId = group('rebalance');
    const a = await connect();
    const b = await connect();
    const ma = await stableMember(a, groupId);
    const jb = joinFully(b, 9, groupId);
    // The parked JoinGroup does not hold other connections up.
    await waitFor('the rebalance', async () => (await describeGroup(groupId))?.groupState === 'PreparingRebalance');
    assert.equal(await heartbeat(a, 0, groupId, ma.generationId, ma.memberId), ErrorCode.REBALANCE_IN_PROGRESS);
    assert.equal((await sync(a, 5, groupId, ma.generationId, ma.memberId)).errorCode, ErrorCode.REBALANCE_IN_PROGRESS);
    const ja = await join(a, 9, groupId, { memberId: ma.memberId });
    const rb = await jb;
    assert.equal(ja.generationId, 2);
    assert.equal(rb.generationId, 2);
    assert.equal(ja.leader, ma.memberId);
    assert.equal(rb.members.length, 0);
    assert.equal(await heartbeat(a, 4, groupId, 1, ma.memberId), ErrorCode.ILLEGAL_GENERATION);
    assert.equal((await sync(a, 5, groupId, 1, ma.memberId)).errorCode, ErrorCode.ILLEGAL_GENERATION);
    const followerSync = sync(b, 5, groupId, 2, rb.memberId, [[rb.memberId, Buffer.from('ignored')]]);
    const leaderSync = await sync(a, 5, groupId, 2, ma.memberId, [
      [ma.memberId, Buffer.from('A')],
      [rb.memberId, Buffer.from('B')],
    ]);
    assert.equal(leaderSync.assignment.toString(), 'A');
    assert.equal((await followerSync).assignment.toString(), 'B');
    const d = await describeGroup(groupId);
    assert.equal(d?.groupState, 'Stable');
    assert.deepEqual(d?.members.map((m) => m.memberAssignment.toString()).sort(), ['A', 'B']);
  });

  test('SyncGroup errors: v5 protocol type and name, unknown member, unknown group', async () => {
    const c = await connect();
    const groupId = group('sync');
    const m = await stableMember(c, groupId);
    for (const extra of [
      { protocolType: null },
      { protocolName: null },
      { protocolName: 'roundrobin' },
      { protocolType: 'connect' },
    ]) {
      const r = await sync(c, 5, groupId, m.generationId, m.memberId, [], extra);
      assert.equal(r.errorCode, ErrorCode.INCONSISTENT_GROUP_PROTOCOL, JSON.stringify(extra));
      assert.equal(r.protocolName, null);
    }
    assert.equal((await sync(c, 4, groupId, m.generationId, m.memberId)).errorCode, ErrorCode.NONE, 'v4 sends neither');
    assert.equal((await sync(c, 0, groupId, m.generationId, 'nobody')).errorCode, ErrorCode.UNKNOWN_MEMBER_ID);
    assert.equal((await sync(c, 3, group('none'), 1, 'nobody')).errorCode, ErrorCode.UNKNOWN_MEMBER_ID);
    assert.equal((await sync(c, 3, '', 1, 'nobody')).errorCode, ErrorCode.INVALID_GROUP_ID);
  });

  test('Heartbeat and LeaveGroup errors at old and new versions', async () => {
    const c = await connect();
    const groupId = group('hb');
    const m = await stableMember(c, groupId);
    for (let v = 0; v <= 4; v++) {
      assert.equal(await heartbeat(c, v, groupId, m.generationId, 'nobody'), ErrorCode.UNKNOWN_MEMBER_ID, `v${v}`);
      assert.equal(await heartbeat(c, v, groupId, m.generationId + 1, m.memberId), ErrorCode.ILLEGAL_GENERATION);
      assert.equal(await heartbeat(c, v, group('none'), 1, m.memberId), ErrorCode.UNKNOWN_MEMBER_ID);
      assert.equal(await heartbeat(c, v, '', 1, m.memberId), ErrorCode.INVALID_GROUP_ID);
    }
    for (let v = 0; v <= 2; v++) {
      assert.equal(
        (await leave(c, v, groupId, [{ memberId: 'nobody' }])).errorCode,
        ErrorCode.UNKNOWN_MEMBER_ID,
        `v${v}`,
      );
      assert.equal((await leave(c, v, '', [{ memberId: 'nobody' }])).errorCode, ErrorCode.INVALID_GROUP_ID);
    }
    for (let v = 3; v <= 5; v++) {
      const r = await leave(c, v, groupId, [{ memberId: 'nobody' }, { memberId: '', groupInstanceId: 'nobody' }]);
      assert.equal(r.errorCode, ErrorCode.NONE, `v${v}`);
      assert.deepEqual(
        r.members.map((x) => [x.memberId, x.groupInstanceId, x.errorCode]),
        [
          ['nobody', null, ErrorCode.UNKNOWN_MEMBER_ID],
          ['', 'nobody', ErrorCode.UNKNOWN_MEMBER_ID],
        ],
      );
    }
    assert.equal(await heartbeat(c, 4, groupId, m.generationId, m.memberId), ErrorCode.NONE, 'the member is untouched');
  });

  test('static membership (KIP-345): a restarted instance takes over, the old one is fenced', async () => {
    const groupId = group('static');
    const a1 = await connect();
    const m1 = await stableMember(a1, groupId, { groupInstanceId: 'inst' });
    const a2 = await connect();
    const j2 = await join(a2, 5, groupId, { groupInstanceId: 'inst' });
    assert.equal(j2.errorCode, ErrorCode.NONE, 'no MEMBER_ID_REQUIRED for static members');
    assert.notEqual(j2.memberId, m1.memberId);
    assert.equal(j2.generationId, m1.generationId, 'no rebalance');
    assert.equal(j2.leader, m1.memberId, 'before v9 the old leader id, so the new instance does not assign');
    assert.equal(await heartbeat(a1, 3, groupId, m1.generationId, m1.memberId, 'inst'), ErrorCode.FENCED_INSTANCE_ID);
    assert.equal(
      (await sync(a1, 3, groupId, m1.generationId, m1.memberId, [], { groupInstanceId: 'inst' })).errorCode,
      ErrorCode.FENCED_INSTANCE_ID,
    );
    assert.equal(
      (await join(a1, 5, groupId, { memberId: m1.memberId, groupInstanceId: 'inst' })).errorCode,
      ErrorCode.FENCED_INSTANCE_ID,
    );
    const s2 = await sync(a2, 3, groupId, j2.generationId, j2.memberId, [], { groupInstanceId: 'inst' });
    assert.equal(s2.assignment.toString(), 'assignment', 'the assignment carries over');
    const d = await describeGroup(groupId);
    assert.deepEqual(
      d?.members.map((m) => [m.memberId, m.groupInstanceId]),
      [[j2.memberId, 'inst']],
    );
    const l = await leave(a1, 3, groupId, [{ memberId: m1.memberId, groupInstanceId: 'inst' }]);
    assert.equal(l.members[0]?.errorCode, ErrorCode.FENCED_INSTANCE_ID);
    const byInstance = await leave(a1, 4, groupId, [{ memberId: '', groupInstanceId: 'inst' }]);
    assert.equal(byInstance.members[0]?.errorCode, ErrorCode.NONE);
    assert.equal((await describeGroup(groupId))?.groupState, 'Empty');
  });

  test('a member that stops heartbeating is removed after its session timeout', async () => {
    const c = await connect();
    const groupId = group('session');
    const m = await stableMember(c, groupId, { sessionTimeoutMs: 200, rebalanceTimeoutMs: 200 });
    await new Promise((r) => setTimeout(r, 600));
    assert.equal(await heartbeat(c, 4, groupId, m.generationId, m.memberId), ErrorCode.UNKNOWN_MEMBER_ID);
    const d = await describeGroup(groupId);
    assert.equal(d?.groupState, 'Empty');
    assert.equal(d?.members.length, 0);
  });

  test('large protocol metadata within the limits; a group too large to store fails its SyncGroup', async () => {
    const big = Buffer.alloc(80_000, 7);
    const a = await connect();
    const groupId = group('big');
    const j = await joinFully(a, 9, groupId, { protocols: [{ name: 'range', metadata: big }] });
    assert.equal(j.errorCode, ErrorCode.NONE);
    assert.ok(j.members[0]?.metadata.equals(big));
    const s = await sync(a, 5, groupId, j.generationId, j.memberId, [[j.memberId, big]]);
    assert.equal(s.errorCode, ErrorCode.NONE);
    assert.ok(s.assignment.equals(big));
    assert.ok((await describeGroup(groupId))?.members[0]?.memberMetadata.equals(big));
    // Two such members: the stored generation is over max.message.bytes.
    const b = await connect();
    const jb = joinFully(b, 9, groupId, { protocols: [{ name: 'range', metadata: big }] });
    await waitFor('the rebalance', async () => (await describeGroup(groupId))?.groupState === 'PreparingRebalance');
    const ja = await join(a, 9, groupId, { memberId: j.memberId, protocols: [{ name: 'range', metadata: big }] });
    const rb = await jb;
    const followerSync = sync(b, 5, groupId, rb.generationId, rb.memberId);
    const leaderSync = await sync(a, 5, groupId, ja.generationId, ja.memberId, [
      [ja.memberId, big],
      [rb.memberId, big],
    ]);
    assert.equal(leaderSync.errorCode, ErrorCode.UNKNOWN_SERVER_ERROR, "Kafka's answer to MESSAGE_TOO_LARGE");
    assert.equal((await followerSync).errorCode, ErrorCode.UNKNOWN_SERVER_ERROR);
    assert.equal((await describeGroup(groupId))?.groupState, 'PreparingRebalance', 'the group starts over');
  });
});
