/**
 * AlterPartition (56), versions 0-3: a partition leader asks the active controller to
 * change the ISR (KIP-497; Kafka's ReplicationControlManager.alterPartition).
 *
 * The whole request is STALE_BROKER_EPOCH when the leader's broker epoch is not its
 * registered one. Per partition: an unknown topic is UNKNOWN_TOPIC_OR_PARTITION (by name,
 * v0-1) or UNKNOWN_TOPIC_ID (by id, v2+); epochs ahead of the controller's
 * NOT_CONTROLLER; an older leader epoch FENCED_LEADER_EPOCH; a requester that is not the
 * leader NOT_LEADER_OR_FOLLOWER; an older partition epoch INVALID_UPDATE_VERSION; an ISR
 * without the leader, with duplicates or a bad leaderRecoveryState INVALID_REQUEST; a
 * member that is not a replica, not registered, fenced, shutting down or (v3) of another
 * broker epoch INELIGIBLE_REPLICA (OPERATION_NOT_ATTEMPTED before v2). A change that
 * completes a reassignment and moves leadership is answered NEW_LEADER_ELECTED
 * (FENCED_LEADER_EPOCH before v2). Otherwise the partition's resulting leader, leader
 * epoch, ISR and partition epoch.
 *
 * Versions: v0-1 name topics, v2+ give topic ids; v1 adds leaderRecoveryState (KIP-704);
 * v3 gives the ISR with broker epochs (KIP-903). Not the active controller:
 * NOT_CONTROLLER for every partition.
 */
import type { AlterPartitionRequest } from '@gregor/protocol';
import { AlterPartitionResponse, ApiKey, ErrorCode } from '@gregor/protocol';
import { PartitionData, TopicData } from '@gregor/protocol/generated/messages/alter-partition-response';
import { isNotControllerError } from '../metadata/controller.js';
import type { ApiHandler } from './handler.js';
import { defineHandler } from './handler.js';

function allFailed(request: AlterPartitionRequest, errorCode: number): AlterPartitionResponse {
  const response = new AlterPartitionResponse();
  for (const t of request.topics) {
    const td = new TopicData();
    td.topicName = t.topicName;
    td.topicId = t.topicId;
    for (const p of t.partitions) {
      const pd = new PartitionData();
      pd.partitionIndex = p.partitionIndex;
      pd.errorCode = errorCode;
      td.partitions.push(pd);
    }
    response.topics.push(td);
  }
  return response;
}

export const alterPartitionHandler: ApiHandler = defineHandler<AlterPartitionRequest, AlterPartitionResponse>({
  apiKey: ApiKey.AlterPartition,
  minVersion: 0,
  maxVersion: 3,
  async handle(ctx, request) {
    const { broker, version } = ctx;
    try {
      const result = await broker.controller.alterPartition(
        {
          brokerId: request.brokerId,
          brokerEpoch: Number(request.brokerEpoch),
          topics: request.topics.map((t) => ({
            topicName: t.topicName,
            topicId: t.topicId,
            partitions: t.partitions.map((p) => ({
              partitionIndex: p.partitionIndex,
              leaderEpoch: p.leaderEpoch,
              newIsr:
                version >= 3
                  ? p.newIsrWithEpochs.map((s) => ({ brokerId: s.brokerId, brokerEpoch: Number(s.brokerEpoch) }))
                  : p.newIsr.map((brokerId) => ({ brokerId, brokerEpoch: -1 })),
              leaderRecoveryState: version >= 1 ? p.leaderRecoveryState : 0,
              partitionEpoch: p.partitionEpoch,
            })),
          })),
        },
        version,
      );
      const response = new AlterPartitionResponse();
      response.errorCode = result.errorCode;
      for (const t of result.topics) {
        const td = new TopicData();
        td.topicName = t.topicName;
        td.topicId = t.topicId;
        for (const p of t.partitions) {
          const pd = new PartitionData();
          pd.partitionIndex = p.partitionIndex;
          pd.errorCode = p.errorCode;
          pd.leaderId = p.leaderId;
          pd.leaderEpoch = p.leaderEpoch;
          pd.isr = p.isr;
          if (version >= 1) pd.leaderRecoveryState = p.leaderRecoveryState;
          pd.partitionEpoch = p.partitionEpoch;
          td.partitions.push(pd);
        }
        response.topics.push(td);
      }
      return response;
    } catch (e) {
      if (isNotControllerError(e)) return allFailed(request, ErrorCode.NOT_CONTROLLER);
      broker.logger.error({ err: e }, 'AlterPartition failed');
      return allFailed(request, ErrorCode.UNKNOWN_SERVER_ERROR);
    }
  },
  errorResponse(_ctx, request, errorCode) {
    const response = allFailed(request, errorCode);
    response.errorCode = errorCode;
    return response;
  },
});
