/**
 * Review regressions: paused partitions' buffered data must not stop the fetching of
 * the others; lost partitions leave auto commit; a seek forgets the leader epoch of the
 * records before it; leaving after max.poll.interval.ms stops the heartbeats first.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { uniqueTopic, waitFor } from '@gregor/broker/e2e/support';
import { startTestBroker, type TestBroker } from '@gregor/broker/testing';
import { buildRecordBatch, FetchResponse } from '@gregor/protocol';
import { FetchableTopicResponse, PartitionData } from '@gregor/protocol/generated/messages/fetch-response';
import { ConfigError, KafkaError } from '../errors.js';
import type { Cluster } from '../network/cluster.js';
import { Consumer, type PollOptions } from './consumer.js';
import { Fetcher, PartitionState } from './fetcher.js';
import { FAST_GROUP_PROPERTIES, pollUntil, TestData, uniqueGroup } from './fixtures.js';
import { type ConsumerOptions, type ResolvedConsumerOptions, resolveConsumerOptions } from './options.js';

interface Internals {
  committable: Map<string, unknown>;
  lastCommitted: Map<string, number>;
  fetcher: { positions(): Map<string, { leaderEpoch: number }> };
  group: { state: string; heartbeatTimer: unknown; leaveForPollTimeout(): Promise<void> } | null;
}
const internals = (c: Consumer): Internals => c as unknown as Internals;

describe('consumer review regressions', { timeout: 60_000 }, () => {
  let tb: TestBroker;
  let data: TestData;
  const open: Consumer[] = [];

  function consumer(options: Partial<ConsumerOptions<Buffer | null, Buffer | null>>): Consumer {
    const c = new Consumer({
      bootstrapServers: tb.bootstrap,
      fetchMaxWaitMs: 50,
      heartbeatIntervalMs: 100,
      sessionTimeoutMs: 3_000,
      autoOffsetReset: 'earliest',
      retryBackoffMs: 50,
      ...options,
    });
    open.push(c);
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

  test('a paused partition holding fetchMaxBytes of buffered data does not stop the others', async () => {
    const topic = uniqueTopic('paused-full');
    await data.createTopic(topic, 2);
    await data.produce(
      topic,
      0,
      Array.from({ length: 10 }, (_, i) => ({ value: Buffer.alloc(1_000, i), timestamp: 1 })),
    );
    const c = consumer({ fetchMaxBytes: 2_000, maxPollRecords: 1 });
    const p0 = { topic, partition: 0 };
    const p1 = { topic, partition: 1 };
    c.assign([p0, p1]);
    await pollUntil(
      () => c.poll({ timeoutMs: 200 }),
      (all) => all.length > 0,
    );
    // p0's batch (10 KB, over fetchMaxBytes) stays buffered while p0 is paused.
    c.pause([p0]);
    await data.produceValues(topic, 1, 5);
    const got = await pollUntil(
      () => c.poll({ timeoutMs: 200 }),
      (all) => all.length >= 5,
      10_000,
    );
    assert.deepEqual(
      got.map((r) => `${r.partition}:${r.offset}`),
      ['1:0', '1:1', '1:2', '1:3', '1:4'],
    );
  });

  test('partitions lost (removed from the group) are dropped from what auto commit commits', async () => {
    const topic = uniqueTopic('lost-commit');
    await data.createTopic(topic, 1);
    await data.produceValues(topic, 0, 10);
    const groupId = uniqueGroup('lost-commit');
    // A long interval: the test looks at what the next auto commit would send.
    const c = consumer({ groupId, autoCommitIntervalMs: 60_000 });
    c.subscribe([topic]);
    await pollUntil(
      () => c.poll({ timeoutMs: 200 }),
      (all) => all.length >= 10,
    );
    await c.poll({ timeoutMs: 0 });
    await c.commit();
    const key = `${topic}:0`;
    assert.equal(internals(c).committable.has(key), true);
    assert.equal(internals(c).lastCommitted.has(key), true);
    const before = c.groupMetadata();
    await data.removeMember(groupId, before.memberId);
    await waitFor('partitions lost', () => c.groupMetadata().memberId !== before.memberId, 20_000);
    assert.equal(internals(c).committable.has(key), false, 'a lost partition is not committed by auto commit');
    // Once owned again, its position is committed even if it equals what this member committed before.
    assert.equal(internals(c).lastCommitted.has(key), false);
  });

  test('a seek forgets the leader epoch of the records before it', async () => {
    const topic = uniqueTopic('seek-epoch');
    await data.createTopic(topic, 1);
    await data.produceValues(topic, 0, 5);
    const c = consumer({});
    const tp = { topic, partition: 0 };
    c.assign([tp]);
    const got = await pollUntil(
      () => c.poll({ timeoutMs: 200 }),
      (all) => all.length >= 5,
    );
    assert.ok((got[0]?.leaderEpoch ?? -1) >= 0, 'the broker stamps a leader epoch');
    c.seek(tp, 2);
    assert.equal(internals(c).fetcher.positions().get(`${topic}:0`)?.leaderEpoch, -1);
  });

  test('leaving after max.poll.interval.ms stops the heartbeats before the LeaveGroup', async () => {
    const topic = uniqueTopic('poll-leave');
    await data.createTopic(topic, 1);
    const groupId = uniqueGroup('poll-leave');
    const c = consumer({ groupId });
    c.subscribe([topic]);
    await waitFor('joined', () => c.assignment().length === 1, 20_000);
    const group = internals(c).group;
    assert.ok(group !== null);
    const leaving = group.leaveForPollTimeout();
    // A heartbeat after LeaveGroup would get UNKNOWN_MEMBER_ID and rejoin the group.
    assert.equal(group.heartbeatTimer, null);
    assert.notEqual(group.state, 'stable');
    await leaving;
  });

  test('bad arguments are ConfigErrors, not TypeErrors; a bad signal leaves nothing behind', async () => {
    const isConfigError = (error: unknown): boolean => error instanceof ConfigError;
    assert.throws(
      () =>
        new Consumer({
          bootstrapServers: tb.bootstrap,
          partitionAssignmentStrategy: [null as unknown as 'range'],
        }),
      isConfigError,
    );
    const c = consumer({ groupId: uniqueGroup('bad-args') });
    await assert.rejects(c.poll(null as unknown as PollOptions), isConfigError);
    await assert.rejects(c.poll({ timeoutMs: 10, signal: 5 as unknown as AbortSignal }), isConfigError);
    await assert.rejects(
      c.commit([{ topic: 't', partition: 0, offset: 1, metadata: 5 as unknown as string }]),
      isConfigError,
    );
    await c.close();
  });

  test('eager: heartbeats answered REBALANCE_IN_PROGRESS during a slow revocation do not cause another rebalance', async () => {
    const topic = uniqueTopic('slow-revoke');
    await data.createTopic(topic, 2);
    const groupId = uniqueGroup('slow-revoke');
    let revocations = 0;
    const slow = {
      async onPartitionsRevoked(): Promise<void> {
        revocations++;
        // Several heartbeat intervals: the coordinator answers them REBALANCE_IN_PROGRESS.
        await new Promise((resolve) => setTimeout(resolve, 600));
      },
    };
    const options = { groupId, partitionAssignmentStrategy: ['range' as const] };
    const a = consumer(options);
    a.subscribe([topic], slow);
    await waitFor('a joined', () => a.assignment().length === 2, 20_000);
    const b = consumer(options);
    b.subscribe([topic], slow);
    await waitFor('split', () => a.assignment().length === 1 && b.assignment().length === 1, 20_000);
    const generation = a.groupMetadata().generationId;
    // A needless rejoin would show as a later generation (and, both being slow, go on).
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    assert.equal(a.groupMetadata().generationId, generation);
    assert.equal(revocations, 1, 'one rebalance, one revocation (a had partitions, b none)');
  });

  test('heartbeats go on while onPartitionsAssigned runs longer than the session timeout', async () => {
    const topic = uniqueTopic('slow-assign');
    await data.createTopic(topic, 1);
    const groupId = uniqueGroup('slow-assign');
    const calls: string[] = [];
    let assignedDone = false;
    const c = consumer({ groupId, sessionTimeoutMs: 500, heartbeatIntervalMs: 50 });
    c.subscribe([topic], {
      async onPartitionsAssigned(): Promise<void> {
        calls.push('assigned');
        if (calls.length === 1) await new Promise((resolve) => setTimeout(resolve, 1_500));
        assignedDone = true;
      },
      onPartitionsLost(): void {
        calls.push('lost');
      },
    });
    await waitFor('listener done', () => assignedDone, 20_000);
    const member = c.groupMetadata();
    // Expired by the coordinator, the member would learn it from its next heartbeat.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    assert.deepEqual(calls, ['assigned']);
    assert.equal(c.groupMetadata().memberId, member.memberId);
  });

  test('a commit refused for a past generation does not drop the partitions of the current one', async () => {
    const topic = uniqueTopic('stale-commit');
    await data.createTopic(topic, 1);
    const groupId = uniqueGroup('stale-commit');
    const calls: string[] = [];
    const c = consumer({ groupId, enableAutoCommit: false });
    c.subscribe([topic], { onPartitionsLost: () => void calls.push('lost') });
    await waitFor('joined', () => c.assignment().length === 1, 20_000);
    const group = internals(c).group as unknown as {
      generationId: number;
      commit(offsets: unknown[], subscribed: boolean): Promise<void>;
    };
    // As a commit sent (or retried) in the generation before a rebalance the member went through.
    const current = group.generationId;
    group.generationId = current - 1;
    const committing = group.commit([{ topic, partition: 0, offset: 0 }], true);
    group.generationId = current;
    await assert.rejects(committing, (error: unknown) => error instanceof KafkaError && error.code === 22);
    assert.deepEqual(calls, []);
    assert.equal(c.assignment().length, 1);
    assert.equal(c.groupMetadata().generationId, current);
  });

  test('max.poll.interval.ms of Integer.MAX_VALUE (as Kafka Streams sets it) joins; huge poll timeouts wait', async () => {
    const topic = uniqueTopic('max-int');
    await data.createTopic(topic, 1);
    const warnings: string[] = [];
    const onWarning = (warning: Error): void => {
      warnings.push(warning.name);
    };
    process.on('warning', onWarning);
    try {
      const c = consumer({ groupId: uniqueGroup('max-int'), maxPollIntervalMs: 2_147_483_647 });
      c.subscribe([topic]);
      await waitFor('joined', () => c.assignment().length === 1, 20_000);
      // Kafka's poll(Long.MAX_VALUE): a timer cannot wait that long, it must not fire at once either.
      const abort = new AbortController();
      const polling = c.poll({ timeoutMs: Number.MAX_SAFE_INTEGER, signal: abort.signal });
      await new Promise((resolve) => setTimeout(resolve, 100));
      abort.abort();
      await assert.rejects(polling, { name: 'AbortError' });
      await new Promise((resolve) => setImmediate(resolve));
      assert.deepEqual(
        warnings.filter((w) => w === 'TimeoutOverflowWarning'),
        [],
      );
    } finally {
      process.off('warning', onWarning);
    }
    // Kafka's int settings: beyond int32 they are refused, not turned into 1 ms timers.
    assert.throws(
      () => new Consumer({ bootstrapServers: tb.bootstrap, autoCommitIntervalMs: 2 ** 31 }),
      (error: unknown) => error instanceof ConfigError,
    );
  });
});

describe('fetcher without a broker', () => {
  test('a partition answered with only part of a batch (fetch.max.bytes used up by others) is no error', () => {
    // Apache Kafka cuts the partitions after the first at the response's byte limit,
    // batch boundaries or not: the partition is simply fetched again.
    const options = resolveConsumerOptions({ bootstrapServers: '127.0.0.1:9' });
    const cluster = { topic: () => undefined } as unknown as Cluster;
    const fetcher = new Fetcher(cluster, options as unknown as ResolvedConsumerOptions<unknown, unknown>);
    const whole = new PartitionState('t', 0);
    const cut = new PartitionState('t', 1);
    const expected = new Map<string, { state: PartitionState; epoch: number; offset: number }>();
    const t = new FetchableTopicResponse();
    t.topic = 't';
    const batch = buildRecordBatch({ records: [{ value: Buffer.alloc(200), timestamp: 1 }] });
    for (const [state, records] of [
      [whole, batch],
      [cut, batch.subarray(0, 100)],
    ] as const) {
      state.seek(0);
      fetcher.partitions.set(state.key, state);
      expected.set(state.key, { state, epoch: state.epoch, offset: 0 });
      const p = new PartitionData();
      p.partitionIndex = state.partition;
      p.highWatermark = 1n;
      p.records = records;
      t.partitions.push(p);
    }
    const response = new FetchResponse();
    response.responses = [t];
    (fetcher as unknown as { handleResponse(...args: unknown[]): void }).handleResponse(0, response, expected, null);
    assert.equal(fetcher.takeError(), undefined);
    assert.equal(whole.fetchOffset, 1);
    assert.equal(cut.fetchOffset, 0, 'fetched again from the same offset');
    fetcher.close();
  });
});
