/**
 * A broker: the metadata log and controller, the partitions it leads, and the listeners.
 *
 * Start order: open the metadata log (replay), register this broker through the
 * controller (new broker epoch, unfenced), open the partitions the image gives it,
 * start the group coordinator (it loads `__consumer_offsets` in the background), then
 * listen. Stop order is the reverse, ending with every log closed cleanly (flush,
 * index files, clean-shutdown markers).
 */
import { randomUuid } from '@gregor/protocol';
import type { Disk, LogConfig } from '@gregor/storage';
import { joinPath, NodeDisk } from '@gregor/storage';
import type { Logger } from 'pino';
import type { BrokerConfig } from './config/index.js';
import { CoordinatorRuntime } from './group/coordinator-runtime.js';
import { createDispatcher } from './handlers/dispatch.js';
import { Controller } from './metadata/controller.js';
import type { MetadataImage } from './metadata/image.js';
import { MetadataLog } from './metadata/metadata-log.js';
import { FetchSessionCache } from './partition/fetch-session.js';
import { ReplicaManager } from './partition/replica-manager.js';
import { MemoryPool } from './server/memory-pool.js';
import type { BoundListener, ListenerSpec } from './server/socket-server.js';
import { SocketServer } from './server/socket-server.js';
import { TxnRuntime } from './txn/txn-runtime.js';

/** What the broker needs to know, resolved from its configuration (settings.ts). */
export interface BrokerSettings {
  /** The full configuration (for topic config resolution and DescribeConfigs). */
  config: BrokerConfig;
  nodeId: number;
  clusterId?: string;
  listeners: readonly ListenerSpec[];
  /** Host and port clients are told to use, per listener name; default: the bound address. */
  advertisedListeners: readonly ListenerSpec[];
  logDir: string;
  /** metadata.log.dir (default: the log directory). */
  metadataLogDir: string;
  rack: string | null;
  numPartitions: number;
  defaultReplicationFactor: number;
  autoCreateTopicsEnable: boolean;
  deleteTopicEnable: boolean;
  /** socket.request.max.bytes */
  maxRequestBytes: number;
  /** queued.max.request.bytes */
  requestMemoryBytes: number;
  /** queued.max.requests (per connection) */
  maxInFlightPerConnection: number;
  /** connections.max.idle.ms */
  connectionsMaxIdleMs: number;
  /** max.connections */
  maxConnections: number;
  /** fetch.max.bytes */
  fetchMaxBytes: number;
  /** gregor.log.durable: acks=-1 waits for fsync. */
  durable: boolean;
  logConfigFor(topicConfigs: ReadonlyMap<string, string>): Partial<LogConfig>;
  housekeeping: { retentionCheckMs: number; flushCheckMs: number; checkpointMs: number };
  /** log.cleaner.enable, log.cleaner.backoff.ms */
  cleaner: { enabled: boolean; backoffMs: number };
}

export class Broker {
  readonly limits: { maxRequestBytes: number };
  readonly fetchSessions = new FetchSessionCache();
  private metadataLog: MetadataLog | null = null;
  private controllerInstance: Controller | null = null;
  private replicas: ReplicaManager | null = null;
  private groupsRuntime: CoordinatorRuntime | null = null;
  private txnRuntime: TxnRuntime | null = null;
  private server: SocketServer | null = null;
  private brokerEpochValue = -1;
  private stopping: Promise<void> | null = null;
  private clusterIdValue = '';

  constructor(
    readonly settings: BrokerSettings,
    readonly logger: Logger,
    readonly disk: Disk = new NodeDisk(),
  ) {
    this.limits = { maxRequestBytes: settings.maxRequestBytes };
  }

  get metadata(): MetadataImage {
    if (this.metadataLog === null) throw new Error('broker not started');
    return this.metadataLog.image;
  }

  get controller(): Controller {
    if (this.controllerInstance === null) throw new Error('broker not started');
    return this.controllerInstance;
  }

  get replicaManager(): ReplicaManager {
    if (this.replicas === null) throw new Error('broker not started');
    return this.replicas;
  }

  /** The group coordinator and its `__consumer_offsets` storage. */
  get groups(): CoordinatorRuntime {
    if (this.groupsRuntime === null) throw new Error('broker not started');
    return this.groupsRuntime;
  }

  /** The transaction coordinator and its `__transaction_state` storage. */
  get txns(): TxnRuntime {
    if (this.txnRuntime === null) throw new Error('broker not started');
    return this.txnRuntime;
  }

  get brokerEpoch(): number {
    return this.brokerEpochValue;
  }

  get nodeId(): number {
    return this.settings.nodeId;
  }

  get clusterId(): string {
    return this.clusterIdValue;
  }

  /**
   * `meta.properties` in the log directory, as Kafka's storage format writes it
   * (version=1, cluster.id, node.id, directory.id). Created on first start with a new
   * cluster id; a directory formatted for another node id is refused.
   */
  private async loadMetaProperties(): Promise<string> {
    const path = joinPath(this.settings.logDir, 'meta.properties');
    if (await this.disk.exists(path)) {
      const props = new Map<string, string>();
      for (const line of (await this.disk.readFile(path)).toString('utf8').split('\n')) {
        const m = /^\s*([^#=\s][^=]*)=(.*)$/.exec(line);
        if (m !== null) props.set((m[1] as string).trim(), (m[2] as string).trim());
      }
      const clusterId = props.get('cluster.id');
      const nodeId = props.get('node.id');
      if (clusterId === undefined || clusterId === '') throw new Error(`${path} has no cluster.id`);
      if (nodeId !== undefined && Number(nodeId) !== this.settings.nodeId) {
        throw new Error(
          `${path} belongs to node.id ${nodeId}, but this broker is configured with node.id ${this.settings.nodeId}`,
        );
      }
      if (this.settings.clusterId !== undefined && this.settings.clusterId !== clusterId) {
        throw new Error(`${path} belongs to cluster ${clusterId}, not ${this.settings.clusterId}`);
      }
      return clusterId;
    }
    const clusterId = this.settings.clusterId ?? randomUuid();
    const text = `#\n#Written by Gregor\nversion=1\ncluster.id=${clusterId}\nnode.id=${this.settings.nodeId}\ndirectory.id=${randomUuid()}\n`;
    await this.disk.writeFileAtomic(path, Buffer.from(text));
    return clusterId;
  }

  async start(): Promise<readonly BoundListener[]> {
    const s = this.settings;
    const started = Date.now();
    await this.disk.mkdirs(s.logDir);
    await this.disk.mkdirs(s.metadataLogDir);
    this.clusterIdValue = await this.loadMetaProperties();
    this.metadataLog = await MetadataLog.open({
      disk: this.disk,
      logDir: s.metadataLogDir,
      nodeId: s.nodeId,
      logger: this.logger,
    });
    this.controllerInstance = new Controller(this.metadataLog, {
      numPartitions: s.numPartitions,
      replicationFactor: s.defaultReplicationFactor,
      deleteTopicEnable: s.deleteTopicEnable,
    });
    this.replicas = new ReplicaManager({
      disk: this.disk,
      logDir: s.logDir,
      nodeId: s.nodeId,
      logger: this.logger,
      durable: s.durable,
      logConfigFor: s.logConfigFor,
      housekeeping: s.housekeeping,
      cleaner: s.cleaner,
      producerIdExpirationMs: () => s.config.int('producer.id.expiration.ms'),
    });
    const replicas = this.replicas;
    this.metadataLog.onChange((image) => void replicas.applyImage(image));
    await this.replicas.start(this.metadataLog.image);
    // The group coordinator loads the partitions of __consumer_offsets the replica manager opened.
    const groups = new CoordinatorRuntime(this);
    this.groupsRuntime = groups;
    this.metadataLog.onChange((image, previous) => groups.follow(image, previous));
    groups.start(this.metadataLog.image);
    const txns = new TxnRuntime(this);
    this.txnRuntime = txns;
    // Markers on __consumer_offsets decide the transactional offset commits waiting there.
    txns.offsetsMarkerListener = (partition, producerId, isAborted) =>
      groups.coordinator.completeTransaction(partition, producerId, !isAborted);
    this.metadataLog.onChange((image) => txns.follow(image));
    txns.start(this.metadataLog.image);
    this.server = new SocketServer({
      listeners: s.listeners,
      limits: { maxRequestBytes: s.maxRequestBytes, maxInFlight: s.maxInFlightPerConnection },
      idleMs: s.connectionsMaxIdleMs,
      maxConnections: s.maxConnections,
      pool: new MemoryPool(s.requestMemoryBytes),
      handler: createDispatcher(this),
      logger: this.logger,
    });
    const bound = await this.server.start();
    // Register with the endpoints clients should use, now that ports are known.
    this.brokerEpochValue = await this.controller.registerBroker(s.nodeId, this.advertisedEndpoints(bound), s.rack);
    this.logger.info(
      {
        nodeId: s.nodeId,
        listeners: bound.map((b) => `${b.name}://${b.host}:${b.boundPort}`),
        logDir: s.logDir,
        startMs: Date.now() - started,
      },
      'Gregor broker ready',
    );
    return bound;
  }

  private advertisedEndpoints(bound: readonly BoundListener[]): { name: string; host: string; port: number }[] {
    return bound.map((b) => {
      const advertised = this.settings.advertisedListeners.find((a) => a.name === b.name);
      if (advertised !== undefined)
        return { name: b.name, host: advertised.host, port: advertised.port === 0 ? b.boundPort : advertised.port };
      const host = b.host === '' || b.host === '0.0.0.0' || b.host === '::' ? 'localhost' : b.host;
      return { name: b.name, host, port: b.boundPort };
    });
  }

  /** Stops listening, then closes every log cleanly. Safe to call twice. */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      await this.server?.stop();
      await this.txnRuntime?.stop();
      await this.groupsRuntime?.stop();
      await this.replicas?.close();
      await this.metadataLog?.close();
      this.logger.info('Gregor broker stopped');
    })();
    return this.stopping;
  }
}
