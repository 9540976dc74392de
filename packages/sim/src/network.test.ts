import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SimNetwork, SimRequestTimeoutError } from './network.js';
import { SeededRandom } from './random.js';
import { ProcessGate, SimScheduler } from './scheduler.js';

interface Ping {
  n: number;
}
interface Pong {
  n: number;
  by: number;
}

function setup(seed = 1): {
  scheduler: SimScheduler;
  network: SimNetwork<Ping, Pong>;
  received: Map<number, number[]>;
  up: (node: number) => ReturnType<SimNetwork<Ping, Pong>['register']>;
} {
  const scheduler = new SimScheduler();
  const network = new SimNetwork<Ping, Pong>(scheduler, new SeededRandom(seed), {
    describeRequest: (r) => `ping ${r.n}`,
    describeResponse: (r) => `pong ${r.n}`,
  });
  const received = new Map<number, number[]>();
  const up = (node: number) => {
    received.set(node, []);
    return network.register(node, async (_from, request) => {
      received.get(node)!.push(request.n);
      return { n: request.n, by: node };
    });
  };
  return { scheduler, network, received, up };
}

type Outcome = { ok: Pong } | { error: unknown };
function settle(promise: Promise<Pong>): { outcome: Outcome | null } {
  const box: { outcome: Outcome | null } = { outcome: null };
  promise.then(
    (ok) => {
      box.outcome = { ok };
    },
    (error: unknown) => {
      box.outcome = { error };
    },
  );
  return box;
}

describe('SimNetwork', () => {
  it('delivers a request and its response within the delay bounds', async () => {
    const { scheduler, network, up } = setup();
    network.setFaults({ minDelayMs: 10, maxDelayMs: 20 });
    const a = up(1);
    up(2);
    const box = settle(a.send(2, { n: 7 }, 1000));
    await scheduler.runUntil({ stop: () => box.outcome !== null });
    assert.deepEqual(box.outcome, { ok: { n: 7, by: 2 } });
    assert.ok(scheduler.now() >= 20 && scheduler.now() <= 40, `round trip took ${scheduler.now()} ms`);
    assert.equal(network.stats.delivered, 2);
  });

  it('times out a request to a node that is down, and to one that went down while handling', async () => {
    const { scheduler, network, up } = setup();
    const a = up(1);
    const box = settle(a.send(3, { n: 1 }, 500));
    await scheduler.runUntil({ stop: () => box.outcome !== null });
    assert.ok(box.outcome !== null && 'error' in box.outcome);
    assert.ok(box.outcome.error instanceof SimRequestTimeoutError);
    assert.equal(scheduler.now(), 500);

    // Node 4 never answers before it is killed: its answer is never sent.
    let release: (() => void) | null = null;
    const b = network.register(4, () => new Promise<Pong>((resolve) => (release = () => resolve({ n: 2, by: 4 }))));
    const second = settle(a.send(4, { n: 2 }, 500));
    await scheduler.runUntil({ until: scheduler.now() + 100 });
    assert.ok(release !== null);
    b.kill();
    (release as () => void)();
    await scheduler.runUntil({ stop: () => second.outcome !== null });
    assert.ok(second.outcome !== null && 'error' in second.outcome);
  });

  it('loses every message at loss probability 1 and none at 0', async () => {
    const { scheduler, network, received, up } = setup();
    const a = up(1);
    up(2);
    network.setFaults({ lossProbability: 1 });
    const boxes = [1, 2, 3].map((n) => settle(a.send(2, { n }, 100)));
    await scheduler.runUntil({});
    assert.deepEqual(received.get(2), []);
    assert.ok(boxes.every((b) => b.outcome !== null && 'error' in b.outcome));
    network.setFaults({ lossProbability: 0 });
    const ok = settle(a.send(2, { n: 4 }, 100));
    await scheduler.runUntil({});
    assert.deepEqual(ok.outcome, { ok: { n: 4, by: 2 } });
  });

  it('loses about the configured fraction of messages', async () => {
    const { scheduler, network, received, up } = setup(3);
    const a = up(1);
    up(2);
    network.setFaults({ lossProbability: 0.3 });
    for (let n = 0; n < 1000; n++) void a.send(2, { n }, 100).catch(() => {});
    await scheduler.runUntil({});
    const arrived = received.get(2)!.length;
    assert.ok(arrived > 630 && arrived < 770, `${arrived} of 1000 arrived`);
  });

  it('reorders messages with independent delays', async () => {
    const { scheduler, network, received, up } = setup(5);
    const a = up(1);
    up(2);
    network.setFaults({ minDelayMs: 1, maxDelayMs: 50 });
    for (let n = 0; n < 50; n++) void a.send(2, { n }, 1000);
    await scheduler.runUntil({});
    const order = received.get(2)!;
    assert.equal(order.length, 50);
    assert.notDeepEqual(
      order,
      [...order].sort((x, y) => x - y),
    );
  });

  it('duplicates requests, answering the sender once', async () => {
    const { scheduler, network, received, up } = setup();
    const a = up(1);
    up(2);
    network.setFaults({ duplicateProbability: 1 });
    const box = settle(a.send(2, { n: 9 }, 1000));
    await scheduler.runUntil({});
    assert.deepEqual(received.get(2), [9, 9]);
    assert.deepEqual(box.outcome, { ok: { n: 9, by: 2 } });
    assert.equal(network.stats.duplicated, 1);
  });

  it('partitions: messages across groups are dropped, within a group delivered, and heal restores', async () => {
    const { scheduler, network, received, up } = setup();
    const a = up(1);
    up(2);
    up(3);
    network.partition([[1, 2]]);
    assert.equal(network.connected(1, 2), true);
    assert.equal(network.connected(1, 3), false);
    const same = settle(a.send(2, { n: 1 }, 100));
    const across = settle(a.send(3, { n: 2 }, 100));
    await scheduler.runUntil({});
    assert.ok(same.outcome !== null && 'ok' in same.outcome);
    assert.ok(across.outcome !== null && 'error' in across.outcome);
    assert.deepEqual(received.get(3), []);
    network.heal();
    const healed = settle(a.send(3, { n: 3 }, 100));
    await scheduler.runUntil({});
    assert.deepEqual(healed.outcome, { ok: { n: 3, by: 3 } });
  });

  it('cuts one direction of a link only, until healed', async () => {
    const { scheduler, network, received, up } = setup();
    const a = up(1);
    const b = up(2);
    network.cutOneWay(1, 2);
    assert.equal(network.connected(1, 2), false);
    assert.equal(network.connected(2, 1), true);
    const forward = settle(a.send(2, { n: 1 }, 100));
    await scheduler.runUntil({});
    assert.ok(forward.outcome !== null && 'error' in forward.outcome);
    assert.deepEqual(received.get(2), []);
    // 2 reaches 1, but 1's response travels 1 -> 2, which is cut: the request times out.
    const backward = settle(b.send(1, { n: 2 }, 100));
    await scheduler.runUntil({});
    assert.deepEqual(received.get(1), [2]);
    assert.ok(backward.outcome !== null && 'error' in backward.outcome);
    network.heal();
    const healed = settle(a.send(2, { n: 3 }, 100));
    await scheduler.runUntil({});
    assert.deepEqual(healed.outcome, { ok: { n: 3, by: 2 } });
  });

  it('drops a message whose link is cut while it is in flight, and responses to a dead requester', async () => {
    const { scheduler, network, received, up } = setup();
    network.setFaults({ minDelayMs: 10, maxDelayMs: 10 });
    const a = up(1);
    up(2);
    void a.send(2, { n: 1 }, 100).catch(() => {});
    scheduler.setTimeout(() => network.partition([[1]]), 5);
    await scheduler.runUntil({});
    assert.deepEqual(received.get(2), []);
    network.heal();
    // The requester dies after its request left: the response finds nobody, the promise never settles.
    const box = settle(a.send(2, { n: 2 }, 100));
    scheduler.setTimeout(() => a.kill(), 15);
    await scheduler.runUntil({});
    assert.deepEqual(received.get(2), [2]);
    assert.equal(box.outcome, null);
    // A dead incarnation's sends never settle either.
    const dead = settle(a.send(2, { n: 3 }, 100));
    await scheduler.runUntil({});
    assert.equal(dead.outcome, null);
    assert.deepEqual(received.get(2), [2]);
  });

  it('drops requests to a node that is not accepting yet, and a restart replaces the old incarnation', async () => {
    const { scheduler, received, up } = setup();
    const a = up(1);
    const b = up(2);
    b.accepting = false;
    const box = settle(a.send(2, { n: 1 }, 100));
    await scheduler.runUntil({});
    assert.ok(box.outcome !== null && 'error' in box.outcome);
    const b2 = up(2);
    assert.equal(b.alive, false);
    assert.equal(b2.alive, true);
    const again = settle(a.send(2, { n: 2 }, 100));
    await scheduler.runUntil({});
    assert.deepEqual(again.outcome, { ok: { n: 2, by: 2 } });
    assert.deepEqual(received.get(2), [2]);
  });

  it('holds requests, responses and timeouts for a paused process until it resumes', async () => {
    const { scheduler, network, received, up } = setup();
    network.setFaults({ minDelayMs: 10, maxDelayMs: 10 });
    const a = up(1);
    const gate = new ProcessGate();
    received.set(2, []);
    network.register(
      2,
      async (_from, request) => {
        received.get(2)!.push(request.n);
        return { n: request.n, by: 2 };
      },
      gate,
    );
    gate.pause();
    const box = settle(a.send(2, { n: 1 }, 1000));
    await scheduler.runUntil({ until: 500 });
    assert.deepEqual(received.get(2), []);
    assert.equal(box.outcome, null);
    gate.resume();
    await scheduler.runUntil({});
    assert.deepEqual(received.get(2), [1]);
    assert.deepEqual(box.outcome, { ok: { n: 1, by: 2 } });

    // The paused side is the requester: its timeout and a late answer wait for it.
    const c = network.register(3, async () => ({ n: 0, by: 3 }), gate);
    network.partition([[3]]);
    const timedOut = settle(c.send(1, { n: 2 }, 100));
    gate.pause();
    await scheduler.runUntil({ until: scheduler.now() + 1000 });
    assert.equal(timedOut.outcome, null);
    gate.resume();
    await scheduler.runUntil({});
    assert.ok(timedOut.outcome !== null && 'error' in timedOut.outcome);
  });

  it('reports a handler that rejects instead of answering', async () => {
    const { scheduler, network, up } = setup();
    const a = up(1);
    const errors: unknown[] = [];
    network.onHandlerError = (_node, error) => errors.push(error);
    network.register(2, () => Promise.reject(new Error('handler broke')));
    const box = settle(a.send(2, { n: 1 }, 100));
    await scheduler.runUntil({});
    assert.equal(errors.length, 1);
    assert.ok(box.outcome !== null && 'error' in box.outcome);
    assert.throws(() => network.setFaults({ minDelayMs: 5, maxDelayMs: 1 }), RangeError);
  });
});
