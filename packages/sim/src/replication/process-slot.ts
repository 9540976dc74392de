import type { MemoryDisk } from '@gregor/storage';
import type { SimEndpoint, SimNetwork } from '../network.js';
import type { SeededRandom } from '../random.js';
import type { SimScheduler, TimerScope } from '../scheduler.js';
import { ProcessGate } from '../scheduler.js';
import type { SimRequest, SimResponse } from './cluster.js';
import type { IncarnationDisk } from './incarnation-disk.js';

/** What every process incarnation (broker or controller) owns and a crash freezes. */
export interface ProcessIncarnation {
  readonly n: number;
  readonly scope: TimerScope;
  readonly gate: ProcessGate;
  readonly endpoint: SimEndpoint<SimRequest, SimResponse>;
  readonly disk: IncarnationDisk;
  alive: boolean;
}

/** A simulated machine: its disk, which outlives its incarnations, and the one running (if any). */
export interface ProcessSlot<Inc extends ProcessIncarnation> {
  readonly id: number;
  readonly disk: MemoryDisk;
  incarnation: Inc | null;
}

/**
 * What every simulated process incarnation (broker or controller) owns and a crash
 * freezes: a gate (pauses), timers that die with it, and a network endpoint, which does
 * not accept requests until the process says it is ready. Requests go to
 * `handle(incarnation, ...)` once `bind` named the incarnation.
 */
export function startProcess<Inc>(
  scheduler: SimScheduler,
  network: SimNetwork<SimRequest, SimResponse>,
  id: number,
  handle: (inc: Inc, from: number, request: SimRequest) => Promise<SimResponse>,
): { gate: ProcessGate; scope: TimerScope; endpoint: SimEndpoint<SimRequest, SimResponse>; bind(inc: Inc): void } {
  const gate = new ProcessGate();
  const scope = scheduler.scope(gate);
  let bound: Inc | null = null;
  const endpoint = network.register(id, (from, request) => handle(bound as Inc, from, request), gate);
  endpoint.accepting = false;
  return {
    gate,
    scope,
    endpoint,
    bind(inc: Inc) {
      bound = inc;
    },
  };
}

/**
 * A crash of the running incarnation of `slot` (a `kind`, for the trace), if any: it is
 * frozen (its timers, gate, endpoint and disk), `checker` forgets it, and with
 * `powerLoss` the machine's unsynced bytes are lost too (a torn tail drawn from `random`).
 */
export function crashProcess<Inc extends ProcessIncarnation>(
  scheduler: SimScheduler,
  kind: string,
  slot: ProcessSlot<Inc>,
  checker: { forget(id: number, incarnation: number): void },
  random: SeededRandom,
  powerLoss: boolean,
  tornTail: boolean,
): void {
  const inc = slot.incarnation;
  if (inc === null) return;
  inc.alive = false;
  inc.scope.kill();
  inc.gate.kill();
  inc.endpoint.kill();
  inc.disk.freeze();
  checker.forget(slot.id, inc.n);
  slot.incarnation = null;
  if (powerLoss) slot.disk.crash(tornTail ? () => random.next() : undefined);
  scheduler.trace(`${kind} ${slot.id} ${powerLoss ? `loses power${tornTail ? ' (torn tail)' : ''}` : 'is killed'}`);
}

/** Resolves after `ms` of virtual time on `timers` (a process's scope: never, if it dies first). */
export function sleep(timers: { setTimeout(fn: () => void, ms: number): unknown }, ms: number): Promise<void> {
  return new Promise((resolve) => timers.setTimeout(resolve, ms));
}

/** An error for messages: its stack (which starts with its name and message) if it has one. */
export function describeError(e: unknown): string {
  if (e instanceof Error) return e.stack ?? `${e.name}: ${e.message}`;
  return String(e);
}
