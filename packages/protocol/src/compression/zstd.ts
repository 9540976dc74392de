/**
 * Zstandard (compression type 4, KIP-110) with `zstd-napi` (Node-API bindings to the
 * reference C library).
 *
 * We compress at level 3, zstd's and Kafka's default (KIP-390), with the content size in
 * the frame header. The Java client streams through zstd-jni and so writes frames
 * without a content size; both kinds are read, as are several frames back to back.
 *
 * Limits: when every frame declares its content size, a total over `maxBytes` is refused
 * from the headers alone, and otherwise the library decodes in one pass into a buffer of
 * exactly that size (it fails on any mismatch). When a frame has no content size, the
 * streaming decoder writes into output chunks whose total never exceeds `maxBytes + 1`,
 * so a bomb stops after `maxBytes` bytes. The decoder also keeps a window of up to
 * 2^windowLogMax bytes (the library default, 2^27 = 128 MiB, once per process since the
 * context is reused); `maxBytes` does not bound that.
 *
 * zstd-napi has no asynchronous API, so the async functions in index.ts run these on
 * the event loop: on the benchmark payload, about 0.65 ms per MiB to decompress and
 * 2.7 ms per MiB to compress (docs/benchmarks.md).
 */
import binding from 'zstd-napi/binding.js';
import { asBuffer, CompressionError, corrupt, messageOf, overLimit } from './compression-error.js';

const CODEC = 'zstd';

/** zstd's default level; Kafka's compression.zstd.level defaults to it too. */
const LEVEL = 3;
/** The compression scratch buffer is kept between calls up to this size. */
const SCRATCH_BYTES_MAX = 8 * 1024 * 1024;

let cctx: binding.CCtx | null = null;
let dctx: binding.DCtx | null = null;
let scratch: Buffer = Buffer.alloc(0);

export function zstdCompress(data: Uint8Array): Buffer {
  const input = asBuffer(data);
  cctx ??= new binding.CCtx();
  const bound = binding.compressBound(input.length);
  let dst = scratch;
  if (bound > dst.length) {
    dst = Buffer.allocUnsafe(bound);
    if (bound <= SCRATCH_BYTES_MAX) scratch = dst;
  }
  let length: number;
  try {
    length = cctx.compress(dst, input, LEVEL);
  } catch (err) {
    throw new CompressionError(`${CODEC}: ${messageOf(err)}`, { cause: err });
  }
  // A copy, so that the scratch buffer can be reused and a large one is not kept alive.
  return Buffer.from(dst.subarray(0, length));
}

export function zstdDecompress(data: Uint8Array, maxBytes: number): Buffer {
  const input = asBuffer(data);
  if (input.length === 0) throw corrupt(CODEC, 'empty input');
  dctx ??= new binding.DCtx();
  dctx.reset(binding.ResetDirective.sessionOnly);
  const declared = declaredContentSize(input, maxBytes);
  return declared >= 0 ? decodeKnownSize(dctx, input, declared) : decodeStreaming(dctx, input, maxBytes);
}

/**
 * The total content size the frame headers declare, or -1 if a frame does not declare
 * one. Throws if the frames are malformed or truncated, or if a declared total is over
 * the limit.
 */
function declaredContentSize(input: Buffer, maxBytes: number): number {
  let total = 0;
  let pos = 0;
  while (pos < input.length) {
    const rest = input.subarray(pos);
    let frameSize: number;
    let contentSize: number | null;
    try {
      contentSize = binding.getFrameContentSize(rest);
      frameSize = binding.findFrameCompressedSize(rest);
    } catch (err) {
      throw corrupt(CODEC, `frame at byte ${pos}: ${messageOf(err)}`, err);
    }
    if (contentSize === null) {
      total = -1;
    } else if (total >= 0) {
      total += contentSize;
      if (total > maxBytes) throw overLimit(CODEC, maxBytes, total);
    }
    pos += frameSize;
  }
  return total;
}

function decodeKnownSize(ctx: binding.DCtx, input: Buffer, size: number): Buffer {
  const out = Buffer.allocUnsafe(size);
  let produced: number;
  try {
    produced = ctx.decompress(out, input);
  } catch (err) {
    throw corrupt(CODEC, messageOf(err), err);
  }
  if (produced !== size) throw corrupt(CODEC, `frames declared ${size} bytes but decoded ${produced}`);
  return out;
}

/** Decodes frames without a declared size into chunks that together stay within `maxBytes + 1`. */
function decodeStreaming(ctx: binding.DCtx, input: Buffer, maxBytes: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  let allocated = 0;
  let consumed = 0;
  let chunkBytes = Math.max(binding.dStreamOutSize(), input.length * 4);
  let chunk = Buffer.allocUnsafe(Math.min(chunkBytes, maxBytes + 1));
  allocated += chunk.length;
  let used = 0;
  for (;;) {
    let result: [number, number, number];
    try {
      result = ctx.decompressStream(chunk.subarray(used), input.subarray(consumed));
    } catch (err) {
      throw corrupt(CODEC, messageOf(err), err);
    }
    const [remaining, produced, read] = result;
    used += produced;
    total += produced;
    consumed += read;
    if (total > maxBytes) throw overLimit(CODEC, maxBytes);
    if (remaining === 0 && consumed === input.length) break;
    if (used === chunk.length) {
      // Output full: the decoder may hold more. The next chunk doubles, within the limit.
      chunks.push(chunk);
      chunkBytes *= 2;
      chunk = Buffer.allocUnsafe(Math.min(chunkBytes, maxBytes + 1 - allocated));
      allocated += chunk.length;
      used = 0;
    } else if (consumed === input.length || (produced === 0 && read === 0)) {
      // Room to write and nothing left to read, yet the frame is not finished.
      throw corrupt(CODEC, `truncated: input ended inside a frame after ${total} bytes of output`);
    }
  }
  if (chunks.length === 0)
    return used * 4 >= chunk.length * 3 ? chunk.subarray(0, used) : Buffer.from(chunk.subarray(0, used));
  chunks.push(chunk.subarray(0, used));
  return Buffer.concat(chunks, total);
}
