/**
 * ElectLeaders (43), versions 0-2: elects partition leaders on request (KIP-183,
 * KIP-460; Kafka's ReplicationControlManager.electLeaders).
 *
 * electionType (v1+; v0 is always preferred): 0 preferred moves leadership to the first
 * replica when it is in the ISR and active (ELECTION_NOT_NEEDED when it leads already,
 * PREFERRED_LEADER_NOT_AVAILABLE when it cannot); 1 unclean elects a leader for a
 * partition that has none, from the ISR or else from any active replica, losing what
 * only the old ISR had (ELECTION_NOT_NEEDED when it has a leader,
 * ELIGIBLE_LEADERS_NOT_AVAILABLE when no replica can lead). Another type is
 * INVALID_REQUEST. An unknown topic or partition is UNKNOWN_TOPIC_OR_PARTITION.
 * topicPartitions null: every partition, answering only those an election was needed
 * for, as Kafka does.
 *
 * The top-level errorCode is v1+. Not the active controller: NOT_CONTROLLER.
 * `timeoutMs` is not waited on: the elections are committed before the answer.
 */
import type { ElectLeadersRequest } from '@gregor/protocol';
import { ApiKey, ElectLeadersResponse, ErrorCode } from '@gregor/protocol';
import { PartitionResult, ReplicaElectionResult } from '@gregor/protocol/generated/messages/elect-leaders-response';
import { ElectionType, isNotControllerError } from '../metadata/controller.js';
import type { ApiHandler } from './handler.js';
import { defineHandler } from './handler.js';

function allFailed(
  request: ElectLeadersRequest,
  version: number,
  errorCode: number,
  errorMessage: string | null,
): ElectLeadersResponse {
  const response = new ElectLeadersResponse();
  // The top-level error code is v1+; v0 carries the error per partition only.
  if (version >= 1) response.errorCode = errorCode;
  for (const t of request.topicPartitions ?? []) {
    const r = new ReplicaElectionResult();
    r.topic = t.topic;
    for (const p of t.partitions) {
      const pr = new PartitionResult();
      pr.partitionId = p;
      pr.errorCode = errorCode;
      pr.errorMessage = errorMessage;
      r.partitionResult.push(pr);
    }
    response.replicaElectionResults.push(r);
  }
  return response;
}

export const electLeadersHandler: ApiHandler = defineHandler<ElectLeadersRequest, ElectLeadersResponse>({
  apiKey: ApiKey.ElectLeaders,
  minVersion: 0,
  maxVersion: 2,
  async handle(ctx, request) {
    const { broker, version } = ctx;
    const electionType = version >= 1 ? request.electionType : ElectionType.PREFERRED;
    try {
      const results = await broker.controller.electLeaders(
        electionType,
        request.topicPartitions === null
          ? null
          : request.topicPartitions.map((t) => ({ topic: t.topic, partitions: t.partitions })),
      );
      const response = new ElectLeadersResponse();
      for (const t of results) {
        const r = new ReplicaElectionResult();
        r.topic = t.topic;
        for (const p of t.partitions) {
          const pr = new PartitionResult();
          pr.partitionId = p.partitionId;
          pr.errorCode = p.errorCode;
          pr.errorMessage = p.errorMessage;
          r.partitionResult.push(pr);
        }
        response.replicaElectionResults.push(r);
      }
      return response;
    } catch (e) {
      if (isNotControllerError(e)) return allFailed(request, version, ErrorCode.NOT_CONTROLLER, (e as Error).message);
      broker.logger.error({ err: e }, 'leader election failed');
      return allFailed(
        request,
        version,
        ErrorCode.UNKNOWN_SERVER_ERROR,
        `The election failed: ${(e as Error).message}`,
      );
    }
  },
  errorResponse(ctx, request, errorCode) {
    return allFailed(request, ctx.version, errorCode, null);
  },
});
