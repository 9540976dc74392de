/**
 * FindCoordinator (10), versions 0-6: the broker coordinating a group (key type 0).
 *
 * The coordinator of a group is the leader of its partition of `__consumer_offsets`
 * (`abs(groupId.hashCode) % partitions`). The topic is created on the first request,
 * as Kafka does, but Gregor creates it before answering instead of answering
 * COORDINATOR_NOT_AVAILABLE while it is created, and lets the partition load briefly,
 * so a client's first JoinGroup does not have to retry.
 *
 * v0 has only the group id; v1 adds the key type, errorMessage and throttle time; v4
 * (KIP-699) batches keys in `coordinatorKeys` and answers one `coordinators` entry per
 * key; v6 adds share-group keys (type 2, KIP-932). Key type 1 (transactional ids, KIP-98)
 * is answered with the leader of the id's partition of `__transaction_state`, created
 * first if needed; a key type Gregor does not know (share groups included) gets
 * INVALID_REQUEST. As Kafka, the
 * error message of a success is "NONE".
 */
import type { FindCoordinatorRequest } from '@gregor/protocol';
import { ApiKey, ErrorCode, errorInfo, FindCoordinatorResponse } from '@gregor/protocol';
import { Coordinator } from '@gregor/protocol/generated/messages/find-coordinator-response';
import type { CoordinatorNode } from '../group/coordinator-runtime.js';
import type { ApiHandler, RequestContext } from './handler.js';
import { defineHandler } from './handler.js';

export const CoordinatorType = { GROUP: 0, TRANSACTION: 1, SHARE: 2 } as const;

const NO_NODE = { nodeId: -1, host: '', port: -1 };

/** Kafka's Errors.message(): the name for NONE, the default message otherwise. */
export function errorMessage(errorCode: number): string {
  if (errorCode === ErrorCode.NONE) return 'NONE';
  return errorInfo(errorCode)?.message ?? 'Unknown error';
}

async function find(ctx: RequestContext, key: string, keyType: number): Promise<CoordinatorNode> {
  if (keyType === CoordinatorType.GROUP) {
    return ctx.broker.groups.findGroupCoordinator(key, ctx.connection.listenerName);
  }
  if (keyType === CoordinatorType.TRANSACTION)
    return ctx.broker.txns.findTxnCoordinator(key, ctx.connection.listenerName);
  return { errorCode: ErrorCode.INVALID_REQUEST, ...NO_NODE };
}

function coordinator(key: string, node: CoordinatorNode): Coordinator {
  const c = new Coordinator();
  c.key = key;
  c.nodeId = node.nodeId;
  c.host = node.host;
  c.port = node.port;
  c.errorCode = node.errorCode;
  c.errorMessage = errorMessage(node.errorCode);
  return c;
}

export const findCoordinatorHandler: ApiHandler = defineHandler<FindCoordinatorRequest, FindCoordinatorResponse>({
  apiKey: ApiKey.FindCoordinator,
  minVersion: 0,
  maxVersion: 6,
  async handle(ctx, request) {
    const { version } = ctx;
    const response = new FindCoordinatorResponse();
    const keyType = version >= 1 ? request.keyType : CoordinatorType.GROUP;
    if (version >= 4) {
      const nodes = await Promise.all(request.coordinatorKeys.map((key) => find(ctx, key, keyType)));
      request.coordinatorKeys.forEach((key, i) => {
        response.coordinators.push(coordinator(key, nodes[i] as CoordinatorNode));
      });
      return response;
    }
    const node = await find(ctx, request.key, keyType);
    response.errorCode = node.errorCode;
    response.nodeId = node.nodeId;
    response.host = node.host;
    response.port = node.port;
    if (version >= 1) response.errorMessage = errorMessage(node.errorCode);
    return response;
  },
  errorResponse(ctx, request, errorCode) {
    const response = new FindCoordinatorResponse();
    if (ctx.version >= 4) {
      for (const key of request.coordinatorKeys)
        response.coordinators.push(coordinator(key, { errorCode, ...NO_NODE }));
    } else {
      response.errorCode = errorCode;
      response.nodeId = NO_NODE.nodeId;
      response.port = NO_NODE.port;
      if (ctx.version >= 1) response.errorMessage = errorMessage(errorCode);
    }
    return response;
  },
});
