import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ErrorCode } from '@gregor/protocol';
import { DEFAULT_LOG_CONFIG } from '@gregor/storage';
import { BrokerConfig, loadBrokerConfig } from './broker-config.js';
import type { TopicConfigName } from './definitions.js';
import { TOPIC_CONFIGS } from './definitions.js';
import type { AlterableConfig } from './topic-config.js';
import {
  AlterConfigOp,
  effectiveTopicConfig,
  incrementalAlterTopicConfigs,
  toLogConfig,
  validateTopicConfigs,
} from './topic-config.js';

function broker(overrides: Record<string, string> = {}): BrokerConfig {
  return loadBrokerConfig({ overrides, env: {} }).config;
}

describe('validateTopicConfigs', () => {
  test('valid settings pass', () => {
    assert.deepEqual(
      validateTopicConfigs({
        'cleanup.policy': 'compact,delete',
        'retention.ms': '-1',
        'segment.bytes': '1048576',
        'compression.type': 'zstd',
        'min.cleanable.dirty.ratio': '0.1',
        'message.timestamp.type': 'LogAppendTime',
        preallocate: 'true',
        'message.downconversion.enable': 'false',
      }),
      [],
    );
    assert.deepEqual(validateTopicConfigs({ 'cleanup.policy': '' }), []);
  });

  const bad: [string, string | null, RegExp][] = [
    ['no.such.config', '1', /^Unknown topic config name: no.such.config$/],
    ['log.retention.ms', '1', /^Unknown topic config name: log.retention.ms$/],
    ['retention.ms', null, /^Null value not supported for topic configs: retention.ms$/],
    ['retention.ms', 'forever', /^Invalid value forever for configuration retention.ms: Not a number of type LONG$/],
    ['retention.ms', '-2', /^Invalid value -2 for configuration retention.ms: Value must be at least -1$/],
    ['segment.bytes', '14', /Value must be at least 1048576/],
    ['segment.bytes', '3000000000', /Not a number of type INT/],
    ['min.insync.replicas', '0', /Value must be at least 1/],
    ['min.cleanable.dirty.ratio', '2', /Value must be no more than 1/],
    ['compression.type', 'brotli', /String must be one of: uncompressed, zstd, lz4, snappy, gzip, producer/],
    ['message.timestamp.type', 'Now', /String must be one of: CreateTime, LogAppendTime/],
    ['cleanup.policy', 'compact,forever', /Invalid item\(s\) forever/],
    ['cleanup.policy', 'delete,delete', /Duplicate item delete/],
    ['unclean.leader.election.enable', 'sometimes', /either true or false/],
    ['remote.storage.enable', 'true', /Tiered Storage functionality is disabled in the broker/],
  ];
  for (const [name, value, message] of bad) {
    test(`${name}=${value} is INVALID_CONFIG`, () => {
      const errors = validateTopicConfigs({ [name]: value });
      assert.equal(errors.length, 1);
      assert.equal(errors[0]!.name, name);
      assert.equal(errors[0]!.error, 'INVALID_CONFIG');
      assert.equal(errors[0]!.code, ErrorCode.INVALID_CONFIG);
      assert.match(errors[0]!.message, message);
    });
  }

  test('one error per bad setting', () => {
    const errors = validateTopicConfigs({ 'retention.ms': 'x', 'segment.bytes': '1', foo: 'bar', 'flush.ms': '5' });
    assert.deepEqual(errors.map((e) => e.name).sort(), ['foo', 'retention.ms', 'segment.bytes']);
  });

  test('min.compaction.lag.ms above max.compaction.lag.ms, also through the broker value', () => {
    const [e] = validateTopicConfigs({ 'min.compaction.lag.ms': '10', 'max.compaction.lag.ms': '5' });
    assert.equal(e?.message, 'conflict topic config setting min.compaction.lag.ms (10) > max.compaction.lag.ms (5)');
    const b = broker({ 'log.cleaner.max.compaction.lag.ms': '100' });
    assert.equal(validateTopicConfigs({ 'min.compaction.lag.ms': '200' }, b).length, 1);
    assert.equal(validateTopicConfigs({ 'min.compaction.lag.ms': '200' }).length, 0);
  });
});

describe('effectiveTopicConfig', () => {
  test('with no overrides and a default broker, every value is its default', () => {
    const effective = effectiveTopicConfig({}, BrokerConfig.defaults());
    for (const name of Object.keys(TOPIC_CONFIGS) as TopicConfigName[]) {
      assert.equal(effective.text(name), TOPIC_CONFIGS[name].default, name);
      assert.equal(effective.source(name), 'DEFAULT_CONFIG', name);
    }
    assert.equal(effective.long('retention.ms'), 604_800_000);
    assert.equal(effective.long('segment.ms'), 604_800_000);
    assert.equal(effective.long('flush.ms'), Number.MAX_SAFE_INTEGER);
    assert.equal(effective.int('max.message.bytes'), 1_048_588);
    assert.deepEqual(effective.list('cleanup.policy'), ['delete']);
    assert.equal(effective.entries().length, Object.keys(TOPIC_CONFIGS).length);
  });

  test('log.retention.hours=1 gives retention.ms 3600000 from STATIC_BROKER_CONFIG', () => {
    const effective = effectiveTopicConfig({}, broker({ 'log.retention.hours': '1' }));
    assert.equal(effective.long('retention.ms'), 3_600_000);
    assert.deepEqual(effective.entry('retention.ms'), {
      name: 'retention.ms',
      value: '3600000',
      source: 'STATIC_BROKER_CONFIG',
      isSensitive: false,
      readOnly: false,
      type: 'LONG',
      documentation: TOPIC_CONFIGS['retention.ms'].doc,
      synonyms: [
        { name: 'log.retention.hours', value: '1', source: 'STATIC_BROKER_CONFIG' },
        { name: 'log.retention.hours', value: '168', source: 'DEFAULT_CONFIG' },
      ],
    });
  });

  test('the synonyms in precedence order: ms, then minutes, then hours', () => {
    assert.equal(effectiveTopicConfig({}, broker({ 'log.retention.minutes': '2' })).long('retention.ms'), 120_000);
    const b = broker({ 'log.retention.minutes': '2', 'log.retention.ms': '5000', 'log.retention.hours': '3' });
    const effective = effectiveTopicConfig({}, b);
    assert.equal(effective.long('retention.ms'), 5000);
    assert.deepEqual(
      effective.entry('retention.ms').synonyms.map((s) => `${s.name}=${s.value} ${s.source}`),
      [
        'log.retention.ms=5000 STATIC_BROKER_CONFIG',
        'log.retention.minutes=2 STATIC_BROKER_CONFIG',
        'log.retention.hours=3 STATIC_BROKER_CONFIG',
        'log.retention.hours=168 DEFAULT_CONFIG',
      ],
    );
    assert.equal(effectiveTopicConfig({}, broker({ 'log.roll.hours': '2' })).long('segment.ms'), 7_200_000);
    assert.equal(
      effectiveTopicConfig({}, broker({ 'log.roll.jitter.hours': '1' })).long('segment.jitter.ms'),
      3_600_000,
    );
  });

  test('a higher synonym wins even when a lower one is set dynamically', () => {
    const b = broker({ 'log.retention.ms': '5000' }).withDynamicConfigs({ broker: { 'log.retention.ms': '7000' } });
    const effective = effectiveTopicConfig({}, b);
    assert.equal(effective.long('retention.ms'), 7000);
    assert.equal(effective.source('retention.ms'), 'DYNAMIC_BROKER_CONFIG');
  });

  test('negative retention means forever', () => {
    assert.equal(effectiveTopicConfig({}, broker({ 'log.retention.hours': '-1' })).long('retention.ms'), -1);
    assert.equal(effectiveTopicConfig({}, broker({ 'log.retention.ms': '-5' })).long('retention.ms'), -1);
  });

  test('flush.ms falls back to log.flush.scheduler.interval.ms', () => {
    assert.equal(
      effectiveTopicConfig({}, broker({ 'log.flush.scheduler.interval.ms': '3000' })).long('flush.ms'),
      3000,
    );
    const b = broker({ 'log.flush.scheduler.interval.ms': '3000', 'log.flush.interval.ms': '1000' });
    assert.equal(effectiveTopicConfig({}, b).long('flush.ms'), 1000);
  });

  test('broker settings with another name reach their topic setting', () => {
    const b = broker({
      'message.max.bytes': '2000000',
      'log.cleaner.min.cleanable.ratio': '0.25',
      'log.index.size.max.bytes': '4096',
      'log.cleanup.policy': 'compact',
      'compression.type': 'lz4',
    });
    const effective = effectiveTopicConfig({}, b);
    assert.equal(effective.int('max.message.bytes'), 2_000_000);
    assert.equal(effective.double('min.cleanable.dirty.ratio'), 0.25);
    assert.equal(effective.int('segment.index.bytes'), 4096);
    assert.deepEqual(effective.list('cleanup.policy'), ['compact']);
    assert.equal(effective.string('compression.type'), 'lz4');
    assert.equal(effective.source('max.message.bytes'), 'STATIC_BROKER_CONFIG');
  });

  test('a topic override wins and leads its synonyms', () => {
    const effective = effectiveTopicConfig({ 'retention.ms': '1000' }, broker({ 'log.retention.hours': '1' }));
    assert.equal(effective.long('retention.ms'), 1000);
    const entry = effective.entry('retention.ms');
    assert.equal(entry.source, 'DYNAMIC_TOPIC_CONFIG');
    assert.deepEqual(entry.synonyms, [
      { name: 'retention.ms', value: '1000', source: 'DYNAMIC_TOPIC_CONFIG' },
      { name: 'log.retention.hours', value: '1', source: 'STATIC_BROKER_CONFIG' },
      { name: 'log.retention.hours', value: '168', source: 'DEFAULT_CONFIG' },
    ]);
  });

  test('topic-only settings have no synonyms', () => {
    const effective = effectiveTopicConfig({}, BrokerConfig.defaults());
    assert.deepEqual(effective.entry('leader.replication.throttled.replicas').synonyms, []);
    assert.equal(effective.entry('remote.storage.enable').source, 'DEFAULT_CONFIG');
  });

  test('stored overrides that no longer validate are ignored, not fatal', () => {
    const effective = effectiveTopicConfig({ 'retention.ms': 'bad', 'gone.config': '1' }, BrokerConfig.defaults());
    assert.equal(effective.long('retention.ms'), 604_800_000);
    assert.deepEqual(
      effective.ignored.map((i) => i.name),
      ['gone.config', 'retention.ms'],
    );
  });

  test('typed reads are checked', () => {
    const effective = effectiveTopicConfig({}, BrokerConfig.defaults());
    // @ts-expect-error: a broker setting
    assert.throws(() => effective.long('log.retention.ms'), /not a topic setting/);
    // @ts-expect-error: cleanup.policy is a LIST
    assert.throws(() => effective.string('cleanup.policy'), /LIST/);
  });
});

describe('toLogConfig', () => {
  test('the defaults are the storage defaults, durable by default', () => {
    const b = BrokerConfig.defaults();
    assert.deepEqual(toLogConfig(effectiveTopicConfig({}, b), b), { ...DEFAULT_LOG_CONFIG, durable: true });
  });

  test('maps every name and unit', () => {
    const b = broker({ 'log.roll.hours': '2', 'log.retention.minutes': '30', 'gregor.log.durable': 'false' });
    const effective = effectiveTopicConfig(
      {
        'segment.bytes': '2097152',
        'segment.index.bytes': '8192',
        'index.interval.bytes': '1024',
        'flush.messages': '10',
        'flush.ms': '500',
        'retention.bytes': '1000000',
        'cleanup.policy': 'compact,delete',
        'min.compaction.lag.ms': '100',
        'max.compaction.lag.ms': '200',
        'delete.retention.ms': '300',
        'min.cleanable.dirty.ratio': '0.75',
      },
      b,
    );
    assert.deepEqual(toLogConfig(effective, b), {
      segmentBytes: 2_097_152,
      segmentMs: 7_200_000,
      segmentIndexBytes: 8192,
      indexIntervalBytes: 1024,
      flushMessages: 10,
      flushMs: 500,
      retentionMs: 1_800_000,
      retentionBytes: 1_000_000,
      cleanupPolicy: ['compact', 'delete'],
      minCompactionLagMs: 100,
      maxCompactionLagMs: 200,
      deleteRetentionMs: 300,
      minCleanableDirtyRatio: 0.75,
      durable: false,
    });
  });

  test('an empty cleanup.policy is neither delete nor compact', () => {
    const b = BrokerConfig.defaults();
    assert.deepEqual(toLogConfig(effectiveTopicConfig({ 'cleanup.policy': '' }, b), b).cleanupPolicy, []);
  });
});

describe('incrementalAlterTopicConfigs', () => {
  const b = BrokerConfig.defaults();
  const op = (name: string, configOperation: number, value: string | null): AlterableConfig => ({
    name,
    configOperation,
    value,
  });

  test('SET and DELETE', () => {
    const r = incrementalAlterTopicConfigs(
      { 'retention.ms': '1000', 'segment.bytes': '2097152' },
      [
        op('retention.ms', AlterConfigOp.SET, '2000'),
        op('segment.bytes', AlterConfigOp.DELETE, null),
        op('flush.ms', AlterConfigOp.DELETE, null),
      ],
      b,
    );
    assert.deepEqual(r, { ok: true, configs: { 'retention.ms': '2000' } });
  });

  test('APPEND starts from the default when the topic has no override', () => {
    const r = incrementalAlterTopicConfigs({}, [op('cleanup.policy', AlterConfigOp.APPEND, 'compact')], b);
    assert.deepEqual(r, { ok: true, configs: { 'cleanup.policy': 'delete,compact' } });
  });

  test('APPEND adds only missing items; SUBTRACT removes', () => {
    assert.deepEqual(
      incrementalAlterTopicConfigs(
        { 'cleanup.policy': 'compact' },
        [op('cleanup.policy', AlterConfigOp.APPEND, 'compact,delete')],
        b,
      ),
      { ok: true, configs: { 'cleanup.policy': 'compact,delete' } },
    );
    assert.deepEqual(
      incrementalAlterTopicConfigs(
        { 'cleanup.policy': 'compact,delete' },
        [op('cleanup.policy', AlterConfigOp.SUBTRACT, 'compact')],
        b,
      ),
      { ok: true, configs: { 'cleanup.policy': 'delete' } },
    );
    assert.deepEqual(incrementalAlterTopicConfigs({}, [op('cleanup.policy', AlterConfigOp.SUBTRACT, 'delete')], b), {
      ok: true,
      configs: { 'cleanup.policy': '' },
    });
    assert.deepEqual(
      incrementalAlterTopicConfigs(
        {},
        [op('leader.replication.throttled.replicas', AlterConfigOp.APPEND, '0:1,1:1')],
        b,
      ),
      { ok: true, configs: { 'leader.replication.throttled.replicas': '0:1,1:1' } },
    );
  });

  test('APPEND or SUBTRACT on a setting that is not a LIST', () => {
    assert.deepEqual(incrementalAlterTopicConfigs({}, [op('retention.ms', AlterConfigOp.APPEND, '1')], b), {
      ok: false,
      error: 'INVALID_CONFIG',
      code: ErrorCode.INVALID_CONFIG,
      message: "Can't APPEND to key retention.ms because its type is not LIST.",
    });
    const r = incrementalAlterTopicConfigs({}, [op('compression.type', AlterConfigOp.SUBTRACT, 'gzip')], b);
    assert.equal(r.ok === false && r.message, "Can't SUBTRACT to key compression.type because its type is not LIST.");
  });

  test('an APPEND giving an invalid list is INVALID_CONFIG', () => {
    const r = incrementalAlterTopicConfigs({}, [op('cleanup.policy', AlterConfigOp.APPEND, 'forever')], b);
    assert.equal(r.ok, false);
    assert.equal(r.ok === false && r.error, 'INVALID_CONFIG');
  });

  test('duplicate keys and unknown operations are INVALID_REQUEST', () => {
    const dup = incrementalAlterTopicConfigs({}, [op('retention.ms', 0, '1'), op('retention.ms', 1, null)], b);
    assert.deepEqual(dup, {
      ok: false,
      error: 'INVALID_REQUEST',
      code: ErrorCode.INVALID_REQUEST,
      message: 'Error due to duplicate config keys',
    });
    const unknown = incrementalAlterTopicConfigs({}, [op('retention.ms', 7, '1')], b);
    assert.equal(unknown.ok === false && unknown.message, 'Unknown operations type 7');
  });

  test('SET of a bad value, of an unknown name, of null', () => {
    const bad = incrementalAlterTopicConfigs({}, [op('retention.ms', AlterConfigOp.SET, 'x')], b);
    assert.equal(
      bad.ok === false && bad.message,
      'Invalid value x for configuration retention.ms: Not a number of type LONG',
    );
    const unknown = incrementalAlterTopicConfigs({}, [op('retention.hours', AlterConfigOp.SET, '1')], b);
    assert.equal(unknown.ok === false && unknown.message, 'Unknown topic config name: retention.hours');
    const nul = incrementalAlterTopicConfigs({}, [op('retention.ms', AlterConfigOp.SET, null)], b);
    assert.equal(nul.ok === false && nul.error, 'INVALID_CONFIG');
  });

  test('the merged result is checked as a whole', () => {
    const r = incrementalAlterTopicConfigs(
      { 'max.compaction.lag.ms': '5' },
      [op('min.compaction.lag.ms', AlterConfigOp.SET, '10')],
      b,
    );
    assert.equal(
      r.ok === false && r.message,
      'conflict topic config setting min.compaction.lag.ms (10) > max.compaction.lag.ms (5)',
    );
  });
});
