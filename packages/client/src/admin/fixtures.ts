/**
 * Shared set-up of the admin tests: an in-process broker, an Admin with short
 * timeouts and backoff, a KafkaJS client for producing and consuming, and assertions
 * on AdminError.
 */
import assert from 'node:assert/strict';
import { startTestBroker, type TestBroker } from '@gregor/broker/testing';
import type { Kafka as KafkaClient } from 'kafkajs';
import kafkajs from 'kafkajs';
import { KafkaError } from '../errors.js';
import { Admin } from './admin.js';
import { AdminError } from './admin-error.js';

const { Kafka, logLevel, Partitioners } = kafkajs;

export interface Fixture {
  tb: TestBroker;
  admin: Admin;
  kafka: KafkaClient;
  stop(): Promise<void>;
}

export async function startFixture(properties: Record<string, string> = {}): Promise<Fixture> {
  const tb = await startTestBroker({ properties });
  const admin = new Admin({
    bootstrapServers: tb.bootstrap,
    clientId: 'admin-test',
    defaultApiTimeoutMs: 15_000,
    retryBackoffMs: 20,
    retryBackoffMaxMs: 200,
  });
  const kafka = new Kafka({
    clientId: 'admin-test-kafkajs',
    brokers: [tb.bootstrap],
    logLevel: logLevel.NOTHING,
    retry: { retries: 5, initialRetryTime: 50, maxRetryTime: 500 },
  });
  return {
    tb,
    admin,
    kafka,
    async stop() {
      await admin.close();
      await tb.stop();
    },
  };
}

let counter = 0;
/** A name no other test in this process uses. */
export function unique(prefix: string): string {
  counter++;
  return `${prefix}-${process.pid}-${counter}`;
}

/** Produces `values` to one partition with KafkaJS (acks=all), optionally with timestamps. */
export async function produce(
  kafka: KafkaClient,
  topic: string,
  partition: number,
  values: readonly string[],
  timestamps?: readonly number[],
): Promise<void> {
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  try {
    await producer.send({
      topic,
      acks: -1,
      messages: values.map((value, i) => ({
        value,
        partition,
        ...(timestamps === undefined ? {} : { timestamp: String(timestamps[i]) }),
      })),
    });
  } finally {
    await producer.disconnect();
  }
}

/**
 * Asserts that `promise` rejects with an AdminError whose errors are exactly the given
 * items (error type name, topic, partition), in order; returns the error.
 */
export async function rejectsWithItems(
  promise: Promise<unknown>,
  items: ReadonlyArray<{ type: string; topic: string; partition?: number }>,
): Promise<AdminError> {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  assert.ok(caught instanceof AdminError, `expected an AdminError, got ${String(caught)}`);
  assert.deepEqual(
    caught.errors.map((e) => ({
      type: e.type,
      topic: e.topic,
      ...(e.partition === undefined ? {} : { partition: e.partition }),
    })),
    items,
  );
  for (const e of caught.errors) assert.ok(e instanceof KafkaError);
  return caught;
}
