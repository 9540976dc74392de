/**
 * AlterPartitionReassignments (45), version 0: starts or cancels partition
 * reassignments (KIP-455; Kafka's ReplicationControlManager.alterPartitionReassignments).
 *
 * A target replica list makes the partition's replicas target ∪ current, the new ones
 * adding and the dropped ones removing; once every adding replica has joined the ISR
 * the removing ones leave and the preferred replica is elected. A target must name
 * registered brokers, each once, and not be empty (INVALID_REPLICA_ASSIGNMENT). Null
 * cancels: the adding replicas leave (NO_REASSIGNMENT_IN_PROGRESS when none runs;
 * INVALID_REPLICA_ASSIGNMENT when reverting would need an unclean election that the
 * topic does not allow). Unknown topics and partitions are UNKNOWN_TOPIC_OR_PARTITION.
 * Not the active controller: NOT_CONTROLLER for the request.
 */
import type { AlterPartitionReassignmentsRequest } from '@gregor/protocol';
import { AlterPartitionReassignmentsResponse, ApiKey, ErrorCode } from '@gregor/protocol';
import {
  ReassignablePartitionResponse,
  ReassignableTopicResponse,
} from '@gregor/protocol/generated/messages/alter-partition-reassignments-response';
import { isNotControllerError } from '../metadata/controller.js';
import type { ApiHandler } from './handler.js';
import { defineHandler } from './handler.js';

function allFailed(
  _request: AlterPartitionReassignmentsRequest,
  errorCode: number,
  errorMessage: string | null,
): AlterPartitionReassignmentsResponse {
  const response = new AlterPartitionReassignmentsResponse();
  response.errorCode = errorCode;
  response.errorMessage = errorMessage;
  return response;
}

export const alterPartitionReassignmentsHandler: ApiHandler = defineHandler<
  AlterPartitionReassignmentsRequest,
  AlterPartitionReassignmentsResponse
>({
  apiKey: ApiKey.AlterPartitionReassignments,
  minVersion: 0,
  maxVersion: 0,
  async handle(ctx, request) {
    const { broker } = ctx;
    try {
      const results = await broker.controller.alterPartitionReassignments(
        request.topics.map((t) => ({
          name: t.name,
          partitions: t.partitions.map((p) => ({ partitionIndex: p.partitionIndex, replicas: p.replicas })),
        })),
      );
      const response = new AlterPartitionReassignmentsResponse();
      response.errorMessage = null;
      for (const t of results) {
        const tr = new ReassignableTopicResponse();
        tr.name = t.name;
        for (const p of t.partitions) {
          const pr = new ReassignablePartitionResponse();
          pr.partitionIndex = p.partitionIndex;
          pr.errorCode = p.errorCode;
          pr.errorMessage = p.errorMessage;
          tr.partitions.push(pr);
        }
        response.responses.push(tr);
      }
      return response;
    } catch (e) {
      if (isNotControllerError(e)) return allFailed(request, ErrorCode.NOT_CONTROLLER, (e as Error).message);
      broker.logger.error({ err: e }, 'partition reassignment failed');
      return allFailed(request, ErrorCode.UNKNOWN_SERVER_ERROR, `The reassignment failed: ${(e as Error).message}`);
    }
  },
  errorResponse(_ctx, request, errorCode) {
    return allFailed(request, errorCode, null);
  },
});
