import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CompressionError } from './compression-error.js';
import { gzipCompress, gzipDecompress, gzipDecompressAsync } from './gzip.js';

const MiB = 1024 * 1024;

/**
 * Two gzip members back to back, written by the `gzip` tool (`gzip -c -n`) from "hello "
 * and "world": each is 1f 8b (magic), 08 (deflate), flags 0, mtime 0, xfl 0, OS 3 (Unix),
 * the deflate data, CRC-32 and the input size (LE).
 */
const TWO_MEMBERS = Buffer.from(
  '1f8b0800000000000003cb48cdc9c9570000f6f981ed060000001f8b08000000000000032bcf2fca4901004311773a05000000',
  'hex',
);

function assertCorrupt(input: Buffer, message: RegExp): void {
  assert.throws(
    () => gzipDecompress(input, MiB),
    (err: unknown) => err instanceof CompressionError && message.test(err.message),
  );
}

test('decodes concatenated members', async () => {
  assert.equal(gzipDecompress(TWO_MEMBERS, MiB).toString(), 'hello world');
  assert.equal((await gzipDecompressAsync(TWO_MEMBERS, MiB)).toString(), 'hello world');
  // The limit covers all members together.
  assert.throws(() => gzipDecompress(TWO_MEMBERS, 10), /exceeds the limit of 10 bytes/);
});

test('writes a gzip member', () => {
  const out = gzipCompress(Buffer.from('kafka'));
  assert.deepEqual([...out.subarray(0, 3)], [0x1f, 0x8b, 0x08]);
});

test('the CRC and size trailer are checked', () => {
  const first = TWO_MEMBERS.subarray(0, 26);
  const badCrc = Buffer.from(first);
  badCrc[18] = (badCrc[18] as number) ^ 1;
  assertCorrupt(badCrc, /incorrect data check/);
  const badSize = Buffer.from(first);
  badSize[22] = (badSize[22] as number) ^ 1;
  assertCorrupt(badSize, /incorrect length check/);
});

test('cut input, trailing garbage and a bad header are refused', async () => {
  assertCorrupt(TWO_MEMBERS.subarray(0, 20), /unexpected end of file/);
  assertCorrupt(Buffer.concat([TWO_MEMBERS, Buffer.from('junk')]), /incorrect header check/);
  assertCorrupt(Buffer.from('not gzip at all'), /incorrect header check/);
  await assert.rejects(gzipDecompressAsync(TWO_MEMBERS.subarray(0, 20), MiB), CompressionError);
});
