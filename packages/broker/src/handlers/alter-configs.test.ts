import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { AlterConfigsResponse, IncrementalAlterConfigsResponse } from '@gregor/protocol';
import { AlterConfigsRequest, ApiKey, ErrorCode, IncrementalAlterConfigsRequest } from '@gregor/protocol';
import {
  AlterableConfig as LegacyConfig,
  AlterConfigsResource as LegacyResource,
} from '@gregor/protocol/generated/messages/alter-configs-request';
import {
  AlterableConfig,
  AlterConfigsResource,
} from '@gregor/protocol/generated/messages/incremental-alter-configs-request';
import type { TestBroker } from '../testing.js';
import { startTestBroker } from '../testing.js';
import { autoCreateTopic } from './metadata.js';
import { TestClient } from './protocol-client.js';

const TOPIC = 2;
const BROKER = 4;
const BROKER_LOGGER = 8;
const SET = 0;
const DELETE = 1;
const APPEND = 2;
const SUBTRACT = 3;

function legacy(
  resources: { type: number; name: string; configs: [string, string | null][] }[],
  validateOnly = false,
): AlterConfigsRequest {
  const r = new AlterConfigsRequest();
  r.validateOnly = validateOnly;
  r.resources = resources.map((res) => {
    const l = new LegacyResource();
    l.resourceType = res.type;
    l.resourceName = res.name;
    l.configs = res.configs.map(([name, value]) => {
      const c = new LegacyConfig();
      c.name = name;
      c.value = value;
      return c;
    });
    return l;
  });
  return r;
}

function incremental(
  resources: { type: number; name: string; configs: [string, number, string | null][] }[],
  validateOnly = false,
): IncrementalAlterConfigsRequest {
  const r = new IncrementalAlterConfigsRequest();
  r.validateOnly = validateOnly;
  r.resources = resources.map((res) => {
    const a = new AlterConfigsResource();
    a.resourceType = res.type;
    a.resourceName = res.name;
    a.configs = res.configs.map(([name, op, value]) => {
      const c = new AlterableConfig();
      c.name = name;
      c.configOperation = op;
      c.value = value;
      return c;
    });
    return a;
  });
  return r;
}

describe('AlterConfigs and IncrementalAlterConfigs', () => {
  let tb: TestBroker;
  let client: TestClient;
  const alter = (version: number, body: AlterConfigsRequest) =>
    client.send<AlterConfigsResponse>(ApiKey.AlterConfigs, version, body);
  const incAlter = (version: number, body: IncrementalAlterConfigsRequest) =>
    client.send<IncrementalAlterConfigsResponse>(ApiKey.IncrementalAlterConfigs, version, body);
  const overrides = (topic: string) => Object.fromEntries(tb.broker.metadata.topicConfigs(topic));

  before(async () => {
    tb = await startTestBroker();
    client = await TestClient.connect(tb.host, tb.port);
    for (const name of ['ac-topic', 'ac-other', 'iac-topic']) {
      assert.equal(await autoCreateTopic(tb.broker, name), ErrorCode.NONE);
    }
  });
  after(async () => {
    await client.close();
    await tb.stop();
  });

  test('AlterConfigs replaces the overrides at every version and reconfigures open logs', async () => {
    for (let v = 0; v <= 2; v++) {
      const first = await alter(
        v,
        legacy([
          {
            type: TOPIC,
            name: 'ac-topic',
            configs: [
              ['retention.ms', String(1000 + v)],
              ['segment.ms', '60000'],
            ],
          },
        ]),
      );
      assert.equal(first.responses[0]?.errorCode, ErrorCode.NONE, `v${v}`);
      assert.equal(first.responses[0]?.errorMessage, null);
      assert.deepEqual(overrides('ac-topic'), { 'retention.ms': String(1000 + v), 'segment.ms': '60000' });
      const log = tb.broker.replicaManager.get('ac-topic', 0)?.log;
      assert.equal(log?.config.retentionMs, 1000 + v);
      assert.equal(log?.config.segmentMs, 60000);
      // Replace semantics: what is not listed goes back to the default.
      const second = await alter(
        v,
        legacy([{ type: TOPIC, name: 'ac-topic', configs: [['cleanup.policy', 'compact']] }]),
      );
      assert.equal(second.responses[0]?.errorCode, ErrorCode.NONE);
      assert.deepEqual(overrides('ac-topic'), { 'cleanup.policy': 'compact' });
      assert.equal(log?.config.retentionMs, 604800000);
      assert.deepEqual(log?.config.cleanupPolicy, ['compact']);
    }
    const cleared = await alter(1, legacy([{ type: TOPIC, name: 'ac-topic', configs: [] }]));
    assert.equal(cleared.responses[0]?.errorCode, ErrorCode.NONE);
    assert.deepEqual(overrides('ac-topic'), {});
  });

  test('AlterConfigs validateOnly changes nothing', async () => {
    const res = await alter(0, legacy([{ type: TOPIC, name: 'ac-other', configs: [['retention.ms', '5']] }], true));
    assert.equal(res.responses[0]?.errorCode, ErrorCode.NONE);
    assert.deepEqual(overrides('ac-other'), {});
    const bad = await alter(0, legacy([{ type: TOPIC, name: 'ac-other', configs: [['retention.ms', 'x']] }], true));
    assert.equal(bad.responses[0]?.errorCode, ErrorCode.INVALID_CONFIG);
  });

  test('AlterConfigs errors per resource, at the oldest and newest versions', async () => {
    const one = async (v: number, type: number, name: string, configs: [string, string | null][]) => {
      const res = await alter(v, legacy([{ type, name, configs }]));
      return [res.responses[0]?.errorCode, res.responses[0]?.errorMessage ?? ''] as const;
    };
    for (const v of [0, 2]) {
      assert.deepEqual(await one(v, TOPIC, 'ac-missing', [['retention.ms', '1']]), [
        ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
        "The topic 'ac-missing' does not exist.",
      ]);
      assert.deepEqual(await one(v, TOPIC, 'ac-other', [['retention.ms', 'soon']]), [
        ErrorCode.INVALID_CONFIG,
        'Invalid value soon for configuration retention.ms: Not a number of type LONG',
      ]);
      assert.deepEqual(await one(v, TOPIC, 'ac-other', [['no.such.config', '1']]), [
        ErrorCode.INVALID_CONFIG,
        'Unknown topic config name: no.such.config',
      ]);
      assert.deepEqual(
        await one(v, TOPIC, 'ac-other', [
          ['retention.ms', '1'],
          ['retention.ms', '2'],
        ]),
        [ErrorCode.INVALID_REQUEST, 'Error due to duplicate config keys'],
      );
      assert.deepEqual(await one(v, TOPIC, 'ac-other', [['segment.ms', null]]), [
        ErrorCode.INVALID_REQUEST,
        'Null value not supported for : segment.ms',
      ]);
      const broker = await one(v, BROKER, '1', [['log.retention.ms', '1000']]);
      assert.equal(broker[0], ErrorCode.INVALID_REQUEST);
      assert.match(broker[1], /does not change broker configs/);
      assert.equal((await one(v, BROKER, '', [['log.retention.ms', '1000']]))[0], ErrorCode.INVALID_REQUEST);
      assert.deepEqual(await one(v, BROKER, '5', []), [
        ErrorCode.INVALID_REQUEST,
        'Unexpected broker id, expected 1, but received 5',
      ]);
      assert.deepEqual(await one(v, BROKER, 'five', []), [
        ErrorCode.INVALID_REQUEST,
        'Node id must be an integer, but it is: five',
      ]);
      assert.deepEqual(await one(v, BROKER_LOGGER, '1', [['root', 'DEBUG']]), [
        ErrorCode.INVALID_REQUEST,
        'Unknown resource type 8',
      ]);
      assert.equal((await one(v, 16, 'metrics', []))[0], ErrorCode.INVALID_REQUEST);
      const twice = await alter(
        v,
        legacy([
          { type: TOPIC, name: 'ac-other', configs: [['retention.ms', '1']] },
          { type: TOPIC, name: 'ac-topic', configs: [] },
          { type: TOPIC, name: 'ac-other', configs: [['retention.ms', '2']] },
        ]),
      );
      assert.deepEqual(
        twice.responses.map((r) => [r.resourceName, r.errorCode]),
        [
          ['ac-other', ErrorCode.INVALID_REQUEST],
          ['ac-topic', ErrorCode.NONE],
          ['ac-other', ErrorCode.INVALID_REQUEST],
        ],
      );
      assert.equal(twice.responses[0]?.errorMessage, 'Each resource must appear at most once.');
    }
    assert.deepEqual(overrides('ac-other'), {});
  });

  test('IncrementalAlterConfigs SET, DELETE, APPEND, SUBTRACT at both versions', async () => {
    for (const v of [0, 1]) {
      const set = await incAlter(
        v,
        incremental([
          {
            type: TOPIC,
            name: 'iac-topic',
            configs: [
              ['retention.ms', SET, '12345'],
              ['cleanup.policy', APPEND, 'compact'],
            ],
          },
        ]),
      );
      assert.equal(set.responses[0]?.errorCode, ErrorCode.NONE, `v${v}`);
      assert.equal(set.responses[0]?.errorMessage, null);
      assert.deepEqual(overrides('iac-topic'), { 'retention.ms': '12345', 'cleanup.policy': 'delete,compact' });
      const log = tb.broker.replicaManager.get('iac-topic', 0)?.log;
      assert.equal(log?.config.retentionMs, 12345);
      assert.deepEqual(log?.config.cleanupPolicy, ['delete', 'compact']);
      const sub = await incAlter(
        v,
        incremental([
          {
            type: TOPIC,
            name: 'iac-topic',
            configs: [
              ['cleanup.policy', SUBTRACT, 'delete'],
              ['retention.ms', DELETE, null],
            ],
          },
        ]),
      );
      assert.equal(sub.responses[0]?.errorCode, ErrorCode.NONE);
      assert.deepEqual(overrides('iac-topic'), { 'cleanup.policy': 'compact' });
      assert.equal(log?.config.retentionMs, 604800000);
      const reset = await incAlter(
        v,
        incremental([{ type: TOPIC, name: 'iac-topic', configs: [['cleanup.policy', DELETE, null]] }]),
      );
      assert.equal(reset.responses[0]?.errorCode, ErrorCode.NONE);
      assert.deepEqual(overrides('iac-topic'), {});
    }
  });

  test('IncrementalAlterConfigs validateOnly changes nothing', async () => {
    const res = await incAlter(
      1,
      incremental([{ type: TOPIC, name: 'iac-topic', configs: [['retention.ms', SET, '1']] }], true),
    );
    assert.equal(res.responses[0]?.errorCode, ErrorCode.NONE);
    assert.deepEqual(overrides('iac-topic'), {});
  });

  test('IncrementalAlterConfigs errors per resource, at both versions', async () => {
    const one = async (v: number, type: number, name: string, configs: [string, number, string | null][]) => {
      const res = await incAlter(v, incremental([{ type, name, configs }]));
      return [res.responses[0]?.errorCode, res.responses[0]?.errorMessage ?? ''] as const;
    };
    for (const v of [0, 1]) {
      assert.equal(
        (await one(v, TOPIC, 'iac-missing', [['retention.ms', SET, '1']]))[0],
        ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
      );
      assert.deepEqual(await one(v, TOPIC, 'ac-other', [['retention.ms', APPEND, '1']]), [
        ErrorCode.INVALID_CONFIG,
        "Can't APPEND to key retention.ms because its type is not LIST.",
      ]);
      assert.deepEqual(await one(v, TOPIC, 'ac-other', [['retention.ms', SET, 'x']]), [
        ErrorCode.INVALID_CONFIG,
        'Invalid value x for configuration retention.ms: Not a number of type LONG',
      ]);
      assert.equal((await one(v, TOPIC, 'ac-other', [['no.such', SET, '1']]))[0], ErrorCode.INVALID_CONFIG);
      assert.equal(
        (await one(v, TOPIC, 'ac-other', [['cleanup.policy', APPEND, 'shred']]))[0],
        ErrorCode.INVALID_CONFIG,
      );
      assert.deepEqual(await one(v, TOPIC, 'ac-other', [['retention.ms', SET, null]]), [
        ErrorCode.INVALID_REQUEST,
        'Null value not supported for : retention.ms',
      ]);
      assert.deepEqual(await one(v, TOPIC, 'ac-other', [['segment.ms', 9, '1']]), [
        ErrorCode.INVALID_REQUEST,
        'Unknown operations type 9',
      ]);
      assert.deepEqual(
        await one(v, TOPIC, 'ac-other', [
          ['segment.ms', SET, '1'],
          ['segment.ms', DELETE, null],
        ]),
        [ErrorCode.INVALID_REQUEST, 'Error due to duplicate config keys'],
      );
      assert.equal((await one(v, BROKER, '1', [['log.retention.ms', SET, '1']]))[0], ErrorCode.INVALID_REQUEST);
      assert.equal((await one(v, BROKER, '2', [['log.retention.ms', SET, '1']]))[0], ErrorCode.INVALID_REQUEST);
      assert.deepEqual(await one(v, BROKER_LOGGER, '1', [['kafka.server', SET, 'DEBUG']]), [
        ErrorCode.INVALID_CONFIG,
        'Logger kafka.server does not exist!',
      ]);
      assert.equal((await one(v, BROKER_LOGGER, '1', [['root', SET, 'LOUD']]))[0], ErrorCode.INVALID_CONFIG);
      assert.equal((await one(v, BROKER_LOGGER, '1', [['root', DELETE, null]]))[0], ErrorCode.INVALID_REQUEST);
      assert.equal((await one(v, BROKER_LOGGER, '1', [['root', APPEND, 'DEBUG']]))[0], ErrorCode.INVALID_REQUEST);
      assert.equal((await one(v, BROKER_LOGGER, '2', [['root', SET, 'DEBUG']]))[0], ErrorCode.INVALID_REQUEST);
      assert.equal((await one(v, 32, 'group', []))[0], ErrorCode.INVALID_REQUEST);
      assert.deepEqual(await one(v, 3, 'x', []), [ErrorCode.INVALID_REQUEST, 'Unknown resource type 3']);
      const twice = await incAlter(
        v,
        incremental([
          { type: TOPIC, name: 'ac-other', configs: [] },
          { type: TOPIC, name: 'ac-other', configs: [] },
        ]),
      );
      assert.deepEqual(
        twice.responses.map((r) => r.errorCode),
        [ErrorCode.INVALID_REQUEST, ErrorCode.INVALID_REQUEST],
      );
    }
    assert.deepEqual(overrides('ac-other'), {});
    assert.equal(tb.broker.logger.level, 'silent');
  });

  test('IncrementalAlterConfigs sets the root log level (BROKER_LOGGER)', async () => {
    assert.equal(tb.broker.logger.level, 'silent');
    const check = await incAlter(
      1,
      incremental([{ type: BROKER_LOGGER, name: '1', configs: [['root', SET, 'ERROR']] }], true),
    );
    assert.equal(check.responses[0]?.errorCode, ErrorCode.NONE);
    assert.equal(tb.broker.logger.level, 'silent', 'validateOnly');
    const res = await incAlter(0, incremental([{ type: BROKER_LOGGER, name: '1', configs: [['root', SET, 'FATAL']] }]));
    assert.equal(res.responses[0]?.errorCode, ErrorCode.NONE);
    assert.equal(tb.broker.logger.level, 'fatal');
    tb.broker.logger.level = 'silent';
  });
});
