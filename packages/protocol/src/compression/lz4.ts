/**
 * LZ4 (compression type 3): the LZ4 frame format (KIP-57), with the `lz4-napi` library
 * (napi-rs over the Rust `lz4_flex` crate).
 *
 * Frame layout (github.com/lz4/lz4, doc/lz4_Frame_format.md):
 *   magic 0x184D2204 (LE), FLG, BD, [content size u64 LE], [dict id u32 LE], HC,
 *   blocks: [u32 LE size, high bit = stored uncompressed][data][block checksum u32]?
 *   end mark: u32 0, then [content checksum u32]?
 * HC is byte 1 of XXH32(FLG .. last descriptor byte, seed 0). Kafka clients before
 * KIP-57 (message format v0) hashed from the magic number instead; Kafka's
 * KafkaLZ4BlockInputStream skips the check for them. lz4_flex rejects such a frame, so
 * we recognise the old checksum and hand the library a copy with HC corrected.
 *
 * We write what Kafka's Java client (KafkaLZ4BlockOutputStream) writes: version 1,
 * independent 64 KiB blocks, no checksums (the record batch has its own CRC-32C), and a
 * block stored uncompressed when compressing does not shrink it. The frame is assembled
 * here from lz4-napi's block compressor, because its frame encoder picks the block size
 * from the input size (256 KiB blocks above 64 KiB of input, 4 MiB blocks above 256 KiB,
 * which Java readers then allocate a buffer for).
 * lz4_flex has only the fast compressor, so there is no level (Java's default since
 * KIP-390 is the high-compression mode at level 9).
 *
 * Before any decoding, the frame is walked here: every block length is checked against
 * the block maximum and the input, so truncated input is refused (lz4_flex returns the
 * bytes decoded so far when the input simply ends). The walk also bounds the output:
 * compressed blocks decode to at most the block maximum, stored ones to their size.
 * lz4-napi has no output limit and no streaming decoder, so when that bound is over
 * `maxBytes` (a bomb, or a small batch in 4 MiB blocks) the exact size is computed by
 * reading the sequence headers of each compressed block (literal and match lengths,
 * skipping the literals), and refused if over the limit, before the library allocates.
 * Several frames back to back are decoded one after another.
 */
import lz4 from 'lz4-napi';
import { asBuffer, CompressionError, corrupt, messageOf, overLimit } from './compression-error.js';
import { xxhash32 } from './xxhash32.js';

const CODEC = 'lz4';

const MAGIC = 0x184d2204;
const SKIPPABLE_MAGIC_MASK = 0xfffffff0;
const SKIPPABLE_MAGIC = 0x184d2a50;

const FLG_VERSION_MASK = 0xc0;
const FLG_VERSION_01 = 0x40;
const FLG_BLOCK_INDEPENDENCE = 0x20;
const FLG_BLOCK_CHECKSUM = 0x10;
const FLG_CONTENT_SIZE = 0x08;
const FLG_CONTENT_CHECKSUM = 0x04;
const FLG_RESERVED = 0x02;
const FLG_DICT_ID = 0x01;
const BD_RESERVED = 0x8f;

const BLOCK_UNCOMPRESSED = 0x80000000;
const BLOCK_SIZE_MASK = 0x7fffffff;
/** Every LZ4 match copies at least this many bytes (the block format's MINMATCH). */
const MIN_MATCH = 4;
const END_MARK_BYTES = 4;

/** Input bytes per block we write, and the BD byte that declares it. */
const BLOCK_BYTES = 64 * 1024;
const BD_64_KIB = 0x40;
/** FLG: version 01, independent blocks, nothing optional. */
const FLG_WRITE = FLG_VERSION_01 | FLG_BLOCK_INDEPENDENCE;
/** lz4-napi's block compressor prefixes the uncompressed size. */
const BLOCK_PREFIX_BYTES = 4;
/** Magic, FLG, BD, HC: 04 22 4d 18 60 40 82. */
const WRITE_HEADER = Buffer.from([0x04, 0x22, 0x4d, 0x18, FLG_WRITE, BD_64_KIB, 0]);
WRITE_HEADER[6] = (xxhash32(WRITE_HEADER, 4, 6) >>> 8) & 0xff;

/** One frame of the input, walked and checked. */
interface Frame {
  start: number;
  end: number;
  /** Offset of the HC byte. */
  headerChecksumAt: number;
  /** HC as the specification computes it, to repair a frame with the pre-KIP-57 checksum. */
  headerChecksum: number;
  /** HC was computed the pre-KIP-57 way. */
  brokenHeaderChecksum: boolean;
  /** Declared content size, or -1 when the frame does not carry one. */
  contentSize: number;
  blockMaxBytes: number;
  blockChecksums: boolean;
  /** The most the frame can decode to. */
  boundBytes: number;
  /** Offset of the first block header. */
  blocksAt: number;
}

export function lz4Compress(data: Uint8Array): Buffer {
  const input = asBuffer(data);
  const blocks: Buffer[] = [];
  for (let pos = 0; pos < input.length; pos += BLOCK_BYTES) {
    blocks.push(lz4.compressSync(input.subarray(pos, pos + BLOCK_BYTES)));
  }
  return writeFrame(input, blocks);
}

export async function lz4CompressAsync(data: Uint8Array): Promise<Buffer> {
  const input = asBuffer(data);
  const pending: Promise<Buffer>[] = [];
  for (let pos = 0; pos < input.length; pos += BLOCK_BYTES) {
    pending.push(lz4.compress(input.subarray(pos, pos + BLOCK_BYTES)));
  }
  try {
    return writeFrame(input, await Promise.all(pending));
  } catch (err) {
    throw new CompressionError(`${CODEC}: ${messageOf(err)}`, { cause: err });
  }
}

/**
 * A frame around blocks from lz4-napi's block compressor, whose output is the block
 * prefixed with the uncompressed size (u32 LE). Block `i` holds input bytes
 * [i * BLOCK_BYTES, (i + 1) * BLOCK_BYTES).
 */
function writeFrame(input: Buffer, compressed: Buffer[]): Buffer {
  let size = WRITE_HEADER.length + END_MARK_BYTES;
  for (let i = 0; i < compressed.length; i++) {
    const raw = Math.min(BLOCK_BYTES, input.length - i * BLOCK_BYTES);
    size += 4 + Math.min(raw, (compressed[i] as Buffer).length - BLOCK_PREFIX_BYTES);
  }
  const out = Buffer.allocUnsafe(size);
  let pos = WRITE_HEADER.copy(out, 0);
  for (let i = 0; i < compressed.length; i++) {
    const raw = input.subarray(i * BLOCK_BYTES, (i + 1) * BLOCK_BYTES);
    const block = (compressed[i] as Buffer).subarray(BLOCK_PREFIX_BYTES);
    if (block.length < raw.length) {
      pos = out.writeUInt32LE(block.length, pos);
      pos += block.copy(out, pos);
    } else {
      pos = out.writeUInt32LE((raw.length | BLOCK_UNCOMPRESSED) >>> 0, pos);
      pos += raw.copy(out, pos);
    }
  }
  out.writeUInt32LE(0, pos);
  return out;
}

export function lz4Decompress(data: Uint8Array, maxBytes: number): Buffer {
  const input = asBuffer(data);
  const frames = checkFrames(input, maxBytes);
  const parts: Buffer[] = [];
  for (let i = 0; i < frames.length; i++) {
    const frame = frames[i] as Frame;
    parts.push(checkOutput(frame, decodeFrame(input, frame), maxBytes));
  }
  return parts.length === 1 ? (parts[0] as Buffer) : concatWithin(parts, maxBytes);
}

export async function lz4DecompressAsync(data: Uint8Array, maxBytes: number): Promise<Buffer> {
  const input = asBuffer(data);
  const frames = checkFrames(input, maxBytes);
  const pending: Promise<Buffer>[] = [];
  for (let i = 0; i < frames.length; i++) pending.push(decodeFrameAsync(input, frames[i] as Frame));
  const parts = await Promise.all(pending);
  for (let i = 0; i < parts.length; i++) checkOutput(frames[i] as Frame, parts[i] as Buffer, maxBytes);
  return parts.length === 1 ? (parts[0] as Buffer) : concatWithin(parts, maxBytes);
}

/** Walks every frame and refuses the input if it is malformed or may decode past `maxBytes`. */
function checkFrames(input: Buffer, maxBytes: number): Frame[] {
  const frames: Frame[] = [];
  let pos = 0;
  let bound = 0;
  do {
    const frame = readFrame(input, pos);
    if (frame.contentSize > maxBytes) throw overLimit(CODEC, maxBytes, frame.contentSize);
    frames.push(frame);
    bound += frame.boundBytes;
    pos = frame.end;
  } while (pos < input.length);
  if (bound <= maxBytes) return frames;
  // The cheap bound is over the limit: count exactly, stopping once past the limit.
  let exact = 0;
  for (let i = 0; i < frames.length; i++) {
    exact += exactSize(input, frames[i] as Frame, maxBytes - exact);
    if (exact > maxBytes) throw overLimit(CODEC, maxBytes);
  }
  return frames;
}

function readFrame(input: Buffer, start: number): Frame {
  if (input.length - start < 7) throw corrupt(CODEC, `frame header cut off at byte ${start}`);
  const magic = input.readUInt32LE(start);
  if (magic !== MAGIC) {
    if ((magic & SKIPPABLE_MAGIC_MASK) >>> 0 === SKIPPABLE_MAGIC) {
      throw corrupt(CODEC, `skippable frame at byte ${start} is not supported`);
    }
    throw corrupt(CODEC, `bad magic number 0x${magic.toString(16)} at byte ${start}`);
  }
  const flg = input[start + 4] as number;
  const bd = input[start + 5] as number;
  if ((flg & FLG_VERSION_MASK) !== FLG_VERSION_01)
    throw corrupt(CODEC, `unsupported frame version in FLG 0x${hex(flg)}`);
  if ((flg & FLG_RESERVED) !== 0 || (bd & BD_RESERVED) !== 0) {
    throw corrupt(CODEC, `reserved bits set in FLG 0x${hex(flg)} / BD 0x${hex(bd)}`);
  }
  // No Kafka client uses a preset dictionary, and the batch carries none to decode with.
  if ((flg & FLG_DICT_ID) !== 0) throw corrupt(CODEC, 'frames with a preset dictionary are not supported');
  const blockMaxIndex = (bd >>> 4) & 0x07;
  if (blockMaxIndex < 4) throw corrupt(CODEC, `invalid block maximum size ${blockMaxIndex} in BD`);
  // 4: 64 KiB, 5: 256 KiB, 6: 1 MiB, 7: 4 MiB.
  const blockMaxBytes = 1 << (8 + 2 * blockMaxIndex);
  const descriptorEnd = start + 6 + ((flg & FLG_CONTENT_SIZE) !== 0 ? 8 : 0);
  if (input.length < descriptorEnd + 1) throw corrupt(CODEC, 'frame descriptor cut off');
  let contentSize = -1;
  if ((flg & FLG_CONTENT_SIZE) !== 0) {
    // Above 2^53 the number is inexact, but it is then over any limit anyway.
    contentSize = input.readUInt32LE(start + 6) + input.readUInt32LE(start + 10) * 0x100000000;
  }

  const headerChecksum = (xxhash32(input, start + 4, descriptorEnd) >>> 8) & 0xff;
  const stored = input[descriptorEnd] as number;
  let brokenHeaderChecksum = false;
  if (stored !== headerChecksum) {
    if (stored !== ((xxhash32(input, start, descriptorEnd) >>> 8) & 0xff)) {
      throw corrupt(CODEC, `frame header checksum 0x${hex(stored)} does not match 0x${hex(headerChecksum)}`);
    }
    brokenHeaderChecksum = true;
  }

  const blockChecksums = (flg & FLG_BLOCK_CHECKSUM) !== 0;
  const blocksAt = descriptorEnd + 1;
  let pos = blocksAt;
  let boundBytes = 0;
  for (;;) {
    if (input.length - pos < 4) throw corrupt(CODEC, `truncated: block header cut off at byte ${pos}`);
    const word = input.readUInt32LE(pos);
    pos += 4;
    if (word === 0) break;
    const size = word & BLOCK_SIZE_MASK;
    if (size > blockMaxBytes) {
      throw corrupt(CODEC, `block of ${size} bytes at byte ${pos - 4} exceeds the block maximum ${blockMaxBytes}`);
    }
    const next = pos + size + (blockChecksums ? 4 : 0);
    if (next > input.length) throw corrupt(CODEC, `truncated: block at byte ${pos - 4} runs past the end`);
    boundBytes += (word & BLOCK_UNCOMPRESSED) !== 0 ? size : blockMaxBytes;
    pos = next;
  }
  if ((flg & FLG_CONTENT_CHECKSUM) !== 0) {
    if (input.length - pos < 4) throw corrupt(CODEC, 'truncated: content checksum cut off');
    pos += 4;
  }
  return {
    start,
    end: pos,
    headerChecksumAt: descriptorEnd,
    headerChecksum,
    brokenHeaderChecksum,
    contentSize,
    blockMaxBytes,
    blockChecksums,
    boundBytes,
    blocksAt,
  };
}

/**
 * The exact decoded size of a frame, from the sequence headers of its compressed blocks.
 * Stops early (returning a size over `budget`) once `budget` is exceeded.
 */
function exactSize(input: Buffer, frame: Frame, budget: number): number {
  let total = 0;
  let pos = frame.blocksAt;
  for (;;) {
    const word = input.readUInt32LE(pos);
    pos += 4;
    if (word === 0) return total;
    const size = word & BLOCK_SIZE_MASK;
    total += (word & BLOCK_UNCOMPRESSED) !== 0 ? size : blockContentSize(input, pos, pos + size, frame.blockMaxBytes);
    if (total > budget) return total;
    pos += size + (frame.blockChecksums ? 4 : 0);
  }
}

/**
 * The decoded size of one compressed block [start, end): the sum of its literal and match
 * lengths. Each sequence is a token (literal length in the high nibble, match length - 4
 * in the low, 15 meaning "more bytes follow, each added, until one is not 255"), the
 * literals, then (except in the last sequence) a 2-byte offset and the match length bytes.
 * Offsets are checked by the library when it decodes.
 */
function blockContentSize(input: Buffer, start: number, end: number, blockMaxBytes: number): number {
  let pos = start;
  let size = 0;
  for (;;) {
    if (pos >= end) throw corrupt(CODEC, `block at byte ${start} ends inside a sequence`);
    const token = input[pos++] as number;
    let literals = token >>> 4;
    if (literals === 15) {
      let b: number;
      do {
        if (pos >= end) throw corrupt(CODEC, `block at byte ${start} ends inside a literal length`);
        b = input[pos++] as number;
        literals += b;
      } while (b === 255);
    }
    pos += literals;
    size += literals;
    if (pos === end) break;
    if (pos + 2 > end) throw corrupt(CODEC, `literals of the block at byte ${start} run past its end`);
    pos += 2;
    let match = token & 0x0f;
    if (match === 15) {
      let b: number;
      do {
        if (pos >= end) throw corrupt(CODEC, `block at byte ${start} ends inside a match length`);
        b = input[pos++] as number;
        match += b;
      } while (b === 255);
    }
    size += match + MIN_MATCH;
    if (size > blockMaxBytes) {
      throw corrupt(CODEC, `block at byte ${start} decodes past the block maximum ${blockMaxBytes}`);
    }
  }
  if (size > blockMaxBytes)
    throw corrupt(CODEC, `block at byte ${start} decodes past the block maximum ${blockMaxBytes}`);
  return size;
}

/** The frame's bytes as lz4_flex must see them: with HC repaired if it was the old kind. */
function frameBytes(input: Buffer, frame: Frame): Buffer {
  const bytes = input.subarray(frame.start, frame.end);
  if (!frame.brokenHeaderChecksum) return bytes;
  const copy = Buffer.from(bytes);
  copy[frame.headerChecksumAt - frame.start] = frame.headerChecksum;
  return copy;
}

function decodeFrame(input: Buffer, frame: Frame): Buffer {
  try {
    return lz4.decompressFrameSync(frameBytes(input, frame));
  } catch (err) {
    throw libraryError(frame, err);
  }
}

async function decodeFrameAsync(input: Buffer, frame: Frame): Promise<Buffer> {
  try {
    return await lz4.decompressFrame(frameBytes(input, frame));
  } catch (err) {
    throw libraryError(frame, err);
  }
}

function libraryError(frame: Frame, err: unknown): CompressionError {
  // lz4_flex names its errors: BlockChecksumError, ContentChecksumError, offset errors.
  return corrupt(CODEC, `frame at byte ${frame.start}: ${messageOf(err)}`, err);
}

/** Pairs the checks made before decoding with the size actually decoded. */
function checkOutput(frame: Frame, out: Buffer, maxBytes: number): Buffer {
  if (frame.contentSize >= 0 && out.length !== frame.contentSize) {
    throw corrupt(CODEC, `frame at byte ${frame.start} declared ${frame.contentSize} bytes but decoded ${out.length}`);
  }
  if (out.length > maxBytes) throw overLimit(CODEC, maxBytes, out.length);
  return out;
}

function concatWithin(parts: Buffer[], maxBytes: number): Buffer {
  let total = 0;
  for (let i = 0; i < parts.length; i++) total += (parts[i] as Buffer).length;
  if (total > maxBytes) throw overLimit(CODEC, maxBytes, total);
  return Buffer.concat(parts, total);
}

function hex(b: number): string {
  return b.toString(16).padStart(2, '0');
}
