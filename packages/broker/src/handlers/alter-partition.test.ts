import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { AlterPartitionResponse, Uuid } from '@gregor/protocol';
import { AlterPartitionRequest, ErrorCode, randomUuid } from '@gregor/protocol';
import { BrokerState, PartitionData, TopicData } from '@gregor/protocol/generated/messages/alter-partition-request';
import {
  addBroker,
  createTopic,
  exchange,
  fakeBroker,
  MemoryMetadataLog,
  startController,
} from '../metadata/harness.js';
import { alterPartitionHandler } from './alter-partition.js';

function request(
  version: number,
  brokerId: number,
  brokerEpoch: number,
  topic: { name: string; id: Uuid },
  p: { leaderEpoch: number; partitionEpoch: number; isr: { id: number; epoch: number }[]; index?: number },
): AlterPartitionRequest {
  const r = new AlterPartitionRequest();
  r.brokerId = brokerId;
  r.brokerEpoch = BigInt(brokerEpoch);
  const td = new TopicData();
  if (version <= 1) td.topicName = topic.name;
  else td.topicId = topic.id;
  const pd = new PartitionData();
  pd.partitionIndex = p.index ?? 0;
  pd.leaderEpoch = p.leaderEpoch;
  pd.partitionEpoch = p.partitionEpoch;
  // The ISR is plain ids before v3, ids with broker epochs from v3 (KIP-903).
  if (version <= 2) pd.newIsr = p.isr.map((s) => s.id);
  else {
    pd.newIsrWithEpochs = p.isr.map((s) => {
      const b = new BrokerState();
      b.brokerId = s.id;
      b.brokerEpoch = BigInt(s.epoch);
      return b;
    });
  }
  td.partitions = [pd];
  r.topics = [td];
  return r;
}

async function setup() {
  const log = new MemoryMetadataLog();
  const { controller } = await startController(log);
  const b2 = await addBroker(controller, 2);
  const b3 = await addBroker(controller, 3);
  const id = await createTopic(controller, 'ap-wire', [[2, 3, 1]]);
  const epochs = new Map([
    [1, controller.image.brokers.get(1)?.epoch ?? -1],
    [2, b2.epoch],
    [3, b3.epoch],
  ]);
  return { log, controller, id, epochs, broker: fakeBroker(controller) };
}

describe('AlterPartition', () => {
  test('shrinks the ISR at every version, answering the partition state (names v0-1, ids v2+)', async () => {
    for (let v = 0; v <= 3; v++) {
      const { controller, id, epochs, broker } = await setup();
      const res = await exchange<AlterPartitionResponse>(
        alterPartitionHandler,
        broker,
        v,
        request(
          v,
          2,
          epochs.get(2) as number,
          { name: 'ap-wire', id },
          {
            leaderEpoch: 0,
            partitionEpoch: 0,
            isr: [
              { id: 2, epoch: epochs.get(2) as number },
              { id: 3, epoch: -1 },
            ],
          },
        ),
      );
      assert.equal(res.errorCode, ErrorCode.NONE, `v${v}`);
      const t = res.topics[0];
      if (v <= 1) assert.equal(t?.topicName, 'ap-wire');
      else assert.equal(t?.topicId, id);
      const p = t?.partitions[0];
      assert.deepEqual(
        [p?.errorCode, p?.leaderId, p?.leaderEpoch, p?.isr, p?.partitionEpoch],
        [ErrorCode.NONE, 2, 0, [2, 3], 1],
        `v${v}`,
      );
      assert.deepEqual(controller.image.topicsByName.get('ap-wire')?.partitions[0]?.isr, [2, 3]);
    }
  });

  test('a stale broker epoch fails the request: STALE_BROKER_EPOCH', async () => {
    const { id, epochs, broker } = await setup();
    const res = await exchange<AlterPartitionResponse>(
      alterPartitionHandler,
      broker,
      2,
      request(
        2,
        2,
        (epochs.get(2) as number) - 1,
        { name: 'ap-wire', id },
        { leaderEpoch: 0, partitionEpoch: 0, isr: [{ id: 2, epoch: -1 }] },
      ),
    );
    assert.equal(res.errorCode, ErrorCode.STALE_BROKER_EPOCH);
  });

  test('per-partition errors by version', async () => {
    const { id, epochs, broker } = await setup();
    const e2 = epochs.get(2) as number;
    const code = async (v: number, r: AlterPartitionRequest) =>
      (await exchange<AlterPartitionResponse>(alterPartitionHandler, broker, v, r)).topics[0]?.partitions[0]?.errorCode;
    const topic = { name: 'ap-wire', id };
    const base = { leaderEpoch: 0, partitionEpoch: 0 };
    assert.equal(
      await code(2, request(2, 2, e2, { name: '', id: randomUuid() }, { ...base, isr: [{ id: 2, epoch: -1 }] })),
      ErrorCode.UNKNOWN_TOPIC_ID,
    );
    assert.equal(
      await code(0, request(0, 2, e2, { name: 'nope', id }, { ...base, isr: [{ id: 2, epoch: -1 }] })),
      ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
    );
    assert.equal(
      await code(2, request(2, 2, e2, topic, { leaderEpoch: -1, partitionEpoch: 0, isr: [{ id: 2, epoch: -1 }] })),
      ErrorCode.FENCED_LEADER_EPOCH,
    );
    assert.equal(
      await code(2, request(2, 2, e2, topic, { leaderEpoch: 0, partitionEpoch: -1, isr: [{ id: 2, epoch: -1 }] })),
      ErrorCode.INVALID_UPDATE_VERSION,
    );
    assert.equal(
      await code(2, request(2, 3, epochs.get(3) as number, topic, { ...base, isr: [{ id: 3, epoch: -1 }] })),
      ErrorCode.NOT_LEADER_OR_FOLLOWER,
    );
    assert.equal(
      await code(
        3,
        request(3, 2, e2, topic, {
          ...base,
          isr: [
            { id: 2, epoch: -1 },
            { id: 3, epoch: 12345 },
          ],
        }),
      ),
      ErrorCode.INELIGIBLE_REPLICA,
    );
    assert.equal(
      await code(
        1,
        request(1, 2, e2, topic, {
          ...base,
          isr: [
            { id: 2, epoch: -1 },
            { id: 9, epoch: -1 },
          ],
        }),
      ),
      ErrorCode.OPERATION_NOT_ATTEMPTED,
    );
  });

  test('not the active controller: NOT_CONTROLLER for every partition', async () => {
    const { log, id, epochs, broker } = await setup();
    log.isActiveController = false;
    const res = await exchange<AlterPartitionResponse>(
      alterPartitionHandler,
      broker,
      2,
      request(
        2,
        2,
        epochs.get(2) as number,
        { name: 'ap-wire', id },
        { leaderEpoch: 0, partitionEpoch: 0, isr: [{ id: 2, epoch: -1 }] },
      ),
    );
    assert.equal(res.topics[0]?.partitions[0]?.errorCode, ErrorCode.NOT_CONTROLLER);
  });
});
