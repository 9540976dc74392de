import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { AlterPartitionResponse, ElectLeadersResponse } from '@gregor/protocol';
import { AlterPartitionRequest, ApiKey, ElectLeadersRequest, ErrorCode } from '@gregor/protocol';
import {
  PartitionData as AlterPartitionData,
  TopicData as AlterTopicData,
  BrokerState,
} from '@gregor/protocol/generated/messages/alter-partition-request';
import { TopicPartitions } from '@gregor/protocol/generated/messages/elect-leaders-request';
import {
  addBroker,
  createTopic,
  exchange,
  fakeBroker,
  heartbeat,
  MemoryMetadataLog,
  registerOverWire,
  startController,
  wireBroker,
} from '../metadata/harness.js';
import { electLeadersHandler } from './elect-leaders.js';

function request(electionType: number, topics: { topic: string; partitions: number[] }[] | null): ElectLeadersRequest {
  const r = new ElectLeadersRequest();
  r.electionType = electionType;
  r.topicPartitions =
    topics === null
      ? null
      : topics.map((t) => {
          const tp = new TopicPartitions();
          tp.topic = t.topic;
          tp.partitions = t.partitions;
          return tp;
        });
  return r;
}

/** A partition led by 3 whose preferred replica 2 is back in the ISR. */
async function setup() {
  const log = new MemoryMetadataLog();
  const { controller } = await startController(log);
  const b2 = await addBroker(controller, 2);
  const b3 = await addBroker(controller, 3);
  const id = await createTopic(controller, 'el-wire', [[2, 3]]);
  await heartbeat(controller, 2, b2.epoch, { wantFence: true });
  await heartbeat(controller, 2, b2.epoch);
  const p = controller.image.topicsByName.get('el-wire')?.partitions[0];
  if (p === undefined) throw new Error('no partition');
  await controller.alterPartition(
    {
      brokerId: 3,
      brokerEpoch: b3.epoch,
      topics: [
        {
          topicName: '',
          topicId: id,
          partitions: [
            {
              partitionIndex: 0,
              leaderEpoch: p.leaderEpoch,
              partitionEpoch: p.partitionEpoch,
              newIsr: [
                { brokerId: 3, brokerEpoch: -1 },
                { brokerId: 2, brokerEpoch: -1 },
              ],
              leaderRecoveryState: 0,
            },
          ],
        },
      ],
    },
    2,
  );
  return { log, controller, broker: fakeBroker(controller), epochs: { 2: b2.epoch, 3: b3.epoch } };
}

describe('ElectLeaders', () => {
  test('preferred at every version (v0 has no election type); then ELECTION_NOT_NEEDED', async () => {
    for (let v = 0; v <= 2; v++) {
      const { controller, broker } = await setup();
      assert.equal(controller.image.topicsByName.get('el-wire')?.partitions[0]?.leader, 3);
      const res = await exchange<ElectLeadersResponse>(
        electLeadersHandler,
        broker,
        v,
        request(0, [{ topic: 'el-wire', partitions: [0] }]),
      );
      assert.equal(res.errorCode, ErrorCode.NONE);
      assert.equal(res.replicaElectionResults[0]?.topic, 'el-wire');
      assert.deepEqual(res.replicaElectionResults[0]?.partitionResult[0]?.errorCode, ErrorCode.NONE, `v${v}`);
      assert.equal(controller.image.topicsByName.get('el-wire')?.partitions[0]?.leader, 2);
      const again = await exchange<ElectLeadersResponse>(
        electLeadersHandler,
        broker,
        v,
        request(0, [{ topic: 'el-wire', partitions: [0] }]),
      );
      assert.equal(again.replicaElectionResults[0]?.partitionResult[0]?.errorCode, ErrorCode.ELECTION_NOT_NEEDED);
    }
  });

  test('null topics: only the partitions that needed an election are answered', async () => {
    const { broker } = await setup();
    const res = await exchange<ElectLeadersResponse>(electLeadersHandler, broker, 2, request(0, null));
    assert.deepEqual(
      res.replicaElectionResults.map((r) => [r.topic, r.partitionResult.map((p) => [p.partitionId, p.errorCode])]),
      [['el-wire', [[0, ErrorCode.NONE]]]],
    );
  });

  test('unclean (v1+): ELECTION_NOT_NEEDED with a leader; unknown partitions', async () => {
    const { broker } = await setup();
    const res = await exchange<ElectLeadersResponse>(
      electLeadersHandler,
      broker,
      1,
      request(1, [
        { topic: 'el-wire', partitions: [0, 5] },
        { topic: 'el-nope', partitions: [0] },
      ]),
    );
    assert.deepEqual(
      res.replicaElectionResults.map((r) => r.partitionResult.map((p) => p.errorCode)),
      [[ErrorCode.ELECTION_NOT_NEEDED, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION], [ErrorCode.UNKNOWN_TOPIC_OR_PARTITION]],
    );
  });

  test('unclean elects an out-of-sync replica; ELIGIBLE_LEADERS_NOT_AVAILABLE without one', async () => {
    const { controller, broker, epochs } = await setup();
    // 2 leaves the ISR, then 3 (the last member) is fenced: no leader.
    await heartbeat(controller, 2, epochs[2], { wantFence: true });
    await heartbeat(controller, 2, epochs[2]);
    await heartbeat(controller, 3, epochs[3], { wantFence: true });
    assert.equal(controller.image.topicsByName.get('el-wire')?.partitions[0]?.leader, -1);
    const preferred = await exchange<ElectLeadersResponse>(
      electLeadersHandler,
      broker,
      2,
      request(0, [{ topic: 'el-wire', partitions: [0] }]),
    );
    assert.equal(
      preferred.replicaElectionResults[0]?.partitionResult[0]?.errorCode,
      ErrorCode.PREFERRED_LEADER_NOT_AVAILABLE,
    );
    const unclean = await exchange<ElectLeadersResponse>(
      electLeadersHandler,
      broker,
      2,
      request(1, [{ topic: 'el-wire', partitions: [0] }]),
    );
    assert.equal(unclean.replicaElectionResults[0]?.partitionResult[0]?.errorCode, ErrorCode.NONE);
    assert.equal(controller.image.topicsByName.get('el-wire')?.partitions[0]?.leader, 2);
    await heartbeat(controller, 2, epochs[2], { wantFence: true });
    const none = await exchange<ElectLeadersResponse>(
      electLeadersHandler,
      broker,
      2,
      request(1, [{ topic: 'el-wire', partitions: [0] }]),
    );
    assert.equal(
      none.replicaElectionResults[0]?.partitionResult[0]?.errorCode,
      ErrorCode.ELIGIBLE_LEADERS_NOT_AVAILABLE,
    );
  });

  test('not the active controller: NOT_CONTROLLER', async () => {
    const { log, broker } = await setup();
    log.isActiveController = false;
    const res = await exchange<ElectLeadersResponse>(
      electLeadersHandler,
      broker,
      2,
      request(0, [{ topic: 'el-wire', partitions: [0] }]),
    );
    assert.equal(res.errorCode, ErrorCode.NOT_CONTROLLER);
    assert.equal(res.replicaElectionResults[0]?.partitionResult[0]?.errorCode, ErrorCode.NOT_CONTROLLER);
  });
});

describe('AlterPartition and ElectLeaders through the wire', () => {
  const wire = wireBroker();

  test('a follower rejoins the ISR (AlterPartition v3), then the preferred replica leads again', async () => {
    const { tb, client } = wire;
    const offset = () => tb.broker.metadata.offset;
    const e2 = await registerOverWire(client, tb.broker.clusterId, 2, offset);
    const e3 = await registerOverWire(client, tb.broker.clusterId, 3, offset);
    const topicId = await createTopic(tb.broker.controller, 'el-over-wire', [[2, 3]]);
    await heartbeat(tb.broker.controller, 2, e2, { wantFence: true });
    await heartbeat(tb.broker.controller, 2, e2);
    const p = tb.broker.metadata.topicsByName.get('el-over-wire')?.partitions[0];
    assert.deepEqual([p?.leader, p?.isr], [3, [3]]);
    const ar = new AlterPartitionRequest();
    ar.brokerId = 3;
    ar.brokerEpoch = BigInt(e3);
    const td = new AlterTopicData();
    td.topicId = topicId;
    const pd = new AlterPartitionData();
    pd.partitionIndex = 0;
    pd.leaderEpoch = p?.leaderEpoch ?? -1;
    pd.partitionEpoch = p?.partitionEpoch ?? -1;
    pd.newIsrWithEpochs = [
      [3, e3],
      [2, e2],
    ].map(([id, epoch]) => {
      const s = new BrokerState();
      s.brokerId = id as number;
      s.brokerEpoch = BigInt(epoch as number);
      return s;
    });
    td.partitions = [pd];
    ar.topics = [td];
    const altered = await client.send<AlterPartitionResponse>(ApiKey.AlterPartition, 3, ar);
    assert.deepEqual(altered.topics[0]?.partitions[0]?.isr, [3, 2]);
    const res = await client.send<ElectLeadersResponse>(
      ApiKey.ElectLeaders,
      2,
      request(0, [{ topic: 'el-over-wire', partitions: [0] }]),
    );
    assert.equal(res.replicaElectionResults[0]?.partitionResult[0]?.errorCode, ErrorCode.NONE);
    assert.equal(tb.broker.metadata.topicsByName.get('el-over-wire')?.partitions[0]?.leader, 2);
  });
});
