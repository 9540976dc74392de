/**
 * OffsetCommit (8), versions 0-9: a group's committed offsets, answered once the
 * commit records are durable in `__consumer_offsets`.
 *
 * Members commit with their generation and member id: a stale generation is
 * ILLEGAL_GENERATION, an unknown member UNKNOWN_MEMBER_ID, a commit while the group
 * waits for its assignment REBALANCE_IN_PROGRESS. A committer outside group management
 * (generation -1, no member id) may commit only while the group has no members. Topics
 * or partitions that do not exist get UNKNOWN_TOPIC_OR_PARTITION, metadata longer than
 * offset.metadata.max.bytes OFFSET_METADATA_TOO_LARGE, each partition on its own.
 *
 * By version: v0 has no generation or member (Kafka kept these in ZooKeeper and KRaft
 * Kafka refuses them; Gregor stores them like v1 commits); v1 adds generation, member
 * and a per-partition commit timestamp; v2-4 a retention time (the commit then expires
 * at that time rather than by offsets.retention.minutes; KIP-211 removed it in v5); v3
 * the throttle time; v6 the leader epoch; v7 group.instance.id (KIP-345); v8 is
 * flexible; v9 (KIP-848) changes nothing for classic groups.
 */
import type { OffsetCommitRequest } from '@gregor/protocol';
import { ApiKey, ErrorCode, OffsetCommitResponse } from '@gregor/protocol';
import type { OffsetCommitRequestTopic } from '@gregor/protocol/generated/messages/offset-commit-request';
import {
  OffsetCommitResponsePartition,
  OffsetCommitResponseTopic,
} from '@gregor/protocol/generated/messages/offset-commit-response';
import type { CommitInput } from '../group/group-coordinator.js';
import type { ApiHandler } from './handler.js';
import { defineHandler } from './handler.js';

function errorFor(topics: readonly OffsetCommitRequestTopic[], errorCode: number): OffsetCommitResponse {
  const response = new OffsetCommitResponse();
  for (const t of topics) {
    const rt = new OffsetCommitResponseTopic();
    rt.name = t.name;
    for (const p of t.partitions) {
      const rp = new OffsetCommitResponsePartition();
      rp.partitionIndex = p.partitionIndex;
      rp.errorCode = errorCode;
      rt.partitions.push(rp);
    }
    response.topics.push(rt);
  }
  return response;
}

export const offsetCommitHandler: ApiHandler = defineHandler<OffsetCommitRequest, OffsetCommitResponse>({
  apiKey: ApiKey.OffsetCommit,
  minVersion: 0,
  maxVersion: 9,
  async handle(ctx, request) {
    const { version, broker } = ctx;
    const response = errorFor(request.topics, ErrorCode.NONE);
    const image = broker.metadata;
    const input: CommitInput = {
      groupId: request.groupId,
      generationId: version >= 1 ? request.generationIdOrMemberEpoch : -1,
      memberId: version >= 1 ? request.memberId : '',
      groupInstanceId: version >= 7 ? request.groupInstanceId : null,
      retentionTimeMs: version >= 2 && version <= 4 ? Number(request.retentionTimeMs) : -1,
      partitions: [],
    };
    const slots: OffsetCommitResponsePartition[] = [];
    request.topics.forEach((t, ti) => {
      const topic = image.topicsByName.get(t.name);
      t.partitions.forEach((p, pi) => {
        const slot = response.topics[ti]?.partitions[pi] as OffsetCommitResponsePartition;
        if (topic === undefined || topic.partitions[p.partitionIndex] === undefined) {
          slot.errorCode = ErrorCode.UNKNOWN_TOPIC_OR_PARTITION;
          return;
        }
        slots.push(slot);
        input.partitions.push({
          topic: t.name,
          partition: p.partitionIndex,
          offset: p.committedOffset,
          leaderEpoch: version >= 6 ? p.committedLeaderEpoch : -1,
          metadata: p.committedMetadata,
          commitTimestampMs: version === 1 ? Number(p.commitTimestamp) : -1,
        });
      });
    });
    if (input.partitions.length === 0) return response;
    const errors = await broker.groups.coordinator.commitOffsets(input);
    errors.forEach((errorCode, i) => {
      (slots[i] as OffsetCommitResponsePartition).errorCode = errorCode;
    });
    return response;
  },
  errorResponse(_ctx, request, errorCode) {
    return errorFor(request.topics, errorCode);
  },
});
