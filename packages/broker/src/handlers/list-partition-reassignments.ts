/**
 * ListPartitionReassignments (46), version 0: the ongoing reassignments (KIP-455), each
 * partition with its replicas, adding and removing replicas. `topics` null lists every
 * one; named topics or partitions that do not exist or are not being reassigned are
 * left out, as Kafka does. Answered from the metadata image.
 */
import type { ListPartitionReassignmentsRequest } from '@gregor/protocol';
import { ApiKey, ListPartitionReassignmentsResponse } from '@gregor/protocol';
import {
  OngoingPartitionReassignment,
  OngoingTopicReassignment,
} from '@gregor/protocol/generated/messages/list-partition-reassignments-response';
import type { ApiHandler } from './handler.js';
import { defineHandler } from './handler.js';

export const listPartitionReassignmentsHandler: ApiHandler = defineHandler<
  ListPartitionReassignmentsRequest,
  ListPartitionReassignmentsResponse
>({
  apiKey: ApiKey.ListPartitionReassignments,
  minVersion: 0,
  maxVersion: 0,
  handle(ctx, request) {
    const ongoing = ctx.broker.controller.listPartitionReassignments(
      request.topics === null
        ? null
        : request.topics.map((t) => ({ name: t.name, partitionIndexes: t.partitionIndexes })),
    );
    const response = new ListPartitionReassignmentsResponse();
    response.errorMessage = null;
    for (const t of ongoing) {
      const tr = new OngoingTopicReassignment();
      tr.name = t.name;
      for (const p of t.partitions) {
        const pr = new OngoingPartitionReassignment();
        pr.partitionIndex = p.partitionIndex;
        pr.replicas = p.replicas;
        pr.addingReplicas = p.addingReplicas;
        pr.removingReplicas = p.removingReplicas;
        tr.partitions.push(pr);
      }
      response.topics.push(tr);
    }
    return response;
  },
  errorResponse(_ctx, _request, errorCode) {
    const response = new ListPartitionReassignmentsResponse();
    response.errorCode = errorCode;
    response.errorMessage = null;
    return response;
  },
});
