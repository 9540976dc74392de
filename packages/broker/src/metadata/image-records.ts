/**
 * A metadata snapshot's content: the records that rebuild an image from nothing, as
 * Kafka's snapshot writer emits them (features first, then brokers, topics with their
 * partitions, configs, the producer id block). Applying them to the empty image gives
 * back an image equal to the one they were taken from; the snapshot test checks that
 * for every field, so a field added to the image without a record here fails it.
 */
import { MetadataRecordType } from '@gregor/protocol';
import { ConfigRecord } from '@gregor/protocol/generated/metadata/config-record';
import { FeatureLevelRecord } from '@gregor/protocol/generated/metadata/feature-level-record';
import { PartitionRecord } from '@gregor/protocol/generated/metadata/partition-record';
import { ProducerIdsRecord } from '@gregor/protocol/generated/metadata/producer-ids-record';
import {
  BrokerEndpoint,
  BrokerFeature,
  RegisterBrokerRecord,
} from '@gregor/protocol/generated/metadata/register-broker-record';
import { TopicRecord } from '@gregor/protocol/generated/metadata/topic-record';
import type { MetadataImage } from './image.js';
import type { MetadataRecord } from './record-serde.js';

export function imageToRecords(image: MetadataImage): MetadataRecord[] {
  const records: MetadataRecord[] = [];
  for (const [name, level] of image.features) {
    const f = new FeatureLevelRecord();
    f.name = name;
    f.featureLevel = level;
    records.push({ type: MetadataRecordType.FeatureLevelRecord, version: 0, message: f });
  }
  for (const b of image.brokers.values()) {
    const r = new RegisterBrokerRecord();
    r.brokerId = b.nodeId;
    r.brokerEpoch = BigInt(b.epoch);
    r.incarnationId = b.incarnationId;
    r.endPoints = b.endpoints.map((e) => {
      const ep = new BrokerEndpoint();
      ep.name = e.name;
      ep.host = e.host;
      ep.port = e.port;
      ep.securityProtocol = e.securityProtocol;
      return ep;
    });
    r.rack = b.rack;
    r.fenced = b.fenced;
    r.inControlledShutdown = b.inControlledShutdown;
    r.features = b.features.map((f) => {
      const feature = new BrokerFeature();
      feature.name = f.name;
      feature.minSupportedVersion = f.minSupportedVersion;
      feature.maxSupportedVersion = f.maxSupportedVersion;
      return feature;
    });
    records.push({ type: MetadataRecordType.RegisterBrokerRecord, version: 3, message: r });
  }
  for (const t of image.topicsByName.values()) {
    const tr = new TopicRecord();
    tr.name = t.name;
    tr.topicId = t.topicId;
    records.push({ type: MetadataRecordType.TopicRecord, version: 0, message: tr });
    for (const p of t.partitions) {
      const pr = new PartitionRecord();
      pr.partitionId = p.partitionId;
      pr.topicId = t.topicId;
      pr.replicas = [...p.replicas];
      pr.isr = [...p.isr];
      pr.leader = p.leader;
      pr.leaderEpoch = p.leaderEpoch;
      pr.partitionEpoch = p.partitionEpoch;
      pr.addingReplicas = [...p.addingReplicas];
      pr.removingReplicas = [...p.removingReplicas];
      pr.leaderRecoveryState = p.leaderRecoveryState;
      records.push({ type: MetadataRecordType.PartitionRecord, version: 0, message: pr });
    }
  }
  for (const [key, entries] of image.configs) {
    const colon = key.indexOf(':');
    const resourceType = Number(key.slice(0, colon));
    const resourceName = key.slice(colon + 1);
    for (const [name, value] of entries) {
      const c = new ConfigRecord();
      c.resourceType = resourceType;
      c.resourceName = resourceName;
      c.name = name;
      c.value = value;
      records.push({ type: MetadataRecordType.ConfigRecord, version: 0, message: c });
    }
  }
  if (image.nextProducerId > 0) {
    const r = new ProducerIdsRecord();
    r.brokerId = -1;
    r.brokerEpoch = -1n;
    r.nextProducerId = BigInt(image.nextProducerId);
    records.push({ type: MetadataRecordType.ProducerIdsRecord, version: 0, message: r });
  }
  return records;
}
