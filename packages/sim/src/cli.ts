/**
 * What the simulations' command lines share (main.ts for Raft, replication/main.ts for
 * partition replication): where they write, the checks on their flags, and the loop that
 * runs seeds and turns the failures into an exit status. Each entry keeps its own flags
 * and summary line.
 */

/** Where a CLI writes; the tests capture it. */
export interface Output {
  out(text: string): void;
  err(text: string): void;
}

export const STDIO: Output = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/** Which seeds to run: `seeds` of them from `seed`, or as many as fit in `forMs` of wall time. */
export interface SeedRange {
  seed: number;
  seeds: number;
  forMs: number | null;
}

/** `text` as a whole number of at least `min`; the error names the flag. */
export function integer(flag: string, text: string, min: number): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n) || n < min)
    throw new Error(`${flag} must be an integer >= ${min}, got '${text}'`);
  return n;
}

/** The first seed: `text` when given, else a random one (the summary line prints it). */
export function firstSeed(text: string | undefined): number {
  return text === undefined ? Math.floor(Math.random() * 1_000_000_000) : integer('--seed', text, 0);
}

/** `--bug`'s value checked against the bugs a simulation can inject (an `as const` object). */
export function injectedBug<B extends string>(
  text: string | undefined,
  bugs: Readonly<Record<string, B>>,
): B | undefined {
  if (text === undefined) return undefined;
  const names: readonly string[] = Object.values(bugs);
  if (!names.includes(text)) throw new Error(`unknown --bug ${text}; one of ${names.join(', ')}`);
  return text as B;
}

/** `name=count` pairs of a run's fault counters, for the summary line. */
export function faultCounts(faults: Readonly<Record<string, number>>): string {
  const text = Object.entries(faults)
    .map(([name, n]) => `${name}=${n}`)
    .join(' ');
  return text || 'none';
}

/**
 * Parses `argv` (bad usage: the message and `usage` on err, exit status 2), then runs
 * every seed of the range, each even when an earlier one failed; `runOne` resolves with
 * the seed's summary line or rejects with why it failed. Exit status 0 when every seed
 * passed, 1 otherwise, with the failed seeds listed at the end.
 */
export async function runSeeds<P extends SeedRange>(
  argv: readonly string[],
  io: Output,
  usage: string,
  parse: (argv: readonly string[]) => P,
  runOne: (seed: number, parsed: P) => Promise<string>,
): Promise<number> {
  let parsed: P;
  try {
    parsed = parse(argv);
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : String(error)}\n${usage}\n`);
    return 2;
  }
  const { seed, seeds, forMs } = parsed;
  const failed: number[] = [];
  const deadline = forMs === null ? null : performance.now() + forMs;
  let ran = 0;
  for (let s = seed; deadline === null ? s < seed + seeds : performance.now() < deadline; s++) {
    ran++;
    const started = performance.now();
    try {
      const line = await runOne(s, parsed);
      io.out(`${line}; ${(performance.now() - started).toFixed(0)} ms wall\n`);
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
