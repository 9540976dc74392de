/**
 * The one table of Gregor's settings: Kafka's names, types, defaults and valid values
 * (Kafka 3.9, the version of `../shared/kafka-protocol`), for the broker and for topics.
 *
 * Each broker setting is one of:
 * - used by Gregor, with Kafka's meaning;
 * - `noEffect`: accepted and validated so that a Kafka `server.properties` loads
 *   unchanged, but it tunes something Gregor does not have (JVM thread pools, Java
 *   buffers); loading reports it in the warnings;
 * - `gregor.*`: Gregor's own settings, which Kafka does not have.
 * `gregor` notes say where Gregor's default or meaning differs from Kafka's, and why.
 *
 * Each topic setting lists its broker synonyms in Kafka's order of precedence
 * (`ServerTopicConfigSynonyms`): a topic's value is its own override, else the first
 * synonym the broker has a value for (converted from hours or minutes), else the
 * topic setting's default.
 *
 * Defaults are written as strings, as DescribeConfigs shows them; they are parsed and
 * validated when this module loads, so a bad default fails every test.
 */

import { checkHostPort, checkListeners, checkQuorumVoters, checkSecurityProtocolMap } from './listeners.js';
import type { ConfigType, ConfigValue, Validator } from './values.js';
import {
  allOf,
  atLeast,
  between,
  customCheck,
  listItems,
  listOf,
  nonEmptyUniqueList,
  oneOf,
  parseValue,
} from './values.js';

export interface ConfigDefinition {
  readonly type: ConfigType;
  /** Kafka's default as DescribeConfigs shows it (Gregor's where `gregor` says so); null for none. */
  readonly default: string | null;
  readonly doc: string;
  readonly validator?: Validator;
  /** Kafka can change it at run time (DescribeConfigs `readOnly: false`). */
  readonly dynamic?: boolean;
  /** Accepted for compatibility with Kafka; why it does nothing in Gregor. */
  readonly noEffect?: string;
  /** How Gregor differs from Kafka here, and why. */
  readonly gregor?: string;
}

const LONG_MAX = '9223372036854775807';
const INT_MAX = '2147483647';
const COMPRESSION_TYPES = ['uncompressed', 'zstd', 'lz4', 'snappy', 'gzip', 'producer'] as const;
const TIMESTAMP_TYPES = ['CreateTime', 'LogAppendTime'] as const;
const NOT_MS = 'Gregor runs on one event loop and has no such thread pool';

const listenersValidator = customCheck('NAME://host:port, ...', (v) => {
  const problems = checkListeners(v as readonly string[]).problems;
  return problems.length > 0 ? problems.join('; ') : null;
});
const advertisedListenersValidator = customCheck('NAME://host:port, ...', (v) => {
  const problems = checkListeners(v as readonly string[], true).problems;
  return problems.length > 0 ? problems.join('; ') : null;
});
const protocolMapValidator = customCheck('NAME:PROTOCOL, ...', (v) => {
  const problems = checkSecurityProtocolMap(v as string).problems;
  return problems.length > 0 ? problems.join('; ') : null;
});
const votersValidator = customCheck('id@host:port, ...', (v) => {
  const problems = checkQuorumVoters(v as readonly string[]).problems;
  return problems.length > 0 ? problems.join('; ') : null;
});
const clusterIdValidator = customCheck('a base64url UUID of 22 characters', (v) =>
  typeof v === 'string' && !/^[A-Za-z0-9_-]{22}$/.test(v)
    ? 'Value must be a UUID in base64url form, 22 characters (as kafka-storage random-uuid prints)'
    : null,
);
const gzipLevel = customCheck('[1,...,9] or -1', (v) =>
  typeof v === 'number' && v !== -1 && (v < 1 || v > 9) ? 'Value must be -1 or between 1 and 9' : null,
);

/**
 * Broker settings. Keys are Kafka's names; the order groups them as Kafka's
 * documentation does.
 */
export const BROKER_CONFIGS = {
  // --- Node and quorum (KRaft) ---
  'node.id': {
    type: 'INT',
    default: '1',
    validator: atLeast(0),
    doc: 'The id of this node in the cluster, as a broker and as a controller voter.',
    gregor:
      'Kafka has no default in KRaft mode (it must be set); Gregor defaults to 1 so that a single node starts unconfigured.',
  },
  'broker.id': {
    type: 'INT',
    default: '-1',
    validator: atLeast(-1),
    doc: 'The older name of node.id. When set and node.id is not, it gives the node id; when both are set they must match.',
  },
  'cluster.id': {
    type: 'STRING',
    default: null,
    validator: clusterIdValidator,
    doc: 'The id of the cluster this node belongs to, written to meta.properties when the log directory is first used; every node of a cluster must have the same. When unset, a new id is made.',
    gregor:
      'Kafka writes it with kafka-storage format before the first start; Gregor formats the directory at its first start, with this id.',
  },
  'process.roles': {
    type: 'LIST',
    default: 'broker,controller',
    validator: allOf(listOf('broker', 'controller'), nonEmptyUniqueList()),
    doc: 'The roles of this node: broker, controller, or both.',
    gregor: 'Kafka has no default (it must be set); Gregor defaults to a combined node, a quorum of one voter.',
  },
  'controller.quorum.voters': {
    type: 'LIST',
    default: '',
    validator: votersValidator,
    doc: 'The static voter set of the metadata quorum, as id@host:port items. Empty on a single combined node: the node is the only voter.',
  },
  'controller.quorum.bootstrap.servers': {
    type: 'LIST',
    default: '',
    validator: listItems('host:port, ...', checkHostPort),
    doc: 'Where to find the metadata quorum when it is dynamic (KIP-853).',
    noEffect: 'Gregor uses the static voter set of controller.quorum.voters',
  },
  'controller.listener.names': {
    type: 'LIST',
    default: null,
    validator: listItems('listener names', (s) => (/^[A-Za-z0-9_-]+$/.test(s) ? null : 'not a listener name')),
    doc: 'The names of the listeners the controller uses. Listeners named here do not serve clients and are not advertised.',
    gregor:
      'Kafka requires it in KRaft mode. A single Gregor node runs its controller in the same process and needs no controller listener, so it may be left unset.',
  },
  'metadata.log.dir': {
    type: 'STRING',
    default: null,
    doc: 'The directory of the metadata log (__cluster_metadata). When unset, the first of the log directories.',
  },
  'metadata.log.segment.bytes': {
    type: 'INT',
    default: '1073741824',
    validator: atLeast(8 * 1024 * 1024),
    doc: 'The size of one segment of the metadata log.',
  },
  'metadata.log.max.record.bytes.between.snapshots': {
    type: 'LONG',
    default: '20971520',
    validator: atLeast(1),
    doc: 'A new metadata snapshot is written once this many bytes of records were committed after the last one.',
  },
  'metadata.log.max.snapshot.interval.ms': {
    type: 'LONG',
    default: '3600000',
    validator: atLeast(0),
    doc: 'A new metadata snapshot is written this long after the last one if records were committed since (0: never by time).',
  },
  'controller.quorum.election.timeout.ms': {
    type: 'INT',
    default: '1000',
    validator: atLeast(1),
    doc: 'How long a voter waits without a leader before it starts an election (randomised up to twice this).',
  },
  'controller.quorum.fetch.timeout.ms': {
    type: 'INT',
    default: '2000',
    validator: atLeast(1),
    doc: 'How long a follower goes without a successful Fetch from the leader before it starts an election; a leader that has not heard from a majority for this long resigns.',
  },
  'controller.quorum.election.backoff.max.ms': {
    type: 'INT',
    default: '1000',
    validator: atLeast(1),
    doc: 'The longest random back-off before a new election after a failed one.',
  },
  'controller.quorum.request.timeout.ms': {
    type: 'INT',
    default: '2000',
    validator: atLeast(1),
    doc: 'How long a quorum request waits for its answer.',
  },
  'controller.quorum.retry.backoff.ms': {
    type: 'INT',
    default: '20',
    validator: atLeast(0),
    doc: 'The wait before a failed quorum request is tried again.',
  },
  'controller.quorum.append.linger.ms': {
    type: 'INT',
    default: '25',
    validator: atLeast(0),
    doc: 'How long the quorum leader gathers appends into one batch before writing it.',
  },
  'broker.heartbeat.interval.ms': {
    type: 'INT',
    default: '2000',
    validator: atLeast(1),
    doc: 'How often a broker sends a heartbeat to the active controller.',
  },
  'broker.session.timeout.ms': {
    type: 'INT',
    default: '9000',
    validator: atLeast(1),
    doc: 'A broker that sends no heartbeat for this long is fenced: it leads no partition and leaves every ISR.',
  },
  'auto.leader.rebalance.enable': {
    type: 'BOOLEAN',
    default: 'true',
    doc: 'The active controller moves leadership back to the preferred replica (the first of the replicas) wherever it is in sync and available, every leader.imbalance.check.interval.seconds.',
  },
  'leader.imbalance.check.interval.seconds': {
    type: 'LONG',
    default: '300',
    validator: atLeast(1),
    doc: 'How often the active controller checks for partitions not led by their preferred replica.',
  },

  // --- Listeners and sockets ---
  listeners: {
    type: 'LIST',
    default: 'PLAINTEXT://:9092',
    validator: allOf(nonEmptyUniqueList(), listenersValidator),
    doc: 'The addresses to listen on, as NAME://host:port items. An empty host listens on every interface; IPv6 addresses go in brackets.',
  },
  'advertised.listeners': {
    type: 'LIST',
    default: null,
    validator: advertisedListenersValidator,
    doc: 'The addresses given to clients, as NAME://host:port items whose names are listener names. When unset, the listeners (without the controller listeners).',
  },
  'listener.security.protocol.map': {
    type: 'STRING',
    default: 'PLAINTEXT:PLAINTEXT,SSL:SSL,SASL_PLAINTEXT:SASL_PLAINTEXT,SASL_SSL:SASL_SSL',
    validator: protocolMapValidator,
    doc: 'The security protocol of each listener name, as NAME:PROTOCOL items.',
    gregor: 'Gregor serves PLAINTEXT only for now: a listener mapped to another protocol is a configuration error.',
  },
  'inter.broker.listener.name': {
    type: 'STRING',
    default: null,
    doc: 'The listener brokers use to talk to each other. When unset, the one of security.inter.broker.protocol.',
  },
  'security.inter.broker.protocol': {
    type: 'STRING',
    default: 'PLAINTEXT',
    validator: oneOf('PLAINTEXT', 'SSL', 'SASL_PLAINTEXT', 'SASL_SSL'),
    doc: 'The security protocol brokers use to talk to each other. Not to be set together with inter.broker.listener.name.',
  },
  'broker.rack': {
    type: 'STRING',
    default: null,
    doc: 'The rack of this broker, given to clients in Metadata and used for rack-aware replica placement.',
  },
  'socket.request.max.bytes': {
    type: 'INT',
    default: '104857600',
    validator: atLeast(1),
    doc: 'The largest request the broker reads; a larger size prefix closes the connection.',
  },
  'socket.send.buffer.bytes': {
    type: 'INT',
    default: '102400',
    doc: 'SO_SNDBUF of client connections; -1 for the OS default.',
    noEffect: "Node's net module cannot set SO_SNDBUF on TCP sockets; the OS default is used",
  },
  'socket.receive.buffer.bytes': {
    type: 'INT',
    default: '102400',
    doc: 'SO_RCVBUF of client connections; -1 for the OS default.',
    noEffect: "Node's net module cannot set SO_RCVBUF on TCP sockets; the OS default is used",
  },
  'socket.listen.backlog.size': {
    type: 'INT',
    default: '50',
    validator: atLeast(1),
    doc: 'The queue of connections not yet accepted (the backlog of listen()).',
  },
  'connections.max.idle.ms': {
    type: 'LONG',
    default: '600000',
    doc: 'A connection idle for longer than this is closed.',
  },
  'max.connections': {
    type: 'INT',
    default: INT_MAX,
    validator: atLeast(0),
    dynamic: true,
    doc: 'The most connections the broker keeps open; further ones are closed at once.',
  },
  'max.connections.per.ip': {
    type: 'INT',
    default: INT_MAX,
    validator: atLeast(0),
    dynamic: true,
    doc: 'The most connections from one IP address.',
  },
  'queued.max.requests': {
    type: 'INT',
    default: '500',
    validator: atLeast(1),
    doc: 'The most requests read but not yet answered, over all connections; beyond it the broker stops reading.',
  },
  'queued.max.request.bytes': {
    type: 'LONG',
    default: '268435456',
    doc: 'The memory budget of requests read but not yet answered; beyond it the broker stops reading. -1 for no budget.',
    gregor:
      "Kafka's default is -1 (no budget). Gregor charges every request to a memory budget before decoding it, so it defaults to 256 MiB; it must be at least socket.request.max.bytes so that the largest request can be read.",
  },

  // --- Topics and requests ---
  'num.partitions': {
    type: 'INT',
    default: '1',
    validator: atLeast(1),
    doc: 'The partitions of a topic created without a count (auto-created topics, CreateTopics with -1).',
  },
  'default.replication.factor': {
    type: 'INT',
    default: '1',
    validator: atLeast(1),
    doc: 'The replication factor of a topic created without one.',
  },
  'auto.create.topics.enable': {
    type: 'BOOLEAN',
    default: 'true',
    doc: 'Create a topic when a client asks for its metadata and it does not exist.',
  },
  'delete.topic.enable': {
    type: 'BOOLEAN',
    default: 'true',
    doc: 'Allow DeleteTopics.',
  },
  'message.max.bytes': {
    type: 'INT',
    default: '1048588',
    validator: atLeast(0),
    dynamic: true,
    doc: 'The largest record batch a topic accepts (after compression); the broker default of max.message.bytes.',
  },
  'fetch.max.bytes': {
    type: 'INT',
    default: '57671680',
    validator: atLeast(1024),
    doc: 'The most bytes the broker returns for one Fetch request.',
  },
  'replica.fetch.max.bytes': {
    type: 'INT',
    default: '1048576',
    validator: atLeast(0),
    doc: 'The bytes a follower asks for per partition when it replicates.',
  },
  'replica.lag.time.max.ms': {
    type: 'LONG',
    default: '30000',
    doc: 'A follower that has not caught up for this long leaves the ISR.',
  },
  'replica.fetch.wait.max.ms': {
    type: 'INT',
    default: '500',
    validator: atLeast(0),
    doc: "How long a follower's Fetch waits at the leader for new data.",
  },
  'replica.fetch.min.bytes': {
    type: 'INT',
    default: '1',
    validator: atLeast(0),
    doc: "The bytes a follower's Fetch waits for at the leader before it is answered.",
  },
  'replica.fetch.response.max.bytes': {
    type: 'INT',
    default: '10485760',
    validator: atLeast(0),
    doc: 'The most bytes a follower asks for in one Fetch, over all its partitions.',
  },
  'replica.fetch.backoff.ms': {
    type: 'INT',
    default: '1000',
    validator: atLeast(0),
    doc: 'The wait of a follower after a failed Fetch before it fetches again.',
  },
  'replica.socket.timeout.ms': {
    type: 'INT',
    default: '30000',
    validator: atLeast(1),
    doc: 'How long a follower waits for the answer to a Fetch before it gives up on the connection.',
  },
  'compression.type': {
    type: 'STRING',
    default: 'producer',
    validator: oneOf(...COMPRESSION_TYPES),
    dynamic: true,
    doc: "The compression of stored batches: producer keeps the producer's; any other codec recompresses.",
  },
  'compression.gzip.level': {
    type: 'INT',
    default: '-1',
    validator: gzipLevel,
    dynamic: true,
    doc: 'The gzip level used when the broker compresses (-1 for the codec default).',
  },
  'compression.lz4.level': {
    type: 'INT',
    default: '9',
    validator: between(1, 17),
    dynamic: true,
    doc: 'The lz4 level used when the broker compresses.',
  },
  'compression.zstd.level': {
    type: 'INT',
    default: '3',
    validator: between(-131072, 22),
    dynamic: true,
    doc: 'The zstd level used when the broker compresses.',
  },
  'min.insync.replicas': {
    type: 'INT',
    default: '1',
    validator: atLeast(1),
    dynamic: true,
    doc: 'With acks=all, the in-sync replicas that must have a batch before it is acknowledged.',
  },
  'unclean.leader.election.enable': {
    type: 'BOOLEAN',
    default: 'false',
    dynamic: true,
    doc: 'Let a replica outside the ISR become leader when no in-sync replica is left, losing data.',
  },

  // --- Log ---
  'log.dirs': {
    type: 'LIST',
    default: null,
    validator: nonEmptyUniqueList(),
    doc: 'The directories of the partition logs. When unset, log.dir.',
  },
  'log.dir': {
    type: 'LIST',
    default: './data',
    validator: nonEmptyUniqueList(),
    doc: 'The directory of the partition logs when log.dirs is unset.',
    gregor: "Kafka's default is /tmp/kafka-logs; Gregor keeps data in ./data, beside where it was started.",
  },
  'log.segment.bytes': {
    type: 'INT',
    default: '1073741824',
    validator: atLeast(1048576),
    dynamic: true,
    doc: 'Roll a new segment when the active one would exceed this size.',
  },
  'log.roll.ms': {
    type: 'LONG',
    default: null,
    validator: atLeast(1),
    dynamic: true,
    doc: 'Roll a new segment when the first batch of the active one is this old. When unset, log.roll.hours.',
  },
  'log.roll.hours': {
    type: 'INT',
    default: '168',
    validator: atLeast(1),
    doc: 'log.roll.ms in hours, used when log.roll.ms is unset.',
  },
  'log.roll.jitter.ms': {
    type: 'LONG',
    default: null,
    validator: atLeast(0),
    dynamic: true,
    doc: 'The most to subtract at random from the roll time, so that segments do not all roll together. When unset, log.roll.jitter.hours.',
  },
  'log.roll.jitter.hours': {
    type: 'INT',
    default: '0',
    validator: atLeast(0),
    doc: 'log.roll.jitter.ms in hours.',
  },
  'log.retention.ms': {
    type: 'LONG',
    default: null,
    dynamic: true,
    doc: 'Delete segments older than this; -1 keeps them forever. When unset, log.retention.minutes, then log.retention.hours.',
  },
  'log.retention.minutes': {
    type: 'INT',
    default: null,
    doc: 'log.retention.ms in minutes, used when log.retention.ms is unset.',
  },
  'log.retention.hours': {
    type: 'INT',
    default: '168',
    doc: 'log.retention.ms in hours, used when log.retention.ms and log.retention.minutes are unset.',
  },
  'log.retention.bytes': {
    type: 'LONG',
    default: '-1',
    dynamic: true,
    doc: 'Delete the oldest segments of a partition while it is larger than this; -1 for no limit.',
  },
  'log.retention.check.interval.ms': {
    type: 'LONG',
    default: '300000',
    validator: atLeast(1),
    doc: 'How often the broker looks for segments to delete.',
  },
  'log.cleanup.policy': {
    type: 'LIST',
    default: 'delete',
    validator: listOf('compact', 'delete'),
    dynamic: true,
    doc: 'What happens to old segments: delete, compact, or both.',
  },
  'log.index.interval.bytes': {
    type: 'INT',
    default: '4096',
    validator: atLeast(0),
    dynamic: true,
    doc: 'The bytes of batches between two offset index entries.',
  },
  'log.index.size.max.bytes': {
    type: 'INT',
    default: '10485760',
    validator: atLeast(4),
    dynamic: true,
    doc: 'The largest offset index; a full index rolls the segment.',
  },
  'log.flush.interval.messages': {
    type: 'LONG',
    default: LONG_MAX,
    validator: atLeast(1),
    dynamic: true,
    doc: 'Fsync a partition after this many records.',
  },
  'log.flush.interval.ms': {
    type: 'LONG',
    default: null,
    validator: atLeast(0),
    dynamic: true,
    doc: 'Fsync a partition when its oldest unflushed record is this old. When unset, log.flush.scheduler.interval.ms.',
  },
  'log.flush.scheduler.interval.ms': {
    type: 'LONG',
    default: LONG_MAX,
    validator: atLeast(0),
    doc: 'How often the broker checks whether a partition is due for a fsync.',
  },
  'log.flush.offset.checkpoint.interval.ms': {
    type: 'INT',
    default: '60000',
    validator: atLeast(0),
    doc: 'How often the recovery point (the last flushed offset) of each partition is checkpointed.',
  },
  'log.flush.start.offset.checkpoint.interval.ms': {
    type: 'INT',
    default: '60000',
    validator: atLeast(0),
    doc: 'How often the log start offsets are checkpointed.',
  },
  'log.segment.delete.delay.ms': {
    type: 'LONG',
    default: '60000',
    validator: atLeast(0),
    dynamic: true,
    doc: 'How long a deleted segment stays on disk (renamed .deleted) before its files are removed.',
  },
  'log.preallocate': {
    type: 'BOOLEAN',
    default: 'false',
    dynamic: true,
    doc: 'Preallocate the file of a new segment.',
  },
  'log.message.timestamp.type': {
    type: 'STRING',
    default: 'CreateTime',
    validator: oneOf(...TIMESTAMP_TYPES),
    dynamic: true,
    doc: "Whether a record's timestamp is the producer's (CreateTime) or the broker's at append (LogAppendTime).",
  },
  'log.message.timestamp.before.max.ms': {
    type: 'LONG',
    default: LONG_MAX,
    validator: atLeast(0),
    dynamic: true,
    doc: 'With CreateTime, reject a batch whose timestamp is more than this before the broker clock.',
  },
  'log.message.timestamp.after.max.ms': {
    type: 'LONG',
    default: LONG_MAX,
    validator: atLeast(0),
    dynamic: true,
    doc: 'With CreateTime, reject a batch whose timestamp is more than this after the broker clock.',
  },
  'log.message.downconversion.enable': {
    type: 'BOOLEAN',
    default: 'true',
    dynamic: true,
    doc: 'Convert batches to older formats for old consumers.',
    noEffect: 'Gregor stores and serves record batch format v2 only',
  },

  // --- Log cleaner ---
  'log.cleaner.enable': {
    type: 'BOOLEAN',
    default: 'true',
    doc: 'Run the log cleaner (compaction of topics with cleanup.policy=compact).',
  },
  'log.cleaner.delete.retention.ms': {
    type: 'LONG',
    default: '86400000',
    validator: atLeast(0),
    dynamic: true,
    doc: 'How long tombstones and transaction markers survive compaction.',
  },
  'log.cleaner.min.compaction.lag.ms': {
    type: 'LONG',
    default: '0',
    validator: atLeast(0),
    dynamic: true,
    doc: 'Records younger than this are never compacted.',
  },
  'log.cleaner.max.compaction.lag.ms': {
    type: 'LONG',
    default: LONG_MAX,
    validator: atLeast(1),
    dynamic: true,
    doc: 'A log with records older than this is compacted whatever its dirty ratio.',
  },
  'log.cleaner.min.cleanable.ratio': {
    type: 'DOUBLE',
    default: '0.5',
    validator: between(0, 1),
    dynamic: true,
    doc: 'Compact a log when this share of it is not yet compacted.',
  },
  'log.cleaner.backoff.ms': {
    type: 'LONG',
    default: '15000',
    validator: atLeast(0),
    dynamic: true,
    doc: 'How long the cleaner sleeps when no log needs compacting.',
  },
  'log.cleaner.threads': {
    type: 'INT',
    default: '1',
    validator: atLeast(0),
    dynamic: true,
    doc: 'Threads of the log cleaner.',
    noEffect: NOT_MS,
  },
  'log.cleaner.dedupe.buffer.size': {
    type: 'LONG',
    default: '134217728',
    dynamic: true,
    doc: 'Memory of the cleaner offset map, over all cleaner threads.',
    noEffect: "Gregor's cleaner sizes its key map per log",
  },
  'log.cleaner.io.buffer.size': {
    type: 'INT',
    default: '524288',
    validator: atLeast(0),
    dynamic: true,
    doc: 'I/O buffer memory of the cleaner threads.',
    noEffect: "Gregor's cleaner reads segments through the storage layer's buffers",
  },
  'log.cleaner.io.buffer.load.factor': {
    type: 'DOUBLE',
    default: '0.9',
    dynamic: true,
    doc: 'Load factor of the cleaner dedupe buffer.',
    noEffect: "Gregor's cleaner sizes its key map per log",
  },
  'log.cleaner.io.max.bytes.per.second': {
    type: 'DOUBLE',
    default: '1.7976931348623157E308',
    dynamic: true,
    doc: 'Throttle of the cleaner I/O.',
    noEffect: 'the cleaner is not throttled',
  },

  // --- Groups and offsets ---
  'offsets.topic.num.partitions': {
    type: 'INT',
    default: '50',
    validator: atLeast(1),
    doc: 'Partitions of __consumer_offsets (fixed once the topic exists).',
  },
  'offsets.topic.replication.factor': {
    type: 'SHORT',
    default: '1',
    validator: atLeast(1),
    doc: 'Replication factor of __consumer_offsets.',
    gregor:
      "Kafka's default is 3, which a single node cannot meet (Kafka's own sample server.properties sets 1); Gregor defaults to 1 so that groups work on one node. Set 3 on a cluster.",
  },
  'offsets.topic.segment.bytes': {
    type: 'INT',
    default: '104857600',
    validator: atLeast(1),
    doc: 'segment.bytes of __consumer_offsets: small, so that compaction and loading stay quick.',
  },
  'offsets.topic.compression.codec': {
    type: 'INT',
    default: '0',
    validator: between(0, 4),
    doc: 'Codec of the batches the group coordinator writes (0 none, 1 gzip, 2 snappy, 3 lz4, 4 zstd).',
  },
  'offsets.load.buffer.size': {
    type: 'INT',
    default: '5242880',
    validator: atLeast(1),
    doc: 'Bytes read at a time when loading a partition of __consumer_offsets (a batch larger than this is still read whole).',
  },
  'offsets.commit.timeout.ms': {
    type: 'INT',
    default: '5000',
    validator: atLeast(1),
    doc: 'How long a coordinator write may wait for the replicas of __consumer_offsets.',
    noEffect: 'a single node answers coordinator writes once they are fsynced; there are no replicas to wait for',
  },
  'offsets.commit.required.acks': {
    type: 'SHORT',
    default: '-1',
    doc: 'Deprecated: the acks of coordinator writes.',
    noEffect: 'the coordinator always writes with acks=-1, as Kafka recommends',
  },
  'offsets.retention.minutes': {
    type: 'INT',
    default: '10080',
    validator: atLeast(1),
    doc: 'Committed offsets of an empty group are kept this long.',
  },
  'offsets.retention.check.interval.ms': {
    type: 'LONG',
    default: '600000',
    validator: atLeast(1),
    doc: 'How often expired offsets are removed.',
  },
  'offset.metadata.max.bytes': {
    type: 'INT',
    default: '4096',
    doc: 'The longest metadata string of a committed offset.',
  },
  'group.initial.rebalance.delay.ms': {
    type: 'INT',
    default: '3000',
    validator: atLeast(0),
    doc: 'How long a new group waits for more members before its first rebalance.',
  },
  'group.min.session.timeout.ms': {
    type: 'INT',
    default: '6000',
    validator: atLeast(0),
    doc: 'The shortest session timeout a member may ask for.',
  },
  'group.max.session.timeout.ms': {
    type: 'INT',
    default: '1800000',
    validator: atLeast(0),
    doc: 'The longest session timeout a member may ask for.',
  },
  'group.max.size': {
    type: 'INT',
    default: INT_MAX,
    validator: atLeast(1),
    doc: 'The most members of one group.',
  },

  // --- Transactions and producer ids ---
  'transaction.state.log.num.partitions': {
    type: 'INT',
    default: '50',
    validator: atLeast(1),
    doc: 'Partitions of __transaction_state (fixed once the topic exists).',
  },
  'transaction.state.log.replication.factor': {
    type: 'SHORT',
    default: '1',
    validator: atLeast(1),
    doc: 'Replication factor of __transaction_state.',
    gregor: "Kafka's default is 3 (its sample server.properties sets 1); Gregor defaults to 1, as for offsets.",
  },
  'transaction.state.log.min.isr': {
    type: 'INT',
    default: '1',
    validator: atLeast(1),
    doc: 'min.insync.replicas of __transaction_state.',
    gregor:
      "Kafka's default is 2 (its sample server.properties sets 1); Gregor defaults to 1 to match a replication factor of 1.",
  },
  'transaction.max.timeout.ms': {
    type: 'INT',
    default: '900000',
    validator: atLeast(1),
    doc: 'The longest transaction timeout a producer may ask for.',
  },
  'transaction.abort.timed.out.transaction.cleanup.interval.ms': {
    type: 'INT',
    default: '10000',
    validator: atLeast(1),
    doc: 'How often the transaction coordinator aborts transactions open longer than their timeout.',
  },
  'transaction.remove.expired.transaction.cleanup.interval.ms': {
    type: 'INT',
    default: '3600000',
    validator: atLeast(1),
    doc: 'How often transactional ids idle past transactional.id.expiration.ms are removed.',
  },
  'transaction.state.log.segment.bytes': {
    type: 'INT',
    default: '104857600',
    validator: atLeast(1),
    doc: 'segment.bytes of __transaction_state.',
  },
  'transactional.id.expiration.ms': {
    type: 'INT',
    default: '604800000',
    validator: atLeast(1),
    doc: 'A transactional id unused for this long is forgotten.',
  },
  'producer.id.expiration.ms': {
    type: 'INT',
    default: '86400000',
    validator: atLeast(1),
    dynamic: true,
    doc: 'The idempotence state of a producer id is dropped after this long without a write.',
  },

  // --- Kafka settings with no effect in Gregor ---
  'num.network.threads': {
    type: 'INT',
    default: '3',
    validator: atLeast(1),
    dynamic: true,
    doc: 'Network threads of each listener.',
    noEffect: NOT_MS,
  },
  'num.io.threads': {
    type: 'INT',
    default: '8',
    validator: atLeast(1),
    dynamic: true,
    doc: 'Request handler threads.',
    noEffect: NOT_MS,
  },
  'num.replica.fetchers': {
    type: 'INT',
    default: '1',
    dynamic: true,
    doc: 'Replica fetcher threads per source broker.',
    noEffect: NOT_MS,
  },
  'num.replica.alter.log.dirs.threads': {
    type: 'INT',
    default: null,
    doc: 'Threads moving replicas between log directories.',
    noEffect: NOT_MS,
  },
  'background.threads': {
    type: 'INT',
    default: '10',
    validator: atLeast(1),
    dynamic: true,
    doc: 'Threads of background tasks.',
    noEffect: NOT_MS,
  },
  'num.recovery.threads.per.data.dir': {
    type: 'INT',
    default: '1',
    validator: atLeast(1),
    dynamic: true,
    doc: 'Threads per log directory recovering logs at startup and flushing them at shutdown.',
    noEffect: NOT_MS,
  },
  'share.coordinator.state.topic.replication.factor': {
    type: 'SHORT',
    default: '3',
    validator: atLeast(1),
    doc: 'Replication factor of __share_group_state (KIP-932).',
    noEffect: 'Gregor has no share groups yet',
  },
  'share.coordinator.state.topic.min.isr': {
    type: 'SHORT',
    default: '2',
    validator: atLeast(1),
    doc: 'min.insync.replicas of __share_group_state (KIP-932).',
    noEffect: 'Gregor has no share groups yet',
  },
  'metric.reporters': {
    type: 'LIST',
    default: '',
    dynamic: true,
    doc: 'Java classes receiving the broker metrics.',
    noEffect: 'Gregor does not load Java classes',
  },
  'metrics.num.samples': {
    type: 'INT',
    default: '2',
    validator: atLeast(1),
    doc: 'Samples kept per metric.',
    noEffect: 'Gregor does not keep Java metrics',
  },
  'metrics.sample.window.ms': {
    type: 'LONG',
    default: '30000',
    validator: atLeast(1),
    doc: 'The window of a metric sample.',
    noEffect: 'Gregor does not keep Java metrics',
  },
  'metrics.recording.level': {
    type: 'STRING',
    default: 'INFO',
    validator: oneOf('INFO', 'DEBUG', 'TRACE'),
    doc: 'The level of recorded metrics.',
    noEffect: 'Gregor does not keep Java metrics',
  },

  // --- Gregor's own ---
  'gregor.log.durable': {
    type: 'BOOLEAN',
    default: 'true',
    doc: 'Appends settle only once fsynced (group commit), so that on a single node acks=all is answered for data that survives a crash. false answers once the bytes are written, trading the last writes before a power loss for latency; flush.messages and flush.ms still apply.',
  },
} as const satisfies Record<string, ConfigDefinition>;

export type BrokerConfigName = keyof typeof BROKER_CONFIGS;

/** How a broker synonym's value converts to the topic setting's unit. */
export type SynonymUnit = 'ms' | 'minutes' | 'hours';

export interface TopicConfigSynonym {
  readonly name: BrokerConfigName;
  readonly unit: SynonymUnit;
}

export interface TopicConfigDefinition extends ConfigDefinition {
  /** The broker settings giving the default, first found first used; none for topic-only settings. */
  readonly synonyms: readonly TopicConfigSynonym[];
}

function syn(name: BrokerConfigName, unit: SynonymUnit = 'ms'): TopicConfigSynonym {
  return { name, unit };
}

/** Topic settings, with Kafka's names, types, defaults and broker synonyms. */
export const TOPIC_CONFIGS = {
  'cleanup.policy': {
    type: 'LIST',
    default: 'delete',
    validator: listOf('compact', 'delete'),
    synonyms: [syn('log.cleanup.policy')],
    doc: 'What happens to old segments: delete (retention), compact (keep the last record of each key), or both. Empty: neither.',
  },
  'compression.type': {
    type: 'STRING',
    default: 'producer',
    validator: oneOf(...COMPRESSION_TYPES),
    synonyms: [syn('compression.type')],
    doc: "The compression of stored batches: producer keeps the producer's; any other codec recompresses.",
  },
  'compression.gzip.level': {
    type: 'INT',
    default: '-1',
    validator: gzipLevel,
    synonyms: [syn('compression.gzip.level')],
    doc: 'The gzip level used when the broker compresses (-1 for the codec default).',
  },
  'compression.lz4.level': {
    type: 'INT',
    default: '9',
    validator: between(1, 17),
    synonyms: [syn('compression.lz4.level')],
    doc: 'The lz4 level used when the broker compresses.',
  },
  'compression.zstd.level': {
    type: 'INT',
    default: '3',
    validator: between(-131072, 22),
    synonyms: [syn('compression.zstd.level')],
    doc: 'The zstd level used when the broker compresses.',
  },
  'delete.retention.ms': {
    type: 'LONG',
    default: '86400000',
    validator: atLeast(0),
    synonyms: [syn('log.cleaner.delete.retention.ms')],
    doc: 'How long tombstones and transaction markers survive compaction.',
  },
  'file.delete.delay.ms': {
    type: 'LONG',
    default: '60000',
    validator: atLeast(0),
    synonyms: [syn('log.segment.delete.delay.ms')],
    doc: 'How long a deleted segment stays on disk before its files are removed.',
  },
  'flush.messages': {
    type: 'LONG',
    default: LONG_MAX,
    validator: atLeast(1),
    synonyms: [syn('log.flush.interval.messages')],
    doc: 'Fsync after this many records.',
  },
  'flush.ms': {
    type: 'LONG',
    default: LONG_MAX,
    validator: atLeast(0),
    synonyms: [syn('log.flush.interval.ms'), syn('log.flush.scheduler.interval.ms')],
    doc: 'Fsync when the oldest unflushed record is this old.',
  },
  'follower.replication.throttled.replicas': {
    type: 'LIST',
    default: '',
    synonyms: [],
    doc: 'Replicas whose follower-side replication is throttled.',
    noEffect: 'Gregor does not throttle replication',
  },
  'index.interval.bytes': {
    type: 'INT',
    default: '4096',
    validator: atLeast(0),
    synonyms: [syn('log.index.interval.bytes')],
    doc: 'The bytes of batches between two offset index entries.',
  },
  'leader.replication.throttled.replicas': {
    type: 'LIST',
    default: '',
    synonyms: [],
    doc: 'Replicas whose leader-side replication is throttled.',
    noEffect: 'Gregor does not throttle replication',
  },
  'local.retention.bytes': {
    type: 'LONG',
    default: '-2',
    validator: atLeast(-2),
    synonyms: [],
    doc: 'Tiered storage: local bytes kept (-2: retention.bytes).',
    noEffect: 'Gregor has no tiered storage',
  },
  'local.retention.ms': {
    type: 'LONG',
    default: '-2',
    validator: atLeast(-2),
    synonyms: [],
    doc: 'Tiered storage: local time kept (-2: retention.ms).',
    noEffect: 'Gregor has no tiered storage',
  },
  'max.compaction.lag.ms': {
    type: 'LONG',
    default: LONG_MAX,
    validator: atLeast(1),
    synonyms: [syn('log.cleaner.max.compaction.lag.ms')],
    doc: 'A log with records older than this is compacted whatever its dirty ratio.',
  },
  'max.message.bytes': {
    type: 'INT',
    default: '1048588',
    validator: atLeast(0),
    synonyms: [syn('message.max.bytes')],
    doc: 'The largest record batch the topic accepts (after compression).',
  },
  'message.downconversion.enable': {
    type: 'BOOLEAN',
    default: 'true',
    synonyms: [syn('log.message.downconversion.enable')],
    doc: 'Convert batches to older formats for old consumers.',
    noEffect: 'Gregor stores and serves record batch format v2 only',
  },
  'message.timestamp.after.max.ms': {
    type: 'LONG',
    default: LONG_MAX,
    validator: atLeast(0),
    synonyms: [syn('log.message.timestamp.after.max.ms')],
    doc: 'With CreateTime, reject a batch whose timestamp is more than this after the broker clock.',
  },
  'message.timestamp.before.max.ms': {
    type: 'LONG',
    default: LONG_MAX,
    validator: atLeast(0),
    synonyms: [syn('log.message.timestamp.before.max.ms')],
    doc: 'With CreateTime, reject a batch whose timestamp is more than this before the broker clock.',
  },
  'message.timestamp.type': {
    type: 'STRING',
    default: 'CreateTime',
    validator: oneOf(...TIMESTAMP_TYPES),
    synonyms: [syn('log.message.timestamp.type')],
    doc: "Whether a record's timestamp is the producer's (CreateTime) or the broker's at append (LogAppendTime).",
  },
  'min.cleanable.dirty.ratio': {
    type: 'DOUBLE',
    default: '0.5',
    validator: between(0, 1),
    synonyms: [syn('log.cleaner.min.cleanable.ratio')],
    doc: 'Compact when this share of the log is not yet compacted.',
  },
  'min.compaction.lag.ms': {
    type: 'LONG',
    default: '0',
    validator: atLeast(0),
    synonyms: [syn('log.cleaner.min.compaction.lag.ms')],
    doc: 'Records younger than this are never compacted.',
  },
  'min.insync.replicas': {
    type: 'INT',
    default: '1',
    validator: atLeast(1),
    synonyms: [syn('min.insync.replicas')],
    doc: 'With acks=all, the in-sync replicas that must have a batch before it is acknowledged.',
  },
  preallocate: {
    type: 'BOOLEAN',
    default: 'false',
    synonyms: [syn('log.preallocate')],
    doc: 'Preallocate the file of a new segment.',
    noEffect: 'Gregor does not preallocate segment files',
  },
  'remote.storage.enable': {
    type: 'BOOLEAN',
    default: 'false',
    validator: customCheck('false', (v) =>
      v === true
        ? 'Tiered Storage functionality is disabled in the broker. Topic cannot be configured with remote log storage.'
        : null,
    ),
    synonyms: [],
    doc: 'Tiered storage for this topic. Gregor has none, so only false is accepted.',
  },
  'retention.bytes': {
    type: 'LONG',
    default: '-1',
    synonyms: [syn('log.retention.bytes')],
    doc: 'Delete the oldest segments of a partition while it is larger than this; -1 for no limit.',
  },
  'retention.ms': {
    type: 'LONG',
    default: '604800000',
    validator: atLeast(-1),
    synonyms: [syn('log.retention.ms'), syn('log.retention.minutes', 'minutes'), syn('log.retention.hours', 'hours')],
    doc: 'Delete segments older than this; -1 keeps them forever.',
  },
  'segment.bytes': {
    type: 'INT',
    default: '1073741824',
    validator: atLeast(1048576),
    synonyms: [syn('log.segment.bytes')],
    doc: 'Roll a new segment when the active one would exceed this size.',
  },
  'segment.index.bytes': {
    type: 'INT',
    default: '10485760',
    validator: atLeast(4),
    synonyms: [syn('log.index.size.max.bytes')],
    doc: 'The largest offset index; a full index rolls the segment.',
  },
  'segment.jitter.ms': {
    type: 'LONG',
    default: '0',
    validator: atLeast(0),
    synonyms: [syn('log.roll.jitter.ms'), syn('log.roll.jitter.hours', 'hours')],
    doc: 'The most to subtract at random from segment.ms, so that segments do not all roll together.',
  },
  'segment.ms': {
    type: 'LONG',
    default: '604800000',
    validator: atLeast(1),
    synonyms: [syn('log.roll.ms'), syn('log.roll.hours', 'hours')],
    doc: 'Roll a new segment when the first batch of the active one is this old.',
  },
  'unclean.leader.election.enable': {
    type: 'BOOLEAN',
    default: 'false',
    synonyms: [syn('unclean.leader.election.enable')],
    doc: 'Let a replica outside the ISR become leader when no in-sync replica is left, losing data.',
  },
} as const satisfies Record<string, TopicConfigDefinition>;

export type TopicConfigName = keyof typeof TOPIC_CONFIGS;

/** Names of the settings of table `D` whose type is one of `T`. */
export type NamesOfType<D, T extends ConfigType> = {
  [K in keyof D & string]: D[K] extends { readonly type: T } ? K : never;
}[keyof D & string];

/** The value type of setting `K` of table `D`: `V`, or `V | null` when it has no default. */
export type ValueOf<D, K extends keyof D, V> = D[K] extends { readonly default: null } ? V | null : V;

/** Kafka settings Gregor rejects with a specific reason rather than "unknown". */
export const UNSUPPORTED_PREFIXES: readonly (readonly [prefix: string, reason: string])[] = [
  ['zookeeper.', 'Gregor runs in KRaft mode only; ZooKeeper settings are not supported'],
  ['ssl.', 'Gregor does not support TLS yet'],
  ['sasl.', 'Gregor does not support SASL yet'],
  ['listener.name.', 'per-listener settings (TLS, SASL) are not supported yet'],
  ['authorizer.', 'Gregor does not support ACLs yet'],
  ['remote.log.', 'Gregor has no tiered storage'],
];

export function lookupBroker(name: string): ConfigDefinition | undefined {
  return Object.hasOwn(BROKER_CONFIGS, name) ? BROKER_CONFIGS[name as BrokerConfigName] : undefined;
}

export function lookupTopic(name: string): TopicConfigDefinition | undefined {
  return Object.hasOwn(TOPIC_CONFIGS, name) ? TOPIC_CONFIGS[name as TopicConfigName] : undefined;
}

/**
 * The broker settings that stand for the same thing as `name`, in precedence order
 * (`log.retention.hours` → ms, minutes, hours), as Kafka's
 * `DynamicBrokerConfig.brokerConfigSynonyms`; `[name]` for most.
 */
export function brokerSynonymsOf(name: string): readonly BrokerConfigName[] {
  for (const def of Object.values(TOPIC_CONFIGS) as TopicConfigDefinition[]) {
    if (def.synonyms.length > 1 && def.synonyms.some((s) => s.name === name)) return def.synonyms.map((s) => s.name);
  }
  return lookupBroker(name) === undefined ? [] : [name as BrokerConfigName];
}

/** Converts a broker synonym's value to the topic setting's unit (Kafka's `ConfigSynonym` converters). */
export function convertSynonym(value: number, unit: SynonymUnit): number {
  switch (unit) {
    case 'ms':
      return value;
    case 'minutes':
      return value * 60_000;
    case 'hours':
      return value * 3_600_000;
  }
}

/** Parses and validates `raw` for `def`: the parsed value, or Kafka-style reason. */
export function parseConfig(
  def: ConfigDefinition,
  raw: string,
): { readonly value: ConfigValue; readonly text: string } | { readonly reason: string } {
  const parsed = parseValue(def.type, raw);
  if ('reason' in parsed) return parsed;
  const reason = def.validator?.check(parsed.value) ?? null;
  return reason === null ? parsed : { reason };
}

// Every default must be a valid value of its setting: checked once, here.
for (const table of [BROKER_CONFIGS, TOPIC_CONFIGS] as const) {
  for (const [name, def] of Object.entries(table) as [string, ConfigDefinition][]) {
    if (def.default === null) continue;
    const p = parseConfig(def, def.default);
    if ('reason' in p) throw new Error(`config table: the default of ${name} is invalid: ${p.reason}`);
  }
}
for (const [name, def] of Object.entries(TOPIC_CONFIGS) as [string, TopicConfigDefinition][]) {
  for (const s of def.synonyms) {
    const b = BROKER_CONFIGS[s.name] as ConfigDefinition;
    const numeric = (t: ConfigType) => t === 'INT' || t === 'LONG' || t === 'SHORT';
    if (b.type !== def.type && !(numeric(b.type) && numeric(def.type))) {
      throw new Error(`config table: ${name} (${def.type}) and its synonym ${s.name} (${b.type}) differ in type`);
    }
  }
}
