/**
 * A Jepsen-style checker against one broker (ideas from Jepsen's Kafka workload): a
 * seeded workload of concurrent KafkaJS clients (idempotent sends, transactions that
 * commit, abort or are abandoned and fenced, zombie producers) and raw read_committed
 * readers, with client crashes and broker restarts (SIGTERM, kill -9) injected at
 * random; every operation is recorded with its outcome (the workload is
 * checker-workload.ts, shared with fault-injection.ts) and checker-history.ts checks the
 * history: no lost acknowledged write, no duplicate, no aborted read, offsets
 * monotonic without divergence, per-producer order.
 *
 * The seed is printed; GREGOR_CHECKER_SEED replays it (timing still varies).
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import kafkajs from 'kafkajs';
import { type CommittedRead, checkHistory, readCommitted, tallyHistory } from './checker-history.js';
import { abandon, CheckerWorkload, sleep, within } from './checker-workload.js';
import { RawClient } from './raw-client.js';
import { SeededRandom } from './support.js';

const { Kafka, logLevel } = kafkajs;
type Producer = kafkajs.Producer;

const CHILD = join(dirname(fileURLToPath(import.meta.url)), 'child-broker.js');
const fromEnv = Number(process.env.GREGOR_CHECKER_SEED);
const seed = Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : Math.floor(Math.random() * 0x7fffffff) + 1;

const PARTITIONS = 3;
const WORKLOAD_MS = 12_000;
const OP_TIMEOUT_MS = 6_000;
const RESTARTS_MAX = 2;

function startChild(logDir: string, port: number): Promise<{ child: ChildProcess; port: number }> {
  const settings = { listeners: [{ name: 'PLAINTEXT', host: '127.0.0.1', port }] };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, logDir, JSON.stringify(settings)], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      if (child.pid !== undefined) process.kill(child.pid, 'SIGKILL');
      reject(new Error(`child broker did not start within 15 s: ${err}`));
    }, 15_000);
    child.stderr?.on('data', (c: Buffer) => {
      err += c.toString();
    });
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /port (\d+)\n/.exec(out);
      if (m !== null) {
        clearTimeout(timer);
        resolve({ child, port: Number(m[1]) });
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`child broker exited (${code ?? signal}) before listening: ${err}`));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

test(`checker: Jepsen-style workload against one broker (seed ${seed})`, { timeout: 60_000 }, async () => {
  process.stdout.write(`checker seed ${seed} (GREGOR_CHECKER_SEED=${seed} replays)\n`);
  const rnd = new SeededRandom(seed);
  const logDir = mkdtempSync(join(tmpdir(), 'gregor-checker-'));
  let broker = await startChild(logDir, 0);
  const port = broker.port;
  const started = Date.now();
  const producers = new Set<Producer>();
  after(async () => {
    for (const p of producers) abandon(p);
    const c = broker.child;
    if (c.exitCode === null && c.signalCode === null && c.pid !== undefined) process.kill(c.pid, 'SIGKILL');
    await exited(c);
    rmSync(logDir, { recursive: true, force: true });
  });

  const kafka = new Kafka({
    clientId: 'gregor-checker',
    brokers: [`127.0.0.1:${port}`],
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1000,
    requestTimeout: 3000,
    retry: { initialRetryTime: 100, maxRetryTime: 800, retries: 6 },
  });
  const topic = `checker-${process.pid}-${seed}`;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: PARTITIONS }], waitForLeaders: true });
  await admin.disconnect();

  async function readAll(): Promise<CommittedRead[]> {
    const client = await within(RawClient.connect(port), 2000, 'reader connect');
    try {
      const out: CommittedRead[] = [];
      for (let p = 0; p < PARTITIONS; p++) out.push(await readCommitted(client, topic, p, 3000));
      return out;
    } finally {
      client.close();
    }
  }

  const stopAt = started + WORKLOAD_MS;
  const workload = new CheckerWorkload({
    kafka,
    txnKafka: kafka,
    topic,
    partitions: PARTITIONS,
    startedMs: started,
    stopAtMs: stopAt,
    opTimeoutMs: OP_TIMEOUT_MS,
    transactionTimeoutMs: 10_000,
    chances: { sendCrash: 0.08, commit: 0.6, abort: 0.85, zombie: 0.1, crashInCommit: 0.1 },
    readAll,
    producers,
  });
  const history = workload.history;

  async function faults(r: SeededRandom): Promise<void> {
    const restarts = r.int(1, RESTARTS_MAX);
    for (let i = 0; i < restarts; i++) {
      await sleep(r.int(2000, Math.max(2000, Math.floor(WORKLOAD_MS / restarts) - 1500)));
      if (Date.now() > stopAt - 1500) return;
      const kill = r.next() < 0.5;
      const pid = broker.child.pid;
      if (pid === undefined) throw new Error('broker has no pid');
      workload.fault(kill ? 'kill -9 broker' : 'SIGTERM broker');
      process.kill(pid, kill ? 'SIGKILL' : 'SIGTERM');
      await within(exited(broker.child), 15_000, 'broker exit');
      await sleep(r.int(0, 500));
      broker = await startChild(logDir, port);
      workload.fault('broker restarted');
    }
  }

  await Promise.all([faults(new SeededRandom(rnd.int(1, 0x7fffffff))), ...workload.start(rnd)]);

  // Fence every transactional id (aborting whatever a crashed client left open), then
  // read until the last stable offset reaches the high watermark.
  await workload.fenceAll(0);
  const final = await workload.readUntilStable(8000, 200);
  assert.ok(
    final !== null,
    `seed ${seed}: the last stable offset never reached the high watermark after fencing every transactional id`,
  );

  const violations = checkHistory(history, final);
  const t = tallyHistory(history, final);
  const summary = [
    `checker seed ${seed}: ${Date.now() - started} ms`,
    `sends ok/unknown ${t.sends.ok}/${t.sends.unknown}`,
    `txns ok/failed/unknown ${t.txns.ok}/${t.txns.failed}/${t.txns.unknown}`,
    `txn ends commit/abort/abandon ${t.ends.commit}/${t.ends.abort}/${t.ends.abandon}`,
    `zombie commits refused ${t.zombieCommitsRefused}`,
    `unknown sends visible ${t.unknownSendsVisible} of ${t.sends.unknown}`,
    `unknown commits visible ${t.unknownCommitsVisible} of ${t.unknownCommits}`,
    `e.g. ${t.firstZombieRefusal ?? 'no zombie'}`,
    `reads ${t.reads}`,
    `faults: ${history.flatMap((op) => (op.kind === 'fault' ? [`${op.what}@${op.atMs}ms`] : [])).join(', ')}`,
    `final read: ${final.map((p, i) => `p${i}: ${p.length} values`).join(', ')}`,
  ].join('; ');
  process.stdout.write(`${summary}\n`);
  assert.ok(t.sends.ok + t.txns.ok > 0, `seed ${seed}: no operation succeeded`);
  if (violations.length > 0) {
    const report = violations.map((v) => `  [${v.property}] ${v.detail}`).join('\n');
    assert.fail(
      `seed ${seed}: ${violations.length} violation(s) (GREGOR_CHECKER_SEED=${seed} replays)\n${report}\n${summary}`,
    );
  }
});
