import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { kcatOk } from '@gregor/broker/e2e/kcat';
import { waitFor } from '@gregor/broker/e2e/support';
import { startTestBroker, type TestBroker } from '@gregor/broker/testing';
import { Consumer } from '@gregor/client';
import { gregor, spawnGregor } from './fixtures.js';

describe('gregor consume', () => {
  let broker: TestBroker;
  let env: Record<string, string>;
  before(async () => {
    broker = await startTestBroker({ properties: { 'group.initial.rebalance.delay.ms': '0' } });
    env = { GREGOR_BOOTSTRAP: broker.bootstrap };
  });
  after(async () => {
    await broker.stop();
  });

  it('round-trips 10,000 records byte-exact with gregor produce', async () => {
    assert.equal((await gregor(['topics', 'create', 'rt', '--partitions', '1'], { env })).code, 0);
    // Every byte value but \n, including invalid UTF-8, in varied lengths.
    const lines: Buffer[] = [];
    for (let i = 0; i < 10_000; i++) {
      const b = Buffer.alloc(1 + (i % 97));
      for (let j = 0; j < b.length; j++) {
        const v = (i * 31 + j * 7) % 256;
        b[j] = v === 10 ? 11 : v;
      }
      lines.push(b);
    }
    const input = Buffer.concat(lines.flatMap((l) => [l, Buffer.from('\n')]));
    const produced = await gregor(['produce', 'rt', '-z', 'lz4'], { env, input });
    assert.equal(produced.code, 0, produced.stderr);
    const consumed = await gregor(['consume', 'rt', '--from-beginning', '--exit-at-end'], { env, binary: true });
    assert.equal(consumed.code, 0, consumed.stderr);
    assert.equal(consumed.stderr, 'Consumed 10000 records.\n');
    assert.ok(consumed.raw.equals(input), 'byte-exact');
  });

  it('starts at an offset, a time or the end; limits; formats', async () => {
    assert.equal((await gregor(['topics', 'create', 'fmt', '--partitions', '2'], { env })).code, 0);
    const input = Array.from({ length: 10 }, (_, i) => `k${i}:v${i}`).join('\n');
    await kcatOk(broker.bootstrap, ['-P', '-t', 'fmt', '-p', '0', '-K', ':', '-H', 'h=1'], { input });
    const all = await gregor(
      ['consume', 'fmt', '-o', 'beginning', '-e', '-f', '{partition}/{offset} {key}={value} [{headers}]\\n'],
      { env },
    );
    assert.equal(all.stdout, Array.from({ length: 10 }, (_, i) => `0/${i} k${i}=v${i} [h=1]\n`).join(''));
    const fromOffset = await gregor(['consume', 'fmt', '-p', '0', '-o', '7', '-e'], { env });
    assert.equal(fromOffset.stdout, 'v7\nv8\nv9\n');
    const limited = await gregor(['consume', 'fmt', '--from-beginning', '-n', '3', '--json'], { env });
    const objects = limited.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.deepEqual(
      objects.map((o: { key: string; value: string; offset: number; headers: unknown }) => [
        o.key,
        o.value,
        o.offset,
        o.headers,
      ]),
      [
        ['k0', 'v0', 0, [{ key: 'h', value: '1' }]],
        ['k1', 'v1', 1, [{ key: 'h', value: '1' }]],
        ['k2', 'v2', 2, [{ key: 'h', value: '1' }]],
      ],
    );
    const future = await gregor(['consume', 'fmt', '--from-time', '2999-01-01T00:00:00Z', '-e'], { env });
    assert.equal(future.stdout, '');
    const past = await gregor(['consume', 'fmt', '--from-time', '0', '-e', '-p', '0'], { env });
    assert.equal(past.stdout.split('\n').length - 1, 10);
    const idle = await gregor(['consume', 'fmt', '--idle-timeout', '500'], { env });
    assert.equal(idle.code, 0);
    assert.equal(idle.stdout, '', 'from the end: nothing new');
  });

  it('consumes as a group and commits what it printed', async () => {
    assert.equal((await gregor(['topics', 'create', 'grp', '--partitions', '1'], { env })).code, 0);
    await kcatOk(broker.bootstrap, ['-P', '-t', 'grp'], { input: 'a\nb\nc\nd\ne\n' });
    const first = await gregor(['consume', 'grp', '-g', 'cli-group', '--from-beginning', '-n', '2'], { env });
    assert.equal(first.stdout, 'a\nb\n');
    const second = await gregor(['consume', 'grp', '-g', 'cli-group', '-e'], { env });
    assert.equal(second.stdout, 'c\nd\ne\n', 'resumes after what was printed');
    const d = JSON.parse((await gregor(['groups', 'describe', 'cli-group', '--json'], { env })).stdout);
    assert.equal(d.partitions[0].currentOffset, 5);
  });

  it('with a group, --exit-at-end stops at the end of the partitions this member holds', async () => {
    assert.equal((await gregor(['topics', 'create', 'shared', '--partitions', '2'], { env })).code, 0);
    await kcatOk(broker.bootstrap, ['-P', '-t', 'shared', '-p', '0'], { input: 'a\nb\n' });
    await kcatOk(broker.bootstrap, ['-P', '-t', 'shared', '-p', '1'], { input: 'c\nd\n' });
    // Another member of the group keeps one partition for itself.
    const other = new Consumer({
      bootstrapServers: broker.bootstrap,
      groupId: 'shared-group',
      autoOffsetReset: 'latest',
      enableAutoCommit: false,
    });
    other.subscribe(['shared']);
    let polling = true;
    const loop = (async () => {
      while (polling) await other.poll({ timeoutMs: 100 });
    })();
    try {
      await waitFor('the other member holds both partitions', () => other.assignment().length === 2, 20_000);
      const r = await gregor(['consume', 'shared', '-g', 'shared-group', '--from-beginning', '-e'], { env });
      assert.equal(r.code, 0, r.stderr);
      const lines = r.stdout.split('\n').filter((l) => l !== '');
      assert.equal(lines.length, 2, r.stdout);
      assert.ok(lines.join() === 'a,b' || lines.join() === 'c,d', r.stdout);
    } finally {
      polling = false;
      await loop;
      await other.close();
    }
  });

  it('reads only committed transactional records with --read-committed', async () => {
    assert.equal((await gregor(['topics', 'create', 'txn', '--partitions', '1'], { env })).code, 0);
    assert.equal((await gregor(['produce', 'txn', '--transactional-id', 'tx-cli'], { env, input: 'x\ny\n' })).code, 0);
    const r = await gregor(['consume', 'txn', '--from-beginning', '--read-committed', '-e'], { env });
    assert.equal(r.stdout, 'x\ny\n');
  });

  it('ends quietly when its reader goes away (gregor consume T | head -1)', async () => {
    assert.equal((await gregor(['topics', 'create', 'pipe', '--partitions', '1'], { env })).code, 0);
    const input = `${Array.from({ length: 20_000 }, (_, i) => `record-${i}`).join('\n')}\n`;
    assert.equal((await gregor(['produce', 'pipe'], { env, input })).code, 0);
    for (const extra of [[], ['-g', 'pipe-group']]) {
      // No limit: only the closed pipe can end it.
      const { child, done } = spawnGregor(['consume', 'pipe', '--from-beginning', ...extra], { env });
      child.stdout.once('data', () => child.stdout.destroy());
      const r = await done;
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stderr, /^Consumed \d+ records?\.\n$/);
    }
    // What the group committed is what was written before the pipe closed, no more.
    const d = JSON.parse((await gregor(['groups', 'describe', 'pipe-group', '--json'], { env })).stdout);
    assert.ok(d.partitions[0].currentOffset < 20_000, String(d.partitions[0].currentOffset));
  });

  it('rejects --from-beginning with --from-time', async () => {
    const r = await gregor(['consume', 'fmt', '--from-beginning', '--from-time', '0', '-e'], { env });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /not both/);
  });

  it('reports bad usage and unknown topics', async () => {
    const unknown = await gregor(['consume', 'nope', '-e', '--timeout', '1500'], { env });
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /^gregor consume: UNKNOWN_TOPIC_OR_PARTITION/);
    const both = await gregor(['consume', 'fmt', '-g', 'x', '-p', '0'], { env });
    assert.equal(both.code, 2);
    const badOffset = await gregor(['consume', 'fmt', '-o', 'middle'], { env });
    assert.equal(badOffset.code, 2);
    assert.match(badOffset.stderr, /--offset expects beginning, end or an offset, got 'middle'/);
    const badPartition = await gregor(['consume', 'fmt', '-p', '9', '-e'], { env });
    assert.equal(badPartition.code, 2);
    const badTemplate = await gregor(['consume', 'fmt', '-f', '{nope}'], { env });
    assert.equal(badTemplate.code, 2);
  });
});
