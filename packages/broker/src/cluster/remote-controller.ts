/**
 * The controller as a broker that is not the active controller reaches it: the same
 * operations the local `Controller` offers the request handlers and coordinators, sent
 * as Kafka requests to the active controller's controller listener (Kafka's brokers
 * forward admin requests to the controller the same way). The active controller's own
 * handlers answer them, so validation and results are the same wherever a client asked.
 *
 * When no controller is known, or it moved away, the operation fails with
 * NOT_CONTROLLER, which clients retry.
 */
import type { Uuid } from '@gregor/protocol';
import {
  AllocateProducerIdsRequest,
  type AllocateProducerIdsResponse,
  ApiKey,
  CreatePartitionsRequest,
  type CreatePartitionsResponse,
  CreateTopicsRequest,
  type CreateTopicsResponse,
  DeleteTopicsRequest,
  type DeleteTopicsResponse,
  ErrorCode,
  IncrementalAlterConfigsRequest,
  type IncrementalAlterConfigsResponse,
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
import {
  AlterableConfig,
  AlterConfigsResource,
} from '@gregor/protocol/generated/messages/incremental-alter-configs-request';
import type { CreatedTopic, NewTopic, OperationError } from '../metadata/controller.js';
import type { NodeChannels } from './node-channel.js';
import { NodeChannelError } from './node-channel.js';

/** What the handlers and coordinators ask of the controller, wherever it runs. */
export interface ControllerApi {
  createTopics(topics: readonly NewTopic[], validateOnly: boolean): Promise<CreatedTopic[]>;
  deleteTopics(
    targets: readonly { name: string | null; topicId: Uuid | null }[],
  ): Promise<(OperationError & { name: string | null; topicId: Uuid | null })[]>;
  createPartitions(
    requests: readonly { name: string; count: number; assignments: readonly (readonly number[])[] | null }[],
    validateOnly: boolean,
  ): Promise<(OperationError & { name: string })[]>;
  alterConfigs(
    resourceType: number,
    resourceName: string,
    changes: ReadonlyMap<string, string | null>,
    validateOnly: boolean,
  ): Promise<void>;
  allocateProducerIds(nodeId: number, brokerEpoch: number): Promise<{ firstProducerId: number; size: number }>;
}

/** An operation the active controller refused, with its Kafka error code. */
export class ControllerOperationError extends Error {
  override readonly name = 'ControllerOperationError';
  constructor(
    readonly errorCode: number,
    message: string,
  ) {
    super(message);
  }
}

/** IncrementalAlterConfigs operations. */
const OpType = { SET: 0, DELETE: 1 } as const;

export class RemoteController implements ControllerApi {
  constructor(
    private readonly channels: NodeChannels,
    /** The active controller's node id, or null when none is known. */
    private readonly activeController: () => number | null,
    private readonly timeoutMs: number,
  ) {}

  /** The controller answers an operation it could not finish before the channel gives up. */
  private get operationTimeoutMs(): number {
    return Math.floor(this.timeoutMs / 2);
  }

  private async send<Res extends object>(apiKey: number, version: number, body: object): Promise<Res> {
    const id = this.activeController();
    if (id === null) throw new ControllerOperationError(ErrorCode.NOT_CONTROLLER, 'no active controller is known');
    try {
      return await this.channels.request<Res>(id, apiKey, version, body, this.timeoutMs);
    } catch (e) {
      // No answer in time: the operation may have been applied, so the client must not be
      // told to retry it as if never tried (REQUEST_TIMED_OUT); unreachable: NOT_CONTROLLER.
      const timedOut = e instanceof NodeChannelError && e.message.includes('timed out');
      throw new ControllerOperationError(
        timedOut ? ErrorCode.REQUEST_TIMED_OUT : ErrorCode.NOT_CONTROLLER,
        `the active controller (node ${id}) ${timedOut ? 'did not answer in time' : 'could not be reached'}: ${(e as Error).message}`,
      );
    }
  }

  async createTopics(topics: readonly NewTopic[], validateOnly: boolean): Promise<CreatedTopic[]> {
    const req = new CreateTopicsRequest();
    req.validateOnly = validateOnly;
    req.timeoutMs = this.operationTimeoutMs;
    req.topics = topics.map((t) => {
      const c = new CreatableTopic();
      c.name = t.name;
      c.numPartitions = t.assignments !== null && t.assignments.size > 0 ? -1 : t.numPartitions;
      c.replicationFactor = t.assignments !== null && t.assignments.size > 0 ? -1 : t.replicationFactor;
      c.assignments = [...(t.assignments ?? new Map<number, readonly number[]>())].map(([index, ids]) => {
        const a = new CreatableReplicaAssignment();
        a.partitionIndex = index;
        a.brokerIds = [...ids];
        return a;
      });
      c.configs = [...t.configs].map(([name, value]) => {
        const cfg = new CreatableTopicConfig();
        cfg.name = name;
        cfg.value = value;
        return cfg;
      });
      return c;
    });
    const res = await this.send<CreateTopicsResponse>(ApiKey.CreateTopics, 7, req);
    return topics.map((t) => {
      const r = res.topics.find((x) => x.name === t.name);
      if (r === undefined) {
        return {
          name: t.name,
          topicId: '' as Uuid,
          numPartitions: -1,
          replicationFactor: -1,
          errorCode: ErrorCode.UNKNOWN_SERVER_ERROR,
          errorMessage: 'the controller did not answer for this topic',
        };
      }
      return {
        name: r.name,
        topicId: r.topicId,
        numPartitions: r.numPartitions,
        replicationFactor: r.replicationFactor,
        errorCode: r.errorCode,
        errorMessage: r.errorMessage,
      };
    });
  }

  async deleteTopics(
    targets: readonly { name: string | null; topicId: Uuid | null }[],
  ): Promise<(OperationError & { name: string | null; topicId: Uuid | null })[]> {
    const req = new DeleteTopicsRequest();
    req.timeoutMs = this.operationTimeoutMs;
    req.topics = targets.map((t) => {
      const s = new DeleteTopicState();
      s.name = t.name;
      if (t.topicId !== null) s.topicId = t.topicId;
      return s;
    });
    const res = await this.send<DeleteTopicsResponse>(ApiKey.DeleteTopics, 6, req);
    return targets.map((t, i) => {
      const r =
        res.responses.find((x) => (t.topicId !== null ? x.topicId === t.topicId : x.name === t.name)) ??
        res.responses[i];
      return {
        name: r?.name ?? t.name,
        topicId: r?.topicId ?? t.topicId,
        errorCode: r?.errorCode ?? ErrorCode.UNKNOWN_SERVER_ERROR,
        errorMessage: r?.errorMessage ?? (r === undefined ? 'the controller did not answer for this topic' : null),
      };
    });
  }

  async createPartitions(
    requests: readonly { name: string; count: number; assignments: readonly (readonly number[])[] | null }[],
    validateOnly: boolean,
  ): Promise<(OperationError & { name: string })[]> {
    const req = new CreatePartitionsRequest();
    req.validateOnly = validateOnly;
    req.timeoutMs = this.operationTimeoutMs;
    req.topics = requests.map((r) => {
      const t = new CreatePartitionsTopic();
      t.name = r.name;
      t.count = r.count;
      t.assignments =
        r.assignments === null
          ? null
          : r.assignments.map((ids) => {
              const a = new CreatePartitionsAssignment();
              a.brokerIds = [...ids];
              return a;
            });
      return t;
    });
    const res = await this.send<CreatePartitionsResponse>(ApiKey.CreatePartitions, 3, req);
    return requests.map((r) => {
      const x = res.results.find((y) => y.name === r.name);
      return {
        name: r.name,
        errorCode: x?.errorCode ?? ErrorCode.UNKNOWN_SERVER_ERROR,
        errorMessage: x?.errorMessage ?? (x === undefined ? 'the controller did not answer for this topic' : null),
      };
    });
  }

  async alterConfigs(
    resourceType: number,
    resourceName: string,
    changes: ReadonlyMap<string, string | null>,
    validateOnly: boolean,
  ): Promise<void> {
    const resource = new AlterConfigsResource();
    resource.resourceType = resourceType;
    resource.resourceName = resourceName;
    resource.configs = [...changes].map(([name, value]) => {
      const c = new AlterableConfig();
      c.name = name;
      c.configOperation = value === null ? OpType.DELETE : OpType.SET;
      c.value = value;
      return c;
    });
    const req = new IncrementalAlterConfigsRequest();
    req.validateOnly = validateOnly;
    req.resources = [resource];
    const res = await this.send<IncrementalAlterConfigsResponse>(ApiKey.IncrementalAlterConfigs, 1, req);
    const r = res.responses[0];
    if (r === undefined)
      throw new ControllerOperationError(ErrorCode.UNKNOWN_SERVER_ERROR, 'no answer for the resource');
    if (r.errorCode !== ErrorCode.NONE) {
      throw new ControllerOperationError(r.errorCode, r.errorMessage ?? `error ${r.errorCode} from the controller`);
    }
  }

  async allocateProducerIds(nodeId: number, brokerEpoch: number): Promise<{ firstProducerId: number; size: number }> {
    const req = new AllocateProducerIdsRequest();
    req.brokerId = nodeId;
    req.brokerEpoch = BigInt(brokerEpoch);
    const res = await this.send<AllocateProducerIdsResponse>(ApiKey.AllocateProducerIds, 0, req);
    if (res.errorCode !== ErrorCode.NONE) {
      throw new ControllerOperationError(
        res.errorCode,
        `the controller refused a producer id block (error ${res.errorCode})`,
      );
    }
    return { firstProducerId: Number(res.producerIdStart), size: res.producerIdLen };
  }
}
