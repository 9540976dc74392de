/**
 * Runs kcat (librdkafka's command-line client) against a test broker: arguments in,
 * stdin bytes in, exit code and output out. Every run has a timeout after which kcat is
 * killed by its pid, so a broker that stops answering fails the test rather than hanging it.
 */
import { spawn } from 'node:child_process';

export const KCAT = process.env.GREGOR_KCAT ?? '/usr/bin/kcat';

export interface KcatResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: Buffer;
  stderr: string;
  timedOut: boolean;
}

export interface KcatOptions {
  input?: Buffer | string;
  timeoutMs?: number;
}

/** Runs `kcat -b <bootstrap> <args>` (quiet, no librdkafka log noise on success). */
export function kcat(bootstrap: string, args: readonly string[], opts: KcatOptions = {}): Promise<KcatResult> {
  const timeoutMs = opts.timeoutMs ?? 20_000;
  return new Promise((resolve, reject) => {
    const child = spawn(KCAT, ['-b', bootstrap, '-q', ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid !== undefined) process.kill(child.pid, 'SIGKILL');
    }, timeoutMs);
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.stdin.on('error', () => undefined);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8'), timedOut });
    });
    if (opts.input !== undefined) child.stdin.end(opts.input);
    else child.stdin.end();
  });
}

/** Like `kcat`, but fails with kcat's stderr unless it exits 0; returns stdout as text. */
export async function kcatOk(bootstrap: string, args: readonly string[], opts: KcatOptions = {}): Promise<string> {
  const r = await kcat(bootstrap, args, opts);
  if (r.code !== 0 || r.timedOut) {
    throw new Error(
      `kcat ${args.join(' ')} ${r.timedOut ? 'timed out' : `exited ${r.code ?? r.signal}`}:\n${r.stderr.slice(0, 4000)}`,
    );
  }
  return r.stdout.toString('utf8');
}
