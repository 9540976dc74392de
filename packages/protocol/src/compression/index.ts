/**
 * Compression codecs for Kafka record batches.
 *
 * The records of a batch (everything after the 61-byte v2 batch header) are compressed as
 * one blob with the codec named by bits 0-2 of the batch attributes. Each codec lives in
 * its own file with the details of its framing and of how its limit is enforced:
 * gzip.ts (zlib), snappy.ts (xerial framing or raw blocks), lz4.ts (LZ4 frames, with the
 * pre-KIP-57 header checksum), zstd.ts.
 *
 * `decompress` takes a limit because the size of the output is chosen by whoever wrote
 * the input: every codec refuses to produce more than `maxBytes`, and refuses as early
 * as its format allows (often from the headers, before allocating). All bad input ends
 * in a CompressionError; nothing else is thrown for it.
 *
 * The async variants run on the libuv thread pool where the library offers that (gzip,
 * snappy, lz4). zstd-napi offers no async API, so zstd runs on the calling thread.
 */
import { asBuffer, assertMaxBytes, CompressionError, overLimit } from './compression-error.js';
import { gzipCompress, gzipCompressAsync, gzipDecompress, gzipDecompressAsync } from './gzip.js';
import { lz4Compress, lz4CompressAsync, lz4Decompress, lz4DecompressAsync } from './lz4.js';
import { snappyCompress, snappyCompressAsync, snappyDecompress, snappyDecompressAsync } from './snappy.js';
import { zstdCompress, zstdDecompress } from './zstd.js';

export { CompressionError } from './compression-error.js';

/** Codec ids as they appear in bits 0-2 of the record batch attributes. */
export const Compression = { NONE: 0, GZIP: 1, SNAPPY: 2, LZ4: 3, ZSTD: 4 } as const;
export type CompressionType = (typeof Compression)[keyof typeof Compression];

/** Kafka's names, as in the `compression.type` config. */
const NAMES = ['none', 'gzip', 'snappy', 'lz4', 'zstd'] as const;

/** The Kafka name of a codec id ('none', 'gzip', 'snappy', 'lz4', 'zstd'), or 'unknown(id)'. */
export function compressionName(type: number): string {
  return NAMES[type] ?? `unknown(${type})`;
}

export function compress(type: CompressionType, data: Uint8Array): Buffer {
  switch (type) {
    case Compression.NONE:
      return asBuffer(data);
    case Compression.GZIP:
      return gzipCompress(data);
    case Compression.SNAPPY:
      return snappyCompress(data);
    case Compression.LZ4:
      return lz4Compress(data);
    case Compression.ZSTD:
      return zstdCompress(data);
    default:
      throw unknownType(type);
  }
}

/**
 * Decompresses `data`, refusing to produce more than `maxBytes` bytes. With NONE the input
 * itself is returned (a Buffer view), and the limit applies to it as well.
 * Throws CompressionError for corrupt, truncated or oversized input or an unknown codec.
 */
export function decompress(type: CompressionType, data: Uint8Array, maxBytes: number): Buffer {
  assertMaxBytes(maxBytes);
  switch (type) {
    case Compression.NONE:
      return uncompressed(data, maxBytes);
    case Compression.GZIP:
      return gzipDecompress(data, maxBytes);
    case Compression.SNAPPY:
      return snappyDecompress(data, maxBytes);
    case Compression.LZ4:
      return lz4Decompress(data, maxBytes);
    case Compression.ZSTD:
      return zstdDecompress(data, maxBytes);
    default:
      throw unknownType(type);
  }
}

/** As `compress`, off the event loop where the library allows. Rejects with CompressionError. */
export async function compressAsync(type: CompressionType, data: Uint8Array): Promise<Buffer> {
  switch (type) {
    case Compression.GZIP:
      return gzipCompressAsync(data);
    case Compression.SNAPPY:
      return snappyCompressAsync(data);
    case Compression.LZ4:
      return lz4CompressAsync(data);
    default:
      return compress(type, data);
  }
}

/** As `decompress`, off the event loop where the library allows. Rejects with CompressionError. */
export async function decompressAsync(type: CompressionType, data: Uint8Array, maxBytes: number): Promise<Buffer> {
  assertMaxBytes(maxBytes);
  switch (type) {
    case Compression.GZIP:
      return gzipDecompressAsync(data, maxBytes);
    case Compression.SNAPPY:
      return snappyDecompressAsync(data, maxBytes);
    case Compression.LZ4:
      return lz4DecompressAsync(data, maxBytes);
    default:
      return decompress(type, data, maxBytes);
  }
}

function uncompressed(data: Uint8Array, maxBytes: number): Buffer {
  if (data.length > maxBytes) throw overLimit(compressionName(Compression.NONE), maxBytes, data.length);
  return asBuffer(data);
}

function unknownType(type: never): CompressionError {
  return new CompressionError(`unknown compression type ${type as number}`);
}
