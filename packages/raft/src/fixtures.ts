/**
 * A small deterministic harness for the raft tests: virtual time (clock + timers run in
 * order of due time), a seeded Random, and an in-process network with latency, down
 * nodes and cut links. Nothing here touches the real clock.
 */

import { MemoryReplicatedLog } from './memory-log.js';
import { MemoryQuorumStateStore } from './quorum-state.js';
import { RaftNode } from './raft-node.js';
import type {
  Clock,
  CommittedBatch,
  OffsetAndEpoch,
  RaftConfig,
  RaftListener,
  RaftNetwork,
  RaftRequest,
  RaftResponse,
  Random,
  TimerId,
  Timers,
} from './types.js';
import { DEFAULT_RAFT_CONFIG } from './types.js';

/** Lets every pending promise chain run (in-memory I/O resolves in microtasks). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

export class VirtualTime implements Clock, Timers {
  private nowMs = 0;
  private seq = 0;
  private readonly pending = new Map<number, { at: number; fn: () => void }>();

  now(): number {
    return this.nowMs;
  }

  /** Timers armed so far (tests bound how busy an idle node is). */
  get armed(): number {
    return this.seq;
  }

  setTimeout(fn: () => void, ms: number): TimerId {
    const id = ++this.seq;
    this.pending.set(id, { at: this.nowMs + Math.max(0, ms), fn });
    return id;
  }

  clearTimeout(id: TimerId): void {
    this.pending.delete(id as number);
  }

  /** Runs the earliest timer due at or before `limit`; false when there is none. */
  private async runNext(limit: number): Promise<boolean> {
    let bestId = -1;
    let bestAt = Number.POSITIVE_INFINITY;
    for (const [id, t] of this.pending) {
      if (t.at < bestAt || (t.at === bestAt && id < bestId)) {
        bestAt = t.at;
        bestId = id;
      }
    }
    if (bestId === -1 || bestAt > limit) return false;
    const timer = this.pending.get(bestId)!;
    this.pending.delete(bestId);
    this.nowMs = Math.max(this.nowMs, timer.at);
    timer.fn();
    await settle();
    return true;
  }

  async advance(ms: number): Promise<void> {
    const target = this.nowMs + ms;
    await settle();
    while (await this.runNext(target));
    this.nowMs = target;
    await settle();
  }

  /** Runs timers until `done()` holds; throws after `maxMs` of virtual time. */
  async runUntil(done: () => boolean, maxMs = 60_000): Promise<void> {
    const end = this.nowMs + maxMs;
    await settle();
    while (!done()) {
      if (!(await this.runNext(end))) throw new Error(`condition not reached within ${maxMs} ms of virtual time`);
    }
  }
}

/** mulberry32: small, seeded, good enough for timeouts. */
export class SeededRandom implements Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
}

export class DirectNetwork {
  readonly handlers = new Map<number, (from: number, request: RaftRequest) => Promise<RaftResponse>>();
  private readonly cut = new Set<string>();
  latencyMs = 1;
  /** With a Random: each message takes latencyMs + [0, jitterMs) and is lost with dropRate. */
  jitterMs = 0;
  dropRate = 0;
  chaos: Random | null = null;
  /** Every request sent, for assertions. */
  readonly sent: { from: number; to: number; request: RaftRequest }[] = [];

  constructor(private readonly time: VirtualTime) {}

  /** Cuts (or restores) both directions between a and b. */
  partition(a: number, b: number, cut = true): void {
    for (const key of [`${a}-${b}`, `${b}-${a}`]) {
      if (cut) this.cut.add(key);
      else this.cut.delete(key);
    }
  }

  /** Isolates `id` from every other node (or heals it). */
  isolate(id: number, others: readonly number[], cut = true): void {
    for (const o of others) if (o !== id) this.partition(id, o, cut);
  }

  private reachable(from: number, to: number): boolean {
    return !this.cut.has(`${from}-${to}`) && this.handlers.has(to) && this.handlers.has(from);
  }

  endpoint(from: number): RaftNetwork {
    return {
      send: (to, request, timeoutMs) =>
        new Promise<RaftResponse>((resolve, reject) => {
          this.sent.push({ from, to, request });
          let done = false;
          const timeout = this.time.setTimeout(() => {
            if (done) return;
            done = true;
            reject(new Error(`${request.kind} to ${to} timed out`));
          }, timeoutMs);
          const delay = () =>
            this.latencyMs + (this.chaos === null ? 0 : Math.floor(this.chaos.next() * this.jitterMs));
          const lost = () => this.chaos !== null && this.chaos.next() < this.dropRate;
          if (lost()) return; // the sender times out
          this.time.setTimeout(() => {
            const handler = this.handlers.get(to);
            if (!this.reachable(from, to) || handler === undefined) return; // lost: the sender times out
            handler(from, request).then(
              (response) =>
                lost()
                  ? undefined
                  : this.time.setTimeout(() => {
                      if (done || !this.reachable(to, from)) return;
                      done = true;
                      this.time.clearTimeout(timeout);
                      resolve(response);
                    }, delay()),
              (e: unknown) => {
                if (done) return;
                done = true;
                this.time.clearTimeout(timeout);
                reject(e as Error);
              },
            );
          }, delay());
        }),
    };
  }
}

export class RecordingListener implements RaftListener {
  readonly commits: CommittedBatch[] = [];
  readonly snapshots: { id: OffsetAndEpoch; data: Buffer }[] = [];
  readonly leaderChanges: { leaderId: number | null; epoch: number }[] = [];
  /** Every call in order: `commit:<lastOffset>`, `snapshot:<offset>`, `leader:<id>@<epoch>`. */
  readonly events: string[] = [];
  /**
   * The state machine: every committed value so far. A snapshot written by
   * `snapshotData()` (JSON of this list) replaces it when loaded.
   */
  state: string[] = [];

  handleCommit(batch: CommittedBatch): void {
    this.commits.push(batch);
    this.events.push(`commit:${batch.lastOffset}`);
    for (const r of batch.records) this.state.push(r.toString());
  }

  handleLoadSnapshot(snapshot: { id: OffsetAndEpoch; data: Buffer }): void {
    this.snapshots.push(snapshot);
    this.events.push(`snapshot:${snapshot.id.offset}`);
    // Snapshots written by snapshotData() are JSON lists; anything else is one opaque entry.
    let parsed: unknown;
    try {
      parsed = JSON.parse(snapshot.data.toString());
    } catch {
      parsed = null;
    }
    this.state = Array.isArray(parsed) ? parsed.map(String) : [snapshot.data.toString()];
  }

  snapshotData(): Buffer {
    return Buffer.from(JSON.stringify(this.state));
  }

  handleLeaderChange(leader: { leaderId: number | null; epoch: number }): void {
    this.leaderChanges.push(leader);
    this.events.push(`leader:${leader.leaderId}@${leader.epoch}`);
  }

  /** Every committed record value as a string, in order. */
  values(): string[] {
    return this.commits.flatMap((b) => b.records.map((r) => r.toString()));
  }
}

export interface TestMember {
  id: number;
  node: RaftNode | null;
  log: MemoryReplicatedLog;
  store: MemoryQuorumStateStore;
  listener: RecordingListener;
}

export class TestCluster {
  readonly time = new VirtualTime();
  readonly network = new DirectNetwork(this.time);
  readonly members = new Map<number, TestMember>();
  readonly random: SeededRandom;
  readonly logs: string[] = [];

  constructor(
    readonly voters: readonly number[],
    readonly observers: readonly number[] = [],
    readonly overrides: Partial<RaftConfig> = {},
    seed = 1,
  ) {
    this.random = new SeededRandom(seed);
    for (const id of [...voters, ...observers]) {
      this.members.set(id, {
        id,
        node: null,
        log: new MemoryReplicatedLog(),
        store: new MemoryQuorumStateStore({ voters }),
        listener: new RecordingListener(),
      });
    }
  }

  member(id: number): TestMember {
    const m = this.members.get(id);
    if (m === undefined) throw new Error(`no member ${id}`);
    return m;
  }

  node(id: number): RaftNode {
    const n = this.member(id).node;
    if (n === null) throw new Error(`member ${id} is down`);
    return n;
  }

  /** Starts (or restarts) `id` on its existing log and store with a fresh listener. */
  async start(id: number): Promise<RaftNode> {
    const m = this.member(id);
    m.listener = new RecordingListener();
    const node = new RaftNode({
      config: { ...DEFAULT_RAFT_CONFIG, nodeId: id, voters: this.voters, clusterId: 'test-cluster', ...this.overrides },
      log: m.log,
      store: m.store,
      network: this.network.endpoint(id),
      clock: this.time,
      timers: this.time,
      random: this.random,
      listener: m.listener,
      logger: {
        info: (msg) => this.logs.push(`${this.time.now()} ${msg}`),
        warn: (msg) => this.logs.push(`${this.time.now()} WARN ${msg}`),
      },
    });
    m.node = node;
    this.network.handlers.set(id, (from, request) => node.handle(from, request));
    await node.start();
    return node;
  }

  async startAll(): Promise<void> {
    for (const id of this.members.keys()) await this.start(id);
  }

  /** Stops `id` without a word (non-graceful), its log as it was (a process killed, its page cache intact). */
  async kill(id: number): Promise<void> {
    const m = this.member(id);
    this.network.handlers.delete(id);
    await m.node?.close({ graceful: false });
    m.node = null;
  }

  /** Stops `id` without a word (non-graceful) and loses its unflushed log. */
  async crash(id: number): Promise<void> {
    await this.kill(id);
    this.member(id).log.crash();
  }

  async stopAll(): Promise<void> {
    for (const m of this.members.values()) {
      this.network.handlers.delete(m.id);
      await m.node?.close({ graceful: false });
      m.node = null;
    }
  }

  /** The live leader with the highest epoch, or null. */
  leaderId(): number | null {
    let best: number | null = null;
    let bestEpoch = -1;
    for (const m of this.members.values()) {
      if (m.node === null || m.node.role() !== 'leader') continue;
      const epoch = m.node.leaderAndEpoch().epoch;
      if (epoch > bestEpoch) {
        best = m.id;
        bestEpoch = epoch;
      }
    }
    return best;
  }

  /** Waits until one live leader is known to every live member in its epoch. */
  async waitForStableLeader(maxMs = 60_000): Promise<number> {
    await this.time.runUntil(() => {
      const leader = this.leaderId();
      if (leader === null) return false;
      const epoch = this.node(leader).leaderAndEpoch().epoch;
      for (const m of this.members.values()) {
        if (m.node === null) continue;
        const view = m.node.leaderAndEpoch();
        if (view.leaderId !== leader || view.epoch !== epoch) return false;
      }
      return true;
    }, maxMs);
    return this.leaderId()!;
  }

  /** Appends string values on the current leader and waits for the commit. */
  async append(values: readonly string[], maxMs = 60_000): Promise<number> {
    const leader = this.leaderId();
    if (leader === null) throw new Error('no leader');
    const node = this.node(leader);
    const outcome: { offset?: number; error?: Error } = {};
    node
      .append(
        values.map((v) => Buffer.from(v)),
        node.leaderAndEpoch().epoch,
      )
      .then(
        (offset) => {
          outcome.offset = offset;
        },
        (e: Error) => {
          outcome.error = e;
        },
      );
    await this.time.runUntil(() => outcome.offset !== undefined || outcome.error !== undefined, maxMs);
    if (outcome.error !== undefined) throw outcome.error;
    return outcome.offset!;
  }
}
