import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Uuid } from '@gregor/protocol';
import { MetadataRecordType, randomUuid } from '@gregor/protocol';
import { BrokerRegistrationChangeRecord } from '@gregor/protocol/generated/metadata/broker-registration-change-record';
import { ConfigRecord } from '@gregor/protocol/generated/metadata/config-record';
import { FeatureLevelRecord } from '@gregor/protocol/generated/metadata/feature-level-record';
import { PartitionChangeRecord } from '@gregor/protocol/generated/metadata/partition-change-record';
import { PartitionRecord } from '@gregor/protocol/generated/metadata/partition-record';
import { ProducerIdsRecord } from '@gregor/protocol/generated/metadata/producer-ids-record';
import {
  BrokerEndpoint,
  BrokerFeature,
  RegisterBrokerRecord,
} from '@gregor/protocol/generated/metadata/register-broker-record';
import { TopicRecord } from '@gregor/protocol/generated/metadata/topic-record';
import { UnfenceBrokerRecord } from '@gregor/protocol/generated/metadata/unfence-broker-record';
import { ConfigResourceType, MetadataImage } from './image.js';
import type { MetadataRecord } from './record-serde.js';
import { decodeSnapshot, encodeSnapshot } from './snapshot.js';

function broker(id: number, rack: string | null): MetadataRecord {
  const r = new RegisterBrokerRecord();
  r.brokerId = id;
  r.brokerEpoch = BigInt(id * 10);
  r.incarnationId = randomUuid();
  const e = new BrokerEndpoint();
  e.name = 'PLAINTEXT';
  e.host = `host-${id}`;
  e.port = 9000 + id;
  r.endPoints = [e];
  r.rack = rack;
  r.fenced = true;
  const f = new BrokerFeature();
  f.name = 'metadata.version';
  f.minSupportedVersion = 1;
  f.maxSupportedVersion = 21;
  r.features = [f];
  return { type: MetadataRecordType.RegisterBrokerRecord, version: 3, message: r };
}

function sampleImage(topics: number, partitions: number): MetadataImage {
  const records: MetadataRecord[] = [];
  const f = new FeatureLevelRecord();
  f.name = 'metadata.version';
  f.featureLevel = 21;
  records.push({ type: MetadataRecordType.FeatureLevelRecord, version: 0, message: f });
  for (let id = 1; id <= 3; id++) records.push(broker(id, id === 2 ? null : `rack-${id % 2}`));
  for (const id of [1, 3]) {
    const u = new UnfenceBrokerRecord();
    u.id = id;
    u.epoch = BigInt(id * 10);
    records.push({ type: MetadataRecordType.UnfenceBrokerRecord, version: 0, message: u });
  }
  const ids: Uuid[] = [];
  for (let t = 0; t < topics; t++) {
    const tr = new TopicRecord();
    tr.name = `topic-${t}`;
    tr.topicId = randomUuid();
    ids.push(tr.topicId);
    records.push({ type: MetadataRecordType.TopicRecord, version: 0, message: tr });
    for (let p = 0; p < partitions; p++) {
      const pr = new PartitionRecord();
      pr.topicId = tr.topicId;
      pr.partitionId = p;
      pr.replicas = [1 + (p % 3), 1 + ((p + 1) % 3), 1 + ((p + 2) % 3)];
      pr.isr = [...pr.replicas];
      pr.leader = pr.replicas[0] as number;
      pr.leaderEpoch = 0;
      pr.partitionEpoch = 0;
      records.push({ type: MetadataRecordType.PartitionRecord, version: 0, message: pr });
    }
    const c = new ConfigRecord();
    c.resourceType = ConfigResourceType.TOPIC;
    c.resourceName = tr.name;
    c.name = 'retention.ms';
    c.value = String(1000 * (t + 1));
    records.push({ type: MetadataRecordType.ConfigRecord, version: 0, message: c });
  }
  // A leader change and an ISR shrink, so epochs are not all zero.
  const change = new PartitionChangeRecord();
  change.topicId = ids[0] as Uuid;
  change.partitionId = 0;
  change.leader = 2;
  change.isr = [2, 3];
  change.addingReplicas = [4];
  change.removingReplicas = [1];
  change.leaderRecoveryState = 1;
  records.push({ type: MetadataRecordType.PartitionChangeRecord, version: 0, message: change });
  const shutdown = new BrokerRegistrationChangeRecord();
  shutdown.brokerId = 3;
  shutdown.brokerEpoch = 30n;
  shutdown.inControlledShutdown = 1;
  records.push({ type: MetadataRecordType.BrokerRegistrationChangeRecord, version: 0, message: shutdown });
  const b = new ConfigRecord();
  b.resourceType = ConfigResourceType.BROKER;
  b.resourceName = '';
  b.name = 'log.retention.ms';
  b.value = '5000';
  records.push({ type: MetadataRecordType.ConfigRecord, version: 0, message: b });
  const pid = new ProducerIdsRecord();
  pid.brokerId = 1;
  pid.brokerEpoch = 10n;
  pid.nextProducerId = 3000n;
  records.push({ type: MetadataRecordType.ProducerIdsRecord, version: 0, message: pid });
  return MetadataImage.empty().apply(records, records.length - 1);
}

describe('metadata snapshots', () => {
  test('a snapshot rebuilds an equal image, for every field of the image', () => {
    const image = sampleImage(5, 7);
    const loaded = MetadataImage.empty().apply(decodeSnapshot(encodeSnapshot(image, 1_700_000_000_000)), image.offset);
    assert.deepEqual(loaded, image);
    assert.equal(loaded.topicsByName.get('topic-0')?.partitions[0]?.leaderEpoch, 1);
    assert.equal(loaded.brokers.get(2)?.fenced, true);
    assert.equal(loaded.nextProducerId, 3000);
    assert.equal(loaded.brokers.get(3)?.inControlledShutdown, true);
    assert.deepEqual(loaded.topicsByName.get('topic-0')?.partitions[0]?.addingReplicas, [4]);
  });

  test('a large image spans several batches and still round-trips', () => {
    const image = sampleImage(40, 60);
    const data = encodeSnapshot(image, 1);
    const loaded = MetadataImage.empty().apply(decodeSnapshot(data), image.offset);
    assert.deepEqual(loaded, image);
  });

  test('the empty image round-trips', () => {
    const image = MetadataImage.empty();
    assert.deepEqual(decodeSnapshot(encodeSnapshot(image, 1)), []);
  });

  test('an incomplete or damaged snapshot is refused with a clear error', () => {
    const data = encodeSnapshot(sampleImage(2, 2), 1);
    assert.throws(() => decodeSnapshot(data.subarray(0, data.length - 1)), /metadata snapshot: truncated batch/);
    assert.throws(() => decodeSnapshot(data.subarray(0, 30)), /metadata snapshot: truncated batch/);
    assert.throws(() => decodeSnapshot(Buffer.alloc(0)), /no header or footer/);
    // Drop the footer batch: everything parses, but the snapshot is incomplete.
    let end = 0;
    let last = 0;
    while (end < data.length) {
      last = end;
      end += data.readInt32BE(end + 8) + 12;
    }
    assert.throws(() => decodeSnapshot(data.subarray(0, last)), /no header or footer/);
    // Drop the header: records before the header.
    const headerSize = data.readInt32BE(8) + 12;
    assert.throws(() => decodeSnapshot(data.subarray(headerSize)), /records before the header/);
    // One flipped bit inside a record of the second batch: its CRC no longer matches.
    const flipped = Buffer.from(data);
    const at = headerSize + 61 + 4;
    flipped[at] = (flipped[at] as number) ^ 0x10;
    assert.throws(() => decodeSnapshot(flipped), /batch at byte \d+ fails its CRC check/);
  });
});
