/**
 * Topic and cluster administration: CreateTopics, DeleteTopics, CreatePartitions (to
 * the active controller; NOT_CONTROLLER refreshes the metadata and retries), topic
 * listing and description (Metadata), DescribeCluster and DescribeLogDirs.
 */
import {
  ApiKey,
  CreatePartitionsRequest,
  type CreatePartitionsResponse,
  CreateTopicsRequest,
  type CreateTopicsResponse,
  DeleteTopicsRequest,
  type DeleteTopicsResponse,
  DescribeClusterRequest,
  type DescribeClusterResponse,
  DescribeLogDirsRequest,
  type DescribeLogDirsResponse,
  ErrorCode,
} from '@gregor/protocol';
import {
  CreatePartitionsAssignment,
  CreatePartitionsTopic,
} from '@gregor/protocol/generated/messages/create-partitions-request';
import {
  CreatableReplicaAssignment,
  CreatableTopic,
  CreatableTopicConfig,
} from '@gregor/protocol/generated/messages/create-topics-request';
import { DeleteTopicState } from '@gregor/protocol/generated/messages/delete-topics-request';
import { ConfigError, KafkaError, UnsupportedVersionError } from '../errors.js';
import { type Call, checkObjects, failed, type ItemOutcome, itemError, ok, toNumber } from './call.js';
import { controllerConnection, ensureBrokers, fanOut, unknownBroker } from './routing.js';
import type {
  ClusterDescription,
  LogDirDescription,
  LogDirPartition,
  NewPartitions,
  NewTopic,
  TopicDescription,
} from './types.js';

/** Throws ConfigError unless every name is a non-empty string given once. */
export function checkNames(what: string, names: readonly string[]): void {
  if (!Array.isArray(names)) throw new ConfigError(`${what}: expected an array`);
  const seen = new Set<string>();
  for (const name of names) {
    if (typeof name !== 'string' || name === '') throw new ConfigError(`${what}: names must be non-empty strings`);
    if (seen.has(name)) throw new ConfigError(`${what}: '${name}' is given twice`);
    seen.add(name);
  }
}

function checkInt32(what: string, value: number): void {
  if (!Number.isInteger(value) || value < -0x80000000 || value > 0x7fffffff) {
    throw new ConfigError(`${what} must be a 32-bit integer, got ${String(value)}`);
  }
}

function creatableTopic(topic: NewTopic, version: number): CreatableTopic {
  const t = new CreatableTopic();
  t.name = topic.name;
  const assignment = topic.replicaAssignment;
  if (assignment !== undefined) {
    if (topic.numPartitions !== undefined || topic.replicationFactor !== undefined) {
      throw new ConfigError(
        `createTopics: '${topic.name}' has a replicaAssignment and numPartitions/replicationFactor`,
      );
    }
    t.numPartitions = -1;
    t.replicationFactor = -1;
    for (const [partition, brokers] of Object.entries(assignment)) {
      const a = new CreatableReplicaAssignment();
      a.partitionIndex = Number(partition);
      checkInt32(`createTopics: '${topic.name}' partition`, a.partitionIndex);
      for (const b of brokers) checkInt32(`createTopics: '${topic.name}' broker id`, b);
      a.brokerIds = [...brokers];
      t.assignments.push(a);
    }
  } else {
    // -1 (the broker's num.partitions / default.replication.factor) exists from v4 (KIP-464).
    const needed = version < 4 && (topic.numPartitions === undefined || topic.replicationFactor === undefined);
    if (needed) {
      throw new UnsupportedVersionError(`CreateTopics v${version} needs numPartitions and replicationFactor`);
    }
    t.numPartitions = topic.numPartitions ?? -1;
    t.replicationFactor = topic.replicationFactor ?? -1;
    checkInt32(`createTopics: '${topic.name}' numPartitions`, t.numPartitions);
    checkInt32(`createTopics: '${topic.name}' replicationFactor`, t.replicationFactor);
  }
  for (const [name, value] of Object.entries(topic.configs ?? {})) {
    const c = new CreatableTopicConfig();
    c.name = name;
    c.value = value;
    t.configs.push(c);
  }
  return t;
}

/** CreateTopics to the controller; each topic's error reported on its own. */
export async function createTopics(call: Call, topics: readonly NewTopic[], validateOnly: boolean): Promise<void> {
  checkObjects('createTopics', topics);
  checkNames(
    'createTopics',
    topics.map((t) => t.name),
  );
  const byName = new Map(topics.map((t) => [t.name, t]));
  const keys = [...byName.keys()];
  const outcomes = await call.batch<void>(
    keys,
    async (pending) => {
      const connection = await controllerConnection(call);
      const version = connection.version(ApiKey.CreateTopics, undefined, validateOnly ? 1 : 0);
      const request = new CreateTopicsRequest();
      request.topics = pending.map((name) => creatableTopic(byName.get(name) as NewTopic, version));
      request.timeoutMs = call.brokerTimeoutMs();
      request.validateOnly = validateOnly;
      const response = await connection.requestAt<CreateTopicsResponse>(
        ApiKey.CreateTopics,
        version,
        request,
        call.requestOptions(),
      );
      const answers = new Map<string, ItemOutcome<void>>();
      for (const r of response.topics) {
        answers.set(r.name, r.errorCode === 0 ? ok(undefined) : failed(itemError(r.errorCode, r.errorMessage, r.name)));
      }
      return answers;
    },
    () => call.cluster.invalidateMetadata(),
  );
  call.settle(keys, outcomes);
}

/** DeleteTopics to the controller (by name; v6 names them in `topics`, older in `topicNames`). */
export async function deleteTopics(call: Call, names: readonly string[]): Promise<void> {
  checkNames('deleteTopics', names);
  const outcomes = await call.batch<void>(
    names,
    async (pending) => {
      const connection = await controllerConnection(call);
      const version = connection.version(ApiKey.DeleteTopics);
      const request = new DeleteTopicsRequest();
      if (version >= 6) {
        request.topics = pending.map((name) => {
          const t = new DeleteTopicState();
          t.name = name;
          return t;
        });
      } else request.topicNames = [...pending];
      request.timeoutMs = call.brokerTimeoutMs();
      const response = await connection.requestAt<DeleteTopicsResponse>(
        ApiKey.DeleteTopics,
        version,
        request,
        call.requestOptions(),
      );
      const answers = new Map<string, ItemOutcome<void>>();
      for (const r of response.responses) {
        const name = r.name ?? '';
        if (r.errorCode === 0) {
          call.cluster.forgetTopic(name);
          answers.set(name, ok(undefined));
        } else {
          // The controller's answer is final: the topic does not exist.
          const final = r.errorCode === ErrorCode.UNKNOWN_TOPIC_OR_PARTITION ? false : undefined;
          answers.set(name, failed(itemError(r.errorCode, r.errorMessage, name, undefined, final)));
        }
      }
      return answers;
    },
    () => call.cluster.invalidateMetadata(),
  );
  call.settle(names, outcomes);
}

/** Names of every topic (Metadata for all topics), sorted. */
export async function listTopics(call: Call, includeInternal: boolean): Promise<string[]> {
  const cluster = call.cluster;
  await call.run(async () => {
    await cluster.anyConnection(call.signal);
    await cluster.refreshMetadata(null, { signal: call.signal });
  });
  const names: string[] = [];
  for (const name of cluster.knownTopics()) {
    if (includeInternal || cluster.topic(name)?.isInternal !== true) names.push(name);
  }
  return names.sort();
}

/** Topics as a fresh Metadata answer describes them. */
export async function describeTopics(call: Call, names: readonly string[]): Promise<TopicDescription[]> {
  checkNames('describeTopics', names);
  const cluster = call.cluster;
  const outcomes = await call.batch<TopicDescription>(names, async (pending) => {
    await cluster.anyConnection(call.signal);
    await cluster.refreshMetadata(pending, { signal: call.signal });
    const answers = new Map<string, ItemOutcome<TopicDescription>>();
    for (const name of pending) {
      const info = cluster.topic(name);
      if (info === undefined) {
        const code = cluster.topicError(name)?.code ?? ErrorCode.UNKNOWN_TOPIC_OR_PARTITION;
        const final = code === ErrorCode.UNKNOWN_TOPIC_OR_PARTITION ? false : undefined;
        answers.set(name, failed(itemError(code, null, name, undefined, final)));
        continue;
      }
      const partitions = [];
      for (const p of info.partitions) {
        if (p === undefined) continue;
        partitions.push({
          partition: p.partition,
          leader: p.leader,
          leaderEpoch: p.leaderEpoch,
          replicas: [...p.replicas],
          isr: [...p.isr],
          offlineReplicas: [...p.offlineReplicas],
        });
      }
      answers.set(name, ok({ name, topicId: info.topicId, isInternal: info.isInternal, partitions }));
    }
    return answers;
  });
  return call.settle(names, outcomes);
}

/** CreatePartitions to the controller. */
export async function createPartitions(
  call: Call,
  topics: readonly NewPartitions[],
  validateOnly: boolean,
): Promise<void> {
  checkObjects('createPartitions', topics);
  checkNames(
    'createPartitions',
    topics.map((t) => t.name),
  );
  const byName = new Map(topics.map((t) => [t.name, t]));
  for (const t of topics) {
    checkInt32(`createPartitions: '${t.name}' count`, t.count);
    for (const a of t.assignments ?? []) for (const b of a) checkInt32(`createPartitions: '${t.name}' broker id`, b);
  }
  const keys = [...byName.keys()];
  const outcomes = await call.batch<void>(
    keys,
    async (pending) => {
      const connection = await controllerConnection(call);
      const version = connection.version(ApiKey.CreatePartitions);
      const request = new CreatePartitionsRequest();
      request.topics = pending.map((name) => {
        const spec = byName.get(name) as NewPartitions;
        const t = new CreatePartitionsTopic();
        t.name = name;
        t.count = spec.count;
        t.assignments =
          spec.assignments === undefined
            ? null
            : spec.assignments.map((brokers) => {
                const a = new CreatePartitionsAssignment();
                a.brokerIds = [...brokers];
                return a;
              });
        return t;
      });
      request.timeoutMs = call.brokerTimeoutMs();
      request.validateOnly = validateOnly;
      const response = await connection.requestAt<CreatePartitionsResponse>(
        ApiKey.CreatePartitions,
        version,
        request,
        call.requestOptions(),
      );
      const answers = new Map<string, ItemOutcome<void>>();
      for (const r of response.results) {
        // The controller's answer is final: the topic does not exist.
        const final = r.errorCode === ErrorCode.UNKNOWN_TOPIC_OR_PARTITION ? false : undefined;
        answers.set(
          r.name,
          r.errorCode === 0 ? ok(undefined) : failed(itemError(r.errorCode, r.errorMessage, r.name, undefined, final)),
        );
      }
      return answers;
    },
    () => call.cluster.invalidateMetadata(),
  );
  call.settle(keys, outcomes);
  if (!validateOnly) call.cluster.invalidateMetadata();
}

/** DescribeCluster (KIP-700), or Metadata from a broker that does not serve it. */
export async function describeCluster(call: Call): Promise<ClusterDescription> {
  const cluster = call.cluster;
  return call.run(async () => {
    const connection = await cluster.anyConnection(call.signal);
    let version: number;
    try {
      version = connection.version(ApiKey.DescribeCluster);
    } catch (error) {
      if (!(error instanceof UnsupportedVersionError)) throw error;
      await cluster.refreshMetadata(cluster.knownTopics(), { signal: call.signal });
      return { clusterId: cluster.clusterId, controllerId: cluster.controllerId, brokers: cluster.brokerList() };
    }
    const response = await connection.requestAt<DescribeClusterResponse>(
      ApiKey.DescribeCluster,
      version,
      new DescribeClusterRequest(),
      call.requestOptions(),
    );
    if (response.errorCode !== 0) throw new KafkaError(response.errorCode, response.errorMessage);
    return {
      clusterId: response.clusterId === '' ? null : response.clusterId,
      controllerId: response.controllerId,
      brokers: response.brokers
        .map((b) => ({ nodeId: b.brokerId, host: b.host, port: b.port, rack: b.rack }))
        .sort((a, b) => a.nodeId - b.nodeId),
    };
  });
}

/** DescribeLogDirs to each broker asked for (every broker by default): every partition of every log dir. */
export async function describeLogDirs(
  call: Call,
  brokerIds: readonly number[] | undefined,
): Promise<LogDirDescription[]> {
  const cluster = call.cluster;
  for (const id of brokerIds ?? []) {
    if (!Number.isInteger(id) || id < 0)
      throw new ConfigError(`describeLogDirs: broker ids must be integers >= 0, got ${id}`);
  }
  await call.run(() => ensureBrokers(call));
  const ids = [...new Set(brokerIds ?? cluster.brokerList().map((b) => b.nodeId))];
  const keys = ids.map(String);
  const outcomes = await call.batch<LogDirDescription[]>(keys, async (pending) => {
    const known = pending.filter((key) => cluster.broker(Number(key)) !== undefined);
    const answers = await fanOut<LogDirDescription[]>(
      new Map(known.map((key) => [Number(key), [key]])),
      async (nodeId, group) => {
        const connection = await cluster.connection(nodeId, 'default', call.signal);
        const version = connection.version(ApiKey.DescribeLogDirs);
        const request = new DescribeLogDirsRequest();
        request.topics = null;
        const response = await connection.requestAt<DescribeLogDirsResponse>(
          ApiKey.DescribeLogDirs,
          version,
          request,
          call.requestOptions(),
        );
        const key = group[0] as string;
        if (response.errorCode !== 0) {
          return new Map<string, ItemOutcome<LogDirDescription[]>>([
            [key, failed(itemError(response.errorCode, null, `broker ${nodeId}`))],
          ]);
        }
        const dirs: LogDirDescription[] = [];
        for (const d of response.results) {
          const partitions: LogDirPartition[] = [];
          for (const t of d.topics) {
            for (const p of t.partitions) {
              partitions.push({
                topic: t.name,
                partition: p.partitionIndex,
                size: toNumber(p.partitionSize),
                offsetLag: toNumber(p.offsetLag),
                isFuture: p.isFutureKey,
              });
            }
          }
          if (d.errorCode !== 0) {
            return new Map([[key, failed(itemError(d.errorCode, `log dir ${d.logDir}`, `broker ${nodeId}`))]]);
          }
          dirs.push({
            brokerId: nodeId,
            path: d.logDir,
            totalBytes: toNumber(d.totalBytes),
            usableBytes: toNumber(d.usableBytes),
            partitions,
          });
        }
        return new Map<string, ItemOutcome<LogDirDescription[]>>([[key, ok(dirs)]]);
      },
    );
    for (const key of pending) {
      if (!answers.has(key)) answers.set(key, failed(unknownBroker(Number(key), `broker ${key}`)));
    }
    return answers;
  });
  return call.settle(keys, outcomes).flat();
}
