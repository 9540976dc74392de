import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SeededRandom } from './random.js';
import { ProcessGate, SimScheduler } from './scheduler.js';

describe('SimScheduler', () => {
  it('runs events in (time, scheduling order) and advances the clock to each', async () => {
    const scheduler = new SimScheduler();
    const seen: string[] = [];
    scheduler.setTimeout(() => seen.push(`b@${scheduler.now()}`), 10);
    scheduler.setTimeout(() => seen.push(`a@${scheduler.now()}`), 5);
    scheduler.setTimeout(() => seen.push(`c@${scheduler.now()}`), 10);
    scheduler.setTimeout(() => seen.push(`d@${scheduler.now()}`), 0);
    assert.equal(await scheduler.runUntil({}), 'idle');
    assert.deepEqual(seen, ['d@0', 'a@5', 'b@10', 'c@10']);
    assert.equal(scheduler.now(), 10);
    assert.equal(scheduler.eventsRun, 4);
  });

  it('treats a negative delay as now, and rejects NaN', async () => {
    const scheduler = new SimScheduler(100);
    let at = -1;
    scheduler.setTimeout(() => {
      at = scheduler.now();
    }, -50);
    await scheduler.runUntil({});
    assert.equal(at, 100);
    assert.throws(() => scheduler.setTimeout(() => {}, Number.NaN), RangeError);
  });

  it('cancels timers, including from inside another event', async () => {
    const scheduler = new SimScheduler();
    const seen: number[] = [];
    const late = scheduler.setTimeout(() => seen.push(2), 20);
    scheduler.setTimeout(() => {
      seen.push(1);
      scheduler.clearTimeout(late);
    }, 10);
    const never = scheduler.setTimeout(() => seen.push(3), 5);
    scheduler.clearTimeout(never);
    scheduler.clearTimeout(12345);
    assert.equal(scheduler.pending, 2);
    await scheduler.runUntil({});
    assert.deepEqual(seen, [1]);
  });

  it('settles promise continuations between events', async () => {
    const scheduler = new SimScheduler();
    const seen: string[] = [];
    scheduler.setTimeout(() => {
      void (async () => {
        await Promise.resolve();
        await new Promise<void>((resolve) => queueMicrotask(resolve));
        seen.push('continuation of 1');
        scheduler.setTimeout(() => seen.push('scheduled by continuation'), 0);
      })();
      seen.push('event 1');
    }, 1);
    scheduler.setTimeout(() => seen.push('event 2'), 1);
    await scheduler.runUntil({});
    assert.deepEqual(seen, ['event 1', 'continuation of 1', 'event 2', 'scheduled by continuation']);
  });

  it('stops at a virtual time, on a predicate, or after a number of events', async () => {
    const scheduler = new SimScheduler();
    let ticks = 0;
    const tick = (): void => {
      ticks++;
      scheduler.setTimeout(tick, 100);
    };
    scheduler.setTimeout(tick, 100);
    assert.equal(await scheduler.runUntil({ until: 1050 }), 'time');
    assert.equal(ticks, 10);
    assert.equal(scheduler.now(), 1050);
    assert.equal(await scheduler.runUntil({ stop: () => ticks >= 15 }), 'stopped');
    assert.equal(ticks, 15);
    assert.equal(await scheduler.runUntil({ maxEvents: 3 }), 'max-events');
    assert.equal(ticks, 18);
  });

  it('propagates a thrown event, a recorded failure and a failed afterEvent check', async () => {
    const scheduler = new SimScheduler();
    scheduler.setTimeout(() => {
      throw new Error('boom');
    }, 1);
    await assert.rejects(scheduler.runUntil({}), /boom/);
    scheduler.setTimeout(() => {
      void Promise.reject(new Error('late')).catch((e: unknown) => scheduler.fail(e));
    }, 1);
    await assert.rejects(scheduler.runUntil({}), /late/);
    scheduler.setTimeout(() => {}, 1);
    await assert.rejects(
      scheduler.runUntil({
        afterEvent: () => {
          throw new Error('invariant');
        },
      }),
      /invariant/,
    );
  });

  it('kills every timer of a scope and ignores timers set after', async () => {
    const scheduler = new SimScheduler();
    const scope = scheduler.scope();
    const seen: string[] = [];
    scope.setTimeout(() => seen.push('scoped'), 10);
    const cleared = scope.setTimeout(() => seen.push('cleared'), 5);
    scope.clearTimeout(cleared);
    scheduler.setTimeout(() => seen.push('unscoped'), 10);
    scheduler.setTimeout(() => scope.kill(), 1);
    await scheduler.runUntil({});
    assert.equal(scope.killed, true);
    assert.equal(
      scope.setTimeout(() => seen.push('after kill'), 1),
      -1,
    );
    await scheduler.runUntil({});
    assert.deepEqual(seen, ['unscoped']);
  });

  it("holds a paused process's timers until it resumes, then runs them in order", async () => {
    const scheduler = new SimScheduler();
    const gate = new ProcessGate();
    const scope = scheduler.scope(gate);
    const seen: string[] = [];
    scope.setTimeout(() => seen.push(`a@${scheduler.now()}`), 10);
    scope.setTimeout(() => seen.push(`b@${scheduler.now()}`), 20);
    scope.setTimeout(() => seen.push(`c@${scheduler.now()}`), 100);
    scheduler.setTimeout(() => gate.pause(), 5);
    scheduler.setTimeout(() => {
      seen.push(`resume@${scheduler.now()}`);
      gate.resume();
    }, 50);
    await scheduler.runUntil({});
    assert.deepEqual(seen, ['resume@50', 'a@50', 'b@50', 'c@100']);

    // Killed while paused: what was held never runs.
    gate.pause();
    scope.setTimeout(() => seen.push('held'), 1);
    await scheduler.runUntil({});
    gate.kill();
    gate.resume();
    gate.run(() => seen.push('after kill'));
    assert.equal(seen.length, 4);
  });

  it('is deterministic: the same seed gives the same trace twice, another seed another', async () => {
    const run = async (seed: number): Promise<string[]> => {
      const scheduler = new SimScheduler();
      const random = new SeededRandom(seed);
      const trace: string[] = [];
      scheduler.tracer = (line) => trace.push(line);
      // A little asynchronous system: workers that await, reschedule and race.
      for (let worker = 0; worker < 4; worker++) {
        let rounds = 0;
        const step = async (): Promise<void> => {
          await Promise.resolve();
          scheduler.trace(`worker ${worker} round ${rounds}`);
          if (++rounds < 20) scheduler.setTimeout(() => void step(), random.int(50));
        };
        scheduler.setTimeout(() => void step(), random.int(50));
      }
      await scheduler.runUntil({});
      return trace;
    };
    const first = await run(2024);
    assert.equal(first.length, 80);
    assert.deepEqual(await run(2024), first);
    assert.notDeepEqual(await run(2025), first);
  });
});
