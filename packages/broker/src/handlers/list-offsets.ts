/**
 * ListOffsets (2), versions 0-9: an offset per partition for a timestamp.
 *   -2 earliest (the log start offset), -4 earliest local (v8+, the same without tiered
 *   storage), -1 latest (the high watermark; the last stable offset for read_committed,
 *   v2+), -3 the record with the largest timestamp (v7+), -5 latest tiered (v9+; -1
 *   without tiered storage, as Kafka answers), else the first record whose timestamp is
 *   at or after the one asked for (none: offset -1).
 * v0 answers with a list of offsets (`oldStyleOffsets`, at most `maxNumOffsets`); v1+
 * with one offset and its timestamp; v4+ with its leader epoch and checks the caller's.
 * A partition asked for twice is INVALID_REQUEST, as in Kafka. Only the leader answers
 * (a follower: NOT_LEADER_OR_FOLLOWER), so "latest" is the ISR's high watermark.
 */
import { ApiKey, ErrorCode, type ListOffsetsRequest, ListOffsetsResponse } from '@gregor/protocol';
import {
  ListOffsetsPartitionResponse,
  ListOffsetsTopicResponse,
} from '@gregor/protocol/generated/messages/list-offsets-response';
import type { Broker } from '../broker.js';
import type { Partition } from '../partition/partition.js';
import type { ApiHandler } from './handler.js';
import { defineHandler } from './handler.js';

export const LATEST_TIMESTAMP = -1;
export const EARLIEST_TIMESTAMP = -2;
export const MAX_TIMESTAMP = -3;
export const EARLIEST_LOCAL_TIMESTAMP = -4;
export const LATEST_TIERED_TIMESTAMP = -5;
/** IsolationLevel of ListOffsets v2+ and Fetch v4+ (KIP-98). */
const READ_COMMITTED = 1;

/** The leader epoch that wrote `offset`, from the epoch cache; -1 when unknown. */
export function epochForOffset(p: Partition, offset: number): number {
  let epoch = -1;
  for (const e of p.log.epochCache.all) {
    if (e.startOffset <= offset) epoch = e.epoch;
    else break;
  }
  return epoch;
}

async function lookupOffset(
  p: Partition,
  timestamp: number,
  version: number,
  isolationLevel: number,
): Promise<{ offset: number; timestamp: number; errorCode: number }> {
  // KIP-98: read_committed sees up to the last stable offset, read_uncommitted up to the high watermark.
  const fetchable = isolationLevel === READ_COMMITTED ? p.lastStableOffset : p.highWatermark;
  switch (timestamp) {
    case EARLIEST_TIMESTAMP:
    case EARLIEST_LOCAL_TIMESTAMP:
      if (timestamp === EARLIEST_LOCAL_TIMESTAMP && version < 8) break;
      return { offset: p.logStartOffset, timestamp: -1, errorCode: ErrorCode.NONE };
    case LATEST_TIMESTAMP:
      return { offset: fetchable, timestamp: -1, errorCode: ErrorCode.NONE };
    case MAX_TIMESTAMP: {
      if (version < 7) break;
      // Segments know the batch holding the largest timestamp; the record itself is the
      // first one with that timestamp (KAFKA-16310), found by a time lookup.
      const found = p.log.maxTimestampOffset();
      const exact = found === null ? null : await p.log.offsetForTimestamp(found.timestamp);
      const offset = exact?.offset ?? found?.offset ?? -1;
      if (found === null || offset >= fetchable) return { offset: -1, timestamp: -1, errorCode: ErrorCode.NONE };
      return { offset, timestamp: found.timestamp, errorCode: ErrorCode.NONE };
    }
    case LATEST_TIERED_TIMESTAMP:
      if (version < 9) break;
      return { offset: -1, timestamp: -1, errorCode: ErrorCode.NONE };
  }
  if (timestamp < 0) return { offset: -1, timestamp: -1, errorCode: ErrorCode.UNSUPPORTED_VERSION };
  const found = await p.log.offsetForTimestamp(timestamp);
  if (found === null || found.offset >= fetchable) return { offset: -1, timestamp: -1, errorCode: ErrorCode.NONE };
  return { ...found, errorCode: ErrorCode.NONE };
}

function result(index: number, errorCode: number): ListOffsetsPartitionResponse {
  const r = new ListOffsetsPartitionResponse();
  r.partitionIndex = index;
  r.errorCode = errorCode;
  return r;
}

async function listOne(
  broker: Broker,
  topic: string,
  index: number,
  timestamp: number,
  currentLeaderEpoch: number,
  maxNumOffsets: number,
  version: number,
  isolationLevel: number,
): Promise<ListOffsetsPartitionResponse> {
  const lookup = await broker.replicaManager.lookup(topic, index);
  if (lookup.partition === null) return result(index, lookup.errorCode);
  const p = lookup.partition;
  if (version >= 4 && currentLeaderEpoch >= 0 && currentLeaderEpoch !== p.leaderEpoch) {
    return result(
      index,
      currentLeaderEpoch > p.leaderEpoch ? ErrorCode.UNKNOWN_LEADER_EPOCH : ErrorCode.FENCED_LEADER_EPOCH,
    );
  }
  const found = await lookupOffset(p, timestamp, version, isolationLevel);
  const r = result(index, found.errorCode);
  if (found.errorCode !== ErrorCode.NONE) return r;
  if (version === 0) {
    r.oldStyleOffsets = maxNumOffsets > 0 && found.offset >= 0 ? [BigInt(found.offset)] : [];
    return r;
  }
  r.offset = BigInt(found.offset);
  r.timestamp = BigInt(found.timestamp);
  if (version >= 4) r.leaderEpoch = found.offset >= 0 ? epochForOffset(p, found.offset) : -1;
  return r;
}

export const listOffsetsHandler: ApiHandler = defineHandler<ListOffsetsRequest, ListOffsetsResponse>({
  apiKey: ApiKey.ListOffsets,
  minVersion: 0,
  maxVersion: 9,
  async handle(ctx, request) {
    const { broker, version } = ctx;
    const response = new ListOffsetsResponse();
    const pending: Promise<void>[] = [];
    for (const topic of request.topics) {
      const t = new ListOffsetsTopicResponse();
      t.name = topic.name;
      response.topics.push(t);
      const seen = new Map<number, number>();
      for (const p of topic.partitions) seen.set(p.partitionIndex, (seen.get(p.partitionIndex) ?? 0) + 1);
      for (const p of topic.partitions) {
        if ((seen.get(p.partitionIndex) ?? 0) > 1) {
          t.partitions.push(result(p.partitionIndex, ErrorCode.INVALID_REQUEST));
          continue;
        }
        const slot = t.partitions.length;
        t.partitions.push(result(p.partitionIndex, ErrorCode.UNKNOWN_SERVER_ERROR));
        pending.push(
          listOne(
            broker,
            topic.name,
            p.partitionIndex,
            Number(p.timestamp),
            p.currentLeaderEpoch,
            p.maxNumOffsets,
            version,
            request.isolationLevel,
          ).then((r) => {
            t.partitions[slot] = r;
          }),
        );
      }
    }
    await Promise.all(pending);
    return response;
  },
  errorResponse(_ctx, request, errorCode) {
    const response = new ListOffsetsResponse();
    for (const topic of request.topics) {
      const t = new ListOffsetsTopicResponse();
      t.name = topic.name;
      for (const p of topic.partitions) t.partitions.push(result(p.partitionIndex, errorCode));
      response.topics.push(t);
    }
    return response;
  },
});
