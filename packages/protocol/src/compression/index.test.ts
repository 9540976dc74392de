import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  Compression,
  CompressionError,
  type CompressionType,
  compress,
  compressAsync,
  compressionName,
  decompress,
  decompressAsync,
} from './index.js';

const CODECS: readonly CompressionType[] = [
  Compression.NONE,
  Compression.GZIP,
  Compression.SNAPPY,
  Compression.LZ4,
  Compression.ZSTD,
];
const COMPRESSED: readonly CompressionType[] = CODECS.filter((t) => t !== Compression.NONE);
const MiB = 1024 * 1024;

/** Seeded bytes (xorshift32), so a failure reproduces. */
function randomBytes(length: number, seed: number): Buffer {
  const out = Buffer.allocUnsafe(length);
  let x = seed | 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

/** JSON-like records: repeating keys, random ids; compresses like real batches. */
function records(length: number, seed: number): Buffer {
  const ids = randomBytes(length, seed);
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < length; i++) {
    const id = ids.toString('hex', i % (length - 8), (i % (length - 8)) + 8);
    const part = `{"id":"${id}","user":"user-${i % 97}","event":"click","value":${i}}\n`;
    parts.push(part);
    size += part.length;
  }
  return Buffer.from(parts.join('')).subarray(0, length);
}

/** Half records, half random bytes. */
function mixed(length: number, seed: number): Buffer {
  const half = length >>> 1;
  return Buffer.concat([records(half, seed), randomBytes(length - half, seed + 1)]);
}

const INPUTS: ReadonlyArray<readonly [string, Buffer]> = [
  ['empty', Buffer.alloc(0)],
  ['1 byte', Buffer.from([0x42])],
  ['random 64 KiB', randomBytes(64 * 1024, 7)],
  ['compressible 256 KiB', records(256 * 1024, 11)],
  ['5 MiB', mixed(5 * MiB, 13)],
];

function assertCompressionError(fn: () => unknown, message?: RegExp): void {
  assert.throws(fn, (err: unknown) => {
    assert.ok(err instanceof CompressionError, `expected a CompressionError, got ${String(err)}`);
    if (message !== undefined) assert.match(err.message, message);
    return true;
  });
}

async function assertRejectsCompressionError(promise: Promise<unknown>, message?: RegExp): Promise<void> {
  await assert.rejects(promise, (err: unknown) => {
    assert.ok(err instanceof CompressionError, `expected a CompressionError, got ${String(err)}`);
    if (message !== undefined) assert.match(err.message, message);
    return true;
  });
}

test('codec ids and names follow Kafka', () => {
  assert.deepEqual(Compression, { NONE: 0, GZIP: 1, SNAPPY: 2, LZ4: 3, ZSTD: 4 });
  assert.deepEqual(
    CODECS.map((t) => compressionName(t)),
    ['none', 'gzip', 'snappy', 'lz4', 'zstd'],
  );
  assert.equal(compressionName(5), 'unknown(5)');
  assert.equal(compressionName(-1), 'unknown(-1)');
});

for (const type of CODECS) {
  const name = compressionName(type);
  describe(`${name} round trips`, () => {
    for (const [label, input] of INPUTS) {
      test(`${label}: sync`, () => {
        const compressed = compress(type, input);
        // The limit is inclusive: exactly the input length is allowed.
        assert.ok(decompress(type, compressed, input.length).equals(input));
      });
      test(`${label}: async, and across sync and async`, async () => {
        const compressed = await compressAsync(type, input);
        assert.ok((await decompressAsync(type, compressed, input.length)).equals(input));
        assert.ok(decompress(type, compressed, input.length).equals(input));
        assert.ok((await decompressAsync(type, compress(type, input), input.length)).equals(input));
      });
    }

    test('accepts a Uint8Array view at an offset', () => {
      const input = records(10_000, 3);
      const compressed = compress(type, new Uint8Array(input.buffer, input.byteOffset, input.length));
      const padded = new Uint8Array(compressed.length + 7);
      padded.set(compressed, 3);
      const view = padded.subarray(3, 3 + compressed.length);
      assert.ok(decompress(type, view, input.length).equals(input));
    });

    test('output one byte over maxBytes is refused, naming the limit', async () => {
      const input = records(100_000, 5);
      const compressed = compress(type, input);
      const limit = input.length - 1;
      assertCompressionError(() => decompress(type, compressed, limit), new RegExp(`limit of ${limit} bytes`));
      await assertRejectsCompressionError(decompressAsync(type, compressed, limit), new RegExp(`limit of ${limit}`));
    });

    test('maxBytes 0 allows only empty output', () => {
      assert.equal(decompress(type, compress(type, Buffer.alloc(0)), 0).length, 0);
      assertCompressionError(() => decompress(type, compress(type, Buffer.from('x')), 0), /limit of 0 bytes/);
    });
  });
}

describe('decompression bombs: 100 MiB of zeros, maxBytes 1 MiB', () => {
  const zeros = Buffer.alloc(100 * MiB);
  for (const type of COMPRESSED) {
    test(compressionName(type), async () => {
      const bomb = compress(type, zeros);
      const start = performance.now();
      assertCompressionError(() => decompress(type, bomb, MiB), /exceeds the limit of 1048576 bytes/);
      await assertRejectsCompressionError(decompressAsync(type, bomb, MiB), /exceeds the limit of 1048576 bytes/);
      // Refused from headers or after about 1 MiB of output, not after inflating 100 MiB.
      const elapsedMs = performance.now() - start;
      assert.ok(elapsedMs < 1000, `took ${elapsedMs} ms`);
    });
  }
});

describe('truncated input is refused', () => {
  const input = mixed(20_000, 17);
  for (const type of COMPRESSED) {
    test(compressionName(type), async () => {
      const compressed = compress(type, input);
      // xerial snappy has no end marker: a cut exactly between chunks is a valid shorter
      // stream (the batch CRC catches it). Every other cut must fail.
      const chunkEnds = type === Compression.SNAPPY ? xerialChunkEnds(compressed) : new Set<number>();
      for (let length = 0; length < compressed.length; length++) {
        const prefix = compressed.subarray(0, length);
        if (chunkEnds.has(length)) {
          const out = decompress(type, prefix, input.length);
          assert.ok(out.equals(input.subarray(0, out.length)));
          continue;
        }
        assertCompressionError(() => decompress(type, prefix, input.length));
      }
      await assertRejectsCompressionError(decompressAsync(type, compressed.subarray(0, compressed.length - 1), MiB));
    });
  }
});

function xerialChunkEnds(stream: Buffer): Set<number> {
  const ends = new Set<number>([16]);
  for (let pos = 16; pos < stream.length; ) {
    pos += 4 + stream.readInt32BE(pos);
    ends.add(pos);
  }
  return ends;
}

describe('corrupt input', () => {
  for (const type of COMPRESSED) {
    test(`${compressionName(type)}: random bytes are refused`, async () => {
      for (const length of [1, 2, 7, 16, 100, 4096]) {
        const garbage = randomBytes(length, length);
        assertCompressionError(() => decompress(type, garbage, MiB));
        await assertRejectsCompressionError(decompressAsync(type, garbage, MiB));
      }
      assertCompressionError(() => decompress(type, Buffer.alloc(0), MiB));
    });

    test(`${compressionName(type)}: mutated bytes decode or throw CompressionError, never anything else`, async () => {
      const input = mixed(20_000, 23);
      const compressed = compress(type, input);
      const noise = randomBytes(4096, 29);
      let refused = 0;
      for (let i = 0; i < 400; i++) {
        const mutated = Buffer.from(compressed);
        const flips = 1 + ((noise[i % noise.length] as number) % 3);
        for (let f = 0; f < flips; f++) {
          const at = noise.readUInt16LE((i * 3 + f * 2) % (noise.length - 2)) % mutated.length;
          mutated[at] = (mutated[at] as number) ^ (1 + ((noise[(i + f) % noise.length] as number) % 255));
        }
        try {
          const out = i % 4 === 0 ? await decompressAsync(type, mutated, MiB) : decompress(type, mutated, MiB);
          assert.ok(out.length <= MiB);
        } catch (err) {
          assert.ok(err instanceof CompressionError, `case ${i}: ${String(err)}`);
          refused++;
        }
      }
      assert.ok(refused > 0);
    });
  }
});

test('an unknown codec is a CompressionError', async () => {
  const seven = 7 as CompressionType;
  assertCompressionError(() => decompress(seven, Buffer.from('x'), MiB), /unknown compression type 7/);
  assertCompressionError(() => compress(seven, Buffer.from('x')), /unknown compression type 7/);
  await assertRejectsCompressionError(decompressAsync(seven, Buffer.from('x'), MiB));
  await assertRejectsCompressionError(compressAsync(seven, Buffer.from('x')));
});

test('NONE returns the input itself and applies the limit', () => {
  const input = Buffer.from('plain');
  assert.equal(compress(Compression.NONE, input), input);
  assert.equal(decompress(Compression.NONE, input, 5), input);
  assertCompressionError(() => decompress(Compression.NONE, input, 4), /limit of 4 bytes/);
});

test('a negative or fractional maxBytes is a programmer error, not a CompressionError', async () => {
  assert.throws(() => decompress(Compression.GZIP, Buffer.alloc(0), -1), RangeError);
  assert.throws(() => decompress(Compression.GZIP, Buffer.alloc(0), 1.5), RangeError);
  await assert.rejects(decompressAsync(Compression.LZ4, Buffer.alloc(0), Number.NaN), RangeError);
});
