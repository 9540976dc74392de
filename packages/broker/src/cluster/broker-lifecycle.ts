/**
 * A broker's standing with the active controller (Kafka's BrokerLifecycleManager):
 * it registers (BrokerRegistration: listeners, rack, supported metadata.version, a new
 * incarnation id per process), then heartbeats every `broker.heartbeat.interval.ms`
 * with the metadata offset it has applied. It asks to stay fenced until its metadata
 * has caught up with its own registration; the controller unfences it then, and fences
 * it again if heartbeats stop for `broker.session.timeout.ms`.
 *
 * Controlled shutdown: the heartbeat says wantShutDown; the controller moves
 * leadership and ISR membership away and answers shouldShutDown once this broker
 * leads nothing, and only then does the broker close its logs.
 *
 * A stale broker epoch (the controller fenced and forgot this registration) leads to a
 * new registration. Every failure is retried after the heartbeat interval; nothing
 * here gives up while the broker runs.
 */
import type { Uuid } from '@gregor/protocol';
import {
  ApiKey,
  BrokerHeartbeatRequest,
  type BrokerHeartbeatResponse,
  BrokerRegistrationRequest,
  type BrokerRegistrationResponse,
  ErrorCode,
} from '@gregor/protocol';
import { Feature, Listener } from '@gregor/protocol/generated/messages/broker-registration-request';
import type { Logger } from 'pino';
import { METADATA_VERSION, SECURITY_PROTOCOL_PLAINTEXT } from '../metadata/controller.js';
import type { NodeChannels } from './node-channel.js';

const REGISTRATION_VERSION = 3;
const HEARTBEAT_VERSION = 1;

export interface BrokerLifecycleOptions {
  nodeId: number;
  clusterId: string;
  incarnationId: Uuid;
  endpoints: readonly { name: string; host: string; port: number }[];
  rack: string | null;
  controllers: NodeChannels;
  activeController: () => number | null;
  /** The offset of the last metadata record this broker has applied. */
  appliedOffset: () => number;
  heartbeatIntervalMs: number;
  requestTimeoutMs: number;
  logger: Logger;
}

export class BrokerLifecycle {
  private epoch = -1;
  private fencedValue = true;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private wantShutDown = false;
  private running: Promise<void> | null = null;
  private readonly waiters: { check: () => boolean; resolve: () => void; reject: (e: Error) => void }[] = [];

  constructor(private readonly opts: BrokerLifecycleOptions) {}

  get brokerEpoch(): number {
    return this.epoch;
  }

  get fenced(): boolean {
    return this.fencedValue;
  }

  /** Starts registering and heartbeating; resolves once the controller has unfenced this broker. */
  start(): Promise<void> {
    this.schedule(0);
    return this.until(() => this.epoch >= 0 && !this.fencedValue);
  }

  /**
   * Controlled shutdown: resolves when the controller says this broker may stop (it leads
   * nothing any more), or after `timeoutMs` (the controller may be gone).
   */
  async shutDown(timeoutMs: number): Promise<boolean> {
    if (this.epoch < 0 || this.stopped) return false;
    this.wantShutDown = true;
    this.schedule(0);
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const allowed = this.until(() => this.shutdownAllowed).then(() => true as const);
    try {
      return await Promise.race([allowed, timedOut]);
    } finally {
      clearTimeout(timer);
    }
  }

  private shutdownAllowed = false;

  /** The active controller changed: register or heartbeat with the new one now. */
  controllerChanged(): void {
    if (!this.stopped) this.schedule(0);
  }

  /** A heartbeat was asked for while one was under way: the next goes as soon as it ends. */
  private again = false;

  stop(): void {
    this.stopped = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const error = new Error('broker lifecycle stopped');
    for (const w of this.waiters.splice(0)) w.reject(error);
  }

  private until(check: () => boolean): Promise<void> {
    if (check()) return Promise.resolve();
    if (this.stopped) return Promise.reject(new Error('broker lifecycle stopped'));
    return new Promise((resolve, reject) => this.waiters.push({ check, resolve, reject }));
  }

  private wake(): void {
    for (let i = this.waiters.length - 1; i >= 0; i--) {
      const w = this.waiters[i] as (typeof this.waiters)[number];
      if (w.check()) {
        this.waiters.splice(i, 1);
        w.resolve();
      }
    }
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.running !== null) {
        // One is under way (perhaps to the old controller, or without wantShutDown).
        this.again = true;
        return;
      }
      this.running = this.tick()
        .catch((e: unknown) => this.opts.logger.debug({ err: e }, 'broker heartbeat failed'))
        .finally(() => {
          this.running = null;
          const now = this.again;
          this.again = false;
          if (!this.stopped && (this.timer === null || now)) this.schedule(now ? 0 : this.opts.heartbeatIntervalMs);
        });
    }, delayMs);
  }

  private async tick(): Promise<void> {
    const controller = this.opts.activeController();
    if (controller === null || this.stopped) return;
    if (this.epoch < 0) {
      await this.register(controller);
      if (this.epoch < 0) return;
    }
    await this.heartbeat(controller);
  }

  private async register(controller: number): Promise<void> {
    const o = this.opts;
    const req = new BrokerRegistrationRequest();
    req.brokerId = o.nodeId;
    req.clusterId = o.clusterId;
    req.incarnationId = o.incarnationId;
    req.listeners = o.endpoints.map((e) => {
      const l = new Listener();
      l.name = e.name;
      l.host = e.host;
      l.port = e.port;
      l.securityProtocol = SECURITY_PROTOCOL_PLAINTEXT;
      return l;
    });
    const feature = new Feature();
    feature.name = 'metadata.version';
    feature.minSupportedVersion = 1;
    feature.maxSupportedVersion = METADATA_VERSION;
    req.features = [feature];
    req.rack = o.rack;
    const res = await o.controllers.request<BrokerRegistrationResponse>(
      controller,
      ApiKey.BrokerRegistration,
      REGISTRATION_VERSION,
      req,
      o.requestTimeoutMs,
    );
    if (res.errorCode !== ErrorCode.NONE) {
      o.logger.warn({ controller, errorCode: res.errorCode }, 'broker registration refused; retrying');
      return;
    }
    this.epoch = Number(res.brokerEpoch);
    o.logger.info({ controller, brokerEpoch: this.epoch }, 'broker registered with the controller');
  }

  private async heartbeat(controller: number): Promise<void> {
    const o = this.opts;
    if (this.stopped) return;
    const req = new BrokerHeartbeatRequest();
    req.brokerId = o.nodeId;
    req.brokerEpoch = BigInt(this.epoch);
    const applied = o.appliedOffset();
    req.currentMetadataOffset = BigInt(Math.max(0, applied));
    // Fenced until this broker's metadata holds its own registration.
    req.wantFence = applied < this.epoch;
    req.wantShutDown = this.wantShutDown;
    const res = await o.controllers.request<BrokerHeartbeatResponse>(
      controller,
      ApiKey.BrokerHeartbeat,
      HEARTBEAT_VERSION,
      req,
      o.requestTimeoutMs,
    );
    if (res.errorCode === ErrorCode.STALE_BROKER_EPOCH) {
      o.logger.warn({ brokerEpoch: this.epoch }, 'the controller no longer knows this registration; registering again');
      this.epoch = -1;
      this.fencedValue = true;
      this.schedule(0);
      return;
    }
    if (res.errorCode !== ErrorCode.NONE) return;
    if (this.fencedValue !== res.isFenced) {
      o.logger.info(
        { fenced: res.isFenced, brokerEpoch: this.epoch },
        res.isFenced ? 'broker fenced' : 'broker unfenced',
      );
    }
    this.fencedValue = res.isFenced;
    if (this.wantShutDown && res.shouldShutDown) this.shutdownAllowed = true;
    this.wake();
    // While waiting to be unfenced or to shut down, ask again sooner.
    if ((this.fencedValue && !req.wantFence) || (this.wantShutDown && !this.shutdownAllowed)) this.schedule(100);
  }
}
