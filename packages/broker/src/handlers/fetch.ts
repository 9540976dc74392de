/**
 * Fetch (1), versions 4-17.
 *
 * Reads whole record batches from each partition's fetch offset, up to the partition's
 * `partitionMaxBytes` and the response's `maxBytes`; the first partition with data gets
 * at least one batch even when it is larger, so a consumer always makes progress.
 * Reads stop at the high watermark (read_uncommitted) or the last stable offset
 * (read_committed; with read_committed the aborted transactions overlapping the data
 * are listed). The partitions are read at once when their limits fit in the response's
 * (see readAll). An offset outside [log start, log end] is OFFSET_OUT_OF_RANGE; a leader
 * epoch newer than ours is UNKNOWN_LEADER_EPOCH, an older one FENCED_LEADER_EPOCH.
 * That per-partition read is `readForConsumer` (partition/consumer-read.ts), which the
 * replication simulation's read_committed consumer is served by too.
 *
 * Long poll: when fewer than `minBytes` are ready, the request waits up to `maxWaitMs`
 * and is woken by the first append to any of its partitions (never a timer loop).
 * Sessions (v7+, KIP-227): see partition/fetch-session.ts. v13+ names topics by id.
 * Record bytes are spliced into the response (gather write), not copied.
 *
 * Only the leader serves consumers (no KIP-392 follower fetching): a follower answers
 * NOT_LEADER_OR_FOLLOWER. A Fetch from a follower broker (replicaId, or from v15
 * ReplicaState.replicaId, >= 0) goes to ReplicaManager.fetchForFollower: it reads up to
 * the log end instead of the high watermark and records the follower's progress.
 */
import type { Uuid } from '@gregor/protocol';
import { ApiKey, ErrorCode, type FetchRequest, FetchResponse, ZERO_UUID } from '@gregor/protocol';
import type { FetchPartition, FetchTopic } from '@gregor/protocol/generated/messages/fetch-request';
import { FetchableTopicResponse, type PartitionData } from '@gregor/protocol/generated/messages/fetch-response';
import type { ReadResult } from '@gregor/storage';
import type { Broker } from '../broker.js';
import { isMetadataFetch } from '../cluster/raft-wire.js';
import { partitionData, readForConsumer } from '../partition/consumer-read.js';
import type { FetchSession, SessionPartition } from '../partition/fetch-session.js';
import { FetchSession as Session } from '../partition/fetch-session.js';
import type { Partition } from '../partition/partition.js';
import type { ApiHandler } from './handler.js';
import { defineHandler } from './handler.js';
import { raftFetch } from './raft.js';

const FINAL_EPOCH = -1;
const INITIAL_EPOCH = 0;

interface Wanted {
  topic: string;
  topicId: Uuid;
  partition: number;
  fetchOffset: number;
  maxBytes: number;
  currentLeaderEpoch: number;
  /** Session state to update with what this response says (null without a session). */
  state: SessionPartition | null;
}

function resolveTopic(
  broker: Broker,
  version: number,
  t: { topic: string; topicId: Uuid },
): { name: string; topicId: Uuid } | null {
  const image = broker.metadata;
  if (version >= 13) {
    const topic = image.topicsById.get(t.topicId);
    return topic === undefined ? null : { name: topic.name, topicId: topic.topicId };
  }
  const topic = image.topicsByName.get(t.topic);
  return { name: t.topic, topicId: topic?.topicId ?? ZERO_UUID };
}

interface ReadOutcome {
  data: PartitionData;
  bytes: number;
  partition: Partition | null;
  /** The log read whose pooled buffer the records are a view of (given back after the write). */
  read?: ReadResult;
}

/** The reads each response lends its record bytes from, released once it is written. */
const lentReads = new WeakMap<FetchResponse, { partition: Partition; read: ReadResult }[]>();
/** The same for follower fetches. */
const lentFollowerReads = new WeakMap<FetchResponse, () => void>();

function releaseReads(outcomes: readonly ReadOutcome[]): void {
  for (const o of outcomes) if (o.read !== undefined && o.partition !== null) o.partition.log.releaseRead(o.read);
}

async function readOne(
  broker: Broker,
  w: Wanted,
  isolation: number,
  budget: number,
  minOneBatch: boolean,
  unknownId: boolean,
): Promise<ReadOutcome> {
  if (unknownId) return { data: partitionData(w.partition, ErrorCode.UNKNOWN_TOPIC_ID), bytes: 0, partition: null };
  const lookup = await broker.replicaManager.lookup(w.topic, w.partition);
  if (lookup.partition === null)
    return { data: partitionData(w.partition, lookup.errorCode), bytes: 0, partition: null };
  const p = lookup.partition;
  return { ...(await readForConsumer(p, w, isolation, budget, minOneBatch)), partition: p };
}

/**
 * Reads every wanted partition within the response's `maxBytes`, as KIP-74 orders it:
 * partition by partition, each within its own limit and what is left of the response's;
 * the first partition with data returns at least one batch. When the partitions' limits
 * together fit in `maxBytes` (the usual case: 1 MiB each against 50 MiB), none can be cut
 * short by the others, so the reads run at once; the first partition with data may still
 * have returned one batch beyond the limits, after which a later partition's oversized
 * batch is dropped, as a read in turn would not have returned it. Otherwise in turn.
 */
async function readAll(
  broker: Broker,
  wanted: readonly Wanted[],
  isolation: number,
  maxBytes: number,
  unknownIds: ReadonlySet<string>,
): Promise<ReadOutcome[]> {
  const unknown = (w: Wanted) => unknownIds.has(Session.key(w.topicId, w.topic, w.partition));
  let limits = 0;
  for (const w of wanted) limits += Math.max(0, w.maxBytes);
  if (limits > maxBytes) {
    const outcomes: ReadOutcome[] = [];
    let budget = maxBytes;
    let firstData = true;
    for (const w of wanted) {
      const outcome = await readOne(broker, w, isolation, budget, firstData, unknown(w));
      if (outcome.bytes > 0) firstData = false;
      budget -= outcome.bytes;
      outcomes.push(outcome);
    }
    return outcomes;
  }
  const settled = await Promise.allSettled(
    wanted.map((w) => readOne(broker, w, isolation, maxBytes, true, unknown(w))),
  );
  const outcomes: ReadOutcome[] = [];
  let failure: PromiseRejectedResult | null = null;
  for (const r of settled) {
    if (r.status === 'fulfilled') outcomes.push(r.value);
    else failure ??= r;
  }
  if (failure !== null) {
    releaseReads(outcomes);
    throw failure.reason;
  }
  let budget = maxBytes;
  let firstData = true;
  for (let i = 0; i < outcomes.length; i++) {
    const o = outcomes[i] as ReadOutcome;
    if (o.bytes === 0) continue;
    if (!firstData && o.bytes > Math.min((wanted[i] as Wanted).maxBytes, budget)) {
      releaseReads([o]);
      o.data.records = Buffer.alloc(0);
      if (o.data.abortedTransactions !== null) o.data.abortedTransactions = [];
      o.bytes = 0;
      delete o.read;
      continue;
    }
    firstData = false;
    budget -= o.bytes;
  }
  return outcomes;
}

/** True when the partition's answer differs from what the session last sent (or has records). */
function isNews(state: SessionPartition, data: PartitionData): boolean {
  return (
    (data.records !== null && data.records.length > 0) ||
    data.errorCode !== state.lastErrorCode ||
    Number(data.highWatermark) !== state.lastHighWatermark ||
    Number(data.logStartOffset) !== state.lastLogStartOffset ||
    Number(data.lastStableOffset) !== state.lastStableOffset
  );
}

function remember(state: SessionPartition, data: PartitionData): void {
  state.lastErrorCode = data.errorCode;
  state.lastHighWatermark = Number(data.highWatermark);
  state.lastLogStartOffset = Number(data.logStartOffset);
  state.lastStableOffset = Number(data.lastStableOffset);
}

function sessionPartition(topic: string, topicId: Uuid, fp: FetchPartition): SessionPartition {
  return {
    topic,
    topicId,
    partition: fp.partition,
    fetchOffset: Number(fp.fetchOffset),
    maxBytes: fp.partitionMaxBytes,
    currentLeaderEpoch: fp.currentLeaderEpoch,
    lastHighWatermark: -2,
    lastLogStartOffset: -2,
    lastStableOffset: -2,
    lastErrorCode: -2,
  };
}

function topError(errorCode: number, sessionId = 0): FetchResponse {
  const r = new FetchResponse();
  r.errorCode = errorCode;
  r.sessionId = sessionId;
  return r;
}

export const fetchHandler: ApiHandler = defineHandler<FetchRequest, FetchResponse>({
  apiKey: ApiKey.Fetch,
  minVersion: 4,
  maxVersion: 17,
  async handle(ctx, request) {
    const { broker, version } = ctx;
    // The metadata log is Raft's: its Fetches (from voters and observers) go to the quorum.
    if (isMetadataFetch(request, version)) return raftFetch(ctx, request);
    const replicaId = version >= 15 ? request.replicaState.replicaId : request.replicaId;
    if (replicaId >= 0) {
      const { response, release } = await broker.replicaManager.fetchForFollower(request, version);
      lentFollowerReads.set(response, release);
      return response;
    }
    const sessions = broker.fetchSessions;
    const sessionId = version >= 7 ? request.sessionId : 0;
    const epoch = version >= 7 ? request.sessionEpoch : FINAL_EPOCH;
    let session: FetchSession | null = null;
    let incremental = false;
    const unknownIds = new Set<string>();

    // Work out the partitions to answer for.
    const wanted: Wanted[] = [];
    const fromRequest = (topics: readonly FetchTopic[], into: FetchSession | null) => {
      for (const t of topics) {
        const resolved = resolveTopic(broker, version, t);
        const name = resolved?.name ?? '';
        const topicId = resolved?.topicId ?? t.topicId;
        for (const fp of t.partitions) {
          const state = sessionPartition(name, topicId, fp);
          if (resolved === null) unknownIds.add(Session.key(topicId, name, fp.partition));
          if (into !== null) into.partitions.set(Session.key(topicId, name, fp.partition), state);
          else wanted.push({ ...state, state: null });
        }
      }
    };
    if (sessionId === 0 && epoch > INITIAL_EPOCH) return topError(ErrorCode.INVALID_FETCH_SESSION_EPOCH);
    if (sessionId !== 0) {
      const existing = sessions.get(sessionId);
      if (epoch === FINAL_EPOCH) {
        sessions.remove(sessionId);
        fromRequest(request.topics, null);
      } else if (existing === undefined) {
        return topError(ErrorCode.FETCH_SESSION_ID_NOT_FOUND);
      } else if (epoch !== existing.nextEpoch) {
        return topError(ErrorCode.INVALID_FETCH_SESSION_EPOCH);
      } else {
        session = existing;
        incremental = true;
        session.nextEpoch = epoch >= 0x7fffffff ? 1 : epoch + 1;
        for (const forgotten of version >= 7 ? request.forgottenTopicsData : []) {
          const resolved = resolveTopic(broker, version, forgotten);
          const name = resolved?.name ?? forgotten.topic;
          const topicId = resolved?.topicId ?? forgotten.topicId;
          for (const p of forgotten.partitions) session.partitions.delete(Session.key(topicId, name, p));
        }
        for (const t of request.topics) {
          const resolved = resolveTopic(broker, version, t);
          const name = resolved?.name ?? '';
          const topicId = resolved?.topicId ?? t.topicId;
          for (const fp of t.partitions) {
            const key = Session.key(topicId, name, fp.partition);
            if (resolved === null) unknownIds.add(key);
            const state = session.partitions.get(key);
            if (state === undefined) session.partitions.set(key, sessionPartition(name, topicId, fp));
            else {
              state.fetchOffset = Number(fp.fetchOffset);
              state.maxBytes = fp.partitionMaxBytes;
              state.currentLeaderEpoch = fp.currentLeaderEpoch;
            }
          }
        }
      }
    } else if (epoch === INITIAL_EPOCH && version >= 7) {
      session = sessions.create();
      fromRequest(request.topics, session);
    } else {
      fromRequest(request.topics, null);
    }
    if (session !== null) for (const state of session.partitions.values()) wanted.push({ ...state, state });

    const isolation = request.isolationLevel;
    const maxBytes = Math.min(request.maxBytes, broker.settings.fetchMaxBytes);
    const deadline = Date.now() + Math.max(0, request.maxWaitMs);
    for (;;) {
      const outcomes = await readAll(broker, wanted, isolation, maxBytes, unknownIds);
      let total = 0;
      for (const o of outcomes) total += o.bytes;
      const remaining = deadline - Date.now();
      const anyError = outcomes.some((o) => o.data.errorCode !== ErrorCode.NONE);
      if (total >= request.minBytes || remaining <= 0 || anyError || wanted.length === 0) {
        const response = buildResponse(version, wanted, outcomes, session, incremental);
        // Fairness (KIP-227, as Kafka): partitions that returned data go to the end of the
        // session, so that a fetch budget spent on them reaches the others next time.
        if (session !== null && incremental) {
          for (let i = 0; i < wanted.length; i++) {
            const w = wanted[i] as Wanted;
            if ((outcomes[i]?.bytes ?? 0) === 0 || w.state === null) continue;
            const key = Session.key(w.topicId, w.topic, w.partition);
            session.partitions.delete(key);
            session.partitions.set(key, w.state);
          }
        }
        const lent = outcomes.flatMap((o) =>
          o.read !== undefined && o.partition !== null ? [{ partition: o.partition, read: o.read }] : [],
        );
        if (lent.length > 0) lentReads.set(response, lent);
        return response;
      }
      // Not enough yet: these reads are dropped, their buffers can go back now.
      releaseReads(outcomes);
      // Long poll: wait for an append to any of these partitions, or the deadline.
      await new Promise<void>((resolve) => {
        const removers: (() => void)[] = [];
        const done = () => {
          clearTimeout(timer);
          for (const r of removers) r();
          resolve();
        };
        const timer = setTimeout(done, remaining);
        for (const o of outcomes) if (o.partition !== null) removers.push(o.partition.onAppend(done));
        // An append that landed while later partitions were still being read (before these
        // listeners existed) must not be slept through: read again at once.
        for (const o of outcomes) {
          const p = o.partition;
          if (p === null || o.data.errorCode !== ErrorCode.NONE) continue;
          if (
            BigInt(p.highWatermark) !== o.data.highWatermark ||
            BigInt(p.lastStableOffset) !== o.data.lastStableOffset
          ) {
            done();
            break;
          }
        }
      });
    }
  },
  afterWrite(response) {
    const release = lentFollowerReads.get(response);
    if (release !== undefined) {
      lentFollowerReads.delete(response);
      release();
    }
    const lent = lentReads.get(response);
    if (lent === undefined) return;
    lentReads.delete(response);
    for (const { partition, read } of lent) partition.log.releaseRead(read);
  },
  recordBytes(response) {
    let n = 0;
    for (const t of response.responses) for (const p of t.partitions) n += p.records?.length ?? 0;
    return n;
  },
  errorResponse(_ctx, _request, errorCode) {
    return topError(errorCode);
  },
});

function buildResponse(
  version: number,
  wanted: readonly Wanted[],
  outcomes: readonly ReadOutcome[],
  session: FetchSession | null,
  incremental: boolean,
): FetchResponse {
  const response = new FetchResponse();
  response.sessionId = session?.id ?? 0;
  const byTopic = new Map<string, FetchableTopicResponse>();
  for (let i = 0; i < wanted.length; i++) {
    const w = wanted[i] as Wanted;
    const data = (outcomes[i] as ReadOutcome).data;
    if (w.state !== null) {
      const news = isNews(w.state, data);
      remember(w.state, data);
      if (incremental && !news) continue;
    }
    const key = `${w.topicId}:${w.topic}`;
    let t = byTopic.get(key);
    if (t === undefined) {
      t = new FetchableTopicResponse();
      if (version >= 13) t.topicId = w.topicId;
      else t.topic = w.topic;
      byTopic.set(key, t);
      response.responses.push(t);
    }
    if (data.records === null) data.records = Buffer.alloc(0);
    t.partitions.push(data);
  }
  return response;
}
