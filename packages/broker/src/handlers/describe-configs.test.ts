import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { DescribeConfigsResponse } from '@gregor/protocol';
import { ApiKey, DescribeConfigsRequest, ErrorCode } from '@gregor/protocol';
import { DescribeConfigsResource } from '@gregor/protocol/generated/messages/describe-configs-request';
import type { DescribeConfigsResult } from '@gregor/protocol/generated/messages/describe-configs-response';
import type { TestBroker } from '../testing.js';
import { startTestBroker } from '../testing.js';
import { TestClient } from './protocol-client.js';

const TOPIC = 2;
const BROKER = 4;
const BROKER_LOGGER = 8;

function request(
  resources: { type: number; name: string; keys?: string[] | null }[],
  opts: { synonyms?: boolean; documentation?: boolean } = {},
): DescribeConfigsRequest {
  const r = new DescribeConfigsRequest();
  r.resources = resources.map((res) => {
    const d = new DescribeConfigsResource();
    d.resourceType = res.type;
    d.resourceName = res.name;
    d.configurationKeys = res.keys === undefined ? null : res.keys;
    return d;
  });
  r.includeSynonyms = opts.synonyms ?? false;
  r.includeDocumentation = opts.documentation ?? false;
  return r;
}

function configs(result: DescribeConfigsResult | undefined) {
  return new Map((result?.configs ?? []).map((c) => [c.name, c]));
}

describe('DescribeConfigs', () => {
  let tb: TestBroker;
  let client: TestClient;
  const send = (version: number, body: DescribeConfigsRequest) =>
    client.send<DescribeConfigsResponse>(ApiKey.DescribeConfigs, version, body);

  before(async () => {
    tb = await startTestBroker({ properties: { 'log.retention.ms': '86400000' } });
    client = await TestClient.connect(tb.host, tb.port);
    await tb.broker.controller.createTopics(
      [
        {
          name: 'dc-topic',
          numPartitions: 1,
          replicationFactor: 1,
          assignments: null,
          configs: new Map([['cleanup.policy', 'compact']]),
        },
      ],
      false,
    );
  });
  after(async () => {
    await client.close();
    await tb.stop();
  });

  test('a topic at every version: values, sources, isDefault (v0), synonyms (v1+), types and docs (v3+)', async () => {
    for (let v = 0; v <= 4; v++) {
      const res = await send(
        v,
        request([{ type: TOPIC, name: 'dc-topic' }], { synonyms: v >= 1, documentation: v >= 3 }),
      );
      const r = res.results[0];
      assert.equal(r?.errorCode, ErrorCode.NONE, `v${v}`);
      assert.equal(r?.errorMessage, null);
      assert.equal(r?.resourceType, TOPIC);
      assert.equal(r?.resourceName, 'dc-topic');
      const c = configs(r);
      assert.ok(c.size >= 30, `every topic config (${c.size})`);
      const policy = c.get('cleanup.policy');
      const retention = c.get('retention.ms');
      const segment = c.get('segment.bytes');
      assert.equal(policy?.value, 'compact');
      assert.equal(retention?.value, '86400000', 'the broker value of a topic setting');
      assert.equal(segment?.value, '1073741824');
      assert.equal(policy?.readOnly, false);
      assert.equal(policy?.isSensitive, false);
      if (v === 0) {
        assert.equal(policy?.isDefault, false);
        assert.equal(retention?.isDefault, false);
        assert.equal(segment?.isDefault, true);
      } else {
        assert.equal(policy?.configSource, 1, 'DYNAMIC_TOPIC_CONFIG');
        assert.equal(retention?.configSource, 4, 'STATIC_BROKER_CONFIG');
        assert.equal(segment?.configSource, 5, 'DEFAULT_CONFIG');
        assert.deepEqual(
          policy?.synonyms.map((s) => [s.name, s.value, s.source]),
          [
            ['cleanup.policy', 'compact', 1],
            ['log.cleanup.policy', 'delete', 5],
          ],
        );
        assert.deepEqual(retention?.synonyms.map((s) => [s.name, s.source]).slice(0, 1), [['log.retention.ms', 4]]);
      }
      if (v >= 3) {
        assert.equal(policy?.configType, 7, 'LIST');
        assert.equal(retention?.configType, 5, 'LONG');
        assert.equal(segment?.configType, 3, 'INT');
        assert.ok((policy?.documentation ?? '').length > 10);
      } else {
        assert.equal(policy?.configType, 0, 'not in the wire format before v3');
      }
    }
  });

  test('without includeSynonyms / includeDocumentation', async () => {
    const res = await send(4, request([{ type: TOPIC, name: 'dc-topic' }]));
    const policy = configs(res.results[0]).get('cleanup.policy');
    assert.deepEqual(policy?.synonyms, []);
    assert.equal(policy?.documentation, null);
    assert.equal(policy?.configSource, 1);
  });

  test('configurationKeys: a subset; empty or null means all; unknown names left out', async () => {
    const res = await send(
      2,
      request([
        { type: TOPIC, name: 'dc-topic', keys: ['retention.ms', 'no.such.key'] },
        { type: TOPIC, name: 'dc-topic', keys: [] },
      ]),
    );
    assert.deepEqual(
      res.results[0]?.configs.map((c) => c.name),
      ['retention.ms'],
    );
    assert.ok((res.results[1]?.configs.length ?? 0) >= 30);
  });

  test('errors per resource, at the oldest and newest versions', async () => {
    for (const v of [0, 4]) {
      const res = await send(
        v,
        request([
          { type: TOPIC, name: 'dc-missing' },
          { type: TOPIC, name: 'bad/topic' },
          { type: BROKER, name: '2' },
          { type: BROKER, name: 'one' },
          { type: BROKER_LOGGER, name: '' },
          { type: BROKER_LOGGER, name: '3' },
          { type: 16, name: 'metrics' },
          { type: 99, name: 'x' },
          { type: TOPIC, name: 'dc-topic', keys: ['retention.ms'] },
        ]),
      );
      assert.deepEqual(
        res.results.map((r) => r.errorCode),
        [
          ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
          ErrorCode.INVALID_TOPIC_EXCEPTION,
          ErrorCode.INVALID_REQUEST,
          ErrorCode.INVALID_REQUEST,
          ErrorCode.INVALID_REQUEST,
          ErrorCode.INVALID_REQUEST,
          ErrorCode.INVALID_REQUEST,
          ErrorCode.INVALID_REQUEST,
          ErrorCode.NONE,
        ],
      );
      assert.equal(res.results[2]?.errorMessage, 'Unexpected broker id, expected 1 or empty string, but received 2');
      assert.equal(res.results[3]?.errorMessage, 'Broker id must be an integer, but it is: one');
      assert.deepEqual(res.results[0]?.configs, []);
      assert.equal(res.results[7]?.resourceType, 99);
    }
  });

  test("this broker's settings: values, read-only, sources, synonyms", async () => {
    for (const v of [0, 1, 4]) {
      const res = await send(v, request([{ type: BROKER, name: '1' }], { synonyms: v >= 1, documentation: v >= 3 }));
      assert.equal(res.results[0]?.errorCode, ErrorCode.NONE);
      const c = configs(res.results[0]);
      assert.equal(c.get('node.id')?.value, '1');
      assert.equal(c.get('node.id')?.readOnly, true);
      assert.equal(c.get('log.retention.ms')?.value, '86400000');
      assert.equal(c.get('log.retention.ms')?.readOnly, false, 'dynamic in Kafka');
      assert.equal(c.get('num.partitions')?.value, '1');
      if (v === 0) {
        assert.equal(c.get('num.partitions')?.isDefault, true);
        assert.equal(c.get('log.retention.ms')?.isDefault, false);
      }
      if (v >= 1) {
        assert.equal(c.get('log.dirs')?.configSource, 4, 'STATIC_BROKER_CONFIG');
        assert.equal(c.get('node.id')?.configSource, 5, 'DEFAULT_CONFIG');
        assert.equal(c.get('log.retention.check.interval.ms')?.configSource, 5, 'DEFAULT_CONFIG');
        const hours = c.get('log.retention.hours');
        assert.deepEqual(
          hours?.synonyms.map((s) => s.name),
          ['log.retention.hours'],
          'synonyms before its own are dropped, as Kafka does',
        );
      }
      if (v >= 3) assert.equal(c.get('node.id')?.configType, 3);
    }
  });

  test('the cluster-wide default broker resource lists only dynamic defaults (none here)', async () => {
    const res = await send(4, request([{ type: BROKER, name: '' }]));
    assert.equal(res.results[0]?.errorCode, ErrorCode.NONE);
    assert.deepEqual(res.results[0]?.configs, []);
  });

  test('BROKER_LOGGER: the root logger level', async () => {
    for (const v of [0, 4]) {
      const res = await send(v, request([{ type: BROKER_LOGGER, name: '1' }]));
      assert.equal(res.results[0]?.errorCode, ErrorCode.NONE);
      const root = configs(res.results[0]).get('root');
      assert.equal(root?.value, 'OFF', 'tests log silently');
      if (v >= 1) assert.equal(root?.configSource, 6, 'DYNAMIC_BROKER_LOGGER_CONFIG');
    }
  });

  test('dynamic broker configs stored in the metadata log are layered on top (cluster default resource)', async () => {
    await tb.broker.controller.alterConfigs(BROKER, '', new Map([['log.retention.ms', '5000']]), false);
    const res = await send(
      4,
      request(
        [
          { type: BROKER, name: '' },
          { type: BROKER, name: '1', keys: ['log.retention.ms'] },
          { type: TOPIC, name: 'dc-topic', keys: ['retention.ms'] },
        ],
        { synonyms: true },
      ),
    );
    const [clusterDefault, thisBroker, topic] = res.results;
    assert.deepEqual(
      clusterDefault?.configs.map((c) => [c.name, c.value, c.configSource, c.synonyms.map((s) => s.source)]),
      [['log.retention.ms', '5000', 3, [3]]],
    );
    const own = thisBroker?.configs[0];
    assert.equal(own?.value, '5000');
    assert.equal(own?.configSource, 3, 'DYNAMIC_DEFAULT_BROKER_CONFIG');
    assert.deepEqual(own?.synonyms.map((s) => [s.name, s.value, s.source]).slice(0, 2), [
      ['log.retention.ms', '5000', 3],
      ['log.retention.ms', '86400000', 4],
    ]);
    assert.equal(topic?.configs[0]?.value, '5000');
    assert.equal(topic?.configs[0]?.configSource, 3);
    await tb.broker.controller.alterConfigs(BROKER, '', new Map([['log.retention.ms', null]]), false);
  });
});
