import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { Invariant } from './invariants.js';
import { InjectedBug, runRaftSimulation, SimulationFailure } from './raft-simulation.js';

/**
 * The Raft simulation across many seeds. CI runs SEEDS seeds from FIRST_SEED; a long run
 * raises the count (GREGOR_SIM_SEEDS=5000), and one failing seed replays alone
 * (GREGOR_SIM_SEED=123, which is what a failure message says to run).
 */
const DEFAULT_SEEDS = 150;
function envInteger(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got '${text}'`);
  return n;
}
const only = process.env.GREGOR_SIM_SEED === undefined ? undefined : envInteger('GREGOR_SIM_SEED', 0);
const seedCount = envInteger('GREGOR_SIM_SEEDS', DEFAULT_SEEDS);
const firstSeed = envInteger('GREGOR_SIM_FIRST_SEED', 1);
const seeds = only !== undefined ? [Number(only)] : Array.from({ length: seedCount }, (_, i) => firstSeed + i);

describe('raft simulation', () => {
  it(`keeps every invariant and converges after the heal (seeds ${seeds[0]}..${seeds.at(-1)})`, async () => {
    const failures: string[] = [];
    let events = 0;
    let acked = 0;
    for (const seed of seeds) {
      try {
        const result = await runRaftSimulation({ seed });
        events += result.events;
        acked += result.acked;
      } catch (error) {
        assert.ok(error instanceof SimulationFailure, String(error));
        failures.push(error.message);
      }
    }
    assert.deepEqual(failures, [], `${failures.length} of ${seeds.length} seeds failed:\n${failures.join('\n')}`);
    assert.ok(acked > 0 && events > 0);
  });

  it('is deterministic: one seed gives the same trace twice', async () => {
    const trace = async (seed: number): Promise<{ lines: number; digest: string }> => {
      const hash = createHash('sha256');
      let lines = 0;
      await runRaftSimulation({
        seed,
        raftLogs: true,
        tracer: (line) => {
          lines++;
          hash.update(line).update('\n');
        },
      });
      return { lines, digest: hash.digest('hex') };
    };
    const first = await trace(7);
    assert.ok(first.lines > 1000, `${first.lines} trace lines`);
    assert.deepEqual(await trace(7), first);
    assert.notDeepEqual(await trace(8), first);
  });

  it('runs the same whether traced or not', async () => {
    const quiet = await runRaftSimulation({ seed: 9 });
    const traced = await runRaftSimulation({ seed: 9, raftLogs: true, tracer: () => {} });
    assert.deepEqual(traced, quiet);
  });

  describe('catches injected bugs, naming the seed and how to replay it', () => {
    const expectCaught = async (bug: InjectedBug, invariants: readonly string[]): Promise<void> => {
      for (let seed = 1; seed <= 20; seed++) {
        let failure: SimulationFailure | null = null;
        try {
          await runRaftSimulation({ seed, bug });
        } catch (error) {
          assert.ok(error instanceof SimulationFailure, String(error));
          failure = error;
        }
        if (failure === null) continue;
        assert.match(failure.message, new RegExp(`seed ${seed} `));
        assert.match(failure.message, new RegExp(`GREGOR_SIM_SEED=${seed} node --test`));
        assert.match(failure.message, new RegExp(`main\\.js raft --seed ${seed} --verbose`));
        assert.ok(
          failure.invariant !== null && invariants.includes(failure.invariant),
          `caught by ${failure.invariant}: ${failure.message}`,
        );
        // The seed replays the same failure.
        await assert.rejects(runRaftSimulation({ seed, bug }), (again: unknown) => {
          assert.ok(again instanceof SimulationFailure);
          assert.equal(again.message, failure.message);
          return true;
        });
        return;
      }
      assert.fail(`bug ${bug} was not caught in 20 seeds`);
    };

    it('a quorum-state store that forgets (epochs go back after a restart)', async () => {
      await expectCaught(InjectedBug.AMNESIAC_QUORUM_STATE, [Invariant.MONOTONIC_EPOCH, Invariant.SINGLE_LEADER]);
    });

    it('a disk whose flush makes nothing durable (acknowledged appends lost when a majority crashes)', async () => {
      await expectCaught(InjectedBug.FLUSH_IS_A_LIE, [
        Invariant.ACKED_NOT_LOST,
        Invariant.CONSISTENT_COMMITS,
        Invariant.UNIQUE_COMMIT,
        Invariant.LOG_MATCHING,
        Invariant.NO_FATAL_ERROR,
      ]);
    });

    it('a network that grants every vote (two leaders in one epoch, or lost commits)', async () => {
      await expectCaught(InjectedBug.GRANT_EVERY_VOTE, [
        Invariant.NO_FATAL_ERROR,
        Invariant.SINGLE_LEADER,
        Invariant.CONSISTENT_COMMITS,
        Invariant.ACKED_NOT_LOST,
        Invariant.UNIQUE_COMMIT,
        Invariant.MONOTONIC_HIGH_WATERMARK,
        Invariant.COMMIT_ORDER,
        Invariant.LOG_MATCHING,
      ]);
    });
  });
});
