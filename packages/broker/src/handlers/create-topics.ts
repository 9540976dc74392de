/**
 * CreateTopics (19), versions 0-7: creates topics through the controller.
 *
 * Per topic, in Kafka's order: a name given twice in one request is INVALID_REQUEST
 * ("Duplicate topic name.", one result for the name, after the others);
 * `__cluster_metadata` is TOPIC_AUTHORIZATION_FAILED, as Kafka answers; an illegal name
 * INVALID_TOPIC_EXCEPTION; an existing topic TOPIC_ALREADY_EXISTS; configs are then
 * validated (INVALID_CONFIG with a message naming the config: unknown name, null or
 * invalid value, min.compaction.lag.ms above max.compaction.lag.ms); then the topic
 * itself: numPartitions and replicationFactor -1 take the broker's num.partitions and
 * default.replication.factor (accepted at every version, as Kafka's broker does; its
 * Java client only sends -1 from v4); 0 or below -1 is INVALID_PARTITIONS /
 * INVALID_REPLICATION_FACTOR, more replicas than live brokers
 * INVALID_REPLICATION_FACTOR; a manual assignment must come with -1 for both
 * (INVALID_REQUEST), and its partitions must be 0..n-1, each listed once, with the same
 * number of distinct registered brokers (INVALID_REPLICA_ASSIGNMENT).
 *
 * A request that would write more than 10,000 metadata records (one per topic, config
 * and partition) fails every topic with POLICY_VIOLATION, Kafka's
 * MAX_RECORDS_PER_USER_OP limit.
 *
 * validateOnly (v1+) checks everything and creates nothing. Created topics have their
 * partitions opened before the answer, so a client may produce at once. `timeoutMs`: see
 * deadline.ts (<= 0: created, answered REQUEST_TIMED_OUT at once).
 *
 * Responses: errorMessage from v1; from v5 numPartitions, replicationFactor and the
 * topic's effective configs (value, readOnly, source, isSensitive), also for
 * validateOnly; topicId from v7.
 */
import type { CreateTopicsRequest } from '@gregor/protocol';
import { ApiKey, CreateTopicsResponse, ErrorCode } from '@gregor/protocol';
import type { CreatableTopic } from '@gregor/protocol/generated/messages/create-topics-request';
import {
  CreatableTopicConfigs,
  CreatableTopicResult,
} from '@gregor/protocol/generated/messages/create-topics-response';
import { ConfigSource, validateTopicConfigs } from '../config/index.js';
import type { NewTopic } from '../metadata/controller.js';
import { validateTopicName } from '../metadata/controller.js';
import { METADATA_TOPIC } from '../metadata/metadata-log.js';
import { brokerConfigOf, topicConfigOf } from './config-view.js';
import { awaitLogsFollowImage, settle } from './deadline.js';
import type { ApiHandler } from './handler.js';
import { defineHandler } from './handler.js';

/** Kafka's QuorumController.MAX_RECORDS_PER_USER_OP: records one admin operation may write. */
export const MAX_RECORDS_PER_USER_OP = 10_000;

function failed(name: string, errorCode: number, errorMessage: string | null): CreatableTopicResult {
  const r = new CreatableTopicResult();
  r.name = name;
  r.errorCode = errorCode;
  r.errorMessage = errorMessage;
  return r;
}

/** The first problem with a topic's requested configs, in Kafka's words; null when none. */
function checkConfigs(topic: CreatableTopic, broker: Parameters<typeof validateTopicConfigs>[1]): string | null {
  const entries: Record<string, string | null> = {};
  for (const c of topic.configs) entries[c.name] = c.value;
  const errors = validateTopicConfigs(entries, broker);
  return errors[0]?.message ?? null;
}

/** Partition index → replicas, or the Kafka error for a malformed manual assignment. */
function assignmentsOf(topic: CreatableTopic): Map<number, readonly number[]> | string | null {
  if (topic.assignments.length === 0) return null;
  const map = new Map<number, readonly number[]>();
  for (const a of topic.assignments) {
    if (map.has(a.partitionIndex))
      return `Found multiple manual partition assignments for partition ${a.partitionIndex}`;
    map.set(a.partitionIndex, a.brokerIds);
  }
  return map;
}

export const createTopicsHandler: ApiHandler = defineHandler<CreateTopicsRequest, CreateTopicsResponse>({
  apiKey: ApiKey.CreateTopics,
  minVersion: 0,
  maxVersion: 7,
  async handle(ctx, request) {
    const { broker, version } = ctx;
    const validateOnly = version >= 1 && request.validateOnly;
    const counts = new Map<string, number>();
    for (const t of request.topics) counts.set(t.name, (counts.get(t.name) ?? 0) + 1);

    // Results by name, answered in request order; duplicates at the end, as Kafka does.
    const results = new Map<string, CreatableTopicResult>();
    const newTopics: NewTopic[] = [];
    const brokerConfig = brokerConfigOf(broker);
    const image = broker.metadata;
    let records = 0;
    for (const t of request.topics) {
      if ((counts.get(t.name) ?? 0) > 1) continue;
      if (t.name === METADATA_TOPIC) {
        results.set(t.name, failed(t.name, ErrorCode.TOPIC_AUTHORIZATION_FAILED, 'Authorization failed.'));
        continue;
      }
      const assignments = assignmentsOf(t);
      // Name and existence are the controller's to report, before configs (Kafka's order).
      if (validateTopicName(t.name).errorCode === ErrorCode.NONE && !image.topicsByName.has(t.name)) {
        const configError = checkConfigs(t, brokerConfig);
        if (configError !== null) {
          results.set(t.name, failed(t.name, ErrorCode.INVALID_CONFIG, configError));
          continue;
        }
        if (typeof assignments === 'string') {
          results.set(t.name, failed(t.name, ErrorCode.INVALID_REPLICA_ASSIGNMENT, assignments));
          continue;
        }
      }
      const configs = new Map<string, string>();
      for (const c of t.configs) if (c.value !== null) configs.set(c.name, c.value);
      newTopics.push({
        name: t.name,
        numPartitions: t.numPartitions,
        replicationFactor: t.replicationFactor,
        assignments: typeof assignments === 'string' ? new Map() : assignments,
        configs,
      });
      const partitions =
        t.assignments.length > 0
          ? t.assignments.length
          : t.numPartitions === -1
            ? broker.settings.numPartitions
            : t.numPartitions;
      records += 1 + configs.size + Math.max(0, partitions);
    }

    if (records > MAX_RECORDS_PER_USER_OP) {
      for (const t of newTopics) {
        results.set(
          t.name,
          failed(t.name, ErrorCode.POLICY_VIOLATION, 'Unable to perform excessively large batch operation.'),
        );
      }
    } else if (newTopics.length > 0) {
      const deadline = Date.now() + request.timeoutMs;
      const outcome = await settle(
        broker.controllerApi.createTopics(newTopics, validateOnly),
        validateOnly || request.timeoutMs <= 0 ? null : request.timeoutMs,
        broker.logger,
        'topic creation',
      );
      if (!outcome.ok) {
        for (const t of newTopics) results.set(t.name, failed(t.name, outcome.errorCode, outcome.errorMessage));
      } else {
        const created = outcome.value;
        const anyCreated = !validateOnly && created.some((c) => c.errorCode === ErrorCode.NONE);
        if (anyCreated && request.timeoutMs > 0) {
          // Open the new partitions before answering (the image listener would, a little later).
          await awaitLogsFollowImage(broker, deadline);
        }
        for (const c of created) {
          if (c.errorCode !== ErrorCode.NONE) {
            results.set(c.name, failed(c.name, c.errorCode, c.errorMessage));
            continue;
          }
          if (!validateOnly && request.timeoutMs <= 0) {
            results.set(
              c.name,
              failed(c.name, ErrorCode.REQUEST_TIMED_OUT, 'The topic creation was started (timeoutMs <= 0).'),
            );
            continue;
          }
          const r = failed(c.name, ErrorCode.NONE, null);
          r.topicId = c.topicId;
          r.numPartitions = c.numPartitions;
          r.replicationFactor = c.replicationFactor;
          const requested = newTopics.find((t) => t.name === c.name)?.configs ?? new Map<string, string>();
          const configs: CreatableTopicConfigs[] = [];
          r.configs = configs;
          for (const e of topicConfigOf(broker, c.name, requested).entries()) {
            const rc = new CreatableTopicConfigs();
            rc.name = e.name;
            rc.value = e.isSensitive ? null : e.value;
            rc.readOnly = e.readOnly;
            rc.configSource = ConfigSource[e.source];
            rc.isSensitive = e.isSensitive;
            configs.push(rc);
          }
          results.set(c.name, r);
        }
      }
    }

    const response = new CreateTopicsResponse();
    for (const t of request.topics) {
      const r = results.get(t.name);
      if (r !== undefined && (counts.get(t.name) ?? 0) === 1) response.topics.push(r);
    }
    for (const [name, count] of counts) {
      if (count > 1) response.topics.push(failed(name, ErrorCode.INVALID_REQUEST, 'Duplicate topic name.'));
    }
    return response;
  },
  errorResponse(_ctx, request, errorCode) {
    const response = new CreateTopicsResponse();
    const seen = new Set<string>();
    for (const t of request.topics) {
      if (seen.has(t.name)) continue;
      seen.add(t.name);
      response.topics.push(failed(t.name, errorCode, null));
    }
    return response;
  },
});
