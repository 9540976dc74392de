import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { UnregisterBrokerResponse } from '@gregor/protocol';
import { ErrorCode, UnregisterBrokerRequest } from '@gregor/protocol';
import {
  addBroker,
  createTopic,
  exchange,
  fakeBroker,
  MemoryMetadataLog,
  startController,
} from '../metadata/harness.js';
import { unregisterBrokerHandler } from './unregister-broker.js';

function request(brokerId: number): UnregisterBrokerRequest {
  const r = new UnregisterBrokerRequest();
  r.brokerId = brokerId;
  return r;
}

describe('UnregisterBroker', () => {
  test('removes a broker after moving its leadership away', async () => {
    const { controller } = await startController(new MemoryMetadataLog());
    await addBroker(controller, 2);
    await createTopic(controller, 'unreg-wire', [[2, 1]]);
    const res = await exchange<UnregisterBrokerResponse>(
      unregisterBrokerHandler,
      fakeBroker(controller),
      0,
      request(2),
    );
    assert.deepEqual([res.errorCode, res.errorMessage], [ErrorCode.NONE, null]);
    assert.equal(controller.image.brokers.has(2), false);
    const p = controller.image.topicsByName.get('unreg-wire')?.partitions[0];
    assert.deepEqual([p?.leader, p?.isr], [1, [1]]);
  });

  test('an unknown broker: BROKER_ID_NOT_REGISTERED', async () => {
    const { controller } = await startController(new MemoryMetadataLog());
    const res = await exchange<UnregisterBrokerResponse>(
      unregisterBrokerHandler,
      fakeBroker(controller),
      0,
      request(9),
    );
    assert.equal(res.errorCode, ErrorCode.BROKER_ID_NOT_REGISTERED);
    assert.match(res.errorMessage ?? '', /Broker ID 9 is not currently registered/);
  });

  test('not the active controller: NOT_CONTROLLER', async () => {
    const log = new MemoryMetadataLog();
    const { controller } = await startController(log);
    log.isActiveController = false;
    const res = await exchange<UnregisterBrokerResponse>(
      unregisterBrokerHandler,
      fakeBroker(controller),
      0,
      request(1),
    );
    assert.equal(res.errorCode, ErrorCode.NOT_CONTROLLER);
  });
});
