import type { ElectionState, QuorumStateStore, RaftResponse } from '@gregor/raft';
import { Invariant, InvariantViolation } from './invariants.js';
import { DEFAULT_NETWORK_FAULTS } from './network.js';
import { describeError, RaftCluster, type SimRaftNode } from './raft-cluster.js';
import { SeededRandom } from './random.js';
import { SimScheduler } from './scheduler.js';

/**
 * One seeded run of a Raft quorum under faults (Kafka's RaftEventSimulationTest, in the
 * style of FoundationDB's simulation and TigerBeetle's VOPR):
 *
 * 1. The seed picks the cluster (3 or 5 voters, 1 or 2 observers), the workload rate, the
 *    length of the chaos phase and how often faults strike.
 * 2. Chaos: a workload appends unique values (`n:<seq>`) to whichever node leads, while
 *    faults are injected: message loss, duplication and delay, partitions (random splits
 *    and isolating the leader, one-way link cuts), process pauses (a leader sleeping
 *    through an election), crashes of one or several nodes at once (power loss: the
 *    unflushed log tail is lost; flushes take time) and their restarts, graceful
 *    closes, and snapshots the state machines ask for. The seed also varies fetch sizes
 *    (down to 200 bytes: replication and snapshot transfer in many rounds) and linger.
 *    Now and then the workload also sends appends that must be refused (a stale epoch,
 *    a follower or an observer).
 * 3. Heal: every fault is removed, every node restarted or resumed. Within a bounded
 *    virtual time a leader must be elected, a final append acknowledged, and every node,
 *    voters and observers, must apply it, reach the same high watermark and agree on
 *    the leader.
 *
 * The invariants (see invariants.ts) are checked after every event (Log Matching every
 * few hundred), and at the end every acknowledged append must be in every node's state
 * machine at its offset and the leader's DescribeQuorum answer must be consistent.
 */

/** Bugs the checker must catch, to prove it is not vacuous. */
export const InjectedBug = {
  /** The quorum-state store forgets everything: a restarted node's epoch goes back. */
  AMNESIAC_QUORUM_STATE: 'amnesiac-quorum-state',
  /** Every Vote response is turned into a granted vote: elections lose their safety. */
  GRANT_EVERY_VOTE: 'grant-every-vote',
  /** flush() makes nothing durable: a crash of a majority loses acknowledged appends. */
  FLUSH_IS_A_LIE: 'flush-is-a-lie',
} as const;
export type InjectedBug = (typeof InjectedBug)[keyof typeof InjectedBug];

export interface RaftSimulationOptions {
  seed: number;
  /** Receives every trace line (virtual time, event). */
  tracer?: (line: string) => void;
  /** Include raft's own log lines in the trace. */
  raftLogs?: boolean;
  bug?: InjectedBug;
}

export interface RaftSimulationResult {
  seed: number;
  voters: number[];
  observers: number[];
  chaosMs: number;
  /** Virtual time from heal to a converged cluster. */
  convergeMs: number;
  virtualTimeMs: number;
  events: number;
  acked: number;
  committed: number;
  faults: Record<string, number>;
  finalLeader: number;
  finalEpoch: number;
  finalHighWatermark: number;
}

/** Virtual time after the heal within which the cluster must converge. */
export const LIVENESS_BOUND_MS = 60_000;
/** Bounds a run, whatever happens. */
const MAX_EVENTS = 3_000_000;
/** Far more than any instant of a healthy run holds (a few dozen); a loop at one instant fails fast. */
const MAX_EVENTS_PER_INSTANT = 10_000;
const LOG_CHECK_EVERY_EVENTS = 250;
/** Timeouts a third of Kafka's (request timeout still above the fetch long poll, as RaftNode requires). */
export const FAST_TIMING = {
  electionTimeoutMs: 300,
  fetchTimeoutMs: 600,
  electionBackoffMaxMs: 300,
  requestTimeoutMs: 600,
  fetchMaxWaitMs: 150,
  retryBackoffMs: 10,
} as const;
/** The workload stops adding appends to a node that has this many in flight (a partitioned leader). */
const MAX_PENDING_APPENDS = 64;

export function replayCommand(seed: number): string {
  return `GREGOR_SIM_SEED=${seed} node --test packages/sim/dist/raft-simulation.test.js`;
}

export function traceCommand(seed: number): string {
  return `node packages/sim/dist/main.js raft --seed ${seed} --verbose`;
}

/** A failed run: the message names the seed and how to replay it. */
export class SimulationFailure extends Error {
  readonly seed: number;
  readonly virtualTimeMs: number;
  readonly invariant: string | null;

  constructor(seed: number, virtualTimeMs: number, cause: unknown) {
    super(
      `raft simulation failed for seed ${seed} at virtual time ${virtualTimeMs} ms: ${describeError(cause)}\n` +
        `  replay: ${replayCommand(seed)}\n` +
        `  trace:  ${traceCommand(seed)}`,
      { cause },
    );
    this.name = 'SimulationFailure';
    this.seed = seed;
    this.virtualTimeMs = virtualTimeMs;
    this.invariant = cause instanceof InvariantViolation ? cause.invariant : null;
  }
}

export async function runRaftSimulation(options: RaftSimulationOptions): Promise<RaftSimulationResult> {
  const scheduler = new SimScheduler();
  scheduler.tracer = options.tracer ?? null;
  try {
    return await scheduler.failOnUnhandledRejections(describeError, () => simulate(options, scheduler));
  } catch (error) {
    throw new SimulationFailure(options.seed, scheduler.now(), error);
  }
}

async function simulate(options: RaftSimulationOptions, scheduler: SimScheduler): Promise<RaftSimulationResult> {
  const { seed } = options;
  const random = new SeededRandom(seed);
  const voterCount = random.pick([3, 5]);
  const observerCount = random.between(1, 2);
  const voters = Array.from({ length: voterCount }, (_, i) => i + 1);
  const observers = Array.from({ length: observerCount }, (_, i) => voterCount + i + 1);
  const all = [...voters, ...observers];
  const chaosMs = random.between(10_000, 30_000);
  const appendMeanMs = random.between(10, 100);
  const faultMeanMs = random.between(300, 3_000);
  const maxFlushMs = random.pick([0, 1, 5, 20, 50]);
  // Small fetches make replication and snapshot transfer take many rounds (FetchSnapshot in chunks).
  const fetchMaxBytes = random.pick([8 * 1024 * 1024, 64 * 1024, 1024, 200]);
  const appendLingerMs = random.pick([0, 5, 25]);
  // Kafka's timeouts mostly; sometimes much shorter ones, so elections and check-quorum
  // race with message delays of the same size.
  const timing = random.chance(0.25) ? FAST_TIMING : {};
  scheduler.trace(
    `seed ${seed}: voters [${voters}] observers [${observers}] chaos ${chaosMs} ms, append every ~${appendMeanMs} ms, fault every ~${faultMeanMs} ms, flush up to ${maxFlushMs} ms, fetchMaxBytes ${fetchMaxBytes}, linger ${appendLingerMs} ms${timing === FAST_TIMING ? ', fast timeouts' : ''}`,
  );

  const cluster = new RaftCluster({
    scheduler,
    random: random.fork(),
    voters,
    observers,
    maxFlushMs,
    config: { fetchMaxBytes, appendLingerMs, ...timing },
    ...(options.raftLogs === true ? { raftLogs: true } : {}),
    ...bugHooks(options.bug),
  });
  const faults: Record<string, number> = {};
  const count = (fault: string): void => {
    faults[fault] = (faults[fault] ?? 0) + 1;
  };

  for (const id of all) cluster.start(id);

  // The workload: appends to the node that believes it leads.
  let seq = 0;
  let workload = true;
  const workloadRandom = random.fork();
  const appendTick = (): void => {
    if (!workload) return;
    const leader = cluster.leader();
    if (leader !== null && leader.pendingAppends < MAX_PENDING_APPENDS) {
      const n = workloadRandom.between(1, 3);
      const values = Array.from({ length: n }, () => `n:${seq++}`);
      cluster.append(leader, values, leader.raft!.leaderAndEpoch().epoch);
    }
    // Now and then a client with stale knowledge: appends that must be refused.
    if (workloadRandom.chance(0.03)) {
      const epoch = leader?.running?.leaderAndEpoch().epoch ?? 0;
      if (leader !== null && epoch > 1) {
        cluster.appendMustFail(leader, [`stale:${seq++}`], epoch - 1, 'an epoch that is over');
      }
      const followers = all
        .map((id) => cluster.node(id))
        .filter((n) => n.running !== null && (n.running.role() === 'follower' || !n.voter));
      if (followers.length > 0) {
        const follower = workloadRandom.pick(followers);
        const role = follower.voter ? 'a follower' : 'an observer';
        cluster.appendMustFail(follower, [`stale:${seq++}`], follower.raft!.leaderAndEpoch().epoch, role);
      }
    }
    scheduler.setTimeout(appendTick, workloadRandom.between(1, 2 * appendMeanMs));
  };
  scheduler.setTimeout(appendTick, workloadRandom.between(1, appendMeanMs));

  // The faults.
  const faultRandom = random.fork();
  const restarts = new Set<number>();
  let healing = false;
  const restartLater = (id: number): void => {
    const timer = scheduler.setTimeout(
      () => {
        restarts.delete(timer);
        if (cluster.node(id).status === 'down') cluster.start(id);
      },
      faultRandom.between(50, 5_000),
    );
    restarts.add(timer);
  };
  const upNodes = (): SimRaftNode[] => all.map((id) => cluster.node(id)).filter((n) => n.running !== null);
  const someUpNode = (preferLeader: boolean): SimRaftNode | null => {
    const leader = cluster.leader();
    if (preferLeader && leader !== null) return leader;
    const up = upNodes();
    return up.length === 0 ? null : faultRandom.pick(up);
  };
  const faultActions: [weight: number, name: string, act: () => void][] = [
    [
      2,
      'loss',
      () => cluster.network.setFaults({ lossProbability: faultRandom.pick([0, 0, 0.01, 0.05, 0.1, 0.2, 0.4]) }),
    ],
    [
      2,
      'delay',
      () => {
        const [minDelayMs, maxDelayMs] = faultRandom.pick([
          [1, 5],
          [1, 50],
          [5, 200],
          [50, 800],
          [1, 2_500],
        ] as const);
        cluster.network.setFaults({ minDelayMs, maxDelayMs });
      },
    ],
    [1, 'duplicate', () => cluster.network.setFaults({ duplicateProbability: faultRandom.pick([0, 0.05, 0.2]) })],
    [
      2,
      'partition',
      () => {
        const shuffled = faultRandom.shuffle([...all]);
        const cut = faultRandom.between(1, shuffled.length - 1);
        cluster.network.partition([shuffled.slice(0, cut), shuffled.slice(cut)]);
      },
    ],
    [
      2,
      'isolate-leader',
      () => {
        const leader = cluster.leader();
        if (leader === null) return;
        // Sometimes with a minority companion, so the isolated side is more than one node.
        const companion = faultRandom.chance(0.3) ? faultRandom.pick(all.filter((id) => id !== leader.id)) : null;
        cluster.network.partition([companion === null ? [leader.id] : [leader.id, companion]]);
      },
    ],
    [
      1,
      'one-way-cut',
      () => {
        // Often around the leader: it hears its followers but they do not hear it, or the reverse.
        const leader = cluster.leader();
        const from = leader !== null && faultRandom.chance(0.5) ? leader.id : faultRandom.pick(all);
        const to = faultRandom.pick(all.filter((id) => id !== from));
        if (faultRandom.chance(0.5)) cluster.network.cutOneWay(from, to);
        else cluster.network.cutOneWay(to, from);
      },
    ],
    [2, 'heal-network', () => cluster.network.heal()],
    [
      2,
      'crash',
      () => {
        const node = someUpNode(faultRandom.chance(0.5));
        if (node === null) return;
        cluster.crash(node.id);
        restartLater(node.id);
      },
    ],
    [
      1,
      'crash-many',
      () => {
        const victims = faultRandom.shuffle(all.filter((id) => cluster.node(id).status !== 'down'));
        for (const id of victims.slice(0, faultRandom.between(2, Math.max(2, victims.length)))) {
          cluster.crash(id);
          restartLater(id);
        }
      },
    ],
    [
      1,
      'pause',
      () => {
        const node = someUpNode(faultRandom.chance(0.6));
        if (node !== null) cluster.pause(node.id, faultRandom.between(100, 6_000));
      },
    ],
    [
      1,
      'close',
      () => {
        const node = someUpNode(faultRandom.chance(0.6));
        if (node === null) return;
        cluster.close(node.id, () => {
          if (healing) cluster.start(node.id);
          else restartLater(node.id);
        });
      },
    ],
    [
      3,
      'snapshot',
      () => {
        const node = someUpNode(false);
        if (node !== null) cluster.snapshot(node.id);
      },
    ],
  ];
  const totalWeight = faultActions.reduce((sum, [w]) => sum + w, 0);
  const faultTick = (): void => {
    if (healing) return;
    let roll = faultRandom.int(totalWeight);
    for (const [weight, name, act] of faultActions) {
      roll -= weight;
      if (roll < 0) {
        count(name);
        scheduler.trace(`fault ${name}`);
        act();
        break;
      }
    }
    scheduler.setTimeout(faultTick, faultRandom.between(1, 2 * faultMeanMs));
  };
  scheduler.setTimeout(faultTick, faultRandom.between(1, faultMeanMs));

  // Log Matching compares whole logs: every few hundred events and at the end is enough.
  let sinceLogCheck = 0;
  // A livelock at one virtual instant (a zero-delay timer loop) would never reach MAX_EVENTS quickly.
  let instant = -1;
  let eventsAtInstant = 0;
  const afterEvent = (): void => {
    if (scheduler.now() !== instant) {
      instant = scheduler.now();
      eventsAtInstant = 0;
    } else if (++eventsAtInstant > MAX_EVENTS_PER_INSTANT) {
      throw new Error(`virtual time stuck at ${instant} ms: ${MAX_EVENTS_PER_INSTANT} events without it advancing`);
    }
    cluster.observeAll();
    if (++sinceLogCheck >= LOG_CHECK_EVERY_EVENTS) {
      sinceLogCheck = 0;
      cluster.checkLogMatching();
    }
  };
  const chaos = await scheduler.runUntil({ until: chaosMs, afterEvent, maxEvents: MAX_EVENTS });
  if (chaos === 'max-events') throw new Error(`no progress in virtual time after ${MAX_EVENTS} events`);

  // Heal: no more faults, no more workload; everything restarts.
  healing = true;
  workload = false;
  scheduler.trace('heal');
  for (const timer of restarts) scheduler.clearTimeout(timer);
  restarts.clear();
  cluster.network.heal();
  cluster.network.setFaults({ ...DEFAULT_NETWORK_FAULTS });
  for (const id of all) {
    const node = cluster.node(id);
    if (node.status === 'down') cluster.start(id);
    else if (node.gate?.paused === true) node.gate.resume();
  }
  const healedAt = scheduler.now();

  // Liveness: a leader all agree on, a final append acknowledged, applied everywhere.
  // (An object, not a `let`, so that the narrowing of the closures' writes stays honest.)
  const final: { value: string | null; offset: number | null; attempts: number } = {
    value: null,
    offset: null,
    attempts: 0,
  };
  const converged = (): boolean => {
    const nodes = all.map((id) => cluster.node(id));
    if (nodes.some((n) => n.running === null)) return false;
    if (final.value === null) {
      const leader = cluster.leader();
      if (leader === null) return false;
      const { epoch } = leader.raft!.leaderAndEpoch();
      for (const n of nodes) {
        const view = n.raft!.leaderAndEpoch();
        if (view.leaderId !== leader.id || view.epoch !== epoch) return false;
      }
      const value = `final:${final.attempts++}`;
      final.value = value;
      cluster.append(
        leader,
        [value],
        epoch,
        (offset) => {
          if (final.value === value) final.offset = offset;
        },
        () => {
          // Leadership moved before it was acknowledged: try again with the next leader.
          if (final.value === value) final.value = null;
        },
      );
      return false;
    }
    const { value, offset } = final;
    if (offset === null) return false;
    // Everyone has applied the final append, reports the same high watermark, and agrees
    // on who leads now (leadership may have moved since: a voter that was cut off returns
    // with a higher epoch, as there is no pre-vote).
    const leader = cluster.leader();
    if (leader === null) return false;
    const { epoch } = leader.raft!.leaderAndEpoch();
    const hw = leader.raft!.highWatermark();
    for (const n of nodes) {
      if (n.state.entries.get(offset) !== value) return false;
      if (n.raft!.highWatermark() !== hw) return false;
      const view = n.raft!.leaderAndEpoch();
      if (view.leaderId !== leader.id || view.epoch !== epoch) return false;
    }
    return true;
  };
  const heal = await scheduler.runUntil({
    until: healedAt + LIVENESS_BOUND_MS,
    stop: converged,
    afterEvent,
    maxEvents: MAX_EVENTS,
  });
  if (heal !== 'stopped') {
    const append =
      final.value === null ? 'none in flight' : `${final.value} at ${final.offset ?? 'no acknowledgement yet'}`;
    throw new InvariantViolation(
      Invariant.LIVENESS,
      `not converged ${LIVENESS_BOUND_MS} ms after the heal (${heal}): ${describeCluster(cluster)}; final append: ${append} (attempt ${final.attempts})`,
    );
  }
  for (const id of all) cluster.invariants.checkAllAcknowledged(id, cluster.node(id).state.entries);
  cluster.checkLogMatching();
  cluster.checkDescribeQuorum(cluster.leader()!);

  const leader = cluster.leader()!;
  scheduler.trace(`converged: ${describeCluster(cluster)}`);
  return {
    seed,
    voters,
    observers,
    chaosMs,
    convergeMs: scheduler.now() - healedAt,
    virtualTimeMs: scheduler.now(),
    events: scheduler.eventsRun,
    acked: cluster.invariants.ackedCount,
    committed: cluster.invariants.committedCount,
    faults,
    finalLeader: leader.id,
    finalEpoch: leader.raft!.leaderAndEpoch().epoch,
    finalHighWatermark: leader.raft!.highWatermark(),
  };
}

function describeCluster(cluster: RaftCluster): string {
  const parts: string[] = [];
  for (const node of cluster.nodes.values()) {
    const raft = node.running;
    if (raft === null) {
      parts.push(`${node.id}: ${node.status}`);
      continue;
    }
    const { leaderId, epoch } = raft.leaderAndEpoch();
    parts.push(
      `${node.id}: ${raft.role()} epoch ${epoch} leader ${leaderId ?? 'none'} hw ${raft.highWatermark()} log end ${node.log.endOffset().offset} applied ${node.state.appliedEnd}`,
    );
  }
  return parts.join('; ');
}

function bugHooks(bug: InjectedBug | undefined): {
  wrapStore?: (node: number, store: QuorumStateStore) => QuorumStateStore;
  tamperResponse?: (from: number, response: RaftResponse) => RaftResponse;
  flushLies?: boolean;
} {
  switch (bug) {
    case undefined:
      return {};
    case InjectedBug.AMNESIAC_QUORUM_STATE:
      return { wrapStore: () => new AmnesiacStore() };
    case InjectedBug.FLUSH_IS_A_LIE:
      return { flushLies: true };
    case InjectedBug.GRANT_EVERY_VOTE:
      return {
        tamperResponse: (_from, response) =>
          response.kind === 'vote' ? { ...response, errorCode: 0, voteGranted: true } : response,
      };
  }
}

/** A quorum-state "file" that is never written: every start reads nothing. */
class AmnesiacStore implements QuorumStateStore {
  async read(): Promise<ElectionState | null> {
    return null;
  }

  async write(_state: ElectionState): Promise<void> {}
}
