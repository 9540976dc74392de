/**
 * The topic settings the produce path checks, resolved as Kafka does: the topic's
 * override, else the broker's value for that topic config, else Kafka's default.
 */
import type { Broker } from '../broker.js';

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
}

const KAFKA_DEFAULTS: Readonly<Record<string, string>> = {
  'max.message.bytes': '1048588',
  'message.timestamp.type': 'CreateTime',
  'message.timestamp.before.max.ms': String(Number.MAX_SAFE_INTEGER),
  'message.timestamp.after.max.ms': String(Number.MAX_SAFE_INTEGER),
  'cleanup.policy': 'delete',
  'compression.type': 'producer',
};

export function topicValue(broker: Broker, topic: string, name: string): string {
  return (
    broker.metadata.topicConfigs(topic).get(name) ??
    broker.settings.topicDefaults.get(name) ??
    KAFKA_DEFAULTS[name] ??
    ''
  );
}

function safeNumber(text: string): number {
  const n = Number(text);
  return Number.isFinite(n) ? Math.min(n, Number.MAX_SAFE_INTEGER) : Number.MAX_SAFE_INTEGER;
}

export function produceSettings(broker: Broker, topic: string): ProduceSettings {
  return {
    maxMessageBytes: safeNumber(topicValue(broker, topic, 'max.message.bytes')),
    logAppendTime: topicValue(broker, topic, 'message.timestamp.type') === 'LogAppendTime',
    timestampBeforeMaxMs: safeNumber(topicValue(broker, topic, 'message.timestamp.before.max.ms')),
    timestampAfterMaxMs: safeNumber(topicValue(broker, topic, 'message.timestamp.after.max.ms')),
    compacted: topicValue(broker, topic, 'cleanup.policy')
      .split(',')
      .map((s) => s.trim())
      .includes('compact'),
    compressionType: topicValue(broker, topic, 'compression.type'),
  };
}
