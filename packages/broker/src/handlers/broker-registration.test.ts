import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { BrokerRegistrationResponse, Uuid } from '@gregor/protocol';
import { ApiKey, BrokerRegistrationRequest, ErrorCode, randomUuid } from '@gregor/protocol';
import { Feature, Listener } from '@gregor/protocol/generated/messages/broker-registration-request';
import { METADATA_VERSION } from '../metadata/controller.js';
import { exchange, fakeBroker, MemoryMetadataLog, startController, wireBroker } from '../metadata/harness.js';
import { brokerRegistrationHandler } from './broker-registration.js';

function registrationRequest(
  brokerId: number,
  clusterId: string,
  opts: { incarnationId?: Uuid; maxVersion?: number; port?: number; rack?: string | null } = {},
): BrokerRegistrationRequest {
  const r = new BrokerRegistrationRequest();
  r.brokerId = brokerId;
  r.clusterId = clusterId;
  r.incarnationId = opts.incarnationId ?? randomUuid();
  const l = new Listener();
  l.name = 'PLAINTEXT';
  l.host = `broker-${brokerId}.test`;
  l.port = opts.port ?? 9092;
  l.securityProtocol = 0;
  r.listeners = [l];
  const f = new Feature();
  f.name = 'metadata.version';
  f.minSupportedVersion = 1;
  f.maxSupportedVersion = opts.maxVersion ?? METADATA_VERSION;
  r.features = [f];
  r.rack = opts.rack ?? null;
  return r;
}

describe('BrokerRegistration', () => {
  const register = async (version: number, body: BrokerRegistrationRequest, log = new MemoryMetadataLog()) => {
    const { controller } = await startController(log);
    return {
      controller,
      res: await exchange<BrokerRegistrationResponse>(brokerRegistrationHandler, fakeBroker(controller), version, body),
    };
  };

  test('registers at every version, fenced, answering the broker epoch', async () => {
    for (let v = 0; v <= 4; v++) {
      const { controller, res } = await register(v, registrationRequest(2, 'controller-test-cluster', { rack: 'r2' }));
      assert.equal(res.errorCode, ErrorCode.NONE, `v${v}`);
      const b = controller.image.brokers.get(2);
      assert.equal(Number(res.brokerEpoch), b?.epoch);
      assert.equal(b?.fenced, true);
      assert.equal(b?.rack, 'r2');
      assert.deepEqual(b?.endpoints, [{ name: 'PLAINTEXT', host: 'broker-2.test', port: 9092, securityProtocol: 0 }]);
    }
  });

  test('another cluster id: INCONSISTENT_CLUSTER_ID', async () => {
    const { controller, res } = await register(3, registrationRequest(2, 'another-cluster'));
    assert.equal(res.errorCode, ErrorCode.INCONSISTENT_CLUSTER_ID);
    assert.equal(res.brokerEpoch, -1n);
    assert.equal(controller.image.brokers.has(2), false);
  });

  test('a ZooKeeper broker in migration is refused: BROKER_ID_NOT_REGISTERED', async () => {
    const req = registrationRequest(2, 'controller-test-cluster');
    req.isMigratingZkBroker = true;
    const { res } = await register(1, req);
    assert.equal(res.errorCode, ErrorCode.BROKER_ID_NOT_REGISTERED);
  });

  test('the same incarnation again: the same epoch; another live one: DUPLICATE_BROKER_REGISTRATION', async () => {
    const { controller } = await startController(new MemoryMetadataLog());
    const broker = fakeBroker(controller);
    const incarnationId = randomUuid();
    const first = await exchange<BrokerRegistrationResponse>(
      brokerRegistrationHandler,
      broker,
      3,
      registrationRequest(2, 'controller-test-cluster', { incarnationId }),
    );
    await controller.brokerHeartbeat({
      brokerId: 2,
      brokerEpoch: Number(first.brokerEpoch),
      currentMetadataOffset: controller.image.offset,
      wantFence: false,
      wantShutDown: false,
    });
    const again = await exchange<BrokerRegistrationResponse>(
      brokerRegistrationHandler,
      broker,
      3,
      registrationRequest(2, 'controller-test-cluster', { incarnationId }),
    );
    assert.equal(again.errorCode, ErrorCode.NONE);
    assert.equal(again.brokerEpoch, first.brokerEpoch);
    const other = await exchange<BrokerRegistrationResponse>(
      brokerRegistrationHandler,
      broker,
      3,
      registrationRequest(2, 'controller-test-cluster'),
    );
    assert.equal(other.errorCode, ErrorCode.DUPLICATE_BROKER_REGISTRATION);
  });

  test('a broker without the cluster metadata.version: UNSUPPORTED_VERSION', async () => {
    const { res } = await register(2, registrationRequest(2, 'controller-test-cluster', { maxVersion: 3 }));
    assert.equal(res.errorCode, ErrorCode.UNSUPPORTED_VERSION);
  });

  test('not the active controller: NOT_CONTROLLER', async () => {
    const log = new MemoryMetadataLog();
    const { controller } = await startController(log);
    log.notController = true;
    const res = await exchange<BrokerRegistrationResponse>(
      brokerRegistrationHandler,
      fakeBroker(controller),
      2,
      registrationRequest(2, 'controller-test-cluster'),
    );
    assert.equal(res.errorCode, ErrorCode.NOT_CONTROLLER);
  });
});

describe('BrokerRegistration through the wire', () => {
  const wire = wireBroker();

  test('registers a second broker with this node, fenced; another cluster id is refused', async () => {
    const { tb, client } = wire;
    const res = await client.send<BrokerRegistrationResponse>(
      ApiKey.BrokerRegistration,
      3,
      registrationRequest(2, tb.broker.clusterId),
    );
    assert.equal(res.errorCode, ErrorCode.NONE);
    assert.equal(tb.broker.metadata.brokers.get(2)?.fenced, true);
    assert.equal(tb.broker.metadata.brokers.get(2)?.epoch, Number(res.brokerEpoch));
    const wrong = await client.send<BrokerRegistrationResponse>(
      ApiKey.BrokerRegistration,
      3,
      registrationRequest(3, 'not-this-cluster'),
    );
    assert.equal(wrong.errorCode, ErrorCode.INCONSISTENT_CLUSTER_ID);
  });
});
