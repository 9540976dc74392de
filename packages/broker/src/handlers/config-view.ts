/**
 * The configuration the config APIs (CreateTopics, DescribeConfigs, AlterConfigs,
 * IncrementalAlterConfigs) describe and validate against: the broker's settings
 * (`settings.config`) with the dynamic broker settings stored in the metadata log
 * (ConfigRecords of resource type BROKER) layered on top, as Kafka does, and a
 * topic's effective settings from its overrides in the metadata image.
 */
import type { LogConfig } from '@gregor/storage';
import type { Broker } from '../broker.js';
import type { BrokerConfig, EffectiveTopicConfig } from '../config/index.js';
import { effectiveTopicConfig, toLogConfig } from '../config/index.js';
import type { MetadataImage } from '../metadata/image.js';

const cache = new WeakMap<Broker, { image: MetadataImage; config: BrokerConfig }>();

/** The broker's settings, with the dynamic broker settings of the current image. */
export function brokerConfigOf(broker: Broker): BrokerConfig {
  const image = broker.metadata;
  const cached = cache.get(broker);
  if (cached !== undefined && cached.image === image) return cached.config;
  let config = broker.settings.config;
  const perBroker = image.brokerConfigs(broker.nodeId);
  const clusterDefault = image.brokerConfigs('');
  if (perBroker.size > 0 || clusterDefault.size > 0) {
    try {
      config = config.withDynamicConfigs({
        broker: Object.fromEntries(perBroker),
        clusterDefault: Object.fromEntries(clusterDefault),
      });
    } catch (e) {
      broker.logger.warn({ err: e }, 'ignoring invalid dynamic broker configs in the metadata log');
    }
  }
  cache.set(broker, { image, config });
  return config;
}

/** A topic's effective settings from `overrides` (its stored ones by default). */
export function topicConfigOf(
  broker: Broker,
  topic: string,
  overrides: ReadonlyMap<string, string> = broker.metadata.topicConfigs(topic),
): EffectiveTopicConfig {
  return effectiveTopicConfig(Object.fromEntries(overrides), brokerConfigOf(broker));
}

/**
 * Applies a topic's settings to its open logs. `durable` stays as the broker set it:
 * it is a broker setting, not a topic's.
 */
export function reconfigureTopic(broker: Broker, topic: string): void {
  const { durable: _durable, ...logConfig } = toLogConfig(topicConfigOf(broker, topic), brokerConfigOf(broker));
  broker.replicaManager.reconfigure(topic, logConfig satisfies Partial<LogConfig>);
}
