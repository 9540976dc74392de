/**
 * kcat (librdkafka 2.0.2) against an in-process broker: metadata, produce and consume
 * with every codec, keys, headers, offsets by time, consuming from the middle, 10,000+
 * messages compared byte for byte, and several partitions targeted with `-p`.
 *
 * Where kcat's output alone cannot prove a property (which codec a batch was stored
 * with, binary values, null header values), the log is also read with raw Fetch requests.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  ApiKey,
  buildRecordBatch,
  Compression,
  type CompressionType,
  type FetchResponse,
  type KafkaRecord,
  RecordBatchView,
} from '@gregor/protocol';
import { Kafka, logLevel } from 'kafkajs';
import { handlerFor } from '../handlers/registry.js';
import type { TestBroker } from '../testing.js';
import { startTestBroker } from '../testing.js';
import { kcat, kcatOk } from './kcat.js';
import { ensureTopic, FETCH_VERSION, fetchAll, fetchRequest, produce, RawClient } from './raw-client.js';
import { plain, SeededRandom, seedFromEnv, uniqueTopic } from './support.js';

const seed = seedFromEnv();

/** kcat sees the end of a partition when a long poll at the high watermark comes back empty: keep it short. */
const FAST = ['-X', 'fetch.wait.max.ms=50'];

describe(`kcat end to end (seed ${seed})`, { timeout: 60_000 }, () => {
  let tb: TestBroker;
  let client: RawClient;
  let b: string;
  const rnd = new SeededRandom(seed);

  before(async () => {
    tb = await startTestBroker();
    b = tb.bootstrap;
    client = await RawClient.connect(tb.port);
  });

  after(async () => {
    client?.close();
    await tb?.stop();
  });

  /** Consumes `topic` to its end with kcat. */
  function consume(topic: string, format: string, extra: string[] = []): Promise<string> {
    return kcatOk(b, ['-C', '-t', topic, '-e', ...FAST, '-f', format, ...extra]);
  }

  test('-L lists the broker, the topics, their partitions and leaders', async () => {
    const topic = uniqueTopic('meta');
    await kcatOk(b, ['-P', '-t', topic], { input: 'hello\n' });
    const all = JSON.parse(await kcatOk(b, ['-L', '-J']));
    assert.deepEqual(all.brokers, [{ id: 1, name: `127.0.0.1:${tb.port}` }]);
    assert.equal(all.controllerid, 1);
    const t = all.topics.find((x: { topic: string }) => x.topic === topic);
    assert.deepEqual(t, {
      topic,
      partitions: [{ partition: 0, leader: 1, replicas: [{ id: 1 }], isrs: [{ id: 1 }] }],
    });
    const one = JSON.parse(await kcatOk(b, ['-L', '-J', '-t', topic]));
    assert.deepEqual(
      one.topics.map((x: { topic: string }) => x.topic),
      [topic],
    );
    // The human-readable form too.
    const textual = await kcatOk(b, ['-L', '-t', topic]);
    assert.match(textual, new RegExp(`broker 1 at 127\\.0\\.0\\.1:${tb.port}`));
    assert.match(textual, /partition 0, leader 1, replicas: 1, isrs: 1/);
  });

  for (const codec of ['none', 'gzip', 'snappy', 'lz4', 'zstd'] as const) {
    test(`produce and consume with -z ${codec}, keys exact`, async () => {
      const topic = uniqueTopic(`codec-${codec}`);
      const lines: string[] = [];
      for (let i = 0; i < 300; i++) lines.push(`key-${i}-${codec}:value ${i} ${'compressible '.repeat(8)}${i}`);
      await kcatOk(b, ['-P', '-t', topic, '-p', '0', '-K:', '-z', codec], { input: `${lines.join('\n')}\n` });
      const out = await consume(topic, '%o\t%k\t%s\n');
      assert.equal(
        out,
        lines.map((l, i) => `${i}\t${l.slice(0, l.indexOf(':'))}\t${l.slice(l.indexOf(':') + 1)}\n`).join(''),
      );
      // The batches are stored as the producer compressed them (compression.type=producer).
      const fetched = await client.request<FetchResponse>(ApiKey.Fetch, FETCH_VERSION, fetchRequest(topic, 0, 0));
      const blob = fetched.responses[0]?.partitions[0]?.records;
      assert.ok(blob !== null && blob !== undefined && blob.length > 0);
      // librdkafka before 2.x enables LZ4 only when the broker lists FindCoordinator v0
      // (its proxy for Kafka 0.8.2, rdkafka_feature.c); until the group coordinator is
      // served it falls back to sending lz4 batches uncompressed.
      const lz4 = handlerFor(ApiKey.FindCoordinator) !== undefined ? 3 : 0;
      const expected = { none: 0, gzip: 1, snappy: 2, lz4, zstd: 4 }[codec];
      for (let at = 0; at < blob.length; ) {
        const view = new RecordBatchView(blob, at);
        if (at + view.sizeInBytes > blob.length) break;
        assert.equal(view.compression, expected, `batch at ${view.baseOffset}`);
        assert.ok(view.isCrcValid());
        at += view.sizeInBytes;
      }
    });
  }

  test('keys: empty, absent (-K without a delimiter), unicode, and the delimiter in the value', async () => {
    const topic = uniqueTopic('keys');
    const input = ':empty key\nno key at all\nclé-ü-日本:valeur\nk:v:with:colons\n';
    await kcatOk(b, ['-P', '-t', topic, '-K:'], { input });
    const out = await consume(topic, '%o|%K|%k|%s\n');
    const unicode = 'clé-ü-日本';
    assert.equal(
      out,
      `0|0||empty key\n1|-1||no key at all\n2|${Buffer.byteLength(unicode)}|${unicode}|valeur\n3|1|k|v:with:colons\n`,
    );
    const { records } = await fetchAll(client, topic, 0);
    assert.deepEqual(
      records.map((r) => r.key?.toString('utf8') ?? null),
      ['', null, 'clé-ü-日本', 'k'],
    );
  });

  test('headers (-H) come back with -f %h, and exactly through Fetch', async () => {
    const topic = uniqueTopic('headers');
    await kcatOk(
      b,
      ['-P', '-t', topic, '-H', 'a=b', '-H', 'trace=1-2-3', '-H', 'dup=x', '-H', 'dup=y', '-H', 'nullvalue'],
      {
        input: 'one\ntwo\n',
      },
    );
    const out = await consume(topic, '%o %h %s\n');
    assert.equal(
      out,
      '0 a=b,trace=1-2-3,dup=x,dup=y,nullvalue=NULL one\n1 a=b,trace=1-2-3,dup=x,dup=y,nullvalue=NULL two\n',
    );
    const { records } = await fetchAll(client, topic, 0);
    assert.equal(records.length, 2);
    assert.deepEqual(plain(records[1] as KafkaRecord).headers, [
      ['a', 'b'],
      ['trace', '1-2-3'],
      ['dup', 'x'],
      ['dup', 'y'],
      ['nullvalue', null],
    ]);
  });

  test('offsets by time (-Q): before, exact, inside a batch, between batches, latest, future', async () => {
    const topic = uniqueTopic('times');
    await ensureTopic(client, topic);
    const t0 = Date.now() - 3_600_000;
    // 10 batches of 10 records; batch i holds timestamps t0 + 1000*i + j.
    for (let i = 0; i < 10; i++) {
      const batch = buildRecordBatch({
        records: Array.from({ length: 10 }, (_, j) => ({ value: `r${i * 10 + j}`, timestamp: t0 + 1000 * i + j })),
        compression: i % 2 === 0 ? Compression.NONE : Compression.LZ4,
      });
      const r = await produce(client, topic, 0, batch);
      assert.equal(r.errorCode, 0);
      assert.equal(r.baseOffset, i * 10);
    }
    const query = async (ts: number) => {
      const out = await kcatOk(b, ['-Q', '-t', `${topic}:0:${ts}`]);
      const m = /\[0\] offset (-?\d+)/.exec(out);
      assert.ok(m !== null, out);
      return Number(m[1]);
    };
    assert.equal(await query(t0 - 5000), 0);
    assert.equal(await query(t0), 0);
    assert.equal(await query(t0 + 5000), 50);
    assert.equal(await query(t0 + 5003), 53);
    assert.equal(await query(t0 + 5500), 60);
    assert.equal(await query(t0 + 9009), 99);
    assert.equal(await query(t0 + 9010), -1);
    assert.equal(await query(Date.now() + 86_400_000), -1);
    assert.equal(await query(-1), 100);
    assert.equal(await query(-2), 0);
    // kcat shows the timestamps it was given.
    const out = await consume(topic, '%o %T\n', ['-p', '0', '-o', '52', '-c', '2']);
    assert.equal(out, `52 ${t0 + 5002}\n53 ${t0 + 5003}\n`);
  });

  test('consuming from the middle: -o N, -o -N, -o beginning, -o end, -c', async () => {
    const topic = uniqueTopic('middle');
    const lines = Array.from({ length: 100 }, (_, i) => `m${i}`);
    await kcatOk(b, ['-P', '-t', topic, '-p', '0'], { input: `${lines.join('\n')}\n` });
    const offsets = (out: string) =>
      out
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => {
          const [o, v] = l.split(' ');
          assert.equal(v, `m${o}`);
          return Number(o);
        });
    const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
    assert.deepEqual(offsets(await consume(topic, '%o %s\n', ['-p', '0', '-o', '37'])), range(37, 100));
    assert.deepEqual(offsets(await consume(topic, '%o %s\n', ['-p', '0', '-o', '-10'])), range(90, 100));
    assert.deepEqual(offsets(await consume(topic, '%o %s\n', ['-p', '0', '-o', 'beginning'])), range(0, 100));
    assert.deepEqual(offsets(await consume(topic, '%o %s\n', ['-p', '0', '-o', 'end'])), []);
    assert.deepEqual(offsets(await consume(topic, '%o %s\n', ['-p', '0', '-o', '99'])), [99]);
    assert.deepEqual(offsets(await consume(topic, '%o %s\n', ['-p', '0', '-o', '37', '-c', '5'])), range(37, 42));
    assert.deepEqual(offsets(await consume(topic, '%o %s\n', ['-p', '0', '-o', '-1'])), [99]);
  });

  test('12,000 random base64 messages come back byte-exact, in order, with their offsets', async () => {
    const topic = uniqueTopic('bulk');
    const count = 12_000;
    const lines: string[] = [];
    for (let i = 0; i < count; i++) lines.push(rnd.bytes(rnd.int(1, 180)).toString('base64'));
    await kcatOk(b, ['-P', '-t', topic, '-p', '0', '-z', 'lz4', '-X', 'linger.ms=20'], {
      input: `${lines.join('\n')}\n`,
      timeoutMs: 30_000,
    });
    const out = await consume(topic, '%o %s\n', ['-p', '0']);
    const expected = lines.map((l, i) => `${i} ${l}\n`).join('');
    assert.equal(out.length, expected.length);
    assert.ok(out === expected, 'kcat output differs from what was produced');
    const { records, highWatermark } = await fetchAll(client, topic, 0);
    assert.equal(highWatermark, count);
    assert.equal(records.length, count);
    for (let i = 0; i < count; i++) {
      const r = records[i] as (typeof records)[number];
      assert.equal(r.offset, i);
      assert.ok(r.value?.equals(Buffer.from(lines[i] as string)), `record ${i}`);
    }
  });

  test('binary keys and values (every byte value, newlines, NULs) are kept exactly', async () => {
    const topic = uniqueTopic('binary');
    await ensureTopic(client, topic);
    // Produced raw, consumed by kcat with length-prefixed output.
    const sent: { key: Buffer; value: Buffer }[] = [];
    for (let batch = 0; batch < 8; batch++) {
      const records = [];
      for (let i = 0; i < 250; i++) {
        const key = rnd.bytes(rnd.int(0, 16));
        const value = rnd.bytes(rnd.int(0, 400));
        if (i === 0) value.fill(10); // all newlines
        sent.push({ key, value });
        records.push({ key, value, timestamp: Date.now() });
      }
      const r = await produce(
        client,
        topic,
        0,
        buildRecordBatch({ records, compression: (batch % 5) as CompressionType }),
      );
      assert.equal(r.errorCode, 0);
    }
    const res = await kcat(b, ['-C', '-t', topic, '-p', '0', '-e', ...FAST, '-f', '%o %K %S\n%k%s\n']);
    assert.equal(res.code, 0, res.stderr);
    const out = res.stdout;
    let at = 0;
    for (let i = 0; i < sent.length; i++) {
      const nl = out.indexOf(10, at);
      const [offset, keyLength, valueLength] = out.subarray(at, nl).toString('latin1').split(' ').map(Number);
      assert.equal(offset, i);
      const exp = sent[i] as { key: Buffer; value: Buffer };
      assert.equal(keyLength, exp.key.length);
      assert.equal(valueLength, exp.value.length);
      at = nl + 1;
      assert.ok(out.subarray(at, at + exp.key.length).equals(exp.key), `key ${i}`);
      at += exp.key.length;
      assert.ok(out.subarray(at, at + exp.value.length).equals(exp.value), `value ${i}`);
      at += exp.value.length;
      assert.equal(out[at], 10);
      at++;
    }
    assert.equal(at, out.length);

    // Files produced by kcat are one message each, binary-safe.
    const dir = mkdtempSync(join(tmpdir(), 'gregor-kcat-'));
    try {
      const files = [rnd.bytes(1000), rnd.bytes(70_000), Buffer.from([0, 10, 13, 255, 0])];
      const paths = files.map((f, i) => {
        const p = join(dir, `f${i}`);
        writeFileSync(p, f);
        return p;
      });
      const fileTopic = uniqueTopic('files');
      await kcatOk(b, ['-P', '-t', fileTopic, '-p', '0', ...paths]);
      const { records } = await fetchAll(client, fileTopic, 0);
      assert.equal(records.length, files.length);
      for (let i = 0; i < files.length; i++) assert.ok(records[i]?.value?.equals(files[i] as Buffer), `file ${i}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('several partitions (created by KafkaJS): -p targets one, a consumer without -p reads them all, keys stick', async () => {
    const topic = uniqueTopic('multi');
    const partitions = 3;
    const admin = new Kafka({ clientId: 'gregor-e2e', brokers: [b], logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      assert.equal(await admin.createTopics({ topics: [{ topic, numPartitions: partitions }] }), true);
    } finally {
      await admin.disconnect();
    }
    const md = JSON.parse(await kcatOk(b, ['-L', '-J', '-t', topic]));
    assert.deepEqual(
      md.topics[0].partitions.map((p: { partition: number; leader: number }) => [p.partition, p.leader]),
      [
        [0, 1],
        [1, 1],
        [2, 1],
      ],
    );
    for (let p = 0; p < partitions; p++) {
      const lines = Array.from({ length: 10 + p }, (_, i) => `p${p}-m${i}`);
      await kcatOk(b, ['-P', '-t', topic, '-p', String(p)], { input: `${lines.join('\n')}\n` });
    }
    for (let p = 0; p < partitions; p++) {
      const out = await consume(topic, '%p %o %s\n', ['-p', String(p)]);
      assert.equal(out, Array.from({ length: 10 + p }, (_, i) => `${p} ${i} p${p}-m${i}\n`).join(''));
    }
    const lines = async (format: string) => (await consume(topic, format)).split('\n').filter((l) => l !== '');
    const expected: string[] = [];
    for (let p = 0; p < partitions; p++) for (let i = 0; i < 10 + p; i++) expected.push(`${p} ${i} p${p}-m${i}`);
    assert.deepEqual((await lines('%p %o %s\n')).sort(), expected.sort());

    // Keyed messages without -p: librdkafka's partitioner puts each key in one partition,
    // and a key's messages stay in the order they were sent.
    const keyed = Array.from({ length: 60 }, (_, i) => `key${i % 6}:${i}`);
    await kcatOk(b, ['-P', '-t', topic, '-K:'], { input: `${keyed.join('\n')}\n` });
    const keyedOut = (await lines('%p %k %s\n')).filter((l) => l.includes(' key'));
    assert.equal(keyedOut.length, 60);
    const partitionOfKey = new Map<string, string>();
    const sequenceOfKey = new Map<string, number[]>();
    for (const line of keyedOut) {
      const [p, k, v] = line.split(' ') as [string, string, string];
      assert.equal(partitionOfKey.get(k) ?? p, p, `key ${k} in two partitions`);
      partitionOfKey.set(k, p);
      sequenceOfKey.set(k, [...(sequenceOfKey.get(k) ?? []), Number(v)]);
    }
    for (const [k, seq] of sequenceOfKey) {
      assert.deepEqual(
        seq,
        Array.from({ length: 10 }, (_, i) => Number(k.slice(3)) + 6 * i),
      );
    }
  });

  test('a fetch for a partition that does not exist is refused, the broker keeps serving kcat', async () => {
    const missing = fetchRequest(uniqueTopic('nope'), 7, 0);
    const r = await client.request<FetchResponse>(ApiKey.Fetch, FETCH_VERSION, missing);
    assert.equal(r.responses[0]?.partitions[0]?.errorCode, 3); // UNKNOWN_TOPIC_OR_PARTITION
    const topic = uniqueTopic('after');
    await kcatOk(b, ['-P', '-t', topic], { input: 'still here\n' });
    assert.equal(await consume(topic, '%s\n'), 'still here\n');
  });
});
