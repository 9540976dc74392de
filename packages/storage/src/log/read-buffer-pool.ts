/**
 * Reusable buffers for log reads. A fetch reads up to its byte budget (1 MiB by default
 * per partition) into a buffer that must live until the response has been written to
 * the socket; allocating a fresh one each time makes V8 spend most of a busy broker's
 * CPU in major garbage collections (measured in docs/benchmarks.md). Buffers of 64 KiB
 * and more come from the pool (see BufferPool) and go back once the response is written.
 */
import { BufferPool } from '@gregor/protocol';

export const POOLED_READ_BYTES_MIN = 64 * 1024;

export class ReadBufferPool extends BufferPool {
  constructor(maxPooledBytes = 64 * 1024 * 1024) {
    super(POOLED_READ_BYTES_MIN, maxPooledBytes);
  }
}

/** The pool logs read into unless given another. */
export const sharedReadBufferPool = new ReadBufferPool();
