/**
 * Producer identity and transactions (KIP-98).
 *
 * Idempotence: a producer id and epoch from InitProducerId (any broker, or the
 * transaction coordinator with a transactional id); each partition numbers its batches
 * from sequence 0 (the sender assigns them). When the sequence of a partition can no
 * longer be trusted (a batch expired or failed after it may have reached the broker),
 * an idempotent producer gets a new producer id once nothing is in flight, and every
 * partition starts again from 0. Kafka bumps the epoch instead (KIP-360); a new id
 * gives the same guarantee for an idempotent producer, which has no state to carry over.
 *
 * Transactions follow Kafka's TransactionManager states:
 * UNINITIALIZED → (initTransactions) READY → (beginTransaction) IN_TRANSACTION →
 * (commit/abort) COMMITTING/ABORTING → READY. An error that spoils the transaction
 * (a failed batch, INVALID_TXN_STATE, a sequence gap) moves it to ABORTABLE_ERROR: only
 * abortTransaction() is allowed, and after it the epoch is bumped (InitProducerId again)
 * when sequences were disturbed. Fencing (PRODUCER_FENCED, INVALID_PRODUCER_EPOCH,
 * TRANSACTIONAL_ID_AUTHORIZATION_FAILED, ...) moves it to FATAL_ERROR: every later
 * operation fails with that error and the producer can only be closed.
 */
import {
  AddOffsetsToTxnRequest,
  type AddOffsetsToTxnResponse,
  AddPartitionsToTxnRequest,
  type AddPartitionsToTxnResponse,
  ApiKey,
  EndTxnRequest,
  type EndTxnResponse,
  ErrorCode,
  InitProducerIdRequest,
  type InitProducerIdResponse,
  TxnOffsetCommitRequest,
  type TxnOffsetCommitResponse,
} from '@gregor/protocol';
import { AddPartitionsToTxnTopic } from '@gregor/protocol/generated/messages/add-partitions-to-txn-request';
import {
  TxnOffsetCommitRequestPartition,
  TxnOffsetCommitRequestTopic,
} from '@gregor/protocol/generated/messages/txn-offset-commit-request';
import { KafkaError } from '../errors.js';
import { type Cluster, CoordinatorType } from '../network/cluster.js';
import type { TopicPartition } from '../types.js';
import type { PartitionQueue } from './accumulator.js';

export const TxnState = {
  UNINITIALIZED: 'UNINITIALIZED',
  INITIALIZING: 'INITIALIZING',
  READY: 'READY',
  IN_TRANSACTION: 'IN_TRANSACTION',
  COMMITTING: 'COMMITTING',
  ABORTING: 'ABORTING',
  ABORTABLE_ERROR: 'ABORTABLE_ERROR',
  FATAL_ERROR: 'FATAL_ERROR',
} as const;
export type TxnState = (typeof TxnState)[keyof typeof TxnState];

/** What the consumer's groupMetadata() returns, for sendOffsets (KIP-447). */
export interface ConsumerGroupMetadata {
  readonly groupId: string;
  readonly generationId: number;
  readonly memberId: string;
  readonly groupInstanceId?: string | null;
}

/** Codes that fence this producer for good. */
const FATAL_CODES: ReadonlySet<number> = new Set([
  ErrorCode.PRODUCER_FENCED,
  ErrorCode.INVALID_PRODUCER_EPOCH,
  ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED,
  ErrorCode.INVALID_PRODUCER_ID_MAPPING,
  ErrorCode.UNSUPPORTED_VERSION,
  ErrorCode.CLUSTER_AUTHORIZATION_FAILED,
]);

/** Coordinator answers worth retrying (after a new FindCoordinator for the first two). */
const COORDINATOR_MOVED: ReadonlySet<number> = new Set([
  ErrorCode.NOT_COORDINATOR,
  ErrorCode.COORDINATOR_NOT_AVAILABLE,
]);
const RETRY_LATER: ReadonlySet<number> = new Set([
  ErrorCode.COORDINATOR_LOAD_IN_PROGRESS,
  ErrorCode.CONCURRENT_TRANSACTIONS,
  ErrorCode.REQUEST_TIMED_OUT,
]);

/** Operations at the wrong moment (send outside a transaction, commit twice, ...). */
export class TransactionStateError extends KafkaError {
  override name = 'TransactionStateError';
  constructor(message: string) {
    super(ErrorCode.INVALID_TXN_STATE, message, { retriable: false });
  }
}

export interface TransactionManagerOptions {
  readonly idempotent: boolean;
  readonly transactionalId: string | null;
  readonly transactionTimeoutMs: number;
  readonly maxBlockMs: number;
}

export class TransactionManager {
  producerId = -1;
  producerEpoch = -1;
  state: TxnState = TxnState.UNINITIALIZED;
  /** Why the state is ABORTABLE_ERROR or FATAL_ERROR. */
  lastError: Error | null = null;
  /** Sequences are not trustworthy: get a new id/epoch before sending more. */
  resetNeeded = false;
  readonly idempotent: boolean;
  readonly transactionalId: string | null;
  private readonly options: TransactionManagerOptions;
  private readonly cluster: Cluster;
  private initializing: Promise<void> | null = null;
  private readonly toAdd = new Set<PartitionQueue>();
  private readonly added: PartitionQueue[] = [];
  /** The AddPartitionsToTxn loop in flight, if any: EndTxn waits for it. */
  private adding: Promise<void> | null = null;
  /** Something (partitions or offsets) joined the transaction: EndTxn is needed. */
  private transactionStarted = false;
  /** Called when the sender may proceed (producer id known, partitions added). */
  onProgress: () => void = () => {};

  constructor(cluster: Cluster, options: TransactionManagerOptions) {
    this.cluster = cluster;
    this.options = options;
    this.idempotent = options.idempotent || options.transactionalId !== null;
    this.transactionalId = options.transactionalId;
  }

  get transactional(): boolean {
    return this.transactionalId !== null;
  }

  /** True when batches may be stamped and sent now. */
  get producerIdReady(): boolean {
    return !this.idempotent || (this.producerId >= 0 && !this.resetNeeded);
  }

  /** Non-null when the producer is fenced or otherwise unusable. */
  get fatalError(): Error | null {
    return this.state === TxnState.FATAL_ERROR ? this.lastError : null;
  }

  /** For an idempotent, non-transactional producer: InitProducerId once (shared by callers). */
  ensureProducerId(): Promise<void> {
    if (!this.idempotent || this.transactional) return Promise.resolve();
    if (this.producerId >= 0 && !this.resetNeeded) return Promise.resolve();
    this.initializing ??= this.initProducerId(false).finally(() => {
      this.initializing = null;
    });
    return this.initializing;
  }

  /**
   * Gets a producer id (and epoch). With a transactional id this goes to the transaction
   * coordinator and fences older producers with the same id; without, any broker.
   */
  private async initProducerId(transactional: boolean): Promise<void> {
    const build = (): InitProducerIdRequest => {
      const request = new InitProducerIdRequest();
      request.transactionalId = this.transactionalId;
      request.transactionTimeoutMs = this.options.transactionTimeoutMs;
      return request;
    };
    const response = await this.cluster.retry(
      async () => {
        let r: InitProducerIdResponse;
        if (transactional) r = await this.coordinatorCall<InitProducerIdResponse>(ApiKey.InitProducerId, build);
        else {
          const connection = await this.cluster.anyConnection();
          r = await connection.request<InitProducerIdResponse>(ApiKey.InitProducerId, build());
        }
        this.check(r.errorCode, 'InitProducerId');
        return r;
      },
      { timeoutMs: this.options.maxBlockMs },
    );
    this.producerId = Number(response.producerId);
    this.producerEpoch = response.producerEpoch;
    this.resetNeeded = false;
    this.onProgress();
  }

  /** Throws a KafkaError for `code`, retriable when the coordinator moved or is busy. */
  private check(code: number, what: string): void {
    if (code === 0) return;
    if (COORDINATOR_MOVED.has(code) && this.transactionalId !== null) {
      this.cluster.invalidateCoordinator(CoordinatorType.TRANSACTION, this.transactionalId);
    }
    const retriable = COORDINATOR_MOVED.has(code) || RETRY_LATER.has(code);
    throw new KafkaError(code, `${what} for transactional id '${this.transactionalId ?? ''}'`, { retriable });
  }

  private coordinatorCall<Res extends object>(
    apiKey: number,
    build: (version: number) => object,
    maxVersion?: number,
  ): Promise<Res> {
    return this.cluster.coordinatorRequest<Res>(
      CoordinatorType.TRANSACTION,
      this.transactionalId as string,
      apiKey,
      build,
      maxVersion === undefined ? {} : { maxVersion },
    );
  }

  /** Moves to FATAL_ERROR when `error` fences the producer; returns true if so. */
  maybeFatal(error: unknown): boolean {
    if (error instanceof KafkaError && FATAL_CODES.has(error.code) && this.transactional) {
      this.fail(error);
      return true;
    }
    return false;
  }

  /** The producer cannot go on (fenced). */
  fail(error: Error): void {
    if (this.state === TxnState.FATAL_ERROR) return;
    this.state = TxnState.FATAL_ERROR;
    this.lastError = error;
  }

  /** The ongoing transaction cannot commit; only abort is left. */
  abortableError(error: Error): void {
    if (this.state === TxnState.IN_TRANSACTION || this.state === TxnState.COMMITTING) {
      this.state = TxnState.ABORTABLE_ERROR;
      this.lastError = error;
    }
  }

  /** Sequences were disturbed: an idempotent producer resets; a transactional one must abort and bump. */
  sequenceUnknown(error: Error): void {
    if (!this.idempotent) return;
    this.resetNeeded = true;
    if (this.transactional) this.abortableError(error);
  }

  /** Throws unless send() is allowed now. */
  checkSend(): void {
    if (this.state === TxnState.FATAL_ERROR) throw this.lastError as Error;
    if (!this.transactional) return;
    if (this.state === TxnState.ABORTABLE_ERROR) {
      throw new TransactionStateError(
        `the transaction must be aborted after an error: ${(this.lastError as Error).message}`,
      );
    }
    if (this.state !== TxnState.IN_TRANSACTION) {
      throw new TransactionStateError(
        `a transactional producer sends only inside a transaction (state ${this.state}; call beginTransaction() first)`,
      );
    }
  }

  async initTransactions(): Promise<void> {
    if (!this.transactional) throw new TransactionStateError('initTransactions() needs a transactionalId');
    if (this.state === TxnState.FATAL_ERROR) throw this.lastError as Error;
    if (this.state !== TxnState.UNINITIALIZED) {
      throw new TransactionStateError(`initTransactions() was already called (state ${this.state})`);
    }
    this.state = TxnState.INITIALIZING;
    try {
      await this.initProducerId(true);
    } catch (error) {
      if (!this.maybeFatal(error)) this.state = TxnState.UNINITIALIZED;
      throw error;
    }
    this.state = TxnState.READY;
  }

  beginTransaction(): void {
    if (!this.transactional) throw new TransactionStateError('beginTransaction() needs a transactionalId');
    if (this.state === TxnState.FATAL_ERROR) throw this.lastError as Error;
    if (this.state !== TxnState.READY) {
      throw new TransactionStateError(
        this.state === TxnState.UNINITIALIZED
          ? 'call initTransactions() before beginTransaction()'
          : `cannot begin a transaction in state ${this.state}`,
      );
    }
    this.state = TxnState.IN_TRANSACTION;
  }

  /** True when `queue` may send its batches in the ongoing transaction; else queues it for AddPartitionsToTxn. */
  partitionReady(queue: PartitionQueue): boolean {
    if (!this.transactional || queue.addedToTransaction) return true;
    if (this.state !== TxnState.IN_TRANSACTION && this.state !== TxnState.COMMITTING) return false;
    this.toAdd.add(queue);
    if (this.adding === null) this.adding = this.addPartitions();
    return false;
  }

  /** One AddPartitionsToTxn for every partition waiting, repeated while more arrive. */
  private async addPartitions(): Promise<void> {
    try {
      while (this.toAdd.size > 0 && this.state !== TxnState.FATAL_ERROR && this.state !== TxnState.ABORTABLE_ERROR) {
        const queues = [...this.toAdd];
        this.toAdd.clear();
        const byTopic = new Map<string, number[]>();
        for (const q of queues) {
          const list = byTopic.get(q.topic);
          if (list === undefined) byTopic.set(q.topic, [q.partition]);
          else list.push(q.partition);
        }
        try {
          await this.cluster.retry(
            async () => {
              const response = await this.coordinatorCall<AddPartitionsToTxnResponse>(
                ApiKey.AddPartitionsToTxn,
                () => {
                  const request = new AddPartitionsToTxnRequest();
                  request.v3AndBelowTransactionalId = this.transactionalId as string;
                  request.v3AndBelowProducerId = BigInt(this.producerId);
                  request.v3AndBelowProducerEpoch = this.producerEpoch;
                  request.v3AndBelowTopics = [...byTopic].map(([name, partitions]) => {
                    const t = new AddPartitionsToTxnTopic();
                    t.name = name;
                    t.partitions = partitions;
                    return t;
                  });
                  return request;
                },
                // v4+ is the broker-to-broker form (KIP-890).
                3,
              );
              // A partition error other than OPERATION_NOT_ATTEMPTED names the cause.
              let code = 0;
              for (const topic of response.resultsByTopicV3AndBelow) {
                for (const p of topic.resultsByPartition) {
                  if (p.partitionErrorCode !== 0 && (code === 0 || code === ErrorCode.OPERATION_NOT_ATTEMPTED)) {
                    code = p.partitionErrorCode;
                  }
                }
              }
              this.check(code, 'AddPartitionsToTxn');
            },
            { timeoutMs: this.options.maxBlockMs },
          );
          for (const q of queues) {
            q.addedToTransaction = true;
            this.added.push(q);
          }
          this.transactionStarted = true;
        } catch (error) {
          if (!this.maybeFatal(error)) this.abortableError(error as Error);
        }
        this.onProgress();
      }
    } finally {
      this.adding = null;
    }
  }

  /** AddOffsetsToTxn to the transaction coordinator, then TxnOffsetCommit to the group coordinator. */
  async sendOffsets(
    offsets: ReadonlyArray<TopicPartition & { offset: number; metadata?: string }>,
    group: string | ConsumerGroupMetadata,
  ): Promise<void> {
    if (!this.transactional) throw new TransactionStateError('sendOffsets() needs a transactionalId');
    this.checkSend();
    const metadata: ConsumerGroupMetadata =
      typeof group === 'string' ? { groupId: group, generationId: -1, memberId: '', groupInstanceId: null } : group;
    if (typeof metadata.groupId !== 'string' || metadata.groupId === '') {
      throw new TransactionStateError('sendOffsets needs a group id');
    }
    for (const o of offsets) {
      if (!Number.isSafeInteger(o.offset) || o.offset < 0) {
        throw new TransactionStateError(`offset ${o.offset} for ${o.topic}-${o.partition} is not a valid offset`);
      }
    }
    try {
      await this.cluster.retry(
        async () => {
          const response = await this.coordinatorCall<AddOffsetsToTxnResponse>(ApiKey.AddOffsetsToTxn, () => {
            const request = new AddOffsetsToTxnRequest();
            request.transactionalId = this.transactionalId as string;
            request.producerId = BigInt(this.producerId);
            request.producerEpoch = this.producerEpoch;
            request.groupId = metadata.groupId;
            return request;
          });
          this.check(response.errorCode, 'AddOffsetsToTxn');
        },
        { timeoutMs: this.options.maxBlockMs },
      );
      this.transactionStarted = true;
      const byTopic = new Map<string, TxnOffsetCommitRequestPartition[]>();
      for (const o of offsets) {
        const p = new TxnOffsetCommitRequestPartition();
        p.partitionIndex = o.partition;
        p.committedOffset = BigInt(o.offset);
        p.committedMetadata = o.metadata ?? '';
        const list = byTopic.get(o.topic);
        if (list === undefined) byTopic.set(o.topic, [p]);
        else list.push(p);
      }
      await this.cluster.retry(
        async () => {
          const response = await this.cluster.coordinatorRequest<TxnOffsetCommitResponse>(
            CoordinatorType.GROUP,
            metadata.groupId,
            ApiKey.TxnOffsetCommit,
            () => {
              const request = new TxnOffsetCommitRequest();
              request.transactionalId = this.transactionalId as string;
              request.groupId = metadata.groupId;
              request.producerId = BigInt(this.producerId);
              request.producerEpoch = this.producerEpoch;
              request.generationId = metadata.generationId;
              request.memberId = metadata.memberId;
              request.groupInstanceId = metadata.groupInstanceId ?? null;
              request.topics = [...byTopic].map(([name, partitions]) => {
                const t = new TxnOffsetCommitRequestTopic();
                t.name = name;
                t.partitions = partitions;
                return t;
              });
              return request;
            },
          );
          let code = 0;
          for (const t of response.topics) for (const p of t.partitions) if (p.errorCode !== 0) code = p.errorCode;
          if (COORDINATOR_MOVED.has(code)) this.cluster.invalidateCoordinator(CoordinatorType.GROUP, metadata.groupId);
          if (code !== 0) {
            throw new KafkaError(code, `TxnOffsetCommit for group '${metadata.groupId}'`, {
              retriable:
                COORDINATOR_MOVED.has(code) || RETRY_LATER.has(code) || code === ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
            });
          }
        },
        { timeoutMs: this.options.maxBlockMs },
      );
    } catch (error) {
      if (!this.maybeFatal(error)) this.abortableError(error as Error);
      throw error;
    }
  }

  /** Checks that commit/abort is allowed now and moves to COMMITTING/ABORTING. */
  beginEnd(commit: boolean): void {
    if (!this.transactional) throw new TransactionStateError('transactions need a transactionalId');
    if (this.state === TxnState.FATAL_ERROR) throw this.lastError as Error;
    if (commit && this.state === TxnState.ABORTABLE_ERROR) {
      throw new TransactionStateError(
        `cannot commit: the transaction must be aborted after an error: ${(this.lastError as Error).message}`,
      );
    }
    if (this.state !== TxnState.IN_TRANSACTION && !(this.state === TxnState.ABORTABLE_ERROR && !commit)) {
      throw new TransactionStateError(
        `cannot ${commit ? 'commit' : 'abort'}: no transaction in progress (state ${this.state})`,
      );
    }
    this.state = commit ? TxnState.COMMITTING : TxnState.ABORTING;
  }

  /** EndTxn (when anything joined the transaction), then READY again; bumps the epoch if sequences were disturbed. */
  async endTransaction(commit: boolean): Promise<void> {
    try {
      if (commit && this.state !== TxnState.COMMITTING) {
        // A batch failed while flushing: the transaction can only be aborted now.
        throw new TransactionStateError(
          `cannot commit: the transaction must be aborted after an error: ${this.lastError?.message ?? ''}`,
        );
      }
      // A partition being added joins the broker's transaction even if its records were
      // failed meanwhile (abort): wait for the answer, so that EndTxn is sent when it did.
      if (this.adding !== null) await this.adding;
      if (this.transactionStarted) {
        await this.cluster.retry(
          async () => {
            const response = await this.coordinatorCall<EndTxnResponse>(ApiKey.EndTxn, () => {
              const request = new EndTxnRequest();
              request.transactionalId = this.transactionalId as string;
              request.producerId = BigInt(this.producerId);
              request.producerEpoch = this.producerEpoch;
              request.committed = commit;
              return request;
            });
            this.check(response.errorCode, commit ? 'EndTxn(commit)' : 'EndTxn(abort)');
          },
          { timeoutMs: this.options.maxBlockMs },
        );
      }
    } catch (error) {
      if (!this.maybeFatal(error)) {
        if (commit) this.abortableError(error as Error);
        else if (this.state === TxnState.ABORTING) {
          // The abort may be tried again (as after a failed commit, only abort is left).
          this.state = TxnState.ABORTABLE_ERROR;
          this.lastError = error as Error;
        }
      }
      throw error;
    }
    for (const q of this.added) q.addedToTransaction = false;
    this.added.length = 0;
    this.toAdd.clear();
    this.transactionStarted = false;
    this.lastError = null;
    if (this.resetNeeded) {
      // Sequences of this epoch are spoiled: a new epoch from the coordinator (which also
      // ends anything left of this transaction) starts every partition at 0 again.
      this.state = TxnState.INITIALIZING;
      try {
        await this.initProducerId(true);
      } catch (error) {
        this.fail(error as Error);
        throw error;
      }
    }
    this.state = TxnState.READY;
  }
}
