/**
 * Test support for the controller: a hand-driven clock and timers, a seeded random, a
 * metadata log in memory (every record goes through the record serde, so what the
 * controller writes must encode), the real single-node MetadataLog when it can be
 * opened, and a cluster of synthetic brokers registered through the controller's API
 * (fake endpoints; no processes). Tests only.
 */
import { after, before } from 'node:test';
import type { Uuid } from '@gregor/protocol';
import {
  API_TABLE,
  decodeRequest,
  decodeResponse,
  encodeRequest,
  encodeResponse,
  RequestHeader,
  randomUuid,
} from '@gregor/protocol';
import { MemoryDisk } from '@gregor/storage';
import { pino } from 'pino';
import type { ApiHandler, RequestContext } from '../handlers/handler.js';
import type { TestClient } from '../handlers/protocol-client.js';
import type { TestBroker } from '../testing.js';
import type { ControllerClock, ControllerLog, ControllerTimers } from './controller.js';
import { Controller, METADATA_VERSION, SECURITY_PROTOCOL_PLAINTEXT } from './controller.js';
import { MetadataImage } from './image.js';
import type { MetadataRecord } from './record-serde.js';
import { decodeMetadataRecord, encodeMetadataRecord } from './record-serde.js';

/** A clock and timers that move only when told to. */
export class ManualTime implements ControllerClock, ControllerTimers {
  private nowMs = 1_000_000;
  private nextId = 1;
  private readonly pending = new Map<number, { at: number; fn: () => void }>();

  now(): number {
    return this.nowMs;
  }

  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.pending.set(id, { at: this.nowMs + ms, fn });
    return id;
  }

  clearTimeout(id: unknown): void {
    this.pending.delete(id as number);
  }

  get pendingTimers(): number {
    return this.pending.size;
  }

  /** Moves time forward by `ms`, running every timer that falls due, in order. */
  advance(ms: number): void {
    const end = this.nowMs + ms;
    for (;;) {
      let due: [number, { at: number; fn: () => void }] | null = null;
      for (const entry of this.pending)
        if (entry[1].at <= end && (due === null || entry[1].at < due[1].at)) due = entry;
      if (due === null) break;
      this.pending.delete(due[0]);
      this.nowMs = Math.max(this.nowMs, due[1].at);
      due[1].fn();
    }
    this.nowMs = end;
  }
}

/** A deterministic [0, 1) sequence (mulberry32). */
export function seededRandom(seed: number): { next(): number } {
  let a = seed >>> 0;
  return {
    next() {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
  };
}

/** A metadata log in memory: batches applied at once, offsets contiguous from 0. */
export class MemoryMetadataLog implements ControllerLog {
  image = MetadataImage.empty();
  readonly batches: { baseOffset: number; records: MetadataRecord[] }[] = [];
  /** When set, appends reject as a node that is not the active controller. */
  notController = false;
  /** False: the controller must refuse before writing anything. */
  isActiveController = true;

  constructor(readonly nodeId = 1) {}

  get endOffset(): number {
    return this.image.offset + 1;
  }

  get lastBatch(): MetadataRecord[] {
    return this.batches[this.batches.length - 1]?.records ?? [];
  }

  async append(records: readonly MetadataRecord[]): Promise<MetadataImage> {
    if (this.notController) {
      const e = new Error('this node is not the active controller');
      e.name = 'NotControllerError';
      throw e;
    }
    if (records.length === 0) return this.image;
    const decoded = records.map((r) => decodeMetadataRecord(encodeMetadataRecord(r)));
    const baseOffset = this.endOffset;
    this.batches.push({ baseOffset, records: decoded });
    this.image = this.image.apply(decoded, baseOffset + decoded.length - 1);
    return this.image;
  }
}

/**
 * The real single-node MetadataLog on a disk in memory, or null when its module cannot
 * be loaded here (while the Raft package it imports is not built). Its own quorum runs
 * on real timers.
 */
export async function openRealMetadataLog(nodeId = 1): Promise<(ControllerLog & { close(): Promise<void> }) | null> {
  let module: typeof import('./metadata-log.js');
  try {
    module = await import('./metadata-log.js');
  } catch {
    return null;
  }
  // Opening may fail for real: that is a test failure, not a skip.
  const log = await module.MetadataLog.open({
    disk: new MemoryDisk(),
    logDir: '/data',
    nodeId,
    clusterId: 'controller-test-cluster',
    logger: pino({ level: 'silent' }),
  } as Parameters<typeof module.MetadataLog.open>[0]);
  return log as unknown as ControllerLog & { close(): Promise<void> };
}

export const DEFAULTS = { numPartitions: 1, replicationFactor: 1, deleteTopicEnable: true };

/** A controller on `log`, with this node (1) registered the legacy way, on manual time. */
export async function startController(
  log: ControllerLog,
  opts: {
    seed?: number;
    uncleanLeaderElectionEnable?: boolean;
    rack?: string | null;
    /** auto.leader.rebalance.enable with this check interval. */
    autoLeaderRebalanceMs?: number;
  } = {},
): Promise<{ controller: Controller; time: ManualTime }> {
  const time = new ManualTime();
  const controller = new Controller(log, DEFAULTS, {
    clock: time,
    timers: time,
    random: seededRandom(opts.seed ?? 7),
    uncleanLeaderElectionEnable: opts.uncleanLeaderElectionEnable ?? false,
    ...(opts.autoLeaderRebalanceMs === undefined ? {} : { leaderRebalanceIntervalMs: opts.autoLeaderRebalanceMs }),
  });
  await controller.registerBroker(
    log.nodeId,
    [{ name: 'PLAINTEXT', host: 'localhost', port: 9092 }],
    opts.rack ?? null,
  );
  return { controller, time };
}

export function listenersFor(id: number): { name: string; host: string; port: number; securityProtocol: number }[] {
  return [{ name: 'PLAINTEXT', host: `broker-${id}.test`, port: 9092, securityProtocol: SECURITY_PROTOCOL_PLAINTEXT }];
}

export const METADATA_VERSION_RANGE = [
  { name: 'metadata.version', minSupportedVersion: 1, maxSupportedVersion: METADATA_VERSION },
];

/** Registers broker `id` through BrokerRegistration and heartbeats it unfenced; its epoch and incarnation. */
export async function addBroker(
  controller: Controller,
  id: number,
  rack: string | null = null,
): Promise<{ epoch: number; incarnationId: Uuid }> {
  const incarnationId = randomUuid();
  const reg = await controller.brokerRegistration({
    brokerId: id,
    incarnationId,
    listeners: listenersFor(id),
    features: METADATA_VERSION_RANGE,
    rack,
  });
  if (reg.errorCode !== 0) throw new Error(`registration of ${id} failed: ${reg.errorMessage}`);
  const hb = await controller.brokerHeartbeat({
    brokerId: id,
    brokerEpoch: reg.brokerEpoch,
    currentMetadataOffset: controller.image.offset,
    wantFence: false,
    wantShutDown: false,
  });
  if (hb.isFenced) throw new Error(`broker ${id} still fenced`);
  return { epoch: reg.brokerEpoch, incarnationId };
}

/** A heartbeat of a caught-up broker that wants to stay unfenced. */
export function heartbeat(
  controller: Controller,
  id: number,
  epoch: number,
  opts: { wantFence?: boolean; wantShutDown?: boolean; offset?: number } = {},
): ReturnType<Controller['brokerHeartbeat']> {
  return controller.brokerHeartbeat({
    brokerId: id,
    brokerEpoch: epoch,
    currentMetadataOffset: opts.offset ?? controller.image.offset,
    wantFence: opts.wantFence ?? false,
    wantShutDown: opts.wantShutDown ?? false,
  });
}

/** Creates `name` with a manual assignment; returns its topic id. */
export async function createTopic(
  controller: Controller,
  name: string,
  assignment: readonly (readonly number[])[],
): Promise<Uuid> {
  const [created] = await controller.createTopics(
    [
      {
        name,
        numPartitions: -1,
        replicationFactor: -1,
        assignments: new Map(assignment.map((r, i) => [i, r])),
        configs: new Map(),
      },
    ],
    false,
  );
  if (created === undefined || created.errorCode !== 0) throw new Error(`topic ${name}: ${created?.errorMessage}`);
  return created.topicId;
}

/** What the controller handlers use of a broker: a stand-in around a controller. */
export function fakeBroker(controller: Controller, clusterId = 'controller-test-cluster'): object {
  return { controller, clusterId, logger: pino({ level: 'silent' }), limits: { maxRequestBytes: 100 * 1024 * 1024 } };
}

/**
 * `body` as `handler` sees it after the request is encoded at `version` and decoded,
 * and its response as a client decodes it: every field crosses the wire codecs.
 */
export async function exchange<Res>(handler: ApiHandler, broker: object, version: number, body: object): Promise<Res> {
  const api = API_TABLE[handler.apiKey];
  if (api === undefined) throw new Error(`no api ${handler.apiKey}`);
  const header = new RequestHeader();
  header.requestApiKey = handler.apiKey;
  header.requestApiVersion = version;
  header.correlationId = 7;
  header.clientId = 'controller-test';
  const frame = encodeRequest(api, version, header, body);
  const decoded = decodeRequest(frame.subarray(4));
  if (!decoded.ok) throw new Error(decoded.message);
  const ctx = {
    broker,
    header: decoded.header,
    version,
    connection: { listenerName: 'PLAINTEXT' },
  } as unknown as RequestContext;
  if (version < handler.minVersion || version > handler.maxVersion) throw new Error(`v${version} not served`);
  const response = await handler.handle(ctx, decoded.body);
  if (response === null) throw new Error('no response');
  const out = encodeResponse(api, version, 7, response);
  const back = decodeResponse(api, version, out.subarray(4));
  if ('error' in back) throw new Error(back.error);
  return back.body as Res;
}

/** What a wire test needs of its client (handlers/protocol-client.ts TestClient). */
interface WireClient {
  send<Res extends object>(apiKey: number, version: number, body: object): Promise<Res>;
}

/**
 * Registers synthetic broker `id` with a running broker's controller through the wire
 * (BrokerRegistration v3) and heartbeats it unfenced (BrokerHeartbeat v1); its epoch.
 */
export async function registerOverWire(
  client: WireClient,
  clusterId: string,
  id: number,
  metadataOffset: () => number,
): Promise<number> {
  const { BrokerRegistrationRequest, BrokerHeartbeatRequest, ApiKey } = await import('@gregor/protocol');
  const { Feature, Listener } = await import('@gregor/protocol/generated/messages/broker-registration-request');
  const r = new BrokerRegistrationRequest();
  r.brokerId = id;
  r.clusterId = clusterId;
  r.incarnationId = randomUuid();
  const l = new Listener();
  l.name = 'PLAINTEXT';
  l.host = `broker-${id}.test`;
  l.port = 9092;
  r.listeners = [l];
  const f = new Feature();
  f.name = 'metadata.version';
  f.minSupportedVersion = 1;
  f.maxSupportedVersion = METADATA_VERSION;
  r.features = [f];
  r.rack = null;
  const reg = await client.send<{ errorCode: number; brokerEpoch: bigint }>(ApiKey.BrokerRegistration, 3, r);
  if (reg.errorCode !== 0) throw new Error(`registration of ${id}: error ${reg.errorCode}`);
  const hb = new BrokerHeartbeatRequest();
  hb.brokerId = id;
  hb.brokerEpoch = reg.brokerEpoch;
  hb.currentMetadataOffset = BigInt(metadataOffset());
  const res = await client.send<{ errorCode: number; isFenced: boolean }>(ApiKey.BrokerHeartbeat, 1, hb);
  if (res.errorCode !== 0 || res.isFenced) throw new Error(`broker ${id} not unfenced: error ${res.errorCode}`);
  return Number(reg.brokerEpoch);
}

/**
 * A real broker on loopback and a protocol client connected to it, shared by the tests of
 * the `describe` this is called in: started before the first, stopped after the last.
 * Loaded lazily so the controller's unit tests do not start the broker's modules.
 */
export function wireBroker(): { readonly tb: TestBroker; readonly client: TestClient } {
  let tb: TestBroker | undefined;
  let client: TestClient | undefined;
  before(async () => {
    const { startTestBroker } = await import('../testing.js');
    const { TestClient } = await import('../handlers/protocol-client.js');
    // The broker-to-controller APIs are served on controller listeners only.
    tb = await startTestBroker({
      properties: {
        listeners: 'PLAINTEXT://127.0.0.1:0,CONTROLLER://127.0.0.1:0',
        'controller.listener.names': 'CONTROLLER',
      },
    });
    client = await TestClient.connect(tb.host, tb.ports.CONTROLLER as number);
  });
  after(async () => {
    await client?.close();
    await tb?.stop();
  });
  return {
    get tb(): TestBroker {
      if (tb === undefined) throw new Error('wireBroker: the broker is not started (use it inside a test)');
      return tb;
    },
    get client(): TestClient {
      if (client === undefined) throw new Error('wireBroker: the client is not connected (use it inside a test)');
      return client;
    },
  };
}
