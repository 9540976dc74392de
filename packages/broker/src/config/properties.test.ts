import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { PropertiesSyntaxError, parseProperties, parsePropertyEntries } from './properties.js';

function props(text: string): Record<string, string> {
  return Object.fromEntries(parseProperties(text));
}

describe('parseProperties', () => {
  test('the three separators, with and without blanks', () => {
    assert.deepEqual(props('a=1\nb: 2\nc 3\nd = 4\ne:5\nf\t\t6\ng   =   7'), {
      a: '1',
      b: '2',
      c: '3',
      d: '4',
      e: '5',
      f: '6',
      g: '7',
    });
  });

  test('only the first separator separates; a second belongs to the value', () => {
    assert.deepEqual(props('a==b\nc = = d\ne: :f\ng h=i'), { a: '=b', c: '= d', e: ':f', g: 'h=i' });
  });

  test('comments and blank lines', () => {
    const text = '# a comment\n! another\n   # indented comment\n\n   \t\nkey=value # not a comment\n';
    assert.deepEqual(props(text), { key: 'value # not a comment' });
  });

  test('a key alone has an empty value; an empty key is kept', () => {
    assert.deepEqual(props('flag\nother   \n=v'), { flag: '', other: '', '': 'v' });
  });

  test('leading blanks are trimmed, trailing ones kept in the value', () => {
    assert.deepEqual(props('   \f key = value  \t'), { key: 'value  \t' });
  });

  test('line continuations join lines and drop the leading blanks of the next', () => {
    assert.deepEqual(props('listeners=PLAINTEXT://:9092,\\\n     CONTROLLER://:9093\nnext=1'), {
      listeners: 'PLAINTEXT://:9092,CONTROLLER://:9093',
      next: '1',
    });
    // A continuation line starting with # is value, not a comment.
    assert.deepEqual(props('a=x\\\n  #y'), { a: 'x#y' });
    // Several continuations, a continued key.
    assert.deepEqual(props('lo\\\n  ng=1\\\n 2\\\n 3'), { long: '123' });
  });

  test('an even number of trailing backslashes does not continue', () => {
    assert.deepEqual(props('a=x\\\\\nb=y'), { a: 'x\\', b: 'y' });
    assert.deepEqual(props('a=x\\\\\\\nmore'), { a: 'x\\more' });
  });

  test('a comment ending in a backslash does not continue', () => {
    assert.deepEqual(props('# comment \\\nkey=value'), { key: 'value' });
  });

  test('a continuation at the end of the text ends the value', () => {
    assert.deepEqual(props('a=x\\'), { a: 'x' });
  });

  test('escapes in values', () => {
    assert.deepEqual(props('a=tab\\there\nb=line\\nbreak\nc=\\u0041\\u00e9\\u20AC\nd=\\r\\f\ne=\\q\\\\'), {
      a: 'tab\there',
      b: 'line\nbreak',
      c: 'Aé€',
      d: '\r\f',
      e: 'q\\',
    });
  });

  test('escaped separators and blanks in keys', () => {
    assert.deepEqual(props('a\\=b=c\nd\\:e:f\ng\\ h i\n\\#not-comment=1'), {
      'a=b': 'c',
      'd:e': 'f',
      'g h': 'i',
      '#not-comment': '1',
    });
  });

  test('an escaped blank at the start of a value keeps it', () => {
    assert.deepEqual(props('a = \\  x'), { a: '  x' });
  });

  test('duplicate keys: the last wins', () => {
    assert.deepEqual(props('num.partitions=1\nnum.partitions=3\nnum.partitions=2'), { 'num.partitions': '2' });
  });

  test('CRLF, CR and LF line ends', () => {
    assert.deepEqual(props('a=1\r\nb=2\rc=3\nd=4\\\r\n  5'), { a: '1', b: '2', c: '3', d: '45' });
  });

  test('a byte-order mark is ignored', () => {
    assert.deepEqual(props('\ufeffnode.id=1'), { 'node.id': '1' });
  });

  test('entries keep every assignment with its starting line', () => {
    const entries = parsePropertyEntries('# c\na=1\n\nb=2\\\n  3\na=4\n');
    assert.deepEqual(entries, [
      { key: 'a', value: '1', line: 2 },
      { key: 'b', value: '23', line: 4 },
      { key: 'a', value: '4', line: 6 },
    ]);
  });

  test('a malformed \\u escape is an error naming the line', () => {
    for (const bad of ['x=1\ny=\\u12', 'x=1\ny=\\uZZZZ', 'x=1\n\\u00g1=2']) {
      assert.throws(
        () => parseProperties(bad),
        (e: unknown) =>
          e instanceof PropertiesSyntaxError && e.line === 2 && /line 2: malformed \\uXXXX/.test(e.message),
      );
    }
  });

  test('the empty text has no properties', () => {
    assert.equal(parseProperties('').size, 0);
    assert.equal(parseProperties('\n\n# only comments\n').size, 0);
  });
});
