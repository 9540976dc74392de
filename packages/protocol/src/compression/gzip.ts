/**
 * GZIP (compression type 1) with Node's built-in zlib.
 *
 * Kafka's Java client writes one gzip member with `GZIPOutputStream` at the default
 * level (6, KIP-390's default), and so do we. On the read side a batch may hold several
 * concatenated members (RFC 1952 section 2.2); zlib's gunzip reads them all.
 *
 * The limit is enforced by zlib itself (`maxOutputLength`): it stops inflating as soon as
 * the output passes the limit, so a 100 MiB bomb costs one output chunk, not 100 MiB.
 * The async functions run on the libuv thread pool.
 */
import { constants as bufferConstants } from 'node:buffer';
import { gunzip, gunzipSync, gzip, gzipSync, type ZlibOptions } from 'node:zlib';
import { CompressionError, corrupt, messageOf, overLimit } from './compression-error.js';

const CODEC = 'gzip';

/** Output is produced in chunks of this size; larger than zlib's 16 KiB default for fewer copies. */
const CHUNK_BYTES = 64 * 1024;

export function gzipCompress(data: Uint8Array): Buffer {
  return gzipSync(data);
}

export function gzipCompressAsync(data: Uint8Array): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    gzip(data, (err, out) => {
      if (err === null) resolve(out);
      else reject(new CompressionError(`${CODEC}: ${err.message}`, { cause: err }));
    });
  });
}

export function gzipDecompress(data: Uint8Array, maxBytes: number): Buffer {
  let out: Buffer;
  try {
    out = gunzipSync(data, inflateOptions(maxBytes));
  } catch (err) {
    throw translate(err, maxBytes);
  }
  return checkSize(out, maxBytes);
}

export function gzipDecompressAsync(data: Uint8Array, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    gunzip(data, inflateOptions(maxBytes), (err, out) => {
      if (err !== null) {
        reject(translate(err, maxBytes));
        return;
      }
      try {
        resolve(checkSize(out, maxBytes));
      } catch (limitErr) {
        reject(limitErr);
      }
    });
  });
}

function inflateOptions(maxBytes: number): ZlibOptions {
  // zlib refuses a limit of 0 and one above the largest Buffer; the size check after
  // inflating covers the first case, and no Buffer can pass the second.
  const maxOutputLength = Math.min(Math.max(maxBytes, 1), bufferConstants.MAX_LENGTH);
  return { maxOutputLength, chunkSize: CHUNK_BYTES };
}

function checkSize(out: Buffer, maxBytes: number): Buffer {
  if (out.length > maxBytes) throw overLimit(CODEC, maxBytes, out.length);
  return out;
}

function translate(err: unknown, maxBytes: number): CompressionError {
  if (err instanceof Error && (err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
    return overLimit(CODEC, maxBytes);
  }
  // zlib's messages are clear enough: "unexpected end of file", "incorrect header check".
  return corrupt(CODEC, messageOf(err), err);
}
