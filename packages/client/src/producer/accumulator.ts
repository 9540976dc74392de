/**
 * The record accumulator: per partition, a queue of batches (the tail one open for
 * appends), the memory they hold (`buffer.memory`), and flush bookkeeping.
 *
 * Memory is charged per batch, its whole buffer (`batch.size`, or the exact size of one
 * record larger than that), as Kafka's BufferPool does: the charge is what is really
 * allocated. Buffers of `batch.size` and of `batchMaxBytes` (grown batches, below) are
 * kept for reuse when their batch completes, so a steady producer allocates nothing per
 * batch: fresh memory costs page faults and zeroing by the kernel on every use, where a
 * reused buffer is already mapped. Waiters for memory are served in order
 * by the producer (see producer.ts), which keeps send() order per partition.
 *
 * Expandable batches (the idea of KIP-782): a batch is ready at `batch.size`, but while
 * its partition is busy (a request of it in flight, or batches queued ahead of it) it
 * cannot leave anyway, so it keeps taking records, growing up to `batchMaxBytes`
 * (64 x batch.size, within max.request.size and a quarter of buffer.memory). Under load, requests then carry a few large
 * batches instead of many small ones (a Produce request may hold one batch per
 * partition); when the producer is idle, batches are exactly as Kafka's.
 */
import { ProducerBatch, RECORD_BATCH_OVERHEAD } from './producer-batch.js';

/** The batches of one partition and its idempotence state. */
export class PartitionQueue {
  readonly topic: string;
  readonly partition: number;
  /** Head first; the tail may still take records. */
  readonly batches: ProducerBatch[] = [];
  /** Sent and unanswered, in sequence order. */
  readonly inFlight: ProducerBatch[] = [];
  /** The next base sequence to give a batch (idempotence), under this producer id and epoch. */
  nextSequence = 0;
  producerId = -1;
  producerEpoch = -1;
  /** Added to the ongoing transaction (AddPartitionsToTxn answered). */
  addedToTransaction = false;

  constructor(topic: string, partition: number) {
    this.topic = topic;
    this.partition = partition;
  }

  /** Puts a batch back for a retry, before unsent batches and in sequence order. */
  requeue(batch: ProducerBatch): void {
    const batches = this.batches;
    let at = 0;
    while (at < batches.length) {
      const other = batches[at]!;
      if (other.baseSequence < 0 || (batch.baseSequence >= 0 && other.baseSequence > batch.baseSequence)) break;
      at++;
    }
    batches.splice(at, 0, batch);
  }

  removeInFlight(batch: ProducerBatch): void {
    const at = this.inFlight.indexOf(batch);
    if (at >= 0) this.inFlight.splice(at, 1);
  }
}

export class RecordAccumulator {
  readonly batchSize: number;
  readonly bufferMemory: number;
  /** The most a batch may grow to while its partition is busy. */
  readonly batchMaxBytes: number;
  /** Bytes charged to batches not yet completed. */
  usedBytes = 0;
  /** Every queue, for the sender's scan. */
  readonly queues: PartitionQueue[] = [];
  /** Batches not completed yet (queued or in flight). */
  readonly incomplete = new Set<ProducerBatch>();
  private readonly byTopic = new Map<string, PartitionQueue[]>();
  private readonly freeBuffers: Buffer[] = [];
  private readonly freeBuffersMax: number;
  /** Buffers of batchMaxBytes (grown batches) kept for reuse. */
  private readonly freeLarge: Buffer[] = [];
  private readonly freeLargeMax: number;
  /** Called when memory is returned. */
  onMemoryFreed: () => void = () => {};

  constructor(batchSize: number, bufferMemory: number, maxRequestSize: number) {
    this.batchSize = batchSize;
    this.bufferMemory = bufferMemory;
    this.batchMaxBytes = Math.max(
      batchSize,
      Math.min(batchSize * 64, maxRequestSize - 256, Math.floor(bufferMemory / 4)),
    );
    // Cached buffers stay within buffer.memory, and within a sane count.
    this.freeBuffersMax = Math.min(256, Math.floor(bufferMemory / Math.max(batchSize, 1)));
    // As many as the grown batches buffer.memory can hold at once, within a quarter of it.
    this.freeLargeMax = this.batchMaxBytes > batchSize ? Math.floor(bufferMemory / 4 / this.batchMaxBytes) : 0;
  }

  queue(topic: string, partition: number): PartitionQueue {
    let list = this.byTopic.get(topic);
    if (list === undefined) {
      list = [];
      this.byTopic.set(topic, list);
    }
    let queue = list[partition];
    if (queue === undefined) {
      queue = new PartitionQueue(topic, partition);
      list[partition] = queue;
      this.queues.push(queue);
    }
    return queue;
  }

  /** The queue of a partition if it exists. */
  existingQueue(topic: string, partition: number): PartitionQueue | undefined {
    return this.byTopic.get(topic)?.[partition];
  }

  /** The buffer size a new batch for a record of `recordBytes` needs. */
  capacityFor(recordBytes: number): number {
    // Never more than buffer.memory: with batch.size above it no batch could ever be
    // charged (the producer checked that the record itself fits).
    return Math.max(Math.min(this.batchSize, this.bufferMemory), RECORD_BATCH_OVERHEAD + recordBytes);
  }

  /** True when a batch of `capacity` bytes can be charged now. */
  hasMemory(capacity: number): boolean {
    return this.usedBytes + capacity <= this.bufferMemory;
  }

  /** Charges memory and starts a new batch at the tail of `queue`. Check {@link hasMemory} first. */
  newBatch(queue: PartitionQueue, capacity: number, nowMs: number): ProducerBatch {
    const buffer =
      capacity === this.batchSize && this.freeBuffers.length > 0
        ? (this.freeBuffers.pop() as Buffer)
        : Buffer.allocUnsafe(capacity);
    this.usedBytes += capacity;
    const batch = new ProducerBatch(queue.topic, queue.partition, buffer, capacity, nowMs);
    queue.batches.push(batch);
    this.incomplete.add(batch);
    return batch;
  }

  /**
   * Grows the open tail batch of a busy partition so that a record of `recordBytes` fits
   * (see the module doc). False when the partition is not busy, the batch would pass
   * `batchMaxBytes`, or memory is short.
   */
  tryGrow(queue: PartitionQueue, batch: ProducerBatch, recordBytes: number): boolean {
    if (queue.inFlight.length === 0 && queue.batches.length < 2) return false;
    const needed = batch.pos + recordBytes;
    if (needed > this.batchMaxBytes) return false;
    // Straight to the largest size when memory allows: a busy partition will fill it,
    // and each step would copy the records again.
    let capacity = this.batchMaxBytes;
    if (this.usedBytes + capacity - batch.reservedBytes > this.bufferMemory) {
      capacity = Math.min(this.batchMaxBytes, Math.max(needed, batch.buffer.length * 2));
    }
    const delta = capacity - batch.reservedBytes;
    if (this.usedBytes + delta > this.bufferMemory) return false;
    this.usedBytes += delta;
    const old = batch.buffer;
    batch.grow(
      capacity,
      capacity === this.batchMaxBytes && this.freeLarge.length > 0 ? (this.freeLarge.pop() as Buffer) : undefined,
    );
    this.keep(old);
    return true;
  }

  /** A batch completed (success or failure): its memory returns, flush() waiters are told. */
  release(batch: ProducerBatch): void {
    if (!this.incomplete.delete(batch)) return;
    this.usedBytes -= batch.reservedBytes;
    this.keep(batch.buffer);
    const waiters = batch.flushWaiters;
    if (waiters !== null) {
      batch.flushWaiters = null;
      for (const waiter of waiters) if (--waiter.remaining === 0) waiter.resolve();
    }
    this.onMemoryFreed();
  }

  /** Keeps a buffer no batch uses any more for reuse, when it has a reused size and there is room. */
  private keep(buffer: Buffer): void {
    if (buffer.length === this.batchSize) {
      if (this.freeBuffers.length < this.freeBuffersMax) this.freeBuffers.push(buffer);
    } else if (buffer.length === this.batchMaxBytes && this.freeLarge.length < this.freeLargeMax) {
      this.freeLarge.push(buffer);
    }
  }

  /** Resolves once every batch incomplete now has completed. */
  waitForIncomplete(): Promise<void> {
    if (this.incomplete.size === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const waiter = { remaining: this.incomplete.size, resolve };
      for (const batch of this.incomplete) {
        if (batch.flushWaiters === null) batch.flushWaiters = [waiter];
        else batch.flushWaiters.push(waiter);
      }
    });
  }
}
