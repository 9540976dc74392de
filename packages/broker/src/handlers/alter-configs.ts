/**
 * AlterConfigs (33), versions 0-2 (flexible from v2): replaces the config overrides of
 * topics. Kafka deprecates it for IncrementalAlterConfigs: every override not listed
 * goes back to its default.
 *
 * Per resource, in Kafka's order (ConfigAdminManager, then the controller): a resource
 * listed twice is INVALID_REQUEST ("Each resource must appear at most once.", for each
 * listing); a config named twice in one resource INVALID_REQUEST; a null value
 * INVALID_REQUEST ("Null value not supported for : name"); then by type:
 * - TOPIC: an unknown topic is UNKNOWN_TOPIC_OR_PARTITION; the new set of overrides
 *   is validated as CreateTopics does (INVALID_CONFIG naming the config), then stored
 *   (one metadata batch) and applied to the topic's open logs.
 * - BROKER: the name must be "" (cluster default) or this node's id (INVALID_REQUEST
 *   otherwise, as Kafka). Gregor does not change broker settings at run time yet, so a
 *   valid broker resource is INVALID_REQUEST too, saying so (Kafka would accept its
 *   dynamic settings).
 * - BROKER_LOGGER and unknown types: INVALID_REQUEST "Unknown resource type N" (Kafka
 *   changes loggers through IncrementalAlterConfigs only); CLIENT_METRICS and GROUP:
 *   INVALID_REQUEST, not supported.
 * validateOnly checks everything and stores nothing.
 */
import type { AlterConfigsRequest } from '@gregor/protocol';
import { AlterConfigsResponse, ApiKey, ErrorCode } from '@gregor/protocol';
import { AlterConfigsResourceResponse } from '@gregor/protocol/generated/messages/alter-configs-response';
import type { Broker } from '../broker.js';
import { validateTopicConfigs } from '../config/index.js';
import { ConfigResourceType } from '../metadata/image.js';
import { brokerConfigOf, reconfigureTopic } from './config-view.js';
import { brokerIdOf, ConfigResourceTypeId, ResourceError, resourceTypeName } from './describe-configs.js';
import type { ApiHandler } from './handler.js';
import { defineHandler } from './handler.js';

/** The keys of resources listed more than once (`type:name`). */
export function repeatedResources(resources: readonly { resourceType: number; resourceName: string }[]): Set<string> {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const r of resources) {
    const key = `${r.resourceType}:${r.resourceName}`;
    if (seen.has(key)) repeated.add(key);
    seen.add(key);
  }
  return repeated;
}

/** Kafka's preprocessing checks common to both alter APIs. */
export function checkConfigNames(configs: readonly { name: string }[]): void {
  const names = new Set<string>();
  for (const c of configs) {
    if (names.has(c.name)) throw new ResourceError(ErrorCode.INVALID_REQUEST, 'Error due to duplicate config keys');
    names.add(c.name);
  }
}

export function checkNullValues(names: readonly string[]): void {
  if (names.length > 0) {
    throw new ResourceError(ErrorCode.INVALID_REQUEST, `Null value not supported for : ${names.join(', ')}`);
  }
}

/** A BROKER resource: "" or this node's id, as Kafka checks; then Gregor's refusal. */
export function refuseBrokerResource(broker: Broker, name: string): never {
  if (name !== '') {
    const id = brokerIdOf(name, 'Node id');
    if (id !== broker.nodeId) {
      throw new ResourceError(
        ErrorCode.INVALID_REQUEST,
        `Unexpected broker id, expected ${broker.nodeId}, but received ${name}`,
      );
    }
  }
  throw new ResourceError(
    ErrorCode.INVALID_REQUEST,
    'Gregor does not change broker configs at run time yet: set them in the configuration file and restart the broker.',
  );
}

/** `e` as a resource's error: a failure that is not Kafka's answer to the input is logged, UNKNOWN_SERVER_ERROR. */
export function asResourceError(broker: Broker, e: unknown, resourceType: number, resourceName: string): ResourceError {
  if (e instanceof ResourceError) return e;
  broker.logger.error({ err: e, resourceType, resourceName }, 'altering configs failed');
  return new ResourceError(
    ErrorCode.UNKNOWN_SERVER_ERROR,
    `Altering the configs failed: ${e instanceof Error ? e.message : String(e)}`,
  );
}

/** Throws UNKNOWN_TOPIC_OR_PARTITION unless `topic` exists. */
export function checkTopicExists(broker: Broker, topic: string): void {
  if (!broker.metadata.topicsByName.has(topic)) {
    throw new ResourceError(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, `The topic '${topic}' does not exist.`);
  }
}

/**
 * Makes `next` the topic's complete set of overrides: validated, stored as the
 * changes from the current set (one atomic metadata batch), applied to open logs.
 */
export async function replaceTopicConfigs(
  broker: Broker,
  topic: string,
  next: Readonly<Record<string, string>>,
  validateOnly: boolean,
): Promise<void> {
  const errors = validateTopicConfigs(next, brokerConfigOf(broker));
  const first = errors[0];
  if (first !== undefined) throw new ResourceError(first.code, first.message);
  const current = broker.metadata.topicConfigs(topic);
  const changes = new Map<string, string | null>();
  for (const [name, value] of Object.entries(next)) if (current.get(name) !== value) changes.set(name, value);
  for (const name of current.keys()) if (!Object.hasOwn(next, name)) changes.set(name, null);
  if (changes.size === 0) return;
  await broker.controllerApi.alterConfigs(ConfigResourceType.TOPIC, topic, changes, validateOnly);
  if (!validateOnly) reconfigureTopic(broker, topic);
}

function resultOf(resourceType: number, resourceName: string, errorCode: number, errorMessage: string | null) {
  const r = new AlterConfigsResourceResponse();
  r.resourceType = resourceType;
  r.resourceName = resourceName;
  r.errorCode = errorCode;
  r.errorMessage = errorMessage;
  return r;
}

export const alterConfigsHandler: ApiHandler = defineHandler<AlterConfigsRequest, AlterConfigsResponse>({
  apiKey: ApiKey.AlterConfigs,
  minVersion: 0,
  maxVersion: 2,
  async handle(ctx, request) {
    const { broker } = ctx;
    const response = new AlterConfigsResponse();
    const repeated = repeatedResources(request.resources);
    for (const resource of request.resources) {
      const { resourceType, resourceName } = resource;
      try {
        if (repeated.has(`${resourceType}:${resourceName}`)) {
          throw new ResourceError(ErrorCode.INVALID_REQUEST, 'Each resource must appear at most once.');
        }
        checkConfigNames(resource.configs);
        checkNullValues(resource.configs.filter((c) => c.value === null).map((c) => c.name));
        switch (resourceType) {
          case ConfigResourceTypeId.TOPIC: {
            checkTopicExists(broker, resourceName);
            const next: Record<string, string> = {};
            for (const c of resource.configs) next[c.name] = c.value as string;
            await replaceTopicConfigs(broker, resourceName, next, request.validateOnly);
            break;
          }
          case ConfigResourceTypeId.BROKER:
            refuseBrokerResource(broker, resourceName);
            break;
          case ConfigResourceTypeId.CLIENT_METRICS:
          case ConfigResourceTypeId.GROUP:
            throw new ResourceError(
              ErrorCode.INVALID_REQUEST,
              `Gregor does not support ${resourceTypeName(resourceType)} configs yet`,
            );
          default:
            throw new ResourceError(ErrorCode.INVALID_REQUEST, `Unknown resource type ${resourceType}`);
        }
        response.responses.push(resultOf(resourceType, resourceName, ErrorCode.NONE, null));
      } catch (e) {
        const error = asResourceError(broker, e, resourceType, resourceName);
        response.responses.push(resultOf(resourceType, resourceName, error.errorCode, error.message));
      }
    }
    return response;
  },
  errorResponse(_ctx, request, errorCode) {
    const response = new AlterConfigsResponse();
    for (const r of request.resources)
      response.responses.push(resultOf(r.resourceType, r.resourceName, errorCode, null));
    return response;
  },
});
