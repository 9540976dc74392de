import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { startTestBroker, type TestBroker } from '@gregor/broker/testing';
import { ClientClosedError, ConfigError, ConnectionError, KafkaError } from '../errors.js';
import { resolveClientOptions } from '../options.js';
import { Cluster, CoordinatorType } from './cluster.js';

/** A loopback port with nothing listening on it. */
async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  assert.ok(address !== null && typeof address === 'object');
  await new Promise((resolve) => server.close(resolve));
  return address.port;
}

describe('Cluster', () => {
  let broker: TestBroker;
  before(async () => {
    broker = await startTestBroker({ properties: { 'num.partitions': '4' } });
  });
  after(async () => {
    await broker.stop();
  });

  it('bootstraps past an unreachable address and caches metadata', async () => {
    const dead = await deadPort();
    const cluster = new Cluster(resolveClientOptions({ bootstrapServers: [`127.0.0.1:${dead}`, broker.bootstrap] }));
    try {
      await cluster.refreshMetadata(['cluster-a'], { allowAutoTopicCreation: true });
      const topic = cluster.topic('cluster-a');
      assert.ok(topic !== undefined);
      assert.equal(topic.partitions.length, 4);
      assert.equal(cluster.leader('cluster-a', 2), 1);
      assert.equal(cluster.brokerList().length, 1);
      assert.ok(cluster.clusterId !== null);
      assert.equal(cluster.controllerId, 1);
      assert.equal(cluster.metadataStale, false);
    } finally {
      await cluster.close();
    }
  });

  it('records topic errors and refreshes all topics', async () => {
    const cluster = new Cluster(resolveClientOptions({ bootstrapServers: broker.bootstrap }));
    try {
      await cluster.refreshMetadata(['cluster-missing']);
      assert.equal(cluster.topic('cluster-missing'), undefined);
      assert.equal(cluster.topicError('cluster-missing')?.type, 'UNKNOWN_TOPIC_OR_PARTITION');
      await cluster.refreshMetadata(['cluster-b'], { allowAutoTopicCreation: true });
      await cluster.refreshMetadata(null);
      assert.ok(cluster.knownTopics().includes('cluster-b'));
      // Concurrent refreshes of the same topics share one request.
      await Promise.all([cluster.ensureTopics(['cluster-b']), cluster.ensureTopics(['cluster-b'])]);
    } finally {
      await cluster.close();
    }
  });

  it('finds group and transaction coordinators and keeps lanes apart', async () => {
    const cluster = new Cluster(resolveClientOptions({ bootstrapServers: broker.bootstrap }));
    try {
      await cluster.refreshMetadata([]);
      assert.equal(await cluster.coordinator(CoordinatorType.GROUP, 'g1'), 1);
      assert.equal(await cluster.coordinator(CoordinatorType.TRANSACTION, 'tx1'), 1);
      const a = await cluster.connection(1, 'default');
      const b = await cluster.connection(1, 'fetch');
      assert.notEqual(a, b);
      assert.equal(await cluster.connection(1, 'fetch'), b);
      b.destroy();
      const c = await cluster.connection(1, 'fetch');
      assert.notEqual(c, b);
      await assert.rejects(cluster.connection(99), ConnectionError);
    } finally {
      await cluster.close();
    }
    await assert.rejects(cluster.connection(1), ClientClosedError);
  });

  it('retries retriable errors only', async () => {
    const cluster = new Cluster(resolveClientOptions({ bootstrapServers: broker.bootstrap, retryBackoffMs: 1 }));
    try {
      let calls = 0;
      const value = await cluster.retry(async () => {
        calls++;
        if (calls < 3) throw new KafkaError(6);
        return 'done';
      });
      assert.equal(value, 'done');
      assert.equal(calls, 3);
      calls = 0;
      await assert.rejects(
        cluster.retry(async () => {
          calls++;
          throw new KafkaError(36);
        }),
        /TOPIC_ALREADY_EXISTS/,
      );
      assert.equal(calls, 1);
    } finally {
      await cluster.close();
    }
  });

  it('says in one sentence that no broker is reachable', async () => {
    const dead = await deadPort();
    const cluster = new Cluster(resolveClientOptions({ bootstrapServers: `127.0.0.1:${dead}` }));
    await assert.rejects(cluster.refreshMetadata(null), (e: unknown) => {
      assert.ok(e instanceof ConnectionError);
      assert.match(e.message, /cannot reach any broker \(bootstrap servers 127\.0\.0\.1:\d+\)/);
      return true;
    });
    await cluster.close();
  });
});

describe('client options', () => {
  it('parses bootstrap servers and rejects bad options', () => {
    const o = resolveClientOptions({ bootstrapServers: 'a:1, [::1]:9092' });
    assert.deepEqual(o.bootstrapServers, [
      { host: 'a', port: 1 },
      { host: '::1', port: 9092 },
    ]);
    assert.equal(o.requestTimeoutMs, 30_000);
    assert.throws(() => resolveClientOptions({ bootstrapServers: 'nohost' }), ConfigError);
    assert.throws(() => resolveClientOptions({ bootstrapServers: 'a:70000' }), ConfigError);
    assert.throws(() => resolveClientOptions({ bootstrapServers: [] }), ConfigError);
    assert.throws(() => resolveClientOptions({ bootstrapServers: 'a:1', requestTimeoutMs: -5 }), /requestTimeoutMs/);
  });
});
