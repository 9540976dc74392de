/**
 * `__consumer_offsets` records in Kafka's byte layout, the group → partition rule, and
 * ConsumerProtocol subscriptions. Expected partitions are ones real Kafka brokers
 * logged for these group ids with 50 partitions.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Writer } from '@gregor/protocol';
import { OffsetCommitValue } from '@gregor/protocol/generated/internal/offset-commit-value';
import { javaStringHashCode, partitionForGroup, subscriptionTopics } from './coordinator-key.js';
import {
  GroupMetadataValue,
  groupMetadataRecord,
  MemberMetadata,
  OffsetsRecordError,
  offsetCommitRecord,
  parseRecord,
} from './records.js';
import { subscription } from './testing-support.js';

describe('group → partition', () => {
  test("Java's String.hashCode over UTF-16 code units, with int32 overflow", () => {
    assert.equal(javaStringHashCode(''), 0);
    assert.equal(javaStringHashCode('hello'), 99162322);
    assert.equal(javaStringHashCode('é'), 233);
    assert.equal(javaStringHashCode('😀'), 0xd83d * 31 + 0xde00, 'a surrogate pair is two code units');
    assert.equal(javaStringHashCode('polygenelubricants'), -2147483648);
  });

  test("Kafka's partitionFor: abs(hashCode) % partitions, abs(MIN_VALUE) = 0", () => {
    assert.equal(partitionForGroup('console-consumer-21343', 50), 34);
    assert.equal(partitionForGroup('group-02', 50), 46);
    assert.equal(partitionForGroup('group-01', 50), 45);
    assert.equal(partitionForGroup('polygenelubricants', 50), 0);
    assert.equal(partitionForGroup('', 7), 0);
    for (const g of ['a', 'b', 'négatif', 'x'.repeat(300)]) {
      const p = partitionForGroup(g, 13);
      assert.ok(p >= 0 && p < 13);
    }
  });

  test('subscription topics from any ConsumerProtocol version; garbage is null', () => {
    assert.deepEqual(subscriptionTopics(subscription(['a', 'b'])), ['a', 'b']);
    assert.deepEqual(subscriptionTopics(subscription(['a'], 3)), ['a']);
    assert.equal(subscriptionTopics(Buffer.from([0])), null);
    assert.equal(subscriptionTopics(Buffer.from([0, 0, 0, 0, 0, 9])), null);
    assert.equal(subscriptionTopics(Buffer.alloc(0)), null);
  });
});

describe('__consumer_offsets records', () => {
  test("an offset commit: key v1, value v3 (v1 with an expire timestamp), in Kafka's layout", () => {
    const rec = offsetCommitRecord('g', 't', 7, {
      offset: 42n,
      leaderEpoch: 5,
      metadata: 'md',
      commitTimestampMs: 1000,
      expireTimestampMs: null,
    });
    assert.deepEqual(
      rec.key,
      Buffer.concat([
        Buffer.from([0, 1]),
        Buffer.from([0, 1]),
        Buffer.from('g'),
        Buffer.from([0, 1]),
        Buffer.from('t'),
        Buffer.from([0, 0, 0, 7]),
      ]),
    );
    const value = rec.value as Buffer;
    assert.equal(value.readInt16BE(0), 3);
    assert.equal(value.readBigInt64BE(2), 42n);
    assert.equal(value.readInt32BE(10), 5);
    assert.equal(value.readInt16BE(14), 2);
    assert.equal(value.subarray(16, 18).toString(), 'md');
    assert.equal(value.readBigInt64BE(18), 1000n);
    assert.equal(value.length, 26);
    const parsed = parseRecord(rec.key, rec.value);
    assert.deepEqual(parsed, {
      type: 'offset',
      group: 'g',
      topic: 't',
      partition: 7,
      value: { offset: 42n, leaderEpoch: 5, metadata: 'md', commitTimestampMs: 1000, expireTimestampMs: null },
    });
    const expiring = offsetCommitRecord('g', 't', 7, {
      offset: 1n,
      leaderEpoch: 5,
      metadata: '',
      commitTimestampMs: 1000,
      expireTimestampMs: 2000,
    });
    assert.equal(expiring.value?.readInt16BE(0), 1);
    const p = parseRecord(expiring.key, expiring.value);
    assert.ok(p.type === 'offset');
    assert.equal(p.value?.expireTimestampMs, 2000);
    assert.equal(p.value?.leaderEpoch, -1, 'v1 has no leader epoch');
    const tombstone = offsetCommitRecord('g', 't', 7, null);
    assert.equal(tombstone.value, null);
    assert.deepEqual(parseRecord(tombstone.key, null), {
      type: 'offset',
      group: 'g',
      topic: 't',
      partition: 7,
      value: null,
    });
  });

  test('older and newer value versions read (v0 key, flexible v4 value)', () => {
    const key = Buffer.concat([
      Buffer.from([0, 0, 0, 1]),
      Buffer.from('g'),
      Buffer.from([0, 1]),
      Buffer.from('t'),
      Buffer.from([0, 0, 0, 0]),
    ]);
    const v = new OffsetCommitValue();
    v.offset = 9n;
    v.leaderEpoch = 2;
    v.metadata = 'flex';
    v.commitTimestamp = 5n;
    const w = Writer.alloc(2 + OffsetCommitValue.size(4, v));
    w.int16(4);
    OffsetCommitValue.write(w, 4, v);
    const p = parseRecord(key, w.finish());
    assert.ok(p.type === 'offset');
    assert.equal(p.value?.offset, 9n);
    assert.equal(p.value?.metadata, 'flex');
  });

  test('group metadata: key v2, value v3 with members; unknown key versions are skipped; bad bytes throw', () => {
    const v = new GroupMetadataValue();
    v.protocolType = 'consumer';
    v.generation = 4;
    v.protocol = 'range';
    v.leader = 'm1';
    v.currentStateTimestamp = 123n;
    const m = new MemberMetadata();
    m.memberId = 'm1';
    m.groupInstanceId = 'i1';
    m.clientId = 'c';
    m.clientHost = '/127.0.0.1';
    m.rebalanceTimeout = 300;
    m.sessionTimeout = 100;
    m.subscription = Buffer.from('sub');
    m.assignment = Buffer.from('asg');
    v.members.push(m);
    const rec = groupMetadataRecord('grp', v);
    assert.deepEqual(rec.key, Buffer.concat([Buffer.from([0, 2, 0, 3]), Buffer.from('grp')]));
    assert.equal(rec.value?.readInt16BE(0), 3);
    const p = parseRecord(rec.key, rec.value);
    assert.ok(p.type === 'group' && p.value !== null);
    assert.equal(p.value.generation, 4);
    assert.equal(p.value.members[0]?.groupInstanceId, 'i1');
    assert.equal(p.value.members[0]?.assignment.toString(), 'asg');
    assert.deepEqual(parseRecord(rec.key, null), { type: 'group', group: 'grp', value: null });
    assert.deepEqual(parseRecord(Buffer.from([0, 3, 0, 0]), Buffer.from([0, 0])), { type: 'other', keyVersion: 3 });
    assert.throws(() => parseRecord(null, null), OffsetsRecordError);
    assert.throws(() => parseRecord(Buffer.from([0, 1, 0, 9]), null), OffsetsRecordError);
    assert.throws(() => parseRecord(rec.key, Buffer.from([0, 3, 0])), OffsetsRecordError);
  });
});
