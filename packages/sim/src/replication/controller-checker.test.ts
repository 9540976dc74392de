import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigResourceType, MetadataImage } from '@gregor/broker/internals/metadata/image';
import { imageToRecords } from '@gregor/broker/internals/metadata/image-records';
import type { MetadataRecord } from '@gregor/broker/internals/metadata/record-serde';
import type { Uuid } from '@gregor/protocol';
import { MetadataRecordType } from '@gregor/protocol';
import { ConfigRecord } from '@gregor/protocol/generated/metadata/config-record';
import { TopicRecord } from '@gregor/protocol/generated/metadata/topic-record';
import { ReplicationInvariant, ReplicationInvariantViolation } from './checker.js';
import { ControllerChecker, imageDigest } from './controller-checker.js';

function topic(name: string): MetadataRecord {
  const t = new TopicRecord();
  t.name = name;
  t.topicId = (name === 'a' ? 'AAAAAAAAAAAAAAAAAAAAAg' : 'AAAAAAAAAAAAAAAAAAAAAw') as Uuid;
  return { type: MetadataRecordType.TopicRecord, version: 0, message: t };
}

function config(topicName: string, value: string): MetadataRecord {
  const c = new ConfigRecord();
  c.resourceType = ConfigResourceType.TOPIC;
  c.resourceName = topicName;
  c.name = 'min.insync.replicas';
  c.value = value;
  return { type: MetadataRecordType.ConfigRecord, version: 0, message: c };
}

const violates = (fn: () => void, pattern: RegExp) =>
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof ReplicationInvariantViolation, String(e));
    assert.equal(e.invariant, ReplicationInvariant.CONTROLLERS_AGREE);
    assert.match(e.message, pattern);
    return true;
  });

describe('ControllerChecker (controllers-agree)', () => {
  it('accepts the same image at an offset from every controller, however it was built', () => {
    const checker = new ControllerChecker();
    const one = MetadataImage.empty().apply([topic('a')], 0);
    const two = one.apply([topic('b'), config('a', '2')], 2);
    checker.observe(3000, 1, one);
    checker.observe(3000, 1, two);
    checker.observe(3001, 1, one);
    checker.observe(3001, 1, two);
    // A restarted controller loading a snapshot of `two` (its records, in another order).
    const records = imageToRecords(two).reverse();
    checker.observe(3000, 2, MetadataImage.empty().apply(records, 2));
    assert.equal(imageDigest(MetadataImage.empty().apply(records, 2)), imageDigest(two));
    assert.equal(checker.checks, 5);
  });

  it('catches two controllers holding different images at one offset, naming the records', () => {
    const checker = new ControllerChecker();
    checker.observe(3000, 1, MetadataImage.empty().apply([topic('a'), config('a', '2')], 1));
    violates(
      () => checker.observe(3002, 3, MetadataImage.empty().apply([topic('a'), config('a', '1')], 1)),
      /controller 3002 \(incarnation 3\) holds a different image at metadata offset 1 than controller 3000 \(incarnation 1\).*"value":"1".*"value":"2"/,
    );
  });

  it('catches a controller whose applied offset goes back within an incarnation, not across a restart', () => {
    const checker = new ControllerChecker();
    const one = MetadataImage.empty().apply([topic('a')], 0);
    const two = one.apply([topic('b')], 4);
    checker.observe(3001, 1, one);
    checker.observe(3001, 1, two);
    violates(
      () => checker.observe(3001, 1, one),
      /controller 3001 \(incarnation 1\) went back from metadata offset 4 to 0/,
    );
    checker.forget(3001, 1);
    checker.observe(3001, 2, MetadataImage.empty());
    checker.observe(3001, 2, one);
  });
});
