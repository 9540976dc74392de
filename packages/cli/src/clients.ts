/** Opening the client library's admin and producer for a command, and closing them after. */
import { Admin, type ClientOptions } from '@gregor/client';
import { bootstrapFrom } from './command.js';
import { type Io, write } from './io.js';

/** Time a command waits for the cluster (retries included) unless --timeout says otherwise. */
export const COMMAND_TIMEOUT_MS_DEFAULT = 15_000;

export function clientOptions(
  flags: { 'bootstrap-server'?: string | undefined },
  io: Io,
  timeoutMs: number,
): ClientOptions {
  return {
    bootstrapServers: bootstrapFrom(flags['bootstrap-server'], io),
    clientId: 'gregor-cli',
    defaultApiTimeoutMs: timeoutMs,
    requestTimeoutMs: Math.min(30_000, timeoutMs),
    connectionTimeoutMs: Math.min(10_000, timeoutMs),
  };
}

/** Runs `fn` with an admin client that is always closed afterwards. */
export async function withAdmin<T>(options: ClientOptions, fn: (admin: Admin) => Promise<T>): Promise<T> {
  const admin = new Admin(options);
  try {
    return await fn(admin);
  } finally {
    await admin.close();
  }
}

/** Prints `data` as JSON (--json) or as the text `render` makes of it. */
export async function emit<T>(io: Io, json: boolean, data: T, render: (data: T) => string): Promise<void> {
  await write(io.stdout, json ? `${JSON.stringify(data, null, 2)}\n` : render(data));
}
