import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Reader } from './reader.js';
import { Writer } from './writer.js';

test('finish() catches a size that does not match what was written', () => {
  const w = Writer.alloc(5);
  w.int32(1);
  assert.throws(() => w.finish(), /wrote 4 bytes into a buffer sized 5/);
});

test('writing past the sized buffer throws instead of growing', () => {
  const w = Writer.alloc(2);
  assert.throws(() => w.int32(1), RangeError);
});

test('a splicing writer hands back record blobs as their own chunks', () => {
  const records = Buffer.from('0123456789');
  // int32 + records length + records + int16, with the records not counted.
  const w = Writer.splicing(4 + 4 + 2);
  w.int32(7);
  w.records(records);
  w.int16(3);
  const chunks = w.finishChunks();
  assert.equal(chunks.length, 3);
  assert.equal(chunks[1], records, 'the record buffer itself, not a copy');
  const whole = Buffer.concat(chunks);
  const r = new Reader(whole);
  assert.equal(r.int32(), 7);
  assert.deepEqual(r.nullableBytes(), records);
  assert.equal(r.int16(), 3);
  assert.ok(r.complete());
});

test('a non-splicing writer copies records; null records are length -1', () => {
  const w = Writer.alloc(4 + 3 + 4 + 1);
  w.records(Buffer.from([1, 2, 3]));
  w.records(null);
  w.compactRecords(null);
  const r = new Reader(w.finish());
  assert.deepEqual([...(r.nullableBytes() ?? [])], [1, 2, 3]);
  assert.equal(r.nullableBytes(), null);
  assert.equal(r.compactNullableBytes(), null);
});

test('strings longer than int16 allows are refused', () => {
  const w = Writer.alloc(40000);
  assert.throws(() => w.string('x'.repeat(32768)), /longer than 32767/);
});
