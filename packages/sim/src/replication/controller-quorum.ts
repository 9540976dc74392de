/**
 * The KRaft controller quorum of the replication simulation: three controller processes
 * (CONTROLLER_IDS), each incarnation running the broker's real MetadataLog (a RaftNode
 * over a DiskReplicatedLog, its quorum-state file and snapshots, on the controller's own
 * MemoryDisk) and the real Controller over it, activated while its node is the active
 * controller and deactivated when it stops being so, as broker.ts wires them. Raft's
 * Vote, BeginQuorumEpoch, EndQuorumEpoch, Fetch and FetchSnapshot cross the SimNetwork
 * as `raft` requests carrying Raft's own request objects.
 *
 * A controller incarnation owns a TimerScope, a ProcessGate, a network endpoint and an
 * IncarnationDisk, as a broker's does: a crash freezes all four (a power loss also drops
 * the unsynced bytes of its metadata log, with a torn tail sometimes), a restart opens a
 * new MetadataLog on the same disk (log recovery, the latest snapshot, the quorum state).
 * A graceful shutdown closes the log first (a leader resigns with EndQuorumEpoch).
 *
 * Clients (brokers, producers) send their controller requests to the controller they
 * believe active (a ControllerChooser each) and move on to another one when it answers
 * NOT_CONTROLLER or not at all; a metadata answer names the responder's known leader,
 * which they follow (as KRaft brokers learn the leader from the metadata log's fetches).
 */

import type { ControllerOptions } from '@gregor/broker/internals/metadata/controller';
import {
  Controller,
  isNotControllerError,
  METADATA_VERSION,
  SECURITY_PROTOCOL_PLAINTEXT,
} from '@gregor/broker/internals/metadata/controller';
import { MetadataImage } from '@gregor/broker/internals/metadata/image';
import { MetadataLog } from '@gregor/broker/internals/metadata/metadata-log';
import type { MetadataRecord } from '@gregor/broker/internals/metadata/record-serde';
import { decodeSnapshot, encodeSnapshot } from '@gregor/broker/internals/metadata/snapshot';
import { ErrorCode, MetadataRecordType } from '@gregor/protocol';
import type { RaftConfig, RaftNetwork, RaftRequest, RaftResponse } from '@gregor/raft';
import { MemoryDisk } from '@gregor/storage';
import type { Logger } from 'pino';
import type { SimEndpoint, SimNetwork } from '../network.js';
import type { SeededRandom } from '../random.js';
import type { SimScheduler } from '../scheduler.js';
import type { SimRequest, SimResponse } from './cluster.js';
import type { ControllerChecker } from './controller-checker.js';
import { IncarnationDisk } from './incarnation-disk.js';
import type { ProcessIncarnation, ProcessSlot } from './process-slot.js';
import { crashProcess, describeError, sleep, startProcess } from './process-slot.js';

/** The controllers' node ids: clear of brokers (1..5) and clients (99, 100..). */
export const CONTROLLER_IDS: readonly number[] = [3000, 3001, 3002];
const CLUSTER_ID = 'gregor-sim-cluster';
const METADATA_LOG_DIR = '/controller';
/** How often the bootstrap's topic creation looks for the active controller. */
const APPEND_RETRY_MS = 50;

export interface QuorumConfig {
  /** controller.quorum.* (timeouts, linger). */
  raft: Partial<RaftConfig>;
  /** metadata.log.max.record.bytes.between.snapshots */
  snapshotMaxBytes: number;
  /** metadata.log.segment.bytes */
  segmentBytes: number;
  defaults: { numPartitions: number; replicationFactor: number; deleteTopicEnable: boolean };
  heartbeatIntervalMs: number;
  sessionTimeoutMs: number;
  /** The `lossy-snapshot` bug: snapshots leave the ConfigRecords out. */
  lossySnapshots: boolean;
}

export interface ControllerIncarnation extends ProcessIncarnation {
  log: MetadataLog | null;
  controller: Controller | null;
  /** A graceful shutdown is under way: it serves Raft still, brokers no more. */
  closing: boolean;
}

export class SimController implements ProcessSlot<ControllerIncarnation> {
  readonly disk = new MemoryDisk();
  incarnation: ControllerIncarnation | null = null;
  incarnations = 0;
  constructor(readonly id: number) {}

  /** The open metadata log of a live, unpaused, not closing incarnation. */
  get running(): MetadataLog | null {
    const inc = this.incarnation;
    if (inc === null || !inc.alive || inc.closing || inc.gate.paused) return null;
    return inc.log;
  }
}

/** The controller a client believes active; it moves on when that one refuses or is silent. */
export class ControllerChooser {
  current: number = CONTROLLER_IDS[0] as number;

  moveOn(): void {
    const at = CONTROLLER_IDS.indexOf(this.current);
    this.current = CONTROLLER_IDS[(at + 1) % CONTROLLER_IDS.length] as number;
  }

  follow(leaderId: number | null): void {
    if (leaderId !== null && CONTROLLER_IDS.includes(leaderId)) this.current = leaderId;
  }
}

function never<T>(): Promise<T> {
  return new Promise<T>(() => {});
}

/** A controller's answer that says "not me": the client tries another controller. */
export function isNotControllerAnswer(r: SimResponse): boolean {
  switch (r.kind) {
    case 'register':
    case 'heartbeat':
      return r.errorCode === ErrorCode.NOT_CONTROLLER;
    case 'alter-partition':
      return r.result.errorCode === ErrorCode.NOT_CONTROLLER;
    default:
      return false;
  }
}

function notController(request: SimRequest): SimResponse {
  switch (request.kind) {
    case 'register':
      return { kind: 'register', errorCode: ErrorCode.NOT_CONTROLLER, brokerEpoch: -1 };
    case 'heartbeat':
      return { kind: 'heartbeat', errorCode: ErrorCode.NOT_CONTROLLER, isFenced: false, shouldShutDown: false };
    case 'alter-partition':
      return { kind: 'alter-partition', result: { errorCode: ErrorCode.NOT_CONTROLLER } };
    default:
      throw new Error(`no NOT_CONTROLLER answer for ${request.kind}`);
  }
}

/**
 * The `lossy-snapshot` bug: the snapshot leaves out every ConfigRecord, as
 * image-records.ts would if it forgot a part of the image. A controller that loads it
 * (a restart, a follower behind the log start) holds an image the others never had.
 */
function lossySnapshot(data: Buffer, end: number, now: number): Buffer {
  const kept = decodeSnapshot(data).filter((r) => r.type !== MetadataRecordType.ConfigRecord);
  return encodeSnapshot(MetadataImage.empty().apply(kept, end - 1), now);
}

export class ControllerQuorum {
  readonly nodes: SimController[] = CONTROLLER_IDS.map((id) => new SimController(id));
  /** The newest committed image any controller applied. */
  private latest: MetadataImage = MetadataImage.empty();
  leaderChanges = 0;

  constructor(
    private readonly scheduler: SimScheduler,
    private readonly random: SeededRandom,
    private readonly network: SimNetwork<SimRequest, SimResponse>,
    private readonly logger: Logger,
    private readonly config: QuorumConfig,
    private readonly checker: ControllerChecker,
    /** Every applied image (the replication checker learns each partition epoch's leader). */
    private readonly onImage: (image: MetadataImage) => void,
  ) {}

  get image(): MetadataImage {
    return this.latest;
  }

  node(id: number): SimController {
    const node = this.nodes.find((n) => n.id === id);
    if (node === undefined) throw new Error(`no controller ${id}`);
    return node;
  }

  /** The active controller's id: its log says so and it runs (not paused, not closing). */
  activeId(): number | null {
    for (const n of this.nodes) if (n.running?.isActiveController === true) return n.id;
    return null;
  }

  // ------------------------------------------------------------------------------------
  // Processes

  /** Starts a new incarnation of `node` on its disk. */
  start(node: SimController): void {
    if (node.incarnation !== null) throw new Error(`controller ${node.id} is already running`);
    const n = ++node.incarnations;
    const { gate, scope, endpoint, bind } = startProcess<ControllerIncarnation>(
      this.scheduler,
      this.network,
      node.id,
      (i, from, r) => this.handle(i, from, r),
    );
    const inc: ControllerIncarnation = {
      n,
      scope,
      gate,
      endpoint,
      disk: new IncarnationDisk(node.disk),
      log: null,
      controller: null,
      alive: true,
      closing: false,
    };
    bind(inc);
    node.incarnation = inc;
    this.scheduler.trace(`controller ${node.id} starts (incarnation ${n})`);
    const raftRandom = this.random.fork();
    const controllerRandom = this.random.fork();
    this.open(node, inc, raftRandom, controllerRandom).catch((e: unknown) => {
      if (inc.alive && !inc.closing)
        this.scheduler.fail(new Error(`controller ${node.id} failed to start: ${describeError(e)}`, { cause: e }));
    });
  }

  private async open(
    node: SimController,
    inc: ControllerIncarnation,
    raftRandom: SeededRandom,
    controllerRandom: SeededRandom,
  ): Promise<void> {
    const cfg = this.config;
    const timers = {
      setTimeout: (fn: () => void, ms: number) => inc.scope.setTimeout(fn, ms),
      clearTimeout: (id: unknown) => inc.scope.clearTimeout(id as number),
    };
    const network: RaftNetwork = {
      send: async (destination, request, timeoutMs) => {
        const r = await inc.endpoint.send(destination, { kind: 'raft', request }, timeoutMs);
        if (r.kind !== 'raft') throw new Error(`a ${r.kind} answer to a raft ${request.kind} request`);
        return r.response;
      },
    };
    const log = await MetadataLog.open({
      disk: inc.disk,
      logDir: METADATA_LOG_DIR,
      nodeId: node.id,
      clusterId: CLUSTER_ID,
      logger: this.logger.child({ controller: node.id, incarnation: inc.n }),
      voters: CONTROLLER_IDS,
      network,
      raft: cfg.raft,
      snapshotMaxBytes: cfg.snapshotMaxBytes,
      // Time-based snapshots would only add noise: the byte bound makes them.
      snapshotIntervalMs: 0,
      segmentBytes: cfg.segmentBytes,
      clock: this.scheduler,
      timers,
      random: raftRandom,
    });
    if (!inc.alive) return;
    inc.log = log;
    log.onFatal((error) => {
      if (inc.alive)
        this.scheduler.fail(
          new Error(`controller ${node.id}: the metadata quorum stopped on a fatal error: ${describeError(error)}`),
        );
    });
    if (cfg.lossySnapshots) {
      const raft = log.raft;
      const createSnapshot = raft.createSnapshot.bind(raft);
      raft.createSnapshot = (end, data) => createSnapshot(end, lossySnapshot(data, end, this.scheduler.now()));
    }
    const options: ControllerOptions = {
      clock: this.scheduler,
      timers,
      random: controllerRandom,
      brokerHeartbeatIntervalMs: cfg.heartbeatIntervalMs,
      brokerSessionTimeoutMs: cfg.sessionTimeoutMs,
      uncleanLeaderElectionEnable: false,
    };
    const controller = new Controller(log, cfg.defaults, options);
    inc.controller = controller;
    // As broker.ts: the controller acts while this node leads the quorum and has caught up.
    // (The log traces the change itself: "metadata quorum leader changed".)
    log.onLeaderChange((leader) => {
      if (leader.active) controller.activate();
      else controller.deactivate();
    });
    log.onChange((image) => this.applied(node, inc, image));
    // What the log applied while opening (its snapshot, its log) counts too.
    this.applied(node, inc, log.image);
    if (log.isActiveController) controller.activate();
    inc.endpoint.accepting = true;
    this.scheduler.trace(`controller ${node.id} open at metadata offset ${log.image.offset}`);
  }

  /** A crash: the incarnation is frozen; with `powerLoss`, its unsynced bytes are lost too. */
  crash(node: SimController, powerLoss: boolean, tornTail: boolean): void {
    crashProcess(this.scheduler, 'controller', node, this.checker, this.random, powerLoss, tornTail);
  }

  /**
   * A graceful shutdown: the controller stops serving brokers, the metadata log closes
   * (a leader resigns, telling the others with EndQuorumEpoch), then the process exits.
   * Never settles if it crashes meanwhile.
   */
  async shutDown(node: SimController): Promise<void> {
    const inc = node.incarnation;
    if (inc === null || inc.log === null || inc.controller === null || inc.closing) return;
    inc.closing = true;
    this.scheduler.trace(`controller ${node.id} shuts down (resigning if it leads)`);
    inc.controller.close();
    await inc.log.close(true);
    if (node.incarnation === inc) this.crash(node, false, false);
  }

  /** A stop-the-world pause of `ms`: timers and messages wait, then all run at once. */
  pause(node: SimController, ms: number): boolean {
    const inc = node.incarnation;
    if (inc === null || inc.gate.paused) return false;
    this.scheduler.trace(`controller ${node.id} pauses`);
    inc.gate.pause();
    this.scheduler.setTimeout(() => {
      this.scheduler.trace(`controller ${node.id} resumes`);
      inc.gate.resume();
    }, ms);
    return true;
  }

  private applied(node: SimController, inc: ControllerIncarnation, image: MetadataImage): void {
    if (!inc.alive) return;
    // Called inside Raft's handleCommit: a violation must not become a Raft listener failure.
    try {
      this.checker.observe(node.id, inc.n, image);
      this.onImage(image);
    } catch (e) {
      this.scheduler.fail(e);
      return;
    }
    if (image.offset > this.latest.offset) {
      this.traceChanges(node.id, this.latest, image);
      this.latest = image;
    }
  }

  /** The controller decisions between two committed images (traced once, by the first controller to apply them). */
  private traceChanges(id: number, before: MetadataImage, after: MetadataImage): void {
    for (const b of after.brokers.values()) {
      const was = before.brokers.get(b.nodeId);
      if (was === undefined || was.epoch !== b.epoch)
        this.scheduler.trace(`controller ${id}: registered broker ${b.nodeId} epoch ${b.epoch}`);
      else if (was.fenced !== b.fenced)
        this.scheduler.trace(`controller ${id}: ${b.fenced ? 'fenced' : 'unfenced'} broker ${b.nodeId}`);
    }
    for (const t of after.topicsByName.values()) {
      const wasTopic = before.topicsByName.get(t.name);
      for (const p of t.partitions) {
        if (p === undefined) continue;
        const was = wasTopic?.partitions[p.partitionId];
        if (
          was !== undefined &&
          was.leader === p.leader &&
          was.leaderEpoch === p.leaderEpoch &&
          was.partitionEpoch === p.partitionEpoch
        )
          continue;
        if (was !== undefined && was.leaderEpoch !== p.leaderEpoch) this.leaderChanges++;
        this.scheduler.trace(
          `controller ${id}: ${t.name}-${p.partitionId} leader ${p.leader} epoch ${p.leaderEpoch} isr [${p.isr.join(',')}] partition epoch ${p.partitionEpoch}`,
        );
      }
    }
  }

  // ------------------------------------------------------------------------------------
  // Serving

  private async handle(inc: ControllerIncarnation, from: number, request: SimRequest): Promise<SimResponse> {
    const log = inc.log;
    const controller = inc.controller;
    if (log === null || controller === null) return never();
    if (request.kind === 'raft') {
      try {
        return { kind: 'raft', response: await log.handle(from, request.request) };
      } catch (e) {
        // A closed node answers nothing, as a process that stopped listening.
        if (!inc.alive || (e as Error).name === 'RaftClosedError') return never();
        throw e;
      }
    }
    if (inc.closing) return never();
    if (request.kind === 'metadata')
      return {
        kind: 'metadata',
        image: log.image.offset > request.offset ? log.image : null,
        controllerId: log.leaderId,
        // The active controller has applied everything committed: a starting broker
        // catches up from it (as a real one waits to have applied up to the quorum's HW).
        caughtUp: log.isActiveController,
      };
    try {
      return await this.serve(controller, request);
    } catch (e) {
      if (isNotControllerError(e)) return notController(request);
      if (!inc.alive || inc.closing) return never();
      throw e;
    }
  }

  private async serve(controller: Controller, request: SimRequest): Promise<SimResponse> {
    switch (request.kind) {
      case 'register': {
        const r = await controller.brokerRegistration({
          brokerId: request.brokerId,
          incarnationId: request.incarnationId,
          listeners: [
            {
              name: 'PLAINTEXT',
              host: `broker-${request.brokerId}.sim`,
              port: 9092,
              securityProtocol: SECURITY_PROTOCOL_PLAINTEXT,
            },
          ],
          features: [{ name: 'metadata.version', minSupportedVersion: 1, maxSupportedVersion: METADATA_VERSION }],
          rack: null,
        });
        return { kind: 'register', errorCode: r.errorCode, brokerEpoch: r.brokerEpoch };
      }
      case 'heartbeat': {
        const r = await controller.brokerHeartbeat({
          brokerId: request.brokerId,
          brokerEpoch: request.brokerEpoch,
          currentMetadataOffset: request.metadataOffset,
          wantFence: false,
          wantShutDown: request.wantShutDown,
        });
        return { kind: 'heartbeat', errorCode: r.errorCode, isFenced: r.isFenced, shouldShutDown: r.shouldShutDown };
      }
      case 'alter-partition': {
        const item = request.item;
        const r = await controller.alterPartition(
          {
            brokerId: request.brokerId,
            brokerEpoch: request.brokerEpoch,
            topics: [
              {
                topicName: item.topic,
                topicId: item.topicId,
                partitions: [
                  {
                    partitionIndex: item.partition,
                    leaderEpoch: item.leaderEpoch,
                    newIsr: item.newIsrWithEpochs,
                    leaderRecoveryState: 0,
                    partitionEpoch: item.partitionEpoch,
                  },
                ],
              },
            ],
          },
          3,
        );
        const p = r.topics[0]?.partitions[0];
        if (r.errorCode !== ErrorCode.NONE || p === undefined)
          return { kind: 'alter-partition', result: { errorCode: r.errorCode || ErrorCode.UNKNOWN_SERVER_ERROR } };
        if (p.errorCode !== ErrorCode.NONE) return { kind: 'alter-partition', result: { errorCode: p.errorCode } };
        return {
          kind: 'alter-partition',
          result: {
            errorCode: 0,
            leaderId: p.leaderId,
            leaderEpoch: p.leaderEpoch,
            isr: p.isr,
            partitionEpoch: p.partitionEpoch,
          },
        };
      }
      default:
        throw new Error(`a controller does not serve ${request.kind}`);
    }
  }

  // ------------------------------------------------------------------------------------
  // Clients

  /**
   * A client's controller request: to the controller `chooser` believes active; a
   * NOT_CONTROLLER answer or none at all (null) moves the chooser on to another one, a
   * metadata answer naming the leader moves it there.
   */
  async call(
    endpoint: SimEndpoint<SimRequest, SimResponse>,
    chooser: ControllerChooser,
    request: SimRequest,
    timeoutMs: number,
  ): Promise<SimResponse | null> {
    const to = chooser.current;
    const r = await endpoint.send(to, request, timeoutMs).catch(() => null);
    if (r === null || isNotControllerAnswer(r)) {
      if (chooser.current === to) chooser.moveOn();
    } else if (r.kind === 'metadata') chooser.follow(r.controllerId);
    return r;
  }

  /** Appends `records` through the active controller's metadata log, waiting for one (the bootstrap's topic). */
  async append(records: readonly MetadataRecord[]): Promise<MetadataImage> {
    for (;;) {
      const id = this.activeId();
      const log = id === null ? null : this.node(id).running;
      if (log !== null) {
        try {
          return await log.append(records);
        } catch (e) {
          if (!isNotControllerError(e)) throw e;
        }
      }
      await sleep(this.scheduler, APPEND_RETRY_MS);
    }
  }

  /**
   * Null once the quorum settled: every controller running, one active controller that
   * every controller names as leader, every controller at the newest image's offset.
   */
  convergence(): string | null {
    const active = this.activeId();
    if (active === null) return 'no active controller';
    for (const n of this.nodes) {
      const log = n.running;
      if (log === null) return `controller ${n.id} is not running`;
      if (log.leaderId !== active) return `controller ${n.id} names ${log.leaderId ?? 'no'} leader, not ${active}`;
      if (log.image.offset !== this.latest.offset)
        return `controller ${n.id} applied metadata up to ${log.image.offset}, the newest image is at ${this.latest.offset}`;
    }
    return null;
  }
}

/** A Raft request for the trace. */
export function describeRaftRequest(r: RaftRequest): string {
  switch (r.kind) {
    case 'vote':
      return `Vote(candidate ${r.candidateId} epoch ${r.candidateEpoch}, last ${r.lastOffset}@${r.lastOffsetEpoch})`;
    case 'beginQuorumEpoch':
      return `BeginQuorumEpoch(leader ${r.leaderId} epoch ${r.leaderEpoch})`;
    case 'endQuorumEpoch':
      return `EndQuorumEpoch(leader ${r.leaderId} epoch ${r.leaderEpoch}, successors [${r.preferredSuccessors.join(',')}])`;
    case 'fetch':
      return `RaftFetch(replica ${r.replicaId} epoch ${r.currentLeaderEpoch}, ${r.fetchOffset}@${r.lastFetchedEpoch})`;
    case 'fetchSnapshot':
      return `FetchSnapshot(replica ${r.replicaId}, ${r.snapshotId.offset}@${r.snapshotId.epoch} from byte ${r.position})`;
  }
}

/** A Raft response for the trace. */
export function describeRaftResponse(r: RaftResponse): string {
  const head = `error ${r.errorCode}, leader ${r.leaderId} epoch ${r.leaderEpoch}`;
  switch (r.kind) {
    case 'vote':
      return `vote(${head}${r.voteGranted ? ', granted' : ''})`;
    case 'fetch':
      return (
        `raft-fetch(${head}, hw ${r.highWatermark}, ${r.records.length} B` +
        (r.divergingEpoch === null ? '' : `, diverging ${r.divergingEpoch.epoch}@${r.divergingEpoch.endOffset}`) +
        (r.snapshotId === null ? '' : `, snapshot ${r.snapshotId.offset}@${r.snapshotId.epoch}`) +
        ')'
      );
    case 'fetchSnapshot':
      return `fetch-snapshot(${head}, bytes ${r.position}..${r.position + r.unalignedRecords.length} of ${r.size})`;
    default:
      return `${r.kind}(${head})`;
  }
}
