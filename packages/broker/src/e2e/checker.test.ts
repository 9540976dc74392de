/**
 * A Jepsen-style checker against one broker (ideas from Jepsen's Kafka workload): a
 * seeded workload of concurrent KafkaJS clients (idempotent sends, transactions that
 * commit, abort or are abandoned and fenced, zombie producers) and raw read_committed
 * readers, with client crashes and broker restarts (SIGTERM, kill -9) injected at
 * random; every operation is recorded with its outcome and checker-history.ts checks
 * the history: no lost acknowledged write, no duplicate, no aborted read, offsets
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
import { checkHistory, type Operation, readCommitted } from './checker-history.js';
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
const IDEMPOTENT_CLIENTS = 2;
const TXN_CLIENTS = 2;
const READERS = 1;
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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `p` or a timeout error after `ms`; the timer never outlives the race. */
async function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: timed out after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function message(e: unknown): string {
  const m = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return m.length > 160 ? `${m.slice(0, 160)}...` : m;
}

/** Fire and forget: a disconnect that nobody waits for (a client crash). */
function abandon(p: Producer): void {
  p.disconnect().catch(() => undefined);
}

test(`checker: Jepsen-style workload against one broker (seed ${seed})`, { timeout: 60_000 }, async () => {
  process.stdout.write(`checker seed ${seed} (GREGOR_CHECKER_SEED=${seed} replays)\n`);
  const rnd = new SeededRandom(seed);
  const logDir = mkdtempSync(join(tmpdir(), 'gregor-checker-'));
  let broker = await startChild(logDir, 0);
  const port = broker.port;
  const started = Date.now();
  const history: Operation[] = [];
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

  const stopAt = started + WORKLOAD_MS;
  let valueCounter = 0;
  const nextValue = (client: string) => `${client}-v${valueCounter++}`;

  async function idempotentClient(name: string, r: SeededRandom): Promise<void> {
    let instance = 0;
    let producer: Producer | null = null;
    let seq = 0;
    let producerName = '';
    while (Date.now() < stopAt) {
      if (producer === null) {
        producerName = `${name}#${instance++}`;
        seq = 0;
        const p = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
        producers.add(p);
        try {
          await within(p.connect(), OP_TIMEOUT_MS, 'connect');
          producer = p;
        } catch {
          abandon(p);
          await sleep(200);
          continue;
        }
      }
      const partition = r.int(0, PARTITIONS - 1);
      const value = nextValue(name);
      const crash = r.next() < 0.08;
      const op: Operation = {
        kind: 'send',
        client: name,
        producer: producerName,
        seq: seq++,
        write: { value, partition },
        outcome: 'unknown',
        detail: '',
      };
      history.push(op);
      const sent = producer.send({ topic, acks: -1, messages: [{ value, partition }] });
      if (crash) {
        sent.catch(() => undefined);
        op.detail = 'client crashed mid-flight';
        abandon(producer);
        producer = null;
        continue;
      }
      try {
        await within(sent, OP_TIMEOUT_MS, 'send');
        op.outcome = 'ok';
      } catch (e) {
        sent.catch(() => undefined);
        // A failed send after retries may still have been appended: unknown, and a new
        // producer (a new producer id) so later sends start clean.
        op.detail = message(e);
        abandon(producer);
        producer = null;
      }
      await sleep(r.int(0, 30));
    }
    if (producer !== null) await producer.disconnect().catch(() => undefined);
  }

  async function txnClient(name: string, r: SeededRandom): Promise<void> {
    const transactionalId = `${topic}-${name}`;
    let instance = 0;
    let producer: Producer | null = null;
    let producerName = '';
    const newProducer = () => {
      producerName = `${name}#${instance++}`;
      const p = kafka.producer({
        transactionalId,
        idempotent: true,
        maxInFlightRequests: 1,
        transactionTimeout: 10_000,
        allowAutoTopicCreation: false,
      });
      producers.add(p);
      return p;
    };
    while (Date.now() < stopAt) {
      if (producer === null) {
        const p = newProducer();
        try {
          await within(p.connect(), OP_TIMEOUT_MS, 'connect');
          producer = p;
        } catch {
          abandon(p);
          await sleep(200);
          continue;
        }
      }
      const roll = r.next();
      const end: 'commit' | 'abort' | 'abandon' = roll < 0.6 ? 'commit' : roll < 0.85 ? 'abort' : 'abandon';
      const zombie = end === 'commit' && r.next() < 0.1;
      const crashInCommit = end === 'commit' && !zombie && r.next() < 0.1;
      const writes = [];
      const n = r.int(1, 4);
      for (let i = 0; i < n; i++) writes.push({ value: nextValue(name), partition: r.int(0, PARTITIONS - 1) });
      const op: Operation = {
        kind: 'txn',
        client: name,
        producer: producerName,
        writes,
        end,
        outcome: 'unknown',
        detail: '',
      };
      history.push(op);
      let stage = 'begin';
      try {
        const txn = await within(producer.transaction(), OP_TIMEOUT_MS, 'begin');
        stage = 'send';
        for (const w of writes) {
          await within(
            txn.send({ topic, acks: -1, messages: [{ value: w.value, partition: w.partition }] }),
            OP_TIMEOUT_MS,
            'send',
          );
        }
        if (end === 'abandon') {
          // Client crash: walk away mid-transaction; the next producer with this
          // transactional id must fence this one and abort what it left open.
          op.detail = 'abandoned, fenced by the next producer';
          abandon(producer);
          producer = null;
          continue;
        }
        if (zombie) {
          // A new producer with the same transactional id fences this one: its commit
          // must fail and nothing it sent may ever be seen.
          const successor = newProducer();
          await within(successor.connect(), OP_TIMEOUT_MS, 'successor connect');
          const fence = await within(successor.transaction(), OP_TIMEOUT_MS, 'successor begin');
          await within(fence.abort(), OP_TIMEOUT_MS, 'successor abort');
          op.detail = 'zombie: fenced before its commit';
          stage = 'zombie commit';
          try {
            await within(txn.commit(), OP_TIMEOUT_MS, 'zombie commit');
            op.outcome = 'ok';
            op.detail = 'zombie commit was acknowledged';
          } catch (e) {
            op.outcome = 'failed';
            op.detail = `zombie commit refused: ${message(e)}`;
          }
          abandon(producer);
          producer = successor;
          producerName = `${name}#${instance - 1}`;
          continue;
        }
        stage = end;
        if (crashInCommit) {
          // Client crash while its EndTxn is in flight: the commit may or may not take
          // effect, but all or nothing; the next producer fences whatever is left.
          txn.commit().catch(() => undefined);
          op.detail = 'client crashed during commit';
          abandon(producer);
          producer = null;
          continue;
        }
        if (end === 'commit') await within(txn.commit(), OP_TIMEOUT_MS, 'commit');
        else await within(txn.abort(), OP_TIMEOUT_MS, 'abort');
        op.outcome = 'ok';
      } catch (e) {
        // Before the commit was asked for, nothing can commit: the next producer fences
        // and aborts. A commit that errored is unknown.
        op.outcome = stage === 'commit' ? 'unknown' : 'failed';
        op.detail = `${stage}: ${message(e)}`;
        if (producer !== null) abandon(producer);
        producer = null;
      }
      await sleep(r.int(0, 50));
    }
    if (producer !== null) await producer.disconnect().catch(() => undefined);
  }

  async function readAll(name: string): Promise<{ offset: number; value: string }[][]> {
    const client = await within(RawClient.connect(port), 2000, 'reader connect');
    try {
      const out: { offset: number; value: string }[][] = [];
      for (let p = 0; p < PARTITIONS; p++) out.push((await readCommitted(client, topic, p, 3000)).records);
      return out;
    } catch (e) {
      throw new Error(`${name}: ${message(e)}`);
    } finally {
      client.close();
    }
  }

  async function reader(name: string, r: SeededRandom): Promise<void> {
    while (Date.now() < stopAt) {
      try {
        const partitions = await readAll(name);
        history.push({ kind: 'read', client: name, partitions, outcome: 'ok', detail: '' });
      } catch {
        // A read that failed saw nothing: nothing to check.
      }
      await sleep(r.int(100, 400));
    }
  }

  async function faults(r: SeededRandom): Promise<void> {
    const restarts = r.int(1, RESTARTS_MAX);
    for (let i = 0; i < restarts; i++) {
      await sleep(r.int(2000, Math.max(2000, Math.floor(WORKLOAD_MS / restarts) - 1500)));
      if (Date.now() > stopAt - 1500) return;
      const kill = r.next() < 0.5;
      const pid = broker.child.pid;
      if (pid === undefined) throw new Error('broker has no pid');
      history.push({ kind: 'fault', what: kill ? 'kill -9 broker' : 'SIGTERM broker', atMs: Date.now() - started });
      process.kill(pid, kill ? 'SIGKILL' : 'SIGTERM');
      await within(exited(broker.child), 15_000, 'broker exit');
      await sleep(r.int(0, 500));
      broker = await startChild(logDir, port);
      history.push({ kind: 'fault', what: 'broker restarted', atMs: Date.now() - started });
    }
  }

  const tasks: Promise<void>[] = [faults(new SeededRandom(rnd.int(1, 0x7fffffff)))];
  for (let i = 0; i < IDEMPOTENT_CLIENTS; i++)
    tasks.push(idempotentClient(`idem${i}`, new SeededRandom(rnd.int(1, 0x7fffffff))));
  for (let i = 0; i < TXN_CLIENTS; i++) tasks.push(txnClient(`txn${i}`, new SeededRandom(rnd.int(1, 0x7fffffff))));
  for (let i = 0; i < READERS; i++) tasks.push(reader(`reader${i}`, new SeededRandom(rnd.int(1, 0x7fffffff))));
  await Promise.all(tasks);

  // Fence every transactional id (aborting whatever a crashed client left open), then
  // read until the last stable offset reaches the high watermark.
  for (let i = 0; i < TXN_CLIENTS; i++) {
    const p = kafka.producer({ transactionalId: `${topic}-txn${i}`, idempotent: true, maxInFlightRequests: 1 });
    producers.add(p);
    await within(p.connect(), OP_TIMEOUT_MS, 'fence connect');
    const txn = await within(p.transaction(), OP_TIMEOUT_MS, 'fence begin');
    await within(txn.abort(), OP_TIMEOUT_MS, 'fence abort');
    await p.disconnect();
  }
  let final: { offset: number; value: string }[][] = [];
  const finalDeadline = Date.now() + 8000;
  for (;;) {
    const client = await RawClient.connect(port);
    let stable = true;
    try {
      final = [];
      for (let p = 0; p < PARTITIONS; p++) {
        const read = await readCommitted(client, topic, p, 3000);
        final.push(read.records);
        if (read.lastStableOffset < read.highWatermark) stable = false;
      }
    } finally {
      client.close();
    }
    if (stable) break;
    assert.ok(
      Date.now() < finalDeadline,
      `seed ${seed}: the last stable offset never reached the high watermark after fencing every transactional id`,
    );
    await sleep(200);
  }

  const violations = checkHistory(history, final);
  const count = (kind: Operation['kind'], outcome?: string) =>
    history.filter((op) => op.kind === kind && (outcome === undefined || ('outcome' in op && op.outcome === outcome)))
      .length;
  const finalValues = new Set(final.flatMap((p) => p.map((r) => r.value)));
  const visible = (kind: 'send' | 'txn') =>
    history.filter(
      (op) =>
        op.kind === kind &&
        op.outcome === 'unknown' &&
        (op.kind === 'send'
          ? finalValues.has(op.write.value)
          : op.kind === 'txn' && op.end === 'commit' && op.writes.some((w) => finalValues.has(w.value))),
    ).length;
  const summary = [
    `checker seed ${seed}: ${Date.now() - started} ms`,
    `sends ok/unknown ${count('send', 'ok')}/${count('send', 'unknown')}`,
    `txns ok/failed/unknown ${count('txn', 'ok')}/${count('txn', 'failed')}/${count('txn', 'unknown')}`,
    `txn ends commit/abort/abandon ${['commit', 'abort', 'abandon'].map((e) => history.filter((op) => op.kind === 'txn' && op.end === e).length).join('/')}`,
    `zombie commits refused ${history.filter((op) => op.kind === 'txn' && op.detail.startsWith('zombie commit refused')).length}`,
    `unknown sends visible ${visible('send')} of ${history.filter((op) => op.kind === 'send' && op.outcome === 'unknown').length}`,
    `unknown commits visible ${visible('txn')} of ${history.filter((op) => op.kind === 'txn' && op.end === 'commit' && op.outcome === 'unknown').length}`,
    `e.g. ${history.flatMap((op) => (op.kind === 'txn' && op.detail.startsWith('zombie commit refused') ? [op.detail] : []))[0] ?? 'no zombie'}`,
    `reads ${count('read')}`,
    `faults: ${history.flatMap((op) => (op.kind === 'fault' ? [`${op.what}@${op.atMs}ms`] : [])).join(', ')}`,
    `final read: ${final.map((p, i) => `p${i}: ${p.length} values`).join(', ')}`,
  ].join('; ');
  process.stdout.write(`${summary}\n`);
  assert.ok(count('send', 'ok') + count('txn', 'ok') > 0, `seed ${seed}: no operation succeeded`);
  if (violations.length > 0) {
    const report = violations.map((v) => `  [${v.property}] ${v.detail}`).join('\n');
    assert.fail(
      `seed ${seed}: ${violations.length} violation(s) (GREGOR_CHECKER_SEED=${seed} replays)\n${report}\n${summary}`,
    );
  }
});
