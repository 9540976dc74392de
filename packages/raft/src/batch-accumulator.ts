/**
 * Appends waiting to become a batch (Kafka's BatchAccumulator): they linger up to
 * appendLingerMs so a burst of appends shares one batch and one flush. The records of one
 * append always stay together in one batch, so its offsets are contiguous.
 */

import { MAX_BATCH_SIZE_BYTES } from './types.js';

export interface PendingAppend {
  records: readonly Buffer[];
  bytes: number;
  resolve(lastOffset: number): void;
  reject(error: Error): void;
}

/** Bytes a record costs in a batch beyond its value: length, attributes, deltas, key, headers. */
const RECORD_OVERHEAD_BYTES = 21;
const BATCH_OVERHEAD_BYTES = 61;

export function appendBytes(records: readonly Buffer[]): number {
  let bytes = 0;
  for (let i = 0; i < records.length; i++) bytes += records[i]!.length + RECORD_OVERHEAD_BYTES;
  return bytes;
}

export class BatchAccumulator {
  private pending: PendingAppend[] = [];
  /** When the oldest pending append has lingered long enough; Infinity when empty. */
  lingerDeadline = Number.POSITIVE_INFINITY;
  private bytes = 0;

  constructor(private readonly lingerMs: number) {}

  get size(): number {
    return this.pending.length;
  }

  add(append: PendingAppend, now: number): void {
    if (this.pending.length === 0) this.lingerDeadline = now + this.lingerMs;
    this.pending.push(append);
    this.bytes += append.bytes;
    // A full batch does not wait for the linger.
    if (this.bytes + BATCH_OVERHEAD_BYTES >= MAX_BATCH_SIZE_BYTES) this.lingerDeadline = now;
  }

  ready(now: number): boolean {
    return this.pending.length > 0 && now >= this.lingerDeadline;
  }

  /** Takes everything, grouped into batches of at most MAX_BATCH_SIZE_BYTES. */
  drain(): PendingAppend[][] {
    const groups: PendingAppend[][] = [];
    let group: PendingAppend[] = [];
    let bytes = BATCH_OVERHEAD_BYTES;
    for (const append of this.pending) {
      if (group.length > 0 && bytes + append.bytes > MAX_BATCH_SIZE_BYTES) {
        groups.push(group);
        group = [];
        bytes = BATCH_OVERHEAD_BYTES;
      }
      group.push(append);
      bytes += append.bytes;
    }
    if (group.length > 0) groups.push(group);
    this.pending = [];
    this.bytes = 0;
    this.lingerDeadline = Number.POSITIVE_INFINITY;
    return groups;
  }

  /** Fails everything pending (leadership lost or closed). */
  failAll(error: Error): void {
    const pending = this.pending;
    this.pending = [];
    this.bytes = 0;
    this.lingerDeadline = Number.POSITIVE_INFINITY;
    for (const append of pending) append.reject(error);
  }
}
