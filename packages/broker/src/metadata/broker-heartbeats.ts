/**
 * The active controller's view of broker liveness, as Kafka's BrokerHeartbeatManager:
 * when each broker last heartbeated and how far it has read the metadata log. This is
 * in-memory state of the active controller only (a new active controller starts every
 * registered, unfenced broker with a fresh session, as Kafka does on activation).
 *
 * A session is valid while the broker is unfenced and heartbeated within
 * `broker.session.timeout.ms`; an expired one gets the broker fenced.
 *
 * The next broker state follows Kafka's calculateNextBrokerState:
 *   FENCED     → SHUTDOWN_NOW if it wants to shut down; UNFENCED if it does not want
 *                to be fenced and has caught up to its registration record; else FENCED.
 *   UNFENCED   → (wantFence) SHUTDOWN_NOW or FENCED; (wantShutDown) CONTROLLED_SHUTDOWN
 *                while it leads partitions, else SHUTDOWN_NOW; else UNFENCED.
 *   CONTROLLED_SHUTDOWN → SHUTDOWN_NOW once it leads nothing and every active broker
 *                has read past the record that began the shutdown.
 */

export const BrokerControlState = {
  FENCED: 'FENCED',
  UNFENCED: 'UNFENCED',
  CONTROLLED_SHUTDOWN: 'CONTROLLED_SHUTDOWN',
  SHUTDOWN_NOW: 'SHUTDOWN_NOW',
} as const;
export type BrokerControlState = (typeof BrokerControlState)[keyof typeof BrokerControlState];

export interface BrokerSession {
  /** Clock time of the last heartbeat (or registration, or controller activation). */
  lastContactMs: number;
  /** The metadata offset the broker last said it had applied; -1 unknown. */
  metadataOffset: number;
  /** The log end offset when controlled shutdown began; -1 when not shutting down. */
  controlledShutdownOffset: number;
}

export class BrokerHeartbeats {
  private readonly sessions = new Map<number, BrokerSession>();

  constructor(private readonly sessionTimeoutMs: number) {}

  get(brokerId: number): BrokerSession | undefined {
    return this.sessions.get(brokerId);
  }

  has(brokerId: number): boolean {
    return this.sessions.has(brokerId);
  }

  ids(): number[] {
    return [...this.sessions.keys()];
  }

  /** Starts (or restarts) a session at `nowMs`. */
  register(brokerId: number, nowMs: number): void {
    this.sessions.set(brokerId, { lastContactMs: nowMs, metadataOffset: -1, controlledShutdownOffset: -1 });
  }

  remove(brokerId: number): void {
    this.sessions.delete(brokerId);
  }

  clear(): void {
    this.sessions.clear();
  }

  touch(brokerId: number, nowMs: number, metadataOffset: number): void {
    const s = this.sessions.get(brokerId);
    if (s === undefined) {
      this.sessions.set(brokerId, { lastContactMs: nowMs, metadataOffset, controlledShutdownOffset: -1 });
    } else {
      s.lastContactMs = nowMs;
      s.metadataOffset = metadataOffset;
    }
  }

  /** Kafka's hasValidSession: unfenced and heard from within the session timeout. */
  hasValidSession(brokerId: number, fenced: boolean, nowMs: number): boolean {
    const s = this.sessions.get(brokerId);
    if (s === undefined || fenced) return false;
    return s.lastContactMs + this.sessionTimeoutMs >= nowMs;
  }

  /** Brokers among `candidates` whose session expired at `nowMs`. */
  expired(candidates: Iterable<number>, nowMs: number): number[] {
    const out: number[] = [];
    for (const id of candidates) {
      const s = this.sessions.get(id);
      if (s !== undefined && s.lastContactMs + this.sessionTimeoutMs < nowMs) out.push(id);
    }
    return out.sort((a, b) => a - b);
  }

  /** When the earliest of `candidates` expires; null when none has a session. */
  nextExpiryMs(candidates: Iterable<number>): number | null {
    let next: number | null = null;
    for (const id of candidates) {
      const s = this.sessions.get(id);
      if (s === undefined) continue;
      const at = s.lastContactMs + this.sessionTimeoutMs + 1;
      if (next === null || at < next) next = at;
    }
    return next;
  }
}

export interface HeartbeatInput {
  wantFence: boolean;
  wantShutDown: boolean;
  currentMetadataOffset: number;
}

/**
 * The state after a heartbeat. `registrationOffset` is the broker epoch (the offset of
 * its RegisterBrokerRecord); `lowestActiveOffset` the least metadata offset among the
 * other active brokers (how far the cluster has certainly seen the shutdown's changes).
 */
export function nextBrokerState(
  current: BrokerControlState,
  request: HeartbeatInput,
  registrationOffset: number,
  hasLeaderships: () => boolean,
  controlledShutdownOffset: number,
  lowestActiveOffset: () => number,
): BrokerControlState {
  switch (current) {
    case BrokerControlState.FENCED:
      if (request.wantShutDown) return BrokerControlState.SHUTDOWN_NOW;
      if (!request.wantFence && request.currentMetadataOffset >= registrationOffset) return BrokerControlState.UNFENCED;
      return BrokerControlState.FENCED;
    case BrokerControlState.UNFENCED:
      if (request.wantFence) return request.wantShutDown ? BrokerControlState.SHUTDOWN_NOW : BrokerControlState.FENCED;
      if (request.wantShutDown)
        return hasLeaderships() ? BrokerControlState.CONTROLLED_SHUTDOWN : BrokerControlState.SHUTDOWN_NOW;
      return BrokerControlState.UNFENCED;
    case BrokerControlState.CONTROLLED_SHUTDOWN:
      if (hasLeaderships()) return BrokerControlState.CONTROLLED_SHUTDOWN;
      return controlledShutdownOffset <= lowestActiveOffset()
        ? BrokerControlState.SHUTDOWN_NOW
        : BrokerControlState.CONTROLLED_SHUTDOWN;
    default:
      return BrokerControlState.SHUTDOWN_NOW;
  }
}
