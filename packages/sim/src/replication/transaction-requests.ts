/**
 * The broker side of the transactional workload in the replication simulation: what a
 * broker does with a transactional produce, a transaction marker and a consumer's Fetch,
 * each through the broker's own code, as its handlers do:
 *
 * - `txn-produce`: a transactional batch (KIP-98) through `Partition.inProducerOrder` +
 *   `appendFromProducer` (isTransactional), acks=-1, as handlers/produce.ts (the KIP-890
 *   verification with the coordinator is left out: the simulation's coordinator is the
 *   producer itself, which adds a partition before it sends there);
 * - `txn-marker`: a COMMIT or ABORT marker through `inProducerOrder` +
 *   `Partition.appendTxnMarker`, acks=-1, as handlers/write-txn-markers.ts (TxnRuntime.appendMarker);
 * - `consumer-fetch`: a Fetch v17 from a consumer (replica id -1), encoded and decoded,
 *   each partition read by `readForConsumer` (partition/consumer-read.ts), which is the
 *   per-partition read of handlers/fetch.ts. No session and no long poll: the consumer polls.
 *
 * Kept apart from cluster.ts so that the shared file only routes these kinds here.
 */
import { IsolationLevel, partitionData, readForConsumer } from '@gregor/broker/internals/partition/consumer-read';
import type { AppendOptions, Partition } from '@gregor/broker/internals/partition/partition';
import type { ProducerBatch } from '@gregor/broker/internals/partition/producer-state';
import type { ReplicaManager } from '@gregor/broker/internals/partition/replica-manager';
import { ReplicationError } from '@gregor/broker/internals/partition/replica-transport';
import type { Uuid } from '@gregor/protocol';
import { decodeMessage, ErrorCode, encodeMessage, FetchRequest, FetchResponse } from '@gregor/protocol';
import type { PartitionData } from '@gregor/protocol/generated/messages/fetch-response';
import { FetchableTopicResponse } from '@gregor/protocol/generated/messages/fetch-response';
import type { ReadResult } from '@gregor/storage';
import { LogError } from '@gregor/storage';

/** The Fetch version consumers send (topic ids, KIP-320 leader epochs, abortedTransactions). */
export const CONSUMER_FETCH_VERSION = 17;

export type TxnRequest =
  | {
      kind: 'txn-produce';
      topic: string;
      partition: number;
      batch: Buffer;
      timeoutMs: number;
      producer: { producerId: number; producerEpoch: number; baseSequence: number; lastSequence: number };
    }
  | {
      kind: 'txn-marker';
      topic: string;
      partition: number;
      producerId: number;
      producerEpoch: number;
      coordinatorEpoch: number;
      commit: boolean;
      timestamp: number;
      timeoutMs: number;
    }
  | { kind: 'consumer-fetch'; bytes: Buffer };

export type TxnResponse =
  | { kind: 'txn-produce'; errorCode: number; baseOffset: number }
  | { kind: 'txn-marker'; errorCode: number; offset: number }
  | { kind: 'consumer-fetch'; bytes: Buffer };

export interface TxnServeOptions {
  minInsyncReplicas: number;
  /** The topic of a topic id (the simulation has one topic). */
  topicName: (topicId: Uuid) => string | null;
  /** Bug: consumer fetches are served read_uncommitted whatever they ask. */
  readUncommitted: boolean;
  /** Bug: the aborted transactions are dropped from consumer fetch answers. */
  dropAbortedIndex: boolean;
}

/** The Kafka error code of a failed append (ReplicationError, LogError); anything else is rethrown. */
export function errorCodeOf(e: unknown): number {
  if (e instanceof ReplicationError) return e.errorCode;
  if (e instanceof LogError) return ErrorCode[e.errorCode] ?? ErrorCode.UNKNOWN_SERVER_ERROR;
  throw e;
}

/**
 * Appends an idempotent (or transactional) producer's batch as the produce handler does:
 * checked and handed to the log in arrival order (`inProducerOrder`), then settled per
 * `acks`. A duplicate answers with the original batch's offset.
 */
export async function appendIdempotent(
  partition: Partition,
  batch: Buffer,
  acks: number,
  producer: ProducerBatch,
  options: AppendOptions,
): Promise<{ errorCode: number; baseOffset: number }> {
  try {
    const { response } = await partition.inProducerOrder(() => {
      const response = partition.appendFromProducer(batch, acks, producer, options);
      response.catch(() => undefined);
      return Promise.resolve({ response });
    });
    const outcome = await response;
    if (outcome.kind === 'error') return { errorCode: outcome.errorCode, baseOffset: -1 };
    return {
      errorCode: ErrorCode.NONE,
      baseOffset: outcome.kind === 'duplicate' ? outcome.batch.firstOffset : outcome.result.baseOffset,
    };
  } catch (e) {
    return { errorCode: errorCodeOf(e), baseOffset: -1 };
  }
}

export async function serveTxnRequest(
  rm: ReplicaManager,
  request: TxnRequest,
  options: TxnServeOptions,
): Promise<TxnResponse> {
  switch (request.kind) {
    case 'txn-produce': {
      const lookup = await rm.lookup(request.topic, request.partition);
      if (lookup.partition === null) return { kind: 'txn-produce', errorCode: lookup.errorCode, baseOffset: -1 };
      const partition = lookup.partition;
      const appendOptions = { minInsyncReplicas: options.minInsyncReplicas, timeoutMs: request.timeoutMs };
      // A copy: the log writes the offsets into the batch, and a duplicated request shares it.
      const batch = Buffer.from(request.batch);
      const producer = { ...request.producer, isTransactional: true };
      return { kind: 'txn-produce', ...(await appendIdempotent(partition, batch, -1, producer, appendOptions)) };
    }
    case 'txn-marker': {
      const lookup = await rm.lookup(request.topic, request.partition);
      if (lookup.partition === null) return { kind: 'txn-marker', errorCode: lookup.errorCode, offset: -1 };
      const partition = lookup.partition;
      const marker = {
        producerId: request.producerId,
        producerEpoch: request.producerEpoch,
        coordinatorEpoch: request.coordinatorEpoch,
        isAborted: !request.commit,
        timestamp: request.timestamp,
      };
      const appendOptions = { minInsyncReplicas: options.minInsyncReplicas, timeoutMs: request.timeoutMs };
      try {
        // As TxnRuntime.appendMarker: the marker takes its offset in the producer order.
        const accepted = await partition.inProducerOrder(() =>
          Promise.resolve({ written: partition.appendTxnMarker(marker, -1, appendOptions) }),
        );
        const result = await accepted.written;
        return { kind: 'txn-marker', errorCode: result.errorCode, offset: result.offset };
      } catch (e) {
        return { kind: 'txn-marker', errorCode: errorCodeOf(e), offset: -1 };
      }
    }
    case 'consumer-fetch': {
      const fetch = decodeMessage(FetchRequest, request.bytes, CONSUMER_FETCH_VERSION);
      const isolation = options.readUncommitted ? IsolationLevel.READ_UNCOMMITTED : fetch.isolationLevel;
      const response = new FetchResponse();
      const lent: { release: () => void }[] = [];
      let budget = fetch.maxBytes;
      let firstData = true;
      for (const t of fetch.topics) {
        const tr = new FetchableTopicResponse();
        tr.topicId = t.topicId;
        response.responses.push(tr);
        const topic = options.topicName(t.topicId);
        for (const fp of t.partitions) {
          let data: PartitionData;
          const lookup = topic === null ? null : await rm.lookup(topic, fp.partition);
          if (lookup === null || lookup.partition === null) {
            data = partitionData(fp.partition, lookup === null ? ErrorCode.UNKNOWN_TOPIC_ID : lookup.errorCode);
          } else {
            const p = lookup.partition;
            const r = await readForConsumer(
              p,
              {
                partition: fp.partition,
                fetchOffset: Number(fp.fetchOffset),
                maxBytes: fp.partitionMaxBytes,
                currentLeaderEpoch: fp.currentLeaderEpoch,
              },
              isolation,
              budget,
              firstData,
            );
            data = r.data;
            if (r.bytes > 0) firstData = false;
            budget -= r.bytes;
            const read: ReadResult | undefined = r.read;
            if (read !== undefined) lent.push({ release: () => p.log.releaseRead(read) });
          }
          if (data.records === null) data.records = Buffer.alloc(0);
          if (options.dropAbortedIndex && data.abortedTransactions !== null) data.abortedTransactions = [];
          tr.partitions.push(data);
        }
      }
      // Encoding copies the pooled reads: they can go back at once.
      const bytes = encodeMessage(FetchResponse, response, CONSUMER_FETCH_VERSION);
      for (const l of lent) l.release();
      return { kind: 'consumer-fetch', bytes };
    }
  }
}

/** For the trace (the network's describeRequest). */
export function describeTxnRequest(r: TxnRequest): string {
  switch (r.kind) {
    case 'txn-produce':
      return `TxnProduce(${r.topic}-${r.partition}, producer ${r.producer.producerId} epoch ${r.producer.producerEpoch} seq ${r.producer.baseSequence}..${r.producer.lastSequence})`;
    case 'txn-marker':
      return `WriteTxnMarker(${r.topic}-${r.partition}, producer ${r.producerId} epoch ${r.producerEpoch}, ${r.commit ? 'COMMIT' : 'ABORT'})`;
    case 'consumer-fetch': {
      const f = decodeMessage(FetchRequest, r.bytes, CONSUMER_FETCH_VERSION);
      const parts = f.topics.flatMap((t) =>
        t.partitions.map((p) => `${p.partition}@${p.fetchOffset} epoch ${p.currentLeaderEpoch}`),
      );
      return `Fetch(consumer, ${f.isolationLevel === IsolationLevel.READ_COMMITTED ? 'read_committed' : 'read_uncommitted'}: ${parts.join('; ')})`;
    }
  }
}

export function describeTxnResponse(r: TxnResponse): string {
  switch (r.kind) {
    case 'txn-produce':
      return `txn-produce(error ${r.errorCode}, base offset ${r.baseOffset})`;
    case 'txn-marker':
      return `txn-marker(error ${r.errorCode}, offset ${r.offset})`;
    case 'consumer-fetch': {
      const f = decodeMessage(FetchResponse, r.bytes, CONSUMER_FETCH_VERSION);
      const parts = f.responses.flatMap((t) =>
        t.partitions.map(
          (p) =>
            `${p.partitionIndex}: error ${p.errorCode} hw ${p.highWatermark} lso ${p.lastStableOffset} ${p.records?.length ?? 0} B` +
            (p.abortedTransactions === null || p.abortedTransactions.length === 0
              ? ''
              : ` aborted [${p.abortedTransactions.map((a) => `${a.producerId}@${a.firstOffset}`).join(',')}]`),
        ),
      );
      return `consumer-fetch(${parts.join('; ')})`;
    }
  }
}
