/**
 * The consumer without a group: assign(), positions from earliest / latest / seek,
 * every record of a multi-partition topic in order, all codecs, headers, null keys and
 * values, pause/resume, offsetsForTimes, the async iterator, errors.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { uniqueTopic, waitFor } from '@gregor/broker/e2e/support';
import { startTestBroker, type TestBroker } from '@gregor/broker/testing';
import { Compression } from '@gregor/protocol';
import { ClientClosedError, ConfigError, KafkaError } from '../errors.js';
import type { Cluster } from '../network/cluster.js';
import { deserializers } from '../types.js';
import { Consumer } from './consumer.js';
import { pollUntil, TestData } from './fixtures.js';
import type { ConsumerRecord } from './records.js';

describe('Consumer with assign()', { timeout: 60_000 }, () => {
  let tb: TestBroker;
  let data: TestData;
  const open: Consumer<unknown, unknown>[] = [];

  function consumer<K = Buffer | null, V = Buffer | null>(
    extra: Partial<ConstructorParameters<typeof Consumer<K, V>>[0]> = {},
  ): Consumer<K, V> {
    const c = new Consumer<K, V>({ bootstrapServers: tb.bootstrap, fetchMaxWaitMs: 50, ...extra });
    open.push(c as Consumer<unknown, unknown>);
    return c;
  }

  before(async () => {
    tb = await startTestBroker();
    data = new TestData(tb.bootstrap);
  });

  after(async () => {
    for (const c of open) await c.close().catch(() => undefined);
    await data?.close();
    await tb?.stop();
  });

  test('reads every record of a 3-partition topic in order per partition, from earliest', async () => {
    const topic = uniqueTopic('assign-all');
    await data.createTopic(topic, 3);
    for (let p = 0; p < 3; p++) await data.produceValues(topic, p, 250, 'v', 40);
    const c = consumer<string | null, string | null>({
      autoOffsetReset: 'earliest',
      keyDeserializer: deserializers.string,
      valueDeserializer: deserializers.string,
      maxPollRecords: 77,
    });
    c.assign([0, 1, 2].map((partition) => ({ topic, partition })));
    const all = await pollUntil(
      () => c.poll({ timeoutMs: 200 }),
      (got) => got.length >= 750,
    );
    assert.equal(all.length, 750);
    for (let p = 0; p < 3; p++) {
      const mine = all.filter((r) => r.partition === p);
      assert.deepEqual(
        mine.map((r) => r.offset),
        Array.from({ length: 250 }, (_, i) => i),
      );
      assert.deepEqual(
        mine.map((r) => r.value),
        Array.from({ length: 250 }, (_, i) => `v-${p}-${i}`),
      );
      assert.equal(mine[3]?.key, 'k-3');
      assert.equal(c.position({ topic, partition: p }), 250);
    }
    assert.ok(all.every((r) => r.timestampType === 'CreateTime' && r.topic === topic));
  });

  test('latest starts at the end; seek and seekToBeginning move the position', async () => {
    const topic = uniqueTopic('assign-latest');
    await data.createTopic(topic, 1);
    await data.produceValues(topic, 0, 10, 'old');
    const c = consumer({ autoOffsetReset: 'latest' });
    const tp = { topic, partition: 0 };
    c.assign([tp]);
    assert.deepEqual(await c.poll({ timeoutMs: 300 }), []);
    await data.produceValues(topic, 0, 5, 'new');
    const fresh = await pollUntil(
      () => c.poll({ timeoutMs: 200 }),
      (got) => got.length >= 5,
    );
    assert.deepEqual(
      fresh.map((r) => r.offset),
      [10, 11, 12, 13, 14],
    );
    c.seek(tp, 3);
    const fromThree = await pollUntil(
      () => c.poll({ timeoutMs: 200 }),
      (got) => got.length >= 12,
    );
    assert.deepEqual(
      fromThree.map((r) => r.offset),
      Array.from({ length: 12 }, (_, i) => i + 3),
    );
    c.seekToBeginning([tp]);
    const again = await pollUntil(
      () => c.poll({ timeoutMs: 200 }),
      (got) => got.length >= 15,
    );
    assert.equal(again[0]?.offset, 0);
    assert.equal(again.length, 15);
    c.seekToEnd();
    assert.deepEqual(await c.poll({ timeoutMs: 200 }), []);
    await data.produceValues(topic, 0, 1, 'end');
    const last = await pollUntil(
      () => c.poll({ timeoutMs: 200 }),
      (got) => got.length >= 1,
    );
    assert.equal(last[0]?.offset, 15);
  });

  for (const [name, compression] of Object.entries(Compression)) {
    test(`codec ${name}: keys, values, headers and nulls come back exactly`, async () => {
      const topic = uniqueTopic(`codec-${name.toLowerCase()}`);
      await data.createTopic(topic, 1);
      const t0 = Date.now() - 10_000;
      await data.produce(
        topic,
        0,
        [
          {
            key: 'a',
            value: 'A'.repeat(300),
            timestamp: t0,
            headers: [
              { key: 'h1', value: 'x' },
              { key: 'h1', value: null },
            ],
          },
          { key: null, value: 'no key', timestamp: t0 + 1 },
          { key: 'tomb', value: null, timestamp: t0 + 2 },
          { key: null, value: null, timestamp: t0 + 3, headers: [{ key: 'only', value: Buffer.from([0, 255]) }] },
        ],
        { compression },
      );
      const c = consumer({ autoOffsetReset: 'earliest' });
      c.assign([{ topic, partition: 0 }]);
      const got = await pollUntil(
        () => c.poll({ timeoutMs: 200 }),
        (all) => all.length >= 4,
      );
      const plain = got.map((r) => ({
        offset: r.offset,
        timestamp: r.timestamp,
        key: r.key?.toString() ?? null,
        value: r.value?.toString() ?? null,
        headers: r.headers.map((h) => [h.key, h.value === null ? null : [...h.value]]),
      }));
      assert.deepEqual(plain, [
        {
          offset: 0,
          timestamp: t0,
          key: 'a',
          value: 'A'.repeat(300),
          headers: [
            ['h1', [...Buffer.from('x')]],
            ['h1', null],
          ],
        },
        { offset: 1, timestamp: t0 + 1, key: null, value: 'no key', headers: [] },
        { offset: 2, timestamp: t0 + 2, key: 'tomb', value: null, headers: [] },
        { offset: 3, timestamp: t0 + 3, key: null, value: null, headers: [['only', [0, 255]]] },
      ]);
    });
  }

  test('pause keeps buffered records unreturned; resume returns them in order', async () => {
    const topic = uniqueTopic('pause');
    await data.createTopic(topic, 2);
    await data.produceValues(topic, 0, 20);
    await data.produceValues(topic, 1, 20);
    const c = consumer({ autoOffsetReset: 'earliest', maxPollRecords: 5 });
    const p0 = { topic, partition: 0 };
    const p1 = { topic, partition: 1 };
    c.assign([p0, p1]);
    const first = await pollUntil(
      () => c.poll({ timeoutMs: 200 }),
      (all) => all.length > 0,
    );
    c.pause([p0]);
    assert.deepEqual(c.paused(), [p0]);
    const during: ConsumerRecord<Buffer | null, Buffer | null>[] = [...first];
    for (let i = 0; i < 10; i++) during.push(...(await c.poll({ timeoutMs: 50 })));
    const p0During = during.filter((r) => r.partition === 0);
    const p0Before = first.filter((r) => r.partition === 0);
    assert.equal(p0During.length, p0Before.length, 'nothing of a paused partition is returned');
    assert.equal(during.filter((r) => r.partition === 1).length, 20);
    c.resume([p0]);
    assert.deepEqual(c.paused(), []);
    const rest = await pollUntil(
      () => c.poll({ timeoutMs: 200 }),
      (all) => all.length >= 20 - p0Before.length,
    );
    assert.deepEqual(
      [...p0Before, ...rest].map((r) => r.offset),
      Array.from({ length: 20 }, (_, i) => i),
    );
  });

  /** A one-partition topic holding `batches` batches of 20 records of 500 bytes. */
  async function topicOf500ByteRecords(name: string, batches: number): Promise<string> {
    const topic = uniqueTopic(name);
    await data.createTopic(topic, 1);
    for (let i = 0; i < batches; i++) {
      await data.produce(
        topic,
        0,
        Array.from({ length: 20 }, (_, j) => ({ value: Buffer.alloc(500, i + j), timestamp: 1 })),
      );
    }
    return topic;
  }

  test('prefetching stops at fetchMaxBytes of buffered data and resumes as it is consumed', async () => {
    const topic = await topicOf500ByteRecords('bound', 20);
    const c = consumer({
      autoOffsetReset: 'earliest',
      fetchMaxBytes: 20_000,
      maxPartitionFetchBytes: 12_000,
      maxPollRecords: 10,
    });
    c.assign([{ topic, partition: 0 }]);
    const fetcher = (c as unknown as { fetcher: { buffered: number; fetchesInFlight: number } }).fetcher;
    const first = await pollUntil(
      () => c.poll({ timeoutMs: 200 }),
      (all) => all.length > 0,
    );
    // Without polls, the buffer fills up to the bound (one response may cross it) and stops.
    let peak = 0;
    for (let i = 0; i < 20; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      peak = Math.max(peak, fetcher.buffered);
    }
    assert.ok(peak >= 20_000 - 12_000, `buffer filled to ${peak}`);
    assert.ok(peak < 20_000 + 12_000 + 1_000, `buffer bounded: ${peak}`);
    assert.equal(fetcher.fetchesInFlight, 0, 'no fetch while the buffer is full');
    // Everything still arrives, in order.
    const rest = await pollUntil(
      () => c.poll({ timeoutMs: 200 }),
      (all) => all.length + first.length >= 400,
    );
    assert.deepEqual(
      [...first, ...rest].map((r) => r.offset),
      Array.from({ length: 400 }, (_, i) => i),
    );
  });

  test('the next Fetch is on the wire before the application gets the data just fetched', async () => {
    const topic = await topicOf500ByteRecords('ahead', 10);
    const c = consumer({ autoOffsetReset: 'earliest', maxPartitionFetchBytes: 12_000 });
    c.assign([{ topic, partition: 0 }]);
    const cluster = (c as unknown as { fetcher: { cluster: Cluster } }).fetcher.cluster;
    let seen = 0;
    let checked = 0;
    while (seen < 200) {
      const records = await c.poll({ timeoutMs: 1_000 });
      if (records.length === 0) continue;
      seen += records.length;
      if (seen < 200) {
        // Requests written and not yet answered on the fetch connection: the next Fetch.
        const connection = cluster.openConnection(cluster.leader(topic, 0), 'fetch');
        assert.equal(connection?.inFlightCount, 1, `a Fetch in flight after ${seen} records`);
        checked++;
      }
    }
    assert.ok(checked > 0);
  });

  test('fetch sessions (KIP-227): incremental fetches; a session the broker lost is replaced', async () => {
    const topic = uniqueTopic('session');
    await data.createTopic(topic, 3);
    const c = consumer<string | null, string | null>({
      autoOffsetReset: 'earliest',
      valueDeserializer: deserializers.string,
    });
    c.assign([0, 1, 2].map((partition) => ({ topic, partition })));
    const sessions = (c as unknown as { fetcher: { sessions: Map<number, { id: number; epoch: number }> } }).fetcher
      .sessions;
    await data.produceValues(topic, 1, 5, 'a');
    await pollUntil(
      () => c.poll({ timeoutMs: 200 }),
      (all) => all.length >= 5,
    );
    await waitFor('a session with a few epochs', () => [...sessions.values()].some((x) => x.id !== 0 && x.epoch > 2));
    // The broker forgets it (as after a restart or an eviction): FETCH_SESSION_ID_NOT_FOUND, then a new one.
    for (const session of sessions.values()) session.id = 0x7ffffff0;
    await waitFor('a new session', () =>
      [...sessions.values()].some((x) => x.id !== 0 && x.id !== 0x7ffffff0 && x.epoch > 1),
    );
    await data.produceValues(topic, 2, 5, 'b');
    const got = await pollUntil(
      () => c.poll({ timeoutMs: 200 }),
      (all) => all.length >= 5,
    );
    assert.deepEqual(
      got.map((r) => r.value),
      [0, 1, 2, 3, 4].map((i) => `b-2-${i}`),
    );
    assert.ok([...sessions.values()].every((x) => x.id !== 0x7ffffff0));
  });

  test('a deserializer error: records before it are returned, then the error, until a seek moves past', async () => {
    const topic = uniqueTopic('deser');
    await data.createTopic(topic, 1);
    await data.produce(topic, 0, [
      { value: '{"n":0}', timestamp: 1 },
      { value: '{"n":1}', timestamp: 1 },
      { value: 'not json', timestamp: 1 },
      { value: '{"n":3}', timestamp: 1 },
    ]);
    const c = consumer<Buffer | null, { n: number } | null>({
      autoOffsetReset: 'earliest',
      valueDeserializer: deserializers.json as (b: Buffer | null, t: string) => { n: number } | null,
    });
    const tp = { topic, partition: 0 };
    c.assign([tp]);
    const first = await pollUntil(
      () => c.poll({ timeoutMs: 200 }),
      (all) => all.length >= 2,
    );
    assert.deepEqual(
      first.map((r) => r.value?.n),
      [0, 1],
    );
    for (let i = 0; i < 2; i++) {
      await assert.rejects(
        pollUntil(
          () => c.poll({ timeoutMs: 200 }),
          () => false,
          5_000,
        ),
        SyntaxError,
      );
      assert.equal(c.position(tp), 2);
    }
    c.seek(tp, 3);
    const rest = await pollUntil(
      () => c.poll({ timeoutMs: 200 }),
      (all) => all.length >= 1,
    );
    assert.deepEqual(
      rest.map((r) => [r.offset, r.value?.n]),
      [[3, 3]],
    );
  });

  test('offsetsForTimes finds the first offset at or after a timestamp', async () => {
    const topic = uniqueTopic('times');
    await data.createTopic(topic, 1);
    const t0 = Date.now() - 100_000;
    await data.produce(
      topic,
      0,
      Array.from({ length: 10 }, (_, i) => ({ value: `t${i}`, timestamp: t0 + i * 1000 })),
    );
    const c2 = consumer();
    await assert.rejects(
      c2.offsetsForTimes([
        { topic, partition: 0, timestamp: t0 },
        { topic, partition: 0, timestamp: t0 },
      ]),
      ConfigError,
    );
    const single = await c2.offsetsForTimes([{ topic, partition: 0, timestamp: t0 + 3500 }]);
    assert.equal(single.get(`${topic}:0`)?.offset, 4);
    assert.equal(single.get(`${topic}:0`)?.timestamp, t0 + 4000);
    const none = await c2.offsetsForTimes([{ topic, partition: 0, timestamp: Date.now() + 100_000 }]);
    assert.equal(none.get(`${topic}:0`), null);
  });

  test('the async iterator yields one batch per partition per fetch; break closes nothing', async () => {
    const topic = uniqueTopic('iter');
    await data.createTopic(topic, 2);
    await data.produceValues(topic, 0, 30);
    await data.produceValues(topic, 1, 30);
    const c = consumer({ autoOffsetReset: 'earliest' });
    c.assign([
      { topic, partition: 0 },
      { topic, partition: 1 },
    ]);
    const seen = new Map<number, number[]>([
      [0, []],
      [1, []],
    ]);
    for await (const batch of c) {
      assert.equal(batch.topic, topic);
      assert.ok(batch.records.every((r) => r.partition === batch.partition));
      assert.equal(batch.highWatermark, 30);
      seen.get(batch.partition)?.push(...batch.records.map((r) => r.offset));
      if ((seen.get(0)?.length ?? 0) + (seen.get(1)?.length ?? 0) >= 60) break;
    }
    assert.deepEqual(
      seen.get(0),
      Array.from({ length: 30 }, (_, i) => i),
    );
    assert.deepEqual(
      seen.get(1),
      Array.from({ length: 30 }, (_, i) => i),
    );
    // Still open: more records arrive through poll.
    await data.produceValues(topic, 0, 1, 'after');
    const more = await pollUntil(
      () => c.poll({ timeoutMs: 200 }),
      (all) => all.length >= 1,
    );
    assert.equal(more[0]?.offset, 30);
    // close() ends a waiting loop.
    const loop = (async () => {
      let n = 0;
      for await (const _ of c) n++;
      return n;
    })();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await c.close();
    assert.equal(await loop, 0);
  });

  test('autoOffsetReset none without a committed offset: poll rejects with OFFSET_OUT_OF_RANGE', async () => {
    const topic = uniqueTopic('none');
    await data.createTopic(topic, 1);
    const c = consumer({ autoOffsetReset: 'none' });
    c.assign([{ topic, partition: 0 }]);
    await assert.rejects(
      pollUntil(
        () => c.poll({ timeoutMs: 200 }),
        () => false,
        5_000,
      ),
      (error: unknown) =>
        error instanceof KafkaError &&
        error.type === 'OFFSET_OUT_OF_RANGE' &&
        /NoOffsetForPartition/.test(error.message),
    );
  });

  test('a fetch offset out of range resets per autoOffsetReset', async () => {
    const topic = uniqueTopic('oor');
    await data.createTopic(topic, 1);
    await data.produceValues(topic, 0, 5);
    const c = consumer({ autoOffsetReset: 'earliest' });
    const tp = { topic, partition: 0 };
    c.assign([tp]);
    c.seek(tp, 1000);
    const got = await pollUntil(
      () => c.poll({ timeoutMs: 200 }),
      (all) => all.length >= 5,
    );
    assert.equal(got[0]?.offset, 0);
    const strict = consumer({ autoOffsetReset: 'none' });
    strict.assign([tp]);
    strict.seek(tp, 1000);
    await assert.rejects(
      pollUntil(
        () => strict.poll({ timeoutMs: 200 }),
        () => false,
        5_000,
      ),
      (error: unknown) => error instanceof KafkaError && error.type === 'OFFSET_OUT_OF_RANGE',
    );
  });

  test('an unknown topic in assign: poll rejects with UNKNOWN_TOPIC_OR_PARTITION', async () => {
    const c = consumer({ autoOffsetReset: 'earliest' });
    c.assign([{ topic: uniqueTopic('missing'), partition: 0 }]);
    await assert.rejects(
      pollUntil(
        () => c.poll({ timeoutMs: 200 }),
        () => false,
        5_000,
      ),
      (error: unknown) => error instanceof KafkaError && error.type === 'UNKNOWN_TOPIC_OR_PARTITION',
    );
  });

  test('bad options and bad calls throw ConfigError; calls after close throw ClientClosedError', async () => {
    const bad: Array<Record<string, unknown>> = [
      { sessionTimeoutMs: -1 },
      { heartbeatIntervalMs: 50_000 },
      { autoOffsetReset: 'middle' },
      { isolationLevel: 'serializable' },
      { partitionAssignmentStrategy: [] },
      { partitionAssignmentStrategy: ['sticky'] },
      { partitionAssignmentStrategy: ['range', 'range'] },
      { maxPollRecords: 0 },
      { groupId: '' },
      { groupInstanceId: 'x' },
      { enableAutoCommit: 'yes' },
      { keyDeserializer: 'string' },
      { bootstrapServers: 'nohostport' },
    ];
    for (const options of bad) {
      assert.throws(
        () => new Consumer({ bootstrapServers: tb.bootstrap, ...options } as never),
        ConfigError,
        JSON.stringify(options),
      );
    }
    const c = consumer();
    assert.throws(() => c.subscribe(['x']), ConfigError, 'subscribe without groupId');
    assert.throws(() => c.assign([{ topic: '', partition: 0 }]), ConfigError);
    assert.throws(() => c.seek({ topic: 'nope', partition: 0 }, 1), ConfigError, 'seek of an unassigned partition');
    await assert.rejects(c.commit(), ConfigError);
    c.assign([{ topic: 'x', partition: 0 }]);
    assert.throws(() => c.seek({ topic: 'x', partition: 0 }, -1), ConfigError);
    await c.close();
    await assert.rejects(c.poll(), ClientClosedError);
    assert.throws(() => c.assign([]), ClientClosedError);
  });

  test('a pending poll resolves empty when the consumer closes; abort rejects', async () => {
    const topic = uniqueTopic('pending');
    await data.createTopic(topic, 1);
    const c = consumer({ autoOffsetReset: 'latest' });
    c.assign([{ topic, partition: 0 }]);
    const controller = new AbortController();
    const aborted = c.poll({ timeoutMs: 10_000, signal: controller.signal });
    controller.abort();
    await assert.rejects(aborted, { name: 'AbortError' });
    const pending = c.poll({ timeoutMs: 10_000 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await c.close();
    assert.deepEqual(await pending, []);
  });
});
