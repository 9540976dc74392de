/**
 * A follower's fetcher for the partitions one leader broker leads (Kafka's
 * ReplicaFetcherThread over AbstractFetcherThread; num.replica.fetchers = 1, so one per
 * leader broker).
 *
 * Each round sends one Fetch with every partition ready to fetch: fetchOffset = the log
 * end, currentLeaderEpoch = the epoch the image gave, lastFetchedEpoch = the latest epoch
 * in the local leader epoch cache (v12+), replica.fetch.max.bytes per partition,
 * replica.fetch.wait.max.ms / min.bytes, replica.fetch.response.max.bytes in all. What
 * comes back is appended as is (offsets and epochs kept) and the follower's high
 * watermark follows the leader's.
 *
 * Truncation (KIP-101, KIP-279): a DivergingEpoch in the answer (v12+) says where the
 * follower's last epoch ends in the leader's log; the follower truncates to the smaller
 * of that and where the same epoch ends locally. A leader answering below v12, or a log
 * without epochs, goes through OffsetForLeaderEpoch first (Kafka's Truncating state),
 * repeated until the epochs agree. OFFSET_OUT_OF_RANGE below the leader's log start
 * empties the log and restarts it there.
 *
 * Errors are per partition: NOT_LEADER_OR_FOLLOWER, UNKNOWN_TOPIC_* and storage errors
 * back the partition off for replica.fetch.backoff.ms; FENCED_LEADER_EPOCH drops it from
 * the fetcher until the next image makes it follow again; UNKNOWN_LEADER_EPOCH (the
 * leader has not seen the image yet) retries after the backoff. A failed request backs
 * off every partition of the round.
 */
import type { FetchResponse } from '@gregor/protocol';
import { ErrorCode, FetchRequest, OffsetForLeaderEpochRequest } from '@gregor/protocol';
import { FetchPartition, FetchTopic } from '@gregor/protocol/generated/messages/fetch-request';
import type { PartitionData } from '@gregor/protocol/generated/messages/fetch-response';
import {
  OffsetForLeaderPartition,
  OffsetForLeaderTopic,
} from '@gregor/protocol/generated/messages/offset-for-leader-epoch-request';
import type { Logger } from 'pino';
import type { Partition } from './partition.js';
import type { ReplicaTransport, ReplicationClock, ReplicationConfig, ReplicationTimers } from './replica-transport.js';
import { REPLICA_FETCH_VERSION, REPLICA_OFFSET_FOR_LEADER_EPOCH_VERSION } from './replica-transport.js';

/** Fetch v12 brought DivergingEpoch (KIP-595's truncation on fetch, Kafka 2.7). */
const TRUNCATION_ON_FETCH_VERSION = 12;

export interface FetcherContext {
  nodeId: number;
  transport: ReplicaTransport;
  config: ReplicationConfig;
  clock: ReplicationClock;
  timers: ReplicationTimers;
  brokerEpoch(): number;
  producerIdExpirationMs(): number;
  logger: Logger;
}

interface FetchState {
  readonly partition: Partition;
  /** The leader epoch this fetcher follows the partition in. */
  readonly leaderEpoch: number;
  /** Needs OffsetForLeaderEpoch before fetching (Kafka's Truncating state). */
  truncating: boolean;
  delayedUntilMs: number;
}

export class ReplicaFetcher {
  private readonly states = new Map<Partition, FetchState>();
  private running = false;
  private loop: Promise<void> | null = null;
  private abort: AbortController | null = null;
  private wake: (() => void) | null = null;
  /** The Fetch version the transport last used; below 12 partitions start truncating. */
  private fetchVersion = 17;

  constructor(
    readonly leaderId: number,
    private readonly ctx: FetcherContext,
  ) {}

  get size(): number {
    return this.states.size;
  }

  has(partition: Partition): boolean {
    return this.states.has(partition);
  }

  /** Starts following `partition` at its current leader epoch. */
  add(partition: Partition): void {
    const latestEpoch = partition.log.epochCache.latestEpoch();
    this.states.set(partition, {
      partition,
      leaderEpoch: partition.leaderEpoch,
      truncating:
        this.fetchVersion < TRUNCATION_ON_FETCH_VERSION ||
        (latestEpoch < 0 && partition.logEndOffset > partition.logStartOffset),
      delayedUntilMs: 0,
    });
    this.wake?.();
  }

  /** Stops following `partition`; true when it was followed here. */
  remove(partition: Partition): boolean {
    return this.states.delete(partition);
  }

  /** Runs rounds until stopped, waiting out backoffs (not used under manualFetch). */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = (async () => {
      while (this.running) {
        let worked = false;
        try {
          worked = await this.doWork();
        } catch (e) {
          this.ctx.logger.error({ err: e, leader: this.leaderId }, 'replica fetcher round failed');
        }
        if (!this.running) break;
        if (!worked) await this.idle();
      }
    })();
  }

  /** Waits for a partition to be added or the earliest backoff to pass. */
  private idle(): Promise<void> {
    return new Promise<void>((resolve) => {
      const now = this.ctx.clock.now();
      let wait = this.ctx.config.replicaFetchBackoffMs;
      for (const s of this.states.values()) if (s.delayedUntilMs > now) wait = Math.min(wait, s.delayedUntilMs - now);
      let timer: unknown = null;
      const done = () => {
        if (timer !== null) this.ctx.timers.clearTimeout(timer);
        this.wake = null;
        resolve();
      };
      timer = this.ctx.timers.setTimeout(done, Math.max(1, wait));
      this.wake = done;
    });
  }

  async stop(): Promise<void> {
    this.running = false;
    this.abort?.abort();
    this.wake?.();
    await this.loop;
    this.loop = null;
  }

  /**
   * One round: OffsetForLeaderEpoch for partitions that must truncate first, then one
   * Fetch for the rest. False when there was nothing to do (everything backing off).
   */
  async doWork(): Promise<boolean> {
    const now = this.ctx.clock.now();
    const truncating: FetchState[] = [];
    const fetching: FetchState[] = [];
    for (const s of this.states.values()) {
      if (s.delayedUntilMs > now || s.partition.leaderEpoch !== s.leaderEpoch) continue;
      (s.truncating ? truncating : fetching).push(s);
    }
    if (truncating.length > 0) await this.truncateByLeaderEpochs(truncating);
    if (fetching.length === 0) return truncating.length > 0;
    await this.fetch(fetching);
    return true;
  }

  private current(s: FetchState): boolean {
    return this.states.get(s.partition) === s && s.partition.leaderEpoch === s.leaderEpoch && !s.partition.isLeader;
  }

  private backOff(s: FetchState): void {
    s.delayedUntilMs = this.ctx.clock.now() + this.ctx.config.replicaFetchBackoffMs;
  }

  private requestOptions(extraMs: number): { timeoutMs: number; signal: AbortSignal } {
    this.abort = new AbortController();
    return { timeoutMs: this.ctx.config.replicaSocketTimeoutMs + extraMs, signal: this.abort.signal };
  }

  /** The Fetch for `states` at `version`: only the fields that version has. */
  private buildFetch(states: readonly FetchState[], version: number): FetchRequest {
    const { config } = this.ctx;
    const request = new FetchRequest();
    if (version >= 15) {
      request.replicaState.replicaId = this.ctx.nodeId;
      request.replicaState.replicaEpoch = BigInt(this.ctx.brokerEpoch());
    } else request.replicaId = this.ctx.nodeId;
    request.maxWaitMs = config.replicaFetchWaitMaxMs;
    request.minBytes = config.replicaFetchMinBytes;
    request.maxBytes = config.replicaFetchResponseMaxBytes;
    request.isolationLevel = 0;
    request.sessionId = 0;
    request.sessionEpoch = -1;
    const byTopic = new Map<string, FetchTopic>();
    for (const s of states) {
      const p = s.partition;
      let t = byTopic.get(p.topic);
      if (t === undefined) {
        t = new FetchTopic();
        if (version >= 13) t.topicId = p.topicId;
        else t.topic = p.topic;
        byTopic.set(p.topic, t);
        request.topics.push(t);
      }
      const fp = new FetchPartition();
      fp.partition = p.partition;
      fp.currentLeaderEpoch = s.leaderEpoch;
      fp.fetchOffset = BigInt(p.logEndOffset);
      if (version >= 12) fp.lastFetchedEpoch = p.log.epochCache.latestEpoch();
      fp.logStartOffset = BigInt(p.logStartOffset);
      fp.partitionMaxBytes = config.replicaFetchMaxBytes;
      t.partitions.push(fp);
    }
    return request;
  }

  private async fetch(states: readonly FetchState[]): Promise<void> {
    const byKey = new Map<string, { state: FetchState; fetchOffset: number }>();
    for (const s of states) {
      const p = s.partition;
      byKey.set(`${p.topic}:${p.partition}`, { state: s, fetchOffset: p.logEndOffset });
      byKey.set(`${p.topicId}:${p.partition}`, { state: s, fetchOffset: p.logEndOffset });
    }
    let response: FetchResponse;
    try {
      const answer = await this.ctx.transport.fetch(
        this.leaderId,
        this.buildFetch(states, REPLICA_FETCH_VERSION),
        this.requestOptions(this.ctx.config.replicaFetchWaitMaxMs),
      );
      this.fetchVersion = answer.version;
      response = answer.response;
    } catch (e) {
      if (!this.running && this.abort?.signal.aborted === true) return;
      this.ctx.logger.warn({ err: e, leader: this.leaderId }, 'replica fetch failed; backing off');
      for (const s of states) this.backOff(s);
      return;
    }
    if (response.errorCode !== ErrorCode.NONE) {
      this.ctx.logger.warn({ leader: this.leaderId, errorCode: response.errorCode }, 'replica fetch refused');
      for (const s of states) this.backOff(s);
      return;
    }
    const appends: Promise<void>[] = [];
    for (const t of response.responses) {
      for (const data of t.partitions) {
        const entry =
          byKey.get(`${t.topicId}:${data.partitionIndex}`) ?? byKey.get(`${t.topic}:${data.partitionIndex}`);
        if (entry === undefined || !this.current(entry.state)) continue;
        const work = this.processPartition(entry.state, entry.fetchOffset, data);
        if (work !== null) appends.push(work);
      }
    }
    await Promise.all(appends);
  }

  /** One partition of a Fetch answer; a promise when there is something to wait for. */
  private processPartition(s: FetchState, fetchOffset: number, data: PartitionData): Promise<void> | null {
    const p = s.partition;
    switch (data.errorCode) {
      case ErrorCode.NONE: {
        if (this.fetchVersion >= TRUNCATION_ON_FETCH_VERSION && data.divergingEpoch.epoch >= 0) {
          return this.truncate(s, data.divergingEpoch.epoch, Number(data.divergingEpoch.endOffset), true);
        }
        if (p.logEndOffset !== fetchOffset) return null; // truncated meanwhile: the data no longer fits
        const hw = Number(data.highWatermark);
        const leaderLogStart = Number(data.logStartOffset);
        const records = data.records;
        let appended: Promise<void> | null = null;
        if (records !== null && records.length > 0) appended = p.appendAsFollower(records, hw).then(() => undefined);
        else p.updateFollowerHighWatermark(hw);
        if (leaderLogStart > p.logStartOffset && leaderLogStart <= p.highWatermark) {
          // The leader deleted records (DeleteRecords, retention): follow its log start.
          const moved = (appended ?? Promise.resolve()).then(() =>
            p.followerOp(() => p.log.deleteRecordsBefore(Math.min(leaderLogStart, p.logEndOffset))),
          );
          return this.settle(
            s,
            moved.then(() => undefined),
          );
        }
        return appended === null ? null : this.settle(s, appended);
      }
      case ErrorCode.OFFSET_OUT_OF_RANGE: {
        const leaderLogStart = Number(data.logStartOffset);
        if (leaderLogStart > fetchOffset) {
          // Kafka: the leader's log starts past ours: start again at its log start.
          return this.settle(
            s,
            p
              .followerOp(() => p.truncateFullyAndStartAt(leaderLogStart))
              .then(() => {
                this.ctx.logger.info(
                  { partition: `${p.topic}-${p.partition}`, leaderLogStart },
                  'follower log restarted at the leader log start',
                );
              }),
          );
        }
        // Ahead of the leader's end: find where the logs agree.
        s.truncating = true;
        return null;
      }
      case ErrorCode.FENCED_LEADER_EPOCH:
        // The leader is in a newer epoch than ours: wait for the image to say so.
        this.ctx.logger.info(
          { partition: `${p.topic}-${p.partition}`, leader: this.leaderId, epoch: s.leaderEpoch },
          'follower fenced by the leader; waiting for new metadata',
        );
        this.states.delete(p);
        return null;
      default:
        // NOT_LEADER_OR_FOLLOWER, UNKNOWN_LEADER_EPOCH, UNKNOWN_TOPIC_*, storage errors: try again later.
        this.backOff(s);
        return null;
    }
  }

  private settle(s: FetchState, work: Promise<void>): Promise<void> {
    return work.catch((e: unknown) => {
      const p = s.partition;
      this.ctx.logger.warn({ err: e, partition: `${p.topic}-${p.partition}` }, 'follower append failed; backing off');
      this.backOff(s);
    });
  }

  /**
   * Truncates after the leader said where `leaderEpoch` ends in its log (KIP-279, as
   * Kafka's getOffsetTruncationState): the follower finds where the largest epoch <= it
   * ends locally; when that is the same epoch the logs agree up to the smaller end;
   * otherwise the follower cuts to its own end of that epoch and asks again.
   */
  private truncate(s: FetchState, leaderEpoch: number, leaderEndOffset: number, onFetch: boolean): Promise<void> {
    const p = s.partition;
    return this.settle(
      s,
      p.followerOp(async () => {
        if (!this.current(s)) return;
        let target: number;
        let complete = true;
        if (leaderEpoch < 0) target = p.highWatermark;
        else {
          const local = p.log.epochCache.endOffsetFor(leaderEpoch, p.logEndOffset);
          if (local.epoch < 0) target = p.highWatermark;
          else if (local.epoch !== leaderEpoch) {
            target = Math.min(local.endOffset, p.logEndOffset);
            complete = onFetch;
          } else target = Math.min(local.endOffset, leaderEndOffset, p.logEndOffset);
        }
        const before = epochCacheState(p);
        if (target < p.logEndOffset) {
          this.ctx.logger.info(
            {
              partition: `${p.topic}-${p.partition}`,
              from: p.logEndOffset,
              to: target,
              leaderEpoch,
              leaderEndOffset,
            },
            'follower truncating a divergent log suffix',
          );
          await p.truncateTo(
            Math.max(target, p.logStartOffset),
            this.ctx.clock.now(),
            this.ctx.producerIdExpirationMs(),
          );
          p.updateFollowerHighWatermark(p.highWatermark);
        } else {
          // Nothing to cut, but the epoch cache may still end with an epoch that starts at
          // the log end with no batch (this broker became leader and lost leadership before
          // appending): the log drops it, as Kafka's truncateTo does, so that the next Fetch
          // names the epoch the batches have and the leader stops answering DivergingEpoch.
          await p.log.truncateTo(p.logEndOffset);
        }
        s.truncating = !complete;
        // A DivergingEpoch on Fetch, or an OffsetForLeaderEpoch answer that leaves the
        // partition truncating, that changed nothing here would get the same answer if
        // asked again at once: wait replica.fetch.backoff.ms rather than spin between the
        // two brokers. (An OffsetForLeaderEpoch answer that says the logs agree changes
        // nothing either, and fetching goes on at once.)
        const divergenceAnswer = onFetch && leaderEpoch >= 0;
        if ((divergenceAnswer || !complete) && epochCacheState(p) === before) {
          this.ctx.logger.warn(
            {
              partition: `${p.topic}-${p.partition}`,
              leader: this.leaderId,
              leaderEpoch,
              leaderEndOffset,
              logEndOffset: p.logEndOffset,
              latestEpoch: p.log.epochCache.latestEpoch(),
            },
            'leader epoch divergence left the follower log unchanged; backing off',
          );
          this.backOff(s);
        }
      }),
    );
  }

  /** Kafka's Truncating state: OffsetForLeaderEpoch with each partition's latest epoch. */
  private async truncateByLeaderEpochs(states: readonly FetchState[]): Promise<void> {
    const asked: { state: FetchState; epoch: number }[] = [];
    const byKey = new Map<string, FetchState>();
    const work: Promise<void>[] = [];
    for (const s of states) {
      const p = s.partition;
      const latest = p.log.epochCache.latestEpoch();
      if (latest < 0) {
        // No epochs to compare: what the follower knows committed is its high watermark.
        work.push(this.truncate(s, -1, -1, true));
        continue;
      }
      asked.push({ state: s, epoch: latest });
      byKey.set(`${p.topic}:${p.partition}`, s);
    }
    const build = (version: number) => {
      const request = new OffsetForLeaderEpochRequest();
      if (version >= 3) request.replicaId = this.ctx.nodeId;
      const byTopic = new Map<string, OffsetForLeaderTopic>();
      for (const { state, epoch } of asked) {
        const p = state.partition;
        let t = byTopic.get(p.topic);
        if (t === undefined) {
          t = new OffsetForLeaderTopic();
          t.topic = p.topic;
          byTopic.set(p.topic, t);
          request.topics.push(t);
        }
        const op = new OffsetForLeaderPartition();
        op.partition = p.partition;
        if (version >= 2) op.currentLeaderEpoch = state.leaderEpoch;
        op.leaderEpoch = epoch;
        t.partitions.push(op);
      }
      return request;
    };
    if (asked.length > 0) {
      try {
        const response = await this.ctx.transport.offsetForLeaderEpoch(
          this.leaderId,
          build(REPLICA_OFFSET_FOR_LEADER_EPOCH_VERSION),
          this.requestOptions(0),
        );
        for (const t of response.topics) {
          for (const r of t.partitions) {
            const s = byKey.get(`${t.topic}:${r.partition}`);
            if (s === undefined || !this.current(s)) continue;
            if (r.errorCode === ErrorCode.FENCED_LEADER_EPOCH) this.states.delete(s.partition);
            else if (r.errorCode !== ErrorCode.NONE) this.backOff(s);
            else work.push(this.truncate(s, r.leaderEpoch, Number(r.endOffset), false));
          }
        }
      } catch (e) {
        if (!this.running && this.abort?.signal.aborted === true) return;
        this.ctx.logger.warn({ err: e, leader: this.leaderId }, 'OffsetForLeaderEpoch failed; backing off');
        for (const s of byKey.values()) this.backOff(s);
      }
    }
    await Promise.all(work);
  }
}

/** The follower's log end and epoch cache, to tell whether a truncation changed anything. */
function epochCacheState(p: Partition): string {
  const last = p.log.epochCache.all.at(-1);
  return `${p.logEndOffset}:${p.log.epochCache.all.length}:${last?.epoch ?? -1}@${last?.startOffset ?? -1}`;
}
