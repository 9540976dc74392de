/**
 * Offsets and records: ListOffsets and DeleteRecords, each sent to the partition's
 * leader (one request per leader, in parallel). NOT_LEADER_OR_FOLLOWER and the like
 * refresh the metadata and retry the partitions concerned.
 */
import {
  ApiKey,
  DeleteRecordsRequest,
  type DeleteRecordsResponse,
  ListOffsetsRequest,
  type ListOffsetsResponse,
} from '@gregor/protocol';
import { DeleteRecordsPartition, DeleteRecordsTopic } from '@gregor/protocol/generated/messages/delete-records-request';
import { ListOffsetsPartition, ListOffsetsTopic } from '@gregor/protocol/generated/messages/list-offsets-request';
import { ConfigError } from '../errors.js';
import type { TopicPartition } from '../types.js';
import { type Call, checkObjects, failed, type ItemOutcome, itemError, ok, partitionKey, toNumber } from './call.js';
import { fanOut, routeToLeaders } from './routing.js';
import type {
  DeletedRecords,
  DeleteRecordsQuery,
  IsolationLevel,
  ListedOffset,
  ListOffsetsQuery,
  OffsetSpec,
} from './types.js';

/** ListOffsets' special timestamps. */
const LATEST_TIMESTAMP = -1n;
const EARLIEST_TIMESTAMP = -2n;
const MAX_TIMESTAMP = -3n;
/** replica_id of a client that is not a broker. */
const CONSUMER_REPLICA_ID = -1;

/** Checks partitions and gives each its key; a partition given twice is refused, as the broker would. */
export function partitionKeys(what: string, partitions: readonly TopicPartition[]): string[] {
  checkObjects(what, partitions);
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const tp of partitions) {
    if (typeof tp.topic !== 'string' || tp.topic === '')
      throw new ConfigError(`${what}: topics must be non-empty strings`);
    if (!Number.isInteger(tp.partition) || tp.partition < 0 || tp.partition > 0x7fffffff) {
      throw new ConfigError(`${what}: partition must be an integer >= 0, got ${String(tp.partition)}`);
    }
    const key = partitionKey(tp.topic, tp.partition);
    if (seen.has(key)) throw new ConfigError(`${what}: ${tp.topic} partition ${tp.partition} is given twice`);
    seen.add(key);
    keys.push(key);
  }
  return keys;
}

function specTimestamp(spec: OffsetSpec): bigint {
  if (spec === 'earliest') return EARLIEST_TIMESTAMP;
  if (spec === 'latest') return LATEST_TIMESTAMP;
  if (spec === 'max-timestamp') return MAX_TIMESTAMP;
  if (typeof spec === 'object' && spec !== null && Number.isSafeInteger(spec.timestamp) && spec.timestamp >= 0) {
    return BigInt(spec.timestamp);
  }
  throw new ConfigError(
    `listOffsets: spec must be 'earliest', 'latest', 'max-timestamp' or { timestamp } (ms >= 0), got ${JSON.stringify(spec)}`,
  );
}

/** Groups keys by topic, keeping order: the request's topics → partitions shape. */
function byTopic(
  keys: readonly string[],
  partitions: ReadonlyMap<string, TopicPartition>,
): Map<string, TopicPartition[]> {
  const out = new Map<string, TopicPartition[]>();
  for (const key of keys) {
    const tp = partitions.get(key) as TopicPartition;
    const list = out.get(tp.topic);
    if (list === undefined) out.set(tp.topic, [tp]);
    else list.push(tp);
  }
  return out;
}

/** ListOffsets for each query, every outcome by partition key (no AdminError). */
export async function listOffsetsOutcomes(
  call: Call,
  queries: readonly ListOffsetsQuery[],
  isolationLevel: IsolationLevel,
): Promise<{ keys: string[]; outcomes: Map<string, ItemOutcome<ListedOffset>> }> {
  const keys = partitionKeys('listOffsets', queries);
  const byKey = new Map(queries.map((q, i) => [keys[i] as string, q]));
  const timestamps = new Map(queries.map((q, i) => [keys[i] as string, specTimestamp(q.spec)]));
  if (isolationLevel !== 'read_uncommitted' && isolationLevel !== 'read_committed') {
    throw new ConfigError(`listOffsets: isolationLevel must be read_uncommitted or read_committed`);
  }
  // v1 has one offset per partition; read_committed needs v2 (KIP-98), max-timestamp v7 (KIP-734).
  const needsMaxTimestamp = [...timestamps.values()].includes(MAX_TIMESTAMP);
  const minVersion = needsMaxTimestamp ? 7 : isolationLevel === 'read_committed' ? 2 : 1;
  const outcomes = await call.batch<ListedOffset>(keys, async (pending) => {
    const { byLeader, failures } = await routeToLeaders(call, pending, byKey);
    const answers = await fanOut<ListedOffset>(byLeader, async (nodeId, group) => {
      const connection = await call.cluster.connection(nodeId, 'default', call.signal);
      const version = connection.version(ApiKey.ListOffsets, undefined, minVersion);
      const request = new ListOffsetsRequest();
      request.replicaId = CONSUMER_REPLICA_ID;
      if (version >= 2) request.isolationLevel = isolationLevel === 'read_committed' ? 1 : 0;
      for (const [topic, tps] of byTopic(group, byKey)) {
        const t = new ListOffsetsTopic();
        t.name = topic;
        for (const tp of tps) {
          const p = new ListOffsetsPartition();
          p.partitionIndex = tp.partition;
          p.timestamp = timestamps.get(partitionKey(topic, tp.partition)) as bigint;
          t.partitions.push(p);
        }
        request.topics.push(t);
      }
      const response = await connection.requestAt<ListOffsetsResponse>(
        ApiKey.ListOffsets,
        version,
        request,
        call.requestOptions(),
      );
      const out = new Map<string, ItemOutcome<ListedOffset>>();
      for (const t of response.topics) {
        for (const p of t.partitions) {
          const key = partitionKey(t.name, p.partitionIndex);
          if (p.errorCode !== 0) {
            out.set(key, failed(itemError(p.errorCode, null, t.name, p.partitionIndex)));
            continue;
          }
          out.set(
            key,
            ok({
              topic: t.name,
              partition: p.partitionIndex,
              offset: toNumber(p.offset),
              timestamp: toNumber(p.timestamp),
              leaderEpoch: p.leaderEpoch,
            }),
          );
        }
      }
      return out;
    });
    for (const [key, outcome] of failures) answers.set(key, outcome);
    return answers;
  });
  return { keys, outcomes };
}

export async function listOffsets(
  call: Call,
  queries: readonly ListOffsetsQuery[],
  isolationLevel: IsolationLevel,
): Promise<ListedOffset[]> {
  const { keys, outcomes } = await listOffsetsOutcomes(call, queries, isolationLevel);
  return call.settle(keys, outcomes);
}

export async function deleteRecords(call: Call, queries: readonly DeleteRecordsQuery[]): Promise<DeletedRecords[]> {
  const keys = partitionKeys('deleteRecords', queries);
  const byKey = new Map(queries.map((q, i) => [keys[i] as string, q]));
  for (const q of queries) {
    if (!Number.isSafeInteger(q.offset) || q.offset < -1) {
      throw new ConfigError(`deleteRecords: offset must be an integer >= -1, got ${String(q.offset)}`);
    }
  }
  const outcomes = await call.batch<DeletedRecords>(keys, async (pending) => {
    const { byLeader, failures } = await routeToLeaders(call, pending, byKey);
    const answers = await fanOut<DeletedRecords>(byLeader, async (nodeId, group) => {
      const connection = await call.cluster.connection(nodeId, 'default', call.signal);
      const version = connection.version(ApiKey.DeleteRecords);
      const request = new DeleteRecordsRequest();
      request.timeoutMs = call.brokerTimeoutMs();
      for (const [topic, tps] of byTopic(group, byKey)) {
        const t = new DeleteRecordsTopic();
        t.name = topic;
        for (const tp of tps) {
          const p = new DeleteRecordsPartition();
          p.partitionIndex = tp.partition;
          p.offset = BigInt((byKey.get(partitionKey(topic, tp.partition)) as DeleteRecordsQuery).offset);
          t.partitions.push(p);
        }
        request.topics.push(t);
      }
      const response = await connection.requestAt<DeleteRecordsResponse>(
        ApiKey.DeleteRecords,
        version,
        request,
        call.requestOptions(),
      );
      const out = new Map<string, ItemOutcome<DeletedRecords>>();
      for (const t of response.topics) {
        for (const p of t.partitions) {
          const key = partitionKey(t.name, p.partitionIndex);
          out.set(
            key,
            p.errorCode === 0
              ? ok({ topic: t.name, partition: p.partitionIndex, lowWatermark: toNumber(p.lowWatermark) })
              : failed(itemError(p.errorCode, null, t.name, p.partitionIndex)),
          );
        }
      }
      return out;
    });
    for (const [key, outcome] of failures) answers.set(key, outcome);
    return answers;
  });
  return call.settle(keys, outcomes);
}
