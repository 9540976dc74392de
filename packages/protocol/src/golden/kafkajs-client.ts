/**
 * The KafkaJS side of the golden capture (see capture.ts, which starts this file as a
 * child process so a stuck client can be killed by its pid):
 *
 *   node packages/protocol/dist/golden/kafkajs-client.js <producer|consumer> <port>
 *
 * Every setting the golden facts depend on (client id, acks, timeouts, group settings)
 * comes from GOLDEN below, shared with capture.ts, so the facts say what the client was
 * told rather than what the decoder read.
 */
import { pathToFileURL } from 'node:url';
import kafkajs from 'kafkajs';
import type { GoldenRecords } from './manifest.js';
import { GOLDEN, KAFKAJS_LEGACY_BATCH, KAFKAJS_PRODUCE_BATCHES } from './scenario.js';

const CONSUMER_LINGER_MS = 2500;

export async function runKafkajs(scenario: string, port: number): Promise<void> {
  const kafka = new kafkajs.Kafka({
    clientId: GOLDEN.kafkajs.clientId,
    brokers: [`127.0.0.1:${port}`],
    logLevel: kafkajs.logLevel.NOTHING,
    connectionTimeout: 2000,
    requestTimeout: 5000,
    retry: { retries: 2, initialRetryTime: 100 },
  });
  if (scenario === 'producer' || scenario === 'producer-legacy') {
    const batches: readonly GoldenRecords[] =
      scenario === 'producer' ? KAFKAJS_PRODUCE_BATCHES : [KAFKAJS_LEGACY_BATCH];
    const producer = kafka.producer({ allowAutoTopicCreation: true });
    await producer.connect();
    for (const batch of batches) {
      await producer.send({
        topic: GOLDEN.topic,
        acks: GOLDEN.acks,
        timeout: GOLDEN.produceTimeoutMs,
        compression: batch.compression === 'gzip' ? kafkajs.CompressionTypes.GZIP : kafkajs.CompressionTypes.None,
        messages: batch.records.map((r) => ({
          partition: GOLDEN.partition,
          key: r.key,
          value: r.value,
          headers: headersOf(r.headers),
        })),
      });
    }
    await producer.disconnect();
    return;
  }
  if (scenario === 'producer-transactional') {
    // The first batch of KAFKAJS_PRODUCE_BATCHES, in one committed transaction.
    const batch = KAFKAJS_PRODUCE_BATCHES[0]!;
    const producer = kafka.producer({
      transactionalId: GOLDEN.transactionalId,
      transactionTimeout: GOLDEN.transactionTimeoutMs,
      idempotent: true,
      maxInFlightRequests: 1,
    });
    await producer.connect();
    const transaction = await producer.transaction();
    await transaction.send({
      topic: GOLDEN.topic,
      acks: GOLDEN.acks,
      timeout: GOLDEN.produceTimeoutMs,
      messages: batch.records.map((r) => ({
        partition: GOLDEN.partition,
        key: r.key,
        value: r.value,
        headers: headersOf(r.headers),
      })),
    });
    await transaction.commit();
    await producer.disconnect();
    return;
  }
  if (scenario === 'consumer') {
    const consumer = kafka.consumer({
      groupId: GOLDEN.kafkajs.group,
      sessionTimeout: GOLDEN.sessionTimeoutMs,
      rebalanceTimeout: GOLDEN.rebalanceTimeoutMs,
      heartbeatInterval: GOLDEN.heartbeatIntervalMs,
      maxWaitTimeInMs: GOLDEN.fetchMaxWaitMs,
      minBytes: GOLDEN.fetchMinBytes,
      retry: { retries: 2, initialRetryTime: 100 },
    });
    await consumer.connect();
    await consumer.subscribe({ topics: [GOLDEN.topic], fromBeginning: true });
    let received = 0;
    await consumer.run({
      eachMessage: async () => {
        received++;
      },
    });
    const deadline = Date.now() + 10_000;
    while (received === 0 && Date.now() < deadline) await sleep(50);
    // Stay a while after the first message, so heartbeats and a commit go out.
    await sleep(CONSUMER_LINGER_MS);
    await consumer.disconnect();
    if (received === 0) throw new Error('KafkaJS consumer received no message');
    return;
  }
  throw new Error(`unknown KafkaJS scenario ${scenario}`);
}

function headersOf(headers: readonly [string, string | null][]): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of headers) {
    const v = value ?? '';
    const previous = out[key];
    if (previous === undefined) out[key] = v;
    else out[key] = Array.isArray(previous) ? [...previous, v] : [previous, v];
  }
  return out;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const scenario = process.argv[2] ?? '';
  const port = Number(process.argv[3]);
  runKafkajs(scenario, port).then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
