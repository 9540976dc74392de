import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import {
  ErrorCode,
  FetchRequest,
  ListOffsetsRequest,
  type ListOffsetsResponse,
  readAllRecords,
} from '@gregor/protocol';
import { FetchPartition, FetchTopic } from '@gregor/protocol/generated/messages/fetch-request';
import type { FetchResponse } from '@gregor/protocol/generated/messages/fetch-response';
import { ListOffsetsPartition, ListOffsetsTopic } from '@gregor/protocol/generated/messages/list-offsets-request';
import { fetchHandler } from '../handlers/fetch.js';
import type { RequestContext } from '../handlers/handler.js';
import { listOffsetsHandler } from '../handlers/list-offsets.js';
import { FetchSessionCache } from './fetch-session.js';
import { ReplicationError } from './replica-transport.js';
import { batchOf, logValues, TestCluster, TOPIC } from './replication-harness.js';

let cluster: TestCluster | null = null;

async function startCluster(
  opts: Parameters<TestCluster['start']>[0] & { nodes?: number[] } = { replicas: [1, 2, 3], leader: 1 },
): Promise<TestCluster> {
  cluster = new TestCluster(opts.nodes ?? [1, 2, 3]);
  await cluster.start(opts);
  return cluster;
}

afterEach(async () => {
  await cluster?.stop();
  cluster = null;
});

/** Resolves to the settled state of a promise without awaiting it (pending → 'pending'). */
async function peek<T>(
  p: Promise<T>,
): Promise<{ state: 'pending' } | { state: 'done'; value: T } | { state: 'failed'; error: unknown }> {
  const marker = Symbol('pending');
  const r = await Promise.race([
    p.then(
      (value) => ({ state: 'done' as const, value }),
      (error: unknown) => ({ state: 'failed' as const, error }),
    ),
    new Promise<typeof marker>((resolve) => setImmediate(() => resolve(marker))),
  ]);
  return r === marker ? { state: 'pending' } : r;
}

function errorCodeOf(e: unknown): number {
  assert.ok(e instanceof ReplicationError, `expected a ReplicationError, got ${String(e)}`);
  return e.errorCode;
}

function followerFetch(
  c: TestCluster,
  opts: { replicaId: number; offset: number; currentLeaderEpoch?: number; lastFetchedEpoch?: number },
): FetchRequest {
  const r = new FetchRequest();
  // Not encoded: both fields, so that the version the test passes picks its own.
  r.replicaId = opts.replicaId;
  r.replicaState.replicaId = opts.replicaId;
  r.maxWaitMs = 0;
  r.minBytes = 0;
  const t = new FetchTopic();
  t.topic = TOPIC;
  t.topicId = c.topicId;
  const p = new FetchPartition();
  p.partition = 0;
  p.fetchOffset = BigInt(opts.offset);
  p.currentLeaderEpoch = opts.currentLeaderEpoch ?? -1;
  p.lastFetchedEpoch = opts.lastFetchedEpoch ?? -1;
  p.partitionMaxBytes = 1 << 20;
  t.partitions.push(p);
  r.topics.push(t);
  return r;
}

describe('replication', () => {
  test('roles follow the image: leader and followers; clients only reach the leader', async () => {
    const c = await startCluster();
    assert.equal(c.partition(1).role, 'leader');
    assert.equal(c.partition(2).role, 'follower');
    assert.equal(c.partition(3).role, 'follower');
    assert.equal((await c.rm(1).lookup(TOPIC, 0)).errorCode, ErrorCode.NONE);
    assert.equal((await c.rm(2).lookup(TOPIC, 0)).errorCode, ErrorCode.NOT_LEADER_OR_FOLLOWER);
    assert.equal(c.rm(2).replicaFetchers().length, 1);
    assert.equal(c.rm(2).replicaFetchers()[0]?.leaderId, 1);
    assert.equal(c.rm(1).replicaFetchers().length, 0);
  });

  test('followers catch up; the high watermark advances only with the whole ISR', async () => {
    const c = await startCluster();
    const leader = c.partition(1);
    await leader.append(batchOf('a', 3), 1);
    assert.equal(leader.logEndOffset, 3);
    assert.equal(leader.highWatermark, 0, 'no follower has it yet');
    await c.pump([2]);
    assert.equal(c.partition(2).logEndOffset, 3);
    await c.pump([2]);
    assert.equal(leader.highWatermark, 0, 'broker 3 (in the ISR) has not fetched');
    await c.pump([3]);
    await c.pump([3]);
    assert.equal(leader.highWatermark, 3);
    await c.pump([2, 3]);
    assert.equal(c.partition(2).highWatermark, 3, 'followers learn the high watermark');
    assert.equal(c.partition(3).highWatermark, 3);
    assert.deepEqual(await logValues(c.partition(3)), ['a-0', 'a-1', 'a-2']);
    // The follower keeps the leader's epochs and offsets.
    assert.deepEqual(c.partition(2).log.epochCache.all, leader.log.epochCache.all);
  });

  test('acks=-1 waits for the ISR; acks=1 does not', async () => {
    const c = await startCluster();
    const leader = c.partition(1);
    await leader.append(batchOf('one', 1), 1);
    const all = leader.append(batchOf('all', 2), -1);
    assert.equal((await peek(all)).state, 'pending');
    await c.pump([2, 3]);
    assert.equal((await peek(all)).state, 'pending', 'followers have it, but the leader learns so at their next fetch');
    await c.pump([2, 3]);
    const settled = await peek(all);
    assert.equal(settled.state, 'done');
    assert.equal(leader.highWatermark, 3);
  });

  test('min.insync.replicas: NOT_ENOUGH_REPLICAS before the append, NOT_ENOUGH_REPLICAS_AFTER_APPEND after a shrink', async () => {
    const c = await startCluster({ replicas: [1, 2, 3], isr: [1], leader: 1 });
    const leader = c.partition(1);
    await assert.rejects(leader.append(batchOf('x', 1), -1, { minInsyncReplicas: 2 }), (e) => {
      return errorCodeOf(e) === ErrorCode.NOT_ENOUGH_REPLICAS;
    });
    assert.equal(leader.logEndOffset, 0, 'refused before the append');
    // acks=1 does not care about min.insync.replicas.
    await leader.append(batchOf('y', 1), 1, { minInsyncReplicas: 2 });
    const r = await leader.appendFromProducer(
      batchOf('p', 1, { producerId: 7, producerEpoch: 0, baseSequence: 0 }),
      -1,
      { producerId: 7, producerEpoch: 0, baseSequence: 0, lastSequence: 0, isTransactional: false },
      { minInsyncReplicas: 2 },
    );
    assert.equal(r.kind, 'error');
    assert.equal(r.kind === 'error' ? r.errorCode : -1, ErrorCode.NOT_ENOUGH_REPLICAS);
  });

  test('an ISR shrinking below min.insync.replicas while the batch replicates: NOT_ENOUGH_REPLICAS_AFTER_APPEND', async () => {
    const c = await startCluster();
    const leader = c.partition(1);
    await c.pump([2, 3]);
    const pending = leader.append(batchOf('z', 2), -1, { minInsyncReplicas: 3 });
    await c.pump([2]);
    await c.pump([2]);
    assert.equal((await peek(pending)).state, 'pending', 'broker 3 has not fetched');
    c.clock.advance(30_001);
    await c.pump([2]); // broker 2 stays caught up
    c.rm(1).maybeShrinkIsr();
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(c.image.topicsByName.get(TOPIC)?.partitions[0]?.isr, [1, 2]);
    const settled = await peek(pending);
    assert.equal(settled.state, 'failed');
    assert.equal(
      settled.state === 'failed' ? errorCodeOf(settled.error) : -1,
      ErrorCode.NOT_ENOUGH_REPLICAS_AFTER_APPEND,
    );
    assert.equal(leader.highWatermark, 2, 'the batch is in the log and committed by the smaller ISR');
  });

  test('ISR shrinks after replica.lag.time.max.ms without catching up, and grows back once caught up', async () => {
    const c = await startCluster();
    const leader = c.partition(1);
    await leader.append(batchOf('a', 2), 1);
    await c.pump([2, 3]);
    await c.pump([2, 3]);
    c.clock.advance(20_000);
    await leader.append(batchOf('b', 2), 1);
    await c.pump([2]);
    c.clock.advance(15_000);
    await c.pump([2]);
    c.rm(1).maybeShrinkIsr();
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(leader.isr, [1, 2], 'broker 3 was last caught up 35 s ago');
    assert.deepEqual(c.image.topicsByName.get(TOPIC)?.partitions[0]?.isr, [1, 2]);
    assert.equal(leader.highWatermark, 4, 'the smaller ISR has everything');
    const shrink = c.alterRequests.at(-1);
    assert.deepEqual(shrink?.newIsr, [1, 2]);
    assert.equal(shrink?.leaderEpoch, 0);
    assert.equal(shrink?.newIsrWithEpochs.find((b) => b.brokerId === 2)?.brokerEpoch, 102);
    // Broker 3 catches up to the high watermark: it joins again.
    await c.pump([3]);
    await c.pump([3]);
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(leader.isr, [1, 2, 3]);
    assert.deepEqual(c.image.topicsByName.get(TOPIC)?.partitions[0]?.isr, [1, 2, 3]);
  });

  test('a pending ISR change counts the larger ISR for the high watermark (KIP-497)', async () => {
    const c = await startCluster({ replicas: [1, 2, 3], isr: [1, 2], leader: 1 });
    const leader = c.partition(1);
    c.holdAlters = true;
    await leader.append(batchOf('a', 2), 1);
    await c.pump([3]);
    await c.pump([3]);
    assert.equal(leader.highWatermark, 0, 'broker 2 is in the ISR and has nothing');
    // Broker 3 reached the high watermark (0) and asked to join: it counts at once.
    assert.ok(leader.isrChangePending);
    assert.deepEqual(leader.maximalIsr, [1, 2, 3]);
    assert.equal(c.alterRequests.length, 1, 'one request in flight');
    await c.pump([2]);
    await c.pump([2]);
    assert.equal(leader.highWatermark, 2);
    await c.releaseAlters();
    assert.deepEqual(leader.isr, [1, 2, 3]);
    assert.equal(leader.isrChangePending, false);
  });

  test('an AlterPartition the controller refuses as not made (INELIGIBLE_REPLICA) is dropped and proposed again after the backoff', async () => {
    const c = await startCluster({ replicas: [1, 2], isr: [1], leader: 1, nodes: [1, 2] });
    const leader = c.partition(1);
    c.holdAlters = true;
    await c.pump([2]);
    assert.equal(c.alterRequests.length, 1);
    const held = c.heldAlters.splice(0);
    for (const h of held) h.resolve({ errorCode: ErrorCode.INELIGIBLE_REPLICA });
    await new Promise((r) => setImmediate(r));
    assert.equal(leader.isrChangePending, false);
    await c.pump([2]);
    assert.equal(c.alterRequests.length, 1, 'backing off');
    c.clock.advance(1_000);
    c.holdAlters = false;
    await c.pump([2]);
    await new Promise((r) => setImmediate(r));
    assert.equal(c.alterRequests.length, 2);
    assert.deepEqual(leader.isr, [1, 2]);
  });

  test('an AlterPartition failing with an error no image settles (INVALID_REQUEST) is sent again, not left pending for good', async () => {
    const c = await startCluster({ replicas: [1, 2], isr: [1], leader: 1, nodes: [1, 2] });
    const leader = c.partition(1);
    c.holdAlters = true;
    await c.pump([2]);
    const held = c.heldAlters.splice(0);
    assert.equal(held.length, 1);
    for (const h of held) h.resolve({ errorCode: ErrorCode.INVALID_REQUEST });
    await new Promise((r) => setImmediate(r));
    assert.equal(leader.isrChangePending, true);
    // The same change goes out again after the backoff, and this time it is made.
    c.holdAlters = false;
    for (let i = 0; i < 200 && c.alterRequests.length < 2; i++) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setImmediate(r));
    assert.equal(c.alterRequests.length, 2);
    assert.deepEqual(leader.isr, [1, 2]);
    assert.equal(leader.isrChangePending, false);
  });

  test('an ISR change refused as stale (INVALID_UPDATE_VERSION) stays pending until the newer image settles it', async () => {
    const c = await startCluster({ replicas: [1, 2], isr: [1], leader: 1, nodes: [1, 2] });
    const leader = c.partition(1);
    c.holdAlters = true;
    await c.pump([2]);
    assert.equal(c.heldAlters.length, 1);
    // Another change (an ElectLeaders, a reassignment step) bumped the partition epoch;
    // this leader has not seen that image yet.
    c.imagesWithheld.add(1);
    await c.changePartition({ isr: [1] });
    await c.releaseAlters();
    await new Promise((r) => setImmediate(r));
    assert.equal(leader.isrChangePending, true, 'waiting for the newer image, not proposing again');
    c.holdAlters = false;
    c.clock.advance(1_000);
    await c.pump([2]);
    assert.equal(c.alterRequests.length, 1);
    c.imagesWithheld.delete(1);
    await c.rm(1).applyImage(c.image);
    assert.equal(leader.isrChangePending, false);
    await c.pump([2]);
    await new Promise((r) => setImmediate(r));
    assert.equal(c.alterRequests.length, 2, 'proposed again on the current partition epoch');
    assert.deepEqual(leader.isr, [1, 2]);
  });

  test('an AlterPartition whose answer is lost stays pending and is sent again: the high watermark keeps counting the larger ISR', async () => {
    const c = await startCluster({ replicas: [1, 2, 3], isr: [1, 2], leader: 1 });
    const leader = c.partition(1);
    await leader.append(batchOf('a', 1), 1);
    c.holdAlters = true;
    await c.pump([2, 3]);
    await c.pump([2, 3]);
    assert.deepEqual(
      c.heldAlters.map((h) => h.item.newIsr),
      [[1, 2, 3]],
    );
    // Committed by the controller; the answer never reaches the leader, nor (yet) the image.
    c.imagesWithheld.add(1);
    await c.loseAlterAnswers();
    await new Promise((r) => setImmediate(r));
    assert.equal(leader.isrChangePending, true);
    // Broker 3 is in the committed ISR: nothing it lacks may count as committed.
    await leader.append(batchOf('b', 1), 1);
    await c.pump([2]);
    assert.equal(leader.highWatermark, 1, 'broker 3 has not fetched offset 1');
    // The same change is sent again after the backoff; the controller now calls it stale.
    for (let i = 0; i < 200 && c.heldAlters.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    assert.deepEqual(
      c.heldAlters.map((h) => h.item.newIsr),
      [[1, 2, 3]],
    );
    await c.releaseAlters();
    await new Promise((r) => setImmediate(r));
    assert.equal(leader.isrChangePending, true, 'still pending: refused as stale');
    c.imagesWithheld.delete(1);
    await c.rm(1).applyImage(c.image);
    assert.deepEqual(leader.isr, [1, 2, 3]);
    assert.equal(leader.isrChangePending, false);
    c.holdAlters = false;
    await c.settle();
    assert.equal(leader.highWatermark, 2);
  });

  test('leader change: the old leader truncates its uncommitted suffix and follows', async () => {
    const c = await startCluster();
    const old = c.partition(1);
    const committed = old.append(batchOf('committed', 2), -1);
    await c.settle();
    await committed;
    assert.equal(old.highWatermark, 2);
    // Written on the old leader only.
    await old.append(batchOf('lost', 3), 1);
    assert.equal(old.logEndOffset, 5);
    await c.changePartition({ leader: 2, isr: [2, 3] });
    assert.equal(old.role, 'follower');
    const leader = c.partition(2);
    assert.equal(leader.role, 'leader');
    assert.equal(leader.leaderEpoch, 1);
    assert.deepEqual(
      leader.log.epochCache.all.at(-1),
      { epoch: 1, startOffset: 2 },
      'the new epoch starts at its log end',
    );
    assert.equal(leader.highWatermark, 2, 'not moved backwards');
    await assert.rejects(old.append(batchOf('late', 1), 1), (e) => errorCodeOf(e) === ErrorCode.NOT_LEADER_OR_FOLLOWER);
    assert.equal((await c.rm(1).lookup(TOPIC, 0)).errorCode, ErrorCode.NOT_LEADER_OR_FOLLOWER);
    await leader.append(batchOf('new', 1), 1);
    await c.settle();
    assert.deepEqual(await logValues(old), ['committed-0', 'committed-1', 'new-0']);
    assert.deepEqual(await logValues(c.partition(3)), ['committed-0', 'committed-1', 'new-0']);
    assert.deepEqual(old.log.epochCache.all, leader.log.epochCache.all);
    assert.equal(leader.highWatermark, 3);
    // The old leader rejoins the ISR once caught up.
    assert.deepEqual(leader.isr, [1, 2, 3]);
  });

  test('a leader that appended nothing in its epoch follows again: one DivergingEpoch round, then it catches up and rejoins the ISR', async () => {
    const c = await startCluster();
    const first = c.partition(1);
    const committed = first.append(batchOf('committed', 2), -1);
    await c.settle();
    await committed;
    assert.equal(first.highWatermark, 2);
    // Broker 2 leads epoch 1 and records where it starts, then loses leadership before
    // any append: its epoch cache ends with an epoch no batch was written in.
    await c.changePartition({ leader: 2 });
    const stale = c.partition(2);
    assert.deepEqual(stale.log.epochCache.all.at(-1), { epoch: 1, startOffset: 2 });
    await c.changePartition({ leader: 3, isr: [1, 3] });
    assert.equal(stale.role, 'follower');
    const leader = c.partition(3);
    assert.equal(leader.leaderEpoch, 2);
    await leader.append(batchOf('new', 3), 1);
    await c.written();
    // The leader knows no epoch 1: it answers DivergingEpoch {epoch 0, endOffset 2}, where
    // the follower's log already ends. Nothing is cut, but the empty epoch goes.
    await c.pump([2]);
    assert.equal(stale.logEndOffset, 2);
    assert.deepEqual(stale.log.epochCache.all, [{ epoch: 0, startOffset: 0 }]);
    // The next Fetch names epoch 0 and gets the records, with no backoff (the clock stands still).
    await c.pump([2]);
    assert.deepEqual(await logValues(stale), ['committed-0', 'committed-1', 'new-0', 'new-1', 'new-2']);
    assert.deepEqual(stale.log.epochCache.all, leader.log.epochCache.all);
    await c.settle();
    assert.deepEqual(leader.isr, [1, 2, 3], 'broker 2 rejoined the ISR');
    assert.equal(leader.highWatermark, 5);
    assert.equal(stale.highWatermark, 5);
  });

  test('a DivergingEpoch answer that changes nothing backs the follower off for replica.fetch.backoff.ms', async () => {
    const c = await startCluster();
    const committed = c.partition(1).append(batchOf('committed', 2), -1);
    await c.settle();
    await committed;
    await c.changePartition({ leader: 2 });
    await c.changePartition({ leader: 3, isr: [1, 3] });
    const stale = c.partition(2);
    await c.partition(3).append(batchOf('new', 1), 1);
    // A log that cannot drop the empty epoch (as before the fix): every answer is the same.
    stale.log.truncateTo = async () => {};
    const leaderRm = c.rm(3);
    const fetchForFollower = leaderRm.fetchForFollower.bind(leaderRm);
    let fetches = 0;
    leaderRm.fetchForFollower = (request, version) => {
      fetches++;
      return fetchForFollower(request, version);
    };
    await c.pump([2]);
    assert.equal(fetches, 1);
    await c.pump([2]);
    await c.pump([2]);
    assert.equal(fetches, 1, 'backing off, not asking again at once');
    c.clock.advance(1_000);
    await c.pump([2]);
    assert.equal(fetches, 2, 'asks again after the backoff');
    // Once the log can drop the epoch, the follower catches up.
    delete (stale.log as { truncateTo?: unknown }).truncateTo;
    c.clock.advance(1_000);
    await c.settle();
    assert.deepEqual(await logValues(stale), ['committed-0', 'committed-1', 'new-0']);
    assert.deepEqual(c.partition(3).isr, [1, 2, 3]);
  });

  test('leader change through OffsetForLeaderEpoch when the leader answers below Fetch v12', async () => {
    const c = await startCluster();
    c.fetchVersion = 11;
    const old = c.partition(1);
    await old.append(batchOf('committed', 2), 1);
    await c.settle();
    await old.append(batchOf('lost', 3), 1);
    await c.changePartition({ leader: 2, isr: [2, 3] });
    await c.partition(2).append(batchOf('new', 2), 1);
    await c.settle();
    assert.deepEqual(await logValues(old), ['committed-0', 'committed-1', 'new-0', 'new-1']);
  });

  test('no acknowledged acks=-1 record is lost across leader changes', async () => {
    const c = await startCluster();
    const acked: string[] = [];
    for (let round = 0; round < 3; round++) {
      const leaderId = [1, 2, 3][round] as number;
      const leader = c.partition(leaderId);
      for (let i = 0; i < 3; i++) {
        const name = `r${round}b${i}`;
        const pending = leader.append(batchOf(name, 1), -1);
        await c.settle();
        await pending;
        acked.push(`${name}-0`);
      }
      // Unacknowledged writes on the leader that is about to lose its leadership.
      const unacked = leader.append(batchOf(`r${round}-unacked`, 1), -1).then(
        () => null,
        (e: unknown) => e,
      );
      const next = [2, 3, 1][round] as number;
      await c.changePartition({ leader: next });
      assert.equal(errorCodeOf(await unacked), ErrorCode.NOT_LEADER_OR_FOLLOWER);
      await c.settle();
      for (const id of [1, 2, 3]) {
        const values = await logValues(c.partition(id));
        for (const v of acked) assert.ok(values.includes(v), `broker ${id} lost ${v}`);
      }
    }
  });

  test('consumers never read past the high watermark; followers read up to the log end', async () => {
    const c = await startCluster();
    const leader = c.partition(1);
    await leader.append(batchOf('a', 4), 1);
    const consumer = await leader.log.read(0, 1 << 20, leader.highWatermark, true);
    assert.equal(consumer.records.length, 0, 'high watermark 0');
    const { response } = await c.rm(1).fetchForFollower(followerFetch(c, { replicaId: 2, offset: 0 }), 17);
    const data = response.responses[0]?.partitions[0];
    assert.equal(data?.errorCode, ErrorCode.NONE);
    assert.ok((data?.records?.length ?? 0) > 0, 'the follower gets the unreplicated records');
    assert.equal(data?.highWatermark, 0n);
  });

  test('a write to a partition the follower has not fetched in this epoch ends its long poll on the others', async () => {
    // A new topic's partition joins a follower's fetcher while that fetcher's Fetch to the
    // same leader long-polls for other partitions: until that Fetch ends (up to
    // replica.fetch.wait.max.ms) the follower cannot fetch the new one, and acks=-1 waits.
    const c = await startCluster({ replicas: [1, 2, 3], leader: 1, partitions: 2 });
    const longPoll = (partition: number): FetchRequest => {
      const r = followerFetch(c, { replicaId: 2, offset: 0 });
      r.maxWaitMs = 30_000;
      r.minBytes = 1;
      (r.topics[0]?.partitions[0] as FetchPartition).partition = partition;
      return r;
    };
    const settled = async <T>(p: Promise<T>) => {
      for (let i = 0; i < 20; i++) if ((await peek(p)).state !== 'pending') return true;
      return false;
    };
    const parked = c.rm(1).fetchForFollower(longPoll(0), 17);
    assert.equal(await settled(parked), false, 'nothing to read: the Fetch long-polls');
    await c.partition(1, 1).append(batchOf('new', 1), 1);
    assert.equal(await settled(parked), true, 'ended by the write to partition 1, which follower 2 never fetched');
    const { response, release } = await parked;
    release();
    assert.equal(response.responses[0]?.partitions[0]?.records?.length ?? 0, 0);

    // Once follower 2 has fetched partition 1, writes to it leave a Fetch of partition 0 alone.
    const fetched = followerFetch(c, { replicaId: 2, offset: 0 });
    (fetched.topics[0]?.partitions[0] as FetchPartition).partition = 1;
    (await c.rm(1).fetchForFollower(fetched, 17)).release();
    const again = c.rm(1).fetchForFollower(longPoll(0), 17);
    await c.partition(1, 1).append(batchOf('more', 1), 1);
    assert.equal(await settled(again), false, 'a partition it fetches does not end the long poll on others');
    await c.partition(1, 0).append(batchOf('zero', 1), 1);
    assert.equal(await settled(again), true);
    (await again).release();
  });

  test('follower fetch errors: not leader, fenced and unknown epochs, unassigned replica, out of range, diverging', async () => {
    const c = await startCluster();
    await c.partition(1).append(batchOf('a', 2), 1);
    const ask = async (to: number, opts: Parameters<typeof followerFetch>[1], version = 17) => {
      const { response } = await c.rm(to).fetchForFollower(followerFetch(c, opts), version);
      return response.responses[0]?.partitions[0];
    };
    const notLeader = await ask(2, { replicaId: 3, offset: 0 });
    assert.equal(notLeader?.errorCode, ErrorCode.NOT_LEADER_OR_FOLLOWER);
    assert.equal(notLeader?.currentLeader.leaderId, 1, 'v12+ names the current leader');
    assert.equal(
      (await ask(1, { replicaId: 2, offset: 0, currentLeaderEpoch: 1 }))?.errorCode,
      ErrorCode.UNKNOWN_LEADER_EPOCH,
    );
    await c.changePartition({ leader: 1 }); // epoch 1
    assert.equal(
      (await ask(1, { replicaId: 2, offset: 0, currentLeaderEpoch: 0 }))?.errorCode,
      ErrorCode.FENCED_LEADER_EPOCH,
    );
    assert.equal((await ask(1, { replicaId: 9, offset: 0 }))?.errorCode, ErrorCode.NOT_LEADER_OR_FOLLOWER);
    assert.equal((await ask(1, { replicaId: 2, offset: 99 }))?.errorCode, ErrorCode.OFFSET_OUT_OF_RANGE);
    // The follower says its last batch was written in epoch 0 up to offset 5: epoch 0 ends at 2 here.
    const diverging = await ask(1, { replicaId: 2, offset: 2, lastFetchedEpoch: 0, currentLeaderEpoch: 1 });
    assert.equal(diverging?.errorCode, ErrorCode.NONE);
    assert.equal(diverging?.divergingEpoch.epoch, -1, 'epoch 0 ends exactly at 2: no divergence');
    await c.partition(1).append(batchOf('b', 1), 1);
    const diverged = await ask(1, { replicaId: 2, offset: 3, lastFetchedEpoch: 0, currentLeaderEpoch: 1 });
    assert.equal(diverged?.divergingEpoch.epoch, 0);
    assert.equal(diverged?.divergingEpoch.endOffset, 2n);
    assert.equal(diverged?.records?.length ?? 0, 0);
    // v11: replicaId at the top level, no divergence check.
    assert.equal((await ask(1, { replicaId: 2, offset: 0 }, 11))?.errorCode, ErrorCode.NONE);
  });

  test('OFFSET_OUT_OF_RANGE below the leader log start restarts the follower log there', async () => {
    const c = await startCluster({ replicas: [1, 2], isr: [1], leader: 1, nodes: [1, 2] });
    const leader = c.partition(1);
    c.isolated.add(2);
    await leader.append(batchOf('a', 5), 1);
    await leader.append(batchOf('b', 5), 1);
    await leader.log.roll();
    await leader.append(batchOf('c', 2), 1);
    await leader.log.deleteRecordsBefore(10);
    c.isolated.delete(2);
    c.clock.advance(1_000);
    await c.settle([2]);
    const follower = c.partition(2);
    assert.equal(follower.logStartOffset, 10);
    assert.equal(follower.logEndOffset, 12);
    assert.deepEqual(await logValues(follower), ['c-0', 'c-1']);
  });

  test('an unreachable leader backs the fetcher off for replica.fetch.backoff.ms', async () => {
    const c = await startCluster();
    await c.partition(1).append(batchOf('a', 1), 1);
    c.isolated.add(1);
    await c.pump([2]);
    c.isolated.delete(1);
    await c.pump([2]);
    assert.equal(c.partition(2).logEndOffset, 0, 'still backing off');
    c.clock.advance(1_000);
    await c.pump([2]);
    assert.equal(c.partition(2).logEndOffset, 1);
  });

  test('followers keep producer state and aborted transactions, so a new leader has them', async () => {
    const c = await startCluster();
    const leader = c.partition(1);
    const idem = { producerId: 42, producerEpoch: 0, baseSequence: 0 };
    const r1 = await leader.appendFromProducer(batchOf('i', 2, idem), 1, {
      ...idem,
      lastSequence: 1,
      isTransactional: false,
    });
    assert.equal(r1.kind, 'appended');
    const txn = { producerId: 43, producerEpoch: 0, baseSequence: 0, transactional: true };
    await leader.appendFromProducer(batchOf('t', 2, txn), 1, {
      producerId: 43,
      producerEpoch: 0,
      baseSequence: 0,
      lastSequence: 1,
      isTransactional: true,
    });
    await leader.appendTxnMarker({ producerId: 43, producerEpoch: 0, coordinatorEpoch: 0, isAborted: true }, 1);
    await c.settle();
    await c.changePartition({ leader: 2 });
    const next = c.partition(2);
    const retry = await next.appendFromProducer(batchOf('i', 2, idem), 1, {
      ...idem,
      lastSequence: 1,
      isTransactional: false,
    });
    assert.equal(retry.kind, 'duplicate', 'the retried batch is recognised on the new leader');
    assert.deepEqual(
      next.log.collectAbortedTxns(0, next.logEndOffset).map((t) => [t.producerId, t.firstOffset, t.lastOffset]),
      [[43, 2, 4]],
    );
    assert.equal(next.lastStableOffset, next.highWatermark);
  });

  test('a partition reassigned away is closed and its log deleted', async () => {
    const c = await startCluster();
    await c.partition(1).append(batchOf('a', 1), 1);
    const { PartitionChangeRecord } = await import('@gregor/protocol/generated/metadata/partition-change-record');
    const { MetadataRecordType } = await import('@gregor/protocol');
    const r = new PartitionChangeRecord();
    r.topicId = c.topicId;
    r.partitionId = 0;
    r.replicas = [1, 2];
    r.isr = [1, 2];
    await c.commit([{ type: MetadataRecordType.PartitionChangeRecord, version: 0, message: r }]);
    assert.equal(c.rm(3).get(TOPIC, 0), undefined);
    assert.equal(c.rm(3).replicaFetchers().length, 0);
    assert.equal(await c.disks.get(3)?.exists(`/data-3/${TOPIC}-0`), false);
  });

  test('single replica: acks=-1 answers at once, as before replication', async () => {
    const c = await startCluster({ replicas: [1], leader: 1, nodes: [1] });
    const p = c.partition(1);
    const result = await p.append(batchOf('solo', 2), -1, { minInsyncReplicas: 1 });
    assert.equal(result.lastOffset, 1);
    assert.equal(p.highWatermark, 2);
    await assert.rejects(p.append(batchOf('solo', 1), -1, { minInsyncReplicas: 2 }), (e) => {
      return errorCodeOf(e) === ErrorCode.NOT_ENOUGH_REPLICAS;
    });
  });

  test('acks=-1 times out with REQUEST_TIMED_OUT when the ISR does not catch up', async () => {
    const c = await startCluster();
    const pending = c.partition(1).append(batchOf('slow', 1), -1, { timeoutMs: 1 });
    await assert.rejects(pending, (e) => errorCodeOf(e) === ErrorCode.REQUEST_TIMED_OUT);
  });

  test('the high watermark survives a restart (replication-offset-checkpoint), not the unreplicated log end', async () => {
    const c = await startCluster();
    const leader = c.partition(1);
    const acked = leader.append(batchOf('a', 3), -1);
    await c.settle();
    await acked;
    await leader.append(batchOf('b', 2), 1);
    assert.equal(leader.highWatermark, 3);
    await c.restart(1);
    const again = c.partition(1);
    assert.equal(again.logEndOffset, 5);
    assert.equal(again.highWatermark, 3, 'restored, not the log end');
    await c.restart(2);
    assert.equal(c.partition(2).highWatermark, 3);
    await c.settle();
    assert.equal(c.partition(1).highWatermark, 5, 'and advances again with the ISR');
  });

  test('a leader restarted quickly follows the new leader even when a newer image arrives while it opens its logs', async () => {
    // A node killed and restarted before its session expired catches up with metadata that
    // still names it leader, starts its replica manager with that image, and learns of
    // its fencing (a new leader) while the logs open. The older image must not be applied
    // after the newer one: it took the partition out of the new leader's fetcher for good,
    // and the node never rejoined the ISR.
    const c = await startCluster();
    await c.partition(1).append(batchOf('a', 2), 1);
    await c.settle();
    const older = c.image;
    await c.rm(1).close();
    await c.changePartition({ leader: 2, isr: [2, 3] });
    await c.startWith(1, older, (rm) => rm.applyImage(c.image));
    const p = c.partition(1);
    assert.equal(p.isLeader, false);
    assert.equal(p.leaderEpoch, 1);
    assert.ok(
      c
        .rm(1)
        .replicaFetchers()
        .some((f) => f.leaderId === 2 && f.has(p)),
      'followed by the fetcher of the new leader',
    );
    await c.partition(2).append(batchOf('b', 1), 1);
    await c.settle();
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(c.partition(2).isr, [1, 2, 3], 'and back in the ISR');
  });

  test('Fetch handler: consumers get NOT_LEADER_OR_FOLLOWER from a follower and only up to the high watermark from the leader', async () => {
    const c = await startCluster();
    await c.partition(1).append(batchOf('a', 2), 1);
    await c.settle();
    await c.partition(1).append(batchOf('b', 2), 1);
    await c.written();
    const ctxOf = (id: number) =>
      ({
        broker: {
          replicaManager: c.rm(id),
          metadata: c.image,
          settings: { fetchMaxBytes: 1 << 20 },
          fetchSessions: new FetchSessionCache(),
        },
        version: 12,
      }) as unknown as RequestContext;
    const consumerFetch = (currentLeaderEpoch = -1) => {
      const r = followerFetch(c, { replicaId: -1, offset: 0, currentLeaderEpoch });
      r.maxBytes = 1 << 20;
      return r;
    };
    const fromFollower = (await fetchHandler.handle(ctxOf(2), consumerFetch())) as FetchResponse;
    assert.equal(fromFollower.responses[0]?.partitions[0]?.errorCode, ErrorCode.NOT_LEADER_OR_FOLLOWER);
    const fromLeader = (await fetchHandler.handle(ctxOf(1), consumerFetch())) as FetchResponse;
    const data = fromLeader.responses[0]?.partitions[0];
    assert.equal(data?.errorCode, ErrorCode.NONE);
    assert.equal(data?.highWatermark, 2n);
    const offsets = readAllRecords(data?.records ?? Buffer.alloc(0), 0).map((r) => r.offset);
    assert.deepEqual(offsets, [0, 1], 'nothing past the high watermark');
    fetchHandler.afterWrite?.(fromLeader);
    // A follower's Fetch through the same handler reads up to the log end.
    const follower = followerFetch(c, { replicaId: 2, offset: 2 });
    follower.maxBytes = 1 << 20;
    const replica = (await fetchHandler.handle(ctxOf(1), follower)) as FetchResponse;
    const replicaData = replica.responses[0]?.partitions[0];
    assert.deepEqual(
      readAllRecords(replicaData?.records ?? Buffer.alloc(0), 0).map((r) => r.offset),
      [2, 3],
    );
    fetchHandler.afterWrite?.(replica);
    // ListOffsets latest is the high watermark; a follower does not answer.
    const latest = new ListOffsetsRequest();
    latest.replicaId = -1;
    const lt = new ListOffsetsTopic();
    lt.name = TOPIC;
    const lp = new ListOffsetsPartition();
    lp.partitionIndex = 0;
    lp.timestamp = -1n;
    lt.partitions.push(lp);
    latest.topics.push(lt);
    const atLeader = (await listOffsetsHandler.handle(ctxOf(1), latest)) as ListOffsetsResponse;
    assert.equal(atLeader.topics[0]?.partitions[0]?.offset, 2n);
    const atFollower = (await listOffsetsHandler.handle(ctxOf(2), latest)) as ListOffsetsResponse;
    assert.equal(atFollower.topics[0]?.partitions[0]?.errorCode, ErrorCode.NOT_LEADER_OR_FOLLOWER);
    const stale = (await fetchHandler.handle(ctxOf(1), consumerFetch(5))) as FetchResponse;
    assert.equal(stale.responses[0]?.partitions[0]?.errorCode, ErrorCode.UNKNOWN_LEADER_EPOCH);
  });

  test('fetchers run on their own: acks=-1 completes through long-polling followers, and close stops them', {
    timeout: 20_000,
  }, async () => {
    cluster = new TestCluster([1, 2, 3], { manualFetch: false, replicaFetchWaitMaxMs: 50, replicaFetchBackoffMs: 10 });
    const c = cluster;
    await c.start({ replicas: [1, 2, 3], leader: 1 });
    const leader = c.partition(1);
    for (let i = 0; i < 5; i++) await leader.append(batchOf(`auto${i}`, 2), -1);
    assert.equal(leader.highWatermark, 10);
    assert.equal(c.partition(2).logEndOffset, 10);
    assert.equal(c.partition(3).logEndOffset, 10);
  });

  test('a fenced broker does not join the ISR however caught up (KIP-841)', async () => {
    const c = await startCluster({ replicas: [1, 2, 3], isr: [1], leader: 1 });
    await c.registerBrokers([1, 2, 3], (id) => id === 3);
    await c.partition(1).append(batchOf('a', 1), 1);
    await c.settle();
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(c.partition(1).isr, [1, 2]);
    assert.ok(c.alterRequests.every((r) => !r.newIsr.includes(3)));
  });

  test('OffsetForLeaderEpoch: only the leader answers, from its epoch cache, checking currentLeaderEpoch', async () => {
    const c = await startCluster();
    await c.partition(1).append(batchOf('a', 3), 1);
    await c.settle();
    await c.changePartition({ leader: 1 }); // epoch 1 starts at 3
    await c.partition(1).append(batchOf('b', 2), 1);
    const rm = c.rm(1);
    assert.deepEqual(await rm.endOffsetForEpoch(TOPIC, 0, 1, 0), { errorCode: 0, leaderEpoch: 0, endOffset: 3 });
    assert.deepEqual(await rm.endOffsetForEpoch(TOPIC, 0, -1, 1), { errorCode: 0, leaderEpoch: 1, endOffset: 5 });
    assert.equal((await rm.endOffsetForEpoch(TOPIC, 0, 0, 0)).errorCode, ErrorCode.FENCED_LEADER_EPOCH);
    assert.equal((await rm.endOffsetForEpoch(TOPIC, 0, 2, 0)).errorCode, ErrorCode.UNKNOWN_LEADER_EPOCH);
    assert.equal((await c.rm(2).endOffsetForEpoch(TOPIC, 0, 1, 0)).errorCode, ErrorCode.NOT_LEADER_OR_FOLLOWER);
  });
});
