import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import type { ConfigProblem } from './broker-config.js';
import {
  BrokerConfig,
  ConfigError,
  configNameToEnv,
  envToConfigName,
  loadBrokerConfig,
  NON_CONFIG_ENV_VARS,
} from './broker-config.js';
import type { BrokerConfigName } from './definitions.js';
import { BROKER_CONFIGS } from './definitions.js';

const dir = mkdtempSync(join(tmpdir(), 'gregor-config-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
function file(text: string): string {
  const path = join(dir, `server-${files++}.properties`);
  writeFileSync(path, text);
  return path;
}

function load(overrides: Record<string, string> = {}, env: Record<string, string> = {}) {
  return loadBrokerConfig({ overrides, env });
}

/** The problems `fn` throws in its ConfigError. */
function problemsOf(fn: () => unknown): readonly ConfigProblem[] {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof ConfigError, `expected a ConfigError, got ${String(e)}`);
    return e.problems;
  }
  assert.fail('expected a ConfigError');
}

function assertProblem(fn: () => unknown, name: string, reason: RegExp): ConfigError {
  let error: ConfigError | undefined;
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof ConfigError, `expected a ConfigError, got ${String(e)}`);
    error = e;
  }
  assert.ok(error !== undefined, 'expected a ConfigError');
  const p = error.problems.find((q) => q.name === name);
  assert.ok(p !== undefined, `no problem about ${name} in:\n${error.message}`);
  assert.match(p.reason, reason);
  // The message names the setting and the reason.
  assert.ok(error.message.includes(name));
  assert.ok(error.message.includes(p.reason));
  return error;
}

describe('defaults', () => {
  // Every setting with its default as DescribeConfigs shows it (null: none). Kafka's
  // defaults (3.9), except those marked Gregor.
  const expected: Record<BrokerConfigName, string | null> = {
    'node.id': '1', // Gregor (Kafka: required)
    'broker.id': '-1',
    'cluster.id': null, // Gregor (Kafka: kafka-storage format)
    'process.roles': 'broker,controller', // Gregor (Kafka: required)
    'controller.quorum.voters': '',
    'controller.quorum.bootstrap.servers': '',
    'controller.listener.names': null,
    'metadata.log.dir': null,
    'metadata.log.segment.bytes': '1073741824',
    'metadata.log.max.record.bytes.between.snapshots': '20971520',
    'metadata.log.max.snapshot.interval.ms': '3600000',
    'controller.quorum.election.timeout.ms': '1000',
    'controller.quorum.fetch.timeout.ms': '2000',
    'controller.quorum.election.backoff.max.ms': '1000',
    'controller.quorum.request.timeout.ms': '2000',
    'controller.quorum.retry.backoff.ms': '20',
    'controller.quorum.append.linger.ms': '25',
    'broker.heartbeat.interval.ms': '2000',
    'broker.session.timeout.ms': '9000',
    'auto.leader.rebalance.enable': 'true',
    'leader.imbalance.check.interval.seconds': '300',
    listeners: 'PLAINTEXT://:9092',
    'advertised.listeners': null,
    'listener.security.protocol.map': 'PLAINTEXT:PLAINTEXT,SSL:SSL,SASL_PLAINTEXT:SASL_PLAINTEXT,SASL_SSL:SASL_SSL',
    'inter.broker.listener.name': null,
    'security.inter.broker.protocol': 'PLAINTEXT',
    'broker.rack': null,
    'socket.request.max.bytes': '104857600',
    'socket.send.buffer.bytes': '102400',
    'socket.receive.buffer.bytes': '102400',
    'socket.listen.backlog.size': '50',
    'connections.max.idle.ms': '600000',
    'max.connections': '2147483647',
    'max.connections.per.ip': '2147483647',
    'queued.max.requests': '500',
    'queued.max.request.bytes': '268435456', // Gregor (Kafka: -1)
    'num.partitions': '1',
    'default.replication.factor': '1',
    'auto.create.topics.enable': 'true',
    'delete.topic.enable': 'true',
    'message.max.bytes': '1048588',
    'fetch.max.bytes': '57671680',
    'replica.fetch.max.bytes': '1048576',
    'replica.lag.time.max.ms': '30000',
    'replica.fetch.wait.max.ms': '500',
    'replica.fetch.min.bytes': '1',
    'replica.fetch.response.max.bytes': '10485760',
    'replica.fetch.backoff.ms': '1000',
    'replica.socket.timeout.ms': '30000',
    'compression.type': 'producer',
    'compression.gzip.level': '-1',
    'compression.lz4.level': '9',
    'compression.zstd.level': '3',
    'min.insync.replicas': '1',
    'unclean.leader.election.enable': 'false',
    'log.dirs': null,
    'log.dir': './data', // Gregor (Kafka: /tmp/kafka-logs)
    'log.segment.bytes': '1073741824',
    'log.roll.ms': null,
    'log.roll.hours': '168',
    'log.roll.jitter.ms': null,
    'log.roll.jitter.hours': '0',
    'log.retention.ms': null,
    'log.retention.minutes': null,
    'log.retention.hours': '168',
    'log.retention.bytes': '-1',
    'log.retention.check.interval.ms': '300000',
    'log.cleanup.policy': 'delete',
    'log.index.interval.bytes': '4096',
    'log.index.size.max.bytes': '10485760',
    'log.flush.interval.messages': '9223372036854775807',
    'log.flush.interval.ms': null,
    'log.flush.scheduler.interval.ms': '9223372036854775807',
    'log.flush.offset.checkpoint.interval.ms': '60000',
    'log.flush.start.offset.checkpoint.interval.ms': '60000',
    'log.segment.delete.delay.ms': '60000',
    'log.preallocate': 'false',
    'log.message.timestamp.type': 'CreateTime',
    'log.message.timestamp.before.max.ms': '9223372036854775807',
    'log.message.timestamp.after.max.ms': '9223372036854775807',
    'log.message.downconversion.enable': 'true',
    'log.cleaner.enable': 'true',
    'log.cleaner.delete.retention.ms': '86400000',
    'log.cleaner.min.compaction.lag.ms': '0',
    'log.cleaner.max.compaction.lag.ms': '9223372036854775807',
    'log.cleaner.min.cleanable.ratio': '0.5',
    'log.cleaner.backoff.ms': '15000',
    'log.cleaner.threads': '1',
    'log.cleaner.dedupe.buffer.size': '134217728',
    'log.cleaner.io.buffer.size': '524288',
    'log.cleaner.io.buffer.load.factor': '0.9',
    'log.cleaner.io.max.bytes.per.second': '1.7976931348623157e+308',
    'offsets.topic.num.partitions': '50',
    'offsets.topic.replication.factor': '1', // Gregor (Kafka: 3)
    'offsets.topic.segment.bytes': '104857600',
    'offsets.topic.compression.codec': '0',
    'offsets.load.buffer.size': '5242880',
    'offsets.commit.timeout.ms': '5000',
    'offsets.commit.required.acks': '-1',
    'offsets.retention.minutes': '10080',
    'offsets.retention.check.interval.ms': '600000',
    'offset.metadata.max.bytes': '4096',
    'group.initial.rebalance.delay.ms': '3000',
    'group.min.session.timeout.ms': '6000',
    'group.max.session.timeout.ms': '1800000',
    'group.max.size': '2147483647',
    'transaction.state.log.num.partitions': '50',
    'transaction.state.log.replication.factor': '1', // Gregor (Kafka: 3)
    'transaction.state.log.min.isr': '1', // Gregor (Kafka: 2)
    'transaction.max.timeout.ms': '900000',
    'transaction.abort.timed.out.transaction.cleanup.interval.ms': '10000',
    'transaction.state.log.segment.bytes': '104857600',
    'transaction.remove.expired.transaction.cleanup.interval.ms': '3600000',
    'transactional.id.expiration.ms': '604800000',
    'producer.id.expiration.ms': '86400000',
    'num.network.threads': '3',
    'num.io.threads': '8',
    'num.replica.fetchers': '1',
    'num.replica.alter.log.dirs.threads': null,
    'background.threads': '10',
    'num.recovery.threads.per.data.dir': '1',
    'share.coordinator.state.topic.replication.factor': '3',
    'share.coordinator.state.topic.min.isr': '2',
    'metric.reporters': '',
    'metrics.num.samples': '2',
    'metrics.sample.window.ms': '30000',
    'metrics.recording.level': 'INFO',
    'gregor.log.durable': 'true',
  };

  test('every setting of the table has the expected default', () => {
    const { config, warnings } = load();
    assert.deepEqual(warnings, []);
    assert.deepEqual(Object.keys(expected).sort(), Object.keys(BROKER_CONFIGS).sort());
    for (const name of Object.keys(BROKER_CONFIGS) as BrokerConfigName[]) {
      assert.equal(config.text(name), expected[name], name);
      assert.equal(config.source(name), 'DEFAULT_CONFIG', name);
      assert.equal(config.isSet(name), false, name);
    }
  });

  test('typed reads of the defaults', () => {
    const config = BrokerConfig.defaults();
    assert.equal(config.int('num.partitions'), 1);
    assert.equal(config.int('offsets.topic.replication.factor'), 1);
    assert.equal(config.int('node.id'), 1);
    assert.equal(config.long('connections.max.idle.ms'), 600_000);
    assert.equal(config.long('log.retention.ms'), null);
    assert.equal(config.long('log.retention.bytes'), -1);
    assert.equal(config.double('log.cleaner.min.cleanable.ratio'), 0.5);
    assert.equal(config.bool('auto.create.topics.enable'), true);
    assert.equal(config.bool('gregor.log.durable'), true);
    assert.equal(config.string('compression.type'), 'producer');
    assert.equal(config.string('broker.rack'), null);
    assert.deepEqual(config.list('process.roles'), ['broker', 'controller']);
    assert.deepEqual(config.list('listeners'), ['PLAINTEXT://:9092']);
    assert.deepEqual(config.list('controller.quorum.voters'), []);
    assert.equal(config.list('advertised.listeners'), null);
  });

  test("Kafka's Long.MAX_VALUE reads as the largest safe integer, and shows as written", () => {
    const config = BrokerConfig.defaults();
    assert.equal(config.long('log.flush.interval.messages'), Number.MAX_SAFE_INTEGER);
    assert.equal(config.long('log.cleaner.max.compaction.lag.ms'), Number.MAX_SAFE_INTEGER);
    assert.equal(config.text('log.flush.interval.messages'), '9223372036854775807');
    const { config: c } = load({ 'log.retention.bytes': '9007199254740993' });
    assert.equal(c.long('log.retention.bytes'), Number.MAX_SAFE_INTEGER);
    assert.equal(c.text('log.retention.bytes'), '9007199254740993');
  });

  test('names outside the table or of another type are type errors, and throw', () => {
    const config = BrokerConfig.defaults();
    // @ts-expect-error: not a setting
    assert.throws(() => config.int('no.such.setting'), /no.such.setting is not a broker setting/);
    // @ts-expect-error: log.dirs is a LIST
    assert.throws(() => config.int('log.dirs'), /log.dirs is a LIST setting, not INT or SHORT/);
    // @ts-expect-error: num.partitions is an INT
    assert.throws(() => config.long('num.partitions'), /not LONG/);
    // @ts-expect-error: a topic setting
    assert.throws(() => config.long('retention.ms'), /not a broker setting/);
    // Inherited names are not settings either.
    assert.throws(() => config.string('toString' as 'broker.rack'), /not a broker setting/);
  });

  test('derived values of the defaults', () => {
    const config = BrokerConfig.defaults();
    assert.equal(config.nodeId(), 1);
    assert.deepEqual(config.logDirs(), ['./data']);
    assert.equal(config.metadataLogDir(), './data');
    assert.deepEqual(config.listeners(), [{ name: 'PLAINTEXT', host: '', port: 9092, securityProtocol: 'PLAINTEXT' }]);
    assert.deepEqual(config.brokerListeners(), config.listeners());
    assert.deepEqual(config.advertisedListeners(), config.listeners());
    assert.deepEqual(config.quorumVoters(), []);
    assert.deepEqual(config.controllerListenerNames(), []);
  });
});

describe('precedence: defaults < file < env < overrides', () => {
  test('each layer overrides the one below', () => {
    const path = file('num.partitions=2\nlog.retention.hours=24\nauto.create.topics.enable=false\nbroker.rack=r1\n');
    const { config } = loadBrokerConfig({
      file: path,
      env: { GREGOR_LOG_RETENTION_HOURS: '48', GREGOR_BROKER_RACK: 'r2', PATH: '/usr/bin' },
      overrides: { 'broker.rack': 'r3' },
    });
    assert.equal(config.int('num.partitions'), 2); // file
    assert.equal(config.bool('auto.create.topics.enable'), false); // file
    assert.equal(config.int('log.retention.hours'), 48); // env over file
    assert.equal(config.string('broker.rack'), 'r3'); // override over env and file
    assert.equal(config.int('default.replication.factor'), 1); // default
    assert.equal(config.setting('num.partitions')?.origin, `${path.split('/').pop()} line 1`);
    assert.equal(config.setting('log.retention.hours')?.origin, 'env GREGOR_LOG_RETENTION_HOURS');
    assert.equal(config.setting('broker.rack')?.origin, 'override');
    for (const name of ['num.partitions', 'log.retention.hours', 'broker.rack'] as const) {
      assert.equal(config.source(name), 'STATIC_BROKER_CONFIG');
    }
  });

  test('values are trimmed; booleans are case-insensitive', () => {
    const { config } = load({
      'num.partitions': '  7 ',
      'delete.topic.enable': 'FALSE',
      'process.roles': ' broker , controller ',
    });
    assert.equal(config.int('num.partitions'), 7);
    assert.equal(config.bool('delete.topic.enable'), false);
    assert.deepEqual(config.list('process.roles'), ['broker', 'controller']);
    assert.equal(config.text('process.roles'), 'broker,controller');
  });

  test('a repeated key in the file: the last wins', () => {
    const { config } = loadBrokerConfig({ file: file('num.partitions=2\nnum.partitions=5\n'), env: {} });
    assert.equal(config.int('num.partitions'), 5);
  });

  test('env is process.env when not given', () => {
    const before = process.env.GREGOR_NUM_PARTITIONS;
    process.env.GREGOR_NUM_PARTITIONS = '9';
    try {
      assert.equal(loadBrokerConfig().config.int('num.partitions'), 9);
    } finally {
      if (before === undefined) delete process.env.GREGOR_NUM_PARTITIONS;
      else process.env.GREGOR_NUM_PARTITIONS = before;
    }
  });
});

describe('environment variable names', () => {
  test("Kafka's Docker convention: _ is '.', __ is '_', ___ is '-'", () => {
    assert.deepEqual(envToConfigName('GREGOR_LOG_DIRS'), { name: 'log.dirs' });
    assert.deepEqual(envToConfigName('GREGOR_LOG_RETENTION_HOURS'), { name: 'log.retention.hours' });
    assert.deepEqual(envToConfigName('GREGOR_GREGOR_LOG_DURABLE'), { name: 'gregor.log.durable' });
    assert.deepEqual(envToConfigName('GREGOR_ABC__DEF'), { name: 'abc_def' });
    assert.deepEqual(envToConfigName('GREGOR_ABC___DEF'), { name: 'abc-def' });
    assert.match((envToConfigName('GREGOR_ABC____DEF') as { reason: string }).reason, /run of 4 underscores/);
    assert.match((envToConfigName('GREGOR_A-B') as { reason: string }).reason, /not of the form/);
  });

  test('every setting round-trips through its variable name', () => {
    for (const name of Object.keys(BROKER_CONFIGS)) {
      assert.deepEqual(envToConfigName(configNameToEnv(name)), { name });
    }
    assert.equal(configNameToEnv('log.dirs'), 'GREGOR_LOG_DIRS');
    assert.equal(configNameToEnv('a_b-c.d'), 'GREGOR_A__B___C_D');
  });

  test('non-setting GREGOR_ variables and other variables are left alone', () => {
    const env: Record<string, string> = { HOME: '/root', KAFKA_NUM_PARTITIONS: '3' };
    for (const v of NON_CONFIG_ENV_VARS) env[v] = 'anything';
    assert.equal(loadBrokerConfig({ env }).config.int('num.partitions'), 1);
  });

  test('an unknown GREGOR_ variable is an error naming the variable', () => {
    const e = assertProblem(
      () => load({}, { GREGOR_NUM_PARTITONS: '3' }),
      'num.partitons',
      /did you mean num.partitions/,
    );
    assert.match(e.message, /env GREGOR_NUM_PARTITONS/);
    assertProblem(() => load({}, { GREGOR_LOG____DIRS: 'x' }), 'GREGOR_LOG____DIRS', /ambiguous/);
  });
});

describe('errors', () => {
  test('unknown setting, with a suggestion when one is close', () => {
    assertProblem(
      () => load({ 'log.retention.hour': '1' }),
      'log.retention.hour',
      /unknown setting \(did you mean log.retention.hours\?\)/,
    );
    assertProblem(() => load({ 'completely.different': '1' }), 'completely.different', /^unknown setting$/);
  });

  test('a topic setting given to the broker points at its broker synonym', () => {
    assertProblem(
      () => load({ 'retention.ms': '1' }),
      'retention.ms',
      /topic setting; its broker default is log.retention.ms/,
    );
  });

  test('Kafka settings Gregor does not support say why', () => {
    assertProblem(() => load({ 'zookeeper.connect': 'localhost:2181' }), 'zookeeper.connect', /KRaft mode only/);
    assertProblem(() => load({ 'ssl.keystore.location': '/k' }), 'ssl.keystore.location', /TLS/);
    assertProblem(() => load({ 'sasl.enabled.mechanisms': 'PLAIN' }), 'sasl.enabled.mechanisms', /SASL/);
  });

  test('bad numbers', () => {
    assertProblem(() => load({ 'num.partitions': 'three' }), 'num.partitions', /^Not a number of type INT$/);
    assertProblem(() => load({ 'num.partitions': '1.5' }), 'num.partitions', /Not a number of type INT/);
    assertProblem(
      () => load({ 'num.partitions': '2147483648' }),
      'num.partitions',
      /Not a number of type INT \(outside/,
    );
    assertProblem(
      () => load({ 'offsets.topic.replication.factor': '40000' }),
      'offsets.topic.replication.factor',
      /type SHORT/,
    );
    assertProblem(() => load({ 'log.retention.ms': '9223372036854775808' }), 'log.retention.ms', /type LONG/);
    assertProblem(() => load({ 'log.retention.ms': '1e3' }), 'log.retention.ms', /type LONG/);
    assertProblem(
      () => load({ 'log.cleaner.min.cleanable.ratio': 'half' }),
      'log.cleaner.min.cleanable.ratio',
      /type DOUBLE/,
    );
  });

  test('out of range', () => {
    assertProblem(() => load({ 'num.partitions': '0' }), 'num.partitions', /^Value must be at least 1$/);
    assertProblem(() => load({ 'log.segment.bytes': '1048575' }), 'log.segment.bytes', /at least 1048576/);
    assertProblem(
      () => load({ 'log.cleaner.min.cleanable.ratio': '1.5' }),
      'log.cleaner.min.cleanable.ratio',
      /no more than 1/,
    );
    assertProblem(() => load({ 'fetch.max.bytes': '1023' }), 'fetch.max.bytes', /at least 1024/);
    assertProblem(() => load({ 'compression.gzip.level': '0' }), 'compression.gzip.level', /-1 or between 1 and 9/);
  });

  test('bad booleans and enums', () => {
    assertProblem(
      () => load({ 'auto.create.topics.enable': 'yes' }),
      'auto.create.topics.enable',
      /either true or false/,
    );
    assertProblem(
      () => load({ 'compression.type': 'brotli' }),
      'compression.type',
      /String must be one of: uncompressed, zstd, lz4, snappy, gzip, producer/,
    );
    assertProblem(() => load({ 'compression.type': 'GZIP' }), 'compression.type', /String must be one of/);
    assertProblem(
      () => load({ 'log.message.timestamp.type': 'create' }),
      'log.message.timestamp.type',
      /CreateTime, LogAppendTime/,
    );
  });

  test('bad list items', () => {
    assertProblem(() => load({ 'process.roles': 'broker,leader' }), 'process.roles', /Invalid item\(s\) leader/);
    assertProblem(() => load({ 'process.roles': 'broker,broker' }), 'process.roles', /Duplicate item broker/);
    assertProblem(() => load({ 'process.roles': '' }), 'process.roles', /must not be empty/);
    assertProblem(() => load({ 'log.cleanup.policy': 'delete,,compact' }), 'log.cleanup.policy', /empty/);
    assertProblem(() => load({ 'log.dirs': '/a,/a' }), 'log.dirs', /Duplicate item \/a/);
    assertProblem(() => load({ 'controller.quorum.voters': '1@localhost' }), 'controller.quorum.voters', /no port/);
  });

  test('cluster.id must be a base64url UUID of 22 characters, as kafka-storage random-uuid prints', () => {
    assert.equal(load({ 'cluster.id': 'MkU3OEVBNTcwNTJENDM2Qg' }).config.text('cluster.id'), 'MkU3OEVBNTcwNTJENDM2Qg');
    for (const bad of ['short', 'MkU3OEVBNTcwNTJENDM2Qg=', 'MkU3OEVBNTcwNTJENDM2Q+', 'MkU3OEVBNTcw NTJENDM2Qg'])
      assertProblem(() => load({ 'cluster.id': bad }), 'cluster.id', /UUID in base64url form, 22 characters/);
  });

  test('bad listeners', () => {
    assertProblem(() => load({ listeners: 'PLAINTEXT://localhost' }), 'listeners', /no port/);
    assertProblem(() => load({ listeners: 'PLAINTEXT://:70000' }), 'listeners', /outside 0-65535/);
    assertProblem(() => load({ listeners: 'PLAINTEXT://:9092,PLAINTEXT://:9093' }), 'listeners', /used twice/);
    assertProblem(
      () => load({ listeners: 'PLAINTEXT://:9092,OTHER://:9092' }),
      'listeners',
      /port 9092 is already used/,
    );
    assertProblem(() => load({ listeners: '' }), 'listeners', /must not be empty/);
    assertProblem(
      () => load({ 'advertised.listeners': 'PLAINTEXT://0.0.0.0:9092' }),
      'advertised.listeners',
      /cannot be advertised/,
    );
  });

  test('an unreadable file and a malformed one', () => {
    assertProblem(
      () => loadBrokerConfig({ file: join(dir, 'missing.properties'), env: {} }),
      join(dir, 'missing.properties'),
      /cannot read the configuration file/,
    );
    const path = file('num.partitions=1\nbroker.rack=\\u00zz\n');
    const e = assertProblem(() => loadBrokerConfig({ file: path, env: {} }), path, /malformed/);
    assert.match(e.message, /line 2/);
  });

  test('a bad value in the file names the file and line', () => {
    const path = file('# comment\n\nnum.partitions = lots\n');
    const e = assertProblem(() => loadBrokerConfig({ file: path, env: {} }), 'num.partitions', /INT/);
    assert.match(e.message, /num\.partitions = "lots" \(server-\d+\.properties line 3\): Not a number of type INT/);
  });

  test('every problem is reported at once', () => {
    const path = file('num.partitions=x\nunknown.one=1\n');
    const problems = problemsOf(() =>
      loadBrokerConfig({
        file: path,
        env: { GREGOR_LOG_SEGMENT_BYTES: '5' },
        overrides: { listeners: 'PLAINTEXT://host', 'delete.topic.enable': 'maybe' },
      }),
    );
    assert.deepEqual(problems.map((p) => p.name).sort(), [
      'delete.topic.enable',
      'listeners',
      'log.segment.bytes',
      'num.partitions',
      'unknown.one',
    ]);
  });
});

describe('settings that contradict each other', () => {
  test('a listener with no security protocol', () => {
    assertProblem(() => load({ listeners: 'CLIENT://:9092' }), 'listeners', /no security protocol for listener CLIENT/);
    const { config } = load({ listeners: 'CLIENT://:9092', 'listener.security.protocol.map': 'CLIENT:PLAINTEXT' });
    assert.deepEqual(config.brokerListeners(), [
      { name: 'CLIENT', host: '', port: 9092, securityProtocol: 'PLAINTEXT' },
    ]);
  });

  test('listeners other than PLAINTEXT are not served yet', () => {
    assertProblem(
      () => load({ listeners: 'PLAINTEXT://:9092,SSL://:9093' }),
      'listeners',
      /listener SSL uses SSL; Gregor serves PLAINTEXT listeners only/,
    );
    assertProblem(
      () => load({ 'security.inter.broker.protocol': 'SSL' }),
      'security.inter.broker.protocol',
      /PLAINTEXT only/,
    );
  });

  test('a malformed protocol map', () => {
    assertProblem(
      () => load({ 'listener.security.protocol.map': 'PLAINTEXT' }),
      'listener.security.protocol.map',
      /expected NAME:PROTOCOL/,
    );
  });

  test('advertised listeners must name listeners', () => {
    assertProblem(
      () => load({ 'advertised.listeners': 'OTHER://h:9092' }),
      'advertised.listeners',
      /OTHER is not the name of a listener/,
    );
  });

  test('inter.broker.listener.name', () => {
    assertProblem(
      () => load({ 'inter.broker.listener.name': 'INTERNAL' }),
      'inter.broker.listener.name',
      /not the name of a broker listener/,
    );
    assertProblem(
      () => load({ 'inter.broker.listener.name': 'PLAINTEXT', 'security.inter.broker.protocol': 'PLAINTEXT' }),
      'inter.broker.listener.name',
      /set only one of/,
    );
    assert.equal(
      load({ 'inter.broker.listener.name': 'plaintext' }).config.string('inter.broker.listener.name'),
      'plaintext',
    );
  });

  test('a broker needs a listener that is not a controller listener', () => {
    assertProblem(() => load({ 'controller.listener.names': 'PLAINTEXT' }), 'listeners', /not a controller listener/);
  });

  test('the quorum', () => {
    assertProblem(
      () => load({ 'process.roles': 'broker' }),
      'process.roles',
      /broker-only node needs controller.quorum.voters/,
    );
    assertProblem(
      () =>
        load({
          'controller.quorum.voters': '2@h:9093,3@h:9094',
          'controller.listener.names': 'CONTROLLER',
          listeners: 'PLAINTEXT://:9092,CONTROLLER://:9093',
        }),
      'controller.quorum.voters',
      /node.id 1 must be one of the voters/,
    );
    assertProblem(
      () => load({ 'controller.quorum.voters': '1@h:9093' }),
      'controller.listener.names',
      /multi-voter quorum/,
    );
    const { config } = load({ 'process.roles': 'broker', 'controller.quorum.voters': '2@c:9093' });
    assert.deepEqual(config.quorumVoters(), [{ id: 2, host: 'c', port: 9093 }]);
  });

  test('broker.id and node.id', () => {
    assert.equal(load({ 'broker.id': '4' }).config.nodeId(), 4);
    assert.equal(load({ 'broker.id': '4', 'node.id': '4' }).config.nodeId(), 4);
    assertProblem(() => load({ 'broker.id': '4', 'node.id': '5' }), 'broker.id', /differs from node.id/);
  });

  test('the request memory budget must hold the largest request', () => {
    assertProblem(
      () => load({ 'queued.max.request.bytes': '1000' }),
      'queued.max.request.bytes',
      /at least socket.request.max.bytes \(104857600\)/,
    );
    assert.equal(load({ 'queued.max.request.bytes': '104857600' }).config.long('queued.max.request.bytes'), 104857600);
  });

  test('session timeouts and compaction lags in order', () => {
    assertProblem(
      () => load({ 'group.min.session.timeout.ms': '10000', 'group.max.session.timeout.ms': '5000' }),
      'group.min.session.timeout.ms',
      /must not exceed group.max.session.timeout.ms/,
    );
    assertProblem(
      () => load({ 'log.cleaner.min.compaction.lag.ms': '10', 'log.cleaner.max.compaction.lag.ms': '5' }),
      'log.cleaner.min.compaction.lag.ms',
      /must not exceed/,
    );
  });

  test('group coordinator settings: ranges, and the ones with no effect warn', () => {
    assertProblem(() => load({ 'offsets.topic.compression.codec': '5' }), 'offsets.topic.compression.codec', /./);
    assertProblem(() => load({ 'offsets.topic.segment.bytes': '0' }), 'offsets.topic.segment.bytes', /./);
    assertProblem(() => load({ 'offsets.load.buffer.size': '0' }), 'offsets.load.buffer.size', /./);
    assertProblem(() => load({ 'group.max.size': '0' }), 'group.max.size', /./);
    const { config, warnings } = load({
      'offsets.topic.compression.codec': '4',
      'offsets.topic.segment.bytes': '1048576',
      'offsets.commit.timeout.ms': '1000',
      'offsets.commit.required.acks': '1',
    });
    assert.equal(config.int('offsets.topic.compression.codec'), 4);
    assert.equal(config.int('offsets.topic.segment.bytes'), 1048576);
    assert.equal(warnings.length, 2);
    assert.ok(
      warnings.every((w) =>
        /^offsets\.commit\.(timeout\.ms|required\.acks) \(override\): accepted, but has no effect/.test(w),
      ),
    );
  });

  test('a setting already reported bad is not also reported by a cross-check', () => {
    const problems = problemsOf(() => load({ listeners: 'CLIENT://:x' }));
    assert.equal(problems.length, 1);
  });
});

describe('warnings', () => {
  test('accepted Kafka settings without effect', () => {
    const { warnings } = load({ 'num.io.threads': '16', 'num.network.threads': '5', 'socket.send.buffer.bytes': '-1' });
    assert.equal(warnings.length, 3);
    assert.ok(warnings.some((w) => /^num\.io\.threads \(override\): accepted, but has no effect in Gregor/.test(w)));
  });

  test('settings without effect are still validated', () => {
    assertProblem(() => load({ 'num.io.threads': '0' }), 'num.io.threads', /at least 1/);
  });

  test('settings hidden by others', () => {
    const { config, warnings } = load({
      'log.dir': '/a',
      'log.dirs': '/b,/c',
      'log.retention.hours': '1',
      'log.retention.ms': '1000',
    });
    assert.deepEqual(config.logDirs(), ['/b', '/c']);
    assert.ok(warnings.includes('log.dir (override) is ignored: log.dirs is set'));
    assert.ok(warnings.includes('log.retention.hours (override) is ignored: log.retention.ms is set'));
    assert.deepEqual(load({ 'log.dir': '/a' }).config.logDirs(), ['/a']);
  });

  test('no request memory budget', () => {
    const { warnings } = load({ 'queued.max.request.bytes': '-1' });
    assert.ok(warnings.some((w) => /no memory budget/.test(w)));
  });
});

describe('a Kafka 3.9/4.x KRaft server.properties', () => {
  test('loads unchanged, with warnings for the thread settings', () => {
    const path = file(
      [
        '# combined node',
        'process.roles=broker,controller',
        'node.id=1',
        'controller.quorum.voters=1@localhost:9093',
        'listeners=PLAINTEXT://:9092,CONTROLLER://:9093',
        'inter.broker.listener.name=PLAINTEXT',
        'advertised.listeners=PLAINTEXT://localhost:9092,CONTROLLER://localhost:9093',
        'controller.listener.names=CONTROLLER',
        'listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,SSL:SSL,SASL_PLAINTEXT:SASL_PLAINTEXT,SASL_SSL:SASL_SSL',
        'num.network.threads=3',
        'num.io.threads=8',
        'socket.send.buffer.bytes=102400',
        'socket.receive.buffer.bytes=102400',
        'socket.request.max.bytes=104857600',
        'log.dirs=/tmp/kraft-combined-logs',
        'num.partitions=1',
        'num.recovery.threads.per.data.dir=1',
        'offsets.topic.replication.factor=1',
        'share.coordinator.state.topic.replication.factor=1',
        'share.coordinator.state.topic.min.isr=1',
        'transaction.state.log.replication.factor=1',
        'transaction.state.log.min.isr=1',
        'log.retention.hours=168',
        'log.segment.bytes=1073741824',
        'log.retention.check.interval.ms=300000',
      ].join('\n'),
    );
    const { config, warnings } = loadBrokerConfig({ file: path, env: {} });
    assert.equal(warnings.length, 7);
    assert.deepEqual(
      config.brokerListeners().map((l) => l.name),
      ['PLAINTEXT'],
    );
    assert.deepEqual(config.advertisedListeners(), [
      { name: 'PLAINTEXT', host: 'localhost', port: 9092, securityProtocol: 'PLAINTEXT' },
    ]);
    assert.deepEqual(
      config.listeners().map((l) => l.name),
      ['PLAINTEXT', 'CONTROLLER'],
    );
    assert.deepEqual(config.logDirs(), ['/tmp/kraft-combined-logs']);
  });
});

describe('DescribeConfigs entries', () => {
  test('one entry per setting, with sources, types and read-only flags', () => {
    const { config } = load({ 'num.partitions': '3' });
    const entries = config.entries();
    assert.equal(entries.length, Object.keys(BROKER_CONFIGS).length);
    const byName = new Map(entries.map((e) => [e.name, e]));
    assert.deepEqual(byName.get('num.partitions'), {
      name: 'num.partitions',
      value: '3',
      source: 'STATIC_BROKER_CONFIG',
      isSensitive: false,
      readOnly: true,
      type: 'INT',
      documentation: BROKER_CONFIGS['num.partitions'].doc,
      synonyms: [
        { name: 'num.partitions', value: '3', source: 'STATIC_BROKER_CONFIG' },
        { name: 'num.partitions', value: '1', source: 'DEFAULT_CONFIG' },
      ],
    });
    const retention = byName.get('log.retention.ms')!;
    assert.equal(retention.value, null);
    assert.equal(retention.source, 'DEFAULT_CONFIG');
    assert.equal(retention.readOnly, false);
    assert.equal(byName.get('log.dir')!.documentation.includes('Gregor: '), true);
    assert.equal(byName.get('num.io.threads')!.documentation.includes('No effect in Gregor'), true);
  });

  test('synonyms start at the entry itself, as Kafka lists them', () => {
    const { config } = load({ 'log.retention.hours': '1', 'log.retention.ms': '5000' });
    assert.deepEqual(config.entry('log.retention.hours').synonyms, [
      { name: 'log.retention.hours', value: '1', source: 'STATIC_BROKER_CONFIG' },
      { name: 'log.retention.hours', value: '168', source: 'DEFAULT_CONFIG' },
    ]);
    assert.deepEqual(config.entry('log.retention.ms').synonyms, [
      { name: 'log.retention.ms', value: '5000', source: 'STATIC_BROKER_CONFIG' },
      { name: 'log.retention.hours', value: '1', source: 'STATIC_BROKER_CONFIG' },
      { name: 'log.retention.hours', value: '168', source: 'DEFAULT_CONFIG' },
    ]);
  });
});

describe('dynamic settings', () => {
  test('per-broker over cluster default over static', () => {
    const { config } = load({ 'message.max.bytes': '2000000' });
    const d1 = config.withDynamicConfigs({ clusterDefault: { 'message.max.bytes': '3000000' } });
    assert.equal(d1.int('message.max.bytes'), 3_000_000);
    assert.equal(d1.source('message.max.bytes'), 'DYNAMIC_DEFAULT_BROKER_CONFIG');
    const d2 = d1.withDynamicConfigs({ broker: { 'message.max.bytes': '4000000' } });
    assert.equal(d2.int('message.max.bytes'), 4_000_000);
    assert.equal(d2.source('message.max.bytes'), 'DYNAMIC_BROKER_CONFIG');
    assert.deepEqual(
      d2.entry('message.max.bytes').synonyms.map((s) => [s.source, s.value]),
      [
        ['DYNAMIC_BROKER_CONFIG', '4000000'],
        ['DYNAMIC_DEFAULT_BROKER_CONFIG', '3000000'],
        ['STATIC_BROKER_CONFIG', '2000000'],
        ['DEFAULT_CONFIG', '1048588'],
      ],
    );
    // The original is unchanged; replacing a layer with {} removes its values.
    assert.equal(config.int('message.max.bytes'), 2_000_000);
    assert.equal(d2.withDynamicConfigs({ broker: {}, clusterDefault: {} }).int('message.max.bytes'), 2_000_000);
  });

  test('read-only, unknown and bad values are rejected together', () => {
    const problems = problemsOf(() =>
      BrokerConfig.defaults().withDynamicConfigs({
        broker: { 'num.partitions': '3', 'no.such': '1', 'min.insync.replicas': '0' },
      }),
    );
    assert.deepEqual(
      problems.map((p) => [p.name, p.reason]),
      [
        ['no.such', 'unknown setting'],
        ['num.partitions', 'cannot be changed at run time (read-only)'],
        ['min.insync.replicas', 'Value must be at least 1'],
      ],
    );
  });
});
