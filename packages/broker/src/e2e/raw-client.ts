/**
 * A bare Kafka protocol client for end-to-end tests: one TCP connection, requests
 * encoded with the generated codecs, response frames read off the socket in order.
 *
 * It can also send arbitrary bytes (bad-input tests), send without reading (pipelining,
 * slow readers) and tell when the broker closed the connection. Every wait has a
 * timeout, so a broker that never answers fails the test instead of hanging it.
 */
import { connect, type Socket } from 'node:net';
import type { ApiSpec, KafkaRecord } from '@gregor/protocol';
import {
  API_TABLE,
  ApiKey,
  decodeResponse,
  encodeRequest,
  FetchRequest,
  type FetchResponse,
  LOG_OVERHEAD,
  MetadataRequest,
  type MetadataResponse,
  ProduceRequest,
  type ProduceResponse,
  RecordBatchView,
  RequestHeader,
  readAllRecords,
} from '@gregor/protocol';
import { FetchPartition, FetchTopic } from '@gregor/protocol/generated/messages/fetch-request';
import { MetadataRequestTopic } from '@gregor/protocol/generated/messages/metadata-request';
import { PartitionProduceData, TopicProduceData } from '@gregor/protocol/generated/messages/produce-request';

const DEFAULT_TIMEOUT_MS = 10_000;

export function apiSpec(apiKey: number): ApiSpec {
  const api = API_TABLE[apiKey];
  if (api === undefined) throw new Error(`no API ${apiKey}`);
  return api;
}

/** A request frame (size prefix included) for `body` at `version`. */
export function requestFrame(apiKey: number, version: number, correlationId: number, body: object): Buffer {
  const header = new RequestHeader();
  header.requestApiKey = apiKey;
  header.requestApiVersion = version;
  header.correlationId = correlationId;
  header.clientId = 'gregor-e2e';
  return encodeRequest(apiSpec(apiKey), version, header, body);
}

export class RawClient {
  private readonly chunks: Buffer[] = [];
  private bytes = 0;
  private readonly frames: Buffer[] = [];
  private wake: (() => void) | null = null;
  private nextCorrelationId = 1;
  private isClosed = false;
  private readonly closedPromise: Promise<void>;

  private constructor(readonly socket: Socket) {
    this.closedPromise = new Promise((resolve) => {
      socket.on('close', () => {
        this.isClosed = true;
        this.wake?.();
        resolve();
      });
    });
    socket.on('error', () => undefined);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
  }

  static connect(port: number, host = '127.0.0.1'): Promise<RawClient> {
    return new Promise((resolve, reject) => {
      const socket = connect({ port, host, noDelay: true });
      socket.once('error', reject);
      socket.once('connect', () => {
        socket.off('error', reject);
        resolve(new RawClient(socket));
      });
    });
  }

  get closed(): boolean {
    return this.isClosed;
  }

  private onData(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.bytes += chunk.length;
    for (;;) {
      if (this.bytes < 4) break;
      const head = this.peek(4);
      const size = head.readInt32BE(0);
      if (size < 0) {
        this.socket.destroy(new Error(`response size ${size}`));
        return;
      }
      if (this.bytes < 4 + size) break;
      const all = this.take(4 + size);
      this.frames.push(all.subarray(4));
    }
    this.wake?.();
  }

  private peek(n: number): Buffer {
    const first = this.chunks[0] as Buffer;
    if (first.length >= n) return first.subarray(0, n);
    return Buffer.concat(this.chunks).subarray(0, n);
  }

  private take(n: number): Buffer {
    const all = this.chunks.length === 1 ? (this.chunks[0] as Buffer) : Buffer.concat(this.chunks);
    this.chunks.length = 0;
    if (all.length > n) this.chunks.push(all.subarray(n));
    this.bytes -= n;
    return all.subarray(0, n);
  }

  /** Writes raw bytes; resolves once they are handed to the kernel. */
  sendRaw(bytes: Buffer): Promise<void> {
    return new Promise((resolve, reject) => {
      this.socket.write(bytes, (e) => (e ? reject(e) : resolve()));
    });
  }

  /** Sends a request without waiting for its response; returns its correlation id. */
  send(apiKey: number, version: number, body: object, correlationId = this.nextCorrelationId++): number {
    this.socket.write(requestFrame(apiKey, version, correlationId, body));
    return correlationId;
  }

  /** The next response frame (after its size), or an error on close or timeout. */
  async nextFrame(timeoutMs = DEFAULT_TIMEOUT_MS): Promise<Buffer> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const frame = this.frames.shift();
      if (frame !== undefined) return frame;
      if (this.isClosed) throw new Error('connection closed by the broker');
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new Error(`no response within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, remaining);
        function done() {
          clearTimeout(timer);
          resolve();
        }
        this.wake = done;
      });
      this.wake = null;
    }
  }

  /** Decodes a response frame for `apiKey` at `version`. */
  static decode<T extends object>(apiKey: number, version: number, frame: Buffer): { correlationId: number; body: T } {
    const decoded = decodeResponse(apiSpec(apiKey), version, frame);
    if ('error' in decoded) throw new Error(decoded.error);
    return { correlationId: decoded.header.correlationId, body: decoded.body as T };
  }

  /** Sends a request and reads its response (which must be the next frame). */
  async request<T extends object>(
    apiKey: number,
    version: number,
    body: object,
    timeoutMs = DEFAULT_TIMEOUT_MS,
  ): Promise<T> {
    const correlationId = this.send(apiKey, version, body);
    const frame = await this.nextFrame(timeoutMs);
    const decoded = RawClient.decode<T>(apiKey, version, frame);
    if (decoded.correlationId !== correlationId) {
      throw new Error(`response correlation id ${decoded.correlationId}, expected ${correlationId}`);
    }
    return decoded.body;
  }

  /** True once the broker has closed the connection; false if it is still open after `timeoutMs`. */
  async waitForClose(timeoutMs = DEFAULT_TIMEOUT_MS): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const result = await Promise.race([this.closedPromise.then(() => true), timeout]);
    clearTimeout(timer);
    return result;
  }

  close(): void {
    this.socket.destroy();
  }
}

/** A Produce request for one batch to one partition. */
export function produceRequest(topic: string, partition: number, batch: Buffer, acks = -1, timeoutMs = 10_000) {
  const request = new ProduceRequest();
  request.acks = acks;
  request.timeoutMs = timeoutMs;
  const t = new TopicProduceData();
  t.name = topic;
  const p = new PartitionProduceData();
  p.index = partition;
  p.records = batch;
  t.partitionData.push(p);
  request.topicData.push(t);
  return request;
}

export const PRODUCE_VERSION = 9;
export const METADATA_VERSION = 9;

/**
 * Creates `topic` through Metadata's auto-create (Produce never creates topics, as in
 * Kafka) and returns its partition count.
 */
export async function ensureTopic(client: RawClient, topic: string): Promise<number> {
  const request = new MetadataRequest();
  const t = new MetadataRequestTopic();
  t.name = topic;
  request.topics = [t];
  request.allowAutoTopicCreation = true;
  const response = await client.request<MetadataResponse>(ApiKey.Metadata, METADATA_VERSION, request);
  const described = response.topics[0];
  if (described === undefined || described.errorCode !== 0) {
    throw new Error(`could not create ${topic}: error ${described?.errorCode}`);
  }
  return described.partitions.length;
}
export const FETCH_VERSION = 12;

/** Produces one batch and returns the partition's answer. */
export async function produce(
  client: RawClient,
  topic: string,
  partition: number,
  batch: Buffer,
  acks = -1,
): Promise<{ errorCode: number; baseOffset: number; errorMessage: string | null }> {
  const response = await client.request<ProduceResponse>(
    ApiKey.Produce,
    PRODUCE_VERSION,
    produceRequest(topic, partition, batch, acks),
  );
  const p = response.responses[0]?.partitionResponses[0];
  if (p === undefined) throw new Error('produce response without a partition');
  return { errorCode: p.errorCode, baseOffset: Number(p.baseOffset), errorMessage: p.errorMessage };
}

export function fetchRequest(topic: string, partition: number, offset: number, maxWaitMs = 0, maxBytes = 1 << 20) {
  const request = new FetchRequest();
  request.maxWaitMs = maxWaitMs;
  request.minBytes = 1;
  request.maxBytes = maxBytes;
  request.sessionEpoch = -1;
  const t = new FetchTopic();
  t.topic = topic;
  const p = new FetchPartition();
  p.partition = partition;
  p.fetchOffset = BigInt(offset);
  p.partitionMaxBytes = maxBytes;
  t.partitions.push(p);
  request.topics.push(t);
  return request;
}

export interface FetchedPartition {
  errorCode: number;
  highWatermark: number;
  logStartOffset: number;
  records: KafkaRecord[];
}

/** Decodes every whole batch of a fetched records blob (checking each CRC). */
export function decodeBatches(blob: Buffer): KafkaRecord[] {
  const out: KafkaRecord[] = [];
  let at = 0;
  while (at + LOG_OVERHEAD <= blob.length) {
    const view = new RecordBatchView(blob, at);
    const size = view.sizeInBytes;
    if (at + size > blob.length) break;
    if (!view.isControl) for (const r of readAllRecords(blob, at)) out.push(r);
    at += size;
  }
  return out;
}

/** One Fetch for one partition. */
export async function fetchOnce(
  client: RawClient,
  topic: string,
  partition: number,
  offset: number,
  maxWaitMs = 0,
): Promise<FetchedPartition> {
  const response = await client.request<FetchResponse>(
    ApiKey.Fetch,
    FETCH_VERSION,
    fetchRequest(topic, partition, offset, maxWaitMs),
  );
  if (response.errorCode !== 0) throw new Error(`fetch error ${response.errorCode}`);
  const p = response.responses[0]?.partitions[0];
  if (p === undefined) throw new Error('fetch response without a partition');
  return {
    errorCode: p.errorCode,
    highWatermark: Number(p.highWatermark),
    logStartOffset: Number(p.logStartOffset),
    records: p.records === null ? [] : decodeBatches(p.records),
  };
}

/** Every record from `offset` to the high watermark, in order. */
export async function fetchAll(
  client: RawClient,
  topic: string,
  partition: number,
  offset = 0,
): Promise<{ records: KafkaRecord[]; highWatermark: number; logStartOffset: number }> {
  const records: KafkaRecord[] = [];
  let next = offset;
  for (;;) {
    const r = await fetchOnce(client, topic, partition, next);
    if (r.errorCode !== 0) throw new Error(`fetch ${topic}-${partition}@${next}: error ${r.errorCode}`);
    const before = next;
    for (const record of r.records) if (record.offset >= next) records.push(record);
    const last = records[records.length - 1];
    if (last !== undefined) next = last.offset + 1;
    if (next >= r.highWatermark || next === before) {
      return { records, highWatermark: r.highWatermark, logStartOffset: r.logStartOffset };
    }
  }
}
