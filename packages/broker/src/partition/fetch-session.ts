/**
 * Incremental fetch sessions (KIP-227). A consumer that fetches many partitions sets up
 * a session once (epoch 0) with the full list; later fetches (epochs 1, 2, ...) name only
 * the partitions whose position changed, plus the ones to forget, and the answer
 * carries only partitions with something new (records, or a changed high watermark,
 * last stable offset, log start offset or error).
 *
 * Sessions live in a bounded cache (`max.incremental.fetch.session.cache.slots`, 1000 in
 * Kafka); when it is full the least recently used session is evicted, and a consumer
 * whose session is gone gets FETCH_SESSION_ID_NOT_FOUND and starts over with a full fetch.
 */
import type { Uuid } from '@gregor/protocol';

export interface SessionPartition {
  topic: string;
  topicId: Uuid;
  partition: number;
  fetchOffset: number;
  maxBytes: number;
  currentLeaderEpoch: number;
  /** What the last response said, to tell whether there is news. */
  lastHighWatermark: number;
  lastLogStartOffset: number;
  lastStableOffset: number;
  lastErrorCode: number;
}

export class FetchSession {
  /** The epoch the next request must carry. */
  nextEpoch = 1;
  lastUsedMs: number;
  readonly partitions = new Map<string, SessionPartition>();

  constructor(
    readonly id: number,
    now: number,
  ) {
    this.lastUsedMs = now;
  }

  static key(topicId: Uuid, topic: string, partition: number): string {
    return `${topicId}:${topic}:${partition}`;
  }
}

export class FetchSessionCache {
  private readonly sessions = new Map<number, FetchSession>();
  private lastId = 0;

  constructor(
    readonly maxSessions = 1000,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.sessions.size;
  }

  /** A new session, or null when the cache has no room (maxSessions 0). */
  create(): FetchSession | null {
    if (this.maxSessions <= 0) return null;
    if (this.sessions.size >= this.maxSessions) {
      let oldest: FetchSession | null = null;
      for (const s of this.sessions.values()) if (oldest === null || s.lastUsedMs < oldest.lastUsedMs) oldest = s;
      if (oldest !== null) this.sessions.delete(oldest.id);
    }
    let id = this.lastId;
    do {
      id = id >= 0x7fffffff ? 1 : id + 1;
    } while (this.sessions.has(id));
    this.lastId = id;
    const session = new FetchSession(id, this.now());
    this.sessions.set(id, session);
    return session;
  }

  get(id: number): FetchSession | undefined {
    const s = this.sessions.get(id);
    if (s !== undefined) s.lastUsedMs = this.now();
    return s;
  }

  remove(id: number): void {
    this.sessions.delete(id);
  }
}
