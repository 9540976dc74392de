/**
 * DeleteTopics (20), versions 0-6: removes topics through the controller; the replica
 * manager closes and deletes their logs when the image changes (awaited before the
 * answer, so a topic can be created again at once).
 *
 * Topics are named by `topicNames` (v0-5) or by `topics` (v6: a name or a topic id,
 * not both and not neither: INVALID_REQUEST). A name or id given twice is
 * INVALID_REQUEST ("Duplicate topic name." / "Duplicate topic id.", one result), as is
 * a name that resolves to an id also given. Unknown names are
 * UNKNOWN_TOPIC_OR_PARTITION, unknown ids UNKNOWN_TOPIC_ID.
 *
 * With `delete.topic.enable=false` every topic fails: INVALID_REQUEST before v3,
 * TOPIC_DELETION_DISABLED from v3 (Kafka's ControllerApis). Internal topics
 * (`__consumer_offsets`, `__transaction_state`) are deleted like any other, as Kafka
 * does: its DeleteTopics API does not refuse them, only ACLs can (its TopicCommand
 * tests say so); `__cluster_metadata` is not a topic in the image and is unknown.
 *
 * `timeoutMs`: see deadline.ts. errorMessage from v5 (null on success); topicId in the
 * results from v6.
 */
import type { DeleteTopicsRequest, Uuid } from '@gregor/protocol';
import { ApiKey, DeleteTopicsResponse, ErrorCode, ZERO_UUID } from '@gregor/protocol';
import { DeletableTopicResult } from '@gregor/protocol/generated/messages/delete-topics-response';
import { awaitLogsFollowImage, settle } from './deadline.js';
import type { ApiHandler } from './handler.js';
import { defineHandler } from './handler.js';

function result(
  name: string | null,
  topicId: Uuid,
  errorCode: number,
  errorMessage: string | null,
): DeletableTopicResult {
  const r = new DeletableTopicResult();
  r.name = name;
  r.topicId = topicId;
  r.errorCode = errorCode;
  r.errorMessage = errorMessage;
  return r;
}

/** What the request names, one entry per topic as given. */
function targetsOf(request: DeleteTopicsRequest, version: number): { name: string | null; topicId: Uuid }[] {
  if (version < 6) return request.topicNames.map((name) => ({ name, topicId: ZERO_UUID }));
  return request.topics.map((t) => ({ name: t.name, topicId: t.topicId }));
}

function allFailed(
  request: DeleteTopicsRequest,
  version: number,
  errorCode: number,
  errorMessage: string | null,
): DeleteTopicsResponse {
  const response = new DeleteTopicsResponse();
  for (const t of targetsOf(request, version))
    response.responses.push(result(t.name, t.topicId, errorCode, errorMessage));
  return response;
}

export const deleteTopicsHandler: ApiHandler = defineHandler<DeleteTopicsRequest, DeleteTopicsResponse>({
  apiKey: ApiKey.DeleteTopics,
  minVersion: 0,
  maxVersion: 6,
  async handle(ctx, request) {
    const { broker, version } = ctx;
    if (!broker.settings.deleteTopicEnable) {
      const errorCode = version < 3 ? ErrorCode.INVALID_REQUEST : ErrorCode.TOPIC_DELETION_DISABLED;
      return allFailed(request, version, errorCode, 'Topic deletion is disabled.');
    }
    const response = new DeleteTopicsResponse();
    const image = broker.metadata;
    const targets = targetsOf(request, version);
    const nameCounts = new Map<string, number>();
    const idCounts = new Map<Uuid, number>();
    for (const t of targets) {
      if (t.name !== null && t.topicId === ZERO_UUID) nameCounts.set(t.name, (nameCounts.get(t.name) ?? 0) + 1);
      if (t.name === null && t.topicId !== ZERO_UUID) idCounts.set(t.topicId, (idCounts.get(t.topicId) ?? 0) + 1);
    }
    // Topic id → the name it was asked for by (null: by id).
    const toDelete = new Map<Uuid, { name: string; by: 'name' | 'id' }>();
    const conflicting = new Set<Uuid>();
    for (const t of targets) {
      if (t.name === null && t.topicId === ZERO_UUID) {
        response.responses.push(
          result(null, ZERO_UUID, ErrorCode.INVALID_REQUEST, 'Neither topic name nor id were specified.'),
        );
      } else if (t.name !== null && t.topicId !== ZERO_UUID) {
        response.responses.push(
          result(t.name, t.topicId, ErrorCode.INVALID_REQUEST, 'You may not specify both topic name and topic id.'),
        );
      } else if (t.name !== null) {
        if ((nameCounts.get(t.name) ?? 0) > 1) continue;
        const topic = image.topicsByName.get(t.name);
        if (topic === undefined) {
          response.responses.push(
            result(
              t.name,
              ZERO_UUID,
              ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
              'This server does not host this topic-partition.',
            ),
          );
        } else if (toDelete.has(topic.topicId) || (idCounts.get(topic.topicId) ?? 0) > 0) {
          conflicting.add(topic.topicId);
          response.responses.push(
            result(
              t.name,
              topic.topicId,
              ErrorCode.INVALID_REQUEST,
              'The provided topic name maps to an ID that was already supplied.',
            ),
          );
        } else {
          toDelete.set(topic.topicId, { name: topic.name, by: 'name' });
        }
      } else {
        if ((idCounts.get(t.topicId) ?? 0) > 1) continue;
        const topic = image.topicsById.get(t.topicId);
        if (topic === undefined) {
          response.responses.push(
            result(null, t.topicId, ErrorCode.UNKNOWN_TOPIC_ID, 'This server does not host this topic ID.'),
          );
        } else {
          toDelete.set(topic.topicId, { name: topic.name, by: 'id' });
        }
      }
    }
    for (const id of conflicting) {
      const entry = toDelete.get(id);
      toDelete.delete(id);
      if (entry?.by === 'id') {
        response.responses.push(result(null, id, ErrorCode.INVALID_REQUEST, 'Duplicate topic id.'));
      }
    }
    for (const [name, count] of nameCounts) {
      if (count > 1)
        response.responses.push(result(name, ZERO_UUID, ErrorCode.INVALID_REQUEST, 'Duplicate topic name.'));
    }
    for (const [id, count] of idCounts) {
      if (count > 1) response.responses.push(result(null, id, ErrorCode.INVALID_REQUEST, 'Duplicate topic id.'));
    }

    if (toDelete.size > 0) {
      const ids = [...toDelete.keys()];
      const deadline = Date.now() + request.timeoutMs;
      const outcome = await settle(
        broker.controllerApi.deleteTopics(ids.map((topicId) => ({ name: null, topicId }))),
        request.timeoutMs <= 0 ? null : request.timeoutMs,
        broker.logger,
        'topic deletion',
      );
      if (!outcome.ok) {
        for (const [id, t] of toDelete) {
          response.responses.push(result(t.name, id, outcome.errorCode, outcome.errorMessage));
        }
      } else {
        const deleted = outcome.value;
        if (request.timeoutMs > 0 && deleted.some((d) => d.errorCode === ErrorCode.NONE)) {
          await awaitLogsFollowImage(broker, deadline);
        }
        for (const d of deleted) {
          const id = d.topicId ?? ZERO_UUID;
          const name = toDelete.get(id)?.name ?? d.name;
          if (d.errorCode === ErrorCode.NONE && request.timeoutMs <= 0) {
            response.responses.push(
              result(name, id, ErrorCode.REQUEST_TIMED_OUT, 'The topic deletion was started (timeoutMs <= 0).'),
            );
          } else {
            response.responses.push(result(name, id, d.errorCode, d.errorMessage));
          }
        }
      }
    }
    if (version < 6) {
      // Before v6 every result is named by the name it was asked for.
      for (const r of response.responses) r.name ??= '';
    }
    return response;
  },
  errorResponse(ctx, request, errorCode) {
    return allFailed(request, ctx.version, errorCode, null);
  },
});
