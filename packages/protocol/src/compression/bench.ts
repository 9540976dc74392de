/**
 * Throughput of the compression codecs on a realistic record batch payload, for
 * bench/compression.mjs and docs/benchmarks.md.
 *
 * Method: a 1 MiB payload of JSON-like records (repeating keys, random ids, as real
 * batches look), built from a fixed seed. Each operation is warmed up for 250 ms, then
 * timed in 9 runs of at least 50 ms of calls each; the result is the median run. MB/s
 * counts uncompressed bytes (10^6 bytes per MB) for both directions, so compress and
 * decompress are comparable. The async column awaits one call at a time: it shows the
 * cost of the hop to the thread pool, not the throughput of several in parallel.
 */
import { Compression, type CompressionType, compress, compressionName, decompress, decompressAsync } from './index.js';

export interface Row {
  codec: string;
  /** Uncompressed size / compressed size. */
  ratio: number;
  compressMBps: number;
  decompressMBps: number;
  decompressAsyncMBps: number;
}

export const PAYLOAD_BYTES = 1024 * 1024;
const RUNS = 9;
const RUN_MS = 50;
/** Long enough for the heap, malloc and the JIT to settle: the first calls run several times slower. */
const WARMUP_MS = 250;

const ACTIONS = ['view', 'click', 'add_to_cart', 'remove', 'checkout', 'search', 'login', 'logout'] as const;

/** JSON-like records, one per line, cut to exactly `bytes`; the same bytes for the same seed. */
export function recordsPayload(bytes: number, seed = 42): Buffer {
  let x = seed | 0 || 1;
  const next = (): number => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x >>> 0;
  };
  const lines: string[] = [];
  let size = 0;
  let ts = 1_700_000_000_000;
  while (size < bytes) {
    const id = next().toString(16).padStart(8, '0') + next().toString(16).padStart(8, '0');
    ts += next() % 50;
    const line =
      `{"id":"${id}","ts":${ts},"user":"user-${next() % 10_000}","action":"${ACTIONS[next() % ACTIONS.length]}",` +
      `"amount":${(next() % 100_000) / 100},"session":"${next().toString(36)}","tags":["web","eu-west-1"]}\n`;
    lines.push(line);
    size += line.length;
  }
  return Buffer.from(lines.join('')).subarray(0, bytes);
}

/**
 * Median throughput of `op` over `bytes` of uncompressed data, in MB/s.
 *
 * Each call is timed on its own and the event loop turns between calls (setImmediate),
 * as it does between batches in a server: the native libraries return external Buffers
 * whose memory Node releases from the event loop, so a tight loop that never yields
 * measures Node's backlog of unreleased buffers rather than the codec.
 */
export async function measureMBps(bytes: number, op: () => unknown): Promise<number> {
  for (const start = performance.now(); performance.now() - start < WARMUP_MS; ) {
    await yieldToEventLoop();
    await op();
  }
  const rates: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    let elapsedMs = 0;
    let reps = 0;
    while (elapsedMs < RUN_MS) {
      await yieldToEventLoop();
      const start = performance.now();
      await op();
      elapsedMs += performance.now() - start;
      reps++;
    }
    rates.push((bytes * reps) / (elapsedMs / 1000) / 1e6);
  }
  rates.sort((a, b) => a - b);
  return rates[RUNS >>> 1] as number;
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export async function benchCompression(payload: Buffer = recordsPayload(PAYLOAD_BYTES)): Promise<Row[]> {
  const types: CompressionType[] = [Compression.GZIP, Compression.SNAPPY, Compression.LZ4, Compression.ZSTD];
  const rows: Row[] = [];
  for (const type of types) {
    const compressed = compress(type, payload);
    if (!decompress(type, compressed, payload.length).equals(payload)) {
      throw new Error(`${compressionName(type)} did not round-trip the payload`);
    }
    rows.push({
      codec: compressionName(type),
      ratio: payload.length / compressed.length,
      compressMBps: await measureMBps(payload.length, () => compress(type, payload)),
      decompressMBps: await measureMBps(payload.length, () => decompress(type, compressed, payload.length)),
      decompressAsyncMBps: await measureMBps(payload.length, () => decompressAsync(type, compressed, payload.length)),
    });
  }
  return rows;
}
