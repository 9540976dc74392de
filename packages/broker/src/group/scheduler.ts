/**
 * Time for the group coordinator: the clock it reads and the timers it sets (session
 * expiry, rebalance and sync timeouts, the initial rebalance delay, offset expiration).
 *
 * Injected so that the state machine runs under a fake clock in tests, as Kafka's
 * GroupMetadataManagerTest drives its MockCoordinatorTimer. The real one uses
 * `setTimeout`, unref'd so that a pending session timer never keeps a process alive.
 */

/** Cancels a scheduled task; a no-op once it ran or was cancelled. */
export type Cancel = () => void;

export interface Scheduler {
  /** Wall-clock milliseconds. */
  now(): number;
  /** Runs `task` once, `delayMs` from now (0 or less: on the next turn). */
  schedule(delayMs: number, task: () => void): Cancel;
}

/** setTimeout's limit; longer delays are waited out in steps. */
const TIMEOUT_MAX_MS = 2 ** 31 - 1;

function scheduleReal(delayMs: number, task: () => void): Cancel {
  let timer: NodeJS.Timeout | null = null;
  let cancelled = false;
  const arm = (remainingMs: number) => {
    const step = Math.max(0, Math.min(remainingMs, TIMEOUT_MAX_MS));
    timer = setTimeout(() => {
      if (cancelled) return;
      if (remainingMs > TIMEOUT_MAX_MS) arm(remainingMs - TIMEOUT_MAX_MS);
      else task();
    }, step);
    timer.unref();
  };
  arm(Number.isFinite(delayMs) ? delayMs : Number.MAX_SAFE_INTEGER);
  return () => {
    cancelled = true;
    if (timer !== null) clearTimeout(timer);
  };
}

export const systemScheduler: Scheduler = {
  now: () => Date.now(),
  schedule: scheduleReal,
};

interface FakeTask {
  at: number;
  seq: number;
  task: () => void;
  cancelled: boolean;
}

/**
 * A scheduler whose clock moves only when told: `advance(ms)` runs every task due in
 * that time, in deadline order (ties in scheduling order), each at its own time, tasks
 * scheduled by tasks included.
 */
export class FakeScheduler implements Scheduler {
  private time: number;
  private seq = 0;
  private tasks: FakeTask[] = [];

  constructor(startMs = 1_700_000_000_000) {
    this.time = startMs;
  }

  now(): number {
    return this.time;
  }

  schedule(delayMs: number, task: () => void): Cancel {
    const t: FakeTask = { at: this.time + Math.max(0, delayMs), seq: this.seq++, task, cancelled: false };
    this.tasks.push(t);
    return () => {
      t.cancelled = true;
    };
  }

  /** Tasks not yet run or cancelled. */
  get pending(): number {
    return this.tasks.filter((t) => !t.cancelled).length;
  }

  advance(ms: number): void {
    const until = this.time + ms;
    for (;;) {
      this.tasks = this.tasks.filter((t) => !t.cancelled);
      let next: FakeTask | null = null;
      for (const t of this.tasks) {
        if (t.at <= until && (next === null || t.at < next.at || (t.at === next.at && t.seq < next.seq))) next = t;
      }
      if (next === null) break;
      next.cancelled = true;
      this.time = Math.max(this.time, next.at);
      next.task();
    }
    this.time = until;
  }
}
