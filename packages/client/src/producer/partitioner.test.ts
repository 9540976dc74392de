import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SeededRandom } from '@gregor/broker/e2e/support';
import kafkajs from 'kafkajs';
import { defaultPartitioner, keyPartition, murmur2 } from './partitioner.js';

const { Partitioners } = kafkajs;

describe('murmur2', () => {
  test("matches the vectors of Kafka's Java client (Utils.murmur2)", () => {
    const vectors: Array<[string, number]> = [
      ['21', -973932308],
      ['foobar', -790332482],
      ['a-little-bit-long-string', -985981536],
      ['a-little-bit-longer-string', -1486304829],
      ['lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8', -58897971],
      ['abc', 479470107],
    ];
    for (const [text, expected] of vectors) assert.equal(murmur2(Buffer.from(text)), expected, text);
  });

  test('empty input and every tail length', () => {
    assert.equal(typeof murmur2(Buffer.alloc(0)), 'number');
    for (let n = 0; n < 9; n++) {
      const h = murmur2(Buffer.alloc(n, 0xff));
      assert.ok(Number.isInteger(h) && h >= -(2 ** 31) && h < 2 ** 31);
    }
  });

  test("keyPartition equals KafkaJS's DefaultPartitioner for 1,000 random keys", () => {
    const random = new SeededRandom(42);
    const kafkajsPartitioner = Partitioners.DefaultPartitioner();
    const partitionMetadata = Array.from({ length: 7 }, (_, i) => ({
      partitionId: i,
      leader: 0,
      partitionErrorCode: 0,
      replicas: [0],
      isr: [0],
    }));
    for (let i = 0; i < 1000; i++) {
      const key = Buffer.alloc(random.int(0, 40));
      for (let j = 0; j < key.length; j++) key[j] = random.int(0, 255);
      const theirs = kafkajsPartitioner({ topic: 't', partitionMetadata, message: { key, value: null } });
      assert.equal(keyPartition(key, 7), theirs, key.toString('hex'));
    }
  });
});

describe('defaultPartitioner', () => {
  test('keyed records: murmur2 of the key, whatever the sticky state', () => {
    const p = defaultPartitioner();
    const key = Buffer.from('user-17');
    assert.equal(p('t', key, 12, null), keyPartition(key, 12));
    p.onNewBatch?.('t', keyPartition(key, 12), 12);
    assert.equal(p('t', key, 12, null), keyPartition(key, 12));
  });

  test('null keys stick to one partition until its batch is closed, then move to another', () => {
    let seed = 1;
    const random = (): number => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const p = defaultPartitioner(random);
    const first = p('t', null, 5, null);
    for (let i = 0; i < 100; i++) assert.equal(p('t', null, 5, null), first);
    // Another topic has its own sticky partition.
    p('other', null, 5, null);
    p.onNewBatch?.('t', first, 5);
    const second = p('t', null, 5, null);
    assert.notEqual(second, first);
    for (let i = 0; i < 100; i++) assert.equal(p('t', null, 5, null), second);
    // A new batch on a partition that is not the sticky one changes nothing.
    p.onNewBatch?.('t', (second + 1) % 5, 5);
    assert.equal(p('t', null, 5, null), second);
  });

  test('null keys choose among available partitions only', () => {
    const p = defaultPartitioner();
    for (let i = 0; i < 50; i++) {
      const chosen = p(`t${i}`, null, 6, null, [2, 4]);
      assert.ok(chosen === 2 || chosen === 4);
      p.onNewBatch?.(`t${i}`, chosen, 6, [2, 4]);
      assert.equal(p(`t${i}`, null, 6, null, [2, 4]), chosen === 2 ? 4 : 2);
    }
  });

  test('a single partition stays chosen after a new batch', () => {
    const p = defaultPartitioner();
    assert.equal(p('t', null, 1, null), 0);
    p.onNewBatch?.('t', 0, 1);
    assert.equal(p('t', null, 1, null), 0);
  });

  test('spreads keyless batches over all partitions over time', () => {
    const p = defaultPartitioner();
    const seen = new Set<number>();
    for (let i = 0; i < 200; i++) {
      const chosen = p('t', null, 4, null);
      seen.add(chosen);
      p.onNewBatch?.('t', chosen, 4);
    }
    assert.equal(seen.size, 4);
  });
});
