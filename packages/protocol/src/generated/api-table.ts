// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.

import type { MessageClass } from '../message-class.js';
import { ProduceRequest } from './messages/produce-request.js';
import { ProduceResponse } from './messages/produce-response.js';
import { FetchRequest } from './messages/fetch-request.js';
import { FetchResponse } from './messages/fetch-response.js';
import { ListOffsetsRequest } from './messages/list-offsets-request.js';
import { ListOffsetsResponse } from './messages/list-offsets-response.js';
import { MetadataRequest } from './messages/metadata-request.js';
import { MetadataResponse } from './messages/metadata-response.js';
import { LeaderAndIsrRequest } from './messages/leader-and-isr-request.js';
import { LeaderAndIsrResponse } from './messages/leader-and-isr-response.js';
import { StopReplicaRequest } from './messages/stop-replica-request.js';
import { StopReplicaResponse } from './messages/stop-replica-response.js';
import { UpdateMetadataRequest } from './messages/update-metadata-request.js';
import { UpdateMetadataResponse } from './messages/update-metadata-response.js';
import { ControlledShutdownRequest } from './messages/controlled-shutdown-request.js';
import { ControlledShutdownResponse } from './messages/controlled-shutdown-response.js';
import { OffsetCommitRequest } from './messages/offset-commit-request.js';
import { OffsetCommitResponse } from './messages/offset-commit-response.js';
import { OffsetFetchRequest } from './messages/offset-fetch-request.js';
import { OffsetFetchResponse } from './messages/offset-fetch-response.js';
import { FindCoordinatorRequest } from './messages/find-coordinator-request.js';
import { FindCoordinatorResponse } from './messages/find-coordinator-response.js';
import { JoinGroupRequest } from './messages/join-group-request.js';
import { JoinGroupResponse } from './messages/join-group-response.js';
import { HeartbeatRequest } from './messages/heartbeat-request.js';
import { HeartbeatResponse } from './messages/heartbeat-response.js';
import { LeaveGroupRequest } from './messages/leave-group-request.js';
import { LeaveGroupResponse } from './messages/leave-group-response.js';
import { SyncGroupRequest } from './messages/sync-group-request.js';
import { SyncGroupResponse } from './messages/sync-group-response.js';
import { DescribeGroupsRequest } from './messages/describe-groups-request.js';
import { DescribeGroupsResponse } from './messages/describe-groups-response.js';
import { ListGroupsRequest } from './messages/list-groups-request.js';
import { ListGroupsResponse } from './messages/list-groups-response.js';
import { SaslHandshakeRequest } from './messages/sasl-handshake-request.js';
import { SaslHandshakeResponse } from './messages/sasl-handshake-response.js';
import { ApiVersionsRequest } from './messages/api-versions-request.js';
import { ApiVersionsResponse } from './messages/api-versions-response.js';
import { CreateTopicsRequest } from './messages/create-topics-request.js';
import { CreateTopicsResponse } from './messages/create-topics-response.js';
import { DeleteTopicsRequest } from './messages/delete-topics-request.js';
import { DeleteTopicsResponse } from './messages/delete-topics-response.js';
import { DeleteRecordsRequest } from './messages/delete-records-request.js';
import { DeleteRecordsResponse } from './messages/delete-records-response.js';
import { InitProducerIdRequest } from './messages/init-producer-id-request.js';
import { InitProducerIdResponse } from './messages/init-producer-id-response.js';
import { OffsetForLeaderEpochRequest } from './messages/offset-for-leader-epoch-request.js';
import { OffsetForLeaderEpochResponse } from './messages/offset-for-leader-epoch-response.js';
import { AddPartitionsToTxnRequest } from './messages/add-partitions-to-txn-request.js';
import { AddPartitionsToTxnResponse } from './messages/add-partitions-to-txn-response.js';
import { AddOffsetsToTxnRequest } from './messages/add-offsets-to-txn-request.js';
import { AddOffsetsToTxnResponse } from './messages/add-offsets-to-txn-response.js';
import { EndTxnRequest } from './messages/end-txn-request.js';
import { EndTxnResponse } from './messages/end-txn-response.js';
import { WriteTxnMarkersRequest } from './messages/write-txn-markers-request.js';
import { WriteTxnMarkersResponse } from './messages/write-txn-markers-response.js';
import { TxnOffsetCommitRequest } from './messages/txn-offset-commit-request.js';
import { TxnOffsetCommitResponse } from './messages/txn-offset-commit-response.js';
import { DescribeAclsRequest } from './messages/describe-acls-request.js';
import { DescribeAclsResponse } from './messages/describe-acls-response.js';
import { CreateAclsRequest } from './messages/create-acls-request.js';
import { CreateAclsResponse } from './messages/create-acls-response.js';
import { DeleteAclsRequest } from './messages/delete-acls-request.js';
import { DeleteAclsResponse } from './messages/delete-acls-response.js';
import { DescribeConfigsRequest } from './messages/describe-configs-request.js';
import { DescribeConfigsResponse } from './messages/describe-configs-response.js';
import { AlterConfigsRequest } from './messages/alter-configs-request.js';
import { AlterConfigsResponse } from './messages/alter-configs-response.js';
import { AlterReplicaLogDirsRequest } from './messages/alter-replica-log-dirs-request.js';
import { AlterReplicaLogDirsResponse } from './messages/alter-replica-log-dirs-response.js';
import { DescribeLogDirsRequest } from './messages/describe-log-dirs-request.js';
import { DescribeLogDirsResponse } from './messages/describe-log-dirs-response.js';
import { SaslAuthenticateRequest } from './messages/sasl-authenticate-request.js';
import { SaslAuthenticateResponse } from './messages/sasl-authenticate-response.js';
import { CreatePartitionsRequest } from './messages/create-partitions-request.js';
import { CreatePartitionsResponse } from './messages/create-partitions-response.js';
import { CreateDelegationTokenRequest } from './messages/create-delegation-token-request.js';
import { CreateDelegationTokenResponse } from './messages/create-delegation-token-response.js';
import { RenewDelegationTokenRequest } from './messages/renew-delegation-token-request.js';
import { RenewDelegationTokenResponse } from './messages/renew-delegation-token-response.js';
import { ExpireDelegationTokenRequest } from './messages/expire-delegation-token-request.js';
import { ExpireDelegationTokenResponse } from './messages/expire-delegation-token-response.js';
import { DescribeDelegationTokenRequest } from './messages/describe-delegation-token-request.js';
import { DescribeDelegationTokenResponse } from './messages/describe-delegation-token-response.js';
import { DeleteGroupsRequest } from './messages/delete-groups-request.js';
import { DeleteGroupsResponse } from './messages/delete-groups-response.js';
import { ElectLeadersRequest } from './messages/elect-leaders-request.js';
import { ElectLeadersResponse } from './messages/elect-leaders-response.js';
import { IncrementalAlterConfigsRequest } from './messages/incremental-alter-configs-request.js';
import { IncrementalAlterConfigsResponse } from './messages/incremental-alter-configs-response.js';
import { AlterPartitionReassignmentsRequest } from './messages/alter-partition-reassignments-request.js';
import { AlterPartitionReassignmentsResponse } from './messages/alter-partition-reassignments-response.js';
import { ListPartitionReassignmentsRequest } from './messages/list-partition-reassignments-request.js';
import { ListPartitionReassignmentsResponse } from './messages/list-partition-reassignments-response.js';
import { OffsetDeleteRequest } from './messages/offset-delete-request.js';
import { OffsetDeleteResponse } from './messages/offset-delete-response.js';
import { DescribeClientQuotasRequest } from './messages/describe-client-quotas-request.js';
import { DescribeClientQuotasResponse } from './messages/describe-client-quotas-response.js';
import { AlterClientQuotasRequest } from './messages/alter-client-quotas-request.js';
import { AlterClientQuotasResponse } from './messages/alter-client-quotas-response.js';
import { DescribeUserScramCredentialsRequest } from './messages/describe-user-scram-credentials-request.js';
import { DescribeUserScramCredentialsResponse } from './messages/describe-user-scram-credentials-response.js';
import { AlterUserScramCredentialsRequest } from './messages/alter-user-scram-credentials-request.js';
import { AlterUserScramCredentialsResponse } from './messages/alter-user-scram-credentials-response.js';
import { VoteRequest } from './messages/vote-request.js';
import { VoteResponse } from './messages/vote-response.js';
import { BeginQuorumEpochRequest } from './messages/begin-quorum-epoch-request.js';
import { BeginQuorumEpochResponse } from './messages/begin-quorum-epoch-response.js';
import { EndQuorumEpochRequest } from './messages/end-quorum-epoch-request.js';
import { EndQuorumEpochResponse } from './messages/end-quorum-epoch-response.js';
import { DescribeQuorumRequest } from './messages/describe-quorum-request.js';
import { DescribeQuorumResponse } from './messages/describe-quorum-response.js';
import { AlterPartitionRequest } from './messages/alter-partition-request.js';
import { AlterPartitionResponse } from './messages/alter-partition-response.js';
import { UpdateFeaturesRequest } from './messages/update-features-request.js';
import { UpdateFeaturesResponse } from './messages/update-features-response.js';
import { EnvelopeRequest } from './messages/envelope-request.js';
import { EnvelopeResponse } from './messages/envelope-response.js';
import { FetchSnapshotRequest } from './messages/fetch-snapshot-request.js';
import { FetchSnapshotResponse } from './messages/fetch-snapshot-response.js';
import { DescribeClusterRequest } from './messages/describe-cluster-request.js';
import { DescribeClusterResponse } from './messages/describe-cluster-response.js';
import { DescribeProducersRequest } from './messages/describe-producers-request.js';
import { DescribeProducersResponse } from './messages/describe-producers-response.js';
import { BrokerRegistrationRequest } from './messages/broker-registration-request.js';
import { BrokerRegistrationResponse } from './messages/broker-registration-response.js';
import { BrokerHeartbeatRequest } from './messages/broker-heartbeat-request.js';
import { BrokerHeartbeatResponse } from './messages/broker-heartbeat-response.js';
import { UnregisterBrokerRequest } from './messages/unregister-broker-request.js';
import { UnregisterBrokerResponse } from './messages/unregister-broker-response.js';
import { DescribeTransactionsRequest } from './messages/describe-transactions-request.js';
import { DescribeTransactionsResponse } from './messages/describe-transactions-response.js';
import { ListTransactionsRequest } from './messages/list-transactions-request.js';
import { ListTransactionsResponse } from './messages/list-transactions-response.js';
import { AllocateProducerIdsRequest } from './messages/allocate-producer-ids-request.js';
import { AllocateProducerIdsResponse } from './messages/allocate-producer-ids-response.js';
import { ConsumerGroupHeartbeatRequest } from './messages/consumer-group-heartbeat-request.js';
import { ConsumerGroupHeartbeatResponse } from './messages/consumer-group-heartbeat-response.js';
import { ConsumerGroupDescribeRequest } from './messages/consumer-group-describe-request.js';
import { ConsumerGroupDescribeResponse } from './messages/consumer-group-describe-response.js';
import { ControllerRegistrationRequest } from './messages/controller-registration-request.js';
import { ControllerRegistrationResponse } from './messages/controller-registration-response.js';
import { GetTelemetrySubscriptionsRequest } from './messages/get-telemetry-subscriptions-request.js';
import { GetTelemetrySubscriptionsResponse } from './messages/get-telemetry-subscriptions-response.js';
import { PushTelemetryRequest } from './messages/push-telemetry-request.js';
import { PushTelemetryResponse } from './messages/push-telemetry-response.js';
import { AssignReplicasToDirsRequest } from './messages/assign-replicas-to-dirs-request.js';
import { AssignReplicasToDirsResponse } from './messages/assign-replicas-to-dirs-response.js';
import { ListClientMetricsResourcesRequest } from './messages/list-client-metrics-resources-request.js';
import { ListClientMetricsResourcesResponse } from './messages/list-client-metrics-resources-response.js';
import { DescribeTopicPartitionsRequest } from './messages/describe-topic-partitions-request.js';
import { DescribeTopicPartitionsResponse } from './messages/describe-topic-partitions-response.js';
import { ShareGroupHeartbeatRequest } from './messages/share-group-heartbeat-request.js';
import { ShareGroupHeartbeatResponse } from './messages/share-group-heartbeat-response.js';
import { ShareGroupDescribeRequest } from './messages/share-group-describe-request.js';
import { ShareGroupDescribeResponse } from './messages/share-group-describe-response.js';
import { ShareFetchRequest } from './messages/share-fetch-request.js';
import { ShareFetchResponse } from './messages/share-fetch-response.js';
import { ShareAcknowledgeRequest } from './messages/share-acknowledge-request.js';
import { ShareAcknowledgeResponse } from './messages/share-acknowledge-response.js';
import { AddRaftVoterRequest } from './messages/add-raft-voter-request.js';
import { AddRaftVoterResponse } from './messages/add-raft-voter-response.js';
import { RemoveRaftVoterRequest } from './messages/remove-raft-voter-request.js';
import { RemoveRaftVoterResponse } from './messages/remove-raft-voter-response.js';
import { UpdateRaftVoterRequest } from './messages/update-raft-voter-request.js';
import { UpdateRaftVoterResponse } from './messages/update-raft-voter-response.js';
import { InitializeShareGroupStateRequest } from './messages/initialize-share-group-state-request.js';
import { InitializeShareGroupStateResponse } from './messages/initialize-share-group-state-response.js';
import { ReadShareGroupStateRequest } from './messages/read-share-group-state-request.js';
import { ReadShareGroupStateResponse } from './messages/read-share-group-state-response.js';
import { WriteShareGroupStateRequest } from './messages/write-share-group-state-request.js';
import { WriteShareGroupStateResponse } from './messages/write-share-group-state-response.js';
import { DeleteShareGroupStateRequest } from './messages/delete-share-group-state-request.js';
import { DeleteShareGroupStateResponse } from './messages/delete-share-group-state-response.js';
import { ReadShareGroupStateSummaryRequest } from './messages/read-share-group-state-summary-request.js';
import { ReadShareGroupStateSummaryResponse } from './messages/read-share-group-state-summary-response.js';

/** One Kafka API: its versions and the codecs of its request and response. */
export interface ApiSpec {
  readonly apiKey: number;
  readonly name: string;
  readonly lowestVersion: number;
  readonly highestVersion: number;
  /** First version with flexible encodings (KIP-482); -1 if none. */
  readonly flexibleFrom: number;
  /** Versions Kafka deprecates (KIP-896), as a "lo-hi" range, or null. */
  readonly deprecatedVersions: string | null;
  /** Kafka marks the highest version as unstable (not yet released). */
  readonly latestVersionUnstable: boolean;
  /** Who serves it in Kafka: "broker", "controller", "zkBroker". */
  readonly listeners: readonly string[];
  readonly request: MessageClass;
  readonly response: MessageClass;
}

/** API keys by name. */
export const ApiKey = {
  Produce: 0,
  Fetch: 1,
  ListOffsets: 2,
  Metadata: 3,
  LeaderAndIsr: 4,
  StopReplica: 5,
  UpdateMetadata: 6,
  ControlledShutdown: 7,
  OffsetCommit: 8,
  OffsetFetch: 9,
  FindCoordinator: 10,
  JoinGroup: 11,
  Heartbeat: 12,
  LeaveGroup: 13,
  SyncGroup: 14,
  DescribeGroups: 15,
  ListGroups: 16,
  SaslHandshake: 17,
  ApiVersions: 18,
  CreateTopics: 19,
  DeleteTopics: 20,
  DeleteRecords: 21,
  InitProducerId: 22,
  OffsetForLeaderEpoch: 23,
  AddPartitionsToTxn: 24,
  AddOffsetsToTxn: 25,
  EndTxn: 26,
  WriteTxnMarkers: 27,
  TxnOffsetCommit: 28,
  DescribeAcls: 29,
  CreateAcls: 30,
  DeleteAcls: 31,
  DescribeConfigs: 32,
  AlterConfigs: 33,
  AlterReplicaLogDirs: 34,
  DescribeLogDirs: 35,
  SaslAuthenticate: 36,
  CreatePartitions: 37,
  CreateDelegationToken: 38,
  RenewDelegationToken: 39,
  ExpireDelegationToken: 40,
  DescribeDelegationToken: 41,
  DeleteGroups: 42,
  ElectLeaders: 43,
  IncrementalAlterConfigs: 44,
  AlterPartitionReassignments: 45,
  ListPartitionReassignments: 46,
  OffsetDelete: 47,
  DescribeClientQuotas: 48,
  AlterClientQuotas: 49,
  DescribeUserScramCredentials: 50,
  AlterUserScramCredentials: 51,
  Vote: 52,
  BeginQuorumEpoch: 53,
  EndQuorumEpoch: 54,
  DescribeQuorum: 55,
  AlterPartition: 56,
  UpdateFeatures: 57,
  Envelope: 58,
  FetchSnapshot: 59,
  DescribeCluster: 60,
  DescribeProducers: 61,
  BrokerRegistration: 62,
  BrokerHeartbeat: 63,
  UnregisterBroker: 64,
  DescribeTransactions: 65,
  ListTransactions: 66,
  AllocateProducerIds: 67,
  ConsumerGroupHeartbeat: 68,
  ConsumerGroupDescribe: 69,
  ControllerRegistration: 70,
  GetTelemetrySubscriptions: 71,
  PushTelemetry: 72,
  AssignReplicasToDirs: 73,
  ListClientMetricsResources: 74,
  DescribeTopicPartitions: 75,
  ShareGroupHeartbeat: 76,
  ShareGroupDescribe: 77,
  ShareFetch: 78,
  ShareAcknowledge: 79,
  AddRaftVoter: 80,
  RemoveRaftVoter: 81,
  UpdateRaftVoter: 82,
  InitializeShareGroupState: 83,
  ReadShareGroupState: 84,
  WriteShareGroupState: 85,
  DeleteShareGroupState: 86,
  ReadShareGroupStateSummary: 87,
} as const;

/** Every API, indexed by apiKey (holes are undefined). */
export const API_TABLE: readonly (ApiSpec | undefined)[] = (() => {
  const t: (ApiSpec | undefined)[] = [];
  t[0] = Object.freeze({
    apiKey: 0,
    name: 'Produce',
    lowestVersion: 0,
    highestVersion: 11,
    flexibleFrom: 9,
    deprecatedVersions: '0-6',
    latestVersionUnstable: false,
    listeners: Object.freeze(['zkBroker', 'broker']),
    request: ProduceRequest,
    response: ProduceResponse,
  });
  t[1] = Object.freeze({
    apiKey: 1,
    name: 'Fetch',
    lowestVersion: 0,
    highestVersion: 17,
    flexibleFrom: 12,
    deprecatedVersions: '0-3',
    latestVersionUnstable: false,
    listeners: Object.freeze(['zkBroker', 'broker', 'controller']),
    request: FetchRequest,
    response: FetchResponse,
  });
  t[2] = Object.freeze({
    apiKey: 2,
    name: 'ListOffsets',
    lowestVersion: 0,
    highestVersion: 9,
    flexibleFrom: 6,
    deprecatedVersions: '0',
    latestVersionUnstable: false,
    listeners: Object.freeze(['zkBroker', 'broker']),
    request: ListOffsetsRequest,
    response: ListOffsetsResponse,
  });
  t[3] = Object.freeze({
    apiKey: 3,
    name: 'Metadata',
    lowestVersion: 0,
    highestVersion: 12,
    flexibleFrom: 9,
    deprecatedVersions: '0-3',
    latestVersionUnstable: false,
    listeners: Object.freeze(['zkBroker', 'broker']),
    request: MetadataRequest,
    response: MetadataResponse,
  });
  t[4] = Object.freeze({
    apiKey: 4,
    name: 'LeaderAndIsr',
    lowestVersion: 0,
    highestVersion: 7,
    flexibleFrom: 4,
    deprecatedVersions: null,
    latestVersionUnstable: false,
    listeners: Object.freeze(['zkBroker']),
    request: LeaderAndIsrRequest,
    response: LeaderAndIsrResponse,
  });
  t[5] = Object.freeze({
    apiKey: 5,
    name: 'StopReplica',
    lowestVersion: 0,
    highestVersion: 4,
    flexibleFrom: 2,
    deprecatedVersions: null,
    latestVersionUnstable: false,
    listeners: Object.freeze(['zkBroker']),
    request: StopReplicaRequest,
    response: StopReplicaResponse,
  });
  t[6] = Object.freeze({
    apiKey: 6,
    name: 'UpdateMetadata',
    lowestVersion: 0,
    highestVersion: 8,
    flexibleFrom: 6,
    deprecatedVersions: null,
    latestVersionUnstable: false,
    listeners: Object.freeze(['zkBroker']),
    request: UpdateMetadataRequest,
    response: UpdateMetadataResponse,
  });
  t[7] = Object.freeze({
    apiKey: 7,
    name: 'ControlledShutdown',
    lowestVersion: 0,
    highestVersion: 3,
    flexibleFrom: 3,
    deprecatedVersions: null,
    latestVersionUnstable: false,
    listeners: Object.freeze(['zkBroker', 'controller']),
    request: ControlledShutdownRequest,
    response: ControlledShutdownResponse,
  });
  t[8] = Object.freeze({
    apiKey: 8,
    name: 'OffsetCommit',
    lowestVersion: 0,
    highestVersion: 9,
    flexibleFrom: 8,
    deprecatedVersions: '0-1',
    latestVersionUnstable: false,
    listeners: Object.freeze(['zkBroker', 'broker']),
    request: OffsetCommitRequest,
    response: OffsetCommitResponse,
  });
  t[9] = Object.freeze({
    apiKey: 9,
    name: 'OffsetFetch',
    lowestVersion: 0,
    highestVersion: 9,
    flexibleFrom: 6,
    deprecatedVersions: '0',
    latestVersionUnstable: false,
    listeners: Object.freeze(['zkBroker', 'broker']),
    request: OffsetFetchRequest,
    response: OffsetFetchResponse,
  });
  t[10] = Object.freeze({
    apiKey: 10,
    name: 'FindCoordinator',
    lowestVersion: 0,
    highestVersion: 6,
    flexibleFrom: 3,
    deprecatedVersions: '0',
    latestVersionUnstable: false,
    listeners: Object.freeze(['zkBroker', 'broker']),
    request: FindCoordinatorRequest,
    response: FindCoordinatorResponse,
  });
  t[11] = Object.freeze({
    apiKey: 11,
    name: 'JoinGroup',
    lowestVersion: 0,
    highestVersion: 9,
    flexibleFrom: 6,
    deprecatedVersions: '0-1',
    latestVersionUnstable: false,
    listeners: Object.freeze(['zkBroker', 'broker']),
    request: JoinGroupRequest,
    response: JoinGroupResponse,
  });
  t[12] = Object.freeze({
    apiKey: 12,
    name: 'Heartbeat',
    lowestVersion: 0,
    highestVersion: 4,
    flexibleFrom: 4,
    deprecatedVersions: null,
    latestVersionUnstable: false,
    listeners: Object.freeze(['zkBroker', 'broker']),
    request: HeartbeatRequest,
    response: HeartbeatResponse,
  });
  t[13] = Object.freeze({
    apiKey: 13,
    name: 'LeaveGroup',
    lowestVersion: 0,
    highestVersion: 5,
    flexibleFrom: 4,
    deprecatedVersions: null,
    latestVersionUnstable: false,
    listeners: Object.freeze(['zkBroker', 'broker']),
    request: LeaveGroupRequest,
    response: LeaveGroupResponse,
  });
  t[14] = Object.freeze({
    apiKey: 14,
    name: 'SyncGroup',
    lowestVersion: 0,
    highestVersion: 5,
    flexibleFrom: 4,
    deprecatedVersions: null,
    latestVersionUnstable: false,
    listeners: Object.freeze(['zkBroker', 'broker']),
    request: SyncGroupRequest,
    response: SyncGroupResponse,
  });
  t[15] = Object.freeze({
    apiKey: 15,
    name: 'DescribeGroups',
    lowestVersion: 0,
    highestVersion: 5,
    flexibleFrom: 5,
    deprecatedVersions: null,
    latestVersionUnstable: false,
    listeners: Object.freeze(['zkBroker', 'broker']),
    request: DescribeGroupsRequest,
    response: DescribeGroupsResponse,
  });
  t[16] = Object.freeze({
    apiKey: 16,
    name: 'ListGroups',
    lowestVersion: 0,
    highestVersion: 5,
    flexibleFrom: 3,
    deprecatedVersions: null,
    latestVersionUnstable: false,
    listeners: Object.freeze(['zkBroker', 'broker']),
    request: ListGroupsRequest,
    response: ListGroupsResponse,
  });
  t[17] = Object.freeze({
    apiKey: 17,
    name: 'SaslHandshake',
    lowestVersion: 0,
    highestVersion: 1,
    flexibleFrom: -1,
    deprecatedVersions: '0',
    latestVersionUnstable: false,
    listeners: Object.freeze(['zkBroker', 'broker', 'controller']),
    request: SaslHandshakeRequest,
    response: SaslHandshakeResponse,
  });
  t[18] = Object.freeze({
    apiKey: 18,
    name: 'ApiVersions',
    lowestVersion: 0,
    highestVersion: 4,
    flexibleFrom: 3,
    deprecatedVersions: null,
    latestVersionUnstable: false,
    listeners: Object.freeze(['zkBroker', 'broker', 'controller']),
    request: ApiVersionsRequest,
    response: ApiVersionsResponse,
  });
  t[19] = Object.freeze({
    apiKey: 19,
    name: 'CreateTopics',
    lowestVersion: 0,
    highestVersion: 7,
    flexibleFrom: 5,
    deprecatedVersions: '0-1',
    latestVersionUnstable: false,
    listeners: Object.freeze(['zkBroker', 'broker', 'controller']),
    request: CreateTopicsRequest,
    response: CreateTopicsResponse,
  });
  t[20] = Object.freeze({
    apiKey: 20,
    name: 'DeleteTopics',
    lowestVersion: 0,
    highestVersion: 6,
    flexibleFrom: 4,
    deprecatedVersions: '0',
    latestVersionUnstable: false,
    listeners: Object.freeze(['zkBroker', 'broker', 'controller']),
    request: DeleteTopicsRequest,
    response: DeleteTopicsResponse,
  });
  t[21] = Object.freeze({
    apiKey: 21,
    name: 'DeleteRecords',
    lowestVersion: 0,
    highestVersion: 2,
    flexibleFrom: 2,
    deprecatedVersions: null,
    latestVersionUnstable: false,
    listeners: Object.freeze(['zkBroker', 'broker']),
    request: DeleteRecordsRequest,
    response: DeleteRecordsResponse,
  });
  t[22] = Object.freeze({
    apiKey: 22,
    name: 'InitProducerId',
    lowestVersion: 0,
    highestVersion: 5,
    flexibleFrom: 2,
    deprecatedVersions: null,
    latestVersionUnstable: false,
    listeners: Object.freeze(['zkBroker', 'broker']),
    request: InitProducerIdRequest,
    response: InitProducerIdResponse,
  });
  t[23] = Object.freeze({
    apiKey: 23,
    name: 'OffsetForLeaderEpoch',
    lowestVersion: 0,
    highestVersion: 4,
    flexibleFrom: 4,
    deprecatedVersions: '0-1',
    latestVersionUnstable: false,
    listeners: Object.freeze(['zkBroker', 'broker']),
    request: OffsetForLeaderEpochRequest,
    response: OffsetForLeaderEpochResponse,
  });
  t[24] = Object.freeze({
    apiKey: 24,
    name: 'AddPartitionsToTxn',
    lowestVersion: 0,
    highestVersion: 5,
    flexibleFrom: 3,
    deprecatedVersions: null,
    latestVersionUnstable: false,
    listeners: Object.freeze(['zkBroker', 'broker']),
    request: AddPartitionsToTxnRequest,
    response: AddPartitionsToTxnResponse,
  });
  t[25] = Object.freeze({
    apiKey: 25,
    name: 'AddOffsetsToTxn',
    lowestVersion: 0,
    highestVersion: 4,
    flexibleFrom: 3,
    deprecatedVersions: null,
    latestVersionUnstable: false,
    listeners: Object.freeze(['zkBroker', 'broker']),
    request: AddOffsetsToTxnRequest,
    response: AddOffsetsToTxnResponse,
  });
  t[26] = Object.freeze({
    apiKey: 26,
    name: 'EndTxn',
    lowestVersion: 0,
    highestVersion: 4,
    flexibleFrom: 3,
    deprecatedVersions: null,
    latestVersionUnstable: false,
    listeners: Object.freeze(['zkBroker', 'broker']),
    request: EndTxnRequest,
    response: EndTxnResponse,
  });
  t[27] = Object.freeze({
    apiKey: 27,
    name: 'WriteTxnMarkers',
    lowestVersion: 0,
    highestVersion: 1,
    flexibleFrom: 1,
    deprecatedVersions: null,
    latestVersionUnstable: false,
    listeners: Object.freeze(['zkBroker', 'broker']),
    request: WriteTxnMarkersRequest,
    response: WriteTxnMarkersResponse,
  });
  t[28] = Object.freeze({
    apiKey: 28,
    name: 'TxnOffsetCommit',
    lowestVersion: 0,
    highestVersion: 4,
    flexibleFrom: 3,
    deprecatedVersions: null,
    latestVersionUnstable: false,
    listeners: Object.freeze(['zkBroker', 'broker']),
    request: TxnOffsetCommitRequest,
    response: TxnOffsetCommitResponse,
  });
  t[29] = Object.freeze({
    apiKey: 29,
    name: 'DescribeAcls',
    lowestVersion: 0,
    highestVersion: 3,
    flexibleFrom: 2,
    deprecatedVersions: '0',
    latestVersionUnstable: false,
    listeners: Object.freeze(['zkBroker', 'broker', 'controller']),
    request: DescribeAclsRequest,
    response: DescribeAclsResponse,
  });
  t[30] = Object.freeze({
    apiKey: 30,
    name: 'CreateAcls',
    lowestVersion: 0,
    highestVersion: 3,
    flexibleFrom: 2,
    deprecatedVersions: '0',
    latestVersionUnstable: false,
    listeners: Object.freeze(['zkBroker', 'broker', 'controller']),
    request: CreateAclsRequest,
    response: CreateAclsResponse,
  });
  t[31] = Object.freeze({
    apiKey: 31,
    name: 'DeleteAcls',
    lowestVersion: 0,
    highestVersion: 3,
    flexibleFrom: 2,
    deprecatedVersions: '0',
    latestVersionUnstable: false,
    listeners: Object.freeze(['zkBroker', 'broker', 'controller']),
    request: DeleteAclsRequest,
    response: DeleteAclsResponse,
  });
  t[32] = Object.freeze({
    apiKey: 32,
    name: 'DescribeConfigs',
    lowestVersion: 0,
    highestVersion: 4,
    flexibleFrom: 4,
    deprecatedVersions: '0',
    latestVersionUnstable: false,
    listeners: Object.freeze(['zkBroker', 'broker', 'controller']),
    request: DescribeConfigsRequest,
    response: DescribeConfigsResponse,
  });
  t[33] = Object.freeze({
    apiKey: 33,
    name: 'AlterConfigs',
    lowestVersion: 0,
    highestVersion: 2,
    flexibleFrom: 2,
    deprecatedVersions: null,
    latestVersionUnstable: false,
    listeners: Object.freeze(['zkBroker', 'broker', 'controller']),
    request: AlterConfigsRequest,
    response: AlterConfigsResponse,
  });
  t[34] = Object.freeze({
    apiKey: 34,
    name: 'AlterReplicaLogDirs',
    lowestVersion: 0,
    highestVersion: 2,
    flexibleFrom: 2,
    deprecatedVersions: '0',
    latestVersionUnstable: false,
    listeners: Object.freeze(['zkBroker', 'broker']),
    request: AlterReplicaLogDirsRequest,
    response: AlterReplicaLogDirsResponse,
  });
  t[35] = Object.freeze({
    apiKey: 35,
    name: 'DescribeLogDirs',
    lowestVersion: 0,
    highestVersion: 4,
    flexibleFrom: 2,
    deprecatedVersions: '0',
    latestVersionUnstable: false,
    listeners: Object.freeze(['zkBroker', 'broker']),
    request: DescribeLogDirsRequest,
    response: DescribeLogDirsResponse,
  });
  t[36] = Object.freeze({
    apiKey: 36,
    name: 'SaslAuthenticate',
    lowestVersion: 0,
    highestVersion: 2,
    flexibleFrom: 2,
    deprecatedVersions: null,
    latestVersionUnstable: false,
    listeners: Object.freeze(['zkBroker', 'broker', 'controller']),
    request: SaslAuthenticateRequest,
    response: SaslAuthenticateResponse,
  });
  t[37] = Object.freeze({
    apiKey: 37,
    name: 'CreatePartitions',
    lowestVersion: 0,
    highestVersion: 3,
    flexibleFrom: 2,
    deprecatedVersions: null,
    latestVersionUnstable: false,
    listeners: Object.freeze(['zkBroker', 'broker', 'controller']),
    request: CreatePartitionsRequest,
    response: CreatePartitionsResponse,
  });
  t[38] = Object.freeze({
    apiKey: 38,
    name: 'CreateDelegationToken',
    lowestVersion: 0,
    highestVersion: 3,
    flexibleFrom: 2,
    deprecatedVersions: '0',
    latestVersionUnstable: false,
    listeners: Object.freeze(['zkBroker', 'broker', 'controller']),
    request: CreateDelegationTokenRequest,
    response: CreateDelegationTokenResponse,
  });
  t[39] = Object.freeze({
    apiKey: 39,
    name: 'RenewDelegationToken',
    lowestVersion: 0,
    highestVersion: 2,
    flexibleFrom: 2,
    deprecatedVersions: '0',
    latestVersionUnstable: false,
    listeners: Object.freeze(['zkBroker', 'broker', 'controller']),
    request: RenewDelegationTokenRequest,
    response: RenewDelegationTokenResponse,
  });
  t[40] = Object.freeze({
    apiKey: 40,
    name: 'ExpireDelegationToken',
    lowestVersion: 0,
    highestVersion: 2,
    flexibleFrom: 2,
    deprecatedVersions: '0',
    latestVersionUnstable: false,
    listeners: Object.freeze(['zkBroker', 'broker', 'controller']),
    request: ExpireDelegationTokenRequest,
    response: ExpireDelegationTokenResponse,
  });
  t[41] = Object.freeze({
    apiKey: 41,
    name: 'DescribeDelegationToken',
    lowestVersion: 0,
    highestVersion: 3,
    flexibleFrom: 2,
    deprecatedVersions: '0',
    latestVersionUnstable: false,
    listeners: Object.freeze(['zkBroker', 'broker', 'controller']),
    request: DescribeDelegationTokenRequest,
    response: DescribeDelegationTokenResponse,
  });
  t[42] = Object.freeze({
    apiKey: 42,
    name: 'DeleteGroups',
    lowestVersion: 0,
    highestVersion: 2,
    flexibleFrom: 2,
    deprecatedVersions: '0',
    latestVersionUnstable: false,
    listeners: Object.freeze(['zkBroker', 'broker']),
    request: DeleteGroupsRequest,
    response: DeleteGroupsResponse,
  });
  t[43] = Object.freeze({
    apiKey: 43,
    name: 'ElectLeaders',
    lowestVersion: 0,
    highestVersion: 2,
    flexibleFrom: 2,
    deprecatedVersions: null,
    latestVersionUnstable: false,
    listeners: Object.freeze(['zkBroker', 'broker', 'controller']),
    request: ElectLeadersRequest,
    response: ElectLeadersResponse,
  });
  t[44] = Object.freeze({
    apiKey: 44,
    name: 'IncrementalAlterConfigs',
    lowestVersion: 0,
    highestVersion: 1,
    flexibleFrom: 1,
    deprecatedVersions: null,
    latestVersionUnstable: false,
    listeners: Object.freeze(['zkBroker', 'broker', 'controller']),
    request: IncrementalAlterConfigsRequest,
    response: IncrementalAlterConfigsResponse,
  });
  t[45] = Object.freeze({
    apiKey: 45,
    name: 'AlterPartitionReassignments',
    lowestVersion: 0,
    highestVersion: 0,
    flexibleFrom: 0,
    deprecatedVersions: null,
    latestVersionUnstable: false,
    listeners: Object.freeze(['broker', 'controller', 'zkBroker']),
    request: AlterPartitionReassignmentsRequest,
    response: AlterPartitionReassignmentsResponse,
  });
  t[46] = Object.freeze({
    apiKey: 46,
    name: 'ListPartitionReassignments',
    lowestVersion: 0,
    highestVersion: 0,
    flexibleFrom: 0,
    deprecatedVersions: null,
    latestVersionUnstable: false,
    listeners: Object.freeze(['broker', 'controller', 'zkBroker']),
    request: ListPartitionReassignmentsRequest,
    response: ListPartitionReassignmentsResponse,
  });
  t[47] = Object.freeze({
    apiKey: 47,
    name: 'OffsetDelete',
    lowestVersion: 0,
    highestVersion: 0,
    flexibleFrom: -1,
    deprecatedVersions: null,
    latestVersionUnstable: false,
    listeners: Object.freeze(['zkBroker', 'broker']),
    request: OffsetDeleteRequest,
    response: OffsetDeleteResponse,
  });
  t[48] = Object.freeze({
    apiKey: 48,
    name: 'DescribeClientQuotas',
    lowestVersion: 0,
    highestVersion: 1,
    flexibleFrom: 1,
    deprecatedVersions: null,
    latestVersionUnstable: false,
    listeners: Object.freeze(['zkBroker', 'broker']),
    request: DescribeClientQuotasRequest,
    response: DescribeClientQuotasResponse,
  });
  t[49] = Object.freeze({
    apiKey: 49,
    name: 'AlterClientQuotas',
    lowestVersion: 0,
    highestVersion: 1,
    flexibleFrom: 1,
    deprecatedVersions: null,
    latestVersionUnstable: false,
    listeners: Object.freeze(['zkBroker', 'broker', 'controller']),
    request: AlterClientQuotasRequest,
    response: AlterClientQuotasResponse,
  });
  t[50] = Object.freeze({
    apiKey: 50,
    name: 'DescribeUserScramCredentials',
    lowestVersion: 0,
    highestVersion: 0,
    flexibleFrom: 0,
    deprecatedVersions: null,
    latestVersionUnstable: false,
    listeners: Object.freeze(['zkBroker', 'broker', 'controller']),
    request: DescribeUserScramCredentialsRequest,
    response: DescribeUserScramCredentialsResponse,
  });
  t[51] = Object.freeze({
    apiKey: 51,
    name: 'AlterUserScramCredentials',
    lowestVersion: 0,
    highestVersion: 0,
    flexibleFrom: 0,
    deprecatedVersions: null,
    latestVersionUnstable: false,
    listeners: Object.freeze(['zkBroker', 'broker', 'controller']),
    request: AlterUserScramCredentialsRequest,
    response: AlterUserScramCredentialsResponse,
  });
  t[52] = Object.freeze({
    apiKey: 52,
    name: 'Vote',
    lowestVersion: 0,
    highestVersion: 1,
    flexibleFrom: 0,
    deprecatedVersions: null,
    latestVersionUnstable: false,
    listeners: Object.freeze(['controller']),
    request: VoteRequest,
    response: VoteResponse,
  });
  t[53] = Object.freeze({
    apiKey: 53,
    name: 'BeginQuorumEpoch',
    lowestVersion: 0,
    highestVersion: 1,
    flexibleFrom: 1,
    deprecatedVersions: null,
    latestVersionUnstable: false,
    listeners: Object.freeze(['controller']),
    request: BeginQuorumEpochRequest,
    response: BeginQuorumEpochResponse,
  });
  t[54] = Object.freeze({
    apiKey: 54,
    name: 'EndQuorumEpoch',
    lowestVersion: 0,
    highestVersion: 1,
    flexibleFrom: 1,
    deprecatedVersions: null,
    latestVersionUnstable: false,
    listeners: Object.freeze(['controller']),
    request: EndQuorumEpochRequest,
    response: EndQuorumEpochResponse,
  });
  t[55] = Object.freeze({
    apiKey: 55,
    name: 'DescribeQuorum',
    lowestVersion: 0,
    highestVersion: 2,
    flexibleFrom: 0,
    deprecatedVersions: null,
    latestVersionUnstable: false,
    listeners: Object.freeze(['broker', 'controller']),
    request: DescribeQuorumRequest,
    response: DescribeQuorumResponse,
  });
  t[56] = Object.freeze({
    apiKey: 56,
    name: 'AlterPartition',
    lowestVersion: 0,
    highestVersion: 3,
    flexibleFrom: 0,
    deprecatedVersions: null,
    latestVersionUnstable: false,
    listeners: Object.freeze(['zkBroker', 'controller']),
    request: AlterPartitionRequest,
    response: AlterPartitionResponse,
  });
  t[57] = Object.freeze({
    apiKey: 57,
    name: 'UpdateFeatures',
    lowestVersion: 0,
    highestVersion: 1,
    flexibleFrom: 0,
    deprecatedVersions: null,
    latestVersionUnstable: false,
    listeners: Object.freeze(['zkBroker', 'broker', 'controller']),
    request: UpdateFeaturesRequest,
    response: UpdateFeaturesResponse,
  });
  t[58] = Object.freeze({
    apiKey: 58,
    name: 'Envelope',
    lowestVersion: 0,
    highestVersion: 0,
    flexibleFrom: 0,
    deprecatedVersions: null,
    latestVersionUnstable: false,
    listeners: Object.freeze(['controller', 'zkBroker']),
    request: EnvelopeRequest,
    response: EnvelopeResponse,
  });
  t[59] = Object.freeze({
    apiKey: 59,
    name: 'FetchSnapshot',
    lowestVersion: 0,
    highestVersion: 1,
    flexibleFrom: 0,
    deprecatedVersions: null,
    latestVersionUnstable: false,
    listeners: Object.freeze(['controller']),
    request: FetchSnapshotRequest,
    response: FetchSnapshotResponse,
  });
  t[60] = Object.freeze({
    apiKey: 60,
    name: 'DescribeCluster',
    lowestVersion: 0,
    highestVersion: 1,
    flexibleFrom: 0,
    deprecatedVersions: null,
    latestVersionUnstable: false,
    listeners: Object.freeze(['zkBroker', 'broker', 'controller']),
    request: DescribeClusterRequest,
    response: DescribeClusterResponse,
  });
  t[61] = Object.freeze({
    apiKey: 61,
    name: 'DescribeProducers',
    lowestVersion: 0,
    highestVersion: 0,
    flexibleFrom: 0,
    deprecatedVersions: null,
    latestVersionUnstable: false,
    listeners: Object.freeze(['zkBroker', 'broker']),
    request: DescribeProducersRequest,
    response: DescribeProducersResponse,
  });
  t[62] = Object.freeze({
    apiKey: 62,
    name: 'BrokerRegistration',
    lowestVersion: 0,
    highestVersion: 4,
    flexibleFrom: 0,
    deprecatedVersions: null,
    latestVersionUnstable: false,
    listeners: Object.freeze(['controller']),
    request: BrokerRegistrationRequest,
    response: BrokerRegistrationResponse,
  });
  t[63] = Object.freeze({
    apiKey: 63,
    name: 'BrokerHeartbeat',
    lowestVersion: 0,
    highestVersion: 1,
    flexibleFrom: 0,
    deprecatedVersions: null,
    latestVersionUnstable: false,
    listeners: Object.freeze(['controller']),
    request: BrokerHeartbeatRequest,
    response: BrokerHeartbeatResponse,
  });
  t[64] = Object.freeze({
    apiKey: 64,
    name: 'UnregisterBroker',
    lowestVersion: 0,
    highestVersion: 0,
    flexibleFrom: 0,
    deprecatedVersions: null,
    latestVersionUnstable: false,
    listeners: Object.freeze(['broker', 'controller']),
    request: UnregisterBrokerRequest,
    response: UnregisterBrokerResponse,
  });
  t[65] = Object.freeze({
    apiKey: 65,
    name: 'DescribeTransactions',
    lowestVersion: 0,
    highestVersion: 0,
    flexibleFrom: 0,
    deprecatedVersions: null,
    latestVersionUnstable: false,
    listeners: Object.freeze(['zkBroker', 'broker']),
    request: DescribeTransactionsRequest,
    response: DescribeTransactionsResponse,
  });
  t[66] = Object.freeze({
    apiKey: 66,
    name: 'ListTransactions',
    lowestVersion: 0,
    highestVersion: 1,
    flexibleFrom: 0,
    deprecatedVersions: null,
    latestVersionUnstable: false,
    listeners: Object.freeze(['zkBroker', 'broker']),
    request: ListTransactionsRequest,
    response: ListTransactionsResponse,
  });
  t[67] = Object.freeze({
    apiKey: 67,
    name: 'AllocateProducerIds',
    lowestVersion: 0,
    highestVersion: 0,
    flexibleFrom: 0,
    deprecatedVersions: null,
    latestVersionUnstable: false,
    listeners: Object.freeze(['zkBroker', 'controller']),
    request: AllocateProducerIdsRequest,
    response: AllocateProducerIdsResponse,
  });
  t[68] = Object.freeze({
    apiKey: 68,
    name: 'ConsumerGroupHeartbeat',
    lowestVersion: 0,
    highestVersion: 0,
    flexibleFrom: 0,
    deprecatedVersions: null,
    latestVersionUnstable: false,
    listeners: Object.freeze(['zkBroker', 'broker']),
    request: ConsumerGroupHeartbeatRequest,
    response: ConsumerGroupHeartbeatResponse,
  });
  t[69] = Object.freeze({
    apiKey: 69,
    name: 'ConsumerGroupDescribe',
    lowestVersion: 0,
    highestVersion: 0,
    flexibleFrom: 0,
    deprecatedVersions: null,
    latestVersionUnstable: false,
    listeners: Object.freeze(['zkBroker', 'broker']),
    request: ConsumerGroupDescribeRequest,
    response: ConsumerGroupDescribeResponse,
  });
  t[70] = Object.freeze({
    apiKey: 70,
    name: 'ControllerRegistration',
    lowestVersion: 0,
    highestVersion: 0,
    flexibleFrom: 0,
    deprecatedVersions: null,
    latestVersionUnstable: false,
    listeners: Object.freeze(['controller']),
    request: ControllerRegistrationRequest,
    response: ControllerRegistrationResponse,
  });
  t[71] = Object.freeze({
    apiKey: 71,
    name: 'GetTelemetrySubscriptions',
    lowestVersion: 0,
    highestVersion: 0,
    flexibleFrom: 0,
    deprecatedVersions: null,
    latestVersionUnstable: false,
    listeners: Object.freeze(['broker']),
    request: GetTelemetrySubscriptionsRequest,
    response: GetTelemetrySubscriptionsResponse,
  });
  t[72] = Object.freeze({
    apiKey: 72,
    name: 'PushTelemetry',
    lowestVersion: 0,
    highestVersion: 0,
    flexibleFrom: 0,
    deprecatedVersions: null,
    latestVersionUnstable: false,
    listeners: Object.freeze(['broker']),
    request: PushTelemetryRequest,
    response: PushTelemetryResponse,
  });
  t[73] = Object.freeze({
    apiKey: 73,
    name: 'AssignReplicasToDirs',
    lowestVersion: 0,
    highestVersion: 0,
    flexibleFrom: 0,
    deprecatedVersions: null,
    latestVersionUnstable: false,
    listeners: Object.freeze(['controller']),
    request: AssignReplicasToDirsRequest,
    response: AssignReplicasToDirsResponse,
  });
  t[74] = Object.freeze({
    apiKey: 74,
    name: 'ListClientMetricsResources',
    lowestVersion: 0,
    highestVersion: 0,
    flexibleFrom: 0,
    deprecatedVersions: null,
    latestVersionUnstable: false,
    listeners: Object.freeze(['broker']),
    request: ListClientMetricsResourcesRequest,
    response: ListClientMetricsResourcesResponse,
  });
  t[75] = Object.freeze({
    apiKey: 75,
    name: 'DescribeTopicPartitions',
    lowestVersion: 0,
    highestVersion: 0,
    flexibleFrom: 0,
    deprecatedVersions: null,
    latestVersionUnstable: false,
    listeners: Object.freeze(['broker']),
    request: DescribeTopicPartitionsRequest,
    response: DescribeTopicPartitionsResponse,
  });
  t[76] = Object.freeze({
    apiKey: 76,
    name: 'ShareGroupHeartbeat',
    lowestVersion: 0,
    highestVersion: 0,
    flexibleFrom: 0,
    deprecatedVersions: null,
    latestVersionUnstable: true,
    listeners: Object.freeze(['broker']),
    request: ShareGroupHeartbeatRequest,
    response: ShareGroupHeartbeatResponse,
  });
  t[77] = Object.freeze({
    apiKey: 77,
    name: 'ShareGroupDescribe',
    lowestVersion: 0,
    highestVersion: 0,
    flexibleFrom: 0,
    deprecatedVersions: null,
    latestVersionUnstable: true,
    listeners: Object.freeze(['broker']),
    request: ShareGroupDescribeRequest,
    response: ShareGroupDescribeResponse,
  });
  t[78] = Object.freeze({
    apiKey: 78,
    name: 'ShareFetch',
    lowestVersion: 0,
    highestVersion: 0,
    flexibleFrom: 0,
    deprecatedVersions: null,
    latestVersionUnstable: true,
    listeners: Object.freeze(['broker']),
    request: ShareFetchRequest,
    response: ShareFetchResponse,
  });
  t[79] = Object.freeze({
    apiKey: 79,
    name: 'ShareAcknowledge',
    lowestVersion: 0,
    highestVersion: 0,
    flexibleFrom: 0,
    deprecatedVersions: null,
    latestVersionUnstable: true,
    listeners: Object.freeze(['broker']),
    request: ShareAcknowledgeRequest,
    response: ShareAcknowledgeResponse,
  });
  t[80] = Object.freeze({
    apiKey: 80,
    name: 'AddRaftVoter',
    lowestVersion: 0,
    highestVersion: 0,
    flexibleFrom: 0,
    deprecatedVersions: null,
    latestVersionUnstable: false,
    listeners: Object.freeze(['controller', 'broker']),
    request: AddRaftVoterRequest,
    response: AddRaftVoterResponse,
  });
  t[81] = Object.freeze({
    apiKey: 81,
    name: 'RemoveRaftVoter',
    lowestVersion: 0,
    highestVersion: 0,
    flexibleFrom: 0,
    deprecatedVersions: null,
    latestVersionUnstable: false,
    listeners: Object.freeze(['controller', 'broker']),
    request: RemoveRaftVoterRequest,
    response: RemoveRaftVoterResponse,
  });
  t[82] = Object.freeze({
    apiKey: 82,
    name: 'UpdateRaftVoter',
    lowestVersion: 0,
    highestVersion: 0,
    flexibleFrom: 0,
    deprecatedVersions: null,
    latestVersionUnstable: false,
    listeners: Object.freeze(['controller']),
    request: UpdateRaftVoterRequest,
    response: UpdateRaftVoterResponse,
  });
  t[83] = Object.freeze({
    apiKey: 83,
    name: 'InitializeShareGroupState',
    lowestVersion: 0,
    highestVersion: 0,
    flexibleFrom: 0,
    deprecatedVersions: null,
    latestVersionUnstable: true,
    listeners: Object.freeze(['broker']),
    request: InitializeShareGroupStateRequest,
    response: InitializeShareGroupStateResponse,
  });
  t[84] = Object.freeze({
    apiKey: 84,
    name: 'ReadShareGroupState',
    lowestVersion: 0,
    highestVersion: 0,
    flexibleFrom: 0,
    deprecatedVersions: null,
    latestVersionUnstable: true,
    listeners: Object.freeze(['broker']),
    request: ReadShareGroupStateRequest,
    response: ReadShareGroupStateResponse,
  });
  t[85] = Object.freeze({
    apiKey: 85,
    name: 'WriteShareGroupState',
    lowestVersion: 0,
    highestVersion: 0,
    flexibleFrom: 0,
    deprecatedVersions: null,
    latestVersionUnstable: true,
    listeners: Object.freeze(['broker']),
    request: WriteShareGroupStateRequest,
    response: WriteShareGroupStateResponse,
  });
  t[86] = Object.freeze({
    apiKey: 86,
    name: 'DeleteShareGroupState',
    lowestVersion: 0,
    highestVersion: 0,
    flexibleFrom: 0,
    deprecatedVersions: null,
    latestVersionUnstable: true,
    listeners: Object.freeze(['broker']),
    request: DeleteShareGroupStateRequest,
    response: DeleteShareGroupStateResponse,
  });
  t[87] = Object.freeze({
    apiKey: 87,
    name: 'ReadShareGroupStateSummary',
    lowestVersion: 0,
    highestVersion: 0,
    flexibleFrom: 0,
    deprecatedVersions: null,
    latestVersionUnstable: true,
    listeners: Object.freeze(['broker']),
    request: ReadShareGroupStateSummaryRequest,
    response: ReadShareGroupStateSummaryResponse,
  });
  return Object.freeze(t);
})();
