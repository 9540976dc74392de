/**
 * Idempotent producers end to end: InitProducerId over a socket, duplicates and
 * out-of-order batches in Produce, producer state across a restart, KafkaJS's idempotent
 * producer, and a proxy that drops connections after a Produce reached the broker but
 * before its answer reached the client (the retry must not duplicate anything).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket, connect as tcpConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import type { ProduceResponse } from '@gregor/protocol';
import {
  ApiKey,
  buildRecordBatch,
  CreateTopicsRequest,
  ErrorCode,
  InitProducerIdRequest,
  type InitProducerIdResponse,
  ProduceRequest,
  readAllRecords,
} from '@gregor/protocol';
import { CreatableTopic } from '@gregor/protocol/generated/messages/create-topics-request';
import { PartitionProduceData, TopicProduceData } from '@gregor/protocol/generated/messages/produce-request';
import kafkajs from 'kafkajs';
import type { Broker } from '../broker.js';
import type { TestBroker } from '../testing.js';
import { startTestBroker } from '../testing.js';
import { TestClient } from './protocol-client.js';

const { Kafka, logLevel } = kafkajs;

const dirs: string[] = [];
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function freshDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'gregor-idempotence-'));
  dirs.push(d);
  return d;
}

function produceRequest(topic: string, batch: Buffer, partition = 0): ProduceRequest {
  const r = new ProduceRequest();
  r.acks = -1;
  r.timeoutMs = 10_000;
  const t = new TopicProduceData();
  t.name = topic;
  const p = new PartitionProduceData();
  p.index = partition;
  p.records = batch;
  t.partitionData.push(p);
  r.topicData.push(t);
  return r;
}

function batchOf(producerId: number, producerEpoch: number, baseSequence: number, values: string[]): Buffer {
  return buildRecordBatch({
    producerId,
    producerEpoch,
    baseSequence,
    records: values.map((value) => ({ value, timestamp: Date.now() })),
  });
}

async function produce(client: TestClient, topic: string, batch: Buffer, partition = 0) {
  const res = await client.send<ProduceResponse>(ApiKey.Produce, 9, produceRequest(topic, batch, partition));
  const p = res.responses[0]?.partitionResponses[0];
  assert.ok(p !== undefined);
  return { errorCode: p.errorCode, baseOffset: Number(p.baseOffset), errorMessage: p.errorMessage };
}

async function initProducerId(client: TestClient, version: number, producerId = -1n, producerEpoch = -1) {
  const req = new InitProducerIdRequest();
  req.transactionalId = null;
  req.transactionTimeoutMs = 60_000;
  req.producerId = producerId;
  req.producerEpoch = producerEpoch;
  return client.send<InitProducerIdResponse>(ApiKey.InitProducerId, version, req);
}

async function createTopic(client: TestClient, name: string, partitions = 1): Promise<void> {
  const req = new CreateTopicsRequest();
  const t = new CreatableTopic();
  t.name = name;
  t.numPartitions = partitions;
  t.replicationFactor = 1;
  req.topics.push(t);
  req.timeoutMs = 10_000;
  const res = await client.send<{ topics: { errorCode: number }[] }>(ApiKey.CreateTopics, 7, req);
  assert.equal(res.topics[0]?.errorCode, ErrorCode.NONE);
}

/** Every record value of a partition, in offset order, read straight from its log. */
async function storedValues(broker: Broker, topic: string, partition = 0): Promise<string[]> {
  const lookup = await broker.replicaManager.lookup(topic, partition);
  assert.ok(lookup.partition !== null);
  const log = lookup.partition.log;
  const out: string[] = [];
  let offset = log.logStartOffset;
  while (offset < log.writtenOffset) {
    const r = await log.read(offset, 1 << 20);
    for (let at = 0; at < r.records.length; ) {
      const records = readAllRecords(r.records, at);
      for (const rec of records) out.push(rec.value?.toString() ?? '');
      at += r.records.readInt32BE(at + 8) + 12;
    }
    offset = r.nextOffset;
  }
  return out;
}

describe('InitProducerId and idempotent Produce', { timeout: 20_000 }, () => {
  test('InitProducerId v0 and v5: new ids, epoch 0; unique across a restart; Kafka errors', async () => {
    const logDir = freshDir();
    let tb: TestBroker = await startTestBroker({ logDir });
    let client = await TestClient.connect(tb.host, tb.port);
    const ids = new Set<bigint>();
    try {
      for (const v of [0, 1, 2, 3, 4, 5]) {
        const r = await initProducerId(client, v);
        assert.equal(r.errorCode, ErrorCode.NONE);
        assert.equal(r.producerEpoch, 0);
        assert.ok(r.producerId >= 0n);
        ids.add(r.producerId);
      }
      // KIP-360 v3+: an idempotent producer re-initialising gets a new id, epoch 0 (as Kafka).
      const again = await initProducerId(client, 5, [...ids][0], 3);
      assert.equal(again.errorCode, ErrorCode.NONE);
      assert.equal(again.producerEpoch, 0);
      ids.add(again.producerId);
      assert.equal(ids.size, 7);
      assert.equal((await initProducerId(client, 4, 5n, -1)).errorCode, ErrorCode.INVALID_REQUEST);
      const txn = new InitProducerIdRequest();
      txn.transactionalId = 'tx-1';
      txn.transactionTimeoutMs = 60_000;
      const transactional = await client.send<InitProducerIdResponse>(ApiKey.InitProducerId, 4, txn);
      assert.equal(transactional.errorCode, ErrorCode.NONE, 'served by the transaction coordinator');
      assert.equal(transactional.producerEpoch, 0);
      ids.add(transactional.producerId);
      assert.equal(ids.size, 8, 'transactional ids take producer ids from the same blocks');
      txn.transactionalId = '';
      assert.equal(
        (await client.send<InitProducerIdResponse>(ApiKey.InitProducerId, 0, txn)).errorCode,
        ErrorCode.INVALID_REQUEST,
      );
      await client.close();
      await tb.stop(true);
      tb = await startTestBroker({ logDir });
      client = await TestClient.connect(tb.host, tb.port);
      const max = [...ids].reduce((a, x) => (x > a ? x : a), -1n);
      for (let i = 0; i < 3; i++) {
        const r = await initProducerId(client, 2);
        assert.ok(!ids.has(r.producerId), 'a producer id is never handed out twice');
        assert.ok(r.producerId > max);
        ids.add(r.producerId);
      }
    } finally {
      await client.close();
      await tb.stop(true);
    }
  });

  test('a retried batch gets its first offset and is stored once; gaps and old epochs are refused; survives a restart', async () => {
    const logDir = freshDir();
    let tb = await startTestBroker({ logDir });
    let client = await TestClient.connect(tb.host, tb.port);
    try {
      await createTopic(client, 'idem');
      const { producerId: pid } = await initProducerId(client, 4);
      const id = Number(pid);
      await produce(client, 'idem', buildRecordBatch({ records: [{ value: 'plain', timestamp: Date.now() }] }));
      const first = await produce(client, 'idem', batchOf(id, 0, 0, ['a', 'b']));
      assert.deepEqual([first.errorCode, first.baseOffset], [ErrorCode.NONE, 1]);
      const retry = await produce(client, 'idem', batchOf(id, 0, 0, ['a', 'b']));
      assert.deepEqual([retry.errorCode, retry.baseOffset], [ErrorCode.NONE, 1], 'the duplicate answers the original');
      const gap = await produce(client, 'idem', batchOf(id, 0, 5, ['x']));
      assert.equal(gap.errorCode, ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER);
      assert.equal(gap.baseOffset, -1);
      assert.deepEqual(await storedValues(tb.broker, 'idem'), ['plain', 'a', 'b']);
      // Several in flight on one connection: accepted in order.
      const inFlight = await Promise.all([
        produce(client, 'idem', batchOf(id, 0, 2, ['c'])),
        produce(client, 'idem', batchOf(id, 0, 3, ['d', 'e'])),
        produce(client, 'idem', batchOf(id, 0, 5, ['f'])),
      ]);
      assert.deepEqual(
        inFlight.map((r) => [r.errorCode, r.baseOffset]),
        [
          [0, 3],
          [0, 4],
          [0, 6],
        ],
      );
      // A new epoch starts at sequence 0; the old epoch is then fenced.
      assert.equal((await produce(client, 'idem', batchOf(id, 1, 9, ['y']))).errorCode, 45);
      assert.equal((await produce(client, 'idem', batchOf(id, 1, 0, ['g']))).baseOffset, 7);
      assert.equal(
        (await produce(client, 'idem', batchOf(id, 0, 6, ['z']))).errorCode,
        ErrorCode.INVALID_PRODUCER_EPOCH,
      );
      assert.deepEqual(await storedValues(tb.broker, 'idem'), ['plain', 'a', 'b', 'c', 'd', 'e', 'f', 'g']);

      await client.close();
      await tb.stop(true);
      tb = await startTestBroker({ logDir });
      client = await TestClient.connect(tb.host, tb.port);
      const afterRestart = await produce(client, 'idem', batchOf(id, 1, 0, ['g']));
      assert.deepEqual([afterRestart.errorCode, afterRestart.baseOffset], [ErrorCode.NONE, 7]);
      assert.equal((await produce(client, 'idem', batchOf(id, 1, 2, ['h']))).errorCode, 45);
      assert.equal((await produce(client, 'idem', batchOf(id, 1, 1, ['h']))).baseOffset, 8);
      assert.equal((await produce(client, 'idem', batchOf(id, 0, 7, ['z']))).errorCode, 47);
      assert.deepEqual(await storedValues(tb.broker, 'idem'), ['plain', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
    } finally {
      await client.close();
      await tb.stop(true);
    }
  });
});

/**
 * A TCP proxy that forwards both ways and, `drops` times, closes both sides once the
 * broker answered a Produce request, before the answer reaches the client.
 */
class DroppingProxy {
  readonly server: Server;
  upstreamPort = 0;
  dropped = 0;
  private readonly sockets = new Set<Socket>();

  constructor(private drops: number) {
    this.server = createServer((client) => this.onClient(client));
  }

  listen(): Promise<number> {
    return new Promise((resolve) => {
      this.server.listen(0, '127.0.0.1', () => resolve((this.server.address() as { port: number }).port));
    });
  }

  private onClient(client: Socket): void {
    const upstream = tcpConnect({ host: '127.0.0.1', port: this.upstreamPort });
    this.sockets.add(client);
    this.sockets.add(upstream);
    const produceIds = new Set<number>();
    const kill = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', kill);
    upstream.on('error', kill);
    client.on('close', kill);
    upstream.on('close', kill);
    frames(client, (frame) => {
      if (frame.readInt16BE(4) === ApiKey.Produce) produceIds.add(frame.readInt32BE(8));
      upstream.write(frame);
    });
    frames(upstream, (frame) => {
      const correlationId = frame.readInt32BE(4);
      if (produceIds.delete(correlationId) && this.drops > 0) {
        this.drops--;
        this.dropped++;
        kill();
        return;
      }
      client.write(frame);
    });
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** Calls `onFrame` with each whole size-prefixed frame (prefix included). */
function frames(socket: Socket, onFrame: (frame: Buffer) => void): void {
  let buffered: Buffer = Buffer.alloc(0);
  socket.on('data', (chunk: Buffer) => {
    buffered = buffered.length === 0 ? chunk : Buffer.concat([buffered, chunk]);
    while (buffered.length >= 4) {
      const size = buffered.readInt32BE(0);
      if (buffered.length < 4 + size) return;
      onFrame(buffered.subarray(0, 4 + size));
      buffered = buffered.subarray(4 + size);
    }
  });
}

describe('KafkaJS idempotent producer', { timeout: 30_000 }, () => {
  test('each message stored exactly once, in order', async () => {
    const tb = await startTestBroker();
    const kafka = new Kafka({ clientId: 'idem', brokers: [tb.bootstrap], logLevel: logLevel.NOTHING });
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    try {
      const admin = kafka.admin();
      await admin.connect();
      await admin.createTopics({ topics: [{ topic: 'kjs', numPartitions: 2 }] });
      await admin.disconnect();
      await producer.connect();
      for (let i = 0; i < 20; i++) {
        await producer.send({
          topic: 'kjs',
          acks: -1,
          messages: [0, 1, 2].map((j) => ({ partition: (i + j) % 2, value: `m${i}-${j}` })),
        });
      }
      const all = [...(await storedValues(tb.broker, 'kjs', 0)), ...(await storedValues(tb.broker, 'kjs', 1))];
      assert.equal(all.length, 60);
      assert.equal(new Set(all).size, 60);
    } finally {
      await producer.disconnect();
      await tb.stop();
    }
  });

  test('connections dropped after the broker appended: retries make no duplicates and no gaps, order kept', async () => {
    const proxy = new DroppingProxy(4);
    const proxyPort = await proxy.listen();
    const tb = await startTestBroker({
      settings: { advertisedListeners: [{ name: 'PLAINTEXT', host: '127.0.0.1', port: proxyPort }] },
    });
    proxy.upstreamPort = tb.port;
    const kafka = new Kafka({
      clientId: 'idem-faults',
      brokers: [`127.0.0.1:${proxyPort}`],
      logLevel: logLevel.NOTHING,
      retry: { retries: 10, initialRetryTime: 20, maxRetryTime: 200 },
    });
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    try {
      const admin = kafka.admin();
      await admin.connect();
      await admin.createTopics({ topics: [{ topic: 'faults', numPartitions: 2 }] });
      await admin.disconnect();
      await producer.connect();
      const sent: string[][] = [[], []];
      for (let i = 0; i < 12; i++) {
        const partition = i % 2;
        const values = [`p${partition}-${i}a`, `p${partition}-${i}b`];
        (sent[partition] as string[]).push(...values);
        await producer.send({ topic: 'faults', acks: -1, messages: values.map((value) => ({ partition, value })) });
      }
      assert.equal(proxy.dropped, 4, 'the proxy dropped connections');
      for (const p of [0, 1]) assert.deepEqual(await storedValues(tb.broker, 'faults', p), sent[p]);
    } finally {
      await producer.disconnect();
      await proxy.close();
      await tb.stop();
    }
  });
});
