#!/usr/bin/env node
// A broker in its own process for the broker benchmark (bench/broker.mjs), until `npm start`
// (packages/broker/src/main.ts) can be used instead.
//
//   node bench/broker-child.mjs <logDir> [numPartitions]
//
// Starts an in-process test broker (packages/broker/dist/testing.js: a free port on
// 127.0.0.1, Kafka's defaults) on <logDir>, prints `READY <port>` on stdout, and stops
// cleanly (logs flushed and closed, the directory kept) on SIGTERM or SIGINT, then exits.
// Settings may also come from the environment: GREGOR_BENCH_NUM_PARTITIONS.
import { startTestBroker } from '../packages/broker/dist/testing.js';

const logDir = process.argv[2];
if (logDir === undefined) {
  console.error('usage: node bench/broker-child.mjs <logDir> [numPartitions]');
  process.exit(2);
}
const numPartitions = Number(process.argv[3] ?? process.env.GREGOR_BENCH_NUM_PARTITIONS ?? 1);
if (!Number.isInteger(numPartitions) || numPartitions < 1) {
  console.error(`bad numPartitions ${process.argv[3]}`);
  process.exit(2);
}

const broker = await startTestBroker({ logDir, settings: { numPartitions } });
process.stdout.write(`READY ${broker.port}\n`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  try {
    await broker.stop(true);
    process.exit(0);
  } catch (e) {
    console.error(e);
    process.exit(1);
  }
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
