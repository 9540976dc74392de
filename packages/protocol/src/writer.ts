/**
 * Writes Kafka protocol bytes into a buffer sized in advance.
 *
 * Encoding is two passes: a generated `size()` computes the exact length, one buffer of
 * that length is taken, and the generated `write()` fills it front to back. Nothing
 * grows, nothing is copied twice. `finish()` asserts that the size was right: a mismatch
 * is a bug in the codec, not bad input.
 *
 * In splice mode (`Writer.splicing`) record blobs are not copied: the writer hands back
 * a list of chunks (its own bytes with the record buffers between them) for a gather
 * write. The caller sizes the buffer as the message size minus the record bytes.
 */

import type { Uuid } from './uuid.js';
import { writeUuid } from './uuid.js';
import { sizeOfUnsignedVarint, writeUnsignedVarint, writeVarint, writeVarlong } from './varint.js';

export class Writer {
  readonly buf: Buffer;
  pos: number;
  private readonly chunks: Buffer[] | null;
  private chunkStart: number;

  constructor(buf: Buffer, pos = 0, splice = false) {
    this.buf = buf;
    this.pos = pos;
    this.chunks = splice ? [] : null;
    this.chunkStart = pos;
  }

  /** A writer over a new buffer of exactly `size` bytes. */
  static alloc(size: number): Writer {
    return new Writer(Buffer.allocUnsafe(size));
  }

  /** A writer that keeps record blobs as separate chunks; `capacity` excludes them. */
  static splicing(capacity: number): Writer {
    return new Writer(Buffer.allocUnsafe(capacity), 0, true);
  }

  /** The written buffer; throws if fewer bytes were written than were sized. */
  finish(): Buffer {
    if (this.pos !== this.buf.length) {
      throw new Error(`encoder wrote ${this.pos} bytes into a buffer sized ${this.buf.length}`);
    }
    return this.buf;
  }

  /** The chunks of a splicing writer, in order, ready for a gather write. */
  finishChunks(): Buffer[] {
    if (this.chunks === null) return [this.finish()];
    this.finish();
    if (this.pos > this.chunkStart) this.chunks.push(this.buf.subarray(this.chunkStart, this.pos));
    this.chunkStart = this.pos;
    return this.chunks;
  }

  bool(v: boolean): void {
    this.buf[this.pos++] = v ? 1 : 0;
  }

  int8(v: number): void {
    this.pos = this.buf.writeInt8(v, this.pos);
  }

  int16(v: number): void {
    this.pos = this.buf.writeInt16BE(v, this.pos);
  }

  uint16(v: number): void {
    this.pos = this.buf.writeUInt16BE(v, this.pos);
  }

  int32(v: number): void {
    this.pos = this.buf.writeInt32BE(v, this.pos);
  }

  uint32(v: number): void {
    this.pos = this.buf.writeUInt32BE(v, this.pos);
  }

  int64(v: bigint): void {
    this.pos = this.buf.writeBigInt64BE(v, this.pos);
  }

  /** An int64 from a safe-integer number. */
  int64Number(v: number): void {
    if (!Number.isSafeInteger(v)) throw new RangeError(`int64 value ${v} is not a safe integer`);
    const hi = Math.floor(v / 0x100000000);
    this.buf.writeInt32BE(hi, this.pos);
    this.buf.writeUInt32BE(v - hi * 0x100000000, this.pos + 4);
    this.pos += 8;
  }

  float64(v: number): void {
    this.pos = this.buf.writeDoubleBE(v, this.pos);
  }

  uuid(v: Uuid): void {
    writeUuid(this.buf, this.pos, v);
    this.pos += 16;
  }

  unsignedVarint(v: number): void {
    this.pos = writeUnsignedVarint(this.buf, this.pos, v);
  }

  varint(v: number): void {
    this.pos = writeVarint(this.buf, this.pos, v);
  }

  varlong(v: number): void {
    this.pos = writeVarlong(this.buf, this.pos, v);
  }

  private utf8(v: string, length: number): void {
    if (this.buf.write(v, this.pos, length, 'utf8') !== length) throw new Error('string was not sized');
    this.pos += length;
  }

  string(v: string): void {
    const length = Buffer.byteLength(v, 'utf8');
    if (length > 0x7fff) throw new RangeError(`string of ${length} bytes is longer than 32767`);
    this.int16(length);
    this.utf8(v, length);
  }

  nullableString(v: string | null): void {
    if (v === null) this.int16(-1);
    else this.string(v);
  }

  compactString(v: string): void {
    const length = Buffer.byteLength(v, 'utf8');
    this.unsignedVarint(length + 1);
    this.utf8(v, length);
  }

  compactNullableString(v: string | null): void {
    if (v === null) this.unsignedVarint(0);
    else this.compactString(v);
  }

  /** Raw bytes with no length prefix. */
  raw(v: Uint8Array): void {
    this.buf.set(v, this.pos);
    this.pos += v.length;
  }

  bytes(v: Uint8Array): void {
    this.int32(v.length);
    this.raw(v);
  }

  nullableBytes(v: Uint8Array | null): void {
    if (v === null) this.int32(-1);
    else this.bytes(v);
  }

  compactBytes(v: Uint8Array): void {
    this.unsignedVarint(v.length + 1);
    this.raw(v);
  }

  compactNullableBytes(v: Uint8Array | null): void {
    if (v === null) this.unsignedVarint(0);
    else this.compactBytes(v);
  }

  /** A record blob (int32 length, -1 null): copied, or spliced in splice mode. */
  records(v: Buffer | null): void {
    if (v === null) {
      this.int32(-1);
      return;
    }
    this.int32(v.length);
    this.recordBytes(v);
  }

  /** A compact record blob (length + 1, 0 null): copied, or spliced in splice mode. */
  compactRecords(v: Buffer | null): void {
    if (v === null) {
      this.unsignedVarint(0);
      return;
    }
    this.unsignedVarint(v.length + 1);
    this.recordBytes(v);
  }

  private recordBytes(v: Buffer): void {
    if (this.chunks === null || v.length === 0) {
      this.raw(v);
      return;
    }
    if (this.pos > this.chunkStart) this.chunks.push(this.buf.subarray(this.chunkStart, this.pos));
    this.chunks.push(v);
    this.chunkStart = this.pos;
  }

  arrayLength(length: number): void {
    this.int32(length);
  }

  compactArrayLength(length: number): void {
    this.unsignedVarint(length + 1);
  }
}

/** Sizes of the length-prefixed types, for generated `size()` functions. */
export function sizeOfCompactLength(length: number): number {
  return sizeOfUnsignedVarint(length + 1);
}

export function sizeOfString(v: string): number {
  return 2 + Buffer.byteLength(v, 'utf8');
}

export function sizeOfCompactString(v: string): number {
  const length = Buffer.byteLength(v, 'utf8');
  return sizeOfUnsignedVarint(length + 1) + length;
}
