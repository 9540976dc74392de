/**
 * Variable-length integers as Kafka writes them (protobuf encoding).
 *
 * - unsigned varint: 7 bits per byte, least significant group first, high bit set on
 *   every byte but the last. Used for compact lengths and tagged-field headers (u32).
 * - varint / varlong: zig-zag mapped signed values (`(n << 1) ^ (n >> 31)`), then as an
 *   unsigned varint. Used inside records (KIP-98 record format).
 *
 * varlongs are handled as `number`s: record deltas fit in 53 bits; a larger value is
 * refused by the reader (see Reader.varlong) rather than silently rounded.
 */

/** Bytes an unsigned 32-bit varint takes. */
export function sizeOfUnsignedVarint(value: number): number {
  if (value < 0x80) return 1;
  if (value < 0x4000) return 2;
  if (value < 0x200000) return 3;
  if (value < 0x10000000) return 4;
  return 5;
}

/** Bytes a zig-zag 32-bit varint takes. */
export function sizeOfVarint(value: number): number {
  return sizeOfUnsignedVarint(((value << 1) ^ (value >> 31)) >>> 0);
}

/** Beyond this magnitude the zig-zag value (2|v|) no longer fits a double exactly. */
const VARLONG_FAST_MAX = 2 ** 52;

/** Bytes a zig-zag varlong takes; `value` must be a safe integer. */
export function sizeOfVarlong(value: number): number {
  if (value > VARLONG_FAST_MAX || value < -VARLONG_FAST_MAX) {
    return sizeOfUnsignedBig(zigZagBig(value));
  }
  let zz = value >= 0 ? value * 2 : -value * 2 - 1;
  let size = 1;
  while (zz >= 0x80) {
    zz = Math.floor(zz / 128);
    size++;
  }
  return size;
}

/** Writes an unsigned varint at `offset`; returns the offset after it. */
export function writeUnsignedVarint(buf: Uint8Array, offset: number, value: number): number {
  let v = value >>> 0;
  while (v >= 0x80) {
    buf[offset++] = (v & 0x7f) | 0x80;
    v >>>= 7;
  }
  buf[offset++] = v;
  return offset;
}

/** Writes a zig-zag varint at `offset`; returns the offset after it. */
export function writeVarint(buf: Uint8Array, offset: number, value: number): number {
  return writeUnsignedVarint(buf, offset, ((value << 1) ^ (value >> 31)) >>> 0);
}

/** Writes a zig-zag varlong (safe integer) at `offset`; returns the offset after it. */
export function writeVarlong(buf: Uint8Array, offset: number, value: number): number {
  if (value > VARLONG_FAST_MAX || value < -VARLONG_FAST_MAX) {
    let big = zigZagBig(value);
    while (big >= 0x80n) {
      buf[offset++] = Number(big & 0x7fn) | 0x80;
      big >>= 7n;
    }
    buf[offset++] = Number(big);
    return offset;
  }
  let zz = value >= 0 ? value * 2 : -value * 2 - 1;
  while (zz >= 0x80) {
    buf[offset++] = (zz % 128) | 0x80;
    zz = Math.floor(zz / 128);
  }
  buf[offset++] = zz;
  return offset;
}

function zigZagBig(value: number): bigint {
  const v = BigInt(value);
  return v >= 0n ? v << 1n : (-v << 1n) - 1n;
}

function sizeOfUnsignedBig(value: bigint): number {
  let size = 1;
  while (value >= 0x80n) {
    value >>= 7n;
    size++;
  }
  return size;
}
