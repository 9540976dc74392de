/**
 * A bounds-checked reader over one frame of Kafka protocol bytes.
 *
 * Reads never throw. The first problem (too few bytes, a length over the limit, a null
 * where none is allowed) is kept in `error`, the position jumps to the end, and every
 * later read returns a zero value, so a decoder runs straight through and the caller
 * checks once (`complete()` or `error`). Every length is checked against the bytes that
 * remain, and against `maxLength`, before anything is allocated: a 4-byte frame cannot
 * ask for a 2 GiB array.
 *
 * Strings are decoded as UTF-8; bytes and records are returned as views into the frame
 * (no copy), so they are valid as long as the frame buffer is.
 */
import type { Uuid } from './uuid.js';
import { uuidFromBytes } from './uuid.js';

/** Largest single string, bytes or array length a reader accepts unless told otherwise. */
export const READ_LENGTH_MAX_DEFAULT = 100 * 1024 * 1024;

const EMPTY = Buffer.alloc(0);
const ZERO_UUID_STRING = 'AAAAAAAAAAAAAAAAAAAAAA' as Uuid;

export class Reader {
  readonly buf: Buffer;
  pos: number;
  readonly end: number;
  readonly maxLength: number;
  /** The first error met, or null. */
  error: string | null = null;

  constructor(buf: Buffer, start = 0, end = buf.length, maxLength = READ_LENGTH_MAX_DEFAULT) {
    this.buf = buf;
    this.pos = start;
    this.end = end;
    this.maxLength = maxLength;
  }

  remaining(): number {
    return this.end - this.pos;
  }

  /** Records the first error and stops all further reads. */
  fail(message: string): void {
    if (this.error === null) this.error = `${message} (at byte ${this.pos})`;
    this.pos = this.end;
  }

  /** True when no error happened and every byte was consumed. */
  complete(): boolean {
    if (this.error === null && this.pos !== this.end) this.fail(`${this.end - this.pos} unread bytes at the end`);
    return this.error === null;
  }

  private need(n: number): boolean {
    if (this.end - this.pos >= n) return true;
    this.fail(`needed ${n} bytes, ${this.end - this.pos} remain`);
    return false;
  }

  private checkLength(length: number, what: string): boolean {
    if (length > this.end - this.pos) {
      this.fail(`${what} length ${length} exceeds the ${this.end - this.pos} bytes remaining`);
      return false;
    }
    if (length > this.maxLength) {
      this.fail(`${what} length ${length} exceeds the limit of ${this.maxLength}`);
      return false;
    }
    return true;
  }

  bool(): boolean {
    if (!this.need(1)) return false;
    return this.buf[this.pos++] !== 0;
  }

  int8(): number {
    if (!this.need(1)) return 0;
    const v = this.buf.readInt8(this.pos);
    this.pos += 1;
    return v;
  }

  int16(): number {
    if (!this.need(2)) return 0;
    const v = this.buf.readInt16BE(this.pos);
    this.pos += 2;
    return v;
  }

  uint16(): number {
    if (!this.need(2)) return 0;
    const v = this.buf.readUInt16BE(this.pos);
    this.pos += 2;
    return v;
  }

  int32(): number {
    if (!this.need(4)) return 0;
    const v = this.buf.readInt32BE(this.pos);
    this.pos += 4;
    return v;
  }

  uint32(): number {
    if (!this.need(4)) return 0;
    const v = this.buf.readUInt32BE(this.pos);
    this.pos += 4;
    return v;
  }

  int64(): bigint {
    if (!this.need(8)) return 0n;
    const v = this.buf.readBigInt64BE(this.pos);
    this.pos += 8;
    return v;
  }

  /** An int64 as a number; values outside the safe-integer range are an error. */
  int64Number(): number {
    if (!this.need(8)) return 0;
    const hi = this.buf.readInt32BE(this.pos);
    const lo = this.buf.readUInt32BE(this.pos + 4);
    const v = hi * 0x100000000 + lo;
    if (!Number.isSafeInteger(v)) {
      this.fail(`int64 ${this.buf.readBigInt64BE(this.pos)} is outside the safe integer range`);
      return 0;
    }
    this.pos += 8;
    return v;
  }

  float64(): number {
    if (!this.need(8)) return 0;
    const v = this.buf.readDoubleBE(this.pos);
    this.pos += 8;
    return v;
  }

  uuid(): Uuid {
    if (!this.need(16)) return ZERO_UUID_STRING;
    const v = uuidFromBytes(this.buf, this.pos);
    this.pos += 16;
    return v;
  }

  /** An unsigned varint of at most 32 bits (5 bytes). */
  unsignedVarint(): number {
    let result = 0;
    let shift = 0;
    for (let i = 0; i < 5; i++) {
      if (this.pos >= this.end) {
        this.fail('varint cut off');
        return 0;
      }
      const b = this.buf[this.pos++] as number;
      if (i === 4 && b > 0x0f) {
        this.fail('varint longer than 32 bits');
        return 0;
      }
      result += (b & 0x7f) * 2 ** shift;
      if ((b & 0x80) === 0) return result;
      shift += 7;
    }
    this.fail('varint longer than 5 bytes');
    return 0;
  }

  /** A zig-zag varint (int32). */
  varint(): number {
    const u = this.unsignedVarint();
    return (u >>> 1) ^ -(u & 1);
  }

  /** A zig-zag varlong; values outside the safe-integer range are an error. */
  varlong(): number {
    const start = this.pos;
    let zz = 0;
    let mul = 1;
    // Up to 7 bytes (49 bits) number arithmetic is exact; longer ones take the bigint path.
    for (let i = 0; i < 7; i++) {
      if (this.pos >= this.end) {
        this.fail('varlong cut off');
        return 0;
      }
      const b = this.buf[this.pos++] as number;
      zz += (b & 0x7f) * mul;
      if ((b & 0x80) === 0) return zz % 2 === 0 ? zz / 2 : -(zz + 1) / 2;
      mul *= 128;
    }
    this.pos = start;
    return this.longVarlong();
  }

  private longVarlong(): number {
    let zz = 0n;
    let shift = 0n;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.end) {
        this.fail('varlong cut off');
        return 0;
      }
      const b = this.buf[this.pos++] as number;
      zz |= BigInt(b & 0x7f) << shift;
      if ((b & 0x80) === 0) {
        const v = Number((zz >> 1n) ^ -(zz & 1n));
        if (!Number.isSafeInteger(v)) {
          this.fail('varlong outside the safe integer range');
          return 0;
        }
        return v;
      }
      shift += 7n;
    }
    this.fail('varlong longer than 10 bytes');
    return 0;
  }

  private utf8(length: number): string {
    if (!this.checkLength(length, 'string')) return '';
    const s = this.buf.toString('utf8', this.pos, this.pos + length);
    this.pos += length;
    return s;
  }

  private slice(length: number, what: string): Buffer {
    if (!this.checkLength(length, what)) return EMPTY;
    const b = this.buf.subarray(this.pos, this.pos + length);
    this.pos += length;
    return b;
  }

  /** STRING: int16 length, then UTF-8 bytes. */
  string(): string {
    const length = this.int16();
    if (length < 0) {
      if (this.error === null) this.fail('non-nullable string was null');
      return '';
    }
    return this.utf8(length);
  }

  /** NULLABLE_STRING: int16 length (-1 null), then UTF-8 bytes. */
  nullableString(): string | null {
    const length = this.int16();
    if (length < 0) return length === -1 ? null : this.badLength(length, null);
    return this.utf8(length);
  }

  /** COMPACT_STRING: unsigned varint length + 1, then UTF-8 bytes. */
  compactString(): string {
    const n = this.unsignedVarint();
    if (n === 0) {
      if (this.error === null) this.fail('non-nullable compact string was null');
      return '';
    }
    return this.utf8(n - 1);
  }

  /** COMPACT_NULLABLE_STRING: unsigned varint length + 1 (0 null), then UTF-8 bytes. */
  compactNullableString(): string | null {
    const n = this.unsignedVarint();
    if (n === 0) return null;
    return this.utf8(n - 1);
  }

  /** BYTES: int32 length, then the bytes (a view, not a copy). */
  bytes(): Buffer {
    const length = this.int32();
    if (length < 0) {
      if (this.error === null) this.fail('non-nullable bytes were null');
      return EMPTY;
    }
    return this.slice(length, 'bytes');
  }

  /** NULLABLE_BYTES: int32 length (-1 null), then the bytes (a view, not a copy). */
  nullableBytes(): Buffer | null {
    const length = this.int32();
    if (length < 0) return length === -1 ? null : this.badLength(length, null);
    return this.slice(length, 'bytes');
  }

  /** COMPACT_BYTES: unsigned varint length + 1, then the bytes (a view). */
  compactBytes(): Buffer {
    const n = this.unsignedVarint();
    if (n === 0) {
      if (this.error === null) this.fail('non-nullable compact bytes were null');
      return EMPTY;
    }
    return this.slice(n - 1, 'bytes');
  }

  /** COMPACT_NULLABLE_BYTES: unsigned varint length + 1 (0 null), then the bytes (a view). */
  compactNullableBytes(): Buffer | null {
    const n = this.unsignedVarint();
    if (n === 0) return null;
    return this.slice(n - 1, 'bytes');
  }

  /**
   * An array length: int32, -1 for null. A length larger than the bytes remaining is
   * refused (every element takes at least one byte), as Kafka's generated code does.
   * Returns -1 for null and for errors; callers treat both as "no elements".
   */
  arrayLength(): number {
    const length = this.int32();
    if (this.error !== null) return -1;
    if (length < 0) return length === -1 ? -1 : this.badLength(length, -1);
    return this.checkLength(length, 'array') ? length : -1;
  }

  /** A compact array length: unsigned varint length + 1 (0 null); -1 for null or error. */
  compactArrayLength(): number {
    const n = this.unsignedVarint();
    if (n === 0) return -1;
    return this.checkLength(n - 1, 'array') ? n - 1 : -1;
  }

  /** Skips `length` bytes (unknown tagged fields the caller keeps as a view). */
  skip(length: number): Buffer {
    return this.slice(length, 'tagged field');
  }

  private badLength<T>(length: number, value: T): T {
    this.fail(`invalid length ${length}`);
    return value;
  }
}
