/**
 * The controller quorum's faults in the replication scenario's chaos phase (one entry of
 * the weighted table in simulation.ts), the quorum's part of the heal, and its part of
 * liveness-after-heal.
 *
 * Crashes, graceful shutdowns and pauses take one controller down at a time: one is
 * injected only while all three run. Quorum loss comes from the network: a split that
 * leaves every controller alone, or an isolation (or a random split from the main table)
 * on top of a crash. The quorum must then just stall, and recover once the network heals.
 */
import type { SeededRandom } from '../random.js';
import type { SimScheduler } from '../scheduler.js';
import type { ReplicationCluster } from './cluster.js';
import type { SimController } from './controller-quorum.js';

export interface ControllerFaultContext {
  cluster: ReplicationCluster;
  scheduler: SimScheduler;
  random: SeededRandom;
  sessionTimeoutMs: number;
  /** Counts an injected fault by name (the run's summary). */
  count: (name: string) => void;
  /** True once the heal began: nothing is restarted by a fault's timer any more. */
  healing: () => boolean;
}

function restartLater(ctx: ControllerFaultContext, node: SimController, ms: number): void {
  ctx.scheduler.setTimeout(() => {
    if (!ctx.healing() && node.incarnation === null) ctx.cluster.quorum.start(node);
  }, ms);
}

/** Injects one controller fault, mostly at the active controller. */
export function injectControllerFault(ctx: ControllerFaultContext): void {
  const { cluster, random } = ctx;
  const quorum = cluster.quorum;
  const nodes = quorum.nodes;
  const allRunning = nodes.every((n) => n.running !== null);
  const activeId = quorum.activeId();
  const active = activeId === null ? null : quorum.node(activeId);
  const running = nodes.filter((n) => n.running !== null);
  const kind = random.int(5);
  if (kind === 0) {
    if (!allRunning) return;
    const target = active !== null && random.chance(0.6) ? active : random.pick(running);
    const powerLoss = random.chance(0.7);
    const torn = powerLoss && random.chance(0.5);
    ctx.count(target === active ? 'crash-active-controller' : 'crash-controller');
    quorum.crash(target, powerLoss, torn);
    restartLater(ctx, target, random.between(100, 5000));
  } else if (kind === 1) {
    if (active === null) return;
    // Alone, or with some brokers (which then still reach it and nothing else).
    const brokers = random.chance(0.5)
      ? []
      : random.shuffle(cluster.brokers.map((b) => b.id)).slice(0, random.between(1, cluster.brokers.length - 1));
    ctx.count(brokers.length === 0 ? 'isolate-active-controller' : 'isolate-active-controller-with-brokers');
    cluster.network.partition([[active.id, ...brokers]]);
  } else if (kind === 2) {
    if (!allRunning || active === null) return;
    if (quorum.pause(active, random.between(100, ctx.sessionTimeoutMs * 2))) ctx.count('pause-active-controller');
  } else if (kind === 4) {
    // No majority anywhere: every controller alone. The quorum stalls (no controller is
    // active, nobody is fenced) until a heal, then elects and goes on.
    ctx.count('split-controller-quorum');
    cluster.network.partition(nodes.map((n) => [n.id]));
  } else {
    if (!allRunning || active === null) return;
    ctx.count('resign-active-controller');
    const node = active;
    quorum.shutDown(node).then(
      () => restartLater(ctx, node, random.between(50, 1000)),
      (e: unknown) => ctx.scheduler.fail(e),
    );
  }
}

/** The heal: every controller that is down starts again (a shutdown under way finishes first). */
export function restartControllers(cluster: ReplicationCluster, scheduler: SimScheduler): void {
  for (const node of cluster.quorum.nodes) {
    const wait = (): void => {
      if (node.incarnation === null) cluster.quorum.start(node);
      else if (node.incarnation.closing) scheduler.setTimeout(wait, 10);
    };
    wait();
  }
}

/**
 * Null once the quorum settled after the heal: every controller running at the newest
 * image offset, one active controller that every controller names, and every broker
 * sending its controller requests to it.
 */
export function controllerConvergence(cluster: ReplicationCluster): string | null {
  const quorum = cluster.quorum.convergence();
  if (quorum !== null) return quorum;
  const active = cluster.quorum.activeId();
  for (const b of cluster.brokers) {
    const current = b.incarnation?.controllers.current;
    if (current !== undefined && current !== active)
      return `broker ${b.id} believes controller ${current} active, not ${active}`;
  }
  return null;
}
