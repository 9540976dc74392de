import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SeededRandom } from './random.js';

describe('SeededRandom', () => {
  it('gives the same stream for the same seed and different streams for nearby seeds', () => {
    const draw = (seed: number): number[] => {
      const random = new SeededRandom(seed);
      return Array.from({ length: 16 }, () => random.nextUint32());
    };
    assert.deepEqual(draw(42), draw(42));
    assert.notDeepEqual(draw(1), draw(2));
    assert.notDeepEqual(draw(0), draw(2 ** 53 - 1));
  });

  it('stays in range and covers it', () => {
    const random = new SeededRandom(7);
    const seen = new Set<number>();
    for (let i = 0; i < 10_000; i++) {
      const x = random.next();
      assert.ok(x >= 0 && x < 1);
      const n = random.int(10);
      assert.ok(Number.isInteger(n) && n >= 0 && n < 10);
      seen.add(n);
      const b = random.between(-3, 3);
      assert.ok(b >= -3 && b <= 3);
    }
    assert.equal(seen.size, 10);
  });

  it('is roughly uniform (each decile within 10% of its expected count)', () => {
    const random = new SeededRandom(123);
    const counts = new Array<number>(10).fill(0);
    const n = 100_000;
    for (let i = 0; i < n; i++) counts[Math.floor(random.next() * 10)]!++;
    for (const count of counts) assert.ok(Math.abs(count - n / 10) < n / 100, `decile count ${count}`);
  });

  it('chance(0) is never and chance(1) always, without drawing', () => {
    const a = new SeededRandom(5);
    const b = new SeededRandom(5);
    for (let i = 0; i < 100; i++) {
      assert.equal(a.chance(0), false);
      assert.equal(a.chance(1), true);
    }
    assert.equal(a.nextUint32(), b.nextUint32());
  });

  it('shuffles into a permutation and picks members', () => {
    const random = new SeededRandom(9);
    const items = [1, 2, 3, 4, 5, 6, 7, 8];
    const shuffled = random.shuffle([...items]);
    assert.deepEqual(
      [...shuffled].sort((x, y) => x - y),
      items,
    );
    for (let i = 0; i < 100; i++) assert.ok(items.includes(random.pick(items)));
  });

  it('forks independent, reproducible streams', () => {
    const a = new SeededRandom(11).fork();
    const b = new SeededRandom(11).fork();
    assert.equal(a.seed, b.seed);
    assert.equal(a.nextUint32(), b.nextUint32());
    const parent = new SeededRandom(11);
    assert.notEqual(parent.fork().seed, parent.fork().seed);
  });

  it('rejects bad seeds and bounds', () => {
    assert.throws(() => new SeededRandom(-1), RangeError);
    assert.throws(() => new SeededRandom(1.5), RangeError);
    const random = new SeededRandom(1);
    assert.throws(() => random.int(0), RangeError);
    assert.throws(() => random.int(2 ** 33), RangeError);
    assert.throws(() => random.between(3, 2), RangeError);
    assert.throws(() => random.pick([]), RangeError);
  });
});
