import assert from 'node:assert/strict';
import { test } from 'node:test';
import { kebabCase } from './main.js';
import { buildModel } from './model.js';
import type { MessageSpec } from './schema.js';
import { covers, intersect, isEmpty, parseVersions, stripComments } from './schema.js';

test('comments are stripped outside strings only', () => {
  const text = '// header\n{ "a": "x // not a comment", /* block\n */ "b": "/* kept */" } // tail';
  assert.deepEqual(JSON.parse(stripComments(text)), { a: 'x // not a comment', b: '/* kept */' });
  assert.throws(() => stripComments('{ /* open'), /unterminated/);
});

test('version ranges', () => {
  assert.deepEqual(parseVersions('3+'), { lo: 3, hi: 0x7fff });
  assert.deepEqual(parseVersions('2-7'), { lo: 2, hi: 7 });
  assert.deepEqual(parseVersions('4'), { lo: 4, hi: 4 });
  assert.ok(isEmpty(parseVersions('none')));
  assert.throws(() => parseVersions('1..3'), /bad version range/);
  assert.deepEqual(intersect(parseVersions('3+'), parseVersions('0-5')), { lo: 3, hi: 5 });
  assert.ok(covers(parseVersions('0+'), parseVersions('2-4')));
  assert.ok(!covers(parseVersions('3+'), parseVersions('2-4')));
});

test('file names', () => {
  assert.equal(kebabCase('DescribeLogDirsRequest'), 'describe-log-dirs-request');
  assert.equal(kebabCase('KRaftVersionRecord'), 'k-raft-version-record');
});

test('the model rejects definitions it cannot generate correctly', () => {
  const base = (fields: MessageSpec['fields']): MessageSpec => ({
    name: 'X',
    type: 'data',
    validVersions: '0-1',
    flexibleVersions: '1+',
    fields,
  });
  assert.throws(() => buildModel(base([{ name: 'A', type: 'strange', versions: '0+' }])), /unknown type/);
  assert.throws(
    () => buildModel(base([{ name: 'A', type: 'int32', versions: '0+', default: 'null' }])),
    /null default/,
  );
  assert.throws(
    () =>
      buildModel(
        base([
          { name: 'A', type: 'int32', versions: '1+', taggedVersions: '1+', tag: 0 },
          { name: 'B', type: 'int32', versions: '1+', taggedVersions: '1+', tag: 0 },
        ]),
      ),
    /uses tag 0 twice/,
  );
  assert.throws(
    () => buildModel(base([{ name: 'A', type: 'int32', versions: '1+', taggedVersions: '1+' }])),
    /without tag/,
  );
  const m = buildModel(base([{ name: 'A', type: 'int64', versions: '0+', default: '-1' }]));
  assert.equal(m.top.fields[0]?.defaultExpr, '-1n');
});
