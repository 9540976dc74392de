/**
 * The fetcher: partition positions, Fetch requests per leader, the buffer of fetched
 * data, and offset lookups (ListOffsets, committed offsets through the group).
 *
 * Fetching: one Fetch in flight per leader broker, on the 'fetch' lane (long polls
 * never hold up heartbeats). Incremental fetch sessions (KIP-227, Fetch v7+): the first
 * request to a broker lists every fetchable partition and opens a session; later ones
 * list only partitions that are new or whose fetch offset moved, and forget the ones no
 * longer fetched (paused, revoked); a session the broker lost (FETCH_SESSION_ID_NOT_FOUND,
 * INVALID_FETCH_SESSION_EPOCH) or a failed request starts a new one. Prefetch: as soon as a
 * response is handed over to the buffer, the next Fetch for that broker goes out, at the
 * offset after the data already buffered, while the buffered bytes stay below
 * `fetch.max.bytes`; so at most `fetch.max.bytes` plus one response per broker (each at
 * most `fetch.max.bytes`) is held. A partition whose data is consumed needs no new request: the
 * next one is usually already buffered.
 *
 * Each partition has a `position` (next offset to hand out) and a `fetchOffset` (next
 * offset to fetch, ahead of the position by what is buffered). A seek, a reset or a
 * reassignment bumps the partition's `epoch`: buffered data and responses in flight
 * for the older epoch are dropped when met.
 *
 * Paused partitions are not fetched; their buffered data is kept, not returned, and
 * returned after resume (positions stay exact). It does not count toward the
 * `fetch.max.bytes` bound of prefetching (else paused data could stop every other
 * partition); being no longer fetched, it cannot grow beyond one more response.
 *
 * Errors per partition: OFFSET_OUT_OF_RANGE resets the position per auto.offset.reset
 * ('none': the error is raised by the next poll); stale-metadata errors refresh the
 * metadata and retry after retry.backoff.ms; other errors are raised by the next poll
 * once, and the partition is retried after the backoff.
 */
import {
  ApiKey,
  ErrorCode,
  FetchRequest,
  type FetchResponse,
  ListOffsetsRequest,
  type ListOffsetsResponse,
  ZERO_UUID,
} from '@gregor/protocol';
import { FetchPartition, FetchTopic, ForgottenTopic } from '@gregor/protocol/generated/messages/fetch-request';
import { ListOffsetsPartition, ListOffsetsTopic } from '@gregor/protocol/generated/messages/list-offsets-request';
import { ClientClosedError, KafkaError } from '../errors.js';
import { type Cluster, isStaleMetadataError } from '../network/cluster.js';
import { type Connection, takeResponseFrame } from '../network/connection.js';
import { sharedFramePool } from '../network/frame-reader.js';
import type { TopicPartition } from '../types.js';
import { type ResolvedConsumerOptions, TIMER_MAX_MS } from './options.js';
import { type AbortedRange, CompletedFetch, FrameLease, nextFetchOffset, type PositionHolder } from './records.js';

/** Kafka's ListOffsets special timestamps. */
export const EARLIEST_TIMESTAMP = -2;
export const LATEST_TIMESTAMP = -1;

/** Most background errors kept for poll to raise. */
const ERRORS_MAX = 16;

export const tpKey = (topic: string, partition: number): string => `${topic}:${partition}`;

/** Partition-level errors that mean the metadata (leader, topic) is out of date. */
const RETRY_AFTER_METADATA = new Set<number>([
  ErrorCode.NOT_LEADER_OR_FOLLOWER,
  ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
  ErrorCode.LEADER_NOT_AVAILABLE,
  ErrorCode.FENCED_LEADER_EPOCH,
  ErrorCode.UNKNOWN_LEADER_EPOCH,
  ErrorCode.UNKNOWN_TOPIC_ID,
  ErrorCode.INCONSISTENT_TOPIC_ID,
  ErrorCode.KAFKA_STORAGE_ERROR,
  ErrorCode.REPLICA_NOT_AVAILABLE,
  ErrorCode.OFFSET_NOT_AVAILABLE,
]);

/** KIP-227 session epochs: 0 creates a session, -1 fetches without one. */
const INITIAL_EPOCH = 0;
const FINAL_EPOCH = -1;

/** A partition as a Fetch request left it with the broker. */
interface SentPartition {
  readonly state: PartitionState;
  readonly epoch: number;
  readonly offset: number;
}

/**
 * An incremental fetch session with one broker (KIP-227): the broker keeps the
 * partitions and their fetch offsets, so each request lists only what changed and each
 * response only partitions with news.
 */
interface FetchSession {
  /** 0 until the broker gives one (or when it gives none: then every fetch is full). */
  id: number;
  /** The epoch of the next incremental request. */
  epoch: number;
  /** The Fetch version the session was made with: a change starts a new session. */
  version: number;
  /** What the broker holds for us, as last sent. */
  readonly partitions: Map<string, SentPartition>;
}

/** One assigned partition. */
export class PartitionState implements PositionHolder {
  readonly topic: string;
  readonly partition: number;
  readonly key: string;
  position: number | null = null;
  fetchOffset = 0;
  epoch = 0;
  lastLeaderEpoch = -1;
  paused = false;
  /** Skip the committed offset and reset by strategy (after OFFSET_OUT_OF_RANGE or seekTo*). */
  resetTo: number | null = null;
  /** An offset lookup for this partition is in flight. */
  resolving = false;
  highWatermark = -1;
  lastStableOffset = -1;
  logStartOffset = -1;
  /** Not fetched before this time (after an error). */
  retryAtMs = 0;

  constructor(topic: string, partition: number) {
    this.topic = topic;
    this.partition = partition;
    this.key = tpKey(topic, partition);
  }

  /** Sets the position and drops everything fetched for the old one. */
  seek(offset: number): void {
    this.position = offset;
    this.fetchOffset = offset;
    // The records before the seek told their leader epoch; the new position has none known.
    this.lastLeaderEpoch = -1;
    this.resetTo = null;
    this.retryAtMs = 0;
    this.epoch++;
  }
}

interface Waiter {
  resolve(): void;
}

/** Looks up committed offsets; the consumer supplies it when it has a group. */
export type CommittedLookup = (partitions: readonly TopicPartition[]) => Promise<Map<string, number | null>>;

export class Fetcher {
  private readonly cluster: Cluster;
  private readonly options: ResolvedConsumerOptions<unknown, unknown>;
  readonly partitions = new Map<string, PartitionState>();
  /** Fetched data not yet handed out, in arrival order. */
  private readonly buffer: CompletedFetch[] = [];
  /** Finished fetches whose views went out (reuseFetchBuffers): released at the next poll. */
  private readonly lent: CompletedFetch[] = [];
  private bufferedBytes = 0;
  private readonly inFlight = new Set<number>();
  private readonly sessions = new Map<number, FetchSession>();
  private readonly errors: Error[] = [];
  private waiters: Waiter[] = [];
  private kickScheduled = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private resolving = false;
  private metadataRefreshing = false;
  private closed = false;
  private readonly abort = new AbortController();
  committedLookup: CommittedLookup | null = null;

  constructor(cluster: Cluster, options: ResolvedConsumerOptions<unknown, unknown>) {
    this.cluster = cluster;
    this.options = options;
  }

  // ---- assignment and positions -------------------------------------------------

  /** Replaces the assignment; kept partitions keep their positions and buffered data. */
  setAssignment(partitions: readonly TopicPartition[]): void {
    const keep = new Set<string>();
    for (const tp of partitions) {
      const k = tpKey(tp.topic, tp.partition);
      keep.add(k);
      if (!this.partitions.has(k)) this.partitions.set(k, new PartitionState(tp.topic, tp.partition));
    }
    for (const [k, state] of this.partitions) {
      if (!keep.has(k)) {
        state.epoch++;
        this.partitions.delete(k);
      }
    }
    this.dropStale();
    this.kick();
  }

  addPartitions(partitions: readonly TopicPartition[]): void {
    this.setAssignment([...this.assignment(), ...partitions]);
  }

  removePartitions(partitions: readonly TopicPartition[]): void {
    const drop = new Set(partitions.map((tp) => tpKey(tp.topic, tp.partition)));
    this.setAssignment(this.assignment().filter((tp) => !drop.has(tpKey(tp.topic, tp.partition))));
  }

  assignment(): TopicPartition[] {
    const out: TopicPartition[] = [];
    for (const s of this.partitions.values()) out.push({ topic: s.topic, partition: s.partition });
    return out;
  }

  state(tp: TopicPartition): PartitionState | undefined {
    return this.partitions.get(tpKey(tp.topic, tp.partition));
  }

  seek(state: PartitionState, offset: number): void {
    state.seek(offset);
    this.dropStale();
    this.kick();
  }

  /** Resets to the earliest or latest offset at the next lookup. */
  resetPosition(state: PartitionState, timestamp: number): void {
    state.position = null;
    state.resetTo = timestamp;
    state.retryAtMs = 0;
    state.epoch++;
    this.dropStale();
    this.kick();
  }

  pause(state: PartitionState, paused: boolean): void {
    state.paused = paused;
    if (!paused) {
      this.kick();
      this.wake();
    }
  }

  /** Positions of assigned partitions that have one. */
  positions(): Map<string, { topic: string; partition: number; offset: number; leaderEpoch: number }> {
    const out = new Map<string, { topic: string; partition: number; offset: number; leaderEpoch: number }>();
    for (const s of this.partitions.values()) {
      if (s.position !== null) {
        out.set(s.key, { topic: s.topic, partition: s.partition, offset: s.position, leaderEpoch: s.lastLeaderEpoch });
      }
    }
    return out;
  }

  // ---- handing data out -------------------------------------------------------

  /** Bytes of fetched record data buffered and not yet handed out (bounded by fetch.max.bytes plus one response). */
  get buffered(): number {
    return this.bufferedBytes;
  }

  /** Fetch requests in flight (at most one per broker). */
  get fetchesInFlight(): number {
    return this.inFlight.size;
  }

  /** The first error waiting to be raised by poll, removed. */
  takeError(): Error | undefined {
    return this.errors.shift();
  }

  /** Raises an error from the next poll (for errors of the group, for example). */
  pushError(error: Error): void {
    // Bounded: an application that does not poll must not make the list grow; the same
    // error repeated (every retry) is kept once.
    if (this.errors.length < ERRORS_MAX && !this.errors.some((e) => e.message === error.message)) {
      this.errors.push(error);
    }
    this.wake();
  }

  /** True when poll has something to return now (records or an error). */
  get ready(): boolean {
    if (this.errors.length > 0) return true;
    for (const f of this.buffer) if (f.valid && !f.state.paused && !f.done) return true;
    return false;
  }

  /**
   * The next buffered fetch of an unpaused partition, or null. `done` fetches and stale
   * ones are removed on the way.
   */
  nextFetch(): CompletedFetch | null {
    for (let i = 0; i < this.buffer.length; i++) {
      const f = this.buffer[i] as CompletedFetch;
      if (!f.valid || f.done) {
        this.removeAt(i);
        i--;
        continue;
      }
      if (f.state.paused) continue;
      return f;
    }
    return null;
  }

  /** Called after records were taken from `f`: frees it when finished and fetches more. */
  consumed(f: CompletedFetch): void {
    if (f.done) {
      const i = this.buffer.indexOf(f);
      if (i >= 0) this.removeAt(i);
    }
    this.kick();
  }

  /**
   * Buffered bytes that poll can hand out. A paused partition's data is not fetched again
   * (at most one response each), so it must not hold up the fetching of the others.
   */
  private fetchableBytes(): number {
    let bytes = 0;
    for (const f of this.buffer) if (f.valid && !f.state.paused) bytes += f.bytes;
    return bytes;
  }

  private removeAt(i: number): void {
    const [f] = this.buffer.splice(i, 1);
    if (f === undefined) return;
    this.bufferedBytes -= f.bytes;
    // Its response buffer may be reused: now, or after the next poll if views went out.
    if (f.lentViews) this.lent.push(f);
    else f.releaseBuffer();
  }

  /**
   * Called at the start of every poll: the records the previous one returned are no
   * longer in use (reuseFetchBuffers), so their response buffers may be reused.
   */
  releaseLent(): void {
    for (const f of this.lent) f.releaseBuffer();
    this.lent.length = 0;
  }

  private dropStale(): void {
    for (let i = 0; i < this.buffer.length; i++) {
      const f = this.buffer[i] as CompletedFetch;
      if (!f.valid || f.done) {
        this.removeAt(i);
        i--;
      }
    }
  }

  /** Resolves when data or an error arrives, after `timeoutMs`, or when `signal` fires. */
  waitForData(timeoutMs: number, signal?: AbortSignal): Promise<void> {
    if (this.ready || this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | null = null;
      const done = (): void => {
        if (timer !== null) clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        this.waiters = this.waiters.filter((w) => w !== waiter);
        resolve();
      };
      const waiter: Waiter = { resolve: done };
      this.waiters.push(waiter);
      // poll(Number.MAX_SAFE_INTEGER) waits the longest a timer can (the caller loops).
      if (Number.isFinite(timeoutMs)) timer = setTimeout(done, Math.min(Math.max(0, timeoutMs), TIMER_MAX_MS));
      signal?.addEventListener('abort', done, { once: true });
    });
  }

  /** Wakes every waiting poll. */
  wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w.resolve();
  }

  // ---- fetching -----------------------------------------------------------------

  /** Schedules a round of work (offset lookups, fetches) on the next microtask. */
  kick(): void {
    if (this.kickScheduled || this.closed) return;
    this.kickScheduled = true;
    queueMicrotask(() => {
      this.kickScheduled = false;
      this.run();
    });
  }

  private scheduleRetry(delayMs: number): void {
    if (this.retryTimer !== null || this.closed) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.kick();
    }, delayMs);
  }

  private run(): void {
    if (this.closed) return;
    const now = Date.now();
    const needPositions: PartitionState[] = [];
    const byLeader = new Map<number, PartitionState[]>();
    let needMetadata = false;
    for (const s of this.partitions.values()) {
      if (s.retryAtMs > now) {
        if (Number.isFinite(s.retryAtMs)) this.scheduleRetry(s.retryAtMs - now);
        continue;
      }
      if (s.position === null) {
        if (!s.resolving) needPositions.push(s);
        continue;
      }
      if (s.paused) continue;
      const topic = this.cluster.topic(s.topic);
      const leader = topic?.partitions[s.partition]?.leader ?? -1;
      if (leader < 0) {
        needMetadata = true;
        continue;
      }
      let list = byLeader.get(leader);
      if (list === undefined) {
        list = [];
        byLeader.set(leader, list);
      }
      list.push(s);
    }
    if (needMetadata) this.refreshMetadata();
    if (needPositions.length > 0) this.resolvePositions(needPositions);
    if (this.bufferedBytes >= this.options.fetchMaxBytes && this.fetchableBytes() >= this.options.fetchMaxBytes) return;
    for (const [leader, list] of byLeader) {
      if (this.inFlight.has(leader)) continue;
      this.fetchFrom(leader, list);
    }
  }

  private refreshMetadata(): void {
    if (this.metadataRefreshing || this.closed) return;
    this.metadataRefreshing = true;
    const topics = [...new Set([...this.partitions.values()].map((s) => s.topic))];
    this.cluster
      .refreshMetadata(topics)
      .then(
        () => {
          // An assigned topic the cluster does not know is an error the application must see.
          for (const topic of topics) {
            const error = this.cluster.topicError(topic);
            if (error !== undefined && this.cluster.topic(topic) === undefined) {
              this.pushError(new KafkaError(error.code, `assigned topic '${topic}': ${error.message}`, { topic }));
            }
          }
        },
        (error: unknown) => this.options.client.logger.debug({ err: String(error) }, 'metadata refresh failed'),
      )
      .finally(() => {
        this.metadataRefreshing = false;
        this.scheduleRetry(this.options.client.retryBackoffMs);
      });
  }

  /** Builds a Fetch for `states` at version `v`, full or incremental (KIP-227). */
  private buildFetch(
    leader: number,
    v: number,
    states: PartitionState[],
  ): { request: FetchRequest; expected: Map<string, SentPartition>; session: FetchSession | null } {
    const o = this.options;
    const request = new FetchRequest();
    request.replicaId = -1;
    request.maxWaitMs = o.fetchMaxWaitMs;
    request.minBytes = o.fetchMinBytes;
    request.maxBytes = o.fetchMaxBytes;
    request.isolationLevel = o.isolationLevel;
    if (v >= 11) request.rackId = o.clientRack;
    let session: FetchSession | null = null;
    if (v >= 7) {
      session = this.sessions.get(leader) ?? null;
      if (session === null || session.version !== v) {
        session = { id: 0, epoch: INITIAL_EPOCH, version: v, partitions: new Map() };
        this.sessions.set(leader, session);
      }
    }
    const incremental = session !== null && session.id !== 0;
    request.sessionId = session === null ? 0 : session.id;
    request.sessionEpoch = session === null ? FINAL_EPOCH : incremental ? session.epoch : INITIAL_EPOCH;
    if (session !== null && !incremental) session.partitions.clear();
    const topics = new Map<string, FetchTopic>();
    const current = new Set<string>();
    const expected = new Map<string, SentPartition>();
    for (const s of states) {
      current.add(s.key);
      const sent: SentPartition = { state: s, epoch: s.epoch, offset: s.fetchOffset };
      expected.set(s.key, sent);
      if (session !== null) {
        const previous = session.partitions.get(s.key);
        session.partitions.set(s.key, sent);
        // An incremental request lists only what changed since the broker's copy.
        if (incremental && previous !== undefined && previous.state === s && previous.offset === s.fetchOffset) {
          continue;
        }
      }
      let t = topics.get(s.topic);
      if (t === undefined) {
        t = new FetchTopic();
        if (v <= 12) t.topic = s.topic;
        else t.topicId = this.topicId(s.topic);
        topics.set(s.topic, t);
        request.topics.push(t);
      }
      const p = new FetchPartition();
      p.partition = s.partition;
      p.fetchOffset = BigInt(s.fetchOffset);
      p.partitionMaxBytes = o.maxPartitionFetchBytes;
      t.partitions.push(p);
    }
    if (session !== null && incremental) {
      const forgotten = new Map<string, ForgottenTopic>();
      for (const [key, sent] of session.partitions) {
        if (current.has(key)) continue;
        session.partitions.delete(key);
        const topic = sent.state.topic;
        let f = forgotten.get(topic);
        if (f === undefined) {
          f = new ForgottenTopic();
          if (v <= 12) f.topic = topic;
          else f.topicId = this.topicId(topic);
          forgotten.set(topic, f);
          request.forgottenTopicsData.push(f);
        }
        f.partitions.push(sent.state.partition);
      }
    }
    return { request, expected, session };
  }

  private topicId(topic: string): FetchTopic['topicId'] {
    return (this.cluster.topic(topic)?.topicId as FetchTopic['topicId'] | undefined) ?? ZERO_UUID;
  }

  private fetchFrom(leader: number, states: PartitionState[]): void {
    this.inFlight.add(leader);
    const signal = this.abort.signal;
    // An open connection takes the request at once: the next Fetch goes out before the
    // data just received is handed to the application (see the response callback below).
    const open = this.cluster.openConnection(leader, 'fetch');
    const sent =
      open !== undefined
        ? this.sendFetch(open, leader, states, signal)
        : this.cluster
            .connection(leader, 'fetch', signal)
            .then((connection) => this.sendFetch(connection, leader, states, signal));
    sent.then(
      ({ response, built }) => {
        this.inFlight.delete(leader);
        this.handleResponse(leader, response, built.expected, built.session);
        // The next round now, not on a later microtask: the pollers woken by this data
        // run after this callback, so the broker reads the next Fetch while they work.
        this.run();
      },
      (error: unknown) => {
        this.inFlight.delete(leader);
        // The broker may or may not have applied the request: start a new session.
        this.sessions.delete(leader);
        if (this.closed) return;
        this.options.client.logger.debug({ err: String(error), leader }, 'fetch failed');
        if (isStaleMetadataError(error)) this.cluster.invalidateMetadata();
        const retryAt = Date.now() + this.options.client.retryBackoffMs;
        for (const s of states) s.retryAtMs = retryAt;
        if (!(error instanceof KafkaError) || !error.retriable) {
          if (!(error instanceof ClientClosedError)) this.pushError(error as Error);
        } else this.refreshMetadata();
        this.kick();
      },
    );
  }

  private sendFetch(
    connection: Connection,
    leader: number,
    states: PartitionState[],
    signal: AbortSignal,
  ): Promise<{ response: FetchResponse; built: ReturnType<Fetcher['buildFetch']> }> {
    const o = this.options;
    try {
      const version = connection.version(ApiKey.Fetch, undefined, 4);
      // From v13 topics go by id; a topic without a known id (older metadata) needs v12.
      const useIds = version >= 13 && states.every((s) => this.topicId(s.topic) !== ZERO_UUID);
      const v = useIds ? version : Math.min(version, 12);
      const built = this.buildFetch(leader, v, states);
      return connection
        .requestAt<FetchResponse>(ApiKey.Fetch, v, built.request, {
          timeoutMs: Math.min(o.client.requestTimeoutMs + o.fetchMaxWaitMs, TIMER_MAX_MS),
          signal,
        })
        .then((response) => ({ response, built }));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  private handleResponse(
    leader: number,
    response: FetchResponse,
    expected: Map<string, SentPartition>,
    session: FetchSession | null,
  ): void {
    // The pooled buffer the response was read into: held while it is handled, then by the
    // CompletedFetches made of it (records.ts); given back when the last lets go.
    const pooled = takeResponseFrame(response);
    const lease = pooled === undefined ? null : new FrameLease(pooled, sharedFramePool);
    lease?.hold();
    try {
      this.handleResponseWith(leader, response, expected, session, lease);
    } finally {
      lease?.release();
    }
  }

  private handleResponseWith(
    leader: number,
    response: FetchResponse,
    expected: Map<string, SentPartition>,
    session: FetchSession | null,
    lease: FrameLease | null,
  ): void {
    if (
      response.errorCode === ErrorCode.FETCH_SESSION_ID_NOT_FOUND ||
      response.errorCode === ErrorCode.INVALID_FETCH_SESSION_EPOCH
    ) {
      // The broker lost or rejected our session (evicted, restarted): a full fetch next.
      this.sessions.delete(leader);
      return;
    }
    if (response.errorCode !== 0) {
      this.sessions.delete(leader);
      const retryAt = Date.now() + this.options.client.retryBackoffMs;
      for (const s of expected.values()) s.state.retryAtMs = retryAt;
      const error = new KafkaError(response.errorCode, `Fetch from broker ${leader}`);
      if (!error.retriable) this.pushError(error);
      return;
    }
    if (session !== null) {
      if (session.id === 0) {
        // A new session (or none when the broker's session cache is full: full fetches again).
        session.id = response.sessionId;
        session.epoch = 1;
      } else session.epoch = session.epoch === 0x7fffffff ? 1 : session.epoch + 1;
    }
    const names = new Map<string, string>();
    for (const s of expected.values()) {
      const id = this.cluster.topic(s.state.topic)?.topicId;
      if (id !== undefined) names.set(id, s.state.topic);
    }
    const bySent = expected;
    let added = false;
    let sawRecords = false;
    for (const t of response.responses) {
      const topic = t.topic !== '' ? t.topic : (names.get(t.topicId) ?? '');
      for (const p of t.partitions) {
        // KIP-74 order: the broker fills the response partition by partition, stale or not.
        const firstWithRecords = !sawRecords && p.records !== null && p.records.length > 0;
        if (firstWithRecords) sawRecords = true;
        const s = bySent.get(tpKey(topic, p.partitionIndex));
        if (s === undefined) continue;
        const state = s.state;
        // A seek, reset or reassignment since the request makes this answer stale.
        if (state.epoch !== s.epoch || this.partitions.get(state.key) !== state || state.fetchOffset !== s.offset) {
          continue;
        }
        if (p.errorCode !== 0) {
          this.partitionError(state, p.errorCode);
          continue;
        }
        state.highWatermark = Number(p.highWatermark);
        state.lastStableOffset = Number(p.lastStableOffset);
        state.logStartOffset = Number(p.logStartOffset);
        const records = p.records;
        if (records === null || records.length === 0) continue;
        const next = nextFetchOffset(records);
        if (next < 0) {
          // Only part of a batch. Behind another partition's data this is the response's
          // byte limit cutting it (Apache Kafka does): fetched again, no error. As the first
          // partition with data it is a broken answer: KIP-74 returns that batch whole.
          if (!firstWithRecords) continue;
          this.pushError(
            new KafkaError(ErrorCode.CORRUPT_MESSAGE, `fetched ${records.length} bytes with no whole batch`, {
              topic: state.topic,
              partition: state.partition,
            }),
          );
          state.retryAtMs = Date.now() + this.options.client.retryBackoffMs;
          continue;
        }
        let aborted: AbortedRange[] | null = null;
        if (this.options.isolationLevel === 1 && p.abortedTransactions !== null && p.abortedTransactions.length > 0) {
          aborted = [];
          for (const a of p.abortedTransactions) {
            aborted.push({ producerId: Number(a.producerId), firstOffset: Number(a.firstOffset) });
          }
        }
        if (next > state.fetchOffset) state.fetchOffset = next;
        const f = new CompletedFetch(
          state,
          records,
          state.highWatermark,
          state.lastStableOffset,
          aborted,
          this.options.isolationLevel === 1,
          this.options.checkCrcs,
          lease,
          this.options.reuseFetchBuffers,
        );
        this.buffer.push(f);
        this.bufferedBytes += f.bytes;
        added = true;
      }
    }
    if (added) this.wake();
  }

  private partitionError(state: PartitionState, code: number): void {
    const backoff = this.options.client.retryBackoffMs;
    if (code === ErrorCode.OFFSET_OUT_OF_RANGE) {
      const reset = this.options.autoOffsetReset;
      if (reset === 'none') {
        state.retryAtMs = Date.now() + backoff;
        this.pushError(
          new KafkaError(
            code,
            `offset ${state.fetchOffset} is out of range for ${state.topic}-${state.partition} and autoOffsetReset is 'none'`,
            { topic: state.topic, partition: state.partition },
          ),
        );
        return;
      }
      this.resetPosition(state, reset === 'earliest' ? EARLIEST_TIMESTAMP : LATEST_TIMESTAMP);
      return;
    }
    state.retryAtMs = Date.now() + backoff;
    if (RETRY_AFTER_METADATA.has(code)) {
      this.cluster.invalidateMetadata();
      this.refreshMetadata();
      return;
    }
    this.pushError(
      new KafkaError(code, `fetching ${state.topic}-${state.partition}`, {
        topic: state.topic,
        partition: state.partition,
      }),
    );
  }

  // ---- offset lookups -----------------------------------------------------------

  private resolvePositions(states: PartitionState[]): void {
    if (this.resolving) return;
    this.resolving = true;
    for (const s of states) s.resolving = true;
    const epochs = states.map((s) => s.epoch);
    this.lookupPositions(states)
      .then((offsets) => {
        const retryAt = Date.now() + this.options.client.retryBackoffMs;
        for (let i = 0; i < states.length; i++) {
          const s = states[i] as PartitionState;
          const offset = offsets.get(s.key);
          if (s.epoch !== epochs[i] || this.partitions.get(s.key) !== s) continue;
          if (offset === undefined) {
            // Not found this time (no leader yet, or 'none'): never spin, wait a backoff.
            if (s.retryAtMs < retryAt) s.retryAtMs = retryAt;
            this.scheduleRetry(this.options.client.retryBackoffMs);
            continue;
          }
          s.seek(offset);
        }
      })
      .catch((error: unknown) => {
        if (this.closed) return;
        if (!(error instanceof KafkaError && error.retriable)) this.pushError(error as Error);
        const retryAt = Date.now() + this.options.client.retryBackoffMs;
        for (const s of states) s.retryAtMs = retryAt;
        this.scheduleRetry(this.options.client.retryBackoffMs);
      })
      .finally(() => {
        this.resolving = false;
        for (const s of states) s.resolving = false;
        this.kick();
      });
  }

  /** Committed offsets first (when in a group), then auto.offset.reset by ListOffsets. */
  private async lookupPositions(states: PartitionState[]): Promise<Map<string, number>> {
    const ready = states;
    const out = new Map<string, number>();
    const needReset: Array<{ state: PartitionState; timestamp: number }> = [];
    const needCommitted = ready.filter((s) => s.resetTo === null);
    if (needCommitted.length > 0 && this.committedLookup !== null) {
      const committed = await this.committedLookup(needCommitted);
      for (const s of needCommitted) {
        const offset = committed.get(s.key);
        if (offset !== undefined && offset !== null && offset >= 0) out.set(s.key, offset);
      }
    }
    for (const s of ready) {
      if (out.has(s.key)) continue;
      if (s.resetTo !== null) {
        needReset.push({ state: s, timestamp: s.resetTo });
        continue;
      }
      const reset = this.options.autoOffsetReset;
      if (reset === 'none') {
        s.retryAtMs = Number.POSITIVE_INFINITY;
        this.pushError(
          new KafkaError(
            ErrorCode.OFFSET_OUT_OF_RANGE,
            `no committed offset for ${s.topic}-${s.partition} and autoOffsetReset is 'none' (NoOffsetForPartition): seek first`,
            { topic: s.topic, partition: s.partition, retriable: false },
          ),
        );
        continue;
      }
      needReset.push({ state: s, timestamp: reset === 'earliest' ? EARLIEST_TIMESTAMP : LATEST_TIMESTAMP });
    }
    if (needReset.length > 0) {
      const found = await this.listOffsets(
        needReset.map((r) => ({ topic: r.state.topic, partition: r.state.partition, timestamp: r.timestamp })),
      );
      for (const r of needReset) {
        const f = found.get(r.state.key);
        if (f !== undefined && f !== null) out.set(r.state.key, f.offset);
      }
    }
    return out;
  }

  /**
   * ListOffsets for each partition at `timestamp` (or -1 latest, -2 earliest), grouped by
   * leader, with retries for retriable errors. null for a partition without such offset.
   */
  async listOffsets(
    query: ReadonlyArray<TopicPartition & { timestamp: number }>,
    signal?: AbortSignal,
  ): Promise<Map<string, { offset: number; timestamp: number; leaderEpoch: number } | null>> {
    const out = new Map<string, { offset: number; timestamp: number; leaderEpoch: number } | null>();
    let pending = [...query];
    await this.cluster.retry(
      async () => {
        await this.cluster.ensureTopics([...new Set(pending.map((q) => q.topic))], signal);
        const byLeader = new Map<number, typeof pending>();
        for (const q of pending) {
          const topicError = this.cluster.topicError(q.topic);
          if (this.cluster.topic(q.topic) === undefined && topicError !== undefined) {
            // The metadata was just refreshed: the topic does not exist (or is not ours).
            throw new KafkaError(topicError.code, `topic '${q.topic}' (${topicError.type})`, {
              topic: q.topic,
              partition: q.partition,
              retriable: false,
            });
          }
          const leader = this.cluster.leader(q.topic, q.partition);
          if (leader < 0) {
            if (
              this.cluster.topic(q.topic) !== undefined &&
              this.cluster.topic(q.topic)?.partitions[q.partition] === undefined
            ) {
              throw new KafkaError(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, `${q.topic}-${q.partition} does not exist`, {
                topic: q.topic,
                partition: q.partition,
                retriable: false,
              });
            }
            throw new KafkaError(ErrorCode.LEADER_NOT_AVAILABLE, `no leader for ${q.topic}-${q.partition}`);
          }
          let list = byLeader.get(leader);
          if (list === undefined) {
            list = [];
            byLeader.set(leader, list);
          }
          list.push(q);
        }
        const failed: typeof pending = [];
        let firstError: KafkaError | null = null;
        await Promise.all(
          [...byLeader].map(async ([leader, list]) => {
            const request = new ListOffsetsRequest();
            request.replicaId = -1;
            request.isolationLevel = this.options.isolationLevel;
            const topics = new Map<string, ListOffsetsTopic>();
            const asked = new Map<string, (typeof list)[number]>();
            for (const q of list) {
              asked.set(tpKey(q.topic, q.partition), q);
              let t = topics.get(q.topic);
              if (t === undefined) {
                t = new ListOffsetsTopic();
                t.name = q.topic;
                topics.set(q.topic, t);
                request.topics.push(t);
              }
              const p = new ListOffsetsPartition();
              p.partitionIndex = q.partition;
              p.timestamp = BigInt(q.timestamp);
              t.partitions.push(p);
            }
            const connection = await this.cluster.connection(leader, 'default', signal);
            const response = await connection.request<ListOffsetsResponse>(ApiKey.ListOffsets, request, {
              signal,
              minVersion: query.some((q) => q.timestamp >= 0) ? 1 : 0,
            });
            const answered = new Set<string>();
            for (const t of response.topics) {
              for (const p of t.partitions) {
                const k = tpKey(t.name, p.partitionIndex);
                answered.add(k);
                // A Map, not list.find: a reset of thousands of partitions is one request.
                const q = asked.get(k);
                if (q === undefined) continue;
                if (p.errorCode !== 0) {
                  const error = new KafkaError(p.errorCode, `ListOffsets for ${t.name}-${p.partitionIndex}`, {
                    topic: t.name,
                    partition: p.partitionIndex,
                  });
                  if (!error.retriable) throw error;
                  firstError ??= error;
                  failed.push(q);
                  continue;
                }
                const offset = p.oldStyleOffsets.length > 0 ? Number(p.oldStyleOffsets[0]) : Number(p.offset);
                out.set(k, offset < 0 ? null : { offset, timestamp: Number(p.timestamp), leaderEpoch: p.leaderEpoch });
              }
            }
            for (const q of list) if (!answered.has(tpKey(q.topic, q.partition))) failed.push(q);
          }),
        );
        pending = failed;
        if (failed.length > 0) {
          throw (
            firstError ??
            new KafkaError(ErrorCode.UNKNOWN_SERVER_ERROR, 'ListOffsets left partitions unanswered', {
              retriable: true,
            })
          );
        }
      },
      { signal },
    );
    return out;
  }

  /** Stops fetching; buffered data is dropped; waiting polls wake up. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.abort.abort(new ClientClosedError('consumer'));
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    // Dropped, not released: the application may still hold views of them.
    this.buffer.length = 0;
    this.lent.length = 0;
    this.bufferedBytes = 0;
    this.wake();
  }
}
