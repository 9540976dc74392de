import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { ApiKey, ErrorCode } from '@gregor/protocol';
import { pino } from 'pino';
import { BrokerLifecycle } from './broker-lifecycle.js';
import type { NodeChannels } from './node-channel.js';

interface Call {
  to: number;
  apiKey: number;
  body: { wantShutDown?: boolean };
  answer: (response: object) => void;
}

/** Controller channels whose answers the test gives, one request at a time. */
function channels(): { calls: Call[]; channels: NodeChannels } {
  const calls: Call[] = [];
  const fake = {
    request(to: number, apiKey: number, _version: number, body: object) {
      return new Promise((resolve) => calls.push({ to, apiKey, body: body as Call['body'], answer: resolve }));
    },
  };
  return { calls, channels: fake as unknown as NodeChannels };
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  assert.ok(check(), 'condition not reached');
}

let lifecycle: BrokerLifecycle | null = null;
afterEach(() => {
  lifecycle?.stop();
  lifecycle = null;
});

function start(calls: Call[], fake: NodeChannels, controller: { id: number }): Promise<void> {
  lifecycle = new BrokerLifecycle({
    nodeId: 1,
    clusterId: 'c',
    incarnationId: 'AAAAAAAAAAAAAAAAAAAAAg' as never,
    endpoints: [{ name: 'PLAINTEXT', host: '127.0.0.1', port: 9092 }],
    rack: null,
    controllers: fake,
    activeController: () => controller.id,
    appliedOffset: () => 100,
    // Long: only heartbeats asked for "now" can come within the test.
    heartbeatIntervalMs: 600_000,
    requestTimeoutMs: 1_000,
    logger: pino({ level: 'silent' }),
  });
  const started = lifecycle.start();
  void until(() => calls.length === 1).then(() => {
    assert.equal(calls[0]?.apiKey, ApiKey.BrokerRegistration);
    calls[0]?.answer({ errorCode: ErrorCode.NONE, brokerEpoch: 7n });
  });
  void until(() => calls.length === 2).then(() =>
    calls[1]?.answer({ errorCode: ErrorCode.NONE, isFenced: false, shouldShutDown: false }),
  );
  return started;
}

describe('broker lifecycle: heartbeats asked for while one is under way', () => {
  test('a new active controller hears from this broker as soon as the heartbeat under way ends', async () => {
    const { calls, channels: fake } = channels();
    const controller = { id: 100 };
    await start(calls, fake, controller);
    // A heartbeat to the old controller is under way when the quorum moves.
    lifecycle?.controllerChanged();
    await until(() => calls.length === 3);
    controller.id = 101;
    lifecycle?.controllerChanged();
    calls[2]?.answer({ errorCode: ErrorCode.NONE, isFenced: false, shouldShutDown: false });
    await until(() => calls.length === 4);
    assert.equal(calls[3]?.to, 101);
    assert.equal(calls[3]?.apiKey, ApiKey.BrokerHeartbeat);
  });

  test('a controlled shutdown asked for while a heartbeat is under way is sent right after it', async () => {
    const { calls, channels: fake } = channels();
    await start(calls, fake, { id: 100 });
    lifecycle?.controllerChanged();
    await until(() => calls.length === 3);
    const shutDown = lifecycle?.shutDown(5_000);
    calls[2]?.answer({ errorCode: ErrorCode.NONE, isFenced: false, shouldShutDown: false });
    await until(() => calls.length === 4);
    assert.equal(calls[3]?.body.wantShutDown, true);
    calls[3]?.answer({ errorCode: ErrorCode.NONE, isFenced: false, shouldShutDown: true });
    assert.equal(await shutDown, true);
  });
});
