import type { SeededRandom } from './random.js';
import { ProcessGate, type SimScheduler } from './scheduler.js';

/**
 * A simulated request/response network between numbered nodes (implements raft's
 * `RaftNetwork` per node through `SimEndpoint`; generic so that later whole-cluster
 * simulations can carry broker RPCs over it too).
 *
 * Each message (request or response) crosses a link on its own: it is lost with
 * `lossProbability`, otherwise it arrives after a delay drawn uniformly from
 * [minDelayMs, maxDelayMs], so independent delays reorder messages. A request may be
 * delivered twice (`duplicateProbability`; the second answer is ignored), as a
 * retransmitting network would. A message is dropped when, at sending or at arrival,
 * its two ends are in different partition groups, or its destination is down (no live
 * incarnation), or (for responses) the requester's incarnation has died. The sender
 * learns nothing of a drop: its request times out after `timeoutMs`, as over TCP when a
 * peer vanishes. One direction of a link can be cut alone. What arrives at a paused
 * process (see ProcessGate) waits until it resumes. All timing goes through the scheduler, all choices through the seeded
 * random, so a run is reproducible.
 */

export interface NetworkFaults {
  lossProbability: number;
  duplicateProbability: number;
  minDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_NETWORK_FAULTS: Readonly<NetworkFaults> = Object.freeze({
  lossProbability: 0,
  duplicateProbability: 0,
  minDelayMs: 1,
  maxDelayMs: 5,
});

export type RequestHandler<Req, Resp> = (from: number, request: Req) => Promise<Resp>;

/** Raised (as a rejection) when a request got no answer within its timeout. */
export class SimRequestTimeoutError extends Error {
  constructor(from: number, to: number, timeoutMs: number) {
    super(`request from node ${from} to node ${to} got no response within ${timeoutMs} ms`);
    this.name = 'SimRequestTimeoutError';
  }
}

export interface NetworkStats {
  sent: number;
  delivered: number;
  dropped: number;
  duplicated: number;
  timedOut: number;
  handlerErrors: number;
}

export interface SimNetworkOptions<Req, Resp> {
  /** Short labels for trace lines (e.g. `Fetch(offset=12, epoch=3)`). */
  describeRequest?: (request: Req) => string;
  describeResponse?: (response: Resp) => string;
}

export class SimNetwork<Req, Resp> {
  readonly #scheduler: SimScheduler;
  readonly #random: SeededRandom;
  readonly #options: SimNetworkOptions<Req, Resp>;
  readonly #live = new Map<number, SimEndpoint<Req, Resp>>();
  /** Partition group of each node listed in the current partition; unlisted nodes share group -1. */
  #groups = new Map<number, number>();
  readonly #oneWayCuts = new Set<string>();
  #faults: NetworkFaults = { ...DEFAULT_NETWORK_FAULTS };
  readonly stats: NetworkStats = { sent: 0, delivered: 0, dropped: 0, duplicated: 0, timedOut: 0, handlerErrors: 0 };
  /** Called when a handler rejects instead of answering (a bug in the node under test, by contract). */
  onHandlerError: ((node: number, error: unknown) => void) | null = null;

  constructor(scheduler: SimScheduler, random: SeededRandom, options: SimNetworkOptions<Req, Resp> = {}) {
    this.#scheduler = scheduler;
    this.#random = random;
    this.#options = options;
  }

  get faults(): Readonly<NetworkFaults> {
    return this.#faults;
  }

  setFaults(faults: Partial<NetworkFaults>): void {
    const next = { ...this.#faults, ...faults };
    if (next.minDelayMs < 0 || next.maxDelayMs < next.minDelayMs) {
      throw new RangeError(`delay bounds [${next.minDelayMs}, ${next.maxDelayMs}] are not valid`);
    }
    this.#faults = next;
    this.#scheduler.trace(
      `net faults loss=${next.lossProbability.toFixed(3)} dup=${next.duplicateProbability.toFixed(3)} delay=[${next.minDelayMs},${next.maxDelayMs}]`,
    );
  }

  /**
   * Splits the network: nodes in different groups cannot reach each other. Nodes not in
   * any group form one more group together.
   */
  partition(groups: readonly (readonly number[])[]): void {
    const map = new Map<number, number>();
    groups.forEach((group, index) => {
      for (const node of group) map.set(node, index);
    });
    this.#groups = map;
    this.#scheduler.trace(`net partition ${groups.map((g) => `[${g.join(',')}]`).join(' ')} [rest]`);
  }

  /**
   * Cuts one direction of one link: `from` can no longer reach `to`, while `to` still
   * reaches `from` (a half-broken link, the classic trap for failure detectors).
   */
  cutOneWay(from: number, to: number): void {
    this.#oneWayCuts.add(`${from}>${to}`);
    this.#scheduler.trace(`net cut ${from}->${to}`);
  }

  /** Removes every partition and every one-way cut. */
  heal(): void {
    this.#groups = new Map();
    this.#oneWayCuts.clear();
    this.#scheduler.trace('net heal');
  }

  /** Whether a message sent now from `from` would reach `to` (ignoring loss). */
  connected(from: number, to: number): boolean {
    return (
      (this.#groups.get(from) ?? -1) === (this.#groups.get(to) ?? -1) &&
      (this.#oneWayCuts.size === 0 || !this.#oneWayCuts.has(`${from}>${to}`))
    );
  }

  isUp(node: number): boolean {
    return this.#live.has(node);
  }

  /**
   * Brings a node incarnation up: requests to `node` go to `handler` until the returned
   * endpoint is killed. A node registered again replaces (kills) its previous incarnation.
   */
  register(node: number, handler: RequestHandler<Req, Resp>, gate?: ProcessGate): SimEndpoint<Req, Resp> {
    this.#live.get(node)?.kill();
    const endpoint = new SimEndpoint(this, node, handler, gate ?? new ProcessGate());
    this.#live.set(node, endpoint);
    this.#scheduler.trace(`net up ${node}`);
    return endpoint;
  }

  /** @internal called by SimEndpoint.kill */
  down(endpoint: SimEndpoint<Req, Resp>): void {
    if (this.#live.get(endpoint.node) === endpoint) {
      this.#live.delete(endpoint.node);
      this.#scheduler.trace(`net down ${endpoint.node}`);
    }
  }

  /** @internal */
  send(from: SimEndpoint<Req, Resp>, to: number, request: Req, timeoutMs: number): Promise<Resp> {
    // A dead incarnation is frozen: its promises never settle, so none of its code runs again.
    if (!from.alive) return new Promise<Resp>(() => {});
    return new Promise<Resp>((resolve, reject) => {
      let done = false;
      const timer = this.#scheduler.setTimeout(() => {
        if (done) return;
        done = true;
        this.stats.timedOut++;
        // Rejecting into a dead incarnation would run its code; leave it frozen instead.
        // A paused one learns of the timeout when it wakes.
        from.gate.run(() => {
          if (from.alive) reject(new SimRequestTimeoutError(from.node, to, timeoutMs));
        });
      }, timeoutMs);
      const answer = (response: Resp): void => {
        if (done) return;
        done = true;
        this.#scheduler.clearTimeout(timer);
        resolve(response);
      };
      // Labels are built only when someone reads the trace: most runs never do.
      const label = this.#scheduler.tracer === null ? '' : (this.#options.describeRequest?.(request) ?? 'request');
      const copies = this.#random.chance(this.#faults.duplicateProbability) ? 2 : 1;
      if (copies === 2) this.stats.duplicated++;
      for (let copy = 0; copy < copies; copy++) {
        this.stats.sent++;
        this.#transmit(from.node, to, `${from.node}->${to} ${label}`, () => {
          const target = this.#live.get(to);
          if (target === undefined || !target.accepting) return false;
          target.gate.run(() => {
            if (target.alive) this.#deliver(from, target, request, answer);
          });
          return true;
        });
      }
    });
  }

  #deliver(
    from: SimEndpoint<Req, Resp>,
    target: SimEndpoint<Req, Resp>,
    request: Req,
    answer: (r: Resp) => void,
  ): void {
    target.handler(from.node, request).then(
      (response) => {
        // A process that died while handling never sends its answer.
        if (!target.alive) return;
        const label = this.#scheduler.tracer === null ? '' : (this.#options.describeResponse?.(response) ?? 'response');
        this.stats.sent++;
        this.#transmit(target.node, from.node, `${target.node}->${from.node} ${label}`, () => {
          if (!from.alive) return false;
          from.gate.run(() => answer(response));
          return true;
        });
      },
      (error: unknown) => {
        this.stats.handlerErrors++;
        this.#scheduler.trace(`net handler error on ${target.node}: ${String(error)}`);
        if (target.alive) this.onHandlerError?.(target.node, error);
      },
    );
  }

  /** One message over one link: lost, or delivered after a random delay if the link still holds. */
  #transmit(from: number, to: number, label: string, arrive: () => boolean): void {
    if (!this.connected(from, to) || !this.#live.has(from)) {
      this.#drop(label, 'cut');
      return;
    }
    if (this.#random.chance(this.#faults.lossProbability)) {
      this.#drop(label, 'lost');
      return;
    }
    const delay = this.#random.between(this.#faults.minDelayMs, this.#faults.maxDelayMs);
    this.#scheduler.setTimeout(() => {
      // A partition that formed while the message was in flight still stops it.
      if (!this.connected(from, to)) {
        this.#drop(label, 'cut in flight');
        return;
      }
      if (!arrive()) {
        this.#drop(label, 'destination down');
        return;
      }
      this.stats.delivered++;
      this.#scheduler.trace(`deliver ${label}`);
    }, delay);
  }

  #drop(label: string, why: string): void {
    this.stats.dropped++;
    this.#scheduler.trace(`drop ${label} (${why})`);
  }
}

/** One node incarnation's view of the network: raft's `RaftNetwork` for that node. */
export class SimEndpoint<Req, Resp> {
  readonly #network: SimNetwork<Req, Resp>;
  readonly node: number;
  readonly handler: RequestHandler<Req, Resp>;
  /** Holds what arrives while the process is paused. */
  readonly gate: ProcessGate;
  #alive = true;
  /**
   * Whether requests are handed to the handler; a node still starting (reading its
   * durable state) can send but drops what it is sent, as a process not yet listening.
   */
  accepting = true;

  constructor(network: SimNetwork<Req, Resp>, node: number, handler: RequestHandler<Req, Resp>, gate: ProcessGate) {
    this.#network = network;
    this.node = node;
    this.handler = handler;
    this.gate = gate;
  }

  get alive(): boolean {
    return this.#alive;
  }

  send(destination: number, request: Req, timeoutMs: number): Promise<Resp> {
    return this.#network.send(this, destination, request, timeoutMs);
  }

  /** The process is gone: nothing reaches it, nothing it sent is answered. */
  kill(): void {
    if (!this.#alive) return;
    this.#alive = false;
    this.#network.down(this);
  }
}
