import assert from 'node:assert/strict';
import { connect, createServer, type Server } from 'node:net';
import { describe, it } from 'node:test';
import { startTestBroker } from '@gregor/broker/testing';
import { AbortError, ClientClosedError, ConfigError, ConnectionError, RequestTimeoutError } from '../errors.js';
import { Admin } from './admin.js';

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  assert.ok(address !== null && typeof address === 'object');
  return address.port;
}

/** A port on which nothing listens (refused at once). */
async function closedPort(): Promise<number> {
  const server = createServer();
  const port = await listen(server);
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A server that accepts connections and never answers. */
async function silentServer(): Promise<{ server: Server; port: number }> {
  const server = createServer((socket) => socket.on('error', () => undefined));
  return { server, port: await listen(server) };
}

describe('Admin whole-call errors', { timeout: 30_000 }, () => {
  it('an unreachable bootstrap fails with ConnectionError within the timeout', async () => {
    const port = await closedPort();
    const admin = new Admin({ bootstrapServers: `127.0.0.1:${port}`, retryBackoffMs: 10, retryBackoffMaxMs: 50 });
    try {
      for (const run of [
        () => admin.listTopics({ timeoutMs: 300 }),
        () => admin.createTopics([{ name: 't' }], { timeoutMs: 300 }),
        () => admin.describeGroups(['g'], { timeoutMs: 300 }),
        () => admin.listOffsets([{ topic: 't', partition: 0, spec: 'latest' }], { timeoutMs: 300 }),
        () => admin.describeConfigs([{ type: 'broker', name: '1' }], { timeoutMs: 300 }),
      ]) {
        await assert.rejects(run(), (e: unknown) => {
          assert.ok(e instanceof ConnectionError, String(e));
          assert.match(e.message, new RegExp(`127\\.0\\.0\\.1:${port}`));
          return true;
        });
      }
    } finally {
      await admin.close();
    }
  });

  it('a broker that never answers: the call ends at its timeout', async () => {
    const { server, port } = await silentServer();
    const admin = new Admin({ bootstrapServers: `127.0.0.1:${port}`, retryBackoffMs: 10, retryBackoffMaxMs: 50 });
    try {
      await assert.rejects(admin.describeCluster({ timeoutMs: 200 }), (e: unknown) => {
        assert.ok(e instanceof RequestTimeoutError, String(e));
        assert.match(e.message, /describeCluster did not complete in 200 ms/);
        return true;
      });
    } finally {
      await admin.close();
      server.close();
    }
  });

  it('an AbortSignal cancels a call, before or while it runs', async () => {
    const { server, port } = await silentServer();
    const admin = new Admin({ bootstrapServers: `127.0.0.1:${port}` });
    try {
      const aborted = AbortSignal.abort(new Error('stop'));
      await assert.rejects(admin.listTopics({ signal: aborted }), AbortError);
      const controller = new AbortController();
      const pending = admin.describeGroups(['g'], { signal: controller.signal });
      setTimeout(() => controller.abort(), 50);
      await assert.rejects(pending, AbortError);
    } finally {
      await admin.close();
      server.close();
    }
  });

  it('refuses bad options and calls after close', async () => {
    assert.throws(() => new Admin({ bootstrapServers: 'nohostport' }), ConfigError);
    assert.throws(() => new Admin({ bootstrapServers: '127.0.0.1:9092', defaultApiTimeoutMs: 0 }), ConfigError);
    const admin = new Admin({ bootstrapServers: '127.0.0.1:9092' });
    await assert.rejects(admin.listTopics({ timeoutMs: -1 }), ConfigError);
    await admin.close();
    await admin.close();
    await assert.rejects(admin.listTopics(), ClientClosedError);
  });

  it('retries a call whose connection broke', async () => {
    const tb = await startTestBroker();
    // A bootstrap proxy that drops its first connection and forwards the others.
    let accepted = 0;
    const proxy = createServer((socket) => {
      socket.on('error', () => undefined);
      accepted++;
      if (accepted === 1) {
        socket.destroy();
        return;
      }
      const upstream = connect(tb.port, '127.0.0.1');
      upstream.on('error', () => socket.destroy());
      socket.pipe(upstream).pipe(socket);
    });
    const port = await listen(proxy);
    const admin = new Admin({ bootstrapServers: `127.0.0.1:${port}`, retryBackoffMs: 10, retryBackoffMaxMs: 50 });
    try {
      const cluster = await admin.describeCluster({ timeoutMs: 10_000 });
      assert.equal(cluster.brokers[0]?.port, tb.port);
      assert.equal(accepted, 2);
    } finally {
      await admin.close();
      proxy.close();
      await tb.stop();
    }
  });
});

describe('Admin bad arguments', () => {
  it('null or non-object items are refused with ConfigError before any I/O, never a TypeError', async () => {
    const port = await closedPort();
    const admin = new Admin({ bootstrapServers: `127.0.0.1:${port}` });
    const nothing = null as never;
    try {
      for (const run of [
        () => admin.createTopics(nothing),
        () => admin.createTopics([nothing]),
        () => admin.createPartitions([nothing]),
        () => admin.listOffsets([nothing]),
        () => admin.deleteRecords([nothing]),
        () => admin.describeConfigs([nothing]),
        () => admin.incrementalAlterConfigs([nothing]),
        () => admin.alterConfigs([nothing]),
        () => admin.listGroupOffsets('g', { partitions: [nothing] }),
        () => admin.alterGroupOffsets('g', [nothing]),
        () => admin.resetGroupOffsets('g', nothing),
        () => admin.describeProducers([nothing]),
        () => admin.listGroups({ states: 'Stable' as never }),
      ]) {
        await assert.rejects(run(), ConfigError);
      }
    } finally {
      await admin.close();
    }
  });
});
