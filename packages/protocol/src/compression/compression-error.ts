/**
 * The one error the compression codecs throw for bad input: corrupt or truncated bytes,
 * an unknown codec id, or output over the caller's limit. The bytes come from the
 * outside world (a producer, a replica, a segment on disk), so this is a value the
 * caller turns into a Kafka error code (CORRUPT_MESSAGE), never a crash.
 *
 * Programmer errors (a negative `maxBytes`) are not CompressionErrors: they throw a
 * RangeError, as assertions do everywhere else.
 */
export class CompressionError extends Error {
  override readonly name = 'CompressionError';
}

/** The input as a Buffer view (no copy), for the Buffer read methods and the native libraries. */
export function asBuffer(data: Uint8Array): Buffer {
  return Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}

/** Asserts that a decompression limit is a byte count; a bad limit is a bug in the caller. */
export function assertMaxBytes(maxBytes: number): void {
  if (!Number.isSafeInteger(maxBytes) || maxBytes < 0) {
    throw new RangeError(`maxBytes must be a non-negative safe integer, got ${maxBytes}`);
  }
}

/** Output over the limit; `size` is the exact or declared size when known. */
export function overLimit(codec: string, maxBytes: number, size?: number): CompressionError {
  const what = size === undefined ? 'decompressed output' : `decompressed size ${size}`;
  return new CompressionError(`${codec}: ${what} exceeds the limit of ${maxBytes} bytes`);
}

/** Corrupt or truncated input; `cause` is the library's own error, kept for debugging. */
export function corrupt(codec: string, detail: string, cause?: unknown): CompressionError {
  const message = `${codec}: corrupt input: ${detail}`;
  return cause === undefined ? new CompressionError(message) : new CompressionError(message, { cause });
}

/** The message of a library error, whatever was thrown. */
export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
