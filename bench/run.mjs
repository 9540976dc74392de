#!/usr/bin/env node
// Runs the benchmarks and prints markdown tables (method and results: docs/benchmarks.md).
// Usage: npm run bench [-- protocol|storage|compression|broker|client|perf|cluster ...]   (default: all)
// Environment: BENCH_BYTES (storage data per case, default 128 MiB), BENCH_DIR (default: a temp dir).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const wanted = new Set(process.argv.slice(2));
const all = wanted.size === 0;
const mb = (bytesPerSec) => `${(bytesPerSec / 1e6).toFixed(0)} MB/s`;

console.log(`Node ${process.version}, ${new Date().toISOString()}\n`);

if (all || wanted.has('protocol')) {
  const { benchCodecs } = await import('../packages/protocol/dist/bench/codecs.js');
  const { benchProduceValidation } = await import('../packages/protocol/dist/bench/produce-validate.js');
  console.log('## Protocol codecs (median of 7 samples)\n\n| operation | rate |\n|---|---|');
  for (const m of benchCodecs()) {
    console.log(
      `| ${m.name} | ${Math.round(m.opsPerSec).toLocaleString('en')} ops/s${m.bytesPerSec ? `, ${mb(m.bytesPerSec)}` : ''} |`,
    );
  }
  const { rows, ratios } = benchProduceValidation();
  console.log('\n## Produce request validation vs raw CRC-32C\n\n| operation | throughput |\n|---|---|');
  for (const m of rows) console.log(`| ${m.name} | ${mb(m.bytesPerSec)} |`);
  console.log('\n| request shape | decode+validate / CRC-32C |\n|---|---|');
  for (const r of ratios) console.log(`| ${r.name} | ${r.ratio.toFixed(2)} |`);
  console.log();
}

if (all || wanted.has('compression')) {
  console.log('## Compression codecs (1 MiB of JSON-like records)\n');
  await import('./compression.mjs');
  console.log();
}

if (all || wanted.has('storage')) {
  const { benchAppend, benchRead, benchIdleMemory } = await import('../packages/storage/dist/bench/log-io.js');
  const base = process.env.BENCH_DIR ?? mkdtempSync(join(tmpdir(), 'gregor-bench-'));
  const bytes = Number(process.env.BENCH_BYTES ?? 128 * 1024 * 1024);
  try {
    console.log(
      `## Storage (${(bytes / 1048576).toFixed(0)} MiB per case, median of 3 runs, directory ${process.env.BENCH_DIR ? base : 'under the OS temp dir'})\n`,
    );
    console.log('| case | log | plain file I/O | ratio |\n|---|---|---|---|');
    for (const r of [...(await benchAppend(base, bytes)), ...(await benchRead(base, bytes))]) {
      console.log(`| ${r.name} | ${mb(r.bytesPerSec)} | ${mb(r.baselineBytesPerSec)} | ${r.ratio.toFixed(2)} |`);
    }
    const memory = await benchIdleMemory(join(base, 'idle'), 1000);
    console.log(
      `\nIdle partitions: ${(memory.bytesPerPartition / 1024).toFixed(1)} KiB RSS and ${(memory.heapPerPartition / 1024).toFixed(1)} KiB heap+external per open partition (1,000 partitions).\n`,
    );
  } finally {
    if (!process.env.BENCH_DIR) rmSync(base, { recursive: true, force: true });
  }
}

if (all || wanted.has('broker')) {
  // A broker in its own process driven by kcat and KafkaJS, beside the machine's limits (bench/broker.mjs, a few minutes).
  await import('./broker.mjs');
}

if (all || wanted.has('client')) {
  // Gregor's client beside KafkaJS and @platformatic/kafka against one broker (bench/client.mjs, a few minutes).
  await import('./client.mjs');
}

if (all || wanted.has('perf')) {
  // Broker figures through `gregor perf` (bench/perf.mjs), then the charts of docs/benchmarks.md (bench/charts.mjs).
  await import('./perf.mjs');
  await import('./charts.mjs');
}

if (all || wanted.has('cluster')) {
  // Replication cost, failover and metadata propagation on real 3-node clusters (bench/cluster.mjs, several minutes).
  await import('./cluster.mjs');
}
