/**
 * DeleteRecords (21), versions 0-2 (flexible from v2): moves the log start offset of
 * partitions forward (Kafka's "delete records before"), deleting the segments wholly
 * below it; durable before the answer.
 *
 * Per partition, as Kafka's Partition.deleteRecordsOnLeader: offset -1 means the high
 * watermark; any other negative offset, or one above the high watermark, is
 * OFFSET_OUT_OF_RANGE; an offset at or below the log start offset changes nothing; a
 * topic whose cleanup.policy lacks `delete` (compact only) is POLICY_VIOLATION; an
 * unknown partition UNKNOWN_TOPIC_OR_PARTITION, one led elsewhere
 * NOT_LEADER_OR_FOLLOWER. The answer's lowWatermark is the new log start offset (-1
 * on error). A partition named twice is answered once, for the last offset asked, as
 * Kafka does (it keys the request by partition).
 *
 * Only the leader deletes; followers move their own log start to the leader's from
 * their next fetch answer (partition/replica-fetcher.ts). `timeoutMs` bounds how long
 * Kafka waits for the followers' low watermark; Gregor answers once the leader's log
 * start moved, without waiting for them (the followers' start only matters once one of
 * them leads, and it never moves back).
 */
import type { DeleteRecordsRequest } from '@gregor/protocol';
import { ApiKey, DeleteRecordsResponse, ErrorCode } from '@gregor/protocol';
import {
  DeleteRecordsPartitionResult,
  DeleteRecordsTopicResult,
} from '@gregor/protocol/generated/messages/delete-records-response';
import { LogError } from '@gregor/storage';
import type { Broker } from '../broker.js';
import { topicValue } from '../partition/topic-settings.js';
import type { ApiHandler } from './handler.js';
import { defineHandler } from './handler.js';

/** DeleteRecordsRequest.HIGH_WATERMARK */
export const HIGH_WATERMARK = -1;

function result(index: number, errorCode: number, lowWatermark = -1): DeleteRecordsPartitionResult {
  const r = new DeleteRecordsPartitionResult();
  r.partitionIndex = index;
  r.errorCode = errorCode;
  r.lowWatermark = BigInt(lowWatermark);
  return r;
}

async function deleteOne(
  broker: Broker,
  topic: string,
  index: number,
  requested: bigint,
): Promise<DeleteRecordsPartitionResult> {
  const lookup = await broker.replicaManager.lookup(topic, index);
  if (lookup.partition === null) return result(index, lookup.errorCode);
  const p = lookup.partition;
  const policy = topicValue(broker, topic, 'cleanup.policy')
    .split(',')
    .map((s) => s.trim());
  if (!policy.includes('delete')) return result(index, ErrorCode.POLICY_VIOLATION);
  // Offsets beyond a safe integer are above any high watermark: out of range either way.
  const offset =
    requested === BigInt(HIGH_WATERMARK)
      ? p.highWatermark
      : requested > BigInt(Number.MAX_SAFE_INTEGER)
        ? Number.POSITIVE_INFINITY
        : Number(requested);
  if (offset < 0 || offset > p.highWatermark) return result(index, ErrorCode.OFFSET_OUT_OF_RANGE);
  try {
    return result(index, ErrorCode.NONE, await p.log.deleteRecordsBefore(offset));
  } catch (e) {
    if (e instanceof LogError) return result(index, ErrorCode[e.errorCode]);
    broker.logger.error({ err: e, partition: `${topic}-${index}` }, 'DeleteRecords failed');
    return result(index, ErrorCode.UNKNOWN_SERVER_ERROR);
  }
}

export const deleteRecordsHandler: ApiHandler = defineHandler<DeleteRecordsRequest, DeleteRecordsResponse>({
  apiKey: ApiKey.DeleteRecords,
  minVersion: 0,
  maxVersion: 2,
  async handle(ctx, request) {
    const { broker } = ctx;
    // topic → partition → offset; the last one asked wins, as in Kafka's map.
    const asked = new Map<string, Map<number, bigint>>();
    for (const t of request.topics) {
      let partitions = asked.get(t.name);
      if (partitions === undefined) {
        partitions = new Map();
        asked.set(t.name, partitions);
      }
      for (const p of t.partitions) partitions.set(p.partitionIndex, p.offset);
    }
    const response = new DeleteRecordsResponse();
    const pending: Promise<void>[] = [];
    for (const [name, partitions] of asked) {
      const t = new DeleteRecordsTopicResult();
      t.name = name;
      response.topics.push(t);
      for (const [index, offset] of partitions) {
        const slot = t.partitions.length;
        t.partitions.push(result(index, ErrorCode.UNKNOWN_SERVER_ERROR));
        pending.push(
          deleteOne(broker, name, index, offset).then((r) => {
            t.partitions[slot] = r;
          }),
        );
      }
    }
    await Promise.all(pending);
    return response;
  },
  errorResponse(_ctx, request, errorCode) {
    const response = new DeleteRecordsResponse();
    for (const topic of request.topics) {
      const t = new DeleteRecordsTopicResult();
      t.name = topic.name;
      for (const p of topic.partitions) t.partitions.push(result(p.partitionIndex, errorCode));
      response.topics.push(t);
    }
    return response;
  },
});
