/**
 * Every API handler Gregor has, indexed by apiKey. This one list drives dispatch and the
 * ApiVersions answer.
 */
import { addOffsetsToTxnHandler } from './add-offsets-to-txn.js';
import { addPartitionsToTxnHandler } from './add-partitions-to-txn.js';
import { allocateProducerIdsHandler } from './allocate-producer-ids.js';
import { alterConfigsHandler } from './alter-configs.js';
import { alterPartitionHandler } from './alter-partition.js';
import { alterPartitionReassignmentsHandler } from './alter-partition-reassignments.js';
import { apiVersionsHandler } from './api-versions.js';
import { brokerHeartbeatHandler } from './broker-heartbeat.js';
import { brokerRegistrationHandler } from './broker-registration.js';
import { createPartitionsHandler } from './create-partitions.js';
import { createTopicsHandler } from './create-topics.js';
import { deleteGroupsHandler } from './delete-groups.js';
import { deleteRecordsHandler } from './delete-records.js';
import { deleteTopicsHandler } from './delete-topics.js';
import { describeClusterHandler } from './describe-cluster.js';
import { describeConfigsHandler } from './describe-configs.js';
import { describeGroupsHandler } from './describe-groups.js';
import { describeLogDirsHandler } from './describe-log-dirs.js';
import { describeProducersHandler } from './describe-producers.js';
import { describeTopicPartitionsHandler } from './describe-topic-partitions.js';
import { describeTransactionsHandler } from './describe-transactions.js';
import { electLeadersHandler } from './elect-leaders.js';
import { endTxnHandler } from './end-txn.js';
import { fetchHandler } from './fetch.js';
import { findCoordinatorHandler } from './find-coordinator.js';
import type { ApiHandler } from './handler.js';
import { heartbeatHandler } from './heartbeat.js';
import { incrementalAlterConfigsHandler } from './incremental-alter-configs.js';
import { initProducerIdHandler } from './init-producer-id.js';
import { joinGroupHandler } from './join-group.js';
import { leaveGroupHandler } from './leave-group.js';
import { listGroupsHandler } from './list-groups.js';
import { listOffsetsHandler } from './list-offsets.js';
import { listPartitionReassignmentsHandler } from './list-partition-reassignments.js';
import { listTransactionsHandler } from './list-transactions.js';
import { metadataHandler } from './metadata.js';
import { offsetCommitHandler } from './offset-commit.js';
import { offsetDeleteHandler } from './offset-delete.js';
import { offsetFetchHandler } from './offset-fetch.js';
import { offsetForLeaderEpochHandler } from './offset-for-leader-epoch.js';
import { produceHandler } from './produce.js';
import {
  beginQuorumEpochHandler,
  describeQuorumHandler,
  endQuorumEpochHandler,
  fetchSnapshotHandler,
  voteHandler,
} from './raft.js';
import { syncGroupHandler } from './sync-group.js';
import { txnOffsetCommitHandler } from './txn-offset-commit.js';
import { unregisterBrokerHandler } from './unregister-broker.js';
import { writeTxnMarkersHandler } from './write-txn-markers.js';

let table: (ApiHandler | undefined)[] | null = null;
let list: ApiHandler[] | null = null;

function all(): ApiHandler[] {
  return [
    apiVersionsHandler,
    metadataHandler,
    produceHandler,
    fetchHandler,
    listOffsetsHandler,
    createTopicsHandler,
    deleteTopicsHandler,
    deleteRecordsHandler,
    offsetForLeaderEpochHandler,
    describeConfigsHandler,
    alterConfigsHandler,
    describeLogDirsHandler,
    createPartitionsHandler,
    incrementalAlterConfigsHandler,
    initProducerIdHandler,
    describeClusterHandler,
    describeTopicPartitionsHandler,
    deleteGroupsHandler,
    describeGroupsHandler,
    findCoordinatorHandler,
    heartbeatHandler,
    joinGroupHandler,
    leaveGroupHandler,
    listGroupsHandler,
    offsetCommitHandler,
    offsetDeleteHandler,
    offsetFetchHandler,
    syncGroupHandler,
    addPartitionsToTxnHandler,
    addOffsetsToTxnHandler,
    endTxnHandler,
    writeTxnMarkersHandler,
    txnOffsetCommitHandler,
    describeTransactionsHandler,
    listTransactionsHandler,
    describeProducersHandler,
    brokerRegistrationHandler,
    brokerHeartbeatHandler,
    unregisterBrokerHandler,
    alterPartitionHandler,
    electLeadersHandler,
    alterPartitionReassignmentsHandler,
    listPartitionReassignmentsHandler,
    allocateProducerIdsHandler,
    voteHandler,
    beginQuorumEpochHandler,
    endQuorumEpochHandler,
    describeQuorumHandler,
    fetchSnapshotHandler,
  ];
}

function build(): void {
  list = all().sort((a, b) => a.apiKey - b.apiKey);
  table = [];
  for (const h of list) {
    if (table[h.apiKey] !== undefined) throw new Error(`two handlers for apiKey ${h.apiKey}`);
    table[h.apiKey] = h;
  }
}

/** Handlers sorted by apiKey. */
export function handlers(): readonly ApiHandler[] {
  if (list === null) build();
  return list as ApiHandler[];
}

export function handlerFor(apiKey: number): ApiHandler | undefined {
  if (table === null) build();
  return apiKey >= 0 ? (table as (ApiHandler | undefined)[])[apiKey] : undefined;
}
