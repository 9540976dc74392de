/**
 * The consumer: subscribe to topics in a group (or assign partitions by hand), poll
 * records, commit offsets. Kafka's consumer semantics over the classic group protocol.
 *
 * Threads of work, all in the background of the event loop:
 * - the fetcher keeps Fetch requests in flight and buffers responses (fetcher.ts);
 * - the group keeps the membership alive with heartbeats from a timer, so a slow
 *   application never misses one (group.ts);
 * - auto commit, every auto.commit.interval.ms, commits the positions as they were at
 *   the start of the latest poll (or iterator step): only records handed out before
 *   that call, which the application has therefore finished with (at-least-once). The
 *   commit before a revocation (a rebalance runs in the background, maybe while the
 *   application still works on its latest records) commits the same positions, so the
 *   new owner may see those latest records again, never miss one; close() and
 *   unsubscribe() commit every record handed out;
 * - metadata is checked every metadata.max.age.ms: a RegExp subscription whose matching
 *   topics changed, or a subscribed topic whose partition count changed, rejoins.
 *
 * poll() and the async iterator only take from the buffer; errors of the background
 * work (a fatal group error, OFFSET_OUT_OF_RANGE with auto.offset.reset 'none', an
 * unknown assigned topic) are raised by the next poll, each once.
 */
import { ErrorCode } from '@gregor/protocol';
import { AbortError, ClientClosedError, ConfigError, KafkaError } from '../errors.js';
import { Cluster } from '../network/cluster.js';
import type { TopicPartition } from '../types.js';
import { EARLIEST_TIMESTAMP, Fetcher, LATEST_TIMESTAMP, tpKey } from './fetcher.js';
import { ConsumerGroup, type GroupMetadata, type OffsetAndMetadata } from './group.js';
import { type ConsumerOptions, type ResolvedConsumerOptions, resolveConsumerOptions } from './options.js';
import type { CompletedFetch, ConsumerBatch, ConsumerRecord } from './records.js';

/**
 * Called around rebalances (Kafka's ConsumerRebalanceListener). Awaited: a rebalance
 * waits for the returned promise. Errors thrown are logged and do not stop the rebalance.
 */
export interface RebalanceListener {
  /** Partitions taken away in an orderly way; with auto commit, their positions were committed just before. */
  onPartitionsRevoked?(partitions: TopicPartition[]): void | Promise<void>;
  /** Partitions given to this member (cooperative: only the new ones). */
  onPartitionsAssigned?(partitions: TopicPartition[]): void | Promise<void>;
  /**
   * Partitions already owned by someone else (the member was dropped from the group):
   * nothing may be committed for them. Defaults to onPartitionsRevoked, as Kafka.
   */
  onPartitionsLost?(partitions: TopicPartition[]): void | Promise<void>;
}

/** Options of {@link Consumer.poll}. */
export interface PollOptions {
  /** Longest wait for records when none is buffered. Default 1000. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** An offset found by {@link Consumer.offsetsForTimes}. */
export interface OffsetAndTimestamp {
  readonly offset: number;
  readonly timestamp: number;
  readonly leaderEpoch: number;
}

type Subscription =
  | { readonly kind: 'none' }
  | { readonly kind: 'topics'; readonly topics: readonly string[] }
  | { readonly kind: 'pattern'; readonly pattern: RegExp }
  | { readonly kind: 'assigned' };

const DEFAULT_POLL_TIMEOUT_MS = 1_000;

function isAborted(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true;
}

function checkPartitions(what: string, partitions: unknown): readonly TopicPartition[] {
  if (!Array.isArray(partitions)) throw new ConfigError(`${what}: partitions must be an array`);
  for (const tp of partitions as TopicPartition[]) {
    if (
      typeof tp !== 'object' ||
      tp === null ||
      typeof tp.topic !== 'string' ||
      tp.topic === '' ||
      !Number.isInteger(tp.partition) ||
      tp.partition < 0
    ) {
      throw new ConfigError(`${what}: ${JSON.stringify(tp)} is not a {topic, partition}`);
    }
  }
  return partitions as TopicPartition[];
}

function checkOffset(what: string, offset: unknown): number {
  if (typeof offset !== 'number' || !Number.isSafeInteger(offset) || offset < 0) {
    throw new ConfigError(`${what}: offset must be a safe integer >= 0, got ${String(offset)}`);
  }
  return offset;
}

function checkMetadata(metadata: unknown): string {
  if (typeof metadata !== 'string') throw new ConfigError('commit: metadata must be a string');
  return metadata;
}

/**
 * A Kafka consumer.
 *
 * ```ts
 * const consumer = new Consumer({ bootstrapServers: 'localhost:9092', groupId: 'g' });
 * consumer.subscribe(['orders']);
 * for await (const batch of consumer) for (const r of batch.records) handle(r);
 * ```
 *
 * Leaving a `for await` loop (break, return, throw) does not close the consumer: call
 * {@link close}. Records' keys, values and header values are views into fetched bytes
 * (copy them to keep them long after).
 */
export class Consumer<K = Buffer | null, V = Buffer | null> implements AsyncIterable<ConsumerBatch<K, V>> {
  private readonly options: ResolvedConsumerOptions<K, V>;
  private readonly cluster: Cluster;
  private readonly fetcher: Fetcher;
  private group: ConsumerGroup | null = null;
  private subscription: Subscription = { kind: 'none' };
  private listener: RebalanceListener | null = null;
  private closed = false;
  private closing: Promise<void> | null = null;
  /** Positions at the start of the latest poll: what auto commit commits. */
  private committable = new Map<string, OffsetAndMetadata>();
  private readonly lastCommitted = new Map<string, number>();
  private autoCommitTimer: NodeJS.Timeout | null = null;
  private autoCommitInFlight = false;
  private metadataTimer: NodeJS.Timeout | null = null;
  private pollTimer: NodeJS.Timeout | null = null;
  private lastPollMs = Date.now();
  private pollTimedOut = false;
  /** Groups being left after unsubscribe(); close() waits for them. */
  private readonly leaving = new Set<Promise<void>>();

  /** Checks the options (ConfigError) and prepares; no connection is made until needed. */
  constructor(options: ConsumerOptions<K, V>) {
    this.options = resolveConsumerOptions(options);
    this.cluster = new Cluster(this.options.client);
    this.fetcher = new Fetcher(this.cluster, this.options as ResolvedConsumerOptions<unknown, unknown>);
    if (this.options.groupId !== null) {
      this.fetcher.committedLookup = (partitions) => this.requireGroup().committed(partitions);
    }
  }

  // ---- subscription and assignment ---------------------------------------------------

  /**
   * Joins the group (`groupId` required) for `topics`, or for every topic matching a
   * RegExp (checked against the metadata every metadata.max.age.ms). Calling it again
   * replaces the subscription (and rebalances).
   */
  subscribe(topics: readonly string[] | RegExp, listener?: RebalanceListener): void {
    this.ensureOpen();
    if (this.options.groupId === null) throw new ConfigError('subscribe needs a groupId; use assign() without one');
    if (this.subscription.kind === 'assigned')
      throw new ConfigError('subscribe after assign: call unsubscribe() first');
    if (topics instanceof RegExp) this.subscription = { kind: 'pattern', pattern: topics };
    else {
      if (!Array.isArray(topics) || topics.length === 0) throw new ConfigError('subscribe: at least one topic');
      for (const t of topics) {
        if (typeof t !== 'string' || t === '') throw new ConfigError(`subscribe: bad topic ${JSON.stringify(t)}`);
      }
      this.subscription = { kind: 'topics', topics: [...new Set(topics)] };
    }
    this.listener = listener ?? null;
    const group = this.ensureGroup();
    group.requestRejoin('subscription changed');
    group.start();
    this.startTimers();
  }

  /** Consumes `partitions` without a group (positions from committed offsets when `groupId` is set). */
  assign(partitions: readonly TopicPartition[]): void {
    this.ensureOpen();
    checkPartitions('assign', partitions);
    if (this.subscription.kind === 'topics' || this.subscription.kind === 'pattern') {
      throw new ConfigError('assign after subscribe: call unsubscribe() first');
    }
    this.subscription = partitions.length === 0 ? { kind: 'none' } : { kind: 'assigned' };
    this.fetcher.setAssignment(partitions);
    this.startTimers();
  }

  /**
   * Leaves the group (or drops the manual assignment). In the background: with auto
   * commit the owned partitions' positions are committed, onPartitionsRevoked is called,
   * then LeaveGroup is sent.
   */
  unsubscribe(): void {
    this.ensureOpen();
    const group = this.group;
    const listener = this.listener;
    const wasGroup = this.isSubscribed();
    this.subscription = { kind: 'none' };
    this.listener = null;
    if (wasGroup && group !== null) {
      this.group = null;
      const owned = group.owned;
      const keys = new Set(owned.map((tp) => tpKey(tp.topic, tp.partition)));
      // Called by the application between records, as close(): everything handed out is done with.
      const offsets = [...this.fetcher.positions()].filter(
        ([k, o]) => keys.has(k) && this.lastCommitted.get(k) !== o.offset,
      );
      const leaving = (async () => {
        if (this.options.enableAutoCommit && offsets.length > 0 && group.state === 'stable') {
          await group.commit(
            offsets.map(([, o]) => o),
            true,
          );
        }
        if (owned.length > 0) await listener?.onPartitionsRevoked?.(owned.map((tp) => ({ ...tp })));
      })()
        .catch((error: unknown) =>
          this.options.client.logger.warn({ err: String(error) }, 'unsubscribe: revocation failed'),
        )
        .finally(() => group.close(true))
        .finally(() => this.leaving.delete(leaving));
      this.leaving.add(leaving);
    }
    this.fetcher.setAssignment([]);
    this.committable.clear();
  }

  /** The partitions assigned to this consumer now. */
  assignment(): TopicPartition[] {
    return this.fetcher.assignment();
  }

  // ---- consuming ----------------------------------------------------------------------

  /**
   * Up to `maxPollRecords` records, waiting up to `timeoutMs` (default 1000) when none is
   * buffered. Resolves empty when the time is up, or when the consumer is closed while
   * waiting; rejects with ClientClosedError when called after close, with AbortError when
   * `signal` fires, and with the first pending background error (a KafkaError). Corrupt
   * data (CORRUPT_MESSAGE) or a deserializer's error is raised once the records before it
   * were returned; the partition then stays at that record, as Kafka's does, until
   * {@link seek} moves past it.
   */
  async poll(options: PollOptions = {}): Promise<ConsumerRecord<K, V>[]> {
    this.ensureOpen();
    if (typeof options !== 'object' || options === null) throw new ConfigError('poll: options must be an object');
    const timeoutMs = options.timeoutMs ?? DEFAULT_POLL_TIMEOUT_MS;
    if (!Number.isFinite(timeoutMs) || timeoutMs < 0) throw new ConfigError('poll: timeoutMs must be >= 0');
    const signal = options.signal;
    if (signal !== undefined && !(signal instanceof AbortSignal))
      throw new ConfigError('poll: signal must be an AbortSignal');
    if (signal?.aborted === true) throw new AbortError(signal.reason);
    this.beforePoll();
    const deadline = Date.now() + timeoutMs;
    const max = this.options.maxPollRecords;
    for (;;) {
      const error = this.fetcher.takeError();
      if (error !== undefined) throw error;
      const out: ConsumerRecord<K, V>[] = [];
      this.drainInto(out, max);
      if (out.length > 0 || this.isClosed()) return out;
      const remaining = deadline - Date.now();
      if (remaining <= 0) return out;
      this.fetcher.kick();
      await this.fetcher.waitForData(remaining, signal);
      if (isAborted(signal)) throw new AbortError(signal?.reason);
    }
  }

  private drainInto(out: ConsumerRecord<K, V>[], max: number): void {
    const kd = this.options.keyDeserializer;
    const vd = this.options.valueDeserializer;
    while (out.length < max) {
      const f = this.fetcher.nextFetch();
      if (f === null) return;
      try {
        f.drain(out, max - out.length, kd, vd);
      } catch (error) {
        this.stayAtBadData(f);
        // Records decoded before the bad one are returned; the error comes with the next poll.
        if (out.length === 0) throw error;
        this.fetcher.pushError(error as Error);
        return;
      } finally {
        this.fetcher.consumed(f);
      }
    }
  }

  /**
   * One batch per partition per fetch: `for await (const batch of consumer)`. The loop
   * keeps the group alive like poll does. Leaving the loop does not close the consumer;
   * the loop ends when the consumer is closed.
   */
  [Symbol.asyncIterator](): AsyncIterator<ConsumerBatch<K, V>> {
    return {
      next: () => this.nextBatch(),
      return: () => Promise.resolve({ done: true, value: undefined }),
    };
  }

  private async nextBatch(): Promise<IteratorResult<ConsumerBatch<K, V>, undefined>> {
    if (this.isClosed()) return { done: true, value: undefined };
    this.beforePoll();
    const kd = this.options.keyDeserializer;
    const vd = this.options.valueDeserializer;
    for (;;) {
      if (this.isClosed()) return { done: true, value: undefined };
      const error = this.fetcher.takeError();
      if (error !== undefined) throw error;
      const f = this.fetcher.nextFetch();
      if (f !== null) {
        const records: ConsumerRecord<K, V>[] = [];
        try {
          f.drain(records, Number.MAX_SAFE_INTEGER, kd, vd);
        } catch (error) {
          this.stayAtBadData(f);
          if (records.length === 0) throw error;
          this.fetcher.pushError(error as Error);
        } finally {
          this.fetcher.consumed(f);
        }
        if (records.length === 0) continue;
        return {
          done: false,
          value: {
            topic: f.state.topic,
            partition: f.state.partition,
            records,
            highWatermark: f.highWatermark,
            lastStableOffset: f.lastStableOffset,
          },
        };
      }
      this.fetcher.kick();
      await this.fetcher.waitForData(this.options.maxPollIntervalMs);
    }
  }

  /**
   * Corrupt fetched data: as Kafka, the partition stays at the bad offset (fetched again,
   * failing again) until the application seeks past it; nothing after it is returned.
   */
  private stayAtBadData(f: CompletedFetch): void {
    const state = this.fetcher.state(f.state);
    if (state === undefined || state !== f.state || state.position === null) return;
    this.fetcher.seek(state, state.position);
  }

  /** At each poll: the previous poll's records are done with, so their positions may be committed. */
  private beforePoll(): void {
    this.lastPollMs = Date.now();
    this.fetcher.releaseLent();
    if (this.pollTimedOut) {
      this.pollTimedOut = false;
      this.group?.requestRejoin('polled again after max.poll.interval.ms');
    }
    if (this.group === null) return;
    this.committable = this.fetcher.positions();
  }

  // ---- commits ------------------------------------------------------------------------

  /**
   * Commits `offsets` (each the offset of the next record to read), or the current
   * positions of every assigned partition; resolves once the coordinator stored them.
   * Rejects with a KafkaError: REBALANCE_IN_PROGRESS while the group rebalances,
   * ILLEGAL_GENERATION / UNKNOWN_MEMBER_ID when the partitions moved (Kafka's
   * CommitFailedException); retriable errors are retried within default.api.timeout.ms.
   */
  async commit(offsets?: ReadonlyArray<TopicPartition & { offset: number; metadata?: string }>): Promise<void> {
    this.ensureOpen();
    const group = this.requireGroup();
    let list: OffsetAndMetadata[];
    if (offsets === undefined) list = [...this.fetcher.positions().values()];
    else {
      checkPartitions('commit', offsets);
      list = offsets.map((o) => ({
        topic: o.topic,
        partition: o.partition,
        offset: checkOffset('commit', o.offset),
        ...(o.metadata === undefined ? {} : { metadata: checkMetadata(o.metadata) }),
      }));
    }
    await group.commit(list, this.isSubscribed());
    for (const o of list) this.lastCommitted.set(tpKey(o.topic, o.partition), o.offset);
  }

  /** As {@link commit}, without waiting; `callback` gets the outcome (errors are otherwise only logged). */
  commitAsync(
    offsets?: ReadonlyArray<TopicPartition & { offset: number; metadata?: string }>,
    callback?: (error: Error | null) => void,
  ): void {
    this.commit(offsets).then(
      () => callback?.(null),
      (error: unknown) => {
        if (callback !== undefined) callback(error as Error);
        else this.options.client.logger.warn({ err: String(error) }, 'async commit failed');
      },
    );
  }

  /**
   * The group's committed offsets, keyed `${topic}:${partition}`; null where the group
   * has none.
   */
  async committed(partitions: readonly TopicPartition[]): Promise<Map<string, number | null>> {
    this.ensureOpen();
    checkPartitions('committed', partitions);
    const found = await this.requireGroup().committed(partitions);
    const out = new Map<string, number | null>();
    for (const tp of partitions)
      out.set(tpKey(tp.topic, tp.partition), found.get(tpKey(tp.topic, tp.partition)) ?? null);
    return out;
  }

  private async autoCommit(group: ConsumerGroup | null, partitions?: readonly TopicPartition[]): Promise<void> {
    if (!this.options.enableAutoCommit || group === null) return;
    const keys = partitions === undefined ? null : new Set(partitions.map((tp) => tpKey(tp.topic, tp.partition)));
    const list: OffsetAndMetadata[] = [];
    for (const [k, o] of this.committable) {
      if (keys !== null && !keys.has(k)) continue;
      if (this.lastCommitted.get(k) === o.offset) continue;
      list.push(o);
    }
    if (list.length === 0) return;
    await group.commit(list, this.isSubscribed());
    for (const o of list) this.lastCommitted.set(tpKey(o.topic, o.partition), o.offset);
  }

  // ---- positions ----------------------------------------------------------------------

  /**
   * The offset of the next record poll will return for `tp`. Throws ConfigError when
   * `tp` is not assigned, and a retriable KafkaError (OFFSET_NOT_AVAILABLE) while its
   * position is still being looked up (poll first).
   */
  position(tp: TopicPartition): number {
    const state = this.assigned('position', tp);
    if (state.position === null) {
      throw new KafkaError(
        ErrorCode.OFFSET_NOT_AVAILABLE,
        `the position of ${tp.topic}-${tp.partition} is not known yet`,
        {
          topic: tp.topic,
          partition: tp.partition,
          retriable: true,
        },
      );
    }
    return state.position;
  }

  /** The next poll returns `tp`'s records from `offset`. */
  seek(tp: TopicPartition, offset: number): void {
    this.ensureOpen();
    const state = this.assigned('seek', tp);
    this.fetcher.seek(state, checkOffset('seek', offset));
  }

  /** Moves to the log start offset of each partition (all assigned when omitted). */
  seekToBeginning(partitions?: readonly TopicPartition[]): void {
    this.seekTo('seekToBeginning', partitions, EARLIEST_TIMESTAMP);
  }

  /** Moves to the end (the high watermark, or the last stable offset under read_committed). */
  seekToEnd(partitions?: readonly TopicPartition[]): void {
    this.seekTo('seekToEnd', partitions, LATEST_TIMESTAMP);
  }

  private seekTo(what: string, partitions: readonly TopicPartition[] | undefined, timestamp: number): void {
    this.ensureOpen();
    const list = partitions === undefined ? this.assignment() : checkPartitions(what, partitions);
    const states = list.map((tp) => this.assigned(what, tp));
    for (const s of states) this.fetcher.resetPosition(s, timestamp);
  }

  /**
   * For each partition, the earliest offset whose timestamp is at least the given one
   * (ListOffsets), keyed `${topic}:${partition}`; null when no record is that recent.
   */
  async offsetsForTimes(
    query: ReadonlyArray<TopicPartition & { timestamp: number }>,
  ): Promise<Map<string, OffsetAndTimestamp | null>> {
    this.ensureOpen();
    checkPartitions('offsetsForTimes', query);
    const seen = new Set<string>();
    for (const q of query) {
      const k = tpKey(q.topic, q.partition);
      if (seen.has(k)) throw new ConfigError(`offsetsForTimes: ${q.topic}-${q.partition} is asked twice`);
      seen.add(k);
      if (!Number.isSafeInteger(q.timestamp) || q.timestamp < 0) {
        throw new ConfigError(`offsetsForTimes: timestamp must be >= 0, got ${String(q.timestamp)}`);
      }
    }
    return this.fetcher.listOffsets(query);
  }

  /** Stops fetching `partitions`; their buffered records are kept and returned after resume. */
  pause(partitions: readonly TopicPartition[]): void {
    this.ensureOpen();
    checkPartitions('pause', partitions);
    for (const tp of partitions) this.fetcher.pause(this.assigned('pause', tp), true);
  }

  /** Fetches `partitions` again. */
  resume(partitions: readonly TopicPartition[]): void {
    this.ensureOpen();
    checkPartitions('resume', partitions);
    for (const tp of partitions) this.fetcher.pause(this.assigned('resume', tp), false);
  }

  /** The paused partitions. */
  paused(): TopicPartition[] {
    const out: TopicPartition[] = [];
    for (const s of this.fetcher.partitions.values())
      if (s.paused) out.push({ topic: s.topic, partition: s.partition });
    return out;
  }

  /** The group generation, for a transactional producer's sendOffsetsToTransaction (KIP-447). */
  groupMetadata(): GroupMetadata {
    if (this.options.groupId === null) throw new ConfigError('groupMetadata needs a groupId');
    if (this.group === null) {
      return {
        groupId: this.options.groupId,
        generationId: -1,
        memberId: '',
        groupInstanceId: this.options.groupInstanceId,
      };
    }
    return this.group.metadata();
  }

  // ---- closing ------------------------------------------------------------------------

  /**
   * Stops fetching, commits the positions of every record handed out (auto commit),
   * calls onPartitionsRevoked, leaves the group (not a static member, as Kafka: its
   * partitions wait for it for session.timeout.ms) and closes the connections. A poll
   * waiting meanwhile resolves empty; calls after close reject with ClientClosedError.
   */
  close(): Promise<void> {
    if (this.closing !== null) return this.closing;
    this.closing = this.doClose();
    return this.closing;
  }

  private async doClose(): Promise<void> {
    this.stopTimers();
    const group = this.group;
    try {
      if (group !== null && this.options.enableAutoCommit) {
        const subscribed = this.isSubscribed();
        if (!subscribed || group.state === 'stable') {
          const positions = [...this.fetcher.positions().values()].filter(
            (o) => this.lastCommitted.get(tpKey(o.topic, o.partition)) !== o.offset,
          );
          await group.commit(positions, subscribed).catch((error: unknown) => {
            this.options.client.logger.warn({ err: String(error) }, 'commit on close failed');
          });
        }
      }
      if (group !== null && this.isSubscribed() && group.owned.length > 0) {
        await this.callListener('onPartitionsRevoked', group.owned);
      }
    } finally {
      this.closed = true;
      await Promise.all([...this.leaving]);
      this.fetcher.close();
      if (group !== null) await group.close(this.isSubscribed());
      await this.cluster.close();
    }
  }

  // ---- internals ----------------------------------------------------------------------

  private isClosed(): boolean {
    return this.closed || this.closing !== null;
  }

  private ensureOpen(): void {
    if (this.closed || this.closing !== null) throw new ClientClosedError('consumer');
  }

  private isSubscribed(): boolean {
    return this.subscription.kind === 'topics' || this.subscription.kind === 'pattern';
  }

  private requireGroup(): ConsumerGroup {
    if (this.options.groupId === null) throw new ConfigError('offsets are committed to a group: set groupId');
    return this.ensureGroup();
  }

  private ensureGroup(): ConsumerGroup {
    if (this.group !== null) return this.group;
    const group: ConsumerGroup = new ConsumerGroup(
      this.cluster,
      this.options as ResolvedConsumerOptions<unknown, unknown>,
      {
        subscribedTopics: () => this.subscribedTopics(),
        setAssignment: (partitions) => {
          if (this.group === group && this.isSubscribed()) this.fetcher.setAssignment(partitions);
        },
        revoked: (partitions) => this.onRevoked(group, partitions),
        assigned: (partitions) =>
          this.group === group ? this.callListener('onPartitionsAssigned', partitions) : Promise.resolve(),
        lost: (partitions) => {
          // Owned by others now: auto commit must not commit the positions of before.
          this.forgetCommits(partitions);
          if (this.group !== group) return Promise.resolve();
          return this.listener?.onPartitionsLost !== undefined
            ? this.callListener('onPartitionsLost', partitions)
            : this.callListener('onPartitionsRevoked', partitions);
        },
        fatal: (error) => this.fetcher.pushError(error),
      },
    );
    this.group = group;
    return group;
  }

  private async onRevoked(group: ConsumerGroup, partitions: TopicPartition[]): Promise<void> {
    try {
      await this.autoCommit(group, partitions);
    } catch (error) {
      this.options.client.logger.warn({ err: String(error) }, 'commit before revocation failed');
    }
    this.forgetCommits(partitions);
    if (this.group === group) await this.callListener('onPartitionsRevoked', partitions);
  }

  /**
   * Partitions no longer ours: nothing more to commit for them, and what this member
   * committed says nothing of the group's offset once another member had them.
   */
  private forgetCommits(partitions: readonly TopicPartition[]): void {
    for (const tp of partitions) {
      const k = tpKey(tp.topic, tp.partition);
      this.committable.delete(k);
      this.lastCommitted.delete(k);
    }
  }

  private async callListener(
    name: 'onPartitionsRevoked' | 'onPartitionsAssigned' | 'onPartitionsLost',
    partitions: TopicPartition[],
  ): Promise<void> {
    const fn = this.listener?.[name];
    if (fn === undefined) return;
    try {
      await fn.call(
        this.listener,
        partitions.map((tp) => ({ topic: tp.topic, partition: tp.partition })),
      );
    } catch (error) {
      this.options.client.logger.error({ err: String(error), listener: name }, 'rebalance listener failed');
    }
  }

  private async subscribedTopics(): Promise<string[]> {
    const s = this.subscription;
    if (s.kind === 'topics') return [...s.topics];
    if (s.kind !== 'pattern') return [];
    await this.cluster.refreshMetadata(null);
    return this.cluster
      .knownTopics()
      .filter((t) => {
        s.pattern.lastIndex = 0;
        return !this.cluster.topic(t)?.isInternal && s.pattern.test(t);
      })
      .sort();
  }

  private startTimers(): void {
    if (this.options.enableAutoCommit && this.autoCommitTimer === null) {
      this.autoCommitTimer = setInterval(() => {
        if (this.autoCommitInFlight) return;
        // During a rebalance the coordinator refuses commits; the revocation commits instead.
        if (this.isSubscribed() && this.group?.state !== 'stable') return;
        this.autoCommitInFlight = true;
        this.autoCommit(this.group)
          .catch((error: unknown) => this.options.client.logger.warn({ err: String(error) }, 'auto commit failed'))
          .finally(() => {
            this.autoCommitInFlight = false;
          });
      }, this.options.autoCommitIntervalMs);
      this.autoCommitTimer.unref();
    }
    if (this.isSubscribed() && this.metadataTimer === null) {
      this.metadataTimer = setInterval(() => void this.checkMetadata(), this.options.client.metadataMaxAgeMs);
      this.metadataTimer.unref();
    }
    if (this.isSubscribed() && this.pollTimer === null) {
      const every = Math.max(100, Math.min(1_000, Math.floor(this.options.maxPollIntervalMs / 4)));
      this.pollTimer = setInterval(() => this.checkPollInterval(), every);
      this.pollTimer.unref();
    }
  }

  private stopTimers(): void {
    for (const t of [this.autoCommitTimer, this.metadataTimer, this.pollTimer]) if (t !== null) clearInterval(t);
    this.autoCommitTimer = null;
    this.metadataTimer = null;
    this.pollTimer = null;
  }

  /** A subscription's topics or their partition counts changed: rebalance. */
  private async checkMetadata(): Promise<void> {
    const group = this.group;
    if (group === null || !this.isSubscribed() || group.state !== 'stable') return;
    try {
      const topics = await this.subscribedTopics();
      const joined = group.joinedTopics;
      // Ours, and as the leader every member's (joinedTopics holds them).
      const watched = [...new Set([...topics, ...joined.keys()])];
      await this.cluster.refreshMetadata(watched);
      let changed = false;
      for (const t of watched) {
        const count = this.cluster.topic(t)?.partitions.length;
        if (count !== undefined && joined.get(t) !== count) changed = true;
      }
      const before = group.subscribedAtJoin;
      if (before.length !== topics.length || before.some((t) => !topics.includes(t))) changed = true;
      if (changed) group.requestRejoin('subscribed topics or partition counts changed');
    } catch (error) {
      this.options.client.logger.debug({ err: String(error) }, 'metadata check failed');
    }
  }

  /**
   * max.poll.interval.ms: an application that stopped polling gives its partitions back
   * (the member leaves the group as Kafka's does; the next poll joins again).
   */
  private checkPollInterval(): void {
    const group = this.group;
    if (group === null || group.state !== 'stable' || this.pollTimedOut) return;
    if (Date.now() - this.lastPollMs <= this.options.maxPollIntervalMs) return;
    this.pollTimedOut = true;
    this.options.client.logger.warn(
      { groupId: group.groupId },
      'max.poll.interval.ms passed without a poll: leaving the group',
    );
    void group.leaveForPollTimeout();
  }

  private assigned(what: string, tp: TopicPartition): import('./fetcher.js').PartitionState {
    checkPartitions(what, [tp]);
    const state = this.fetcher.state(tp);
    if (state === undefined)
      throw new ConfigError(`${what}: ${tp.topic}-${tp.partition} is not assigned to this consumer`);
    return state;
  }
}
