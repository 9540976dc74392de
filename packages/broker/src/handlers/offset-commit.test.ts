/**
 * OffsetCommit (0-9), OffsetFetch (0-9) and OffsetDelete (0) over the wire: every
 * version's fields, and Kafka's errors for groups, members, generations, topics and
 * metadata.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { OffsetDeleteResponse, OffsetFetchResponse } from '@gregor/protocol';
import { ApiKey, ErrorCode, OffsetDeleteRequest, OffsetFetchRequest } from '@gregor/protocol';
import {
  OffsetDeleteRequestPartition,
  OffsetDeleteRequestTopic,
} from '@gregor/protocol/generated/messages/offset-delete-request';
import {
  OffsetFetchRequestGroup,
  OffsetFetchRequestTopics,
} from '@gregor/protocol/generated/messages/offset-fetch-request';
import type { TestBroker } from '../testing.js';
import { startTestBroker } from '../testing.js';
import { commit, fetchOffsets, findCoordinator, GROUP_TEST_PROPERTIES, stableMember } from './group-requests.js';
import { TestClient } from './protocol-client.js';

describe('OffsetCommit, OffsetFetch, OffsetDelete', () => {
  let tb: TestBroker;
  let client: TestClient;
  const clients: TestClient[] = [];
  const connect = async () => {
    const c = await TestClient.connect(tb.host, tb.port);
    clients.push(c);
    return c;
  };
  const offsetsOf = (res: OffsetFetchResponse) =>
    res.topics.flatMap((t) =>
      t.partitions.map((p) => [t.name, p.partitionIndex, Number(p.committedOffset), p.errorCode]),
    );

  before(async () => {
    tb = await startTestBroker({ properties: GROUP_TEST_PROPERTIES });
    client = await connect();
    await tb.broker.controller.createTopics(
      ['t', 'u'].map((name) => ({
        name,
        numPartitions: 3,
        replicationFactor: 1,
        assignments: null,
        configs: new Map(),
      })),
      false,
    );
  });
  after(async () => {
    for (const c of clients) await c.close();
    await tb.stop();
  });

  test('before __consumer_offsets exists: NOT_COORDINATOR, where each version puts it', async () => {
    assert.deepEqual([...(await commit(client, 2, 'g', 't', { 0: 1 })).values()], [ErrorCode.NOT_COORDINATOR]);
    const v1 = await fetchOffsets(client, 1, 'g', [['t', [0, 1]]]);
    assert.deepEqual(offsetsOf(v1), [
      ['t', 0, -1, ErrorCode.NOT_COORDINATOR],
      ['t', 1, -1, ErrorCode.NOT_COORDINATOR],
    ]);
    const v2 = await fetchOffsets(client, 2, 'g', [['t', [0]]]);
    assert.equal(v2.errorCode, ErrorCode.NOT_COORDINATOR);
    assert.equal(v2.topics.length, 0);
    const r = new OffsetFetchRequest();
    const g = new OffsetFetchRequestGroup();
    g.groupId = 'g';
    g.topics = null;
    r.groups = [g];
    const v8 = await client.send<OffsetFetchResponse>(ApiKey.OffsetFetch, 8, r);
    assert.equal(v8.groups[0]?.errorCode, ErrorCode.NOT_COORDINATOR);
    assert.equal((await findCoordinator(client, 'g')).errorCode, ErrorCode.NONE);
  });

  test('commits at every version, read back at every version', async () => {
    for (let v = 0; v <= 9; v++) {
      const errors = await commit(client, v, `simple-${v}`, 't', { 0: 100 + v, 2: 200 + v }, { leaderEpoch: 7 });
      assert.deepEqual([...errors.values()], [ErrorCode.NONE, ErrorCode.NONE], `OffsetCommit v${v}`);
    }
    for (let v = 0; v <= 7; v++) {
      const res = await fetchOffsets(client, v, `simple-${v}`, [['t', [0, 1, 2]]]);
      assert.equal(res.errorCode, ErrorCode.NONE);
      assert.deepEqual(offsetsOf(res), [
        ['t', 0, 100 + v, ErrorCode.NONE],
        ['t', 1, -1, ErrorCode.NONE],
        ['t', 2, 200 + v, ErrorCode.NONE],
      ]);
      const p0 = res.topics[0]?.partitions[0];
      assert.equal(p0?.metadata, 'meta');
      assert.equal(
        p0?.committedLeaderEpoch,
        v >= 6 ? 7 : -1,
        `OffsetFetch v${v} leader epoch (committed from v6, read from v5)`,
      );
      assert.equal(res.topics[0]?.partitions[1]?.metadata, '', 'no commit: empty metadata');
    }
    const r = new OffsetFetchRequest();
    r.requireStable = true;
    r.groups = ['simple-8', 'simple-9', 'nobody'].map((groupId, i) => {
      const g = new OffsetFetchRequestGroup();
      g.groupId = groupId;
      if (i === 0) {
        const t = new OffsetFetchRequestTopics();
        t.name = 't';
        t.partitionIndexes = [2];
        g.topics = [t];
      } else {
        g.topics = null;
      }
      return g;
    });
    for (const v of [8, 9]) {
      const res = await client.send<OffsetFetchResponse>(ApiKey.OffsetFetch, v, r);
      assert.deepEqual(
        res.groups.map((g) => [
          g.groupId,
          g.errorCode,
          g.topics.flatMap((t) =>
            t.partitions.map((p) => [t.name, p.partitionIndex, Number(p.committedOffset), p.committedLeaderEpoch]),
          ),
        ]),
        [
          ['simple-8', ErrorCode.NONE, [['t', 2, 208, 7]]],
          [
            'simple-9',
            ErrorCode.NONE,
            [
              ['t', 0, 109, 7],
              ['t', 2, 209, 7],
            ],
          ],
          ['nobody', ErrorCode.NONE, []],
        ],
        `OffsetFetch v${v}`,
      );
    }
    // All partitions: a null topic list (v2+).
    const all = await fetchOffsets(client, 7, 'simple-3', null);
    assert.deepEqual(offsetsOf(all), [
      ['t', 0, 103, ErrorCode.NONE],
      ['t', 2, 203, ErrorCode.NONE],
    ]);
  });

  test('per-partition errors: unknown topics and partitions, metadata too large; null metadata reads ""', async () => {
    const errors = await commit(client, 8, 'per-partition', 'nope', { 0: 1 });
    assert.deepEqual([...errors.values()], [ErrorCode.UNKNOWN_TOPIC_OR_PARTITION]);
    const mixed = await commit(client, 8, 'per-partition', 't', { 0: 1, 9: 1 });
    assert.deepEqual(
      [...mixed.entries()],
      [
        [0, ErrorCode.NONE],
        [9, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION],
      ],
    );
    const big = await commit(client, 3, 'per-partition', 't', { 1: 5 }, { metadata: 'x'.repeat(4097) });
    assert.deepEqual([...big.values()], [ErrorCode.OFFSET_METADATA_TOO_LARGE]);
    await commit(client, 3, 'per-partition', 't', { 2: 5 }, { metadata: null });
    const res = await fetchOffsets(client, 3, 'per-partition', [['t', [0, 1, 2]]]);
    assert.deepEqual(offsetsOf(res), [
      ['t', 0, 1, ErrorCode.NONE],
      ['t', 1, -1, ErrorCode.NONE],
      ['t', 2, 5, ErrorCode.NONE],
    ]);
    assert.equal(res.topics[0]?.partitions[2]?.metadata, '');
  });

  test('member commits: generation, member id and instance id are checked', async () => {
    const m = await connect();
    const { memberId, generationId } = await stableMember(m, 'members', { groupInstanceId: 'inst' });
    const ok = await commit(client, 7, 'members', 't', { 0: 10 }, { generationId, memberId, groupInstanceId: 'inst' });
    assert.deepEqual([...ok.values()], [ErrorCode.NONE]);
    const cases: [number, Parameters<typeof commit>[5], number][] = [
      [1, { generationId: generationId + 1, memberId }, ErrorCode.ILLEGAL_GENERATION],
      [5, { generationId, memberId: 'someone' }, ErrorCode.UNKNOWN_MEMBER_ID],
      [7, { generationId, memberId: 'someone', groupInstanceId: 'inst' }, ErrorCode.FENCED_INSTANCE_ID],
      [9, {}, ErrorCode.UNKNOWN_MEMBER_ID],
      [0, {}, ErrorCode.UNKNOWN_MEMBER_ID],
    ];
    for (const [v, o, expected] of cases) {
      const errors = await commit(client, v, 'members', 't', { 0: 99 }, o);
      assert.deepEqual([...errors.values()], [expected], `v${v} ${JSON.stringify(o)}`);
    }
    const stale = await commit(client, 9, 'no-such-group', 't', { 0: 1 }, { generationId: 3, memberId: 'x' });
    assert.deepEqual(
      [...stale.values()],
      [ErrorCode.ILLEGAL_GENERATION],
      'a generation for a group that does not exist',
    );
    const res = await fetchOffsets(client, 6, 'members', [['t', [0]]]);
    assert.deepEqual(offsetsOf(res), [['t', 0, 10, ErrorCode.NONE]], 'none of the refused commits landed');
  });

  test('OffsetDelete: subscribed topics of a live consumer group are kept; unknown groups and topics', async () => {
    const del = async (groupId: string, topics: [string, number[]][]) => {
      const r = new OffsetDeleteRequest();
      r.groupId = groupId;
      r.topics = topics.map(([name, partitions]) => {
        const t = new OffsetDeleteRequestTopic();
        t.name = name;
        t.partitions = partitions.map((p) => {
          const dp = new OffsetDeleteRequestPartition();
          dp.partitionIndex = p;
          return dp;
        });
        return t;
      });
      return client.send<OffsetDeleteResponse>(ApiKey.OffsetDelete, 0, r);
    };
    const m = await connect();
    const { memberId, generationId } = await stableMember(m, 'od');
    await commit(client, 8, 'od', 't', { 0: 1, 1: 1 }, { generationId, memberId });
    await commit(client, 8, 'od', 'u', { 0: 1 }, { generationId, memberId });
    const res = await del('od', [
      ['t', [0]],
      ['u', [0]],
      ['nope', [0]],
    ]);
    assert.equal(res.errorCode, ErrorCode.NONE);
    assert.deepEqual(
      res.topics.map((t) => [t.name, t.partitions.map((p) => p.errorCode)]),
      [
        ['t', [ErrorCode.GROUP_SUBSCRIBED_TO_TOPIC]],
        ['u', [ErrorCode.NONE]],
        ['nope', [ErrorCode.UNKNOWN_TOPIC_OR_PARTITION]],
      ],
    );
    const left = await fetchOffsets(client, 7, 'od', null);
    assert.deepEqual(offsetsOf(left), [
      ['t', 0, 1, ErrorCode.NONE],
      ['t', 1, 1, ErrorCode.NONE],
    ]);
    const unknown = await del('nobody-here', [['t', [0]]]);
    assert.equal(unknown.errorCode, ErrorCode.GROUP_ID_NOT_FOUND);
    assert.equal(unknown.topics.length, 0);
    assert.equal((await del('', [])).errorCode, ErrorCode.INVALID_GROUP_ID);
    // A group without members: anything goes, and with its last offset the group goes too.
    await commit(client, 8, 'od-empty', 't', { 0: 1 });
    const emptied = await del('od-empty', [['t', [0, 1]]]);
    assert.deepEqual(
      emptied.topics[0]?.partitions.map((p) => p.errorCode),
      [ErrorCode.NONE, ErrorCode.NONE],
    );
    assert.equal(tb.broker.groups.coordinator.describeGroup('od-empty').groupState, 'Dead');
  });
});
