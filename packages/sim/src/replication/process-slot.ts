import type { SimEndpoint, SimNetwork } from '../network.js';
import type { SimScheduler, TimerScope } from '../scheduler.js';
import { ProcessGate } from '../scheduler.js';
import type { SimRequest, SimResponse } from './cluster.js';

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
