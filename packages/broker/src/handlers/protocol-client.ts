/**
 * A minimal Kafka protocol client for handler tests: one TCP connection, requests
 * encoded with the generated codecs, size-prefixed responses matched to their request
 * by correlation id (several may be in flight). Tests only; not a product client.
 * Also a setup helper that appends records straight to a partition.
 */
import { connect, type Socket } from 'node:net';
import type { ApiSpec } from '@gregor/protocol';
import { API_TABLE, buildRecordBatch, decodeResponse, encodeRequest, RequestHeader } from '@gregor/protocol';
import type { Broker } from '../broker.js';

interface Pending {
  api: ApiSpec;
  version: number;
  resolve(body: object): void;
  reject(error: Error): void;
}

export class TestClient {
  private nextCorrelationId = 1;
  private readonly pending = new Map<number, Pending>();
  private buffered: Buffer = Buffer.alloc(0);
  private closedError: Error | null = null;

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', (e) => this.failAll(e));
    socket.on('close', () => this.failAll(new Error('connection closed')));
  }

  static connect(host: string, port: number): Promise<TestClient> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host, port });
      socket.setNoDelay(true);
      socket.once('error', reject);
      socket.once('connect', () => {
        socket.off('error', reject);
        resolve(new TestClient(socket));
      });
    });
  }

  /** True once the broker closed the connection (or it failed). */
  get closed(): boolean {
    return this.closedError !== null;
  }

  /**
   * Sends `body` as API `apiKey` at `version` and resolves with the decoded response
   * body. Rejects when the connection closes first or the response does not decode.
   */
  send<Res extends object>(apiKey: number, version: number, body: object, clientId = 'gregor-test'): Promise<Res> {
    const api = API_TABLE[apiKey];
    if (api === undefined) return Promise.reject(new Error(`unknown api key ${apiKey}`));
    if (this.closedError !== null) return Promise.reject(this.closedError);
    const header = new RequestHeader();
    header.requestApiKey = apiKey;
    header.requestApiVersion = version;
    header.correlationId = this.nextCorrelationId++;
    header.clientId = clientId;
    const frame = encodeRequest(api, version, header, body);
    return new Promise<Res>((resolve, reject) => {
      this.pending.set(header.correlationId, {
        api,
        version,
        resolve: resolve as (body: object) => void,
        reject,
      });
      this.socket.write(frame);
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (this.socket.destroyed) return resolve();
      this.socket.once('close', () => resolve());
      this.socket.end();
    });
  }

  private onData(chunk: Buffer): void {
    this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
    while (this.buffered.length >= 4) {
      const size = this.buffered.readInt32BE(0);
      if (this.buffered.length < 4 + size) return;
      const frame = this.buffered.subarray(4, 4 + size);
      this.buffered = this.buffered.subarray(4 + size);
      this.onFrame(frame);
    }
  }

  private onFrame(frame: Buffer): void {
    const correlationId = frame.readInt32BE(0);
    const p = this.pending.get(correlationId);
    if (p === undefined) {
      this.failAll(new Error(`response with unknown correlation id ${correlationId}`));
      return;
    }
    this.pending.delete(correlationId);
    const decoded = decodeResponse(p.api, p.version, frame);
    if ('error' in decoded) p.reject(new Error(decoded.error));
    else p.resolve(decoded.body);
  }

  private failAll(error: Error): void {
    this.closedError ??= error;
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
  }
}

/** Test setup: appends `count` one-record batches to partition `index` of `topic`, led here. */
export async function appendRecords(broker: Broker, topic: string, index: number, count: number): Promise<void> {
  const lookup = await broker.replicaManager.lookup(topic, index);
  if (lookup.partition === null) throw new Error(`${topic}-${index}: error ${lookup.errorCode}`);
  for (let i = 0; i < count; i++) {
    const batch = buildRecordBatch({
      records: [{ key: Buffer.from(`k${i}`), value: Buffer.from(`v${i}`), timestamp: Date.now() }],
    });
    await lookup.partition.append(batch, 1);
  }
}
