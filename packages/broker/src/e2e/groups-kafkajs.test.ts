/**
 * KafkaJS 2.2.4 consumer groups against an in-process broker.
 *
 * - Three consumers of one group (two in this process, one in a child process) split a
 *   6-partition topic: each partition to exactly one member, as the consumers report it
 *   (GROUP_JOIN) and as DescribeGroups reports it, and each message of a batch produced
 *   while the group is stable is consumed by its partition's owner.
 * - One consumer leaves cleanly (disconnect: LeaveGroup); the child is killed with
 *   SIGKILL, so only its session timeout removes it: it is still a member right after the
 *   kill, and the survivor takes over its partitions once the timeout has passed.
 * - Every produced message is consumed at least once, with its value.
 * - Committed offsets resume exactly: once the last member has gone, the committed offsets
 *   are the end of every partition, and a new consumer in the group starts at them.
 * - The admin client: listGroups, describeGroups, setOffsets and resetOffsets on an empty
 *   group (a consumer then starts exactly there), deleteGroups (refused while the group
 *   has a member, then the offsets are gone).
 *
 * Skipped (decided when the file runs) while the broker has no handler for a group API.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Admin, Consumer, Kafka as KafkaClient, Producer } from 'kafkajs';
import kafkajs from 'kafkajs';
import type { TestBroker } from '../testing.js';
import { startTestBroker } from '../testing.js';
import { isExactSplit, needsGroups } from './group-client.js';
import { uniqueTopic, waitFor } from './support.js';

const { AssignerProtocol, Kafka, logLevel } = kafkajs;
const CHILD = join(dirname(fileURLToPath(import.meta.url)), 'group-consumer-child.js');
const PARTITIONS = 6;
const SESSION_TIMEOUT_MS = 3000;
/** Short timeouts so rebalances take a fraction of a second (group.min.session.timeout.ms allows them). */
const CONSUMER_CONFIG = {
  sessionTimeout: SESSION_TIMEOUT_MS,
  heartbeatInterval: 100,
  rebalanceTimeout: 5000,
  maxWaitTimeInMs: 100,
};

let groupCounter = 0;
function uniqueGroup(prefix: string): string {
  groupCounter++;
  return `${prefix}-${process.pid}-${groupCounter}`;
}

interface Consumed {
  partition: number;
  offset: number;
  value: string | undefined;
}

/** What a member of the group has told us: its id, its latest assignment, what it consumed. */
class Member {
  memberId = '';
  /** Partitions of the latest assignment, sorted; null before the first. */
  partitions: number[] | null = null;
  readonly consumed: Consumed[] = [];

  constructor(readonly name: string) {}

  onJoin(memberId: string, partitions: readonly number[]): void {
    this.memberId = memberId;
    this.partitions = [...partitions].sort((a, b) => a - b);
  }
}

/** Produced messages by partition and offset. */
type Produced = Map<number, Map<number, string>>;

describe('KafkaJS consumer groups', { timeout: 60_000 }, () => {
  let tb: TestBroker;
  let kafka: KafkaClient;
  let producer: Producer;
  let admin: Admin;
  const consumers: Consumer[] = [];
  const children: ChildProcess[] = [];

  before(async () => {
    tb = await startTestBroker({
      properties: {
        'group.initial.rebalance.delay.ms': '0',
        'group.min.session.timeout.ms': '100',
        'num.partitions': String(PARTITIONS),
      },
    });
    kafka = new Kafka({
      clientId: 'gregor-e2e',
      brokers: [tb.bootstrap],
      logLevel: logLevel.NOTHING,
      retry: { retries: 10, initialRetryTime: 50, maxRetryTime: 500 },
    });
    producer = kafka.producer();
    admin = kafka.admin();
    await producer.connect();
    await admin.connect();
  });

  after(async () => {
    for (const c of children) {
      if (c.exitCode === null && c.signalCode === null && c.pid !== undefined) process.kill(c.pid, 'SIGKILL');
    }
    for (const c of consumers) await c.disconnect().catch(() => undefined);
    await producer?.disconnect().catch(() => undefined);
    await admin?.disconnect().catch(() => undefined);
    await tb?.stop();
  });

  async function createTopic(prefix: string): Promise<string> {
    const topic = uniqueTopic(prefix);
    await admin.createTopics({ topics: [{ topic, numPartitions: PARTITIONS }], waitForLeaders: true });
    return topic;
  }

  /** Produces `perPartition` messages to every partition; records them in `produced`. */
  async function produceBatch(topic: string, tag: string, perPartition: number, produced: Produced): Promise<void> {
    const messages = [];
    for (let p = 0; p < PARTITIONS; p++) {
      for (let i = 0; i < perPartition; i++) messages.push({ partition: p, key: `k${i}`, value: `${tag}-p${p}-${i}` });
    }
    const sent = await producer.send({ topic, acks: -1, messages });
    for (const r of sent) {
      assert.equal(r.errorCode, 0);
      const base = Number(r.baseOffset);
      const byOffset = produced.get(r.partition) ?? new Map<number, string>();
      produced.set(r.partition, byOffset);
      for (let i = 0; i < perPartition; i++) byOffset.set(base + i, `${tag}-p${r.partition}-${i}`);
    }
  }

  /** An in-process group consumer that records what it is assigned and consumes. */
  async function startConsumer(
    groupId: string,
    topic: string,
    name: string,
  ): Promise<{ member: Member; consumer: Consumer }> {
    const member = new Member(name);
    const consumer = kafka.consumer({ groupId, ...CONSUMER_CONFIG });
    consumers.push(consumer);
    consumer.on(consumer.events.GROUP_JOIN, (e) =>
      member.onJoin(e.payload.memberId, e.payload.memberAssignment[topic] ?? []),
    );
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ partition, message }) => {
        member.consumed.push({ partition, offset: Number(message.offset), value: message.value?.toString() });
      },
    });
    return { member, consumer };
  }

  /** The same, in a child process (group-consumer-child.js) that can be killed without leaving. */
  function startChildConsumer(groupId: string, topic: string, name: string): { member: Member; child: ChildProcess } {
    const member = new Member(name);
    const child = spawn(process.execPath, [CHILD, tb.bootstrap, groupId, topic, JSON.stringify(CONSUMER_CONFIG)], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    children.push(child);
    let pending = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      pending += chunk.toString('utf8');
      for (let nl = pending.indexOf('\n'); nl >= 0; nl = pending.indexOf('\n')) {
        const line = pending.slice(0, nl);
        pending = pending.slice(nl + 1);
        const event = JSON.parse(line) as {
          join?: { memberId: string; partitions: number[] };
          m?: [number, number, string];
        };
        if (event.join !== undefined) member.onJoin(event.join.memberId, event.join.partitions);
        if (event.m !== undefined)
          member.consumed.push({ partition: event.m[0], offset: event.m[1], value: event.m[2] });
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(`[${name}] ${chunk.toString()}`));
    return { member, child };
  }

  async function describe1(groupId: string) {
    const { groups } = await admin.describeGroups([groupId]);
    const g = groups[0];
    assert.ok(g !== undefined);
    return g;
  }

  /** DescribeGroups' view: memberId -> partitions of `topic` (sorted). */
  function assignmentsOf(g: Awaited<ReturnType<typeof describe1>>, topic: string): Map<string, number[]> {
    const out = new Map<string, number[]>();
    for (const m of g.members) {
      const decoded = AssignerProtocol.MemberAssignment.decode(m.memberAssignment);
      out.set(
        m.memberId,
        [...(decoded?.assignment[topic] ?? [])].sort((a, b) => a - b),
      );
    }
    return out;
  }

  /**
   * Waits until exactly `members` form the group, Stable, their latest assignments split
   * the partitions (each to one member, evenly), and DescribeGroups agrees with them.
   */
  async function waitForSplit(groupId: string, topic: string, members: readonly Member[], timeoutMs = 15_000) {
    let last = '';
    try {
      await waitFor(
        `${members.map((m) => m.name).join('+')} to split ${topic}`,
        async () => {
          const reported = members.map((m) => m.partitions);
          const g = await describe1(groupId);
          const described = assignmentsOf(g, topic);
          last = `state ${g.state}, described ${JSON.stringify([...described])}, reported ${JSON.stringify(members.map((m) => [m.memberId, m.partitions]))}`;
          if (reported.some((p) => p === null)) return false;
          if (!isExactSplit(reported as number[][], PARTITIONS)) return false;
          if (g.state !== 'Stable' || g.members.length !== members.length) return false;
          return members.every((m) => JSON.stringify(described.get(m.memberId)) === JSON.stringify(m.partitions));
        },
        timeoutMs,
        50,
      );
    } catch (e) {
      throw new Error(`${(e as Error).message}; last seen: ${last}`);
    }
    const share = PARTITIONS / members.length;
    for (const m of members) assert.equal(m.partitions?.length, share, `${m.name} has an even share`);
  }

  function consumedBy(members: readonly Member[]): Map<string, Consumed[]> {
    const out = new Map<string, Consumed[]>();
    for (const m of members) {
      for (const c of m.consumed) {
        const key = `${c.partition}@${c.offset}`;
        const list = out.get(key) ?? [];
        list.push(c);
        out.set(key, list);
      }
    }
    return out;
  }

  function missing(produced: Produced, members: readonly Member[]): string[] {
    const seen = consumedBy(members);
    const out: string[] = [];
    for (const [p, byOffset] of produced) {
      for (const [offset] of byOffset) if (!seen.has(`${p}@${offset}`)) out.push(`${p}@${offset}`);
    }
    return out;
  }

  async function waitForAllConsumed(produced: Produced, members: readonly Member[], what: string): Promise<void> {
    try {
      await waitFor(what, () => missing(produced, members).length === 0, 15_000, 20);
    } catch (e) {
      const left = missing(produced, members);
      throw new Error(`${(e as Error).message}: ${left.length} not consumed, e.g. ${left.slice(0, 10).join(', ')}`);
    }
  }

  async function endOffsets(topic: string): Promise<number[]> {
    const offsets = await admin.fetchTopicOffsets(topic);
    return offsets.sort((a, b) => a.partition - b.partition).map((o) => Number(o.high));
  }

  async function committed(groupId: string, topic: string): Promise<number[]> {
    const [t] = await admin.fetchOffsets({ groupId, topics: [topic] });
    assert.equal(t?.topic, topic);
    return [...(t?.partitions ?? [])].sort((a, b) => a.partition - b.partition).map((p) => Number(p.offset));
  }

  /** The first offset `member` consumed in each partition (NaN where none). */
  function firstOffsets(member: Member): number[] {
    return Array.from({ length: PARTITIONS }, (_, p) => {
      const offsets = member.consumed.filter((c) => c.partition === p).map((c) => c.offset);
      return offsets.length === 0 ? Number.NaN : Math.min(...offsets);
    });
  }

  test(
    'three members split the partitions; a clean leave and a SIGKILL are taken over; offsets resume exactly',
    needsGroups(),
    async () => {
      const topic = await createTopic('kjs-group');
      const groupId = uniqueGroup('kjs-group');
      const produced: Produced = new Map();

      // Three members: a and b here, c in a child process.
      const a = await startConsumer(groupId, topic, 'a');
      const b = await startConsumer(groupId, topic, 'b');
      const c = startChildConsumer(groupId, topic, 'c');
      await waitForSplit(groupId, topic, [a.member, b.member, c.member]);
      const g = await describe1(groupId);
      assert.equal(g.protocolType, 'consumer');
      assert.equal(g.protocol, 'RoundRobinAssigner');

      // While the group is stable, each message goes to its partition's owner.
      const owners = new Map<number, Member>();
      for (const m of [a.member, b.member, c.member]) for (const p of m.partitions ?? []) owners.set(p, m);
      const before = new Map([a.member, b.member, c.member].map((m) => [m, m.consumed.length]));
      await produceBatch(topic, 'one', 20, produced);
      await waitForAllConsumed(produced, [a.member, b.member, c.member], 'the first batch');
      for (const m of [a.member, b.member, c.member]) {
        for (const x of m.consumed.slice(before.get(m))) {
          assert.equal(owners.get(x.partition), m, `${m.name} consumed ${x.partition}@${x.offset}, not its partition`);
        }
      }

      // b leaves cleanly: a and c share its partitions.
      await b.consumer.disconnect();
      await waitForSplit(groupId, topic, [a.member, c.member]);
      await produceBatch(topic, 'two', 20, produced);
      await waitForAllConsumed(produced, [a.member, b.member, c.member], 'the second batch');

      // c is killed: it never leaves, so it stays a member until its session times out.
      const killedAt = Date.now();
      assert.ok(c.child.pid !== undefined);
      process.kill(c.child.pid, 'SIGKILL');
      const afterKill = await describe1(groupId);
      assert.ok(
        afterKill.members.some((m) => m.memberId === c.member.memberId),
        'right after SIGKILL the member is still in the group',
      );
      await produceBatch(topic, 'three', 20, produced);
      await waitForSplit(groupId, topic, [a.member], SESSION_TIMEOUT_MS + 10_000);
      const tookOverAfter = Date.now() - killedAt;
      assert.ok(
        tookOverAfter >= SESSION_TIMEOUT_MS - 500,
        `a took over after ${tookOverAfter} ms, before the ${SESSION_TIMEOUT_MS} ms session timeout`,
      );
      await waitForAllConsumed(produced, [a.member, b.member, c.member], 'the third batch');

      // At least once, with the produced values.
      const seen = consumedBy([a.member, b.member, c.member]);
      for (const [p, byOffset] of produced) {
        for (const [offset, value] of byOffset) {
          for (const x of seen.get(`${p}@${offset}`) ?? []) assert.equal(x.value, value, `value at ${p}@${offset}`);
        }
      }

      // a commits as it goes: the committed offsets reach the end of every partition.
      const ends = await endOffsets(topic);
      assert.deepEqual(
        ends,
        Array.from({ length: PARTITIONS }, () => 60),
      );
      await waitFor(
        'commits to reach the end',
        async () => (await committed(groupId, topic)).join() === ends.join(),
        10_000,
      );
      await a.consumer.disconnect();
      const empty = await describe1(groupId);
      assert.equal(empty.state, 'Empty');
      assert.equal(empty.members.length, 0);
      assert.deepEqual(await committed(groupId, topic), ends, 'the last member leaving keeps the offsets');

      // A new member starts exactly after the committed offsets: all of the fourth batch, nothing before it.
      const fresh: Produced = new Map();
      await produceBatch(topic, 'four', 10, fresh);
      const d = await startConsumer(groupId, topic, 'd');
      await waitForAllConsumed(fresh, [d.member], 'the fourth batch');
      assert.deepEqual(firstOffsets(d.member), ends, 'd starts at the committed offsets');
      assert.equal(d.member.consumed.length, 10 * PARTITIONS, 'd consumed the fourth batch exactly once');
      for (const x of d.member.consumed) assert.equal(x.value, fresh.get(x.partition)?.get(x.offset));
      await d.consumer.disconnect();
    },
  );

  test('admin: listGroups, setOffsets and resetOffsets on an empty group, deleteGroups', needsGroups(), async () => {
    const topic = await createTopic('kjs-admin');
    const groupId = uniqueGroup('kjs-admin');
    const produced: Produced = new Map();
    await produceBatch(topic, 'x', 10, produced);

    // Offsets set on a group with no members: a consumer then starts exactly there.
    const target = Array.from({ length: PARTITIONS }, (_, p) => p + 2);
    await admin.setOffsets({
      groupId,
      topic,
      partitions: target.map((offset, partition) => ({ partition, offset: String(offset) })),
    });
    assert.deepEqual(await committed(groupId, topic), target);
    const listed = await admin.listGroups();
    assert.ok(
      listed.groups.some((g) => g.groupId === groupId && g.protocolType === 'consumer'),
      `listGroups: ${JSON.stringify(listed.groups)}`,
    );
    const e = await startConsumer(groupId, topic, 'e');
    const expected: Produced = new Map();
    for (const [p, byOffset] of produced)
      expected.set(p, new Map([...byOffset].filter(([o]) => o >= (target[p] ?? 0))));
    await waitForAllConsumed(expected, [e.member], 'from the offsets set');
    assert.deepEqual(firstOffsets(e.member), target);

    // Not while it has a member.
    await assert.rejects(admin.deleteGroups([groupId]), (err: Error & { groups?: { errorCode: number }[] }) => {
      assert.equal(err.groups?.[0]?.errorCode, 68, `NON_EMPTY_GROUP expected: ${err.message}`);
      return true;
    });
    await assert.rejects(
      admin.setOffsets({ groupId, topic, partitions: [{ partition: 0, offset: '0' }] }),
      /running|state/,
    );
    await e.consumer.disconnect();

    // Back to the start of the log.
    await admin.resetOffsets({ groupId, topic, earliest: true });
    const f = await startConsumer(groupId, topic, 'f');
    await waitForAllConsumed(produced, [f.member], 'from the earliest offsets');
    assert.deepEqual(
      firstOffsets(f.member),
      Array.from({ length: PARTITIONS }, () => 0),
    );
    await waitFor('f to commit', async () => (await committed(groupId, topic)).every((o) => o === 10), 10_000);
    await f.consumer.disconnect();

    // Deleted once empty: offsets gone, no longer listed.
    const deleted = await admin.deleteGroups([groupId]);
    assert.deepEqual(
      deleted.map((r) => [r.groupId, r.errorCode]),
      [[groupId, 0]],
    );
    assert.deepEqual(
      await committed(groupId, topic),
      Array.from({ length: PARTITIONS }, () => -1),
    );
    assert.ok(!(await admin.listGroups()).groups.some((g) => g.groupId === groupId));
  });
});
