/**
 * What a command reads and writes: the process's streams in production, buffers in
 * tests. Commands never call process.exit; they resolve with an exit code.
 */
import type { Readable, Writable } from 'node:stream';

/** Exit codes scripts can rely on. */
export const ExitCode = {
  /** Done. */
  OK: 0,
  /** The operation failed: a Kafka error, an unreachable broker, an unreadable file. */
  FAILED: 1,
  /** Bad usage: an unknown command or flag, a missing or malformed value. */
  USAGE: 2,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export interface Io {
  readonly stdout: Writable & { isTTY?: boolean; columns?: number };
  readonly stderr: Writable;
  readonly stdin: Readable;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** A problem with the command line: printed with the command's usage, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** A failure to report as one sentence (no stack trace), exit code 1. */
export class CommandError extends Error {
  override name = 'CommandError';
}

/**
 * The reader of stdout went away (EPIPE: `gregor consume T | head -1`): not a failure,
 * the command just stops, quietly, with exit code 0.
 */
export class OutputClosedError extends Error {
  override name = 'OutputClosedError';
}

/**
 * Writes `text` and waits until the stream has taken it (so large outputs keep order).
 * Rejects with OutputClosedError once the stream has failed or been closed, instead of
 * waiting for a 'drain' that never comes.
 */
export function write(stream: Writable, text: string | Buffer): Promise<void> {
  if (stream.destroyed || stream.writableEnded) return Promise.reject(new OutputClosedError('output closed'));
  if (stream.write(text)) return Promise.resolve();
  if (stream.destroyed) return Promise.reject(new OutputClosedError('output closed'));
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => {
      stream.off('drain', onDrain);
      stream.off('close', onClose);
      stream.off('error', onError);
      reject(new OutputClosedError(error.message));
    };
    const onClose = (): void => onError(new Error('output closed'));
    const onDrain = (): void => {
      stream.off('error', onError);
      stream.off('close', onClose);
      resolve();
    };
    stream.once('error', onError);
    stream.once('close', onClose);
    stream.once('drain', onDrain);
  });
}

/**
 * Renders rows as an aligned text table with a header line. Cells are strings already;
 * numbers are right-aligned when every cell of their column looks numeric.
 */
export function table(columns: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = columns.map((c, i) => Math.max(c.length, ...rows.map((r) => (r[i] ?? '').length)));
  const numeric = columns.map((_, i) => rows.length > 0 && rows.every((r) => /^-?\d[\d,.]*$/.test(r[i] ?? '')));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, i) => (numeric[i] === true ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return `${[line(columns), ...rows.map(line)].join('\n')}\n`;
}
