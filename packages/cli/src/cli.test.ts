import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, it } from 'node:test';
import { kcatOk } from '@gregor/broker/e2e/kcat';
import { startTestBroker } from '@gregor/broker/testing';
import { GREGOR, gregor } from './fixtures.js';

describe('gregor', () => {
  it('prints help and usage errors with exit codes', async () => {
    const help = await gregor(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: gregor COMMAND/);
    assert.match(help.stdout, /dump-log/);
    const none = await gregor([]);
    assert.equal(none.code, 2);
    const unknown = await gregor(['frobnicate']);
    assert.equal(unknown.code, 2);
    assert.equal(unknown.stderr, "gregor: unknown command 'frobnicate' (see gregor --help)\n");
    const sub = await gregor(['dump-log', '--help']);
    assert.equal(sub.code, 0);
    assert.match(sub.stdout, /^Usage: gregor dump-log FILE/);
    const badFlag = await gregor(['dump-log', '--frob', 'x.log']);
    assert.equal(badFlag.code, 2);
    assert.match(badFlag.stderr, /^gregor dump-log: Unknown option '--frob'/);
    assert.equal((await gregor(['--version'])).stdout, 'gregor 0.1.0\n');
  });

  it('starts a broker that serves clients and stops on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gregor-cli-start-'));
    const child = spawn(process.execPath, [GREGOR, 'start', '--data-dir', dir, '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const port = await new Promise<number>((resolve, reject) => {
        child.once('exit', (code) => reject(new Error(`exited with ${code}`)));
        createInterface({ input: child.stdout }).on('line', (line) => {
          const m = /"listeners":\["PLAINTEXT:\/\/[^"]*:(\d+)"/.exec(line);
          if (m !== null && line.includes('Gregor broker ready')) resolve(Number(m[1]));
        });
      });
      const meta = await kcatOk(`127.0.0.1:${port}`, ['-L']);
      assert.match(meta, /1 brokers/);
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      assert.equal(await exited, 0);
      assert.ok(readdirSync(dir).includes('meta.properties'));
    } finally {
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects a bad broker configuration with exit code 2', async () => {
    const r = await gregor(['start', '--override', 'num.partitions=zero']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /num\.partitions/);
  });
});

describe('gregor dump-log', () => {
  it('decodes segments, indexes and damage', async () => {
    const broker = await startTestBroker({ properties: { 'log.index.interval.bytes': '100' } });
    const logDir = broker.logDir;
    try {
      const lines = Array.from({ length: 50 }, (_, i) => `k${i}=value-${i}`).join('\n');
      await kcatOk(broker.bootstrap, ['-P', '-t', 'dump', '-K', '=', '-H', 'h1=v1', '-z', 'none'], {
        input: `${lines}\n`,
      });
      await broker.stop(true);
      const segment = join(logDir, 'dump-0', '00000000000000000000.log');
      const records = await gregor(['dump-log', segment, '--print-records']);
      assert.equal(records.code, 0, records.stderr);
      assert.match(
        records.stdout,
        /^Dumping .*00000000000000000000\.log\nbaseOffset: 0 lastOffset: \d+ count: \d+ position: 0 /,
      );
      assert.match(
        records.stdout,
        /\| offset: 0 CreateTime: \d+ keySize: 2 valueSize: 7 headerKeys: \[h1\] key: k0 payload: value-0\n/,
      );
      assert.match(records.stdout, /\| offset: 49 .* key: k49 payload: value-49\n/);

      const json = await gregor(['dump-log', segment, '--print-records', '--json']);
      const objects = json.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      const recs = objects.filter((o) => 'valueSize' in o);
      assert.equal(recs.length, 50);
      assert.deepEqual(recs[3], {
        offset: 3,
        timestamp: recs[3]?.timestamp,
        keySize: 2,
        valueSize: 7,
        key: 'k3',
        value: 'value-3',
        headers: [{ key: 'h1', value: 'v1' }],
      });
      assert.ok(objects.filter((o) => 'crcValid' in o).every((o) => o.crcValid === true));

      const index = await gregor([
        'dump-log',
        segment.replace('.log', '.index'),
        segment.replace('.log', '.timeindex'),
      ]);
      assert.equal(index.code, 0, index.stderr);

      // A flipped byte inside the first batch: reported with its position, exit code 1.
      const damaged = join(logDir, '00000000000000000000.log');
      const bytes = readFileSync(segment);
      bytes[70] = (bytes[70] ?? 0) ^ 0xff;
      writeFileSync(damaged, bytes);
      const bad = await gregor(['dump-log', damaged]);
      assert.equal(bad.code, 1);
      assert.match(bad.stdout, /isValid: false\nDamaged at position 0: CRC mismatch\n/);

      const missing = await gregor(['dump-log', join(logDir, '00000000000000000099.log')]);
      assert.equal(missing.code, 1);
      assert.match(missing.stderr, /^gregor dump-log: cannot read .*00000000000000000099\.log: ENOENT\n$/);
      const wrong = await gregor(['dump-log', join(logDir, 'meta.properties')]);
      assert.equal(wrong.code, 2);
      // A directory with a segment's name opens but cannot be read: one sentence, no trace.
      const dir = join(logDir, 'dir-0', '00000000000000000000.log');
      mkdirSync(dir, { recursive: true });
      const notFile = await gregor(['dump-log', dir]);
      assert.equal(notFile.code, 1);
      assert.match(notFile.stderr, /^gregor dump-log: cannot read .*00000000000000000000\.log: EISDIR\n$/);
    } finally {
      rmSync(logDir, { recursive: true, force: true });
    }
  });
});
