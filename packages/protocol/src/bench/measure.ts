/**
 * A small benchmark harness: warm up, then time `samples` runs of `iterations` calls and
 * report the median. Medians of several samples side by side in one process: the
 * machines are shared and noisy, so ratios measured together are what we quote.
 */
export interface Measurement {
  name: string;
  /** Median operations per second. */
  opsPerSec: number;
  /** Median bytes per second, when the operation has a byte size. */
  bytesPerSec: number | null;
  samples: number;
}

export function measure(
  name: string,
  fn: () => unknown,
  opts: { bytes?: number; minMs?: number; samples?: number } = {},
): Measurement {
  const samples = opts.samples ?? 7;
  const minMs = opts.minMs ?? 200;
  // Warm up and find an iteration count that takes about minMs.
  let iterations = 1;
  for (;;) {
    const t0 = performance.now();
    for (let i = 0; i < iterations; i++) fn();
    const ms = performance.now() - t0;
    if (ms >= minMs / 4) {
      iterations = Math.max(1, Math.ceil((iterations * minMs) / Math.max(ms, 0.001)));
      break;
    }
    iterations *= 4;
  }
  const rates: number[] = [];
  for (let s = 0; s < samples; s++) {
    const t0 = performance.now();
    for (let i = 0; i < iterations; i++) fn();
    rates.push((iterations * 1000) / (performance.now() - t0));
  }
  rates.sort((a, b) => a - b);
  const opsPerSec = rates[Math.floor(rates.length / 2)] as number;
  return { name, opsPerSec, bytesPerSec: opts.bytes === undefined ? null : opsPerSec * opts.bytes, samples };
}

export function formatRate(m: Measurement): string {
  const ops = m.opsPerSec >= 1000 ? `${(m.opsPerSec / 1000).toFixed(1)} k ops/s` : `${m.opsPerSec.toFixed(1)} ops/s`;
  return m.bytesPerSec === null ? ops : `${ops}, ${(m.bytesPerSec / 1e6).toFixed(0)} MB/s`;
}
