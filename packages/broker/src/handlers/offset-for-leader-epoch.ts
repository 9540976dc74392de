/**
 * OffsetForLeaderEpoch (23), versions 0-4 (flexible from v4): for each partition, the
 * end offset of a leader epoch (KIP-101, KIP-279): the start offset of the first epoch
 * after it, or the log end offset when it is the latest. Consumers use it to detect log
 * truncation (KIP-320), followers to truncate.
 *
 * As Kafka's LeaderEpochFileCache.endOffsetFor, from the partition's epoch cache:
 * - the latest epoch: (that epoch, log end offset);
 * - an epoch older than every cached one: (that epoch, start offset of the first cached);
 * - an epoch between cached ones: (the largest cached epoch below it, start offset of the
 *   next cached one);
 * - epoch -1, an epoch after the latest, or an empty cache: (-1, -1), without error.
 * (The storage cache's own endOffsetFor answers the second and fourth cases differently,
 * so this handler computes Kafka's answer from the entries.)
 *
 * v2 adds currentLeaderEpoch: when given (not -1), an older one is FENCED_LEADER_EPOCH
 * and a newer one UNKNOWN_LEADER_EPOCH. v1 adds the epoch to each answer. v3 adds
 * replicaId (-1 consumer, -2 debug/unset, >= 0 a follower); the answer does not depend
 * on it. Unknown partitions are UNKNOWN_TOPIC_OR_PARTITION, ones led elsewhere
 * NOT_LEADER_OR_FOLLOWER (only the leader answers: followers ask it to find where their
 * log diverges, partition/replica-fetcher.ts).
 */
import type { OffsetForLeaderEpochRequest } from '@gregor/protocol';
import { ApiKey, ErrorCode, OffsetForLeaderEpochResponse } from '@gregor/protocol';
import {
  EpochEndOffset,
  OffsetForLeaderTopicResult,
} from '@gregor/protocol/generated/messages/offset-for-leader-epoch-response';
import type { ReplicaManager } from '../partition/replica-manager.js';
import type { ApiHandler } from './handler.js';
import { defineHandler } from './handler.js';

const UNDEFINED_EPOCH = -1;

/** Kafka's endOffsetFor over cache entries (ascending by epoch and start offset). */
function answer(partition: number, errorCode: number, epoch = UNDEFINED_EPOCH, endOffset = -1): EpochEndOffset {
  const r = new EpochEndOffset();
  r.partition = partition;
  r.errorCode = errorCode;
  r.leaderEpoch = epoch;
  r.endOffset = BigInt(endOffset);
  return r;
}

async function lookupOne(
  replicaManager: ReplicaManager,
  topic: string,
  index: number,
  currentLeaderEpoch: number,
  leaderEpoch: number,
): Promise<EpochEndOffset> {
  const found = await replicaManager.endOffsetForEpoch(topic, index, currentLeaderEpoch, leaderEpoch);
  return answer(index, found.errorCode, found.leaderEpoch, found.endOffset);
}

/** The answer to a whole request (also what an in-process replica transport serves). */
export async function offsetsForLeaderEpoch(
  replicaManager: ReplicaManager,
  request: OffsetForLeaderEpochRequest,
  version: number,
): Promise<OffsetForLeaderEpochResponse> {
  const response = new OffsetForLeaderEpochResponse();
  const pending: Promise<void>[] = [];
  for (const topic of request.topics) {
    const t = new OffsetForLeaderTopicResult();
    t.topic = topic.topic;
    response.topics.push(t);
    for (const p of topic.partitions) {
      const slot = t.partitions.length;
      t.partitions.push(answer(p.partition, ErrorCode.UNKNOWN_SERVER_ERROR));
      const current = version >= 2 ? p.currentLeaderEpoch : -1;
      pending.push(
        lookupOne(replicaManager, topic.topic, p.partition, current, p.leaderEpoch).then((r) => {
          t.partitions[slot] = r;
        }),
      );
    }
  }
  await Promise.all(pending);
  return response;
}

export const offsetForLeaderEpochHandler: ApiHandler = defineHandler<
  OffsetForLeaderEpochRequest,
  OffsetForLeaderEpochResponse
>({
  apiKey: ApiKey.OffsetForLeaderEpoch,
  minVersion: 0,
  maxVersion: 4,
  handle(ctx, request) {
    return offsetsForLeaderEpoch(ctx.broker.replicaManager, request, ctx.version);
  },
  errorResponse(_ctx, request, errorCode) {
    const response = new OffsetForLeaderEpochResponse();
    for (const topic of request.topics) {
      const t = new OffsetForLeaderTopicResult();
      t.topic = topic.topic;
      for (const p of topic.partitions) t.partitions.push(answer(p.partition, errorCode));
      response.topics.push(t);
    }
    return response;
  },
});
