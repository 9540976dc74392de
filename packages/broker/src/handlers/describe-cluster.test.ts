import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { DescribeClusterResponse } from '@gregor/protocol';
import { ApiKey, DescribeClusterRequest, ErrorCode } from '@gregor/protocol';
import type { TestBroker } from '../testing.js';
import { startTestBroker } from '../testing.js';
import { CLUSTER_AUTHORIZED_OPERATIONS } from './describe-cluster.js';
import { TestClient } from './protocol-client.js';

function request(includeOps: boolean, endpointType = 1): DescribeClusterRequest {
  const r = new DescribeClusterRequest();
  r.includeClusterAuthorizedOperations = includeOps;
  r.endpointType = endpointType;
  return r;
}

describe('DescribeCluster', () => {
  let tb: TestBroker;
  let client: TestClient;
  const send = (version: number, body: DescribeClusterRequest) =>
    client.send<DescribeClusterResponse>(ApiKey.DescribeCluster, version, body);

  before(async () => {
    tb = await startTestBroker({ settings: { rack: 'rack-a' } });
    client = await TestClient.connect(tb.host, tb.port);
  });
  after(async () => {
    await client.close();
    await tb.stop();
  });

  test('brokers, controller and cluster id at both versions', async () => {
    for (const v of [0, 1]) {
      const res = await send(v, request(false));
      assert.equal(res.errorCode, ErrorCode.NONE);
      assert.equal(res.errorMessage, null);
      assert.equal(res.clusterId, tb.broker.clusterId);
      assert.equal(res.controllerId, 1);
      assert.deepEqual(
        res.brokers.map((b) => [b.brokerId, b.host, b.port, b.rack]),
        [[1, '127.0.0.1', tb.port, 'rack-a']],
      );
      assert.equal(res.clusterAuthorizedOperations, -2147483648);
      assert.equal(res.endpointType, 1);
    }
  });

  test('authorized operations when asked: the cluster operations of Kafka', async () => {
    const res = await send(1, request(true));
    assert.equal(res.clusterAuthorizedOperations, CLUSTER_AUTHORIZED_OPERATIONS);
    // CREATE, ALTER, DESCRIBE, CLUSTER_ACTION, DESCRIBE_CONFIGS, ALTER_CONFIGS, IDEMPOTENT_WRITE, CREATE_TOKENS, DESCRIBE_TOKENS
    assert.equal(CLUSTER_AUTHORIZED_OPERATIONS, 0b111_1111_1010_0000);
  });

  test("brokers without an endpoint on the request's listener are left out", async () => {
    await tb.broker.controller.registerBroker(3, [{ name: 'INTERNAL', host: 'internal', port: 9093 }], null);
    await tb.broker.controller.registerBroker(2, [{ name: 'PLAINTEXT', host: 'two', port: 9094 }], 'rack-b');
    const res = await send(0, request(false));
    assert.deepEqual(
      res.brokers.map((b) => [b.brokerId, b.host, b.port, b.rack]),
      [
        [1, '127.0.0.1', tb.port, 'rack-a'],
        [2, 'two', 9094, 'rack-b'],
      ],
    );
  });

  test('v1 endpointType: controllers are MISMATCHED_ENDPOINT_TYPE, others UNSUPPORTED_ENDPOINT_TYPE', async () => {
    const controllers = await send(1, request(false, 2));
    assert.equal(controllers.errorCode, ErrorCode.MISMATCHED_ENDPOINT_TYPE);
    assert.match(controllers.errorMessage ?? '', /endpoint of type BROKER/);
    assert.deepEqual(controllers.brokers, []);
    const unknown = await send(1, request(false, 7));
    assert.equal(unknown.errorCode, ErrorCode.UNSUPPORTED_ENDPOINT_TYPE);
    assert.equal(unknown.errorMessage, 'Unsupported endpoint type 7');
  });
});
