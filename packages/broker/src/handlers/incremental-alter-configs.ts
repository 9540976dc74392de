/**
 * IncrementalAlterConfigs (44), versions 0-1 (flexible from v1; KIP-339): changes
 * config overrides one by one: SET (0), DELETE (1, back to the default), APPEND (2)
 * and SUBTRACT (3) for LIST settings.
 *
 * Per resource, in Kafka's order (ConfigAdminManager, then the controller): a resource
 * listed twice is INVALID_REQUEST for each listing; a config named twice in one
 * resource INVALID_REQUEST ("Error due to duplicate config keys"); a null value for
 * anything but DELETE INVALID_REQUEST; an unknown operation INVALID_REQUEST. Then:
 * - TOPIC: an unknown topic is UNKNOWN_TOPIC_OR_PARTITION; APPEND or SUBTRACT on a
 *   setting that is not a LIST is INVALID_CONFIG ("Can't APPEND to key x because its
 *   type is not LIST."), and start from the override or else the default; the result
 *   is validated as a whole (INVALID_CONFIG naming the config), stored in one metadata
 *   batch and applied to the topic's open logs.
 * - BROKER_LOGGER (KIP-412): named by this node's id; the one logger `root` can be SET
 *   to FATAL, ERROR, WARN, INFO, DEBUG or TRACE (INVALID_CONFIG otherwise, and for an
 *   unknown logger); DELETE of root, APPEND and SUBTRACT are INVALID_REQUEST. Levels
 *   are not persisted, as in Kafka. Child loggers created before keep their level
 *   (pino copies it at creation).
 * - BROKER: the name must be "" or this node's id (INVALID_REQUEST otherwise); Gregor
 *   does not change broker settings at run time yet, so a valid one is INVALID_REQUEST
 *   too, saying so.
 * - CLIENT_METRICS, GROUP: INVALID_REQUEST, not supported; other types INVALID_REQUEST
 *   "Unknown resource type N".
 * validateOnly checks everything and changes nothing.
 */
import type { IncrementalAlterConfigsRequest } from '@gregor/protocol';
import { ApiKey, ErrorCode, IncrementalAlterConfigsResponse } from '@gregor/protocol';
import type { AlterConfigsResource } from '@gregor/protocol/generated/messages/incremental-alter-configs-request';
import { AlterConfigsResourceResponse } from '@gregor/protocol/generated/messages/incremental-alter-configs-response';
import type { Broker } from '../broker.js';
import { AlterConfigOp, incrementalAlterTopicConfigs } from '../config/index.js';
import {
  asResourceError,
  checkConfigNames,
  checkNullValues,
  checkTopicExists,
  refuseBrokerResource,
  repeatedResources,
  replaceTopicConfigs,
} from './alter-configs.js';
import { brokerConfigOf } from './config-view.js';
import { brokerIdOf, ConfigResourceTypeId, ResourceError, ROOT_LOGGER, resourceTypeName } from './describe-configs.js';
import type { ApiHandler } from './handler.js';
import { defineHandler } from './handler.js';

/** Kafka's LogLevelConfig.VALID_LOG_LEVELS, and the pino level each maps to. */
const LOG4J_TO_PINO: Readonly<Record<string, string>> = {
  FATAL: 'fatal',
  ERROR: 'error',
  WARN: 'warn',
  INFO: 'info',
  DEBUG: 'debug',
  TRACE: 'trace',
};
const OP_NAMES = ['SET', 'DELETE', 'APPEND', 'SUBTRACT'];

function alterLoggers(broker: Broker, resource: AlterConfigsResource, validateOnly: boolean): void {
  const id = brokerIdOf(resource.resourceName, 'Node id');
  if (id !== broker.nodeId) {
    throw new ResourceError(
      ErrorCode.INVALID_REQUEST,
      `Unexpected node id. Expected ${broker.nodeId}, but received ${resource.resourceName}`,
    );
  }
  let level: string | null = null;
  for (const c of resource.configs) {
    switch (c.configOperation) {
      case AlterConfigOp.SET: {
        if (c.name !== ROOT_LOGGER)
          throw new ResourceError(ErrorCode.INVALID_CONFIG, `Logger ${c.name} does not exist!`);
        const pinoLevel = c.value === null ? undefined : LOG4J_TO_PINO[c.value];
        if (pinoLevel === undefined) {
          throw new ResourceError(
            ErrorCode.INVALID_CONFIG,
            `Cannot set the log level of ${c.name} to ${c.value} as it is not a supported log level. Valid log4j levels are ${Object.keys(LOG4J_TO_PINO).join(', ')}`,
          );
        }
        level = pinoLevel;
        break;
      }
      case AlterConfigOp.DELETE:
        if (c.name !== ROOT_LOGGER)
          throw new ResourceError(ErrorCode.INVALID_CONFIG, `Logger ${c.name} does not exist!`);
        throw new ResourceError(
          ErrorCode.INVALID_REQUEST,
          `Removing the log level of the ${ROOT_LOGGER} logger is not allowed`,
        );
      case AlterConfigOp.APPEND:
      case AlterConfigOp.SUBTRACT:
        throw new ResourceError(
          ErrorCode.INVALID_REQUEST,
          `${OP_NAMES[c.configOperation]} operation is not allowed for the BROKER_LOGGER resource`,
        );
      default:
        throw new ResourceError(
          ErrorCode.INVALID_REQUEST,
          `Unknown operation type ${c.configOperation} is not allowed for the BROKER_LOGGER resource`,
        );
    }
  }
  if (!validateOnly && level !== null) {
    broker.logger.info({ level }, 'log level changed by IncrementalAlterConfigs');
    broker.logger.level = level;
  }
}

async function alterTopic(broker: Broker, resource: AlterConfigsResource, validateOnly: boolean): Promise<void> {
  const topic = resource.resourceName;
  checkTopicExists(broker, topic);
  const current = Object.fromEntries(broker.metadata.topicConfigs(topic));
  const altered = incrementalAlterTopicConfigs(current, resource.configs, brokerConfigOf(broker));
  if (!altered.ok) throw new ResourceError(altered.code, altered.message);
  await replaceTopicConfigs(broker, topic, altered.configs, validateOnly);
}

function resultOf(resourceType: number, resourceName: string, errorCode: number, errorMessage: string | null) {
  const r = new AlterConfigsResourceResponse();
  r.resourceType = resourceType;
  r.resourceName = resourceName;
  r.errorCode = errorCode;
  r.errorMessage = errorMessage;
  return r;
}

export const incrementalAlterConfigsHandler: ApiHandler = defineHandler<
  IncrementalAlterConfigsRequest,
  IncrementalAlterConfigsResponse
>({
  apiKey: ApiKey.IncrementalAlterConfigs,
  minVersion: 0,
  maxVersion: 1,
  async handle(ctx, request) {
    const { broker } = ctx;
    const response = new IncrementalAlterConfigsResponse();
    const repeated = repeatedResources(request.resources);
    for (const resource of request.resources) {
      const { resourceType, resourceName } = resource;
      try {
        if (repeated.has(`${resourceType}:${resourceName}`)) {
          throw new ResourceError(ErrorCode.INVALID_REQUEST, 'Each resource must appear at most once.');
        }
        checkConfigNames(resource.configs);
        checkNullValues(
          resource.configs
            .filter((c) => c.configOperation !== AlterConfigOp.DELETE && c.value === null)
            .map((c) => c.name),
        );
        switch (resourceType) {
          case ConfigResourceTypeId.TOPIC:
            await alterTopic(broker, resource, request.validateOnly);
            break;
          case ConfigResourceTypeId.BROKER_LOGGER:
            alterLoggers(broker, resource, request.validateOnly);
            break;
          case ConfigResourceTypeId.BROKER: {
            const bad = resource.configs.find((c) => c.configOperation < 0 || c.configOperation > 3);
            if (bad !== undefined) {
              throw new ResourceError(ErrorCode.INVALID_REQUEST, `Unknown operations type ${bad.configOperation}`);
            }
            refuseBrokerResource(broker, resourceName);
            break;
          }
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
    const response = new IncrementalAlterConfigsResponse();
    for (const r of request.resources)
      response.responses.push(resultOf(r.resourceType, r.resourceName, errorCode, null));
    return response;
  },
});
