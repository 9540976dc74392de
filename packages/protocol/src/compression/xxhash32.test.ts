import assert from 'node:assert/strict';
import { test } from 'node:test';
import { xxhash32 } from './xxhash32.js';

const ascii = (s: string) => Buffer.from(s, 'latin1');

test('xxhash32 matches the published test vectors', () => {
  // Values from the reference implementation (cross-checked against the xxhashjs package).
  assert.equal(xxhash32(ascii('')), 0x02cc5d05);
  assert.equal(xxhash32(ascii('a')), 0x550d7456);
  assert.equal(xxhash32(ascii('abc')), 0x32d153ff);
  // 39 bytes: the 16-byte stripe loop, then 4-byte and 1-byte tails.
  assert.equal(xxhash32(ascii('Nobody inspects the spammish repetition')), 0xe2293b2f);
  assert.equal(xxhash32(ascii('abcdefghijklmnopqrstuvwxyz0123456789')), 0x42ae804d);
});

test('xxhash32 takes a seed', () => {
  const abc = ascii('abc');
  assert.equal(xxhash32(abc, 0, abc.length, 0x9e3779b1), 0xa1ae7709);
});

test('xxhash32 hashes a range of the buffer', () => {
  const framed = ascii('__abc__');
  assert.equal(xxhash32(framed, 2, 5), 0x32d153ff);
});

test('xxhash32 gives the LZ4 frame header checksums from Kafka tests', () => {
  // Kafka's MessageCompressionTest: FLG 0x60, BD 0x40 has HC 0x82 (-126) per the LZ4 spec,
  // and 0x1A when old clients hashed the magic number too.
  const header = Buffer.from([0x04, 0x22, 0x4d, 0x18, 0x60, 0x40]);
  assert.equal((xxhash32(header, 4, 6) >>> 8) & 0xff, 0x82);
  assert.equal((xxhash32(header, 0, 6) >>> 8) & 0xff, 0x1a);
});
