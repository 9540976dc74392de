/**
 * kcat -G (librdkafka 2.0.2's balanced KafkaConsumer) against an in-process broker, with
 * the eager protocol (`range,roundrobin`) and with incremental cooperative rebalancing
 * (`cooperative-sticky`, KIP-429):
 *
 * - two kcat consumers (child processes, stopped by pid) share a 6-partition topic: the
 *   group is Stable with both, DescribeGroups shows each partition assigned to exactly
 *   one of them with the protocol asked for, and each consumes only its own partitions;
 * - every message produced while the group is stable is consumed exactly once, key and
 *   value as produced;
 * - librdkafka's auto-commits reach the end of every partition, as OffsetFetch shows;
 * - when one consumer stops (SIGTERM: final commit and LeaveGroup) the other takes over
 *   its partitions and resumes exactly at the committed offsets: no message twice, none
 *   lost.
 *
 * Skipped (decided when the file runs) while the broker has no handler for a group API.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildRecordBatch } from '@gregor/protocol';
import type { TestBroker } from '../testing.js';
import { startTestBroker } from '../testing.js';
import { committedOffsets, describedAssignments, describeGroup, isExactSplit, needsGroups } from './group-client.js';
import { KcatGroupConsumer, type KcatMessage } from './kcat-group.js';
import { ensureTopic, produce, RawClient } from './raw-client.js';
import { uniqueTopic, waitFor } from './support.js';

const PARTITIONS = 6;
const ALL_PARTITIONS = Array.from({ length: PARTITIONS }, (_, p) => p);

let groupCounter = 0;
function uniqueGroup(prefix: string): string {
  groupCounter++;
  return `${prefix}-${process.pid}-${groupCounter}`;
}

/** Produced messages: "partition@offset" -> key and value. */
type Produced = Map<string, { key: string; value: string }>;

describe('kcat -G consumer groups', { timeout: 60_000 }, () => {
  let tb: TestBroker;
  let admin: RawClient;
  const consumers: KcatGroupConsumer[] = [];

  before(async () => {
    tb = await startTestBroker({
      properties: {
        'group.initial.rebalance.delay.ms': '0',
        'group.min.session.timeout.ms': '100',
        'num.partitions': String(PARTITIONS),
      },
    });
    admin = await RawClient.connect(tb.port);
  });

  after(async () => {
    for (const c of consumers) c.kill();
    admin?.close();
    await tb?.stop();
  });

  function startKcat(groupId: string, topic: string, clientId: string, strategy: string): KcatGroupConsumer {
    const c = KcatGroupConsumer.start(tb.bootstrap, groupId, [topic], clientId, [
      '-X',
      `partition.assignment.strategy=${strategy}`,
    ]);
    consumers.push(c);
    return c;
  }

  async function produceBatch(topic: string, tag: string, perPartition: number, produced: Produced): Promise<void> {
    for (const p of ALL_PARTITIONS) {
      const records = Array.from({ length: perPartition }, (_, i) => ({
        key: `${tag}k${i}`,
        value: `${tag}-p${p}-${i}`,
      }));
      const now = Date.now();
      const batch = buildRecordBatch({ records: records.map((r) => ({ ...r, timestamp: now })) });
      const r = await produce(admin, topic, p, batch);
      assert.equal(r.errorCode, 0);
      records.forEach((rec, i) => {
        produced.set(`${p}@${r.baseOffset + i}`, rec);
      });
    }
  }

  /** partition@offset -> how many times it was consumed (over all `consumers`). */
  function tally(consumed: readonly KcatMessage[]): Map<string, KcatMessage[]> {
    const out = new Map<string, KcatMessage[]>();
    for (const m of consumed) {
      const k = `${m.partition}@${m.offset}`;
      out.set(k, [...(out.get(k) ?? []), m]);
    }
    return out;
  }

  async function waitForConsumed(produced: Produced, consumed: () => KcatMessage[], what: string): Promise<void> {
    const left = () => [...produced.keys()].filter((k) => !tally(consumed()).has(k));
    try {
      await waitFor(what, () => left().length === 0, 20_000, 50);
    } catch (e) {
      throw new Error(`${(e as Error).message}: ${left().length} left, e.g. ${left().slice(0, 8).join(', ')}`);
    }
  }

  function assertExactlyOnce(produced: Produced, consumed: readonly KcatMessage[]): void {
    const seen = tally(consumed);
    for (const [k, expected] of produced) {
      const got = seen.get(k) ?? [];
      assert.equal(got.length, 1, `${k} consumed ${got.length} times`);
      assert.deepEqual({ key: got[0]?.key, value: got[0]?.value }, expected, `${k} as produced`);
    }
  }

  /** Waits for the group to be Stable with exactly `clients`, the partitions split between them. */
  async function waitForSplit(
    groupId: string,
    topic: string,
    clients: readonly KcatGroupConsumer[],
    protocol: string,
  ): Promise<Map<string, number[]>> {
    let byClient = new Map<string, number[]>();
    let last = '';
    try {
      await waitFor(
        `${clients.map((c) => c.clientId).join('+')} to split ${topic}`,
        async () => {
          const g = await describeGroup(admin, groupId);
          const assignments = describedAssignments(g, topic);
          byClient = new Map(g.members.map((m) => [m.clientId, assignments.get(m.memberId) ?? []]));
          last = `${g.groupState} ${g.protocolData} ${JSON.stringify([...byClient])}`;
          return (
            g.groupState === 'Stable' &&
            g.protocolType === 'consumer' &&
            g.members.length === clients.length &&
            clients.every((c) => (byClient.get(c.clientId)?.length ?? 0) > 0) &&
            isExactSplit(byClient.values(), PARTITIONS)
          );
        },
        20_000,
        50,
      );
    } catch (e) {
      throw new Error(`${(e as Error).message}; last: ${last}; stderr: ${clients.map((c) => c.stderr).join('\n')}`);
    }
    assert.equal((await describeGroup(admin, groupId)).protocolData, protocol);
    return byClient;
  }

  async function waitForCommitted(groupId: string, topic: string, offset: number): Promise<void> {
    let last: [number, number][] = [];
    try {
      await waitFor(
        `commits of ${groupId} to reach ${offset}`,
        async () => {
          last = await committedOffsets(admin, groupId, topic, ALL_PARTITIONS);
          return last.every(([, o]) => o === offset);
        },
        10_000,
        50,
      );
    } catch (e) {
      throw new Error(`${(e as Error).message}; committed: ${JSON.stringify(last)}`);
    }
  }

  for (const [label, strategy, protocol] of [
    ['eager (range,roundrobin)', 'range,roundrobin', 'range'],
    ['cooperative-sticky', 'cooperative-sticky', 'cooperative-sticky'],
  ] as const) {
    test(
      `${label}: two kcat consumers split a 6-partition topic, commit, and hand over exactly`,
      needsGroups(),
      async () => {
        const topic = uniqueTopic(`kcat-g-${protocol}`);
        assert.equal(await ensureTopic(admin, topic), PARTITIONS);
        const groupId = uniqueGroup(`kcat-${protocol}`);

        const a = startKcat(groupId, topic, 'kcat-a', strategy);
        const b = startKcat(groupId, topic, 'kcat-b', strategy);
        const owners = await waitForSplit(groupId, topic, [a, b], protocol);
        assert.deepEqual([owners.get('kcat-a')?.length, owners.get('kcat-b')?.length], [3, 3], 'three partitions each');

        // Produced while the group is stable: each message once, to its partition's owner.
        const first: Produced = new Map();
        await produceBatch(topic, 'one', 30, first);
        await waitForConsumed(first, () => [...a.messages, ...b.messages], 'the first batch');
        assertExactlyOnce(first, [...a.messages, ...b.messages]);
        for (const c of [a, b]) {
          const mine = new Set(owners.get(c.clientId));
          for (const m of c.messages)
            assert.ok(mine.has(m.partition), `${c.clientId} consumed partition ${m.partition}`);
        }
        await waitForCommitted(groupId, topic, 30);

        // a stops (commit, leave): b takes over a's partitions from the committed offsets.
        const stopped = await a.stop();
        assert.equal(stopped.code, 0, `kcat-a exit: ${JSON.stringify(stopped)} ${a.stderr}`);
        const alone = await waitForSplit(groupId, topic, [b], protocol);
        assert.deepEqual(alone.get('kcat-b'), ALL_PARTITIONS);
        const fromHere = b.messages.length;
        const second: Produced = new Map();
        await produceBatch(topic, 'two', 10, second);
        await waitForConsumed(second, () => b.messages.slice(fromHere), 'the second batch');
        assertExactlyOnce(second, b.messages.slice(fromHere));
        assertExactlyOnce(new Map([...first, ...second]), [...a.messages, ...b.messages]);

        // b's last positions are committed when it closes.
        const last = await b.stop();
        assert.equal(last.code, 0, `kcat-b exit: ${JSON.stringify(last)} ${b.stderr}`);
        const g = await describeGroup(admin, groupId);
        assert.equal(g.groupState, 'Empty');
        assert.deepEqual(
          await committedOffsets(admin, groupId, topic, ALL_PARTITIONS),
          ALL_PARTITIONS.map((p) => [p, 40]),
        );
      },
    );
  }
});
