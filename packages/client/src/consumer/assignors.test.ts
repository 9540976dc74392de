/**
 * The assignors as pure functions: Kafka's examples for range and roundrobin, and
 * properties (fast-check) for all three: no partition twice, only subscribed topics,
 * everything assigned (eager), balance, and cooperative-sticky's stickiness and its
 * rule that a partition never moves straight from one member to another.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { TopicPartition } from '../types.js';
import { cooperativeStickyAssign, type MemberSubscription, rangeAssign, roundRobinAssign } from './assignors.js';
import { decodeAssignment, decodeSubscription, encodeAssignment, encodeSubscription } from './consumer-protocol.js';

function member(
  memberId: string,
  topics: string[],
  ownedPartitions: TopicPartition[] = [],
  generationId = -1,
  groupInstanceId: string | null = null,
): MemberSubscription {
  return { memberId, groupInstanceId, topics, userData: null, ownedPartitions, generationId, rackId: null };
}

const names = (list: TopicPartition[] | undefined): string[] => (list ?? []).map((tp) => `${tp.topic}${tp.partition}`);

describe('range', () => {
  test("Kafka's example: two topics of 3 partitions over two members", () => {
    const out = rangeAssign(
      [member('C0', ['t0', 't1']), member('C1', ['t0', 't1'])],
      new Map([
        ['t0', 3],
        ['t1', 3],
      ]),
    );
    assert.deepEqual(names(out.get('C0')), ['t00', 't01', 't10', 't11']);
    assert.deepEqual(names(out.get('C1')), ['t02', 't12']);
  });

  test('members are ordered by group.instance.id when they have one', () => {
    const out = rangeAssign([member('a', ['t'], [], -1, 'z'), member('b', ['t'], [], -1, 'y')], new Map([['t', 2]]));
    assert.deepEqual(names(out.get('b')), ['t0']);
    assert.deepEqual(names(out.get('a')), ['t1']);
  });
});

describe('roundrobin', () => {
  test("Kafka's example: C0 gets t0p0, t0p2, t1p1; C1 gets t0p1, t1p0, t1p2", () => {
    const out = roundRobinAssign(
      [member('C0', ['t0', 't1']), member('C1', ['t0', 't1'])],
      new Map([
        ['t0', 3],
        ['t1', 3],
      ]),
    );
    assert.deepEqual(names(out.get('C0')), ['t00', 't02', 't11']);
    assert.deepEqual(names(out.get('C1')), ['t01', 't10', 't12']);
  });

  test('members only get topics they subscribe to', () => {
    const out = roundRobinAssign(
      [member('C0', ['t0']), member('C1', ['t0', 't1']), member('C2', ['t0', 't1', 't2'])],
      new Map([
        ['t0', 1],
        ['t1', 2],
        ['t2', 3],
      ]),
    );
    assert.deepEqual(names(out.get('C0')), ['t00']);
    assert.deepEqual(names(out.get('C1')), ['t10']);
    assert.deepEqual(names(out.get('C2')), ['t11', 't20', 't21', 't22']);
  });
});

describe('cooperative-sticky', () => {
  test('a partition claimed by two members in the same generation goes to nobody this round', () => {
    const t0 = { topic: 't', partition: 0 };
    const out = cooperativeStickyAssign(
      [member('A', ['t'], [t0], 3), member('B', ['t'], [t0], 3)],
      new Map([['t', 1]]),
    );
    // Both still fetch it until they revoke it: giving it to either makes two owners.
    assert.deepEqual(names(out.get('A')), []);
    assert.deepEqual(names(out.get('B')), []);
  });
});

/** A random group: topics with partition counts, members subscribing to some of them. */
const groupArbitrary = fc
  .record({
    topics: fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 4 }),
    members: fc.array(fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 7 }),
    uniform: fc.boolean(),
  })
  .map(({ topics, members, uniform }) => {
    const partitionsPerTopic = new Map(topics.map((count, i) => [`topic${i}`, count] as const));
    const all = [...partitionsPerTopic.keys()];
    const subs = members.map((flags, i) =>
      member(
        `member-${String(i).padStart(2, '0')}`,
        uniform ? all : all.filter((_, t) => flags[t] === true).concat(all.length > 0 ? [] : []),
      ),
    );
    return { partitionsPerTopic, members: subs };
  });

function checkCommon(
  members: readonly MemberSubscription[],
  partitionsPerTopic: ReadonlyMap<string, number>,
  out: Map<string, TopicPartition[]>,
): Set<string> {
  const seen = new Set<string>();
  for (const m of members) {
    for (const tp of out.get(m.memberId) ?? []) {
      const k = `${tp.topic}:${tp.partition}`;
      assert.ok(!seen.has(k), `${k} assigned twice`);
      seen.add(k);
      assert.ok(m.topics.includes(tp.topic), `${m.memberId} got ${tp.topic} it does not subscribe to`);
      assert.ok(tp.partition >= 0 && tp.partition < (partitionsPerTopic.get(tp.topic) ?? 0));
    }
  }
  for (const id of out.keys())
    assert.ok(
      members.some((m) => m.memberId === id),
      `unknown member ${id}`,
    );
  return seen;
}

function subscribedPartitions(members: readonly MemberSubscription[], partitionsPerTopic: ReadonlyMap<string, number>) {
  let n = 0;
  for (const [topic, count] of partitionsPerTopic) if (members.some((m) => m.topics.includes(topic))) n += count;
  return n;
}

function spread(members: readonly MemberSubscription[], out: Map<string, TopicPartition[]>): number {
  const counts = members.map((m) => out.get(m.memberId)?.length ?? 0);
  return Math.max(...counts) - Math.min(...counts);
}

describe('assignor properties', () => {
  for (const [name, assign] of [
    ['range', rangeAssign],
    ['roundrobin', roundRobinAssign],
  ] as const) {
    test(`${name}: every subscribed partition exactly once, only to subscribers`, () => {
      fc.assert(
        fc.property(groupArbitrary, ({ members, partitionsPerTopic }) => {
          const out = assign(members, partitionsPerTopic);
          const seen = checkCommon(members, partitionsPerTopic, out);
          assert.equal(seen.size, subscribedPartitions(members, partitionsPerTopic));
        }),
        { numRuns: 300 },
      );
    });
  }

  test('roundrobin with identical subscriptions is balanced within one', () => {
    fc.assert(
      fc.property(groupArbitrary, ({ members, partitionsPerTopic }) => {
        const all = [...partitionsPerTopic.keys()];
        const same = members.map((m) => member(m.memberId, all));
        assert.ok(spread(same, roundRobinAssign(same, partitionsPerTopic)) <= 1);
      }),
      { numRuns: 200 },
    );
  });

  test('cooperative-sticky: from scratch, everything assigned; uniform subscriptions balanced', () => {
    fc.assert(
      fc.property(groupArbitrary, ({ members, partitionsPerTopic }) => {
        const out = cooperativeStickyAssign(members, partitionsPerTopic);
        const seen = checkCommon(members, partitionsPerTopic, out);
        assert.equal(seen.size, subscribedPartitions(members, partitionsPerTopic));
        const all = [...partitionsPerTopic.keys()];
        if (members.every((m) => m.topics.length === all.length)) assert.ok(spread(members, out) <= 1);
      }),
      { numRuns: 300 },
    );
  });

  test('cooperative-sticky: members come and go; nothing moves directly, kept partitions stay, it converges', () => {
    fc.assert(
      fc.property(
        groupArbitrary,
        fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 1, maxLength: 5 }),
        ({ members, partitionsPerTopic }, changes) => {
          const all = [...partitionsPerTopic.keys()];
          let group = members.map((m) => member(m.memberId, all));
          let owned = new Map<string, TopicPartition[]>();
          let generation = 1;
          let nextId = 100;
          const round = (): Map<string, TopicPartition[]> => {
            const subs = group.map((m) =>
              member(m.memberId, m.topics as string[], owned.get(m.memberId) ?? [], generation),
            );
            const out = cooperativeStickyAssign(subs, partitionsPerTopic);
            checkCommon(subs, partitionsPerTopic, out);
            // No partition goes straight from one owner to another within a round.
            const ownerBefore = new Map<string, string>();
            for (const [id, list] of owned) for (const tp of list) ownerBefore.set(`${tp.topic}:${tp.partition}`, id);
            for (const [id, list] of out) {
              for (const tp of list) {
                const before = ownerBefore.get(`${tp.topic}:${tp.partition}`);
                assert.ok(before === undefined || before === id || !group.some((m) => m.memberId === before));
              }
            }
            generation++;
            return out;
          };
          for (const change of changes) {
            if (change > 0) {
              for (let i = 0; i < change; i++) group.push(member(`member-${nextId++}`, all));
            } else if (change < 0 && group.length > 1) {
              const gone = group.slice(0, Math.min(-change, group.length - 1)).map((m) => m.memberId);
              group = group.filter((m) => !gone.includes(m.memberId));
              for (const id of gone) owned.delete(id);
            }
            // Rounds until stable: what members own is what they were given.
            for (let r = 0; r < 4; r++) {
              const out = round();
              const before = owned;
              owned = out;
              // Stickiness: a member keeps at least min(owned, floor(P / members)) of its partitions.
              const total = subscribedPartitions(group, partitionsPerTopic);
              const floor = Math.floor(total / group.length);
              for (const [id, list] of before) {
                const kept = (out.get(id) ?? []).filter((tp) =>
                  list.some((o) => o.topic === tp.topic && o.partition === tp.partition),
                ).length;
                assert.ok(kept >= Math.min(list.length, floor), `${id} kept ${kept} of ${list.length}`);
              }
            }
            const final = owned;
            const count = [...final.values()].reduce((n, l) => n + l.length, 0);
            assert.equal(count, subscribedPartitions(group, partitionsPerTopic), 'converged: all assigned');
            assert.ok(spread(group, final) <= 1, 'converged: balanced');
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('consumer protocol', () => {
  test('subscription and assignment round trip at every version', () => {
    for (let v = 0; v <= 3; v++) {
      const buf = encodeSubscription(
        {
          topics: ['b', 'a'],
          userData: Buffer.from([1]),
          ownedPartitions: [{ topic: 'a', partition: 2 }],
          generationId: 7,
          rackId: 'r',
        },
        v,
      );
      const s = decodeSubscription('m', null, buf);
      assert.deepEqual(s.topics, ['a', 'b']);
      assert.equal(s.version, v);
      assert.deepEqual(s.ownedPartitions, v >= 1 ? [{ topic: 'a', partition: 2 }] : []);
      assert.equal(s.generationId, v >= 2 ? 7 : -1);
      const a = decodeAssignment(
        encodeAssignment(
          [
            { topic: 't', partition: 1 },
            { topic: 't', partition: 0 },
          ],
          null,
          v,
        ),
      );
      assert.deepEqual(a.partitions, [
        { topic: 't', partition: 0 },
        { topic: 't', partition: 1 },
      ]);
    }
  });

  test('tolerant decoding: newer versions, trailing bytes, v1 label on v0 bytes, empty assignment', () => {
    const v0 = encodeSubscription(
      { topics: ['x'], userData: null, ownedPartitions: [], generationId: -1, rackId: null },
      0,
    );
    const relabelled = Buffer.from(v0);
    relabelled.writeInt16BE(1, 0);
    assert.deepEqual(decodeSubscription('m', null, relabelled).topics, ['x']);
    const future = Buffer.concat([
      encodeSubscription({ topics: ['y'], userData: null, ownedPartitions: [], generationId: 3, rackId: null }, 3),
      Buffer.from([9, 9, 9]),
    ]);
    future.writeInt16BE(9, 0);
    assert.deepEqual(decodeSubscription('m', null, future).topics, ['y']);
    assert.deepEqual(decodeAssignment(Buffer.alloc(0)).partitions, []);
    assert.throws(() => decodeSubscription('m', null, Buffer.from([0])));
    assert.throws(() => decodeAssignment(Buffer.from([0, 0, 0, 0, 0, 5])));
  });

  test('KafkaJS metadata (v0: topics and empty user data) decodes', () => {
    // int16 version 0 · array of 1 string "t" · bytes of length 0 — KafkaJS's MemberMetadata.encode.
    const kafkajs = Buffer.from([0, 0, 0, 0, 0, 1, 0, 1, 0x74, 0, 0, 0, 0]);
    const s = decodeSubscription('k', null, kafkajs);
    assert.deepEqual(s.topics, ['t']);
    assert.equal(s.userData?.length, 0);
  });
});
