/**
 * Small helpers shared by the end-to-end tests: unique topic names, seeded random
 * payloads (so a failure can be replayed), bounded polling.
 */
import type { KafkaRecord } from '@gregor/protocol';

let topicCounter = 0;

/** A topic name no other test in this process uses. */
export function uniqueTopic(prefix: string): string {
  topicCounter++;
  return `${prefix}-${process.pid}-${topicCounter}`;
}

/** A small deterministic PRNG (mulberry32): tests print their seed, the seed replays them. */
export class SeededRandom {
  private state: number;

  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  bytes(n: number): Buffer {
    const out = Buffer.allocUnsafe(n);
    for (let i = 0; i < n; i++) out[i] = Math.floor(this.next() * 256);
    return out;
  }
}

export function seedFromEnv(): number {
  const fromEnv = Number(process.env.GREGOR_TEST_SEED);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : Math.floor(Math.random() * 0x7fffffff) + 1;
}

/** Polls `check` every `intervalMs` until it returns true or `timeoutMs` passes. */
export async function waitFor(
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs = 5000,
  intervalMs = 20,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

export function text(b: Buffer | null): string | null {
  return b === null ? null : b.toString('utf8');
}

/** A record as plain, comparable data. */
export function plain(r: KafkaRecord): {
  offset: number;
  key: string | null;
  value: string | null;
  headers: [string, string | null][];
} {
  return {
    offset: r.offset,
    key: text(r.key),
    value: text(r.value),
    headers: r.headers.map((h) => [h.key, text(h.value)]),
  };
}
