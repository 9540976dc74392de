/**
 * From a request frame to response bytes: decode the header and body with the
 * generated codecs, find the handler, answer.
 *
 * As Kafka: an unknown API key or a body that does not decode closes the connection
 * (the stream cannot be trusted); a version the schema knows but Gregor does not serve
 * gets the handler's error response with UNSUPPORTED_VERSION; an ApiVersions request at
 * a version we cannot even parse gets a v0 answer with UNSUPPORTED_VERSION and our
 * ranges (KIP-511).
 */
import type { ApiSpec } from '@gregor/protocol';
import { API_TABLE, ApiKey, decodeRequest, ErrorCode, encodeResponse, encodeResponseSpliced } from '@gregor/protocol';
import type { Broker } from '../broker.js';
import { CONTROLLER_CHANNEL_CLIENT_PREFIX } from '../cluster/node-channel.js';
import type { Connection, HandlerResult } from '../server/connection.js';
import { supportedApiVersions } from './api-versions.js';
import type { RequestContext } from './handler.js';
import { handlerFor } from './registry.js';

/**
 * The APIs nodes use among themselves: served on controller listeners only, as Kafka's
 * controllers do. On any other listener they are not enabled, and the connection is
 * closed as for an unknown API: a client must not vote, register brokers or read the
 * metadata log.
 */
const CONTROLLER_LISTENER_ONLY: ReadonlySet<number> = new Set([
  ApiKey.Vote,
  ApiKey.BeginQuorumEpoch,
  ApiKey.EndQuorumEpoch,
  ApiKey.FetchSnapshot,
  ApiKey.BrokerRegistration,
  ApiKey.BrokerHeartbeat,
  ApiKey.UnregisterBroker,
  ApiKey.AlterPartition,
  ApiKey.AllocateProducerIds,
]);

/**
 * Requests only the active controller can answer, whatever node a client sends them to:
 * on any other node of a cluster they are passed on to it as they came (Kafka's
 * brokers forward them too). Operations the handlers start themselves (CreateTopics
 * and the like) reach the controller through `Broker.controllerApi` instead.
 */
const FORWARDED_TO_CONTROLLER: ReadonlySet<number> = new Set([
  ApiKey.ElectLeaders,
  ApiKey.AlterPartitionReassignments,
  ApiKey.ListPartitionReassignments,
  ApiKey.DescribeQuorum,
]);

/**
 * What a controller serves (Kafka's ControllerApis): the node-to-node APIs above, the
 * metadata log's Fetch, and the operations brokers pass on to it. On a controller
 * listener these are answered from the start, while the node is still catching up; any
 * other API needs the broker's partitions and coordinators, so it waits, as on client
 * listeners, until the node serves clients (and on a controller-only node, never).
 */
const CONTROLLER_APIS: ReadonlySet<number> = new Set([
  ...CONTROLLER_LISTENER_ONLY,
  ...FORWARDED_TO_CONTROLLER,
  ApiKey.ApiVersions,
  ApiKey.Fetch,
  ApiKey.CreateTopics,
  ApiKey.DeleteTopics,
  ApiKey.CreatePartitions,
  ApiKey.IncrementalAlterConfigs,
]);

/**
 * The active controller's answer to a request that only it can give, or null when this
 * node answers itself. A request that was itself forwarded is never passed on again
 * (two nodes with different views of the leader must not bounce it between them).
 */
async function forwardToController(
  broker: Broker,
  apiKey: number,
  version: number,
  clientId: string | null,
  body: object,
): Promise<object | 'unreachable' | null> {
  if (!FORWARDED_TO_CONTROLLER.has(apiKey) || !broker.clustered) return null;
  if (broker.metadataLog.isActiveController) return null;
  if (clientId?.startsWith(CONTROLLER_CHANNEL_CLIENT_PREFIX)) return null;
  try {
    return await broker.requestToController(apiKey, version, body);
  } catch {
    return 'unreachable';
  }
}

export function createDispatcher(broker: Broker): (frame: Buffer, connection: Connection) => Promise<HandlerResult> {
  const maxLength = broker.limits.maxRequestBytes;
  return async (frame, connection) => {
    const decoded = decodeRequest(frame, maxLength);
    if (!decoded.ok) {
      if (decoded.apiKey === ApiKey.ApiVersions && decoded.reason === 'UNSUPPORTED_VERSION') {
        const response = supportedApiVersions();
        response.errorCode = ErrorCode.UNSUPPORTED_VERSION;
        return encodeResponse(API_TABLE[ApiKey.ApiVersions] as ApiSpec, 0, decoded.correlationId, response);
      }
      broker.logger.warn(
        { connection: connection.id, apiKey: decoded.apiKey, apiVersion: decoded.apiVersion, reason: decoded.reason },
        `closing connection: ${decoded.message}`,
      );
      return 'close';
    }
    const { api, version, header, body } = decoded;
    const handler = handlerFor(api.apiKey);
    if (handler === undefined) {
      broker.logger.warn(
        { connection: connection.id, api: api.name, apiVersion: version },
        'closing connection: API not served by Gregor',
      );
      return 'close';
    }
    const onControllerListener = broker.settings.controllerListenerNames.includes(connection.listenerName);
    if (CONTROLLER_LISTENER_ONLY.has(api.apiKey) && !onControllerListener) {
      broker.logger.warn(
        { connection: connection.id, api: api.name, listener: connection.listenerName },
        'closing connection: API served on controller listeners only',
      );
      return 'close';
    }
    const brokerServing = broker.servingClients && broker.settings.roles.broker;
    if (!brokerServing && !(onControllerListener && CONTROLLER_APIS.has(api.apiKey))) {
      // Not ready (catching up, opening partitions, not yet unfenced): an answer now would
      // show clients metadata and logs this node has not caught up with. On a client
      // listener the request waits until the node is ready, as a Kafka broker's bound but
      // not yet accepting listener holds connections (clients time out, never see an
      // error); on a controller listener, and on a controller-only node, which has no
      // partitions or coordinators at all, the connection is closed.
      const waits = broker.settings.roles.broker && !onControllerListener;
      if (
        !waits ||
        !(await broker.untilServingClients().then(
          () => true,
          () => false,
        ))
      ) {
        broker.logger.debug(
          { connection: connection.id, api: api.name, listener: connection.listenerName },
          'closing connection: this node does not serve clients',
        );
        return 'close';
      }
    }
    const ctx: RequestContext = { broker, header, version, connection };
    if (version < handler.minVersion || version > handler.maxVersion) {
      return encodeResponse(
        api,
        version,
        header.correlationId,
        handler.errorResponse(ctx, body, ErrorCode.UNSUPPORTED_VERSION),
      );
    }
    const forwarded = await forwardToController(broker, api.apiKey, version, header.clientId, body);
    if (forwarded !== null) {
      return encodeResponse(
        api,
        version,
        header.correlationId,
        forwarded === 'unreachable' ? handler.errorResponse(ctx, body, ErrorCode.NOT_CONTROLLER) : forwarded,
      );
    }
    const response = await handler.handle(ctx, body);
    if (response === null) return null;
    if (handler.recordBytes !== undefined) {
      const chunks = encodeResponseSpliced(api, version, header.correlationId, response, handler.recordBytes(response));
      const afterWrite = handler.afterWrite;
      return afterWrite === undefined ? chunks : { chunks, onWritten: () => afterWrite(response) };
    }
    return encodeResponse(api, version, header.correlationId, response);
  };
}
