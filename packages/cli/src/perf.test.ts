import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestBroker, type TestBroker } from '@gregor/broker/testing';
import { gregor, spawnGregor } from './fixtures.js';

describe('gregor perf', () => {
  let broker: TestBroker;
  let env: Record<string, string>;
  before(async () => {
    broker = await startTestBroker();
    env = { GREGOR_BOOTSTRAP: broker.bootstrap };
  });
  after(async () => {
    await broker.stop();
  });

  it('measures produce, consume and end-to-end', async () => {
    const produced = await gregor(['perf', 'produce', '-t', 'perf', '-n', '5000', '-s', '200', '-p', '2', '--json'], {
      env,
    });
    assert.equal(produced.code, 0, produced.stderr);
    const p = JSON.parse(produced.stdout);
    assert.equal(p.records, 5000);
    assert.equal(p.bytes, 1_000_000);
    assert.ok(p.recordsPerSec > 0 && p.mbPerSec > 0);
    const l = p.latencyMs;
    assert.ok(l.p50 <= l.p95 && l.p95 <= l.p99 && l.p99 <= l.p999 && l.p999 <= l.max, JSON.stringify(l));

    const consumed = await gregor(['perf', 'consume', '-t', 'perf', '-n', '5000', '--json'], { env });
    assert.equal(consumed.code, 0, consumed.stderr);
    const c = JSON.parse(consumed.stdout);
    assert.equal(c.records, 5000);
    assert.equal(c.bytes, 1_000_000);
    assert.equal(c.latencyMs, undefined);

    const text = await gregor(['perf', 'produce', '-t', 'perf', '-n', '100', '--acks', '1', '-z', 'zstd'], { env });
    assert.match(
      text.stdout,
      /^100 records sent in [\d.]+ s: [\d,]+ records\/s \([\d.]+ MB\/s\), latency avg [\d.]+ ms, p50 [\d.]+ ms, p95 [\d.]+ ms, p99 [\d.]+ ms, p99\.9 [\d.]+ ms, max [\d.]+ ms\n$/,
    );

    const e2e = await gregor(['perf', 'end-to-end', '-t', 'e2e', '-n', '300', '--throughput', '1000', '--json'], {
      env,
    });
    assert.equal(e2e.code, 0, e2e.stderr);
    const e = JSON.parse(e2e.stdout);
    assert.equal(e.records, 300);
    assert.ok(e.latencyMs.p50 > 0);
    // The target rate holds the run to about 0.3 s or more.
    assert.ok(e.seconds >= 0.25, String(e.seconds));
  });

  it('ends perf consume at --duration on an empty topic, with numbers in the JSON', async () => {
    assert.equal((await gregor(['topics', 'create', 'perf-empty', '--partitions', '1'], { env })).code, 0);
    const r = await gregor(['perf', 'consume', '-t', 'perf-empty', '--duration', '1', '--json'], { env });
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), { records: 0, bytes: 0, seconds: 0, recordsPerSec: 0, mbPerSec: 0 });
  });

  it('fails perf consume when fewer records than --num-records come within --timeout', async () => {
    assert.equal((await gregor(['produce', 'perf-empty'], { env, input: 'a\nb\n' })).code, 0);
    const r = await gregor(['perf', 'consume', '-t', 'perf-empty', '-n', '5', '--timeout', '1000'], { env });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^gregor perf consume: only 2 of 5 records arrived[^\n]*\n$/);
  });

  it('stops perf produce on SIGINT and still prints what it measured', async () => {
    const { child, done } = spawnGregor(
      ['perf', 'produce', '-t', 'perf-sig', '-p', '1', '--duration', '120', '--throughput', '500', '--json'],
      { env },
    );
    // Signal once records are flowing (the handlers are installed by then).
    for (;;) {
      const d = await gregor(['topics', 'describe', 'perf-sig', '--json', '--timeout', '1000'], { env });
      if (d.code === 0 && JSON.parse(d.stdout).partitions[0].latestOffset > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    child.kill('SIGINT');
    const r = await done;
    assert.equal(r.code, 0, r.stderr);
    const p = JSON.parse(r.stdout);
    assert.ok(p.records > 0 && p.records < 60_000, String(p.records));
  });

  it('rejects bad flags', async () => {
    const noTopic = await gregor(['perf', 'produce', '-n', '10'], { env });
    assert.equal(noTopic.code, 2);
    assert.match(noTopic.stderr, /give --topic/);
    const noLimit = await gregor(['perf', 'produce', '-t', 'x'], { env });
    assert.equal(noLimit.code, 2);
    assert.match(noLimit.stderr, /give --num-records or --duration/);
    const badAcks = await gregor(['perf', 'produce', '-t', 'x', '-n', '1', '--acks', 'some'], { env });
    assert.equal(badAcks.code, 2);
    const unknown = await gregor(['perf', 'consume', '-t', 'nope', '-n', '1', '--timeout', '1500'], { env });
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /UNKNOWN_TOPIC_OR_PARTITION/);
  });
});
