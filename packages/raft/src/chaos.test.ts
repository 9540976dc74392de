/**
 * Seeded fault runs over the test harness: partitions, crashes (losing unflushed log),
 * restarts and appends, with Raft's safety invariants checked throughout. A failure
 * names its seed; `RAFT_CHAOS_SEED=<n>` replays one.
 */
import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { NotLeaderError } from './errors.js';
import { SeededRandom, TestCluster } from './fixtures.js';

let cluster: TestCluster | null = null;
afterEach(async () => {
  await cluster?.stopAll();
  cluster = null;
});

const VOTERS = [1, 2, 3, 4, 5];

async function run(seed: number): Promise<void> {
  const dice = new SeededRandom(seed * 7919 + 1);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(dice.next() * items.length)]!;
  cluster = new TestCluster(VOTERS, [6], {}, seed);
  const c = cluster;
  c.network.chaos = new SeededRandom(seed * 31 + 7);
  c.network.jitterMs = 20;
  c.network.dropRate = 0.02;
  await c.startAll();
  const leaderOfEpoch = new Map<number, number>();
  const acknowledged: string[] = [];
  const hwSeen = new Map<number, number>();
  const check = () => {
    for (const m of c.members.values()) {
      if (m.node === null) continue;
      const { leaderId, epoch } = m.node.leaderAndEpoch();
      if (m.node.role() === 'leader' && leaderId !== null) {
        const known = leaderOfEpoch.get(epoch);
        assert.ok(known === undefined || known === leaderId, `seed ${seed}: two leaders in epoch ${epoch}`);
        leaderOfEpoch.set(epoch, leaderId);
      }
      const hw = m.node.highWatermark();
      assert.ok(hw >= (hwSeen.get(m.id) ?? 0), `seed ${seed}: high watermark of ${m.id} went back`);
      hwSeen.set(m.id, hw);
      assert.equal(m.node.fatalError, null, `seed ${seed}: ${m.node.fatalError?.message}`);
    }
  };
  let n = 0;
  for (let step = 0; step < 40; step++) {
    const action = dice.next();
    const id = pick(VOTERS);
    if (action < 0.15) {
      c.network.isolate(id, [...VOTERS, 6]);
    } else if (action < 0.35) {
      c.network.isolate(id, [...VOTERS, 6], false);
    } else if (action < 0.45 && c.member(id).node !== null) {
      const down = VOTERS.filter((v) => c.member(v).node === null).length;
      if (down < 2) {
        await c.crash(id);
        hwSeen.delete(id);
      }
    } else if (action < 0.6 && c.member(id).node === null) {
      await c.start(id);
    } else if (action < 0.67) {
      const leader = c.leaderId();
      const listener = leader === null ? null : c.member(leader).listener;
      const last = listener?.commits.at(-1);
      if (leader !== null && listener !== null && last !== undefined) {
        c.node(leader)
          .createSnapshot(last.lastOffset + 1, listener.snapshotData())
          .catch((e: unknown) => assert.ok(e instanceof NotLeaderError, `seed ${seed}: ${e}`));
      }
    } else {
      // Every node that believes it leads gets appends, stale (isolated) leaders too: they
      // leave uncommitted suffixes in old epochs for the next leader to cut.
      for (const m of c.members.values()) {
        const node = m.node;
        if (node === null || node.role() !== 'leader') continue;
        for (let k = 0; k < 3; k++) {
          const value = `v${n++}`;
          node.append([Buffer.from(value)], node.leaderAndEpoch().epoch).then(
            () => acknowledged.push(value),
            (e: unknown) => assert.ok(e instanceof NotLeaderError, `seed ${seed}: ${e}`),
          );
          await c.time.advance(10);
        }
      }
    }
    for (let t = 0; t < 10; t++) {
      await c.time.advance(50 + Math.floor(dice.next() * 100));
      check();
    }
  }
  // Heal everything; the quorum must converge and keep every acknowledged value.
  for (const v of VOTERS) {
    c.network.isolate(v, [...VOTERS, 6], false);
    if (c.member(v).node === null) await c.start(v);
  }
  // Voters that were isolated come back with higher epochs (no pre-vote), so a leader may
  // still be deposed once or twice before the quorum settles: retry the final append.
  let final = '';
  for (let attempt = 0; ; attempt++) {
    await c.waitForStableLeader(120_000);
    try {
      final = `final-${attempt}`;
      await c.append([final]);
      break;
    } catch (e) {
      if (!(e instanceof NotLeaderError) || attempt >= 5) throw e;
    }
  }
  await c.time.runUntil(() => [...c.members.values()].every((m) => m.listener.state.at(-1) === final), 120_000);
  check();
  const reference = c.member(c.leaderId()!).listener.state;
  for (const m of c.members.values()) {
    // Snapshot + commits since: every state machine holds the same history.
    assert.deepEqual(m.listener.state, reference, `seed ${seed}: node ${m.id} diverges`);
  }
  const leaderLog = c.member(c.leaderId()!).log.batchesForTest();
  const committed = new Set(reference);
  for (const v of acknowledged) assert.ok(committed.has(v), `seed ${seed}: acknowledged ${v} lost`);
  if (process.env.RAFT_CHAOS_VERBOSE !== undefined) {
    console.log(
      `seed ${seed}: ${acknowledged.length}/${n} acknowledged, epochs ${[...leaderOfEpoch.keys()].join(',')}`,
    );
    for (const l of c.logs) if (l.includes('WARN')) console.log(l);
  }
  const leaderBatches = new Map(leaderLog.map((b) => [b.baseOffset, b.epoch]));
  for (const m of c.members.values()) {
    // Where both logs hold a batch, it is the same one (logs may start at different snapshots).
    for (const b of m.log.batchesForTest()) {
      const epoch = leaderBatches.get(b.baseOffset);
      if (epoch !== undefined) assert.equal(b.epoch, epoch, `seed ${seed}: node ${m.id} batch ${b.baseOffset}`);
    }
  }
}

const only = process.env.RAFT_CHAOS_SEED;
const seeds = only !== undefined ? [Number(only)] : [1, 2, 3, 4, 5, 6, 7, 8];
for (const seed of seeds) {
  test(`chaos seed ${seed}: partitions, crashes and restarts keep Raft's invariants`, async () => {
    try {
      await run(seed);
    } catch (e) {
      const c = cluster;
      if (c !== null) {
        // What each node believes, and the tail of the trace: enough to start from.
        for (const m of c.members.values()) {
          const n = m.node;
          console.log(
            `node ${m.id}: ${n === null ? 'down' : `${n.role()} ${JSON.stringify(n.leaderAndEpoch())} hw ${n.highWatermark()}`} log end ${JSON.stringify(m.log.endOffset())}`,
          );
        }
        for (const line of c.logs.slice(-40)) console.log(line);
      }
      throw e;
    }
  });
}
