/** The shape of one `gregor` subcommand and the flag parsing they share. */
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { type Io, UsageError } from './io.js';

export interface Command {
  /** The words after `gregor`, e.g. `topics list`. */
  readonly name: string;
  readonly summary: string;
  /** Full help text: usage line, description, flags. */
  readonly help: string;
  run(argv: readonly string[], io: Io): Promise<number>;
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** Flags every command that talks to a broker takes. */
export const CONNECTION_FLAGS = {
  'bootstrap-server': { type: 'string', short: 'b' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Options;

export const CONNECTION_HELP = `  -b, --bootstrap-server HOST:PORT  the broker to connect to (default: $GREGOR_BOOTSTRAP, else localhost:9092)
      --json                        print JSON instead of a table
  -h, --help                        this help`;

/** Parses flags strictly: unknown flags and missing values are usage errors. */
export function parseFlags<O extends Options>(
  argv: readonly string[],
  options: O,
): { values: Record<string, string | boolean | (string | boolean)[] | undefined>; positionals: string[] } & ReturnType<
  typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>
> {
  // A negative number after a flag that takes a value is that value (--shift-by -3),
  // which parseArgs would otherwise reject as an ambiguous option.
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const next = argv[i + 1];
    const name = arg.startsWith('--')
      ? arg.slice(2)
      : Object.keys(options).find((k) => arg.length === 2 && options[k]?.short === arg.slice(1));
    if (name !== undefined && options[name]?.type === 'string' && next !== undefined && /^-\d/.test(next)) {
      args.push(`--${name}=${next}`);
      i++;
    } else args.push(arg);
  }
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/^TypeError \[[A-Z_]+\]: /, ''));
  }
}

/** The bootstrap address from --bootstrap-server, GREGOR_BOOTSTRAP, or localhost:9092. */
export function bootstrapFrom(flag: string | undefined, io: Io): string {
  return flag ?? io.env.GREGOR_BOOTSTRAP ?? 'localhost:9092';
}

/** Parses an integer flag value, naming the flag on error. */
export function intFlag(name: string, value: string | undefined, min = Number.MIN_SAFE_INTEGER): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^-?\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min) {
    throw new UsageError(
      `--${name} expects an integer${min > Number.MIN_SAFE_INTEGER ? ` >= ${min}` : ''}, got '${value}'`,
    );
  }
  return n;
}

/** Parses NAME=VALUE pairs (repeated --config flags, or arguments), naming `what` on error. */
export function configPairs(pairs: readonly string[] | undefined, what = '--config'): Record<string, string> {
  const configs: Record<string, string> = {};
  for (const pair of pairs ?? []) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError(`${what} expects NAME=VALUE, got '${pair}'`);
    configs[pair.slice(0, eq).trim()] = pair.slice(eq + 1);
  }
  return configs;
}
