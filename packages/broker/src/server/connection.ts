/**
 * One client connection: framing (int32 size, then the request), limits, and responses
 * written strictly in request order.
 *
 * - A size above `socket.request.max.bytes` (or negative) closes the connection, as
 *   Kafka does: the stream cannot be resynchronised.
 * - The request's bytes are charged to the broker-wide memory pool as soon as its size
 *   is known, before they are gathered or decoded; while the pool is spent the socket
 *   is paused.
 * - At most `maxInFlight` requests of one connection are being handled at once; more
 *   pipelined requests wait in the socket (reading is paused).
 * - Responses go out in request order whatever order handlers finish in; a request with
 *   no response (Produce with acks=0) keeps its place and sends nothing.
 * - When the socket's write buffer is full (a slow reader), reading stops until it
 *   drains: a client that does not read its responses cannot make the broker buffer
 *   without bound.
 * - At most one Fetch per connection is handled at a time (real consumers send one at a
 *   time; Kafka handles one request per connection at a time): the next waits until the
 *   previous response is written and the socket has drained. Otherwise a client
 *   pipelining fetches it never reads would have all of them read from the log into
 *   memory at once (up to maxInFlight x fetch.max.bytes) before any write could block.
 */
import type { Socket } from 'node:net';
import type { MemoryPool } from './memory-pool.js';

export interface ConnectionLimits {
  /** socket.request.max.bytes */
  maxRequestBytes: number;
  /** Requests of one connection handled at once. */
  maxInFlight: number;
}

/**
 * Response bytes whose buffers must not be reused until they have been written:
 * `onWritten` runs once the socket has taken them (or they were dropped unwritten).
 */
export interface PinnedResponse {
  chunks: readonly Buffer[];
  onWritten: () => void;
}

/** What a handler gives back: response bytes, nothing (no response), or 'close'. */
export type HandlerResult = Buffer | readonly Buffer[] | PinnedResponse | null | 'close';

function isPinned(result: HandlerResult): result is PinnedResponse {
  return result !== null && typeof result === 'object' && !Buffer.isBuffer(result) && 'onWritten' in result;
}

export type FrameHandler = (frame: Buffer, connection: Connection) => Promise<HandlerResult>;

export interface ConnectionEvents {
  onClose(connection: Connection): void;
  onProtocolError(connection: Connection, message: string): void;
  onHandlerError(connection: Connection, error: unknown): void;
}

interface Slot {
  done: boolean;
  result: HandlerResult;
  reserved: number;
  /** A Fetch request (see `fetchInFlight`). */
  fetch: boolean;
}

/** Fetch's apiKey: its responses are the large ones (see the module doc). */
const FETCH_API_KEY = 1;

/** Writes beyond this many buffered bytes pause reading until the socket drains. */
const WRITE_BUFFER_HIGH_BYTES = 4 * 1024 * 1024;

export class Connection {
  readonly id: string;
  readonly remoteAddress: string;
  lastActiveMs: number;
  private readonly inbox: Buffer[] = [];
  private inboxBytes = 0;
  /** Size of the frame being gathered, -1 between frames. */
  private pendingSize = -1;
  /** The pending frame's bytes are reserved in the pool. */
  private pendingReserved = false;
  private readonly slots: Slot[] = [];
  private waitingForMemory: (() => void) | null = null;
  private waitingForDrain = false;
  private closing = false;
  private closed = false;
  private readPaused = false;
  /** A Fetch of this connection is being handled or waits to be written. */
  private fetchInFlight = false;

  constructor(
    readonly socket: Socket,
    readonly listenerName: string,
    private readonly pool: MemoryPool,
    private readonly limits: ConnectionLimits,
    private readonly handler: FrameHandler,
    private readonly events: ConnectionEvents,
    private readonly now: () => number,
  ) {
    this.remoteAddress = `${socket.remoteAddress ?? '?'}:${socket.remotePort ?? '?'}`;
    this.id = `${socket.localAddress ?? '?'}:${socket.localPort ?? '?'}-${this.remoteAddress}`;
    this.lastActiveMs = now();
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('drain', () => this.onDrain());
    socket.on('error', () => this.destroy());
    socket.on('close', () => this.destroy());
  }

  get inFlight(): number {
    return this.slots.length;
  }

  private onData(chunk: Buffer): void {
    if (this.closing) return;
    this.lastActiveMs = this.now();
    this.inbox.push(chunk);
    this.inboxBytes += chunk.length;
    this.process();
  }

  /** Takes `n` bytes off the front of the inbox (a view when they lie in one chunk). */
  private take(n: number): Buffer {
    // A zero-size frame may arrive with nothing after it: the inbox can be empty.
    if (n === 0) return Buffer.alloc(0);
    const first = this.inbox[0] as Buffer;
    let out: Buffer;
    if (first.length >= n) {
      out = first.subarray(0, n);
      if (first.length === n) this.inbox.shift();
      else this.inbox[0] = first.subarray(n);
    } else {
      out = Buffer.allocUnsafe(n);
      let at = 0;
      while (at < n) {
        const c = this.inbox[0] as Buffer;
        const k = Math.min(c.length, n - at);
        c.copy(out, at, 0, k);
        at += k;
        if (k === c.length) this.inbox.shift();
        else this.inbox[0] = c.subarray(k);
      }
    }
    this.inboxBytes -= n;
    return out;
  }

  private process(): void {
    while (!this.closing && this.waitingForMemory === null) {
      if (this.pendingSize < 0) {
        if (this.inboxBytes < 4) break;
        const size = this.take(4).readInt32BE(0);
        if (size < 0 || size > this.limits.maxRequestBytes) {
          this.protocolError(
            `request size ${size} is outside [0, ${this.limits.maxRequestBytes}] (socket.request.max.bytes)`,
          );
          return;
        }
        this.pendingSize = size;
      }
      if (this.slots.length >= this.limits.maxInFlight || this.waitingForDrain) {
        this.pauseReading();
        return;
      }
      const size = this.pendingSize;
      if (!this.reserved()) return;
      if (this.inboxBytes < size) {
        // The memory is held while the rest of the frame arrives.
        this.resumeReading();
        return;
      }
      if (this.fetchInFlight && this.peekApiKey() === FETCH_API_KEY) {
        // Resumed by flush() once the previous Fetch response is written.
        this.pauseReading();
        return;
      }
      this.pendingSize = -1;
      this.pendingReserved = false;
      this.dispatch(this.take(size), size);
    }
    if (
      !this.closing &&
      this.waitingForMemory === null &&
      this.slots.length < this.limits.maxInFlight &&
      !this.waitingForDrain
    ) {
      this.resumeReading();
    }
  }

  /** The apiKey of the pending frame (its first two bytes, at the front of the inbox); -1 if shorter. */
  private peekApiKey(): number {
    if (this.pendingSize < 2 || this.inboxBytes < 2) return -1;
    const first = this.inbox[0] as Buffer;
    if (first.length >= 2) return first.readInt16BE(0);
    const second = this.inbox[1] as Buffer;
    return ((((first[0] as number) << 8) | (second[0] as number)) << 16) >> 16;
  }

  /** Reserves the pending frame's bytes once; false while waiting for the pool. */
  private reserved(): boolean {
    if (this.pendingReserved) return true;
    const size = this.pendingSize;
    if (this.pool.tryReserve(size)) {
      this.pendingReserved = true;
      return true;
    }
    this.pauseReading();
    this.waitingForMemory = this.pool.whenAvailable(size, () => {
      this.waitingForMemory = null;
      if (this.closing) {
        this.pool.release(size);
        return;
      }
      this.pendingReserved = true;
      this.process();
    });
    return false;
  }

  private dispatch(frame: Buffer, reserved: number): void {
    const fetch = frame.length >= 2 && frame.readInt16BE(0) === FETCH_API_KEY;
    const slot: Slot = { done: false, result: null, reserved, fetch };
    if (fetch) this.fetchInFlight = true;
    this.slots.push(slot);
    let promise: Promise<HandlerResult>;
    try {
      promise = this.handler(frame, this);
    } catch (e) {
      promise = Promise.reject(e);
    }
    promise.then(
      (result) => {
        slot.done = true;
        slot.result = result;
        this.flush();
      },
      (error: unknown) => {
        this.events.onHandlerError(this, error);
        slot.done = true;
        slot.result = 'close';
        this.flush();
      },
    );
  }

  /** Writes finished responses from the front of the queue, in order. */
  private flush(): void {
    let corked = false;
    while (this.slots.length > 0 && (this.slots[0] as Slot).done) {
      const slot = this.slots.shift() as Slot;
      this.pool.release(slot.reserved);
      if (slot.fetch) this.fetchInFlight = false;
      const result = slot.result;
      if (this.closed || this.closing || result === 'close' || result === null) {
        // Not written: pinned buffers are free at once.
        if (isPinned(result)) result.onWritten();
        if (result === 'close' && !this.closed) this.closeAfterWrites();
        continue;
      }
      if (!corked) {
        this.socket.cork();
        corked = true;
      }
      if (Buffer.isBuffer(result)) this.socket.write(result);
      else if (isPinned(result)) {
        const last = result.chunks.length - 1;
        result.chunks.forEach((chunk, i) => {
          if (i === last) this.socket.write(chunk, () => result.onWritten());
          else this.socket.write(chunk);
        });
        if (last < 0) result.onWritten();
      } else for (const chunk of result) this.socket.write(chunk);
    }
    if (corked) this.socket.uncork();
    if (this.closed) return;
    this.lastActiveMs = this.now();
    if (this.socket.writableLength > WRITE_BUFFER_HIGH_BYTES) {
      this.waitingForDrain = true;
      this.pauseReading();
    }
    if (this.closing) {
      if (this.slots.length === 0) this.socket.end();
      return;
    }
    this.process();
  }

  private onDrain(): void {
    if (!this.waitingForDrain) return;
    this.waitingForDrain = false;
    this.process();
  }

  private pauseReading(): void {
    if (!this.readPaused) {
      this.readPaused = true;
      this.socket.pause();
    }
  }

  private resumeReading(): void {
    if (this.readPaused && !this.closing) {
      this.readPaused = false;
      this.socket.resume();
    }
  }

  private protocolError(message: string): void {
    this.events.onProtocolError(this, message);
    this.closeAfterWrites();
  }

  /** Stops reading; closes once every earlier response has been written. */
  closeAfterWrites(): void {
    if (this.closing) return;
    this.closing = true;
    this.pauseReading();
    this.releasePending();
    if (this.slots.length === 0) this.socket.end();
  }

  private releasePending(): void {
    if (this.waitingForMemory !== null) {
      this.waitingForMemory();
      this.waitingForMemory = null;
    }
    if (this.pendingReserved) {
      this.pool.release(this.pendingSize);
      this.pendingReserved = false;
    }
    this.inbox.length = 0;
    this.inboxBytes = 0;
  }

  /** Closes at once (idle reaping, shutdown, socket errors). */
  destroy(): void {
    if (this.closed) return;
    this.closed = true;
    this.closing = true;
    this.releasePending();
    this.socket.destroy();
    this.events.onClose(this);
  }
}
