import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { kcatOk } from '@gregor/broker/e2e/kcat';
import { startTestBroker, type TestBroker } from '@gregor/broker/testing';
import { gregor } from './fixtures.js';

describe('gregor topics, configs, cluster, produce', () => {
  let broker: TestBroker;
  let env: Record<string, string>;
  before(async () => {
    broker = await startTestBroker({ properties: { 'auto.create.topics.enable': 'false' } });
    env = { GREGOR_BOOTSTRAP: broker.bootstrap };
  });
  after(async () => {
    await broker.stop();
  });

  it('creates, lists, describes, alters and deletes topics', async () => {
    const created = await gregor(
      ['topics', 'create', 'orders', '--partitions', '3', '--config', 'retention.ms=86400000'],
      { env },
    );
    assert.equal(created.code, 0, created.stderr);
    assert.equal(created.stdout, 'Created topic orders.\n');
    const again = await gregor(['topics', 'create', 'orders'], { env });
    assert.equal(again.code, 1);
    assert.match(again.stderr, /^gregor topics create: TOPIC_ALREADY_EXISTS: .*orders.*\n$/);
    assert.equal((await gregor(['topics', 'create', 'orders', '--if-not-exists'], { env })).code, 0);
    const validated = await gregor(['topics', 'create', 'ghost', '--validate-only'], { env });
    assert.equal(validated.stdout, 'Validated topic ghost.\n');

    const list = await gregor(['topics', 'list'], { env });
    assert.equal(list.stdout, 'orders\n');
    assert.deepEqual(JSON.parse((await gregor(['topics', 'list', '--json'], { env })).stdout), ['orders']);

    const described = await gregor(['topics', 'describe', 'orders', '--json'], { env });
    const d = JSON.parse(described.stdout);
    assert.equal(d.partitionCount, 3);
    assert.equal(d.replicationFactor, 1);
    assert.deepEqual(d.configs, { 'retention.ms': '86400000' });
    assert.deepEqual(
      d.partitions.map((p: { partition: number; leader: number; isr: number[]; latestOffset: number }) => [
        p.partition,
        p.leader,
        p.isr,
        p.latestOffset,
      ]),
      [
        [0, 1, [1], 0],
        [1, 1, [1], 0],
        [2, 1, [1], 0],
      ],
    );
    const text = await gregor(['topics', 'describe', 'orders'], { env });
    assert.match(
      text.stdout,
      /^Topic: orders {2}TopicId: \S+ {2}PartitionCount: 3 {2}ReplicationFactor: 1 {2}Configs: retention\.ms=86400000\n/,
    );
    assert.match(text.stdout, /PARTITION {2}LEADER {2}REPLICAS {2}ISR {2}EARLIEST {2}LATEST {2}SIZE\n/);

    const grown = await gregor(
      ['topics', 'alter', 'orders', '--partitions', '5', '--config', 'cleanup.policy=compact'],
      { env },
    );
    assert.equal(grown.code, 0, grown.stderr);
    const after = JSON.parse((await gregor(['topics', 'describe', 'orders', '--json'], { env })).stdout);
    assert.equal(after.partitionCount, 5);
    assert.equal(after.configs['cleanup.policy'], 'compact');
    const shrink = await gregor(['topics', 'alter', 'orders', '--partitions', '2'], { env });
    assert.equal(shrink.code, 1);
    assert.match(shrink.stderr, /INVALID_PARTITIONS/);

    const missing = await gregor(['topics', 'describe', 'nope'], { env });
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /^gregor topics describe: UNKNOWN_TOPIC_OR_PARTITION: /);
    const del = await gregor(['topics', 'delete', 'orders'], { env });
    assert.equal(del.code, 0, del.stderr);
    assert.equal((await gregor(['topics', 'delete', 'orders'], { env })).code, 1);
    assert.equal((await gregor(['topics', 'delete', 'orders', '--if-exists'], { env })).code, 0);
  });

  it('gets, sets and deletes configs of topics and brokers', async () => {
    await gregor(['topics', 'create', 'conf'], { env });
    const set = await gregor(['configs', 'set', '--topic', 'conf', 'max.message.bytes=2000000', 'retention.ms=1000'], {
      env,
    });
    assert.equal(set.code, 0, set.stderr);
    const got = JSON.parse((await gregor(['configs', 'get', '--topic', 'conf', '--json'], { env })).stdout);
    assert.deepEqual(
      got.configs.map((c: { name: string; value: string }) => [c.name, c.value]),
      [
        ['max.message.bytes', '2000000'],
        ['retention.ms', '1000'],
      ],
    );
    assert.equal((await gregor(['configs', 'delete', '--topic', 'conf', 'retention.ms'], { env })).code, 0);
    const table = await gregor(['configs', 'get', '--topic', 'conf'], { env });
    assert.match(table.stdout, /^NAME +VALUE +SOURCE\nmax\.message\.bytes +2000000 +DYNAMIC_TOPIC_CONFIG\n$/);
    const broker1 = JSON.parse(
      (await gregor(['configs', 'get', '--broker', '1', '--all', 'num.partitions', '--json'], { env })).stdout,
    );
    assert.deepEqual(
      broker1.configs.map((c: { name: string }) => c.name),
      ['num.partitions'],
    );
    const bad = await gregor(['configs', 'set', '--topic', 'conf', 'retention.ms=soon'], { env });
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /INVALID_CONFIG/);
    const unknown = await gregor(['configs', 'set', '--topic', 'conf', 'no.such.config=1'], { env });
    assert.equal(unknown.code, 1);
    // Broker configs are read-only at run time (for now): a clear refusal, exit code 1.
    const brokerSet = await gregor(['configs', 'set', '--broker', '1', 'log.retention.hours=1'], { env });
    assert.equal(brokerSet.code, 1);
    assert.match(brokerSet.stderr, /^gregor configs set: INVALID_REQUEST: '1': .*restart the broker\.\n$/);
    const defaults = await gregor(['configs', 'get', '--broker-defaults', '--json'], { env });
    assert.equal(defaults.code, 0, defaults.stderr);
    assert.equal(JSON.parse(defaults.stdout).name, '');
    const usage = await gregor(['configs', 'get', '--topic', 'conf', '--broker', '1'], { env });
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /give exactly one of --topic, --broker or --broker-defaults/);
  });

  it('describes the cluster', async () => {
    const r = await gregor(['cluster', 'describe', '--json'], { env });
    const c = JSON.parse(r.stdout);
    assert.equal(c.controllerId, 1);
    assert.equal(c.brokers.length, 1);
    assert.equal(c.brokers[0].port, broker.port);
  });

  it('produces 10,000 lines byte-exact, with keys, headers and codecs', async () => {
    await gregor(['topics', 'create', 'lines', '--partitions', '1'], { env });
    const input = Array.from({ length: 10_000 }, (_, i) => `key-${i}\tvalue ${i} ünïcödé ${'x'.repeat(i % 50)}`).join(
      '\n',
    );
    const r = await gregor(['produce', 'lines', '-k', '\t', '-H', 'origin=cli', '-z', 'zstd'], { env, input });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, 'Produced 10000 records to lines.\n');
    const out = await kcatOk(broker.bootstrap, ['-C', '-t', 'lines', '-e', '-f', '%k\t%s|%h\n']);
    const expected = input
      .split('\n')
      .map((l) => `${l}|origin=cli`)
      .join('\n');
    assert.equal(out, `${expected}\n`);

    const unknown = await gregor(['produce', 'nope', '--timeout', '1500'], { env, input: 'x\n' });
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /UNKNOWN_TOPIC_OR_PARTITION/);
    const badAcks = await gregor(['produce', 'lines', '--acks', '2'], { env });
    assert.equal(badAcks.code, 2);
    assert.match(badAcks.stderr, /--acks expects 0, 1 or all, got '2'/);
    const tx = await gregor(['produce', 'lines', '--transactional-id', 'cli-tx'], { env, input: 'a\nb\n' });
    assert.equal(tx.code, 0, tx.stderr);
  });

  it('rejects --transactional-id without --acks all as usage, not a stack trace', async () => {
    const r = await gregor(['produce', 'lines', '--transactional-id', 'tx-acks', '--acks', '1'], { env, input: 'a\n' });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^gregor produce: --transactional-id needs --acks all\nUsage: /);
  });

  it('reports a malformed bootstrap address as usage, in one line', async () => {
    const r = await gregor(['topics', 'list', '--bootstrap-server', 'a:b:c']);
    assert.equal(r.code, 2);
    assert.doesNotMatch(r.stderr, /internal error|\n\s+at /);
    assert.match(r.stderr, /^gregor topics list: [^\n]*a:b:c[^\n]*\nUsage: /);
  });

  it('produces a line longer than a pipe chunk, and many lines, whole', async () => {
    await gregor(['topics', 'create', 'long', '--partitions', '1'], { env });
    const long = 'y'.repeat(300_000);
    const r = await gregor(['produce', 'long'], { env, input: `a\n${long}\nb` });
    assert.equal(r.code, 0, r.stderr);
    const out = await kcatOk(broker.bootstrap, ['-C', '-t', 'long', '-e', '-f', '%S\n']);
    assert.equal(out, `1\n${long.length}\n1\n`);
  });

  it('says in one line that the broker is unreachable', async () => {
    const r = await gregor(['topics', 'list', '--bootstrap-server', '127.0.0.1:1', '--timeout', '1000']);
    assert.equal(r.code, 1);
    assert.match(
      r.stderr,
      /^gregor topics list: cannot reach any broker \(bootstrap servers 127\.0\.0\.1:1\): [^\n]+\n$/,
    );
  });
});
