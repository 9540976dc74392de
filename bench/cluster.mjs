#!/usr/bin/env node
// What replication costs and how fast the cluster reacts, measured on real gregor-broker
// processes on loopback (TestCluster: every node a broker and a voter of the metadata
// quorum). Method and results: docs/benchmarks.md, "Cluster". Writes bench/results/cluster.json.
//
//   npm run bench -- cluster   (after `npx tsc -b`), or: node bench/cluster.mjs
//
// 1. `gregor perf produce` (acks=all) and `gregor perf end-to-end` against a single node
//    (replication factor 1) and a 3-node cluster (replication factor 3, min.insync.replicas
//    2), both running for the whole part, the samples of the two alternating; median of 3.
// 2. Failover: kill -9 of the leader of partition 0 of a 3-partition RF=3 topic, time until
//    Metadata on both survivors names a live leader for every partition the victim led;
//    broker.session.timeout.ms 9000 (Kafka's default) and 3000; median of 3, the victim
//    restarted and back in every ISR between runs.
// 3. Metadata propagation: CreateTopics answered -> every node's Metadata shows the topic
//    with a leader for every partition; median of 10 topics.
//
// Environment: BENCH_CLUSTER_SAMPLES (default 3), BENCH_CLUSTER_SECONDS (per produce run, default 5),
// BENCH_CLUSTER_PARTS (e.g. "1,3": which parts to run).
// Bounded: every wait has a deadline, every gregor command a timeout, and every process
// started is stopped by its pid (TestCluster.stop kills its nodes by pid).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApiKey, DescribeQuorumRequest, MetadataRequest } from '@gregor/protocol';
import { PartitionData, TopicData } from '@gregor/protocol/generated/messages/describe-quorum-request';
import { MetadataRequestTopic } from '@gregor/protocol/generated/messages/metadata-request';
import { TestCluster } from '../packages/broker/dist/e2e/cluster.js';
import { RawClient } from '../packages/broker/dist/e2e/raw-client.js';
import { Admin } from '../packages/client/dist/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const GREGOR = join(here, '..', 'packages', 'cli', 'dist', 'main.js');
const samples = Number(process.env.BENCH_CLUSTER_SAMPLES ?? 3);
const seconds = Number(process.env.BENCH_CLUSTER_SECONDS ?? 5);
const parts = new Set((process.env.BENCH_CLUSTER_PARTS ?? '1,2,3').split(','));
const PARTITIONS = 3;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (xs) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const medianBy = (runs, pick) => [...runs].sort((a, b) => pick(a) - pick(b))[Math.floor(runs.length / 2)];
const log = (s) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${s}\n`);

/** Runs `gregor ARGS --json`; killed by its pid after `limitMs`. */
function gregor(args, bootstrap, limitMs = 120_000) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [GREGOR, ...args, '--json', '-b', bootstrap, '--timeout', '30000'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      err += d;
    });
    const timer = setTimeout(() => process.kill(child.pid, 'SIGKILL'), limitMs);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (code !== 0) reject(new Error(`gregor ${args.join(' ')} exited with ${code ?? signal}: ${err.slice(-500)}`));
      else resolve(JSON.parse(out.trim().split('\n').pop()));
    });
  });
}

/** Polls `check` every `everyMs` until it returns true; throws after `limitMs`. */
async function until(what, limitMs, check, everyMs = 10) {
  const deadline = performance.now() + limitMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (performance.now() > deadline) throw new Error(`${what}: not after ${limitMs} ms`);
    await sleep(everyMs);
  }
}

/** Metadata for `topic` from one node: partition -> { leader, isr }, or null if unknown there. */
async function metadataOn(client, topic) {
  const request = new MetadataRequest();
  const t = new MetadataRequestTopic();
  t.name = topic;
  request.topics = [t];
  request.allowAutoTopicCreation = false;
  const response = await client.request(ApiKey.Metadata, 9, request, 2000);
  const described = response.topics[0];
  if (described === undefined || described.errorCode !== 0) return null;
  const out = new Map();
  for (const p of described.partitions) out.set(p.partitionIndex, { leader: p.leaderId, isr: p.isrNodes });
  return out;
}

/** The metadata quorum's leader (the active controller), asked of any node (it forwards). */
async function quorumLeader(client) {
  const request = new DescribeQuorumRequest();
  const t = new TopicData();
  t.topicName = '__cluster_metadata';
  const p = new PartitionData();
  p.partitionIndex = 0;
  t.partitions = [p];
  request.topics = [t];
  const response = await client.request(ApiKey.DescribeQuorum, 1, request, 2000);
  return response.topics[0]?.partitions[0]?.leaderId ?? -1;
}

/** A RawClient per running node, reconnected when its connection was lost. */
class Clients {
  constructor(cluster) {
    this.cluster = cluster;
    this.byId = new Map();
  }
  async get(id) {
    const c = this.byId.get(id);
    if (c !== undefined && !c.closed) return c;
    const fresh = await RawClient.connect(this.cluster.node(id).port);
    this.byId.set(id, fresh);
    return fresh;
  }
  drop(id) {
    this.byId.get(id)?.close();
    this.byId.delete(id);
  }
  closeAll() {
    for (const c of this.byId.values()) c.close();
    this.byId.clear();
  }
}

async function createTopic(cluster, name, partitions = PARTITIONS) {
  const admin = new Admin({ bootstrapServers: cluster.bootstrap.join(','), clientId: 'cluster-bench' });
  try {
    await admin.createTopics([{ name, numPartitions: partitions }]);
  } finally {
    await admin.close();
  }
}

/** Until every node's Metadata shows `topic` with a leader for every partition. */
async function onEveryNode(cluster, clients, topic, limitMs, nodes = cluster.nodes.map((n) => n.id)) {
  await until(`${topic} on every node`, limitMs, async () => {
    for (const id of nodes) {
      const m = await metadataOn(await clients.get(id), topic);
      if (m === null || m.size === 0) return false;
      for (const p of m.values()) if (p.leader < 0) return false;
    }
    return true;
  });
}

const RESULTS = join(here, 'results', 'cluster.json');
// A run of some parts only (BENCH_CLUSTER_PARTS) keeps the other parts' last results; each part carries its date.
const results = existsSync(RESULTS) && parts.size < 3 ? JSON.parse(readFileSync(RESULTS, 'utf8')) : {};
Object.assign(results, { node: process.version, samples });
const now = () => new Date().toISOString();

// ---- 1. Replication cost: single node (RF=1) vs 3 nodes (RF=3) ----
if (parts.has('1')) {
  log('part 1: starting a single node and a 3-node cluster');
  const single = await TestCluster.start(1);
  let triple = null;
  try {
    triple = await TestCluster.start(3, { 'min.insync.replicas': '2' });
    const setups = [
      { name: 'RF=1', cluster: single },
      { name: 'RF=3', cluster: triple },
    ];
    results.produce = [];
    results.replicationDate = now();
    for (const size of [1024, 100]) {
      const runs = { 'RF=1': [], 'RF=3': [] };
      for (let s = 0; s < samples; s++) {
        // Alternating the two, so both see the same share of the machine's noise.
        for (const { name, cluster } of s % 2 === 0 ? setups : [...setups].reverse()) {
          const topic = `produce-${size}-${s}`;
          log(`perf produce ${size} B ${name} #${s + 1}`);
          const args = ['perf', 'produce', '-t', topic, '--duration', String(seconds), '-s', String(size)];
          runs[name].push(
            await gregor([...args, '--acks', 'all', '-p', String(PARTITIONS)], cluster.bootstrap.join(',')),
          );
        }
      }
      for (const name of ['RF=1', 'RF=3']) {
        const r = medianBy(runs[name], (x) => x.recordsPerSec);
        results.produce.push({
          size,
          replication: name,
          recordsPerSec: r.recordsPerSec,
          mbPerSec: r.mbPerSec,
          p50Ms: median(runs[name].map((x) => x.latencyMs.p50)),
          p99Ms: median(runs[name].map((x) => x.latencyMs.p99)),
          runs: runs[name],
        });
      }
    }
    // End to end at a steady rate (1,000 records/s of 100 B for 10 s), where queueing does not dominate.
    results.endToEnd = [];
    const e2e = { 'RF=1': [], 'RF=3': [] };
    for (let s = 0; s < samples; s++) {
      for (const { name, cluster } of s % 2 === 0 ? setups : [...setups].reverse()) {
        log(`perf end-to-end ${name} #${s + 1}`);
        e2e[name].push(
          await gregor(
            ['perf', 'end-to-end', '-t', `e2e-${s}`, '-n', '10000', '--throughput', '1000', '-s', '100'].concat([
              '--acks',
              'all',
              '-p',
              String(PARTITIONS),
            ]),
            cluster.bootstrap.join(','),
          ),
        );
      }
    }
    // Produce acknowledgement at the same steady rate (acks=all), to tell replication from the consumer's part.
    results.steadyAck = [];
    const ack = { 'RF=1': [], 'RF=3': [] };
    for (let s = 0; s < samples; s++) {
      for (const { name, cluster } of s % 2 === 0 ? setups : [...setups].reverse()) {
        log(`perf produce at 1,000 records/s ${name} #${s + 1}`);
        ack[name].push(
          await gregor(
            ['perf', 'produce', '-t', `ack-${s}`, '-n', '10000', '--throughput', '1000', '-s', '100'].concat([
              '--acks',
              'all',
              '-p',
              String(PARTITIONS),
            ]),
            cluster.bootstrap.join(','),
          ),
        );
      }
    }
    for (const name of ['RF=1', 'RF=3']) {
      results.steadyAck.push({
        replication: name,
        p50Ms: median(ack[name].map((x) => x.latencyMs.p50)),
        p99Ms: median(ack[name].map((x) => x.latencyMs.p99)),
        runs: ack[name],
      });
    }
    for (const name of ['RF=1', 'RF=3']) {
      results.endToEnd.push({
        replication: name,
        p50Ms: median(e2e[name].map((x) => x.latencyMs.p50)),
        p99Ms: median(e2e[name].map((x) => x.latencyMs.p99)),
        runs: e2e[name],
      });
    }
  } finally {
    await single.stop();
    await triple?.stop();
  }
}

// ---- 2. Failover: kill -9 of a partition leader ----
async function failover(sessionTimeoutMs, heartbeatMs) {
  log(`part 2: 3 nodes, broker.session.timeout.ms=${sessionTimeoutMs}`);
  const cluster = await TestCluster.start(3, {
    'min.insync.replicas': '2',
    'broker.session.timeout.ms': String(sessionTimeoutMs),
    'broker.heartbeat.interval.ms': String(heartbeatMs),
  });
  const clients = new Clients(cluster);
  const runs = [];
  try {
    const topic = 'failover';
    await createTopic(cluster, topic);
    await onEveryNode(cluster, clients, topic, 30_000);
    const allInIsr = async () => {
      for (const n of cluster.nodes) {
        const m = await metadataOn(await clients.get(n.id), topic);
        if (m === null) return false;
        for (const p of m.values()) if (p.leader < 0 || p.isr.length !== cluster.nodes.length) return false;
      }
      return true;
    };
    for (let s = 0; s < samples; s++) {
      await until('every node back in every ISR', 90_000, allInIsr, 100);
      const before = await metadataOn(await clients.get(1), topic);
      const victim = before.get(0).leader;
      const led = [...before].filter(([, p]) => p.leader === victim).map(([partition]) => partition);
      const controller = await quorumLeader(await clients.get(victim === 1 ? 2 : 1));
      const survivors = cluster.nodes.map((n) => n.id).filter((id) => id !== victim);
      for (const id of survivors) await clients.get(id);
      clients.drop(victim);
      log(`kill -9 node ${victim} (leads partitions ${led.join(',')}; active controller ${controller})`);
      const start = performance.now();
      await cluster.kill(victim);
      await until('a new leader on the survivors', 60_000, async () => {
        for (const id of survivors) {
          const m = await metadataOn(await clients.get(id), topic);
          if (m === null) return false;
          for (const partition of led) {
            const leader = m.get(partition)?.leader ?? -1;
            if (leader < 0 || leader === victim) return false;
          }
        }
        return true;
      });
      const ms = performance.now() - start;
      runs.push({ victim, ledPartitions: led, victimWasActiveController: victim === controller, ms: Math.round(ms) });
      log(`  new leaders after ${Math.round(ms)} ms; restarting node ${victim}`);
      await cluster.startNode(victim);
    }
    await until('every node back in every ISR', 90_000, allInIsr, 100);
  } finally {
    clients.closeAll();
    await cluster.stop();
  }
  return { sessionTimeoutMs, heartbeatMs, medianMs: median(runs.map((r) => r.ms)), runs };
}

if (parts.has('2')) {
  results.failover = [];
  results.failoverDate = now();
  // Kafka's defaults (9 s session, 2 s heartbeat), then the shorter session the failover test uses.
  results.failover.push(await failover(9000, 2000));
  results.failover.push(await failover(3000, 500));
}

// ---- 3. Metadata propagation ----
if (parts.has('3')) {
  log('part 3: metadata propagation, 3 nodes');
  const cluster = await TestCluster.start(3, { 'min.insync.replicas': '2' });
  const clients = new Clients(cluster);
  const runs = [];
  try {
    for (const n of cluster.nodes) await clients.get(n.id);
    for (let i = 0; i < 10; i++) {
      const topic = `propagation-${i}`;
      const admin = new Admin({ bootstrapServers: cluster.bootstrap.join(','), clientId: 'cluster-bench' });
      try {
        const asked = performance.now();
        await admin.createTopics([{ name: topic, numPartitions: PARTITIONS }]);
        const start = performance.now();
        const createMs = Math.round((start - asked) * 10) / 10;
        // Each node polled on its own, so one slow node does not delay seeing the others.
        const perNode = await Promise.all(
          cluster.nodes.map(async (n) => {
            await onEveryNode(cluster, clients, topic, 30_000, [n.id]);
            return Math.round(performance.now() - start);
          }),
        );
        runs.push({ topic, createMs, perNodeMs: perNode, ms: Math.max(...perNode) });
        log(`  ${topic}: CreateTopics ${createMs} ms, then ${perNode.join(' / ')} ms`);
      } finally {
        await admin.close();
      }
    }
  } finally {
    clients.closeAll();
    await cluster.stop();
  }
  results.propagation = {
    date: now(),
    medianMs: median(runs.map((r) => r.ms)),
    medianCreateMs: median(runs.map((r) => r.createMs)),
    runs,
  };
}

mkdirSync(join(here, 'results'), { recursive: true });
writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
// The results are committed: write them as the formatter (biome) would, so lint stays clean.
spawnSync(
  process.execPath,
  [join(here, '..', 'node_modules', '@biomejs', 'biome', 'bin', 'biome'), 'format', '--write', RESULTS],
  {
    stdio: 'ignore',
  },
);

const fmt = (n) => Math.round(n).toLocaleString('en');
console.log(`## Cluster (median of ${samples}; bench/results/cluster.json)\n`);
if (results.produce) {
  console.log('| record | replication | records/s | MB/s | p50 ack | p99 ack |\n|---:|---|---:|---:|---:|---:|');
  for (const r of results.produce) {
    console.log(
      `| ${r.size} B | ${r.replication} | ${fmt(r.recordsPerSec)} | ${r.mbPerSec} | ${r.p50Ms} ms | ${r.p99Ms} ms |`,
    );
  }
  console.log('\n| record | RF=3/RF=1 records/s | p50 ratio | p99 ratio |\n|---:|---:|---:|---:|');
  for (const size of [1024, 100]) {
    const [a, b] = ['RF=1', 'RF=3'].map((n) => results.produce.find((r) => r.size === size && r.replication === n));
    console.log(
      `| ${size} B | ${(b.recordsPerSec / a.recordsPerSec).toFixed(2)} | ${(b.p50Ms / a.p50Ms).toFixed(2)} | ${(b.p99Ms / a.p99Ms).toFixed(2)} |`,
    );
  }
  console.log('\n| end to end, 1,000 records/s of 100 B | p50 | p99 |\n|---|---:|---:|');
  for (const r of results.endToEnd) console.log(`| ${r.replication} | ${r.p50Ms} ms | ${r.p99Ms} ms |`);
  console.log('\n| produce ack (acks=all), 1,000 records/s of 100 B | p50 | p99 |\n|---|---:|---:|');
  for (const r of results.steadyAck ?? []) console.log(`| ${r.replication} | ${r.p50Ms} ms | ${r.p99Ms} ms |`);
  console.log();
}
if (results.failover) {
  console.log(
    '| broker.session.timeout.ms | new leader after kill -9 (median) | runs (victim was active controller?) |',
  );
  console.log('|---:|---:|---|');
  for (const f of results.failover) {
    const runs = f.runs.map((r) => `${r.ms} ms${r.victimWasActiveController ? ' (controller)' : ''}`).join(', ');
    console.log(`| ${f.sessionTimeoutMs} | ${fmt(f.medianMs)} ms | ${runs} |`);
  }
  console.log();
}
if (results.propagation) {
  console.log(
    `Metadata propagation (CreateTopics answered -> every node's Metadata has the topic with leaders), median of 10: ${results.propagation.medianMs} ms (CreateTopics itself: ${results.propagation.medianCreateMs} ms)\n`,
  );
}
