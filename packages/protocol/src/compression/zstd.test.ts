import assert from 'node:assert/strict';
import { test } from 'node:test';
import binding from 'zstd-napi/binding.js';
import { CompressionError } from './compression-error.js';
import { zstdCompress, zstdDecompress } from './zstd.js';

const MiB = 1024 * 1024;

const PIPE_TEXT = 'zstd from a pipe has no content size\n';
/**
 * Written by the reference `zstd` tool (v1.5.4) reading a pipe, so the size was unknown:
 * magic 28 b5 2f fd, frame header descriptor 0x04 (content checksum, no content size),
 * window descriptor 0x58, one raw block, then the 4-byte XXH64 content checksum.
 * The Java client (zstd-jni streams) also writes frames without a content size.
 */
const PIPE_FRAME = Buffer.from(
  '28b52ffd04582901007a7374642066726f6d2061207069706520686173206e6f20636f6e74656e742073697a650a762ffa52',
  'hex',
);

/** A frame without a content size, as a streaming writer produces. */
function compressUnknownSize(input: Buffer): Buffer {
  const cctx = new binding.CCtx();
  cctx.setParameter(binding.CParameter.compressionLevel, 3);
  cctx.setParameter(binding.CParameter.contentSizeFlag, 0);
  const out = Buffer.allocUnsafe(binding.compressBound(input.length));
  const length = cctx.compress2(out, input);
  assert.equal(binding.getFrameContentSize(out.subarray(0, length)), null);
  return out.subarray(0, length);
}

function assertCorrupt(input: Buffer, message: RegExp, maxBytes = MiB): void {
  assert.throws(
    () => zstdDecompress(input, maxBytes),
    (err: unknown) => err instanceof CompressionError && message.test(err.message),
  );
}

test('decodes a frame from the reference zstd tool without a content size', () => {
  assert.equal(zstdDecompress(PIPE_FRAME, MiB).toString(), PIPE_TEXT);
  assert.equal(zstdDecompress(PIPE_FRAME, PIPE_TEXT.length).toString(), PIPE_TEXT);
  assertCorrupt(PIPE_FRAME, /exceeds the limit of 36 bytes/, PIPE_TEXT.length - 1);
});

test('the content checksum is verified', () => {
  const bad = Buffer.from(PIPE_FRAME);
  bad[bad.length - 1] = (bad[bad.length - 1] as number) ^ 1;
  assertCorrupt(bad, /corrupt input/);
});

test('every cut of a frame without a content size is refused', () => {
  for (let length = 0; length < PIPE_FRAME.length; length++) {
    assert.throws(() => zstdDecompress(PIPE_FRAME.subarray(0, length), MiB), CompressionError);
  }
});

test('writes the content size, so the limit is checked from the header', () => {
  const input = Buffer.from('sized '.repeat(10_000));
  const out = zstdCompress(input);
  assert.equal(binding.getFrameContentSize(out), input.length);
  assertCorrupt(out, /decompressed size 60000 exceeds the limit of 59999 bytes/, 59_999);
});

test('large frames without a content size decode in chunks within the limit', () => {
  const input = Buffer.alloc(5 * MiB);
  for (let i = 0; i < input.length; i++) input[i] = (i % 251) ^ (i >>> 12);
  const framed = compressUnknownSize(input);
  assert.ok(zstdDecompress(framed, input.length).equals(input));
  assertCorrupt(framed, new RegExp(`limit of ${input.length - 1} bytes`), input.length - 1);
});

test('a bomb without a content size stops at the limit', () => {
  const bomb = compressUnknownSize(Buffer.alloc(100 * MiB));
  const start = performance.now();
  assertCorrupt(bomb, /decompressed output exceeds the limit of 1048576 bytes/);
  assert.ok(performance.now() - start < 1000);
});

test('decodes frames back to back, with and without a content size', () => {
  const a = Buffer.from('first frame '.repeat(100));
  const b = Buffer.from('second frame '.repeat(100));
  const both = Buffer.concat([zstdCompress(a), compressUnknownSize(b), PIPE_FRAME]);
  assert.equal(zstdDecompress(both, MiB).toString(), `${a}${b}${PIPE_TEXT}`);
  const sized = Buffer.concat([zstdCompress(a), zstdCompress(b)]);
  assert.equal(zstdDecompress(sized, MiB).toString(), `${a}${b}`);
  assertCorrupt(sized, /decompressed size 2500 exceeds the limit of 2499 bytes/, 2499);
});

test('a frame that decodes to more than its declared size is refused', () => {
  // Both frames decode to 1200 bytes; the second is relabelled as 1100 through a
  // single-segment header, keeping the rest of the frame as it is.
  const input = Buffer.from('x'.repeat(1200));
  const out = Buffer.from(zstdCompress(input));
  // Descriptor 0x60 here: single segment, 2-byte content size (value - 256).
  assert.equal(out[4], 0x60);
  out.writeUInt16LE(1100 - 256, 5);
  assertCorrupt(out, /corrupt input/);
});

test('garbage, empty and cut input are refused', () => {
  assertCorrupt(Buffer.alloc(0), /empty input/);
  assertCorrupt(Buffer.from('definitely not zstd'), /corrupt input/);
  const out = zstdCompress(Buffer.from('cut '.repeat(1000)));
  assertCorrupt(out.subarray(0, out.length - 1), /corrupt input/);
  assertCorrupt(Buffer.concat([out, Buffer.from([0x28, 0xb5])]), /corrupt input/);
});
