/**
 * The producer: Kafka's KafkaProducer for TypeScript.
 *
 * send() serializes the record, picks its partition and encodes it straight into its
 * partition's open batch (accumulator.ts, producer-batch.ts) without awaiting anything;
 * the sender (sender.ts) ships batches to the leaders. When send() must wait, for topic
 * metadata or for buffer.memory, the record joins a FIFO of blocked sends: while that
 * FIFO is not empty every later send() joins it too, so records keep their send() order
 * per partition, as a Java producer's blocked calling thread would. A blocked send fails
 * after max.block.ms. The FIFO itself holds at most max(buffer.memory, 64 MiB) bytes;
 * beyond that send() fails at once rather than queueing without bound (a Java caller
 * would be blocked; a JavaScript caller that does not await could queue forever).
 */
import { ErrorCode } from '@gregor/protocol';
import { AbortError, ClientClosedError, ConfigError, KafkaError, RequestTimeoutError } from '../errors.js';
import { Cluster, type PartitionInfo, type TopicInfo } from '../network/cluster.js';
import { retry } from '../network/retry.js';
import { type HeadersInput, headerList, type TopicPartition } from '../types.js';
import { RecordAccumulator } from './accumulator.js';
import { RECORD_BATCH_OVERHEAD, recordSize, type WireHeader } from './producer-batch.js';
import { type ProducerOptions, type ResolvedProducerOptions, resolveProducerOptions } from './producer-options.js';
import { Sender } from './sender.js';
import { ManySink, type RecordMetadata, type Sink, singlePromise } from './sink.js';
import {
  type ConsumerGroupMetadata,
  TransactionManager,
  TransactionStateError,
  TxnState,
} from './transaction-manager.js';

/** A record to send. */
export interface ProducerRecord<K, V> {
  readonly topic: string;
  /** Absent or null: no key (the sticky partitioner spreads such records). */
  readonly key?: K;
  readonly value: V;
  /** Explicit partition; otherwise the partitioner chooses. */
  readonly partition?: number;
  /** Create time in ms; default now. */
  readonly timestamp?: number;
  readonly headers?: HeadersInput;
}

/** The blocked sends may hold at least this much (or buffer.memory if larger). */
const BLOCKED_BYTES_MIN = 64 * 1024 * 1024;

/** Why a blocked send waits. */
const Wait = { NONE: 0, METADATA: 1, MEMORY: 2, PARTITION: 3 } as const;
type Wait = (typeof Wait)[keyof typeof Wait];

/** A send() that could not be appended at once. */
interface BlockedSend {
  readonly topic: string;
  readonly partition: number | undefined;
  readonly key: Buffer | null;
  readonly value: Buffer | string | null;
  readonly headers: WireHeader[] | null;
  readonly timestamp: number;
  readonly size: number;
  readonly sink: Sink;
  readonly index: number;
  readonly deadlineMs: number;
  readonly signal: AbortSignal | undefined;
  onAbort: (() => void) | null;
  settled: boolean;
  /** A metadata refresh happened since the partition was found out of range. */
  partitionRechecked: boolean;
  wait: Wait;
}

export type { ConsumerGroupMetadata };

/**
 * A Kafka producer. Idempotent by default (no duplicates, order kept per partition);
 * transactional with a `transactionalId`.
 *
 * ```ts
 * const producer = new Producer({ bootstrapServers: 'localhost:9092' });
 * const { offset } = await producer.send({ topic: 'events', key: Buffer.from('k'), value: Buffer.from('v') });
 * await producer.close();
 * ```
 */
export class Producer<K = Buffer | null, V = Buffer | null> {
  private readonly options: ResolvedProducerOptions;
  private readonly cluster: Cluster;
  private readonly accumulator: RecordAccumulator;
  private readonly sender: Sender;
  private readonly txn: TransactionManager;
  private readonly blocked: BlockedSend[] = [];
  private blockedHead = 0;
  private blockedBytes = 0;
  /** Limit of the blocked sends' bytes: a caller that never awaits cannot grow it without bound. */
  private readonly blockedBytesMax: number;
  private blockedTimer: NodeJS.Timeout | null = null;
  private blockedTimerAtMs = Number.POSITIVE_INFINITY;
  private processingBlocked = false;
  private metadataFetching = false;
  private metadataAttempt = 0;
  private metadataNotBeforeMs = 0;
  private blockedDrainedWaiters: Array<() => void> = [];
  private readonly availableCache = new WeakMap<TopicInfo, number[]>();
  private closed = false;
  private closing: Promise<void> | null = null;

  constructor(options: ProducerOptions<K, V>) {
    this.options = resolveProducerOptions(options as ProducerOptions<never, never>);
    this.cluster = new Cluster(this.options.client);
    this.accumulator = new RecordAccumulator(
      this.options.batchSize,
      this.options.bufferMemory,
      this.options.maxRequestSize,
    );
    this.txn = new TransactionManager(this.cluster, {
      idempotent: this.options.idempotent,
      transactionalId: this.options.transactionalId,
      transactionTimeoutMs: this.options.transactionTimeoutMs,
      maxBlockMs: this.options.maxBlockMs,
    });
    this.sender = new Sender(this.options, this.cluster, this.accumulator, this.txn);
    this.blockedBytesMax = Math.max(this.options.bufferMemory, BLOCKED_BYTES_MIN);
    this.accumulator.onMemoryFreed = () => {
      if (this.blockedHead < this.blocked.length) this.processBlocked();
    };
    this.txn.onProgress = () => this.sender.wakeup();
  }

  /** True when idempotence is on (by default, unless acks or in-flight settings turned it off). */
  get idempotent(): boolean {
    return this.txn.idempotent;
  }

  /**
   * Optional warm-up: connects, loads cluster metadata and (idempotent, not
   * transactional) gets a producer id. send() works without it.
   */
  async connect(): Promise<void> {
    if (this.closed) throw new ClientClosedError('producer');
    await this.cluster.retry(() => this.cluster.refreshMetadata([]), { timeoutMs: this.options.maxBlockMs });
    await this.txn.ensureProducerId();
  }

  /**
   * Sends one record. Resolves with its offset once the broker has it (per `acks`);
   * rejects with a KafkaError (with topic and partition) when it cannot be written, a
   * ClientClosedError after close(), an AbortError when `signal` fires while the send is
   * still blocked (a record already in a batch cannot be taken back).
   */
  send(record: ProducerRecord<K, V>, options?: { signal?: AbortSignal }): Promise<RecordMetadata> {
    const { promise, sink } = singlePromise();
    this.enqueue(record, sink, 0, options?.signal);
    return promise;
  }

  /**
   * Sends several records in order; resolves with their metadata in the same order, or
   * rejects with the first failure (the other records may still have been written).
   */
  sendMany(records: readonly ProducerRecord<K, V>[]): Promise<RecordMetadata[]> {
    if (!Array.isArray(records)) return Promise.reject(new ConfigError('sendMany() takes an array of records'));
    return new Promise<RecordMetadata[]>((resolve, reject) => {
      const sink = new ManySink(records.length, resolve, reject);
      for (let i = 0; i < records.length; i++) this.enqueue(records[i]!, sink, i, undefined);
    });
  }

  private enqueue(record: ProducerRecord<K, V>, sink: Sink, index: number, signal: AbortSignal | undefined): void {
    if (this.closed) {
      sink.fail(new ClientClosedError('producer'));
      return;
    }
    const options = this.options;
    let key: Buffer | string | null;
    let value: Buffer | string | null;
    let headers: WireHeader[] | null;
    let timestamp: number;
    let size: number;
    let topic: string;
    let partition: number | undefined;
    try {
      if (typeof record !== 'object' || record === null) throw new ConfigError('a record must be an object');
      topic = record.topic;
      partition = record.partition;
      this.txn.checkSend();
      if (signal?.aborted === true) throw new AbortError(signal.reason);
      if (typeof topic !== 'string' || topic === '') throw new ConfigError('record.topic must be a non-empty string');
      if (partition !== undefined && (!Number.isInteger(partition) || partition < 0)) {
        throw new KafkaError(
          ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
          `invalid partition ${String(partition)} for topic '${topic}'`,
          {
            topic,
            retriable: false,
          },
        );
      }
      key =
        record.key === undefined || record.key === null
          ? null
          : serialized(options.keySerializer(record.key, topic), 'key', topic);
      value =
        record.value === undefined ? null : serialized(options.valueSerializer(record.value, topic), 'value', topic);
      // The partitioner hashes bytes: a string key is encoded once here.
      if (typeof key === 'string') key = Buffer.from(key, 'utf8');
      headers =
        record.headers === undefined || record.headers === null ? null : checkHeaders(headerList(record.headers));
      timestamp = record.timestamp ?? Date.now();
      if (!Number.isSafeInteger(timestamp) || timestamp < 0) {
        throw new ConfigError(`record.timestamp must be a non-negative integer (ms), got ${String(timestamp)}`);
      }
      // Upper bound: the offset and timestamp deltas take at most 5 and 10 bytes.
      size = recordSize(key, value, headers, 0, 0) + 14;
      if (
        size + RECORD_BATCH_OVERHEAD > options.maxRequestSize ||
        size + RECORD_BATCH_OVERHEAD > options.bufferMemory
      ) {
        throw new KafkaError(
          ErrorCode.MESSAGE_TOO_LARGE,
          `the record is ${size + RECORD_BATCH_OVERHEAD} bytes when serialized, more than maxRequestSize (${options.maxRequestSize}) or bufferMemory (${options.bufferMemory})`,
          partition === undefined ? { topic } : { topic, partition },
        );
      }
    } catch (error) {
      sink.fail(error as Error);
      return;
    }
    if (this.blockedHead === this.blocked.length) {
      const wait = this.append(topic, partition, key, value, headers, timestamp, size, sink, index, false);
      if (wait === Wait.NONE) return;
    }
    if (this.blockedBytes + size > this.blockedBytesMax) {
      sink.fail(
        new KafkaError(
          ErrorCode.REQUEST_TIMED_OUT,
          `send() refused: ${this.blockedBytesMax} bytes of records are already waiting for metadata or memory`,
          { topic, retriable: true },
        ),
      );
      return;
    }
    const blocked: BlockedSend = {
      topic,
      partition,
      key,
      value,
      headers,
      timestamp,
      size,
      sink,
      index,
      deadlineMs: Date.now() + options.maxBlockMs,
      signal,
      onAbort: null,
      settled: false,
      partitionRechecked: false,
      wait: Wait.NONE,
    };
    if (signal !== undefined) {
      blocked.onAbort = () => {
        if (blocked.settled) return;
        blocked.settled = true;
        this.blockedBytes -= blocked.size;
        sink.fail(new AbortError(signal.reason));
        this.processBlocked();
      };
      signal.addEventListener('abort', blocked.onAbort, { once: true });
    }
    this.blocked.push(blocked);
    this.blockedBytes += size;
    this.processBlocked();
  }

  /**
   * Appends a record to its partition's batch. Returns Wait.NONE when done (appended, or
   * failed through its sink), or what it has to wait for.
   */
  private append(
    topic: string,
    explicitPartition: number | undefined,
    key: Buffer | null,
    value: Buffer | string | null,
    headers: WireHeader[] | null,
    timestamp: number,
    size: number,
    sink: Sink,
    index: number,
    partitionRechecked: boolean,
  ): Wait {
    const info = this.cluster.topic(topic);
    if (info === undefined) return Wait.METADATA;
    const count = info.partitions.length;
    let partition: number;
    const partitioner = this.options.partitioner;
    if (explicitPartition !== undefined) {
      if (explicitPartition >= count) {
        if (!partitionRechecked) return Wait.PARTITION;
        this.failRecord(
          sink,
          new KafkaError(
            ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
            `partition ${explicitPartition} is not in the range [0, ${count}) of topic '${topic}'`,
            { topic, partition: explicitPartition, retriable: false },
          ),
        );
        return Wait.NONE;
      }
      partition = explicitPartition;
    } else {
      try {
        partition = partitioner(
          topic,
          key,
          count,
          value as Buffer | null,
          key === null ? this.available(info) : undefined,
        );
      } catch (error) {
        this.failRecord(sink, error instanceof Error ? error : new Error(String(error)));
        return Wait.NONE;
      }
      if (!Number.isInteger(partition) || partition < 0 || partition >= count) {
        this.failRecord(
          sink,
          new KafkaError(
            ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
            `the partitioner chose partition ${partition} of ${count} for topic '${topic}'`,
            { topic, retriable: false },
          ),
        );
        return Wait.NONE;
      }
    }
    const accumulator = this.accumulator;
    const readyBytes = accumulator.batchSize;
    let queue = accumulator.queue(topic, partition);
    let tail = queue.batches[queue.batches.length - 1];
    if (tail !== undefined && !tail.closed) {
      if (
        tail.tryAppend(timestamp, key, value, headers, sink, index, readyBytes) ||
        (accumulator.tryGrow(queue, tail, size) &&
          tail.tryAppend(timestamp, key, value, headers, sink, index, readyBytes))
      ) {
        if (tail.full) this.sender.wakeup();
        return Wait.NONE;
      }
    }
    const capacity = accumulator.capacityFor(size);
    if (!accumulator.hasMemory(capacity)) return Wait.MEMORY;
    if (tail !== undefined) {
      tail.closed = true;
      tail.full = true;
    }
    if (explicitPartition === undefined && partitioner.onNewBatch !== undefined) {
      // KIP-480: the sticky partition's batch is closed; move on before starting a new one.
      const available = this.available(info);
      let next = partition;
      try {
        partitioner.onNewBatch(topic, partition, count, available);
        next = partitioner(topic, key, count, value as Buffer | null, key === null ? available : undefined);
      } catch {
        // The first choice stands: it was valid, and this second call only moves keyless records on.
      }
      if (next !== partition && Number.isInteger(next) && next >= 0 && next < count) {
        partition = next;
        queue = accumulator.queue(topic, partition);
        tail = queue.batches[queue.batches.length - 1];
        if (
          tail !== undefined &&
          !tail.closed &&
          tail.tryAppend(timestamp, key, value, headers, sink, index, readyBytes)
        ) {
          if (tail.full) this.sender.wakeup();
          return Wait.NONE;
        }
        if (tail !== undefined) {
          tail.closed = true;
          tail.full = true;
        }
      }
    }
    const batch = accumulator.newBatch(queue, capacity, Date.now());
    batch.transactional = this.txn.transactional;
    if (!batch.tryAppend(timestamp, key, value, headers, sink, index, readyBytes)) {
      // The size bound above is an upper bound: this is a bug, not bad input.
      throw new Error(`record of ${size} bytes did not fit a new batch of ${capacity} bytes`);
    }
    this.sender.wakeup();
    return Wait.NONE;
  }

  /** The partitions of a topic that have a leader (cached per metadata version). */
  private available(info: TopicInfo): number[] {
    let list = this.availableCache.get(info);
    if (list === undefined) {
      list = [];
      for (const p of info.partitions) if (p !== undefined && p.leader >= 0) list.push(p.partition);
      this.availableCache.set(info, list);
    }
    return list;
  }

  /** Appends blocked sends in order while they can go; arranges to be called again when not. */
  private processBlocked(): void {
    if (this.processingBlocked) return;
    this.processingBlocked = true;
    try {
      const blocked = this.blocked;
      const now = Date.now();
      while (this.blockedHead < blocked.length) {
        const b = blocked[this.blockedHead]!;
        if (b.settled) {
          this.shiftBlocked();
          continue;
        }
        const topicError = this.cluster.topicError(b.topic);
        if (topicError !== undefined && !topicError.retriable && this.cluster.topic(b.topic) === undefined) {
          // Not a topic that may yet appear (INVALID_TOPIC_EXCEPTION, TOPIC_AUTHORIZATION_FAILED...).
          this.settleBlocked(b, new KafkaError(topicError.code, topicError.message, { topic: b.topic }));
          continue;
        }
        const wait = this.append(
          b.topic,
          b.partition,
          b.key,
          b.value,
          b.headers,
          b.timestamp,
          b.size,
          b.sink,
          b.index,
          b.partitionRechecked,
        );
        if (wait === Wait.NONE) {
          this.settleBlocked(b, null);
          continue;
        }
        b.wait = wait;
        if (now >= b.deadlineMs) {
          this.settleBlocked(b, this.blockedTimeout(b));
          continue;
        }
        if (wait === Wait.METADATA || wait === Wait.PARTITION) this.fetchMetadata();
        this.armBlockedTimer(b.deadlineMs);
        break;
      }
      if (this.blockedHead === blocked.length) {
        blocked.length = 0;
        this.blockedHead = 0;
        this.blockedBytes = 0;
        if (this.blockedTimer !== null) clearTimeout(this.blockedTimer);
        this.blockedTimer = null;
        this.blockedTimerAtMs = Number.POSITIVE_INFINITY;
        const waiters = this.blockedDrainedWaiters;
        this.blockedDrainedWaiters = [];
        for (const w of waiters) w();
      }
    } finally {
      this.processingBlocked = false;
    }
  }

  private blockedTimeout(b: BlockedSend): Error {
    const ms = this.options.maxBlockMs;
    if (b.wait === Wait.MEMORY) {
      return new RequestTimeoutError(
        `failed to allocate ${b.size} bytes of bufferMemory (${this.options.bufferMemory}) within maxBlockMs (${ms} ms)`,
      );
    }
    if (b.wait === Wait.PARTITION) {
      const count = this.cluster.topic(b.topic)?.partitions.length ?? 0;
      return new KafkaError(
        ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
        `partition ${b.partition} of topic '${b.topic}' with ${count} partitions is not present in metadata after ${ms} ms`,
        { topic: b.topic, retriable: false, ...(b.partition === undefined ? {} : { partition: b.partition }) },
      );
    }
    const cause = this.cluster.topicError(b.topic);
    return new KafkaError(
      cause?.code ?? ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
      `topic '${b.topic}' not present in metadata after ${ms} ms (maxBlockMs)`,
      { topic: b.topic, retriable: false },
    );
  }

  private settleBlocked(b: BlockedSend, error: Error | null): void {
    if (!b.settled) {
      b.settled = true;
      this.blockedBytes -= b.size;
      if (b.onAbort !== null) b.signal?.removeEventListener('abort', b.onAbort);
      if (error !== null) this.failRecord(b.sink, error);
    }
    this.shiftBlocked();
  }

  /**
   * Fails a record that never reached a batch. In a transaction this spoils it, as a
   * failed batch does: committing without the record would break its atomicity.
   */
  private failRecord(sink: Sink, error: Error): void {
    if (this.txn.transactional) this.txn.abortableError(error);
    sink.fail(error);
  }

  /** Fails every blocked send. */
  private failBlocked(error: Error): void {
    while (this.blockedHead < this.blocked.length) this.settleBlocked(this.blocked[this.blockedHead]!, error);
    this.processBlocked();
  }

  private shiftBlocked(): void {
    this.blocked[this.blockedHead] = undefined as unknown as BlockedSend;
    this.blockedHead++;
    // Compact now and then so a long-blocked queue does not keep its consumed prefix.
    if (this.blockedHead > 1024 && this.blockedHead * 2 > this.blocked.length) {
      this.blocked.splice(0, this.blockedHead);
      this.blockedHead = 0;
    }
  }

  private armBlockedTimer(atMs: number): void {
    if (atMs >= this.blockedTimerAtMs) return;
    if (this.blockedTimer !== null) clearTimeout(this.blockedTimer);
    this.blockedTimerAtMs = atMs;
    this.blockedTimer = setTimeout(
      () => {
        this.blockedTimer = null;
        this.blockedTimerAtMs = Number.POSITIVE_INFINITY;
        this.processBlocked();
      },
      Math.max(0, atMs - Date.now()) + 1,
    );
  }

  /** Metadata for every topic blocked sends wait for (and the known ones), with backoff between attempts. */
  private fetchMetadata(): void {
    if (this.metadataFetching) return;
    const now = Date.now();
    if (now < this.metadataNotBeforeMs) {
      this.armBlockedTimer(this.metadataNotBeforeMs);
      return;
    }
    const topics = new Set(this.cluster.knownTopics());
    for (let i = this.blockedHead; i < this.blocked.length; i++) {
      const b = this.blocked[i]!;
      if (!b.settled) topics.add(b.topic);
    }
    const waitingForPartition = this.blocked.slice(this.blockedHead).filter((b) => b.wait === Wait.PARTITION);
    this.metadataFetching = true;
    this.cluster.refreshMetadata([...topics], { allowAutoTopicCreation: true }).then(
      () => {
        this.metadataFetching = false;
        for (const b of waitingForPartition) b.partitionRechecked = true;
        this.metadataAttempt++;
        this.metadataNotBeforeMs =
          Date.now() +
          Math.min(
            this.options.client.retryBackoffMs * 2 ** Math.min(this.metadataAttempt, 10),
            this.options.client.retryBackoffMaxMs,
          );
        this.processBlocked();
        if (this.blockedHead === this.blocked.length) this.metadataAttempt = 0;
      },
      (error: Error) => {
        this.metadataFetching = false;
        this.options.client.logger.debug({ err: error.message }, 'metadata for blocked sends failed');
        this.metadataNotBeforeMs = Date.now() + this.options.client.retryBackoffMs;
        this.armBlockedTimer(this.metadataNotBeforeMs);
      },
    );
  }

  /** Sends everything buffered now and resolves when it is acknowledged (or failed). */
  async flush(): Promise<void> {
    this.sender.flushing++;
    try {
      this.sender.wakeup();
      if (this.blockedHead < this.blocked.length) {
        await new Promise<void>((resolve) => this.blockedDrainedWaiters.push(resolve));
      }
      await this.accumulator.waitForIncomplete();
    } finally {
      this.sender.flushing--;
    }
  }

  /** The partitions of `topic` (fetching metadata, auto-creating the topic if the broker allows). */
  async partitionsFor(topic: string): Promise<PartitionInfo[]> {
    if (this.closed) throw new ClientClosedError('producer');
    if (typeof topic !== 'string' || topic === '')
      throw new ConfigError('partitionsFor: topic must be a non-empty string');
    return retry(
      async () => {
        await this.cluster.refreshMetadata([topic], { allowAutoTopicCreation: true });
        const info = this.cluster.topic(topic);
        if (info === undefined) {
          throw (
            this.cluster.topicError(topic) ??
            new KafkaError(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, `topic '${topic}'`, { topic })
          );
        }
        return info.partitions.filter((p) => p !== undefined);
      },
      {
        timeoutMs: this.options.maxBlockMs,
        backoffMs: this.options.client.retryBackoffMs,
        backoffMaxMs: this.options.client.retryBackoffMaxMs,
      },
    );
  }

  /**
   * Transactional producers: fences older producers with the same transactionalId
   * (InitProducerId through the transaction coordinator). Call once, before the first
   * transaction.
   */
  async initTransactions(): Promise<void> {
    if (this.closed) throw new ClientClosedError('producer');
    await this.txn.initTransactions();
    this.sender.wakeup();
  }

  /** Starts a transaction: records sent until commit/abort are part of it. */
  beginTransaction(): void {
    if (this.closed) throw new ClientClosedError('producer');
    this.txn.beginTransaction();
  }

  /**
   * Adds consumer offsets to the transaction (AddOffsetsToTxn, then TxnOffsetCommit to
   * the group's coordinator): they are committed with it, visible only if it commits.
   * `offsets` are the next offsets to consume. Pass the consumer's groupMetadata() for
   * KIP-447 fencing of zombie consumers, or just the group id.
   */
  async sendOffsets(
    offsets: ReadonlyArray<TopicPartition & { offset: number; metadata?: string }>,
    group: string | ConsumerGroupMetadata,
  ): Promise<void> {
    if (this.closed) throw new ClientClosedError('producer');
    await this.txn.sendOffsets(offsets, group);
  }

  /** Flushes, then commits the transaction (EndTxn). Fails if a record of it failed. */
  async commitTransaction(): Promise<void> {
    if (this.closed) throw new ClientClosedError('producer');
    this.txn.beginEnd(true);
    await this.flush();
    await this.txn.endTransaction(true);
  }

  /**
   * Aborts the transaction: records not yet sent fail with a TransactionStateError,
   * those in flight are awaited, then EndTxn(abort).
   */
  async abortTransaction(): Promise<void> {
    if (this.closed && this.closing === null) throw new ClientClosedError('producer');
    const failed = this.txn.state === TxnState.ABORTABLE_ERROR;
    this.txn.beginEnd(false);
    const error = new TransactionStateError('the transaction was aborted before this record was sent');
    this.failBlocked(error);
    // After an error, retries waiting for a new epoch are dropped too: the epoch only
    // changes once the transaction is over.
    if (failed) this.sender.failQueued(error);
    else this.sender.failUnsent(error);
    await this.flush();
    await this.txn.endTransaction(false);
  }

  /** Runs `fn` in a transaction: begin, run, commit; abort (and rethrow) if it throws. */
  async transaction<T>(fn: (producer: this) => Promise<T>): Promise<T> {
    this.beginTransaction();
    let result: T;
    try {
      result = await fn(this);
    } catch (error) {
      if (this.txn.state === TxnState.IN_TRANSACTION || this.txn.state === TxnState.ABORTABLE_ERROR) {
        await this.abortTransaction().catch((abortError: unknown) => {
          this.options.client.logger.warn({ err: String(abortError) }, 'abort after a failed transaction failed');
        });
      }
      throw error;
    }
    try {
      await this.commitTransaction();
    } catch (error) {
      if (this.txn.state === TxnState.ABORTABLE_ERROR) await this.abortTransaction().catch(() => undefined);
      throw error;
    }
    return result;
  }

  /**
   * Sends what is buffered, waits for it (up to `timeoutMs`, default unlimited: each
   * record is bounded by deliveryTimeoutMs anyway), then closes the connections. Records
   * still pending after `timeoutMs` fail with ClientClosedError. Later sends fail with
   * ClientClosedError.
   */
  close(options: { timeoutMs?: number } = {}): Promise<void> {
    if (this.closing !== null) return this.closing;
    this.closed = true;
    this.closing = this.doClose(options.timeoutMs);
    return this.closing;
  }

  private async doClose(timeoutMs: number | undefined): Promise<void> {
    const flushed = this.flush().catch(() => undefined);
    let expired = false;
    if (timeoutMs === undefined) await flushed;
    else {
      let timer: NodeJS.Timeout | undefined;
      expired = await Promise.race([
        flushed.then(() => false),
        new Promise<boolean>((resolve) => {
          timer = setTimeout(() => resolve(true), Math.max(0, timeoutMs));
        }),
      ]);
      clearTimeout(timer);
      if (expired) {
        const error = new ClientClosedError('producer');
        this.failBlocked(error);
        this.sender.abortAll(error);
      }
    }
    this.sender.stop();
    if (this.blockedTimer !== null) clearTimeout(this.blockedTimer);
    // Past the timeout nothing more is awaited: requests still in flight are dropped.
    await this.cluster.close(!expired);
  }
}

/**
 * Checks what a serializer returned: the batch writes Buffers and strings (UTF-8); a
 * Uint8Array becomes a Buffer over the same memory. Anything else (a number, an object:
 * the default serializers pass values through) is refused here, rather than reaching
 * the size arithmetic as NaN.
 */
function serialized(data: unknown, what: 'key' | 'value', topic: string): Buffer | string | null {
  if (data === null || typeof data === 'string' || Buffer.isBuffer(data)) return data;
  if (data instanceof Uint8Array) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const got =
    data === undefined ? 'undefined' : typeof data === 'object' ? (data.constructor?.name ?? 'object') : typeof data;
  throw new ConfigError(
    `the ${what} for topic '${topic}' serialized to ${got}, not a Buffer, string or null (set ${what}Serializer for other types)`,
  );
}

function checkHeaders(headers: WireHeader[]): WireHeader[] | null {
  let copied = false;
  for (let i = 0; i < headers.length; i++) {
    const h = headers[i]!;
    if (typeof h?.key !== 'string') throw new ConfigError(`header ${i} needs a string key`);
    const v: unknown = h.value;
    if (v !== null && typeof v !== 'string' && !Buffer.isBuffer(v)) {
      if (!(v instanceof Uint8Array)) throw new ConfigError(`header '${h.key}' needs a Buffer, string or null value`);
      // The caller's array is not ours to change.
      if (!copied) {
        headers = headers.slice();
        copied = true;
      }
      headers[i] = { key: h.key, value: Buffer.from(v.buffer, v.byteOffset, v.byteLength) };
    }
  }
  return headers.length === 0 ? null : headers;
}
