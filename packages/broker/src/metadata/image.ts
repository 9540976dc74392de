/**
 * The metadata image: what the cluster looks like after applying the metadata log up to
 * some offset. Immutable: applying records makes a new image sharing what did not
 * change, so a request handler keeps a consistent view for its whole run.
 */
import type { Uuid } from '@gregor/protocol';
import { MetadataRecordType } from '@gregor/protocol';
import type { BrokerRegistrationChangeRecord } from '@gregor/protocol/generated/metadata/broker-registration-change-record';
import type { ConfigRecord } from '@gregor/protocol/generated/metadata/config-record';
import type { FeatureLevelRecord } from '@gregor/protocol/generated/metadata/feature-level-record';
import type { PartitionChangeRecord } from '@gregor/protocol/generated/metadata/partition-change-record';
import type { PartitionRecord } from '@gregor/protocol/generated/metadata/partition-record';
import type { ProducerIdsRecord } from '@gregor/protocol/generated/metadata/producer-ids-record';
import type { RegisterBrokerRecord } from '@gregor/protocol/generated/metadata/register-broker-record';
import type { RemoveTopicRecord } from '@gregor/protocol/generated/metadata/remove-topic-record';
import type { TopicRecord } from '@gregor/protocol/generated/metadata/topic-record';
import type { UnregisterBrokerRecord } from '@gregor/protocol/generated/metadata/unregister-broker-record';
import type { MetadataRecord } from './record-serde.js';

/** ConfigRecord resource types, as Kafka's ConfigResource.Type. */
export const ConfigResourceType = { TOPIC: 2, BROKER: 4 } as const;

export interface BrokerEndpoint {
  name: string;
  host: string;
  port: number;
  securityProtocol: number;
}

export interface BrokerRegistration {
  nodeId: number;
  epoch: number;
  incarnationId: Uuid;
  endpoints: readonly BrokerEndpoint[];
  rack: string | null;
  fenced: boolean;
  /** Set by a BrokerHeartbeat with wantShutDown while it still leads partitions. */
  inControlledShutdown: boolean;
  /** Supported feature ranges the broker registered with. */
  features: readonly BrokerFeatureRange[];
}

export interface BrokerFeatureRange {
  name: string;
  minSupportedVersion: number;
  maxSupportedVersion: number;
}

export interface PartitionImage {
  partitionId: number;
  replicas: readonly number[];
  isr: readonly number[];
  leader: number;
  leaderEpoch: number;
  partitionEpoch: number;
  /** During a reassignment (KIP-455): replicas being added (not yet in the ISR) and being removed. */
  addingReplicas: readonly number[];
  removingReplicas: readonly number[];
  /** 1 while a leader elected uncleanly is recovering (KIP-704), else 0. */
  leaderRecoveryState: number;
}

export interface TopicImage {
  name: string;
  topicId: Uuid;
  /** Indexed by partition id. */
  partitions: readonly PartitionImage[];
}

export class MetadataImage {
  constructor(
    /** Offset of the last record applied; -1 for the empty image. */
    readonly offset: number,
    readonly brokers: ReadonlyMap<number, BrokerRegistration>,
    readonly topicsByName: ReadonlyMap<string, TopicImage>,
    readonly topicsById: ReadonlyMap<Uuid, TopicImage>,
    /** Dynamic configs by resource: `${type}:${name}` → name → value. */
    readonly configs: ReadonlyMap<string, ReadonlyMap<string, string>>,
    readonly features: ReadonlyMap<string, number>,
    /** The next producer id block starts here. */
    readonly nextProducerId: number,
  ) {}

  static empty(): MetadataImage {
    return new MetadataImage(-1, new Map(), new Map(), new Map(), new Map(), new Map(), 0);
  }

  topicConfigs(name: string): ReadonlyMap<string, string> {
    return this.configs.get(`${ConfigResourceType.TOPIC}:${name}`) ?? new Map();
  }

  brokerConfigs(nodeId: number | ''): ReadonlyMap<string, string> {
    return this.configs.get(`${ConfigResourceType.BROKER}:${nodeId}`) ?? new Map();
  }

  /** Applies the records of one batch (read at `offset` for the last one). */
  apply(records: readonly MetadataRecord[], lastOffset: number): MetadataImage {
    let brokers: Map<number, BrokerRegistration> | null = null;
    let byName: Map<string, TopicImage> | null = null;
    let byId: Map<Uuid, TopicImage> | null = null;
    let configs: Map<string, ReadonlyMap<string, string>> | null = null;
    let features: Map<string, number> | null = null;
    let nextProducerId = this.nextProducerId;
    const topics = () => {
      byName ??= new Map(this.topicsByName);
      byId ??= new Map(this.topicsById);
      return { byName, byId };
    };
    const replaceTopic = (t: TopicImage) => {
      const m = topics();
      m.byName.set(t.name, t);
      m.byId.set(t.topicId, t);
    };
    for (const record of records) {
      switch (record.type) {
        case MetadataRecordType.RegisterBrokerRecord: {
          const r = record.message as RegisterBrokerRecord;
          brokers ??= new Map(this.brokers);
          brokers.set(r.brokerId, {
            nodeId: r.brokerId,
            epoch: Number(r.brokerEpoch),
            incarnationId: r.incarnationId,
            endpoints: r.endPoints.map((e) => ({
              name: e.name,
              host: e.host,
              port: e.port,
              securityProtocol: e.securityProtocol,
            })),
            rack: r.rack,
            fenced: r.fenced,
            inControlledShutdown: r.inControlledShutdown,
            features: r.features.map((f) => ({
              name: f.name,
              minSupportedVersion: f.minSupportedVersion,
              maxSupportedVersion: f.maxSupportedVersion,
            })),
          });
          break;
        }
        case MetadataRecordType.UnfenceBrokerRecord:
        case MetadataRecordType.FenceBrokerRecord: {
          const r = record.message as { id: number };
          brokers ??= new Map(this.brokers);
          const b = brokers.get(r.id);
          if (b !== undefined)
            brokers.set(r.id, { ...b, fenced: record.type === MetadataRecordType.FenceBrokerRecord });
          break;
        }
        case MetadataRecordType.BrokerRegistrationChangeRecord: {
          // fenced: -1 unfenced, 0 no change, 1 fenced; inControlledShutdown: 1 entered.
          const r = record.message as BrokerRegistrationChangeRecord;
          brokers ??= new Map(this.brokers);
          const b = brokers.get(r.brokerId);
          if (b !== undefined) {
            brokers.set(r.brokerId, {
              ...b,
              fenced: r.fenced === 1 ? true : r.fenced === -1 ? false : b.fenced,
              inControlledShutdown: r.inControlledShutdown === 1 ? true : b.inControlledShutdown,
            });
          }
          break;
        }
        case MetadataRecordType.UnregisterBrokerRecord: {
          const r = record.message as UnregisterBrokerRecord;
          brokers ??= new Map(this.brokers);
          brokers.delete(r.brokerId);
          break;
        }
        case MetadataRecordType.TopicRecord: {
          const r = record.message as TopicRecord;
          replaceTopic({ name: r.name, topicId: r.topicId, partitions: [] });
          break;
        }
        case MetadataRecordType.PartitionRecord: {
          const r = record.message as PartitionRecord;
          const m = topics();
          const t = m.byId.get(r.topicId);
          if (t === undefined) throw new Error(`PartitionRecord for unknown topic id ${r.topicId}`);
          const partitions = [...t.partitions];
          partitions[r.partitionId] = {
            partitionId: r.partitionId,
            replicas: r.replicas,
            isr: r.isr,
            leader: r.leader,
            leaderEpoch: r.leaderEpoch,
            partitionEpoch: r.partitionEpoch,
            addingReplicas: r.addingReplicas,
            removingReplicas: r.removingReplicas,
            leaderRecoveryState: r.leaderRecoveryState,
          };
          replaceTopic({ ...t, partitions });
          break;
        }
        case MetadataRecordType.PartitionChangeRecord: {
          const r = record.message as PartitionChangeRecord;
          const m = topics();
          const t = m.byId.get(r.topicId);
          const p = t?.partitions[r.partitionId];
          if (t === undefined || p === undefined)
            throw new Error(`PartitionChangeRecord for unknown partition ${r.topicId}:${r.partitionId}`);
          const partitions = [...t.partitions];
          // Kafka: leader -2 = no change, -1 = no leader; null lists = no change.
          const leaderChanged = r.leader !== -2;
          partitions[r.partitionId] = {
            partitionId: p.partitionId,
            replicas: r.replicas ?? p.replicas,
            isr: r.isr ?? p.isr,
            leader: leaderChanged ? r.leader : p.leader,
            leaderEpoch: leaderChanged ? p.leaderEpoch + 1 : p.leaderEpoch,
            partitionEpoch: p.partitionEpoch + 1,
            addingReplicas: r.addingReplicas ?? p.addingReplicas,
            removingReplicas: r.removingReplicas ?? p.removingReplicas,
            leaderRecoveryState: r.leaderRecoveryState === -1 ? p.leaderRecoveryState : r.leaderRecoveryState,
          };
          replaceTopic({ ...t, partitions });
          break;
        }
        case MetadataRecordType.RemoveTopicRecord: {
          const r = record.message as RemoveTopicRecord;
          const m = topics();
          const t = m.byId.get(r.topicId);
          if (t !== undefined) {
            m.byId.delete(t.topicId);
            m.byName.delete(t.name);
            configs ??= new Map(this.configs);
            configs.delete(`${ConfigResourceType.TOPIC}:${t.name}`);
          }
          break;
        }
        case MetadataRecordType.ConfigRecord: {
          const r = record.message as ConfigRecord;
          configs ??= new Map(this.configs);
          const key = `${r.resourceType}:${r.resourceName}`;
          const entries = new Map(configs.get(key) ?? []);
          if (r.value === null) entries.delete(r.name);
          else entries.set(r.name, r.value);
          if (entries.size === 0) configs.delete(key);
          else configs.set(key, entries);
          break;
        }
        case MetadataRecordType.FeatureLevelRecord: {
          const r = record.message as FeatureLevelRecord;
          features ??= new Map(this.features);
          features.set(r.name, r.featureLevel);
          break;
        }
        case MetadataRecordType.ProducerIdsRecord: {
          const r = record.message as ProducerIdsRecord;
          nextProducerId = Number(r.nextProducerId);
          break;
        }
        default:
          // Records Gregor does not act on yet (ACLs, quotas, ...) leave the image as is.
          break;
      }
    }
    return new MetadataImage(
      lastOffset,
      brokers ?? this.brokers,
      byName ?? this.topicsByName,
      byId ?? this.topicsById,
      configs ?? this.configs,
      features ?? this.features,
      nextProducerId,
    );
  }
}
