/**
 * What the golden capture tells each client to do: one place for the topic, group,
 * timeouts and records, read by the clients' command lines (capture.ts), the KafkaJS
 * script (kafkajs-client.ts) and the facts written into the manifests.
 */
import type { GoldenRecord, GoldenRecords } from './manifest.js';

export const GOLDEN = {
  topic: 'golden-topic',
  partition: 0,
  acks: -1,
  produceTimeoutMs: 5000,
  sessionTimeoutMs: 6000,
  rebalanceTimeoutMs: 10000,
  heartbeatIntervalMs: 500,
  autoCommitIntervalMs: 500,
  fetchMaxWaitMs: 200,
  fetchMinBytes: 1,
  /** read_committed, the default of both clients, set explicitly for kcat. */
  isolationLevel: 1,
  /** kcat's transactional run: one transaction, committed when stdin closes. */
  transactionalId: 'golden-txn',
  transactionTimeoutMs: 10000,
  /** The generation the fake broker hands out. */
  generationId: 1,
  kcat: {
    clientId: 'golden-kcat',
    group: 'golden-group-kcat',
    protocolName: 'range',
    softwareName: 'librdkafka',
    softwareVersion: '2.0.2',
  },
  kafkajs: { clientId: 'golden-kafkajs', group: 'golden-group-kafkajs', protocolName: 'RoundRobinAssigner' },
} as const;

/** The member id the fake broker gives a client: `<clientId>-member-1`. */
export function memberIdOf(clientId: string): string {
  return `${clientId}-member-1`;
}

/** The records the fake broker serves at offsets 0.. to every Fetch. */
export const FETCHED_RECORDS: readonly GoldenRecord[] = [
  { key: 'fetched-key-0', value: 'fetched-value-0', headers: [['origin', 'gregor-golden']] },
  { key: null, value: 'fetched-value-1', headers: [] },
];

export const KCAT_CODECS = ['none', 'gzip', 'snappy', 'lz4', 'zstd'] as const;

/** kcat -K : -Z: each line is key:value; -Z turns an empty key or value into null. */
export const KCAT_PRODUCE_LINES: readonly string[] = [
  'key-1:value-1',
  'key-2:',
  ':value-3',
  'key-4:{"n":4,"s":"ünïcödé"}',
];

/** kcat -H h1=v1 -H h2=: every record carries the same headers. */
export const KCAT_HEADERS: readonly [string, string][] = [
  ['h1', 'v1'],
  ['h2', ''],
];

/**
 * What kcat is expected to put on the wire for KCAT_PRODUCE_LINES; `withHeaders` false
 * for the legacy run, where magic 1 messages cannot carry headers and kcat gets no -H.
 */
export function kcatRecords(compression: GoldenRecords['compression'], withHeaders = true): GoldenRecords {
  const records: GoldenRecord[] = KCAT_PRODUCE_LINES.map((line) => {
    const colon = line.indexOf(':');
    const key = line.slice(0, colon);
    const value = line.slice(colon + 1);
    return {
      key: key === '' ? null : key,
      value: value === '' ? null : value,
      headers: withHeaders ? KCAT_HEADERS.map(([k, v]): [string, string | null] => [k, v]) : [],
    };
  });
  return { compression, records };
}

/** KafkaJS sends one batch per entry, in order (KafkaJS headers cannot be null). */
export const KAFKAJS_PRODUCE_BATCHES: readonly GoldenRecords[] = [
  {
    compression: 'none',
    records: [
      { key: 'key-1', value: 'value-1', headers: [['h1', 'v1']] },
      { key: null, value: 'value-2', headers: [] },
      { key: 'key-3', value: null, headers: [['trace', 'abc']] },
    ],
  },
  {
    compression: 'gzip',
    records: [
      {
        key: 'gzip-key',
        value: 'gzip-value '.repeat(8).trim(),
        headers: [
          ['h', 'a'],
          ['h', 'b'],
        ],
      },
      { key: 'gzip-key-2', value: 'ünïcödé', headers: [] },
    ],
  },
];

/** KafkaJS against a broker that offers Produce v2 at most: a magic 1 message set, no headers. */
export const KAFKAJS_LEGACY_BATCH: GoldenRecords = {
  compression: 'none',
  records: [
    { key: 'legacy-key-1', value: 'legacy-value-1', headers: [] },
    { key: null, value: 'legacy-value-2', headers: [] },
  ],
};

/** The highest versions the broker offers in the legacy runs, to capture older encodings. */
export const LEGACY_VERSION_CAPS: Readonly<Record<number, number>> = { 0: 2, 3: 1 };
