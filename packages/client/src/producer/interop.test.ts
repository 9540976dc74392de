/**
 * Interoperability: what this producer writes (keys, values, headers, every codec) is
 * read identically by kcat (librdkafka) and by KafkaJS, and keyed records land on the
 * partition KafkaJS's default partitioner (Java-compatible murmur2) picks, checked both
 * against its partitioner function and against where KafkaJS's own producer put them.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { kcatOk } from '@gregor/broker/e2e/kcat';
import { SeededRandom, uniqueTopic } from '@gregor/broker/e2e/support';
import type { TestBroker } from '@gregor/broker/testing';
import { startTestBroker } from '@gregor/broker/testing';
import kafkajs from 'kafkajs';
import { consumeWithKafkaJs, createTopic, kafkaJs, readPartition } from './fixtures.js';
import { keyPartition } from './partitioner.js';
import { Producer } from './producer.js';

const { CompressionTypes, Partitioners } = kafkajs;

/** kcat stops at the end of a partition after a short long-poll. */
const FAST = ['-X', 'fetch.wait.max.ms=50'];

interface KcatMessage {
  partition: number;
  offset: number;
  key: string | null;
  payload: string | null;
  headers?: string[];
}

function recordsFor(topic: string, n: number, tag: string) {
  return Array.from({ length: n }, (_, i) => ({
    topic,
    key: i % 4 === 3 ? null : Buffer.from(`key-${i}`),
    value: i % 6 === 5 ? null : Buffer.from(`${tag} value ${i} ${'x'.repeat(i % 50)}`),
    headers: { h1: `one-${i}`, h2: [`two-${i}`, 'again'] },
  }));
}

describe('interop with kcat and KafkaJS', { timeout: 120_000 }, () => {
  let tb: TestBroker;
  let producer: Producer;

  before(async () => {
    tb = await startTestBroker({ properties: { 'num.partitions': '3' } });
    producer = new Producer({ bootstrapServers: tb.bootstrap });
  });

  after(async () => {
    await producer?.close();
    await tb?.stop();
  });

  for (const compression of ['none', 'gzip', 'snappy', 'lz4', 'zstd'] as const) {
    test(`kcat reads ${compression} batches exactly`, async () => {
      const topic = uniqueTopic(`io-kcat-${compression}`);
      const p = new Producer({ bootstrapServers: tb.bootstrap, compression, lingerMs: 10 });
      try {
        const records = recordsFor(topic, 60, compression);
        const results = await p.sendMany(records);
        const out = await kcatOk(tb.bootstrap, ['-C', '-t', topic, '-o', 'beginning', '-e', '-J', ...FAST]);
        const messages = out
          .split('\n')
          .filter((l) => l.startsWith('{'))
          .map((l) => JSON.parse(l) as KcatMessage);
        assert.equal(messages.length, records.length);
        const byPosition = new Map(messages.map((m) => [`${m.partition}/${m.offset}`, m]));
        records.forEach((r, i) => {
          const md = results[i]!;
          const m = byPosition.get(`${md.partition}/${md.offset}`);
          assert.ok(m !== undefined, `record ${i} missing`);
          assert.equal(m.key, r.key === null ? null : r.key.toString());
          assert.equal(m.payload, r.value === null ? null : r.value.toString());
          assert.deepEqual(m.headers, ['h1', `one-${i}`, 'h2', `two-${i}`, 'h2', 'again']);
        });
      } finally {
        await p.close();
      }
    });
  }

  for (const compression of ['none', 'gzip'] as const) {
    test(`KafkaJS reads ${compression} batches exactly`, async () => {
      const topic = uniqueTopic(`io-kjs-${compression}`);
      await createTopic(tb.bootstrap, topic, 3);
      const p = new Producer({ bootstrapServers: tb.bootstrap, compression });
      try {
        const records = recordsFor(topic, 40, compression);
        const results = await p.sendMany(records);
        const consumed = await consumeWithKafkaJs(tb.bootstrap, topic, records.length);
        const byPosition = new Map(consumed.map((m) => [`${m.partition}/${m.offset}`, m]));
        records.forEach((r, i) => {
          const md = results[i]!;
          const m = byPosition.get(`${md.partition}/${md.offset}`);
          assert.ok(m !== undefined, `record ${i} missing`);
          assert.equal(m.key, r.key === null ? null : r.key.toString());
          assert.equal(m.value, r.value === null ? null : r.value.toString());
          // KafkaJS keeps the last value of a repeated header key.
          assert.equal(m.headers.h1, `one-${i}`);
        });
      } finally {
        await p.close();
      }
    });
  }

  test('1,000 random keys on 7 partitions: same partition as KafkaJS, by function and by where its producer wrote', async () => {
    const rnd = new SeededRandom(7);
    const ours = uniqueTopic('io-keys-ours');
    const theirs = uniqueTopic('io-keys-kjs');
    await createTopic(tb.bootstrap, ours, 7);
    await createTopic(tb.bootstrap, theirs, 7);
    const keys = Array.from({ length: 1000 }, (_, i) => {
      const key = Buffer.alloc(rnd.int(1, 24));
      for (let j = 0; j < key.length; j++) key[j] = rnd.int(0, 255);
      // Unique: the index is part of the key.
      return Buffer.concat([key, Buffer.from(`#${i}`)]);
    });
    const kafkajsPartitioner = Partitioners.DefaultPartitioner();
    const partitionMetadata = Array.from({ length: 7 }, (_, i) => ({
      partitionId: i,
      leader: 0,
      partitionErrorCode: 0,
      replicas: [0],
      isr: [0],
    }));
    const results = await producer.sendMany(keys.map((key, i) => ({ topic: ours, key, value: Buffer.from(`${i}`) })));
    results.forEach((r, i) => {
      const key = keys[i]!;
      assert.equal(r.partition, kafkajsPartitioner({ topic: ours, partitionMetadata, message: { key, value: null } }));
      assert.equal(r.partition, keyPartition(key, 7));
    });
    const kjsProducer = kafkaJs(tb.bootstrap).producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await kjsProducer.connect();
    try {
      await kjsProducer.send({
        topic: theirs,
        compression: CompressionTypes.None,
        messages: keys.map((key, i) => ({ key, value: `${i}` })),
      });
    } finally {
      await kjsProducer.disconnect();
    }
    const landed = new Map<number, number>();
    for (let partition = 0; partition < 7; partition++) {
      for (const r of await readPartition(tb.port, theirs, partition))
        landed.set(Number(r.value?.toString()), partition);
    }
    assert.equal(landed.size, 1000);
    for (const [i, r] of results.entries()) assert.equal(landed.get(i), r.partition, `key ${i}`);
  });
});
