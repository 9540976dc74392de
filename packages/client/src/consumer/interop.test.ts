/**
 * Interoperability: records written by KafkaJS and by kcat (librdkafka) with keys,
 * values, headers and every codec are read back identically by this consumer; and this
 * consumer shares a group with KafkaJS consumers. KafkaJS offers only its own protocol
 * name, 'RoundRobinAssigner', with v0 subscription metadata, so our member offers the
 * roundrobin assignor under that name: whichever member leads, partitions are split
 * without overlap and every record is consumed exactly once across the group.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { kcatOk } from '@gregor/broker/e2e/kcat';
import { uniqueTopic, waitFor } from '@gregor/broker/e2e/support';
import { startTestBroker, type TestBroker } from '@gregor/broker/testing';
import kafkajs from 'kafkajs';
import { deserializers } from '../types.js';
import { roundRobinAssignor } from './assignors.js';
import { Consumer } from './consumer.js';
import { FAST_GROUP_PROPERTIES, pollUntil, TestData, uniqueGroup } from './fixtures.js';

const { CompressionTypes, Kafka, logLevel } = kafkajs;

describe('interop with KafkaJS and kcat', { timeout: 120_000 }, () => {
  let tb: TestBroker;
  let data: TestData;
  const open: Array<{ close(): Promise<void> }> = [];

  function consumer(extra: Record<string, unknown> = {}): Consumer<string | null, string | null> {
    const c = new Consumer<string | null, string | null>({
      bootstrapServers: tb.bootstrap,
      fetchMaxWaitMs: 50,
      autoOffsetReset: 'earliest',
      keyDeserializer: deserializers.string,
      valueDeserializer: deserializers.string,
      ...extra,
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

  test('records from the KafkaJS producer (keys, headers, gzip, timestamps) read back exactly', async () => {
    const topic = uniqueTopic('kjs-in');
    await data.createTopic(topic, 2);
    const kafka = new Kafka({ clientId: 'interop', brokers: [tb.bootstrap], logLevel: logLevel.NOTHING });
    const producer = kafka.producer();
    await producer.connect();
    const t0 = Date.now() - 50_000;
    const messages = Array.from({ length: 40 }, (_, i) => ({
      partition: i % 2,
      key: i % 3 === 0 ? null : `key-${i}`,
      value: i % 5 === 0 ? null : `value-${i}`,
      headers: i % 2 === 0 ? { h: `x${i}`, other: Buffer.from([i]) } : {},
      timestamp: String(t0 + i),
    }));
    try {
      await producer.send({ topic, messages: messages.slice(0, 20) });
      await producer.send({ topic, messages: messages.slice(20), compression: CompressionTypes.GZIP });
    } finally {
      await producer.disconnect();
    }
    const c = consumer();
    c.assign([
      { topic, partition: 0 },
      { topic, partition: 1 },
    ]);
    const got = await pollUntil(
      () => c.poll({ timeoutMs: 200 }),
      (all) => all.length >= 40,
    );
    const seen = got
      .map((r) => ({
        i: Number(r.timestamp) - t0,
        partition: r.partition,
        key: r.key,
        value: r.value,
        headers: r.headers.map((h) => [h.key, h.value === null ? null : [...h.value]]),
      }))
      .sort((a, b) => a.i - b.i);
    assert.deepEqual(
      seen,
      messages.map((m, i) => ({
        i,
        partition: m.partition,
        key: m.key,
        value: m.value,
        headers: Object.entries(m.headers).map(([k, v]) => [k, [...(typeof v === 'string' ? Buffer.from(v) : v)]]),
      })),
    );
  });

  for (const codec of ['none', 'gzip', 'snappy', 'lz4', 'zstd']) {
    test(`records from kcat (librdkafka) with ${codec}: keys, values, headers`, async () => {
      const topic = uniqueTopic(`kcat-${codec}`);
      await data.createTopic(topic, 1);
      const lines = Array.from({ length: 25 }, (_, i) => `k${i}:v${i}-${'z'.repeat(i * 7)}`).join('\n');
      await kcatOk(
        tb.bootstrap,
        ['-P', '-t', topic, '-p', '0', '-z', codec, '-K', ':', '-H', 'src=kcat', '-H', 'n=1'],
        {
          input: `${lines}\n`,
        },
      );
      const c = consumer();
      c.assign([{ topic, partition: 0 }]);
      const got = await pollUntil(
        () => c.poll({ timeoutMs: 200 }),
        (all) => all.length >= 25,
      );
      assert.deepEqual(
        got.map((r) => [r.offset, r.key, r.value, r.headers.map((h) => `${h.key}=${h.value?.toString()}`).join(',')]),
        Array.from({ length: 25 }, (_, i) => [i, `k${i}`, `v${i}-${'z'.repeat(i * 7)}`, 'src=kcat,n=1']),
      );
      // kcat reads back what we read.
      const out = await kcatOk(tb.bootstrap, ['-C', '-t', topic, '-p', '0', '-o', 'beginning', '-e', '-f', '%k:%s\\n']);
      assert.equal(out, `${lines}\n`);
    });
  }

  for (const ourFirst of [true, false]) {
    test(`a group of our consumer and two KafkaJS consumers (${ourFirst ? 'ours joins first and leads' : 'KafkaJS joins first and leads'}): no overlap, every record exactly once`, async () => {
      const topic = uniqueTopic('mixed');
      const partitions = 6;
      await data.createTopic(topic, partitions);
      const groupId = uniqueGroup('mixed');
      const kafka = new Kafka({ clientId: 'interop-group', brokers: [tb.bootstrap], logLevel: logLevel.NOTHING });
      const consumedBy = new Map<string, string>(); // `${partition}:${offset}` → who
      const duplicates: string[] = [];
      const record = (who: string, partition: number, offset: number): void => {
        const k = `${partition}:${offset}`;
        if (consumedBy.has(k)) duplicates.push(`${k} by ${consumedBy.get(k)} and ${who}`);
        consumedBy.set(k, who);
      };
      const kjsAssignment = new Map<string, number[]>();
      const kjs = [0, 1].map((i) => {
        const name = `kafkajs-${i}`;
        const c = kafka.consumer({
          groupId,
          sessionTimeout: 6_000,
          heartbeatInterval: 100,
          rebalanceTimeout: 10_000,
          maxWaitTimeInMs: 50,
        });
        c.on(c.events.GROUP_JOIN, (e) => kjsAssignment.set(name, [...(e.payload.memberAssignment[topic] ?? [])]));
        return { name, c };
      });
      for (const { c } of kjs) {
        open.push({ close: () => c.disconnect() });
        await c.connect();
        await c.subscribe({ topic, fromBeginning: true });
      }
      const startKafkaJs = async (): Promise<void> => {
        for (const { name, c } of kjs) {
          await c.run({
            eachMessage: async ({ partition, message }) => record(name, partition, Number(message.offset)),
          });
        }
      };
      if (!ourFirst) {
        await startKafkaJs();
        await waitFor('KafkaJS members joined', () => kjsAssignment.size === 2, 30_000);
      }
      const ours = consumer({
        groupId,
        heartbeatIntervalMs: 100,
        sessionTimeoutMs: 6_000,
        maxPollIntervalMs: 10_000,
        partitionAssignmentStrategy: [{ ...roundRobinAssignor, name: 'RoundRobinAssigner' }],
      });
      ours.subscribe([topic]);
      if (ourFirst) {
        await waitFor('ours joined', () => ours.assignment().length === partitions, 30_000);
        await startKafkaJs();
      }
      let polling = true;
      const pollLoop = (async () => {
        while (polling) {
          for (const r of await ours.poll({ timeoutMs: 100 })) record('ours', r.partition, r.offset);
        }
      })();
      try {
        await waitFor(
          'a stable three-way split',
          () => {
            const kjsParts = [...kjsAssignment.values()].flat();
            const ourParts = ours.assignment().map((tp) => tp.partition);
            const all = [...kjsParts, ...ourParts];
            return (
              kjsAssignment.size === 2 &&
              all.length === partitions &&
              new Set(all).size === partitions &&
              ourParts.length === 2
            );
          },
          30_000,
        );
        const perPartition = 20;
        for (let p = 0; p < partitions; p++) await data.produceValues(topic, p, perPartition);
        await waitFor('every record consumed', () => consumedBy.size === partitions * perPartition, 30_000);
        assert.deepEqual(duplicates, []);
        // Each partition was consumed by exactly one member, the one assigned it.
        const owners = new Map<number, Set<string>>();
        for (const [k, who] of consumedBy) {
          const p = Number(k.split(':')[0]);
          if (!owners.has(p)) owners.set(p, new Set());
          owners.get(p)?.add(who);
        }
        for (const [p, who] of owners) assert.equal(who.size, 1, `partition ${p} consumed by ${[...who].join(', ')}`);
        const ourParts = ours.assignment().map((tp) => tp.partition);
        for (const p of ourParts) assert.deepEqual([...(owners.get(p) ?? [])], ['ours']);
      } finally {
        polling = false;
        await pollLoop;
      }
    });
  }
});
