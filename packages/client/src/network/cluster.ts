/**
 * The client's view of the cluster: bootstrap, the metadata cache (brokers, topics,
 * partition leaders), one connection per broker and lane, and the coordinators of
 * groups and transactional ids.
 *
 * Lanes exist because a broker answers the requests of one connection strictly in
 * order: a Fetch waiting up to `fetch.max.wait.ms` would hold back a Heartbeat sent on
 * the same connection. Kafka's Java consumer keeps its coordinator on a separate
 * connection for the same reason.
 */
import type { ApiVersionsResponse, FindCoordinatorResponse, MetadataResponse } from '@gregor/protocol';
import { ApiKey, FindCoordinatorRequest, MetadataRequest } from '@gregor/protocol';
import { MetadataRequestTopic } from '@gregor/protocol/generated/messages/metadata-request';
import { ClientClosedError, ConnectionError, KafkaError } from '../errors.js';
import type { BrokerAddress, ResolvedClientOptions } from '../options.js';
import { Connection, type RequestOptions } from './connection.js';
import { type RetryOptions, retry } from './retry.js';

export type { ApiVersionsResponse };

/** A broker as the metadata describes it. */
export interface BrokerInfo {
  readonly nodeId: number;
  readonly host: string;
  readonly port: number;
  readonly rack: string | null;
}

/** One partition as the metadata describes it. */
export interface PartitionInfo {
  readonly topic: string;
  readonly partition: number;
  /** The leader's node id, or -1 when there is none right now. */
  readonly leader: number;
  readonly leaderEpoch: number;
  readonly replicas: readonly number[];
  readonly isr: readonly number[];
  readonly offlineReplicas: readonly number[];
  /** Kafka's error code for this partition (0 when fine). */
  readonly errorCode: number;
}

/** One topic as the metadata describes it. */
export interface TopicInfo {
  readonly name: string;
  readonly topicId: string;
  readonly isInternal: boolean;
  /** Indexed by partition number. */
  readonly partitions: readonly PartitionInfo[];
}

/** Connection lanes: requests on different lanes never wait for each other. */
export type Lane = 'default' | 'fetch' | 'coordinator' | 'produce';

/** FindCoordinator key types. */
export const CoordinatorType = { GROUP: 0, TRANSACTION: 1 } as const;
export type CoordinatorType = (typeof CoordinatorType)[keyof typeof CoordinatorType];

/** Partition-level errors after which the client refreshes metadata before retrying. */
const STALE_METADATA_ERRORS = new Set([3, 5, 6, 9, 13, 74, 75, 103]);

/** True when the error code `code` means the cached leader (or topic) is out of date. */
export function isStaleMetadataCode(code: number): boolean {
  return STALE_METADATA_ERRORS.has(code);
}

/** True when `error` means the cached leader (or topic) is out of date. */
export function isStaleMetadataError(error: unknown): boolean {
  return error instanceof KafkaError && (STALE_METADATA_ERRORS.has(error.code) || error instanceof ConnectionError);
}

export class Cluster {
  readonly options: ResolvedClientOptions;
  private readonly brokers = new Map<number, BrokerInfo>();
  private readonly topics = new Map<string, TopicInfo>();
  private readonly topicErrors = new Map<string, KafkaError>();
  private readonly connections = new Map<string, Connection>();
  private readonly connecting = new Map<string, Promise<Connection>>();
  private readonly coordinators = new Map<string, number>();
  private clusterIdValue: string | null = null;
  private controllerIdValue = -1;
  private refreshedAtMs = 0;
  private refreshing: { topics: ReadonlySet<string> | null; promise: Promise<void> } | null = null;
  private nextBootstrap = 0;
  private closed = false;

  constructor(options: ResolvedClientOptions) {
    this.options = options;
  }

  get clusterId(): string | null {
    return this.clusterIdValue;
  }

  get controllerId(): number {
    return this.controllerIdValue;
  }

  /** Brokers from the latest metadata. */
  brokerList(): BrokerInfo[] {
    return [...this.brokers.values()].sort((a, b) => a.nodeId - b.nodeId);
  }

  broker(nodeId: number): BrokerInfo | undefined {
    return this.brokers.get(nodeId);
  }

  /** Cached metadata of `topic`, or undefined when unknown. */
  topic(name: string): TopicInfo | undefined {
    return this.topics.get(name);
  }

  /** Names of the topics in the cache. */
  knownTopics(): string[] {
    return [...this.topics.keys()];
  }

  /** The error the last refresh returned for `topic` (e.g. UNKNOWN_TOPIC_OR_PARTITION). */
  topicError(name: string): KafkaError | undefined {
    return this.topicErrors.get(name);
  }

  /** The cached leader of a partition, or -1. */
  leader(topic: string, partition: number): number {
    return this.topics.get(topic)?.partitions[partition]?.leader ?? -1;
  }

  /** True when the cache is older than `metadata.max.age.ms`. */
  get metadataStale(): boolean {
    return Date.now() - this.refreshedAtMs >= this.options.metadataMaxAgeMs;
  }

  /**
   * Fetches metadata for `topics` (all topics when null) and merges it into the cache.
   * Concurrent calls for topics already being refreshed share one request.
   */
  async refreshMetadata(
    topics: readonly string[] | null,
    options: { allowAutoTopicCreation?: boolean; signal?: AbortSignal | undefined } = {},
  ): Promise<void> {
    const current = this.refreshing;
    if (current !== null && (current.topics === null || topics?.every((t) => current.topics?.has(t)) === true)) {
      return current.promise;
    }
    const set = topics === null ? null : new Set(topics);
    const promise = this.fetchMetadata(topics, options.allowAutoTopicCreation ?? false, options.signal).finally(() => {
      if (this.refreshing?.promise === promise) this.refreshing = null;
    });
    this.refreshing = { topics: set, promise };
    return promise;
  }

  /**
   * Makes sure `topics` are in the cache and younger than `metadata.max.age.ms`,
   * refreshing them (with every other cached topic) when not.
   */
  async ensureTopics(topics: readonly string[], signal?: AbortSignal): Promise<void> {
    if (!this.metadataStale && topics.every((t) => this.topics.has(t))) return;
    const all = new Set([...this.topics.keys(), ...topics]);
    await this.refreshMetadata([...all], { signal });
  }

  private async fetchMetadata(
    topics: readonly string[] | null,
    allowAutoTopicCreation: boolean,
    signal: AbortSignal | undefined,
  ): Promise<void> {
    const request = new MetadataRequest();
    if (topics === null) request.topics = null;
    else {
      request.topics = topics.map((name) => {
        const t = new MetadataRequestTopic();
        t.name = name;
        return t;
      });
    }
    request.allowAutoTopicCreation = allowAutoTopicCreation;
    const connection = await this.anyConnection(signal);
    const response = await connection.request<MetadataResponse>(ApiKey.Metadata, request, {
      signal,
      minVersion: topics === null ? 1 : 0,
    });
    this.applyMetadata(response, topics);
  }

  private applyMetadata(response: MetadataResponse, requested: readonly string[] | null): void {
    this.brokers.clear();
    for (const b of response.brokers) {
      this.brokers.set(b.nodeId, { nodeId: b.nodeId, host: b.host, port: b.port, rack: b.rack });
    }
    this.clusterIdValue = response.clusterId;
    this.controllerIdValue = response.controllerId;
    if (requested === null) {
      this.topics.clear();
      this.topicErrors.clear();
    }
    for (const t of response.topics) {
      const name = t.name ?? '';
      if (t.errorCode !== 0) {
        this.topics.delete(name);
        this.topicErrors.set(name, new KafkaError(t.errorCode, `topic '${name}'`, { topic: name }));
        continue;
      }
      this.topicErrors.delete(name);
      const partitions: PartitionInfo[] = [];
      for (const p of t.partitions) {
        partitions[p.partitionIndex] = {
          topic: name,
          partition: p.partitionIndex,
          leader: p.errorCode === 0 || p.errorCode === 9 ? p.leaderId : -1,
          leaderEpoch: p.leaderEpoch,
          replicas: p.replicaNodes,
          isr: p.isrNodes,
          offlineReplicas: p.offlineReplicas,
          errorCode: p.errorCode,
        };
      }
      this.topics.set(name, { name, topicId: t.topicId, isInternal: t.isInternal, partitions });
    }
    // Connections to brokers that left the cluster are closed.
    for (const [key, connection] of this.connections) {
      const nodeId = Number(key.split('/')[0]);
      if (nodeId >= 0 && !this.brokers.has(nodeId)) {
        this.connections.delete(key);
        void connection.close();
      }
    }
    this.refreshedAtMs = Date.now();
  }

  /** Forgets a topic (after it was deleted). */
  forgetTopic(name: string): void {
    this.topics.delete(name);
  }

  /** Marks the metadata stale so that the next {@link ensureTopics} refreshes it. */
  invalidateMetadata(): void {
    this.refreshedAtMs = 0;
  }

  /** The open connection to broker `nodeId` on `lane`, if there is one (no connecting). */
  openConnection(nodeId: number, lane: Lane = 'default'): Connection | undefined {
    if (this.closed) return undefined;
    const existing = this.connections.get(`${nodeId}/${lane}`);
    return existing?.usable === true ? existing : undefined;
  }

  /** The connection to broker `nodeId` on `lane`, opened when needed. */
  connection(nodeId: number, lane: Lane = 'default', signal?: AbortSignal): Promise<Connection> {
    if (this.closed) return Promise.reject(new ClientClosedError());
    const existing = this.openConnection(nodeId, lane);
    if (existing !== undefined) return Promise.resolve(existing);
    const key = `${nodeId}/${lane}`;
    const pending = this.connecting.get(key);
    if (pending !== undefined) return pending;
    const broker = this.brokers.get(nodeId);
    if (broker === undefined) {
      return Promise.reject(new ConnectionError(`broker ${nodeId} is not in the cluster metadata`));
    }
    return this.open(key, broker, signal);
  }

  /** A connection to some broker: an open one with the fewest requests in flight, or a new one. */
  async anyConnection(signal?: AbortSignal): Promise<Connection> {
    if (this.closed) throw new ClientClosedError();
    let best: Connection | undefined;
    for (const [key, c] of this.connections) {
      if (!c.usable || !key.endsWith('/default')) continue;
      if (best === undefined || c.inFlightCount < best.inFlightCount) best = c;
    }
    if (best !== undefined) return best;
    const candidates: Array<{ key: string; address: BrokerAddress }> = [];
    for (const b of this.brokers.values()) candidates.push({ key: `${b.nodeId}/default`, address: b });
    const bootstrap = this.options.bootstrapServers;
    for (let i = 0; i < bootstrap.length; i++) {
      const n = (this.nextBootstrap + i) % bootstrap.length;
      candidates.push({ key: `-${n + 1}/default`, address: bootstrap[n] as BrokerAddress });
    }
    this.nextBootstrap = (this.nextBootstrap + 1) % bootstrap.length;
    let lastError: unknown;
    for (const { key, address } of candidates) {
      try {
        return await (this.connecting.get(key) ?? this.open(key, address, signal));
      } catch (error) {
        if (!(error instanceof ConnectionError)) throw error;
        lastError = error;
      }
    }
    const list = bootstrap.map((a) => `${a.host}:${a.port}`).join(', ');
    const reason =
      lastError instanceof Error ? lastError.message.replace(/^NETWORK_EXCEPTION: /, '') : 'no broker reachable';
    throw new ConnectionError(`cannot reach any broker (bootstrap servers ${list}): ${reason}`, lastError);
  }

  private open(key: string, address: BrokerAddress, signal: AbortSignal | undefined): Promise<Connection> {
    const promise = Connection.connect({
      host: address.host,
      port: address.port,
      clientId: this.options.clientId,
      connectionTimeoutMs: this.options.connectionTimeoutMs,
      requestTimeoutMs: this.options.requestTimeoutMs,
      signal,
    })
      .then((connection) => {
        if (this.closed) {
          connection.destroy();
          throw new ClientClosedError();
        }
        this.connections.set(key, connection);
        connection.onClose(() => {
          if (this.connections.get(key) === connection) this.connections.delete(key);
        });
        return connection;
      })
      .finally(() => this.connecting.delete(key));
    this.connecting.set(key, promise);
    return promise;
  }

  /**
   * The node id of the coordinator for a group or transactional id (FindCoordinator,
   * batched form from v4, KIP-699), cached until {@link invalidateCoordinator}.
   */
  async coordinator(type: CoordinatorType, key: string, signal?: AbortSignal): Promise<number> {
    const cacheKey = `${type}:${key}`;
    const cached = this.coordinators.get(cacheKey);
    if (cached !== undefined && this.brokers.has(cached)) return cached;
    const connection = await this.anyConnection(signal);
    const request = new FindCoordinatorRequest();
    request.keyType = type;
    const version = connection.version(ApiKey.FindCoordinator, undefined, type === CoordinatorType.TRANSACTION ? 1 : 0);
    if (version >= 4) request.coordinatorKeys = [key];
    else request.key = key;
    const response = await connection.requestAt<FindCoordinatorResponse>(ApiKey.FindCoordinator, version, request, {
      signal,
    });
    const c =
      version >= 4
        ? response.coordinators[0]
        : {
            errorCode: response.errorCode,
            errorMessage: response.errorMessage,
            nodeId: response.nodeId,
            host: response.host,
            port: response.port,
          };
    if (c === undefined) throw new KafkaError(15, 'FindCoordinator answered no coordinator');
    if (c.errorCode !== 0) throw new KafkaError(c.errorCode, c.errorMessage);
    if (!this.brokers.has(c.nodeId))
      this.brokers.set(c.nodeId, { nodeId: c.nodeId, host: c.host, port: c.port, rack: null });
    this.coordinators.set(cacheKey, c.nodeId);
    return c.nodeId;
  }

  /** Forgets a cached coordinator (after NOT_COORDINATOR or COORDINATOR_NOT_AVAILABLE). */
  invalidateCoordinator(type: CoordinatorType, key: string): void {
    this.coordinators.delete(`${type}:${key}`);
  }

  /** A request to a group's or transactional id's coordinator, on the coordinator lane. */
  async coordinatorRequest<Res extends object>(
    type: CoordinatorType,
    key: string,
    apiKey: number,
    build: (version: number) => object,
    options: RequestOptions = {},
  ): Promise<Res> {
    const nodeId = await this.coordinator(type, key, options.signal);
    let connection: Connection;
    try {
      connection = await this.connection(nodeId, 'coordinator', options.signal);
    } catch (error) {
      this.invalidateCoordinator(type, key);
      throw error;
    }
    const version = connection.version(apiKey, options.maxVersion, options.minVersion);
    try {
      return await connection.requestAt<Res>(apiKey, version, build(version), options);
    } catch (error) {
      if (error instanceof ConnectionError) this.invalidateCoordinator(type, key);
      throw error;
    }
  }

  /**
   * Retries `fn` on retriable errors within `default.api.timeout.ms` (or `timeoutMs`),
   * refreshing metadata after errors that mean it is stale.
   */
  retry<T>(fn: (attempt: number) => Promise<T>, options: Partial<RetryOptions> = {}): Promise<T> {
    return retry(fn, {
      timeoutMs: options.timeoutMs ?? this.options.defaultApiTimeoutMs,
      backoffMs: options.backoffMs ?? this.options.retryBackoffMs,
      backoffMaxMs: options.backoffMaxMs ?? this.options.retryBackoffMaxMs,
      signal: options.signal,
      onRetriable: async (error, attempt) => {
        this.options.logger.debug({ err: error.message, attempt }, 'retrying after a retriable error');
        if (isStaleMetadataError(error)) this.invalidateMetadata();
        await options.onRetriable?.(error, attempt);
      },
      ...(options.retriable === undefined ? {} : { retriable: options.retriable }),
    });
  }

  /**
   * Closes every connection after its in-flight requests are answered; with `graceful`
   * false at once, failing them (a caller whose own timeout has passed).
   */
  async close(graceful = true): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const all = [...this.connections.values()];
    this.connections.clear();
    await Promise.all([...this.connecting.values()].map((p) => p.then((c) => c.destroy()).catch(() => {})));
    if (!graceful) {
      for (const c of all) c.destroy(new ClientClosedError());
      return;
    }
    await Promise.all(all.map((c) => c.close()));
  }
}
