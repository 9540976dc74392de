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

/** Writes `text` and waits until the stream has taken it (so large outputs keep order). */
export function write(stream: Writable, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (stream.write(text)) resolve();
    else {
      stream.once('drain', resolve);
      stream.once('error', reject);
    }
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
