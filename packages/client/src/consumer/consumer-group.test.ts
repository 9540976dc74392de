/**
 * The consumer in a group against the in-process broker: splitting partitions, taking
 * over when a member leaves, auto and manual commits, cooperative-sticky rebalances,
 * static membership, read_committed.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { uniqueTopic, waitFor } from '@gregor/broker/e2e/support';
import { startTestBroker, type TestBroker } from '@gregor/broker/testing';
import kafkajs from 'kafkajs';
import { KafkaError } from '../errors.js';
import type { TopicPartition } from '../types.js';
import { deserializers } from '../types.js';
import { Consumer, type RebalanceListener } from './consumer.js';
import { FAST_GROUP_PROPERTIES, pollUntil, TestData, uniqueGroup } from './fixtures.js';
import type { ConsumerOptions } from './options.js';

const { Kafka, logLevel } = kafkajs;

const sortTp = (list: TopicPartition[]): string[] => list.map((tp) => `${tp.topic}:${tp.partition}`).sort();

/** A listener that records every call. */
class Recorder implements RebalanceListener {
  calls: Array<{ kind: 'revoked' | 'assigned' | 'lost'; partitions: number[] }> = [];
  onPartitionsRevoked(p: TopicPartition[]): void {
    this.calls.push({ kind: 'revoked', partitions: p.map((x) => x.partition).sort((a, b) => a - b) });
  }
  onPartitionsAssigned(p: TopicPartition[]): void {
    this.calls.push({ kind: 'assigned', partitions: p.map((x) => x.partition).sort((a, b) => a - b) });
  }
  onPartitionsLost(p: TopicPartition[]): void {
    this.calls.push({ kind: 'lost', partitions: p.map((x) => x.partition).sort((a, b) => a - b) });
  }
  revoked(): number[] {
    return this.calls.filter((c) => c.kind === 'revoked').flatMap((c) => c.partitions);
  }
}

describe('Consumer in a group', { timeout: 120_000 }, () => {
  let tb: TestBroker;
  let data: TestData;
  const open: Consumer<unknown, unknown>[] = [];

  function consumer<K = Buffer | null, V = Buffer | null>(options: Partial<ConsumerOptions<K, V>>): Consumer<K, V> {
    const c = new Consumer<K, V>({
      bootstrapServers: tb.bootstrap,
      fetchMaxWaitMs: 50,
      heartbeatIntervalMs: 100,
      sessionTimeoutMs: 3_000,
      maxPollIntervalMs: 20_000,
      autoOffsetReset: 'earliest',
      retryBackoffMs: 50,
      ...options,
    });
    open.push(c as Consumer<unknown, unknown>);
    return c;
  }

  before(async () => {
    tb = await startTestBroker({ properties: { ...FAST_GROUP_PROPERTIES } });
    data = new TestData(tb.bootstrap);
  });

  after(async () => {
    for (const c of open) await c.close().catch(() => undefined);
    await data?.close();
    await tb?.stop();
  });

  test('3 consumers split 6 partitions 2 each; when one closes the others take over', async () => {
    const topic = uniqueTopic('split');
    await data.createTopic(topic, 6);
    const groupId = uniqueGroup('split');
    const members = [0, 1, 2].map(() => consumer({ groupId }));
    for (const m of members) m.subscribe([topic]);
    await waitFor('2 partitions each', () => members.every((m) => m.assignment().length === 2), 20_000);
    const all = members.flatMap((m) => sortTp(m.assignment()));
    assert.equal(new Set(all).size, 6);
    const generation = members[0]?.groupMetadata().generationId ?? -1;
    assert.ok(generation > 0);
    await members[2]?.close();
    await waitFor(
      'the other two own all 6',
      () => members.slice(0, 2).every((m) => m.assignment().length === 3),
      20_000,
    );
    const rest = members.slice(0, 2).flatMap((m) => sortTp(m.assignment()));
    assert.equal(new Set(rest).size, 6);
    assert.ok((members[0]?.groupMetadata().generationId ?? 0) > generation);
  });

  test('unsubscribe revokes (listener, commit) and leaves; subscribing again rejoins', async () => {
    const topic = uniqueTopic('unsub');
    await data.createTopic(topic, 2);
    await data.produceValues(topic, 0, 5);
    await data.produceValues(topic, 1, 5);
    const groupId = uniqueGroup('unsub');
    const recorder = new Recorder();
    const a = consumer({ groupId });
    const b = consumer({ groupId });
    a.subscribe([topic], recorder);
    b.subscribe([topic]);
    await waitFor('1 each', () => a.assignment().length === 1 && b.assignment().length === 1, 20_000);
    const mine = a.assignment()[0] as TopicPartition;
    await pollUntil(
      () => a.poll({ timeoutMs: 100 }),
      (all) => all.length >= 5,
    );
    await a.poll({ timeoutMs: 0 }); // the 5 records are done with: committable
    a.unsubscribe();
    assert.deepEqual(a.assignment(), []);
    await waitFor('b owns both', () => b.assignment().length === 2, 20_000);
    assert.deepEqual(recorder.revoked(), [mine.partition]);
    assert.equal((await b.committed([mine])).get(`${topic}:${mine.partition}`), 5);
    a.subscribe([topic]);
    await waitFor('1 each again', () => a.assignment().length === 1 && b.assignment().length === 1, 20_000);
  });

  test('auto commit: a restarted member resumes exactly after what it had consumed', async () => {
    const topic = uniqueTopic('auto');
    await data.createTopic(topic, 2);
    await data.produceValues(topic, 0, 30);
    await data.produceValues(topic, 1, 30);
    const groupId = uniqueGroup('auto');
    const first = consumer({ groupId, autoCommitIntervalMs: 100 });
    first.subscribe([topic]);
    const got = await pollUntil(
      () => first.poll({ timeoutMs: 200 }),
      (all) => all.length >= 60,
    );
    assert.equal(got.length, 60);
    await first.close();
    const committed = await (async () => {
      const probe = consumer({ groupId });
      const c = await probe.committed([
        { topic, partition: 0 },
        { topic, partition: 1 },
      ]);
      await probe.close();
      return c;
    })();
    assert.deepEqual([...committed.values()], [30, 30]);
    await data.produceValues(topic, 0, 5, 'late');
    const second = consumer<string | null, string | null>({ groupId, valueDeserializer: deserializers.string });
    second.subscribe([topic]);
    const more = await pollUntil(
      () => second.poll({ timeoutMs: 200 }),
      (all) => all.length >= 5,
    );
    assert.deepEqual(
      more.map((r) => [r.partition, r.offset, r.value]),
      [0, 1, 2, 3, 4].map((i) => [0, 30 + i, `late-0-${i}`]),
    );
    // Nothing else arrives: nothing was consumed twice.
    assert.deepEqual(await second.poll({ timeoutMs: 300 }), []);
  });

  test('auto commit commits only records handed out before the latest poll (at-least-once)', async () => {
    const topic = uniqueTopic('alo');
    await data.createTopic(topic, 1);
    await data.produceValues(topic, 0, 10);
    const groupId = uniqueGroup('alo');
    const c = consumer({ groupId, autoCommitIntervalMs: 50, maxPollRecords: 4 });
    c.subscribe([topic]);
    const firstPoll = await pollUntil(
      () => c.poll({ timeoutMs: 200 }),
      (all) => all.length > 0,
    );
    const handedOut = firstPoll.at(-1)?.offset ?? -1;
    // Auto commit runs several times without another poll: the records just returned are
    // still being processed, so nothing past the previous poll may be committed.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const before = await c.committed([{ topic, partition: 0 }]);
    assert.ok((before.get(`${topic}:0`) ?? 0) <= firstPoll[0]!.offset, `committed ${before.get(`${topic}:0`)}`);
    await c.poll({ timeoutMs: 200 });
    await waitFor('the commit after the next poll', async () => {
      const now = await c.committed([{ topic, partition: 0 }]);
      return now.get(`${topic}:0`) === handedOut + 1;
    });
  });

  test('manual commit with auto commit off; committed() reads it back; commit of explicit offsets', async () => {
    const topic = uniqueTopic('manual');
    await data.createTopic(topic, 1);
    await data.produceValues(topic, 0, 20);
    const groupId = uniqueGroup('manual');
    const c = consumer({ groupId, enableAutoCommit: false, maxPollRecords: 7 });
    c.subscribe([topic]);
    const got = await pollUntil(
      () => c.poll({ timeoutMs: 200 }),
      (all) => all.length > 0,
    );
    const tp = { topic, partition: 0 };
    assert.equal((await c.committed([tp])).get(`${topic}:0`), null);
    await c.commit();
    assert.equal((await c.committed([tp])).get(`${topic}:0`), (got.at(-1)?.offset ?? 0) + 1);
    await c.commit([{ topic, partition: 0, offset: 15, metadata: 'm' }]);
    assert.equal((await c.committed([tp])).get(`${topic}:0`), 15);
    const done = await new Promise<Error | null>((resolve) => c.commitAsync([{ ...tp, offset: 17 }], resolve));
    assert.equal(done, null);
    assert.equal((await c.committed([tp])).get(`${topic}:0`), 17);
    await c.close();
    const next = consumer({ groupId, enableAutoCommit: false });
    next.subscribe([topic]);
    const resumed = await pollUntil(
      () => next.poll({ timeoutMs: 200 }),
      (all) => all.length >= 3,
    );
    assert.deepEqual(
      resumed.map((r) => r.offset),
      [17, 18, 19],
    );
  });

  test('assign() with a groupId: positions from committed offsets, commits as a simple consumer', async () => {
    const topic = uniqueTopic('simple');
    await data.createTopic(topic, 1);
    await data.produceValues(topic, 0, 10);
    const groupId = uniqueGroup('simple');
    const tp = { topic, partition: 0 };
    const a = consumer({ groupId, enableAutoCommit: false });
    a.assign([tp]);
    await a.commit([{ ...tp, offset: 6 }]);
    await a.close();
    const b = consumer({ groupId, enableAutoCommit: false });
    b.assign([tp]);
    const got = await pollUntil(
      () => b.poll({ timeoutMs: 200 }),
      (all) => all.length >= 4,
    );
    assert.deepEqual(
      got.map((r) => r.offset),
      [6, 7, 8, 9],
    );
  });

  test('cooperative-sticky: a joining member takes some partitions; the others are never revoked', async () => {
    const topic = uniqueTopic('coop');
    await data.createTopic(topic, 6);
    const groupId = uniqueGroup('coop');
    const options = { groupId, partitionAssignmentStrategy: ['cooperative-sticky'] as const };
    const r1 = new Recorder();
    const c1 = consumer(options);
    c1.subscribe([topic], r1);
    await waitFor('c1 owns all', () => c1.assignment().length === 6, 20_000);
    const r2 = new Recorder();
    const c2 = consumer(options);
    c2.subscribe([topic], r2);
    await waitFor('balanced 3 / 3', () => c1.assignment().length === 3 && c2.assignment().length === 3, 20_000);
    const kept = sortTp(c1.assignment());
    assert.equal(new Set([...kept, ...sortTp(c2.assignment())]).size, 6);
    // c1 revoked exactly the 3 partitions c2 got, and never those it kept.
    const revoked = r1.revoked();
    assert.equal(revoked.length, 3);
    assert.deepEqual(
      revoked.sort(),
      c2
        .assignment()
        .map((tp) => tp.partition)
        .sort(),
    );
    assert.ok(!revoked.some((p) => kept.includes(`${topic}:${p}`)));
    assert.deepEqual(r1.calls[0], { kind: 'assigned', partitions: [0, 1, 2, 3, 4, 5] });
    assert.equal(r2.revoked().length, 0);
    assert.ok(r1.calls.every((c) => c.kind !== 'lost'));
  });

  test('static membership: a restart within the session timeout gets the same partitions, no rebalance', async () => {
    const topic = uniqueTopic('static');
    await data.createTopic(topic, 4);
    const groupId = uniqueGroup('static');
    const ra = new Recorder();
    const a = consumer({ groupId, groupInstanceId: 'a', sessionTimeoutMs: 10_000 });
    const b1 = consumer({ groupId, groupInstanceId: 'b', sessionTimeoutMs: 10_000 });
    a.subscribe([topic], ra);
    b1.subscribe([topic]);
    await waitFor('2 each', () => a.assignment().length === 2 && b1.assignment().length === 2, 20_000);
    const aPartitions = sortTp(a.assignment());
    const bPartitions = sortTp(b1.assignment());
    const generation = a.groupMetadata().generationId;
    const callsBefore = ra.calls.length;
    await b1.close();
    const b2 = consumer({ groupId, groupInstanceId: 'b', sessionTimeoutMs: 10_000 });
    b2.subscribe([topic]);
    await waitFor('b back', () => b2.assignment().length === 2, 20_000);
    assert.deepEqual(sortTp(b2.assignment()), bPartitions);
    // a saw nothing: no revocation, same partitions, same generation.
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(ra.calls.length, callsBefore);
    assert.deepEqual(sortTp(a.assignment()), aPartitions);
    assert.equal(a.groupMetadata().generationId, generation);
  });

  test('a fenced static member (same group.instance.id twice) gets FENCED_INSTANCE_ID from poll', async () => {
    const topic = uniqueTopic('fenced');
    await data.createTopic(topic, 1);
    const groupId = uniqueGroup('fenced');
    const old = consumer({ groupId, groupInstanceId: 'same' });
    old.subscribe([topic]);
    await waitFor('old joined', () => old.assignment().length === 1, 20_000);
    const newer = consumer({ groupId, groupInstanceId: 'same' });
    newer.subscribe([topic]);
    await assert.rejects(
      pollUntil(
        () => old.poll({ timeoutMs: 200 }),
        () => false,
        15_000,
      ),
      (error: unknown) => error instanceof KafkaError && error.type === 'FENCED_INSTANCE_ID',
    );
  });

  test('RegExp subscription: matching topics, and a new matching topic rebalances in', async () => {
    const prefix = uniqueTopic('re');
    await data.createTopic(`${prefix}-a`, 1);
    await data.createTopic(`${prefix}-b`, 1);
    await data.createTopic(`${prefix}x-c`, 1);
    const c = consumer({ groupId: uniqueGroup('re'), metadataMaxAgeMs: 200 });
    c.subscribe(new RegExp(`^${prefix}-`));
    await waitFor('2 topics', () => c.assignment().length === 2, 20_000);
    assert.deepEqual(sortTp(c.assignment()), [`${prefix}-a:0`, `${prefix}-b:0`]);
    await data.createTopic(`${prefix}-d`, 2);
    await waitFor('the new topic joins', () => c.assignment().length === 4, 20_000);
  });

  test('removed from the group by an admin: UNKNOWN_MEMBER_ID on heartbeat, partitions lost, a new member id', async () => {
    const topic = uniqueTopic('removed');
    await data.createTopic(topic, 2);
    const groupId = uniqueGroup('removed');
    const recorder = new Recorder();
    const c = consumer({ groupId });
    c.subscribe([topic], recorder);
    await waitFor('joined', () => c.assignment().length === 2, 20_000);
    const before = c.groupMetadata();
    await data.removeMember(groupId, before.memberId);
    await waitFor(
      'rejoined as a new member',
      () => c.groupMetadata().memberId !== before.memberId && c.assignment().length === 2,
      20_000,
    );
    assert.ok(recorder.calls.some((call) => call.kind === 'lost' && call.partitions.length === 2));
    assert.ok(c.groupMetadata().generationId > before.generationId);
  });

  test('a subscribed topic that grows partitions rebalances them in', async () => {
    const topic = uniqueTopic('grow');
    await data.createTopic(topic, 2);
    const c = consumer({ groupId: uniqueGroup('grow'), metadataMaxAgeMs: 200 });
    c.subscribe([topic]);
    await waitFor('2 partitions', () => c.assignment().length === 2, 20_000);
    await data.createPartitions(topic, 5);
    await waitFor('5 partitions', () => c.assignment().length === 5, 20_000);
  });

  test('the leader watches topics only other members subscribe to', async () => {
    const t1 = uniqueTopic('watch-own');
    const t2 = uniqueTopic('watch-other');
    await data.createTopic(t1, 1);
    await data.createTopic(t2, 1);
    const groupId = uniqueGroup('watch');
    const leader = consumer({ groupId, metadataMaxAgeMs: 200 });
    leader.subscribe([t1]);
    await waitFor('leader joined', () => leader.assignment().length === 1, 20_000);
    const other = consumer({ groupId, metadataMaxAgeMs: 600_000 });
    other.subscribe([t2]);
    await waitFor('other joined', () => other.assignment().length === 1, 20_000);
    await data.createPartitions(t2, 3);
    await waitFor('other gets the new partitions', () => other.assignment().length === 3, 20_000);
    assert.deepEqual(sortTp(leader.assignment()), [`${t1}:0`]);
  });

  test('max.poll.interval.ms: a member that stops polling leaves; the other takes over; polling rejoins', async () => {
    const topic = uniqueTopic('slow');
    await data.createTopic(topic, 2);
    const groupId = uniqueGroup('slow');
    const lazyListener = new Recorder();
    const lazy = consumer({ groupId, maxPollIntervalMs: 600, enableAutoCommit: false });
    const busy = consumer({ groupId, maxPollIntervalMs: 20_000 });
    lazy.subscribe([topic], lazyListener);
    busy.subscribe([topic]);
    await lazy.poll({ timeoutMs: 0 });
    await waitFor('1 each', () => lazy.assignment().length === 1 && busy.assignment().length === 1, 20_000);
    // lazy does not poll: after 600 ms it leaves, its partition is lost, busy gets both.
    await waitFor('busy owns both', () => busy.assignment().length === 2, 20_000);
    assert.equal(lazy.assignment().length, 0);
    assert.ok(lazyListener.calls.some((c) => c.kind === 'lost'));
    // A commit now fails clearly: the member is out of the group.
    await assert.rejects(
      lazy.commit([{ topic, partition: 0, offset: 0 }]),
      (e: unknown) => e instanceof KafkaError && e.type === 'REBALANCE_IN_PROGRESS',
    );
    // Polling again rejoins.
    const polling = (async () => {
      while (lazy.assignment().length === 0) await lazy.poll({ timeoutMs: 50 });
    })();
    await waitFor('lazy is back', () => lazy.assignment().length === 1 && busy.assignment().length === 1, 20_000);
    await polling;
  });

  test('read_committed: only committed transactions, in order; read_uncommitted sees both', async () => {
    const topic = uniqueTopic('txn');
    await data.createTopic(topic, 1);
    const kafka = new Kafka({ clientId: 'txn', brokers: [tb.bootstrap], logLevel: logLevel.NOTHING });
    const producer = kafka.producer({ transactionalId: `${topic}-tx`, idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    try {
      await data.produceValues(topic, 0, 2, 'plain');
      const aborted = await producer.transaction();
      await aborted.send({ topic, messages: [{ value: 'aborted-1' }, { value: 'aborted-2' }] });
      await aborted.abort();
      const committed = await producer.transaction();
      await committed.send({ topic, messages: [{ value: 'committed-1' }] });
      await committed.send({ topic, messages: [{ value: 'committed-2' }] });
      await committed.commit();
      await data.produceValues(topic, 0, 1, 'tail');
    } finally {
      await producer.disconnect();
    }
    const rc = consumer<string | null, string | null>({
      isolationLevel: 'read_committed',
      valueDeserializer: deserializers.string,
    });
    rc.assign([{ topic, partition: 0 }]);
    const got = await pollUntil(
      () => rc.poll({ timeoutMs: 200 }),
      (all) => all.some((r) => r.value === 'tail-0-0'),
    );
    assert.deepEqual(
      got.map((r) => r.value),
      ['plain-0-0', 'plain-0-1', 'committed-1', 'committed-2', 'tail-0-0'],
    );
    const offsets = got.map((r) => r.offset);
    assert.deepEqual(
      offsets,
      [...offsets].sort((x, y) => x - y),
    );
    const ru = consumer<string | null, string | null>({ valueDeserializer: deserializers.string });
    ru.assign([{ topic, partition: 0 }]);
    const all = await pollUntil(
      () => ru.poll({ timeoutMs: 200 }),
      (list) => list.some((r) => r.value === 'tail-0-0'),
    );
    assert.deepEqual(
      all.map((r) => r.value),
      ['plain-0-0', 'plain-0-1', 'aborted-1', 'aborted-2', 'committed-1', 'committed-2', 'tail-0-0'],
    );
  });
});
