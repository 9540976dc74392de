import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { BrokerHeartbeatResponse, UnregisterBrokerResponse } from '@gregor/protocol';
import { ApiKey, BrokerHeartbeatRequest, ErrorCode, randomUuid, UnregisterBrokerRequest } from '@gregor/protocol';
import {
  createTopic,
  exchange,
  fakeBroker,
  listenersFor,
  METADATA_VERSION_RANGE,
  MemoryMetadataLog,
  registerOverWire,
  startController,
  wireBroker,
} from '../metadata/harness.js';
import { brokerHeartbeatHandler } from './broker-heartbeat.js';

function request(
  brokerId: number,
  brokerEpoch: number,
  offset: number,
  opts: { wantFence?: boolean; wantShutDown?: boolean } = {},
): BrokerHeartbeatRequest {
  const r = new BrokerHeartbeatRequest();
  r.brokerId = brokerId;
  r.brokerEpoch = BigInt(brokerEpoch);
  r.currentMetadataOffset = BigInt(offset);
  r.wantFence = opts.wantFence ?? false;
  r.wantShutDown = opts.wantShutDown ?? false;
  return r;
}

async function setup() {
  const log = new MemoryMetadataLog();
  const { controller, time } = await startController(log);
  const reg = await controller.brokerRegistration({
    brokerId: 2,
    incarnationId: randomUuid(),
    listeners: listenersFor(2),
    features: METADATA_VERSION_RANGE,
    rack: null,
  });
  return { log, controller, time, epoch: reg.brokerEpoch, broker: fakeBroker(controller) };
}

describe('BrokerHeartbeat', () => {
  test('unfences a caught-up broker at both versions; behind, it stays fenced', async () => {
    for (const v of [0, 1]) {
      const { controller, epoch, broker } = await setup();
      const behind = await exchange<BrokerHeartbeatResponse>(
        brokerHeartbeatHandler,
        broker,
        v,
        request(2, epoch, epoch - 1),
      );
      assert.deepEqual(
        [behind.errorCode, behind.isCaughtUp, behind.isFenced, behind.shouldShutDown],
        [0, false, true, false],
      );
      const ok = await exchange<BrokerHeartbeatResponse>(brokerHeartbeatHandler, broker, v, request(2, epoch, epoch));
      assert.deepEqual([ok.errorCode, ok.isCaughtUp, ok.isFenced, ok.shouldShutDown], [0, true, false, false]);
      assert.equal(controller.image.brokers.get(2)?.fenced, false);
    }
  });

  test('a stale broker epoch: STALE_BROKER_EPOCH', async () => {
    const { epoch, broker } = await setup();
    const res = await exchange<BrokerHeartbeatResponse>(
      brokerHeartbeatHandler,
      broker,
      1,
      request(2, epoch + 1, epoch),
    );
    assert.equal(res.errorCode, ErrorCode.STALE_BROKER_EPOCH);
  });

  test('controlled shutdown: shouldShutDown once the broker leads nothing', async () => {
    const { controller, epoch, broker } = await setup();
    await exchange(brokerHeartbeatHandler, broker, 1, request(2, epoch, epoch));
    await createTopic(controller, 'hb-wire-cs', [[2, 1]]);
    const first = await exchange<BrokerHeartbeatResponse>(
      brokerHeartbeatHandler,
      broker,
      1,
      request(2, epoch, controller.image.offset, { wantShutDown: true }),
    );
    assert.deepEqual([first.shouldShutDown, first.isFenced], [false, false]);
    assert.equal(controller.image.topicsByName.get('hb-wire-cs')?.partitions[0]?.leader, 1);
    const second = await exchange<BrokerHeartbeatResponse>(
      brokerHeartbeatHandler,
      broker,
      1,
      request(2, epoch, controller.image.offset, { wantShutDown: true }),
    );
    assert.deepEqual([second.shouldShutDown, second.isFenced], [true, true]);
  });

  test('an expired session fences the broker; the next heartbeat unfences it again', async () => {
    const { controller, time, epoch, broker } = await setup();
    await exchange(brokerHeartbeatHandler, broker, 1, request(2, epoch, epoch));
    time.advance(9001);
    await controller.idle();
    assert.equal(controller.image.brokers.get(2)?.fenced, true);
    const back = await exchange<BrokerHeartbeatResponse>(
      brokerHeartbeatHandler,
      broker,
      1,
      request(2, epoch, controller.image.offset),
    );
    assert.equal(back.isFenced, false);
  });

  test('not the active controller: NOT_CONTROLLER, even when nothing would be written', async () => {
    const { log, epoch, broker } = await setup();
    await exchange(brokerHeartbeatHandler, broker, 1, request(2, epoch, epoch));
    log.isActiveController = false;
    const res = await exchange<BrokerHeartbeatResponse>(brokerHeartbeatHandler, broker, 1, request(2, epoch, epoch));
    assert.equal(res.errorCode, ErrorCode.NOT_CONTROLLER);
  });
});

describe('broker registration, heartbeats, controlled shutdown, unregistration through the wire', () => {
  const wire = wireBroker();

  test('two synthetic brokers join, one shuts down cleanly and is unregistered', async () => {
    const { tb, client } = wire;
    const offset = () => tb.broker.metadata.offset;
    const e2 = await registerOverWire(client, tb.broker.clusterId, 2, offset);
    const e3 = await registerOverWire(client, tb.broker.clusterId, 3, offset);
    assert.equal(tb.broker.metadata.brokers.get(2)?.fenced, false);
    // Replicas only on the synthetic brokers: this node's logs are not involved.
    await createTopic(tb.broker.controller, 'hb-wire', [[2, 3]]);
    const stale = await client.send<BrokerHeartbeatResponse>(ApiKey.BrokerHeartbeat, 1, request(2, e2 + 100, offset()));
    assert.equal(stale.errorCode, ErrorCode.STALE_BROKER_EPOCH);
    const first = await client.send<BrokerHeartbeatResponse>(
      ApiKey.BrokerHeartbeat,
      1,
      request(2, e2, offset(), { wantShutDown: true }),
    );
    assert.deepEqual([first.errorCode, first.shouldShutDown], [ErrorCode.NONE, false]);
    assert.equal(tb.broker.metadata.topicsByName.get('hb-wire')?.partitions[0]?.leader, 3);
    await client.send(ApiKey.BrokerHeartbeat, 0, request(3, e3, offset()));
    const done = await client.send<BrokerHeartbeatResponse>(
      ApiKey.BrokerHeartbeat,
      1,
      request(2, e2, offset(), { wantShutDown: true }),
    );
    assert.deepEqual([done.shouldShutDown, done.isFenced], [true, true]);
    const unregistered = await client.send<UnregisterBrokerResponse>(ApiKey.UnregisterBroker, 0, unregister(2));
    assert.equal(unregistered.errorCode, ErrorCode.NONE);
    assert.equal(tb.broker.metadata.brokers.has(2), false);
    const unknown = await client.send<UnregisterBrokerResponse>(ApiKey.UnregisterBroker, 0, unregister(2));
    assert.equal(unknown.errorCode, ErrorCode.BROKER_ID_NOT_REGISTERED);
  });
});

function unregister(brokerId: number): UnregisterBrokerRequest {
  const r = new UnregisterBrokerRequest();
  r.brokerId = brokerId;
  return r;
}
