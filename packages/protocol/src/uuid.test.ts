import assert from 'node:assert/strict';
import { test } from 'node:test';
import { METADATA_TOPIC_ID, randomUuid, uuidFromBytes, writeUuid, ZERO_UUID } from './uuid.js';

test('UUIDs are 16 bytes on the wire and 22 base64url characters in memory', () => {
  const bytes = Buffer.from('0123456789abcdef0123456789abcdef', 'hex');
  const id = uuidFromBytes(bytes, 0);
  assert.equal(id, 'ASNFZ4mrze8BI0VniavN7w');
  const out = Buffer.alloc(16);
  writeUuid(out, 0, id);
  assert.deepEqual(out, bytes);
  assert.equal(uuidFromBytes(Buffer.alloc(16), 0), ZERO_UUID);
});

test('random UUIDs are never reserved and never start with a dash', () => {
  for (let i = 0; i < 2000; i++) {
    const id = randomUuid();
    assert.equal(id.length, 22);
    assert.notEqual(id, ZERO_UUID);
    assert.notEqual(id, METADATA_TOPIC_ID);
    assert.ok(!id.startsWith('-'));
  }
});

test('writing something that is not a UUID throws', () => {
  assert.throws(() => writeUuid(Buffer.alloc(16), 0, 'short' as never), /not a UUID/);
});
