import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expectCaught } from './bug-check.js';
import { ReplicationInvariant } from './checker.js';
import { ReplicationBug } from './cluster.js';
import { runReplicationSimulation } from './simulation.js';

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

  it('a consumer fetch served read_uncommitted while the consumer reads committed', async () => {
    await expectCaught(ReplicationBug.READ_UNCOMMITTED, [ReplicationInvariant.READ_COMMITTED_NO_ABORTED], 1, 20);
  });

  it('fetch answers without their aborted transactions', async () => {
    await expectCaught(ReplicationBug.DROP_ABORTED_INDEX, [ReplicationInvariant.READ_COMMITTED_NO_ABORTED], 1, 20);
  });

  it('a consumer that jumps to the last stable offset after a failover (committed records skipped)', async () => {
    await expectCaught(
      ReplicationBug.CONSUMER_SKIPS_ON_FAILOVER,
      [ReplicationInvariant.READ_COMMITTED_COMPLETE],
      2,
      20,
    );
  });

  it('a consumer that starts again from offset 0 after a failover (records delivered twice)', async () => {
    await expectCaught(
      ReplicationBug.CONSUMER_REWINDS_ON_FAILOVER,
      [ReplicationInvariant.READ_COMMITTED_IN_ORDER],
      1,
      20,
    );
  });
});
