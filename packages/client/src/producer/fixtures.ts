/**
 * Helpers for the producer's tests (not a test file): reading back what was produced
 * with raw Fetch requests, and KafkaJS clients against a test broker.
 */
import { fetchAll, RawClient } from '@gregor/broker/e2e/raw-client';
import type { KafkaRecord } from '@gregor/protocol';
import kafkajs from 'kafkajs';
import type { Cluster } from '../network/cluster.js';
import type { Producer } from './producer.js';

const { Kafka, logLevel } = kafkajs;

/** Every record of a partition, in offset order (read_uncommitted, control batches skipped). */
export async function readPartition(port: number, topic: string, partition: number): Promise<KafkaRecord[]> {
  const client = await RawClient.connect(port);
  try {
    return (await fetchAll(client, topic, partition)).records;
  } finally {
    client.close();
  }
}

/** A KafkaJS client for a test broker, quiet. */
export function kafkaJs(bootstrap: string): InstanceType<typeof Kafka> {
  return new Kafka({
    clientId: 'gregor-producer-test',
    brokers: [bootstrap],
    logLevel: logLevel.NOTHING,
    retry: { retries: 5, initialRetryTime: 50, maxRetryTime: 500 },
  });
}

/** Creates a topic with KafkaJS's admin client. */
export async function createTopic(
  bootstrap: string,
  topic: string,
  numPartitions: number,
  configEntries: Array<{ name: string; value: string }> = [],
): Promise<void> {
  const admin = kafkaJs(bootstrap).admin();
  await admin.connect();
  try {
    await admin.createTopics({ topics: [{ topic, numPartitions, configEntries }], waitForLeaders: true });
  } finally {
    await admin.disconnect();
  }
}

/** The producer's Cluster, for tests that break its connections. */
export function clusterOf(producer: Producer<never, never> | Producer<Buffer | null, Buffer | null>): Cluster {
  return (producer as unknown as { cluster: Cluster }).cluster;
}

/** Consumes `count` records of `topic` from the beginning with a KafkaJS consumer. */
export async function consumeWithKafkaJs(
  bootstrap: string,
  topic: string,
  count: number,
  options: { readUncommitted?: boolean; timeoutMs?: number } = {},
): Promise<
  Array<{
    partition: number;
    offset: number;
    key: string | null;
    value: string | null;
    headers: Record<string, string>;
  }>
> {
  const consumer = kafkaJs(bootstrap).consumer({
    groupId: `g-${topic}-${Math.random().toString(36).slice(2)}`,
    readUncommitted: options.readUncommitted ?? false,
    maxWaitTimeInMs: 100,
  });
  await consumer.connect();
  const out: Array<{
    partition: number;
    offset: number;
    key: string | null;
    value: string | null;
    headers: Record<string, string>;
  }> = [];
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`consumed ${out.length} of ${count} records in time`)),
        options.timeoutMs ?? 20_000,
      );
      consumer
        .run({
          eachMessage: async ({ partition, message }) => {
            const headers: Record<string, string> = {};
            for (const [k, v] of Object.entries(message.headers ?? {})) headers[k] = String(v);
            out.push({
              partition,
              offset: Number(message.offset),
              key: message.key === null ? null : message.key.toString(),
              value: message.value === null ? null : message.value.toString(),
              headers,
            });
            if (out.length >= count) {
              clearTimeout(timer);
              resolve();
            }
          },
        })
        .catch(reject);
      if (count === 0) {
        clearTimeout(timer);
        resolve();
      }
    });
  } finally {
    await consumer.disconnect();
  }
  return out;
}
