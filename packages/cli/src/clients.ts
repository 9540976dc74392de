/** Opening the client library's admin and producer for a command, and closing them after. */
import { Admin, AdminError, type ClientOptions, type KafkaError } from '@gregor/client';
import { bootstrapFrom, intFlag } from './command.js';
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

/** --timeout, or COMMAND_TIMEOUT_MS_DEFAULT. */
export function timeoutFrom(values: { timeout?: string | undefined }): number {
  return intFlag('timeout', values.timeout, 1) ?? COMMAND_TIMEOUT_MS_DEFAULT;
}

/** The per-item errors of a failed admin batch call; none for any other error. */
export function itemErrors(error: unknown): readonly KafkaError[] {
  return error instanceof AdminError ? error.errors : [];
}

/** A batch call's single failure, thrown as itself so its message is one sentence. */
export function unwrap(error: unknown): unknown {
  const errors = itemErrors(error);
  return errors.length === 1 ? errors[0] : error;
}
