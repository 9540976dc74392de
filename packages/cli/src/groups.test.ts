import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { kcatOk } from '@gregor/broker/e2e/kcat';
import { waitFor } from '@gregor/broker/e2e/support';
import { startTestBroker, type TestBroker } from '@gregor/broker/testing';
import kafkajs from 'kafkajs';
import { gregor } from './fixtures.js';

const { Kafka, logLevel } = kafkajs;

interface Row {
  topic: string;
  partition: number;
  currentOffset: number;
  logEndOffset: number;
  lag: number;
  memberId: string | null;
}

describe('gregor groups', () => {
  let broker: TestBroker;
  let env: Record<string, string>;
  before(async () => {
    broker = await startTestBroker({ properties: { 'group.initial.rebalance.delay.ms': '0' } });
    env = { GREGOR_BOOTSTRAP: broker.bootstrap };
  });
  after(async () => {
    await broker.stop();
  });

  it('lists, describes with lag, resets and deletes', async () => {
    assert.equal((await gregor(['topics', 'create', 'events', '--partitions', '2'], { env })).code, 0);
    const input = Array.from({ length: 20 }, (_, i) => `k${i}:v${i}`).join('\n');
    assert.equal((await gregor(['produce', 'events', '-k', ':'], { env, input })).code, 0);

    const kafka = new Kafka({ brokers: [broker.bootstrap], clientId: 'kjs', logLevel: logLevel.NOTHING });
    const consumer = kafka.consumer({ groupId: 'g1', sessionTimeout: 10_000 });
    await consumer.connect();
    await consumer.subscribe({ topic: 'events', fromBeginning: true });
    let seen = 0;
    await consumer.run({
      eachMessage: async () => {
        seen++;
      },
    });
    try {
      await waitFor('20 records consumed', () => seen === 20, 20_000);
      // Committed offsets reach the broker on KafkaJS's next commit cycle.
      await waitFor(
        'offsets committed',
        async () => {
          const d = JSON.parse((await gregor(['groups', 'describe', 'g1', '--json'], { env })).stdout);
          return d.state === 'Stable' && d.partitions.length === 2 && d.partitions.every((p: Row) => p.lag === 0);
        },
        20_000,
      );
      const list = await gregor(['groups', 'list'], { env });
      assert.match(list.stdout, /^GROUP +STATE +PROTOCOL TYPE\ng1 +Stable +consumer\n$/);
      const d = JSON.parse((await gregor(['groups', 'describe', 'g1', '--json'], { env })).stdout);
      assert.equal(d.members.length, 1);
      assert.equal(d.members[0].clientId, 'kjs');
      assert.deepEqual(
        d.partitions.map((p: Row) => [
          p.topic,
          p.partition,
          p.logEndOffset,
          p.lag,
          p.memberId === d.members[0].memberId,
        ]),
        [
          ['events', 0, d.partitions[0].logEndOffset, 0, true],
          ['events', 1, d.partitions[1].logEndOffset, 0, true],
        ],
      );
      const text = await gregor(['groups', 'describe', 'g1'], { env });
      assert.match(
        text.stdout,
        /^Group: g1 {2}State: Stable {2}Assignor: \S+ {2}Members: 1\nTOPIC +PARTITION +CURRENT-OFFSET +LOG-END-OFFSET +LAG +CONSUMER-ID +HOST +CLIENT-ID\n/,
      );

      const refused = await gregor(['groups', 'reset-offsets', 'g1', '--topic', 'events', '--to-earliest'], { env });
      assert.equal(refused.code, 1);
      assert.match(refused.stderr, /NON_EMPTY_GROUP/);
      assert.equal((await gregor(['groups', 'delete', 'g1'], { env })).code, 1);
    } finally {
      await consumer.disconnect();
    }

    const dry = await gregor(
      ['groups', 'reset-offsets', 'g1', '--topic', 'events', '--to-earliest', '--dry-run', '--json'],
      { env },
    );
    assert.equal(dry.code, 0, dry.stderr);
    const planned = JSON.parse(dry.stdout);
    assert.equal(planned.dryRun, true);
    assert.deepEqual(
      planned.offsets.map((o: { offset: number }) => o.offset),
      [0, 0],
    );
    let d = JSON.parse((await gregor(['groups', 'describe', 'g1', '--json'], { env })).stdout);
    assert.equal(d.state, 'Empty');
    assert.ok(
      d.partitions.every((p: Row) => p.lag === 0),
      'a dry run commits nothing',
    );

    assert.equal(
      (await gregor(['groups', 'reset-offsets', 'g1', '--topic', 'events:0', '--to-earliest'], { env })).code,
      0,
    );
    assert.equal(
      (await gregor(['groups', 'reset-offsets', 'g1', '--topic', 'events:1', '--shift-by', '-3'], { env })).code,
      0,
    );
    d = JSON.parse((await gregor(['groups', 'describe', 'g1', '--json'], { env })).stdout);
    const [p0, p1] = d.partitions as Row[];
    assert.equal(p0?.currentOffset, 0);
    assert.equal(p0?.lag, p0?.logEndOffset);
    assert.equal(p1?.lag, 3);
    const future = await gregor(
      ['groups', 'reset-offsets', 'g1', '-t', 'events', '--to-datetime', '2999-01-01T00:00:00Z'],
      { env },
    );
    assert.equal(future.code, 0, future.stderr);
    d = JSON.parse((await gregor(['groups', 'describe', 'g1', '--json'], { env })).stdout);
    assert.ok(
      d.partitions.every((p: Row) => p.lag === 0),
      'no record after the time: the log end',
    );

    const usage = await gregor(['groups', 'reset-offsets', 'g1', '--topic', 'events'], { env });
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /give exactly one of --to-earliest/);
    const badTime = await gregor(['groups', 'reset-offsets', 'g1', '-t', 'events', '--to-datetime', 'yesterday'], {
      env,
    });
    assert.equal(badTime.code, 2);

    assert.equal((await gregor(['groups', 'delete', 'g1'], { env })).code, 0);
    d = JSON.parse((await gregor(['groups', 'describe', 'g1', '--json'], { env })).stdout);
    assert.equal(d.state, 'Dead');
    assert.equal((await gregor(['groups', 'list'], { env })).stdout, '');
    await kcatOk(broker.bootstrap, ['-L']);
  });
});
