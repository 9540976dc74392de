/**
 * One TCP connection to one broker.
 *
 * Requests are pipelined: each is written as soon as it is sent and matched to its
 * response by correlation id, so several may be in flight (the broker answers them in
 * order). On connect the broker's API versions are fetched (ApiVersions, KIP-511; a
 * broker that does not know v3 answers in v0 with its ranges), and every request goes
 * out at the highest version both sides speak, optionally capped by the caller.
 *
 * Responses are framed by a FrameReader fed by the socket's reads (`onread`): a large
 * response is read straight into a buffer of its exact size, without stream chunks.
 *
 * A request that gets no answer within its timeout fails with RequestTimeoutError and,
 * as in Kafka's Java client, the connection is closed: every other request in flight on
 * it fails with a retriable ConnectionError.
 */
import { connect, type Socket } from 'node:net';
import type { ApiSpec } from '@gregor/protocol';
import {
  API_TABLE,
  ApiKey,
  ApiVersionsRequest,
  type ApiVersionsResponse,
  decodeResponse,
  encodeRequest,
  encodeRequestSpliced,
  RequestHeader,
} from '@gregor/protocol';
import { AbortError, ConnectionError, KafkaError, RequestTimeoutError, UnsupportedVersionError } from '../errors.js';
import { FrameReader } from './frame-reader.js';

/** The client's name and version sent in ApiVersions (KIP-511). */
export const CLIENT_SOFTWARE_NAME = 'gregor-client';
export const CLIENT_SOFTWARE_VERSION = '0.1.0';

/** Largest response frame accepted; larger means a broken stream or a hostile peer. */
export const RESPONSE_BYTES_MAX = 512 * 1024 * 1024;

export interface ConnectionOptions {
  host: string;
  port: number;
  clientId: string;
  /** Time allowed for the TCP connection and the ApiVersions exchange. */
  connectionTimeoutMs: number;
  /** Default time allowed for one request's response. */
  requestTimeoutMs: number;
  signal?: AbortSignal | undefined;
}

export interface RequestOptions {
  /** The highest version the caller can use (defaults to the highest stable version). */
  maxVersion?: number;
  /** The lowest version the caller can use. */
  minVersion?: number;
  /** Overrides the connection's request timeout (for example a long-polling Fetch). */
  timeoutMs?: number;
  signal?: AbortSignal | undefined;
  /**
   * Total bytes of the record blobs in the body (Produce): they are then written to the
   * socket as they are, after the request's own bytes, instead of copied into one frame.
   */
  recordBytes?: number;
}

interface Pending {
  readonly api: ApiSpec;
  readonly version: number;
  readonly resolve: (body: object) => void;
  readonly reject: (error: Error) => void;
  timer: NodeJS.Timeout | null;
  signal: AbortSignal | undefined;
  onAbort: (() => void) | null;
}

/** A supported version range for one API. */
export interface VersionRange {
  readonly min: number;
  readonly max: number;
}

/** The highest version of `api` this client will send: Kafka's unstable latest is skipped. */
function clientMaxVersion(api: ApiSpec): number {
  return api.latestVersionUnstable ? api.highestVersion - 1 : api.highestVersion;
}

/** Responses decoded from a pooled frame (see takeResponseFrame). */
const pooledFrames = new WeakMap<object, Buffer>();

/**
 * The frame-pool buffer a response was decoded from (its byte fields are views of it), or
 * undefined. The caller then owns it: it gives it back to `sharedFramePool` once nothing
 * refers to the response's bytes any more. Not taken, it is collected with the response.
 */
export function takeResponseFrame(response: object): Buffer | undefined {
  const pooled = pooledFrames.get(response);
  if (pooled !== undefined) pooledFrames.delete(response);
  return pooled;
}

export class Connection {
  readonly host: string;
  readonly port: number;
  private readonly clientId: string;
  private readonly requestTimeoutMs: number;
  private readonly socket: Socket;
  private readonly inFlight = new Map<number, Pending>();
  private nextCorrelationId = 1;
  private versions: ReadonlyMap<number, VersionRange> = new Map();
  private closedError: Error | null = null;
  private closeListeners: Array<(error: Error) => void> = [];
  /** Called once nothing is in flight (or the connection failed): close() waits on them. */
  private drainWaiters: Array<() => void> = [];

  private readonly reader: FrameReader;

  private constructor(socket: Socket, reader: FrameReader, options: ConnectionOptions) {
    this.socket = socket;
    this.reader = reader;
    this.host = options.host;
    this.port = options.port;
    this.clientId = options.clientId;
    this.requestTimeoutMs = options.requestTimeoutMs;
    socket.setNoDelay(true);
    socket.on('error', (error) =>
      this.fail(new ConnectionError(`connection to ${this.address} failed: ${error.message}`, error)),
    );
    socket.on('close', () => this.fail(new ConnectionError(`connection to ${this.address} closed`)));
  }

  /** Opens a connection and learns the broker's API versions. */
  static async connect(options: ConnectionOptions): Promise<Connection> {
    // Frames go to the connection once it exists; nothing arrives before its first request.
    let connection: Connection | null = null;
    const reader = new FrameReader(
      {
        onFrame: (frame, pooled) => connection?.deliver(frame, pooled),
        onFramingError: (message) => connection?.destroy(new ConnectionError(`${connection.address} sent ${message}`)),
      },
      RESPONSE_BYTES_MAX,
    );
    const socket = await openSocket(options, reader);
    connection = new Connection(socket, reader, options);
    try {
      await connection.negotiateVersions(options.signal, options.connectionTimeoutMs);
    } catch (error) {
      connection.destroy();
      throw error;
    }
    return connection;
  }

  get address(): string {
    return this.host.includes(':') ? `[${this.host}]:${this.port}` : `${this.host}:${this.port}`;
  }

  /** False once the connection failed or was closed; a closed connection is never reused. */
  get usable(): boolean {
    return this.closedError === null;
  }

  /** Requests waiting for a response. */
  get inFlightCount(): number {
    return this.inFlight.size;
  }

  /** Registers a callback for when the connection closes, for whatever reason. */
  onClose(listener: (error: Error) => void): void {
    if (this.closedError !== null) listener(this.closedError);
    else this.closeListeners.push(listener);
  }

  /** The broker's supported range for `apiKey`, or undefined if it does not serve it. */
  brokerVersions(apiKey: number): VersionRange | undefined {
    return this.versions.get(apiKey);
  }

  /**
   * The version a request for `apiKey` will be sent at: the highest both sides speak
   * within [minVersion, maxVersion]. Throws UnsupportedVersionError if there is none.
   */
  version(apiKey: number, maxVersion?: number, minVersion?: number): number {
    const api = API_TABLE[apiKey];
    if (api === undefined) throw new UnsupportedVersionError(`unknown API key ${apiKey}`);
    const broker = this.versions.get(apiKey);
    if (broker === undefined) throw new UnsupportedVersionError(`${this.address} does not serve ${api.name}`);
    const hi = Math.min(clientMaxVersion(api), broker.max, maxVersion ?? Number.MAX_SAFE_INTEGER);
    const lo = Math.max(api.lowestVersion, broker.min, minVersion ?? 0);
    if (hi < lo) {
      throw new UnsupportedVersionError(
        `${this.address} serves ${api.name} v${broker.min}-${broker.max}; this request needs v${lo}-${Math.min(clientMaxVersion(api), maxVersion ?? Number.MAX_SAFE_INTEGER)}`,
      );
    }
    return hi;
  }

  /**
   * Sends a request and resolves with the decoded response body. The body object is
   * written at the version chosen by {@link version}; fields the version lacks must be
   * left at their defaults.
   */
  request<Res extends object>(apiKey: number, body: object, options: RequestOptions = {}): Promise<Res> {
    let version: number;
    try {
      version = this.version(apiKey, options.maxVersion, options.minVersion);
    } catch (error) {
      return Promise.reject(error);
    }
    return this.requestAt<Res>(apiKey, version, body, options);
  }

  /** Sends a request at an exact version (the caller already chose it with {@link version}). */
  requestAt<Res extends object>(
    apiKey: number,
    version: number,
    body: object,
    options: RequestOptions = {},
  ): Promise<Res> {
    const api = API_TABLE[apiKey];
    if (api === undefined) return Promise.reject(new UnsupportedVersionError(`unknown API key ${apiKey}`));
    if (this.closedError !== null) return Promise.reject(this.closedError);
    const signal = options.signal;
    if (signal?.aborted === true) return Promise.reject(new AbortError(signal.reason));
    const correlationId = this.nextCorrelationId;
    this.nextCorrelationId = correlationId === 0x7fffffff ? 1 : correlationId + 1;
    const header = new RequestHeader();
    header.requestApiKey = apiKey;
    header.requestApiVersion = version;
    header.correlationId = correlationId;
    header.clientId = this.clientId;
    const frame = this.encode(api, version, header, body, options.recordBytes ?? 0);
    return new Promise<Res>((resolve, reject) => {
      const pending: Pending = {
        api,
        version,
        resolve: resolve as (body: object) => void,
        reject,
        timer: null,
        signal,
        onAbort: null,
      };
      const timeoutMs = options.timeoutMs ?? this.requestTimeoutMs;
      pending.timer = setTimeout(() => {
        this.settle(correlationId);
        reject(new RequestTimeoutError(`${api.name} to ${this.address} got no response in ${timeoutMs} ms`));
        this.destroy(new ConnectionError(`connection to ${this.address} closed after a request timed out`));
      }, timeoutMs);
      if (signal !== undefined) {
        pending.onAbort = () => {
          // The response may still arrive; it is read and dropped.
          this.settle(correlationId);
          this.inFlight.set(correlationId, DROPPED(api, version));
          reject(new AbortError(signal.reason));
        };
        signal.addEventListener('abort', pending.onAbort, { once: true });
      }
      this.inFlight.set(correlationId, pending);
      this.write(frame);
    });
  }

  private encode(
    api: ApiSpec,
    version: number,
    header: RequestHeader,
    body: object,
    recordBytes: number,
  ): Buffer | Buffer[] {
    return recordBytes > 0
      ? encodeRequestSpliced(api, version, header, body, recordBytes)
      : encodeRequest(api, version, header, body);
  }

  /** Writes a frame, or a spliced frame's chunks as one gather write. */
  private write(frame: Buffer | Buffer[], callback?: (error?: Error | null) => void): void {
    if (!Array.isArray(frame)) {
      this.socket.write(frame, callback);
      return;
    }
    this.socket.cork();
    for (let i = 0; i < frame.length; i++) {
      this.socket.write(frame[i] as Buffer, i === frame.length - 1 ? callback : undefined);
    }
    this.socket.uncork();
  }

  /**
   * Sends a request the broker will not answer (Produce with acks=0). Resolves once the
   * bytes are handed to the socket.
   */
  send(apiKey: number, version: number, body: object, recordBytes = 0): Promise<void> {
    const api = API_TABLE[apiKey];
    if (api === undefined) return Promise.reject(new UnsupportedVersionError(`unknown API key ${apiKey}`));
    if (this.closedError !== null) return Promise.reject(this.closedError);
    const header = new RequestHeader();
    header.requestApiKey = apiKey;
    header.requestApiVersion = version;
    header.correlationId = this.nextCorrelationId;
    this.nextCorrelationId = header.correlationId === 0x7fffffff ? 1 : header.correlationId + 1;
    header.clientId = this.clientId;
    const frame = this.encode(api, version, header, body, recordBytes);
    return new Promise((resolve, reject) => {
      this.write(frame, (error) => (error ? reject(new ConnectionError(error.message, error)) : resolve()));
    });
  }

  /**
   * Closes the connection once the requests in flight are answered (or after
   * `timeoutMs`, when whatever is still pending fails).
   */
  async close(timeoutMs = 5_000): Promise<void> {
    if (this.closedError !== null) return;
    if (this.inFlight.size > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, timeoutMs);
        this.drainWaiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    const closed = new Promise<void>((resolve) => this.onClose(() => resolve()));
    this.socket.end();
    const timer = setTimeout(() => this.socket.destroy(), 1_000);
    await closed;
    clearTimeout(timer);
  }

  /** Closes at once; requests in flight fail with `error`. */
  destroy(error: Error = new ConnectionError(`connection to ${this.address} closed by the client`)): void {
    this.fail(error);
    this.socket.destroy();
  }

  /** ApiVersions, within the connection setup timeout (it is part of connecting). */
  private async negotiateVersions(signal: AbortSignal | undefined, timeoutMs: number): Promise<void> {
    // Until the broker's ranges are known, ApiVersions goes out at v3 and falls back to
    // v0 when the broker answers UNSUPPORTED_VERSION (it then answers in v0 format).
    const apiVersions = ApiKey.ApiVersions;
    this.versions = new Map([[apiVersions, { min: 0, max: 3 }]]);
    const request = new ApiVersionsRequest();
    request.clientSoftwareName = CLIENT_SOFTWARE_NAME;
    request.clientSoftwareVersion = CLIENT_SOFTWARE_VERSION;
    let response: ApiVersionsResponse;
    try {
      response = await this.requestAt<ApiVersionsResponse>(apiVersions, 3, request, { signal, timeoutMs });
    } catch (error) {
      if (!(error instanceof KafkaError) || error.code !== 35 || !this.usable) throw error;
      response = await this.requestAt<ApiVersionsResponse>(apiVersions, 0, new ApiVersionsRequest(), {
        signal,
        timeoutMs,
      });
    }
    if (response.errorCode !== 0) throw new KafkaError(response.errorCode, `ApiVersions from ${this.address}`);
    const versions = new Map<number, VersionRange>();
    for (const key of response.apiKeys) versions.set(key.apiKey, { min: key.minVersion, max: key.maxVersion });
    this.versions = versions;
  }

  private deliver(frame: Buffer, pooled: Buffer | null = null): void {
    const correlationId = frame.readInt32BE(0);
    const pending = this.settle(correlationId);
    if (pending === undefined) {
      this.destroy(new ConnectionError(`${this.address} answered unknown correlation id ${correlationId}`));
      return;
    }
    const decoded = decodeResponse(pending.api, pending.version, frame);
    if ('error' in decoded) {
      // An ApiVersions answer in v0 format to a newer request (KIP-511) decodes here.
      if (pending.api.apiKey === ApiKey.ApiVersions && pending.version > 0) {
        const v0 = decodeResponse(pending.api, 0, frame);
        if (!('error' in v0) && (v0.body as ApiVersionsResponse).errorCode === 35) {
          pending.reject(new KafkaError(35, 'ApiVersions version not supported by the broker'));
          return;
        }
      }
      pending.reject(new ConnectionError(`${this.address}: ${decoded.error}`));
      this.destroy(new ConnectionError(`connection to ${this.address} closed after an undecodable response`));
      return;
    }
    if (pooled !== null) pooledFrames.set(decoded.body, pooled);
    pending.resolve(decoded.body);
  }

  /** Removes and returns the in-flight entry, clearing its timer and abort listener. */
  private settle(correlationId: number): Pending | undefined {
    const pending = this.inFlight.get(correlationId);
    if (pending === undefined) return undefined;
    this.inFlight.delete(correlationId);
    if (pending.timer !== null) clearTimeout(pending.timer);
    if (pending.onAbort !== null) pending.signal?.removeEventListener('abort', pending.onAbort);
    if (this.inFlight.size === 0) this.wakeDrainWaiters();
    return pending;
  }

  private fail(error: Error): void {
    if (this.closedError !== null) return;
    this.closedError = error;
    this.reader.stop();
    for (const correlationId of [...this.inFlight.keys()]) this.settle(correlationId)?.reject(error);
    const listeners = this.closeListeners;
    this.closeListeners = [];
    for (const listener of listeners) listener(error);
    this.wakeDrainWaiters();
  }

  private wakeDrainWaiters(): void {
    if (this.drainWaiters.length === 0) return;
    const waiters = this.drainWaiters;
    this.drainWaiters = [];
    for (const w of waiters) w();
  }
}

/** A placeholder for an aborted request whose response is still to be read and dropped. */
function DROPPED(api: ApiSpec, version: number): Pending {
  return { api, version, resolve: () => {}, reject: () => {}, timer: null, signal: undefined, onAbort: null };
}

function openSocket(options: ConnectionOptions, reader: FrameReader): Promise<Socket> {
  const { host, port, connectionTimeoutMs, signal } = options;
  const address = host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
  return new Promise((resolve, reject) => {
    if (signal?.aborted === true) {
      reject(new AbortError(signal.reason));
      return;
    }
    const socket = connect({
      host,
      port,
      onread: {
        buffer: () => reader.nextBuffer(),
        callback: (n, buf) => {
          reader.onRead(n, buf);
          return true;
        },
      },
    });
    const cleanup = (): void => {
      clearTimeout(timer);
      socket.off('error', onError);
      socket.off('connect', onConnect);
      signal?.removeEventListener('abort', onAbort);
    };
    const onError = (error: Error): void => {
      cleanup();
      socket.destroy();
      reject(new ConnectionError(`cannot connect to ${address}: ${error.message}`, error));
    };
    const onConnect = (): void => {
      cleanup();
      resolve(socket);
    };
    const onAbort = (): void => {
      cleanup();
      socket.destroy();
      reject(new AbortError(signal?.reason));
    };
    const timer = setTimeout(() => {
      cleanup();
      socket.destroy();
      reject(new ConnectionError(`cannot connect to ${address}: no answer in ${connectionTimeoutMs} ms`));
    }, connectionTimeoutMs);
    socket.once('error', onError);
    socket.once('connect', onConnect);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
