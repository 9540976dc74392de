import assert from 'node:assert/strict';
import { test } from 'node:test';
import snappy from 'snappy';
import { CompressionError } from './compression-error.js';
import { snappyCompress, snappyDecompress, snappyDecompressAsync, XERIAL_BLOCK_BYTES } from './snappy.js';

const MiB = 1024 * 1024;

/** The 16-byte header snappy-java writes: magic, version 1, min-compatible version 1. */
const XERIAL_HEADER = [0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0x00, 0, 0, 0, 1, 0, 0, 0, 1];

/**
 * Raw snappy block for "abcabcabcabc" (12 bytes), by hand:
 *   0x0c           uncompressed length 12 (varint)
 *   0x08 'abc'     literal, tag (3 - 1) << 2 | 0b00
 *   0x15 0x03      copy with a 1-byte offset: tag (9 - 4) << 2 | 0b01, offset 3
 */
const BLOCK_ABC = [0x0c, 0x08, 0x61, 0x62, 0x63, 0x15, 0x03];
/** Raw snappy block for "hello": length 5, literal tag (5 - 1) << 2, then the bytes. */
const BLOCK_HELLO = [0x05, 0x10, 0x68, 0x65, 0x6c, 0x6c, 0x6f];

/** Two xerial chunks: [int32 BE length][raw block] each. */
const XERIAL_GOLDEN = Buffer.from([...XERIAL_HEADER, 0, 0, 0, 7, ...BLOCK_ABC, 0, 0, 0, 7, ...BLOCK_HELLO]);

function assertCorrupt(input: Buffer, message: RegExp): void {
  assert.throws(
    () => snappyDecompress(input, MiB),
    (err: unknown) => err instanceof CompressionError && message.test(err.message),
  );
}

test('decodes a hand-built xerial stream', async () => {
  assert.equal(snappyDecompress(XERIAL_GOLDEN, MiB).toString(), 'abcabcabcabchello');
  assert.equal((await snappyDecompressAsync(XERIAL_GOLDEN, MiB)).toString(), 'abcabcabcabchello');
  // The hand-built block is valid for the library on its own as well.
  assert.equal(snappy.uncompressSync(Buffer.from(BLOCK_ABC), { asBuffer: true }).toString(), 'abcabcabcabc');
});

test('decodes a raw block, as librdkafka and KafkaJS write', async () => {
  assert.equal(snappyDecompress(Buffer.from(BLOCK_ABC), MiB).toString(), 'abcabcabcabc');
  const input = Buffer.from('raw snappy from the library '.repeat(1000));
  const raw = snappy.compressSync(input);
  assert.ok(snappyDecompress(raw, MiB).equals(input));
  assert.ok((await snappyDecompressAsync(raw, MiB)).equals(input));
});

test('decodes xerial streams written back to back', () => {
  const twice = Buffer.concat([XERIAL_GOLDEN, XERIAL_GOLDEN]);
  assert.equal(snappyDecompress(twice, MiB).toString(), 'abcabcabcabchello'.repeat(2));
});

test('writes xerial framing in 32 KiB chunks, like snappy-java', () => {
  const input = Buffer.alloc(100_000);
  for (let i = 0; i < input.length; i++) input[i] = (i * 7) & 0xff;
  const out = snappyCompress(input);
  assert.deepEqual([...out.subarray(0, 16)], XERIAL_HEADER);
  const declared: number[] = [];
  let pos = 16;
  while (pos < out.length) {
    const size = out.readInt32BE(pos);
    const block = out.subarray(pos + 4, pos + 4 + size);
    declared.push(snappy.uncompressSync(block, { asBuffer: true }).length);
    pos += 4 + size;
  }
  assert.equal(pos, out.length);
  assert.deepEqual(declared, [
    XERIAL_BLOCK_BYTES,
    XERIAL_BLOCK_BYTES,
    XERIAL_BLOCK_BYTES,
    100_000 - 3 * XERIAL_BLOCK_BYTES,
  ]);
});

test('a header with no chunks is an empty stream', () => {
  assert.equal(snappyDecompress(Buffer.from(XERIAL_HEADER), MiB).length, 0);
  assert.deepEqual([...snappyCompress(Buffer.alloc(0))], XERIAL_HEADER);
});

test('a raw block declaring 4 GiB is refused before anything is allocated', () => {
  // Varint 0xffffffff, then a literal tag: the library would allocate 4 GiB first.
  const claim = Buffer.from([0xff, 0xff, 0xff, 0xff, 0x0f, 0x00, 0x41]);
  const start = performance.now();
  assert.throws(() => snappyDecompress(claim, MiB), /decompressed size 4294967295 exceeds the limit of 1048576 bytes/);
  assert.ok(performance.now() - start < 100);
});

test('xerial chunks are summed against the limit before decoding', () => {
  // 17 bytes declared in total.
  assert.equal(snappyDecompress(XERIAL_GOLDEN, 17).length, 17);
  assert.throws(() => snappyDecompress(XERIAL_GOLDEN, 16), /decompressed size 17 exceeds the limit of 16 bytes/);
});

test('framing errors are CompressionErrors', () => {
  const header = XERIAL_HEADER;
  assertCorrupt(Buffer.from(header.slice(0, 12)), /xerial header cut off/);
  assertCorrupt(Buffer.from([...header, 0, 0, 0]), /chunk length cut off/);
  assertCorrupt(Buffer.from([...header, 0, 0, 0, 0]), /chunk length 0/);
  assertCorrupt(Buffer.from([...header, 0xff, 0xff, 0xff, 0xff, 1]), /chunk length -1/);
  assertCorrupt(Buffer.from([...header, 0, 0, 0, 8, ...BLOCK_ABC]), /runs past the end/);
  // A varint longer than 32 bits.
  assertCorrupt(Buffer.from([0xff, 0xff, 0xff, 0xff, 0x1f, 0x00]), /uncompressed length varint/);
  assertCorrupt(Buffer.from([0x80]), /uncompressed length varint/);
  assertCorrupt(Buffer.alloc(0), /uncompressed length varint/);
});

test('a block that does not decode to its declared length is refused', () => {
  // Declares 13 bytes, holds 12.
  assertCorrupt(Buffer.from([0x0d, ...BLOCK_ABC.slice(1)]), /corrupt input/);
  // A copy reaching before the start of the output.
  assertCorrupt(Buffer.from([0x0c, 0x08, 0x61, 0x62, 0x63, 0x15, 0x09]), /corrupt input/);
});

test('async decoding reports corrupt chunks as CompressionErrors', async () => {
  const bad = Buffer.from([...XERIAL_HEADER, 0, 0, 0, 7, 0x0d, ...BLOCK_ABC.slice(1)]);
  await assert.rejects(snappyDecompressAsync(bad, MiB), CompressionError);
});
