/**
 * The controller: validates cluster changes against the current metadata image and
 * turns them into metadata records (one batch per operation, so each is atomic). It
 * runs on the active controller; every write goes through `MetadataLog.append`, which
 * may reject with NotControllerError when this node is not (or no longer) active.
 *
 * What it does, after Kafka's QuorumController and its managers:
 * - topics: creation (ids are random version-4 UUIDs; replicas placed rack-aware over
 *   the usable brokers, replica-placement.ts), partition growth, deletion, configs;
 * - brokers (ClusterControlManager): BrokerRegistration with incarnation ids, the broker
 *   epoch being the offset of its RegisterBrokerRecord, registered fenced;
 *   UnregisterBroker; the legacy `registerBroker` of a node that is its own quorum
 *   (registered and unfenced at once, exempt from heartbeats);
 * - liveness (BrokerHeartbeatManager, broker-heartbeats.ts): BrokerHeartbeat unfences a
 *   caught-up broker, fences one that asks or whose session expires, and runs
 *   controlled shutdown; fencing moves leadership away and takes the broker out of
 *   every ISR in the same batch;
 * - partitions (ReplicationControlManager, partition-change.ts): AlterPartition from
 *   leaders, ElectLeaders, AlterPartitionReassignments / ListPartitionReassignments.
 *
 * Time comes from the injected clock and timers (tests and the simulation drive them).
 * Errors are Kafka error codes with messages, per item; nothing here throws for bad
 * input.
 */
import type { Uuid } from '@gregor/protocol';
import { ErrorCode, MetadataRecordType, randomUuid } from '@gregor/protocol';
import { BrokerRegistrationChangeRecord } from '@gregor/protocol/generated/metadata/broker-registration-change-record';
import { ConfigRecord } from '@gregor/protocol/generated/metadata/config-record';
import { FeatureLevelRecord } from '@gregor/protocol/generated/metadata/feature-level-record';
import { FenceBrokerRecord } from '@gregor/protocol/generated/metadata/fence-broker-record';
import type { PartitionChangeRecord } from '@gregor/protocol/generated/metadata/partition-change-record';
import { PartitionRecord } from '@gregor/protocol/generated/metadata/partition-record';
import { ProducerIdsRecord } from '@gregor/protocol/generated/metadata/producer-ids-record';
import {
  BrokerEndpoint,
  BrokerFeature,
  RegisterBrokerRecord,
} from '@gregor/protocol/generated/metadata/register-broker-record';
import { RemoveTopicRecord } from '@gregor/protocol/generated/metadata/remove-topic-record';
import { TopicRecord } from '@gregor/protocol/generated/metadata/topic-record';
import { UnfenceBrokerRecord } from '@gregor/protocol/generated/metadata/unfence-broker-record';
import { UnregisterBrokerRecord } from '@gregor/protocol/generated/metadata/unregister-broker-record';
import type { BrokerControlState as BrokerControlStateType } from './broker-heartbeats.js';
import { BrokerControlState, BrokerHeartbeats, nextBrokerState } from './broker-heartbeats.js';
import type { BrokerFeatureRange, MetadataImage, PartitionImage, TopicImage } from './image.js';
import { ConfigResourceType } from './image.js';
import { buildPartitionChange, Election, NO_LEADER } from './partition-change.js';
import type { OngoingReassignment } from './reassignment.js';
import { cancelReassignment, ongoingReassignments, startReassignment } from './reassignment.js';
import type { MetadataRecord } from './record-serde.js';
import { placeReplicas } from './replica-placement.js';

export type { OngoingReassignment } from './reassignment.js';

/** Kafka's topic name rules (org.apache.kafka.common.internals.Topic). */
export const TOPIC_NAME_LENGTH_MAX = 249;
const TOPIC_NAME_PATTERN = /^[a-zA-Z0-9._-]+$/;

/** metadata.version for Kafka 3.9 (3.9-IV0): the record versions Gregor writes. */
export const METADATA_VERSION = 21;

/** PLAINTEXT in Kafka's SecurityProtocol ids. */
export const SECURITY_PROTOCOL_PLAINTEXT = 0;

/** Producer ids are handed out in blocks of this many (Kafka's ProducerIdsBlock). */
export const PRODUCER_ID_BLOCK_SIZE = 1000;

export interface OperationError {
  errorCode: number;
  errorMessage: string | null;
}

export const OK: OperationError = Object.freeze({ errorCode: ErrorCode.NONE, errorMessage: null });

function error(errorCode: number, errorMessage: string): OperationError {
  return { errorCode, errorMessage };
}

export function validateTopicName(name: string): OperationError {
  if (name.length === 0) return error(ErrorCode.INVALID_TOPIC_EXCEPTION, "Topic name is illegal, it can't be empty");
  if (name === '.' || name === '..')
    return error(ErrorCode.INVALID_TOPIC_EXCEPTION, 'Topic name cannot be "." or ".."');
  if (name.length > TOPIC_NAME_LENGTH_MAX) {
    return error(
      ErrorCode.INVALID_TOPIC_EXCEPTION,
      `Topic name is illegal, it can't be longer than ${TOPIC_NAME_LENGTH_MAX} characters, topic name: ${name}`,
    );
  }
  if (!TOPIC_NAME_PATTERN.test(name)) {
    return error(
      ErrorCode.INVALID_TOPIC_EXCEPTION,
      `Topic name "${name}" is illegal, it contains a character other than ASCII alphanumerics, '.', '_' and '-'`,
    );
  }
  return OK;
}

/** Kafka refuses topics whose names differ only by '.' versus '_' (metric names collide). */
function collidingTopic(image: MetadataImage, name: string): string | null {
  const unified = name.replaceAll('.', '_');
  for (const existing of image.topicsByName.keys()) {
    if (existing !== name && existing.replaceAll('.', '_') === unified) return existing;
  }
  return null;
}

export interface NewTopic {
  name: string;
  /** -1: the broker default (num.partitions). */
  numPartitions: number;
  /** -1: the broker default (default.replication.factor). */
  replicationFactor: number;
  /** Manual assignment: partition index → replicas. */
  assignments: ReadonlyMap<number, readonly number[]> | null;
  /** Validated topic config overrides. */
  configs: ReadonlyMap<string, string>;
}

export interface CreatedTopic extends OperationError {
  name: string;
  topicId: Uuid;
  numPartitions: number;
  replicationFactor: number;
}

/** The clock the controller reads (ms); structurally the raft package's Clock. */
export interface ControllerClock {
  now(): number;
}

/** Timers the controller arms; structurally the raft package's Timers. */
export interface ControllerTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
}

/** Real time; timers unref'd so a pending session check never keeps the process alive. */
const SYSTEM_CLOCK: ControllerClock = { now: () => Date.now() };
const SYSTEM_TIMERS: ControllerTimers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms).unref(),
  clearTimeout: (id) => clearTimeout(id as ReturnType<typeof setTimeout>),
};

/** broker.heartbeat.interval.ms and broker.session.timeout.ms: Kafka's defaults. */
export const BROKER_HEARTBEAT_INTERVAL_MS_DEFAULT = 2000;
export const BROKER_SESSION_TIMEOUT_MS_DEFAULT = 9000;

export interface ControllerOptions {
  clock?: ControllerClock;
  timers?: ControllerTimers;
  /** [0, 1): the starting offsets of replica placement. */
  random?: { next(): number };
  /** broker.heartbeat.interval.ms (told to brokers; 2000). */
  brokerHeartbeatIntervalMs?: number;
  /** broker.session.timeout.ms (9000). */
  brokerSessionTimeoutMs?: number;
  /** The static broker default of unclean.leader.election.enable (false). */
  uncleanLeaderElectionEnable?: boolean;
  /**
   * leader.imbalance.check.interval.seconds (300), in ms, when auto.leader.rebalance.enable
   * (true): how often the active controller elects preferred leaders where it can. Absent: never.
   */
  leaderRebalanceIntervalMs?: number;
}

/** True for the error MetadataLog.append rejects with when this node is not the active controller. */
export function isNotControllerError(e: unknown): boolean {
  return e instanceof Error && e.name === 'NotControllerError';
}

export interface BrokerRegistrationInput {
  brokerId: number;
  incarnationId: Uuid;
  listeners: readonly { name: string; host: string; port: number; securityProtocol: number }[];
  features: readonly BrokerFeatureRange[];
  rack: string | null;
  logDirs?: readonly Uuid[];
}

export interface BrokerRegistrationResult extends OperationError {
  /** -1 on error. */
  brokerEpoch: number;
}

export interface BrokerHeartbeatInput {
  brokerId: number;
  brokerEpoch: number;
  currentMetadataOffset: number;
  wantFence: boolean;
  wantShutDown: boolean;
}

export interface BrokerHeartbeatResult extends OperationError {
  isCaughtUp: boolean;
  isFenced: boolean;
  shouldShutDown: boolean;
}

export interface AlterPartitionInput {
  brokerId: number;
  brokerEpoch: number;
  topics: readonly {
    /** Versions 0-1 name topics, 2+ give ids. */
    topicName: string;
    topicId: Uuid;
    partitions: readonly {
      partitionIndex: number;
      leaderEpoch: number;
      /** brokerEpoch -1: not checked (versions before 3 carry no epochs). */
      newIsr: readonly { brokerId: number; brokerEpoch: number }[];
      leaderRecoveryState: number;
      partitionEpoch: number;
    }[];
  }[];
}

export interface AlterPartitionPartitionResult {
  partitionIndex: number;
  errorCode: number;
  leaderId: number;
  leaderEpoch: number;
  isr: number[];
  leaderRecoveryState: number;
  partitionEpoch: number;
}

export interface AlterPartitionResult {
  /** STALE_BROKER_EPOCH for the whole request. */
  errorCode: number;
  topics: { topicName: string; topicId: Uuid; partitions: AlterPartitionPartitionResult[] }[];
}

/** ElectLeaders' election types (Kafka's ElectionType). */
export const ElectionType = { PREFERRED: 0, UNCLEAN: 1 } as const;

export interface ElectionResult {
  topic: string;
  partitions: (OperationError & { partitionId: number })[];
}

export interface ReassignmentResult {
  name: string;
  partitions: (OperationError & { partitionIndex: number })[];
}

function isActive(image: MetadataImage, brokerId: number): boolean {
  const b = image.brokers.get(brokerId);
  return b !== undefined && !b.fenced && !b.inControlledShutdown;
}

function changeRecord(record: PartitionChangeRecord): MetadataRecord {
  return { type: MetadataRecordType.PartitionChangeRecord, version: 0, message: record };
}

/**
 * What the controller needs of the metadata log (MetadataLog has it): the applied image,
 * where the next record is expected, this node's id, and atomic appends that resolve
 * with the image once the batch is committed and applied.
 */
export interface ControllerLog {
  readonly image: MetadataImage;
  readonly endOffset: number;
  readonly nodeId: number;
  /** False while another node is the active controller (undefined: always active). */
  readonly isActiveController?: boolean;
  append(records: readonly MetadataRecord[]): Promise<MetadataImage>;
}

/**
 * This node is not the active controller, found before anything was appended (an
 * operation that would write nothing must not be answered by a stale controller
 * either). Named as MetadataLog's NotControllerError: handlers treat both alike.
 */
export class ControllerNotActiveError extends Error {
  override readonly name = 'NotControllerError';
  constructor() {
    super('this node is not the active controller');
  }
}

export class Controller {
  private chain: Promise<unknown> = Promise.resolve();
  private readonly clock: ControllerClock;
  private readonly timers: ControllerTimers;
  private readonly random: () => number;
  readonly brokerHeartbeatIntervalMs: number;
  readonly brokerSessionTimeoutMs: number;
  private readonly uncleanDefault: boolean;
  private readonly heartbeats: BrokerHeartbeats;
  /** Nodes registered through `registerBroker`: alive while this controller is, no heartbeats. */
  private readonly selfNodes = new Set<number>();
  private active = false;
  private timer: unknown = null;
  private readonly leaderRebalanceIntervalMs: number | null;

  constructor(
    private readonly log: ControllerLog,
    private readonly defaults: { numPartitions: number; replicationFactor: number; deleteTopicEnable: boolean },
    options: ControllerOptions = {},
  ) {
    this.clock = options.clock ?? SYSTEM_CLOCK;
    this.timers = options.timers ?? SYSTEM_TIMERS;
    const random = options.random;
    this.random = random === undefined ? Math.random : () => random.next();
    this.brokerHeartbeatIntervalMs = options.brokerHeartbeatIntervalMs ?? BROKER_HEARTBEAT_INTERVAL_MS_DEFAULT;
    this.brokerSessionTimeoutMs = options.brokerSessionTimeoutMs ?? BROKER_SESSION_TIMEOUT_MS_DEFAULT;
    this.uncleanDefault = options.uncleanLeaderElectionEnable ?? false;
    this.heartbeats = new BrokerHeartbeats(this.brokerSessionTimeoutMs);
    this.leaderRebalanceIntervalMs = options.leaderRebalanceIntervalMs ?? null;
  }

  get image(): MetadataImage {
    return this.log.image;
  }

  /** Runs controller operations one at a time, each against the image the previous left. */
  private serial<T>(op: () => Promise<T>): Promise<T> {
    const next = this.chain.then(op, op);
    this.chain = next.catch(() => undefined);
    return next;
  }

  /** Resolves once every operation queued so far has finished (tests; shutdown). */
  async idle(): Promise<void> {
    let seen: Promise<unknown> | null = null;
    while (seen !== this.chain) {
      seen = this.chain;
      await seen;
    }
  }

  /**
   * This node became the active controller: every registered, unfenced broker gets a
   * fresh session starting now (as Kafka's activation does), and the session check is
   * armed. Called implicitly by the first broker RPC; call it on a Raft leader change.
   */
  activate(): void {
    if (this.active) return;
    this.active = true;
    const now = this.clock.now();
    for (const b of this.image.brokers.values()) {
      if (!b.fenced && !this.selfNodes.has(b.nodeId) && !this.heartbeats.has(b.nodeId))
        this.heartbeats.register(b.nodeId, now);
    }
    this.armSessionTimer();
    this.armRebalanceTimer();
  }

  /** This node is no longer the active controller (or is stopping): sessions dropped, timers cleared. */
  deactivate(): void {
    this.active = false;
    this.heartbeats.clear();
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
    if (this.rebalanceTimer !== null) this.timers.clearTimeout(this.rebalanceTimer);
    this.rebalanceTimer = null;
  }

  private rebalanceTimer: unknown = null;

  /** The next automatic preferred-leader election (auto.leader.rebalance.enable). */
  private armRebalanceTimer(): void {
    const intervalMs = this.leaderRebalanceIntervalMs;
    if (!this.active || intervalMs === null || this.rebalanceTimer !== null) return;
    this.rebalanceTimer = this.timers.setTimeout(() => {
      this.rebalanceTimer = null;
      this.balanceLeaders().then(
        () => this.armRebalanceTimer(),
        (e: unknown) => {
          if (isNotControllerError(e)) this.deactivate();
          else this.armRebalanceTimer();
        },
      );
    }, intervalMs);
  }

  /**
   * Kafka's leader balancing: every partition not led by its preferred replica (the first
   * of its replicas) gets it back as leader when that replica is in the ISR, registered,
   * unfenced and not shutting down, in one batch. Leadership that a failure moved away
   * returns once the broker is back and caught up. Returns the partitions moved.
   */
  balanceLeaders(): Promise<{ topic: string; partition: number }[]> {
    return this.serial(async () => {
      this.requireActive();
      const image = this.image;
      let work = image;
      const records: MetadataRecord[] = [];
      const moved: { topic: string; partition: number }[] = [];
      for (const topic of image.topicsByName.values()) {
        for (const p of topic.partitions) {
          const preferred = p.replicas[0];
          if (preferred === undefined || p.leader === preferred || !p.isr.includes(preferred)) continue;
          // A preferred replica that cannot lead makes the election pick another: skipped.
          const outcome = this.electLeader(work, topic.name, p.partitionId, ElectionType.PREFERRED);
          if (outcome.record === null || outcome.record.leader !== preferred) continue;
          const r = changeRecord(outcome.record);
          records.push(r);
          work = work.apply([r], work.offset);
          moved.push({ topic: topic.name, partition: p.partitionId });
        }
      }
      if (records.length > 0) await this.log.append(records);
      return moved;
    });
  }

  close(): void {
    this.deactivate();
  }

  private requireActive(): void {
    if (this.log.isActiveController === false) {
      this.deactivate();
      throw new ControllerNotActiveError();
    }
    this.activate();
  }

  /** Brokers whose sessions can expire: unfenced, with a session, not self-registered. */
  private sessionBrokers(image: MetadataImage): number[] {
    const out: number[] = [];
    for (const b of image.brokers.values())
      if (!b.fenced && !this.selfNodes.has(b.nodeId) && this.heartbeats.has(b.nodeId)) out.push(b.nodeId);
    return out;
  }

  private armSessionTimer(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
    if (!this.active) return;
    const at = this.heartbeats.nextExpiryMs(this.sessionBrokers(this.image));
    if (at === null) return;
    this.schedule(Math.max(0, at - this.clock.now()));
  }

  private schedule(delayMs: number): void {
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      this.fenceStaleBrokers().catch((e: unknown) => {
        // No longer the active controller: the next one checks sessions. Otherwise (the
        // log failed or is closing) try again a heartbeat interval later.
        if (isNotControllerError(e)) this.deactivate();
        else if (this.active && this.timer === null) this.schedule(this.brokerHeartbeatIntervalMs);
      });
    }, delayMs);
  }

  private uncleanEnabled(image: MetadataImage, topic: string): boolean {
    const key = 'unclean.leader.election.enable';
    const value =
      image.topicConfigs(topic).get(key) ??
      image.brokerConfigs(this.log.nodeId).get(key) ??
      image.brokerConfigs('').get(key);
    return value === undefined ? this.uncleanDefault : value.toLowerCase() === 'true';
  }

  /**
   * Kafka's generateLeaderAndIsrUpdates: for every partition with `brokerToRemove` in
   * its ISR, the ISR without it and a new leader if it led; with brokerToRemove -1,
   * leaderless partitions get a leader among the now active brokers. Records go to
   * `records`; the image after them is returned.
   */
  private leaderAndIsrUpdates(work: MetadataImage, records: MetadataRecord[], brokerToRemove: number): MetadataImage {
    // Partitions change independently and broker states do not change here, so every
    // record is computed against `work` and the image is advanced once at the end.
    const image = work;
    const isAcceptableLeader = (id: number) => id !== brokerToRemove && isActive(image, id);
    const changes: MetadataRecord[] = [];
    for (const t of image.topicsById.values()) {
      let unclean: boolean | null = null;
      for (const p of t.partitions) {
        const relevant =
          brokerToRemove === NO_LEADER
            ? p.leader === NO_LEADER
            : p.isr.includes(brokerToRemove) || p.leader === brokerToRemove;
        if (!relevant) continue;
        unclean ??= this.uncleanEnabled(image, t.name);
        const record = buildPartitionChange(p, {
          topicId: t.topicId,
          partitionId: p.partitionId,
          isAcceptableLeader,
          election: unclean ? Election.UNCLEAN : Election.ONLINE,
          ...(brokerToRemove === NO_LEADER ? {} : { targetIsr: p.isr.filter((r) => r !== brokerToRemove) }),
        });
        if (record !== null) changes.push(changeRecord(record));
      }
    }
    if (changes.length === 0) return work;
    for (const r of changes) records.push(r);
    return work.apply(changes, work.offset);
  }

  private fenceRecords(work: MetadataImage, records: MetadataRecord[], brokerId: number): MetadataImage {
    const b = work.brokers.get(brokerId);
    work = this.leaderAndIsrUpdates(work, records, brokerId);
    if (b === undefined || b.fenced) return work;
    const f = new FenceBrokerRecord();
    f.id = brokerId;
    f.epoch = BigInt(b.epoch);
    const r: MetadataRecord = { type: MetadataRecordType.FenceBrokerRecord, version: 0, message: f };
    records.push(r);
    return work.apply([r], work.offset);
  }

  private unfenceRecords(work: MetadataImage, records: MetadataRecord[], brokerId: number): MetadataImage {
    const b = work.brokers.get(brokerId);
    if (b === undefined) return work;
    const u = new UnfenceBrokerRecord();
    u.id = brokerId;
    u.epoch = BigInt(b.epoch);
    const r: MetadataRecord = { type: MetadataRecordType.UnfenceBrokerRecord, version: 0, message: u };
    records.push(r);
    work = work.apply([r], work.offset);
    // Partitions left without a leader may take this broker (Kafka's handleBrokerUnfenced).
    return this.leaderAndIsrUpdates(work, records, NO_LEADER);
  }

  /**
   * The broker epoch for a RegisterBrokerRecord preceded by `before` records in its
   * batch: as Kafka, the offset the record will have. The record must carry it, and the
   * Raft log assigns offsets only at commit, so this is the offset expected from the
   * applied end (exact unless a control batch lands first, as after an election); it is
   * kept above every epoch given so far, so epochs stay unique and increasing anyway.
   */
  private nextBrokerEpoch(before: number): number {
    let epoch = this.log.endOffset + before;
    for (const b of this.image.brokers.values()) if (b.epoch >= epoch) epoch = b.epoch + 1;
    return epoch;
  }

  private metadataVersionRecords(): MetadataRecord[] {
    if (this.image.features.has('metadata.version')) return [];
    const f = new FeatureLevelRecord();
    f.name = 'metadata.version';
    f.featureLevel = METADATA_VERSION;
    return [{ type: MetadataRecordType.FeatureLevelRecord, version: 0, message: f }];
  }

  /**
   * At start of a node that is its own quorum: sets metadata.version on a new cluster
   * and registers this broker, unfenced at once. The node is alive while its
   * controller is, so it needs no heartbeats (until it sends one).
   */
  registerBroker(
    nodeId: number,
    endpoints: readonly { name: string; host: string; port: number }[],
    rack: string | null,
  ): Promise<number> {
    return this.serial(async () => {
      const records = this.metadataVersionRecords();
      const r = new RegisterBrokerRecord();
      r.brokerId = nodeId;
      r.incarnationId = randomUuid();
      const epoch = this.nextBrokerEpoch(records.length);
      r.brokerEpoch = BigInt(epoch);
      r.endPoints = endpoints.map((e) => {
        const ep = new BrokerEndpoint();
        ep.name = e.name;
        ep.host = e.host;
        ep.port = e.port;
        ep.securityProtocol = SECURITY_PROTOCOL_PLAINTEXT;
        return ep;
      });
      r.rack = rack;
      r.fenced = true;
      const registration: MetadataRecord = { type: MetadataRecordType.RegisterBrokerRecord, version: 3, message: r };
      records.push(registration);
      this.unfenceRecords(this.image.apply(records, this.image.offset), records, nodeId);
      await this.log.append(records);
      this.selfNodes.add(nodeId);
      this.heartbeats.remove(nodeId);
      this.armSessionTimer();
      return epoch;
    });
  }

  /**
   * BrokerRegistration (Kafka's ClusterControlManager.registerBroker). The same
   * incarnation registering again gets its registration back unchanged; another
   * incarnation is refused (DUPLICATE_BROKER_REGISTRATION) while the registered one is
   * unfenced with a live session. A new registration is fenced until the broker
   * heartbeats having caught up; a previous, unfenced incarnation leaves every ISR and
   * leadership in the same batch.
   */
  brokerRegistration(req: BrokerRegistrationInput): Promise<BrokerRegistrationResult> {
    return this.serial(async () => {
      this.requireActive();
      const image = this.image;
      const now = this.clock.now();
      const existing = image.brokers.get(req.brokerId);
      if (existing !== undefined && existing.incarnationId === req.incarnationId) {
        this.heartbeats.touch(req.brokerId, now, this.heartbeats.get(req.brokerId)?.metadataOffset ?? -1);
        this.armSessionTimer();
        return { ...OK, brokerEpoch: existing.epoch };
      }
      if (existing !== undefined) {
        const live = this.selfNodes.has(req.brokerId)
          ? !existing.fenced
          : this.heartbeats.hasValidSession(req.brokerId, existing.fenced, now);
        if (live) {
          return {
            ...error(ErrorCode.DUPLICATE_BROKER_REGISTRATION, 'Another broker is registered with that broker id.'),
            brokerEpoch: -1,
          };
        }
      }
      const level = image.features.get('metadata.version') ?? METADATA_VERSION;
      const mv = req.features.find((f) => f.name === 'metadata.version');
      if (mv !== undefined && (level < mv.minSupportedVersion || level > mv.maxSupportedVersion)) {
        return {
          ...error(
            ErrorCode.UNSUPPORTED_VERSION,
            `Unable to register because the broker does not support version ${level} of metadata.version. It wants a version between ${mv.minSupportedVersion} and ${mv.maxSupportedVersion}, inclusive.`,
          ),
          brokerEpoch: -1,
        };
      }
      const records = this.metadataVersionRecords();
      // The previous incarnation is gone: it leaves every ISR and leadership first.
      if (existing !== undefined && !existing.fenced)
        this.leaderAndIsrUpdates(image.apply(records, image.offset), records, req.brokerId);
      const r = new RegisterBrokerRecord();
      r.brokerId = req.brokerId;
      r.incarnationId = req.incarnationId;
      const epoch = this.nextBrokerEpoch(records.length);
      r.brokerEpoch = BigInt(epoch);
      r.endPoints = req.listeners.map((l) => {
        const ep = new BrokerEndpoint();
        ep.name = l.name;
        ep.host = l.host;
        ep.port = l.port;
        ep.securityProtocol = l.securityProtocol;
        return ep;
      });
      r.features = req.features.map((f) => {
        const bf = new BrokerFeature();
        bf.name = f.name;
        bf.minSupportedVersion = f.minSupportedVersion;
        bf.maxSupportedVersion = f.maxSupportedVersion;
        return bf;
      });
      r.rack = req.rack;
      r.fenced = true;
      r.inControlledShutdown = false;
      r.logDirs = [...(req.logDirs ?? [])];
      records.push({ type: MetadataRecordType.RegisterBrokerRecord, version: 3, message: r });
      await this.log.append(records);
      this.selfNodes.delete(req.brokerId);
      this.heartbeats.register(req.brokerId, this.clock.now());
      this.armSessionTimer();
      return { ...OK, brokerEpoch: epoch };
    });
  }

  private checkBrokerEpoch(image: MetadataImage, brokerId: number, brokerEpoch: number): OperationError {
    const b = image.brokers.get(brokerId);
    if (b === undefined)
      return error(ErrorCode.STALE_BROKER_EPOCH, `No broker registration found for broker ${brokerId}`);
    if (b.epoch !== brokerEpoch)
      return error(
        ErrorCode.STALE_BROKER_EPOCH,
        `Expected broker epoch ${b.epoch}, but got broker epoch ${brokerEpoch}`,
      );
    return OK;
  }

  private lowestActiveOffset(image: MetadataImage, except: number): number {
    let lowest = Number.POSITIVE_INFINITY;
    for (const b of image.brokers.values()) {
      if (b.nodeId === except || !isActive(image, b.nodeId) || this.selfNodes.has(b.nodeId)) continue;
      const s = this.heartbeats.get(b.nodeId);
      if (s !== undefined && s.metadataOffset < lowest) lowest = s.metadataOffset;
    }
    return lowest;
  }

  /** BrokerHeartbeat (Kafka's ReplicationControlManager.processBrokerHeartbeat). */
  brokerHeartbeat(req: BrokerHeartbeatInput): Promise<BrokerHeartbeatResult> {
    return this.serial(async () => {
      this.requireActive();
      const image = this.image;
      const check = this.checkBrokerEpoch(image, req.brokerId, req.brokerEpoch);
      if (check.errorCode !== ErrorCode.NONE)
        return { ...check, isCaughtUp: false, isFenced: true, shouldShutDown: false };
      const b = image.brokers.get(req.brokerId);
      if (b === undefined) throw new Error('unreachable: checked above');
      this.selfNodes.delete(req.brokerId);
      const session = this.heartbeats.get(req.brokerId);
      const current: BrokerControlStateType = b.fenced
        ? BrokerControlState.FENCED
        : b.inControlledShutdown
          ? BrokerControlState.CONTROLLED_SHUTDOWN
          : BrokerControlState.UNFENCED;
      const hasLeaderships = () => {
        for (const t of image.topicsById.values()) for (const p of t.partitions) if (p.leader === b.nodeId) return true;
        return false;
      };
      let next = nextBrokerState(current, req, b.epoch, hasLeaderships, session?.controlledShutdownOffset ?? -1, () =>
        this.lowestActiveOffset(image, b.nodeId),
      );
      // A broker that was told to shut down stays fenced until it registers again: no
      // record can take its registration out of controlled shutdown, so unfencing it
      // would leave a broker that is unfenced yet never eligible.
      if (next === BrokerControlState.UNFENCED && b.inControlledShutdown) next = BrokerControlState.FENCED;
      const records: MetadataRecord[] = [];
      if (current !== next) {
        switch (next) {
          case BrokerControlState.FENCED:
          case BrokerControlState.SHUTDOWN_NOW:
            this.fenceRecords(image, records, b.nodeId);
            break;
          case BrokerControlState.UNFENCED:
            this.unfenceRecords(image, records, b.nodeId);
            break;
          case BrokerControlState.CONTROLLED_SHUTDOWN: {
            const c = new BrokerRegistrationChangeRecord();
            c.brokerId = b.nodeId;
            c.brokerEpoch = BigInt(b.epoch);
            c.inControlledShutdown = 1;
            const r: MetadataRecord = {
              type: MetadataRecordType.BrokerRegistrationChangeRecord,
              version: 1,
              message: c,
            };
            records.push(r);
            this.leaderAndIsrUpdates(image.apply([r], image.offset), records, b.nodeId);
            break;
          }
        }
      }
      let after = image;
      if (records.length > 0) after = await this.log.append(records);
      const now = this.clock.now();
      this.heartbeats.touch(b.nodeId, now, req.currentMetadataOffset);
      const s = this.heartbeats.get(b.nodeId);
      if (s !== undefined) {
        if (next === BrokerControlState.CONTROLLED_SHUTDOWN && current !== next)
          s.controlledShutdownOffset = after.offset;
        if (next === BrokerControlState.FENCED || next === BrokerControlState.SHUTDOWN_NOW)
          s.controlledShutdownOffset = -1;
      }
      this.armSessionTimer();
      return {
        ...OK,
        isCaughtUp: req.currentMetadataOffset >= b.epoch,
        isFenced: next === BrokerControlState.FENCED || next === BrokerControlState.SHUTDOWN_NOW,
        shouldShutDown: next === BrokerControlState.SHUTDOWN_NOW,
      };
    });
  }

  /**
   * Fences every broker whose session expired (no heartbeat within
   * broker.session.timeout.ms), each leaving every ISR and leadership in the same
   * batch. Runs from the session timer; public for tests. Resolves with the fenced ids.
   */
  fenceStaleBrokers(): Promise<number[]> {
    return this.serial(async () => {
      this.requireActive();
      const image = this.image;
      const stale = this.heartbeats.expired(this.sessionBrokers(image), this.clock.now());
      if (stale.length > 0) {
        const records: MetadataRecord[] = [];
        let work = image;
        for (const id of stale) work = this.fenceRecords(work, records, id);
        await this.log.append(records);
        for (const id of stale) {
          const s = this.heartbeats.get(id);
          if (s !== undefined) s.controlledShutdownOffset = -1;
        }
      }
      this.armSessionTimer();
      return stale;
    });
  }

  /** UnregisterBroker: out of every ISR and leadership, then gone from the cluster. */
  unregisterBroker(brokerId: number): Promise<OperationError> {
    return this.serial(async () => {
      this.requireActive();
      const image = this.image;
      const b = image.brokers.get(brokerId);
      if (b === undefined)
        return error(ErrorCode.BROKER_ID_NOT_REGISTERED, `Broker ID ${brokerId} is not currently registered`);
      const records: MetadataRecord[] = [];
      this.leaderAndIsrUpdates(image, records, brokerId);
      const u = new UnregisterBrokerRecord();
      u.brokerId = brokerId;
      u.brokerEpoch = BigInt(b.epoch);
      records.push({ type: MetadataRecordType.UnregisterBrokerRecord, version: 0, message: u });
      await this.log.append(records);
      this.heartbeats.remove(brokerId);
      this.selfNodes.delete(brokerId);
      this.armSessionTimer();
      return OK;
    });
  }

  /**
   * AlterPartition: ISR changes asked by partition leaders (Kafka's
   * ReplicationControlManager.alterPartition). `version` selects topic names (0-1) or
   * ids (2+) and the errors older versions know.
   */
  alterPartition(req: AlterPartitionInput, version: number): Promise<AlterPartitionResult> {
    return this.serial(async () => {
      this.requireActive();
      const image = this.image;
      const response: AlterPartitionResult = { errorCode: ErrorCode.NONE, topics: [] };
      if (this.checkBrokerEpoch(image, req.brokerId, req.brokerEpoch).errorCode !== ErrorCode.NONE) {
        response.errorCode = ErrorCode.STALE_BROKER_EPOCH;
        return response;
      }
      const records: MetadataRecord[] = [];
      let work = image;
      for (const td of req.topics) {
        const out: AlterPartitionResult['topics'][number] = {
          topicName: td.topicName,
          topicId: td.topicId,
          partitions: [],
        };
        response.topics.push(out);
        const topic = version > 1 ? work.topicsById.get(td.topicId) : work.topicsByName.get(td.topicName);
        const failed = (partitionIndex: number, errorCode: number): AlterPartitionPartitionResult => ({
          partitionIndex,
          errorCode,
          leaderId: -1,
          leaderEpoch: -1,
          isr: [],
          leaderRecoveryState: 0,
          partitionEpoch: -1,
        });
        if (topic === undefined) {
          const code = version > 1 ? ErrorCode.UNKNOWN_TOPIC_ID : ErrorCode.UNKNOWN_TOPIC_OR_PARTITION;
          for (const pd of td.partitions) out.partitions.push(failed(pd.partitionIndex, code));
          continue;
        }
        for (const pd of td.partitions) {
          const p = work.topicsById.get(topic.topicId)?.partitions[pd.partitionIndex];
          const code = validateAlterPartition(work, req.brokerId, p, pd, version);
          if (p === undefined || code !== ErrorCode.NONE) {
            out.partitions.push(failed(pd.partitionIndex, code));
            continue;
          }
          const snapshot = work;
          const record = buildPartitionChange(p, {
            topicId: topic.topicId,
            partitionId: pd.partitionIndex,
            isAcceptableLeader: (id) => isActive(snapshot, id),
            election: this.uncleanEnabled(work, topic.name) ? Election.UNCLEAN : Election.ONLINE,
            targetIsr: pd.newIsr.map((s) => s.brokerId),
            targetLeaderRecoveryState: pd.leaderRecoveryState,
          });
          let after = p;
          if (record !== null) {
            const r = changeRecord(record);
            records.push(r);
            work = work.apply([r], work.offset);
            after = work.topicsById.get(topic.topicId)?.partitions[pd.partitionIndex] ?? p;
            if (record.leader !== req.brokerId && record.leader !== -2) {
              // Completing a reassignment moved leadership: the old leader must refresh its metadata.
              out.partitions.push(
                failed(pd.partitionIndex, version > 1 ? ErrorCode.NEW_LEADER_ELECTED : ErrorCode.FENCED_LEADER_EPOCH),
              );
              continue;
            }
          }
          out.partitions.push({
            partitionIndex: pd.partitionIndex,
            errorCode: ErrorCode.NONE,
            leaderId: after.leader,
            leaderEpoch: after.leaderEpoch,
            isr: [...after.isr],
            leaderRecoveryState: after.leaderRecoveryState,
            partitionEpoch: after.partitionEpoch,
          });
        }
      }
      if (records.length > 0) await this.log.append(records);
      return response;
    });
  }

  /**
   * ElectLeaders (Kafka's ReplicationControlManager.electLeaders). `partitions` null:
   * every partition, answering only those where an election was needed.
   */
  electLeaders(
    electionType: number,
    partitions: readonly { topic: string; partitions: readonly number[] }[] | null,
  ): Promise<ElectionResult[]> {
    return this.serial(async () => {
      this.requireActive();
      const image = this.image;
      const all = partitions === null;
      const targets =
        partitions ??
        [...image.topicsByName.values()]
          .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
          .map((t) => ({ topic: t.name, partitions: t.partitions.map((p) => p.partitionId) }));
      const records: MetadataRecord[] = [];
      let work = image;
      const results: ElectionResult[] = [];
      for (const target of targets) {
        const result: ElectionResult = { topic: target.topic, partitions: [] };
        for (const partitionId of target.partitions) {
          const outcome = this.electLeader(work, target.topic, partitionId, electionType);
          if (outcome.record !== null) {
            const r = changeRecord(outcome.record);
            records.push(r);
            work = work.apply([r], work.offset);
          }
          if (all && outcome.error.errorCode === ErrorCode.ELECTION_NOT_NEEDED) continue;
          result.partitions.push({ ...outcome.error, partitionId });
        }
        if (!all || result.partitions.length > 0) results.push(result);
      }
      if (records.length > 0) await this.log.append(records);
      return results;
    });
  }

  private electLeader(
    image: MetadataImage,
    topicName: string,
    partitionId: number,
    electionType: number,
  ): { error: OperationError; record: PartitionChangeRecord | null } {
    if (electionType !== ElectionType.PREFERRED && electionType !== ElectionType.UNCLEAN)
      return { error: error(ErrorCode.INVALID_REQUEST, `Unknown election type ${electionType}`), record: null };
    const topic = image.topicsByName.get(topicName);
    if (topic === undefined)
      return { error: error(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, `No such topic as ${topicName}`), record: null };
    const p = topic.partitions[partitionId];
    if (p === undefined)
      return {
        error: error(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, `No such partition as ${topicName}-${partitionId}`),
        record: null,
      };
    const preferred = electionType === ElectionType.PREFERRED;
    if ((preferred && p.leader === p.replicas[0]) || (!preferred && p.leader !== NO_LEADER))
      return {
        error: error(ErrorCode.ELECTION_NOT_NEEDED, 'Leader election not needed for topic partition.'),
        record: null,
      };
    const record = buildPartitionChange(p, {
      topicId: topic.topicId,
      partitionId,
      isAcceptableLeader: (id) => isActive(image, id),
      election: preferred ? Election.PREFERRED : Election.UNCLEAN,
    });
    if (record === null || record.leader === -2)
      return {
        error: preferred
          ? error(
              ErrorCode.PREFERRED_LEADER_NOT_AVAILABLE,
              `Failed to elect leader for ${topicName}-${partitionId}: the preferred replica is not available.`,
            )
          : error(
              ErrorCode.ELIGIBLE_LEADERS_NOT_AVAILABLE,
              `Failed to elect leader for ${topicName}-${partitionId}: no eligible replica is available.`,
            ),
        record,
      };
    return { error: OK, record };
  }

  /**
   * AlterPartitionReassignments (KIP-455, Kafka's changePartitionReassignment): a target
   * makes the replicas target ∪ current, with addingReplicas (target − current) and
   * removingReplicas (current − target); it completes when every adding replica has
   * joined the ISR (see partition-change.ts). A null target cancels: the adding
   * replicas leave replicas and ISR.
   */
  alterPartitionReassignments(
    topics: readonly {
      name: string;
      partitions: readonly { partitionIndex: number; replicas: readonly number[] | null }[];
    }[],
  ): Promise<ReassignmentResult[]> {
    return this.serial(async () => {
      this.requireActive();
      const records: MetadataRecord[] = [];
      let work = this.image;
      const results: ReassignmentResult[] = [];
      for (const t of topics) {
        const result: ReassignmentResult = { name: t.name, partitions: [] };
        results.push(result);
        for (const req of t.partitions) {
          const outcome = this.reassign(work, t.name, req.partitionIndex, req.replicas);
          if (outcome.record !== null) {
            const r = changeRecord(outcome.record);
            records.push(r);
            work = work.apply([r], work.offset);
          }
          result.partitions.push({ ...outcome.error, partitionIndex: req.partitionIndex });
        }
      }
      if (records.length > 0) await this.log.append(records);
      return results;
    });
  }

  private reassign(
    image: MetadataImage,
    topicName: string,
    partitionId: number,
    target: readonly number[] | null,
  ): { error: OperationError; record: PartitionChangeRecord | null } {
    const topic = image.topicsByName.get(topicName);
    const p = topic?.partitions[partitionId];
    if (topic === undefined || p === undefined)
      return {
        error: error(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, `Unable to find partition ${topicName}:${partitionId}.`),
        record: null,
      };
    const ctx = {
      topicId: topic.topicId,
      partitionId,
      isAcceptableLeader: (id: number) => isActive(image, id),
      unclean: this.uncleanEnabled(image, topicName),
    };
    if (target === null) {
      const cancel = cancelReassignment(p, ctx);
      if (cancel === 'none')
        return {
          error: error(ErrorCode.NO_REASSIGNMENT_IN_PROGRESS, 'No partition reassignment is in progress.'),
          record: null,
        };
      if (cancel === 'unclean')
        return {
          error: error(
            ErrorCode.INVALID_REPLICA_ASSIGNMENT,
            `Unable to revert partition assignment for ${topicName}:${partitionId} because it would require an unclean leader election.`,
          ),
          record: null,
        };
      return { error: OK, record: cancel };
    }
    const check = checkManualAssignment(image, target, -1);
    if (check.errorCode !== ErrorCode.NONE) return { error: check, record: null };
    return { error: OK, record: startReassignment(p, target, ctx) };
  }

  /** ListPartitionReassignments: ongoing reassignments; `topics` null: all. Unknown names are left out, as Kafka does. */
  listPartitionReassignments(
    topics: readonly { name: string; partitionIndexes: readonly number[] }[] | null,
  ): OngoingReassignment[] {
    return ongoingReassignments(this.image, topics);
  }

  /** Brokers new replicas may go to: registered, unfenced, not in controlled shutdown. */
  private usableBrokers(image: MetadataImage): { nodeId: number; rack: string | null }[] {
    return [...image.brokers.values()]
      .filter((b) => !b.fenced && !b.inControlledShutdown)
      .map((b) => ({ nodeId: b.nodeId, rack: b.rack }))
      .sort((a, b) => a.nodeId - b.nodeId);
  }

  private checkNewTopic(image: MetadataImage, t: NewTopic, names: Set<string>): OperationError {
    const nameCheck = validateTopicName(t.name);
    if (nameCheck.errorCode !== ErrorCode.NONE) return nameCheck;
    if (image.topicsByName.has(t.name) || names.has(t.name))
      return error(ErrorCode.TOPIC_ALREADY_EXISTS, `Topic '${t.name}' already exists.`);
    const collision = collidingTopic(image, t.name);
    if (collision !== null) {
      return error(ErrorCode.INVALID_TOPIC_EXCEPTION, `Topic '${t.name}' collides with existing topic: ${collision}`);
    }
    const live = this.usableBrokers(image);
    if (t.assignments !== null) {
      if (t.numPartitions !== -1 || t.replicationFactor !== -1) {
        return error(
          ErrorCode.INVALID_REQUEST,
          'Both numPartitions or replicationFactor and replicasAssignments were set. Both cannot be used at the same time.',
        );
      }
      const ids = [...t.assignments.keys()].sort((a, b) => a - b);
      if (ids.length === 0)
        return error(ErrorCode.INVALID_REPLICA_ASSIGNMENT, 'An empty replica assignment was given.');
      for (let i = 0; i < ids.length; i++) {
        if (ids[i] !== i)
          return error(
            ErrorCode.INVALID_REPLICA_ASSIGNMENT,
            'Partitions should be a consecutive 0-based integer sequence.',
          );
      }
      let size = -1;
      for (const replicas of t.assignments.values()) {
        const check = checkManualAssignment(image, replicas, size);
        if (check.errorCode !== ErrorCode.NONE) return check;
        size = replicas.length;
      }
      return OK;
    }
    const partitions = t.numPartitions === -1 ? this.defaults.numPartitions : t.numPartitions;
    const rf = t.replicationFactor === -1 ? this.defaults.replicationFactor : t.replicationFactor;
    if (partitions <= 0)
      return error(ErrorCode.INVALID_PARTITIONS, 'Number of partitions was set to an invalid non-positive value.');
    if (rf <= 0)
      return error(
        ErrorCode.INVALID_REPLICATION_FACTOR,
        'Replication factor must be larger than 0, or -1 to use the default value.',
      );
    if (rf > live.length) {
      return error(
        ErrorCode.INVALID_REPLICATION_FACTOR,
        `Unable to replicate the partition ${rf} time(s): The target replication factor of ${rf} cannot be reached because only ${live.length} broker(s) are registered.`,
      );
    }
    return OK;
  }

  private place(live: readonly { nodeId: number; rack: string | null }[], partitions: number, rf: number): number[][] {
    const placed = placeReplicas(live, partitions, rf, this.random);
    // Callers checked rf against the usable brokers first.
    if (!placed.ok) throw new Error(placed.errorMessage);
    return placed.assignment;
  }

  private topicRecords(
    name: string,
    topicId: Uuid,
    assignment: readonly (readonly number[])[],
    configs: ReadonlyMap<string, string>,
    firstPartition = 0,
  ): MetadataRecord[] {
    const records: MetadataRecord[] = [];
    if (firstPartition === 0) {
      const t = new TopicRecord();
      t.name = name;
      t.topicId = topicId;
      records.push({ type: MetadataRecordType.TopicRecord, version: 0, message: t });
      for (const [key, value] of configs) records.push(configRecord(ConfigResourceType.TOPIC, name, key, value));
    }
    const image = this.image;
    assignment.forEach((replicas, i) => {
      const p = new PartitionRecord();
      p.partitionId = firstPartition + i;
      p.topicId = topicId;
      p.replicas = [...replicas];
      // As Kafka: only active replicas start in the ISR, the first of them leads.
      const isr = replicas.filter((r) => isActive(image, r));
      p.isr = isr.length > 0 ? isr : [...replicas];
      p.leader = isr[0] ?? NO_LEADER;
      p.leaderEpoch = 0;
      p.partitionEpoch = 0;
      records.push({ type: MetadataRecordType.PartitionRecord, version: 0, message: p });
    });
    return records;
  }

  /** CreateTopics: all valid topics are created in one batch; `validateOnly` writes nothing. */
  createTopics(topics: readonly NewTopic[], validateOnly: boolean): Promise<CreatedTopic[]> {
    return this.serial(async () => {
      const image = this.image;
      const live = this.usableBrokers(image);
      const results: CreatedTopic[] = [];
      const records: MetadataRecord[] = [];
      const names = new Set<string>();
      for (const t of topics) {
        const check = this.checkNewTopic(image, t, names);
        if (check.errorCode !== ErrorCode.NONE) {
          results.push({ ...check, name: t.name, topicId: '' as Uuid, numPartitions: -1, replicationFactor: -1 });
          continue;
        }
        names.add(t.name);
        const assignment =
          t.assignments !== null
            ? [...t.assignments.entries()].sort((a, b) => a[0] - b[0]).map(([, r]) => r)
            : this.place(
                live,
                t.numPartitions === -1 ? this.defaults.numPartitions : t.numPartitions,
                t.replicationFactor === -1 ? this.defaults.replicationFactor : t.replicationFactor,
              );
        const inactive = firstInactivePartition(image, assignment);
        if (inactive !== null) {
          results.push({
            ...error(
              ErrorCode.INVALID_REPLICATION_FACTOR,
              `All brokers specified in the partition assignment for partition ${inactive} are fenced or in controlled shutdown.`,
            ),
            name: t.name,
            topicId: '' as Uuid,
            numPartitions: -1,
            replicationFactor: -1,
          });
          continue;
        }
        const topicId = randomUuid();
        records.push(...this.topicRecords(t.name, topicId, assignment, t.configs));
        results.push({
          ...OK,
          name: t.name,
          topicId,
          numPartitions: assignment.length,
          replicationFactor: assignment[0]?.length ?? 0,
        });
      }
      if (!validateOnly) await this.log.append(records);
      return results;
    });
  }

  /** DeleteTopics by name or id. */
  deleteTopics(
    targets: readonly { name: string | null; topicId: Uuid | null }[],
  ): Promise<(OperationError & { name: string | null; topicId: Uuid | null })[]> {
    return this.serial(async () => {
      const image = this.image;
      const records: MetadataRecord[] = [];
      const results: (OperationError & { name: string | null; topicId: Uuid | null })[] = [];
      const seen = new Set<Uuid>();
      for (const target of targets) {
        let topic: TopicImage | undefined;
        if (target.topicId !== null) topic = image.topicsById.get(target.topicId);
        else if (target.name !== null) topic = image.topicsByName.get(target.name);
        if (topic === undefined) {
          results.push({
            ...(target.topicId !== null
              ? error(ErrorCode.UNKNOWN_TOPIC_ID, `Topic id ${target.topicId} not found.`)
              : error(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, 'This server does not host this topic-partition.')),
            name: target.name,
            topicId: target.topicId,
          });
          continue;
        }
        if (!this.defaults.deleteTopicEnable) {
          results.push({
            ...error(ErrorCode.TOPIC_DELETION_DISABLED, 'Topic deletion is disabled.'),
            name: topic.name,
            topicId: topic.topicId,
          });
          continue;
        }
        if (!seen.has(topic.topicId)) {
          const r = new RemoveTopicRecord();
          r.topicId = topic.topicId;
          records.push({ type: MetadataRecordType.RemoveTopicRecord, version: 0, message: r });
          seen.add(topic.topicId);
        }
        results.push({ ...OK, name: topic.name, topicId: topic.topicId });
      }
      await this.log.append(records);
      return results;
    });
  }

  /** CreatePartitions: grows a topic to `count` partitions. */
  createPartitions(
    requests: readonly { name: string; count: number; assignments: readonly (readonly number[])[] | null }[],
    validateOnly: boolean,
  ): Promise<(OperationError & { name: string })[]> {
    return this.serial(async () => {
      const image = this.image;
      const live = this.usableBrokers(image);
      const records: MetadataRecord[] = [];
      const results: (OperationError & { name: string })[] = [];
      const seen = new Set<string>();
      for (const req of requests) {
        const topic = image.topicsByName.get(req.name);
        if (seen.has(req.name)) {
          results.push({ ...error(ErrorCode.INVALID_REQUEST, 'Duplicate topic in request.'), name: req.name });
          continue;
        }
        seen.add(req.name);
        if (topic === undefined) {
          results.push({
            ...error(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, `The topic '${req.name}' does not exist.`),
            name: req.name,
          });
          continue;
        }
        const current = topic.partitions.length;
        if (req.count < current) {
          results.push({
            ...error(
              ErrorCode.INVALID_PARTITIONS,
              `The topic ${req.name} currently has ${current} partition(s); ${req.count} would not be an increase.`,
            ),
            name: req.name,
          });
          continue;
        }
        if (req.count === current) {
          results.push({
            ...error(ErrorCode.INVALID_PARTITIONS, `Topic already has ${current} partition(s).`),
            name: req.name,
          });
          continue;
        }
        const added = req.count - current;
        // The replication factor without replicas a reassignment is removing.
        const first = topic.partitions[0];
        const rf = first === undefined ? 1 : first.replicas.length - first.removingReplicas.length;
        let assignment: (readonly number[])[];
        if (req.assignments !== null) {
          if (req.assignments.length !== added) {
            results.push({
              ...error(
                ErrorCode.INVALID_REPLICA_ASSIGNMENT,
                `Attempted to add ${added} additional partition(s), but only ${req.assignments.length} assignment(s) were specified.`,
              ),
              name: req.name,
            });
            continue;
          }
          const bad = req.assignments
            .map((a) => checkManualAssignment(image, a, rf))
            .find((c) => c.errorCode !== ErrorCode.NONE);
          if (bad !== undefined) {
            results.push({ ...bad, name: req.name });
            continue;
          }
          assignment = [...req.assignments];
        } else {
          if (rf > live.length) {
            results.push({
              ...error(
                ErrorCode.INVALID_REPLICATION_FACTOR,
                `Unable to replicate the partition ${rf} time(s): only ${live.length} broker(s) are registered.`,
              ),
              name: req.name,
            });
            continue;
          }
          assignment = this.place(live, added, rf);
        }
        const inactive = firstInactivePartition(image, assignment);
        if (inactive !== null) {
          results.push({
            ...error(
              ErrorCode.INVALID_REPLICATION_FACTOR,
              `All brokers specified in the partition assignment for partition ${current + inactive} are fenced or in controlled shutdown.`,
            ),
            name: req.name,
          });
          continue;
        }
        records.push(...this.topicRecords(topic.name, topic.topicId, assignment, new Map(), current));
        results.push({ ...OK, name: req.name });
      }
      if (!validateOnly) await this.log.append(records);
      return results;
    });
  }

  /**
   * Replaces or changes config overrides of one resource: `changes` maps names to a
   * value, or to null to remove the override. Validation is the caller's.
   */
  alterConfigs(
    resourceType: number,
    resourceName: string,
    changes: ReadonlyMap<string, string | null>,
    validateOnly: boolean,
  ): Promise<void> {
    return this.serial(async () => {
      if (validateOnly) return;
      const records: MetadataRecord[] = [];
      for (const [name, value] of changes) records.push(configRecord(resourceType, resourceName, name, value));
      await this.log.append(records);
    });
  }

  /** A block of producer ids, durable before it is handed out (never reused after a restart). */
  allocateProducerIds(nodeId: number, brokerEpoch: number): Promise<{ firstProducerId: number; size: number }> {
    return this.serial(async () => {
      const first = this.image.nextProducerId;
      const r = new ProducerIdsRecord();
      r.brokerId = nodeId;
      r.brokerEpoch = BigInt(brokerEpoch);
      r.nextProducerId = BigInt(first + PRODUCER_ID_BLOCK_SIZE);
      await this.log.append([{ type: MetadataRecordType.ProducerIdsRecord, version: 0, message: r }]);
      return { firstProducerId: first, size: PRODUCER_ID_BLOCK_SIZE };
    });
  }
}

/**
 * Kafka's checks of one manually assigned replica list (ReplicationControlManager
 * validateManualPartitionAssignment): not empty, only registered brokers, none twice,
 * and `size` replicas when the other partitions set it (-1: not yet known).
 */
function checkManualAssignment(image: MetadataImage, replicas: readonly number[], size: number): OperationError {
  if (replicas.length === 0)
    return error(
      ErrorCode.INVALID_REPLICA_ASSIGNMENT,
      'The manual partition assignment includes an empty replica list.',
    );
  const sorted = [...replicas].sort((a, b) => a - b);
  for (let i = 0; i < sorted.length; i++) {
    const r = sorted[i] as number;
    if (!image.brokers.has(r))
      return error(
        ErrorCode.INVALID_REPLICA_ASSIGNMENT,
        `The manual partition assignment includes broker ${r}, but no such broker is registered.`,
      );
    if (i > 0 && sorted[i - 1] === r)
      return error(
        ErrorCode.INVALID_REPLICA_ASSIGNMENT,
        `The manual partition assignment includes the broker ${r} more than once.`,
      );
  }
  if (size >= 0 && replicas.length !== size)
    return error(
      ErrorCode.INVALID_REPLICA_ASSIGNMENT,
      `The manual partition assignment includes a partition with ${replicas.length} replica(s), but this is not consistent with previous partitions, which have ${size} replica(s).`,
    );
  return OK;
}

function configRecord(resourceType: number, resourceName: string, name: string, value: string | null): MetadataRecord {
  const c = new ConfigRecord();
  c.resourceType = resourceType;
  c.resourceName = resourceName;
  c.name = name;
  c.value = value;
  return { type: MetadataRecordType.ConfigRecord, version: 0, message: c };
}

/** Index of the first replica list with no active broker; null when every one has one. */
function firstInactivePartition(image: MetadataImage, assignment: readonly (readonly number[])[]): number | null {
  for (let i = 0; i < assignment.length; i++) {
    if (!(assignment[i] as readonly number[]).some((r) => isActive(image, r))) return i;
  }
  return null;
}

/**
 * Kafka's validateAlterPartitionData, in its order: unknown partition; epochs ahead of
 * ours (NOT_CONTROLLER: we are likely a stale controller); a stale leader epoch; a
 * requester that is not the leader; a stale partition epoch; an ISR that is not a set of
 * the partition's replicas containing the leader; a RECOVERING leader with others in the
 * ISR or a RECOVERED one going back; then members that cannot be in an ISR
 * (unregistered, in controlled shutdown, fenced, or of another broker epoch).
 * Deviations asked by the Gregor brief: a requester that is not the leader is
 * NOT_LEADER_OR_FOLLOWER (Kafka: INVALID_REQUEST) and an ISR member that is not a
 * replica INELIGIBLE_REPLICA (Kafka: INVALID_REQUEST).
 */
function validateAlterPartition(
  image: MetadataImage,
  brokerId: number,
  p: PartitionImage | undefined,
  pd: AlterPartitionInput['topics'][number]['partitions'][number],
  version: number,
): number {
  if (p === undefined) return ErrorCode.UNKNOWN_TOPIC_OR_PARTITION;
  if (pd.leaderEpoch > p.leaderEpoch || pd.partitionEpoch > p.partitionEpoch) return ErrorCode.NOT_CONTROLLER;
  if (pd.leaderEpoch < p.leaderEpoch) return ErrorCode.FENCED_LEADER_EPOCH;
  if (brokerId !== p.leader) return ErrorCode.NOT_LEADER_OR_FOLLOWER;
  if (pd.partitionEpoch < p.partitionEpoch) return ErrorCode.INVALID_UPDATE_VERSION;
  const ids = pd.newIsr.map((s) => s.brokerId);
  if (new Set(ids).size !== ids.length || !ids.includes(p.leader)) return ErrorCode.INVALID_REQUEST;
  if (pd.leaderRecoveryState === 1 && ids.length > 1) return ErrorCode.INVALID_REQUEST;
  if (p.leaderRecoveryState === 0 && pd.leaderRecoveryState === 1) return ErrorCode.INVALID_REQUEST;
  const ineligible = version > 1 ? ErrorCode.INELIGIBLE_REPLICA : ErrorCode.OPERATION_NOT_ATTEMPTED;
  for (const s of pd.newIsr) {
    if (!p.replicas.includes(s.brokerId)) return ineligible;
    const b = image.brokers.get(s.brokerId);
    if (b === undefined || b.inControlledShutdown || b.fenced) return ineligible;
    if (s.brokerEpoch !== -1 && s.brokerEpoch !== b.epoch) return ineligible;
  }
  return ErrorCode.NONE;
}
