/**
 * Captures golden request bytes from real Kafka clients.
 *
 * Re-run (needs `kcat` on the PATH, built with librdkafka 2.0.x; KafkaJS comes from the
 * workspace's node_modules):
 *
 *   npx tsc -b packages/protocol && node packages/protocol/dist/golden/capture.js
 *
 * It starts a tiny fake broker (fake-broker.ts) on 127.0.0.1, a free port, that answers
 * with the generated codecs just enough for each client to go on (ApiVersions, Metadata,
 * Produce, InitProducerId, AddPartitionsToTxn, EndTxn, ListOffsets, Fetch,
 * FindCoordinator, JoinGroup, SyncGroup, Heartbeat, OffsetCommit, OffsetFetch,
 * LeaveGroup), and runs the scenarios below one after the other, each in a child process
 * with a timeout, killed by its pid if stuck. The first request of each (client, API,
 * version, variant) is written to packages/protocol/test-fixtures/golden/<client>/
 * <api>-v<version>[-<variant>].bin (the frame after its 4-byte size), and each client
 * folder gets a manifest.json whose facts come from scenario.ts, what the client was
 * told, not from the decoder. Old .bin files in those folders are replaced.
 * `node capture.js <scenario-prefix>` (e.g. `kcat:produce`) runs only those scenarios
 * and reports what it saw, writing nothing.
 *
 * Then format the manifests (`npx biome check --write packages/protocol/test-fixtures`),
 * run golden.test.ts, and commit; `npm test` never runs this tool. Timestamps inside the
 * records differ from run to run, so a re-capture changes bytes even when nothing else
 * did.
 */
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { DecodedRequest } from '../frames.js';
import { ApiKey } from '../generated/api-table.js';
import type { FindCoordinatorRequest } from '../generated/messages/find-coordinator-request.js';
import type { InitProducerIdRequest } from '../generated/messages/init-producer-id-request.js';
import type { JoinGroupRequest } from '../generated/messages/join-group-request.js';
import type { ListOffsetsRequest } from '../generated/messages/list-offsets-request.js';
import type { MetadataRequest } from '../generated/messages/metadata-request.js';
import type { ProduceRequest } from '../generated/messages/produce-request.js';
import type { Captured } from './fake-broker.js';
import { FakeBroker, PRODUCER_ID as PRODUCER_ID_GIVEN } from './fake-broker.js';
import type { FactValue, GoldenFixture, GoldenManifest, GoldenRecords } from './manifest.js';
import { checkFacts, kebabName } from './manifest.js';
import {
  FETCHED_RECORDS,
  GOLDEN,
  KAFKAJS_LEGACY_BATCH,
  KAFKAJS_PRODUCE_BATCHES,
  KCAT_CODECS,
  KCAT_HEADERS,
  KCAT_PRODUCE_LINES,
  kcatRecords,
  LEGACY_VERSION_CAPS,
  memberIdOf,
} from './scenario.js';

const FIXTURES_DIR = fileURLToPath(new URL('../../test-fixtures/golden/', import.meta.url));
const KAFKAJS_CLIENT = fileURLToPath(new URL('./kafkajs-client.js', import.meta.url));
const SCENARIO_TIMEOUT_MS = 25_000;
interface Scenario {
  name: string;
  client: 'kcat' | 'kafkajs';
  /** Builds the child process for the broker's port. */
  command(port: number): { file: string; args: string[]; stdin: string | null };
  /** Milliseconds after which the client is asked to stop (SIGTERM), if it is a long-running consumer. */
  stopAfterMs?: number;
  /** Highest version the broker offers, by apiKey, where lower than our codecs' highest. */
  versionCaps?: Readonly<Record<number, number>>;
}

// ---------------------------------------------------------------------------------
// The scenarios.

function kcatBase(port: number): string[] {
  return [
    '-b',
    `127.0.0.1:${port}`,
    '-X',
    `client.id=${GOLDEN.kcat.clientId}`,
    '-X',
    'topic.metadata.refresh.interval.ms=-1',
  ];
}

function kcatProduceArgs(port: number, codec: string): string[] {
  return [
    ...kcatBase(port),
    '-P',
    '-t',
    GOLDEN.topic,
    '-p',
    String(GOLDEN.partition),
    '-z',
    codec,
    '-K',
    ':',
    '-Z',
    ...KCAT_HEADERS.flatMap(([k, v]) => ['-H', `${k}=${v}`]),
    '-X',
    `acks=${GOLDEN.acks}`,
    '-X',
    `request.timeout.ms=${GOLDEN.produceTimeoutMs}`,
    '-X',
    'linger.ms=100',
  ];
}

const SCENARIOS: readonly Scenario[] = [
  {
    name: 'kcat:metadata',
    client: 'kcat',
    command: (port) => ({ file: 'kcat', args: [...kcatBase(port), '-L'], stdin: null }),
  },
  ...KCAT_CODECS.map(
    (codec): Scenario => ({
      name: `kcat:produce-${codec}`,
      client: 'kcat',
      command: (port) => ({
        file: 'kcat',
        args: kcatProduceArgs(port, codec),
        stdin: `${KCAT_PRODUCE_LINES.join('\n')}\n`,
      }),
    }),
  ),
  {
    // enable.idempotence: InitProducerId (flexible from v2), then a batch with a producer id.
    name: 'kcat:produce-idempotent',
    client: 'kcat',
    command: (port) => ({
      file: 'kcat',
      args: [...kcatProduceArgs(port, 'none'), '-X', 'enable.idempotence=true'],
      stdin: `${KCAT_PRODUCE_LINES.join('\n')}\n`,
    }),
  },
  {
    // transactional.id: FindCoordinator (TRANSACTION), InitProducerId with the id,
    // AddPartitionsToTxn, a transactional batch, EndTxn (commit).
    name: 'kcat:produce-transactional',
    client: 'kcat',
    command: (port) => ({
      file: 'kcat',
      args: [
        ...kcatProduceArgs(port, 'none'),
        '-X',
        `transactional.id=${GOLDEN.transactionalId}`,
        '-X',
        `transaction.timeout.ms=${GOLDEN.transactionTimeoutMs}`,
      ],
      stdin: `${KCAT_PRODUCE_LINES.join('\n')}\n`,
    }),
  },
  {
    // A broker offering Produce v2 and Metadata v1 at most: magic 1 messages, no headers.
    name: 'kcat:produce-legacy',
    client: 'kcat',
    versionCaps: LEGACY_VERSION_CAPS,
    command: (port) => ({
      file: 'kcat',
      args: kcatProduceArgs(port, 'none').filter((a, i, all) => a !== '-H' && all[i - 1] !== '-H'),
      stdin: `${KCAT_PRODUCE_LINES.join('\n')}\n`,
    }),
  },
  {
    name: 'kcat:consume',
    client: 'kcat',
    command: (port) => ({
      file: 'kcat',
      args: [
        ...kcatBase(port),
        '-C',
        '-t',
        GOLDEN.topic,
        '-p',
        String(GOLDEN.partition),
        '-o',
        'beginning',
        '-c',
        String(FETCHED_RECORDS.length),
        '-X',
        `fetch.wait.max.ms=${GOLDEN.fetchMaxWaitMs}`,
        '-X',
        `fetch.min.bytes=${GOLDEN.fetchMinBytes}`,
        '-X',
        'isolation.level=read_committed',
      ],
      stdin: null,
    }),
  },
  {
    name: 'kcat:group',
    client: 'kcat',
    stopAfterMs: 5000,
    command: (port) => ({
      file: 'kcat',
      args: [
        ...kcatBase(port),
        '-G',
        GOLDEN.kcat.group,
        GOLDEN.topic,
        '-X',
        `session.timeout.ms=${GOLDEN.sessionTimeoutMs}`,
        '-X',
        `max.poll.interval.ms=${GOLDEN.rebalanceTimeoutMs}`,
        '-X',
        `heartbeat.interval.ms=${GOLDEN.heartbeatIntervalMs}`,
        '-X',
        `auto.commit.interval.ms=${GOLDEN.autoCommitIntervalMs}`,
        '-X',
        'auto.offset.reset=earliest',
        '-X',
        `fetch.wait.max.ms=${GOLDEN.fetchMaxWaitMs}`,
        '-X',
        `fetch.min.bytes=${GOLDEN.fetchMinBytes}`,
        '-X',
        'isolation.level=read_committed',
      ],
      stdin: null,
    }),
  },
  {
    name: 'kafkajs:producer',
    client: 'kafkajs',
    command: (port) => ({ file: process.execPath, args: [KAFKAJS_CLIENT, 'producer', String(port)], stdin: null }),
  },
  {
    name: 'kafkajs:producer-transactional',
    client: 'kafkajs',
    command: (port) => ({
      file: process.execPath,
      args: [KAFKAJS_CLIENT, 'producer-transactional', String(port)],
      stdin: null,
    }),
  },
  {
    name: 'kafkajs:producer-legacy',
    client: 'kafkajs',
    versionCaps: LEGACY_VERSION_CAPS,
    command: (port) => ({
      file: process.execPath,
      args: [KAFKAJS_CLIENT, 'producer-legacy', String(port)],
      stdin: null,
    }),
  },
  {
    name: 'kafkajs:consumer',
    client: 'kafkajs',
    command: (port) => ({ file: process.execPath, args: [KAFKAJS_CLIENT, 'consumer', String(port)], stdin: null }),
  },
];

function runScenario(broker: FakeBroker, scenario: Scenario): Promise<void> {
  broker.scenario = scenario.name;
  broker.versionCaps = scenario.versionCaps ?? {};
  const { file, args, stdin } = scenario.command(broker.port);
  console.log(`[capture] ${scenario.name}: ${file} ${args.join(' ')}`);
  return new Promise((resolve) => {
    const child: ChildProcess = spawn(file, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.stdout?.on('data', () => {});
    child.stdin?.end(stdin ?? undefined);
    const timers: NodeJS.Timeout[] = [];
    if (scenario.stopAfterMs !== undefined) {
      timers.push(setTimeout(() => child.kill('SIGTERM'), scenario.stopAfterMs));
    }
    timers.push(
      setTimeout(() => {
        console.error(`[capture] ${scenario.name}: timed out; killing pid ${child.pid}`);
        child.kill('SIGKILL');
      }, SCENARIO_TIMEOUT_MS),
    );
    child.on('error', (err) => {
      console.error(`[capture] ${scenario.name}: ${err.message}`);
    });
    child.on('close', (code, signal) => {
      for (const t of timers) clearTimeout(t);
      if (code !== 0 && !(scenario.stopAfterMs !== undefined && (code === 0 || signal === 'SIGTERM' || code === 143))) {
        console.error(`[capture] ${scenario.name}: exit ${code ?? signal}\n${stderr.trim()}`);
      }
      resolve();
    });
  });
}

// ---------------------------------------------------------------------------------
// Choosing and describing fixtures.

/** librdkafka's idempotent (not transactional) producer sends no transaction timeout: -1. */
const TRANSACTION_TIMEOUT_MS_IDEMPOTENT = -1;

const COMPRESSION_NAMES: readonly GoldenRecords['compression'][] = ['none', 'gzip', 'snappy', 'lz4', 'zstd'];

/** Tells several requests of one API and version apart (codec, which topics, new member). */
function variantOf(decoded: Extract<DecodedRequest, { ok: true }>): string | null {
  const body = decoded.body;
  switch (decoded.api.apiKey) {
    case ApiKey.Produce: {
      const records = (body as ProduceRequest).topicData[0]?.partitionData[0]?.records;
      if (records === null || records === undefined || records.length < 61) return 'empty';
      // Magic 0 and 1 message sets keep the codec in an int8 at byte 17, magic 2 in an int16 at 21.
      const magic = records.readInt8(16);
      const codec =
        COMPRESSION_NAMES[(magic < 2 ? records.readInt8(17) : records.readInt16BE(21)) & 7] ?? 'unknown-codec';
      if (magic < 2) return `magic${magic}-${codec}`;
      if ((records.readInt16BE(21) & 0x10) !== 0) return `transactional-${codec}`;
      return records.readBigInt64BE(43) >= 0n ? `idempotent-${codec}` : codec;
    }
    case ApiKey.Metadata: {
      const topics = (body as MetadataRequest).topics;
      if (topics === null) return 'all-topics';
      return topics.length === 0 ? 'no-topics' : 'topics';
    }
    case ApiKey.ListOffsets: {
      const timestamp = (body as ListOffsetsRequest).topics[0]?.partitions[0]?.timestamp;
      return timestamp === -2n ? 'earliest' : timestamp === -1n ? 'latest' : 'timestamp';
    }
    case ApiKey.JoinGroup:
      return (body as JoinGroupRequest).memberId === '' ? 'new-member' : 'known-member';
    case ApiKey.FindCoordinator:
      return (body as FindCoordinatorRequest).keyType === 1 ? 'transaction' : null;
    case ApiKey.InitProducerId:
      return (body as InitProducerIdRequest).transactionalId === null ? null : 'transactional';
    default:
      return null;
  }
}

/** What the client was told, as facts about the request (see manifest.ts). */
function factsFor(
  client: 'kcat' | 'kafkajs',
  apiKey: number,
  version: number,
  variant: string | null,
): Record<string, FactValue> {
  const profile = GOLDEN[client];
  const group = profile.group;
  const memberId = memberIdOf(profile.clientId);
  const f: Record<string, FactValue> = { 'header.clientId': profile.clientId };
  switch (apiKey) {
    case ApiKey.ApiVersions:
      if (version >= 3 && client === 'kcat') {
        f.clientSoftwareName = GOLDEN.kcat.softwareName;
        f.clientSoftwareVersion = GOLDEN.kcat.softwareVersion;
      }
      break;
    case ApiKey.Metadata:
      if (variant === 'all-topics') f.topics = null;
      else if (variant === 'no-topics') f['topics.length'] = 0;
      else {
        f['topics.length'] = 1;
        f['topics[0].name'] = GOLDEN.topic;
      }
      break;
    case ApiKey.InitProducerId:
      f.transactionalId = variant === 'transactional' ? GOLDEN.transactionalId : null;
      // KafkaJS sends its configured transactionTimeout even before it has the id.
      f.transactionTimeoutMs =
        variant === 'transactional' || client === 'kafkajs'
          ? GOLDEN.transactionTimeoutMs
          : TRANSACTION_TIMEOUT_MS_IDEMPOTENT;
      if (version >= 3) {
        f.producerId = '-1';
        f.producerEpoch = -1;
      }
      break;
    case ApiKey.Produce:
      if (version >= 3) f.transactionalId = variant?.startsWith('transactional-') ? GOLDEN.transactionalId : null;
      f.acks = GOLDEN.acks;
      f.timeoutMs = GOLDEN.produceTimeoutMs;
      f['topicData.length'] = 1;
      f['topicData[0].name'] = GOLDEN.topic;
      f['topicData[0].partitionData.length'] = 1;
      f['topicData[0].partitionData[0].index'] = GOLDEN.partition;
      break;
    case ApiKey.Fetch:
      if (version <= 14) f.replicaId = -1;
      f.maxWaitMs = GOLDEN.fetchMaxWaitMs;
      f.minBytes = GOLDEN.fetchMinBytes;
      if (version >= 4) f.isolationLevel = GOLDEN.isolationLevel;
      f['topics.length'] = 1;
      if (version <= 12) f['topics[0].topic'] = GOLDEN.topic;
      f['topics[0].partitions[0].partition'] = GOLDEN.partition;
      f['topics[0].partitions[0].fetchOffset'] = '0';
      break;
    case ApiKey.ListOffsets:
      f.replicaId = -1;
      f['topics[0].name'] = GOLDEN.topic;
      f['topics[0].partitions[0].partitionIndex'] = GOLDEN.partition;
      if (variant === 'earliest') f['topics[0].partitions[0].timestamp'] = '-2';
      if (variant === 'latest') f['topics[0].partitions[0].timestamp'] = '-1';
      break;
    case ApiKey.FindCoordinator: {
      const key = variant === 'transaction' ? GOLDEN.transactionalId : group;
      if (version >= 4) f['coordinatorKeys[0]'] = key;
      else f.key = key;
      f.keyType = variant === 'transaction' ? 1 : 0;
      break;
    }
    case ApiKey.AddPartitionsToTxn:
      if (version <= 3) {
        f.v3AndBelowTransactionalId = GOLDEN.transactionalId;
        f.v3AndBelowProducerId = String(PRODUCER_ID_GIVEN);
        f['v3AndBelowTopics[0].name'] = GOLDEN.topic;
        f['v3AndBelowTopics[0].partitions[0]'] = GOLDEN.partition;
      } else {
        f['transactions[0].transactionalId'] = GOLDEN.transactionalId;
        f['transactions[0].topics[0].name'] = GOLDEN.topic;
      }
      break;
    case ApiKey.EndTxn:
      f.transactionalId = GOLDEN.transactionalId;
      f.producerId = String(PRODUCER_ID_GIVEN);
      f.committed = true;
      break;
    case ApiKey.JoinGroup:
      f.groupId = group;
      f.sessionTimeoutMs = GOLDEN.sessionTimeoutMs;
      if (version >= 1) f.rebalanceTimeoutMs = GOLDEN.rebalanceTimeoutMs;
      f.memberId = variant === 'new-member' ? '' : memberId;
      f.protocolType = 'consumer';
      f['protocols[0].name'] = profile.protocolName;
      break;
    case ApiKey.SyncGroup:
      f.groupId = group;
      f.generationId = GOLDEN.generationId;
      f.memberId = memberId;
      f['assignments.length'] = 1;
      f['assignments[0].memberId'] = memberId;
      if (version >= 5) {
        f.protocolType = 'consumer';
        f.protocolName = profile.protocolName;
      }
      break;
    case ApiKey.Heartbeat:
      f.groupId = group;
      f.generationId = GOLDEN.generationId;
      f.memberId = memberId;
      break;
    case ApiKey.OffsetCommit:
      f.groupId = group;
      if (version >= 1) {
        f.generationIdOrMemberEpoch = GOLDEN.generationId;
        f.memberId = memberId;
      }
      f['topics[0].name'] = GOLDEN.topic;
      f['topics[0].partitions[0].partitionIndex'] = GOLDEN.partition;
      f['topics[0].partitions[0].committedOffset'] = String(FETCHED_RECORDS.length);
      break;
    case ApiKey.OffsetFetch:
      if (version >= 8) {
        f['groups[0].groupId'] = group;
        f['groups[0].topics[0].name'] = GOLDEN.topic;
        f['groups[0].topics[0].partitionIndexes[0]'] = GOLDEN.partition;
      } else {
        f.groupId = group;
        f['topics[0].name'] = GOLDEN.topic;
        f['topics[0].partitionIndexes[0]'] = GOLDEN.partition;
      }
      break;
    case ApiKey.LeaveGroup:
      f.groupId = group;
      if (version >= 3) f['members[0].memberId'] = memberId;
      else f.memberId = memberId;
      break;
  }
  return f;
}

function recordsFor(client: 'kcat' | 'kafkajs', variant: string | null): GoldenRecords | undefined {
  const codec = variant?.slice(variant.lastIndexOf('-') + 1);
  const compression = COMPRESSION_NAMES.find((c) => c === codec);
  if (compression === undefined) return undefined;
  if (variant?.startsWith('magic1-') === true)
    return client === 'kcat' ? kcatRecords(compression, false) : KAFKAJS_LEGACY_BATCH;
  if (client === 'kcat') return kcatRecords(compression);
  return KAFKAJS_PRODUCE_BATCHES.find((b) => b.compression === compression);
}

function writeFixtures(captured: readonly Captured[], write: boolean): number {
  let problems = 0;
  const byClient = new Map<'kcat' | 'kafkajs', Map<string, GoldenFixture>>();
  const frames = new Map<string, Buffer>();
  for (const c of captured) {
    const client = c.client === 'kcat' || c.client === 'kafkajs' ? c.client : null;
    if (client === null) continue;
    if (!c.decoded.ok) {
      problems++;
      continue;
    }
    const { api, version } = c.decoded;
    const variant = variantOf(c.decoded);
    const file = `${kebabName(api.name)}-v${version}${variant === null ? '' : `-${variant}`}.bin`;
    let fixtures = byClient.get(client);
    if (fixtures === undefined) {
      fixtures = new Map();
      byClient.set(client, fixtures);
    }
    if (fixtures.has(file)) continue;
    const fixture: GoldenFixture = {
      file,
      apiKey: api.apiKey,
      api: api.name,
      version,
      variant,
      clientId: GOLDEN[client].clientId,
      scenario: c.scenario,
      facts: factsFor(client, api.apiKey, version, variant),
    };
    const records = recordsFor(client, variant);
    if (records !== undefined) fixture.records = records;
    const mismatches = checkFacts(c.decoded, fixture.facts);
    for (const m of mismatches) console.error(`[capture] ${client}/${file}: ${m}`);
    problems += mismatches.length;
    fixtures.set(file, fixture);
    frames.set(`${client}/${file}`, c.frame);
  }
  for (const [client, fixtures] of byClient) {
    const list = [...fixtures.values()].sort((a, b) => a.apiKey - b.apiKey || a.file.localeCompare(b.file));
    console.log(`[capture] ${client}: ${list.map((f) => f.file).join(', ')}`);
    if (!write) continue;
    const dir = `${FIXTURES_DIR}${client}/`;
    mkdirSync(dir, { recursive: true });
    for (const old of readdirSync(dir)) if (old.endsWith('.bin')) rmSync(`${dir}${old}`);
    for (const fixture of list) writeFileSync(`${dir}${fixture.file}`, frames.get(`${client}/${fixture.file}`)!);
    const manifest: GoldenManifest = {
      client,
      clientVersion: client === 'kcat' ? `kcat 1.7.1, librdkafka ${GOLDEN.kcat.softwareVersion}` : 'kafkajs 2.2.4',
      capturedWith: 'node packages/protocol/dist/golden/capture.js',
      fixtures: list,
    };
    writeFileSync(`${dir}manifest.json`, `${JSON.stringify(manifest, null, 2)}\n`);
  }
  return problems;
}

async function main(): Promise<void> {
  const only = process.argv[2];
  const broker = new FakeBroker();
  await broker.listen();
  console.log(`[capture] fake broker on 127.0.0.1:${broker.port}`);
  try {
    for (const scenario of SCENARIOS) {
      if (only !== undefined && !scenario.name.startsWith(only)) continue;
      await runScenario(broker, scenario);
    }
  } finally {
    await broker.close();
  }
  // A partial run (a scenario prefix given) only reports: writing would drop the other fixtures.
  const problems = writeFixtures(broker.captured, only === undefined);
  if (problems > 0) {
    console.error(`[capture] ${problems} problem(s); check the fixtures before committing them`);
    process.exitCode = 1;
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
