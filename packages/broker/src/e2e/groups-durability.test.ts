/**
 * Consumer groups survive the broker: committed offsets and groups live in
 * `__consumer_offsets`, so a broker restarted on the same log directory has them all.
 *
 * - Clean restart (stop, start on the same logDir): a group KafkaJS consumed and
 *   committed, and a group with offsets only (committed by a "simple" consumer: no
 *   generation, no member, with metadata and leader epochs), are listed and described as
 *   before, and their offsets read back identically by KafkaJS (admin.fetchOffsets) and
 *   by raw OffsetFetch. Clients then resume from them exactly: a kcat -G consumer started
 *   after the restart consumes exactly what was produced after the commits, and a KafkaJS
 *   consumer in the offsets-only group starts at its committed offsets.
 * - kill -9 of a child-process broker after a stream of acknowledged commits (groups
 *   committed several times, one group deleted): after a restart on the same directory
 *   every group has its last acknowledged offsets and the deleted group stays deleted.
 *
 * Skipped (decided when the file runs) while the broker has no handler for a group API.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ApiKey, buildRecordBatch } from '@gregor/protocol';
import kafkajs from 'kafkajs';
import type { TestBroker } from '../testing.js';
import { startTestBroker } from '../testing.js';
import {
  assignment,
  awaitCoordinator,
  commit,
  committedOffsets,
  deleteGroups,
  describeGroup,
  errorName,
  fetchCommitted,
  join as joinGroup,
  listGroups,
  needsGroups,
  syncGroup,
} from './group-client.js';
import { KcatGroupConsumer } from './kcat-group.js';
import { ensureTopic, produce, RawClient } from './raw-client.js';
import { SeededRandom, seedFromEnv, uniqueTopic, waitFor } from './support.js';

const { Kafka, logLevel } = kafkajs;
const seed = seedFromEnv();
const CHILD = join(dirname(fileURLToPath(import.meta.url)), 'child-broker.js');
const PARTITIONS = 6;
const ALL_PARTITIONS = Array.from({ length: PARTITIONS }, (_, p) => p);
const PROPERTIES = {
  'group.initial.rebalance.delay.ms': '0',
  'group.min.session.timeout.ms': '100',
  'num.partitions': String(PARTITIONS),
};

let groupCounter = 0;
function uniqueGroup(prefix: string): string {
  groupCounter++;
  return `${prefix}-${process.pid}-${groupCounter}`;
}

function kafkaFor(tb: TestBroker) {
  return new Kafka({
    clientId: 'gregor-e2e',
    brokers: [tb.bootstrap],
    logLevel: logLevel.NOTHING,
    retry: { retries: 10, initialRetryTime: 50, maxRetryTime: 500 },
  });
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

describe(`consumer groups across broker restarts (seed ${seed})`, { timeout: 60_000 }, () => {
  const rnd = new SeededRandom(seed);
  const dirs: string[] = [];
  const brokers: TestBroker[] = [];
  const children: ChildProcess[] = [];
  const kcats: KcatGroupConsumer[] = [];

  after(async () => {
    for (const k of kcats) k.kill();
    for (const c of children) {
      if (c.exitCode === null && c.signalCode === null && c.pid !== undefined) process.kill(c.pid, 'SIGKILL');
    }
    for (const b of brokers) await b.stop(true).catch(() => undefined);
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  function newDir(): string {
    const d = mkdtempSync(join(tmpdir(), 'gregor-groups-durability-'));
    dirs.push(d);
    return d;
  }

  /** A broker on `logDir`; on `port` when given (a restart where clients expect it). */
  async function start(logDir: string, port?: number): Promise<TestBroker> {
    const properties = port === undefined ? PROPERTIES : { ...PROPERTIES, listeners: `PLAINTEXT://127.0.0.1:${port}` };
    const tb = await startTestBroker({ logDir, properties });
    brokers.push(tb);
    return tb;
  }

  async function stop(tb: TestBroker): Promise<void> {
    brokers.splice(brokers.indexOf(tb), 1);
    await tb.stop(true);
  }

  /** Produces `perPartition` records to each partition; returns partition@offset -> value. */
  async function produceBatch(c: RawClient, topic: string, tag: string, perPartition: number) {
    const out = new Map<string, string>();
    for (const p of ALL_PARTITIONS) {
      const records = Array.from({ length: perPartition }, (_, i) => ({
        key: `k${i}`,
        value: `${tag}-p${p}-${i}`,
        timestamp: Date.now(),
      }));
      const r = await produce(c, topic, p, buildRecordBatch({ records }));
      assert.equal(r.errorCode, 0);
      records.forEach((rec, i) => {
        out.set(`${p}@${r.baseOffset + i}`, rec.value);
      });
    }
    return out;
  }

  test(
    'a clean restart keeps groups and offsets; KafkaJS, OffsetFetch and kcat -G resume from them exactly',
    needsGroups(),
    async () => {
      const logDir = newDir();
      let tb = await start(logDir);
      let raw = await RawClient.connect(tb.port);
      const topic = uniqueTopic('groups-restart');
      assert.equal(await ensureTopic(raw, topic), PARTITIONS);
      await produceBatch(raw, topic, 'one', 10);

      // Group k: KafkaJS consumes the first batch and commits it.
      const consumedGroup = uniqueGroup('restart-kafkajs');
      let kafka = kafkaFor(tb);
      const consumer = kafka.consumer({
        groupId: consumedGroup,
        sessionTimeout: 3000,
        heartbeatInterval: 100,
        maxWaitTimeInMs: 100,
      });
      let admin = kafka.admin();
      await admin.connect();
      let consumed = 0;
      try {
        await consumer.connect();
        await consumer.subscribe({ topics: [topic], fromBeginning: true });
        await consumer.run({
          eachMessage: async () => {
            consumed++;
          },
        });
        await waitFor('the first batch to be consumed', () => consumed >= 10 * PARTITIONS, 15_000);
        await waitFor(
          'KafkaJS to commit the first batch',
          async () => (await committedOffsets(raw, consumedGroup, topic, ALL_PARTITIONS)).every(([, o]) => o === 10),
          10_000,
        );
      } finally {
        await consumer.disconnect();
      }
      assert.equal(consumed, 10 * PARTITIONS);

      // Group s: offsets only, committed by a simple consumer, with metadata and leader epochs.
      const offsetsGroup = uniqueGroup('restart-simple');
      const simpleOffsets: Record<number, number> = {};
      for (const p of ALL_PARTITIONS) simpleOffsets[p] = rnd.int(0, 10);
      for (const p of ALL_PARTITIONS) {
        const errors = await commit(
          raw,
          offsetsGroup,
          topic,
          { [p]: simpleOffsets[p] as number },
          {
            metadata: `meta-${p}-${rnd.int(0, 1e9)}`,
            leaderEpoch: 0,
          },
        );
        assert.equal(errors.get(p), 0);
      }

      await produceBatch(raw, topic, 'two', 5);
      const third = await produceBatch(raw, topic, 'three', 5);

      // What the broker says before the restart ...
      const snapshot = async () => {
        const groups = (await listGroups(raw)).groups
          .filter((g) => g.groupId === consumedGroup || g.groupId === offsetsGroup)
          .map((g) => [g.groupId, g.protocolType])
          .sort();
        const described = await describeGroup(raw, consumedGroup);
        return {
          groups,
          described: [described.errorCode, described.groupState, described.protocolType, described.members.length],
          consumed: [...(await fetchCommitted(raw, consumedGroup, topic, ALL_PARTITIONS))],
          offsetsOnly: [...(await fetchCommitted(raw, offsetsGroup, topic, ALL_PARTITIONS))],
          kafkajs: await Promise.all(
            [consumedGroup, offsetsGroup].map(async (groupId) => admin.fetchOffsets({ groupId, topics: [topic] })),
          ),
        };
      };
      const before = await snapshot();
      assert.deepEqual(before.groups, [
        [consumedGroup, 'consumer'],
        [offsetsGroup, ''],
      ]);
      assert.deepEqual(before.described, [0, 'Empty', 'consumer', 0]);
      assert.deepEqual(
        before.consumed.map(([p, c]) => [p, c.offset]),
        ALL_PARTITIONS.map((p) => [p, 10]),
      );
      assert.deepEqual(
        before.offsetsOnly.map(([p, c]) => [p, c.offset, c.leaderEpoch]),
        ALL_PARTITIONS.map((p) => [p, simpleOffsets[p], 0]),
      );

      // ... is what it says after it.
      raw.close();
      await admin.disconnect();
      await stop(tb);
      tb = await start(logDir);
      raw = await RawClient.connect(tb.port);
      await awaitCoordinator(raw, consumedGroup);
      kafka = kafkaFor(tb);
      admin = kafka.admin();
      await admin.connect();
      try {
        assert.deepEqual(await snapshot(), before);

        // kcat -G in the consumed group resumes right after the commits: the second and third batches, once each.
        const k = KcatGroupConsumer.start(tb.bootstrap, consumedGroup, [topic], 'kcat-after-restart');
        kcats.push(k);
        await waitFor(
          'kcat to consume the second and third batches',
          () => k.messages.length >= 10 * PARTITIONS,
          20_000,
        );
        const firsts = ALL_PARTITIONS.map((p) =>
          Math.min(...k.messages.filter((m) => m.partition === p).map((m) => m.offset)),
        );
        assert.deepEqual(
          firsts,
          ALL_PARTITIONS.map(() => 10),
          'kcat starts at the committed offsets',
        );
        await new Promise((resolve) => setTimeout(resolve, 300));
        assert.equal(k.messages.length, 10 * PARTITIONS, 'and consumes each message once');
        for (const m of k.messages) {
          assert.match(m.value, m.offset < 15 ? /^two-/ : /^three-/);
          if (m.offset >= 15) assert.equal(m.value, third.get(`${m.partition}@${m.offset}`));
        }
        // kcat commits its positions when it closes (SIGTERM).
        const stopped = await k.stop();
        assert.equal(stopped.code, 0, k.stderr);
        const [fromKafkajs] = await admin.fetchOffsets({ groupId: consumedGroup, topics: [topic] });
        assert.deepEqual(
          fromKafkajs?.partitions.map((p) => [p.partition, Number(p.offset)]).sort((x, y) => (x[0] ?? 0) - (y[0] ?? 0)),
          ALL_PARTITIONS.map((p) => [p, 20]),
          "KafkaJS reads kcat's commits",
        );
        assert.deepEqual(
          await committedOffsets(raw, consumedGroup, topic, ALL_PARTITIONS),
          ALL_PARTITIONS.map((p) => [p, 20]),
          'and so does OffsetFetch',
        );

        // A KafkaJS consumer in the offsets-only group starts where the simple consumer committed.
        const firstSeen = new Map<number, number>();
        let count = 0;
        const c2 = kafka.consumer({
          groupId: offsetsGroup,
          sessionTimeout: 3000,
          heartbeatInterval: 100,
          maxWaitTimeInMs: 100,
        });
        try {
          await c2.connect();
          await c2.subscribe({ topics: [topic], fromBeginning: true });
          await c2.run({
            eachMessage: async ({ partition, message }) => {
              count++;
              if (!firstSeen.has(partition)) firstSeen.set(partition, Number(message.offset));
            },
          });
          const expected = ALL_PARTITIONS.reduce((n, p) => n + 20 - (simpleOffsets[p] as number), 0);
          await waitFor('KafkaJS to consume from the simple offsets', () => count >= expected, 15_000);
          assert.deepEqual(
            ALL_PARTITIONS.map((p) => firstSeen.get(p) ?? Number.NaN),
            ALL_PARTITIONS.map((p) => simpleOffsets[p]),
            'KafkaJS starts at the offsets the simple consumer committed',
          );
        } finally {
          await c2.disconnect();
        }
      } finally {
        raw.close();
        await admin.disconnect();
      }
    },
  );

  test(
    'a live group survives a restart: members, generation and assignment are reloaded and the consumer carries on',
    needsGroups(),
    async () => {
      const logDir = newDir();
      let tb = await start(logDir);
      const port = tb.port;
      let raw = await RawClient.connect(port);
      const topic = uniqueTopic('groups-live-restart');
      assert.equal(await ensureTopic(raw, topic), PARTITIONS);
      const groupId = uniqueGroup('live-restart');
      await produceBatch(raw, topic, 'one', 5);

      const kafka = kafkaFor(tb);
      const consumer = kafka.consumer({
        groupId,
        sessionTimeout: 10_000,
        heartbeatInterval: 100,
        maxWaitTimeInMs: 100,
        retry: { retries: 20, initialRetryTime: 50, maxRetryTime: 300 },
      });
      const joins: string[] = [];
      const seen: string[] = [];
      consumer.on(consumer.events.GROUP_JOIN, (e) => joins.push(e.payload.memberId));
      try {
        await consumer.connect();
        await consumer.subscribe({ topics: [topic], fromBeginning: true });
        await consumer.run({
          eachMessage: async ({ partition, message }) => {
            seen.push(`${partition}@${message.offset}`);
          },
        });
        await waitFor('the first batch', () => seen.length >= 5 * PARTITIONS, 15_000);
        await waitFor(
          'its commits',
          async () => (await committedOffsets(raw, groupId, topic, ALL_PARTITIONS)).every(([, o]) => o === 5),
          10_000,
        );
        const before = await describeGroup(raw, groupId);
        assert.equal(before.groupState, 'Stable');
        assert.equal(before.members.length, 1);
        const memberId = before.members[0]?.memberId;
        assert.equal(joins.at(-1), memberId);

        // Restart on the same port; the consumer reconnects by itself.
        raw.close();
        await stop(tb);
        tb = await start(logDir, port);
        raw = await RawClient.connect(port);
        await awaitCoordinator(raw, groupId);
        const reloaded = await describeGroup(raw, groupId);
        assert.deepEqual(
          [reloaded.groupState, reloaded.protocolType, reloaded.protocolData, reloaded.members.map((m) => m.memberId)],
          [before.groupState, before.protocolType, before.protocolData, [memberId]],
          'the group is reloaded with its member',
        );
        assert.ok(
          reloaded.members[0]?.memberAssignment.equals(before.members[0]?.memberAssignment ?? Buffer.alloc(0)),
          'and its assignment',
        );
        assert.deepEqual(
          await committedOffsets(raw, groupId, topic, ALL_PARTITIONS),
          ALL_PARTITIONS.map((p) => [p, 5]),
        );

        // The member heartbeats on: it consumes what comes next, from its commits, without rejoining.
        await produceBatch(raw, topic, 'two', 5);
        await waitFor('the second batch', () => seen.length >= 10 * PARTITIONS, 15_000);
        await new Promise((resolve) => setTimeout(resolve, 200));
        assert.equal(seen.length, 10 * PARTITIONS, 'nothing consumed twice');
        assert.equal(new Set(seen).size, 10 * PARTITIONS);
        assert.deepEqual(joins, [memberId], 'no rejoin was needed');
      } finally {
        await consumer.disconnect();
        raw.close();
      }
    },
  );

  test(
    'a group too big for one __consumer_offsets record: SyncGroup fails as in Kafka, nothing is corrupted',
    needsGroups(),
    async () => {
      const logDir = newDir();
      let tb = await start(logDir);
      let raw = await RawClient.connect(tb.port);
      const topic = uniqueTopic('groups-too-big');
      assert.equal(await ensureTopic(raw, topic), PARTITIONS);
      const groupId = uniqueGroup('too-big');
      await awaitCoordinator(raw, groupId);
      const baseline = await commit(raw, groupId, topic, { 0: 7, 1: 8 }, { metadata: 'kept' });
      assert.deepEqual([...baseline.values()], [0, 0]);

      // 1.5 MB of subscription metadata: the request is allowed (socket.request.max.bytes is
      // 100 MB), but the group's record would pass message.max.bytes (1 MB) of
      // __consumer_offsets. Kafka answers the SyncGroup with UNKNOWN_SERVER_ERROR (the
      // append's MESSAGE_TOO_LARGE, GroupMetadataManager.storeGroup) and rebalances.
      const c = await RawClient.connect(tb.port);
      try {
        const joined = await joinGroup(c, {
          groupId,
          protocols: [{ name: 'range', metadata: Buffer.alloc(1_500_000, 0x42) }],
        });
        assert.equal(errorName(joined.errorCode), 'NONE');
        const synced = await syncGroup(c, groupId, joined.generationId, joined.memberId, {
          [joined.memberId]: assignment({ [topic]: ALL_PARTITIONS }),
        });
        assert.equal(errorName(synced.errorCode), 'UNKNOWN_SERVER_ERROR');
        assert.equal((await describeGroup(raw, groupId)).groupState, 'PreparingRebalance');
      } finally {
        c.close();
      }
      // The broker goes on, the offsets are untouched, and __consumer_offsets still loads.
      const check = async () => {
        const now = await fetchCommitted(raw, groupId, topic, [0, 1]);
        assert.deepEqual(
          [...now].map(([p, x]) => [p, x.offset, x.metadata]),
          [
            [0, 7, 'kept'],
            [1, 8, 'kept'],
          ],
        );
      };
      await check();
      raw.close();
      await stop(tb);
      tb = await start(logDir);
      raw = await RawClient.connect(tb.port);
      try {
        await awaitCoordinator(raw, groupId);
        await check();
        assert.equal((await describeGroup(raw, groupId)).groupState, 'Empty');
      } finally {
        raw.close();
      }
    },
  );

  test(
    'kill -9 after acknowledged commits: every group has its last commit, deleted groups stay deleted',
    needsGroups([ApiKey.OffsetCommit, ApiKey.OffsetFetch, ApiKey.ListGroups, ApiKey.DeleteGroups]),
    async () => {
      const logDir = newDir();
      const { child, port } = await startChild(logDir, { numPartitions: PARTITIONS });
      children.push(child);
      let raw = await RawClient.connect(port);
      const topic = uniqueTopic('groups-kill');
      assert.equal(await ensureTopic(raw, topic), PARTITIONS);
      const groups = Array.from({ length: 20 }, (_, i) => uniqueGroup(`kill-${i}`));
      for (const g of groups) await awaitCoordinator(raw, g);
      await produceBatch(raw, topic, 'x', 3);

      const last = new Map<string, Map<number, { offset: number; metadata: string }>>();
      for (let round = 0; round < 3; round++) {
        for (const g of groups) {
          if (round > 0 && rnd.next() < 0.5) continue;
          const offsets: Record<number, number> = {};
          for (const p of ALL_PARTITIONS) if (round === 0 || rnd.next() < 0.5) offsets[p] = rnd.int(0, 1_000_000);
          const metadata = `r${round}-${rnd.int(0, 1e6)}`;
          const errors = await commit(raw, g, topic, offsets, { metadata });
          const byPartition = last.get(g) ?? new Map();
          for (const [p, offset] of Object.entries(offsets)) {
            assert.equal(errors.get(Number(p)), 0, `commit ${g} p${p}`);
            byPartition.set(Number(p), { offset, metadata });
          }
          last.set(g, byPartition);
        }
      }
      const deleted = groups[7] as string;
      assert.equal((await deleteGroups(raw, [deleted])).get(deleted), 0);
      last.delete(deleted);

      assert.ok(child.pid !== undefined);
      process.kill(child.pid, 'SIGKILL');
      await new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) resolve();
        else child.once('exit', () => resolve());
      });
      raw.close();

      const tb = await start(logDir);
      raw = await RawClient.connect(tb.port);
      await awaitCoordinator(raw, groups[0] as string);
      try {
        for (const [g, expected] of last) {
          const now = await fetchCommitted(raw, g, topic, ALL_PARTITIONS);
          for (const p of ALL_PARTITIONS) {
            assert.deepEqual(
              { offset: now.get(p)?.offset, metadata: now.get(p)?.metadata },
              { offset: expected.get(p)?.offset, metadata: expected.get(p)?.metadata },
              `${g} p${p} after kill -9 (seed ${seed})`,
            );
          }
        }
        const gone = await fetchCommitted(raw, deleted, topic, ALL_PARTITIONS);
        assert.deepEqual(
          [...gone.values()].map((c) => c.offset),
          ALL_PARTITIONS.map(() => -1),
          'the deleted group has no offsets',
        );
        const listed = new Set((await listGroups(raw)).groups.map((g) => g.groupId));
        for (const g of last.keys()) assert.ok(listed.has(g), `${g} listed after the restart`);
        assert.ok(!listed.has(deleted), 'the deleted group is not listed');
      } finally {
        raw.close();
      }
    },
  );
});
