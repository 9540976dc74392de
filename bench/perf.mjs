#!/usr/bin/env node
// Broker figures measured with `gregor perf` (packages/cli): produce and consume
// throughput by record size, and latency percentiles (produce acknowledgement and end to
// end), against one broker in its own process. Writes bench/results/perf.json, from which
// bench/charts.mjs draws the charts in docs/benchmarks.md. Method: docs/benchmarks.md.
//
//   npm run bench -- perf            (builds first), or: node bench/perf.mjs
//
// Environment: BENCH_PERF_BYTES (bytes per throughput run, default 100 MB, at most 2 million
// records),
// BENCH_PERF_SAMPLES (runs per case, median reported, default 3).
// Bounded: every run is a fixed number of records with the command's own timeout; the
// broker is stopped by its pid at the end.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const GREGOR = join(here, '..', 'packages', 'cli', 'dist', 'main.js');
const bytesPerRun = Number(process.env.BENCH_PERF_BYTES ?? 100e6);
const samples = Number(process.env.BENCH_PERF_SAMPLES ?? 3);
const sizes = [10, 100, 1000, 10_000];

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

function gregor(args, bootstrap) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [GREGOR, ...args, '--json', '-b', bootstrap, '--timeout', '60000'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 300_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (code !== 0) reject(new Error(`gregor ${args.join(' ')} exited with ${code}`));
      else resolve(JSON.parse(out.trim().split('\n').pop()));
    });
  });
}

const median = (runs, pick) => {
  const sorted = [...runs].sort((a, b) => pick(a) - pick(b));
  return sorted[Math.floor(sorted.length / 2)];
};

const logDir = mkdtempSync(join(tmpdir(), 'gregor-perf-bench-'));
const { child, bootstrap } = await startBroker(logDir);
const results = { date: new Date().toISOString(), node: process.version, throughput: [], latency: [] };
try {
  for (const size of sizes) {
    const count = Math.min(2_000_000, Math.max(10_000, Math.round(bytesPerRun / size)));
    for (const acks of ['1', 'all']) {
      const produced = [];
      const consumed = [];
      for (let s = 0; s < samples; s++) {
        const topic = `perf-${size}-${acks}-${s}`;
        process.stderr.write(`perf produce ${size} B acks=${acks} #${s + 1}\n`);
        produced.push(
          await gregor(
            ['perf', 'produce', '-t', topic, '-n', String(count), '-s', String(size), '--acks', acks, '-p', '3'],
            bootstrap,
          ),
        );
        if (acks === '1') consumed.push(await gregor(['perf', 'consume', '-t', topic, '-n', String(count)], bootstrap));
      }
      const p = median(produced, (r) => r.recordsPerSec);
      results.throughput.push({ size, acks, phase: 'produce', ...p });
      if (consumed.length > 0)
        results.throughput.push({ size, acks, phase: 'consume', ...median(consumed, (r) => r.recordsPerSec) });
    }
  }
  // Latency at a fixed rate, where queueing does not dominate: 1,000 records/s for 10 s.
  for (const acks of ['1', 'all']) {
    process.stderr.write(`perf end-to-end acks=${acks}\n`);
    const e2e = await gregor(
      ['perf', 'end-to-end', '-t', `e2e-${acks}`, '-n', '10000', '--throughput', '1000', '-s', '100', '--acks', acks],
      bootstrap,
    );
    results.latency.push({ kind: 'end-to-end', acks, ...e2e });
    const ack = await gregor(
      ['perf', 'produce', '-t', `ack-${acks}`, '-n', '10000', '--throughput', '1000', '-s', '100', '--acks', acks],
      bootstrap,
    );
    results.latency.push({ kind: 'produce acknowledgement', acks, ...ack });
  }
} finally {
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  rmSync(logDir, { recursive: true, force: true });
}

mkdirSync(join(here, 'results'), { recursive: true });
writeFileSync(join(here, 'results', 'perf.json'), `${JSON.stringify(results, null, 2)}\n`);

const fmt = (n) => Math.round(n).toLocaleString('en');
console.log(`## gregor perf (3 partitions, median of ${samples}; bench/results/perf.json)\n`);
console.log(
  '| record | acks | produce records/s | produce MB/s | p50 ack | p99 ack | consume records/s | consume MB/s |',
);
console.log('|---:|---|---:|---:|---:|---:|---:|---:|');
for (const size of sizes) {
  for (const acks of ['1', 'all']) {
    const p = results.throughput.find((r) => r.size === size && r.acks === acks && r.phase === 'produce');
    const c = results.throughput.find((r) => r.size === size && r.acks === acks && r.phase === 'consume');
    console.log(
      `| ${size} B | ${acks} | ${fmt(p.recordsPerSec)} | ${p.mbPerSec} | ${p.latencyMs.p50} ms | ${p.latencyMs.p99} ms | ${c ? fmt(c.recordsPerSec) : '-'} | ${c ? c.mbPerSec : '-'} |`,
    );
  }
}
console.log('\nLatency at 1,000 records/s of 100 B for 10 s:\n');
console.log('| what | acks | avg | p50 | p95 | p99 | p99.9 | max |\n|---|---|---:|---:|---:|---:|---:|---:|');
for (const l of results.latency) {
  const m = l.latencyMs;
  console.log(
    `| ${l.kind} | ${l.acks} | ${m.avg} ms | ${m.p50} ms | ${m.p95} ms | ${m.p99} ms | ${m.p999} ms | ${m.max} ms |`,
  );
}
console.log();
