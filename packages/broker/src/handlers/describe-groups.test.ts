/**
 * DescribeGroups (0-5), ListGroups (0-5) and DeleteGroups (0-2) over the wire.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { DeleteGroupsResponse, DescribeGroupsResponse, ListGroupsResponse } from '@gregor/protocol';
import { ApiKey, DeleteGroupsRequest, DescribeGroupsRequest, ErrorCode, ListGroupsRequest } from '@gregor/protocol';
import type { TestBroker } from '../testing.js';
import { startTestBroker } from '../testing.js';
import { GROUP_AUTHORIZED_OPERATIONS } from './describe-groups.js';
import {
  commit,
  findCoordinator,
  GROUP_TEST_PROPERTIES,
  joinFully,
  stableMember,
  subscription,
} from './group-requests.js';
import { TestClient } from './protocol-client.js';

describe('DescribeGroups, ListGroups, DeleteGroups', () => {
  let tb: TestBroker;
  let client: TestClient;
  const clients: TestClient[] = [];
  let stable: { memberId: string; generationId: number };
  const connect = async () => {
    const c = await TestClient.connect(tb.host, tb.port);
    clients.push(c);
    return c;
  };
  const describeGroups = (version: number, groups: string[], includeAuthorizedOperations = false) => {
    const r = new DescribeGroupsRequest();
    r.groups = groups;
    r.includeAuthorizedOperations = version >= 3 && includeAuthorizedOperations;
    return client.send<DescribeGroupsResponse>(ApiKey.DescribeGroups, version, r);
  };
  const listGroups = (version: number, statesFilter: string[] = [], typesFilter: string[] = []) => {
    const r = new ListGroupsRequest();
    r.statesFilter = statesFilter;
    r.typesFilter = typesFilter;
    return client.send<ListGroupsResponse>(ApiKey.ListGroups, version, r);
  };
  const deleteGroups = async (version: number, groups: string[]) => {
    const r = new DeleteGroupsRequest();
    r.groupsNames = groups;
    const res = await client.send<DeleteGroupsResponse>(ApiKey.DeleteGroups, version, r);
    return res.results.map((x) => [x.groupId, x.errorCode]);
  };

  before(async () => {
    tb = await startTestBroker({ properties: GROUP_TEST_PROPERTIES });
    client = await connect();
  });
  after(async () => {
    for (const c of clients) await c.close();
    await tb.stop();
  });

  test('before __consumer_offsets exists', async () => {
    const d = await describeGroups(0, ['g']);
    assert.equal(d.groups[0]?.errorCode, ErrorCode.NOT_COORDINATOR);
    assert.deepEqual(await deleteGroups(0, ['g']), [['g', ErrorCode.NOT_COORDINATOR]]);
    const l = await listGroups(0);
    assert.equal(l.errorCode, ErrorCode.NONE);
    assert.equal(l.groups.length, 0);
    await findCoordinator(client, 'g');
    stable = await stableMember(await connect(), 'stable', { groupInstanceId: 'i1' });
    await commit(client, 8, 'simple', '__consumer_offsets', { 0: 1 });
    await joinFully(await connect(), 5, 'completing');
  });

  test('DescribeGroups at every version: a stable group shows protocol, metadata and assignment', async () => {
    for (let v = 0; v <= 5; v++) {
      const res = await describeGroups(v, ['stable', 'nobody'], true);
      const [g, dead] = res.groups;
      assert.equal(g?.errorCode, ErrorCode.NONE, `v${v}`);
      assert.equal(g?.groupState, 'Stable');
      assert.equal(g?.protocolType, 'consumer');
      assert.equal(g?.protocolData, 'range');
      assert.equal(g?.members.length, 1);
      const m = g?.members[0];
      assert.equal(m?.memberId, stable.memberId);
      assert.equal(m?.groupInstanceId, v >= 4 ? 'i1' : null);
      assert.equal(m?.clientId, 'gregor-test');
      assert.equal(m?.clientHost, '/127.0.0.1');
      assert.ok(m?.memberMetadata.equals(subscription(['t'])));
      assert.equal(m?.memberAssignment.toString(), 'assignment');
      assert.equal(g?.authorizedOperations, v >= 3 ? GROUP_AUTHORIZED_OPERATIONS : -2147483648);
      assert.equal(GROUP_AUTHORIZED_OPERATIONS, 328, 'READ, DELETE, DESCRIBE');
      // A group that does not exist: Dead, without error (before v6).
      assert.deepEqual(
        [dead?.groupId, dead?.errorCode, dead?.groupState, dead?.protocolType, dead?.members.length],
        ['nobody', ErrorCode.NONE, 'Dead', '', 0],
      );
    }
    const notAsked = await describeGroups(5, ['stable'], false);
    assert.equal(notAsked.groups[0]?.authorizedOperations, -2147483648);
    // Joined, not synced: no protocol, metadata or assignment outside Stable.
    const completing = (await describeGroups(5, ['completing'])).groups[0];
    assert.equal(completing?.groupState, 'CompletingRebalance');
    assert.equal(completing?.protocolData, '');
    assert.equal(completing?.members[0]?.memberMetadata.length, 0);
  });

  test('ListGroups at every version, with state (v4+) and type (v5+) filters', async () => {
    const names = (res: ListGroupsResponse) => res.groups.map((g) => g.groupId).sort();
    for (let v = 0; v <= 5; v++) {
      const res = await listGroups(v);
      assert.equal(res.errorCode, ErrorCode.NONE);
      assert.deepEqual(names(res), ['completing', 'simple', 'stable'], `v${v}`);
      const simple = res.groups.find((g) => g.groupId === 'simple');
      assert.equal(simple?.protocolType, '');
      assert.equal(simple?.groupState, v >= 4 ? 'Empty' : '');
      assert.equal(simple?.groupType, v >= 5 ? 'classic' : '');
      assert.equal(res.groups.find((g) => g.groupId === 'stable')?.protocolType, 'consumer');
    }
    assert.deepEqual(names(await listGroups(4, ['Stable', 'empty'])), ['simple', 'stable']);
    assert.deepEqual(names(await listGroups(4, ['Dead'])), []);
    assert.deepEqual(names(await listGroups(4, ['completingrebalance'])), ['completing']);
    assert.deepEqual(names(await listGroups(5, [], ['CLASSIC'])), ['completing', 'simple', 'stable']);
    assert.deepEqual(names(await listGroups(5, [], ['consumer'])), []);
  });

  test('DeleteGroups at every version: NON_EMPTY_GROUP, GROUP_ID_NOT_FOUND, and empty groups go with their offsets', async () => {
    for (let v = 0; v <= 2; v++) {
      await commit(client, 8, `del-${v}`, '__consumer_offsets', { 0: 5 });
      assert.deepEqual(
        await deleteGroups(v, [`del-${v}`, 'stable', 'nobody', `del-${v}`]),
        [
          [`del-${v}`, ErrorCode.NONE],
          ['stable', ErrorCode.NON_EMPTY_GROUP],
          ['nobody', ErrorCode.GROUP_ID_NOT_FOUND],
        ],
        `v${v}`,
      );
      assert.equal((await describeGroups(0, [`del-${v}`])).groups[0]?.groupState, 'Dead');
      assert.deepEqual(await deleteGroups(v, [`del-${v}`]), [[`del-${v}`, ErrorCode.GROUP_ID_NOT_FOUND]]);
    }
    assert.ok(!(await listGroups(0)).groups.some((g) => g.groupId.startsWith('del-')));
  });
});
