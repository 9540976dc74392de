/**
 * Config administration: DescribeConfigs, IncrementalAlterConfigs (KIP-339) and the
 * legacy AlterConfigs. A broker's configs (and its loggers) are asked of that broker,
 * as Kafka's admin does: only it knows its static and per-broker settings. Topic
 * configs and the cluster-wide broker default (name '') go to any broker.
 */
import {
  AlterConfigsRequest,
  type AlterConfigsResponse,
  ApiKey,
  DescribeConfigsRequest,
  type DescribeConfigsResponse,
  IncrementalAlterConfigsRequest,
  type IncrementalAlterConfigsResponse,
} from '@gregor/protocol';
import {
  AlterableConfig as LegacyConfig,
  AlterConfigsResource as LegacyResource,
} from '@gregor/protocol/generated/messages/alter-configs-request';
import { DescribeConfigsResource } from '@gregor/protocol/generated/messages/describe-configs-request';
import {
  AlterableConfig,
  AlterConfigsResource,
} from '@gregor/protocol/generated/messages/incremental-alter-configs-request';
import { ConfigError } from '../errors.js';
import type { Connection } from '../network/connection.js';
import { type Call, checkObjects, failed, finalIfUnknown, type ItemOutcome, itemError, keyItem, ok } from './call.js';
import { ANY_BROKER, addTo, ensureBrokers, fanOut, unknownBroker } from './routing.js';
import {
  CONFIG_OP_CODES,
  CONFIG_RESOURCE_TYPE_CODES,
  CONFIG_SOURCES,
  CONFIG_TYPES,
  type ConfigChanges,
  type ConfigDescription,
  type ConfigEntry,
  type ConfigReplacement,
  type ConfigResource,
  type ConfigResourceType,
  type ConfigSource,
} from './types.js';

const DEFAULT_CONFIG_SOURCE = 5;

function resourceKey(type: ConfigResourceType | number, name: string): string {
  const code = typeof type === 'number' ? type : CONFIG_RESOURCE_TYPE_CODES[type];
  // Name first, so that keyItem() finds the resource name in it (for errors).
  return `${name}\u0000type${code}`;
}

function sourceName(code: number): ConfigSource {
  return CONFIG_SOURCES[code] ?? 'UNKNOWN';
}

/** Checks the resources and gives each its key, in input order. */
function resourceKeys(what: string, resources: ReadonlyArray<{ type: ConfigResourceType; name: string }>): string[] {
  checkObjects(what, resources);
  const keys: string[] = [];
  for (const r of resources) {
    if (!Object.hasOwn(CONFIG_RESOURCE_TYPE_CODES, r.type)) {
      throw new ConfigError(`${what}: resource type must be 'topic', 'broker' or 'broker-logger', got '${r.type}'`);
    }
    if (typeof r.name !== 'string') throw new ConfigError(`${what}: resource names must be strings`);
    const key = resourceKey(r.type, r.name);
    if (keys.includes(key)) throw new ConfigError(`${what}: ${r.type} '${r.name}' is given twice`);
    keys.push(key);
  }
  return keys;
}

/** The broker a resource's request goes to. */
function destination(type: ConfigResourceType, name: string): number {
  if (type === 'topic' || name === '') return ANY_BROKER;
  const id = Number(name);
  if (!Number.isSafeInteger(id) || id < 0)
    throw new ConfigError(`a ${type} resource is named by its node id, got '${name}'`);
  return id;
}

/** Sends a request per destination broker; returns the merged answers. */
async function perBroker<R>(
  call: Call,
  pending: readonly string[],
  destinations: ReadonlyMap<string, number>,
  send: (connection: Connection, keys: readonly string[]) => Promise<ReadonlyMap<string, ItemOutcome<R>>>,
): Promise<Map<string, ItemOutcome<R>>> {
  const groups = new Map<number, string[]>();
  for (const key of pending) addTo(groups, destinations.get(key) as number, key);
  const unknown = new Map<string, ItemOutcome<R>>();
  if ([...groups.keys()].some((id) => id !== ANY_BROKER)) {
    await ensureBrokers(call);
    for (const [id, keys] of groups) {
      if (id === ANY_BROKER || call.cluster.broker(id) !== undefined) continue;
      groups.delete(id);
      for (const key of keys) unknown.set(key, failed(unknownBroker(id, keyItem(key).topic)));
    }
  }
  const answers = await fanOut(groups, async (nodeId, keys) => {
    const connection =
      nodeId === ANY_BROKER
        ? await call.cluster.anyConnection(call.signal)
        : await call.cluster.connection(nodeId, 'default', call.signal);
    return send(connection, keys);
  });
  for (const [key, outcome] of unknown) answers.set(key, outcome);
  return answers;
}

export async function describeConfigs(
  call: Call,
  resources: readonly ConfigResource[],
  includeSynonyms: boolean,
  includeDocumentation: boolean,
): Promise<ConfigDescription[]> {
  const keys = resourceKeys('describeConfigs', resources);
  const byKey = new Map(resources.map((r, i) => [keys[i] as string, r]));
  const destinations = new Map(resources.map((r, i) => [keys[i] as string, destination(r.type, r.name)]));
  const outcomes = await call.batch<ConfigDescription>(keys, (pending) =>
    perBroker(call, pending, destinations, async (connection, group) => {
      const version = connection.version(ApiKey.DescribeConfigs);
      const request = new DescribeConfigsRequest();
      request.resources = group.map((key) => {
        const r = byKey.get(key) as ConfigResource;
        const d = new DescribeConfigsResource();
        d.resourceType = CONFIG_RESOURCE_TYPE_CODES[r.type];
        d.resourceName = r.name;
        d.configurationKeys = r.configNames === undefined ? null : [...r.configNames];
        return d;
      });
      if (version >= 1) request.includeSynonyms = includeSynonyms;
      if (version >= 3) request.includeDocumentation = includeDocumentation;
      const response = await connection.requestAt<DescribeConfigsResponse>(
        ApiKey.DescribeConfigs,
        version,
        request,
        call.requestOptions(),
      );
      const answers = new Map<string, ItemOutcome<ConfigDescription>>();
      for (const result of response.results) {
        const key = resourceKey(result.resourceType, result.resourceName);
        const resource = byKey.get(key);
        if (resource === undefined) continue;
        if (result.errorCode !== 0) {
          answers.set(
            key,
            failed(
              itemError(
                result.errorCode,
                result.errorMessage,
                result.resourceName,
                undefined,
                finalIfUnknown(result.errorCode),
              ),
            ),
          );
          continue;
        }
        const entries: ConfigEntry[] = result.configs.map((c) => {
          const source = version >= 1 ? sourceName(c.configSource) : c.isDefault ? 'DEFAULT_CONFIG' : 'UNKNOWN';
          return {
            name: c.name,
            value: c.value,
            source,
            isReadOnly: c.readOnly,
            isDefault: version >= 1 ? c.configSource === DEFAULT_CONFIG_SOURCE : c.isDefault,
            isSensitive: c.isSensitive,
            synonyms: c.synonyms.map((s) => ({ name: s.name, value: s.value, source: sourceName(s.source) })),
            type: CONFIG_TYPES[c.configType] ?? 'UNKNOWN',
            documentation: version >= 3 && includeDocumentation ? c.documentation : null,
          };
        });
        answers.set(key, ok({ type: resource.type, name: resource.name, entries }));
      }
      return answers;
    }),
  );
  return call.settle(keys, outcomes);
}

export async function incrementalAlterConfigs(
  call: Call,
  changes: readonly ConfigChanges[],
  validateOnly: boolean,
): Promise<void> {
  const keys = resourceKeys('incrementalAlterConfigs', changes);
  const byKey = new Map(changes.map((c, i) => [keys[i] as string, c]));
  const destinations = new Map(changes.map((c, i) => [keys[i] as string, destination(c.type, c.name)]));
  for (const change of changes) {
    for (const op of change.ops) {
      if (!Object.hasOwn(CONFIG_OP_CODES, op.op)) {
        throw new ConfigError(`incrementalAlterConfigs: op must be set, delete, append or subtract, got '${op.op}'`);
      }
      if (op.op !== 'delete' && typeof op.value !== 'string') {
        throw new ConfigError(`incrementalAlterConfigs: '${op.name}' (${op.op}) needs a value`);
      }
    }
  }
  const outcomes = await call.batch<void>(keys, (pending) =>
    perBroker(call, pending, destinations, async (connection, group) => {
      const version = connection.version(ApiKey.IncrementalAlterConfigs);
      const request = new IncrementalAlterConfigsRequest();
      request.validateOnly = validateOnly;
      request.resources = group.map((key) => {
        const c = byKey.get(key) as ConfigChanges;
        const r = new AlterConfigsResource();
        r.resourceType = CONFIG_RESOURCE_TYPE_CODES[c.type];
        r.resourceName = c.name;
        r.configs = c.ops.map((op) => {
          const a = new AlterableConfig();
          a.name = op.name;
          a.configOperation = CONFIG_OP_CODES[op.op];
          a.value = op.value ?? null;
          return a;
        });
        return r;
      });
      const response = await connection.requestAt<IncrementalAlterConfigsResponse>(
        ApiKey.IncrementalAlterConfigs,
        version,
        request,
        call.requestOptions(),
      );
      return alterAnswers(response.responses);
    }),
  );
  call.settle(keys, outcomes);
}

export async function alterConfigs(
  call: Call,
  replacements: readonly ConfigReplacement[],
  validateOnly: boolean,
): Promise<void> {
  const keys = resourceKeys('alterConfigs', replacements);
  const byKey = new Map(replacements.map((c, i) => [keys[i] as string, c]));
  const destinations = new Map(replacements.map((c, i) => [keys[i] as string, destination(c.type, c.name)]));
  const outcomes = await call.batch<void>(keys, (pending) =>
    perBroker(call, pending, destinations, async (connection, group) => {
      const version = connection.version(ApiKey.AlterConfigs);
      const request = new AlterConfigsRequest();
      request.validateOnly = validateOnly;
      request.resources = group.map((key) => {
        const c = byKey.get(key) as ConfigReplacement;
        const r = new LegacyResource();
        r.resourceType = CONFIG_RESOURCE_TYPE_CODES[c.type];
        r.resourceName = c.name;
        r.configs = Object.entries(c.configs).map(([name, value]) => {
          const a = new LegacyConfig();
          a.name = name;
          a.value = value;
          return a;
        });
        return r;
      });
      const response = await connection.requestAt<AlterConfigsResponse>(
        ApiKey.AlterConfigs,
        version,
        request,
        call.requestOptions(),
      );
      return alterAnswers(response.responses);
    }),
  );
  call.settle(keys, outcomes);
}

/** Each resource's outcome in an (Incremental)AlterConfigs response. */
function alterAnswers(
  responses: readonly { resourceType: number; resourceName: string; errorCode: number; errorMessage: string | null }[],
): Map<string, ItemOutcome<void>> {
  const answers = new Map<string, ItemOutcome<void>>();
  for (const r of responses) {
    answers.set(
      resourceKey(r.resourceType, r.resourceName),
      r.errorCode === 0
        ? ok(undefined)
        : failed(itemError(r.errorCode, r.errorMessage, r.resourceName, undefined, finalIfUnknown(r.errorCode))),
    );
  }
  return answers;
}
