import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseArguments, UsageError } from './cli-args.js';

test('a properties file, overrides, --data-dir and --port', () => {
  const args = parseArguments(
    ['server.properties', '--override', 'num.partitions=3', '--data-dir', '/tmp/x', '--port', '9093'],
    {},
  );
  assert.equal(args.file, 'server.properties');
  assert.deepEqual(args.overrides, { 'num.partitions': '3', 'log.dirs': '/tmp/x', listeners: 'PLAINTEXT://:9093' });
  assert.equal(parseArguments([], { GREGOR_CONFIG: 'a.properties' }).file, 'a.properties');
  assert.equal(parseArguments(['--config', 'b.properties'], {}).file, 'b.properties');
});

test('bad arguments are usage errors naming the problem', () => {
  assert.throws(
    () => parseArguments(['--override', 'novalue'], {}),
    (e: unknown) => e instanceof UsageError && /NAME=VALUE/.test(e.message),
  );
  assert.throws(() => parseArguments(['--port', 'x'], {}), /port number/);
  assert.throws(() => parseArguments(['--port'], {}), /needs a value/);
  assert.throws(() => parseArguments(['--frobnicate'], {}), /unknown argument/);
  assert.throws(() => parseArguments(['a.properties', 'b.properties'], {}), /unknown argument/);
});
