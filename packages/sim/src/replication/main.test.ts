import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { main } from './main.js';

function capture(): { io: { out(t: string): void; err(t: string): void }; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t) => out.push(t), err: (t) => err.push(t) }, out, err };
}

describe('replication simulation command line', () => {
  it('runs a seed and prints its summary', async () => {
    const c = capture();
    assert.equal(await main(['--seed', '2'], c.io), 0);
    assert.match(c.out.join(''), /^seed 2 ok: \d brokers, \d partitions, .* batches acknowledged/);
    assert.deepEqual(c.err, []);
  });

  it('exits 1 naming the seed and the replay command when the checker catches a bug', async () => {
    const c = capture();
    assert.equal(await main(['--seed', '1', '--bug', 'ack-before-hw'], c.io), 1);
    const err = c.err.join('');
    assert.match(err, /replication simulation failed for seed 1 at virtual time \d+ ms: acknowledged-record-not-lost/);
    assert.ok(
      err.includes('GREGOR_SIM_SEED=1 node --test packages/sim/dist/replication/replication-simulation.test.js'),
    );
    assert.match(err, /1 of 1 seeds failed: 1/);
  });

  it('exits 2 on bad usage', async () => {
    for (const argv of [['--seed', 'x'], ['--seeds', '0'], ['--bug', 'nope'], ['raft']]) {
      const c = capture();
      assert.equal(await main(argv, c.io), 2, argv.join(' '));
      assert.match(c.err.join(''), /usage: node packages\/sim\/dist\/replication\/main\.js/);
    }
  });
});
