/** Running the built `gregor` executable as a child process, for the CLI's tests. */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const GREGOR = fileURLToPath(new URL('./main.js', import.meta.url));

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout as bytes. */
  raw: Buffer;
}

/** Runs `gregor ...args` to completion (killed after `timeoutMs`). */
export function gregor(
  args: readonly string[],
  options: { input?: string | Buffer; env?: Record<string, string>; timeoutMs?: number; binary?: boolean } = {},
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [GREGOR, ...args], {
      env: { ...process.env, GREGOR_BOOTSTRAP: '', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      const raw = Buffer.concat(out);
      resolve({ code, stdout: raw.toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), raw });
    });
    child.stdin.end(options.input ?? '');
  });
}

/**
 * Starts `gregor ...args` and leaves it running: for tests that signal it or close its
 * stdout. `done` resolves like {@link gregor} once it exits (killed after `timeoutMs`).
 */
export function spawnGregor(
  args: readonly string[],
  options: { env?: Record<string, string>; timeoutMs?: number } = {},
): { child: ChildProcessWithoutNullStreams; done: Promise<Run> } {
  const child = spawn(process.execPath, [GREGOR, ...args], {
    env: { ...process.env, GREGOR_BOOTSTRAP: '', ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (d: Buffer) => out.push(d));
  child.stderr.on('data', (d: Buffer) => err.push(d));
  child.stdin.end();
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
  const done = new Promise<Run>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      const raw = Buffer.concat(out);
      resolve({ code, stdout: raw.toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), raw });
    });
  });
  return { child, done };
}
