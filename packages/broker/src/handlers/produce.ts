/**
 * Produce (0), versions 3-11 served; 0-11 advertised (KAFKA-18659: librdkafka before
 * 2.10 turns compression off unless ApiVersions lists Produce v0; v0-2 requests still
 * get UNSUPPORTED_VERSION, as Kafka 4 does).
 *
 * Per partition: the one record batch a produce request may carry (magic 2) is checked
 * from its header (size, magic, CRC-32C, Kafka's producer rules, max.message.bytes),
 * its records are walked (decompressed first for compressed batches, off the event
 * loop), record timestamps are held to message.timestamp.before/after.max.ms, a
 * compacted topic refuses records without keys, LogAppendTime topics get the broker's
 * clock stamped into the batch, and a topic whose compression.type is not 'producer'
 * gets the batch recompressed. Then the log assigns offsets and appends.
 *
 * acks=0 sends no response at all; acks=1 answers once the batch is in the leader's log
 * file; acks=-1 once the high watermark has passed it (every in-sync replica has it) and
 * the leader fsynced it (gregor.log.durable), at most `timeoutMs` (REQUEST_TIMED_OUT).
 * acks=-1 with fewer in-sync replicas than the topic's min.insync.replicas is refused
 * before the append (NOT_ENOUGH_REPLICAS); when the ISR shrank below it while the batch
 * was replicated, the answer is NOT_ENOUGH_REPLICAS_AFTER_APPEND (the batch stays in
 * the log). Only the leader takes produce: elsewhere NOT_LEADER_OR_FOLLOWER.
 *
 * Idempotent batches (producerId >= 0, KIP-98) go through the partition's producer state
 * (partition/producer-state.ts), checked and accepted in arrival order per partition: a
 * retried batch (same epoch and sequences as one of the producer's last five) is
 * answered with the original batch's base offset and errorCode NONE and is not appended
 * again; otherwise OUT_OF_ORDER_SEQUENCE_NUMBER or INVALID_PRODUCER_EPOCH. Transactional
 * batches (KIP-98) open the producer's transaction in the partition (holding the last
 * stable offset) and are accepted only for a partition added to the producer's ongoing
 * transaction (KIP-890 part 1; INVALID_TXN_STATE otherwise), asked of the coordinator
 * with AddPartitionsToTxn verifyOnly when it is another broker.
 */
import type { CompressionType } from '@gregor/protocol';
import {
  ApiKey,
  buildRecordBatch,
  Compression,
  checkBatchRecordsAsync,
  ErrorCode,
  type ProduceRequest,
  ProduceResponse,
  RecordBatchError,
  RecordBatchView,
  readAllRecords,
  readRecordsAsync,
  setLogAppendTime,
  validateRecordBatches,
} from '@gregor/protocol';
import type { PartitionProduceData, TopicProduceData } from '@gregor/protocol/generated/messages/produce-request';
import {
  BatchIndexAndErrorMessage,
  PartitionProduceResponse,
  TopicProduceResponse,
} from '@gregor/protocol/generated/messages/produce-response';
import { LogError } from '@gregor/storage';
import type { Broker } from '../broker.js';
import type { AppendOptions, Partition } from '../partition/partition.js';
import type { ProducerBatch } from '../partition/producer-state.js';
import { ReplicationError } from '../partition/replica-transport.js';
import type { ProduceSettings } from '../partition/topic-settings.js';
import { produceSettings } from '../partition/topic-settings.js';
import { TxnState } from '../txn/transaction-metadata.js';
import type { ApiHandler } from './handler.js';
import { defineHandler } from './handler.js';
import { INTERNAL_TOPICS } from './metadata.js';

const CODECS: Readonly<Record<string, CompressionType>> = {
  uncompressed: Compression.NONE,
  gzip: Compression.GZIP,
  snappy: Compression.SNAPPY,
  lz4: Compression.LZ4,
  zstd: Compression.ZSTD,
};

function partitionResult(
  index: number,
  errorCode: number,
  errorMessage: string | null = null,
): PartitionProduceResponse {
  const r = new PartitionProduceResponse();
  r.index = index;
  r.errorCode = errorCode;
  r.baseOffset = -1n;
  r.errorMessage = errorMessage;
  return r;
}

/** Record-level checks; returns an error result or null. Decompresses off the event loop. */
async function checkRecords(
  batch: Buffer,
  settings: ProduceSettings,
  version: number,
  index: number,
): Promise<PartitionProduceResponse | null> {
  const view = new RecordBatchView(batch, 0);
  const needWalk =
    settings.compacted ||
    settings.timestampBeforeMaxMs < Number.MAX_SAFE_INTEGER ||
    settings.timestampAfterMaxMs < Number.MAX_SAFE_INTEGER;
  try {
    if (!needWalk) {
      // Uncompressed records were walked by validateRecordBatches(checkRecords).
      if (view.compression !== Compression.NONE) await checkBatchRecordsAsync(batch, 0, { verifyCrc: false });
      return null;
    }
    const now = Date.now();
    let i = 0;
    for (const record of await readRecordsAsync(batch, 0, { verifyCrc: false })) {
      if (settings.compacted && record.key === null) {
        const message = 'Compacted topic cannot accept message without key.';
        const r = partitionResult(index, ErrorCode.INVALID_RECORD, message);
        if (version >= 8) {
          const recordError = new BatchIndexAndErrorMessage();
          recordError.batchIndex = i;
          recordError.batchIndexErrorMessage = message;
          r.recordErrors.push(recordError);
        }
        return r;
      }
      if (
        !settings.logAppendTime &&
        (record.timestamp < now - settings.timestampBeforeMaxMs ||
          record.timestamp > now + settings.timestampAfterMaxMs)
      ) {
        return partitionResult(
          index,
          ErrorCode.INVALID_TIMESTAMP,
          `Timestamp ${record.timestamp} of message with offset ${i} is out of range: it must be within [${now - settings.timestampBeforeMaxMs}, ${now + settings.timestampAfterMaxMs}].`,
        );
      }
      i++;
    }
    return null;
  } catch (e) {
    if (e instanceof RecordBatchError) return partitionResult(index, e.errorCode, e.message);
    throw e;
  }
}

/** Rebuilds the batch with the topic's codec (compression.type other than 'producer'). */
function recompress(batch: Buffer, codec: CompressionType): Buffer {
  const view = new RecordBatchView(batch, 0);
  if (view.compression === codec) return batch;
  const records = readAllRecords(batch, 0, { verifyCrc: false }).map((r) => ({
    key: r.key,
    value: r.value,
    headers: r.headers.map((h) => ({ key: h.key, value: h.value })),
    timestamp: r.timestamp,
    offsetDelta: r.offset - view.baseOffset,
  }));
  return buildRecordBatch({
    records,
    compression: codec,
    producerId: view.producerId,
    producerEpoch: view.producerEpoch,
    baseSequence: view.baseSequence,
    transactional: view.isTransactional,
    timestampType: view.timestampType,
  });
}

/**
 * One partition of a Produce request. Requests are appended to a partition in the order
 * they arrived, as Kafka does (it reads a connection's next request only once the last
 * is answered): the steps up to the append (finding the partition, which may be opening
 * or taking its leadership; checking compressed records, which awaits) run in the
 * partition's arrival order; the write and its replication are awaited outside it.
 */
function producePartition(
  broker: Broker,
  topic: string,
  data: PartitionProduceData,
  acks: number,
  version: number,
  timeoutMs: number,
  transactionalId: string | null,
): Promise<PartitionProduceResponse> {
  const index = data.index;
  if (INTERNAL_TOPICS.has(topic))
    return Promise.resolve(
      partitionResult(index, ErrorCode.INVALID_TOPIC_EXCEPTION, `Cannot append to internal topic ${topic}`),
    );
  return broker.replicaManager
    .inArrivalOrder(topic, index, () => startAppend(broker, topic, data, acks, version, timeoutMs, transactionalId))
    .then((started) => started.response);
}

async function startAppend(
  broker: Broker,
  topic: string,
  data: PartitionProduceData,
  acks: number,
  version: number,
  timeoutMs: number,
  transactionalId: string | null,
): Promise<{ response: Promise<PartitionProduceResponse> }> {
  const index = data.index;
  const done = (r: PartitionProduceResponse) => ({ response: Promise.resolve(r) });
  const lookup = await broker.replicaManager.lookup(topic, index);
  if (lookup.partition === null) return done(partitionResult(index, lookup.errorCode));
  const partition = lookup.partition;
  if (data.records === null || data.records.length === 0)
    return done(
      partitionResult(index, ErrorCode.INVALID_RECORD, 'Produce request has no record batch for this partition.'),
    );
  const settings = produceSettings(broker, topic);
  const appendOptions: AppendOptions = { minInsyncReplicas: settings.minInsyncReplicas, timeoutMs };
  const summary = validateRecordBatches(data.records, {
    maxMessageBytes: settings.maxMessageBytes,
    checkRecords: true,
  });
  if (summary.errorCode !== ErrorCode.NONE)
    return done(partitionResult(index, summary.errorCode, summary.errorMessage));
  if (summary.producerId >= 0) {
    const producer: ProducerBatch = {
      producerId: summary.producerId,
      producerEpoch: summary.producerEpoch,
      baseSequence: summary.baseSequence,
      lastSequence: summary.lastSequence,
      isTransactional: summary.hasTransactional,
    };
    const verifiedRemotely =
      summary.hasTransactional && (await verifyWithRemoteCoordinator(broker, partition, transactionalId, producer));
    if (typeof verifiedRemotely === 'object') return done(verifiedRemotely);
    // Checked and handed to the log in arrival order; the write itself is awaited outside.
    const accepted = await partition.inProducerOrder(() => {
      if (summary.hasTransactional && !verifiedRemotely) {
        const refused = verifyTransaction(broker, topic, index, producer);
        if (refused !== null) return Promise.resolve({ response: Promise.resolve(refused) });
      }
      return prepareAndAppend(
        broker,
        partition,
        topic,
        data.records as Buffer,
        settings,
        acks,
        version,
        index,
        producer,
        appendOptions,
      );
    });
    return { response: accepted.response };
  }
  const prepared = await prepareBatch(data.records, settings, version, index);
  if ('error' in prepared) return done(prepared.error);
  // Started here (the log takes the batch's offsets now, in arrival order), awaited outside.
  const response = partition.append(prepared.batch, acks, appendOptions).then(
    (result) => {
      const r = partitionResult(index, ErrorCode.NONE);
      r.baseOffset = BigInt(result.baseOffset);
      r.logAppendTimeMs = BigInt(prepared.logAppendTime);
      r.logStartOffset = BigInt(partition.logStartOffset);
      return r;
    },
    (e: unknown) => appendFailed(broker, e, topic, index),
  );
  return { response };
}

/**
 * What every batch goes through before the log: the record checks, recompression to the
 * topic's compression.type, and the LogAppendTime stamp.
 */
async function prepareBatch(
  records: Buffer,
  settings: ProduceSettings,
  version: number,
  index: number,
): Promise<{ error: PartitionProduceResponse } | { batch: Buffer; logAppendTime: number }> {
  const recordError = await checkRecords(records, settings, version, index);
  if (recordError !== null) return { error: recordError };
  let batch = records;
  const codec = CODECS[settings.compressionType];
  if (codec !== undefined) batch = recompress(batch, codec);
  let logAppendTime = -1;
  if (settings.logAppendTime) {
    logAppendTime = Date.now();
    setLogAppendTime(batch, 0, logAppendTime);
  }
  return { batch, logAppendTime };
}

/** A storage or replication failure becomes the partition's Kafka error; anything else is a bug. */
function appendFailed(broker: Broker, e: unknown, topic: string, index: number): PartitionProduceResponse {
  if (e instanceof ReplicationError) return partitionResult(index, e.errorCode, e.message);
  if (e instanceof LogError) {
    broker.logger.error({ err: e, topic, partition: index }, 'append failed');
    return partitionResult(index, ErrorCode[e.errorCode], e.message);
  }
  throw e;
}

/**
 * KIP-890 part 1: a transactional batch is accepted only for a partition the producer's
 * ongoing transaction has added (AddPartitionsToTxn), checked with the coordinator (on
 * this node) in the partition's producer order, so a marker queued before it is seen.
 * A producer the coordinator knows at a newer epoch is fenced (INVALID_PRODUCER_EPOCH).
 */
function verifyTransaction(
  broker: Broker,
  topic: string,
  index: number,
  producer: ProducerBatch,
): PartitionProduceResponse | null {
  const m = broker.txns.coordinator.byProducer(producer.producerId);
  if (m === undefined && broker.txns.isLoading) {
    // The coordinator cannot tell yet (Kafka maps its COORDINATOR_LOAD_IN_PROGRESS so): retriable.
    return partitionResult(index, ErrorCode.NOT_ENOUGH_REPLICAS, 'The transaction coordinator is loading');
  }
  if (m !== undefined && producer.producerEpoch < m.producerEpoch) {
    return partitionResult(
      index,
      ErrorCode.INVALID_PRODUCER_EPOCH,
      `Producer ${producer.producerId} epoch ${producer.producerEpoch} is older than ${m.producerEpoch}`,
    );
  }
  if (
    m === undefined ||
    m.producerEpoch !== producer.producerEpoch ||
    m.state !== TxnState.ONGOING ||
    m.partitions.get(topic)?.has(index) !== true
  ) {
    return partitionResult(
      index,
      ErrorCode.INVALID_TXN_STATE,
      `Partition ${topic}-${index} is not part of an ongoing transaction of producer ${producer.producerId}`,
    );
  }
  return null;
}

/**
 * KIP-890 part 1 in a cluster, when the transactional id's coordinator is another broker:
 * the partition must be in the producer's ongoing transaction there (asked before the
 * producer order, as Kafka's AddPartitionsToTxnManager, so the order is not held across
 * a round trip). A partition holding the producer's open transaction at this epoch needs
 * no question. True: verified; false: the local check applies (coordinator here, single
 * node); else the refusal.
 */
async function verifyWithRemoteCoordinator(
  broker: Broker,
  partition: Partition,
  transactionalId: string | null,
  producer: ProducerBatch,
): Promise<boolean | PartitionProduceResponse> {
  if (!broker.clustered || transactionalId === null) return false;
  const coordinatorId = broker.txns.coordinatorIdFor(transactionalId);
  if (coordinatorId === broker.nodeId) return false;
  const entry = partition.producers.entry(producer.producerId);
  if (entry !== undefined && entry.currentTxnFirstOffset >= 0 && entry.producerEpoch === producer.producerEpoch)
    return true;
  const errorCode = await broker.txns.verifyWithCoordinator(
    coordinatorId,
    transactionalId,
    producer.producerId,
    producer.producerEpoch,
    partition.topic,
    partition.partition,
  );
  if (errorCode === ErrorCode.NONE) return true;
  return partitionResult(
    partition.partition,
    produceErrorOfVerification(errorCode),
    `The transaction coordinator (broker ${coordinatorId}) did not verify ${partition.topic}-${partition.partition} for producer ${producer.producerId}`,
  );
}

/** The coordinator's verifyOnly answer as Produce reports it (Kafka's mapping): others retriable. */
function produceErrorOfVerification(errorCode: number): number {
  switch (errorCode) {
    case ErrorCode.INVALID_TXN_STATE:
    case ErrorCode.INVALID_PRODUCER_ID_MAPPING:
      return ErrorCode.INVALID_TXN_STATE;
    case ErrorCode.PRODUCER_FENCED:
    case ErrorCode.INVALID_PRODUCER_EPOCH:
      return ErrorCode.INVALID_PRODUCER_EPOCH;
    default:
      // NOT_COORDINATOR, COORDINATOR_LOAD_IN_PROGRESS, CONCURRENT_TRANSACTIONS, unreachable:
      // producers retry NOT_ENOUGH_REPLICAS.
      return ErrorCode.NOT_ENOUGH_REPLICAS;
  }
}

/**
 * The record checks, recompression and LogAppendTime of an idempotent batch, then its
 * append through the producer state. Resolves once the log has accepted (or refused) the
 * batch, with the response still to wait for, so that the next batch of the partition
 * can be checked without waiting for this one's write.
 */
async function prepareAndAppend(
  broker: Broker,
  partition: Partition,
  topic: string,
  records: Buffer,
  settings: ProduceSettings,
  acks: number,
  version: number,
  index: number,
  producer: ProducerBatch,
  appendOptions: AppendOptions,
): Promise<{ response: Promise<PartitionProduceResponse> }> {
  const prepared = await prepareBatch(records, settings, version, index);
  if ('error' in prepared) return { response: Promise.resolve(prepared.error) };
  const { batch, logAppendTime } = prepared;
  const response = partition.appendFromProducer(batch, acks, producer, appendOptions).then(
    (outcome) => {
      if (outcome.kind === 'error') return partitionResult(index, outcome.errorCode, outcome.message);
      const r = partitionResult(index, ErrorCode.NONE);
      if (outcome.kind === 'duplicate') {
        r.baseOffset = BigInt(outcome.batch.firstOffset);
        // The original batch was stamped with its append time (its max timestamp) on such topics.
        r.logAppendTimeMs = BigInt(settings.logAppendTime ? outcome.batch.maxTimestamp : -1);
      } else {
        r.baseOffset = BigInt(outcome.result.baseOffset);
        r.logAppendTimeMs = BigInt(logAppendTime);
      }
      r.logStartOffset = BigInt(partition.logStartOffset);
      return r;
    },
    (e: unknown) => appendFailed(broker, e, topic, index),
  );
  return { response };
}

export const produceHandler: ApiHandler = defineHandler<ProduceRequest, ProduceResponse>({
  apiKey: ApiKey.Produce,
  minVersion: 3,
  maxVersion: 11,
  advertisedMinVersion: 0,
  async handle(ctx, request) {
    const { broker, version } = ctx;
    const response = new ProduceResponse();
    const acks = request.acks;
    const validAcks = acks === 0 || acks === 1 || acks === -1;
    const pending: Promise<void>[] = [];
    for (const topic of request.topicData) {
      const t = new TopicProduceResponse();
      t.name = topic.name;
      response.responses.push(t);
      for (const data of topic.partitionData) {
        if (!validAcks) {
          t.partitionResponses.push(partitionResult(data.index, ErrorCode.INVALID_REQUIRED_ACKS));
          continue;
        }
        const slot = t.partitionResponses.length;
        t.partitionResponses.push(partitionResult(data.index, ErrorCode.UNKNOWN_SERVER_ERROR));
        pending.push(
          producePartition(broker, topic.name, data, acks, version, request.timeoutMs, request.transactionalId).then(
            (r) => {
              t.partitionResponses[slot] = r;
            },
          ),
        );
      }
    }
    await Promise.all(pending);
    return acks === 0 ? null : response;
  },
  errorResponse(_ctx, request, errorCode) {
    return errorFor(request.topicData, errorCode);
  },
});

function errorFor(topics: readonly TopicProduceData[], errorCode: number): ProduceResponse {
  const response = new ProduceResponse();
  for (const topic of topics) {
    const t = new TopicProduceResponse();
    t.name = topic.name;
    for (const p of topic.partitionData) t.partitionResponses.push(partitionResult(p.index, errorCode));
    response.responses.push(t);
  }
  return response;
}
