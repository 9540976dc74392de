/**
 * Bad input over raw sockets. For each case the broker answers with Kafka's error or
 * closes that one connection; it keeps serving a second connection, and the log is
 * untouched (same high watermark, same records).
 *
 * Also: pipelined requests come back in request order; idle connections are closed after
 * connections.max.idle.ms; a client that never reads its responses cannot make the
 * broker buffer without bound.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ApiSpec } from '@gregor/protocol';
import {
  API_TABLE,
  ApiKey,
  ApiVersionsRequest,
  type ApiVersionsResponse,
  buildRecordBatch,
  Compression,
  CRC_OFFSET,
  ErrorCode,
  type FetchResponse,
  ListOffsetsRequest,
  type ListOffsetsResponse,
  MAGIC_OFFSET,
  MetadataRequest,
  type MetadataResponse,
  type ProduceResponse,
} from '@gregor/protocol';
import { ListOffsetsPartition, ListOffsetsTopic } from '@gregor/protocol/generated/messages/list-offsets-request';
import { handlerFor } from '../handlers/registry.js';
import type { TestBroker } from '../testing.js';
import { startTestBroker } from '../testing.js';
import {
  ensureTopic,
  FETCH_VERSION,
  fetchAll,
  fetchOnce,
  fetchRequest,
  PRODUCE_VERSION,
  produce,
  produceRequest,
  RawClient,
  requestFrame,
} from './raw-client.js';
import { SeededRandom, seedFromEnv, uniqueTopic, waitFor } from './support.js';

const seed = seedFromEnv();
const MAX_REQUEST_BYTES = 256 * 1024;

/** ApiVersions v3+ must name the client software (Kafka answers INVALID_REQUEST otherwise). */
function apiVersionsRequest(): ApiVersionsRequest {
  const r = new ApiVersionsRequest();
  r.clientSoftwareName = 'gregor-e2e';
  r.clientSoftwareVersion = '1.0';
  return r;
}

function int32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n, 0);
  return b;
}

/** A frame with the given size prefix and body bytes (which may disagree on purpose). */
function frame(size: number, body: Buffer): Buffer {
  return Buffer.concat([int32(size), body]);
}

/** A request header (v1) followed by `body`, unframed. */
function headerV1(apiKey: number, apiVersion: number, correlationId: number, clientId = 'bad'): Buffer {
  const id = Buffer.from(clientId);
  const b = Buffer.alloc(10 + id.length);
  b.writeInt16BE(apiKey, 0);
  b.writeInt16BE(apiVersion, 2);
  b.writeInt32BE(correlationId, 4);
  b.writeInt16BE(id.length, 8);
  id.copy(b, 10);
  return b;
}

function flip(buf: Buffer, at: number, mask: number): void {
  buf.writeUInt8(buf.readUInt8(at) ^ mask, at);
}

/** CRC-32 (IEEE), for legacy message sets. */
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

/** One magic-1 message (offset, size, crc, magic, attributes, timestamp, key, value). */
function legacyMessageV1(value: string): Buffer {
  const v = Buffer.from(value);
  const body = Buffer.alloc(1 + 1 + 8 + 4 + 4 + v.length);
  let at = 0;
  body.writeInt8(1, at++); // magic
  body.writeInt8(0, at++); // attributes
  body.writeBigInt64BE(BigInt(Date.now()), at);
  at += 8;
  body.writeInt32BE(-1, at); // null key
  at += 4;
  body.writeInt32BE(v.length, at);
  at += 4;
  v.copy(body, at);
  const message = Buffer.alloc(12 + 4 + body.length);
  message.writeBigInt64BE(0n, 0);
  message.writeInt32BE(4 + body.length, 8);
  message.writeUInt32BE(crc32(body), 12);
  body.copy(message, 16);
  return message;
}

describe(`bad input over raw sockets (seed ${seed})`, { timeout: 60_000 }, () => {
  const rnd = new SeededRandom(seed);
  let tb: TestBroker;
  /** A well-behaved connection that must keep working whatever the others do. */
  let witness: RawClient;
  const topic = uniqueTopic('victim');
  const expectedValues: string[] = [];

  before(async () => {
    tb = await startTestBroker({ settings: { maxRequestBytes: MAX_REQUEST_BYTES } });
    witness = await RawClient.connect(tb.port);
    await ensureTopic(witness, topic);
    for (let i = 0; i < 3; i++) {
      const values = Array.from({ length: 5 }, (_, j) => `good-${i * 5 + j}`);
      const r = await produce(
        witness,
        topic,
        0,
        buildRecordBatch({ records: values.map((value) => ({ value, timestamp: Date.now() })) }),
      );
      assert.equal(r.errorCode, 0);
      expectedValues.push(...values);
    }
  });

  after(async () => {
    witness?.close();
    await tb?.stop();
  });

  /** The broker still serves the witness and the log holds exactly what it held. */
  async function stillHealthy(): Promise<void> {
    const versions = await witness.request<ApiVersionsResponse>(ApiKey.ApiVersions, 0, new ApiVersionsRequest());
    assert.equal(versions.errorCode, 0);
    const { records, highWatermark } = await fetchAll(witness, topic, 0);
    assert.equal(highWatermark, expectedValues.length);
    assert.deepEqual(
      records.map((r) => r.value?.toString()),
      expectedValues,
    );
    // A new connection is accepted and served too.
    const fresh = await RawClient.connect(tb.port);
    try {
      const md = new MetadataRequest();
      md.topics = null;
      const r = await fresh.request<MetadataResponse>(ApiKey.Metadata, 9, md);
      assert.ok(r.topics.some((t) => t.name === topic));
    } finally {
      fresh.close();
    }
  }

  /** Sends `bytes` on a new connection and expects the broker to close it. */
  async function expectClose(bytes: Buffer, what: string): Promise<void> {
    const c = await RawClient.connect(tb.port);
    try {
      await c.sendRaw(bytes);
      assert.equal(await c.waitForClose(5000), true, `${what}: connection still open`);
    } finally {
      c.close();
    }
    await stillHealthy();
  }

  test('garbage frames close that connection only', async () => {
    // A header whose client id claims more bytes than the frame holds.
    const lying = headerV1(ApiKey.Metadata, 1, 7);
    lying.writeInt16BE(0x7fff, 8);
    await expectClose(frame(lying.length, lying), 'client id longer than the frame');
    // Too short for a request header.
    await expectClose(frame(3, Buffer.from([0, 3, 0])), 'a 3-byte request');
    // A size-0 frame with nothing after it (this once threw in the framing code, which
    // would have taken the whole broker down).
    await expectClose(frame(0, Buffer.alloc(0)), 'an empty request');
    // A valid header, then a body of random bytes that cannot be a Metadata v1 request
    // (its topic count says more topics than there are bytes).
    const junk = Buffer.concat([headerV1(ApiKey.Metadata, 1, 8), int32(1_000_000), rnd.bytes(40)]);
    await expectClose(frame(junk.length, junk), 'random body');
    // A Produce whose body ends early.
    const produceFrame = requestFrame(
      ApiKey.Produce,
      PRODUCE_VERSION,
      9,
      produceRequest(topic, 0, buildRecordBatch({ records: [{ value: 'x', timestamp: Date.now() }] })),
    );
    const cut = produceFrame.subarray(4, produceFrame.length - 20);
    await expectClose(frame(cut.length, cut), 'a Produce body cut short');
    // Bytes left over after a complete request: the decoder checks the frame is used up.
    const body = requestFrame(ApiKey.ApiVersions, 0, 10, new ApiVersionsRequest()).subarray(4);
    const padded = Buffer.concat([body, Buffer.from('trailing garbage')]);
    await expectClose(frame(padded.length, padded), 'trailing bytes');
  });

  test('a frame larger than socket.request.max.bytes is refused before its body is read', async () => {
    const c = await RawClient.connect(tb.port);
    try {
      await c.sendRaw(int32(MAX_REQUEST_BYTES + 1));
      assert.equal(await c.waitForClose(5000), true);
    } finally {
      c.close();
    }
    await expectClose(int32(0x7fffffff), 'a 2 GiB frame');
    // A request of exactly the limit is read and served.
    const limitTopic = uniqueTopic('at-limit');
    await ensureTopic(witness, limitTopic);
    const sized = (valueBytes: number) =>
      requestFrame(
        ApiKey.Produce,
        PRODUCE_VERSION,
        11,
        produceRequest(
          limitTopic,
          0,
          buildRecordBatch({ records: [{ value: Buffer.alloc(valueBytes, 7), timestamp: Date.now() }] }),
        ),
      );
    let valueBytes = MAX_REQUEST_BYTES - 200;
    for (let i = 0; i < 3; i++) valueBytes += MAX_REQUEST_BYTES - (sized(valueBytes).length - 4);
    const atLimit = sized(valueBytes);
    assert.equal(atLimit.length - 4, MAX_REQUEST_BYTES);
    const c2 = await RawClient.connect(tb.port);
    try {
      await c2.sendRaw(atLimit);
      const r = RawClient.decode<ProduceResponse>(ApiKey.Produce, PRODUCE_VERSION, await c2.nextFrame());
      assert.equal(r.correlationId, 11);
      assert.equal(r.body.responses[0]?.partitionResponses[0]?.errorCode, 0);
      // One byte more is refused.
      const over = sized(valueBytes + 1);
      await c2.sendRaw(over);
      assert.equal(await c2.waitForClose(5000), true);
    } finally {
      c2.close();
    }
    await stillHealthy();
  });

  test('negative sizes close the connection', async () => {
    await expectClose(int32(-1), 'size -1');
    await expectClose(int32(-2147483648), 'size -2^31');
  });

  test('unknown API keys close the connection; an API Gregor does not serve too', async () => {
    await expectClose(frame(10 + 3, headerV1(1000, 0, 12)), 'api key 1000');
    await expectClose(frame(10 + 3, headerV1(-1, 0, 13)), 'api key -1');
    const unserved = API_TABLE.find((a): a is ApiSpec => a !== undefined && handlerFor(a.apiKey) === undefined);
    assert.ok(unserved !== undefined, 'every API is served: pick another case');
    const bytes = requestFrame(unserved.apiKey, unserved.lowestVersion, 14, new unserved.request());
    await expectClose(bytes, `${unserved.name} (not served)`);
  });

  test('unsupported versions: Produce v2 gets UNSUPPORTED_VERSION, ApiVersions v99 a v0 answer', async () => {
    const c = await RawClient.connect(tb.port);
    try {
      const batch = buildRecordBatch({ records: [{ value: 'old client', timestamp: Date.now() }] });
      const old = await c.request<ProduceResponse>(ApiKey.Produce, 2, produceRequest(topic, 0, batch, 1));
      assert.equal(old.responses[0]?.name, topic);
      assert.equal(old.responses[0]?.partitionResponses[0]?.errorCode, ErrorCode.UNSUPPORTED_VERSION);

      // ApiVersions at a version the broker cannot parse: a v0 answer, with the list (KIP-511).
      const body = Buffer.from([0x0b, ...Buffer.from('future-cli'), 0x04, ...Buffer.from('9.9'), 0x00]);
      const request = Buffer.concat([headerV1(ApiKey.ApiVersions, 99, 4242), body]);
      await c.sendRaw(frame(request.length, request));
      const answer = RawClient.decode<ApiVersionsResponse>(ApiKey.ApiVersions, 0, await c.nextFrame());
      assert.equal(answer.correlationId, 4242);
      assert.equal(answer.body.errorCode, ErrorCode.UNSUPPORTED_VERSION);
      const produceRange = answer.body.apiKeys.find((k) => k.apiKey === ApiKey.Produce);
      assert.ok(produceRange !== undefined && produceRange.maxVersion >= 9);
      assert.ok(answer.body.apiKeys.some((k) => k.apiKey === ApiKey.Fetch));
      assert.ok(answer.body.apiKeys.some((k) => k.apiKey === ApiKey.ApiVersions && k.maxVersion >= 3));
      // The connection is still usable after both.
      const ok = await c.request<ApiVersionsResponse>(ApiKey.ApiVersions, 3, apiVersionsRequest());
      assert.equal(ok.errorCode, 0);
    } finally {
      c.close();
    }
    // A version beyond anything Kafka defines: the request cannot be parsed; the connection closes.
    await expectClose(frame(10 + 3, headerV1(ApiKey.Produce, 99, 15)), 'Produce v99');
    await stillHealthy();
  });

  test('corrupt batches get CORRUPT_MESSAGE and leave the log untouched', async () => {
    const c = await RawClient.connect(tb.port);
    try {
      const good = () =>
        buildRecordBatch({
          records: [
            { value: 'would be bad', timestamp: Date.now() },
            { value: 'if appended', timestamp: Date.now() },
          ],
          compression: Compression.NONE,
        });
      const cases: [string, Buffer][] = [];
      const flippedPayload = good();
      flip(flippedPayload, flippedPayload.length - 3, 0x40);
      cases.push(['a flipped payload bit', flippedPayload]);
      const flippedCrc = good();
      flip(flippedCrc, CRC_OFFSET, 0x01);
      cases.push(['a flipped CRC', flippedCrc]);
      const gz = buildRecordBatch({
        records: [{ value: 'gz'.repeat(50), timestamp: Date.now() }],
        compression: Compression.GZIP,
      });
      flip(gz, gz.length - 5, 0xff);
      cases.push(['a corrupt gzip batch', gz]);
      cases.push(['a batch cut short', good().subarray(0, 70)]);
      const badMagic = good();
      badMagic[MAGIC_OFFSET] = 3;
      cases.push(['magic 3', badMagic]);
      for (const [what, batch] of cases) {
        const r = await produce(c, topic, 0, batch, -1);
        assert.equal(r.errorCode, ErrorCode.CORRUPT_MESSAGE, `${what}: error ${r.errorCode}`);
        assert.equal(r.baseOffset, -1);
      }
      // The connection stays usable after refused batches.
      assert.equal((await fetchOnce(c, topic, 0, 0)).highWatermark, expectedValues.length);
    } finally {
      c.close();
    }
    await stillHealthy();
  });

  test('magic v1 message sets are refused as Kafka does, the log untouched', async () => {
    const c = await RawClient.connect(tb.port);
    try {
      const legacy = legacyMessageV1('from 2016');
      const r = await produce(c, topic, 0, legacy, -1);
      // Kafka 4 says INVALID_RECORD for a v3+ Produce without a magic-2 batch; older
      // brokers UNSUPPORTED_FOR_MESSAGE_FORMAT. Either is Kafka's answer.
      assert.ok(
        r.errorCode === ErrorCode.UNSUPPORTED_FOR_MESSAGE_FORMAT || r.errorCode === ErrorCode.INVALID_RECORD,
        `error ${r.errorCode}`,
      );
      const v0 = legacyMessageV1('magic zero');
      v0[MAGIC_OFFSET] = 0;
      const r0 = await produce(c, topic, 0, v0, -1);
      assert.ok(r0.errorCode === ErrorCode.UNSUPPORTED_FOR_MESSAGE_FORMAT || r0.errorCode === ErrorCode.INVALID_RECORD);
    } finally {
      c.close();
    }
    await stillHealthy();
  });

  test('a request cut off mid-frame, then the connection closed, leaves nothing behind', async () => {
    for (const keep of [0.1, 0.5, 0.95]) {
      const c = await RawClient.connect(tb.port);
      const bytes = requestFrame(
        ApiKey.Produce,
        PRODUCE_VERSION,
        16,
        produceRequest(
          topic,
          0,
          buildRecordBatch({ records: [{ value: 'half a request', timestamp: Date.now() }] }),
          -1,
        ),
      );
      await c.sendRaw(bytes.subarray(0, Math.floor(bytes.length * keep)));
      c.socket.end();
      await c.waitForClose(5000);
      c.close();
    }
    // Only the size prefix, partly.
    const c = await RawClient.connect(tb.port);
    await c.sendRaw(Buffer.from([0, 0]));
    c.close();
    await new Promise((r) => setTimeout(r, 50));
    await stillHealthy();
  });

  test('pipelined requests come back in request order', async () => {
    const c = await RawClient.connect(tb.port);
    const quiet = uniqueTopic('quiet');
    await ensureTopic(c, quiet);
    const pipelined = uniqueTopic('pipelined');
    await ensureTopic(c, pipelined);
    try {
      const sent: { correlationId: number; apiKey: number; version: number }[] = [];
      const send = (apiKey: number, version: number, body: object, expectResponse = true) => {
        const correlationId = c.send(apiKey, version, body);
        if (expectResponse) sent.push({ correlationId, apiKey, version });
      };
      // First a long poll that only its timeout ends: everything after it finishes first.
      send(ApiKey.Fetch, FETCH_VERSION, fetchRequest(quiet, 0, 0, 300));
      for (let i = 0; i < 40; i++) {
        switch (i % 5) {
          case 0:
            send(ApiKey.ApiVersions, 3, apiVersionsRequest());
            break;
          case 1: {
            const md = new MetadataRequest();
            md.topics = null;
            send(ApiKey.Metadata, 12, md);
            break;
          }
          case 2: {
            const batch = buildRecordBatch({ records: [{ value: `p${i}`, timestamp: Date.now() }] });
            send(
              ApiKey.Produce,
              PRODUCE_VERSION,
              produceRequest(pipelined, 0, batch, i % 2 === 0 ? 1 : 0),
              i % 2 === 0,
            );
            break;
          }
          case 3:
            send(ApiKey.Fetch, FETCH_VERSION, fetchRequest(pipelined, 0, 0));
            break;
          default: {
            const lo = new ListOffsetsRequest();
            lo.replicaId = -1;
            const t = new ListOffsetsTopic();
            t.name = pipelined;
            const p = new ListOffsetsPartition();
            p.timestamp = -1n;
            t.partitions.push(p);
            lo.topics.push(t);
            send(ApiKey.ListOffsets, 7, lo);
          }
        }
      }
      const started = Date.now();
      for (const expected of sent) {
        const got = RawClient.decode<object>(expected.apiKey, expected.version, await c.nextFrame());
        assert.equal(got.correlationId, expected.correlationId);
      }
      assert.ok(Date.now() - started >= 250, 'the long poll was answered early');
      // The acks=0 produces in the pipeline were appended all the same: 8 in all.
      await waitFor('all pipelined produces', async () => (await fetchOnce(c, pipelined, 0, 0)).highWatermark === 8);
      // Nothing more arrives: acks=0 produced no frames.
      await assert.rejects(c.nextFrame(150), /no response/);
    } finally {
      c.close();
    }
  });

  test('a client that never reads its responses cannot make the broker buffer without bound', async (t) => {
    const bulky = uniqueTopic('bulky');
    await ensureTopic(witness, bulky);
    // About 1 MiB of records, so every fetch below answers with about 1 MiB.
    for (let i = 0; i < 16; i++) {
      const records = Array.from({ length: 16 }, () => ({ value: rnd.bytes(4096), timestamp: Date.now() }));
      assert.equal((await produce(witness, bulky, 0, buildRecordBatch({ records }))).errorCode, 0);
    }
    const requests = 300;
    const slow = await RawClient.connect(tb.port);
    slow.socket.pause(); // never read
    const baseline = process.memoryUsage().arrayBuffers;
    let peak = baseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().arrayBuffers);
    }, 10);
    try {
      for (let i = 0; i < requests; i++) slow.send(ApiKey.Fetch, FETCH_VERSION, fetchRequest(bulky, 0, 0, 0, 1 << 20));
      // Meanwhile another client is served normally.
      const deadline = Date.now() + 1500;
      while (Date.now() < deadline) {
        const started = Date.now();
        const r = await fetchOnce(witness, bulky, 0, 0);
        assert.equal(r.errorCode, 0);
        assert.ok(Date.now() - started < 1000, 'the other client waited behind the slow one');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const grownMiB = (peak - baseline) / (1 << 20);
      t.diagnostic(`${requests} fetches of ~1 MiB not read: memory grew by ${grownMiB.toFixed(1)} MiB at most`);
      assert.ok(grownMiB < 100, `the broker buffered ${grownMiB.toFixed(0)} MiB for a client that does not read`);
    } finally {
      clearInterval(sampler);
      slow.close();
    }
    await stillHealthy();
  });

  test('a slow reader gets every response, in order, once it reads', async () => {
    const c = await RawClient.connect(tb.port);
    const bulky = uniqueTopic('bulky-ordered');
    await ensureTopic(c, bulky);
    for (let i = 0; i < 4; i++) {
      const records = Array.from({ length: 16 }, () => ({ value: rnd.bytes(4096), timestamp: Date.now() }));
      assert.equal((await produce(c, bulky, 0, buildRecordBatch({ records }))).errorCode, 0);
    }
    try {
      c.socket.pause();
      const ids: number[] = [];
      for (let i = 0; i < 60; i++) ids.push(c.send(ApiKey.Fetch, FETCH_VERSION, fetchRequest(bulky, 0, 0)));
      await new Promise((r) => setTimeout(r, 200));
      c.socket.resume();
      for (const id of ids) {
        const got = RawClient.decode<FetchResponse>(ApiKey.Fetch, FETCH_VERSION, await c.nextFrame());
        assert.equal(got.correlationId, id);
        assert.equal(got.body.responses[0]?.partitions[0]?.highWatermark, 64n);
      }
    } finally {
      c.close();
    }
  });

  test('ListOffsets and Metadata still answer after all of the above', async () => {
    const lo = new ListOffsetsRequest();
    lo.replicaId = -1;
    const t = new ListOffsetsTopic();
    t.name = topic;
    const p = new ListOffsetsPartition();
    p.timestamp = -1n;
    t.partitions.push(p);
    lo.topics.push(t);
    const r = await witness.request<ListOffsetsResponse>(ApiKey.ListOffsets, 7, lo);
    assert.equal(r.topics[0]?.partitions[0]?.offset, BigInt(expectedValues.length));
    await stillHealthy();
  });
});

describe('idle connections', { timeout: 20_000 }, () => {
  const IDLE_MS = 800;
  let tb: TestBroker;
  before(async () => {
    tb = await startTestBroker({ settings: { connectionsMaxIdleMs: IDLE_MS } });
  });
  after(async () => {
    await tb?.stop();
  });

  test('are closed after connections.max.idle.ms; busy ones are not', async () => {
    const idle = await RawClient.connect(tb.port);
    const busy = await RawClient.connect(tb.port);
    try {
      await idle.request<ApiVersionsResponse>(ApiKey.ApiVersions, 3, apiVersionsRequest());
      const lastActive = Date.now();
      const busyUntil = Date.now() + 2 * IDLE_MS + 500;
      let closedAt = 0;
      void idle.waitForClose(10_000).then((closed) => {
        if (closed) closedAt = Date.now();
      });
      while (Date.now() < busyUntil) {
        const r = await busy.request<ApiVersionsResponse>(ApiKey.ApiVersions, 3, apiVersionsRequest());
        assert.equal(r.errorCode, 0);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      assert.equal(await idle.waitForClose(3000), true, 'the idle connection is still open');
      assert.ok(closedAt - lastActive >= IDLE_MS - 50, `closed after ${closedAt - lastActive} ms of idleness`);
      assert.equal(busy.closed, false, 'a busy connection was closed');
      // A fresh connection is welcome.
      const again = await RawClient.connect(tb.port);
      try {
        await again.request<ApiVersionsResponse>(ApiKey.ApiVersions, 3, apiVersionsRequest());
      } finally {
        again.close();
      }
    } finally {
      idle.close();
      busy.close();
    }
  });
});
