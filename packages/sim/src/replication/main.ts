/**
 * The replication simulation's command line (a separate entry: the Raft CLI's
 * packages/sim/dist/main.js takes only the `raft` scenario).
 *
 *   node packages/sim/dist/replication/main.js --seed 123 [--seeds N] [--verbose] [--bug NAME]
 *
 * --seed S     first seed (default: a random one, printed)
 * --seeds N    run seeds S, S+1, ..., S+N-1 (default 1); failures are listed at the end
 * --verbose    print every event of the run (messages, faults, controller decisions, acks, broker logs)
 * --bug NAME   inject a bug the checker must catch (skip-truncation, ack-before-hw)
 *
 * Exit status 0 when every seed passed, 1 on a failure (its seed and replay command are printed), 2 on bad usage.
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ReplicationBug } from './cluster.js';
import { type ReplicationSimulationResult, runReplicationSimulation } from './simulation.js';

const USAGE =
  'usage: node packages/sim/dist/replication/main.js [--seed S] [--seeds N] [--verbose] [--bug skip-truncation|ack-before-hw]';

export interface Output {
  out(text: string): void;
  err(text: string): void;
}

const STDIO: Output = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

export async function main(argv: readonly string[], io: Output = STDIO): Promise<number> {
  let parsed: { seed: number; seeds: number; verbose: boolean; bug: ReplicationBug | undefined };
  try {
    parsed = parse(argv);
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
    return 2;
  }
  const { seed, seeds, verbose, bug } = parsed;
  const failed: number[] = [];
  for (let s = seed; s < seed + seeds; s++) {
    const started = performance.now();
    try {
      const result = await runReplicationSimulation({
        seed: s,
        ...(verbose ? { tracer: (line: string) => io.out(`${line}\n`) } : {}),
        ...(bug === undefined ? {} : { bug }),
      });
      io.out(`${summary(result, performance.now() - started)}\n`);
    } catch (error) {
      failed.push(s);
      io.err(`${error instanceof Error ? error.message : String(error)}\n`);
    }
  }
  if (failed.length > 0) {
    io.err(`${failed.length} of ${seeds} seeds failed: ${failed.join(' ')}\n`);
    return 1;
  }
  return 0;
}

function parse(argv: readonly string[]): {
  seed: number;
  seeds: number;
  verbose: boolean;
  bug: ReplicationBug | undefined;
} {
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
  const seed =
    values.seed === undefined ? Math.floor(Math.random() * 1_000_000_000) : integer('--seed', values.seed, 0);
  const seeds = values.seeds === undefined ? 1 : integer('--seeds', values.seeds, 1);
  const bugs: readonly string[] = Object.values(ReplicationBug);
  if (values.bug !== undefined && !bugs.includes(values.bug))
    throw new Error(`unknown --bug ${values.bug}; one of ${bugs.join(', ')}`);
  return { seed, seeds, verbose: values.verbose, bug: values.bug as ReplicationBug | undefined };
}

function integer(flag: string, text: string, min: number): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n) || n < min)
    throw new Error(`${flag} must be an integer >= ${min}, got '${text}'`);
  return n;
}

function summary(r: ReplicationSimulationResult, wallMs: number): string {
  const faults = Object.entries(r.faults)
    .map(([name, n]) => `${name}=${n}`)
    .join(' ');
  return (
    `seed ${r.seed} ok: ${r.brokers} brokers, ${r.partitions} partitions, ${r.durable ? 'durable' : 'page-cache'} logs, ` +
    `${r.events} events, ${(r.virtualTimeMs / 1000).toFixed(1)} s virtual (chaos ${(r.chaosMs / 1000).toFixed(1)} s, ` +
    `converged ${(r.convergeMs / 1000).toFixed(1)} s after heal), ${r.acked} batches acknowledged, ${r.committed} offsets committed, ` +
    `${r.leaderChanges} leader changes; faults: ${faults || 'none'}; ${wallMs.toFixed(0)} ms wall`
  );
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
