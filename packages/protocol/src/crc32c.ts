import { crc32c as nativeCrc32c } from '@node-rs/crc32';

/**
 * CRC-32C (Castagnoli), the checksum of record batches (magic 2).
 *
 * Backed by @node-rs/crc32, which uses the SSE4.2 / ARMv8 CRC instructions: several
 * GB/s on one core (see docs/benchmarks.md). `initial` continues a running checksum.
 */
export function crc32c(data: Uint8Array, initial = 0): number {
  return nativeCrc32c(data, initial) >>> 0;
}
