/**
 * DescribeProducers (61), version 0 (KIP-664): the active producers of each partition
 * asked for, from the partition leader's producer state: id, epoch, last sequence (-1
 * after markers only), last timestamp, coordinator epoch of the last marker, and the
 * first offset of the open transaction (-1: none). A partition not led here is
 * NOT_LEADER_OR_FOLLOWER, an unknown one UNKNOWN_TOPIC_OR_PARTITION.
 */
import type { DescribeProducersRequest } from '@gregor/protocol';
import { ApiKey, DescribeProducersResponse, ErrorCode } from '@gregor/protocol';
import {
  PartitionResponse,
  ProducerState,
  TopicResponse,
} from '@gregor/protocol/generated/messages/describe-producers-response';
import type { ApiHandler } from './handler.js';
import { defineHandler } from './handler.js';

function partitionError(index: number, errorCode: number): PartitionResponse {
  const p = new PartitionResponse();
  p.partitionIndex = index;
  p.errorCode = errorCode;
  return p;
}

export const describeProducersHandler: ApiHandler = defineHandler<DescribeProducersRequest, DescribeProducersResponse>({
  apiKey: ApiKey.DescribeProducers,
  minVersion: 0,
  maxVersion: 0,
  async handle(ctx, request) {
    const response = new DescribeProducersResponse();
    for (const topic of request.topics) {
      const t = new TopicResponse();
      t.name = topic.name;
      for (const index of topic.partitionIndexes) {
        const lookup = await ctx.broker.replicaManager.lookup(topic.name, index);
        if (lookup.partition === null) {
          t.partitions.push(partitionError(index, lookup.errorCode));
          continue;
        }
        const p = partitionError(index, ErrorCode.NONE);
        for (const e of lookup.partition.producers.entries()) {
          const s = new ProducerState();
          s.producerId = BigInt(e.producerId);
          s.producerEpoch = e.producerEpoch;
          s.lastSequence = e.batches[e.batches.length - 1]?.lastSequence ?? -1;
          s.lastTimestamp = BigInt(e.lastTimestamp);
          s.coordinatorEpoch = e.coordinatorEpoch;
          s.currentTxnStartOffset = BigInt(e.currentTxnFirstOffset);
          p.activeProducers.push(s);
        }
        t.partitions.push(p);
      }
      response.topics.push(t);
    }
    return response;
  },
  errorResponse(_ctx, request, errorCode) {
    const response = new DescribeProducersResponse();
    for (const topic of request.topics) {
      const t = new TopicResponse();
      t.name = topic.name;
      for (const index of topic.partitionIndexes) t.partitions.push(partitionError(index, errorCode));
      response.topics.push(t);
    }
    return response;
  },
});
