/**
 * DescribeCluster (60), versions 0-1: the cluster id, the controller and the live
 * (unfenced) brokers, each with its endpoint on the listener the request came in on
 * (brokers without one are left out, as Kafka does).
 *
 * The controller id is this node, as in Gregor's Metadata answers: a single node is
 * its own controller. clusterAuthorizedOperations is Kafka's set of cluster operations
 * (everything allowed: Gregor has no ACLs yet) when asked for, else -2^31.
 *
 * v1 adds endpointType (1 = brokers, 2 = controllers; KIP-919). A broker serves
 * brokers only: endpointType 2 is MISMATCHED_ENDPOINT_TYPE, any other value
 * UNSUPPORTED_ENDPOINT_TYPE, with Kafka's messages.
 */
import type { DescribeClusterRequest } from '@gregor/protocol';
import { ApiKey, DescribeClusterResponse, ErrorCode } from '@gregor/protocol';
import { DescribeClusterBroker } from '@gregor/protocol/generated/messages/describe-cluster-response';
import type { ApiHandler } from './handler.js';
import { defineHandler } from './handler.js';

/** Kafka's AclOperation codes valid on the cluster resource (AclEntry.supportedOperations). */
const CLUSTER_OPERATION_CODES = {
  CREATE: 5,
  ALTER: 7,
  DESCRIBE: 8,
  CLUSTER_ACTION: 9,
  DESCRIBE_CONFIGS: 10,
  ALTER_CONFIGS: 11,
  IDEMPOTENT_WRITE: 12,
  CREATE_TOKENS: 13,
  DESCRIBE_TOKENS: 14,
} as const;
export const CLUSTER_AUTHORIZED_OPERATIONS = Object.values(CLUSTER_OPERATION_CODES).reduce(
  (bits, op) => bits | (1 << op),
  0,
);
const OPERATIONS_NOT_REQUESTED = -2147483648;

const EndpointType = { BROKER: 1, CONTROLLER: 2 } as const;

export const describeClusterHandler: ApiHandler = defineHandler<DescribeClusterRequest, DescribeClusterResponse>({
  apiKey: ApiKey.DescribeCluster,
  minVersion: 0,
  maxVersion: 1,
  handle(ctx, request) {
    const { broker, version } = ctx;
    const response = new DescribeClusterResponse();
    if (version >= 1 && request.endpointType !== EndpointType.BROKER) {
      if (request.endpointType === EndpointType.CONTROLLER) {
        response.errorCode = ErrorCode.MISMATCHED_ENDPOINT_TYPE;
        response.errorMessage =
          'The request was sent to an endpoint of type BROKER, but we wanted an endpoint of type CONTROLLER';
      } else {
        response.errorCode = ErrorCode.UNSUPPORTED_ENDPOINT_TYPE;
        response.errorMessage = `Unsupported endpoint type ${request.endpointType}`;
      }
      return response;
    }
    response.clusterId = broker.clusterId;
    response.controllerId = broker.nodeId;
    const listener = ctx.connection.listenerName;
    for (const b of [...broker.metadata.brokers.values()].sort((x, y) => x.nodeId - y.nodeId)) {
      if (b.fenced) continue;
      const endpoint = b.endpoints.find((e) => e.name === listener);
      if (endpoint === undefined) continue;
      const d = new DescribeClusterBroker();
      d.brokerId = b.nodeId;
      d.host = endpoint.host;
      d.port = endpoint.port;
      d.rack = b.rack;
      response.brokers.push(d);
    }
    // As in Metadata: an alive broker stands for the controller, this one when it is listed.
    if (!response.brokers.some((b) => b.brokerId === broker.nodeId))
      response.controllerId = response.brokers[0]?.brokerId ?? -1;
    response.clusterAuthorizedOperations = request.includeClusterAuthorizedOperations
      ? CLUSTER_AUTHORIZED_OPERATIONS
      : OPERATIONS_NOT_REQUESTED;
    return response;
  },
  errorResponse(_ctx, _request, errorCode) {
    const response = new DescribeClusterResponse();
    response.errorCode = errorCode;
    return response;
  },
});
