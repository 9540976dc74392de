/**
 * Where admin requests go: topic changes to the active controller, config requests
 * about one broker to that broker, partition requests to each partition's leader,
 * group and transaction requests to their coordinator. Requests to several brokers go
 * out in parallel, one per broker.
 */
import { ErrorCode } from '@gregor/protocol';
import { ConnectionError, KafkaError } from '../errors.js';
import type { CoordinatorType } from '../network/cluster.js';
import type { Connection } from '../network/connection.js';
import type { TopicPartition } from '../types.js';
import { type Call, failed, type ItemOutcome, itemError } from './call.js';

/**
 * A connection to the active controller (Metadata's controllerId), refreshing the
 * metadata first when it is stale (after NOT_CONTROLLER the caller invalidates it).
 * Falls back to any broker when no controller is known: a broker forwards the request.
 */
export async function controllerConnection(call: Call): Promise<Connection> {
  const cluster = call.cluster;
  const known = cluster.controllerId >= 0 && cluster.broker(cluster.controllerId) !== undefined;
  if (!known || cluster.metadataStale) {
    await cluster.anyConnection(call.signal);
    await cluster.refreshMetadata(cluster.knownTopics(), { signal: call.signal });
  }
  const id = cluster.controllerId;
  if (id < 0 || cluster.broker(id) === undefined) return cluster.anyConnection(call.signal);
  return cluster.connection(id, 'default', call.signal);
}

/** Makes sure the broker list is known (a metadata request to any broker). */
export async function ensureBrokers(call: Call): Promise<void> {
  const cluster = call.cluster;
  if (cluster.brokerList().length > 0 && !cluster.metadataStale) return;
  await cluster.anyConnection(call.signal);
  await cluster.refreshMetadata(cluster.knownTopics(), { signal: call.signal });
}

/** A broker id the (just refreshed) metadata does not list: final, waiting would not help. */
export function unknownBroker(nodeId: number, item: string): KafkaError {
  return itemError(
    ErrorCode.BROKER_NOT_AVAILABLE,
    `broker ${nodeId} is not in the cluster metadata`,
    item,
    undefined,
    false,
  );
}

/** A destination for {@link fanOut}: a node id, or ANY_BROKER. */
export const ANY_BROKER = -1;

/**
 * Sends one request per destination in parallel and merges the answers. A retriable
 * failure of one request (a broken connection) fails its items only, so that the
 * batch retries them while keeping the other destinations' answers; other errors end
 * the call.
 */
export async function fanOut<R>(
  groups: ReadonlyMap<number, readonly string[]>,
  send: (nodeId: number, keys: readonly string[]) => Promise<ReadonlyMap<string, ItemOutcome<R>>>,
): Promise<Map<string, ItemOutcome<R>>> {
  const out = new Map<string, ItemOutcome<R>>();
  await Promise.all(
    [...groups].map(async ([nodeId, keys]) => {
      try {
        for (const [key, outcome] of await send(nodeId, keys)) out.set(key, outcome);
      } catch (error) {
        if (!(error instanceof KafkaError) || !error.retriable) throw error;
        for (const key of keys) out.set(key, failed<R>(error));
      }
    }),
  );
  return out;
}

/** Adds `key` to the list of `group` in `map`. */
export function addTo<K>(map: Map<K, string[]>, group: K, key: string): void {
  const list = map.get(group);
  if (list === undefined) map.set(group, [key]);
  else list.push(key);
}

/**
 * Groups pending partitions by their leader, from the metadata cache (refreshed when
 * stale, when a topic is missing, or once when a partition is beyond the cached
 * count). Partitions that do not exist, or have no leader right now, fail at once.
 */
export async function routeToLeaders(
  call: Call,
  pending: readonly string[],
  partitions: ReadonlyMap<string, TopicPartition>,
): Promise<{ byLeader: Map<number, string[]>; failures: Map<string, ItemOutcome<never>> }> {
  const cluster = call.cluster;
  const topics = [...new Set(pending.map((key) => (partitions.get(key) as TopicPartition).topic))];
  await cluster.anyConnection(call.signal);
  await cluster.ensureTopics(topics, call.signal);
  const missing = pending.some((key) => {
    const tp = partitions.get(key) as TopicPartition;
    const info = cluster.topic(tp.topic);
    return info !== undefined && info.partitions[tp.partition] === undefined;
  });
  if (missing) await cluster.refreshMetadata(topics, { signal: call.signal });
  const byLeader = new Map<number, string[]>();
  const failures = new Map<string, ItemOutcome<never>>();
  for (const key of pending) {
    const { topic, partition } = partitions.get(key) as TopicPartition;
    const info = cluster.topic(topic);
    if (info === undefined) {
      const error = cluster.topicError(topic);
      const code = error?.code ?? ErrorCode.UNKNOWN_TOPIC_OR_PARTITION;
      // The metadata just said so: retrying would not change the answer.
      const retriable = code === ErrorCode.UNKNOWN_TOPIC_OR_PARTITION ? false : undefined;
      failures.set(key, failed(itemError(code, null, topic, partition, retriable)));
      continue;
    }
    const p = info.partitions[partition];
    if (p === undefined) {
      const message = `the topic has ${info.partitions.length} partitions`;
      failures.set(key, failed(itemError(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, message, topic, partition, false)));
      continue;
    }
    if (p.leader < 0) {
      failures.set(key, failed(itemError(ErrorCode.LEADER_NOT_AVAILABLE, null, topic, partition)));
      continue;
    }
    addTo(byLeader, p.leader, key);
  }
  return { byLeader, failures };
}

/** Coordinator errors after which the coordinator is looked up again. */
export function isCoordinatorMoved(code: number): boolean {
  return code === ErrorCode.NOT_COORDINATOR || code === ErrorCode.COORDINATOR_NOT_AVAILABLE;
}

/**
 * Groups pending group (or transactional) ids by their coordinator and sends one
 * request per coordinator, on the coordinator lane. Ids whose coordinator cannot be
 * found fail on their own (retriably when Kafka says so).
 */
export async function coordinatorFanOut<R>(
  call: Call,
  type: CoordinatorType,
  pending: readonly string[],
  send: (connection: Connection, keys: readonly string[]) => Promise<ReadonlyMap<string, ItemOutcome<R>>>,
): Promise<Map<string, ItemOutcome<R>>> {
  const cluster = call.cluster;
  const byNode = new Map<number, string[]>();
  const out = new Map<string, ItemOutcome<R>>();
  await Promise.all(
    pending.map(async (key) => {
      try {
        addTo(byNode, await cluster.coordinator(type, key, call.signal), key);
      } catch (error) {
        if (!(error instanceof KafkaError) || error instanceof ConnectionError) throw error;
        out.set(key, failed<R>(itemError(error.code, `no coordinator: ${error.message}`, key)));
      }
    }),
  );
  const answers = await fanOut<R>(byNode, async (nodeId, keys) => {
    try {
      const connection = await cluster.connection(nodeId, 'coordinator', call.signal);
      return await send(connection, keys);
    } catch (error) {
      if (error instanceof ConnectionError) for (const key of keys) cluster.invalidateCoordinator(type, key);
      throw error;
    }
  });
  for (const [key, outcome] of answers) {
    if (!outcome.ok && isCoordinatorMoved(outcome.error.code)) cluster.invalidateCoordinator(type, key);
    out.set(key, outcome);
  }
  return out;
}
