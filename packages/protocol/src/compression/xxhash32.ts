/**
 * XXH32, the 32-bit xxHash, written from the algorithm's description
 * (github.com/Cyan4973/xxHash, doc/xxhash_spec.md).
 *
 * The LZ4 frame format needs it for the header checksum (HC), a hash of a 2- to 15-byte
 * frame descriptor. None of the installed libraries exposes it (lz4-napi checks HC
 * inside Rust but does not export the hash), and the inputs here are a few bytes per
 * batch, so a plain TypeScript version is enough. It is correct for any length; it is
 * not meant for hashing large payloads.
 */

const PRIME32_1 = 0x9e3779b1;
const PRIME32_2 = 0x85ebca77;
const PRIME32_3 = 0xc2b2ae3d;
const PRIME32_4 = 0x27d4eb2f;
const PRIME32_5 = 0x165667b1;

/** XXH32 of `data[start, end)` with `seed`, as an unsigned 32-bit number. */
export function xxhash32(data: Uint8Array, start = 0, end = data.length, seed = 0): number {
  let p = start;
  let h: number;
  if (end - start >= 16) {
    // Four lanes over 16-byte stripes; `| 0` keeps every sum in 32 bits.
    let v1 = (seed + PRIME32_1 + PRIME32_2) | 0;
    let v2 = (seed + PRIME32_2) | 0;
    let v3 = seed | 0;
    let v4 = (seed - PRIME32_1) | 0;
    const limit = end - 16;
    while (p <= limit) {
      v1 = round(v1, readUint32LE(data, p));
      v2 = round(v2, readUint32LE(data, p + 4));
      v3 = round(v3, readUint32LE(data, p + 8));
      v4 = round(v4, readUint32LE(data, p + 12));
      p += 16;
    }
    h = (rotl(v1, 1) + rotl(v2, 7) + rotl(v3, 12) + rotl(v4, 18)) | 0;
  } else {
    h = (seed + PRIME32_5) | 0;
  }
  // The length is added modulo 2^32.
  h = (h + (end - start)) | 0;
  while (p + 4 <= end) {
    h = (h + Math.imul(readUint32LE(data, p), PRIME32_3)) | 0;
    h = Math.imul(rotl(h, 17), PRIME32_4);
    p += 4;
  }
  while (p < end) {
    h = (h + Math.imul(data[p] as number, PRIME32_5)) | 0;
    h = Math.imul(rotl(h, 11), PRIME32_1);
    p += 1;
  }
  // Avalanche.
  h ^= h >>> 15;
  h = Math.imul(h, PRIME32_2);
  h ^= h >>> 13;
  h = Math.imul(h, PRIME32_3);
  h ^= h >>> 16;
  return h >>> 0;
}

function round(acc: number, input: number): number {
  acc = (acc + Math.imul(input, PRIME32_2)) | 0;
  return Math.imul(rotl(acc, 13), PRIME32_1);
}

function rotl(x: number, r: number): number {
  return (x << r) | (x >>> (32 - r));
}

function readUint32LE(data: Uint8Array, p: number): number {
  return (
    ((data[p] as number) | ((data[p + 1] as number) << 8) | ((data[p + 2] as number) << 16)) +
    (data[p + 3] as number) * 0x1000000
  );
}
