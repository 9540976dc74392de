/**
 * The simulation's command line: runs seeds and prints what happened, or the whole event
 * trace of one seed to see why it failed.
 *
 *   node packages/sim/dist/main.js raft --seed 123 [--seeds N] [--verbose] [--raft-logs] [--bug NAME]
 *
 * --seed S     first seed (default: $GREGOR_SIM_SEED, else a random one, printed)
 * --seeds N    run seeds S, S+1, ..., S+N-1 (default 1); every seed runs, failures are listed at the end
 * --for SEC    instead of a count, keep running seeds S, S+1, ... for SEC seconds of wall time (a soak run)
 * --verbose    print every event of the run (network messages, faults, commits, acks)
 * --raft-logs  with --verbose, raft's own log lines too
 * --bug NAME   inject a bug the checker must catch (amnesiac-quorum-state, grant-every-vote, flush-is-a-lie)
 *
 * Exit status 0 when every seed passed, 1 on a failure (its seed and replay command are printed), 2 on bad usage.
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { faultCounts, firstSeed, injectedBug, integer, type Output, runSeeds, type SeedRange, STDIO } from './cli.js';
import { InjectedBug, type RaftSimulationResult, runRaftSimulation } from './raft-simulation.js';

const USAGE =
  'usage: node packages/sim/dist/main.js raft [--seed S] [--seeds N | --for SECONDS] [--verbose] [--raft-logs] [--bug amnesiac-quorum-state|grant-every-vote|flush-is-a-lie]';

interface RaftArgs extends SeedRange {
  verbose: boolean;
  raftLogs: boolean;
  bug: InjectedBug | undefined;
}

export function main(argv: readonly string[], io: Output = STDIO): Promise<number> {
  return runSeeds(argv, io, USAGE, parse, async (seed, { verbose, raftLogs, bug }) =>
    summary(
      await runRaftSimulation({
        seed,
        ...(verbose ? { tracer: (line: string) => io.out(`${line}\n`) } : {}),
        ...(raftLogs ? { raftLogs: true } : {}),
        ...(bug === undefined ? {} : { bug }),
      }),
    ),
  );
}

function parse(argv: readonly string[]): RaftArgs {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      seed: { type: 'string' },
      seeds: { type: 'string' },
      for: { type: 'string' },
      verbose: { type: 'boolean', short: 'v', default: false },
      'raft-logs': { type: 'boolean', default: false },
      bug: { type: 'string' },
    },
  });
  if (positionals.length !== 1 || positionals[0] !== 'raft') {
    throw new Error(
      `expected the simulation name 'raft', got ${positionals.length === 0 ? 'nothing' : positionals.join(' ')}`,
    );
  }
  if (values.seeds !== undefined && values.for !== undefined) throw new Error('--seeds and --for exclude each other');
  return {
    seed: firstSeed(values.seed ?? process.env.GREGOR_SIM_SEED),
    seeds: values.seeds === undefined ? 1 : integer('--seeds', values.seeds, 1),
    forMs: values.for === undefined ? null : integer('--for', values.for, 1) * 1000,
    verbose: values.verbose,
    raftLogs: values['raft-logs'],
    bug: injectedBug(values.bug, InjectedBug),
  };
}

function summary(r: RaftSimulationResult): string {
  return (
    `seed ${r.seed} ok: voters [${r.voters}] observers [${r.observers}], ${r.events} events, ` +
    `${(r.virtualTimeMs / 1000).toFixed(1)} s virtual (chaos ${(r.chaosMs / 1000).toFixed(1)} s, converged ${(r.convergeMs / 1000).toFixed(1)} s after heal), ` +
    `${r.acked} appends acknowledged, ${r.committed} records committed, leader ${r.finalLeader} epoch ${r.finalEpoch} hw ${r.finalHighWatermark}; ` +
    `faults: ${faultCounts(r.faults)}`
  );
}

// Run when executed, not when imported by a test.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
