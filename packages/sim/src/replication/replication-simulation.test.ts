import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { expectCaught } from './bug-check.js';
import { ReplicationInvariant } from './checker.js';
import { ReplicationBug } from './cluster.js';
import { ReplicationSimulationFailure, runReplicationSimulation } from './simulation.js';

/**
 * The replication simulation across many seeds. CI runs SEEDS seeds from FIRST_SEED;
 * a long run raises the count (GREGOR_SIM_SEEDS=2000), and one failing seed replays
 * alone (GREGOR_SIM_SEED=123, which is what a failure message says to run).
 */
const DEFAULT_SEEDS = 30;
const only = process.env.GREGOR_SIM_SEED;
const seedCount = Number(process.env.GREGOR_SIM_SEEDS ?? DEFAULT_SEEDS);
const firstSeed = Number(process.env.GREGOR_SIM_FIRST_SEED ?? 1);

const seeds = only !== undefined ? [Number(only)] : Array.from({ length: seedCount }, (_, i) => firstSeed + i);

describe('replication simulation', () => {
  it(`keeps every invariant and converges after the heal (seeds ${seeds[0]}..${seeds.at(-1)})`, async () => {
    const failures: string[] = [];
    let acked = 0;
    let leaderChanges = 0;
    for (const seed of seeds) {
      try {
        const result = await runReplicationSimulation({ seed });
        acked += result.acked;
        leaderChanges += result.leaderChanges;
      } catch (error) {
        assert.ok(error instanceof ReplicationSimulationFailure, String(error));
        failures.push(error.message);
      }
    }
    assert.deepEqual(failures, [], `${failures.length} of ${seeds.length} seeds failed:\n${failures.join('\n')}`);
    assert.ok(acked > 0, 'no produce was acknowledged');
    assert.ok(leaderChanges > 0, 'no leader ever changed');
  });

  it('is deterministic: one seed gives the same trace twice', async () => {
    const trace = async (seed: number): Promise<{ lines: number; digest: string }> => {
      const hash = createHash('sha256');
      let lines = 0;
      await runReplicationSimulation({
        seed,
        tracer: (line) => {
          lines++;
          hash.update(line).update('\n');
        },
      });
      return { lines, digest: hash.digest('hex') };
    };
    const first = await trace(2);
    assert.ok(first.lines > 1000, `${first.lines} trace lines`);
    assert.deepEqual(await trace(2), first);
  });

  describe('catches injected bugs, naming the seed and how to replay it', () => {
    it('a follower that never truncates a divergent suffix', async () => {
      await expectCaught(
        ReplicationBug.SKIP_TRUNCATION,
        [ReplicationInvariant.COMMITTED_DATA_AGREES, ReplicationInvariant.ACKNOWLEDGED_NOT_LOST],
        1,
      );
    });

    it('a leader acknowledging acks=-1 before the high watermark passed the batch', async () => {
      await expectCaught(ReplicationBug.ACK_BEFORE_HIGH_WATERMARK, [ReplicationInvariant.ACKNOWLEDGED_NOT_LOST], 1);
    });

    it('a controller whose metadata snapshots leave records out (a controller that loads one disagrees)', async () => {
      await expectCaught(ReplicationBug.LOSSY_SNAPSHOT, [ReplicationInvariant.CONTROLLERS_AGREE], 1);
    });
  });

  it('an empty leader epoch at a follower log end is dropped: the follower rejoins (replication-bugs.md, bug 1)', async () => {
    // Seed 17 spun on DivergingEpoch for the whole liveness bound while the bug was there.
    await runReplicationSimulation({ seed: 17 });
  });

  it('a broker restarted before its session expired follows the leader the newer image names, not its stale start image', async () => {
    // Seed 55 broke single-leader-per-epoch while ReplicaManager.start applied its start
    // image after a newer one that arrived as the logs opened (the brokers start as the
    // real one does: catch up, open the logs while images arrive, then register).
    await runReplicationSimulation({ seed: 55 });
  });
});
