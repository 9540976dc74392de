/**
 * The replication simulation's command line (a separate entry: the Raft CLI's
 * packages/sim/dist/main.js takes only the `raft` scenario).
 *
 *   node packages/sim/dist/replication/main.js --seed 123 [--seeds N] [--verbose] [--bug NAME]
 *
 * --seed S     first seed (default: a random one, printed)
 * --seeds N    run seeds S, S+1, ..., S+N-1 (default 1); failures are listed at the end
 * --verbose    print every event of the run (messages, faults, controller decisions, acks, broker logs)
 * --bug NAME   inject a bug the checker must catch (skip-truncation, ack-before-hw, lossy-snapshot, read-uncommitted,
 *              drop-aborted-index, consumer-skips-on-failover, consumer-rewinds-on-failover)
 *
 * Exit status 0 when every seed passed, 1 on a failure (its seed and replay command are printed), 2 on bad usage.
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { faultCounts, firstSeed, injectedBug, integer, type Output, runSeeds, type SeedRange, STDIO } from '../cli.js';
import { ReplicationBug } from './cluster.js';
import { type ReplicationSimulationResult, runReplicationSimulation } from './simulation.js';

const USAGE =
  'usage: node packages/sim/dist/replication/main.js [--seed S] [--seeds N] [--verbose] [--bug skip-truncation|ack-before-hw|lossy-snapshot|read-uncommitted|drop-aborted-index|consumer-skips-on-failover|consumer-rewinds-on-failover]';

interface ReplicationArgs extends SeedRange {
  verbose: boolean;
  bug: ReplicationBug | undefined;
}

export function main(argv: readonly string[], io: Output = STDIO): Promise<number> {
  return runSeeds(argv, io, USAGE, parse, async (seed, { verbose, bug }) =>
    summary(
      await runReplicationSimulation({
        seed,
        ...(verbose ? { tracer: (line: string) => io.out(`${line}\n`) } : {}),
        ...(bug === undefined ? {} : { bug }),
      }),
    ),
  );
}

function parse(argv: readonly string[]): ReplicationArgs {
  const { values } = parseArgs({
    args: [...argv],
    allowPositionals: false,
    options: {
      seed: { type: 'string' },
      seeds: { type: 'string' },
      verbose: { type: 'boolean', short: 'v', default: false },
      bug: { type: 'string' },
    },
  });
  return {
    seed: firstSeed(values.seed),
    seeds: values.seeds === undefined ? 1 : integer('--seeds', values.seeds, 1),
    forMs: null,
    verbose: values.verbose,
    bug: injectedBug(values.bug, ReplicationBug),
  };
}

function summary(r: ReplicationSimulationResult): string {
  return (
    `seed ${r.seed} ok: ${r.brokers} brokers, ${r.partitions} partitions, ${r.durable ? 'durable' : 'page-cache'} logs, ` +
    `${r.events} events, ${(r.virtualTimeMs / 1000).toFixed(1)} s virtual (chaos ${(r.chaosMs / 1000).toFixed(1)} s, ` +
    `converged ${(r.convergeMs / 1000).toFixed(1)} s after heal), ${r.acked} batches acknowledged, ${r.committed} offsets committed, ` +
    `${r.leaderChanges} leader changes, ${r.transactions.committed} of ${r.transactions.transactions} transactions committed, ` +
    `${r.transactions.delivered} records read_committed; faults: ${faultCounts(r.faults)}`
  );
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
