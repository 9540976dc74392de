import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { startTestBroker, type TestBroker } from '@gregor/broker/testing';
import { ApiKey, MetadataRequest, type MetadataResponse } from '@gregor/protocol';
import { AbortError, ConnectionError, RequestTimeoutError, UnsupportedVersionError } from '../errors.js';
import { Connection } from './connection.js';

function options(port: number, extra: Partial<Parameters<typeof Connection.connect>[0]> = {}) {
  return { host: '127.0.0.1', port, clientId: 'test', connectionTimeoutMs: 2_000, requestTimeoutMs: 5_000, ...extra };
}

/** A TCP server that accepts and never answers, for timeout tests. */
async function silentServer(): Promise<{ server: Server; port: number }> {
  const server = createServer(() => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  assert.ok(address !== null && typeof address === 'object');
  return { server, port: address.port };
}

describe('Connection', () => {
  let broker: TestBroker;
  before(async () => {
    broker = await startTestBroker();
  });
  after(async () => {
    await broker.stop();
  });

  it('learns the broker versions and picks the highest common one', async () => {
    const c = await Connection.connect(options(broker.port));
    const range = c.brokerVersions(ApiKey.Metadata);
    assert.ok(range !== undefined && range.max >= 12);
    assert.equal(c.version(ApiKey.Metadata), 12);
    assert.equal(c.version(ApiKey.Metadata, 9), 9);
    assert.throws(() => c.version(ApiKey.Metadata, 3, 5), UnsupportedVersionError);
    assert.throws(() => c.version(ApiKey.LeaderAndIsr), UnsupportedVersionError);
    await c.close();
  });

  it('pipelines requests and matches responses by correlation id', async () => {
    const c = await Connection.connect(options(broker.port));
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        c.request<MetadataResponse>(ApiKey.Metadata, new MetadataRequest(), { maxVersion: 1 + (i % 12) }),
      ),
    );
    assert.equal(results.length, 50);
    for (const r of results) assert.equal(r.brokers.length, 1);
    assert.equal(c.inFlightCount, 0);
    await c.close();
    assert.equal(c.usable, false);
    await assert.rejects(c.request(ApiKey.Metadata, new MetadataRequest()), ConnectionError);
  });

  it('fails with a ConnectionError when nothing listens', async () => {
    const { server, port } = await silentServer();
    await new Promise((resolve) => server.close(resolve));
    await assert.rejects(Connection.connect(options(port)), (e: unknown) => {
      assert.ok(e instanceof ConnectionError);
      assert.equal(e.retriable, true);
      assert.equal(e.type, 'NETWORK_EXCEPTION');
      assert.match(e.message, /cannot connect to 127\.0\.0\.1:/);
      return true;
    });
  });

  it('times out a silent broker and honours AbortSignal', async () => {
    const { server, port } = await silentServer();
    try {
      await assert.rejects(Connection.connect(options(port, { connectionTimeoutMs: 100 })), RequestTimeoutError);
      const controller = new AbortController();
      const pending = Connection.connect(options(port, { signal: controller.signal }));
      setTimeout(() => controller.abort(), 50);
      await assert.rejects(pending, AbortError);
    } finally {
      server.close();
    }
  });

  it('aborts one request without breaking the connection', async () => {
    const c = await Connection.connect(options(broker.port));
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(c.request(ApiKey.Metadata, new MetadataRequest(), { signal: controller.signal }), AbortError);
    const r = await c.request<MetadataResponse>(ApiKey.Metadata, new MetadataRequest());
    assert.equal(r.brokers.length, 1);
    await c.close();
  });

  it('fails in-flight requests when the peer closes', async () => {
    const server = createServer((socket) => {
      socket.once('data', () => socket.destroy());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    assert.ok(address !== null && typeof address === 'object');
    try {
      await assert.rejects(Connection.connect(options(address.port)), ConnectionError);
    } finally {
      server.close();
    }
  });

  it('closes on a response frame with an impossible size', async () => {
    const server = createServer((socket) => {
      socket.once('data', () => socket.write(Buffer.from([0x7f, 0xff, 0xff, 0xff])));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    assert.ok(address !== null && typeof address === 'object');
    try {
      await assert.rejects(Connection.connect(options(address.port)), /response frame of 2147483647 bytes/);
    } finally {
      server.close();
    }
  });
});
