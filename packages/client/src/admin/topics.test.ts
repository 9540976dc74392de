import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ConfigError } from '../errors.js';
import { type Fixture, rejectsWithItems, startFixture, unique } from './fixtures.js';

describe('Admin topics and cluster', { timeout: 60_000 }, () => {
  let f: Fixture;
  before(async () => {
    f = await startFixture({ 'num.partitions': '2' });
  });
  after(async () => {
    await f?.stop();
  });

  it('creates topics, lists and describes them', async () => {
    const a = unique('create-a');
    const b = unique('create-b');
    await f.admin.createTopics([
      { name: a, numPartitions: 3, replicationFactor: 1, configs: { 'cleanup.policy': 'compact' } },
      { name: b },
    ]);
    const names = await f.admin.listTopics();
    assert.ok(names.includes(a) && names.includes(b));
    assert.deepEqual(names, [...names].sort());
    const [da, db] = await f.admin.describeTopics([a, b]);
    assert.equal(da?.name, a);
    assert.equal(da?.isInternal, false);
    assert.equal(da?.topicId.length, 22);
    assert.deepEqual(
      da?.partitions.map((p) => p.partition),
      [0, 1, 2],
    );
    const nodeId = (await f.admin.describeCluster()).brokers[0]?.nodeId;
    for (const p of da?.partitions ?? []) {
      assert.equal(p.leader, nodeId);
      assert.deepEqual(p.replicas, [nodeId]);
      assert.deepEqual(p.isr, [nodeId]);
      assert.deepEqual(p.offlineReplicas, []);
      assert.ok(p.leaderEpoch >= 0);
    }
    // The broker's num.partitions when none is given.
    assert.equal(db?.partitions.length, 2);
    const [config] = await f.admin.describeConfigs([{ type: 'topic', name: a, configNames: ['cleanup.policy'] }]);
    assert.equal(config?.entries[0]?.value, 'compact');
  });

  it('creates a topic from a replica assignment', async () => {
    const name = unique('assigned');
    const nodeId = (await f.admin.describeCluster()).brokers[0]?.nodeId as number;
    await f.admin.createTopics([{ name, replicaAssignment: { 0: [nodeId], 1: [nodeId] } }]);
    const [d] = await f.admin.describeTopics([name]);
    assert.equal(d?.partitions.length, 2);
    await assert.rejects(
      f.admin.createTopics([{ name: unique('both'), numPartitions: 1, replicaAssignment: { 0: [nodeId] } }]),
      ConfigError,
    );
  });

  it('reports each failed topic with its error, and creates the others', async () => {
    const existing = unique('existing');
    const fresh = unique('fresh');
    const badPartitions = unique('bad-partitions');
    const badConfig = unique('bad-config');
    await f.admin.createTopics([{ name: existing }]);
    const error = await rejectsWithItems(
      f.admin.createTopics([
        { name: existing },
        { name: fresh },
        { name: badPartitions, numPartitions: 0 },
        { name: badConfig, configs: { 'cleanup.policy': 'sometimes' } },
      ]),
      [
        { type: 'TOPIC_ALREADY_EXISTS', topic: existing },
        { type: 'INVALID_PARTITIONS', topic: badPartitions },
        { type: 'INVALID_CONFIG', topic: badConfig },
      ],
    );
    assert.match(error.message, /3 item\(s\) failed/);
    assert.match(error.errors[2]?.message ?? '', /cleanup\.policy/);
    const names = await f.admin.listTopics();
    assert.ok(names.includes(fresh));
    assert.ok(!names.includes(badPartitions) && !names.includes(badConfig));
  });

  it('validateOnly checks and creates nothing', async () => {
    const name = unique('validate');
    await f.admin.createTopics([{ name, numPartitions: 4 }], { validateOnly: true });
    assert.ok(!(await f.admin.listTopics()).includes(name));
    await rejectsWithItems(f.admin.createTopics([{ name, numPartitions: -5 }], { validateOnly: true }), [
      { type: 'INVALID_PARTITIONS', topic: name },
    ]);
    await f.admin.createTopics([{ name, numPartitions: 1 }]);
    await f.admin.createPartitions([{ name, count: 3 }], { validateOnly: true });
    const [d] = await f.admin.describeTopics([name]);
    assert.equal(d?.partitions.length, 1);
  });

  it('refuses bad arguments before any request', async () => {
    await assert.rejects(f.admin.createTopics([{ name: 'x' }, { name: 'x' }]), ConfigError);
    await assert.rejects(f.admin.createTopics([{ name: '' }]), ConfigError);
    await assert.rejects(f.admin.createTopics([{ name: 'y', numPartitions: 1.5 }]), ConfigError);
    await assert.rejects(f.admin.deleteTopics(['a', 'a']), ConfigError);
    await assert.rejects(f.admin.listTopics({ timeoutMs: 0 }), ConfigError);
  });

  it('includes internal topics only when asked', async () => {
    // A group commit creates __consumer_offsets.
    const topic = unique('internal');
    await f.admin.createTopics([{ name: topic }]);
    await f.admin.alterGroupOffsets(unique('g'), [{ topic, partition: 0, offset: 0 }]);
    assert.ok(!(await f.admin.listTopics()).includes('__consumer_offsets'));
    assert.ok((await f.admin.listTopics({ includeInternal: true })).includes('__consumer_offsets'));
    const [d] = await f.admin.describeTopics(['__consumer_offsets']);
    assert.equal(d?.isInternal, true);
  });

  it('describing an unknown topic fails for that topic only', async () => {
    const known = unique('known');
    const missing = unique('missing');
    await f.admin.createTopics([{ name: known }]);
    const error = await rejectsWithItems(f.admin.describeTopics([known, missing]), [
      { type: 'UNKNOWN_TOPIC_OR_PARTITION', topic: missing },
    ]);
    assert.equal((error.results[0] as { name: string }).name, known);
  });

  it('adds partitions, and reports a count that is not an increase', async () => {
    const name = unique('grow');
    await f.admin.createTopics([{ name, numPartitions: 1 }]);
    await f.admin.createPartitions([{ name, count: 4 }]);
    const [d] = await f.admin.describeTopics([name]);
    assert.equal(d?.partitions.length, 4);
    await rejectsWithItems(f.admin.createPartitions([{ name, count: 2 }]), [
      { type: 'INVALID_PARTITIONS', topic: name },
    ]);
    const missing = unique('grow-missing');
    await rejectsWithItems(f.admin.createPartitions([{ name: missing, count: 2 }], { timeoutMs: 60_000 }), [
      { type: 'UNKNOWN_TOPIC_OR_PARTITION', topic: missing },
    ]);
  });

  it('deletes topics, and reports unknown ones without waiting for the timeout', async () => {
    const a = unique('delete-a');
    const b = unique('delete-b');
    await f.admin.createTopics([{ name: a }, { name: b }]);
    await f.admin.deleteTopics([a]);
    assert.ok(!(await f.admin.listTopics()).includes(a));
    const missing = unique('delete-missing');
    await rejectsWithItems(f.admin.deleteTopics([missing, b], { timeoutMs: 60_000 }), [
      { type: 'UNKNOWN_TOPIC_OR_PARTITION', topic: missing },
    ]);
    assert.ok(!(await f.admin.listTopics()).includes(b));
    // A deleted topic can be created again at once.
    await f.admin.createTopics([{ name: a, numPartitions: 1 }]);
  });

  it('describes the cluster and its log dirs', async () => {
    const cluster = await f.admin.describeCluster();
    assert.equal(cluster.brokers.length, 1);
    const broker = cluster.brokers[0];
    assert.equal(broker?.host, '127.0.0.1');
    assert.equal(broker?.port, f.tb.port);
    assert.equal(cluster.controllerId, broker?.nodeId);
    assert.ok(cluster.clusterId !== null && cluster.clusterId.length > 0);
    const name = unique('logdir');
    await f.admin.createTopics([{ name, numPartitions: 2 }]);
    const dirs = await f.admin.describeLogDirs();
    assert.ok(dirs.length >= 1);
    const partitions = dirs.flatMap((d) => d.partitions).filter((p) => p.topic === name);
    assert.deepEqual(partitions.map((p) => p.partition).sort(), [0, 1]);
    assert.equal(dirs[0]?.brokerId, broker?.nodeId);
    assert.deepEqual(
      (await f.admin.describeLogDirs([broker?.nodeId as number])).map((d) => d.path),
      dirs.map((d) => d.path),
    );
    // A broker the metadata does not list fails at once, not at the timeout.
    const error = await rejectsWithItems(
      f.admin.describeLogDirs([broker?.nodeId as number, 99], { timeoutMs: 60_000 }),
      [{ type: 'BROKER_NOT_AVAILABLE', topic: 'broker 99' }],
    );
    assert.equal((error.results as unknown[][])[0]?.length, dirs.length);
    await assert.rejects(f.admin.describeLogDirs([-1]), ConfigError);
  });
});
