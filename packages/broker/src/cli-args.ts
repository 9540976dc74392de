/** Command-line arguments of gregor-broker (see main.ts). */

export const USAGE = `Usage: gregor-broker [server.properties] [--config FILE] [--override NAME=VALUE]... [--data-dir DIR] [--port PORT]`;

export class UsageError extends Error {}

export interface Arguments {
  file: string | undefined;
  overrides: Record<string, string>;
}

export function parseArguments(argv: readonly string[], env: Record<string, string | undefined>): Arguments {
  let file = env.GREGOR_CONFIG;
  const overrides: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${arg} needs a value`);
      return v;
    };
    if (arg === '--help' || arg === '-h') throw new UsageError('');
    else if (arg === '--config') file = value();
    else if (arg === '--override') {
      const kv = value();
      const eq = kv.indexOf('=');
      if (eq <= 0) throw new UsageError(`--override expects NAME=VALUE, got ${JSON.stringify(kv)}`);
      overrides[kv.slice(0, eq).trim()] = kv.slice(eq + 1).trim();
    } else if (arg === '--data-dir') overrides['log.dirs'] = value();
    else if (arg === '--port') {
      const port = value();
      if (!/^\d+$/.test(port) || Number(port) > 65535)
        throw new UsageError(`--port expects a port number, got ${JSON.stringify(port)}`);
      overrides.listeners = `PLAINTEXT://:${port}`;
    } else if (!arg.startsWith('-') && file === env.GREGOR_CONFIG) file = arg;
    else throw new UsageError(`unknown argument ${JSON.stringify(arg)}`);
  }
  return { file, overrides };
}
