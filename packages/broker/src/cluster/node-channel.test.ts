import assert from 'node:assert/strict';
import { createServer, type Server, type Socket } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { ApiKey, ApiVersionsRequest, type ApiVersionsResponse, MetadataRequest } from '@gregor/protocol';
import { freePort } from '../e2e/cluster.js';
import { startTestBroker, type TestBroker } from '../testing.js';
import { NodeChannel, NodeChannelError, NodeChannels } from './node-channel.js';

function versions(): ApiVersionsRequest {
  const r = new ApiVersionsRequest();
  r.clientSoftwareName = 'gregor-test';
  r.clientSoftwareVersion = '1.0';
  return r;
}

/** A server that accepts connections and never answers (or closes them at once). */
async function silentServer(closeAtOnce = false): Promise<{ server: Server; port: number; sockets: Socket[] }> {
  const sockets: Socket[] = [];
  const server = createServer((s) => {
    sockets.push(s);
    if (closeAtOnce) s.destroy();
    else s.on('data', () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return { server, port, sockets };
}

function close(server: Server, sockets: Socket[]): Promise<void> {
  for (const s of sockets) s.destroy();
  return new Promise((resolve) => server.close(() => resolve()));
}

describe('NodeChannel', () => {
  let tb: TestBroker;
  before(async () => {
    tb = await startTestBroker();
  });
  after(async () => {
    await tb.stop();
  });

  test('pipelines requests to a broker and matches each answer to its request', async () => {
    const channel = new NodeChannel({ host: '127.0.0.1', port: tb.port }, 'test', 5000);
    try {
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          i % 2 === 0
            ? channel.request<ApiVersionsResponse>(ApiKey.ApiVersions, 3, versions(), 5000)
            : channel.request<{ brokers: unknown[] }>(ApiKey.Metadata, 12, new MetadataRequest(), 5000),
        ),
      );
      for (let i = 0; i < answers.length; i++) {
        if (i % 2 === 0) {
          assert.equal((answers[i] as ApiVersionsResponse).errorCode, 0);
          assert.ok((answers[i] as ApiVersionsResponse).apiKeys.length > 10);
        } else assert.equal((answers[i] as { brokers: unknown[] }).brokers.length, 1);
      }
    } finally {
      channel.close();
    }
  });

  test('a request without an answer times out, fails the connection, and the next request reconnects', async () => {
    const { server, port, sockets } = await silentServer();
    const channel = new NodeChannel({ host: '127.0.0.1', port }, 'test', 5000);
    try {
      const first = channel.request(ApiKey.ApiVersions, 3, versions(), 50);
      const second = channel.request(ApiKey.ApiVersions, 3, versions(), 10_000);
      await assert.rejects(first, /ApiVersions to 127\.0\.0\.1:\d+ timed out after 50 ms/);
      // The other request on the same connection fails with it: the stream is not in step any more.
      await assert.rejects(second, NodeChannelError);
      await assert.rejects(channel.request(ApiKey.ApiVersions, 3, versions(), 50), /timed out/);
      assert.equal(sockets.length, 2);
    } finally {
      channel.close();
      await close(server, sockets);
    }
  });

  test('an aborted request rejects at once; its late answer is dropped without harming the connection', async () => {
    const channel = new NodeChannel({ host: '127.0.0.1', port: tb.port }, 'test', 5000);
    try {
      const controller = new AbortController();
      const aborted = channel.request(ApiKey.ApiVersions, 3, versions(), 5000, controller.signal);
      controller.abort(new Error('stop'));
      await assert.rejects(aborted, /stop/);
      const ok = await channel.request<ApiVersionsResponse>(ApiKey.ApiVersions, 3, versions(), 5000);
      assert.equal(ok.errorCode, 0);
      await assert.rejects(channel.request(ApiKey.ApiVersions, 3, versions(), 5000, AbortSignal.abort()), /abort/i);
    } finally {
      channel.close();
    }
  });

  test('requests beyond the in-flight limit are refused at once; an aborted one still times out', async () => {
    const { server, port, sockets } = await silentServer();
    const channel = new NodeChannel({ host: '127.0.0.1', port }, 'test', 5000, 2);
    try {
      const controller = new AbortController();
      const first = channel.request(ApiKey.ApiVersions, 3, versions(), 100, controller.signal);
      const second = channel.request(ApiKey.ApiVersions, 3, versions(), 10_000);
      // Both are in flight once connected: a third is refused without being sent.
      await new Promise((resolve) => setTimeout(resolve, 20));
      await assert.rejects(channel.request(ApiKey.ApiVersions, 3, versions(), 1000), /2 requests .* already in flight/);
      controller.abort(new Error('given up'));
      await assert.rejects(first, /given up/);
      // The aborted request's timer still closes the silent connection, failing the other one.
      await assert.rejects(second, /timed out after 100 ms/);
    } finally {
      channel.close();
      await close(server, sockets);
    }
  });

  test('refused and closed connections fail the request with a clear error', async () => {
    const port = await freePort();
    const refused = new NodeChannel({ host: '127.0.0.1', port }, 'test', 5000);
    await assert.rejects(
      refused.request(ApiKey.ApiVersions, 3, versions(), 1000),
      /cannot connect to 127\.0\.0\.1:\d+/,
    );
    refused.close();
    const { server, port: closingPort, sockets } = await silentServer(true);
    const closing = new NodeChannel({ host: '127.0.0.1', port: closingPort }, 'test', 5000);
    try {
      await assert.rejects(closing.request(ApiKey.ApiVersions, 3, versions(), 5000), NodeChannelError);
    } finally {
      closing.close();
      await close(server, sockets);
    }
  });

  test('a closed channel refuses requests; an unknown node has no channel', async () => {
    const channel = new NodeChannel({ host: '127.0.0.1', port: tb.port }, 'test', 5000);
    channel.close();
    await assert.rejects(channel.request(ApiKey.ApiVersions, 3, versions(), 1000), /channel closed/);
    const channels = new NodeChannels((id) => (id === 1 ? { host: '127.0.0.1', port: tb.port } : null), 'test');
    try {
      await assert.rejects(channels.request(2, ApiKey.ApiVersions, 3, versions(), 1000), /no address known for node 2/);
      const res = await channels.request<ApiVersionsResponse>(1, ApiKey.ApiVersions, 3, versions(), 5000);
      assert.equal(res.errorCode, 0);
    } finally {
      channels.close();
    }
  });
});
