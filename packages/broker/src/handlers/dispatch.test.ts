import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  API_TABLE,
  ApiKey,
  ApiVersionsRequest,
  encodeRequest,
  FindCoordinatorRequest,
  InitProducerIdRequest,
  RequestHeader,
} from '@gregor/protocol';
import { pino } from 'pino';
import type { Broker } from '../broker.js';
import type { Connection } from '../server/connection.js';
import { createDispatcher } from './dispatch.js';

/** A request frame as the socket server hands it over: the bytes after the int32 size. */
function frame(apiKey: number, version: number, body: object): Buffer {
  const header = new RequestHeader();
  header.requestApiKey = apiKey;
  header.requestApiVersion = version;
  header.correlationId = 7;
  header.clientId = 'dispatch-test';
  return encodeRequest(API_TABLE[apiKey] as NonNullable<(typeof API_TABLE)[number]>, version, header, body).subarray(4);
}

/**
 * A node that is not serving clients: its broker parts (partitions, coordinators) are
 * not there, so any handler reaching them would fail; the dispatcher must not let one run.
 */
function node(
  roles: { broker: boolean; controller: boolean },
  servingClients: boolean,
): Broker & { ready: () => void; stop: () => void } {
  const missing = () => {
    throw new Error('broker not started');
  };
  let resolve: () => void = () => {};
  let reject: (e: Error) => void = () => {};
  const serving = {
    promise: new Promise<void>((res, rej) => {
      resolve = res;
      reject = rej;
    }),
    resolve: () => resolve(),
    reject: (e: Error) => reject(e),
  };
  serving.promise.catch(() => undefined);
  const n = {
    limits: { maxRequestBytes: 1024 * 1024 },
    logger: pino({ level: 'silent' }),
    servingClients,
    clustered: true,
    settings: { controllerListenerNames: ['CONTROLLER'], roles },
    untilServingClients: () => (n.servingClients ? Promise.resolve() : serving.promise),
    ready: () => {
      n.servingClients = true;
      serving.resolve();
    },
    stop: () => serving.reject(new Error('stopping')),
    get replicaManager() {
      return missing();
    },
    get txns() {
      return missing();
    },
    get groups() {
      return missing();
    },
  };
  return n as unknown as Broker & { ready: () => void; stop: () => void };
}

function connection(listenerName: string): Connection {
  return { id: 1, listenerName } as unknown as Connection;
}

describe('dispatch: what a node answers before it serves clients', () => {
  const initProducerId = () => {
    const r = new InitProducerIdRequest();
    r.transactionalId = 'tx';
    r.transactionTimeoutMs = 60_000;
    return frame(ApiKey.InitProducerId, 4, r);
  };
  const findCoordinator = () => {
    const r = new FindCoordinatorRequest();
    r.keyType = 1;
    r.coordinatorKeys = ['tx'];
    return frame(ApiKey.FindCoordinator, 4, r);
  };

  test('on a client listener, a starting node holds requests until it serves clients', async () => {
    const n = node({ broker: true, controller: true }, false);
    const dispatch = createDispatcher(n);
    const apiVersions = dispatch(frame(ApiKey.ApiVersions, 3, new ApiVersionsRequest()), connection('PLAINTEXT'));
    const state = await Promise.race([
      apiVersions.then(() => 'answered'),
      new Promise((r) => setImmediate(() => r('waiting'))),
    ]);
    assert.equal(state, 'waiting');
    n.ready();
    const answer = await apiVersions;
    assert.ok(Buffer.isBuffer(answer) || Array.isArray(answer), 'answered once ready');
  });

  test('a node that stops before it serves clients closes the connections of the requests it held', async () => {
    const n = node({ broker: true, controller: true }, false);
    const dispatch = createDispatcher(n);
    const held = dispatch(initProducerId(), connection('PLAINTEXT'));
    n.stop();
    assert.equal(await held, 'close');
  });

  test('on its controller listener, a starting node closes client APIs too (no internal error)', async () => {
    const dispatch = createDispatcher(node({ broker: true, controller: true }, false));
    assert.equal(await dispatch(initProducerId(), connection('CONTROLLER')), 'close');
    assert.equal(await dispatch(findCoordinator(), connection('CONTROLLER')), 'close');
  });

  test('a controller-only node never answers client APIs, but answers ApiVersions on its controller listener', async () => {
    const dispatch = createDispatcher(node({ broker: false, controller: true }, true));
    assert.equal(await dispatch(initProducerId(), connection('CONTROLLER')), 'close');
    const answer = await dispatch(frame(ApiKey.ApiVersions, 3, new ApiVersionsRequest()), connection('CONTROLLER'));
    assert.ok(Buffer.isBuffer(answer) || Array.isArray(answer), 'ApiVersions is answered');
  });
});
