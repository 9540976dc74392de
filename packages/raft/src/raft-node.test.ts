import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { buildRecordBatch, ErrorCode } from '@gregor/protocol';
import { NotLeaderError, RaftClosedError } from './errors.js';
import { TestCluster } from './fixtures.js';
import { readLeaderChanges } from './leader-change.js';
import type { MemoryReplicatedLog } from './memory-log.js';
import { PARKED_FETCHES_MAX, RaftNode } from './raft-node.js';
import type {
  BeginQuorumEpochRequest,
  BeginQuorumEpochResponse,
  EndQuorumEpochRequest,
  EndQuorumEpochResponse,
  FetchRequest,
  FetchResponse,
  FetchSnapshotRequest,
  FetchSnapshotResponse,
  RaftConfig,
  VoteRequest,
  VoteResponse,
} from './types.js';
import { DEFAULT_RAFT_CONFIG, MAX_BATCH_SIZE_BYTES, RaftErrorCode } from './types.js';

let cluster: TestCluster | null = null;
afterEach(async () => {
  await cluster?.stopAll();
  cluster = null;
});

describe('election and replication', () => {
  test('a single-voter quorum elects itself and commits', async () => {
    cluster = new TestCluster([1]);
    await cluster.startAll();
    const leader = await cluster.waitForStableLeader();
    assert.equal(leader, 1);
    const node = cluster.node(1);
    assert.equal(node.leaderAndEpoch().epoch, 1);
    const offset = await cluster.append(['a', 'b']);
    // Offset 0 holds the LeaderChange control batch.
    assert.equal(offset, 2);
    assert.deepEqual(cluster.member(1).listener.values(), ['a', 'b']);
    assert.equal(node.highWatermark(), 3);
    assert.deepEqual(cluster.member(1).listener.leaderChanges.at(-1), { leaderId: 1, epoch: 1 });
    // Offset 0: the LeaderChange control batch of epoch 1 (LeaderChangeMessage v0).
    const first = cluster.member(1).log.batchesForTest()[0]!;
    assert.deepEqual([first.baseOffset, first.epoch], [0, 1]);
    assert.deepEqual(readLeaderChanges(first.bytes), [{ leaderId: 1, voters: [1], grantingVoters: [1] }]);
  });

  test('an idle quorum arms few timers (no wake-up loop), single voter included', async () => {
    for (const voters of [[1], [1, 2, 3]]) {
      const c = new TestCluster(voters, [], { fetchMaxWaitMs: 500 });
      await c.startAll();
      await c.waitForStableLeader();
      await c.append(['a']);
      const before = c.time.armed;
      await c.time.advance(60_000);
      // Per node and second: a few fetch rounds (500 ms long polls), each a handful of timers.
      const perNodeSecond = (c.time.armed - before) / voters.length / 60;
      assert.ok(perNodeSecond < 20, `${voters.length} voters: ${perNodeSecond} timers per node per second`);
      assert.ok(!c.logs.some((l) => l.includes('keeps waking')), 'no wake-up loop');
      await c.stopAll();
    }
  });

  test('three voters elect one leader and replicate to all', async () => {
    cluster = new TestCluster([1, 2, 3]);
    await cluster.startAll();
    const leader = await cluster.waitForStableLeader();
    await cluster.append(['x']);
    await cluster.append(['y', 'z']);
    const c = cluster;
    await c.time.runUntil(() => [1, 2, 3].every((id) => c.member(id).listener.values().length === 3));
    for (const id of [1, 2, 3]) assert.deepEqual(c.member(id).listener.values(), ['x', 'y', 'z']);
    // Followers learn the high watermark from Fetch responses.
    await c.time.runUntil(() => [1, 2, 3].every((id) => c.node(id).highWatermark() === c.node(leader).highWatermark()));
    const described = c.node(leader).describeQuorum();
    assert.deepEqual(
      described.currentVoters.map((v) => v.logEndOffset),
      [4, 4, 4],
    );
    const leaders = [1, 2, 3].filter((id) => c.node(id).role() === 'leader');
    assert.deepEqual(leaders, [leader]);
  });

  test('followers learn a commit at once, not when the long poll expires', async () => {
    cluster = new TestCluster([1, 2, 3], [4], { fetchMaxWaitMs: 500 });
    const c = cluster;
    await c.startAll();
    const leader = await c.waitForStableLeader();
    await c.time.advance(2000); // every fetch parked, nothing moving
    for (let i = 0; i < 3; i++) {
      await c.append([`v${i}`]);
      const hw = c.node(leader).highWatermark();
      const start = c.time.now();
      await c.time.runUntil(() => [1, 2, 3, 4].every((id) => c.node(id).highWatermark() === hw));
      assert.ok(c.time.now() - start < 20, `followers learned HW ${hw} after ${c.time.now() - start} ms`);
    }
  });

  test('append on a follower rejects with NotLeaderError', async () => {
    cluster = new TestCluster([1, 2, 3]);
    await cluster.startAll();
    const leader = await cluster.waitForStableLeader();
    const follower = [1, 2, 3].find((id) => id !== leader)!;
    const node = cluster.node(follower);
    await assert.rejects(node.append([Buffer.from('no')], node.leaderAndEpoch().epoch), NotLeaderError);
    const leaderNode = cluster.node(leader);
    await assert.rejects(leaderNode.append([Buffer.from('no')], leaderNode.leaderAndEpoch().epoch + 1), NotLeaderError);
  });
});

describe('failover', () => {
  test('leader failure: a new leader with a higher epoch, no committed record lost', async () => {
    cluster = new TestCluster([1, 2, 3], [], {}, 7);
    const c = cluster;
    await c.startAll();
    const first = await c.waitForStableLeader();
    const firstEpoch = c.node(first).leaderAndEpoch().epoch;
    await c.append(['a', 'b']);
    await c.crash(first);
    const second = await c.waitForStableLeader();
    assert.notEqual(second, first);
    assert.ok(c.node(second).leaderAndEpoch().epoch > firstEpoch);
    await c.append(['c']);
    assert.deepEqual(c.member(second).listener.values(), ['a', 'b', 'c']);
    // The old leader comes back, follows, and replays everything committed exactly once.
    await c.start(first);
    await c.time.runUntil(() => c.member(first).listener.values().length === 3);
    assert.deepEqual(c.member(first).listener.values(), ['a', 'b', 'c']);
    assert.equal(c.node(first).role(), 'follower');
  });

  test('an isolated leader resigns (check-quorum) and the others elect a new one', async () => {
    cluster = new TestCluster([1, 2, 3], [], {}, 3);
    const c = cluster;
    await c.startAll();
    const leader = await c.waitForStableLeader();
    const epoch = c.node(leader).leaderAndEpoch().epoch;
    c.network.isolate(leader, [1, 2, 3]);
    const start = c.time.now();
    await c.time.runUntil(() => c.node(leader).role() !== 'leader');
    assert.equal(c.node(leader).role(), 'resigned');
    assert.equal(c.node(leader).leaderAndEpoch().leaderId, null);
    // Within 1.5 x fetchTimeoutMs of the last fetch from a majority.
    assert.ok(c.time.now() - start <= 3000, `resigned after ${c.time.now() - start} ms`);
    assert.ok(c.logs.some((l) => l.includes('check-quorum')));
    const others = [1, 2, 3].filter((id) => id !== leader);
    await c.time.runUntil(() => others.some((id) => c.node(id).role() === 'leader'));
    const next = others.find((id) => c.node(id).role() === 'leader')!;
    assert.ok(c.node(next).leaderAndEpoch().epoch > epoch);
  });

  test('graceful close sends EndQuorumEpoch: the first preferred successor is elected at once', async () => {
    cluster = new TestCluster([1, 2, 3], [], {}, 11);
    const c = cluster;
    await c.startAll();
    const leader = await c.waitForStableLeader();
    await c.append(['a']);
    const epoch = c.node(leader).leaderAndEpoch().epoch;
    let closed = false;
    const start = c.time.now();
    c.node(leader)
      .close({ graceful: true })
      .then(() => {
        closed = true;
      });
    await c.time.runUntil(() => closed);
    c.network.handlers.delete(leader);
    c.member(leader).node = null;
    const ends = c.network.sent.filter((s) => s.request.kind === 'endQuorumEpoch' && s.from === leader);
    assert.equal(ends.length, 2);
    // Told it no longer leads as soon as it resigned (it may then hear of the next epoch too).
    const changes = c.member(leader).listener.leaderChanges;
    const led = changes.findIndex((l) => l.leaderId === leader && l.epoch === epoch);
    assert.deepEqual(changes[led + 1], { leaderId: null, epoch }, JSON.stringify(changes));
    const next = await c.waitForStableLeader();
    assert.equal(c.node(next).leaderAndEpoch().epoch, epoch + 1);
    // Well under the fetch timeout (2000 ms) and the election timeout (1000 ms) a crash would cost.
    assert.ok(c.time.now() - start < 500, `failover took ${c.time.now() - start} ms`);
    await c.append(['b']);
    assert.deepEqual(c.member(next).listener.values(), ['a', 'b']);
  });

  test('a leader closing gracefully while its EndQuorumEpoch sends hang stands for nothing meanwhile', async () => {
    cluster = new TestCluster([1, 2, 3], [], {}, 21);
    const c = cluster;
    await c.startAll();
    const leader = await c.waitForStableLeader();
    const epoch = c.node(leader).leaderAndEpoch().epoch;
    c.network.isolate(leader, [1, 2, 3]); // the sends time out after requestTimeoutMs (2000 ms)
    const sentBefore = c.network.sent.length;
    let closed = false;
    const start = c.time.now();
    c.node(leader)
      .close({ graceful: true })
      .then(() => {
        closed = true;
      });
    await c.time.runUntil(() => closed);
    assert.ok(c.time.now() - start >= 2000, 'close waited for the sends');
    const mine = c.network.sent.slice(sentBefore).filter((s) => s.from === leader);
    assert.deepEqual(
      mine.map((s) => s.request.kind),
      ['endQuorumEpoch', 'endQuorumEpoch'],
    );
    assert.equal(c.member(leader).store.raw() !== null, true);
    assert.equal((await c.member(leader).store.read())!.epoch, epoch, 'no new epoch was started while closing');
  });

  test('divergence: a deposed leader truncates its uncommitted suffix', async () => {
    cluster = new TestCluster([1, 2, 3], [], {}, 5);
    const c = cluster;
    await c.startAll();
    const old = await c.waitForStableLeader();
    await c.append(['committed']);
    c.network.isolate(old, [1, 2, 3]);
    const oldNode = c.node(old);
    let rejected: unknown = null;
    oldNode.append([Buffer.from('lost')], oldNode.leaderAndEpoch().epoch).catch((e: unknown) => {
      rejected = e;
    });
    await c.time.advance(100);
    // The suffix reached the old leader's log but no follower.
    assert.ok(c.member(old).log.endOffset().offset > c.member(old === 1 ? 2 : 1).log.endOffset().offset);
    const others = [1, 2, 3].filter((id) => id !== old);
    await c.time.runUntil(() => others.some((id) => c.node(id).role() === 'leader'));
    await c.append(['after']);
    assert.ok(rejected instanceof NotLeaderError);
    c.network.isolate(old, [1, 2, 3], false);
    await c.time.runUntil(() => c.member(old).listener.values().length === 2);
    await c.waitForStableLeader();
    assert.deepEqual(c.member(old).listener.values(), ['committed', 'after']);
    const leader = c.leaderId()!;
    const leaderLog = c.member(leader).log;
    await c.time.runUntil(() => c.member(old).log.endOffset().offset === leaderLog.endOffset().offset);
    const batches = (id: number) =>
      c
        .member(id)
        .log.batchesForTest()
        .map((b) => `${b.baseOffset}:${b.epoch}`);
    assert.deepEqual(batches(old), batches(leader));
    assert.ok(c.logs.some((l) => l.includes(`raft ${old}: log diverges`)));
  });
});

const vote = (candidateId: number, candidateEpoch: number, lastOffsetEpoch = 0, lastOffset = 0): VoteRequest => ({
  kind: 'vote',
  clusterId: 'test-cluster',
  candidateEpoch,
  candidateId,
  lastOffsetEpoch,
  lastOffset,
});

const begin = (leaderId: number, leaderEpoch: number): BeginQuorumEpochRequest => ({
  kind: 'beginQuorumEpoch',
  clusterId: 'test-cluster',
  leaderId,
  leaderEpoch,
});

/** Writes `count` one-record batches in `epoch` into a log before its node starts. */
async function seedLog(log: MemoryReplicatedLog, epoch: number, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    await log.appendAsLeader(buildRecordBatch({ records: [{ value: `seed-${i}`, timestamp: 0 }] }), epoch);
  }
  await log.flush();
}

describe('RPC rules', () => {
  test('votes: one per epoch, persisted before the answer, stale epochs fenced', async () => {
    cluster = new TestCluster([1, 2, 3]);
    const c = cluster;
    const node = await c.start(1);
    const granted = (await node.handle(2, vote(2, 5))) as VoteResponse;
    assert.equal(granted.errorCode, ErrorCode.NONE);
    assert.equal(granted.voteGranted, true);
    assert.deepEqual(await c.member(1).store.read(), { epoch: 5, leaderId: -1, votedId: 2 });
    assert.equal(node.role(), 'voted');
    const second = (await node.handle(3, vote(3, 5))) as VoteResponse;
    assert.equal(second.voteGranted, false);
    const again = (await node.handle(2, vote(2, 5))) as VoteResponse;
    assert.equal(again.voteGranted, true);
    const stale = (await node.handle(3, vote(3, 4))) as VoteResponse;
    assert.equal(stale.errorCode, ErrorCode.FENCED_LEADER_EPOCH);
    assert.equal(stale.leaderEpoch, 5);
    const staleBegin = (await node.handle(3, begin(3, 4))) as BeginQuorumEpochResponse;
    assert.equal(staleBegin.errorCode, ErrorCode.FENCED_LEADER_EPOCH);
    assert.equal(node.role(), 'voted');
    const foreign = (await node.handle(9, vote(9, 6))) as VoteResponse;
    assert.equal(foreign.errorCode, ErrorCode.INCONSISTENT_VOTER_SET);
    const otherCluster = (await node.handle(2, { ...vote(2, 6), clusterId: 'other' })) as VoteResponse;
    assert.equal(otherCluster.errorCode, ErrorCode.INCONSISTENT_CLUSTER_ID);
    const ok = (await node.handle(2, begin(2, 5))) as BeginQuorumEpochResponse;
    assert.equal(ok.errorCode, ErrorCode.NONE);
    assert.deepEqual(node.leaderAndEpoch(), { leaderId: 2, epoch: 5 });
    assert.equal(node.role(), 'follower');
    assert.deepEqual(await c.member(1).store.read(), { epoch: 5, leaderId: 2, votedId: 2 });
  });

  test('concurrent vote requests meet a slow quorum-state write one at a time: one vote per epoch', async () => {
    cluster = new TestCluster([1, 2, 3]);
    const c = cluster;
    const node = await c.start(1);
    const store = c.member(1).store;
    const write = store.write.bind(store);
    store.write = (state) =>
      new Promise<void>((resolve, reject) => {
        c.time.setTimeout(() => write(state).then(resolve, reject), 50); // a slow disk
      });
    const answers: VoteResponse[] = [];
    node.handle(2, vote(2, 5)).then((r) => answers.push(r));
    node.handle(3, vote(3, 5)).then((r) => answers.push(r));
    await c.time.runUntil(() => answers.length === 2);
    assert.deepEqual(
      answers.map((a) => a.voteGranted),
      [true, false],
    );
    assert.deepEqual(await store.read(), { epoch: 5, leaderId: -1, votedId: 2 });
  });

  test('the vote survives a restart: no second vote in the same epoch', async () => {
    cluster = new TestCluster([1, 2, 3]);
    const c = cluster;
    let node = await c.start(1);
    assert.equal(((await node.handle(2, vote(2, 3))) as VoteResponse).voteGranted, true);
    await c.crash(1);
    node = await c.start(1);
    assert.equal(node.role(), 'voted');
    assert.deepEqual(node.leaderAndEpoch(), { leaderId: null, epoch: 3 });
    assert.equal(((await node.handle(3, vote(3, 3))) as VoteResponse).voteGranted, false);
    assert.equal(((await node.handle(2, vote(2, 3))) as VoteResponse).voteGranted, true);
    assert.equal(((await node.handle(3, vote(3, 4))) as VoteResponse).voteGranted, true);
  });

  test('no vote for a candidate whose log is shorter or older', async () => {
    cluster = new TestCluster([1, 2, 3]);
    const c = cluster;
    await seedLog(c.member(1).log, 2, 3); // end offset 3, last epoch 2
    const node = await c.start(1);
    assert.deepEqual(node.leaderAndEpoch(), { leaderId: null, epoch: 2 });
    assert.equal(((await node.handle(2, vote(2, 3, 2, 2))) as VoteResponse).voteGranted, false, 'shorter log');
    assert.equal(((await node.handle(2, vote(2, 4, 1, 10))) as VoteResponse).voteGranted, false, 'older epoch');
    assert.equal(((await node.handle(3, vote(3, 5, 2, 3))) as VoteResponse).voteGranted, true, 'as long');
  });

  test('a corrupt or incomplete quorum-state stops the start with a clear error', async () => {
    cluster = new TestCluster([1, 2, 3]);
    const c = cluster;
    c.member(1).store.corrupt(Buffer.from('{"leaderEpoch":3,'));
    await assert.rejects(c.start(1), /quorum-state: not valid JSON/);
    // It answers nothing: without its state it could vote twice.
    await assert.rejects(c.node(1).handle(2, vote(2, 9)), RaftClosedError);
    assert.match(c.node(1).fatalError!.message, /quorum-state/);
    c.member(2).store.corrupt(Buffer.from('{"leaderId":1,"leaderEpoch":3,"data_version":0}'));
    await assert.rejects(c.start(2), /quorum-state: missing field "votedId"/);
    c.member(3).store.corrupt(Buffer.from('{"leaderId":1,"leaderEpoch":-3,"votedId":-1,"data_version":0}'));
    await assert.rejects(c.start(3), /quorum-state: field "leaderEpoch" is -3/);
  });

  test('fetch validation: fenced, unknown and future epochs, invalid offsets', async () => {
    cluster = new TestCluster([1]);
    const c = cluster;
    await c.startAll();
    await c.waitForStableLeader();
    await c.append(['a']);
    const node = c.node(1);
    const fetch = (over: Partial<FetchRequest>): FetchRequest => ({
      kind: 'fetch',
      clusterId: 'test-cluster',
      replicaId: 9,
      currentLeaderEpoch: 1,
      fetchOffset: 0,
      lastFetchedEpoch: 0,
      maxWaitMs: 0,
      maxBytes: 1024,
      ...over,
    });
    const ok = (await node.handle(9, fetch({}))) as FetchResponse;
    assert.equal(ok.errorCode, ErrorCode.NONE);
    assert.ok(ok.records.length > 0);
    assert.equal(ok.highWatermark, 2);
    const fenced = (await node.handle(9, fetch({ currentLeaderEpoch: 0 }))) as FetchResponse;
    assert.equal(fenced.errorCode, ErrorCode.FENCED_LEADER_EPOCH);
    const unknown = (await node.handle(9, fetch({ currentLeaderEpoch: 2 }))) as FetchResponse;
    assert.equal(unknown.errorCode, ErrorCode.UNKNOWN_LEADER_EPOCH);
    const invalid = (await node.handle(9, fetch({ fetchOffset: -1 }))) as FetchResponse;
    assert.equal(invalid.errorCode, ErrorCode.INVALID_REQUEST);
    const diverging = (await node.handle(9, fetch({ fetchOffset: 5, lastFetchedEpoch: 1 }))) as FetchResponse;
    assert.deepEqual(diverging.divergingEpoch, { epoch: 1, endOffset: 2 });
    // Caught up: the fetch waits (long poll) until an append wakes it.
    let answered: FetchResponse | null = null;
    node.handle(9, fetch({ fetchOffset: 2, lastFetchedEpoch: 1, maxWaitMs: 500 })).then((r) => {
      answered = r as FetchResponse;
    });
    await c.time.advance(100);
    assert.equal(answered, null);
    await c.append(['b']);
    await c.time.runUntil(() => answered !== null);
    assert.ok(answered!.records.length > 0);
    // Nothing arrives: answered empty after maxWaitMs.
    let empty: FetchResponse | null = null;
    node.handle(9, fetch({ fetchOffset: 3, lastFetchedEpoch: 1, maxWaitMs: 300 })).then((r) => {
      empty = r as FetchResponse;
    });
    const start = c.time.now();
    await c.time.runUntil(() => empty !== null);
    assert.equal(c.time.now() - start, 300);
    assert.equal(empty!.records.length, 0);
    const described = node.describeQuorum();
    assert.equal(described.leaderId, 1);
    assert.deepEqual(
      described.observers.map((o) => o.replicaId),
      [9],
    );
  });
});

describe('observers and snapshots', () => {
  test('an observer replicates but never counts toward the high watermark', async () => {
    cluster = new TestCluster([1, 2, 3], [4], {}, 13);
    const c = cluster;
    await c.startAll();
    const leader = await c.waitForStableLeader();
    await c.append(['a']);
    await c.time.runUntil(() => c.member(4).listener.values().length === 1);
    assert.equal(c.node(4).role(), 'follower');
    assert.deepEqual(
      c
        .node(leader)
        .describeQuorum()
        .observers.map((o) => o.replicaId),
      [4],
    );
    // Only the leader and the observer left: nothing can commit.
    for (const id of [1, 2, 3]) if (id !== leader) await c.crash(id);
    const node = c.node(leader);
    const hw = node.highWatermark();
    const outcome: { value?: unknown } = {};
    node.append([Buffer.from('b')], node.leaderAndEpoch().epoch).then(
      (o) => {
        outcome.value = o;
      },
      (e: unknown) => {
        outcome.value = e;
      },
    );
    await c.time.runUntil(() => c.member(4).log.endOffset().offset === c.member(leader).log.endOffset().offset);
    await c.time.advance(500);
    assert.equal(node.highWatermark(), hw);
    const settled = () => outcome.value !== undefined;
    assert.equal(settled(), false);
    await c.time.runUntil(settled);
    assert.ok(outcome.value instanceof NotLeaderError);
    assert.deepEqual(c.member(4).listener.values(), ['a']);
  });

  test('snapshot: the leader deletes its log; a lagging follower catches up by FetchSnapshot in chunks', async () => {
    cluster = new TestCluster([1, 2, 3], [], { fetchMaxBytes: 64 }, 17);
    const c = cluster;
    await c.startAll();
    const leader = await c.waitForStableLeader();
    const lagging = [1, 2, 3].find((id) => id !== leader)!;
    await c.append(['a']);
    await c.time.runUntil(() => c.member(lagging).listener.values().length === 1);
    await c.crash(lagging);
    await c.append(['b']);
    await c.append(['c', 'd']);
    const node = c.node(leader);
    const commits = c.member(leader).listener.commits;
    const committedOffset = commits.at(-1)!.lastOffset + 1;
    const state = Buffer.from('state:a,b,c,d|'.repeat(20));
    const id = await node.createSnapshot(committedOffset, state);
    assert.deepEqual(id, { offset: committedOffset, epoch: node.leaderAndEpoch().epoch });
    assert.equal(c.member(leader).log.startOffset(), committedOffset);
    await assert.rejects(node.createSnapshot(node.highWatermark() + 1, state), RangeError);
    await c.start(lagging);
    await c.append(['e']);
    await c.time.runUntil(() => c.member(lagging).listener.values().includes('e'));
    const listener = c.member(lagging).listener;
    assert.equal(listener.snapshots.length, 1);
    assert.deepEqual(listener.snapshots[0]!.id, id);
    assert.deepEqual(listener.snapshots[0]!.data, state);
    assert.deepEqual(listener.values(), ['e']);
    const chunks = c.network.sent.filter((s) => s.from === lagging && s.request.kind === 'fetchSnapshot');
    assert.ok(chunks.length >= Math.ceil(state.length / 64), `${chunks.length} FetchSnapshot requests`);
    assert.equal(c.member(lagging).log.startOffset(), committedOffset);
    // A restart of the leader replays from its snapshot, then the log.
    await c.crash(leader);
    await c.start(leader);
    await c.time.runUntil(() => c.member(leader).listener.values().includes('e'));
    assert.deepEqual(c.member(leader).listener.snapshots[0]!.data, state);
    assert.deepEqual(c.member(leader).listener.values(), ['e']);
  });
});

describe('appends, listener order and limits', () => {
  test('appends within the linger share one batch; offsets of each append are contiguous', async () => {
    cluster = new TestCluster([1]);
    const c = cluster;
    await c.startAll();
    await c.waitForStableLeader();
    const node = c.node(1);
    const epoch = node.leaderAndEpoch().epoch;
    const offsets: number[] = [];
    const p1 = node.append([Buffer.from('a'), Buffer.from('b')], epoch).then((o) => offsets.push(o));
    const p2 = node.append([Buffer.from('c')], epoch).then((o) => offsets.push(o));
    await c.time.runUntil(() => offsets.length === 2);
    await Promise.all([p1, p2]);
    assert.deepEqual(offsets, [2, 3]);
    const commits = c.member(1).listener.commits;
    assert.equal(commits.length, 1);
    assert.deepEqual(
      commits[0]!.records.map((r) => r.toString()),
      ['a', 'b', 'c'],
    );
    assert.deepEqual([commits[0]!.baseOffset, commits[0]!.lastOffset, commits[0]!.epoch], [1, 3, epoch]);
    await assert.rejects(node.createSnapshot(3, Buffer.alloc(0)), /inside the batch \[1, 3\]/);
    await assert.rejects(node.createSnapshot(0, Buffer.alloc(0)), /not after the log start offset 0/);
  });

  test('bad appends: empty, too large', async () => {
    cluster = new TestCluster([1]);
    const c = cluster;
    await c.startAll();
    await c.waitForStableLeader();
    const node = c.node(1);
    const epoch = node.leaderAndEpoch().epoch;
    await assert.rejects(node.append([], epoch), /at least one record/);
    await assert.rejects(node.append([Buffer.alloc(MAX_BATCH_SIZE_BYTES)], epoch), /exceeds the batch limit/);
  });

  test('after a restart: commits replayed from the log, then the local leader is announced', async () => {
    cluster = new TestCluster([1]);
    const c = cluster;
    await c.startAll();
    await c.waitForStableLeader();
    await c.append(['a']);
    await c.append(['b']);
    await c.crash(1);
    await c.start(1);
    await c.time.runUntil(() => c.member(1).listener.values().length === 2);
    const events = c.member(1).listener.events;
    assert.deepEqual(events, ['leader:null@2', 'commit:1', 'commit:2', 'leader:1@2']);
    // The LeaderChange batch of epoch 2 (offset 3) is committed too, and counted as handed on.
    await c.time.runUntil(() => c.node(1).committedEndOffset() === c.node(1).highWatermark());
    assert.equal(c.node(1).committedEndOffset(), 4);
  });

  test('a restarted follower whose recovered log was never flushed applies it without a new append', async () => {
    // The replication simulation's seed 139: after a kill -9 a disk log recovers its tail
    // past the recovery point, unflushed; the follower's HW is bounded by its flushed end
    // and a quiet leader sends no records, so it must flush that tail by itself.
    cluster = new TestCluster([1, 2, 3]);
    const c = cluster;
    await c.startAll();
    const leader = await c.waitForStableLeader();
    await c.append(['a']);
    await c.append(['b']);
    const follower = [1, 2, 3].find((id) => id !== leader) as number;
    const m = c.member(follower);
    await c.time.runUntil(() => m.listener.values().length === 2);
    await c.kill(follower);
    (m.log as unknown as { flushed: number }).flushed = 0;
    await c.start(follower);
    await c.time.runUntil(() => m.listener.values().length === 2, 5_000);
    assert.deepEqual(m.listener.values(), ['a', 'b']);
    assert.equal(m.log.flushedEndOffset(), m.log.endOffset().offset);
  });

  test('same seed, same history', async () => {
    const trace = async (seed: number) => {
      const t = new TestCluster([1, 2, 3], [], {}, seed);
      await t.startAll();
      await t.waitForStableLeader();
      await t.append(['a']);
      await t.crash(t.leaderId()!);
      await t.waitForStableLeader();
      await t.append(['b']);
      const logs = [...t.logs];
      await t.stopAll();
      return logs;
    };
    assert.deepEqual(await trace(42), await trace(42));
  });

  test('lifecycle errors: bad config, start twice, requests after close', async () => {
    cluster = new TestCluster([1]);
    const c = cluster;
    const node = await c.start(1);
    await assert.rejects(node.start(), /start called twice/);
    await c.waitForStableLeader();
    const epoch = node.leaderAndEpoch().epoch;
    await node.close({ graceful: true });
    await assert.rejects(node.handle(2, vote(2, 9)), RaftClosedError);
    await assert.rejects(node.append([Buffer.from('x')], epoch), NotLeaderError);
    const m = c.member(1);
    const base = { ...DEFAULT_RAFT_CONFIG, nodeId: 1, clusterId: 'x' };
    const make = (config: RaftConfig) =>
      new RaftNode({
        config,
        log: m.log,
        store: m.store,
        network: c.network.endpoint(1),
        clock: c.time,
        timers: c.time,
        random: c.random,
        listener: m.listener,
      });
    assert.throws(() => make({ ...base, voters: [] }), /at least one voter/);
    assert.throws(() => make({ ...base, voters: [1, 1] }), /repeat an id/);
    assert.throws(() => make({ ...base, voters: [1], requestTimeoutMs: 500 }), /must exceed fetchMaxWaitMs/);
  });
});

describe('more RPC error paths', () => {
  test('FetchSnapshot: not found, position out of range, invalid, not leader', async () => {
    cluster = new TestCluster([1, 2, 3]);
    const c = cluster;
    await c.startAll();
    const leader = await c.waitForStableLeader();
    await c.append(['a']);
    const node = c.node(leader);
    const id = await node.createSnapshot(node.highWatermark(), Buffer.from('0123456789'));
    const epoch = node.leaderAndEpoch().epoch;
    const req = (over: Partial<FetchSnapshotRequest>): FetchSnapshotRequest => ({
      kind: 'fetchSnapshot',
      clusterId: 'test-cluster',
      replicaId: 9,
      currentLeaderEpoch: epoch,
      snapshotId: id,
      position: 0,
      maxBytes: 4,
      ...over,
    });
    const chunk = (await node.handle(9, req({ position: 4 }))) as FetchSnapshotResponse;
    assert.equal(chunk.errorCode, ErrorCode.NONE);
    assert.equal(chunk.size, 10);
    assert.equal(chunk.unalignedRecords.toString(), '4567');
    const missing = (await node.handle(9, req({ snapshotId: { offset: 1, epoch } }))) as FetchSnapshotResponse;
    assert.equal(missing.errorCode, ErrorCode.SNAPSHOT_NOT_FOUND);
    const beyond = (await node.handle(9, req({ position: 11 }))) as FetchSnapshotResponse;
    assert.equal(beyond.errorCode, RaftErrorCode.POSITION_OUT_OF_RANGE);
    const invalid = (await node.handle(9, req({ position: -1 }))) as FetchSnapshotResponse;
    assert.equal(invalid.errorCode, ErrorCode.INVALID_REQUEST);
    const follower = c.node([1, 2, 3].find((x) => x !== leader)!);
    const notLeader = (await follower.handle(9, req({}))) as FetchSnapshotResponse;
    assert.equal(notLeader.errorCode, ErrorCode.NOT_LEADER_OR_FOLLOWER);
    assert.equal(notLeader.leaderId, leader);
    // Already covered by the latest snapshot: answered with it, nothing written.
    assert.deepEqual(await node.createSnapshot(1, Buffer.alloc(0)), id);
  });

  test('BeginQuorumEpoch and EndQuorumEpoch: unknown leaders and stale epochs', async () => {
    cluster = new TestCluster([1, 2, 3]);
    const c = cluster;
    const node = await c.start(1);
    const notVoter = (await node.handle(9, begin(9, 3))) as BeginQuorumEpochResponse;
    assert.equal(notVoter.errorCode, ErrorCode.INCONSISTENT_VOTER_SET);
    assert.equal(((await node.handle(2, begin(2, 3))) as BeginQuorumEpochResponse).errorCode, ErrorCode.NONE);
    const conflicting = (await node.handle(3, begin(3, 3))) as BeginQuorumEpochResponse;
    assert.equal(conflicting.errorCode, ErrorCode.INVALID_REQUEST);
    const end = (leaderId: number, leaderEpoch: number, preferredSuccessors: number[]): EndQuorumEpochRequest => ({
      kind: 'endQuorumEpoch',
      clusterId: 'test-cluster',
      leaderId,
      leaderEpoch,
      preferredSuccessors,
    });
    const stale = (await node.handle(2, end(2, 2, [1]))) as EndQuorumEpochResponse;
    assert.equal(stale.errorCode, ErrorCode.FENCED_LEADER_EPOCH);
    // Second preferred successor of two: waits electionBackoffMaxMs >> 1 << 0 = 500 ms.
    assert.equal(((await node.handle(2, end(2, 3, [3, 1]))) as EndQuorumEpochResponse).errorCode, ErrorCode.NONE);
    const start = c.time.now();
    await c.time.runUntil(() => node.role() === 'candidate');
    assert.equal(c.time.now() - start, 500);
  });
});

describe('divergence across epochs', () => {
  test('a follower whose suffix is of an epoch the leader never had truncates to where it left the common epoch', async () => {
    cluster = new TestCluster([1, 2, 3], [], {}, 9);
    const c = cluster;
    // Leaders 1 and 2: epoch 1 at 0-4, epoch 2 at 5-11. Node 3: epoch 1 at 0-4, then epoch 3 at 5-9
    // (written by a leader of epoch 3 that committed nothing).
    for (const id of [1, 2]) {
      await seedLog(c.member(id).log, 1, 5);
      await seedLog(c.member(id).log, 2, 7);
      await c.member(id).store.write({ epoch: 5, leaderId: -1, votedId: -1 });
    }
    await seedLog(c.member(3).log, 1, 5);
    await seedLog(c.member(3).log, 3, 5);
    await c.start(1);
    await c.start(2);
    await c.time.runUntil(() => c.leaderId() !== null);
    const leader = c.leaderId()!;
    assert.ok(c.node(leader).leaderAndEpoch().epoch > 5);
    await c.start(3);
    await c.append(['x']);
    await c.time.runUntil(() => c.member(3).listener.values().includes('x'));
    const batches = (id: number) =>
      c
        .member(id)
        .log.batchesForTest()
        .map((b) => `${b.baseOffset}:${b.epoch}`);
    assert.deepEqual(batches(3), batches(leader));
    assert.ok(c.logs.some((l) => l.includes('raft 3: log diverges') && l.includes('truncating to 5')));
  });
});

describe('listener failures', () => {
  test('a listener that throws stops the node with fatalError (cause kept)', async () => {
    cluster = new TestCluster([1]);
    const c = cluster;
    const node = await c.start(1);
    await c.waitForStableLeader();
    const boom = new Error('cannot apply');
    c.member(1).listener.handleCommit = () => {
      throw boom;
    };
    const epoch = node.leaderAndEpoch().epoch;
    const outcome: { error?: unknown } = {};
    node.append([Buffer.from('a')], epoch).catch((e: unknown) => {
      outcome.error = e;
    });
    await c.time.runUntil(() => node.fatalError !== null);
    assert.match(node.fatalError!.message, /listener.handleCommit threw: cannot apply/);
    assert.equal(node.fatalError!.cause, boom);
    await c.time.runUntil(() => outcome.error !== undefined);
    assert.ok(outcome.error instanceof NotLeaderError);
    await assert.rejects(node.handle(2, vote(2, 9)), RaftClosedError);
  });
});

describe('storage failures', () => {
  test('a quorum-state write that fails stops the node before it acts', async () => {
    cluster = new TestCluster([1, 2, 3]);
    const c = cluster;
    const node = await c.start(1);
    c.member(1).store.write = async () => {
      throw new Error('disk full');
    };
    await assert.rejects(node.handle(2, vote(2, 5)), RaftClosedError);
    assert.match(node.fatalError!.message, /quorum-state write failed: disk full/);
    assert.equal(node.leaderAndEpoch().epoch, 0, 'the epoch was not taken up');
  });

  test('a follower whose log fails to append backs off instead of spinning', async () => {
    cluster = new TestCluster([1, 2, 3], [], {}, 4);
    const c = cluster;
    await c.startAll();
    const leader = await c.waitForStableLeader();
    const follower = [1, 2, 3].find((id) => id !== leader)!;
    const log = c.member(follower).log;
    let failures = 0;
    const append = log.appendAsFollower.bind(log);
    log.appendAsFollower = async () => {
      failures++;
      throw new Error('io error');
    };
    await c.append(['a']); // the other follower makes the majority
    await c.time.advance(1000);
    // One attempt per retryBackoffMs (20 ms) at most, not one per network round trip.
    assert.ok(failures > 0 && failures <= 1000 / 20 + 1, `${failures} attempts in 1000 ms`);
    log.appendAsFollower = append;
    await c.time.runUntil(() => c.member(follower).listener.values().includes('a'));
  });
});

describe('limits', () => {
  test(`the leader holds at most ${PARKED_FETCHES_MAX} fetches; beyond, an empty answer at once`, async () => {
    cluster = new TestCluster([1]);
    const c = cluster;
    await c.startAll();
    await c.waitForStableLeader();
    const node = c.node(1);
    const end = c.member(1).log.endOffset();
    const fetch = (replicaId: number): FetchRequest => ({
      kind: 'fetch',
      clusterId: 'test-cluster',
      replicaId,
      currentLeaderEpoch: node.leaderAndEpoch().epoch,
      fetchOffset: end.offset,
      lastFetchedEpoch: end.epoch,
      maxWaitMs: 500,
      maxBytes: 1024,
    });
    // A replica's first fetch is answered at once (it has not been told the high watermark).
    for (let i = 0; i < PARKED_FETCHES_MAX; i++) await node.handle(100 + i, fetch(100 + i));
    let answered = 0;
    for (let i = 0; i < PARKED_FETCHES_MAX; i++) {
      node.handle(100 + i, fetch(100 + i)).then(() => answered++);
    }
    await c.time.advance(1);
    assert.equal(answered, 0);
    const extra = await node.handle(100, fetch(100)); // one more, from a replica already waiting
    assert.equal(extra.errorCode, ErrorCode.NONE);
    assert.equal(extra.records.length, 0);
    assert.equal(answered, 0);
    await c.time.advance(500);
    assert.equal(answered, PARKED_FETCHES_MAX);
  });
});
