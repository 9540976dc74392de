import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { waitFor } from '@gregor/broker/e2e/support';
import { ConsumerProtocolAssignment, encodeMessage } from '@gregor/protocol';
import { TopicPartition as AssignedTopic } from '@gregor/protocol/generated/messages/consumer-protocol-assignment';
import type { Consumer } from 'kafkajs';
import { ConfigError, KafkaError } from '../errors.js';
import { type Fixture, produce, rejectsWithItems, startFixture, unique } from './fixtures.js';
import { decodeAssignment } from './groups.js';

/** Short timeouts so that a KafkaJS group forms and leaves in a fraction of a second. */
const CONSUMER_CONFIG = { sessionTimeout: 3000, heartbeatInterval: 100, rebalanceTimeout: 5000, maxWaitTimeInMs: 100 };

describe('decodeAssignment', () => {
  it('decodes every version, tolerates newer ones and bad bytes', () => {
    const a = new ConsumerProtocolAssignment();
    const t = new AssignedTopic();
    t.topic = 'orders';
    t.partitions = [2, 0];
    a.assignedPartitions = [t];
    for (const version of [0, 1, 3]) {
      const body = encodeMessage(ConsumerProtocolAssignment, a, version);
      const bytes = Buffer.concat([Buffer.from([0, version]), body]);
      assert.deepEqual(decodeAssignment(bytes), [
        { topic: 'orders', partition: 0 },
        { topic: 'orders', partition: 2 },
      ]);
    }
    // A future version with fields appended: the known prefix is read.
    const future = Buffer.concat([
      Buffer.from([0, 9]),
      encodeMessage(ConsumerProtocolAssignment, a, 3),
      Buffer.from([1, 2]),
    ]);
    assert.equal(decodeAssignment(future).length, 2);
    assert.deepEqual(decodeAssignment(Buffer.alloc(0)), []);
    assert.deepEqual(decodeAssignment(Buffer.from([0, 0, 0xff])), []);
    assert.deepEqual(decodeAssignment(Buffer.from([0xff, 0xff, 0, 0, 0, 0])), []);
  });
});

describe('Admin consumer groups', { timeout: 60_000 }, () => {
  let f: Fixture;
  const consumers: Consumer[] = [];
  before(async () => {
    f = await startFixture({ 'group.initial.rebalance.delay.ms': '0', 'group.min.session.timeout.ms': '100' });
  });
  after(async () => {
    for (const c of consumers) await c.disconnect().catch(() => undefined);
    await f?.stop();
  });

  /** A topic with `counts[p]` records in partition p. */
  async function topicWith(counts: readonly number[]): Promise<string> {
    const topic = unique('grp-topic');
    await f.admin.createTopics([{ name: topic, numPartitions: counts.length }]);
    for (let p = 0; p < counts.length; p++) {
      const n = counts[p] as number;
      if (n > 0)
        await produce(
          f.kafka,
          topic,
          p,
          Array.from({ length: n }, (_, i) => `r${i}`),
        );
    }
    return topic;
  }

  async function startConsumer(groupId: string, topic: string): Promise<Consumer> {
    const consumer = f.kafka.consumer({ groupId, ...CONSUMER_CONFIG });
    consumers.push(consumer);
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({ eachMessage: async () => {} });
    return consumer;
  }

  it('an unknown group is Dead', async () => {
    const groupId = unique('nobody');
    const [d] = await f.admin.describeGroups([groupId]);
    assert.deepEqual(d, { groupId, state: 'Dead', protocolType: '', protocol: '', members: [] });
  });

  it('alters offsets of an empty group and lists them with their lag', async () => {
    const topic = await topicWith([10, 4, 0]);
    const groupId = unique('lag');
    await f.admin.alterGroupOffsets(groupId, [
      { topic, partition: 0, offset: 3, metadata: 'from-admin' },
      { topic, partition: 1, offset: 4 },
    ]);
    const offsets = await f.admin.listGroupOffsets(groupId);
    assert.deepEqual(offsets, [
      { topic, partition: 0, offset: 3, metadata: 'from-admin', leaderEpoch: -1, logEndOffset: 10, lag: 7 },
      { topic, partition: 1, offset: 4, metadata: '', leaderEpoch: -1, logEndOffset: 4, lag: 0 },
    ]);
    // Partitions asked for: one without a commit shows -1.
    const some = await f.admin.listGroupOffsets(groupId, {
      partitions: [
        { topic, partition: 2 },
        { topic, partition: 0 },
      ],
      requireStable: true,
    });
    assert.deepEqual(
      some.map((o) => [o.partition, o.offset, o.logEndOffset, o.lag]),
      [
        [2, -1, 0, -1],
        [0, 3, 10, 7],
      ],
    );
    const listed = await f.admin.listGroups();
    assert.deepEqual(
      listed.find((g) => g.groupId === groupId),
      { groupId, protocolType: '', state: 'Empty' },
    );
    assert.deepEqual(await f.admin.listGroupOffsets(unique('no-offsets')), []);
    await assert.rejects(f.admin.alterGroupOffsets(groupId, [{ topic, partition: 0, offset: -1 }]), ConfigError);
    await assert.rejects(f.admin.listGroupOffsets(''), ConfigError);
  });

  it('reports a commit to an unknown topic for that partition', async () => {
    const groupId = unique('unknown-topic');
    const missing = unique('missing');
    await rejectsWithItems(
      f.admin.alterGroupOffsets(groupId, [{ topic: missing, partition: 0, offset: 1 }], { timeoutMs: 60_000 }),
      [{ type: 'UNKNOWN_TOPIC_OR_PARTITION', topic: missing, partition: 0 }],
    );
  });

  it('with a live KafkaJS consumer: describes members and assignments; refuses resets and deletes', async () => {
    const topic = await topicWith([3, 3, 3]);
    const groupId = unique('live');
    const consumer = await startConsumer(groupId, topic);
    let described = (await f.admin.describeGroups([groupId]))[0];
    await waitFor(
      'the group to be Stable',
      async () => {
        described = (await f.admin.describeGroups([groupId]))[0];
        return described?.state === 'Stable';
      },
      20_000,
      50,
    );
    assert.equal(described?.protocolType, 'consumer');
    assert.equal(described?.protocol, 'RoundRobinAssigner');
    assert.equal(described?.members.length, 1);
    const member = described?.members[0];
    assert.equal(member?.clientId, 'admin-test-kafkajs');
    assert.ok((member?.memberId ?? '').length > 0);
    assert.ok((member?.clientHost ?? '').length > 0);
    assert.equal(member?.groupInstanceId, null);
    assert.deepEqual(member?.assignment, [
      { topic, partition: 0 },
      { topic, partition: 1 },
      { topic, partition: 2 },
    ]);

    const stable = await f.admin.listGroups({ states: ['Stable'] });
    assert.ok(stable.some((g) => g.groupId === groupId && g.protocolType === 'consumer' && g.state === 'Stable'));
    assert.ok(!(await f.admin.listGroups({ states: ['Empty'] })).some((g) => g.groupId === groupId));

    await assert.rejects(f.admin.resetGroupOffsets(groupId, { topics: [topic], to: 'earliest' }), (e: unknown) => {
      assert.ok(e instanceof KafkaError);
      assert.equal(e.type, 'NON_EMPTY_GROUP');
      assert.equal(e.topic, groupId);
      assert.match(e.message, /it is Stable with 1 member\(s\)/);
      return true;
    });
    await assert.rejects(f.admin.alterGroupOffsets(groupId, [{ topic, partition: 0, offset: 0 }]), (e: unknown) => {
      assert.ok(e instanceof KafkaError);
      assert.equal(e.type, 'UNKNOWN_MEMBER_ID');
      assert.match(e.message, /has active members/);
      return true;
    });
    await rejectsWithItems(f.admin.deleteGroups([groupId]), [{ type: 'NON_EMPTY_GROUP', topic: groupId }]);

    // The consumer commits as it consumes: all 3 records per partition, so no lag.
    await waitFor(
      'the consumer to commit',
      async () => {
        const offsets = await f.admin.listGroupOffsets(groupId);
        return offsets.length === 3 && offsets.every((o) => o.offset === 3 && o.lag === 0);
      },
      20_000,
      50,
    );
    await rejectsWithItems(f.admin.deleteGroupOffsets(groupId, [{ topic, partition: 0 }]), [
      { type: 'GROUP_SUBSCRIBED_TO_TOPIC', topic, partition: 0 },
    ]);

    await consumer.disconnect();
    await waitFor('the group to be Empty', async () => (await f.admin.describeGroups([groupId]))[0]?.state === 'Empty');
    const reset = await f.admin.resetGroupOffsets(groupId, { topics: [topic], to: 'earliest' });
    assert.deepEqual(
      reset.map((r) => [r.partition, r.previous, r.offset]),
      [
        [0, 3, 0],
        [1, 3, 0],
        [2, 3, 0],
      ],
    );
    await f.admin.deleteGroupOffsets(groupId, [{ topic, partition: 2 }]);
    assert.deepEqual(
      (await f.admin.listGroupOffsets(groupId)).map((o) => o.partition),
      [0, 1],
    );
    await f.admin.deleteGroups([groupId]);
    assert.equal((await f.admin.describeGroups([groupId]))[0]?.state, 'Dead');
    assert.deepEqual(await f.admin.listGroupOffsets(groupId), []);
  });

  it('resets offsets to earliest, latest, an offset, a time, or by a shift (clamped)', async () => {
    const topic = unique('reset');
    await f.admin.createTopics([{ name: topic, numPartitions: 2 }]);
    const base = Date.now() - 60_000;
    const stamps = Array.from({ length: 10 }, (_, i) => base + i * 10);
    await produce(
      f.kafka,
      topic,
      0,
      stamps.map((_, i) => `r${i}`),
      stamps,
    );
    await produce(f.kafka, topic, 1, ['a', 'b', 'c', 'd']);
    await f.admin.deleteRecords([{ topic, partition: 1, offset: 1 }]);
    const groupId = unique('reset-group');
    const p0 = { topic, partition: 0 };
    const p1 = { topic, partition: 1 };
    const offsets = async () => (await f.admin.listGroupOffsets(groupId)).map((o) => o.offset);

    // No commits yet: shifting has nothing to shift from.
    await assert.rejects(f.admin.resetGroupOffsets(groupId, { topics: [topic], to: { shiftBy: 1 } }), ConfigError);

    const dry = await f.admin.resetGroupOffsets(groupId, { topics: [topic], to: 'latest', dryRun: true });
    assert.deepEqual(dry, [
      { topic, partition: 0, previous: null, offset: 10 },
      { topic, partition: 1, previous: null, offset: 4 },
    ]);
    assert.deepEqual(await offsets(), []);

    await f.admin.resetGroupOffsets(groupId, { topics: [topic], to: 'earliest' });
    assert.deepEqual(await offsets(), [0, 1]);
    await f.admin.resetGroupOffsets(groupId, { topics: [topic], to: 'latest' });
    assert.deepEqual(await offsets(), [10, 4]);
    await f.admin.resetGroupOffsets(groupId, { topics: [topic], to: { shiftBy: -3 } });
    assert.deepEqual(await offsets(), [7, 1]);
    await f.admin.resetGroupOffsets(groupId, { topics: [topic], to: { shiftBy: 100 } });
    assert.deepEqual(await offsets(), [10, 4]);
    await f.admin.resetGroupOffsets(groupId, { topics: [p1], to: { offset: 0 } });
    assert.deepEqual(await offsets(), [10, 1]);
    const byTime = await f.admin.resetGroupOffsets(groupId, { topics: [p0], to: { timestamp: base + 45 } });
    assert.deepEqual(byTime, [{ topic, partition: 0, previous: 10, offset: 5 }]);
    // No record at or after the time: the end of the log.
    await f.admin.resetGroupOffsets(groupId, { topics: [p0], to: { offset: 2 } });
    const late = await f.admin.resetGroupOffsets(groupId, { topics: [p0], to: { timestamp: Date.now() + 60_000 } });
    assert.deepEqual(late, [{ topic, partition: 0, previous: 2, offset: 10 }]);

    const missing = unique('reset-missing');
    await rejectsWithItems(f.admin.resetGroupOffsets(groupId, { topics: [missing], to: 'earliest' }), [
      { type: 'UNKNOWN_TOPIC_OR_PARTITION', topic: missing },
    ]);
    await assert.rejects(
      f.admin.resetGroupOffsets(groupId, { topics: [topic], to: { shiftBy: 1.5 } as { shiftBy: number } }),
      ConfigError,
    );
    await assert.rejects(f.admin.resetGroupOffsets(groupId, { topics: [], to: 'earliest' }), ConfigError);
  });

  it('deletes several groups, reporting unknown ones', async () => {
    const topic = await topicWith([1]);
    const a = unique('del-a');
    const b = unique('del-b');
    await f.admin.alterGroupOffsets(a, [{ topic, partition: 0, offset: 1 }]);
    await f.admin.alterGroupOffsets(b, [{ topic, partition: 0, offset: 0 }]);
    const missing = unique('del-missing');
    await rejectsWithItems(f.admin.deleteGroups([a, missing, b]), [{ type: 'GROUP_ID_NOT_FOUND', topic: missing }]);
    const described = await f.admin.describeGroups([a, b]);
    assert.deepEqual(
      described.map((d) => d.state),
      ['Dead', 'Dead'],
    );
    await assert.rejects(f.admin.describeGroups([a, a]), ConfigError);
  });
});
