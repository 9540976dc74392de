#!/usr/bin/env node
// Draws the charts of docs/benchmarks.md from bench/results/perf.json (written by
// bench/perf.mjs) as plain SVG files in docs/img/:
//   - throughput-by-record-size.svg: produce (acks=1, acks=all) and consume MB/s by
//     record size, with records/s on each point;
//   - latency-percentiles.svg: latency at p50..p99.9 and max for end to end and produce
//     acknowledgement, acks=1 and acks=all, on a log scale.
//
//   node bench/charts.mjs
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const results = JSON.parse(readFileSync(join(here, 'results', 'perf.json'), 'utf8'));
const out = join(here, '..', 'docs', 'img');
mkdirSync(out, { recursive: true });

const W = 720;
const H = 420;
const M = { left: 70, right: 180, top: 40, bottom: 60 };
const PW = W - M.left - M.right;
const PH = H - M.top - M.bottom;
const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd'];
const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;');

function frame(title, xLabel, yLabel, body) {
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">
<title>${esc(title)}</title>
<rect width="${W}" height="${H}" fill="white"/>
<text x="${M.left + PW / 2}" y="22" text-anchor="middle" font-size="15" font-weight="bold">${esc(title)}</text>
<text x="${M.left + PW / 2}" y="${H - 14}" text-anchor="middle">${esc(xLabel)}</text>
<text transform="translate(18 ${M.top + PH / 2}) rotate(-90)" text-anchor="middle">${esc(yLabel)}</text>
<rect x="${M.left}" y="${M.top}" width="${PW}" height="${PH}" fill="none" stroke="#888"/>
${body}
</svg>
`;
}

function legend(items) {
  return items
    .map(
      (item, i) =>
        `<rect x="${M.left + PW + 14}" y="${M.top + 8 + i * 20}" width="12" height="12" fill="${item.color}"/><text x="${M.left + PW + 32}" y="${M.top + 18 + i * 20}">${esc(item.label)}</text>`,
    )
    .join('\n');
}

/** A line chart over categorical x values and a linear or log y axis. */
function lineChart({ title, xLabel, yLabel, xs, series, log, file, pointLabel }) {
  const all = series.flatMap((s) => s.values.filter((v) => v !== null));
  const yMax = Math.max(...all) * 1.15;
  const yMin = log ? Math.max(Math.min(...all) / 2, 1e-3) : 0;
  const y = (v) =>
    log
      ? M.top + PH - ((Math.log10(v) - Math.log10(yMin)) / (Math.log10(yMax) - Math.log10(yMin))) * PH
      : M.top + PH - (v / yMax) * PH;
  const x = (i) => M.left + (xs.length === 1 ? PW / 2 : (i / (xs.length - 1)) * (PW - 40) + 20);
  const ticks = [];
  if (log) {
    for (let e = Math.floor(Math.log10(yMin)); e <= Math.ceil(Math.log10(yMax)); e++) {
      const v = 10 ** e;
      if (v >= yMin && v <= yMax) ticks.push(v);
    }
  } else {
    const step = 10 ** Math.floor(Math.log10(yMax / 4));
    const nice = [1, 2, 5, 10].map((m) => m * step).find((s) => yMax / s <= 6) ?? step * 10;
    for (let v = 0; v <= yMax; v += nice) ticks.push(v);
  }
  let body = ticks
    .map(
      (v) =>
        `<line x1="${M.left}" x2="${M.left + PW}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="#eee"/><text x="${M.left - 6}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end">${v >= 1 ? Math.round(v).toLocaleString('en') : v}</text>`,
    )
    .join('\n');
  body += xs
    .map((label, i) => `<text x="${x(i).toFixed(1)}" y="${M.top + PH + 18}" text-anchor="middle">${esc(label)}</text>`)
    .join('\n');
  series.forEach((s, si) => {
    const color = COLORS[si % COLORS.length];
    const points = s.values.map((v, i) => (v === null ? null : [x(i), y(v)])).filter((p) => p !== null);
    body += `\n<polyline fill="none" stroke="${color}" stroke-width="2" points="${points.map(([a, b]) => `${a.toFixed(1)},${b.toFixed(1)}`).join(' ')}"/>`;
    s.values.forEach((v, i) => {
      if (v === null) return;
      body += `\n<circle cx="${x(i).toFixed(1)}" cy="${y(v).toFixed(1)}" r="3.5" fill="${color}"/>`;
      const label = pointLabel?.(s, i);
      if (label)
        body += `<text x="${(x(i) + 6).toFixed(1)}" y="${(y(v) - 6).toFixed(1)}" font-size="10" fill="${color}">${esc(label)}</text>`;
    });
  });
  body += `\n${legend(series.map((s, i) => ({ label: s.label, color: COLORS[i % COLORS.length] })))}`;
  writeFileSync(join(out, file), frame(title, xLabel, yLabel, body));
}

const sizes = [...new Set(results.throughput.map((r) => r.size))].sort((a, b) => a - b);
const pick = (phase, acks) =>
  sizes.map((size) => results.throughput.find((r) => r.size === size && r.acks === acks && r.phase === phase) ?? null);
const throughputSeries = [
  { label: 'produce, acks=1', rows: pick('produce', '1') },
  { label: 'produce, acks=all', rows: pick('produce', 'all') },
  { label: 'consume', rows: pick('consume', '1') },
].map((s) => ({ ...s, values: s.rows.map((r) => (r === null ? null : r.mbPerSec)) }));
lineChart({
  title: 'gregor perf: throughput by record size (3 partitions)',
  xLabel: 'record size (bytes)',
  yLabel: 'MB/s',
  xs: sizes.map((s) => s.toLocaleString('en')),
  series: throughputSeries,
  file: 'throughput-by-record-size.svg',
  pointLabel: (s, i) => {
    const r = s.rows[i];
    return r ? `${Math.round(r.recordsPerSec / 1000).toLocaleString('en')}k/s` : '';
  },
});

const percentiles = [
  ['p50', 'p50'],
  ['p95', 'p95'],
  ['p99', 'p99'],
  ['p99.9', 'p999'],
  ['max', 'max'],
];
lineChart({
  title: 'gregor perf: latency at 1,000 records/s (100 B)',
  xLabel: 'percentile',
  yLabel: 'milliseconds (log scale)',
  xs: percentiles.map(([label]) => label),
  series: results.latency.map((l) => ({
    label: `${l.kind === 'end-to-end' ? 'end to end' : 'produce ack'}, acks=${l.acks}`,
    values: percentiles.map(([, key]) => l.latencyMs[key]),
  })),
  log: true,
  file: 'latency-percentiles.svg',
});
console.log(`charts written to ${out}`);
