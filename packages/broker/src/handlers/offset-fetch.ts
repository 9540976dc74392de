/**
 * OffsetFetch (9), versions 0-9: a group's committed offsets (-1 with no metadata for
 * a partition without one, which is not an error), for the partitions asked for or,
 * with a null topic list (v2+), every partition the group has an offset for. Commits
 * still being written are not shown.
 *
 * By version: v0-1 have no group-level error, so a group's error (NOT_COORDINATOR,
 * COORDINATOR_LOAD_IN_PROGRESS, ...) is set on every partition; v2 adds the top-level
 * error (an error answer then lists no partitions) and the null topic list; v3 the
 * throttle time; v5 the leader epoch; v6 is flexible; v7 require_stable (KIP-447:
 * UNSTABLE_OFFSET_COMMIT, offset -1, for a partition whose TxnOffsetCommit awaits its
 * transaction's marker); v8 several groups per request
 * (KIP-709), each with its own error; v9 member id and epoch, which concern only
 * KIP-848 consumer groups and are ignored for classic groups (as Kafka does).
 */
import type { OffsetFetchRequest } from '@gregor/protocol';
import { ApiKey, ErrorCode, OffsetFetchResponse } from '@gregor/protocol';
import {
  OffsetFetchResponseGroup,
  OffsetFetchResponsePartition,
  OffsetFetchResponsePartitions,
  OffsetFetchResponseTopic,
  OffsetFetchResponseTopics,
} from '@gregor/protocol/generated/messages/offset-fetch-response';
import type { FetchResult } from '../group/group-coordinator.js';
import type { ApiHandler } from './handler.js';
import { defineHandler } from './handler.js';

type TopicRequest = { name: string; partitionIndexes: number[] };

function toQuery(topics: readonly TopicRequest[] | null) {
  return topics === null ? null : topics.map((t) => ({ name: t.name, partitions: t.partitionIndexes }));
}

/** v0-7: one group. */
function singleGroupResponse(result: FetchResult, requested: readonly TopicRequest[] | null, version: number) {
  const response = new OffsetFetchResponse();
  if (result.errorCode !== ErrorCode.NONE) {
    if (version >= 2) {
      response.errorCode = result.errorCode;
      return response;
    }
    for (const t of requested ?? []) {
      const rt = new OffsetFetchResponseTopic();
      rt.name = t.name;
      for (const p of t.partitionIndexes) {
        const rp = new OffsetFetchResponsePartition();
        rp.partitionIndex = p;
        rp.committedOffset = -1n;
        rp.metadata = '';
        rp.errorCode = result.errorCode;
        rt.partitions.push(rp);
      }
      response.topics.push(rt);
    }
    return response;
  }
  for (const t of result.topics) {
    const rt = new OffsetFetchResponseTopic();
    rt.name = t.name;
    for (const p of t.partitions) {
      const rp = new OffsetFetchResponsePartition();
      rp.partitionIndex = p.partition;
      rp.committedOffset = p.offset;
      if (version >= 5) rp.committedLeaderEpoch = p.leaderEpoch;
      rp.metadata = p.metadata;
      rp.errorCode = p.errorCode;
      rt.partitions.push(rp);
    }
    response.topics.push(rt);
  }
  return response;
}

function groupResponse(groupId: string, result: FetchResult): OffsetFetchResponseGroup {
  const g = new OffsetFetchResponseGroup();
  g.groupId = groupId;
  g.errorCode = result.errorCode;
  if (result.errorCode !== ErrorCode.NONE) return g;
  for (const t of result.topics) {
    const rt = new OffsetFetchResponseTopics();
    rt.name = t.name;
    for (const p of t.partitions) {
      const rp = new OffsetFetchResponsePartitions();
      rp.partitionIndex = p.partition;
      rp.committedOffset = p.offset;
      rp.committedLeaderEpoch = p.leaderEpoch;
      rp.metadata = p.metadata;
      rp.errorCode = p.errorCode;
      rt.partitions.push(rp);
    }
    g.topics.push(rt);
  }
  return g;
}

export const offsetFetchHandler: ApiHandler = defineHandler<OffsetFetchRequest, OffsetFetchResponse>({
  apiKey: ApiKey.OffsetFetch,
  minVersion: 0,
  maxVersion: 9,
  handle(ctx, request) {
    const { version } = ctx;
    const coordinator = ctx.broker.groups.coordinator;
    if (version >= 8) {
      const response = new OffsetFetchResponse();
      for (const g of request.groups) {
        response.groups.push(
          groupResponse(g.groupId, coordinator.fetchOffsets(g.groupId, toQuery(g.topics), request.requireStable)),
        );
      }
      return response;
    }
    // Before v2 the topic list is not nullable: an empty list asks for nothing.
    const topics = version < 2 ? (request.topics ?? []) : request.topics;
    const result = coordinator.fetchOffsets(request.groupId, toQuery(topics), version >= 7 && request.requireStable);
    return singleGroupResponse(result, topics, version);
  },
  errorResponse(ctx, request, errorCode) {
    if (ctx.version >= 8) {
      const response = new OffsetFetchResponse();
      for (const g of request.groups) response.groups.push(groupResponse(g.groupId, { errorCode, topics: [] }));
      return response;
    }
    return singleGroupResponse({ errorCode, topics: [] }, request.topics, ctx.version);
  },
});
