// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.

import type { MessageClass } from '../message-class.js';
import { RegisterBrokerRecord } from './metadata/register-broker-record.js';
import { UnregisterBrokerRecord } from './metadata/unregister-broker-record.js';
import { TopicRecord } from './metadata/topic-record.js';
import { PartitionRecord } from './metadata/partition-record.js';
import { ConfigRecord } from './metadata/config-record.js';
import { PartitionChangeRecord } from './metadata/partition-change-record.js';
import { FenceBrokerRecord } from './metadata/fence-broker-record.js';
import { UnfenceBrokerRecord } from './metadata/unfence-broker-record.js';
import { RemoveTopicRecord } from './metadata/remove-topic-record.js';
import { DelegationTokenRecord } from './metadata/delegation-token-record.js';
import { UserScramCredentialRecord } from './metadata/user-scram-credential-record.js';
import { FeatureLevelRecord } from './metadata/feature-level-record.js';
import { ClientQuotaRecord } from './metadata/client-quota-record.js';
import { ProducerIdsRecord } from './metadata/producer-ids-record.js';
import { BrokerRegistrationChangeRecord } from './metadata/broker-registration-change-record.js';
import { AccessControlEntryRecord } from './metadata/access-control-entry-record.js';
import { RemoveAccessControlEntryRecord } from './metadata/remove-access-control-entry-record.js';
import { NoOpRecord } from './metadata/no-op-record.js';
import { ZkMigrationStateRecord } from './metadata/zk-migration-state-record.js';
import { RemoveUserScramCredentialRecord } from './metadata/remove-user-scram-credential-record.js';
import { BeginTransactionRecord } from './metadata/begin-transaction-record.js';
import { EndTransactionRecord } from './metadata/end-transaction-record.js';
import { AbortTransactionRecord } from './metadata/abort-transaction-record.js';
import { RemoveDelegationTokenRecord } from './metadata/remove-delegation-token-record.js';
import { RegisterControllerRecord } from './metadata/register-controller-record.js';

/** KRaft metadata record types by name (the record's apiKey in the schema). */
export const MetadataRecordType = {
  RegisterBrokerRecord: 0,
  UnregisterBrokerRecord: 1,
  TopicRecord: 2,
  PartitionRecord: 3,
  ConfigRecord: 4,
  PartitionChangeRecord: 5,
  FenceBrokerRecord: 7,
  UnfenceBrokerRecord: 8,
  RemoveTopicRecord: 9,
  DelegationTokenRecord: 10,
  UserScramCredentialRecord: 11,
  FeatureLevelRecord: 12,
  ClientQuotaRecord: 14,
  ProducerIdsRecord: 15,
  BrokerRegistrationChangeRecord: 17,
  AccessControlEntryRecord: 18,
  RemoveAccessControlEntryRecord: 19,
  NoOpRecord: 20,
  ZkMigrationStateRecord: 21,
  RemoveUserScramCredentialRecord: 22,
  BeginTransactionRecord: 23,
  EndTransactionRecord: 24,
  AbortTransactionRecord: 25,
  RemoveDelegationTokenRecord: 26,
  RegisterControllerRecord: 27,
} as const;

/** Metadata record codecs indexed by record type (holes are undefined). */
export const METADATA_RECORDS: readonly (MessageClass | undefined)[] = (() => {
  const t: (MessageClass | undefined)[] = [];
  t[0] = RegisterBrokerRecord;
  t[1] = UnregisterBrokerRecord;
  t[2] = TopicRecord;
  t[3] = PartitionRecord;
  t[4] = ConfigRecord;
  t[5] = PartitionChangeRecord;
  t[7] = FenceBrokerRecord;
  t[8] = UnfenceBrokerRecord;
  t[9] = RemoveTopicRecord;
  t[10] = DelegationTokenRecord;
  t[11] = UserScramCredentialRecord;
  t[12] = FeatureLevelRecord;
  t[14] = ClientQuotaRecord;
  t[15] = ProducerIdsRecord;
  t[17] = BrokerRegistrationChangeRecord;
  t[18] = AccessControlEntryRecord;
  t[19] = RemoveAccessControlEntryRecord;
  t[20] = NoOpRecord;
  t[21] = ZkMigrationStateRecord;
  t[22] = RemoveUserScramCredentialRecord;
  t[23] = BeginTransactionRecord;
  t[24] = EndTransactionRecord;
  t[25] = AbortTransactionRecord;
  t[26] = RemoveDelegationTokenRecord;
  t[27] = RegisterControllerRecord;
  return Object.freeze(t);
})();
