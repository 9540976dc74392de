/**
 * Request and response framing (sans-I/O): a frame is an int32 size, then a header,
 * then the body. The header version depends on the API and its version: request header
 * v2 and response header v1 in flexible versions (KIP-482), v1/v0 before; two
 * exceptions Kafka keeps for compatibility: ControlledShutdown v0 uses request header
 * v0 (no client id), and ApiVersions responses always use response header v0 so a
 * client can read the answer before it knows which versions the broker speaks (KIP-511).
 */
import type { ApiSpec } from './generated/api-table.js';
import { API_TABLE, ApiKey } from './generated/api-table.js';
import { RequestHeader } from './generated/messages/request-header.js';
import { ResponseHeader } from './generated/messages/response-header.js';
import { Reader } from './reader.js';
import { Writer } from './writer.js';

export function requestHeaderVersion(api: ApiSpec, version: number): number {
  if (api.flexibleFrom >= 0 && version >= api.flexibleFrom) return 2;
  if (api.apiKey === ApiKey.ControlledShutdown && version === 0) return 0;
  return 1;
}

export function responseHeaderVersion(api: ApiSpec, version: number): number {
  if (api.apiKey === ApiKey.ApiVersions) return 0;
  return api.flexibleFrom >= 0 && version >= api.flexibleFrom ? 1 : 0;
}

/** A decoded request, or why it could not be decoded. */
export type DecodedRequest =
  | { ok: true; api: ApiSpec; version: number; header: RequestHeader; body: object }
  | {
      ok: false;
      /** UNSUPPORTED_VERSION when the API is known but not the version; INVALID_REQUEST otherwise. */
      reason: 'UNKNOWN_API' | 'UNSUPPORTED_VERSION' | 'INVALID_REQUEST';
      apiKey: number;
      apiVersion: number;
      /** -1 when the frame was too short to hold one. */
      correlationId: number;
      message: string;
    };

/**
 * Decodes one request frame body (the bytes after the int32 size). Never throws on bad
 * input. `maxLength` bounds any single string, bytes or array length inside.
 */
export function decodeRequest(frame: Buffer, maxLength?: number): DecodedRequest {
  if (frame.length < 8) {
    const apiKey = frame.length >= 2 ? frame.readInt16BE(0) : -1;
    const apiVersion = frame.length >= 4 ? frame.readInt16BE(2) : -1;
    return {
      ok: false,
      reason: 'INVALID_REQUEST',
      apiKey,
      apiVersion,
      correlationId: -1,
      message: `request of ${frame.length} bytes is too short for a header`,
    };
  }
  const apiKey = frame.readInt16BE(0);
  const apiVersion = frame.readInt16BE(2);
  const correlationId = frame.readInt32BE(4);
  const api = apiKey >= 0 ? API_TABLE[apiKey] : undefined;
  if (api === undefined) {
    return {
      ok: false,
      reason: 'UNKNOWN_API',
      apiKey,
      apiVersion,
      correlationId,
      message: `unknown API key ${apiKey}`,
    };
  }
  if (apiVersion < api.lowestVersion || apiVersion > api.highestVersion) {
    return {
      ok: false,
      reason: 'UNSUPPORTED_VERSION',
      apiKey,
      apiVersion,
      correlationId,
      message: `${api.name} v${apiVersion} is not supported (${api.lowestVersion}-${api.highestVersion})`,
    };
  }
  const r = new Reader(frame, 0, frame.length, maxLength);
  const header = RequestHeader.read(r, requestHeaderVersion(api, apiVersion));
  const body = r.error === null ? api.request.read(r, apiVersion) : null;
  if (body === null || !r.complete()) {
    return {
      ok: false,
      reason: 'INVALID_REQUEST',
      apiKey,
      apiVersion,
      correlationId,
      message: `${api.name} v${apiVersion}: ${r.error}`,
    };
  }
  return { ok: true, api, version: apiVersion, header, body };
}

/** Encodes a whole request frame, size prefix included (for clients and tests). */
export function encodeRequest(api: ApiSpec, version: number, header: RequestHeader, body: object): Buffer {
  const hv = requestHeaderVersion(api, version);
  const size = RequestHeader.size(hv, header) + api.request.size(version, body);
  const w = Writer.alloc(4 + size);
  w.int32(size);
  RequestHeader.write(w, hv, header);
  api.request.write(w, version, body);
  return w.finish();
}

/**
 * Encodes a request frame whose record blobs are not copied (a client's Produce): the
 * result is the request's own bytes with the record buffers between them, for a gather
 * write. `recordBytes` is the total length of the non-null record blobs in `body`.
 */
export function encodeRequestSpliced(
  api: ApiSpec,
  version: number,
  header: RequestHeader,
  body: object,
  recordBytes: number,
): Buffer[] {
  const hv = requestHeaderVersion(api, version);
  const size = RequestHeader.size(hv, header) + api.request.size(version, body);
  const w = Writer.splicing(4 + size - recordBytes);
  w.int32(size);
  RequestHeader.write(w, hv, header);
  api.request.write(w, version, body);
  return w.finishChunks();
}

/** Encodes a whole response frame, size prefix included. */
export function encodeResponse(api: ApiSpec, version: number, correlationId: number, body: object): Buffer {
  const hv = responseHeaderVersion(api, version);
  const header = new ResponseHeader();
  header.correlationId = correlationId;
  const size = ResponseHeader.size(hv, header) + api.response.size(version, body);
  const w = Writer.alloc(4 + size);
  w.int32(size);
  ResponseHeader.write(w, hv, header);
  api.response.write(w, version, body);
  return w.finish();
}

/**
 * Encodes a response frame whose record blobs are not copied: the result is a list of
 * chunks (the response's own bytes with the record buffers between them) for a gather
 * write. `recordBytes` is the total length of the non-null record blobs in `body`.
 */
export function encodeResponseSpliced(
  api: ApiSpec,
  version: number,
  correlationId: number,
  body: object,
  recordBytes: number,
): Buffer[] {
  const hv = responseHeaderVersion(api, version);
  const header = new ResponseHeader();
  header.correlationId = correlationId;
  const size = ResponseHeader.size(hv, header) + api.response.size(version, body);
  const w = Writer.splicing(4 + size - recordBytes);
  w.int32(size);
  ResponseHeader.write(w, hv, header);
  api.response.write(w, version, body);
  return w.finishChunks();
}

/** Decodes a response frame body (after the size) for `api` at `version`. */
export function decodeResponse(
  api: ApiSpec,
  version: number,
  frame: Buffer,
  maxLength?: number,
): { header: ResponseHeader; body: object } | { error: string } {
  const r = new Reader(frame, 0, frame.length, maxLength);
  const header = ResponseHeader.read(r, responseHeaderVersion(api, version));
  const body = api.response.read(r, version);
  if (!r.complete()) return { error: `${api.name} v${version} response: ${r.error}` };
  return { header, body };
}
