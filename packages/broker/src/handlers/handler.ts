/**
 * What every API handler is: its apiKey, the versions Gregor serves, and `handle`.
 * One file per API (handlers/<api>.ts); `registry.ts` lists them, and the list drives
 * both dispatch and the ApiVersions answer.
 */
import type { RequestHeader } from '@gregor/protocol';
import type { Broker } from '../broker.js';
import type { Connection } from '../server/connection.js';

export interface RequestContext {
  readonly broker: Broker;
  readonly header: RequestHeader;
  /** The request's API version. */
  readonly version: number;
  readonly connection: Connection;
}

export interface ApiHandler<Req extends object = object, Res extends object = object> {
  readonly apiKey: number;
  /** Lowest version Gregor serves. */
  readonly minVersion: number;
  /** Highest version Gregor serves. */
  readonly maxVersion: number;
  /**
   * The minimum advertised in ApiVersions when it must differ from `minVersion`
   * (Produce: KAFKA-18659, older librdkafka disables compression unless v0 is listed).
   */
  readonly advertisedMinVersion?: number;
  /** The response, or null when the protocol sends none (Produce with acks=0). */
  handle(ctx: RequestContext, request: Req): Promise<Res | null> | Res | null;
  /**
   * Total bytes of record blobs in `response`, for responses written with the record
   * bytes spliced in rather than copied (Fetch).
   */
  recordBytes?(response: Res): number;
  /**
   * Called once the response's bytes have been written to the socket (or dropped), for
   * responses that lend buffers which are reused afterwards (Fetch's pooled reads).
   */
  afterWrite?(response: Res): void;
  /** A response carrying `errorCode` for every part of `request` (UNSUPPORTED_VERSION, ...). */
  errorResponse(ctx: RequestContext, request: Req, errorCode: number): Res;
}

/** Erases the request/response types for the registry. */
export function defineHandler<Req extends object, Res extends object>(handler: ApiHandler<Req, Res>): ApiHandler {
  return handler as unknown as ApiHandler;
}
