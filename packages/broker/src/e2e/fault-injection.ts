/**
 * A fault-injection run against a real 3-node cluster, outside `npm test` (not a test
 * file): the workload of checker.test.ts (checker-workload.ts: idempotent KafkaJS
 * producers, transactional producers that commit, abort, are abandoned or fenced as
 * zombies, raw read_committed readers) runs for a while under a seeded nemesis that
 * pauses nodes (SIGSTOP/SIGCONT), kills them (SIGKILL, then a restart on the same
 * directory) and isolates them (every link to and from a node cut at loopback proxies),
 * healing after each fault. At the end, with every link healed and every ISR full again,
 * checker-history.ts checks the history.
 *
 *   node packages/broker/dist/e2e/fault-injection.js [--seconds 120] [--seed N]
 *        [--faults pause,kill,partition]
 *
 * Exits 0 when every check holds, 1 on a violation, 2 when the cluster did not recover
 * (an ISR still not full 120 s after the end; the checks still run) or the run could not
 * be completed. A failed run writes every node's log lines to a directory it names. The
 * seed replays the nemesis schedule and the workload's choices (timing still varies).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ApiKey, DescribeQuorumRequest, type DescribeQuorumResponse } from '@gregor/protocol';
import {
  PartitionData as QuorumPartitionData,
  TopicData as QuorumTopicData,
} from '@gregor/protocol/generated/messages/describe-quorum-request';
import kafkajs from 'kafkajs';
import { type CommittedRead, checkHistory, type Operation, readCommitted, tallyHistory } from './checker-history.js';
import { abandon, CheckerWorkload, message, sleep, within } from './checker-workload.js';
import { TestCluster } from './cluster.js';
import type { CutMode } from './link-proxy.js';
import { RawClient } from './raw-client.js';
import { SeededRandom } from './support.js';

const { Kafka, logLevel } = kafkajs;
type Producer = kafkajs.Producer;
type Admin = kafkajs.Admin;

const FAULT_KINDS = ['pause', 'kill', 'partition'] as const;
type FaultKind = (typeof FAULT_KINDS)[number];

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '120' },
    seed: { type: 'string' },
    faults: { type: 'string', default: FAULT_KINDS.join(',') },
  },
});
const seconds = Number(args.seconds);
const seedArg = args.seed === undefined ? Number.NaN : Number(args.seed);
const seed = Number.isInteger(seedArg) && seedArg > 0 ? seedArg : Math.floor(Math.random() * 0x7fffffff) + 1;
const faultKinds = (args.faults ?? '')
  .split(',')
  .map((f) => f.trim())
  .filter((f) => f !== '');
for (const f of faultKinds) {
  if (!(FAULT_KINDS as readonly string[]).includes(f)) {
    process.stderr.write(`unknown fault ${f}; known: ${FAULT_KINDS.join(', ')}\n`);
    process.exit(2);
  }
}
if (!Number.isFinite(seconds) || seconds < 10) {
  process.stderr.write('--seconds must be at least 10\n');
  process.exit(2);
}

const NODES = 3;
const PARTITIONS = 3;
const OP_TIMEOUT_MS = 10_000;
/** How long the cluster has to get every ISR full again after the last heal. */
const RECOVERY_MAX_MS = 120_000;
const METADATA_TOPIC = '__cluster_metadata';

function log(line: string): void {
  process.stdout.write(`${new Date().toISOString()} ${line}\n`);
}

/** One planned fault: what, aimed at whom, for how long, and the quiet time before it. */
interface PlannedFault {
  kind: FaultKind;
  /** The leader of a partition of the workload's topic, the active controller, or a node. */
  target: { kind: 'leader'; partition: number } | { kind: 'controller' } | { kind: 'node'; id: number };
  durationMs: number;
  quietMs: number;
  cut: CutMode;
}

function planFault(r: SeededRandom, kinds: readonly FaultKind[]): PlannedFault {
  const kind = kinds[r.int(0, kinds.length - 1)] as FaultKind;
  const t = r.next();
  const target: PlannedFault['target'] =
    t < 0.45
      ? { kind: 'leader', partition: r.int(0, PARTITIONS - 1) }
      : t < 0.8
        ? { kind: 'controller' }
        : { kind: 'node', id: r.int(1, NODES) };
  const durationMs = kind === 'pause' ? r.int(1500, 6000) : kind === 'kill' ? r.int(0, 3000) : r.int(3000, 10_000);
  return { kind, target, durationMs, quietMs: r.int(1000, 5000), cut: r.next() < 0.5 ? 'drop' : 'refuse' };
}

interface FaultRecord {
  what: string;
  node: number;
  startMs: number;
  healedMs: number;
  /** From the heal to every ISR full again (-1: not within the wait). */
  recoveryMs: number;
}

async function main(): Promise<number> {
  log(
    `fault injection: seed ${seed}, ${seconds} s, faults ${faultKinds.join(',') || 'none'} (--seed ${seed} replays the schedule)`,
  );
  const rnd = new SeededRandom(seed);
  const cluster = await TestCluster.start(
    NODES,
    {
      'broker.heartbeat.interval.ms': '500',
      'broker.session.timeout.ms': '3000',
      'replica.lag.time.max.ms': '5000',
      'min.insync.replicas': '2',
      'transaction.state.log.min.isr': '2',
    },
    { proxies: true },
  );
  const producers = new Set<Producer>();
  const cleanup = async () => {
    for (const p of producers) abandon(p);
    await cluster.stop();
  };
  const onSignal = () => {
    cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let code = 2;
  try {
    code = await run(cluster, rnd, producers);
    return code;
  } finally {
    if (code !== 0) {
      // What every node logged, for the report of a failed run.
      const dir = mkdtempSync(join(tmpdir(), `gregor-faults-${seed}-`));
      for (const n of cluster.nodes) writeFileSync(join(dir, `node-${n.id}.log`), `${n.output.join('\n')}\n`);
      log(`node logs (last lines of each): ${dir}`);
    }
    await cleanup();
  }
}

async function run(cluster: TestCluster, rnd: SeededRandom, producers: Set<Producer>): Promise<number> {
  const kafka = new Kafka({
    clientId: 'gregor-fault-injection',
    brokers: cluster.bootstrap,
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1000,
    requestTimeout: 5000,
    retry: { initialRetryTime: 100, maxRetryTime: 1000, retries: 8 },
  });
  // Transactional producers get few retries per broker: KafkaJS looks for a coordinator
  // by retrying one broker before it tries the next, so a broker that cannot answer
  // (paused, cut off, or, before fa21bec, not the coordinator itself) would hold a
  // transaction for the whole retry budget.
  const txnKafka = new Kafka({
    clientId: 'gregor-fault-injection-txn',
    brokers: cluster.bootstrap,
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1000,
    requestTimeout: 5000,
    retry: { initialRetryTime: 100, maxRetryTime: 500, retries: 2 },
  });
  const topic = `faults-${seed}`;
  const admin = kafka.admin();
  await admin.connect();
  await admin
    .createTopics({ topics: [{ topic, numPartitions: PARTITIONS, replicationFactor: NODES }] })
    .catch((e: { type?: string }) => {
      if (e.type !== 'UNKNOWN_TOPIC_OR_PARTITION') throw e;
    });
  await isrsFull(admin, [topic], 30_000);
  log(`cluster up: nodes ${cluster.nodes.map((n) => `${n.id}@${n.port}`).join(' ')}, topic ${topic}`);

  const started = Date.now();
  const stopAt = started + seconds * 1000;
  const faults: FaultRecord[] = [];
  let lastOkAt = started;
  let longestGapMs = 0;
  const ok = () => {
    const now = Date.now();
    longestGapMs = Math.max(longestGapMs, now - lastOkAt);
    lastOkAt = now;
  };

  // The node that last answered a partition's read_committed fetch: asked first next time.
  const readFrom: number[] = Array.from({ length: PARTITIONS }, () => 1);
  // The furthest offset any read reached, per partition.
  const readMax: number[] = Array.from({ length: PARTITIONS }, () => -1);

  /** One partition read from whichever node answers as its leader. */
  async function readPartition(partition: number): Promise<CommittedRead> {
    const first = readFrom[partition] ?? 1;
    const order = [first, ...cluster.nodes.map((n) => n.id).filter((id) => id !== first)];
    let last: unknown = null;
    for (const id of order) {
      const node = cluster.node(id);
      if (node.process === null || cluster.isPaused(id)) continue;
      let client: RawClient | null = null;
      try {
        client = await within(RawClient.connect(node.port), 2000, 'reader connect');
        const read = await readCommitted(client, topic, partition, 3000);
        readFrom[partition] = id;
        // A read that ends before an earlier one is a violation: say who answered it.
        const end = read.records[read.records.length - 1]?.offset ?? -1;
        if (end < (readMax[partition] ?? -1)) {
          log(
            `  read of p${partition} answered by node ${id} ends at offset ${end} (lastStableOffset ${read.lastStableOffset}, highWatermark ${read.highWatermark}); an earlier read reached ${readMax[partition]}`,
          );
        }
        readMax[partition] = Math.max(end, readMax[partition] ?? -1);
        return read;
      } catch (e) {
        last = e;
      } finally {
        client?.close();
      }
    }
    throw new Error(`p${partition}: no node answered (${message(last)})`);
  }

  async function readAll(): Promise<CommittedRead[]> {
    const reads: CommittedRead[] = [];
    for (let p = 0; p < PARTITIONS; p++) reads.push(await readPartition(p));
    return reads;
  }

  const workload = new CheckerWorkload({
    kafka,
    txnKafka,
    topic,
    partitions: PARTITIONS,
    startedMs: started,
    stopAtMs: stopAt,
    opTimeoutMs: OP_TIMEOUT_MS,
    transactionTimeoutMs: 15_000,
    chances: { sendCrash: 0.05, commit: 0.65, abort: 0.88, zombie: 0.08, crashInCommit: 0.08 },
    readAll,
    producers,
    onOk: ok,
  });
  const history = workload.history;

  async function resolveTarget(target: PlannedFault['target']): Promise<number> {
    if (target.kind === 'node') return target.id;
    if (target.kind === 'controller') {
      const id = await activeController(cluster).catch(() => -1);
      return id > 0 ? id : 1;
    }
    const md = await within(admin.fetchTopicMetadata({ topics: [topic] }), 3000, 'metadata').catch(() => null);
    const leader = md?.topics[0]?.partitions.find((p) => p.partitionId === target.partition)?.leader ?? -1;
    return leader > 0 ? leader : 1;
  }

  async function nemesis(r: SeededRandom): Promise<void> {
    if (faultKinds.length === 0) return;
    for (;;) {
      const plan = planFault(r, faultKinds as FaultKind[]);
      await sleep(plan.quietMs);
      // Room for the fault, its heal and a restart before the end.
      if (Date.now() + plan.durationMs + 5000 > stopAt) return;
      const id = await resolveTarget(plan.target);
      const aim =
        plan.target.kind === 'leader'
          ? `leader of p${plan.target.partition}`
          : plan.target.kind === 'controller'
            ? 'active controller'
            : 'node';
      const what =
        plan.kind === 'pause'
          ? `pause node ${id} (${aim}) ${plan.durationMs} ms`
          : plan.kind === 'kill'
            ? `kill -9 node ${id} (${aim}), restart after ${plan.durationMs} ms`
            : `isolate node ${id} (${aim}, ${plan.cut}) ${plan.durationMs} ms`;
      const startMs = workload.fault(what);
      log(what);
      if (plan.kind === 'pause') {
        cluster.pause(id);
        await sleep(plan.durationMs);
        cluster.resume(id);
      } else if (plan.kind === 'kill') {
        await cluster.kill(id);
        await sleep(plan.durationMs);
        await cluster.startNode(id, 90_000);
      } else {
        cluster.isolate(id, plan.cut);
        await sleep(plan.durationMs);
        cluster.heal();
      }
      const healedAt = Date.now();
      workload.fault(`healed node ${id}`, healedAt);
      const recovered = await isrsFull(admin, [topic], 60_000).then(
        () => Date.now() - healedAt,
        () => -1,
      );
      log(`  healed; ISRs full again ${recovered < 0 ? 'NOT within 60 s' : `after ${recovered} ms`}`);
      faults.push({ what, node: id, startMs, healedMs: healedAt - started, recoveryMs: recovered });
    }
  }

  const nemesisDone = nemesis(new SeededRandom(rnd.int(1, 0x7fffffff))).finally(() => {
    // Always heal before the end, whatever happened.
    cluster.heal();
    for (const n of cluster.nodes) if (cluster.isPaused(n.id)) cluster.resume(n.id);
  });
  const tasks = workload.start(rnd);
  const progress = setInterval(() => {
    const done = history.filter((op) => (op.kind === 'send' || op.kind === 'txn') && op.outcome === 'ok').length;
    log(`  ${Math.round((Date.now() - started) / 1000)} s: ${done} writes/transactions acknowledged`);
  }, 15_000);
  let nemesisError: unknown = null;
  await nemesisDone.catch((e: unknown) => {
    nemesisError = e;
  });
  await Promise.all(tasks);
  clearInterval(progress);
  if (nemesisError !== null) log(`the nemesis stopped on an error: ${String(nemesisError)}`);
  longestGapMs = Math.max(longestGapMs, Math.min(Date.now(), stopAt) - lastOkAt);

  // Every node up, every link healed: every ISR full again.
  for (const n of cluster.nodes) {
    if (n.process === null) {
      log(`node ${n.id} is down after the nemesis (${message(nemesisError)}): restarting it`);
      await cluster.startNode(n.id, 90_000);
    }
  }
  const endHealedAt = Date.now();
  let finalRecoveryMs = -1;
  try {
    await isrsFull(admin, [topic], RECOVERY_MAX_MS);
    finalRecoveryMs = Date.now() - endHealedAt;
    log(`workload over; every ISR full ${finalRecoveryMs} ms after the end`);
  } catch {
    // Not recovered: still check what the leaders hold, and fail the run either way.
    log(
      `every ISR NOT full ${RECOVERY_MAX_MS} ms after the end: ${JSON.stringify(await isrs(admin, topic).catch(() => null))}; checking what the leaders hold`,
    );
  }

  // Fence every transactional id (aborting what a crashed client left open), then read
  // until the last stable offset reaches the high watermark.
  try {
    await workload.fenceAll(60_000);
  } catch (e) {
    log(e instanceof Error ? e.message : String(e));
    return 2;
  }
  const final = await workload.readUntilStable(60_000, 500, (e) => log(`final read: ${message(e)}`));
  if (final === null) {
    log('the last stable offset never reached the high watermark after fencing every transactional id');
    return 2;
  }
  await admin.disconnect().catch(() => undefined);

  const violations = checkHistory(history, final);
  const t = tallyHistory(history, final);
  const lines = [
    `seed ${seed}: ${seconds} s of workload, faults ${faultKinds.join(',')}`,
    `faults injected: ${faults.length}`,
    ...faults.map(
      (f) =>
        `  @${(f.startMs / 1000).toFixed(1)}s ${f.what}; healed @${(f.healedMs / 1000).toFixed(1)}s; ISRs full ${f.recoveryMs < 0 ? 'not within 60 s' : `${f.recoveryMs} ms`} after the heal`,
    ),
    `sends ok/failed/unknown ${t.sends.ok}/${t.sends.failed}/${t.sends.unknown} (unknown visible in the end: ${t.unknownSendsVisible})`,
    `transactions ok/failed/unknown ${t.txns.ok}/${t.txns.failed}/${t.txns.unknown}; ends commit/abort/abandon ${t.ends.commit}/${t.ends.abort}/${t.ends.abandon}; unknown commits visible ${t.unknownCommitsVisible} of ${t.unknownCommits}`,
    `zombie commits refused ${t.zombieCommitsRefused}, acknowledged ${t.zombieCommitsAcknowledged}`,
    ...reasons(history),
    `reads ${t.reads}; final read ${final.map((p, i) => `p${i}: ${p.length}`).join(', ')}`,
    `longest time without an acknowledged write: ${longestGapMs} ms; every ISR full ${finalRecoveryMs < 0 ? `NOT within ${RECOVERY_MAX_MS} ms` : `${finalRecoveryMs} ms`} after the end`,
    violations.length === 0
      ? 'checks: no lost acknowledged write, no duplicate, no aborted or phantom read, no divergence, order kept: OK'
      : `VIOLATIONS (${violations.length}):`,
    ...violations.map((v) => `  [${v.property}] ${v.detail}`),
    `replay: node packages/broker/dist/e2e/fault-injection.js --seconds ${seconds} --seed ${seed} --faults ${faultKinds.join(',')}`,
  ];
  for (const l of lines) log(l);
  if (violations.length > 0) return 1;
  return finalRecoveryMs < 0 ? 2 : 0;
}

/** The most frequent reasons of the operations that were not acknowledged. */
function reasons(history: readonly Operation[]): string[] {
  const counts = new Map<string, number>();
  for (const op of history) {
    if ((op.kind !== 'send' && op.kind !== 'txn') || op.outcome === 'ok') continue;
    const key = `${op.kind} ${op.outcome}: ${op.detail.replace(/\d+/g, 'N')}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([k, n]) => `  ${n} x ${k}`);
}

async function isrs(admin: Admin, topic: string): Promise<{ partition: number; leader: number; isr: number[] }[]> {
  const md = await within(admin.fetchTopicMetadata({ topics: [topic] }), 5000, 'metadata');
  return (md.topics[0]?.partitions ?? []).map((p) => ({ partition: p.partitionId, leader: p.leader, isr: p.isr }));
}

/** Waits until every partition of `topics` has a leader and all NODES replicas in sync. */
async function isrsFull(admin: Admin, topics: string[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let full = false;
    try {
      for (const topic of topics) {
        const ps = await isrs(admin, topic);
        full = ps.length === PARTITIONS && ps.every((p) => p.leader >= 0 && p.isr.length === NODES);
        if (!full) break;
      }
    } catch {
      full = false;
    }
    if (full) return;
    if (Date.now() > deadline) throw new Error(`ISRs not full within ${timeoutMs} ms`);
    await sleep(250);
  }
}

/** The leader of the metadata quorum, as the first node that answers DescribeQuorum sees it. */
async function activeController(cluster: TestCluster): Promise<number> {
  for (const n of cluster.nodes) {
    if (n.process === null || cluster.isPaused(n.id)) continue;
    let client: RawClient | null = null;
    try {
      client = await within(RawClient.connect(n.port), 1000, 'connect');
      const request = new DescribeQuorumRequest();
      const t = new QuorumTopicData();
      t.topicName = METADATA_TOPIC;
      const p = new QuorumPartitionData();
      p.partitionIndex = 0;
      t.partitions = [p];
      request.topics = [t];
      const response = await client.request<DescribeQuorumResponse>(ApiKey.DescribeQuorum, 0, request, 2000);
      const leader = response.topics[0]?.partitions[0]?.leaderId ?? -1;
      if (leader > 0) return leader;
    } catch {
      // Try the next node.
    } finally {
      client?.close();
    }
  }
  return -1;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(
      `fault injection failed (seed ${seed}): ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
    );
    process.exit(2);
  },
);
