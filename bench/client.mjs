#!/usr/bin/env node
// Client benchmark: Gregor's client, KafkaJS and @platformatic/kafka against the same
// broker in one run (method and results: docs/benchmarks.md).
//
//   node bench/client.mjs            (also: npm run bench -- client)
//
// One broker in its own process (bench/broker-child.mjs, 3 partitions per topic); every
// client run in its own process (bench/client-runner.mjs). For each record size, the
// clients take turns round by round (so drift in the machine's speed hits all alike);
// each produce run writes a fresh topic, each consume run reads a topic holding the same
// number of records with a fresh group. Reported: the median of the rounds, and the
// slowest and fastest round.
// Environment: BENCH_ROUNDS (default 3), BENCH_CLIENTS (default gregor,gregor-send,
// gregor-reuse,kafkajs,platformatic; gregor-send is produce only, gregor-reuse consume
// only), BENCH_ACKS (default 1), BENCH_COUNT_100 (records of 100 B, default 1,000,000),
// BENCH_COUNT_1024 (default 250,000).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const clients = (process.env.BENCH_CLIENTS ?? 'gregor,gregor-send,gregor-reuse,kafkajs,platformatic').split(',');
/** Clients that only produce, and clients that only consume. */
const produceOnly = new Set(['gregor-send']);
const consumeOnly = new Set(['gregor-reuse']);
const acks = Number(process.env.BENCH_ACKS ?? 1);
const cases = [
  { size: 100, count: Number(process.env.BENCH_COUNT_100 ?? 1_000_000) },
  { size: 1024, count: Number(process.env.BENCH_COUNT_1024 ?? 250_000) },
];

function startBroker(logDir) {
  const child = spawn(process.execPath, [join(here, 'broker-child.mjs'), logDir, '3'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`broker exited with ${code}`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      const m = /^READY (\d+)$/.exec(line);
      if (m) resolve({ child, bootstrap: `127.0.0.1:${m[1]}` });
    });
  });
}

function run(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(here, 'client-runner.mjs'), ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`${args.slice(0, 2).join(' ')} exited with ${code}`));
      else resolve(JSON.parse(out.trim().split('\n').pop()));
    });
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const fmt = (n) => Math.round(n).toLocaleString('en');

const logDir = mkdtempSync(join(tmpdir(), 'gregor-client-bench-'));
const { child, bootstrap } = await startBroker(logDir);
try {
  console.log(
    `## Clients (${rounds} rounds, median; acks=${acks}; 3 partitions; broker and each client in its own process)\n`,
  );
  console.log(
    '| client | record size | produce records/s | produce MB/s | produce MB/s, rounds | consume records/s | consume MB/s | consume MB/s, rounds |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  const ratios = [];
  // Consumers read what KafkaJS wrote (the reference producer), else the first client's topics.
  const source = clients.includes('kafkajs') ? 'kafkajs' : clients[0];
  for (const { size, count } of cases) {
    const produced = new Map(clients.map((c) => [c, []]));
    const consumed = new Map(clients.map((c) => [c, []]));
    for (let r = 0; r < rounds; r++) {
      for (const c of clients) {
        if (consumeOnly.has(c)) continue;
        const result = await run([
          c,
          'produce',
          bootstrap,
          `bench-${size}-${c}-${r}`,
          String(count),
          String(size),
          String(acks),
        ]);
        produced.get(c).push((result.records / result.ms) * 1000);
      }
    }
    for (let r = 0; r < rounds; r++) {
      for (const c of clients) {
        if (produceOnly.has(c)) continue;
        const result = await run([
          c,
          'consume',
          bootstrap,
          `bench-${size}-${source}-${r}`,
          String(count),
          String(size),
        ]);
        consumed.get(c).push((result.records / result.ms) * 1000);
      }
    }
    const rows = clients.map((c) => ({ c, p: median(produced.get(c)), k: median(consumed.get(c)) }));
    const spread = (xs) =>
      `${((Math.min(...xs) * size) / 1e6).toFixed(0)}-${((Math.max(...xs) * size) / 1e6).toFixed(0)}`;
    const cells = (xs) =>
      xs.length === 0 ? '- | - | -' : `${fmt(median(xs))} | ${((median(xs) * size) / 1e6).toFixed(1)} | ${spread(xs)}`;
    for (const { c } of rows) {
      console.log(`| ${c} | ${size} B | ${cells(produced.get(c))} | ${cells(consumed.get(c))} |`);
    }
    const ours = rows.find((x) => x.c === 'gregor');
    const reuse = rows.find((x) => x.c === 'gregor-reuse');
    const others = rows.filter((x) => !x.c.startsWith('gregor'));
    if (ours && others.length > 0) {
      const bestP = Math.max(...others.map((x) => x.p));
      const bestK = Math.max(...others.map((x) => x.k));
      const reuseK = reuse === undefined ? '-' : (reuse.k / bestK).toFixed(2);
      ratios.push(`| ${size} B | ${(ours.p / bestP).toFixed(2)} | ${(ours.k / bestK).toFixed(2)} | ${reuseK} |`);
    }
  }
  if (ratios.length > 0) {
    console.log(
      '\n| record size | produce: gregor / fastest other | consume: gregor / fastest other | consume: gregor-reuse / fastest other |\n|---|---|---|---|',
    );
    for (const line of ratios) console.log(line);
  }
  console.log();
} finally {
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  rmSync(logDir, { recursive: true, force: true });
}
