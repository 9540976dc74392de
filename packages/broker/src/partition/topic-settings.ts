/**
 * The topic settings the produce path checks, resolved as Kafka does: the topic's
 * override, else the broker's value for that topic config (its synonym), else Kafka's
 * default (config/topic-config.ts).
 */
import type { Broker } from '../broker.js';
import { topicConfigOf } from '../handlers/config-view.js';
import type { MetadataImage } from '../metadata/image.js';

export interface ProduceSettings {
  /** max.message.bytes */
  maxMessageBytes: number;
  /** message.timestamp.type: LogAppendTime rewrites batch timestamps. */
  logAppendTime: boolean;
  /** message.timestamp.before.max.ms / after.max.ms (record timestamp bounds for CreateTime). */
  timestampBeforeMaxMs: number;
  timestampAfterMaxMs: number;
  /** cleanup.policy includes compact: records need keys. */
  compacted: boolean;
  /** compression.type: 'producer' keeps the producer's codec. */
  compressionType: string;
  /** min.insync.replicas: acks=-1 needs at least this many in-sync replicas. */
  minInsyncReplicas: number;
}

/** Resolved once per metadata image and topic: a produce request reads them per partition. */
const resolved = new WeakMap<MetadataImage, Map<string, ProduceSettings>>();

export function produceSettings(broker: Broker, topic: string): ProduceSettings {
  const image = broker.metadata;
  let byTopic = resolved.get(image);
  if (byTopic === undefined) {
    byTopic = new Map();
    resolved.set(image, byTopic);
  }
  const cached = byTopic.get(topic);
  if (cached !== undefined) return cached;
  const effective = topicConfigOf(broker, topic);
  const settings: ProduceSettings = {
    maxMessageBytes: effective.int('max.message.bytes'),
    logAppendTime: effective.string('message.timestamp.type') === 'LogAppendTime',
    timestampBeforeMaxMs: effective.long('message.timestamp.before.max.ms'),
    timestampAfterMaxMs: effective.long('message.timestamp.after.max.ms'),
    compacted: effective.list('cleanup.policy').includes('compact'),
    compressionType: effective.string('compression.type'),
    minInsyncReplicas: effective.int('min.insync.replicas'),
  };
  byTopic.set(topic, settings);
  return settings;
}

/** One topic setting as text: the topic's override, else the broker's value, else the default. */
export function topicValue(broker: Broker, topic: string, name: string): string {
  const effective = topicConfigOf(broker, topic);
  return effective.text(name as Parameters<typeof effective.text>[0]) ?? '';
}
