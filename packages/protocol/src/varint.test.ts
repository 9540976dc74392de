import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { Reader } from './reader.js';
import {
  sizeOfUnsignedVarint,
  sizeOfVarint,
  sizeOfVarlong,
  writeUnsignedVarint,
  writeVarint,
  writeVarlong,
} from './varint.js';

test('unsigned varints: known encodings', () => {
  const cases: [number, number[]][] = [
    [0, [0]],
    [1, [1]],
    [127, [0x7f]],
    [128, [0x80, 0x01]],
    [300, [0xac, 0x02]],
    [0xffffffff, [0xff, 0xff, 0xff, 0xff, 0x0f]],
  ];
  for (const [value, bytes] of cases) {
    const buf = Buffer.alloc(5);
    assert.equal(writeUnsignedVarint(buf, 0, value), bytes.length);
    assert.deepEqual([...buf.subarray(0, bytes.length)], bytes);
    assert.equal(sizeOfUnsignedVarint(value), bytes.length);
    assert.equal(new Reader(Buffer.from(bytes)).unsignedVarint(), value);
  }
});

test('zig-zag varints and varlongs: known encodings', () => {
  const cases: [number, number[]][] = [
    [0, [0]],
    [-1, [1]],
    [1, [2]],
    [-64, [0x7f]],
    [64, [0x80, 0x01]],
    [2147483647, [0xfe, 0xff, 0xff, 0xff, 0x0f]],
    [-2147483648, [0xff, 0xff, 0xff, 0xff, 0x0f]],
  ];
  for (const [value, bytes] of cases) {
    const buf = Buffer.alloc(10);
    assert.equal(writeVarint(buf, 0, value), bytes.length);
    assert.deepEqual([...buf.subarray(0, bytes.length)], bytes);
    assert.equal(sizeOfVarint(value), bytes.length);
    assert.equal(new Reader(Buffer.from(bytes)).varint(), value);
    assert.equal(writeVarlong(buf, 0, value), bytes.length);
    assert.deepEqual([...buf.subarray(0, bytes.length)], bytes);
    assert.equal(new Reader(Buffer.from(bytes)).varlong(), value);
  }
});

test('varint, varlong and unsigned varint round trips', () => {
  fc.assert(
    fc.property(fc.integer(), fc.maxSafeInteger(), fc.integer({ min: 0, max: 0xffffffff }), (i, l, u) => {
      const buf = Buffer.alloc(32);
      let end = writeVarint(buf, 0, i);
      end = writeVarlong(buf, end, l);
      end = writeUnsignedVarint(buf, end, u);
      assert.equal(end, sizeOfVarint(i) + sizeOfVarlong(l) + sizeOfUnsignedVarint(u));
      const r = new Reader(buf, 0, end);
      assert.equal(r.varint(), i);
      assert.equal(r.varlong(), l);
      assert.equal(r.unsignedVarint(), u);
      assert.ok(r.complete());
    }),
    { seed: 42, numRuns: 2000 },
  );
});

test('over-long and cut-off varints are errors, never exceptions', () => {
  const tooLong = new Reader(Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0x01]));
  assert.equal(tooLong.unsignedVarint(), 0);
  assert.match(tooLong.error ?? '', /varint/);
  const over32 = new Reader(Buffer.from([0xff, 0xff, 0xff, 0xff, 0x1f]));
  over32.unsignedVarint();
  assert.match(over32.error ?? '', /longer than 32 bits/);
  const cut = new Reader(Buffer.from([0x80]));
  cut.varint();
  assert.match(cut.error ?? '', /cut off/);
  const hugeVarlong = new Reader(Buffer.from([0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]));
  hugeVarlong.varlong();
  assert.match(hugeVarlong.error ?? '', /safe integer/);
  const elevenBytes = new Reader(Buffer.alloc(11, 0x80));
  elevenBytes.varlong();
  assert.match(elevenBytes.error ?? '', /longer than 10 bytes/);
});
