/**
 * The group coordinator inside a broker: what it writes to `__consumer_offsets`, what
 * comes back after a restart on the same log directory, offset expiry with tombstones,
 * and offsets of deleted topics.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { after, describe, test } from 'node:test';
import type { DescribeGroupsResponse } from '@gregor/protocol';
import { ApiKey, DescribeGroupsRequest, ErrorCode, RecordBatchView, readAllRecords } from '@gregor/protocol';
import {
  commit,
  fetchOffsets,
  findCoordinator,
  GROUP_TEST_PROPERTIES,
  heartbeat,
  stableMember,
} from '../handlers/group-requests.js';
import { TestClient } from '../handlers/protocol-client.js';
import type { TestBroker } from '../testing.js';
import { startTestBroker } from '../testing.js';
import { GROUP_METADATA_TOPIC } from './coordinator-key.js';
import type { ParsedRecord } from './records.js';
import { parseRecord } from './records.js';

/** Every record of every partition of __consumer_offsets, parsed. */
async function offsetsTopicRecords(tb: TestBroker): Promise<ParsedRecord[]> {
  const out: ParsedRecord[] = [];
  const topic = tb.broker.metadata.topicsByName.get(GROUP_METADATA_TOPIC);
  for (const p of topic?.partitions ?? []) {
    const log = tb.broker.replicaManager.get(GROUP_METADATA_TOPIC, p.partitionId)?.log;
    if (log === undefined) continue;
    const { records } = await log.read(log.logStartOffset, 64 * 1024 * 1024);
    const view = new RecordBatchView(records, 0);
    for (let pos = 0; pos < records.length; pos += view.sizeInBytes) {
      view.moveTo(records, pos);
      for (const r of readAllRecords(records, pos)) out.push(parseRecord(r.key, r.value));
    }
  }
  return out;
}

async function describeGroup(c: TestClient, groupId: string) {
  const r = new DescribeGroupsRequest();
  r.groups = [groupId];
  return (await c.send<DescribeGroupsResponse>(ApiKey.DescribeGroups, 5, r)).groups[0];
}

async function until(what: string, check: () => Promise<boolean>, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('group coordinator in the broker', () => {
  const dirs: string[] = [];
  after(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  const newDir = () => {
    const d = mkdtempSync(joinPath(tmpdir(), 'gregor-groups-'));
    dirs.push(d);
    return d;
  };

  test('offsets and group metadata survive a restart on the same log directory', async () => {
    const logDir = newDir();
    let tb = await startTestBroker({ logDir, properties: GROUP_TEST_PROPERTIES });
    let c = await TestClient.connect(tb.host, tb.port);
    await tb.broker.controller.createTopics(
      [{ name: 't', numPartitions: 2, replicationFactor: 1, assignments: null, configs: new Map() }],
      false,
    );
    await findCoordinator(c, 'durable');
    const member = await TestClient.connect(tb.host, tb.port);
    const { memberId, generationId } = await stableMember(member, 'durable', { sessionTimeoutMs: 30_000 });
    const committed = await commit(c, 8, 'durable', 't', { 0: 11, 1: 22 }, { generationId, memberId, leaderEpoch: 4 });
    assert.deepEqual([...committed.values()], [ErrorCode.NONE, ErrorCode.NONE]);
    await commit(c, 2, 'simple', 't', { 1: 5 });
    // In the log, in Kafka's format: the generation's metadata and the commits.
    const records = await offsetsTopicRecords(tb);
    const group = records.find((r) => r.type === 'group' && r.group === 'durable');
    assert.ok(group?.type === 'group' && group.value !== null);
    assert.equal(group.value.generation, generationId);
    assert.equal(group.value.protocolType, 'consumer');
    assert.equal(group.value.protocol, 'range');
    assert.deepEqual(
      group.value.members.map((m) => [m.memberId, m.assignment.toString(), m.sessionTimeout]),
      [[memberId, 'assignment', 30_000]],
    );
    const commits = records.filter((r) => r.type === 'offset' && r.group === 'durable');
    assert.deepEqual(
      commits.map((r) => (r.type === 'offset' ? [r.topic, r.partition, r.value?.offset, r.value?.leaderEpoch] : [])),
      [
        ['t', 0, 11n, 4],
        ['t', 1, 22n, 4],
      ],
    );
    await member.close();
    await c.close();
    await tb.stop(true);

    tb = await startTestBroker({ logDir, properties: GROUP_TEST_PROPERTIES });
    try {
      c = await TestClient.connect(tb.host, tb.port);
      await tb.broker.groups.coordinator.whenLoaded();
      const fetched = await fetchOffsets(c, 7, 'durable', null);
      assert.deepEqual(
        fetched.topics.flatMap((t) =>
          t.partitions.map((p) => [t.name, p.partitionIndex, p.committedOffset, p.metadata]),
        ),
        [
          ['t', 0, 11n, 'meta'],
          ['t', 1, 22n, 'meta'],
        ],
      );
      const simple = await fetchOffsets(c, 1, 'simple', [['t', [1]]]);
      assert.equal(simple.topics[0]?.partitions[0]?.committedOffset, 5n);
      const d = await describeGroup(c, 'durable');
      assert.equal(d?.groupState, 'Stable');
      assert.equal(d?.members[0]?.memberId, memberId);
      assert.equal(d?.members[0]?.memberAssignment.toString(), 'assignment');
      // The member goes on where it was: same id, same generation.
      assert.equal(await heartbeat(c, 4, 'durable', generationId, memberId), ErrorCode.NONE);
      await c.close();
    } finally {
      await tb.stop();
    }
  });

  test('expired offsets are removed with tombstones, and stay removed after a restart', async () => {
    const logDir = newDir();
    const properties = { ...GROUP_TEST_PROPERTIES, 'offsets.retention.check.interval.ms': '50' };
    let tb = await startTestBroker({ logDir, properties });
    let c = await TestClient.connect(tb.host, tb.port);
    await tb.broker.controller.createTopics(
      [{ name: 't', numPartitions: 1, replicationFactor: 1, assignments: null, configs: new Map() }],
      false,
    );
    await findCoordinator(c, 'expiring');
    // OffsetCommit v2-4 may carry a retention time: the commit expires at that time.
    await commit(c, 2, 'expiring', 't', { 0: 9 }, { retentionTimeMs: 1n });
    await commit(c, 2, 'kept', 't', { 0: 9 });
    await until('the expiry', async () => {
      const f = await fetchOffsets(c, 3, 'expiring', [['t', [0]]]);
      return f.topics[0]?.partitions[0]?.committedOffset === -1n;
    });
    // As in Kafka, expired offsets leave the cache first and their tombstones follow:
    // wait for the tombstones to be in the log rather than racing their append.
    await until('the offset tombstone', async () =>
      (await offsetsTopicRecords(tb)).some((r) => r.type === 'offset' && r.group === 'expiring' && r.value === null),
    );
    await until('the group to go', async () => (await describeGroup(c, 'expiring'))?.groupState === 'Dead');
    await until('the group tombstone', async () =>
      (await offsetsTopicRecords(tb)).some((r) => r.type === 'group' && r.group === 'expiring' && r.value === null),
    );
    await c.close();
    await tb.stop(true);
    tb = await startTestBroker({ logDir, properties });
    try {
      c = await TestClient.connect(tb.host, tb.port);
      await tb.broker.groups.coordinator.whenLoaded();
      assert.equal((await fetchOffsets(c, 3, 'expiring', [['t', [0]]])).topics[0]?.partitions[0]?.committedOffset, -1n);
      assert.equal((await fetchOffsets(c, 3, 'kept', [['t', [0]]])).topics[0]?.partitions[0]?.committedOffset, 9n);
      await c.close();
    } finally {
      await tb.stop();
    }
  });

  test('offsets of a deleted topic are removed', async () => {
    const tb = await startTestBroker({ properties: GROUP_TEST_PROPERTIES });
    const c = await TestClient.connect(tb.host, tb.port);
    try {
      await tb.broker.controller.createTopics(
        ['gone', 'stays'].map((name) => ({
          name,
          numPartitions: 1,
          replicationFactor: 1,
          assignments: null,
          configs: new Map(),
        })),
        false,
      );
      await findCoordinator(c, 'g');
      await commit(c, 8, 'g', 'gone', { 0: 1 });
      await commit(c, 8, 'g', 'stays', { 0: 2 });
      const topic = tb.broker.metadata.topicsByName.get('gone');
      await tb.broker.controller.deleteTopics([{ name: 'gone', topicId: topic?.topicId ?? null }]);
      await until('the offsets to go', async () => (await fetchOffsets(c, 7, 'g', null)).topics.length === 1);
      assert.deepEqual(
        (await fetchOffsets(c, 7, 'g', null)).topics.map((t) => t.name),
        ['stays'],
      );
    } finally {
      await c.close();
      await tb.stop();
    }
  });
});
