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
  const roles = config.list('process.roles');
  const controllerListenerNames = config.controllerListenerNames();
  const brokerListeners = config.brokerListeners();
  const interBroker =
    config.string('inter.broker.listener.name')?.toUpperCase() ??
    brokerListeners.find((l) => l.name === config.string('security.inter.broker.protocol'))?.name ??
    brokerListeners[0]?.name ??
    null;
  return {
    config,
    nodeId: config.nodeId(),
    ...(config.string('cluster.id') === null ? {} : { clusterId: config.string('cluster.id') as string }),
    roles: { broker: roles.includes('broker'), controller: roles.includes('controller') },
    voters: config.quorumVoters().map((v) => ({ id: v.id, host: v.host, port: v.port })),
    controllerListenerNames,
    interBrokerListenerName: interBroker,
    // A controller serves its controller listeners too; a broker-only node does not bind them.
    listeners: (roles.includes('controller') ? config.listeners() : brokerListeners).map((l) => ({
      name: l.name,
      host: l.host,
      port: l.port,
    })),
    quorum: {
      electionTimeoutMs: config.int('controller.quorum.election.timeout.ms'),
      fetchTimeoutMs: config.int('controller.quorum.fetch.timeout.ms'),
      electionBackoffMaxMs: config.int('controller.quorum.election.backoff.max.ms'),
      requestTimeoutMs: config.int('controller.quorum.request.timeout.ms'),
      retryBackoffMs: config.int('controller.quorum.retry.backoff.ms'),
      appendLingerMs: config.int('controller.quorum.append.linger.ms'),
    },
    metadataLog: {
      segmentBytes: config.int('metadata.log.segment.bytes'),
      snapshotMaxBytes: config.long('metadata.log.max.record.bytes.between.snapshots'),
      snapshotIntervalMs: config.long('metadata.log.max.snapshot.interval.ms'),
    },
    brokerHeartbeatIntervalMs: config.int('broker.heartbeat.interval.ms'),
    brokerSessionTimeoutMs: config.int('broker.session.timeout.ms'),
    replication: {
      replicaLagTimeMaxMs: config.long('replica.lag.time.max.ms'),
      replicaFetchMaxBytes: config.int('replica.fetch.max.bytes'),
      replicaFetchResponseMaxBytes: config.int('replica.fetch.response.max.bytes'),
      replicaFetchWaitMaxMs: config.int('replica.fetch.wait.max.ms'),
      replicaFetchMinBytes: config.int('replica.fetch.min.bytes'),
      replicaFetchBackoffMs: config.int('replica.fetch.backoff.ms'),
      replicaSocketTimeoutMs: config.int('replica.socket.timeout.ms'),
    },
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
