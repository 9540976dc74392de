import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ProduceResponse, Uuid } from '@gregor/protocol';
import {
  ApiKey,
  buildRecordBatch,
  ErrorCode,
  FetchRequest,
  MetadataRequest,
  ProduceRequest,
  randomUuid,
  readAllRecords,
} from '@gregor/protocol';
import { FetchPartition, FetchTopic, ForgottenTopic } from '@gregor/protocol/generated/messages/fetch-request';
import type { FetchResponse } from '@gregor/protocol/generated/messages/fetch-response';
import { MetadataRequestTopic } from '@gregor/protocol/generated/messages/metadata-request';
import { PartitionProduceData, TopicProduceData } from '@gregor/protocol/generated/messages/produce-request';
import type { TestBroker } from '../testing.js';
import { startTestBroker } from '../testing.js';
import { TestClient } from './protocol-client.js';

interface Want {
  topic: string;
  partition: number;
  offset: number;
  maxBytes?: number;
  leaderEpoch?: number;
  topicId?: Uuid;
}

function fetchRequest(
  wants: readonly Want[],
  opts: {
    sessionId?: number;
    epoch?: number;
    maxWaitMs?: number;
    minBytes?: number;
    maxBytes?: number;
    forget?: Want[];
  } = {},
): FetchRequest {
  const r = new FetchRequest();
  r.maxWaitMs = opts.maxWaitMs ?? 0;
  r.minBytes = opts.minBytes ?? 0;
  r.maxBytes = opts.maxBytes ?? 50 << 20;
  r.sessionId = opts.sessionId ?? 0;
  r.sessionEpoch = opts.epoch ?? -1;
  const topics = new Map<string, FetchTopic>();
  for (const w of wants) {
    let t = topics.get(w.topic);
    if (t === undefined) {
      t = new FetchTopic();
      t.topic = w.topic;
      if (w.topicId !== undefined) t.topicId = w.topicId;
      topics.set(w.topic, t);
      r.topics.push(t);
    }
    const p = new FetchPartition();
    p.partition = w.partition;
    p.fetchOffset = BigInt(w.offset);
    p.partitionMaxBytes = w.maxBytes ?? 1 << 20;
    p.currentLeaderEpoch = w.leaderEpoch ?? -1;
    t.partitions.push(p);
  }
  for (const f of opts.forget ?? []) {
    const ft = new ForgottenTopic();
    ft.topic = f.topic;
    if (f.topicId !== undefined) ft.topicId = f.topicId;
    ft.partitions = [f.partition];
    r.forgottenTopicsData.push(ft);
  }
  return r;
}

function offsets(res: FetchResponse, topicIndex = 0, partitionIndex = 0): number[] {
  const records = res.responses[topicIndex]?.partitions[partitionIndex]?.records ?? Buffer.alloc(0);
  const out: number[] = [];
  for (let at = 0; at < records.length; ) {
    const size = 12 + records.readInt32BE(at + 8);
    for (const r of readAllRecords(records.subarray(at, at + size), 0)) out.push(r.offset);
    at += size;
  }
  return out;
}

describe('Fetch', () => {
  let tb: TestBroker;
  let client: TestClient;
  let producer: TestClient;

  async function produce(topic: string, partition: number, count: number, valueBytes = 10): Promise<void> {
    const r = new ProduceRequest();
    r.acks = 1;
    r.timeoutMs = 10_000;
    const t = new TopicProduceData();
    t.name = topic;
    const p = new PartitionProduceData();
    p.index = partition;
    p.records = buildRecordBatch({
      records: Array.from({ length: count }, () => ({ value: Buffer.alloc(valueBytes, 1), timestamp: Date.now() })),
    });
    t.partitionData.push(p);
    r.topicData.push(t);
    const res = await producer.send<ProduceResponse>(ApiKey.Produce, 9, r);
    assert.equal(res.responses[0]?.partitionResponses[0]?.errorCode, ErrorCode.NONE);
  }

  before(async () => {
    tb = await startTestBroker({ properties: { 'num.partitions': '2' } });
    client = await TestClient.connect(tb.host, tb.port);
    producer = await TestClient.connect(tb.host, tb.port);
    // Produce does not create topics (as in Kafka); Metadata does (auto.create.topics.enable).
    const metadata = new MetadataRequest();
    const topic = new MetadataRequestTopic();
    topic.name = 'f';
    metadata.topics = [topic];
    await client.send(ApiKey.Metadata, 9, metadata);
    for (let i = 0; i < 3; i++) await produce('f', 0, 5);
    await produce('f', 1, 2);
  });
  after(async () => {
    await client.close();
    await producer.close();
    await tb.stop();
  });

  test('reads whole batches from the fetch offset, with high watermark and log start', async () => {
    const res = await client.send<FetchResponse>(
      ApiKey.Fetch,
      12,
      fetchRequest([{ topic: 'f', partition: 0, offset: 7 }]),
    );
    const p = res.responses[0]?.partitions[0];
    assert.equal(p?.errorCode, ErrorCode.NONE);
    assert.equal(p?.highWatermark, 15n);
    assert.equal(p?.logStartOffset, 0n);
    assert.equal(p?.lastStableOffset, 15n);
    // The batch holding offset 7 starts at 5: whole batches, as Kafka returns them.
    assert.deepEqual(offsets(res), [5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
  });

  test('at least one batch even when it exceeds the budget; the response budget is shared', async () => {
    const one = await client.send<FetchResponse>(
      ApiKey.Fetch,
      12,
      fetchRequest([{ topic: 'f', partition: 0, offset: 0, maxBytes: 1 }]),
    );
    assert.deepEqual(offsets(one), [0, 1, 2, 3, 4]);
    const shared = await client.send<FetchResponse>(
      ApiKey.Fetch,
      12,
      fetchRequest(
        [
          { topic: 'f', partition: 0, offset: 0 },
          { topic: 'f', partition: 1, offset: 0 },
        ],
        { maxBytes: 1 },
      ),
    );
    assert.deepEqual(offsets(shared, 0, 0), [0, 1, 2, 3, 4], 'the first partition gets one batch');
    assert.deepEqual(offsets(shared, 0, 1), [], 'the budget is spent for the second');
  });

  test('partition limits under an ample budget (reads at once): only the first partition with data may overshoot', async () => {
    // Partition 0's batches are 5 records, partition 1's one batch 2 records; limits of 1 byte.
    const both = await client.send<FetchResponse>(
      ApiKey.Fetch,
      12,
      fetchRequest([
        { topic: 'f', partition: 0, offset: 0, maxBytes: 1 },
        { topic: 'f', partition: 1, offset: 0, maxBytes: 1 },
      ]),
    );
    assert.deepEqual(offsets(both, 0, 0), [0, 1, 2, 3, 4], 'the first partition with data gets one batch');
    assert.deepEqual(offsets(both, 0, 1), [], 'a later partition gets nothing larger than its limit');
    // With nothing to read in the first partition, the second is the first with data.
    const second = await client.send<FetchResponse>(
      ApiKey.Fetch,
      12,
      fetchRequest([
        { topic: 'f', partition: 0, offset: 15, maxBytes: 1 },
        { topic: 'f', partition: 1, offset: 0, maxBytes: 1 },
      ]),
    );
    assert.deepEqual(offsets(second, 0, 0), []);
    assert.deepEqual(offsets(second, 0, 1), [0, 1]);
    // Ample limits: every partition reads everything, in request order.
    const all = await client.send<FetchResponse>(
      ApiKey.Fetch,
      12,
      fetchRequest([
        { topic: 'f', partition: 1, offset: 0 },
        { topic: 'f', partition: 0, offset: 3 },
      ]),
    );
    assert.deepEqual(offsets(all, 0, 0), [0, 1]);
    assert.deepEqual(offsets(all, 0, 1), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
  });

  test('offsets outside the log are OFFSET_OUT_OF_RANGE; unknown partitions and topic ids are named', async () => {
    const res = await client.send<FetchResponse>(
      ApiKey.Fetch,
      12,
      fetchRequest([
        { topic: 'f', partition: 0, offset: 16 },
        { topic: 'f', partition: 9, offset: 0 },
      ]),
    );
    assert.equal(res.responses[0]?.partitions[0]?.errorCode, ErrorCode.OFFSET_OUT_OF_RANGE);
    assert.equal(res.responses[0]?.partitions[1]?.errorCode, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
    const byId = await client.send<FetchResponse>(
      ApiKey.Fetch,
      13,
      fetchRequest([{ topic: '', topicId: randomUuid(), partition: 0, offset: 0 }]),
    );
    assert.equal(byId.responses[0]?.partitions[0]?.errorCode, ErrorCode.UNKNOWN_TOPIC_ID);
    const topicId = tb.broker.metadata.topicsByName.get('f')?.topicId;
    assert.ok(topicId !== undefined);
    const known = await client.send<FetchResponse>(
      ApiKey.Fetch,
      15,
      fetchRequest([{ topic: '', topicId, partition: 0, offset: 0 }]),
    );
    assert.equal(known.responses[0]?.topicId, topicId);
    assert.deepEqual(offsets(known).slice(0, 2), [0, 1]);
  });

  test('leader epochs: newer than ours is UNKNOWN_LEADER_EPOCH, older is FENCED_LEADER_EPOCH', async () => {
    const res = await client.send<FetchResponse>(
      ApiKey.Fetch,
      12,
      fetchRequest([
        { topic: 'f', partition: 0, offset: 0, leaderEpoch: 5 },
        { topic: 'f', partition: 1, offset: 0, leaderEpoch: 0 },
      ]),
    );
    assert.equal(res.responses[0]?.partitions[0]?.errorCode, ErrorCode.UNKNOWN_LEADER_EPOCH);
    assert.equal(res.responses[0]?.partitions[1]?.errorCode, ErrorCode.NONE);
  });

  test('a long poll waits for data and is woken by an append, not by its timeout', async () => {
    const started = Date.now();
    const pending = client.send<FetchResponse>(
      ApiKey.Fetch,
      12,
      fetchRequest([{ topic: 'f', partition: 1, offset: 2 }], { maxWaitMs: 30_000, minBytes: 1 }),
    );
    await new Promise((r) => setTimeout(r, 100));
    await produce('f', 1, 1);
    const res = await pending;
    assert.deepEqual(offsets(res), [2]);
    assert.ok(Date.now() - started < 20_000, 'answered long before maxWaitMs');
    const empty = await client.send<FetchResponse>(
      ApiKey.Fetch,
      12,
      fetchRequest([{ topic: 'f', partition: 1, offset: 3 }], { maxWaitMs: 50, minBytes: 1 }),
    );
    assert.deepEqual(offsets(empty), [], 'nothing new: answered empty at maxWaitMs');
  });

  test('fetch sessions rotate partitions that returned data to the end (fairness, as Kafka)', async () => {
    const metadata = new MetadataRequest();
    const topic = new MetadataRequestTopic();
    topic.name = 'fair';
    metadata.topics = [topic];
    await client.send(ApiKey.Metadata, 9, metadata);
    for (let i = 0; i < 3; i++) await produce('fair', 0, 5);
    await produce('fair', 1, 2);
    // A response budget of one byte: only the first partition with data gets a batch.
    const first = await client.send<FetchResponse>(
      ApiKey.Fetch,
      12,
      fetchRequest(
        [
          { topic: 'fair', partition: 0, offset: 0 },
          { topic: 'fair', partition: 1, offset: 0 },
        ],
        { epoch: 0, maxBytes: 1 },
      ),
    );
    const sessionId = first.sessionId;
    assert.deepEqual(offsets(first, 0, 0), [0, 1, 2, 3, 4]);
    assert.deepEqual(offsets(first, 0, 1), []);
    // The session keeps request order at creation; from the first incremental fetch on,
    // a partition that returned data goes to the end.
    const second = await client.send<FetchResponse>(
      ApiKey.Fetch,
      12,
      fetchRequest([{ topic: 'fair', partition: 0, offset: 5 }], { sessionId, epoch: 1, maxBytes: 1 }),
    );
    assert.deepEqual(offsets(second, 0, 0), [5, 6, 7, 8, 9]);
    const third = await client.send<FetchResponse>(
      ApiKey.Fetch,
      12,
      fetchRequest([{ topic: 'fair', partition: 0, offset: 10 }], { sessionId, epoch: 2, maxBytes: 1 }),
    );
    const served = third.responses[0]?.partitions.find((p) => p.partitionIndex === 1);
    assert.ok(served !== undefined, 'partition 1 is answered');
    const records = served.records ?? Buffer.alloc(0);
    assert.deepEqual(
      readAllRecords(records, 0).map((r) => r.offset),
      [0, 1],
    );
  });

  test('incremental fetch sessions (KIP-227): create, only news, forget, errors, close', async () => {
    const all = [
      { topic: 'f', partition: 0, offset: 15 },
      { topic: 'f', partition: 1, offset: 3 },
    ];
    const created = await client.send<FetchResponse>(ApiKey.Fetch, 12, fetchRequest(all, { epoch: 0 }));
    const sessionId = created.sessionId;
    assert.ok(sessionId > 0);
    assert.equal(created.responses[0]?.partitions.length, 2, 'the first answer is full');
    const quiet = await client.send<FetchResponse>(ApiKey.Fetch, 12, fetchRequest([], { sessionId, epoch: 1 }));
    assert.equal(quiet.errorCode, ErrorCode.NONE);
    assert.equal(quiet.responses.length, 0, 'nothing changed: no partitions');
    await produce('f', 1, 2);
    const news = await client.send<FetchResponse>(ApiKey.Fetch, 12, fetchRequest([], { sessionId, epoch: 2 }));
    assert.equal(news.responses[0]?.partitions.length, 1);
    assert.equal(news.responses[0]?.partitions[0]?.partitionIndex, 1);
    assert.deepEqual(offsets(news), [3, 4]);
    // The client moves its position forward and forgets partition 0.
    await produce('f', 0, 1);
    const moved = await client.send<FetchResponse>(
      ApiKey.Fetch,
      12,
      fetchRequest([{ topic: 'f', partition: 1, offset: 5 }], {
        sessionId,
        epoch: 3,
        forget: [{ topic: 'f', partition: 0, offset: 0 }],
      }),
    );
    assert.equal(moved.responses.length, 0, 'partition 0 is forgotten, partition 1 has no news at offset 5');
    const badEpoch = await client.send<FetchResponse>(ApiKey.Fetch, 12, fetchRequest([], { sessionId, epoch: 9 }));
    assert.equal(badEpoch.errorCode, ErrorCode.INVALID_FETCH_SESSION_EPOCH);
    const unknown = await client.send<FetchResponse>(
      ApiKey.Fetch,
      12,
      fetchRequest([], { sessionId: sessionId + 1000, epoch: 1 }),
    );
    assert.equal(unknown.errorCode, ErrorCode.FETCH_SESSION_ID_NOT_FOUND);
    const closed = await client.send<FetchResponse>(
      ApiKey.Fetch,
      12,
      fetchRequest([{ topic: 'f', partition: 1, offset: 3 }], { sessionId, epoch: -1 }),
    );
    assert.equal(closed.sessionId, 0);
    assert.deepEqual(offsets(closed), [3, 4]);
    const gone = await client.send<FetchResponse>(ApiKey.Fetch, 12, fetchRequest([], { sessionId, epoch: 4 }));
    assert.equal(gone.errorCode, ErrorCode.FETCH_SESSION_ID_NOT_FOUND);
    const noSessionEpoch = await client.send<FetchResponse>(
      ApiKey.Fetch,
      12,
      fetchRequest([], { sessionId: 0, epoch: 3 }),
    );
    assert.equal(noSessionEpoch.errorCode, ErrorCode.INVALID_FETCH_SESSION_EPOCH);
  });

  test('old and new versions (4 and 17) both answer', async () => {
    for (const version of [4, 7, 11, 17]) {
      const wants =
        version >= 13
          ? [{ topic: '', topicId: tb.broker.metadata.topicsByName.get('f')?.topicId as Uuid, partition: 0, offset: 0 }]
          : [{ topic: 'f', partition: 0, offset: 0 }];
      const res = await client.send<FetchResponse>(ApiKey.Fetch, version, fetchRequest(wants));
      assert.deepEqual(offsets(res).slice(0, 5), [0, 1, 2, 3, 4], `v${version}`);
    }
  });
});
