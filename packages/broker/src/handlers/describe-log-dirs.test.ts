import assert from 'node:assert/strict';
import { realpathSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { DescribeLogDirsResponse } from '@gregor/protocol';
import { ApiKey, DescribeLogDirsRequest, ErrorCode } from '@gregor/protocol';
import { DescribableLogDirTopic } from '@gregor/protocol/generated/messages/describe-log-dirs-request';
import type { TestBroker } from '../testing.js';
import { startTestBroker } from '../testing.js';
import { appendRecords, TestClient } from './protocol-client.js';

function request(topics: [string, number[]][] | null): DescribeLogDirsRequest {
  const r = new DescribeLogDirsRequest();
  r.topics =
    topics === null
      ? null
      : topics.map(([topic, partitions]) => {
          const t = new DescribableLogDirTopic();
          t.topic = topic;
          t.partitions = partitions;
          return t;
        });
  return r;
}

describe('DescribeLogDirs', () => {
  let tb: TestBroker;
  let client: TestClient;
  const send = (version: number, body: DescribeLogDirsRequest) =>
    client.send<DescribeLogDirsResponse>(ApiKey.DescribeLogDirs, version, body);

  before(async () => {
    tb = await startTestBroker();
    client = await TestClient.connect(tb.host, tb.port);
    await tb.broker.controller.createTopics(
      [
        { name: 'ld-a', numPartitions: 2, replicationFactor: 1, assignments: null, configs: new Map() },
        { name: 'ld-b', numPartitions: 1, replicationFactor: 1, assignments: null, configs: new Map() },
      ],
      false,
    );
    await tb.broker.replicaManager.applyImage(tb.broker.metadata);
    await appendRecords(tb.broker, 'ld-a', 1, 5);
  });
  after(async () => {
    await client.close();
    await tb.stop();
  });

  test('every partition (topics null) at every version, v4 with the volume sizes', async () => {
    for (let v = 0; v <= 4; v++) {
      const res = await send(v, request(null));
      assert.equal(res.errorCode, ErrorCode.NONE);
      assert.equal(res.results.length, 1);
      const dir = res.results[0];
      assert.equal(dir?.errorCode, ErrorCode.NONE);
      assert.equal(realpathSync(dir?.logDir ?? ''), realpathSync(tb.logDir));
      const partitions = (dir?.topics ?? []).map((t) => [t.name, t.partitions.map((p) => p.partitionIndex)]);
      assert.deepEqual(partitions, [
        ['ld-a', [0, 1]],
        ['ld-b', [0]],
      ]);
      const a1 = dir?.topics[0]?.partitions[1];
      const size = tb.broker.replicaManager.get('ld-a', 1)?.log.size ?? 0;
      assert.ok(size > 0);
      assert.equal(a1?.partitionSize, BigInt(size));
      assert.equal(a1?.offsetLag, 0n);
      assert.equal(a1?.isFutureKey, false);
      assert.equal(dir?.topics[0]?.partitions[0]?.partitionSize, 0n);
      if (v >= 4) {
        assert.ok((dir?.totalBytes ?? 0n) > 0n);
        assert.ok((dir?.usableBytes ?? -1n) >= 0n);
        assert.ok((dir?.usableBytes ?? 0n) <= (dir?.totalBytes ?? 0n));
      } else {
        assert.equal(dir?.totalBytes, -1n);
      }
    }
  });

  test('only the partitions asked for; unknown ones left out', async () => {
    const res = await send(
      2,
      request([
        ['ld-a', [1, 7]],
        ['ld-missing', [0]],
      ]),
    );
    assert.deepEqual(
      res.results[0]?.topics.map((t) => [t.name, t.partitions.map((p) => p.partitionIndex)]),
      [['ld-a', [1]]],
    );
    const none = await send(4, request([]));
    assert.deepEqual(none.results[0]?.topics, []);
  });

  test('a log directory that cannot be read is KAFKA_STORAGE_ERROR', async () => {
    const settings = tb.broker.settings as { logDir: string };
    const logDir = settings.logDir;
    settings.logDir = `${logDir}/no-such-dir`;
    try {
      const res = await send(4, request(null));
      assert.equal(res.results[0]?.errorCode, ErrorCode.KAFKA_STORAGE_ERROR);
      assert.deepEqual(res.results[0]?.topics, []);
      assert.equal(res.results[0]?.totalBytes, -1n);
    } finally {
      settings.logDir = logDir;
    }
  });
});
