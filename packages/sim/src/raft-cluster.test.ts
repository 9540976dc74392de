import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildLeaderChangeBatch, MemoryReplicatedLog } from '@gregor/raft';
import { Invariant, InvariantViolation } from './invariants.js';
import { RaftCluster } from './raft-cluster.js';
import { SeededRandom } from './random.js';
import { SimScheduler } from './scheduler.js';
import { SlowDiskLog } from './slow-disk-log.js';

function cluster(seed: number, trace?: string[]): RaftCluster {
  const scheduler = new SimScheduler();
  if (trace !== undefined) scheduler.tracer = (line) => trace.push(line);
  return new RaftCluster({ scheduler, random: new SeededRandom(seed), voters: [1, 2, 3], observers: [4] });
}

async function untilLeader(c: RaftCluster): Promise<number> {
  const result = await c.scheduler.runUntil({
    until: c.scheduler.now() + 30_000,
    stop: () => c.leader() !== null,
    afterEvent: () => c.observeAll(),
  });
  assert.equal(result, 'stopped', 'no leader elected');
  return c.leader()!.id;
}

function batch(epoch: number): Buffer {
  return buildLeaderChangeBatch({ leaderId: 1, epoch, voters: [1], grantingVoters: [1], timestamp: 0 });
}

describe('RaftCluster', () => {
  it('elects a leader, replicates acknowledged appends to every node, observers included', async () => {
    const c = cluster(1);
    for (const id of [1, 2, 3, 4]) c.start(id);
    const leader = c.node(await untilLeader(c));
    let acked = -1;
    c.append(leader, ['a', 'b'], leader.raft!.leaderAndEpoch().epoch, (offset) => {
      acked = offset;
    });
    await c.scheduler.runUntil({
      until: c.scheduler.now() + 10_000,
      stop: () => [1, 2, 3, 4].every((id) => c.node(id).state.entries.get(acked) === 'b'),
      afterEvent: () => c.observeAll(),
    });
    assert.ok(acked > 0);
    for (const id of [1, 2, 3, 4]) assert.equal(c.node(id).state.entries.get(acked - 1), 'a');
    assert.equal(c.invariants.ackedCount, 2);
  });

  it('freezes a crashed incarnation: it sends nothing more, and its restart keeps its epoch', async () => {
    const trace: string[] = [];
    const c = cluster(2, trace);
    for (const id of [1, 2, 3, 4]) c.start(id);
    const leaderId = await untilLeader(c);
    const epoch = c.node(leaderId).raft!.leaderAndEpoch().epoch;
    c.crash(leaderId);
    assert.equal(c.node(leaderId).status, 'down');
    const mark = trace.length;
    await c.scheduler.runUntil({ until: c.scheduler.now() + 5_000, afterEvent: () => c.observeAll() });
    // Messages already in flight still land (at most the 5 ms maximum delay later); nothing new is sent.
    const crashedAt = c.scheduler.now() - 5_000;
    const fromDead = trace
      .slice(mark)
      .filter(
        (line) => new RegExp(`deliver ${leaderId}->`).test(line) && Number(line.trim().split(' ')[0]) > crashedAt + 5,
      );
    assert.deepEqual(fromDead, []);
    // The others elected a new leader in a later epoch.
    const next = c.leader();
    assert.ok(next !== null && next.id !== leaderId);
    assert.ok(next.raft!.leaderAndEpoch().epoch > epoch);
    c.start(leaderId);
    await c.scheduler.runUntil({
      until: c.scheduler.now() + 10_000,
      stop: () => c.node(leaderId).running?.leaderAndEpoch().leaderId === next.id,
      afterEvent: () => c.observeAll(),
    });
    assert.equal(c.node(leaderId).incarnation, 1);
    assert.ok(c.node(leaderId).raft!.leaderAndEpoch().epoch >= epoch);
  });

  it('a paused leader wakes up to find a newer epoch, and nothing it does breaks the invariants', async () => {
    const c = cluster(3);
    for (const id of [1, 2, 3, 4]) c.start(id);
    const leaderId = await untilLeader(c);
    const epoch = c.node(leaderId).raft!.leaderAndEpoch().epoch;
    c.pause(leaderId, 8_000);
    assert.equal(c.node(leaderId).running, null);
    await c.scheduler.runUntil({ until: c.scheduler.now() + 7_000, afterEvent: () => c.observeAll() });
    const other = c.leader();
    assert.ok(other !== null && other.id !== leaderId && other.raft!.leaderAndEpoch().epoch > epoch);
    await c.scheduler.runUntil({ until: c.scheduler.now() + 5_000, afterEvent: () => c.observeAll() });
    assert.ok(c.node(leaderId).running!.leaderAndEpoch().epoch > epoch);
  });

  it('fails the run when an append that must be refused is accepted (the fencing check itself)', async () => {
    const c = cluster(5);
    for (const id of [1, 2, 3, 4]) c.start(id);
    const leader = c.node(await untilLeader(c));
    // The current epoch on the leader is accepted, so claiming it must fail proves the check bites.
    c.appendMustFail(leader, ['x'], leader.raft!.leaderAndEpoch().epoch, 'a test that lies');
    await assert.rejects(
      c.scheduler.runUntil({ until: c.scheduler.now() + 5_000, afterEvent: () => c.observeAll() }),
      (error: unknown) => error instanceof InvariantViolation && error.invariant === Invariant.APPEND_FENCING,
    );
    // And a real stale append is refused quietly.
    const follower = c.node([1, 2, 3].find((id) => id !== leader.id)!);
    c.appendMustFail(follower, ['y'], follower.raft!.leaderAndEpoch().epoch, 'a follower');
    await c.scheduler.runUntil({ until: c.scheduler.now() + 1_000, afterEvent: () => c.observeAll() });
  });

  it('closes a node gracefully and runs the callback once it is down', async () => {
    const c = cluster(4);
    for (const id of [1, 2, 3, 4]) c.start(id);
    const leaderId = await untilLeader(c);
    let closed = false;
    c.close(leaderId, () => {
      closed = true;
    });
    assert.equal(c.node(leaderId).status, 'closing');
    await c.scheduler.runUntil({ until: c.scheduler.now() + 5_000, afterEvent: () => c.observeAll() });
    assert.equal(closed, true);
    assert.equal(c.node(leaderId).status, 'down');
    assert.ok(c.leader() !== null);
  });
});

describe('SlowDiskLog', () => {
  it('makes appends durable only when its delayed flush completes', async () => {
    const scheduler = new SimScheduler();
    const memory = new MemoryReplicatedLog();
    const timers = scheduler.scope();
    const log = new SlowDiskLog(memory, timers, new SeededRandom(1), 50);
    await log.appendAsLeader(batch(1), 1);
    let flushed = false;
    void log.flush().then(() => {
      flushed = true;
    });
    await scheduler.settle();
    const end = log.endOffset().offset;
    assert.ok(end > 0);
    assert.equal(log.flushedEndOffset(), 0);
    await scheduler.runUntil({});
    assert.equal(flushed, true);
    assert.equal(log.flushedEndOffset(), end);

    // A crash while a flush is pending loses the tail; the pending flush never completes.
    await log.appendAsLeader(batch(1), 1);
    let lateFlush = false;
    void log.flush().then(() => {
      lateFlush = true;
    });
    await scheduler.settle();
    timers.kill();
    memory.crash();
    await scheduler.runUntil({});
    assert.equal(lateFlush, false);
    assert.equal(memory.endOffset().offset, end);
  });

  it('lies when told to (the injected bug): claims durability, keeps none', async () => {
    const scheduler = new SimScheduler();
    const memory = new MemoryReplicatedLog();
    const log = new SlowDiskLog(memory, scheduler.scope(), new SeededRandom(1), 0, true);
    await log.appendAsLeader(batch(1), 1);
    await log.flush();
    assert.equal(log.flushedEndOffset(), log.endOffset().offset);
    memory.crash();
    assert.equal(memory.endOffset().offset, 0);
  });
});
