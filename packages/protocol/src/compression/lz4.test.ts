import assert from 'node:assert/strict';
import { test } from 'node:test';
import lz4 from 'lz4-napi';
import { CompressionError } from './compression-error.js';
import { lz4Compress, lz4Decompress, lz4DecompressAsync } from './lz4.js';
import { xxhash32 } from './xxhash32.js';

const MiB = 1024 * 1024;

const MAGIC = [0x04, 0x22, 0x4d, 0x18];
/**
 * FLG 0x60: version 01, independent blocks, no checksums, no content size.
 * BD 0x40: 64 KiB block maximum. HC 0x82: (XXH32([0x60, 0x40]) >> 8) & 0xff.
 * This is the descriptor Kafka's Java client writes.
 */
const DESCRIPTOR = [0x60, 0x40, 0x82];
const END_MARK = [0, 0, 0, 0];

/** A block stored uncompressed: size 5 with the high bit set, then "hello". */
const STORED_HELLO = [0x05, 0x00, 0x00, 0x80, 0x68, 0x65, 0x6c, 0x6c, 0x6f];

/**
 * A compressed block for "abcabcabcabcxyz12" (17 bytes), 12 bytes long:
 *   0x35           token: 3 literals, match length 5 + 4 = 9
 *   'abc'          literals
 *   0x03 0x00      offset 3 (LE): copies "abcabcabc"
 *   0x50           token: 5 literals, no match (the last sequence)
 *   'xyz12'        literals
 * It keeps the format's end rules: the last 5 bytes are literals, and the last match
 * starts 12 or more bytes before the end.
 */
const COMPRESSED_BLOCK = [
  0x0c, 0x00, 0x00, 0x00, 0x35, 0x61, 0x62, 0x63, 0x03, 0x00, 0x50, 0x78, 0x79, 0x7a, 0x31, 0x32,
];
const COMPRESSED_TEXT = 'abcabcabcabcxyz12';

/**
 * Written by the reference `lz4` command line tool (v1.9.4, `lz4 --content-size`) from
 * "hello hello hello hello hello hello lz4 world\n": FLG 0x6c (content size and content
 * checksum), BD 0x40, content size 46, HC 0x7c, one compressed block, end mark, XXH32
 * content checksum.
 */
const LZ4_CLI_FRAME = Buffer.from(
  '04224d186c402e000000000000007c150000006f68656c6c6f2006000ba06c7a3420776f726c640a00000000261d33b7',
  'hex',
);

function frame(descriptor: number[], ...blocks: number[][]): Buffer {
  return Buffer.from([...MAGIC, ...descriptor, ...blocks.flat(), ...END_MARK]);
}

/** A descriptor with HC computed per the specification. */
function descriptorWithChecksum(fields: number[]): number[] {
  return [...fields, (xxhash32(Buffer.from(fields)) >>> 8) & 0xff];
}

function assertCorrupt(input: Buffer, message: RegExp, maxBytes = MiB): void {
  assert.throws(
    () => lz4Decompress(input, maxBytes),
    (err: unknown) => err instanceof CompressionError && message.test(err.message),
  );
}

test('decodes hand-built frames: a stored block and a compressed block', async () => {
  assert.equal(lz4Decompress(frame(DESCRIPTOR, STORED_HELLO), MiB).toString(), 'hello');
  assert.equal(lz4Decompress(frame(DESCRIPTOR, COMPRESSED_BLOCK), MiB).toString(), COMPRESSED_TEXT);
  assert.equal((await lz4DecompressAsync(frame(DESCRIPTOR, COMPRESSED_BLOCK), MiB)).toString(), COMPRESSED_TEXT);
  assert.equal(
    lz4Decompress(frame(DESCRIPTOR, STORED_HELLO, COMPRESSED_BLOCK), MiB).toString(),
    `hello${COMPRESSED_TEXT}`,
  );
});

test('decodes a frame from the reference lz4 tool, with content size and checksum', async () => {
  const text = 'hello hello hello hello hello hello lz4 world\n';
  assert.equal(lz4Decompress(LZ4_CLI_FRAME, MiB).toString(), text);
  assert.equal((await lz4DecompressAsync(LZ4_CLI_FRAME, MiB)).toString(), text);
  // Its HC agrees with our XXH32.
  assert.equal((xxhash32(LZ4_CLI_FRAME, 4, 14) >>> 8) & 0xff, 0x7c);
  // The content checksum is verified.
  const bad = Buffer.from(LZ4_CLI_FRAME);
  bad[bad.length - 1] = (bad[bad.length - 1] as number) ^ 1;
  assertCorrupt(bad, /ContentChecksum/);
});

test('decodes the pre-KIP-57 header checksum (computed over the magic too)', async () => {
  // 0x1a is the broken HC for FLG 0x60, BD 0x40 (Kafka's MessageCompressionTest).
  const broken = frame([0x60, 0x40, 0x1a], COMPRESSED_BLOCK);
  assert.equal(lz4Decompress(broken, MiB).toString(), COMPRESSED_TEXT);
  assert.equal((await lz4DecompressAsync(broken, MiB)).toString(), COMPRESSED_TEXT);
  // The input itself is left alone: the repair happens in a copy.
  assert.equal(broken[6], 0x1a);
  // The library, given the frame as is, refuses it: the repair is what makes it work.
  assert.throws(() => lz4.decompressFrameSync(broken), /HeaderChecksum/);
});

test('a header checksum matching neither computation is refused', () => {
  assertCorrupt(frame([0x60, 0x40, 0x83], COMPRESSED_BLOCK), /header checksum 0x83 does not match 0x82/);
});

/** The blocks of a frame with a 7-byte header: [stored, size] each. */
function blocksOf(out: Buffer): Array<[boolean, number]> {
  const blocks: Array<[boolean, number]> = [];
  let pos = 7;
  for (let word = out.readUInt32LE(pos); word !== 0; word = out.readUInt32LE(pos)) {
    blocks.push([word >= 0x80000000, word & 0x7fffffff]);
    pos += 4 + (word & 0x7fffffff);
  }
  assert.equal(pos + 4, out.length);
  return blocks;
}

test('writes the frame Kafka clients expect: independent 64 KiB blocks, no checksums', () => {
  const input = Buffer.from('kafka '.repeat(50_000));
  const out = lz4Compress(input);
  assert.deepEqual([...out.subarray(0, 7)], [...MAGIC, ...DESCRIPTOR]);
  assert.deepEqual([...out.subarray(out.length - 4)], END_MARK);
  // 300,000 bytes: four full 64 KiB blocks and one of 37,856, all compressed.
  const blocks = blocksOf(out);
  assert.equal(blocks.length, 5);
  assert.ok(blocks.every(([stored]) => !stored));
  // The reference decoder in lz4_flex agrees.
  assert.ok(lz4.decompressFrameSync(out).equals(input));
});

test('stores blocks that do not compress, as Java does', () => {
  const input = Buffer.alloc(100_000);
  let x = 1;
  for (let i = 0; i < input.length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) | 0;
    input[i] = x >>> 24;
  }
  const out = lz4Compress(input);
  assert.deepEqual(blocksOf(out), [
    [true, 65536],
    [true, 100_000 - 65536],
  ]);
  assert.ok(lz4Decompress(out, input.length).equals(input));
  assert.ok(lz4.decompressFrameSync(out).equals(input));
});

test('a declared content size over the limit is refused from the header', () => {
  const big = descriptorWithChecksum([0x68, 0x40, 0x00, 0x00, 0x00, 0x40, 0x00, 0x00, 0x00, 0x00]);
  assertCorrupt(frame(big, STORED_HELLO), /decompressed size 1073741824 exceeds the limit of 1048576 bytes/);
});

test('a declared content size that does not match the content is refused', () => {
  const six = descriptorWithChecksum([0x68, 0x40, 0x06, 0, 0, 0, 0, 0, 0, 0]);
  assert.throws(() => lz4Decompress(frame(six, STORED_HELLO), MiB), CompressionError);
  const five = descriptorWithChecksum([0x68, 0x40, 0x05, 0, 0, 0, 0, 0, 0, 0]);
  assert.equal(lz4Decompress(frame(five, STORED_HELLO), MiB).toString(), 'hello');
});

test('with 4 MiB blocks the exact size decides, not the block maximum', () => {
  // BD 0x70: a compressed block may decode to 4 MiB, far over these limits.
  const fourMiB = frame(descriptorWithChecksum([0x60, 0x70]), COMPRESSED_BLOCK);
  assert.equal(lz4Decompress(fourMiB, 17).toString(), COMPRESSED_TEXT);
  assertCorrupt(fourMiB, /exceeds the limit of 16 bytes/, 16);
});

test('a block larger than the block maximum is refused', () => {
  const oversized = [0x01, 0x00, 0x01, 0x80, ...new Array<number>(0x10001).fill(0x61)];
  assertCorrupt(frame(DESCRIPTOR, oversized), /exceeds the block maximum 65536/);
});

test('malformed frame headers are refused', () => {
  assertCorrupt(Buffer.from([0x04, 0x22, 0x4d]), /frame header cut off/);
  assertCorrupt(Buffer.from([0x05, 0x22, 0x4d, 0x18, 0x60, 0x40, 0x82, 0, 0, 0, 0]), /bad magic number/);
  assertCorrupt(Buffer.from([0x50, 0x2a, 0x4d, 0x18, 0, 0, 0, 0]), /skippable frame/);
  assertCorrupt(frame(descriptorWithChecksum([0xa0, 0x40])), /unsupported frame version/);
  assertCorrupt(frame(descriptorWithChecksum([0x62, 0x40])), /reserved bits/);
  assertCorrupt(frame(descriptorWithChecksum([0x60, 0xc0])), /reserved bits/);
  assertCorrupt(frame(descriptorWithChecksum([0x60, 0x30])), /invalid block maximum size/);
  assertCorrupt(frame(descriptorWithChecksum([0x61, 0x40, 1, 2, 3, 4])), /preset dictionary/);
});

test('a compressed block whose sequences run past its end is refused', () => {
  // Token says 4 literals, only 3 follow; 4 MiB blocks force the sequence walk.
  const cut = [0x04, 0x00, 0x00, 0x00, 0x40, 0x61, 0x62, 0x63];
  assertCorrupt(frame(descriptorWithChecksum([0x60, 0x70]), cut), /run past its end|ends inside/, 16);
  // With 64 KiB blocks the library reports it.
  assert.throws(() => lz4Decompress(frame(DESCRIPTOR, cut), MiB), CompressionError);
});

test('block checksums are verified', async () => {
  const input = Buffer.from('checksummed '.repeat(10_000));
  const checked = lz4.compressFrameSync(input, { blockChecksums: true, contentChecksum: true });
  assert.ok(lz4Decompress(checked, MiB).equals(input));
  const bad = Buffer.from(checked);
  bad[20] = (bad[20] as number) ^ 0x55;
  assertCorrupt(bad, /Checksum/);
  await assert.rejects(lz4DecompressAsync(bad, MiB), CompressionError);
});
