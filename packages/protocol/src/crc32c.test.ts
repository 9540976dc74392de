import assert from 'node:assert/strict';
import { test } from 'node:test';
import { crc32c } from './crc32c.js';

test('CRC-32C check value and incremental use', () => {
  const data = Buffer.from('123456789');
  assert.equal(crc32c(data), 0xe3069283);
  assert.equal(crc32c(data.subarray(4), crc32c(data.subarray(0, 4))), 0xe3069283);
  assert.equal(crc32c(Buffer.alloc(0)), 0);
  // RFC 3720 B.4: 32 bytes of zeros.
  assert.equal(crc32c(Buffer.alloc(32)), 0x8a9136aa);
});
