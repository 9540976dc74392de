/**
 * Encode/decode throughput of the generated codecs on the messages that matter most:
 * Metadata with 1,000 partitions, Produce and Fetch requests and responses.
 */

import * as fetchRequest from '../generated/messages/fetch-request.js';
import * as fetchResponse from '../generated/messages/fetch-response.js';
import * as metadata from '../generated/messages/metadata-response.js';
import * as produceRequest from '../generated/messages/produce-request.js';
import * as produceResponse from '../generated/messages/produce-response.js';
import type { MessageClass } from '../message-class.js';
import { decodeMessage, encodeMessage } from '../message-class.js';
import { randomUuid } from '../uuid.js';
import type { Measurement } from './measure.js';
import { measure } from './measure.js';

function metadataResponse(topics: number, partitionsPerTopic: number): metadata.MetadataResponse {
  const m = new metadata.MetadataResponse();
  for (let b = 0; b < 3; b++) {
    const broker = new metadata.MetadataResponseBroker();
    broker.nodeId = b;
    broker.host = `broker-${b}.example.internal`;
    broker.port = 9092;
    m.brokers.push(broker);
  }
  m.clusterId = 'gregor-cluster-0001';
  m.controllerId = 0;
  for (let t = 0; t < topics; t++) {
    const topic = new metadata.MetadataResponseTopic();
    topic.name = `orders.region-${t}`;
    topic.topicId = randomUuid();
    for (let p = 0; p < partitionsPerTopic; p++) {
      const part = new metadata.MetadataResponsePartition();
      part.partitionIndex = p;
      part.leaderId = p % 3;
      part.leaderEpoch = 4;
      part.replicaNodes = [p % 3, (p + 1) % 3, (p + 2) % 3];
      part.isrNodes = [p % 3, (p + 1) % 3, (p + 2) % 3];
      topic.partitions.push(part);
    }
    m.topics.push(topic);
  }
  return m;
}

function produceReq(partitions: number, batch: Buffer): produceRequest.ProduceRequest {
  const m = new produceRequest.ProduceRequest();
  m.acks = -1;
  m.timeoutMs = 30000;
  const topic = new produceRequest.TopicProduceData();
  topic.name = 'events';
  for (let p = 0; p < partitions; p++) {
    const pd = new produceRequest.PartitionProduceData();
    pd.index = p;
    pd.records = batch;
    topic.partitionData.push(pd);
  }
  m.topicData.push(topic);
  return m;
}

function produceResp(partitions: number): produceResponse.ProduceResponse {
  const m = new produceResponse.ProduceResponse();
  const topic = new produceResponse.TopicProduceResponse();
  topic.name = 'events';
  for (let p = 0; p < partitions; p++) {
    const pr = new produceResponse.PartitionProduceResponse();
    pr.index = p;
    pr.baseOffset = BigInt(p * 1000);
    topic.partitionResponses.push(pr);
  }
  m.responses.push(topic);
  return m;
}

function fetchReq(partitions: number): fetchRequest.FetchRequest {
  const m = new fetchRequest.FetchRequest();
  m.maxWaitMs = 500;
  m.minBytes = 1;
  m.maxBytes = 52428800;
  const topic = new fetchRequest.FetchTopic();
  topic.topicId = randomUuid();
  for (let p = 0; p < partitions; p++) {
    const fp = new fetchRequest.FetchPartition();
    fp.partition = p;
    fp.fetchOffset = 123456n;
    fp.partitionMaxBytes = 1048576;
    topic.partitions.push(fp);
  }
  m.topics.push(topic);
  return m;
}

function fetchResp(partitions: number, batch: Buffer): fetchResponse.FetchResponse {
  const m = new fetchResponse.FetchResponse();
  const topic = new fetchResponse.FetchableTopicResponse();
  topic.topicId = randomUuid();
  for (let p = 0; p < partitions; p++) {
    const pd = new fetchResponse.PartitionData();
    pd.partitionIndex = p;
    pd.highWatermark = 200000n;
    pd.lastStableOffset = 200000n;
    pd.logStartOffset = 0n;
    pd.records = batch;
    topic.partitions.push(pd);
  }
  m.responses.push(topic);
  return m;
}

function pair<T extends object>(label: string, cls: MessageClass<T>, message: T, version: number): Measurement[] {
  const bytes = encodeMessage(cls, message, version);
  return [
    measure(`${label} encode`, () => encodeMessage(cls, message, version), { bytes: bytes.length }),
    measure(`${label} decode`, () => decodeMessage(cls, bytes, version), { bytes: bytes.length }),
  ];
}

export function benchCodecs(): Measurement[] {
  const batch = Buffer.alloc(16 * 1024, 7);
  return [
    ...pair(
      'Metadata response v12, 10 topics x 100 partitions',
      metadata.MetadataResponse,
      metadataResponse(10, 100),
      12,
    ),
    ...pair('Metadata response v9, 1 topic x 1000 partitions', metadata.MetadataResponse, metadataResponse(1, 1000), 9),
    ...pair('Produce request v9, 6 partitions x 16 KiB', produceRequest.ProduceRequest, produceReq(6, batch), 9),
    ...pair('Produce request v3, 6 partitions x 16 KiB', produceRequest.ProduceRequest, produceReq(6, batch), 3),
    ...pair('Produce response v9, 6 partitions', produceResponse.ProduceResponse, produceResp(6), 9),
    ...pair('Fetch request v15, 100 partitions', fetchRequest.FetchRequest, fetchReq(100), 15),
    ...pair('Fetch response v15, 6 partitions x 16 KiB', fetchResponse.FetchResponse, fetchResp(6, batch), 15),
  ];
}
