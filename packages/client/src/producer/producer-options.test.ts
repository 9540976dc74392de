import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Compression } from '@gregor/protocol';
import { ConfigError } from '../errors.js';
import { type ProducerOptions, resolveProducerOptions } from './producer-options.js';

const base = { bootstrapServers: '127.0.0.1:9092' };
const resolve = (o: Partial<ProducerOptions>) =>
  resolveProducerOptions({ ...base, ...o } as ProducerOptions<never, never>);

describe('producer options', () => {
  test("Kafka's defaults", () => {
    const o = resolve({});
    assert.equal(o.acks, -1);
    assert.equal(o.compression, Compression.NONE);
    assert.equal(o.lingerMs, 5);
    assert.equal(o.batchSize, 16384);
    assert.equal(o.bufferMemory, 33554432);
    assert.equal(o.maxBlockMs, 60000);
    assert.equal(o.maxRequestSize, 1048576);
    assert.equal(o.deliveryTimeoutMs, 120000);
    assert.equal(o.maxInFlightRequestsPerConnection, 5);
    assert.equal(o.idempotent, true);
    assert.equal(o.transactionalId, null);
    assert.equal(o.transactionTimeoutMs, 60000);
  });

  test("acks 'all' is -1; compression names map to codec ids", () => {
    assert.equal(resolve({ acks: 'all' }).acks, -1);
    assert.equal(resolve({ compression: 'zstd' }).compression, Compression.ZSTD);
    assert.equal(resolve({ compression: 'lz4' }).compression, Compression.LZ4);
  });

  test('bad values are ConfigErrors', () => {
    const bad: Array<Partial<ProducerOptions> | Record<string, unknown>> = [
      { acks: 2 },
      { compression: 'brotli' },
      { compression: 'toString' },
      { lingerMs: -1 },
      { batchSize: 1.5 },
      { bufferMemory: 0 },
      { maxRequestSize: 0 },
      { maxInFlightRequestsPerConnection: 0 },
      { transactionalId: '' },
      { enableIdempotence: 'yes' },
      { partitioner: 'murmur2' },
      { keySerializer: 42 },
      { deliveryTimeoutMs: 1000 },
      { transactionTimeoutMs: 2 ** 31 },
      { bootstrapServers: '' },
    ];
    for (const o of bad) assert.throws(() => resolve(o as Partial<ProducerOptions>), ConfigError, JSON.stringify(o));
  });

  test("idempotence: explicit with acks != all or more than 5 in flight is an error (Kafka's rule)", () => {
    assert.throws(() => resolve({ enableIdempotence: true, acks: 1 }), ConfigError);
    assert.throws(() => resolve({ enableIdempotence: true, maxInFlightRequestsPerConnection: 6 }), ConfigError);
  });

  test('idempotence by default is turned off by acks 0/1 or more than 5 in flight', () => {
    assert.equal(resolve({ acks: 1 }).idempotent, false);
    assert.equal(resolve({ acks: 0 }).idempotent, false);
    assert.equal(resolve({ maxInFlightRequestsPerConnection: 10 }).idempotent, false);
    assert.equal(resolve({ enableIdempotence: false }).idempotent, false);
  });

  test('a transactional id requires idempotence and its settings', () => {
    assert.throws(() => resolve({ transactionalId: 'tx', enableIdempotence: false }), ConfigError);
    assert.throws(() => resolve({ transactionalId: 'tx', acks: 1 }), ConfigError);
    assert.throws(() => resolve({ transactionalId: 'tx', maxInFlightRequestsPerConnection: 6 }), ConfigError);
    assert.equal(resolve({ transactionalId: 'tx' }).idempotent, true);
  });
});
