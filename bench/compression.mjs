// Prints the compression codec benchmark as a markdown table (see docs/benchmarks.md).
// Run after building the protocol package: `npx tsc -b packages/protocol && node bench/compression.mjs`.
import { availableParallelism, cpus } from 'node:os';
import { benchCompression, PAYLOAD_BYTES } from '../packages/protocol/dist/compression/bench.js';

const rows = await benchCompression();
const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(`Node ${process.version}, ${availableParallelism()} cores (${cpu}), payload ${PAYLOAD_BYTES} bytes\n`);
console.log('| codec | ratio | compress MB/s | decompress MB/s | decompressAsync MB/s |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const r of rows) {
  const cells = [
    r.ratio.toFixed(2),
    r.compressMBps.toFixed(0),
    r.decompressMBps.toFixed(0),
    r.decompressAsyncMBps.toFixed(0),
  ];
  console.log(`| ${r.codec} | ${cells.join(' | ')} |`);
}
