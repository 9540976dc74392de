/**
 * DescribeConfigs (32), versions 0-4 (flexible from v4): the settings of topics, of
 * this broker, and of its loggers.
 *
 * Resources, as Kafka's ConfigHelper:
 * - TOPIC (2): every topic setting with its effective value and source (the topic's
 *   override, a broker synonym, or the default). An illegal name is
 *   INVALID_TOPIC_EXCEPTION, an unknown topic UNKNOWN_TOPIC_OR_PARTITION.
 * - BROKER (4): named by this node's id, every broker setting (read-only unless Kafka
 *   can change it at run time; PASSWORD settings sensitive, their values null); named
 *   "", the cluster-wide dynamic defaults only. Another id, or a name that is not a
 *   number, is INVALID_REQUEST.
 * - BROKER_LOGGER (8): Gregor has one logger, `root`, with its level in log4j's words
 *   (TRACE, DEBUG, INFO, WARN, ERROR, FATAL, OFF), source DYNAMIC_BROKER_LOGGER_CONFIG.
 *   The name must be this node's id (INVALID_REQUEST otherwise, also when empty).
 * - any other type (CLIENT_METRICS, GROUP, unknown): INVALID_REQUEST, "Unsupported
 *   resource type".
 * `configurationKeys` null or empty means every setting; otherwise the ones named
 * (unknown names are left out).
 *
 * Per version: v0 answers isDefault (the value is the default); v1+ configSource
 * instead, and synonyms when includeSynonyms (the values the setting would take from
 * each source, highest precedence first); v3+ configType and, when
 * includeDocumentation, the documentation.
 */
import type { DescribeConfigsRequest } from '@gregor/protocol';
import { ApiKey, DescribeConfigsResponse, ErrorCode } from '@gregor/protocol';
import type { DescribeConfigsResource } from '@gregor/protocol/generated/messages/describe-configs-request';
import {
  DescribeConfigsResourceResult,
  DescribeConfigsResult,
  DescribeConfigsSynonym,
} from '@gregor/protocol/generated/messages/describe-configs-response';
import type { Broker } from '../broker.js';
import type { ConfigEntry } from '../config/index.js';
import { CONFIG_TYPE_ID, ConfigSource } from '../config/index.js';
import { validateTopicName } from '../metadata/controller.js';
import { brokerConfigOf, topicConfigOf } from './config-view.js';
import type { ApiHandler } from './handler.js';
import { defineHandler } from './handler.js';

/** Kafka's ConfigResource.Type ids. */
export const ConfigResourceTypeId = {
  UNKNOWN: 0,
  TOPIC: 2,
  BROKER: 4,
  BROKER_LOGGER: 8,
  CLIENT_METRICS: 16,
  GROUP: 32,
} as const;

const RESOURCE_TYPE_NAMES: Readonly<Record<number, string>> = {
  2: 'TOPIC',
  4: 'BROKER',
  8: 'BROKER_LOGGER',
  16: 'CLIENT_METRICS',
  32: 'GROUP',
};

export function resourceTypeName(type: number): string {
  return RESOURCE_TYPE_NAMES[type] ?? 'UNKNOWN';
}

/** The name of Gregor's one logger (log4j's root logger). */
export const ROOT_LOGGER = 'root';

/** pino level → log4j level, as BROKER_LOGGER resources show it. */
const LOG4J_LEVEL: Readonly<Record<string, string>> = {
  trace: 'TRACE',
  debug: 'DEBUG',
  info: 'INFO',
  warn: 'WARN',
  error: 'ERROR',
  fatal: 'FATAL',
  silent: 'OFF',
};

export function log4jLevelOf(broker: Broker): string {
  return LOG4J_LEVEL[broker.logger.level] ?? broker.logger.level.toUpperCase();
}

/** A failure of one resource, as ApiError gives it. */
export class ResourceError extends Error {
  constructor(
    readonly errorCode: number,
    message: string,
  ) {
    super(message);
  }
}

/** The node id a BROKER or BROKER_LOGGER resource names; throws INVALID_REQUEST when not a number. */
export function brokerIdOf(name: string, what = 'Broker id'): number {
  if (!/^[+-]?\d+$/.test(name) || !Number.isSafeInteger(Number(name))) {
    throw new ResourceError(ErrorCode.INVALID_REQUEST, `${what} must be an integer, but it is: ${name}`);
  }
  return Number(name);
}

interface Options {
  version: number;
  includeSynonyms: boolean;
  includeDocumentation: boolean;
}

function toResult(e: ConfigEntry, o: Options): DescribeConfigsResourceResult {
  const r = new DescribeConfigsResourceResult();
  r.name = e.name;
  r.value = e.isSensitive ? null : e.value;
  r.readOnly = e.readOnly;
  r.isSensitive = e.isSensitive;
  if (o.version === 0) {
    r.isDefault = e.source === 'DEFAULT_CONFIG';
  } else {
    r.configSource = ConfigSource[e.source];
    if (o.includeSynonyms) {
      for (const s of e.synonyms) {
        const syn = new DescribeConfigsSynonym();
        syn.name = s.name;
        syn.value = s.value;
        syn.source = ConfigSource[s.source];
        r.synonyms.push(syn);
      }
    }
  }
  r.configType = CONFIG_TYPE_ID[e.type];
  r.documentation = o.includeDocumentation ? e.documentation : null;
  return r;
}

function describeResource(
  broker: Broker,
  resource: DescribeConfigsResource,
  o: Options,
): ConfigEntry[] | DescribeConfigsResourceResult[] {
  const name = resource.resourceName;
  switch (resource.resourceType) {
    case ConfigResourceTypeId.TOPIC: {
      const check = validateTopicName(name);
      if (check.errorCode !== ErrorCode.NONE) throw new ResourceError(check.errorCode, check.errorMessage ?? '');
      if (!broker.metadata.topicsByName.has(name)) {
        throw new ResourceError(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, `The topic '${name}' does not exist.`);
      }
      return topicConfigOf(broker, name).entries();
    }
    case ConfigResourceTypeId.BROKER: {
      const config = brokerConfigOf(broker);
      if (name === '') {
        // The cluster-wide dynamic defaults, and only those (Kafka's currentDynamicDefaultConfigs).
        const set = broker.metadata.brokerConfigs('');
        return config
          .entries()
          .filter((e) => set.has(e.name))
          .map((e) => ({
            ...e,
            value: e.isSensitive ? null : (set.get(e.name) ?? null),
            synonyms: e.synonyms.filter((s) => s.source === 'DYNAMIC_DEFAULT_BROKER_CONFIG'),
            source: 'DYNAMIC_DEFAULT_BROKER_CONFIG' as const,
          }));
      }
      if (brokerIdOf(name) !== broker.nodeId) {
        throw new ResourceError(
          ErrorCode.INVALID_REQUEST,
          `Unexpected broker id, expected ${broker.nodeId} or empty string, but received ${name}`,
        );
      }
      return config.entries();
    }
    case ConfigResourceTypeId.BROKER_LOGGER: {
      if (name === '') throw new ResourceError(ErrorCode.INVALID_REQUEST, 'Broker id must not be empty');
      if (brokerIdOf(name) !== broker.nodeId) {
        throw new ResourceError(
          ErrorCode.INVALID_REQUEST,
          `Unexpected broker id, expected ${broker.nodeId} but received ${name}`,
        );
      }
      // Kafka leaves configType UNKNOWN and documentation null for loggers.
      const r = new DescribeConfigsResourceResult();
      r.name = ROOT_LOGGER;
      r.value = log4jLevelOf(broker);
      r.readOnly = false;
      r.isSensitive = false;
      if (o.version >= 1) r.configSource = ConfigSource.DYNAMIC_BROKER_LOGGER_CONFIG;
      r.documentation = null;
      return [r];
    }
    default:
      throw new ResourceError(
        ErrorCode.INVALID_REQUEST,
        `Unsupported resource type: ${resourceTypeName(resource.resourceType)} (${resource.resourceType})`,
      );
  }
}

function resultOf(
  resource: DescribeConfigsResource,
  errorCode: number,
  errorMessage: string | null,
): DescribeConfigsResult {
  const r = new DescribeConfigsResult();
  r.resourceType = resource.resourceType;
  r.resourceName = resource.resourceName;
  r.errorCode = errorCode;
  r.errorMessage = errorMessage;
  return r;
}

export const describeConfigsHandler: ApiHandler = defineHandler<DescribeConfigsRequest, DescribeConfigsResponse>({
  apiKey: ApiKey.DescribeConfigs,
  minVersion: 0,
  maxVersion: 4,
  handle(ctx, request) {
    const { broker, version } = ctx;
    const o: Options = {
      version,
      includeSynonyms: version >= 1 && request.includeSynonyms,
      includeDocumentation: version >= 3 && request.includeDocumentation,
    };
    const response = new DescribeConfigsResponse();
    for (const resource of request.resources) {
      try {
        const described = describeResource(broker, resource, o);
        const keys = resource.configurationKeys;
        const wanted = keys === null || keys.length === 0 ? null : new Set(keys);
        const result = resultOf(resource, ErrorCode.NONE, null);
        for (const e of described) {
          if (wanted !== null && !wanted.has(e.name)) continue;
          result.configs.push(e instanceof DescribeConfigsResourceResult ? e : toResult(e, o));
        }
        response.results.push(result);
      } catch (e) {
        if (!(e instanceof ResourceError)) throw e;
        response.results.push(resultOf(resource, e.errorCode, e.message));
      }
    }
    return response;
  },
  errorResponse(_ctx, request, errorCode) {
    const response = new DescribeConfigsResponse();
    for (const resource of request.resources) response.results.push(resultOf(resource, errorCode, null));
    return response;
  },
});
