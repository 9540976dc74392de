import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ReplicationInvariant } from './checker.js';
import { ReplicationBug } from './cluster.js';
import { ReplicationSimulationFailure, replayCommand, runReplicationSimulation, traceCommand } from './simulation.js';

/**
 * Transactions and the read_committed consumer in the replication simulation: the
 * workload runs, and the checker catches injected bugs of the broker's read path and of
 * the consumer, naming the invariant and the seed, and the seed replays the same failure.
 */
describe('replication simulation: transactions and read_committed', () => {
  it('commits and aborts transactions and reads them read_committed across failovers', async () => {
    const r = await runReplicationSimulation({ seed: 2 });
    assert.ok(r.transactions.committed > 0, JSON.stringify(r.transactions));
    assert.ok(r.transactions.aborted > 0, JSON.stringify(r.transactions));
    assert.ok(r.transactions.delivered > 0, JSON.stringify(r.transactions));
    assert.ok(r.leaderChanges > 0);
  });

  /** Runs seeds from `from` until one fails by `invariant`; asserts the message and an identical replay. */
  const expectCaught = async (bug: ReplicationBug, invariant: ReplicationInvariant, from: number): Promise<void> => {
    for (let seed = from; seed < from + 20; seed++) {
      let failure: ReplicationSimulationFailure | null = null;
      try {
        await runReplicationSimulation({ seed, bug });
      } catch (error) {
        assert.ok(error instanceof ReplicationSimulationFailure, String(error));
        failure = error;
      }
      if (failure === null || failure.invariant !== invariant) continue;
      assert.equal(failure.seed, seed);
      assert.match(failure.message, new RegExp(`for seed ${seed} at virtual time \\d+ ms: ${invariant}: `));
      assert.ok(failure.message.includes(replayCommand(seed)), failure.message);
      assert.ok(failure.message.includes(traceCommand(seed)), failure.message);
      await assert.rejects(runReplicationSimulation({ seed, bug }), (again: unknown) => {
        assert.ok(again instanceof ReplicationSimulationFailure);
        assert.equal(again.message, failure.message);
        return true;
      });
      return;
    }
    assert.fail(`no seed in ${from}..${from + 19} caught ${bug} as ${invariant}`);
  };

  it('a consumer fetch served read_uncommitted while the consumer reads committed', async () => {
    await expectCaught(ReplicationBug.READ_UNCOMMITTED, ReplicationInvariant.READ_COMMITTED_NO_ABORTED, 1);
  });

  it('fetch answers without their aborted transactions', async () => {
    await expectCaught(ReplicationBug.DROP_ABORTED_INDEX, ReplicationInvariant.READ_COMMITTED_NO_ABORTED, 1);
  });

  it('a consumer that jumps to the last stable offset after a failover (committed records skipped)', async () => {
    await expectCaught(ReplicationBug.CONSUMER_SKIPS_ON_FAILOVER, ReplicationInvariant.READ_COMMITTED_COMPLETE, 2);
  });

  it('a consumer that starts again from offset 0 after a failover (records delivered twice)', async () => {
    await expectCaught(ReplicationBug.CONSUMER_REWINDS_ON_FAILOVER, ReplicationInvariant.READ_COMMITTED_IN_ORDER, 1);
  });
});
