/**
 * The sender: moves ready batches from the accumulator to the partition leaders.
 *
 * A drain runs on the next turn of the event loop after a batch fills, when the oldest
 * open batch's linger.ms ends, after a response, and when metadata, a connection or a
 * producer id arrives. It scans the partition queues once; a head batch is ready when it
 * is full, has lingered long enough, or a flush/close is under way. Per leader it sends
 * Produce requests with at most one batch per partition (the rule of Produce v3+), up
 * to max.request.size, on the broker's 'produce' connection, while fewer than
 * max.in.flight.requests.per.connection are in flight.
 *
 * Ordering with idempotence (KIP-98): at most 5 batches of a partition in flight;
 * sequences are given at the first send and kept on retries; a batch that comes back for
 * a retry goes back to the head of its queue in sequence order and is resent only when
 * nothing of its partition is in flight, so the broker always sees sequences in order.
 * OUT_OF_ORDER_SEQUENCE_NUMBER for a batch behind an unanswered or retried one is a
 * consequence of that one's failure: it is retried. DUPLICATE_SEQUENCE_NUMBER means the
 * broker has the batch already: success.
 *
 * Errors: retriable ones (Kafka's table, network errors, timeouts) retry the batch after
 * retry.backoff.ms with a metadata refresh when the leader may have moved, until
 * delivery.timeout.ms since the batch was created; other errors fail the batch's records
 * with a KafkaError naming topic and partition.
 */
import { ApiKey, ErrorCode, errorInfo, ProduceRequest, type ProduceResponse } from '@gregor/protocol';
import { PartitionProduceData, TopicProduceData } from '@gregor/protocol/generated/messages/produce-request';
import type { PartitionProduceResponse } from '@gregor/protocol/generated/messages/produce-response';
import { ConnectionError, KafkaError, RequestTimeoutError } from '../errors.js';
import { type Cluster, isStaleMetadataCode } from '../network/cluster.js';
import type { Connection } from '../network/connection.js';
import { backoffDelay } from '../network/retry.js';
import type { PartitionQueue, RecordAccumulator } from './accumulator.js';
import type { ProducerBatch } from './producer-batch.js';
import { IDEMPOTENT_IN_FLIGHT_MAX, type ResolvedProducerOptions } from './producer-options.js';
import { type TransactionManager, TxnState } from './transaction-manager.js';

/** The request-level part of a produce request: ~60 bytes plus the topic names. */
const REQUEST_OVERHEAD_BYTES = 128;
/** Produce v3 is the first with record batches (magic 2). */
const PRODUCE_VERSION_MIN = 3;

interface NodeState {
  connection: Connection | null;
  connecting: boolean;
  inFlight: number;
}

export class Sender {
  private readonly options: ResolvedProducerOptions;
  private readonly cluster: Cluster;
  private readonly accumulator: RecordAccumulator;
  private readonly txn: TransactionManager;
  private readonly nodes = new Map<number, NodeState>();
  private scheduled = false;
  private timer: NodeJS.Timeout | null = null;
  private timerAtMs = Number.POSITIVE_INFINITY;
  private metadataRefreshing = false;
  private lastMetadataRefreshMs = 0;
  /** Flushes under way: every batch is ready. */
  flushing = 0;
  /** Requests (with responses) in flight over all brokers. */
  inFlightRequests = 0;
  /** Set when close() gives up: everything left fails with this. */
  private abortError: Error | null = null;
  private readonly readyByNode = new Map<number, PartitionQueue[]>();

  constructor(
    options: ResolvedProducerOptions,
    cluster: Cluster,
    accumulator: RecordAccumulator,
    txn: TransactionManager,
  ) {
    this.options = options;
    this.cluster = cluster;
    this.accumulator = accumulator;
    this.txn = txn;
  }

  /** Drains on the next turn of the event loop. */
  wakeup(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(this.run);
  }

  /** Drains at `atMs` at the latest. */
  private wakeAt(atMs: number): void {
    if (atMs >= this.timerAtMs) return;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timerAtMs = atMs;
    this.timer = setTimeout(this.onTimer, Math.max(0, atMs - Date.now()));
  }

  private readonly onTimer = (): void => {
    this.timer = null;
    this.timerAtMs = Number.POSITIVE_INFINITY;
    this.run();
  };

  /** Fails every batch not yet completed with `error` and stops sending (close with a timeout). */
  abortAll(error: Error): void {
    this.abortError = error;
    for (const queue of this.accumulator.queues) {
      for (const batch of queue.batches) this.complete(batch, null, error);
      queue.batches.length = 0;
      for (const batch of queue.inFlight) this.complete(batch, null, error);
      queue.inFlight.length = 0;
    }
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private readonly run = (): void => {
    this.scheduled = false;
    if (this.abortError !== null) return;
    const txn = this.txn;
    if (txn.transactional && txn.state === TxnState.ABORTABLE_ERROR) {
      // As Kafka's Sender: the transaction can only abort, so what is not sent yet fails now.
      this.failQueued(txn.lastError as Error);
    }
    if (!txn.producerIdReady) {
      // Idempotent and no id yet (or a reset pending): wait for the id, and for a reset
      // wait until nothing is in flight, so that no old sequence is still on its way.
      if (txn.transactional) {
        if (txn.state === TxnState.FATAL_ERROR) this.failQueued(txn.lastError as Error);
        return;
      }
      if (txn.resetNeeded && this.inFlightRequests > 0) return;
      if (txn.resetNeeded) this.resetSequences();
      txn.ensureProducerId().then(this.wakeupFn, this.onProducerIdError);
      return;
    }
    if (txn.state === TxnState.FATAL_ERROR) {
      this.failQueued(txn.lastError as Error);
      return;
    }
    const now = Date.now();
    const lingerMs = this.options.lingerMs;
    const deliveryTimeoutMs = this.options.deliveryTimeoutMs;
    let nextAtMs = Number.POSITIVE_INFINITY;
    let needMetadata = false;
    const readyByNode = this.readyByNode;
    readyByNode.clear();
    const queues = this.accumulator.queues;
    for (let i = 0; i < queues.length; i++) {
      const queue = queues[i]!;
      const batches = queue.batches;
      if (batches.length === 0) continue;
      let head = batches[0]!;
      while (now - head.createdMs >= deliveryTimeoutMs) {
        batches.shift();
        this.expire(queue, head, now);
        if (batches.length === 0) break;
        head = batches[0]!;
      }
      if (batches.length === 0) continue;
      nextAtMs = Math.min(nextAtMs, head.createdMs + deliveryTimeoutMs);
      if (head.retryAtMs > now) {
        nextAtMs = Math.min(nextAtMs, head.retryAtMs);
        continue;
      }
      if (!head.full && this.flushing === 0 && now - head.createdMs < lingerMs) {
        nextAtMs = Math.min(nextAtMs, head.createdMs + lingerMs);
        continue;
      }
      if (!this.mayDrain(queue, head)) continue;
      const leader = this.cluster.leader(queue.topic, queue.partition);
      if (leader < 0) {
        needMetadata = true;
        continue;
      }
      if (!txn.partitionReady(queue)) continue;
      const list = readyByNode.get(leader);
      if (list === undefined) readyByNode.set(leader, [queue]);
      else list.push(queue);
    }
    for (const [nodeId, list] of readyByNode) this.sendToNode(nodeId, list, now);
    // metadata.max.age.ms: leaders move and partitions are added without any error telling us.
    if (needMetadata || this.cluster.metadataStale) this.refreshMetadata();
    if (nextAtMs !== Number.POSITIVE_INFINITY) this.wakeAt(nextAtMs);
  };

  private readonly wakeupFn = (): void => this.wakeup();

  private readonly onProducerIdError = (error: unknown): void => {
    // No producer id within max.block.ms: the records waiting for it cannot be sent.
    const err = error instanceof Error ? error : new Error(String(error));
    this.options.client.logger.warn({ err: err.message }, 'InitProducerId failed');
    this.failQueued(err);
  };

  /** Idempotence ordering rules for the head batch of `queue`. */
  private mayDrain(queue: PartitionQueue, head: ProducerBatch): boolean {
    if (!this.txn.idempotent) return true;
    if (queue.inFlight.length >= IDEMPOTENT_IN_FLIGHT_MAX) return false;
    // A retried batch goes alone, once everything before it has come back.
    if (head.retrying && queue.inFlight.length > 0) return false;
    return true;
  }

  private sendToNode(nodeId: number, queues: PartitionQueue[], now: number): void {
    let node = this.nodes.get(nodeId);
    if (node === undefined) {
      node = { connection: null, connecting: false, inFlight: 0 };
      this.nodes.set(nodeId, node);
    }
    const connection = node.connection;
    if (connection === null || !connection.usable) {
      node.connection = null;
      if (!node.connecting) this.connect(nodeId, node);
      return;
    }
    let version: number;
    try {
      version = connection.version(ApiKey.Produce, undefined, PRODUCE_VERSION_MIN);
    } catch (error) {
      for (const queue of queues) this.failQueue(queue, error as Error);
      return;
    }
    const maxInFlight = this.options.maxInFlightRequestsPerConnection;
    const maxRequestSize = this.options.maxRequestSize;
    const lingerMs = this.options.lingerMs;
    while (queues.length > 0 && node.inFlight < maxInFlight) {
      const batches: ProducerBatch[] = [];
      const queuesOf: PartitionQueue[] = [];
      let size = REQUEST_OVERHEAD_BYTES;
      let kept = 0;
      for (let i = 0; i < queues.length; i++) {
        const queue = queues[i]!;
        const head = queue.batches[0];
        if (head === undefined) continue;
        const bytes = head.close(this.options.compression);
        if (batches.length > 0 && size + bytes.length > maxRequestSize) {
          queues[kept++] = queue;
          continue;
        }
        queue.batches.shift();
        this.stamp(queue, head);
        // In flight from here, so that mayDrain below counts it.
        queue.inFlight.push(head);
        size += bytes.length + queue.topic.length + 16;
        batches.push(head);
        queuesOf.push(queue);
        const next = queue.batches[0];
        if (
          next !== undefined &&
          next.retryAtMs <= now &&
          (next.full || this.flushing > 0 || now - next.createdMs >= lingerMs) &&
          this.mayDrain(queue, next)
        ) {
          queues[kept++] = queue;
        }
      }
      queues.length = kept;
      if (batches.length === 0) break;
      this.sendRequest(nodeId, node, connection, version, batches, queuesOf);
    }
    // More ready than the in-flight limit allows: a response will wake the sender.
  }

  /** Gives the batch its producer id, epoch and sequence (first send, or after a reset). */
  private stamp(queue: PartitionQueue, batch: ProducerBatch): void {
    const txn = this.txn;
    if (!txn.idempotent) {
      if (!batch.stamped) batch.stamp();
      return;
    }
    let changed = !batch.stamped;
    if (batch.producerId !== txn.producerId || batch.producerEpoch !== txn.producerEpoch) {
      // A new producer id or epoch numbers every partition from 0 again (KIP-360).
      if (queue.producerId !== txn.producerId || queue.producerEpoch !== txn.producerEpoch) {
        queue.producerId = txn.producerId;
        queue.producerEpoch = txn.producerEpoch;
        queue.nextSequence = 0;
      }
      batch.baseSequence = -1;
    }
    if (batch.baseSequence < 0) {
      batch.baseSequence = queue.nextSequence;
      queue.nextSequence = (queue.nextSequence + batch.recordCount) % 0x80000000;
      changed = true;
    }
    if (batch.producerId !== txn.producerId || batch.producerEpoch !== txn.producerEpoch) {
      batch.producerId = txn.producerId;
      batch.producerEpoch = txn.producerEpoch;
      changed = true;
    }
    if (changed) batch.stamp();
  }

  private sendRequest(
    nodeId: number,
    node: NodeState,
    connection: Connection,
    version: number,
    batches: ProducerBatch[],
    queues: PartitionQueue[],
  ): void {
    const request = new ProduceRequest();
    request.transactionalId = this.txn.transactionalId;
    request.acks = this.options.acks;
    request.timeoutMs = this.options.client.requestTimeoutMs;
    let topicData: TopicProduceData | undefined;
    const topics = request.topicData;
    // By name: a scan of the request's topics per batch would be quadratic.
    const byName = new Map<string, TopicProduceData>();
    for (let i = 0; i < batches.length; i++) {
      const batch = batches[i]!;
      batch.attempts++;
      if (topicData === undefined || topicData.name !== batch.topic) {
        topicData = byName.get(batch.topic);
        if (topicData === undefined) {
          topicData = new TopicProduceData();
          topicData.name = batch.topic;
          topics.push(topicData);
          byName.set(batch.topic, topicData);
        }
      }
      const p = new PartitionProduceData();
      p.index = batch.partition;
      p.records = batch.bytes;
      topicData.partitionData.push(p);
    }
    let recordBytes = 0;
    for (let i = 0; i < batches.length; i++) recordBytes += batches[i]!.bytes?.length ?? 0;
    node.inFlight++;
    if (this.options.acks === 0) {
      connection.send(ApiKey.Produce, version, request, recordBytes).then(
        () => {
          node.inFlight--;
          for (let i = 0; i < batches.length; i++) {
            queues[i]!.removeInFlight(batches[i]!);
            this.complete(batches[i]!, -1, null);
          }
          this.wakeup();
        },
        (error: Error) => this.onRequestError(nodeId, node, batches, queues, error),
      );
      return;
    }
    this.inFlightRequests++;
    connection.requestAt<ProduceResponse>(ApiKey.Produce, version, request, { recordBytes }).then(
      (response) => this.onResponse(node, batches, queues, response),
      (error: Error) => this.onRequestError(nodeId, node, batches, queues, error),
    );
  }

  private onRequestError(
    nodeId: number,
    node: NodeState,
    batches: ProducerBatch[],
    queues: PartitionQueue[],
    error: Error,
  ): void {
    node.inFlight--;
    if (this.options.acks !== 0) this.inFlightRequests--;
    if (error instanceof ConnectionError || error instanceof RequestTimeoutError) {
      if (node.connection !== null && !node.connection.usable) node.connection = null;
      this.cluster.invalidateMetadata();
    }
    this.options.client.logger.debug({ nodeId, err: error.message }, 'produce request failed');
    const kafkaError =
      error instanceof KafkaError
        ? error
        : new KafkaError(ErrorCode.UNKNOWN_SERVER_ERROR, error.message, { cause: error });
    for (let i = 0; i < batches.length; i++) {
      const batch = batches[i]!;
      const queue = queues[i]!;
      queue.removeInFlight(batch);
      this.handleError(queue, batch, kafkaError.code, kafkaError.message, kafkaError.retriable, kafkaError);
    }
    this.wakeup();
  }

  private onResponse(
    node: NodeState,
    batches: ProducerBatch[],
    queues: PartitionQueue[],
    response: ProduceResponse,
  ): void {
    node.inFlight--;
    this.inFlightRequests--;
    // Indexed once per response: a scan per batch would be quadratic in the partitions of a request.
    const answers = new Map<string, PartitionProduceResponse[]>();
    for (const t of response.responses) {
      let list = answers.get(t.name);
      if (list === undefined) {
        list = [];
        answers.set(t.name, list);
      }
      for (const p of t.partitionResponses) if (p.index >= 0) list[p.index] ??= p;
    }
    for (let i = 0; i < batches.length; i++) {
      const batch = batches[i]!;
      const queue = queues[i]!;
      queue.removeInFlight(batch);
      const p = answers.get(batch.topic)?.[batch.partition];
      if (p !== undefined) {
        const code = p.errorCode;
        if (code === 0 || code === ErrorCode.DUPLICATE_SEQUENCE_NUMBER) {
          this.complete(batch, Number(p.baseOffset), null, Number(p.logAppendTimeMs));
        } else {
          this.handleError(queue, batch, code, p.errorMessage, errorInfo(code)?.retriable ?? false, null);
        }
      } else {
        this.handleError(
          queue,
          batch,
          ErrorCode.UNKNOWN_SERVER_ERROR,
          'the response has no result for this partition',
          true,
          null,
        );
      }
    }
    this.wakeup();
  }

  /** A batch came back with an error: retry it, or fail its records. */
  private handleError(
    queue: PartitionQueue,
    batch: ProducerBatch,
    code: number,
    message: string | null,
    retriable: boolean,
    cause: Error | null,
  ): void {
    if (batch.done) return;
    const txn = this.txn;
    const now = Date.now();
    const error = cause ?? new KafkaError(code, message, { topic: batch.topic, partition: batch.partition, retriable });
    if (isStaleMetadataCode(code) || cause instanceof ConnectionError) {
      this.cluster.invalidateMetadata();
      this.refreshMetadata(true);
    }
    if (txn.idempotent) {
      if (code === ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER) {
        // Behind a batch that failed, or stamped before a producer id reset: a consequence, retry.
        retriable = this.hasEarlier(queue, batch) || batch.producerId !== txn.producerId || txn.resetNeeded;
        if (!retriable) txn.sequenceUnknown(error);
      } else if (code === ErrorCode.UNKNOWN_PRODUCER_ID) {
        // The broker forgot this producer (its state expired): start over with a new id.
        txn.sequenceUnknown(error);
        retriable = !txn.transactional;
      } else if (code === ErrorCode.INVALID_PRODUCER_EPOCH || code === ErrorCode.PRODUCER_FENCED) {
        if (txn.transactional) txn.fail(error);
        else {
          txn.sequenceUnknown(error);
          retriable = true;
        }
      } else if (code === ErrorCode.INVALID_TXN_STATE || code === ErrorCode.TRANSACTION_ABORTABLE) {
        txn.abortableError(error);
      } else if (
        code === ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED ||
        code === ErrorCode.INVALID_PRODUCER_ID_MAPPING
      ) {
        txn.fail(error);
      }
    }
    if (retriable && txn.state !== TxnState.FATAL_ERROR && now - batch.createdMs < this.options.deliveryTimeoutMs) {
      batch.retrying = true;
      batch.retryAtMs =
        now +
        backoffDelay(Math.max(0, batch.attempts - 1), {
          backoffMs: this.options.client.retryBackoffMs,
          backoffMaxMs: this.options.client.retryBackoffMaxMs,
        });
      // Its old sequence is kept even when a reset is pending: requeue() orders the
      // retried batches by it (resetSequences() renumbers them once nothing is in flight).
      queue.requeue(batch);
      return;
    }
    if (txn.idempotent && batch.baseSequence >= 0 && code !== ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER) {
      // The batch may or may not be in the log, and the sequences after it are off.
      txn.sequenceUnknown(error);
    }
    if (txn.transactional) txn.abortableError(error);
    this.complete(batch, null, error);
  }

  /** True when an unacknowledged batch of `queue` has a lower sequence than `batch`. */
  private hasEarlier(queue: PartitionQueue, batch: ProducerBatch): boolean {
    const seq = batch.baseSequence;
    for (const b of queue.inFlight) if (b.baseSequence >= 0 && b.baseSequence < seq) return true;
    for (const b of queue.batches) if (b.baseSequence >= 0 && b.baseSequence < seq) return true;
    return false;
  }

  private expire(queue: PartitionQueue, batch: ProducerBatch, now: number): void {
    const error = new KafkaError(
      ErrorCode.REQUEST_TIMED_OUT,
      `expiring ${batch.recordCount} record(s) for ${queue.topic}-${queue.partition}: ${now - batch.createdMs} ms has passed since batch creation (deliveryTimeoutMs ${this.options.deliveryTimeoutMs})`,
      { topic: queue.topic, partition: queue.partition, retriable: true },
    );
    if (batch.baseSequence >= 0) this.txn.sequenceUnknown(error);
    if (this.txn.transactional) this.txn.abortableError(error);
    this.complete(batch, null, error);
  }

  /** Resolves or fails a batch's records and returns its memory. */
  private complete(batch: ProducerBatch, baseOffset: number | null, error: Error | null, logAppendTimeMs = -1): void {
    if (error === null) batch.succeed(baseOffset ?? -1, logAppendTimeMs);
    else batch.fail(error);
    this.accumulator.release(batch);
  }

  /** Fails every batch waiting in the queues (not those in flight). */
  failQueued(error: Error): void {
    for (const queue of this.accumulator.queues) this.failQueue(queue, error);
  }

  private failQueue(queue: PartitionQueue, error: Error): void {
    const batches = queue.batches.splice(0);
    for (const batch of batches) {
      // A batch waiting for its retry holds sequences the broker may never have seen:
      // the next ones would be out of order unless the producer id or epoch changes.
      if (batch.baseSequence >= 0) this.txn.sequenceUnknown(error);
      this.complete(batch, null, error);
    }
  }

  /** Fails the batches of a transaction being aborted that were never sent. */
  failUnsent(error: Error): void {
    for (const queue of this.accumulator.queues) {
      const batches = queue.batches;
      let kept = 0;
      for (let i = 0; i < batches.length; i++) {
        const batch = batches[i]!;
        if (batch.attempts === 0) this.complete(batch, null, error);
        else batches[kept++] = batch;
      }
      batches.length = kept;
    }
  }

  /** A new producer id is coming: every partition starts at sequence 0 again. */
  private resetSequences(): void {
    for (const queue of this.accumulator.queues) {
      queue.nextSequence = 0;
      for (const batch of queue.batches) batch.baseSequence = -1;
      // Batches with new sequences must not be held back as retries of the old ones.
      for (const batch of queue.batches) batch.retrying = false;
    }
  }

  private connect(nodeId: number, node: NodeState): void {
    node.connecting = true;
    this.cluster.connection(nodeId, 'produce').then(
      (connection) => {
        node.connecting = false;
        node.connection = connection;
        this.wakeup();
      },
      (error: Error) => {
        node.connecting = false;
        this.options.client.logger.debug({ nodeId, err: error.message }, 'cannot connect to leader');
        this.cluster.invalidateMetadata();
        this.refreshMetadata(true);
        // Try again after the backoff; batches expire by delivery.timeout.ms meanwhile.
        this.wakeAt(Date.now() + this.options.client.retryBackoffMs);
      },
    );
  }

  /** Refreshes the metadata of every topic with queued batches (at most once per retry.backoff.ms unless forced). */
  refreshMetadata(force = false): void {
    if (this.metadataRefreshing) return;
    const now = Date.now();
    const wait = this.lastMetadataRefreshMs + this.options.client.retryBackoffMs - now;
    if (wait > 0 && !force) {
      this.wakeAt(now + wait);
      return;
    }
    const topics = new Set<string>();
    for (const queue of this.accumulator.queues) topics.add(queue.topic);
    if (topics.size === 0) return;
    this.metadataRefreshing = true;
    this.lastMetadataRefreshMs = now;
    this.cluster.refreshMetadata([...topics], { allowAutoTopicCreation: true }).then(
      () => {
        this.metadataRefreshing = false;
        this.wakeup();
      },
      (error: Error) => {
        this.metadataRefreshing = false;
        this.options.client.logger.debug({ err: error.message }, 'metadata refresh failed');
        this.wakeAt(Date.now() + this.options.client.retryBackoffMs);
      },
    );
  }

  /** Stops timers (after close). */
  stop(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.abortError ??= new Error('producer closed');
  }
}
