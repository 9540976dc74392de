import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Uuid } from '@gregor/protocol';
import { ErrorCode } from '@gregor/protocol';
import { pino } from 'pino';
import { SimNetwork } from '../network.js';
import { SeededRandom } from '../random.js';
import { SimScheduler } from '../scheduler.js';
import type { SimRequest, SimResponse } from './cluster.js';
import { ControllerChecker } from './controller-checker.js';
import { CONTROLLER_IDS, ControllerChooser, ControllerQuorum } from './controller-quorum.js';

/** Three controllers and one client (node 1, registering as broker 1) on virtual time. */
function setUp() {
  const scheduler = new SimScheduler();
  const random = new SeededRandom(7);
  const network = new SimNetwork<SimRequest, SimResponse>(scheduler, random.fork());
  network.onHandlerError = (node, error) => scheduler.fail(new Error(`node ${node}: ${String(error)}`));
  let images = 0;
  const quorum = new ControllerQuorum(
    scheduler,
    random.fork(),
    network,
    pino({ level: 'silent' }),
    {
      raft: { electionTimeoutMs: 300, fetchTimeoutMs: 600, requestTimeoutMs: 600, fetchMaxWaitMs: 150 },
      snapshotMaxBytes: 1024,
      segmentBytes: 4096,
      defaults: { numPartitions: 1, replicationFactor: 1, deleteTopicEnable: true },
      heartbeatIntervalMs: 500,
      sessionTimeoutMs: 2000,
      lossySnapshots: false,
    },
    new ControllerChecker(),
    () => {
      images++;
    },
  );
  for (const node of quorum.nodes) quorum.start(node);
  const client = network.register(1, async () => {
    throw new Error('a client serves nothing');
  });
  const chooser = new ControllerChooser();
  const until = async (done: () => boolean, ms = 10_000): Promise<void> => {
    const r = await scheduler.runUntil({ until: scheduler.now() + ms, stop: done });
    assert.equal(r, 'stopped', `not done within ${ms} ms of virtual time`);
  };
  /** Sends `request` until the active controller answers it (the chooser moving on as it goes). */
  const untilAnswered = async (request: SimRequest): Promise<SimResponse> => {
    for (let attempt = 0; attempt < 50; attempt++) {
      let answer: SimResponse | null | undefined;
      void quorum.call(client, chooser, request, 500).then((r) => {
        answer = r;
      });
      await until(() => answer !== undefined);
      if (answer === null || answer === undefined) continue;
      if ((answer.kind !== 'register' && answer.kind !== 'heartbeat') || answer.errorCode === ErrorCode.NONE)
        return answer;
    }
    assert.fail(`no controller answered ${request.kind}`);
  };
  return { scheduler, quorum, chooser, until, untilAnswered, images: () => images };
}

const register: SimRequest = { kind: 'register', brokerId: 1, incarnationId: 'AAAAAAAAAAAAAAAAAAAAAg' as Uuid };

describe('ControllerQuorum', () => {
  it('elects an active controller, which clients find by moving on from the others', async () => {
    const t = setUp();
    await t.until(() => t.quorum.activeId() !== null);
    const answer = await t.untilAnswered(register);
    assert.equal(answer.kind, 'register');
    assert.equal(t.chooser.current, t.quorum.activeId());
    await t.until(() => t.quorum.convergence() === null);
    assert.ok(t.quorum.image.brokers.has(1));
    assert.ok(t.images() >= 3, 'every controller applied the registration');
  });

  it('fails over when the active controller loses power, and the restarted one catches up', async () => {
    const t = setUp();
    await t.until(() => t.quorum.activeId() !== null);
    const r = await t.untilAnswered(register);
    assert.equal(r.kind === 'register' && r.brokerEpoch >= 0, true);
    const first = t.quorum.node(t.quorum.activeId() as number);
    t.quorum.crash(first, true, true);
    await t.until(() => t.quorum.activeId() !== null);
    assert.notEqual(t.quorum.activeId(), first.id);
    const heartbeat: SimRequest = {
      kind: 'heartbeat',
      brokerId: 1,
      brokerEpoch: r.kind === 'register' ? r.brokerEpoch : -1,
      metadataOffset: t.quorum.image.offset,
      wantShutDown: false,
    };
    await t.untilAnswered(heartbeat);
    assert.equal(t.chooser.current, t.quorum.activeId());
    t.quorum.start(first);
    await t.until(() => t.quorum.convergence() === null);
  });

  it('hands leadership over on a graceful shutdown of the active controller', async () => {
    const t = setUp();
    await t.until(() => t.quorum.activeId() !== null);
    await t.untilAnswered(register);
    const first = t.quorum.node(t.quorum.activeId() as number);
    let closed = false;
    void t.quorum.shutDown(first).then(() => {
      closed = true;
    });
    await t.until(() => closed && t.quorum.activeId() !== null);
    assert.equal(first.incarnation, null);
    assert.ok(CONTROLLER_IDS.includes(t.quorum.activeId() as number));
    t.quorum.start(first);
    await t.until(() => t.quorum.convergence() === null);
  });
});
