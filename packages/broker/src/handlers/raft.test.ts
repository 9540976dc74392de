import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { BeginQuorumEpochResponse, FetchSnapshotResponse, VoteResponse } from '@gregor/protocol';
import {
  ApiKey,
  BeginQuorumEpochRequest,
  DescribeQuorumRequest,
  type DescribeQuorumResponse,
  ErrorCode,
  FetchRequest,
  type FetchResponse,
  FetchSnapshotRequest,
  RecordBatchView,
  VoteRequest,
} from '@gregor/protocol';
import {
  PartitionData as BeginPartition,
  TopicData as BeginTopic,
} from '@gregor/protocol/generated/messages/begin-quorum-epoch-request';
import {
  PartitionData as QuorumPartition,
  TopicData as QuorumTopic,
} from '@gregor/protocol/generated/messages/describe-quorum-request';
import { FetchPartition, FetchTopic } from '@gregor/protocol/generated/messages/fetch-request';
import { PartitionSnapshot, TopicSnapshot } from '@gregor/protocol/generated/messages/fetch-snapshot-request';
import { voteToWire } from '../cluster/raft-wire.js';
import { METADATA_TOPIC } from '../metadata/metadata-log.js';
import type { TestBroker } from '../testing.js';
import { startTestBroker } from '../testing.js';
import { TestClient } from './protocol-client.js';

const METADATA_TOPIC_ID = 'AAAAAAAAAAAAAAAAAAAAAQ';

function metadataFetch(replicaId: number, offset: number, epoch: number): FetchRequest {
  const p = new FetchPartition();
  p.partition = 0;
  p.fetchOffset = BigInt(offset);
  p.lastFetchedEpoch = 0;
  p.currentLeaderEpoch = epoch;
  p.partitionMaxBytes = 1024 * 1024;
  const t = new FetchTopic();
  t.topicId = METADATA_TOPIC_ID as FetchTopic['topicId'];
  t.partitions = [p];
  const r = new FetchRequest();
  r.replicaState.replicaId = replicaId;
  r.maxWaitMs = 0;
  r.maxBytes = 1024 * 1024;
  r.topics = [t];
  return r;
}

describe('the metadata quorum on the wire (Vote, BeginQuorumEpoch, FetchSnapshot, DescribeQuorum, Fetch)', () => {
  let tb: TestBroker;
  let controller: TestClient;

  before(async () => {
    tb = await startTestBroker({
      properties: {
        listeners: 'PLAINTEXT://127.0.0.1:0,CONTROLLER://127.0.0.1:0',
        'controller.listener.names': 'CONTROLLER',
      },
    });
    controller = await TestClient.connect(tb.host, tb.ports.CONTROLLER as number);
  });
  after(async () => {
    await controller.close();
    await tb.stop();
  });

  test('DescribeQuorum: this node leads a quorum of one, at a known epoch and high watermark', async () => {
    const p = new QuorumPartition();
    p.partitionIndex = 0;
    const t = new QuorumTopic();
    t.topicName = METADATA_TOPIC;
    t.partitions = [p];
    const req = new DescribeQuorumRequest();
    req.topics = [t];
    const res = await controller.send<DescribeQuorumResponse>(ApiKey.DescribeQuorum, 1, req);
    const d = res.topics[0]?.partitions[0];
    assert.equal(d?.errorCode, ErrorCode.NONE);
    assert.equal(d?.leaderId, 1);
    assert.ok((d?.leaderEpoch ?? 0) >= 1);
    assert.ok((d?.highWatermark ?? 0n) > 0n);
    assert.deepEqual(
      d?.currentVoters.map((v) => v.replicaId),
      [1],
    );
    // A request for another topic is refused, not guessed at.
    t.topicName = 'orders';
    const bad = await controller.send<DescribeQuorumResponse>(ApiKey.DescribeQuorum, 1, req);
    assert.equal(bad.errorCode, ErrorCode.INVALID_REQUEST);
  });

  test('Vote: refused for a stale epoch or a candidate that is not a voter; malformed is INVALID_REQUEST', async () => {
    const stale = voteToWire({
      kind: 'vote',
      clusterId: tb.broker.clusterId,
      candidateEpoch: 0,
      candidateId: 1,
      lastOffsetEpoch: 0,
      lastOffset: 0,
    });
    const r1 = await controller.send<VoteResponse>(ApiKey.Vote, 0, stale);
    const p1 = r1.topics[0]?.partitions[0];
    assert.equal(p1?.voteGranted, false);
    assert.equal(p1?.errorCode, ErrorCode.FENCED_LEADER_EPOCH);
    const stranger = voteToWire({
      kind: 'vote',
      clusterId: tb.broker.clusterId,
      candidateEpoch: 1000,
      candidateId: 7,
      lastOffsetEpoch: 1000,
      lastOffset: 1_000_000,
    });
    const r2 = await controller.send<VoteResponse>(ApiKey.Vote, 0, stranger);
    assert.equal(r2.topics[0]?.partitions[0]?.voteGranted, false);
    const otherCluster = voteToWire({
      kind: 'vote',
      clusterId: 'AAAAAAAAAAAAAAAAAAAAAg',
      candidateEpoch: 1000,
      candidateId: 1,
      lastOffsetEpoch: 0,
      lastOffset: 0,
    });
    const r3 = await controller.send<VoteResponse>(ApiKey.Vote, 0, otherCluster);
    assert.equal(r3.topics[0]?.partitions[0]?.errorCode, ErrorCode.INCONSISTENT_CLUSTER_ID);
    const malformed = new VoteRequest();
    const r4 = await controller.send<VoteResponse>(ApiKey.Vote, 0, malformed);
    assert.equal(r4.errorCode, ErrorCode.INVALID_REQUEST);
  });

  test('BeginQuorumEpoch for an old epoch is fenced', async () => {
    const p = new BeginPartition();
    p.leaderId = 1;
    p.leaderEpoch = 0;
    const t = new BeginTopic();
    t.topicName = METADATA_TOPIC;
    t.partitions = [p];
    const req = new BeginQuorumEpochRequest();
    req.clusterId = tb.broker.clusterId;
    req.topics = [t];
    const res = await controller.send<BeginQuorumEpochResponse>(ApiKey.BeginQuorumEpoch, 0, req);
    assert.equal(res.topics[0]?.partitions[0]?.errorCode, ErrorCode.FENCED_LEADER_EPOCH);
  });

  test('an observer fetches the committed metadata log: record batches from offset 0', async () => {
    const epoch = tb.broker.metadataLog.raft.leaderAndEpoch().epoch;
    const res = await controller.send<FetchResponse>(ApiKey.Fetch, 16, metadataFetch(9, 0, epoch));
    const p = res.responses[0]?.partitions[0];
    assert.equal(p?.errorCode, ErrorCode.NONE);
    assert.equal(p?.currentLeader.leaderId, 1);
    const records = p?.records ?? Buffer.alloc(0);
    assert.ok(records.length > 0);
    const view = new RecordBatchView(records, 0);
    assert.equal(view.baseOffset, 0);
    assert.ok(Number(p?.highWatermark) > 0);
  });

  test('FetchSnapshot of a snapshot that does not exist: SNAPSHOT_NOT_FOUND', async () => {
    const p = new PartitionSnapshot();
    p.partition = 0;
    p.currentLeaderEpoch = tb.broker.metadataLog.raft.leaderAndEpoch().epoch;
    p.snapshotId.endOffset = 12345n;
    p.snapshotId.epoch = 1;
    const t = new TopicSnapshot();
    t.name = METADATA_TOPIC;
    t.partitions = [p];
    const req = new FetchSnapshotRequest();
    req.clusterId = tb.broker.clusterId;
    req.replicaId = 9;
    req.topics = [t];
    const res = await controller.send<FetchSnapshotResponse>(ApiKey.FetchSnapshot, 0, req);
    assert.equal(res.topics[0]?.partitions[0]?.errorCode, ErrorCode.SNAPSHOT_NOT_FOUND);
  });

  test('on a client listener the quorum is out of reach: the metadata log is an unknown topic, Vote closes the connection', async () => {
    const client = await TestClient.connect(tb.host, tb.ports.PLAINTEXT as number);
    try {
      const res = await client.send<FetchResponse>(ApiKey.Fetch, 16, metadataFetch(9, 0, 1));
      assert.equal(res.responses[0]?.partitions[0]?.errorCode, ErrorCode.UNKNOWN_TOPIC_ID);
      assert.equal(res.responses[0]?.partitions[0]?.records?.length ?? 0, 0);
      const vote = voteToWire({
        kind: 'vote',
        clusterId: tb.broker.clusterId,
        candidateEpoch: 1000,
        candidateId: 1,
        lastOffsetEpoch: 0,
        lastOffset: 0,
      });
      await assert.rejects(client.send(ApiKey.Vote, 0, vote), /connection closed/);
    } finally {
      await client.close();
    }
  });
});
