/**
 * The controller under random operations from one seed: brokers register, heartbeat, ask
 * to be fenced or to shut down, go silent past their session, come back as new
 * incarnations or leave; leaders change ISRs; elections and reassignments are asked
 * for; topics grow. After every step the image must hold Kafka's partition invariants.
 * A failure names its seed and step; the seed replays it.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Uuid } from '@gregor/protocol';
import { ErrorCode, randomUuid } from '@gregor/protocol';
import {
  addBroker,
  heartbeat,
  listenersFor,
  METADATA_VERSION_RANGE,
  MemoryMetadataLog,
  seededRandom,
  startController,
} from './harness.js';
import type { MetadataImage } from './image.js';

const BROKERS = [2, 3, 4, 5, 6];
const STEPS = 250;
const SEEDS = 16;

function isActive(image: MetadataImage, id: number): boolean {
  const b = image.brokers.get(id);
  return b !== undefined && !b.fenced && !b.inControlledShutdown;
}

/** Kafka's invariants of every partition; `epochs` carries the epochs seen so far. */
function checkInvariants(
  image: MetadataImage,
  epochs: Map<string, { leaderEpoch: number; partitionEpoch: number }>,
): void {
  for (const t of image.topicsById.values()) {
    for (const p of t.partitions) {
      const where = `${t.name}-${p.partitionId} ${JSON.stringify(p)}`;
      assert.ok(p.isr.length > 0, `empty ISR: ${where}`);
      assert.equal(new Set(p.replicas).size, p.replicas.length, `duplicate replicas: ${where}`);
      assert.equal(new Set(p.isr).size, p.isr.length, `duplicate ISR members: ${where}`);
      for (const r of p.isr) assert.ok(p.replicas.includes(r), `ISR member not a replica: ${where}`);
      for (const r of p.addingReplicas) assert.ok(p.replicas.includes(r), `adding not a replica: ${where}`);
      for (const r of p.removingReplicas) {
        assert.ok(p.replicas.includes(r), `removing not a replica: ${where}`);
        assert.ok(!p.addingReplicas.includes(r), `both adding and removing: ${where}`);
      }
      if (p.leader !== -1) {
        assert.ok(p.isr.includes(p.leader), `leader outside the ISR: ${where}`);
        assert.ok(isActive(image, p.leader), `inactive leader: ${where}`);
      }
      // An inactive broker stays in an ISR only as its last member, leaderless (no ELR).
      for (const r of p.isr) {
        if (!isActive(image, r)) assert.ok(p.isr.length === 1 && p.leader === -1, `inactive ISR member ${r}: ${where}`);
      }
      const key = `${t.topicId}:${p.partitionId}`;
      const seen = epochs.get(key);
      if (seen !== undefined) {
        assert.ok(p.leaderEpoch >= seen.leaderEpoch, `leader epoch went back: ${where}`);
        assert.ok(p.partitionEpoch >= seen.partitionEpoch, `partition epoch went back: ${where}`);
      }
      epochs.set(key, { leaderEpoch: p.leaderEpoch, partitionEpoch: p.partitionEpoch });
    }
  }
}

async function run(seed: number): Promise<void> {
  const random = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random.next() * xs.length)] as T;
  const chance = (p: number) => random.next() < p;
  const log = new MemoryMetadataLog();
  const { controller: c, time } = await startController(log, { seed });
  const epochs = new Map<number, number>();
  /** Brokers that heartbeat; the others are silent (crashed). */
  const alive = new Set<number>();
  for (const id of BROKERS) {
    epochs.set(id, (await addBroker(c, id, pick(['a', 'b', null]))).epoch);
    alive.add(id);
  }
  const topics: string[] = [];
  const seen = new Map<string, { leaderEpoch: number; partitionEpoch: number }>();
  const subset = (from: readonly number[], min: number) => {
    const out = from.filter(() => chance(0.6));
    for (const x of from) if (out.length < min && !out.includes(x)) out.push(x);
    return out;
  };

  for (let step = 0; step < STEPS; step++) {
    const op = pick([
      'heartbeats',
      'heartbeats',
      'time',
      'fence',
      'shutdown',
      'crash',
      'restart',
      'alterPartition',
      'alterPartition',
      'elect',
      'reassign',
      'createTopic',
      'grow',
      'unregister',
    ] as const);
    const context = `seed ${seed}, step ${step}, ${op}`;
    try {
      switch (op) {
        case 'heartbeats':
          for (const id of alive) {
            const epoch = epochs.get(id) as number;
            const res = await heartbeat(c, id, epoch);
            if (res.errorCode === ErrorCode.STALE_BROKER_EPOCH) alive.delete(id);
            else assert.equal(res.isFenced, c.image.brokers.get(id)?.fenced, `${context}: isFenced answered`);
          }
          break;
        case 'time':
          time.advance(Math.floor(random.next() * 4000));
          await c.idle();
          break;
        case 'fence': {
          const id = pick(BROKERS);
          if (alive.has(id)) await heartbeat(c, id, epochs.get(id) as number, { wantFence: true });
          break;
        }
        case 'shutdown': {
          const id = pick(BROKERS);
          if (!alive.has(id)) break;
          const res = await heartbeat(c, id, epochs.get(id) as number, { wantShutDown: true });
          assert.equal(res.isFenced, c.image.brokers.get(id)?.fenced, `${context}: isFenced answered`);
          if (res.shouldShutDown) {
            // Told it may stop: it leads nothing any more.
            for (const t of c.image.topicsById.values())
              for (const p of t.partitions) assert.notEqual(p.leader, id, `${context}: ${id} still leads ${t.name}`);
            // Mostly it stops; sometimes it keeps heartbeating (and must stay fenced).
            if (chance(0.7)) alive.delete(id);
          }
          break;
        }
        case 'crash':
          alive.delete(pick(BROKERS));
          break;
        case 'restart': {
          const id = pick(BROKERS);
          if (alive.has(id)) break;
          const reg = await c.brokerRegistration({
            brokerId: id,
            incarnationId: randomUuid(),
            listeners: listenersFor(id),
            features: METADATA_VERSION_RANGE,
            rack: null,
          });
          if (reg.errorCode === ErrorCode.NONE) {
            epochs.set(id, reg.brokerEpoch);
            alive.add(id);
          } else assert.equal(reg.errorCode, ErrorCode.DUPLICATE_BROKER_REGISTRATION, context);
          break;
        }
        case 'alterPartition': {
          if (topics.length === 0) break;
          const t = c.image.topicsByName.get(pick(topics));
          if (t === undefined) break;
          const p = pick(t.partitions);
          if (p.leader === -1 || !alive.has(p.leader)) break;
          const isr = [
            p.leader,
            ...subset(
              p.replicas.filter((r) => r !== p.leader),
              0,
            ),
          ];
          const res = await c.alterPartition(
            {
              brokerId: p.leader,
              brokerEpoch: epochs.get(p.leader) ?? c.image.brokers.get(p.leader)?.epoch ?? -1,
              topics: [
                {
                  topicName: '',
                  topicId: t.topicId as Uuid,
                  partitions: [
                    {
                      partitionIndex: p.partitionId,
                      leaderEpoch: p.leaderEpoch,
                      partitionEpoch: p.partitionEpoch,
                      newIsr: isr.map((brokerId) => ({ brokerId, brokerEpoch: -1 })),
                      leaderRecoveryState: 0,
                    },
                  ],
                },
              ],
            },
            2,
          );
          const code = res.topics[0]?.partitions[0]?.errorCode;
          assert.ok(
            code === ErrorCode.NONE || code === ErrorCode.INELIGIBLE_REPLICA || code === ErrorCode.NEW_LEADER_ELECTED,
            `${context}: AlterPartition answered ${code}`,
          );
          break;
        }
        case 'elect':
          await c.electLeaders(pick([0, 1]), chance(0.5) ? null : topics.map((topic) => ({ topic, partitions: [0] })));
          break;
        case 'reassign': {
          if (topics.length === 0) break;
          const name = pick(topics);
          const target = chance(0.2) ? null : subset(BROKERS, 1).slice(0, 3);
          await c.alterPartitionReassignments([{ name, partitions: [{ partitionIndex: 0, replicas: target }] }]);
          break;
        }
        case 'createTopic': {
          const name = `t${step}`;
          const [res] = await c.createTopics(
            [
              {
                name,
                numPartitions: 1 + Math.floor(random.next() * 4),
                replicationFactor: 1 + Math.floor(random.next() * 3),
                assignments: null,
                configs: chance(0.3) ? new Map([['unclean.leader.election.enable', 'true']]) : new Map(),
              },
            ],
            false,
          );
          if (res?.errorCode === ErrorCode.NONE) topics.push(name);
          else assert.equal(res?.errorCode, ErrorCode.INVALID_REPLICATION_FACTOR, context);
          break;
        }
        case 'grow': {
          if (topics.length === 0) break;
          const name = pick(topics);
          const count = (c.image.topicsByName.get(name)?.partitions.length ?? 0) + 1;
          await c.createPartitions([{ name, count, assignments: null }], false);
          break;
        }
        case 'unregister': {
          if (!chance(0.3)) break;
          const id = pick(BROKERS);
          if (alive.has(id)) break;
          await c.unregisterBroker(id);
          break;
        }
      }
      checkInvariants(c.image, seen);
    } catch (e) {
      (e as Error).message = `${context}: ${(e as Error).message}`;
      throw e;
    }
  }
  c.close();
}

describe('controller invariants under random operations', () => {
  for (let seed = 1; seed <= SEEDS; seed++) {
    test(`seed ${seed}`, async () => {
      await run(seed);
    });
  }
});
