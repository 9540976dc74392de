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
import { BrokerLifecycle } from './cluster/broker-lifecycle.js';
import { CONTROLLER_CHANNEL_CLIENT_PREFIX, NodeChannels, type PeerAddress } from './cluster/node-channel.js';
import { RaftWireNetwork } from './cluster/raft-wire.js';
import type { ControllerApi } from './cluster/remote-controller.js';
import { RemoteController } from './cluster/remote-controller.js';
import { ControllerAlterPartitionSender, TcpReplicaTransport } from './cluster/replica-channels.js';
import type { BrokerConfig } from './config/index.js';
import { CoordinatorRuntime } from './group/coordinator-runtime.js';
import { createDispatcher } from './handlers/dispatch.js';
import { Controller } from './metadata/controller.js';
import type { MetadataImage } from './metadata/image.js';
import { MetadataLog } from './metadata/metadata-log.js';
import { FetchSessionCache } from './partition/fetch-session.js';
import { ReplicaManager } from './partition/replica-manager.js';
import type { ReplicationConfig } from './partition/replica-transport.js';
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
  /** process.roles */
  roles: { broker: boolean; controller: boolean };
  /** controller.quorum.voters; empty: this node alone is the quorum. */
  voters: readonly { id: number; host: string; port: number }[];
  /** controller.listener.names (upper case): not advertised to clients. */
  controllerListenerNames: readonly string[];
  /** The listener brokers reach each other on (followers fetch there). */
  interBrokerListenerName: string | null;
  /** controller.quorum.* */
  quorum: {
    electionTimeoutMs: number;
    fetchTimeoutMs: number;
    electionBackoffMaxMs: number;
    requestTimeoutMs: number;
    retryBackoffMs: number;
    appendLingerMs: number;
  };
  /** metadata.log.* */
  metadataLog: { segmentBytes: number; snapshotMaxBytes: number; snapshotIntervalMs: number };
  brokerHeartbeatIntervalMs: number;
  brokerSessionTimeoutMs: number;
  /** replica.* */
  replication: Partial<ReplicationConfig>;
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
  private metadataLogInstance: MetadataLog | null = null;
  private controllerInstance: Controller | null = null;
  private replicas: ReplicaManager | null = null;
  private groupsRuntime: CoordinatorRuntime | null = null;
  private txnRuntime: TxnRuntime | null = null;
  private server: SocketServer | null = null;
  private brokerEpochValue = -1;
  private controllerChannels: NodeChannels | null = null;
  private raftChannels: NodeChannels | null = null;
  private brokerChannels: NodeChannels | null = null;
  private remoteController: RemoteController | null = null;
  private lifecycle: BrokerLifecycle | null = null;
  private heartbeatChannels: NodeChannels | null = null;
  /**
   * False until this node may serve clients: in a cluster, once its metadata has caught up,
   * its partitions are open and the controller has unfenced it. Until then requests on
   * client listeners wait (`untilServingClients`), as Kafka's listeners are bound at start
   * but accept connections only then; controller listeners serve from the start.
   */
  servingClients = false;
  private readonly serving = deferred();
  /** Set by stop(): a start still under way gives up at its next step. */
  private stopRequested = false;
  /**
   * Called if this node cannot go on (its metadata quorum stopped on a fatal error: a
   * record it cannot apply, a broken Raft invariant). The broker has begun to stop.
   */
  onFatal: ((error: Error) => void) | null = null;
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
    if (this.metadataLogInstance === null) throw new Error('broker not started');
    return this.metadataLogInstance.image;
  }

  /** This node's own controller (acting only while it is the active controller). */
  get controller(): Controller {
    if (this.controllerInstance === null) throw new Error('broker not started');
    return this.controllerInstance;
  }

  /**
   * The controller operations, wherever the active controller runs: here, or (on any
   * other node of a cluster) reached through requests to it.
   */
  get controllerApi(): ControllerApi {
    const log = this.metadataLogInstance;
    if (this.remoteController === null || log === null || log.isActiveController) return this.controller;
    return this.remoteController;
  }

  /** The metadata log and its Raft node. */
  get metadataLog(): MetadataLog {
    if (this.metadataLogInstance === null) throw new Error('broker not started');
    return this.metadataLogInstance;
  }

  /** True when this node is part of a cluster (controller.quorum.voters is set). */
  get clustered(): boolean {
    return this.settings.voters.length > 0;
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
    return this.lifecycle?.brokerEpoch ?? this.brokerEpochValue;
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
    const clustered = this.clustered;
    const voters = new Map(s.voters.map((v) => [v.id, { host: v.host, port: v.port }]));
    const controllerChannels = new NodeChannels(
      (id) => voters.get(id) ?? null,
      `${CONTROLLER_CHANNEL_CLIENT_PREFIX}${s.nodeId}`,
    );
    this.controllerChannels = controllerChannels;
    // Raft's own connections: a broker's request to the controller that waits for a
    // commit (a registration, say) must never sit in front of the Fetch that commits it.
    const raftChannels = new NodeChannels((id) => voters.get(id) ?? null, `gregor-node-${s.nodeId}-raft`);
    this.raftChannels = raftChannels;
    this.brokerChannels = new NodeChannels((id) => this.brokerAddress(id), `gregor-node-${s.nodeId}-replica-fetcher`);
    this.metadataLogInstance = await MetadataLog.open({
      disk: this.disk,
      logDir: s.metadataLogDir,
      nodeId: s.nodeId,
      clusterId: this.clusterIdValue,
      logger: this.logger,
      voters: clustered ? s.voters.map((v) => v.id) : [s.nodeId],
      ...(clustered ? { network: new RaftWireNetwork(raftChannels) } : {}),
      raft: s.quorum,
      segmentBytes: s.metadataLog.segmentBytes,
      snapshotMaxBytes: s.metadataLog.snapshotMaxBytes,
      snapshotIntervalMs: s.metadataLog.snapshotIntervalMs,
    });
    const metadataLog = this.metadataLogInstance;
    metadataLog.onFatal((error) => {
      void this.stop();
      this.onFatal?.(error);
    });
    this.checkStarting();
    const controller = new Controller(
      metadataLog,
      {
        numPartitions: s.numPartitions,
        replicationFactor: s.defaultReplicationFactor,
        deleteTopicEnable: s.deleteTopicEnable,
      },
      {
        brokerHeartbeatIntervalMs: s.brokerHeartbeatIntervalMs,
        brokerSessionTimeoutMs: s.brokerSessionTimeoutMs,
        uncleanLeaderElectionEnable: s.config.bool('unclean.leader.election.enable'),
        ...(s.config.bool('auto.leader.rebalance.enable')
          ? { leaderRebalanceIntervalMs: s.config.long('leader.imbalance.check.interval.seconds') * 1000 }
          : {}),
      },
    );
    this.controllerInstance = controller;
    // The controller acts while this node leads the quorum (and has caught up).
    metadataLog.onLeaderChange((leader) => (leader.active ? controller.activate() : controller.deactivate()));
    if (metadataLog.isActiveController) controller.activate();
    if (clustered) {
      this.remoteController = new RemoteController(
        controllerChannels,
        () => this.activeControllerId(),
        s.quorum.requestTimeoutMs * 5,
      );
    }
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
      replication: s.replication,
      brokerEpoch: () => this.brokerEpoch,
      ...(clustered
        ? {
            transport: new TcpReplicaTransport(this.brokerChannels),
            alterPartition: new ControllerAlterPartitionSender(
              controllerChannels,
              () => this.activeControllerId(),
              s.nodeId,
              () => this.brokerEpoch,
              s.quorum.requestTimeoutMs * 5,
            ),
          }
        : {}),
    });
    this.server = new SocketServer({
      listeners: s.listeners,
      limits: { maxRequestBytes: s.maxRequestBytes, maxInFlight: s.maxInFlightPerConnection },
      idleMs: s.connectionsMaxIdleMs,
      maxConnections: s.maxConnections,
      pool: new MemoryPool(s.requestMemoryBytes),
      handler: createDispatcher(this),
      logger: this.logger,
    });
    if (!clustered) {
      // One node, its own quorum: the image is complete now; serve once the logs are open.
      await this.startBrokerParts();
      this.checkStarting();
      this.markServingClients();
      const bound = await this.server.start();
      // Register with the endpoints clients should use, now that ports are known.
      this.brokerEpochValue = await this.controller.registerBroker(s.nodeId, this.advertisedEndpoints(bound), s.rack);
      this.logReady(bound, started);
      return bound;
    }
    // A cluster: listen first (the quorum needs this node's votes and fetches), then catch
    // up with the metadata before the logs are opened against it.
    const bound = await this.server.start();
    this.checkStarting();
    if (s.roles.broker) {
      await this.waitStarting(() => this.metadataCaughtUp());
      await this.startBrokerParts();
      this.checkStarting();
      // Heartbeats have a connection of their own, so that no slow request to the
      // controller (an AlterPartition waiting for its commit) delays them past the session.
      const heartbeatChannels = new NodeChannels(
        (id) => voters.get(id) ?? null,
        `${CONTROLLER_CHANNEL_CLIENT_PREFIX}${s.nodeId}-heartbeat`,
      );
      this.heartbeatChannels = heartbeatChannels;
      this.lifecycle = new BrokerLifecycle({
        nodeId: s.nodeId,
        clusterId: this.clusterIdValue,
        incarnationId: randomUuid(),
        endpoints: this.advertisedEndpoints(bound),
        rack: s.rack,
        controllers: heartbeatChannels,
        activeController: () => this.activeControllerId(),
        appliedOffset: () => metadataLog.image.offset,
        heartbeatIntervalMs: s.brokerHeartbeatIntervalMs,
        // An answer later than half the session is no use: the next heartbeat goes instead.
        requestTimeoutMs: Math.max(1000, Math.floor(s.brokerSessionTimeoutMs / 2)),
        logger: this.logger,
      });
      const lifecycle = this.lifecycle;
      // A new active controller hears from this broker at once, not an interval later.
      metadataLog.onLeaderChange(() => lifecycle.controllerChanged());
      await Promise.race([lifecycle.start(), this.waitStarting(() => false)]);
      // Serve once this node's own metadata shows it registered and unfenced, so that
      // what it tells clients includes itself.
      const nodeId = s.nodeId;
      await this.waitStarting(() => metadataLog.image.brokers.get(nodeId)?.fenced === false);
    }
    this.markServingClients();
    this.logReady(bound, started);
    return bound;
  }

  private markServingClients(): void {
    this.servingClients = true;
    this.serving.resolve();
  }

  /** Resolves once this node serves clients; rejects if it stops first. */
  untilServingClients(): Promise<void> {
    return this.serving.promise;
  }

  /** Throws when stop() was called while starting (start gives up; stop cleans up). */
  private checkStarting(): void {
    if (this.stopRequested) throw new Error('the broker was stopped while it was starting');
  }

  /**
   * Waits until `check` holds, looking again every 20 ms (Raft reports commits and leader
   * changes, not high-watermark moves), or until stop() is called.
   */
  private async waitStarting(check: () => boolean): Promise<void> {
    const log = this.metadataLog;
    const poll = setInterval(() => log.recheck(), 20);
    try {
      await log.waitUntil(() => this.stopRequested || check());
    } finally {
      clearInterval(poll);
    }
    this.checkStarting();
  }

  private async startBrokerParts(): Promise<void> {
    const metadataLog = this.metadataLog;
    const replicas = this.replicaManager;
    // The coordinators follow an image once the replica manager has put the partitions in
    // the roles it gives: a new leader of an internal partition loads its state from a log
    // that leads (the replica manager applies images one at a time, in order).
    metadataLog.onChange((image, previous) => {
      const follow = () => {
        this.groupsRuntime?.follow(image, previous);
        this.txnRuntime?.follow(image);
      };
      replicas.applyImage(image).then(follow, follow);
    });
    await replicas.start(metadataLog.image);
    // The group coordinator loads the partitions of __consumer_offsets the replica manager opened.
    const groups = new CoordinatorRuntime(this);
    this.groupsRuntime = groups;
    groups.start(metadataLog.image);
    const txns = new TxnRuntime(this);
    this.txnRuntime = txns;
    // Markers on __consumer_offsets decide the transactional offset commits waiting there.
    txns.offsetsMarkerListener = (partition, producerId, isAborted) =>
      groups.coordinator.completeTransaction(partition, producerId, !isAborted);
    txns.start(metadataLog.image);
  }

  /** The metadata image holds everything the quorum had committed when this node learnt of it. */
  private metadataCaughtUp(): boolean {
    const log = this.metadataLog;
    const hw = log.raft.highWatermark();
    // Everything committed has been applied, control batches (not in the image) included.
    const committed = log.raft.committedEndOffset();
    return log.leaderId !== null && hw > 0 && committed >= hw;
  }

  /** Sends a request to the active controller as it is, and resolves with its answer. */
  requestToController<Res extends object>(apiKey: number, version: number, body: object): Promise<Res> {
    const id = this.activeControllerId();
    if (id === null || this.controllerChannels === null)
      return Promise.reject(new Error('no active controller is known'));
    return this.controllerChannels.request<Res>(id, apiKey, version, body, this.settings.quorum.requestTimeoutMs * 15);
  }

  /** Sends a request to another broker on its inter-broker listener, and resolves with its answer. */
  requestToBroker<Res extends object>(nodeId: number, apiKey: number, version: number, body: object): Promise<Res> {
    if (this.brokerChannels === null) return Promise.reject(new Error('broker not started'));
    return this.brokerChannels.request<Res>(nodeId, apiKey, version, body, this.settings.quorum.requestTimeoutMs * 15);
  }

  /** The active controller: the quorum leader (when it is known). */
  activeControllerId(): number | null {
    return this.metadataLogInstance?.leaderId ?? null;
  }

  /** Where another broker's inter-broker listener is, from its registration. */
  private brokerAddress(nodeId: number): PeerAddress | null {
    const b = this.metadataLogInstance?.image.brokers.get(nodeId);
    const name = this.settings.interBrokerListenerName;
    const e = b?.endpoints.find((x) => x.name === name) ?? b?.endpoints[0];
    return e === undefined ? null : { host: e.host, port: e.port };
  }

  private logReady(bound: readonly BoundListener[], started: number): void {
    const s = this.settings;
    this.logger.info(
      {
        nodeId: s.nodeId,
        listeners: bound.map((b) => `${b.name}://${b.host}:${b.boundPort}`),
        logDir: s.logDir,
        startMs: Date.now() - started,
      },
      'Gregor broker ready',
    );
  }

  private advertisedEndpoints(bound: readonly BoundListener[]): { name: string; host: string; port: number }[] {
    const controllerNames = this.settings.controllerListenerNames;
    return bound
      .filter((b) => !controllerNames.includes(b.name))
      .map((b) => {
        const advertised = this.settings.advertisedListeners.find((a) => a.name === b.name);
        if (advertised !== undefined)
          return { name: b.name, host: advertised.host, port: advertised.port === 0 ? b.boundPort : advertised.port };
        const host = b.host === '' || b.host === '0.0.0.0' || b.host === '::' ? 'localhost' : b.host;
        return { name: b.name, host, port: b.boundPort };
      });
  }

  /** Stops listening, then closes every log cleanly. Safe to call twice. */
  stop(): Promise<void> {
    this.stopRequested = true;
    // Requests still waiting for this node to serve clients get their connection closed.
    this.serving.promise.catch(() => undefined);
    this.serving.reject(new Error('the broker is stopping'));
    this.metadataLogInstance?.recheck();
    this.stopping ??= (async () => {
      if (this.lifecycle !== null) {
        // Controlled shutdown: leadership moves away before the logs close.
        await this.lifecycle.shutDown(this.settings.brokerSessionTimeoutMs).catch(() => false);
        this.lifecycle.stop();
      }
      if (this.clustered) {
        // Leave the quorum first, gracefully (a leader hands over with EndQuorumEpoch), while
        // this node still answers: the others elect a new leader at once instead of waiting
        // for their fetch timeout.
        this.controllerInstance?.close();
        await this.metadataLogInstance?.close();
      }
      await this.server?.stop();
      await this.txnRuntime?.stop();
      await this.groupsRuntime?.stop();
      await this.replicas?.close();
      this.controllerInstance?.close();
      await this.metadataLogInstance?.close();
      this.controllerChannels?.close();
      this.raftChannels?.close();
      this.heartbeatChannels?.close();
      this.brokerChannels?.close();
      this.logger.info('Gregor broker stopped');
    })();
    return this.stopping;
  }
}

/** A promise with its settle functions. */
function deferred(): { promise: Promise<void>; resolve: () => void; reject: (e: Error) => void } {
  let resolve: () => void = () => {};
  let reject: (e: Error) => void = () => {};
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
