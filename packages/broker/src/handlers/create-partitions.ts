/**
 * CreatePartitions (37), versions 0-3 (flexible from v2): grows topics to `count`
 * partitions through the controller; the new partitions are opened before the answer.
 *
 * Per topic, as Kafka's controller: a name given twice is INVALID_REQUEST ("Duplicate
 * topic name.", one result, after the others); an unknown topic
 * UNKNOWN_TOPIC_OR_PARTITION; a count equal to or below the current one
 * INVALID_PARTITIONS; `assignments` (null: placed by the controller) must give one
 * replica list per new partition (INVALID_REPLICA_ASSIGNMENT otherwise), each of the
 * topic's replication factor, of registered brokers, none twice; more replicas than
 * live brokers is INVALID_REPLICATION_FACTOR. More than 10,000 new partitions in one
 * request is POLICY_VIOLATION for every topic (Kafka's MAX_RECORDS_PER_USER_OP).
 *
 * validateOnly checks and changes nothing. `timeoutMs`: see deadline.ts. The versions
 * differ only in encoding: v1 is v0, v2 is flexible, v3 may answer
 * THROTTLING_QUOTA_EXCEEDED (KIP-599), which Gregor, without quotas, never does.
 */
import type { CreatePartitionsRequest } from '@gregor/protocol';
import { ApiKey, CreatePartitionsResponse, ErrorCode } from '@gregor/protocol';
import { CreatePartitionsTopicResult } from '@gregor/protocol/generated/messages/create-partitions-response';
import { MAX_RECORDS_PER_USER_OP } from './create-topics.js';
import { awaitLogsFollowImage, settle } from './deadline.js';
import type { ApiHandler } from './handler.js';
import { defineHandler } from './handler.js';

function result(name: string, errorCode: number, errorMessage: string | null): CreatePartitionsTopicResult {
  const r = new CreatePartitionsTopicResult();
  r.name = name;
  r.errorCode = errorCode;
  r.errorMessage = errorMessage;
  return r;
}

export const createPartitionsHandler: ApiHandler = defineHandler<CreatePartitionsRequest, CreatePartitionsResponse>({
  apiKey: ApiKey.CreatePartitions,
  minVersion: 0,
  maxVersion: 3,
  async handle(ctx, request) {
    const { broker } = ctx;
    const response = new CreatePartitionsResponse();
    const counts = new Map<string, number>();
    for (const t of request.topics) counts.set(t.name, (counts.get(t.name) ?? 0) + 1);
    const requests = request.topics
      .filter((t) => counts.get(t.name) === 1)
      .map((t) => ({
        name: t.name,
        count: t.count,
        assignments: t.assignments === null ? null : t.assignments.map((a) => a.brokerIds),
      }));
    const image = broker.metadata;
    let added = 0;
    for (const r of requests) {
      const current = image.topicsByName.get(r.name)?.partitions.length;
      if (current !== undefined) added += Math.max(0, r.count - current);
    }
    if (added > MAX_RECORDS_PER_USER_OP) {
      for (const r of requests) {
        response.results.push(
          result(r.name, ErrorCode.POLICY_VIOLATION, 'Unable to perform excessively large batch operation.'),
        );
      }
    } else if (requests.length > 0) {
      const deadline = Date.now() + request.timeoutMs;
      const settled = await settle(
        broker.controllerApi.createPartitions(requests, request.validateOnly),
        request.validateOnly || request.timeoutMs <= 0 ? null : request.timeoutMs,
        broker.logger,
        'partition creation',
      );
      if (!settled.ok) {
        for (const r of requests) response.results.push(result(r.name, settled.errorCode, settled.errorMessage));
      } else {
        const outcome = settled.value;
        const anyCreated = !request.validateOnly && outcome.some((o) => o.errorCode === ErrorCode.NONE);
        if (anyCreated && request.timeoutMs > 0) {
          await awaitLogsFollowImage(broker, deadline);
        }
        for (const o of outcome) {
          if (o.errorCode === ErrorCode.NONE && !request.validateOnly && request.timeoutMs <= 0) {
            response.results.push(
              result(o.name, ErrorCode.REQUEST_TIMED_OUT, 'The partition creation was started (timeoutMs <= 0).'),
            );
          } else {
            response.results.push(result(o.name, o.errorCode, o.errorMessage));
          }
        }
      }
    }
    for (const [name, count] of counts) {
      if (count > 1) response.results.push(result(name, ErrorCode.INVALID_REQUEST, 'Duplicate topic name.'));
    }
    return response;
  },
  errorResponse(_ctx, request, errorCode) {
    const response = new CreatePartitionsResponse();
    const seen = new Set<string>();
    for (const t of request.topics) {
      if (seen.has(t.name)) continue;
      seen.add(t.name);
      response.results.push(result(t.name, errorCode, null));
    }
    return response;
  },
});
