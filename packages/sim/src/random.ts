/**
 * The simulation's only source of randomness: every choice a run makes (delays, losses,
 * faults, the workload, each node's election jitter) is drawn from one of these, seeded
 * from the run's seed, so a seed names exactly one run.
 *
 * xoshiro128** (Blackman and Vigna, 2018): 128 bits of state, 32-bit output, fast with
 * `Math.imul` and no BigInt on the hot path. The state is filled by splitmix64 from the
 * seed, as the authors recommend, so that nearby seeds (1, 2, 3...) give unrelated streams.
 * Implements raft's `Random` (`next(): number` in [0, 1)).
 */
export class SeededRandom {
  readonly seed: number;
  #s0: number;
  #s1: number;
  #s2: number;
  #s3: number;

  constructor(seed: number) {
    if (!Number.isSafeInteger(seed) || seed < 0)
      throw new RangeError(`seed must be a non-negative safe integer, got ${seed}`);
    this.seed = seed;
    // splitmix64: two 64-bit outputs give the four 32-bit state words.
    const mask = (1n << 64n) - 1n;
    let x = BigInt(seed);
    const words: number[] = [];
    for (let i = 0; i < 2; i++) {
      x = (x + 0x9e3779b97f4a7c15n) & mask;
      let z = x;
      z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & mask;
      z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & mask;
      z = z ^ (z >> 31n);
      words.push(Number(z & 0xffffffffn), Number(z >> 32n));
    }
    this.#s0 = words[0]! | 0;
    this.#s1 = words[1]! | 0;
    this.#s2 = words[2]! | 0;
    this.#s3 = words[3]! | 0;
    // xoshiro's one forbidden state; splitmix64 cannot produce it for two consecutive outputs.
    if ((this.#s0 | this.#s1 | this.#s2 | this.#s3) === 0) throw new Error('xoshiro128** state is all zero');
  }

  /** The next 32 random bits as an unsigned integer. */
  nextUint32(): number {
    const s1 = this.#s1;
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    this.#s2 ^= this.#s0;
    this.#s3 ^= this.#s1;
    this.#s1 ^= this.#s2;
    this.#s0 ^= this.#s3;
    this.#s2 ^= t;
    this.#s3 = rotl(this.#s3, 11);
    return result;
  }

  /** Uniform in [0, 1), 32 bits of precision (enough for delays and probabilities). */
  next(): number {
    return this.nextUint32() / 0x1_0000_0000;
  }

  /** Uniform integer in [0, bound). */
  int(bound: number): number {
    if (!Number.isSafeInteger(bound) || bound <= 0 || bound > 0x1_0000_0000) {
      throw new RangeError(`bound must be an integer in [1, 2^32], got ${bound}`);
    }
    return Math.floor(this.next() * bound);
  }

  /** Uniform integer in [min, max], both inclusive. */
  between(min: number, max: number): number {
    if (max < min) throw new RangeError(`between(${min}, ${max}): max < min`);
    return min + this.int(max - min + 1);
  }

  /** True with probability `p` (0 never, 1 always; no draw is wasted on either). */
  chance(p: number): boolean {
    if (p <= 0) return false;
    if (p >= 1) return true;
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty array');
    return items[this.int(items.length)]!;
  }

  /** Fisher-Yates, in place; returns the same array. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const tmp = items[i]!;
      items[i] = items[j]!;
      items[j] = tmp;
    }
    return items;
  }

  /**
   * An independent stream seeded from this one. Each node gets its own, so a node's
   * election jitter does not shift when the network draws one more delay.
   */
  fork(): SeededRandom {
    return new SeededRandom(this.nextUint32() * 0x20_0000 + (this.nextUint32() >>> 11));
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
