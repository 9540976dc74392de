/**
 * Durability: what a broker acknowledged is there after it restarts.
 *
 * - A clean restart (stop, start on the same log directory) keeps topics (ids, partition
 *   counts), their configs and every acknowledged record byte for byte; appends go on
 *   at the right offset.
 * - SIGTERM stops a child-process broker cleanly (every log closed, no recovery needed).
 * - kill -9 of a child-process broker in the middle of an acks=-1 produce load: after a
 *   restart on the same directory every acknowledged batch is at its offsets with its
 *   values, nothing is duplicated or invented, the log reads through to its end and new
 *   appends work. A torn write at the tail (a partial batch and garbage, as a power
 *   loss can leave) is cut off by recovery.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { KafkaRecord } from '@gregor/protocol';
import { ApiKey, buildRecordBatch, type CompressionType } from '@gregor/protocol';
import { CLEAN_SHUTDOWN_FILE } from '@gregor/storage';
import kafkajs from 'kafkajs';
import type { TestBroker } from '../testing.js';
import { startTestBroker } from '../testing.js';
import { ensureTopic, FETCH_VERSION, fetchAll, fetchRequest, produce, RawClient } from './raw-client.js';
import { SeededRandom, seedFromEnv, uniqueTopic } from './support.js';

const { ConfigResourceTypes, Kafka, logLevel } = kafkajs;
const seed = seedFromEnv();
const CHILD = join(dirname(fileURLToPath(import.meta.url)), 'child-broker.js');

interface Sent {
  partition: number;
  baseOffset: number;
  records: { key: Buffer | null; value: Buffer; headers: { key: string; value: Buffer | null }[]; timestamp: number }[];
}

function sameRecord(actual: KafkaRecord | undefined, expected: Sent['records'][number], offset: number): void {
  assert.ok(actual !== undefined, `offset ${offset} is missing`);
  assert.equal(actual.offset, offset);
  assert.equal(actual.timestamp, expected.timestamp, `timestamp at ${offset}`);
  assert.deepEqual(actual.key, expected.key, `key at ${offset}`);
  assert.ok(actual.value?.equals(expected.value), `value at ${offset}`);
  assert.deepEqual(
    actual.headers.map((h) => [h.key, h.value]),
    expected.headers.map((h) => [h.key, h.value]),
    `headers at ${offset}`,
  );
}

/** Starts child-broker.js on `logDir`; resolves with the process and its port. */
function startChild(logDir: string, settings: object): Promise<{ child: ChildProcess; port: number }> {
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

describe(`durability (seed ${seed})`, { timeout: 60_000 }, () => {
  const rnd = new SeededRandom(seed);
  const dirs: string[] = [];
  const children: ChildProcess[] = [];

  after(() => {
    for (const c of children) {
      if (c.exitCode === null && c.signalCode === null && c.pid !== undefined) process.kill(c.pid, 'SIGKILL');
    }
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  function newDir(): string {
    const d = mkdtempSync(join(tmpdir(), 'gregor-durability-'));
    dirs.push(d);
    return d;
  }

  function randomRecords(n: number, tag: string): Sent['records'] {
    const now = Date.now();
    return Array.from({ length: n }, (_, i) => ({
      key: i % 3 === 0 ? null : rnd.bytes(rnd.int(0, 24)),
      value: Buffer.concat([Buffer.from(`${tag}:${i}:`), rnd.bytes(rnd.int(0, 600))]),
      headers:
        i % 4 === 0
          ? [
              { key: `h${i}`, value: rnd.bytes(5) },
              { key: 'nil', value: null },
            ]
          : [],
      timestamp: now - rnd.int(0, 100_000),
    }));
  }

  test('a clean restart keeps topics, configs and every acknowledged record byte-exact', async () => {
    const logDir = newDir();
    const topic = uniqueTopic('restart-configured');
    const autoTopic = uniqueTopic('restart-auto');
    const deletedTopic = uniqueTopic('restart-deleted');
    const configs = new Map([
      ['retention.ms', '86400000'],
      ['max.message.bytes', '500000'],
      ['cleanup.policy', 'delete'],
    ]);
    let tb: TestBroker | null = await startTestBroker({ logDir });
    try {
      // The operator's path: CreateTopics from a real client; and a topic deleted before
      // the restart must stay deleted.
      const admin = new Kafka({ brokers: [tb.bootstrap], logLevel: logLevel.NOTHING }).admin();
      await admin.connect();
      try {
        const configEntries = [...configs].map(([name, value]) => ({ name, value }));
        assert.equal(await admin.createTopics({ topics: [{ topic, numPartitions: 2, configEntries }] }), true);
        assert.equal(await admin.createTopics({ topics: [{ topic: deletedTopic }] }), true);
        await admin.deleteTopics({ topics: [deletedTopic] });
      } finally {
        await admin.disconnect();
      }
      let client = await RawClient.connect(tb.port);
      assert.equal(await ensureTopic(client, autoTopic), 1);
      const sent: Sent[] = [];
      const targets: [string, number][] = [
        [topic, 0],
        [topic, 1],
        [autoTopic, 0],
      ];
      for (let round = 0; round < 10; round++) {
        for (const [t, partition] of targets) {
          const records = randomRecords(rnd.int(1, 30), `${t}-${partition}-${round}`);
          const batch = buildRecordBatch({ records, compression: (round % 5) as CompressionType });
          const r = await produce(client, t, partition, batch, round % 2 === 0 ? -1 : 1);
          assert.equal(r.errorCode, 0, r.errorMessage ?? '');
          sent.push({ partition: t === topic ? partition : 100 + partition, baseOffset: r.baseOffset, records });
        }
      }
      const topicId = tb.broker.metadata.topicsByName.get(topic)?.topicId;
      const autoId = tb.broker.metadata.topicsByName.get(autoTopic)?.topicId;
      client.close();

      const check = async (extra: Sent[]) => {
        const image = tb?.broker.metadata;
        assert.ok(image !== undefined);
        assert.equal(image.topicsByName.get(topic)?.topicId, topicId);
        assert.equal(image.topicsByName.get(autoTopic)?.topicId, autoId);
        assert.equal(image.topicsByName.get(topic)?.partitions.length, 2);
        assert.equal(image.topicsByName.get(deletedTopic), undefined);
        for (const [name, value] of configs) assert.equal(image.topicConfigs(topic).get(name), value, name);
        // And as a client sees them.
        const admin = new Kafka({ brokers: [tb?.bootstrap ?? ''], logLevel: logLevel.NOTHING }).admin();
        await admin.connect();
        try {
          const described = await admin.describeConfigs({
            resources: [{ type: ConfigResourceTypes.TOPIC, name: topic, configNames: [...configs.keys()] }],
            includeSynonyms: false,
          });
          const entries = described.resources[0]?.configEntries ?? [];
          for (const [name, value] of configs) {
            const entry = entries.find((e) => e.configName === name);
            assert.equal(entry?.configValue, value, name);
            assert.equal(entry?.isDefault, false, name);
          }
          assert.ok(!(await admin.listTopics()).includes(deletedTopic));
        } finally {
          await admin.disconnect();
        }
        for (const [t, partition] of targets) {
          const key = t === topic ? partition : 100 + partition;
          const expected = [...sent, ...extra].filter((s) => s.partition === key);
          const { records, highWatermark } = await fetchAll(client, t, partition);
          const total = expected.reduce((n, s) => n + s.records.length, 0);
          assert.equal(highWatermark, total, `${t}-${partition} high watermark`);
          assert.equal(records.length, total);
          for (const s of expected) {
            for (let i = 0; i < s.records.length; i++) {
              sameRecord(records[s.baseOffset + i], s.records[i] as Sent['records'][number], s.baseOffset + i);
            }
          }
        }
      };

      for (let restart = 0; restart < 2; restart++) {
        await tb.stop(true);
        tb = null;
        tb = await startTestBroker({ logDir });
        client = await RawClient.connect(tb.port);
        try {
          await check([]);
          // Appends go on where the log ended.
          const records = randomRecords(5, `after-restart-${restart}`);
          const end = sent.filter((s) => s.partition === 1).reduce((n, s) => n + s.records.length, 0);
          const r = await produce(client, topic, 1, buildRecordBatch({ records }), -1);
          assert.equal(r.errorCode, 0);
          assert.equal(r.baseOffset, end);
          sent.push({ partition: 1, baseOffset: r.baseOffset, records });
          await check([]);
        } finally {
          client.close();
        }
      }
    } finally {
      await tb?.stop(true);
    }
  });

  test('kill -9 during an acks=-1 load: every acknowledged record survives, the log stays valid', async (t) => {
    const logDir = newDir();
    const topic = uniqueTopic('crash');
    const partitions = 2;
    const { child, port } = await startChild(logDir, { numPartitions: partitions });
    children.push(child);
    const setup = await RawClient.connect(port);
    assert.equal(await ensureTopic(setup, topic), partitions);
    setup.close();

    // Producers: each sends acks=-1 batches one after another until the broker dies.
    const acked: Sent[] = [];
    const sentValues = new Set<string>();
    let stop = false;
    const producers = Array.from({ length: 4 }, async (_, p) => {
      const c = await RawClient.connect(port);
      try {
        for (let seq = 0; !stop; seq++) {
          const partition = p % partitions;
          const records = randomRecords(rnd.int(1, 20), `p${p}-s${seq}`);
          for (const r of records) sentValues.add(r.value.toString('latin1'));
          const batch = buildRecordBatch({ records, compression: (seq % 5) as CompressionType });
          let r: Awaited<ReturnType<typeof produce>>;
          try {
            r = await produce(c, topic, partition, batch, -1);
          } catch {
            return; // the broker is gone: this batch was not acknowledged
          }
          assert.equal(r.errorCode, 0, r.errorMessage ?? '');
          acked.push({ partition, baseOffset: r.baseOffset, records });
        }
      } finally {
        c.close();
      }
    });
    // Let the load run, then kill the broker in the middle of it.
    const started = Date.now();
    while (Date.now() - started < 1500 && acked.length < 400) await new Promise((r) => setTimeout(r, 25));
    assert.ok(child.pid !== undefined);
    process.kill(child.pid, 'SIGKILL');
    await exited(child);
    stop = true;
    await Promise.all(producers);
    assert.ok(acked.length > 0, 'nothing was acknowledged before the kill');

    // A torn write on top, as a power loss could leave: half a batch, then garbage.
    const dir0 = join(logDir, `${topic}-0`);
    const lastSegment = readdirSync(dir0)
      .filter((f) => f.endsWith('.log'))
      .sort()
      .at(-1);
    assert.ok(lastSegment !== undefined);
    const torn = buildRecordBatch({ records: randomRecords(3, 'torn') });
    appendFileSync(join(dir0, lastSegment), Buffer.concat([torn.subarray(0, torn.length >> 1), rnd.bytes(100)]));

    const tb = await startTestBroker({ logDir });
    const client = await RawClient.connect(tb.port);
    try {
      for (let partition = 0; partition < partitions; partition++) {
        const { records, highWatermark } = await fetchAll(client, topic, partition);
        // The log reads through to its end: offsets 0 .. hw-1, each record once, CRCs valid.
        assert.equal(records.length, highWatermark, `partition ${partition}`);
        for (let i = 0; i < records.length; i++) assert.equal(records[i]?.offset, i);
        const seen = new Set<string>();
        for (const r of records) {
          const v = r.value?.toString('latin1') ?? '';
          assert.ok(sentValues.has(v), `offset ${r.offset} holds a record nobody sent`);
          assert.ok(!seen.has(v), `offset ${r.offset} is a duplicate`);
          seen.add(v);
        }
        // Every acknowledged batch is where the broker said, exactly.
        const mine = acked.filter((a) => a.partition === partition);
        const ackedRecords = mine.reduce((n, s) => n + s.records.length, 0);
        t.diagnostic(
          `partition ${partition}: ${mine.length} batches (${ackedRecords} records) acknowledged, ${records.length} records after recovery`,
        );
        for (const s of mine) {
          for (let i = 0; i < s.records.length; i++) {
            sameRecord(records[s.baseOffset + i], s.records[i] as Sent['records'][number], s.baseOffset + i);
          }
        }
        // New appends work and land at the end.
        const more = randomRecords(4, `after-crash-${partition}`);
        const r = await produce(client, topic, partition, buildRecordBatch({ records: more }), -1);
        assert.equal(r.errorCode, 0);
        assert.equal(r.baseOffset, highWatermark);
        const after = await fetchAll(client, topic, partition, highWatermark);
        assert.equal(after.records.length, 4);
        for (let i = 0; i < 4; i++) {
          sameRecord(after.records[i], more[i] as Sent['records'][number], highWatermark + i);
        }
      }
    } finally {
      client.close();
      await tb.stop(true);
    }
  });

  test('SIGTERM stops a child broker cleanly; it restarts without recovery and with its data', async () => {
    const logDir = newDir();
    const topic = uniqueTopic('sigterm');
    const { child, port } = await startChild(logDir, {});
    children.push(child);
    const c = await RawClient.connect(port);
    await ensureTopic(c, topic);
    const records = randomRecords(50, 'sigterm');
    const r = await produce(c, topic, 0, buildRecordBatch({ records }), 1);
    assert.equal(r.errorCode, 0);
    c.close();
    const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    assert.ok(child.pid !== undefined);
    process.kill(child.pid, 'SIGTERM');
    assert.equal(await exit, 0);
    // Every log was closed: the clean-shutdown marker is there, so no recovery is needed.
    assert.ok(readdirSync(join(logDir, `${topic}-0`)).includes(CLEAN_SHUTDOWN_FILE));
    const tb = await startTestBroker({ logDir });
    const client = await RawClient.connect(tb.port);
    try {
      const { records: back } = await fetchAll(client, topic, 0);
      assert.equal(back.length, records.length);
      for (let i = 0; i < records.length; i++) sameRecord(back[i], records[i] as Sent['records'][number], i);
    } finally {
      client.close();
      await tb.stop(true);
    }
  });

  test('a stop with a long-poll Fetch pending closes every log for good (no log reopened after stop)', async () => {
    const logDir = newDir();
    const topic = uniqueTopic('long-poll-at-stop');
    const tb = await startTestBroker({ logDir });
    const c = await RawClient.connect(tb.port);
    try {
      await ensureTopic(c, topic);
      const records = randomRecords(3, 'before-stop');
      assert.equal((await produce(c, topic, 0, buildRecordBatch({ records }))).errorCode, 0);
      // A consumer waiting at the end of the log when the broker stops.
      c.send(ApiKey.Fetch, FETCH_VERSION, fetchRequest(topic, 0, 3, 300));
      await new Promise((r) => setTimeout(r, 50));
      await tb.stop(true);
    } finally {
      c.close();
    }
    // Past the long poll's deadline: the waiting fetch must not have opened the log again.
    await new Promise((r) => setTimeout(r, 500));
    assert.ok(
      readdirSync(join(logDir, `${topic}-0`)).includes(CLEAN_SHUTDOWN_FILE),
      'the log was reopened after the broker stopped',
    );
    const again = await startTestBroker({ logDir });
    const client = await RawClient.connect(again.port);
    try {
      const { records } = await fetchAll(client, topic, 0);
      assert.equal(records.length, 3);
    } finally {
      client.close();
      await again.stop(true);
    }
  });
});
