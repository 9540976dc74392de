/**
 * Snappy (compression type 2) with the `snappy` library (napi-rs, the Rust `snap` crate).
 *
 * Two layouts reach a broker:
 * - xerial framing, written by the Java client (snappy-java's SnappyOutputStream):
 *     magic   8 bytes  0x82 'S' 'N' 'A' 'P' 'P' 'Y' 0x00
 *     version int32 BE (1), then min-compatible version int32 BE (1)
 *     then chunks: [int32 BE compressed length][raw snappy block], each block holding
 *     at most 32 KiB of input.
 *   snappy-java also reads several such streams back to back, so a chunk position that
 *   starts with the magic begins a new stream header.
 * - a raw snappy block, written by librdkafka and by the KafkaJS snappy codec.
 * librdkafka (rdkafka_msgset_reader.c) and the KafkaJS codec (kafkajs-snappy) both detect
 * xerial by its magic and read either, so we write xerial, as the Java client does.
 *
 * The magic cannot start a valid raw block: it would parse as the length varint
 * 0x82 0x53 followed by the tag byte 'N' (0x4e), a copy with nothing to copy from.
 *
 * Limits: a raw block begins with its uncompressed length (an unsigned varint, at most
 * 32 bits). Every block's length is read and summed against `maxBytes` before the
 * library decodes anything, because the library allocates the declared length up front
 * (a 6-byte input can declare 4 GiB). The library then checks that each block decodes
 * to exactly its declared length.
 *
 * Known gap: xerial has no end marker, so a stream cut exactly at a chunk boundary reads
 * as a shorter valid stream. The record batch CRC catches that one.
 */
import snappy from 'snappy';
import { asBuffer, CompressionError, corrupt, messageOf, overLimit } from './compression-error.js';

const CODEC = 'snappy';

/**
 * The library hands back external Buffers by default. Copying into a V8-allocated Buffer
 * instead measured faster here: compressing about 3-5x, and decoding 50 batches within
 * one tick about 1.2x (docs/benchmarks.md). Node frees external memory only when the
 * event loop turns, so a burst of external Buffers piles up.
 */
const ENCODE_OPTIONS = { copyOutputData: true } as const;
const DECODE_OPTIONS = { asBuffer: true, copyOutputData: true } as const;

const XERIAL_MAGIC = Buffer.from([0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0x00]);
/** Magic, version, min-compatible version. */
const XERIAL_HEADER_BYTES = 16;
const XERIAL_VERSION = 1;
const XERIAL_COMPATIBLE_VERSION = 1;
/** Input bytes per xerial chunk: snappy-java's default block size. */
export const XERIAL_BLOCK_BYTES = 32 * 1024;

/** A raw snappy block inside the input, with the uncompressed length it declares. */
interface Block {
  start: number;
  end: number;
  length: number;
}

export function snappyCompress(data: Uint8Array): Buffer {
  const input = asBuffer(data);
  const compressed: Buffer[] = [];
  for (let pos = 0; pos < input.length; pos += XERIAL_BLOCK_BYTES) {
    compressed.push(snappy.compressSync(input.subarray(pos, pos + XERIAL_BLOCK_BYTES), ENCODE_OPTIONS));
  }
  return xerialFrame(compressed);
}

export async function snappyCompressAsync(data: Uint8Array): Promise<Buffer> {
  const input = asBuffer(data);
  const pending: Promise<Buffer>[] = [];
  for (let pos = 0; pos < input.length; pos += XERIAL_BLOCK_BYTES) {
    pending.push(snappy.compress(input.subarray(pos, pos + XERIAL_BLOCK_BYTES), ENCODE_OPTIONS));
  }
  try {
    return xerialFrame(await Promise.all(pending));
  } catch (err) {
    throw new CompressionError(`${CODEC}: ${messageOf(err)}`, { cause: err });
  }
}

export function snappyDecompress(data: Uint8Array, maxBytes: number): Buffer {
  const input = asBuffer(data);
  const blocks = findBlocks(input, maxBytes);
  if (blocks.length === 1) return uncompressBlock(input, blocks[0] as Block);
  const out = Buffer.allocUnsafe(totalLength(blocks));
  let pos = 0;
  for (let i = 0; i < blocks.length; i++) {
    pos += uncompressBlock(input, blocks[i] as Block).copy(out, pos);
  }
  return out;
}

export async function snappyDecompressAsync(data: Uint8Array, maxBytes: number): Promise<Buffer> {
  const input = asBuffer(data);
  const blocks = findBlocks(input, maxBytes);
  const pending: Promise<Buffer>[] = [];
  for (let i = 0; i < blocks.length; i++) pending.push(uncompressBlockAsync(input, blocks[i] as Block));
  const decoded = await Promise.all(pending);
  if (decoded.length === 1) return decoded[0] as Buffer;
  const out = Buffer.allocUnsafe(totalLength(blocks));
  let pos = 0;
  for (let i = 0; i < decoded.length; i++) pos += (decoded[i] as Buffer).copy(out, pos);
  return out;
}

function xerialFrame(compressed: Buffer[]): Buffer {
  let size = XERIAL_HEADER_BYTES;
  for (let i = 0; i < compressed.length; i++) size += 4 + (compressed[i] as Buffer).length;
  const out = Buffer.allocUnsafe(size);
  XERIAL_MAGIC.copy(out, 0);
  out.writeInt32BE(XERIAL_VERSION, 8);
  out.writeInt32BE(XERIAL_COMPATIBLE_VERSION, 12);
  let pos = XERIAL_HEADER_BYTES;
  for (let i = 0; i < compressed.length; i++) {
    const block = compressed[i] as Buffer;
    pos = out.writeInt32BE(block.length, pos);
    pos += block.copy(out, pos);
  }
  return out;
}

function isXerialMagic(input: Buffer, pos: number): boolean {
  return input.length - pos >= XERIAL_MAGIC.length && input.compare(XERIAL_MAGIC, 0, 8, pos, pos + 8) === 0;
}

/**
 * The raw blocks of the input, checked for framing and summed against the limit before
 * anything is decoded. Throws CompressionError.
 */
function findBlocks(input: Buffer, maxBytes: number): Block[] {
  if (!isXerialMagic(input, 0)) {
    const block = { start: 0, end: input.length, length: declaredLength(input, 0, input.length) };
    if (block.length > maxBytes) throw overLimit(CODEC, maxBytes, block.length);
    return [block];
  }
  // The version fields are not checked: the format never changed, and librdkafka
  // ignores them too.
  const blocks: Block[] = [];
  let total = 0;
  let pos = 0;
  while (pos < input.length) {
    if (isXerialMagic(input, pos)) {
      if (input.length - pos < XERIAL_HEADER_BYTES) throw corrupt(CODEC, `xerial header cut off at byte ${pos}`);
      pos += XERIAL_HEADER_BYTES;
      continue;
    }
    if (input.length - pos < 4) throw corrupt(CODEC, `xerial chunk length cut off at byte ${pos}`);
    const size = input.readInt32BE(pos);
    // snappy-java never writes an empty chunk, and an empty raw block is not valid snappy.
    if (size <= 0) throw corrupt(CODEC, `xerial chunk length ${size} at byte ${pos}`);
    const start = pos + 4;
    const end = start + size;
    if (end > input.length) {
      throw corrupt(CODEC, `xerial chunk of ${size} bytes at byte ${pos} runs past the end (${input.length} bytes)`);
    }
    const length = declaredLength(input, start, end);
    total += length;
    blocks.push({ start, end, length });
    pos = end;
  }
  // Only lengths were read, so the whole stream is walked first and the exact total reported.
  if (total > maxBytes) throw overLimit(CODEC, maxBytes, total);
  return blocks;
}

/** The uncompressed length a raw block declares: an unsigned varint of at most 32 bits. */
function declaredLength(input: Buffer, start: number, end: number): number {
  let length = 0;
  for (let i = 0; i < 5; i++) {
    if (start + i >= end) break;
    const b = input[start + i] as number;
    if (i === 4 && b > 0x0f) break;
    length += (b & 0x7f) * 2 ** (7 * i);
    if ((b & 0x80) === 0) return length;
  }
  throw corrupt(CODEC, `bad uncompressed length varint in the block at byte ${start}`);
}

function totalLength(blocks: Block[]): number {
  let total = 0;
  for (let i = 0; i < blocks.length; i++) total += (blocks[i] as Block).length;
  return total;
}

function uncompressBlock(input: Buffer, block: Block): Buffer {
  let out: string | Buffer;
  try {
    out = snappy.uncompressSync(input.subarray(block.start, block.end), DECODE_OPTIONS);
  } catch (err) {
    throw blockError(block, err);
  }
  return checkBlock(block, out);
}

async function uncompressBlockAsync(input: Buffer, block: Block): Promise<Buffer> {
  let out: string | Buffer;
  try {
    out = await snappy.uncompress(input.subarray(block.start, block.end), DECODE_OPTIONS);
  } catch (err) {
    throw blockError(block, err);
  }
  return checkBlock(block, out);
}

function blockError(block: Block, err: unknown): CompressionError {
  // The library's messages already start with "snappy: corrupt input".
  const detail = messageOf(err).replace(/^snappy: corrupt input:? ?/, '');
  return corrupt(CODEC, `block at byte ${block.start}: ${detail}`, err);
}

/** The library checks the declared length itself; this pairs that check with ours. */
function checkBlock(block: Block, out: string | Buffer): Buffer {
  if (typeof out === 'string' || out.length !== block.length) {
    throw corrupt(CODEC, `block at byte ${block.start} declared ${block.length} bytes but decoded to another size`);
  }
  return out;
}
