/**
 * The replication layer's wires: follower Fetch and OffsetForLeaderEpoch to partition
 * leaders (their inter-broker listener), and AlterPartition to the active controller.
 */
import type {
  FetchRequest,
  FetchResponse,
  OffsetForLeaderEpochRequest,
  OffsetForLeaderEpochResponse,
} from '@gregor/protocol';
import { AlterPartitionRequest, type AlterPartitionResponse, ApiKey, ErrorCode } from '@gregor/protocol';
import {
  PartitionData as AlterPartitionData,
  TopicData as AlterTopicData,
  BrokerState,
} from '@gregor/protocol/generated/messages/alter-partition-request';
import type {
  AlterPartitionItem,
  AlterPartitionResult,
  AlterPartitionSender,
  ReplicaRequestOptions,
  ReplicaTransport,
} from '../partition/replica-transport.js';
import type { NodeChannels } from './node-channel.js';

/** The versions sent to peers (every peer runs Gregor). */
const FETCH_VERSION = 17;
const OFFSET_FOR_LEADER_EPOCH_VERSION = 4;
const ALTER_PARTITION_VERSION = 3;

export class TcpReplicaTransport implements ReplicaTransport {
  constructor(private readonly brokers: NodeChannels) {}

  async fetch(
    leaderId: number,
    request: FetchRequest,
    opts: ReplicaRequestOptions,
  ): Promise<{ version: number; response: FetchResponse }> {
    const response = await this.brokers.request<FetchResponse>(
      leaderId,
      ApiKey.Fetch,
      FETCH_VERSION,
      forVersion(request, FETCH_VERSION),
      opts.timeoutMs,
      opts.signal,
    );
    return { version: FETCH_VERSION, response };
  }

  offsetForLeaderEpoch(
    leaderId: number,
    request: OffsetForLeaderEpochRequest,
    opts: ReplicaRequestOptions,
  ): Promise<OffsetForLeaderEpochResponse> {
    return this.brokers.request<OffsetForLeaderEpochResponse>(
      leaderId,
      ApiKey.OffsetForLeaderEpoch,
      OFFSET_FOR_LEADER_EPOCH_VERSION,
      request,
      opts.timeoutMs,
      opts.signal,
    );
  }
}

/**
 * The fetcher fills a request for every version (replica id in both places, topics by
 * name and id); the encoder refuses fields a version does not have, so the ones the
 * chosen version lacks go back to their defaults.
 */
function forVersion(request: FetchRequest, version: number): FetchRequest {
  if (version >= 15) request.replicaId = -1;
  else {
    request.replicaState.replicaId = -1;
    request.replicaState.replicaEpoch = -1n;
  }
  if (version >= 13) {
    for (const t of request.topics) t.topic = '';
    for (const t of request.forgottenTopicsData) t.topic = '';
  }
  return request;
}

/** AlterPartition (KIP-497) to the active controller, one partition per request. */
export class ControllerAlterPartitionSender implements AlterPartitionSender {
  constructor(
    private readonly controllers: NodeChannels,
    private readonly activeController: () => number | null,
    private readonly brokerId: number,
    private readonly brokerEpoch: () => number,
    private readonly timeoutMs: number,
  ) {}

  async send(item: AlterPartitionItem): Promise<AlterPartitionResult> {
    const controller = this.activeController();
    if (controller === null) return { errorCode: ErrorCode.NOT_CONTROLLER, message: 'no active controller is known' };
    const p = new AlterPartitionData();
    p.partitionIndex = item.partition;
    p.leaderEpoch = item.leaderEpoch;
    p.partitionEpoch = item.partitionEpoch;
    // v3 names the ISR with broker epochs only (KIP-903); the plain list is v0-2.
    p.newIsrWithEpochs = item.newIsrWithEpochs.map((b) => {
      const s = new BrokerState();
      s.brokerId = b.brokerId;
      s.brokerEpoch = BigInt(b.brokerEpoch);
      return s;
    });
    const t = new AlterTopicData();
    // From v2 topics are named by id only.
    t.topicId = item.topicId;
    t.partitions = [p];
    const req = new AlterPartitionRequest();
    req.brokerId = this.brokerId;
    req.brokerEpoch = BigInt(this.brokerEpoch());
    req.topics = [t];
    const res = await this.controllers.request<AlterPartitionResponse>(
      controller,
      ApiKey.AlterPartition,
      ALTER_PARTITION_VERSION,
      req,
      this.timeoutMs,
    );
    if (res.errorCode !== ErrorCode.NONE) return { errorCode: res.errorCode, message: `AlterPartition refused` };
    const answer = res.topics[0]?.partitions[0];
    if (answer === undefined)
      return { errorCode: ErrorCode.UNKNOWN_SERVER_ERROR, message: 'no answer for the partition' };
    if (answer.errorCode !== ErrorCode.NONE) return { errorCode: answer.errorCode };
    return {
      errorCode: 0,
      leaderId: answer.leaderId,
      leaderEpoch: answer.leaderEpoch,
      isr: answer.isr,
      partitionEpoch: answer.partitionEpoch,
    };
  }
}
