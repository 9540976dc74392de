/**
 * Node-to-node requests: the Raft RPCs between controllers, brokers' registration and
 * heartbeats to the active controller, AlterPartition, forwarded admin requests and the
 * replica fetchers all go through a `NodeChannel`, one TCP connection to one peer.
 *
 * Requests are pipelined and matched by correlation id. A request that gets no answer
 * within its timeout closes the connection, as Kafka's NetworkClient does: the stream
 * is no longer known to be in step, and every other request on it fails with it. The
 * next request reconnects. Every peer runs Gregor, so requests are sent at the version
 * the caller names (the versions this build serves) without an ApiVersions round trip.
 */
import { connect, type Socket } from 'node:net';
import type { ApiSpec } from '@gregor/protocol';
import { API_TABLE, decodeResponse, encodeRequest, RequestHeader } from '@gregor/protocol';

/** Requests in flight on one connection at most. */
const MAX_IN_FLIGHT = 1000;

/** Responses larger than this are refused (the connection is closed): a peer gone wrong. */
const MAX_RESPONSE_BYTES = 256 * 1024 * 1024;

/** The client id prefix of requests one node sends another for the active controller. */
export const CONTROLLER_CHANNEL_CLIENT_PREFIX = 'gregor-controller-channel-';

export class NodeChannelError extends Error {
  override readonly name = 'NodeChannelError';
}

interface Pending {
  api: ApiSpec;
  version: number;
  resolve(body: object): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

export interface PeerAddress {
  host: string;
  port: number;
}

export class NodeChannel {
  private socket: Socket | null = null;
  private connecting: Promise<Socket> | null = null;
  private nextCorrelationId = 1;
  private readonly pending = new Map<number, Pending>();
  private chunks: Buffer[] = [];
  private buffered = 0;
  private closed = false;

  constructor(
    readonly address: PeerAddress,
    private readonly clientId: string,
    private readonly connectTimeoutMs: number,
    /** Requests in flight at most; more are refused at once (a peer that stopped reading). */
    private readonly maxInFlight = MAX_IN_FLIGHT,
  ) {}

  /** Sends `body` as `apiKey` at `version`; resolves with the decoded response body. */
  async request<Res extends object>(
    apiKey: number,
    version: number,
    body: object,
    timeoutMs: number,
    signal?: AbortSignal,
  ): Promise<Res> {
    signal?.throwIfAborted();
    if (this.pending.size >= this.maxInFlight) {
      throw new NodeChannelError(
        `${this.pending.size} requests to ${this.address.host}:${this.address.port} are already in flight`,
      );
    }
    const api = API_TABLE[apiKey];
    if (api === undefined) throw new NodeChannelError(`unknown api key ${apiKey}`);
    const socket = await this.connected();
    const header = new RequestHeader();
    header.requestApiKey = apiKey;
    header.requestApiVersion = version;
    header.correlationId = this.nextCorrelationId;
    this.nextCorrelationId = (this.nextCorrelationId + 1) & 0x7fffffff;
    header.clientId = this.clientId;
    const frame = encodeRequest(api, version, header, body);
    const correlationId = header.correlationId;
    return new Promise<Res>((resolve, reject) => {
      if (this.socket !== socket) {
        reject(new NodeChannelError(`connection to ${this.address.host}:${this.address.port} closed`));
        return;
      }
      const timer = setTimeout(() => {
        const error = new NodeChannelError(
          `${api.name} to ${this.address.host}:${this.address.port} timed out after ${timeoutMs} ms`,
        );
        if (this.pending.delete(correlationId)) reject(error);
        this.fail(socket, error);
      }, timeoutMs);
      const entry: Pending = {
        api,
        version,
        resolve: resolve as (body: object) => void,
        reject,
        timer,
      };
      if (signal?.aborted === true) {
        clearTimeout(timer);
        reject(signal.reason instanceof Error ? signal.reason : new NodeChannelError('request aborted'));
        return;
      }
      this.pending.set(correlationId, entry);
      if (signal !== undefined) {
        // An abandoned request stays matched to its correlation id, so the answer that
        // still comes is read and dropped rather than taken for a stray response.
        const onAbort = () => {
          // The timer keeps running: a peer that never answers is still found out by it.
          entry.resolve = () => {};
          entry.reject = () => {};
          reject(signal.reason instanceof Error ? signal.reason : new NodeChannelError('request aborted'));
        };
        signal.addEventListener('abort', onAbort, { once: true });
        const settle = entry.resolve;
        const fail = entry.reject;
        entry.resolve = (b) => {
          signal.removeEventListener('abort', onAbort);
          settle(b);
        };
        entry.reject = (e) => {
          signal.removeEventListener('abort', onAbort);
          fail(e);
        };
      }
      socket.write(frame);
    });
  }

  private connected(): Promise<Socket> {
    if (this.closed) return Promise.reject(new NodeChannelError('channel closed'));
    if (this.socket !== null) return Promise.resolve(this.socket);
    this.connecting ??= new Promise<Socket>((resolve, reject) => {
      const socket = connect({ host: this.address.host, port: this.address.port });
      socket.setNoDelay(true);
      const timer = setTimeout(() => {
        socket.destroy();
        reject(
          new NodeChannelError(
            `connecting to ${this.address.host}:${this.address.port} timed out after ${this.connectTimeoutMs} ms`,
          ),
        );
      }, this.connectTimeoutMs);
      socket.once('error', (e) => {
        clearTimeout(timer);
        reject(new NodeChannelError(`cannot connect to ${this.address.host}:${this.address.port}: ${e.message}`));
      });
      socket.once('connect', () => {
        clearTimeout(timer);
        socket.removeAllListeners('error');
        if (this.closed) {
          socket.destroy();
          reject(new NodeChannelError('channel closed'));
          return;
        }
        socket.on('data', (chunk: Buffer) => this.onData(socket, chunk));
        socket.on('error', (e) => this.fail(socket, new NodeChannelError(`connection to peer failed: ${e.message}`)));
        socket.on('close', () => this.fail(socket, new NodeChannelError('connection to peer closed')));
        this.socket = socket;
        resolve(socket);
      });
    }).finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private onData(socket: Socket, chunk: Buffer): void {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    while (this.buffered >= 4) {
      if (this.chunks.length > 1) this.chunks = [Buffer.concat(this.chunks, this.buffered)];
      const data = this.chunks[0] as Buffer;
      const size = data.readInt32BE(0);
      if (size < 4 || size > MAX_RESPONSE_BYTES) {
        this.fail(socket, new NodeChannelError(`peer sent a response frame of ${size} bytes`));
        return;
      }
      if (this.buffered < 4 + size) return;
      const frame = data.subarray(4, 4 + size);
      const rest = data.subarray(4 + size);
      this.chunks = rest.length === 0 ? [] : [rest];
      this.buffered = rest.length;
      this.onFrame(socket, frame);
      if (this.socket !== socket) return;
    }
  }

  private onFrame(socket: Socket, frame: Buffer): void {
    const correlationId = frame.readInt32BE(0);
    const p = this.pending.get(correlationId);
    if (p === undefined) {
      this.fail(socket, new NodeChannelError(`response with unknown correlation id ${correlationId}`));
      return;
    }
    this.pending.delete(correlationId);
    clearTimeout(p.timer);
    const decoded = decodeResponse(p.api, p.version, frame);
    if ('error' in decoded) p.reject(new NodeChannelError(`${p.api.name} response: ${decoded.error}`));
    else p.resolve(decoded.body);
  }

  /** Closes the connection and fails every request on it; the next request reconnects. */
  private fail(socket: Socket, error: Error): void {
    if (this.socket === socket) {
      this.socket = null;
      this.chunks = [];
      this.buffered = 0;
      const pending = [...this.pending.values()];
      this.pending.clear();
      for (const p of pending) {
        clearTimeout(p.timer);
        p.reject(error);
      }
    }
    socket.destroy();
  }

  close(): void {
    this.closed = true;
    if (this.socket !== null) this.fail(this.socket, new NodeChannelError('channel closed'));
  }
}

/**
 * One channel per peer node id, addresses looked up when a channel is first made (and
 * again when the address changed: a broker that re-registered on another port).
 */
export class NodeChannels {
  private readonly channels = new Map<number, NodeChannel>();
  private closed = false;

  constructor(
    private readonly resolve: (nodeId: number) => PeerAddress | null,
    private readonly clientId: string,
    private readonly connectTimeoutMs = 10_000,
  ) {}

  /** The channel to `nodeId`, or null when its address is not known. */
  channel(nodeId: number): NodeChannel | null {
    if (this.closed) return null;
    const address = this.resolve(nodeId);
    if (address === null) return null;
    const existing = this.channels.get(nodeId);
    if (existing !== undefined) {
      if (existing.address.host === address.host && existing.address.port === address.port) return existing;
      existing.close();
    }
    const created = new NodeChannel(address, this.clientId, this.connectTimeoutMs);
    this.channels.set(nodeId, created);
    return created;
  }

  request<Res extends object>(
    nodeId: number,
    apiKey: number,
    version: number,
    body: object,
    timeoutMs: number,
    signal?: AbortSignal,
  ): Promise<Res> {
    const channel = this.channel(nodeId);
    if (channel === null) return Promise.reject(new NodeChannelError(`no address known for node ${nodeId}`));
    return channel.request<Res>(apiKey, version, body, timeoutMs, signal);
  }

  close(): void {
    this.closed = true;
    for (const c of this.channels.values()) c.close();
    this.channels.clear();
  }
}
