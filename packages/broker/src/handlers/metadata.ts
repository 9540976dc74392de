/**
 * Metadata (3), versions 0-12: brokers, cluster id, controller, and for each topic asked
 * for (all of them for a null list, or an empty list before v1) its partitions with
 * leader, leader epoch (v7+), replicas, ISR and offline replicas (v5+).
 *
 * Brokers are described with their endpoint on the listener the request came in on.
 * Topics are found by name, or by id (v10+, a null name). An unknown topic is created
 * when `auto.create.topics.enable` is on and the client allows it (v4+
 * allowAutoTopicCreation, always before v4), with the broker's default partition count
 * and replication factor; it is returned at once, led and ready. Names that are not
 * legal topic names get INVALID_TOPIC_EXCEPTION, unknown ids UNKNOWN_TOPIC_ID.
 * Authorized operations (v8+) are "everything" as long as Gregor has no ACLs.
 */
import type { Uuid } from '@gregor/protocol';
import { ApiKey, ErrorCode, type MetadataRequest, MetadataResponse, ZERO_UUID } from '@gregor/protocol';
import {
  MetadataResponseBroker,
  MetadataResponsePartition,
  MetadataResponseTopic,
} from '@gregor/protocol/generated/messages/metadata-response';
import type { Broker } from '../broker.js';
import { validateTopicName } from '../metadata/controller.js';
import type { MetadataImage, TopicImage } from '../metadata/image.js';
import { CLUSTER_AUTHORIZED_OPERATIONS } from './describe-cluster.js';
import type { ApiHandler } from './handler.js';
import { defineHandler } from './handler.js';

/** Kafka's internal topics. */
export const INTERNAL_TOPICS: ReadonlySet<string> = new Set(['__consumer_offsets', '__transaction_state']);

/** Kafka's AclOperation codes allowed on topics and on the cluster, as bit sets (no ACLs: all). */
const TOPIC_OPERATIONS = [3, 4, 5, 6, 7, 8, 10, 11].reduce((bits, op) => bits | (1 << op), 0);
const OPERATIONS_NOT_REQUESTED = -2147483648;

export function describeTopic(image: MetadataImage, topic: TopicImage, version: number): MetadataResponseTopic {
  const t = new MetadataResponseTopic();
  t.name = topic.name;
  t.topicId = topic.topicId;
  t.isInternal = INTERNAL_TOPICS.has(topic.name);
  for (const p of topic.partitions) {
    if (p === undefined) continue;
    const mp = new MetadataResponsePartition();
    mp.partitionIndex = p.partitionId;
    mp.leaderId = p.leader;
    mp.leaderEpoch = p.leaderEpoch;
    mp.replicaNodes = [...p.replicas];
    mp.isrNodes = [...p.isr];
    // Offline replicas exist from v5; older versions do not carry them.
    if (version >= 5) {
      mp.offlineReplicas = p.replicas.filter((r) => {
        const b = image.brokers.get(r);
        return b === undefined || b.fenced;
      });
    }
    if (p.leader < 0 || image.brokers.get(p.leader)?.fenced !== false) mp.errorCode = ErrorCode.LEADER_NOT_AVAILABLE;
    t.partitions.push(mp);
  }
  return t;
}

function topicError(name: string | null, topicId: Uuid, errorCode: number): MetadataResponseTopic {
  const t = new MetadataResponseTopic();
  t.name = name;
  t.topicId = topicId;
  t.errorCode = errorCode;
  return t;
}

/**
 * Creates `name` with this broker's num.partitions and default.replication.factor (as
 * Kafka's AutoTopicCreationManager: the asking broker's settings, not the controller's);
 * the error code otherwise.
 */
export async function autoCreateTopic(broker: Broker, name: string): Promise<number> {
  const { numPartitions, defaultReplicationFactor } = broker.settings;
  const [result] = await broker.controllerApi.createTopics(
    [{ name, numPartitions, replicationFactor: defaultReplicationFactor, assignments: null, configs: new Map() }],
    false,
  );
  if (result === undefined) return ErrorCode.UNKNOWN_SERVER_ERROR;
  if (result.errorCode === ErrorCode.NONE) {
    broker.logger.info({ topic: name, partitions: result.numPartitions }, 'auto-created topic');
    await broker.replicaManager.applyImage(broker.metadata);
  }
  // Another request may have created it in the meantime: that is a success too.
  return result.errorCode === ErrorCode.TOPIC_ALREADY_EXISTS ? ErrorCode.NONE : result.errorCode;
}

export const metadataHandler: ApiHandler = defineHandler<MetadataRequest, MetadataResponse>({
  apiKey: ApiKey.Metadata,
  minVersion: 0,
  maxVersion: 12,
  async handle(ctx, request) {
    const { broker, version } = ctx;
    let image = broker.metadata;
    const response = new MetadataResponse();
    response.clusterId = broker.clusterId;
    response.controllerId = broker.nodeId;
    const listener = ctx.connection.listenerName;
    for (const b of image.brokers.values()) {
      if (b.fenced) continue;
      const endpoint = b.endpoints.find((e) => e.name === listener) ?? b.endpoints[0];
      if (endpoint === undefined) continue;
      const mb = new MetadataResponseBroker();
      mb.nodeId = b.nodeId;
      mb.host = endpoint.host;
      mb.port = endpoint.port;
      mb.rack = b.rack;
      response.brokers.push(mb);
    }
    // KRaft brokers name an alive broker as the controller (clients cannot reach the
    // controllers): this one, or while its own registration is not applied here yet, another.
    if (!response.brokers.some((b) => b.nodeId === broker.nodeId))
      response.controllerId = response.brokers[0]?.nodeId ?? -1;
    const all = request.topics === null || (version === 0 && request.topics.length === 0);
    if (all) {
      for (const topic of [...image.topicsByName.values()].sort((a, b) => a.name.localeCompare(b.name))) {
        response.topics.push(describeTopic(image, topic, version));
      }
    } else {
      const autoCreate = broker.settings.autoCreateTopicsEnable && (version < 4 || request.allowAutoTopicCreation);
      for (const requested of request.topics ?? []) {
        if (requested.name === null) {
          const topic = image.topicsById.get(requested.topicId);
          response.topics.push(
            topic === undefined
              ? topicError(null, requested.topicId, ErrorCode.UNKNOWN_TOPIC_ID)
              : describeTopic(image, topic, version),
          );
          continue;
        }
        const name = requested.name;
        let topic = image.topicsByName.get(name);
        if (topic === undefined) {
          if (validateTopicName(name).errorCode !== ErrorCode.NONE) {
            response.topics.push(topicError(name, ZERO_UUID, ErrorCode.INVALID_TOPIC_EXCEPTION));
            continue;
          }
          if (!autoCreate || INTERNAL_TOPICS.has(name)) {
            response.topics.push(topicError(name, ZERO_UUID, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION));
            continue;
          }
          const errorCode = await autoCreateTopic(broker, name);
          image = broker.metadata;
          topic = image.topicsByName.get(name);
          if (errorCode !== ErrorCode.NONE || topic === undefined) {
            response.topics.push(
              topicError(name, ZERO_UUID, errorCode === ErrorCode.NONE ? ErrorCode.LEADER_NOT_AVAILABLE : errorCode),
            );
            continue;
          }
        }
        response.topics.push(describeTopic(image, topic, version));
      }
    }
    if (version >= 8) {
      for (const t of response.topics) {
        t.topicAuthorizedOperations =
          request.includeTopicAuthorizedOperations && t.errorCode === ErrorCode.NONE
            ? TOPIC_OPERATIONS
            : OPERATIONS_NOT_REQUESTED;
      }
      if (version <= 10)
        response.clusterAuthorizedOperations = request.includeClusterAuthorizedOperations
          ? CLUSTER_AUTHORIZED_OPERATIONS
          : OPERATIONS_NOT_REQUESTED;
    }
    return response;
  },
  errorResponse(_ctx, request, errorCode) {
    const response = new MetadataResponse();
    for (const t of request.topics ?? []) response.topics.push(topicError(t.name, t.topicId, errorCode));
    return response;
  },
});
