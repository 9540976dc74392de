// A minimal Kafka wire client for the broker benchmark: one connection, requests encoded
// and responses decoded with Gregor's generated codecs (@gregor/protocol), matched by
// correlation id. Used for creating topics up front (Metadata with auto-create) and for
// the long-poll Fetch consumer of the latency measurement. Not a client library.
import { connect } from 'node:net';
import { API_TABLE, ApiKey, decodeResponse, encodeRequest, RequestHeader } from '@gregor/protocol';

export class WireClient {
  /** @param {import('node:net').Socket} socket */
  constructor(socket) {
    this.socket = socket;
    this.nextCorrelationId = 1;
    /** @type {Map<number, { api: object, version: number, resolve: Function, reject: Function }>} */
    this.pending = new Map();
    /** @type {Buffer[]} */
    this.chunks = [];
    this.buffered = 0;
    /** Called with performance.now() when a response frame is complete (before decoding). */
    this.onFrameTime = null;
    socket.setNoDelay(true);
    socket.on('data', (chunk) => this.onData(chunk));
    socket.on('error', (e) => this.failAll(e));
    socket.on('close', () => this.failAll(new Error('connection closed')));
  }

  static connect(host, port) {
    return new Promise((resolve, reject) => {
      const socket = connect({ host, port });
      socket.once('connect', () => resolve(new WireClient(socket)));
      socket.once('error', reject);
    });
  }

  onData(chunk) {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    for (;;) {
      if (this.buffered < 4) return;
      let head = this.chunks[0];
      if (head.length < 4) {
        head = Buffer.concat(this.chunks);
        this.chunks = [head];
      }
      const size = head.readInt32BE(0);
      if (this.buffered < 4 + size) return;
      const received = performance.now();
      const all = this.chunks.length === 1 ? head : Buffer.concat(this.chunks);
      const frame = all.subarray(4, 4 + size);
      const rest = all.subarray(4 + size);
      this.chunks = rest.length > 0 ? [rest] : [];
      this.buffered = rest.length;
      const correlationId = frame.readInt32BE(0);
      const p = this.pending.get(correlationId);
      if (p === undefined) {
        this.failAll(new Error(`response with unknown correlation id ${correlationId}`));
        return;
      }
      this.pending.delete(correlationId);
      const decoded = decodeResponse(p.api, p.version, frame);
      if ('error' in decoded) p.reject(new Error(decoded.error));
      else p.resolve({ body: decoded.body, receivedMs: received });
    }
  }

  failAll(error) {
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
  }

  /** Sends one request; resolves with `{ body, receivedMs }` (receivedMs: performance.now() at the frame's end). */
  request(apiKey, version, body) {
    const api = API_TABLE[apiKey];
    const header = new RequestHeader();
    header.requestApiKey = apiKey;
    header.requestApiVersion = version;
    header.correlationId = this.nextCorrelationId++;
    header.clientId = 'gregor-bench';
    const frame = encodeRequest(api, version, header, body);
    return new Promise((resolve, reject) => {
      this.pending.set(header.correlationId, { api, version, resolve, reject });
      this.socket.write(frame);
    });
  }

  close() {
    this.socket.destroy();
  }
}

export { ApiKey };
