import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Reader } from './reader.js';
import { ZERO_UUID } from './uuid.js';
import { Writer } from './writer.js';

test('primitives round trip through Writer and Reader', () => {
  const w = Writer.alloc(2 + 2 + 4 + 8 + 8 + 1 + 1 + 4 + 16 + 8);
  w.int16(-2);
  w.uint16(65535);
  w.int32(-5);
  w.int64(-(2n ** 63n));
  w.float64(1.5);
  w.bool(true);
  w.int8(-128);
  w.uint32(0xffffffff);
  w.uuid('AAAAAAAAAAAAAAAAAAAAAQ' as never);
  w.int64Number(-9007199254740991);
  const r = new Reader(w.finish());
  assert.equal(r.int16(), -2);
  assert.equal(r.uint16(), 65535);
  assert.equal(r.int32(), -5);
  assert.equal(r.int64(), -(2n ** 63n));
  assert.equal(r.float64(), 1.5);
  assert.equal(r.bool(), true);
  assert.equal(r.int8(), -128);
  assert.equal(r.uint32(), 0xffffffff);
  assert.equal(r.uuid(), 'AAAAAAAAAAAAAAAAAAAAAQ');
  assert.equal(r.int64Number(), -9007199254740991);
  assert.ok(r.complete());
});

test('strings and bytes: plain, nullable, compact; views without copies', () => {
  const w = Writer.alloc(64);
  w.string('héllo');
  w.nullableString(null);
  w.compactString('');
  w.compactNullableString(null);
  w.bytes(Buffer.from([1, 2]));
  w.compactBytes(Buffer.from([3]));
  w.compactNullableBytes(null);
  const buf = w.buf.subarray(0, w.pos);
  const r = new Reader(buf);
  assert.equal(r.string(), 'héllo');
  assert.equal(r.nullableString(), null);
  assert.equal(r.compactString(), '');
  assert.equal(r.compactNullableString(), null);
  const b = r.bytes();
  assert.deepEqual([...b], [1, 2]);
  assert.equal(b.buffer, buf.buffer, 'bytes are a view into the frame');
  assert.deepEqual([...r.compactBytes()], [3]);
  assert.equal(r.compactNullableBytes(), null);
  assert.ok(r.complete());
});

test('a short read sets a sticky error and later reads return zero values', () => {
  const r = new Reader(Buffer.from([0, 1, 2]));
  assert.equal(r.int32(), 0);
  assert.match(r.error ?? '', /needed 4 bytes, 3 remain/);
  assert.equal(r.int8(), 0);
  assert.equal(r.string(), '');
  assert.equal(r.int64(), 0n);
  assert.equal(r.uuid(), ZERO_UUID);
  assert.equal(r.arrayLength(), -1);
  assert.equal(r.complete(), false);
  assert.match(r.error ?? '', /needed 4 bytes/, 'the first error is kept');
});

test('lengths beyond the remaining bytes or the limit are refused before allocating', () => {
  const huge = Buffer.from([0x7f, 0xff, 0xff, 0xff, 0, 0]);
  const r1 = new Reader(huge);
  assert.equal(r1.arrayLength(), -1);
  assert.match(r1.error ?? '', /array length 2147483647 exceeds the 2 bytes remaining/);
  const r2 = new Reader(huge);
  r2.bytes();
  assert.match(r2.error ?? '', /bytes length 2147483647/);
  const limited = new Reader(Buffer.concat([Buffer.from([0, 0, 0, 10]), Buffer.alloc(10)]), 0, 14, 8);
  limited.bytes();
  assert.match(limited.error ?? '', /exceeds the limit of 8/);
  const compact = new Reader(Buffer.from([0xff, 0xff, 0xff, 0xff, 0x0f]));
  compact.compactString();
  assert.match(compact.error ?? '', /string length 4294967294/);
});

test('null where null is not allowed, and negative lengths other than -1', () => {
  const r1 = new Reader(Buffer.from([0xff, 0xff]));
  r1.string();
  assert.match(r1.error ?? '', /non-nullable string was null/);
  const r2 = new Reader(Buffer.from([0xff, 0xfe]));
  assert.equal(r2.nullableString(), null);
  assert.match(r2.error ?? '', /invalid length -2/);
  const r3 = new Reader(Buffer.from([0]));
  r3.compactBytes();
  assert.match(r3.error ?? '', /non-nullable compact bytes were null/);
  const r4 = new Reader(Buffer.from([0xff, 0xff, 0xff, 0xfe]));
  assert.equal(r4.arrayLength(), -1);
  assert.match(r4.error ?? '', /invalid length -2/);
});

test('unread bytes at the end make the frame incomplete', () => {
  const r = new Reader(Buffer.from([0, 1, 9]));
  r.int16();
  assert.equal(r.complete(), false);
  assert.match(r.error ?? '', /1 unread bytes/);
});

test('int64Number refuses values outside the safe integer range', () => {
  const w = Writer.alloc(8);
  w.int64(2n ** 60n);
  const r = new Reader(w.finish());
  assert.equal(r.int64Number(), 0);
  assert.match(r.error ?? '', /safe integer/);
  assert.throws(() => Writer.alloc(8).int64Number(2 ** 60), /not a safe integer/);
});
