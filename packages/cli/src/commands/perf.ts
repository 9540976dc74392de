/**
 * `gregor perf produce|consume|end-to-end`: the equivalents of Kafka's
 * kafka-producer-perf-test.sh, kafka-consumer-perf-test.sh and EndToEndLatency.
 *
 * Latencies go into an HdrHistogram (Node's built-in `perf_hooks.createHistogram`, in
 * microseconds, 3 significant figures). A target rate (--throughput) is kept by sending
 * in small bursts on a schedule, never by sleeping per record. On a terminal a progress
 * line is redrawn on stderr each second; --json prints one JSON object at the end.
 */
import { randomBytes } from 'node:crypto';
import { createHistogram, type RecordableHistogram } from 'node:perf_hooks';
import { Admin, Consumer, Producer, type ProducerOptions } from '@gregor/client';
import { clientOptions, itemErrors, timeoutFrom, unwrap } from '../clients.js';
import { CONNECTION_FLAGS, CONNECTION_HELP, type Command, intFlag, parseFlags } from '../command.js';
import { CommandError, ExitCode, type Io, UsageError, write } from '../io.js';

const CODECS = ['none', 'gzip', 'snappy', 'lz4', 'zstd'] as const;

export interface PerfResult {
  readonly records: number;
  readonly bytes: number;
  readonly seconds: number;
  readonly recordsPerSec: number;
  readonly mbPerSec: number;
  /** Milliseconds; absent for consume. */
  readonly latencyMs?: {
    readonly avg: number;
    readonly p50: number;
    readonly p95: number;
    readonly p99: number;
    readonly p999: number;
    readonly max: number;
  };
}

function histogram(): RecordableHistogram {
  return createHistogram({ lowest: 1, highest: 3_600_000_000, figures: 3 });
}

function summary(records: number, bytes: number, ms: number, h: RecordableHistogram | null): PerfResult {
  const seconds = ms / 1000;
  // No time measured (nothing, or one fetch, received): rates of 0, never NaN or
  // Infinity, which JSON.stringify would print as null.
  const result: PerfResult = {
    records,
    bytes,
    seconds: round(seconds, 3),
    recordsPerSec: seconds > 0 ? round(records / seconds, 1) : 0,
    mbPerSec: seconds > 0 ? round(bytes / seconds / 1e6, 2) : 0,
  };
  if (h === null || h.count === 0) return result;
  const ms3 = (us: number): number => round(us / 1000, 3);
  return {
    ...result,
    latencyMs: {
      avg: ms3(h.mean),
      p50: ms3(h.percentile(50)),
      p95: ms3(h.percentile(95)),
      p99: ms3(h.percentile(99)),
      p999: ms3(h.percentile(99.9)),
      max: ms3(h.max),
    },
  };
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

function render(kind: string, r: PerfResult): string {
  const base = `${r.records} records ${kind} in ${r.seconds} s: ${Math.round(r.recordsPerSec).toLocaleString('en')} records/s (${r.mbPerSec} MB/s)`;
  if (r.latencyMs === undefined) return `${base}\n`;
  const l = r.latencyMs;
  return `${base}, latency avg ${l.avg} ms, p50 ${l.p50} ms, p95 ${l.p95} ms, p99 ${l.p99} ms, p99.9 ${l.p999} ms, max ${l.max} ms\n`;
}

/** Redraws a progress line on stderr once a second when stderr is a terminal. */
function progress(io: Io, line: () => string): () => void {
  const tty = (io.stderr as { isTTY?: boolean }).isTTY === true;
  if (!tty) return () => {};
  const timer = setInterval(() => io.stderr.write(`\r\x1b[K${line()}`), 1000);
  return () => {
    clearInterval(timer);
    io.stderr.write('\r\x1b[K');
  };
}

/**
 * Ctrl-C or SIGTERM ends a run early, still printing what was measured; a second
 * signal kills the process as usual. The returned function removes the handlers.
 */
function onStopSignal(stop: AbortController): () => void {
  const onSignal = (): void => stop.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
}

/** When to stop: after a number of records, or after a duration. */
function limits(values: { 'num-records'?: string | undefined; duration?: string | undefined }): {
  count: number;
  durationMs: number;
} {
  const count = intFlag('num-records', values['num-records'], 1);
  const seconds = intFlag('duration', values.duration, 1);
  if (count === undefined && seconds === undefined) throw new UsageError('give --num-records or --duration');
  return {
    count: count ?? Number.MAX_SAFE_INTEGER,
    durationMs: seconds === undefined ? Number.POSITIVE_INFINITY : seconds * 1000,
  };
}

const COMMON_FLAGS = {
  ...CONNECTION_FLAGS,
  topic: { type: 'string', short: 't' },
  'num-records': { type: 'string', short: 'n' },
  duration: { type: 'string' },
  timeout: { type: 'string' },
} as const;

const PRODUCE_FLAGS = {
  'record-size': { type: 'string', short: 's' },
  throughput: { type: 'string' },
  acks: { type: 'string' },
  compression: { type: 'string', short: 'z' },
  partitions: { type: 'string', short: 'p' },
  'linger-ms': { type: 'string' },
  'batch-size': { type: 'string' },
} as const;

const PRODUCE_HELP = `  -s, --record-size BYTES           value size of each record (default 100)
      --throughput N                target records/s (default: as fast as possible)
      --acks 0|1|all                acknowledgements (default all)
  -z, --compression CODEC           none, gzip, snappy, lz4 or zstd (default none)
  -p, --partitions N                create the topic with N partitions if it does not exist
      --linger-ms MS                producer linger.ms (default 5)
      --batch-size BYTES            producer batch.size (default 16384)`;

interface ProduceSetup {
  options: ProducerOptions;
  size: number;
  throughput: number | undefined;
}

function produceSetup(values: Record<string, unknown>, io: Io, timeoutMs: number): ProduceSetup {
  const v = values as Record<string, string | undefined>;
  const acksText = v.acks ?? 'all';
  if (!['0', '1', 'all', '-1'].includes(acksText))
    throw new UsageError(`--acks expects 0, 1 or all, got '${acksText}'`);
  const acks = acksText === '0' ? 0 : acksText === '1' ? 1 : -1;
  const compression = (v.compression ?? 'none') as (typeof CODECS)[number];
  if (!CODECS.includes(compression))
    throw new UsageError(`--compression expects one of ${CODECS.join(', ')}, got '${compression}'`);
  const lingerMs = intFlag('linger-ms', v['linger-ms'], 0);
  const batchSize = intFlag('batch-size', v['batch-size'], 1);
  return {
    options: {
      ...clientOptions(values as { 'bootstrap-server'?: string }, io, timeoutMs),
      clientId: 'gregor-perf',
      acks,
      compression,
      enableIdempotence: acks === -1,
      ...(lingerMs === undefined ? {} : { lingerMs }),
      ...(batchSize === undefined ? {} : { batchSize }),
    },
    size: intFlag('record-size', v['record-size'], 0) ?? 100,
    throughput: intFlag('throughput', v.throughput, 1),
  };
}

async function ensureTopic(io: Io, values: Record<string, unknown>, topic: string, timeoutMs: number): Promise<void> {
  const partitions = intFlag('partitions', (values as Record<string, string | undefined>).partitions, 1);
  if (partitions === undefined) return;
  const admin = new Admin(clientOptions(values as { 'bootstrap-server'?: string }, io, timeoutMs));
  try {
    await admin.createTopics([{ name: topic, numPartitions: partitions }]).catch((error: unknown) => {
      if (itemErrors(error)[0]?.type !== 'TOPIC_ALREADY_EXISTS') throw unwrap(error);
    });
  } finally {
    await admin.close();
  }
}

/**
 * Sends records until the count or duration is reached, at most `throughput` per
 * second, calling `payload(i)` for each value; resolves when every send is acknowledged.
 */
async function drive(
  producer: Producer,
  topic: string,
  count: number,
  durationMs: number,
  throughput: number | undefined,
  payload: (i: number) => Buffer,
  onAck: (sentAt: number, bytes: number) => void,
  onError: (error: unknown) => void,
  signal: AbortSignal,
): Promise<number> {
  const start = performance.now();
  const inFlightMax = 50_000;
  let inFlight = 0;
  let sent = 0;
  let wake: (() => void) | null = null;
  while (sent < count && performance.now() - start < durationMs && !signal.aborted) {
    if (throughput !== undefined) {
      const due = Math.floor(((performance.now() - start) / 1000) * throughput);
      if (sent >= due) {
        await new Promise((resolve) =>
          setTimeout(resolve, Math.max(1, Math.ceil(((sent + 1) / throughput) * 1000 - (performance.now() - start)))),
        );
        continue;
      }
    }
    if (inFlight >= inFlightMax) {
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
      continue;
    }
    const value = payload(sent);
    const sentAt = performance.now();
    inFlight++;
    sent++;
    producer.send({ topic, value }).then(
      () => {
        inFlight--;
        onAck(sentAt, value.length);
        if (wake !== null && inFlight < inFlightMax / 2) {
          const w = wake;
          wake = null;
          w();
        }
      },
      (error: unknown) => {
        inFlight--;
        onError(error);
        if (wake !== null) {
          const w = wake;
          wake = null;
          w();
        }
      },
    );
    // Let acknowledgements run now and then when sending without a rate limit.
    if (throughput === undefined && (sent & 1023) === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  await producer.flush();
  while (inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 1));
  return sent;
}

export const perfProduce: Command = {
  name: 'perf produce',
  summary: 'measure produce throughput and latency',
  help: `Usage: gregor perf produce --topic TOPIC (--num-records N | --duration SECONDS) [--record-size BYTES] [--throughput N] ...

Sends records of random bytes and prints records/s, MB/s and the latency from send to
acknowledgement (avg, p50, p95, p99, p99.9, max). Ctrl-C stops early and prints what was
measured.
  -t, --topic TOPIC                 the topic to write (auto-created, or see --partitions)
  -n, --num-records N               how many records
      --duration SECONDS            or for how long
${PRODUCE_HELP}
      --timeout MS                  how long to wait for the cluster (default 15000)
${CONNECTION_HELP}`,
  async run(argv, io) {
    const { values, positionals } = parseFlags(argv, { ...COMMON_FLAGS, ...PRODUCE_FLAGS });
    if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
    const topic = values.topic;
    if (topic === undefined) throw new UsageError('give --topic');
    const { count, durationMs } = limits(values);
    const timeoutMs = timeoutFrom(values);
    const setup = produceSetup(values, io, timeoutMs);
    await ensureTopic(io, values, topic, timeoutMs);
    const value = randomBytes(setup.size);
    const h = histogram();
    let acked = 0;
    let bytes = 0;
    let failure: unknown = null;
    const producer = new Producer(setup.options);
    const start = performance.now();
    const stopProgress = progress(io, () => {
      const s = (performance.now() - start) / 1000;
      return `${acked} records, ${Math.round(acked / s).toLocaleString('en')} records/s, p99 ${round(h.count === 0 ? 0 : h.percentile(99) / 1000, 1)} ms`;
    });
    let ms: number;
    const stop = new AbortController();
    const removeSignals = onStopSignal(stop);
    try {
      await producer.connect();
      await drive(
        producer,
        topic,
        count,
        durationMs,
        setup.throughput,
        () => value,
        (sentAt, n) => {
          acked++;
          bytes += n;
          h.record(Math.max(1, Math.round((performance.now() - sentAt) * 1000)));
        },
        (error) => {
          failure ??= error;
        },
        stop.signal,
      );
      ms = performance.now() - start;
    } finally {
      removeSignals();
      stopProgress();
      await producer.close().catch(() => {});
    }
    if (failure !== null) throw failure;
    const result = summary(acked, bytes, ms, h);
    await write(io.stdout, values.json === true ? `${JSON.stringify(result)}\n` : render('sent', result));
    return ExitCode.OK;
  },
};

export const perfConsume: Command = {
  name: 'perf consume',
  summary: 'measure consume throughput',
  help: `Usage: gregor perf consume --topic TOPIC (--num-records N | --duration SECONDS) [--group GROUP]

Reads the topic from the beginning and prints records/s and MB/s, timed from the first
record received (group joins are not counted). Without --duration, fails when no record
comes for --timeout before N were read. Ctrl-C stops early and prints what was measured.
  -t, --topic TOPIC                 the topic to read
  -n, --num-records N               stop after N records
      --duration SECONDS            or after this long
  -g, --group GROUP                 read as this consumer group (default: assign all partitions)
      --timeout MS                  how long to wait for the cluster, and for the next record (default 15000)
${CONNECTION_HELP}`,
  async run(argv, io) {
    const { values, positionals } = parseFlags(argv, { ...COMMON_FLAGS, group: { type: 'string', short: 'g' } });
    if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
    const topic = values.topic;
    if (topic === undefined) throw new UsageError('give --topic');
    const { count, durationMs } = limits(values);
    const timeoutMs = timeoutFrom(values);
    const base = { ...clientOptions(values, io, timeoutMs), clientId: 'gregor-perf' };
    let partitions: number[] = [];
    if (values.group === undefined) {
      const admin = new Admin(base);
      try {
        const [d] = await admin.describeTopics([topic]).catch((error: unknown) => {
          throw unwrap(error);
        });
        partitions = (d?.partitions ?? []).map((p) => p.partition);
      } finally {
        await admin.close();
      }
    }
    const consumer = new Consumer({
      ...base,
      autoOffsetReset: 'earliest',
      enableAutoCommit: false,
      ...(values.group === undefined ? {} : { groupId: values.group }),
    });
    let records = 0;
    let bytes = 0;
    let first = 0;
    const stopProgress = progress(io, () => {
      const s = first === 0 ? 0 : (performance.now() - first) / 1000;
      return `${records} records, ${s === 0 ? 0 : Math.round(records / s).toLocaleString('en')} records/s`;
    });
    let last = 0;
    const stop = new AbortController();
    const removeSignals = onStopSignal(stop);
    // Ends at the duration even when no record comes; without --duration, fails once
    // no record has come for --timeout (the topic holds fewer than --num-records).
    const timer = Number.isFinite(durationMs) ? setTimeout(() => stop.abort(), durationMs) : null;
    let idleSince = performance.now();
    try {
      if (values.group === undefined) {
        consumer.assign(partitions.map((partition) => ({ topic, partition })));
        consumer.seekToBeginning();
      } else consumer.subscribe([topic]);
      while (records < count && !stop.signal.aborted) {
        const batch = await consumer.poll({ timeoutMs: 500, signal: stop.signal }).catch((error: unknown) => {
          if (stop.signal.aborted) return [];
          throw error;
        });
        const now = performance.now();
        if (batch.length === 0) {
          if (timer === null && now - idleSince >= timeoutMs) {
            throw new CommandError(`only ${records} of ${count} records arrived (none for ${timeoutMs} ms)`);
          }
          continue;
        }
        if (first === 0) first = now;
        idleSince = now;
        const take = Math.min(batch.length, count - records);
        for (let i = 0; i < take; i++) {
          const r = batch[i] as (typeof batch)[number];
          bytes += (r.value?.length ?? 0) + (r.key?.length ?? 0);
        }
        records += take;
        last = now;
      }
    } finally {
      if (timer !== null) clearTimeout(timer);
      removeSignals();
      stopProgress();
      await consumer.close();
    }
    const result = summary(records, bytes, first === 0 ? 0 : last - first, null);
    await write(io.stdout, values.json === true ? `${JSON.stringify(result)}\n` : render('received', result));
    return ExitCode.OK;
  },
};

export const perfEndToEnd: Command = {
  name: 'perf end-to-end',
  summary: 'measure latency from send to receipt by a consumer',
  help: `Usage: gregor perf end-to-end --topic TOPIC (--num-records N | --duration SECONDS) [--throughput N] ...

A producer sends records (each carrying its send time) while a consumer reads them; prints
the latency from send to receipt (avg, p50, p95, p99, p99.9, max) and the throughput.
Values are at least 16 bytes (the send time and a marker). Ctrl-C stops early and prints
what was measured.
  -t, --topic TOPIC                 the topic (auto-created, or see --partitions)
  -n, --num-records N               how many records
      --duration SECONDS            or for how long
${PRODUCE_HELP.replace('linger.ms (default 5)', 'linger.ms (default 0)')}
      --timeout MS                  how long to wait for the cluster (default 15000)
${CONNECTION_HELP}`,
  async run(argv, io) {
    const { values, positionals } = parseFlags(argv, { ...COMMON_FLAGS, ...PRODUCE_FLAGS });
    if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
    const topic = values.topic;
    if (topic === undefined) throw new UsageError('give --topic');
    const { count, durationMs } = limits(values);
    const timeoutMs = timeoutFrom(values);
    const setup = produceSetup(values, io, timeoutMs);
    // Each value starts with its send time (a double, ms of performance.now) and a marker.
    const size = Math.max(16, setup.size);
    await ensureTopic(io, values, topic, timeoutMs);
    const admin = new Admin(setup.options);
    let partitions: number[] = [];
    let ends: Map<number, number>;
    try {
      // The topic must exist before the consumer starts at its end.
      const warm = new Producer({ ...setup.options, lingerMs: 0 });
      await warm.partitionsFor(topic).finally(() => warm.close());
      const [d] = await admin.describeTopics([topic]);
      partitions = (d?.partitions ?? []).map((p) => p.partition);
      const latest = await admin.listOffsets(
        partitions.map((partition) => ({ topic, partition, spec: 'latest' as const })),
      );
      ends = new Map(latest.map((o) => [o.partition, o.offset]));
    } finally {
      await admin.close();
    }
    const marker = randomBytes(8);
    const warmMarker = randomBytes(8);
    let onWarm: () => void = () => {};
    const warmed = new Promise<void>((resolve) => {
      onWarm = resolve;
    });
    const consumer = new Consumer({
      ...setup.options,
      clientId: 'gregor-perf',
      enableAutoCommit: false,
      fetchMaxWaitMs: 100,
    });
    consumer.assign(partitions.map((partition) => ({ topic, partition })));
    for (const [partition, offset] of ends) consumer.seek({ topic, partition }, offset);
    const h = histogram();
    let received = 0;
    let bytes = 0;
    let sent = Number.MAX_SAFE_INTEGER;
    const stop = new AbortController();
    const stopReading = new AbortController();
    // Short polls, so the loop sees `sent` once the producer is done even when every
    // record already arrived (an iterator would wait for a batch that never comes).
    const reading = (async () => {
      while (received < sent && !stopReading.signal.aborted) {
        const records = await consumer.poll({ timeoutMs: 100, signal: stopReading.signal }).catch((error: unknown) => {
          if (stopReading.signal.aborted) return [];
          throw error;
        });
        const now = performance.now();
        for (const r of records) {
          const v = r.value;
          if (v !== null && v.length === 16 && v.subarray(8, 16).equals(warmMarker)) onWarm();
          if (v === null || v.length < 16 || !v.subarray(8, 16).equals(marker)) continue;
          h.record(Math.max(1, Math.round((now - v.readDoubleBE(0)) * 1000)));
          received++;
          bytes += v.length;
        }
      }
    })();
    // A consumer failure while the producer still runs is reported after it, not as an
    // unhandled rejection.
    reading.catch(() => {});
    const producer = new Producer({ ...setup.options, lingerMs: intFlag('linger-ms', values['linger-ms'], 0) ?? 0 });
    // Warm-up: one record through producer and consumer before the clock starts, so that
    // connecting and the consumer's first fetch are not counted as latency.
    const warmValue = Buffer.alloc(16);
    warmMarker.copy(warmValue, 8);
    const warmTimer = setTimeout(() => onWarm(), timeoutMs);
    await producer.send({ topic, value: warmValue }).catch(() => onWarm());
    await warmed;
    clearTimeout(warmTimer);
    const start = performance.now();
    const stopProgress = progress(
      io,
      () => `${received} records received, p99 ${round(h.count === 0 ? 0 : h.percentile(99) / 1000, 1)} ms`,
    );
    let failure: unknown = null;
    const removeSignals = onStopSignal(stop);
    try {
      sent = await drive(
        producer,
        topic,
        count,
        durationMs,
        setup.throughput,
        () => {
          const b = Buffer.allocUnsafe(size);
          b.fill(0x61, 16);
          b.writeDoubleBE(performance.now(), 0);
          marker.copy(b, 8);
          return b;
        },
        () => {},
        (error) => {
          failure ??= error;
        },
        stop.signal,
      );
      if (failure !== null) throw failure;
      // After Ctrl-C, what has arrived is the result; else wait up to --timeout for the rest.
      const wait = setTimeout(() => stopReading.abort(), stop.signal.aborted ? 0 : timeoutMs);
      const onStop = (): void => stopReading.abort();
      stop.signal.addEventListener('abort', onStop);
      try {
        await reading;
      } finally {
        clearTimeout(wait);
        stop.signal.removeEventListener('abort', onStop);
      }
    } finally {
      stopReading.abort();
      removeSignals();
      stopProgress();
      await producer.close().catch(() => {});
      await consumer.close();
    }
    if (received < sent && !stop.signal.aborted)
      throw new CommandError(`only ${received} of ${sent} records arrived within ${timeoutMs} ms`);
    const result = summary(received, bytes, performance.now() - start, h);
    await write(io.stdout, values.json === true ? `${JSON.stringify(result)}\n` : render('end to end', result));
    return ExitCode.OK;
  },
};
