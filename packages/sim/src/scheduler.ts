/**
 * Virtual time for a simulation: a clock, timers and an event queue in one object
 * (implements raft's `Clock` and `Timers`).
 *
 * Events are ordered by (time, sequence): two events due at the same virtual time run in
 * the order they were scheduled, so the order never depends on anything but the seed.
 * `runUntil` takes one event at a time, advances the clock to it, runs it, and then
 * lets every promise continuation it caused settle before the next event. Settling
 * awaits a real `setImmediate`: Node runs it only after the microtask and nextTick
 * queues are empty, and since nothing in a simulation does real I/O or uses real
 * timers, nothing else can run in between. The whole run is then a pure function of
 * the seed (FoundationDB's and TigerBeetle's rule: one thread, one clock, one seed).
 */

/** Timer ids are plain numbers here; raft treats them as opaque. */
export type SimTimerId = number;

interface SimEvent {
  readonly time: number;
  readonly seq: number;
  readonly fn: () => void;
  cancelled: boolean;
}

export interface RunOptions {
  /** Stop before running any event due after this virtual time (the clock is then set to it). */
  until?: number;
  /** Checked before each event; the run stops when it returns true. */
  stop?: () => boolean;
  /** Called after each event once its continuations have settled (invariant checks); may throw. */
  afterEvent?: () => void;
  /** A bound on events run by this call, against runaway loops at one virtual instant. */
  maxEvents?: number;
}

export type RunResult = 'stopped' | 'time' | 'idle' | 'max-events';

export class SimScheduler {
  #now = 0;
  #seq = 0;
  readonly #heap: SimEvent[] = [];
  readonly #byId = new Map<number, SimEvent>();
  #eventsRun = 0;
  #failure: unknown = null;
  /** Receives trace lines (`time label`) when set; the CLI's --verbose and the determinism tests use it. */
  tracer: ((line: string) => void) | null = null;

  constructor(startTimeMs = 0) {
    this.#now = startTimeMs;
  }

  now(): number {
    return this.#now;
  }

  get eventsRun(): number {
    return this.#eventsRun;
  }

  /** Live (not cancelled) events still queued. */
  get pending(): number {
    return this.#byId.size;
  }

  setTimeout(fn: () => void, ms: number): SimTimerId {
    if (Number.isNaN(ms)) throw new RangeError('setTimeout with NaN delay');
    // Like Node's timers: a negative delay means "as soon as possible", never the past.
    const delay = ms > 0 ? ms : 0;
    const event: SimEvent = { time: this.#now + delay, seq: this.#seq++, fn, cancelled: false };
    heapPush(this.#heap, event);
    this.#byId.set(event.seq, event);
    return event.seq;
  }

  clearTimeout(id: SimTimerId): void {
    const event = this.#byId.get(id);
    if (event === undefined) return;
    event.cancelled = true;
    this.#byId.delete(id);
  }

  /** Runs `fn` at an absolute virtual time (now if it has passed). */
  at(timeMs: number, fn: () => void): SimTimerId {
    return this.setTimeout(fn, timeMs - this.#now);
  }

  /** Writes a trace line stamped with the virtual time, if tracing. */
  trace(message: string): void {
    if (this.tracer !== null) this.tracer(`${this.#now.toFixed(0).padStart(8)} ${message}`);
  }

  /**
   * Records an error raised outside an event's own call stack (a rejected continuation,
   * a failed invariant in a callback); the running `runUntil` throws it after the event.
   */
  fail(error: unknown): void {
    if (this.#failure === null) this.#failure = error;
  }

  /**
   * Runs `body` with every unhandled rejection in the process failing this run (an
   * unhandled rejection inside the code under test is a bug too; while a simulation
   * runs, nothing else in the process rejects), and stops listening when it settles.
   */
  async failOnUnhandledRejections<T>(describe: (reason: unknown) => string, body: () => Promise<T>): Promise<T> {
    const onUnhandled = (reason: unknown): void => this.fail(new Error(`unhandled rejection: ${describe(reason)}`));
    process.on('unhandledRejection', onUnhandled);
    try {
      return await body();
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  }

  /**
   * A set of timers that can be cancelled at once: one per node incarnation, killed with
   * it. With a gate, callbacks due while the process is paused run when it resumes.
   */
  scope(gate?: ProcessGate): TimerScope {
    return new TimerScope(this, gate ?? null);
  }

  /** Lets every continuation queued so far run (see the class doc). */
  settle(): Promise<void> {
    return new Promise((resolve) => setImmediate(resolve));
  }

  async runUntil(options: RunOptions): Promise<RunResult> {
    const until = options.until ?? Number.POSITIVE_INFINITY;
    const maxEvents = options.maxEvents ?? Number.POSITIVE_INFINITY;
    let run = 0;
    await this.settle();
    this.#throwFailure();
    for (;;) {
      if (options.stop?.() === true) return 'stopped';
      const next = this.#peek();
      if (next === undefined) {
        if (until !== Number.POSITIVE_INFINITY && until > this.#now) this.#now = until;
        return until === Number.POSITIVE_INFINITY ? 'idle' : 'time';
      }
      if (next.time > until) {
        if (until > this.#now) this.#now = until;
        return 'time';
      }
      if (run >= maxEvents) return 'max-events';
      heapPop(this.#heap);
      this.#byId.delete(next.seq);
      this.#now = next.time;
      run++;
      this.#eventsRun++;
      next.fn();
      await this.settle();
      this.#throwFailure();
      options.afterEvent?.();
    }
  }

  #peek(): SimEvent | undefined {
    const heap = this.#heap;
    while (heap.length > 0 && heap[0]!.cancelled) heapPop(heap);
    return heap[0];
  }

  #throwFailure(): void {
    if (this.#failure !== null) {
      const failure = this.#failure;
      this.#failure = null;
      throw failure;
    }
  }
}

/**
 * Timers of one node incarnation. A crashed process's timers must never fire again:
 * `kill()` cancels them all and ignores any set later by continuations still running.
 */
export class TimerScope {
  readonly #scheduler: SimScheduler;
  readonly #gate: ProcessGate | null;
  readonly #live = new Set<SimTimerId>();
  #killed = false;

  constructor(scheduler: SimScheduler, gate: ProcessGate | null = null) {
    this.#scheduler = scheduler;
    this.#gate = gate;
  }

  get killed(): boolean {
    return this.#killed;
  }

  setTimeout(fn: () => void, ms: number): SimTimerId {
    if (this.#killed) return -1;
    const id = this.#scheduler.setTimeout(() => {
      this.#live.delete(id);
      if (this.#gate === null) fn();
      else this.#gate.run(fn);
    }, ms);
    this.#live.add(id);
    return id;
  }

  clearTimeout(id: SimTimerId): void {
    if (this.#live.delete(id)) this.#scheduler.clearTimeout(id);
  }

  kill(): void {
    this.#killed = true;
    for (const id of this.#live) this.#scheduler.clearTimeout(id);
    this.#live.clear();
  }
}

/**
 * Everything that would run the code of one process goes through its gate. While the
 * process is paused (a stop-the-world GC pause, a frozen VM, SIGSTOP), that work is
 * queued: timers fire late and messages wait in the socket buffer. On resume it all runs
 * in the order it arrived, at once, as a process waking up finds it. The process itself
 * does not know it was paused, which is the point: a leader that slept through an
 * election wakes up still believing it leads.
 */
export class ProcessGate {
  #paused = false;
  #killed = false;
  #queue: (() => void)[] = [];

  get paused(): boolean {
    return this.#paused;
  }

  /** Runs `fn` now, or on resume if paused; never once killed. */
  run(fn: () => void): void {
    if (this.#killed) return;
    if (this.#paused) this.#queue.push(fn);
    else fn();
  }

  pause(): void {
    this.#paused = true;
  }

  resume(): void {
    if (!this.#paused || this.#killed) return;
    this.#paused = false;
    const queue = this.#queue;
    this.#queue = [];
    for (const fn of queue) fn();
  }

  /** The process is gone: queued work is dropped and nothing runs again. */
  kill(): void {
    this.#killed = true;
    this.#queue = [];
  }
}

// A binary min-heap on (time, seq): O(log n) per event, no allocation per comparison.
function before(a: SimEvent, b: SimEvent): boolean {
  return a.time < b.time || (a.time === b.time && a.seq < b.seq);
}

function heapPush(heap: SimEvent[], event: SimEvent): void {
  heap.push(event);
  let i = heap.length - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!before(heap[i]!, heap[parent]!)) break;
    const tmp = heap[i]!;
    heap[i] = heap[parent]!;
    heap[parent] = tmp;
    i = parent;
  }
}

function heapPop(heap: SimEvent[]): SimEvent | undefined {
  const top = heap[0];
  const last = heap.pop();
  if (top === undefined || last === undefined || heap.length === 0) return top;
  heap[0] = last;
  let i = 0;
  const n = heap.length;
  for (;;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let smallest = i;
    if (l < n && before(heap[l]!, heap[smallest]!)) smallest = l;
    if (r < n && before(heap[r]!, heap[smallest]!)) smallest = r;
    if (smallest === i) break;
    const tmp = heap[i]!;
    heap[i] = heap[smallest]!;
    heap[smallest] = tmp;
    i = smallest;
  }
  return top;
}
