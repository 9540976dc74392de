/**
 * ApiVersions (18), versions 0-4. The first request of every client: which APIs and
 * versions this broker serves. Always answered with response header v0 (KIP-511), and
 * a request at a version we do not know gets a v0 answer with UNSUPPORTED_VERSION and
 * our ranges so the client can retry with one we do (handled in dispatch.ts).
 * v3+: the client names its software; names that break Kafka's pattern get
 * INVALID_REQUEST, as in Kafka.
 */
import { ApiKey, type ApiVersionsRequest, ApiVersionsResponse, ErrorCode } from '@gregor/protocol';
import { ApiVersion } from '@gregor/protocol/generated/messages/api-versions-response';
import { defineHandler } from './handler.js';
import { handlers } from './registry.js';

const SOFTWARE_PATTERN = /^[a-zA-Z0-9](?:[a-zA-Z0-9\-.]*[a-zA-Z0-9])?$/;

/** The ApiVersions answer: every API Gregor serves with the versions it serves. */
export function supportedApiVersions(): ApiVersionsResponse {
  const response = new ApiVersionsResponse();
  for (const h of handlers()) {
    const v = new ApiVersion();
    v.apiKey = h.apiKey;
    v.minVersion = h.advertisedMinVersion ?? h.minVersion;
    v.maxVersion = h.maxVersion;
    response.apiKeys.push(v);
  }
  return response;
}

export const apiVersionsHandler = defineHandler<ApiVersionsRequest, ApiVersionsResponse>({
  apiKey: ApiKey.ApiVersions,
  minVersion: 0,
  maxVersion: 4,
  handle(ctx, request) {
    const response = supportedApiVersions();
    if (
      ctx.version >= 3 &&
      (!SOFTWARE_PATTERN.test(request.clientSoftwareName) || !SOFTWARE_PATTERN.test(request.clientSoftwareVersion))
    ) {
      response.errorCode = ErrorCode.INVALID_REQUEST;
    }
    return response;
  },
  errorResponse(_ctx, _request, errorCode) {
    const response = supportedApiVersions();
    response.errorCode = errorCode;
    return response;
  },
});
