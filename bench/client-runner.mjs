#!/usr/bin/env node
// One client benchmark run in its own process (driven by bench/client.mjs):
//
//   node bench/client-runner.mjs <gregor|gregor-send|gregor-reuse|kafkajs|platformatic> produce <bootstrap> <topic> <count> <size> <acks>
//   node bench/client-runner.mjs <gregor|kafkajs|platformatic> consume <bootstrap> <topic> <count> <size>
//
// Prints one JSON line: { records, bytes, ms }. Produce times from the first send to the
// last acknowledgement; consume times from the first record received to the count-th,
// so that group joins (and the broker's initial rebalance delay) are not counted.
// Each client is used the way its documentation recommends for throughput: KafkaJS and
// @platformatic/kafka get arrays of records per send call (neither batches single sends
// across calls); so does Gregor's producer (sendMany), and 'gregor-send' is Gregor with
// one send() per record, batched by linger.ms. 'gregor-reuse' is Gregor's consumer with
// reuseFetchBuffers (record bytes valid until the next poll; this loop keeps none).
import { randomBytes } from 'node:crypto';

const [client, phase, bootstrap, topic, countText, sizeText, acksText] = process.argv.slice(2);
const count = Number(countText);
const size = Number(sizeText);
const acks = Number(acksText ?? '1');
const value = randomBytes(size);
const CHUNK = 1000;
const IN_FLIGHT = 5;

async function pool(chunks, send) {
  let next = 0;
  const worker = async () => {
    while (next < chunks) await send(next++);
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
}

const runners = {
  gregor: {
    async produce() {
      const { Producer } = await import('../packages/client/dist/index.js');
      const producer = new Producer({ bootstrapServers: bootstrap, acks, enableIdempotence: acks === -1 });
      await producer.connect();
      const records = Array.from({ length: CHUNK }, () => ({ topic, value }));
      const start = performance.now();
      await pool(Math.ceil(count / CHUNK), () => producer.sendMany(records));
      const ms = performance.now() - start;
      await producer.close();
      return ms;
    },
    async consume(reuseFetchBuffers = false) {
      const { Consumer } = await import('../packages/client/dist/index.js');
      const consumer = new Consumer({
        bootstrapServers: bootstrap,
        groupId: `bench-${process.pid}`,
        autoOffsetReset: 'earliest',
        enableAutoCommit: false,
        reuseFetchBuffers,
      });
      consumer.subscribe([topic]);
      let seen = 0;
      let start = 0;
      for await (const batch of consumer) {
        if (seen === 0) start = performance.now();
        seen += batch.records.length;
        if (seen >= count) break;
      }
      const ms = performance.now() - start;
      await consumer.close();
      return ms;
    },
  },
  // Gregor's consumer with reuseFetchBuffers, its documented setting for throughput when
  // record bytes are not kept past the next poll (this loop only counts them).
  'gregor-reuse': {
    consume: () => runners.gregor.consume(true),
  },
  // Gregor with one send() per record (its batching by linger.ms does the grouping).
  'gregor-send': {
    async produce() {
      const { Producer } = await import('../packages/client/dist/index.js');
      const producer = new Producer({ bootstrapServers: bootstrap, acks, enableIdempotence: acks === -1 });
      await producer.connect();
      const start = performance.now();
      let pending = [];
      for (let i = 0; i < count; i++) {
        pending.push(producer.send({ topic, value }));
        if (pending.length === 10_000) {
          await Promise.all(pending);
          pending = [];
        }
      }
      await Promise.all(pending);
      const ms = performance.now() - start;
      await producer.close();
      return ms;
    },
  },
  kafkajs: {
    async produce() {
      const { Kafka, logLevel } = await import('kafkajs');
      const kafka = new Kafka({ brokers: [bootstrap], clientId: 'bench', logLevel: logLevel.NOTHING });
      const producer = kafka.producer();
      await producer.connect();
      const messages = Array.from({ length: CHUNK }, () => ({ value }));
      const start = performance.now();
      await pool(Math.ceil(count / CHUNK), () => producer.send({ topic, acks, messages }));
      const ms = performance.now() - start;
      await producer.disconnect();
      return ms;
    },
    async consume() {
      const { Kafka, logLevel } = await import('kafkajs');
      const kafka = new Kafka({ brokers: [bootstrap], clientId: 'bench', logLevel: logLevel.NOTHING });
      const consumer = kafka.consumer({ groupId: `bench-${process.pid}` });
      await consumer.connect();
      await consumer.subscribe({ topics: [topic], fromBeginning: true });
      let seen = 0;
      let start = 0;
      const done = new Promise((resolve) => {
        consumer.run({
          autoCommit: false,
          eachBatch: async ({ batch }) => {
            if (seen === 0) start = performance.now();
            seen += batch.messages.length;
            if (seen >= count) resolve(performance.now() - start);
          },
        });
      });
      const ms = await done;
      await consumer.disconnect();
      return ms;
    },
  },
  platformatic: {
    async produce() {
      const { Producer } = await import('@platformatic/kafka');
      const producer = new Producer({ clientId: 'bench', bootstrapBrokers: [bootstrap], acks, autocreateTopics: true });
      const messages = Array.from({ length: CHUNK }, () => ({ topic, value }));
      await producer.send({ messages: messages.slice(0, 1) });
      const start = performance.now();
      await pool(Math.ceil(count / CHUNK), () => producer.send({ messages }));
      const ms = performance.now() - start;
      await producer.close();
      return ms;
    },
    async consume() {
      const { Consumer } = await import('@platformatic/kafka');
      const consumer = new Consumer({
        clientId: 'bench',
        groupId: `bench-${process.pid}`,
        bootstrapBrokers: [bootstrap],
      });
      const stream = await consumer.consume({ topics: [topic], mode: 'earliest', autocommit: false });
      let seen = 0;
      let start = 0;
      const ms = await new Promise((resolve, reject) => {
        stream.on('error', reject);
        stream.on('data', () => {
          if (seen === 0) start = performance.now();
          seen++;
          if (seen === count) resolve(performance.now() - start);
        });
      });
      await stream.close();
      await consumer.close(true);
      return ms;
    },
  },
};

const runner = runners[client];
if (
  runner === undefined ||
  runner[phase] === undefined ||
  (phase !== 'produce' && phase !== 'consume') ||
  !(count > 0) ||
  !(size >= 0)
) {
  console.error(
    'usage: client-runner.mjs <gregor|gregor-send|gregor-reuse|kafkajs|platformatic> <produce|consume> <bootstrap> <topic> <count> <size> [acks]',
  );
  process.exit(2);
}
const timer = setTimeout(() => {
  console.error(`${client} ${phase} did not finish in 300 s`);
  process.exit(3);
}, 300_000);
timer.unref();
const ms = await runner[phase]();
const records =
  phase === 'produce'
    ? Math.ceil(count / (client === 'gregor' ? 1 : CHUNK)) * (client === 'gregor' ? 1 : CHUNK)
    : count;
process.stdout.write(`${JSON.stringify({ records, bytes: records * size, ms })}\n`);
process.exit(0);
