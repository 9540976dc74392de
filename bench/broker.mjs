#!/usr/bin/env node
// The broker benchmark: a Gregor broker in its own process, driven by real clients (kcat /
// librdkafka and KafkaJS) over 127.0.0.1, each figure set beside the machine's limits
// measured in the same run (loopback TCP between two Node processes; sequential writes
// with and without fsync, and fdatasync latency, in the directory the broker writes to).
// Method and results: docs/benchmarks.md, section "Broker".
//
//   npm run bench -- broker          (builds first), or: node bench/broker.mjs
//
// Environment: BENCH_DIR (parent of the scratch directory, default the OS temp dir; the
// scratch directory is always removed at the end), BENCH_BROKER_SAMPLES (samples per
// case, default 3), KCAT (default /usr/bin/kcat).
//
// Bounded: every load is a fixed count of bytes or messages with a time limit, every
// child process is started here and stopped by its pid (SIGTERM, then SIGKILL after 10 s).
// Prints markdown tables on stdout and progress on stderr. Takes about 3 minutes.
import { execFileSync, spawn } from 'node:child_process';
import {
  closeSync,
  existsSync,
  fdatasyncSync,
  fsyncSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { connect } from 'node:net';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildRecordBatch,
  FetchRequest,
  ListOffsetsRequest,
  LOG_OVERHEAD,
  MetadataRequest,
  ProduceRequest,
  readRecords,
} from '@gregor/protocol';
import { FetchPartition, FetchTopic } from '@gregor/protocol/generated/messages/fetch-request';
import { ListOffsetsPartition, ListOffsetsTopic } from '@gregor/protocol/generated/messages/list-offsets-request';
import { MetadataRequestTopic } from '@gregor/protocol/generated/messages/metadata-request';
import { PartitionProduceData, TopicProduceData } from '@gregor/protocol/generated/messages/produce-request';
import kafkajs from 'kafkajs';
import { ApiKey, WireClient } from './kafka-wire.mjs';

const { Kafka, logLevel, Partitioners } = kafkajs;
const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const KCAT = process.env.KCAT ?? '/usr/bin/kcat';
const SAMPLES = Number(process.env.BENCH_BROKER_SAMPLES ?? 3);
const HOST = '127.0.0.1';
const MiB = 1024 * 1024;

// Sizes of the loads (each also bounded in time).
const LOOPBACK_BYTES = 1024 * MiB;
const LOOPBACK_MAX_MS = 10_000;
const DISK_BYTES = 256 * MiB;
const DISK_MAX_MS = 10_000;
const DISK_FSYNC_EVERY_MIB = [1, 16];
const FSYNC_LATENCY_OPS = 500;
const SIZES = [100, 1024];
const ACKS = [1, -1];
const KCAT_MESSAGES = { 100: 2_000_000, 1024: 200_000 };
const KCAT_PRODUCER_SETTINGS = ['linger.ms=5', 'batch.num.messages=10000', 'batch.size=1000000'];
const KAFKAJS_MESSAGES = { 100: 200_000, 1024: 50_000 };
const KAFKAJS_BATCH = 1000;
const KAFKAJS_IN_FLIGHT = 4;
const RUN_MAX_MS = 60_000;
const LATENCY_RATE = 1000;
const LATENCY_WARMUP_MS = 1000;
const LATENCY_MS = 10_000;
const LATENCY_PRODUCERS = ['kafkajs', 'raw'];
const START_SAMPLES = 5;
const MAIN_JS = 'packages/broker/dist/main.js';
const MANY_TOPICS = 100;
const MANY_PARTITIONS_PER_TOPIC = 10;

const log = (message) => process.stderr.write(`[broker bench] ${message}\n`);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const fmt = (n, digits = 0) => n.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const mbps = (bytesPerSec) => `${fmt(bytesPerSec / 1e6)} MB/s`;
const sizeName = (size) => (size === 100 ? '100 B' : '1 KiB');
const acksName = (acks) => (acks === -1 ? 'all' : String(acks));

// ---------------------------------------------------------------------------------------
// Child processes: every one is tracked and stopped by its pid.

/** @type {Set<import('node:child_process').ChildProcess>} */
const children = new Set();

function track(child) {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

/** SIGTERM, then SIGKILL after 10 s; resolves with the ms from SIGTERM to exit. */
function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(0);
  const t0 = performance.now();
  return new Promise((resolve) => {
    const killer = setTimeout(() => {
      log(`pid ${child.pid} did not stop in 10 s: SIGKILL`);
      child.kill('SIGKILL');
    }, 10_000);
    child.once('exit', () => {
      clearTimeout(killer);
      resolve(performance.now() - t0);
    });
    child.kill('SIGTERM');
  });
}

async function stopAll() {
  await Promise.all([...children].map((c) => stopChild(c)));
}

/** `READY <port>` (bench/broker-child.mjs, bench/tcp-sink.mjs): the port, else null. */
const readyLine = (line) => {
  const m = /^READY (\d+)$/.exec(line);
  return m === null ? null : Number(m[1]);
};

/** The broker's own log line (packages/broker/dist/main.js, pino JSON): the port, else null. */
const brokerReadyLog = (line) => {
  if (!line.includes('Gregor broker ready')) return null;
  const listener = JSON.parse(line).listeners?.[0];
  return typeof listener === 'string' ? Number(listener.slice(listener.lastIndexOf(':') + 1)) : null;
};

/**
 * Spawns `node <args>` and waits for the stdout line `ready` recognises (it returns the
 * port). Resolves with the child, the port and the ms from spawn to that line.
 */
function spawnReady(args, ready = readyLine) {
  const t0 = performance.now();
  const child = track(spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] }));
  let stderr = '';
  child.stderr.on('data', (d) => {
    if (stderr.length < 10_000) stderr += d;
  });
  return new Promise((resolve, reject) => {
    let pending = '';
    let done = false;
    const timer = setTimeout(() => {
      void stopChild(child);
      reject(new Error(`${args.join(' ')}: not ready in 15 s; stderr: ${stderr}`));
    }, 15_000);
    child.stdout.on('data', (d) => {
      if (done) return;
      pending += d;
      let nl = pending.indexOf('\n');
      while (nl >= 0 && !done) {
        const port = ready(pending.slice(0, nl));
        pending = pending.slice(nl + 1);
        if (port !== null) {
          done = true;
          clearTimeout(timer);
          resolve({ child, port, readyMs: performance.now() - t0 });
        }
        nl = pending.indexOf('\n');
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (!done) reject(new Error(`${args.join(' ')} exited (${code ?? signal}) before ready; stderr: ${stderr}`));
    });
  });
}

/** /proc/<pid>/status memory lines, in bytes. */
function memoryOf(pid) {
  const text = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? Number.NaN) * 1024;
  return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
}

let tickMs = 10;
try {
  tickMs = 1000 / Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
} catch {
  // Linux's usual 100 ticks per second.
}

/** CPU time (user + system, all threads) of a process; with `reaped`, of its waited-for children. */
function cpuMsOf(pid, reaped = false) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // f[0] is field 3 (state): utime 14, stime 15, cutime 16, cstime 17.
  return reaped ? (Number(f[13]) + Number(f[14])) * tickMs : (Number(f[11]) + Number(f[12])) * tickMs;
}

/**
 * Runs `fn` and measures wall time, the broker's CPU time and the clients' CPU time (this
 * process plus the children that exited meanwhile, such as kcat).
 */
async function measure(brokerPid, fn) {
  const broker0 = cpuMsOf(brokerPid);
  const reaped0 = cpuMsOf(process.pid, true);
  const self0 = process.cpuUsage();
  const t0 = performance.now();
  await fn();
  const ms = performance.now() - t0;
  const self = process.cpuUsage(self0);
  return {
    ms,
    brokerCpuMs: cpuMsOf(brokerPid) - broker0,
    clientCpuMs: cpuMsOf(process.pid, true) - reaped0 + (self.user + self.system) / 1000,
  };
}

/** Runs a command to its end (bounded by RUN_MAX_MS): exit code, stderr, bytes written to stdout. */
function runCounted(cmd, args) {
  const child = track(spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] }));
  let stdoutBytes = 0;
  let stderr = '';
  child.stdout.on('data', (d) => {
    stdoutBytes += d.length;
  });
  child.stderr.on('data', (d) => {
    if (stderr.length < 10_000) stderr += d;
  });
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      log(`${cmd} ran over ${RUN_MAX_MS} ms: stopping it`);
      void stopChild(child);
    }, RUN_MAX_MS);
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? signal, stderr, stdoutBytes });
    });
  });
}

// ---------------------------------------------------------------------------------------
// Limits of the machine

/** Node process -> Node process over 127.0.0.1, 1 MiB writes, until LOOPBACK_BYTES or LOOPBACK_MAX_MS. */
async function loopbackSample(port) {
  const chunk = Buffer.alloc(MiB, 0x61);
  const socket = connect({ host: HOST, port });
  await new Promise((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  const answer = new Promise((resolve, reject) => {
    const parts = [];
    socket.on('data', (d) => parts.push(d));
    socket.once('end', () => resolve(Buffer.concat(parts)));
    socket.once('error', reject);
  });
  const t0 = performance.now();
  let sent = 0;
  while (sent < LOOPBACK_BYTES && performance.now() - t0 < LOOPBACK_MAX_MS) {
    sent += chunk.length;
    if (!socket.write(chunk)) await new Promise((resolve) => socket.once('drain', resolve));
  }
  socket.end();
  const received = Number((await answer).readBigUInt64BE(0));
  const ms = performance.now() - t0;
  socket.destroy();
  if (received !== sent) throw new Error(`loopback: sent ${sent} bytes, the sink counted ${received}`);
  return (received / ms) * 1000;
}

/**
 * Sequential 1 MiB writes to `path` from its start, fsync every `everyMiB` MiB (0: never).
 * The file is kept (the caller removes it): a new file gets page-cache pages the way a
 * log segment does, and a later sample does not reuse the pages this one just freed.
 */
function diskSample(path, everyMiB) {
  const chunk = Buffer.alloc(MiB, 0x62);
  const fd = openSync(path, 'r+');
  const t0 = performance.now();
  let written = 0;
  let n = 0;
  while (written < DISK_BYTES && performance.now() - t0 < DISK_MAX_MS) {
    writeSync(fd, chunk, 0, chunk.length, written);
    written += chunk.length;
    n++;
    if (everyMiB > 0 && n % everyMiB === 0) fsyncSync(fd);
  }
  if (everyMiB > 0 && n % everyMiB !== 0) fsyncSync(fd);
  const ms = performance.now() - t0;
  closeSync(fd);
  return (written / ms) * 1000;
}

/** Disk cases: new file without fsync, overwriting that file's cached pages, new files with fsync every N MiB. */
const DISK_CASES = [
  { name: 'no fsync, new file', everyMiB: 0, overwrite: false },
  { name: 'no fsync, overwriting cached pages', everyMiB: 0, overwrite: true },
  ...DISK_FSYNC_EVERY_MIB.map((n) => ({ name: `fsync every ${n} MiB, new file`, everyMiB: n, overwrite: false })),
];

function diskLimits(dir) {
  const results = new Map(DISK_CASES.map((c) => [c.name, []]));
  const paths = [];
  for (let s = 0; s < SAMPLES; s++) {
    let last = '';
    for (const c of DISK_CASES) {
      const path = c.overwrite ? last : join(dir, `disk-limit-${s}-${c.everyMiB}.tmp`);
      if (!c.overwrite) {
        closeSync(openSync(path, 'w'));
        paths.push(path);
        last = path;
      }
      results.get(c.name).push(diskSample(path, c.everyMiB));
    }
  }
  for (const p of paths) unlinkSync(p);
  return results;
}

/** Latencies (ms) of appending 100 bytes and fdatasync, back to back. */
function fsyncLatencySample(dir) {
  const path = join(dir, 'fsync-latency.tmp');
  const record = Buffer.alloc(100, 0x63);
  const fd = openSync(path, 'w');
  const out = [];
  for (let i = 0; i < FSYNC_LATENCY_OPS; i++) {
    const t0 = performance.now();
    writeSync(fd, record);
    fdatasyncSync(fd);
    out.push(performance.now() - t0);
  }
  closeSync(fd);
  unlinkSync(path);
  return out;
}

// ---------------------------------------------------------------------------------------
// Wire helpers (topics up front, end offsets)

/** Creates the topics through Metadata auto-create and waits until each has `partitions` led partitions. */
async function createTopics(client, names, partitions) {
  const deadline = performance.now() + 30_000;
  for (;;) {
    const request = new MetadataRequest();
    request.allowAutoTopicCreation = true;
    request.topics = names.map((name) => {
      const t = new MetadataRequestTopic();
      t.name = name;
      return t;
    });
    const { body } = await client.request(ApiKey.Metadata, 12, request);
    const ready = body.topics.filter(
      (t) =>
        t.errorCode === 0 &&
        t.partitions.length === partitions &&
        t.partitions.every((p) => p.errorCode === 0 && p.leaderId >= 0),
    );
    if (ready.length === names.length) return;
    if (performance.now() > deadline)
      throw new Error(
        `topics not ready after 30 s: ${JSON.stringify(body.topics.map((t) => [t.name, t.errorCode, t.partitions.length]))}`,
      );
    await sleep(50);
  }
}

/** Sum over the partitions of the latest offset (ListOffsets, timestamp -1). */
async function endOffset(client, topic, partitions) {
  const request = new ListOffsetsRequest();
  request.replicaId = -1;
  const t = new ListOffsetsTopic();
  t.name = topic;
  for (let i = 0; i < partitions; i++) {
    const p = new ListOffsetsPartition();
    p.partitionIndex = i;
    p.timestamp = -1n;
    t.partitions.push(p);
  }
  request.topics = [t];
  const { body } = await client.request(ApiKey.ListOffsets, 7, request);
  let sum = 0;
  for (const p of body.topics[0].partitions) {
    if (p.errorCode !== 0) throw new Error(`ListOffsets ${topic}/${p.partitionIndex}: error ${p.errorCode}`);
    sum += Number(p.offset);
  }
  return sum;
}

// ---------------------------------------------------------------------------------------
// Clients

/** `count` lines of `size` bytes (kcat -P sends each line as one record value). */
function recordFile(dir, size, count) {
  const path = join(dir, `records-${size}x${count}.txt`);
  const line = Buffer.alloc(size + 1, 0x72);
  line[size] = 0x0a;
  const block = Buffer.alloc(line.length * 1000);
  for (let i = 0; i < 1000; i++) line.copy(block, i * line.length);
  const fd = openSync(path, 'w');
  for (let i = 0; i < count / 1000; i++) writeSync(fd, block);
  // Clean pages: the kernel's writeback of these dirty pages 30 s later stalled the
  // latency runs' acks=1 appends by up to 200 ms.
  fsyncSync(fd);
  closeSync(fd);
  return path;
}

async function kcatProduce(port, topic, file, acks) {
  const args = ['-P', '-b', `${HOST}:${port}`, '-t', topic, '-X', `acks=${acks}`];
  for (const s of KCAT_PRODUCER_SETTINGS) args.push('-X', s);
  args.push('-l', file);
  const r = await runCounted(KCAT, args);
  if (r.code !== 0 || /fail|error/i.test(r.stderr)) throw new Error(`kcat -P ${topic}: exit ${r.code}: ${r.stderr}`);
}

async function kcatConsume(port, topic, expected) {
  // One byte of output per message ('-f x'): the count, at negligible cost.
  const r = await runCounted(KCAT, [
    '-C',
    '-b',
    `${HOST}:${port}`,
    '-t',
    topic,
    '-o',
    'beginning',
    '-e',
    '-q',
    '-f',
    'x',
  ]);
  if (r.code !== 0 || r.stdoutBytes !== expected)
    throw new Error(`kcat -C ${topic}: exit ${r.code}, ${r.stdoutBytes} of ${expected} messages: ${r.stderr}`);
}

function newProducer(port) {
  const kafka = new Kafka({
    clientId: 'gregor-bench',
    brokers: [`${HOST}:${port}`],
    logLevel: logLevel.NOTHING,
    retry: { retries: 2 },
  });
  return kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: false });
}

/** KafkaJS: `count` messages in batches of KAFKAJS_BATCH, KAFKAJS_IN_FLIGHT sends awaited in parallel loops. */
async function kafkajsProduce(producer, topic, size, acks, count) {
  const value = Buffer.alloc(size, 0x6b);
  const messages = Array.from({ length: KAFKAJS_BATCH }, () => ({ value }));
  let batches = count / KAFKAJS_BATCH;
  const t0 = performance.now();
  const loop = async () => {
    while (batches > 0 && performance.now() - t0 < RUN_MAX_MS) {
      batches--;
      await producer.send({ topic, acks, messages });
    }
  };
  await Promise.all(Array.from({ length: KAFKAJS_IN_FLIGHT }, loop));
  if (batches > 0) throw new Error(`KafkaJS ${topic}: ran over ${RUN_MAX_MS} ms`);
}

/** A producer of one record per request: KafkaJS `send`, or a raw Produce v9 request on one connection. */
async function latencyProducer(kind, port, topic, acks) {
  if (kind === 'kafkajs') {
    const producer = newProducer(port);
    await producer.connect();
    return {
      send: (value) => producer.send({ topic, acks, messages: [{ value }] }),
      close: () => producer.disconnect(),
    };
  }
  const client = await WireClient.connect(HOST, port);
  return {
    send: async (value) => {
      const request = new ProduceRequest();
      request.acks = acks;
      request.timeoutMs = 30_000;
      const t = new TopicProduceData();
      t.name = topic;
      const p = new PartitionProduceData();
      p.index = 0;
      p.records = buildRecordBatch({ records: [{ value, timestamp: Date.now() }] });
      t.partitionData = [p];
      request.topicData = [t];
      const { body } = await client.request(ApiKey.Produce, 9, request);
      const errorCode = body.responses[0]?.partitionResponses[0]?.errorCode;
      if (errorCode !== 0) throw new Error(`produce ${topic}: error ${errorCode}`);
    },
    close: async () => client.close(),
  };
}

/**
 * End-to-end latency: a producer (KafkaJS, or raw protocol) sends one 100-byte record per
 * request at LATENCY_RATE msgs/s (the value carries performance.now() at the send call);
 * a raw long-poll Fetch v12 consumer (maxWaitMs 500, minBytes 1, one request in flight)
 * in this process takes receive time (response frame complete) minus send time. The
 * first LATENCY_WARMUP_MS of messages are not counted.
 */
async function latencyRun(kind, port, topic, acks) {
  const producer = await latencyProducer(kind, port, topic, acks);
  const consumer = await WireClient.connect(HOST, port);
  const e2e = [];
  const ackMs = [];
  let stop = false;
  let failure = null;
  const fail = (e) => {
    if (!stop) failure ??= e;
    stop = true;
  };
  let fetchOffset = 0n;
  const fetchLoop = (async () => {
    while (!stop) {
      const request = new FetchRequest();
      request.replicaId = -1;
      request.maxWaitMs = 500;
      request.minBytes = 1;
      request.maxBytes = 50 * MiB;
      request.sessionEpoch = -1;
      const t = new FetchTopic();
      t.topic = topic;
      const p = new FetchPartition();
      p.partition = 0;
      p.fetchOffset = fetchOffset;
      p.partitionMaxBytes = MiB;
      t.partitions = [p];
      request.topics = [t];
      const { body, receivedMs } = await consumer.request(ApiKey.Fetch, 12, request);
      const data = body.responses[0]?.partitions[0];
      if (data === undefined || data.errorCode !== 0) throw new Error(`fetch ${topic}: error ${data?.errorCode}`);
      const records = data.records;
      for (let at = 0; records !== null && at + LOG_OVERHEAD <= records.length; ) {
        for (const record of readRecords(records, at)) {
          if (record.value[8] === 1) e2e.push(receivedMs - record.value.readDoubleBE(0));
          fetchOffset = BigInt(record.offset) + 1n;
        }
        at += LOG_OVERHEAD + records.readInt32BE(at + 8);
      }
    }
  })().catch(fail);
  const sends = [];
  const runAt = async (ms, measured) => {
    const t0 = performance.now();
    let sent = 0;
    while (performance.now() - t0 < ms && failure === null) {
      const due = Math.floor(((performance.now() - t0) * LATENCY_RATE) / 1000);
      while (sent < due) {
        sent++;
        const value = Buffer.alloc(100, 0x6c);
        const sentAt = performance.now();
        value.writeDoubleBE(sentAt, 0);
        value[8] = measured ? 1 : 0;
        sends.push(
          producer.send(value).then(() => {
            if (measured) ackMs.push(performance.now() - sentAt);
          }, fail),
        );
      }
      await sleep(1);
    }
    return sent;
  };
  await runAt(LATENCY_WARMUP_MS, false);
  const sent = await runAt(LATENCY_MS, true);
  await Promise.all(sends);
  const deadline = performance.now() + 5000;
  while (e2e.length < sent && performance.now() < deadline && failure === null) await sleep(10);
  const error = failure;
  stop = true;
  await Promise.race([fetchLoop, sleep(1000)]);
  consumer.close();
  await producer.close();
  if (error !== null) throw error;
  if (e2e.length !== sent) throw new Error(`latency ${topic}: ${sent} sent, ${e2e.length} received`);
  e2e.sort((a, b) => a - b);
  ackMs.sort((a, b) => a - b);
  return {
    sent,
    p50: percentile(e2e, 50),
    p99: percentile(e2e, 99),
    max: e2e[e2e.length - 1],
    ackP50: percentile(ackMs, 50),
    ackP99: percentile(ackMs, 99),
  };
}

// ---------------------------------------------------------------------------------------
// Phases

/** One broker with num.partitions=`partitions`: latency (optional), produce, consume. */
async function brokerPhase(base, partitions, files, withLatency) {
  const dir = join(base, `broker-p${partitions}`);
  log(`broker with num.partitions=${partitions} on ${dir}`);
  const { child, port } = await spawnReady(['bench/broker-child.mjs', dir, String(partitions)]);
  const pid = child.pid;
  const client = await WireClient.connect(HOST, port);
  const kcatTopic = (size, acks, s) => `kcat-${size}-acks${acksName(acks)}-s${s}`;
  const jsTopic = (size, acks, s) => `kafkajs-${size}-acks${acksName(acks)}-s${s}`;
  const names = [];
  for (let s = 0; s < SAMPLES; s++)
    for (const size of SIZES) for (const acks of ACKS) names.push(kcatTopic(size, acks, s), jsTopic(size, acks, s));
  const latencyTopic = (kind, acks) => `latency-${kind}-acks${acksName(acks)}`;
  if (withLatency) for (const kind of LATENCY_PRODUCERS) for (const acks of ACKS) names.push(latencyTopic(kind, acks));
  await createTopics(client, names, partitions);

  // Latency first, before the throughput runs leave gigabytes of dirty pages to write back.
  const latency = [];
  if (withLatency) {
    for (const kind of LATENCY_PRODUCERS) {
      for (const acks of ACKS) {
        log(`  latency at ${LATENCY_RATE} msgs/s, ${kind} producer, acks=${acksName(acks)}`);
        latency.push({ kind, acks, ...(await latencyRun(kind, port, latencyTopic(kind, acks), acks)) });
      }
    }
  }

  // Warm-up (not measured): the broker's JIT, kcat's connection.
  await createTopics(client, ['warm-up'], partitions);
  await kcatProduce(port, 'warm-up', files.warmUp, 1);

  const produce = new Map(); // `${client} ${size} ${acks}` -> measurements
  const add = (map, key, m) => map.set(key, [...(map.get(key) ?? []), m]);
  const check = async (topic, expected) => {
    const end = await endOffset(client, topic, partitions);
    if (end !== expected) throw new Error(`${topic}: ${end} records in the log, ${expected} sent`);
  };
  for (let s = 0; s < SAMPLES; s++) {
    for (const size of SIZES) {
      for (const acks of ACKS) {
        log(`  kcat -P ${sizeName(size)} acks=${acksName(acks)} sample ${s + 1}`);
        const topic = kcatTopic(size, acks, s);
        add(produce, `kcat ${size} ${acks}`, await measure(pid, () => kcatProduce(port, topic, files[size], acks)));
        await check(topic, KCAT_MESSAGES[size]);
      }
    }
  }
  const afterKcat = memoryOf(pid);
  const producer = newProducer(port);
  await producer.connect();
  for (let s = 0; s < SAMPLES; s++) {
    for (const size of SIZES) {
      for (const acks of ACKS) {
        log(`  KafkaJS ${sizeName(size)} acks=${acksName(acks)} sample ${s + 1}`);
        const topic = jsTopic(size, acks, s);
        const count = KAFKAJS_MESSAGES[size];
        add(
          produce,
          `kafkajs ${size} ${acks}`,
          await measure(pid, () => kafkajsProduce(producer, topic, size, acks, count)),
        );
        await check(topic, count);
      }
    }
  }
  await producer.disconnect();
  const afterProduce = memoryOf(pid);

  const consume = new Map();
  for (let s = 0; s < SAMPLES; s++) {
    for (const size of SIZES) {
      log(`  kcat -C ${sizeName(size)} sample ${s + 1}`);
      add(consume, size, await measure(pid, () => kcatConsume(port, kcatTopic(size, 1, s), KCAT_MESSAGES[size])));
    }
  }
  const afterConsume = memoryOf(pid);
  client.close();
  await stopChild(child);
  return { partitions, dir, afterKcat, afterProduce, afterConsume, produce, consume, latency };
}

/** Start and stop with many empty partitions: created once, then restarted SAMPLES times. */
async function manyPartitionsPhase(base) {
  const dir = join(base, 'many-partitions');
  const total = MANY_TOPICS * MANY_PARTITIONS_PER_TOPIC;
  log(`start and stop with ${total} partitions`);
  const first = await spawnReady(['bench/broker-child.mjs', dir, String(MANY_PARTITIONS_PER_TOPIC)]);
  const client = await WireClient.connect(HOST, first.port);
  const t0 = performance.now();
  await createTopics(
    client,
    Array.from({ length: MANY_TOPICS }, (_, i) => `many-${i}`),
    MANY_PARTITIONS_PER_TOPIC,
  );
  const createMs = performance.now() - t0;
  client.close();
  await stopChild(first.child);
  const runs = [];
  for (let s = 0; s < SAMPLES; s++) {
    const b = await spawnReady(['bench/broker-child.mjs', dir, String(MANY_PARTITIONS_PER_TOPIC)]);
    const startCpuMs = cpuMsOf(b.child.pid);
    await sleep(500);
    const rss = memoryOf(b.child.pid).rss;
    runs.push({ startMs: b.readyMs, startCpuMs, rss, stopMs: await stopChild(b.child) });
  }
  return { total, createMs, runs };
}

// ---------------------------------------------------------------------------------------
// The run

async function main() {
  const base = mkdtempSync(join(process.env.BENCH_DIR ?? tmpdir(), 'gregor-broker-bench-'));
  const load0 = loadavg();
  const started = performance.now();
  try {
    // Limits, side by side (loopback: one unmeasured pass first).
    log('loopback limit');
    const sink = await spawnReady(['bench/tcp-sink.mjs']);
    await loopbackSample(sink.port);
    const loopback = [];
    for (let s = 0; s < SAMPLES; s++) loopback.push(await loopbackSample(sink.port));
    await stopChild(sink.child);
    log('disk limit');
    const disk = diskLimits(base);
    const fsyncLatency = [];
    for (let s = 0; s < SAMPLES; s++) fsyncLatency.push(...fsyncLatencySample(base));
    fsyncLatency.sort((a, b) => a - b);
    const loopbackRate = median(loopback);
    const diskRate = new Map([...disk].map(([name, xs]) => [name, median(xs)]));

    // Start time and idle memory: a bare Node process (the floor), then the broker on an empty directory.
    log('start time');
    const nodeStart = [];
    const nodeRss = [];
    const brokerStart = [];
    const brokerRss = [];
    const brokerStop = [];
    const mainStart = [];
    const mainRss = [];
    const mainStop = [];
    for (let s = 0; s < START_SAMPLES; s++) {
      const bare = await spawnReady(['-e', 'process.stdout.write("READY 0\\n"); setInterval(() => {}, 1000);']);
      nodeStart.push(bare.readyMs);
      await sleep(1000);
      nodeRss.push(memoryOf(bare.child.pid).rss);
      await stopChild(bare.child);
      const b = await spawnReady(['bench/broker-child.mjs', join(base, `start-${s}`), '1']);
      brokerStart.push(b.readyMs);
      await sleep(1000);
      brokerRss.push(memoryOf(b.child.pid).rss);
      brokerStop.push(await stopChild(b.child));
      if (existsSync(join(ROOT, MAIN_JS))) {
        const m = await spawnReady(
          [MAIN_JS, '--data-dir', join(base, `main-${s}`), '--override', `listeners=PLAINTEXT://${HOST}:0`],
          brokerReadyLog,
        );
        mainStart.push(m.readyMs);
        await sleep(1000);
        mainRss.push(memoryOf(m.child.pid).rss);
        mainStop.push(await stopChild(m.child));
      }
    }

    log('record files');
    const files = {};
    for (const size of SIZES) files[size] = recordFile(base, size, KCAT_MESSAGES[size]);
    files.warmUp = recordFile(base, 100, 200_000);
    const phases = [await brokerPhase(base, 1, files, true), await brokerPhase(base, 6, files, false)];

    // Restart on the directory holding the 6-partition data (after a clean shutdown).
    log('restart with data');
    const restart = [];
    for (let s = 0; s < SAMPLES; s++) {
      const b = await spawnReady(['bench/broker-child.mjs', phases[1].dir, '6']);
      await sleep(500);
      const rss = memoryOf(b.child.pid).rss;
      restart.push({ ms: b.readyMs, rss, stopMs: await stopChild(b.child) });
    }
    const dataPartitions = 2 * SIZES.length * ACKS.length * SAMPLES * 6;
    const many = await manyPartitionsPhase(base);
    const load1 = loadavg();

    // ---- Report
    const cpu = cpus()[0]?.model ?? 'unknown CPU';
    console.log(
      `## Broker (${availableParallelism()} cores, ${cpu}, ${fmt(totalmem() / 2 ** 30)} GiB, Node ${process.version}, kcat ${kcatVersion()})\n`,
    );
    console.log(
      `Load average ${load0.map((x) => x.toFixed(2)).join(' ')} at the start, ${load1.map((x) => x.toFixed(2)).join(' ')} at the end (machine shared with other work). Medians of ${SAMPLES} samples unless said; the run took ${fmt((performance.now() - started) / 1000)} s.\n`,
    );
    console.log('### Limits\n\n| limit | rate |\n|---|---:|');
    console.log(`| loopback TCP, Node -> Node, 1 MiB writes | ${mbps(loopbackRate)} |`);
    for (const [name, rate] of diskRate) console.log(`| disk, sequential 1 MiB writes, ${name} | ${mbps(rate)} |`);
    console.log(
      `| disk, 100 B write + fdatasync, back to back (${fmt(fsyncLatency.length)} ops) | p50 ${percentile(fsyncLatency, 50).toFixed(2)} ms, p99 ${percentile(fsyncLatency, 99).toFixed(2)} ms |`,
    );

    const diskFor = (acks) => diskRate.get(acks === -1 ? DISK_CASES[2].name : DISK_CASES[0].name);
    console.log(
      '\n### Produce\n\nMB/s of record values (10^6 B); ratios to the loopback limit and to the disk (acks=1: writes without fsync to a new file; acks=all: fsync every 1 MiB, new file). CPU in cores (CPU seconds per second) of the broker process and of the client (kcat, or this process for KafkaJS).\n',
    );
    console.log(
      '| client | record | acks | partitions | msgs/s | MB/s | / loopback | / disk | broker CPU | client CPU |\n|---|---|---|---:|---:|---:|---:|---:|---:|---:|',
    );
    for (const clientName of ['kcat', 'kafkajs']) {
      for (const p of phases) {
        for (const size of SIZES) {
          for (const acks of ACKS) {
            const count = (clientName === 'kcat' ? KCAT_MESSAGES : KAFKAJS_MESSAGES)[size];
            const runs = p.produce.get(`${clientName} ${size} ${acks}`);
            const ms = median(runs.map((r) => r.ms));
            const msgs = (count / ms) * 1000;
            const bytes = msgs * size;
            console.log(
              `| ${clientName === 'kcat' ? 'kcat' : 'KafkaJS'} | ${sizeName(size)} | ${acksName(acks)} | ${p.partitions} | ${fmt(msgs)} | ${fmt(bytes / 1e6)} | ${(bytes / loopbackRate).toFixed(3)} | ${(bytes / diskFor(acks)).toFixed(3)} | ${cores(runs, 'brokerCpuMs')} | ${cores(runs, 'clientCpuMs')} |`,
            );
          }
        }
      }
    }
    console.log('\n### Consume (kcat -C from the beginning to the end of the kcat acks=1 topics)\n');
    console.log(
      '| record | partitions | msgs/s | MB/s | / loopback | broker CPU | client CPU |\n|---|---:|---:|---:|---:|---:|---:|',
    );
    for (const p of phases) {
      for (const size of SIZES) {
        const runs = p.consume.get(size);
        const msgs = (KCAT_MESSAGES[size] / median(runs.map((r) => r.ms))) * 1000;
        console.log(
          `| ${sizeName(size)} | ${p.partitions} | ${fmt(msgs)} | ${fmt((msgs * size) / 1e6)} | ${((msgs * size) / loopbackRate).toFixed(3)} | ${cores(runs, 'brokerCpuMs')} | ${cores(runs, 'clientCpuMs')} |`,
        );
      }
    }
    console.log(
      `\n### End-to-end latency (${fmt(LATENCY_RATE)} msgs/s of 100 B for ${LATENCY_MS / 1000} s, 1 partition, one run each, on a fresh broker)\n`,
    );
    console.log(
      '| producer | acks | messages | e2e p50 | e2e p99 | e2e max | produce ack p50 | produce ack p99 |\n|---|---|---:|---:|---:|---:|---:|---:|',
    );
    for (const l of phases[0].latency) {
      console.log(
        `| ${l.kind === 'raw' ? 'raw Produce v9' : 'KafkaJS'} | ${acksName(l.acks)} | ${fmt(l.sent)} | ${l.p50.toFixed(2)} ms | ${l.p99.toFixed(2)} ms | ${l.max.toFixed(2)} ms | ${l.ackP50.toFixed(2)} ms | ${l.ackP99.toFixed(2)} ms |`,
      );
    }
    const MB = (b) => `${fmt(b / 1e6)} MB`;
    const range = (xs) => `${fmt(Math.min(...xs))} to ${fmt(Math.max(...xs))}`;
    console.log(
      `\n### Start, stop and memory (start: spawn to the ready line; median of ${START_SAMPLES} on an empty log dir, of ${SAMPLES} otherwise)\n`,
    );
    console.log('| what | value |\n|---|---:|');
    console.log(`| bare Node process, spawn to its first line of output | ${fmt(median(nodeStart))} ms |`);
    console.log(`| broker start, empty log dir | ${fmt(median(brokerStart))} ms (${range(brokerStart)}) |`);
    console.log(`| broker stop (SIGTERM to exit), empty log dir | ${fmt(median(brokerStop))} ms |`);
    if (mainStart.length > 0) {
      console.log(
        `| \`node ${MAIN_JS}\` to its "Gregor broker ready" log line, empty log dir | ${fmt(median(mainStart))} ms (${range(mainStart)}) |`,
      );
      console.log(`| the same, stop (SIGTERM to exit) | ${fmt(median(mainStop))} ms |`);
    }
    console.log(
      `| broker start, ${dataPartitions} partitions holding the produce data | ${fmt(median(restart.map((r) => r.ms)))} ms (${range(restart.map((r) => r.ms))}) |`,
    );
    console.log(`| broker stop, the same | ${fmt(median(restart.map((r) => r.stopMs)))} ms |`);
    console.log(
      `| creating ${fmt(many.total)} partitions (${MANY_TOPICS} topics, Metadata auto-create) | ${fmt(many.createMs)} ms |`,
    );
    console.log(
      `| broker start, ${fmt(many.total)} empty partitions | ${fmt(median(many.runs.map((r) => r.startMs)))} ms (${range(many.runs.map((r) => r.startMs))}), ${fmt(median(many.runs.map((r) => r.startCpuMs)))} ms CPU |`,
    );
    console.log(
      `| broker stop, the same | ${fmt(median(many.runs.map((r) => r.stopMs)))} ms (${range(many.runs.map((r) => r.stopMs))}) |`,
    );
    console.log(`| bare Node process, VmRSS idle | ${MB(median(nodeRss))} |`);
    console.log(`| broker VmRSS idle, 1 s after start, empty log dir | ${MB(median(brokerRss))} |`);
    if (mainRss.length > 0)
      console.log(`| \`${MAIN_JS}\` VmRSS idle, 1 s after start, empty log dir | ${MB(median(mainRss))} |`);
    console.log(
      `| broker VmRSS 0.5 s after start, ${dataPartitions} partitions with data | ${MB(median(restart.map((r) => r.rss)))} |`,
    );
    console.log(
      `| broker VmRSS 0.5 s after start, ${fmt(many.total)} empty partitions | ${MB(median(many.runs.map((r) => r.rss)))} |`,
    );
    for (const p of phases) {
      const n = `${p.partitions} partition${p.partitions > 1 ? 's' : ''} per topic`;
      console.log(
        `| broker peak VmRSS (VmHWM), ${n}: after kcat produce / after KafkaJS produce / after consume | ${MB(p.afterKcat.hwm)} / ${MB(p.afterProduce.hwm)} / ${MB(p.afterConsume.hwm)} |`,
      );
      console.log(`| broker VmRSS at the end of the load, ${n} | ${MB(p.afterConsume.rss)} |`);
    }
    console.log('\nSamples (for the spread):\n');
    console.log(`- loopback MB/s: ${loopback.map((x) => fmt(x / 1e6)).join(', ')}`);
    for (const [name, xs] of disk) console.log(`- disk, ${name}, MB/s: ${xs.map((x) => fmt(x / 1e6)).join(', ')}`);
    for (const p of phases) {
      for (const [key, runs] of p.produce)
        console.log(`- ${p.partitions} partition(s), ${key}: ms ${runs.map((r) => fmt(r.ms)).join(', ')}`);
      for (const [size, runs] of p.consume)
        console.log(`- ${p.partitions} partition(s), consume ${size}: ms ${runs.map((r) => fmt(r.ms)).join(', ')}`);
    }
  } finally {
    await stopAll();
    rmSync(base, { recursive: true, force: true });
  }
}

function cores(runs, field) {
  return median(runs.map((r) => r[field] / r.ms)).toFixed(2);
}

let kcatHelp = '';
function kcatVersion() {
  const m = /Version (\S+) .*librdkafka (\S+)/.exec(kcatHelp);
  return m === null ? 'unknown' : `${m[1]}, librdkafka ${m[2]}`;
}

process.on('SIGINT', () => {
  void stopAll().then(() => process.exit(130));
});
// Whatever goes wrong, the processes started here are stopped before exiting.
const crash = (e) => {
  console.error(e);
  void stopAll().then(() => process.exit(1));
};
process.on('uncaughtException', crash);
process.on('unhandledRejection', crash);
kcatHelp = await new Promise((resolve) => {
  const c = track(spawn(KCAT, ['-V'], { stdio: ['ignore', 'pipe', 'pipe'] }));
  let out = '';
  c.stdout.on('data', (d) => {
    out += d;
  });
  c.stderr.on('data', (d) => {
    out += d;
  });
  c.once('error', () => resolve(''));
  c.once('close', () => resolve(out));
});
if (!/kcat/.test(kcatHelp)) {
  console.error(`${KCAT} -V failed: the broker benchmark needs kcat (set KCAT to its path)`);
  process.exit(1);
}
await main();
