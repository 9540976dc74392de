/**
 * Throughput of record batch validation against its physical limit, CRC-32C over the
 * same bytes (validation cannot be faster than the one pass it must make), and of the
 * slower paths beside it: the record walk, decoding, building.
 *
 * Method: each operation is warmed up for 250 ms, then timed in 9 runs of at least
 * 50 ms of back-to-back calls; the result is the median run. MB/s counts batch bytes
 * (10^6 bytes per MB). Run: `npx tsc -b packages/protocol && node
 * packages/protocol/dist/record-batch/bench.js`.
 */

import { pathToFileURL } from 'node:url';
import { crc32c } from '../crc32c.js';
import type { RecordInput } from './builder.js';
import { buildRecordBatch } from './builder.js';
import { readAllRecords } from './records.js';
import { validateRecordBatches } from './validate.js';

const RUNS = 9;
const RUN_MS = 50;
const WARMUP_MS = 250;

export interface BenchRow {
  readonly case: string;
  readonly operation: string;
  readonly batchBytes: number;
  readonly MBps: number;
  readonly nsPerCall: number;
}

/** Median over RUNS of the calls per second of `op`. */
function callsPerSecond(op: () => unknown): number {
  for (const start = performance.now(); performance.now() - start < WARMUP_MS; ) op();
  const rates: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    let reps = 0;
    const start = performance.now();
    let elapsedMs = 0;
    // Batches of 16 calls keep the clock out of the measurement of the fast operations.
    while (elapsedMs < RUN_MS) {
      for (let i = 0; i < 16; i++) op();
      reps += 16;
      elapsedMs = performance.now() - start;
    }
    rates.push(reps / (elapsedMs / 1000));
  }
  rates.sort((a, b) => a - b);
  return rates[RUNS >>> 1]!;
}

/** JSON-like records from a fixed seed, as a producer would batch them. */
function records(count: number, valueBytes: number, seed = 7): RecordInput[] {
  let x = seed;
  const next = (): number => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x;
  };
  const out: RecordInput[] = [];
  for (let i = 0; i < count; i++) {
    const value = `{"user":"user-${next() % 10_000}","id":"${next().toString(16)}","pad":"`;
    out.push({
      key: `user-${next() % 10_000}`,
      value: `${value}${'x'.repeat(Math.max(0, valueBytes - value.length - 2))}"}`,
      timestamp: 1_700_000_000_000 + i,
    });
  }
  return out;
}

export function benchRecordBatches(): BenchRow[] {
  const rows: BenchRow[] = [];
  const add = (name: string, operation: string, bytes: number, op: () => unknown): void => {
    const rate = callsPerSecond(op);
    rows.push({ case: name, operation, batchBytes: bytes, MBps: (bytes * rate) / 1e6, nsPerCall: 1e9 / rate });
  };

  const produce: [string, Buffer][] = [
    ['produce: 1 batch of 1,000 records of 100 B', buildRecordBatch({ records: records(1_000, 100) })],
    ['produce: 1 batch of 1 record of 100 B', buildRecordBatch({ records: records(1, 100) })],
  ];
  for (const [name, batch] of produce) {
    const body = batch.subarray(21);
    add(name, 'crc32c only (the limit)', batch.length, () => crc32c(body));
    add(name, 'validate (header + CRC)', batch.length, () => validateRecordBatches(batch));
    add(name, 'validate + checkRecords', batch.length, () => validateRecordBatches(batch, { checkRecords: true }));
    add(name, 'readAllRecords', batch.length, () => readAllRecords(batch));
  }

  // A fetch response or a log tail: many batches in one blob.
  const batches: Buffer[] = [];
  for (let i = 0; i < 100; i++) batches.push(buildRecordBatch({ baseOffset: i * 10, records: records(10, 100, i) }));
  const blob = Buffer.concat(batches);
  const fetchName = 'fetch: 100 batches of 10 records of 100 B';
  add(fetchName, 'crc32c only (the limit)', blob.length, () => {
    for (let at = 0; at < blob.length; at += blob.readInt32BE(at + 8) + 12) {
      crc32c(blob.subarray(at + 21, at + 12 + blob.readInt32BE(at + 8)));
    }
  });
  add(fetchName, 'validate (header + CRC)', blob.length, () => validateRecordBatches(blob, { fromClient: false }));

  const input = records(1_000, 100);
  const built = buildRecordBatch({ records: input });
  add('client: 1 batch of 1,000 records of 100 B', 'buildRecordBatch', built.length, () =>
    buildRecordBatch({ records: input }),
  );
  return rows;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log('| case | operation | batch bytes | MB/s | ns/call |');
  console.log('| --- | --- | ---: | ---: | ---: |');
  for (const r of benchRecordBatches()) {
    console.log(`| ${r.case} | ${r.operation} | ${r.batchBytes} | ${r.MBps.toFixed(0)} | ${r.nsPerCall.toFixed(0)} |`);
  }
}
