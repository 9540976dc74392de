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
import type { Connection, HandlerResult } from '../server/connection.js';
import { supportedApiVersions } from './api-versions.js';
import type { RequestContext } from './handler.js';
import { handlerFor } from './registry.js';

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
    const ctx: RequestContext = { broker, header, version, connection };
    if (version < handler.minVersion || version > handler.maxVersion) {
      return encodeResponse(
        api,
        version,
        header.correlationId,
        handler.errorResponse(ctx, body, ErrorCode.UNSUPPORTED_VERSION),
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
