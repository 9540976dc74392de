/**
 * The replication scenario: one seed picks the cluster (3-5 brokers, 1-4 partitions of
 * RF 3, min.insync.replicas 2, durable or page-cache logs, segment size, timeouts), the
 * workload (1-3 acks=-1 producers) and the faults of a chaos phase (10-20 s virtual):
 * crashes (power loss, with a torn tail sometimes, under durable logs; kill -9 keeping
 * the page cache otherwise), clean restarts, a leader isolated (alone, or still reaching
 * the controllers, or with the producers), random splits, message loss, duplication and
 * delay, and the controller quorum's faults (controller-faults.ts: crash, isolation,
 * pause or resignation of the active controller, a split leaving no majority). Then
 * everything heals, a final batch is produced to every partition and the cluster must
 * converge within LIVENESS_BOUND_MS. Invariants: see checker.ts and controller-checker.ts.
 */

import { FAST_TIMING } from '../raft-simulation.js';
import { SeededRandom } from '../random.js';
import { SimScheduler } from '../scheduler.js';
import { ReplicationChecker, ReplicationInvariant, ReplicationInvariantViolation } from './checker.js';
import type { ClusterConfig, ReplicationBug, SimBroker } from './cluster.js';
import { CONTROLLER_IDS, ReplicationCluster, TOPIC } from './cluster.js';
import { controllerConvergence, injectControllerFault, restartControllers } from './controller-faults.js';
import { describeError } from './process-slot.js';
import type { TransactionStats } from './transactions.js';
import { TransactionScenario } from './transactions.js';

/** Virtual time the cluster gets after the heal to elect, re-form every ISR and converge. */
export const LIVENESS_BOUND_MS = 60_000;
/** Against runaway loops at one virtual instant. */
const MAX_EVENTS = 3_000_000;
const FIRST_PRODUCER = 100;
const FINAL_PRODUCER = 99;
/** The share of the fault table that goes to the controller quorum (controller-faults.ts). */
const CONTROLLER_FAULT_SHARE = 0.14;

export interface ReplicationSimulationOptions {
  seed: number;
  tracer?: (line: string) => void;
  bug?: ReplicationBug;
  /** Overrides the chaos phase length the seed picks (tests of the checker). */
  chaosMs?: number;
}

export interface ReplicationSimulationResult {
  seed: number;
  brokers: number;
  partitions: number;
  durable: boolean;
  events: number;
  virtualTimeMs: number;
  chaosMs: number;
  convergeMs: number;
  acked: number;
  committed: number;
  leaderChanges: number;
  faults: Record<string, number>;
  /** Transactions run (committed / aborted) and records the read_committed consumer delivered. */
  transactions: TransactionStats;
}

export function replayCommand(seed: number): string {
  return `GREGOR_SIM_SEED=${seed} node --test packages/sim/dist/replication/replication-simulation.test.js`;
}

export function traceCommand(seed: number): string {
  return `node packages/sim/dist/replication/main.js --seed ${seed} --verbose`;
}

/** A failed run: names the seed, the virtual time, the invariant and how to replay it. */
export class ReplicationSimulationFailure extends Error {
  readonly seed: number;
  readonly virtualTimeMs: number;
  readonly invariant: string | null;

  constructor(seed: number, virtualTimeMs: number, cause: unknown) {
    super(
      `replication simulation failed for seed ${seed} at virtual time ${virtualTimeMs} ms: ${
        cause instanceof ReplicationInvariantViolation ? cause.message : describeError(cause)
      }\n  replay: ${replayCommand(seed)}\n  trace:  ${traceCommand(seed)}`,
      { cause },
    );
    this.name = 'ReplicationSimulationFailure';
    this.seed = seed;
    this.virtualTimeMs = virtualTimeMs;
    this.invariant = cause instanceof ReplicationInvariantViolation ? cause.invariant : null;
  }
}

function pickConfig(random: SeededRandom, bug: ReplicationBug | null): ClusterConfig {
  const sessionTimeoutMs = random.pick([1500, 2000, 3000]);
  return {
    brokers: random.between(3, 5),
    partitions: random.between(1, 4),
    durable: random.chance(0.7),
    segmentBytes: random.pick([2048, 16_384, 1 << 30]),
    replication: {
      replicaLagTimeMaxMs: random.pick([1000, 3000, 10_000]),
      replicaFetchWaitMaxMs: random.pick([50, 200, 500]),
      replicaFetchBackoffMs: random.pick([50, 200, 1000]),
      replicaSocketTimeoutMs: random.pick([1000, 3000]),
      replicaFetchMaxBytes: random.pick([512, 1 << 20]),
      alterPartitionRetryBackoffMs: 100,
    },
    heartbeatIntervalMs: Math.floor(sessionTimeoutMs / 4),
    sessionTimeoutMs,
    metadataPollMs: random.pick([20, 100, 300]),
    produceTimeoutMs: random.pick([1000, 3000]),
    retryBackoffMs: 100,
    quorum: {
      // The Raft simulation's timing: a third of Kafka's (request timeout above the fetch long poll).
      raft: { ...FAST_TIMING, appendLingerMs: random.pick([1, 5, 25]) },
      // Small bounds make snapshots (and followers loading them) part of most runs.
      snapshotMaxBytes: random.pick([1024, 8192, 1 << 20]),
      segmentBytes: random.pick([4096, 1 << 30]),
    },
    diskOpDelayMs: random.pick([0, 2, 20]),
    bug,
  };
}

export async function runReplicationSimulation(
  options: ReplicationSimulationOptions,
): Promise<ReplicationSimulationResult> {
  const scheduler = new SimScheduler();
  scheduler.tracer = options.tracer ?? null;
  try {
    return await scheduler.failOnUnhandledRejections(describeError, () => run(options, scheduler));
  } catch (error) {
    if (error instanceof ReplicationSimulationFailure) throw error;
    throw new ReplicationSimulationFailure(options.seed, scheduler.now(), error);
  }
}

async function run(
  options: ReplicationSimulationOptions,
  scheduler: SimScheduler,
): Promise<ReplicationSimulationResult> {
  const random = new SeededRandom(options.seed);
  const config = pickConfig(random.fork(), options.bug ?? null);
  const faultRandom = random.fork();
  const workloadRandom = random.fork();
  const checker = new ReplicationChecker();
  const cluster = new ReplicationCluster(scheduler, random.fork(), config, checker);
  const txns = new TransactionScenario(scheduler, cluster, checker, random.fork());
  const chaosMs = options.chaosMs ?? faultRandom.between(10_000, 20_000);
  const faults: Record<string, number> = {};
  const count = (name: string) => {
    faults[name] = (faults[name] ?? 0) + 1;
  };
  scheduler.trace(
    `seed ${options.seed}: ${config.brokers} brokers, ${config.partitions} partitions, ${config.durable ? 'durable' : 'page-cache'} logs, ` +
      `segment ${config.segmentBytes} B, session ${config.sessionTimeoutMs} ms, replication ${JSON.stringify(config.replication)}`,
  );

  // The run loop: one event at a time, then what it set off settles (the log writes on
  // a later turn), then the invariants.
  let eventsAtCheck = 0;
  const check = async (): Promise<void> => {
    for (const b of cluster.brokers) {
      const inc = b.incarnation;
      if (inc === null || inc.rm === null || inc.closing) continue;
      for (const p of inc.rm.all()) {
        const cursor = checker.observeReplica(b.id, inc.n, p);
        if (checker.needsScan(cursor, p)) await checker.scan(b.id, cursor, p);
      }
    }
    txns.check(false);
    if (scheduler.eventsRun - eventsAtCheck > 5000) {
      eventsAtCheck = scheduler.eventsRun;
      checker.checkAcknowledged(false);
    }
  };
  const runUntil = async (until: number, stop: () => boolean = () => false): Promise<boolean> => {
    for (;;) {
      if (stop()) return true;
      if (scheduler.eventsRun > MAX_EVENTS) throw new Error(`more than ${MAX_EVENTS} events: a runaway loop`);
      const r = await scheduler.runUntil({ until, maxEvents: 1 });
      await scheduler.settle();
      await check();
      if (r !== 'max-events') return stop();
    }
  };

  // Bootstrap: every broker registered and unfenced, then the topic, then every replica open.
  for (const b of cluster.brokers) cluster.start(b);
  const allUnfenced = () =>
    cluster.brokers.every((b) => {
      const r = cluster.latestImage.brokers.get(b.id);
      return r !== undefined && !r.fenced;
    });
  if (!(await runUntil(scheduler.now() + 30_000, allUnfenced))) throw new Error('the brokers never all registered');
  // Committed on virtual time: the scheduler must run for it.
  cluster.createTopic().catch((e: unknown) => scheduler.fail(e));
  const allHosted = () => {
    const topic = cluster.latestImage.topicsByName.get(TOPIC);
    if (topic === undefined) return false;
    return topic.partitions.every(
      (p) =>
        p === undefined ||
        p.replicas.every((id) => {
          const part = cluster.brokers[id - 1]?.incarnation?.rm?.get(TOPIC, p.partitionId);
          return part !== undefined && (part.isLeader || p.leader !== id);
        }),
    );
  };
  if (!(await runUntil(scheduler.now() + 30_000, allHosted))) throw new Error('the replicas never all opened');

  // Chaos: the workload and the faults.
  const chaosStart = scheduler.now();
  const chaosEnd = chaosStart + chaosMs;
  const producers = faultRandom.between(1, 3);
  for (let i = 0; i < producers; i++) {
    const r = workloadRandom.fork();
    const gap = workloadRandom.pick([5, 20, 100]);
    cluster.startProducer(FIRST_PRODUCER + i, r, () => r.between(0, gap), workloadRandom.chance(0.5));
  }
  txns.start();
  const faultRate = faultRandom.pick([500, 1500, 3000]);
  let healing = false;
  const restartLater = (b: SimBroker, ms: number) => {
    scheduler.setTimeout(() => {
      if (!healing && b.incarnation === null) cluster.start(b);
    }, ms);
  };
  const leaders = (): number[] => {
    const topic = cluster.latestImage.topicsByName.get(TOPIC);
    return [...new Set((topic?.partitions ?? []).map((p) => p?.leader ?? -1).filter((l) => l >= 0))];
  };
  const fault = (): void => {
    if (healing) return;
    const up = cluster.brokers.filter((b) => b.incarnation !== null);
    // The controller quorum's faults take the first CONTROLLER_FAULT_SHARE of the table
    // (controller-faults.ts); the broker and network faults below keep their proportions.
    const draw = faultRandom.next();
    if (draw < CONTROLLER_FAULT_SHARE) {
      injectControllerFault({
        cluster,
        scheduler,
        random: faultRandom,
        sessionTimeoutMs: config.sessionTimeoutMs,
        count,
        healing: () => healing,
      });
      return;
    }
    const roll = (draw - CONTROLLER_FAULT_SHARE) / (1 - CONTROLLER_FAULT_SHARE);
    if (roll < 0.22 && up.length > 0) {
      const leaderIds = leaders();
      const candidates = faultRandom.chance(0.6) ? up.filter((b) => leaderIds.includes(b.id)) : up;
      const b = faultRandom.pick(candidates.length > 0 ? candidates : up);
      const powerLoss = config.durable;
      const torn = powerLoss && faultRandom.chance(0.5);
      count(powerLoss ? 'power-loss' : 'kill');
      cluster.crash(b, powerLoss, torn);
      restartLater(b, faultRandom.between(100, 5000));
    } else if (roll < 0.3 && up.length > 0) {
      // A stop-the-world pause (GC, frozen VM): timers and messages wait, then all run at once.
      const leaderIds = leaders();
      const candidates = up.filter((b) => leaderIds.includes(b.id));
      const b = faultRandom.pick(candidates.length > 0 ? candidates : up);
      const inc = b.incarnation;
      if (inc === null || inc.gate.paused) return;
      count('pause');
      scheduler.trace(`broker ${b.id} pauses`);
      inc.gate.pause();
      scheduler.setTimeout(
        () => {
          scheduler.trace(`broker ${b.id} resumes`);
          inc.gate.resume();
        },
        faultRandom.between(100, config.sessionTimeoutMs * 2),
      );
    } else if (roll < 0.36 && up.length > 0) {
      const b = faultRandom.pick(up);
      count('clean-restart');
      const stopping = cluster.stopCleanly(b, config.sessionTimeoutMs * 2);
      stopping.then(
        () => restartLater(b, faultRandom.between(50, 1000)),
        (e: unknown) => scheduler.fail(e),
      );
    } else if (roll < 0.5) {
      const leaderIds = leaders();
      if (leaderIds.length === 0) return;
      const leader = faultRandom.pick(leaderIds);
      const kind = faultRandom.int(3);
      count(['isolate-leader', 'isolate-leader-keep-controller', 'isolate-leader-with-producers'][kind] as string);
      const group = kind === 0 ? [leader] : kind === 1 ? [leader, ...CONTROLLER_IDS] : [leader, ...cluster.producerIds];
      cluster.network.partition([group]);
    } else if (roll < 0.56) {
      // Half a link: one side still hears the other (a follower's fetches reach the
      // leader but not the answers; a leader hears the controller but cannot reach it...).
      const nodes = [...CONTROLLER_IDS, ...cluster.brokers.map((b) => b.id)];
      const from = faultRandom.pick(nodes);
      const to = faultRandom.pick(nodes.filter((n) => n !== from));
      count('one-way-cut');
      cluster.network.cutOneWay(from, to);
    } else if (roll < 0.64) {
      count('random-split');
      const nodes = faultRandom.shuffle([
        ...CONTROLLER_IDS,
        ...cluster.brokers.map((b) => b.id),
        ...cluster.producerIds,
      ]);
      const cut = faultRandom.between(1, nodes.length - 1);
      cluster.network.partition([nodes.slice(0, cut)]);
    } else if (roll < 0.81) {
      count('network-faults');
      cluster.network.setFaults({
        lossProbability: faultRandom.pick([0, 0.01, 0.05, 0.2]),
        duplicateProbability: faultRandom.pick([0, 0.01, 0.05]),
        minDelayMs: 1,
        maxDelayMs: faultRandom.pick([5, 50, 300, 1500]),
      });
    } else {
      count('heal');
      cluster.network.heal();
      cluster.network.setFaults({ lossProbability: 0, duplicateProbability: 0, minDelayMs: 1, maxDelayMs: 5 });
    }
  };
  const scheduleFault = (): void => {
    scheduler.setTimeout(
      () => {
        fault();
        if (!healing) scheduleFault();
      },
      faultRandom.between(faultRate / 2, faultRate * 2),
    );
  };
  scheduleFault();
  await runUntil(chaosEnd);

  // Heal: no more faults, every broker up, the workload stops; then one batch per
  // partition must be acknowledged and every replica converge.
  healing = true;
  const healedAt = scheduler.now();
  scheduler.trace('heal: network healed, every broker restarted, producers stopped');
  cluster.network.heal();
  cluster.network.setFaults({ lossProbability: 0, duplicateProbability: 0, minDelayMs: 1, maxDelayMs: 5 });
  cluster.stopProducers();
  txns.stop();
  restartControllers(cluster, scheduler);
  for (const b of cluster.brokers) {
    const inc = b.incarnation;
    if (inc === null) cluster.start(b);
    else if (inc.closing || inc.wantShutDown) {
      // A clean stop still running: let it finish, then start again.
      const wait = () => {
        if (b.incarnation === null) cluster.start(b);
        else scheduler.setTimeout(wait, 10);
      };
      scheduler.setTimeout(wait, 10);
    }
  }
  cluster.addProducer(FINAL_PRODUCER);
  let finalAcked = 0;
  for (let p = 0; p < config.partitions; p++) {
    void cluster
      .produce(FINAL_PRODUCER, p, [`final-${p}`], () => false)
      .then(() => {
        finalAcked++;
      });
  }
  const converged = (): boolean =>
    finalAcked === config.partitions && convergence(cluster) === null && txns.unfinished() === null;
  if (!(await runUntil(healedAt + LIVENESS_BOUND_MS, converged))) {
    throw new ReplicationInvariantViolation(
      ReplicationInvariant.LIVENESS_AFTER_HEAL,
      `not converged ${LIVENESS_BOUND_MS} ms after the heal: ${
        finalAcked < config.partitions ? `${finalAcked} of ${config.partitions} final batches acknowledged; ` : ''
      }${convergence(cluster) ?? txns.unfinished() ?? 'every replica in step'}`,
    );
  }
  const convergeMs = scheduler.now() - healedAt;

  // Final: every replica's whole log below its high watermark against the committed
  // history, which every replica must hold entirely; every acknowledged record in it.
  for (const b of cluster.brokers) {
    const inc = b.incarnation;
    if (inc === null || inc.rm === null) continue;
    for (const p of inc.rm.all()) {
      const tp = `${p.topic}-${p.partition}`;
      const cursor = {
        leaderEpoch: p.leaderEpoch,
        highWatermark: p.highWatermark,
        highWatermarkEpoch: p.leaderEpoch,
        scanned: p.logStartOffset,
      };
      await checker.scan(b.id, cursor, p);
      const end = checker.committedEndOf(tp);
      if (p.highWatermark < end)
        throw new ReplicationInvariantViolation(
          ReplicationInvariant.COMMITTED_DATA_AGREES,
          `broker ${b.id} converged on ${tp} with high watermark ${p.highWatermark}, below the committed end ${end}: committed records were lost`,
        );
    }
  }
  checker.checkAcknowledged(true);
  txns.check(true);
  let committed = 0;
  for (let p = 0; p < config.partitions; p++) committed += checker.committedEndOf(`${TOPIC}-${p}`);
  return {
    seed: options.seed,
    brokers: config.brokers,
    partitions: config.partitions,
    durable: config.durable,
    events: scheduler.eventsRun,
    virtualTimeMs: scheduler.now(),
    chaosMs,
    convergeMs,
    acked: checker.acked.length,
    committed,
    leaderChanges: cluster.leaderChanges,
    faults,
    transactions: txns.stats,
  };
}

/** Null once the cluster converged, else what is still out of step. */
function convergence(cluster: ReplicationCluster): string | null {
  const quorum = controllerConvergence(cluster);
  if (quorum !== null) return quorum;
  const image = cluster.latestImage;
  for (const b of cluster.brokers) {
    const inc = b.incarnation;
    if (inc === null || inc.rm === null) return `broker ${b.id} is not running`;
    const reg = image.brokers.get(b.id);
    if (reg === undefined || reg.fenced) return `broker ${b.id} is fenced`;
    if (inc.appliedOffset !== image.offset)
      return `broker ${b.id} applied metadata up to ${inc.appliedOffset}, the controller is at ${image.offset}`;
  }
  const topic = image.topicsByName.get(TOPIC);
  if (topic === undefined) return 'no topic';
  for (const p of topic.partitions) {
    if (p === undefined) continue;
    const tp = `${TOPIC}-${p.partitionId}`;
    if (p.leader < 0) return `${tp} has no leader`;
    const isr = [...p.isr].sort((a, b) => a - b).join(',');
    const replicas = [...p.replicas].sort((a, b) => a - b).join(',');
    if (isr !== replicas) {
      const outside = p.replicas.filter((id) => !p.isr.includes(id));
      const states = outside.map((id) => {
        const r = cluster.brokers[id - 1]?.incarnation?.rm?.get(TOPIC, p.partitionId);
        return r === undefined
          ? `broker ${id} not open`
          : `broker ${id} log end ${r.logEndOffset}, latest epoch in its cache ${r.log.epochCache.latestEpoch()}`;
      });
      const leader = cluster.brokers[p.leader - 1]?.incarnation?.rm?.get(TOPIC, p.partitionId);
      return `${tp} ISR [${isr}], replicas [${replicas}]: ${states.join('; ')}; leader ${p.leader} (epoch ${p.leaderEpoch}) log end ${leader?.logEndOffset}`;
    }
    const leader = cluster.brokers[p.leader - 1]?.incarnation?.rm?.get(TOPIC, p.partitionId);
    if (leader === undefined || !leader.isLeader || leader.leaderEpoch !== p.leaderEpoch)
      return `${tp}: broker ${p.leader} does not lead epoch ${p.leaderEpoch} yet`;
    const end = leader.logEndOffset;
    for (const id of p.replicas) {
      const r = cluster.brokers[id - 1]?.incarnation?.rm?.get(TOPIC, p.partitionId);
      if (r === undefined) return `${tp} is not open on broker ${id}`;
      if (r.leaderEpoch !== p.leaderEpoch) return `${tp} on broker ${id} is at leader epoch ${r.leaderEpoch}`;
      if (r.logEndOffset !== end || r.log.writtenOffset !== end || r.highWatermark !== end)
        return `${tp} on broker ${id}: log end ${r.logEndOffset}, written ${r.log.writtenOffset}, high watermark ${r.highWatermark}; leader's log end ${end}`;
    }
  }
  return null;
}
