import assert from 'node:assert/strict';
import type { ReplicationBug } from './cluster.js';
import { ReplicationSimulationFailure, replayCommand, runReplicationSimulation, traceCommand } from './simulation.js';

/**
 * For the tests that prove the checker: runs seeds from `from` with `bug` injected until
 * one fails by one of `invariants` (a seed where the bug only shows as something else, or
 * not at all, is passed over; `from` is a seed known to catch it, so the test stays
 * short). Asserts the failure names the seed and both replay commands, and that the seed
 * replays the identical failure.
 */
export async function expectCaught(
  bug: ReplicationBug,
  invariants: readonly string[],
  from: number,
  span = 30,
): Promise<void> {
  for (let seed = from; seed < from + span; seed++) {
    let failure: ReplicationSimulationFailure | null = null;
    try {
      await runReplicationSimulation({ seed, bug });
    } catch (error) {
      assert.ok(error instanceof ReplicationSimulationFailure, String(error));
      failure = error;
    }
    if (failure === null || failure.invariant === null || !invariants.includes(failure.invariant)) continue;
    assert.equal(failure.seed, seed);
    assert.match(failure.message, new RegExp(`for seed ${seed} at virtual time \\d+ ms: ${failure.invariant}: `));
    assert.ok(failure.message.includes(replayCommand(seed)), failure.message);
    assert.ok(failure.message.includes(traceCommand(seed)), failure.message);
    // The replay finds the same failure at the same virtual time.
    await assert.rejects(runReplicationSimulation({ seed, bug }), (again: unknown) => {
      assert.ok(again instanceof ReplicationSimulationFailure);
      assert.equal(again.message, failure.message);
      return true;
    });
    return;
  }
  assert.fail(`no seed in ${from}..${from + span - 1} caught ${bug} as ${invariants.join(' or ')}`);
}
