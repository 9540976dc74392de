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
import { InjectedBug, type RaftSimulationResult, runRaftSimulation } from './raft-simulation.js';

const USAGE =
  'usage: node packages/sim/dist/main.js raft [--seed S] [--seeds N | --for SECONDS] [--verbose] [--raft-logs] [--bug amnesiac-quorum-state|grant-every-vote|flush-is-a-lie]';

/** Where the CLI writes; the tests capture it. */
export interface Output {
  out(text: string): void;
  err(text: string): void;
}

const STDIO: Output = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

export async function main(argv: readonly string[], io: Output = STDIO): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
    return 2;
  }
  const { seed, seeds, forMs, verbose, raftLogs, bug } = parsed;
  const failed: number[] = [];
  const deadline = forMs === null ? null : performance.now() + forMs;
  let ran = 0;
  for (let s = seed; deadline === null ? s < seed + seeds : performance.now() < deadline; s++) {
    ran++;
    const started = performance.now();
    try {
      const result = await runRaftSimulation({
        seed: s,
        ...(verbose ? { tracer: (line: string) => io.out(`${line}\n`) } : {}),
        ...(raftLogs ? { raftLogs: true } : {}),
        ...(bug === undefined ? {} : { bug }),
      });
      io.out(`${summary(result, performance.now() - started)}\n`);
    } catch (error) {
      failed.push(s);
      io.err(`${error instanceof Error ? error.message : String(error)}\n`);
    }
  }
  if (failed.length > 0) {
    io.err(`${failed.length} of ${ran} seeds failed: ${failed.join(' ')}\n`);
    return 1;
  }
  return 0;
}

function parse(argv: readonly string[]): {
  seed: number;
  seeds: number;
  forMs: number | null;
  verbose: boolean;
  raftLogs: boolean;
  bug: InjectedBug | undefined;
} {
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
  const seedText = values.seed ?? process.env.GREGOR_SIM_SEED;
  const seed = seedText === undefined ? Math.floor(Math.random() * 1_000_000_000) : integer('--seed', seedText, 0);
  const seeds = values.seeds === undefined ? 1 : integer('--seeds', values.seeds, 1);
  if (values.seeds !== undefined && values.for !== undefined) throw new Error('--seeds and --for exclude each other');
  const forMs = values.for === undefined ? null : integer('--for', values.for, 1) * 1000;
  const bugs: readonly string[] = Object.values(InjectedBug);
  if (values.bug !== undefined && !bugs.includes(values.bug)) {
    throw new Error(`unknown --bug ${values.bug}; one of ${bugs.join(', ')}`);
  }
  return {
    seed,
    seeds,
    forMs,
    verbose: values.verbose,
    raftLogs: values['raft-logs'],
    bug: values.bug as InjectedBug | undefined,
  };
}

function integer(flag: string, text: string, min: number): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n) || n < min)
    throw new Error(`${flag} must be an integer >= ${min}, got '${text}'`);
  return n;
}

function summary(r: RaftSimulationResult, wallMs: number): string {
  const faults = Object.entries(r.faults)
    .map(([name, n]) => `${name}=${n}`)
    .join(' ');
  return (
    `seed ${r.seed} ok: voters [${r.voters}] observers [${r.observers}], ${r.events} events, ` +
    `${(r.virtualTimeMs / 1000).toFixed(1)} s virtual (chaos ${(r.chaosMs / 1000).toFixed(1)} s, converged ${(r.convergeMs / 1000).toFixed(1)} s after heal), ` +
    `${r.acked} appends acknowledged, ${r.committed} records committed, leader ${r.finalLeader} epoch ${r.finalEpoch} hw ${r.finalHighWatermark}; ` +
    `faults: ${faults || 'none'}; ${wallMs.toFixed(0)} ms wall`
  );
}

// Run when executed, not when imported by a test.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
