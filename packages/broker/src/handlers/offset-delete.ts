/**
 * OffsetDelete (47), version 0 (KIP-496): deletes committed offsets of a group, with
 * tombstones, answered once durable. An empty group may lose any of its offsets (and
 * goes itself with its last one, as Kafka); a consumer group with members only those of
 * topics none of its members subscribes to: the others get GROUP_SUBSCRIBED_TO_TOPIC.
 * A group with members of another protocol type is NON_EMPTY_GROUP, one that does not
 * exist GROUP_ID_NOT_FOUND (group-level errors, with no partitions). Partitions of
 * topics that do not exist get UNKNOWN_TOPIC_OR_PARTITION.
 */
import type { OffsetDeleteRequest } from '@gregor/protocol';
import { ApiKey, ErrorCode, OffsetDeleteResponse } from '@gregor/protocol';
import {
  OffsetDeleteResponsePartition,
  OffsetDeleteResponseTopic,
} from '@gregor/protocol/generated/messages/offset-delete-response';
import type { ApiHandler } from './handler.js';
import { defineHandler } from './handler.js';

export const offsetDeleteHandler: ApiHandler = defineHandler<OffsetDeleteRequest, OffsetDeleteResponse>({
  apiKey: ApiKey.OffsetDelete,
  minVersion: 0,
  maxVersion: 0,
  async handle(ctx, request) {
    const image = ctx.broker.metadata;
    const response = new OffsetDeleteResponse();
    const known: { topic: string; partition: number; slot: OffsetDeleteResponsePartition }[] = [];
    for (const t of request.topics) {
      const rt = new OffsetDeleteResponseTopic();
      rt.name = t.name;
      const topic = image.topicsByName.get(t.name);
      for (const p of t.partitions) {
        const rp = new OffsetDeleteResponsePartition();
        rp.partitionIndex = p.partitionIndex;
        if (topic === undefined || topic.partitions[p.partitionIndex] === undefined) {
          rp.errorCode = ErrorCode.UNKNOWN_TOPIC_OR_PARTITION;
        } else {
          known.push({ topic: t.name, partition: p.partitionIndex, slot: rp });
        }
        rt.partitions.push(rp);
      }
      response.topics.push(rt);
    }
    const result = await ctx.broker.groups.coordinator.deleteOffsets(
      request.groupId,
      known.map(({ topic, partition }) => ({ topic, partition })),
    );
    if (result.errorCode !== ErrorCode.NONE) {
      const error = new OffsetDeleteResponse();
      error.errorCode = result.errorCode;
      return error;
    }
    known.forEach((k, i) => {
      k.slot.errorCode = result.partitions[i] ?? ErrorCode.NONE;
    });
    return response;
  },
  errorResponse(_ctx, _request, errorCode) {
    const response = new OffsetDeleteResponse();
    response.errorCode = errorCode;
    return response;
  },
});
