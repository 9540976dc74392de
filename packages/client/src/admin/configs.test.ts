import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ConfigError } from '../errors.js';
import { type Fixture, rejectsWithItems, startFixture, unique } from './fixtures.js';

describe('Admin configs', { timeout: 60_000 }, () => {
  let f: Fixture;
  let nodeId: string;
  before(async () => {
    f = await startFixture();
    nodeId = String((await f.admin.describeCluster()).controllerId);
  });
  after(async () => {
    await f?.stop();
  });

  async function topicConfig(topic: string, name: string) {
    const [d] = await f.admin.describeConfigs([{ type: 'topic', name: topic, configNames: [name] }], {
      includeSynonyms: true,
    });
    return d?.entries.find((e) => e.name === name);
  }

  it('describes a topic: every config with source, type and synonyms', async () => {
    const topic = unique('cfg');
    await f.admin.createTopics([{ name: topic, configs: { 'retention.ms': '3600000' } }]);
    const [d] = await f.admin.describeConfigs([{ type: 'topic', name: topic }], {
      includeSynonyms: true,
      includeDocumentation: true,
    });
    assert.equal(d?.type, 'topic');
    assert.equal(d?.name, topic);
    const retention = d?.entries.find((e) => e.name === 'retention.ms');
    assert.equal(retention?.value, '3600000');
    assert.equal(retention?.source, 'DYNAMIC_TOPIC_CONFIG');
    assert.equal(retention?.isDefault, false);
    assert.equal(retention?.type, 'LONG');
    assert.equal(retention?.synonyms[0]?.source, 'DYNAMIC_TOPIC_CONFIG');
    assert.ok((retention?.synonyms.length ?? 0) >= 2);
    assert.ok((retention?.documentation ?? '').length > 0);
    const cleanup = d?.entries.find((e) => e.name === 'cleanup.policy');
    assert.equal(cleanup?.value, 'delete');
    assert.equal(cleanup?.isDefault, true);
    assert.equal(cleanup?.source, 'DEFAULT_CONFIG');
    assert.equal(cleanup?.type, 'LIST');
    // Only the configs named; documentation only when asked for.
    const [only] = await f.admin.describeConfigs([{ type: 'topic', name: topic, configNames: ['retention.ms'] }]);
    assert.deepEqual(
      only?.entries.map((e) => e.name),
      ['retention.ms'],
    );
    assert.equal(only?.entries[0]?.documentation, null);
    assert.deepEqual(only?.entries[0]?.synonyms, []);
  });

  it('describes the broker and its logger, asking that broker', async () => {
    const [broker, logger] = await f.admin.describeConfigs([
      { type: 'broker', name: nodeId, configNames: ['num.partitions', 'log.dirs'] },
      { type: 'broker-logger', name: nodeId },
    ]);
    assert.equal(broker?.entries.find((e) => e.name === 'num.partitions')?.value, '1');
    assert.equal(broker?.entries.find((e) => e.name === 'log.dirs')?.value, f.tb.logDir);
    assert.ok((logger?.entries.length ?? 0) >= 1);
    await assert.rejects(f.admin.describeConfigs([{ type: 'broker', name: 'not-a-number' }]), ConfigError);
    // A broker the metadata does not list fails at once, not at the timeout.
    await rejectsWithItems(f.admin.describeConfigs([{ type: 'broker', name: '99' }], { timeoutMs: 60_000 }), [
      { type: 'BROKER_NOT_AVAILABLE', topic: '99' },
    ]);
    // The cluster-wide default (name '') goes to any broker.
    const [defaults] = await f.admin.describeConfigs([{ type: 'broker', name: '' }]);
    assert.equal(defaults?.name, '');
  });

  it('reports an unknown topic for that resource only, at once', async () => {
    const topic = unique('cfg-known');
    const missing = unique('cfg-missing');
    await f.admin.createTopics([{ name: topic }]);
    const error = await rejectsWithItems(
      f.admin.describeConfigs(
        [
          { type: 'topic', name: topic },
          { type: 'topic', name: missing },
        ],
        { timeoutMs: 60_000 },
      ),
      [{ type: 'UNKNOWN_TOPIC_OR_PARTITION', topic: missing }],
    );
    assert.equal(error.results.length, 1);
  });

  it('changes configs incrementally: set, append, subtract, delete', async () => {
    const topic = unique('incr');
    await f.admin.createTopics([{ name: topic }]);
    await f.admin.incrementalAlterConfigs([
      {
        type: 'topic',
        name: topic,
        ops: [
          { name: 'retention.ms', op: 'set', value: '1000' },
          { name: 'cleanup.policy', op: 'append', value: 'compact' },
        ],
      },
    ]);
    assert.equal((await topicConfig(topic, 'retention.ms'))?.value, '1000');
    assert.equal((await topicConfig(topic, 'cleanup.policy'))?.value, 'delete,compact');
    await f.admin.incrementalAlterConfigs([
      {
        type: 'topic',
        name: topic,
        ops: [
          { name: 'retention.ms', op: 'delete' },
          { name: 'cleanup.policy', op: 'subtract', value: 'delete' },
        ],
      },
    ]);
    const retention = await topicConfig(topic, 'retention.ms');
    assert.equal(retention?.isDefault, true);
    assert.equal((await topicConfig(topic, 'cleanup.policy'))?.value, 'compact');
  });

  it('validateOnly changes nothing; bad values are INVALID_CONFIG', async () => {
    const topic = unique('incr-validate');
    await f.admin.createTopics([{ name: topic }]);
    await f.admin.incrementalAlterConfigs(
      [{ type: 'topic', name: topic, ops: [{ name: 'retention.ms', op: 'set', value: '5000' }] }],
      { validateOnly: true },
    );
    assert.equal((await topicConfig(topic, 'retention.ms'))?.isDefault, true);
    const error = await rejectsWithItems(
      f.admin.incrementalAlterConfigs([
        { type: 'topic', name: topic, ops: [{ name: 'retention.ms', op: 'set', value: 'soon' }] },
      ]),
      [{ type: 'INVALID_CONFIG', topic }],
    );
    assert.match(error.errors[0]?.message ?? '', /retention\.ms/);
    await rejectsWithItems(
      f.admin.incrementalAlterConfigs([
        { type: 'topic', name: topic, ops: [{ name: 'retention.ms', op: 'append', value: '1' }] },
      ]),
      [{ type: 'INVALID_CONFIG', topic }],
    );
    await assert.rejects(
      f.admin.incrementalAlterConfigs([{ type: 'topic', name: topic, ops: [{ name: 'retention.ms', op: 'set' }] }]),
      ConfigError,
    );
  });

  it('validates a broker logger level without changing it', async () => {
    // validateOnly: the test broker's logger stays silent.
    await f.admin.incrementalAlterConfigs(
      [{ type: 'broker-logger', name: nodeId, ops: [{ name: 'root', op: 'set', value: 'DEBUG' }] }],
      { validateOnly: true },
    );
    const [logger] = await f.admin.describeConfigs([{ type: 'broker-logger', name: nodeId, configNames: ['root'] }]);
    assert.notEqual(logger?.entries[0]?.value, 'DEBUG');
    await rejectsWithItems(
      f.admin.incrementalAlterConfigs(
        [{ type: 'broker-logger', name: nodeId, ops: [{ name: 'root', op: 'set', value: 'LOUD' }] }],
        { validateOnly: true },
      ),
      [{ type: 'INVALID_CONFIG', topic: nodeId }],
    );
  });

  it('replaces all of a topic configs with the legacy AlterConfigs', async () => {
    const topic = unique('legacy');
    await f.admin.createTopics([{ name: topic, configs: { 'retention.ms': '1000' } }]);
    await f.admin.alterConfigs([{ type: 'topic', name: topic, configs: { 'segment.bytes': '1048576' } }]);
    assert.equal((await topicConfig(topic, 'segment.bytes'))?.value, '1048576');
    // Not listed: back to its default.
    assert.equal((await topicConfig(topic, 'retention.ms'))?.isDefault, true);
    await rejectsWithItems(
      f.admin.alterConfigs([{ type: 'topic', name: topic, configs: { 'segment.bytes': 'big' } }]),
      [{ type: 'INVALID_CONFIG', topic }],
    );
  });
});
