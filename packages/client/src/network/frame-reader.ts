/**
 * Response framing (int32 size, then the frame) fed straight by the socket's reads,
 * through Node's `onread` option instead of stream chunks.
 *
 * Reads go into one reusable scratch buffer until a frame starts that does not fit in
 * what was read: that frame is allocated at its exact size, what arrived of it is copied
 * in, and the socket then reads the rest directly into it. A large Fetch response thus
 * costs one allocation and no copy, where stream chunks cost a 64 KiB allocation per
 * read plus a copy of each into the frame (and V8 answers the extra external memory
 * with more frequent garbage collections). Frames that arrive whole in the scratch
 * buffer are copied out of it, as it is read into again.
 *
 * Frames of FRAME_POOL_MIN_BYTES and more come from a BufferPool: the sink gets the
 * pooled buffer with the frame, and may give it back once nothing refers to the frame
 * any more (the consumer does, for Fetch responses; see consumer/records.ts).
 */
import { BufferPool } from '@gregor/protocol';

/** What the reader hands its frames and framing errors to. */
export interface FrameSink {
  /** `pooled`: the pool buffer `frame` is a view of, or null for a frame of its own. */
  onFrame(frame: Buffer, pooled: Buffer | null): void;
  onFramingError(message: string): void;
}

/** Size of the reusable buffer reads go into between large frames. */
export const SCRATCH_BYTES = 64 * 1024;

/** Frames this large and more come from the frame pool (in practice, Fetch responses). */
export const FRAME_POOL_MIN_BYTES = 256 * 1024;

/**
 * The pool of large response frames shared by every connection. What it keeps is bounded
 * (32 MiB); a buffer not given back is collected.
 */
export const sharedFramePool = new BufferPool(FRAME_POOL_MIN_BYTES, 32 * 1024 * 1024);

export class FrameReader {
  private readonly scratch: Buffer;
  /** Frame being filled (reads go into its unfilled part), or null between frames. */
  private frame: Buffer | null = null;
  /** The pool buffer the frame being filled is a view of, if any. */
  private pooled: Buffer | null = null;
  private frameFilled = 0;
  /** A size prefix split across reads. */
  private readonly sizeBytes = Buffer.alloc(4);
  private sizeFilled = 0;
  private stopped = false;

  constructor(
    private readonly sink: FrameSink,
    private readonly maxFrameBytes: number,
    scratchBytes = SCRATCH_BYTES,
    private readonly pool: BufferPool = sharedFramePool,
  ) {
    this.scratch = Buffer.allocUnsafe(scratchBytes);
  }

  /** The buffer the next socket read goes into. */
  nextBuffer(): Buffer {
    return this.frame !== null ? this.frame.subarray(this.frameFilled) : this.scratch;
  }

  /** `n` bytes were read into `buf`, the buffer {@link nextBuffer} last returned. */
  onRead(n: number, buf: Uint8Array): void {
    if (this.stopped || n <= 0) return;
    if (buf !== this.scratch) {
      // Read straight into the frame.
      const frame = this.frame as Buffer;
      this.frameFilled += n;
      if (this.frameFilled === frame.length) {
        const pooled = this.pooled;
        this.frame = null;
        this.pooled = null;
        this.sink.onFrame(frame, pooled);
      }
      return;
    }
    this.parse(n);
  }

  /** Stops delivering (the connection is closed); later reads are ignored. */
  stop(): void {
    this.stopped = true;
    this.frame = null;
    this.pooled = null;
  }

  /** Frames in the first `end` bytes of the scratch buffer. */
  private parse(end: number): void {
    const chunk = this.scratch;
    let at = 0;
    while (at < end && !this.stopped) {
      let size: number;
      if (this.sizeFilled === 0 && end - at >= 4) {
        size = chunk.readInt32BE(at);
        at += 4;
      } else {
        const n = Math.min(end - at, 4 - this.sizeFilled);
        chunk.copy(this.sizeBytes, this.sizeFilled, at, at + n);
        this.sizeFilled += n;
        at += n;
        if (this.sizeFilled < 4) return;
        this.sizeFilled = 0;
        size = this.sizeBytes.readInt32BE(0);
      }
      if (size < 4 || size > this.maxFrameBytes) {
        this.stopped = true;
        this.sink.onFramingError(`a response frame of ${size} bytes`);
        return;
      }
      // The scratch buffer is read into again: what is handed out must be a copy.
      const pooled = size >= this.pool.minBytes ? this.pool.take(size) : null;
      const frame = pooled === null ? Buffer.allocUnsafe(size) : pooled.subarray(0, size);
      const n = Math.min(end - at, size);
      chunk.copy(frame, 0, at, at + n);
      at += n;
      if (n < size) {
        // The rest is read directly into the frame (nothing follows it in this read).
        this.frame = frame;
        this.pooled = pooled;
        this.frameFilled = n;
        return;
      }
      this.sink.onFrame(frame, pooled);
    }
  }
}
