import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ErrorCode, errorInfo } from './generated/errors.js';

test('error codes come from errors.tsv as frozen descriptions indexed by code', () => {
  assert.equal(ErrorCode.NONE, 0);
  assert.equal(ErrorCode.UNKNOWN_SERVER_ERROR, -1);
  assert.equal(ErrorCode.UNSUPPORTED_VERSION, 35);
  const crc = errorInfo(ErrorCode.CORRUPT_MESSAGE);
  assert.equal(crc?.name, 'CORRUPT_MESSAGE');
  assert.equal(crc?.retriable, true);
  assert.match(crc?.message ?? '', /CRC/);
  assert.ok(Object.isFrozen(crc));
  assert.equal(errorInfo(-1)?.name, 'UNKNOWN_SERVER_ERROR');
  assert.equal(errorInfo(100_000), undefined);
  assert.equal(errorInfo(-2), undefined);
  for (const [name, code] of Object.entries(ErrorCode)) assert.equal(errorInfo(code)?.name, name);
});
