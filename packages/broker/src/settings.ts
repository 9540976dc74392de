/**
 * From a loaded broker configuration to what the broker runs with.
 */
import type { LogConfig } from '@gregor/storage';
import type { BrokerSettings } from './broker.js';
import type { BrokerConfig } from './config/index.js';
import { ConfigError, effectiveTopicConfig, toLogConfig } from './config/index.js';

/** -1 (Kafka's "unbounded") for queued.max.request.bytes. */
function budget(bytes: number): number {
  return bytes < 0 ? Number.MAX_SAFE_INTEGER : bytes;
}

export function settingsFromConfig(config: BrokerConfig): BrokerSettings {
  const logDirs = config.logDirs();
  if (logDirs.length !== 1) {
    throw new ConfigError([
      {
        name: 'log.dirs',
        value: logDirs.join(','),
        origin: 'config',
        reason: 'Gregor stores all partitions in one log directory for now; give exactly one',
      },
    ]);
  }
  const logDir = logDirs[0] as string;
  return {
    config,
    nodeId: config.nodeId(),
    listeners: config.brokerListeners().map((l) => ({ name: l.name, host: l.host, port: l.port })),
    advertisedListeners: config.isSet('advertised.listeners')
      ? config.advertisedListeners().map((l) => ({ name: l.name, host: l.host, port: l.port }))
      : [],
    logDir,
    metadataLogDir: config.metadataLogDir(),
    rack: config.string('broker.rack'),
    numPartitions: config.int('num.partitions'),
    defaultReplicationFactor: config.int('default.replication.factor'),
    autoCreateTopicsEnable: config.bool('auto.create.topics.enable'),
    deleteTopicEnable: config.bool('delete.topic.enable'),
    maxRequestBytes: config.int('socket.request.max.bytes'),
    requestMemoryBytes: budget(config.long('queued.max.request.bytes')),
    maxInFlightPerConnection: config.int('queued.max.requests'),
    connectionsMaxIdleMs: config.long('connections.max.idle.ms'),
    maxConnections: config.int('max.connections'),
    fetchMaxBytes: config.int('fetch.max.bytes'),
    durable: config.bool('gregor.log.durable'),
    logConfigFor: (overrides: ReadonlyMap<string, string>): Partial<LogConfig> =>
      toLogConfig(effectiveTopicConfig(Object.fromEntries(overrides), config), config),
    cleaner: { enabled: config.bool('log.cleaner.enable'), backoffMs: config.long('log.cleaner.backoff.ms') },
    housekeeping: {
      retentionCheckMs: config.long('log.retention.check.interval.ms'),
      flushCheckMs: config.long('log.flush.scheduler.interval.ms'),
      checkpointMs: config.int('log.flush.offset.checkpoint.interval.ms'),
    },
  };
}
