/**
 * DescribeTopicPartitions (75), version 0 (KIP-966): topics with their partitions, as
 * Metadata v12 gives them, plus the (empty: Gregor has no ELR) eligible leader replicas
 * and last known ELR, paginated.
 *
 * As Kafka's DescribeTopicPartitionsRequestHandler: an empty `topics` list means every
 * topic. The topics are taken once each, sorted by name (Java's String order: UTF-16
 * code units), from the cursor's topic on. Partitions are listed from the cursor's
 * partition in its topic (0 in the others) until `responsePartitionLimit` partitions
 * are listed (bounded by Kafka's max.request.partition.size.limit, 2000, and at least 1);
 * then `nextCursor` names where to go on: the topic and partition not yet listed, or
 * the next topic at partition 0 when the limit was reached exactly at a topic's end. No
 * nextCursor: everything was listed.
 *
 * Topics named but unknown are UNKNOWN_TOPIC_OR_PARTITION (INVALID_TOPIC_EXCEPTION for
 * an illegal name) and take no room; with `topics` empty only existing topics are
 * listed. With a named list, the cursor's topic must be in it and its partition must
 * not be negative: otherwise every named topic is INVALID_REQUEST.
 *
 * A partition whose leader is not a live broker with an endpoint on the request's
 * listener has leader -1 (no error code, unlike Metadata). topicAuthorizedOperations is
 * always Kafka's full set of topic operations (no ACLs yet).
 */
import type { DescribeTopicPartitionsRequest } from '@gregor/protocol';
import { ApiKey, DescribeTopicPartitionsResponse, ErrorCode, ZERO_UUID } from '@gregor/protocol';
import {
  Cursor,
  DescribeTopicPartitionsResponsePartition,
  DescribeTopicPartitionsResponseTopic,
} from '@gregor/protocol/generated/messages/describe-topic-partitions-response';
import { validateTopicName } from '../metadata/controller.js';
import type { MetadataImage, TopicImage } from '../metadata/image.js';
import type { ApiHandler } from './handler.js';
import { defineHandler } from './handler.js';
import { INTERNAL_TOPICS } from './metadata.js';

/** Kafka's max.request.partition.size.limit default. */
export const MAX_REQUEST_PARTITION_SIZE_LIMIT = 2000;

/** Kafka's AclOperation codes valid on topics: READ, WRITE, CREATE, DELETE, ALTER, DESCRIBE, DESCRIBE_CONFIGS, ALTER_CONFIGS. */
const TOPIC_OPERATIONS = [3, 4, 5, 6, 7, 8, 10, 11].reduce((bits, op) => bits | (1 << op), 0);

function topicResult(name: string, errorCode: number): DescribeTopicPartitionsResponseTopic {
  const t = new DescribeTopicPartitionsResponseTopic();
  t.name = name;
  t.errorCode = errorCode;
  t.topicId = ZERO_UUID;
  t.isInternal = INTERNAL_TOPICS.has(name);
  return t;
}

function describePartitions(
  image: MetadataImage,
  topic: TopicImage,
  listener: string,
  start: number,
  max: number,
): { partitions: DescribeTopicPartitionsResponsePartition[]; next: number } {
  const count = topic.partitions.length;
  const upper = Math.min(count, start + max);
  const out: DescribeTopicPartitionsResponsePartition[] = [];
  for (let i = start; i < upper; i++) {
    const p = topic.partitions[i];
    if (p === undefined) continue;
    const d = new DescribeTopicPartitionsResponsePartition();
    d.partitionIndex = p.partitionId;
    const leader = image.brokers.get(p.leader);
    d.leaderId =
      leader !== undefined && !leader.fenced && leader.endpoints.some((e) => e.name === listener) ? p.leader : -1;
    d.leaderEpoch = p.leaderEpoch;
    d.replicaNodes = [...p.replicas];
    d.isrNodes = [...p.isr];
    d.eligibleLeaderReplicas = [];
    d.lastKnownElr = [];
    d.offlineReplicas = p.replicas.filter((r) => {
      const b = image.brokers.get(r);
      return b === undefined || b.fenced;
    });
    out.push(d);
  }
  return { partitions: out, next: upper < count ? upper : -1 };
}

function allFailed(request: DescribeTopicPartitionsRequest, errorCode: number): DescribeTopicPartitionsResponse {
  const response = new DescribeTopicPartitionsResponse();
  for (const t of request.topics) response.topics.push(topicResult(t.name, errorCode));
  return response;
}

export const describeTopicPartitionsHandler: ApiHandler = defineHandler<
  DescribeTopicPartitionsRequest,
  DescribeTopicPartitionsResponse
>({
  apiKey: ApiKey.DescribeTopicPartitions,
  minVersion: 0,
  maxVersion: 0,
  handle(ctx, request) {
    const { broker } = ctx;
    const image = broker.metadata;
    const all = request.topics.length === 0;
    const cursor = request.cursor;
    const cursorTopic = cursor?.topicName ?? '';
    const names = new Set<string>();
    for (const name of all ? image.topicsByName.keys() : request.topics.map((t) => t.name)) {
      if (name >= cursorTopic) names.add(name);
    }
    if (cursor !== null && ((!all && !names.has(cursor.topicName)) || cursor.partitionIndex < 0)) {
      return allFailed(request, ErrorCode.INVALID_REQUEST);
    }
    const sorted = [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    let remaining = Math.max(Math.min(MAX_REQUEST_PARTITION_SIZE_LIMIT, request.responsePartitionLimit), 1);
    const response = new DescribeTopicPartitionsResponse();
    const listener = ctx.connection.listenerName;
    for (const name of sorted) {
      if (remaining === 0) {
        const next = new Cursor();
        next.topicName = name;
        next.partitionIndex = 0;
        response.nextCursor = next;
        break;
      }
      const topic = image.topicsByName.get(name);
      if (topic === undefined) {
        if (!all) {
          const invalid = validateTopicName(name).errorCode !== ErrorCode.NONE;
          response.topics.push(
            topicResult(name, invalid ? ErrorCode.INVALID_TOPIC_EXCEPTION : ErrorCode.UNKNOWN_TOPIC_OR_PARTITION),
          );
        }
        continue;
      }
      const start = cursor !== null && name === cursor.topicName ? cursor.partitionIndex : 0;
      const { partitions, next } = describePartitions(image, topic, listener, start, remaining);
      const t = topicResult(name, ErrorCode.NONE);
      t.topicId = topic.topicId;
      t.partitions = partitions;
      response.topics.push(t);
      remaining -= partitions.length;
      if (next !== -1) {
        const c = new Cursor();
        c.topicName = name;
        c.partitionIndex = next;
        response.nextCursor = c;
        break;
      }
    }
    for (const t of response.topics) t.topicAuthorizedOperations = TOPIC_OPERATIONS;
    return response;
  },
  errorResponse(_ctx, request, errorCode) {
    return allFailed(request, errorCode);
  },
});
