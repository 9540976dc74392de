/**
 * The transaction coordinator (KIP-98, as Kafka's TransactionCoordinator and
 * TransactionStateManager): per transactional id its producer id, epoch, timeout, state
 * and partitions, kept in memory and written to `__transaction_state` (Kafka's record
 * format) before any answer depends on it.
 *
 * - InitProducerId: a new id gets a producer id at epoch 0; a known one is bumped
 *   (fencing older producers), after an open transaction is aborted first (the answer
 *   is CONCURRENT_TRANSACTIONS meanwhile and the client retries, as in Kafka).
 * - AddPartitionsToTxn / AddOffsetsToTxn: the partitions join the transaction (Ongoing).
 * - EndTxn: PrepareCommit/PrepareAbort is written, markers go to every partition of the
 *   transaction, then CompleteCommit/CompleteAbort is written. Gregor answers after the
 *   Complete write (Kafka answers after Prepare): the client's next transaction then
 *   never meets CONCURRENT_TRANSACTIONS.
 * - A transaction open longer than its timeout is aborted with a bumped epoch
 *   (PrepareEpochFence), so its producer is fenced (Kafka's abortTimedOutTransactions).
 * - After a load, transactions found in PrepareCommit/PrepareAbort are completed.
 * - Ids idle past transactional.id.expiration.ms become Dead and are tombstoned.
 *
 * Errors of a stale producer are PRODUCER_FENCED; handlers map it to
 * INVALID_PRODUCER_EPOCH for the request versions that predate KIP-588.
 */
import { ErrorCode } from '@gregor/protocol';
import type { TxnLogEntry } from './records.js';
import type { TxnMetadata } from './transaction-metadata.js';
import { isValidTransition, MAX_PRODUCER_EPOCH, TxnState } from './transaction-metadata.js';

export interface TxnMarkerRequest {
  producerId: number;
  producerEpoch: number;
  coordinatorEpoch: number;
  isAborted: boolean;
}

/** What the coordinator needs from the broker. */
export interface TxnBackend {
  /** The partition of `__transaction_state` holding `transactionalId`. */
  partitionFor(transactionalId: string): number;
  /** Durably appends a record (null value: tombstone); rejects with a TxnWriteError. */
  append(partition: number, transactionalId: string, entry: TxnLogEntry | null): Promise<void>;
  /** The leader epoch of a `__transaction_state` partition (the markers' coordinator epoch). */
  coordinatorEpoch(partition: number): number;
  newProducerId(): Promise<number>;
  /** Writes a marker to one partition; resolves with an error code. */
  writeMarker(topic: string, partition: number, marker: TxnMarkerRequest): Promise<number>;
}

export class TxnWriteError extends Error {
  override name = 'TxnWriteError';
  constructor(
    readonly errorCode: number,
    message: string,
  ) {
    super(message);
  }
}

export interface TxnCoordinatorConfig {
  /** transaction.max.timeout.ms */
  maxTimeoutMs: number;
  now?: () => number;
}

export interface InitResult {
  errorCode: number;
  producerId: number;
  producerEpoch: number;
}

const MARKER_ATTEMPTS = 5;
const MARKER_RETRY_MS = 50;
/** Between rounds of markers that did not all get written (the leader moving, say). */
const MARKER_ROUND_RETRY_MS = 1_000;

export class TransactionCoordinator {
  private readonly txns = new Map<string, TxnMetadata>();
  private readonly byProducerId = new Map<number, TxnMetadata>();
  private readonly now: () => number;
  private readonly completing = new Set<Promise<void>>();
  private readonly retryTimers = new Set<ReturnType<typeof setTimeout>>();
  private closed = false;

  constructor(
    private readonly backend: TxnBackend,
    private readonly config: TxnCoordinatorConfig,
  ) {
    this.now = config.now ?? Date.now;
  }

  get(transactionalId: string): TxnMetadata | undefined {
    return this.txns.get(transactionalId);
  }

  all(): IterableIterator<TxnMetadata> {
    return this.txns.values();
  }

  /** The transaction of a producer id, if any (the Produce check of KIP-890 part 1). */
  byProducer(producerId: number): TxnMetadata | undefined {
    return this.byProducerId.get(producerId);
  }

  /** Replays one record of `__transaction_state` (null entry: tombstone). */
  loadRecord(partition: number, transactionalId: string, entry: TxnLogEntry | null): void {
    const old = this.txns.get(transactionalId);
    if (old !== undefined && this.byProducerId.get(old.producerId) === old) this.byProducerId.delete(old.producerId);
    if (entry === null) {
      this.txns.delete(transactionalId);
      return;
    }
    const m: TxnMetadata = {
      transactionalId,
      producerId: entry.producerId,
      producerEpoch: entry.producerEpoch,
      lastProducerEpoch: -1,
      timeoutMs: entry.timeoutMs,
      state: entry.state,
      partitions: entry.partitions,
      startTimestampMs: entry.startTimestampMs,
      lastUpdateTimestampMs: entry.lastUpdateTimestampMs,
      pending: false,
      partition,
    };
    this.txns.set(transactionalId, m);
    this.byProducerId.set(m.producerId, m);
  }

  /** Forgets the ids of a partition no longer led here. */
  unloadPartition(partition: number): void {
    for (const [id, m] of this.txns) {
      if (m.partition !== partition) continue;
      this.txns.delete(id);
      if (this.byProducerId.get(m.producerId) === m) this.byProducerId.delete(m.producerId);
    }
  }

  /** After a load: transactions left in a Prepare state get their markers and completion. */
  completeLoaded(partition: number): void {
    for (const m of this.txns.values()) {
      if (m.partition !== partition) continue;
      if (m.state === TxnState.PREPARE_COMMIT || m.state === TxnState.PREPARE_ABORT) this.track(this.complete(m));
    }
  }

  async initProducerId(
    transactionalId: string,
    timeoutMs: number,
    expectedProducerId = -1,
    expectedEpoch = -1,
  ): Promise<InitResult> {
    if (timeoutMs <= 0 || timeoutMs > this.config.maxTimeoutMs) return fail(ErrorCode.INVALID_TRANSACTION_TIMEOUT);
    let m = this.txns.get(transactionalId);
    if (m === undefined) {
      const partition = this.backend.partitionFor(transactionalId);
      const placeholder: TxnMetadata = {
        transactionalId,
        producerId: -1,
        producerEpoch: -1,
        lastProducerEpoch: -1,
        timeoutMs,
        state: TxnState.EMPTY,
        partitions: new Map(),
        startTimestampMs: -1,
        lastUpdateTimestampMs: this.now(),
        pending: true,
        partition,
      };
      this.txns.set(transactionalId, placeholder);
      let producerId: number;
      try {
        producerId = await this.backend.newProducerId();
      } catch {
        this.txns.delete(transactionalId);
        return fail(ErrorCode.COORDINATOR_LOAD_IN_PROGRESS);
      }
      const entry = this.entryOf(placeholder, TxnState.EMPTY, { producerId, producerEpoch: 0, timeoutMs });
      const error = await this.write(placeholder, entry, true);
      if (error !== ErrorCode.NONE) {
        this.txns.delete(transactionalId);
        return fail(error);
      }
      return { errorCode: ErrorCode.NONE, producerId, producerEpoch: 0 };
    }
    if (m.pending) return fail(ErrorCode.CONCURRENT_TRANSACTIONS);
    if (expectedProducerId >= 0) {
      // KIP-360: a producer that knows its id and epoch may bump only from them.
      const isRetry = expectedProducerId === m.producerId && expectedEpoch === m.lastProducerEpoch;
      if (
        isRetry &&
        (m.state === TxnState.EMPTY || m.state === TxnState.COMPLETE_ABORT || m.state === TxnState.COMPLETE_COMMIT)
      )
        return { errorCode: ErrorCode.NONE, producerId: m.producerId, producerEpoch: m.producerEpoch };
      if (expectedProducerId !== m.producerId || expectedEpoch !== m.producerEpoch)
        return fail(ErrorCode.PRODUCER_FENCED);
    }
    switch (m.state) {
      case TxnState.PREPARE_COMMIT:
      case TxnState.PREPARE_ABORT:
      case TxnState.PREPARE_EPOCH_FENCE:
        return fail(ErrorCode.CONCURRENT_TRANSACTIONS);
      case TxnState.ONGOING:
        // Kafka: fence the open transaction (abort with a bumped epoch); the client retries.
        this.track(this.abortWithBump(m));
        return fail(ErrorCode.CONCURRENT_TRANSACTIONS);
      default: {
        m = m as TxnMetadata;
        let producerId = m.producerId;
        let producerEpoch = m.producerEpoch + 1;
        if (m.producerEpoch >= MAX_PRODUCER_EPOCH) {
          m.pending = true;
          try {
            producerId = await this.backend.newProducerId();
          } catch {
            m.pending = false;
            return fail(ErrorCode.COORDINATOR_LOAD_IN_PROGRESS);
          }
          m.pending = false;
          producerEpoch = 0;
        }
        const previousEpoch = m.producerEpoch;
        const error = await this.write(m, this.entryOf(m, TxnState.EMPTY, { producerId, producerEpoch, timeoutMs }));
        if (error !== ErrorCode.NONE) return fail(error);
        m.lastProducerEpoch = producerId === m.producerId ? previousEpoch : -1;
        return { errorCode: ErrorCode.NONE, producerId: m.producerId, producerEpoch: m.producerEpoch };
      }
    }
  }

  /** AddPartitionsToTxn (and AddOffsetsToTxn with the group's offsets partition). */
  async addPartitions(
    transactionalId: string,
    producerId: number,
    producerEpoch: number,
    partitions: readonly (readonly [string, number])[],
  ): Promise<number> {
    const m = this.txns.get(transactionalId);
    const check = this.checkProducer(m, producerId, producerEpoch);
    if (check !== ErrorCode.NONE || m === undefined) return check;
    if (m.pending) return ErrorCode.CONCURRENT_TRANSACTIONS;
    switch (m.state) {
      case TxnState.PREPARE_COMMIT:
      case TxnState.PREPARE_ABORT:
      case TxnState.PREPARE_EPOCH_FENCE:
        return ErrorCode.CONCURRENT_TRANSACTIONS;
      case TxnState.DEAD:
        return ErrorCode.INVALID_PRODUCER_ID_MAPPING;
    }
    let missing = false;
    for (const [topic, p] of partitions) if (m.partitions.get(topic)?.has(p) !== true) missing = true;
    if (!missing && m.state === TxnState.ONGOING) return ErrorCode.NONE;
    const merged = new Map<string, Set<number>>();
    if (m.state === TxnState.ONGOING) for (const [t, ps] of m.partitions) merged.set(t, new Set(ps));
    for (const [topic, p] of partitions) {
      let set = merged.get(topic);
      if (set === undefined) {
        set = new Set();
        merged.set(topic, set);
      }
      set.add(p);
    }
    const start = m.state === TxnState.ONGOING ? m.startTimestampMs : this.now();
    return this.write(m, this.entryOf(m, TxnState.ONGOING, { partitions: merged, startTimestampMs: start }));
  }

  /** EndTxn: resolves once the transaction is complete (markers written everywhere). */
  async endTxn(transactionalId: string, producerId: number, producerEpoch: number, commit: boolean): Promise<number> {
    const m = this.txns.get(transactionalId);
    const check = this.checkProducer(m, producerId, producerEpoch);
    if (check !== ErrorCode.NONE || m === undefined) return check;
    if (m.pending) return ErrorCode.CONCURRENT_TRANSACTIONS;
    switch (m.state) {
      case TxnState.ONGOING: {
        const prepare = commit ? TxnState.PREPARE_COMMIT : TxnState.PREPARE_ABORT;
        const error = await this.write(m, this.entryOf(m, prepare, {}));
        if (error !== ErrorCode.NONE) return error;
        await this.track(this.complete(m));
        return ErrorCode.NONE;
      }
      case TxnState.COMPLETE_COMMIT:
        return commit ? ErrorCode.NONE : ErrorCode.INVALID_TXN_STATE;
      case TxnState.COMPLETE_ABORT:
        return commit ? ErrorCode.INVALID_TXN_STATE : ErrorCode.NONE;
      case TxnState.PREPARE_COMMIT:
        return commit ? ErrorCode.CONCURRENT_TRANSACTIONS : ErrorCode.INVALID_TXN_STATE;
      case TxnState.PREPARE_ABORT:
        return commit ? ErrorCode.INVALID_TXN_STATE : ErrorCode.CONCURRENT_TRANSACTIONS;
      case TxnState.PREPARE_EPOCH_FENCE:
        return ErrorCode.CONCURRENT_TRANSACTIONS;
      default:
        return ErrorCode.INVALID_TXN_STATE;
    }
  }

  /**
   * Aborts (with an epoch bump) every transaction open longer than its timeout, and retries
   * the completion of transactions stuck in a Prepare state (Kafka's
   * abortTimedOutTransactions, run every transaction.abort.timed.out.transaction.cleanup.interval.ms).
   */
  checkTimeouts(): void {
    const now = this.now();
    for (const m of this.txns.values()) {
      if (m.pending) continue;
      if (m.state === TxnState.ONGOING && now - m.startTimestampMs > m.timeoutMs) this.track(this.abortWithBump(m));
      else if (m.state === TxnState.PREPARE_COMMIT || m.state === TxnState.PREPARE_ABORT) this.track(this.complete(m));
    }
  }

  /**
   * Forgets transactional ids idle for `expirationMs` (transactional.id.expiration.ms) in
   * Empty, CompleteCommit or CompleteAbort: Dead, written as a tombstone, then removed
   * (Kafka's removeExpiredTransactionalIds). Resolves with how many were removed.
   */
  async expireTransactionalIds(expirationMs: number): Promise<number> {
    const now = this.now();
    const expired: TxnMetadata[] = [];
    for (const m of this.txns.values()) {
      if (m.pending || now - m.lastUpdateTimestampMs < expirationMs) continue;
      if (isValidTransition(m.state, TxnState.DEAD)) expired.push(m);
    }
    let removed = 0;
    for (const m of expired) {
      if (m.pending || this.txns.get(m.transactionalId) !== m) continue;
      m.pending = true;
      try {
        await this.backend.append(m.partition, m.transactionalId, null);
      } catch (e) {
        m.pending = false;
        if (e instanceof TxnWriteError) continue;
        throw e;
      }
      m.state = TxnState.DEAD;
      this.txns.delete(m.transactionalId);
      if (this.byProducerId.get(m.producerId) === m) this.byProducerId.delete(m.producerId);
      removed++;
    }
    return removed;
  }

  /** Stops retrying markers (the broker is stopping); rounds in flight end at their next attempt. */
  close(): void {
    this.closed = true;
    for (const t of this.retryTimers) clearTimeout(t);
    this.retryTimers.clear();
  }

  /** Waits for marker rounds in flight (stop, tests). */
  async idle(): Promise<void> {
    while (this.completing.size > 0) await Promise.all([...this.completing]);
  }

  // ------------------------------------------------------------------------------------

  private track(p: Promise<void>): Promise<void> {
    const tracked = p.finally(() => this.completing.delete(tracked));
    this.completing.add(tracked);
    return tracked;
  }

  private checkProducer(m: TxnMetadata | undefined, producerId: number, producerEpoch: number): number {
    if (m === undefined || m.producerId < 0) return ErrorCode.TRANSACTIONAL_ID_NOT_FOUND;
    if (m.producerId !== producerId) return ErrorCode.INVALID_PRODUCER_ID_MAPPING;
    if (producerEpoch !== m.producerEpoch) return ErrorCode.PRODUCER_FENCED;
    return ErrorCode.NONE;
  }

  /** Kafka's fenceProducerEpoch + abort: PrepareAbort at epoch + 1, markers with it, CompleteAbort. */
  private async abortWithBump(m: TxnMetadata): Promise<void> {
    if (m.pending || m.state !== TxnState.ONGOING) return;
    const epoch = m.producerEpoch < MAX_PRODUCER_EPOCH ? m.producerEpoch + 1 : m.producerEpoch;
    const error = await this.write(m, this.entryOf(m, TxnState.PREPARE_ABORT, { producerEpoch: epoch }));
    if (error !== ErrorCode.NONE) return;
    await this.complete(m);
  }

  /** Writes the markers of a prepared transaction, then its Complete state. */
  private async complete(m: TxnMetadata): Promise<void> {
    if (m.pending) return;
    const isAborted = m.state === TxnState.PREPARE_ABORT;
    if (!isAborted && m.state !== TxnState.PREPARE_COMMIT) return;
    m.pending = true;
    let allWritten = true;
    try {
      const marker: TxnMarkerRequest = {
        producerId: m.producerId,
        producerEpoch: m.producerEpoch,
        coordinatorEpoch: this.backend.coordinatorEpoch(m.partition),
        isAborted,
      };
      const writes: Promise<boolean>[] = [];
      for (const [topic, ps] of m.partitions) for (const p of ps) writes.push(this.writeMarker(m, topic, p, marker));
      for (const ok of await Promise.all(writes)) if (!ok) allWritten = false;
    } finally {
      m.pending = false;
    }
    // Left in its Prepare state otherwise, and tried again until every marker is written
    // or this coordinator no longer holds the transaction (Kafka's marker channel).
    if (!allWritten) {
      this.retryLater(m);
      return;
    }
    await this.write(
      m,
      this.entryOf(m, isAborted ? TxnState.COMPLETE_ABORT : TxnState.COMPLETE_COMMIT, { partitions: new Map() }),
    );
  }

  /** Another round of markers for `m` after a pause, while this coordinator still holds it. */
  private retryLater(m: TxnMetadata): void {
    if (!this.holds(m)) return;
    const timer = setTimeout(() => {
      this.retryTimers.delete(timer);
      if (this.holds(m)) this.track(this.complete(m)).catch(() => undefined);
    }, MARKER_ROUND_RETRY_MS);
    timer.unref?.();
    this.retryTimers.add(timer);
  }

  /** False once closed or once `m`'s partition was unloaded (another coordinator takes over). */
  private holds(m: TxnMetadata): boolean {
    return !this.closed && this.txns.get(m.transactionalId) === m;
  }

  private async writeMarker(
    m: TxnMetadata,
    topic: string,
    partition: number,
    marker: TxnMarkerRequest,
  ): Promise<boolean> {
    for (let attempt = 0; ; attempt++) {
      const error = await this.backend
        .writeMarker(topic, partition, marker)
        .catch(() => ErrorCode.UNKNOWN_SERVER_ERROR);
      // A deleted partition needs no marker; a producer already past this epoch has its answer.
      if (
        error === ErrorCode.NONE ||
        error === ErrorCode.UNKNOWN_TOPIC_OR_PARTITION ||
        error === ErrorCode.INVALID_PRODUCER_EPOCH
      )
        return true;
      // A newer coordinator has written to this partition: this one is about to lose the
      // transaction (Kafka stops sending).
      if (error === ErrorCode.TRANSACTION_COORDINATOR_FENCED) return false;
      if (attempt + 1 >= MARKER_ATTEMPTS || !this.holds(m)) return false;
      await new Promise((resolve) => setTimeout(resolve, MARKER_RETRY_MS * (attempt + 1)));
    }
  }

  private entryOf(
    m: TxnMetadata,
    state: TxnState,
    change: Partial<
      Pick<TxnLogEntry, 'producerId' | 'producerEpoch' | 'timeoutMs' | 'partitions' | 'startTimestampMs'>
    >,
  ): TxnLogEntry {
    const partitions = change.partitions ?? (state === TxnState.EMPTY ? new Map() : m.partitions);
    return {
      producerId: change.producerId ?? m.producerId,
      producerEpoch: change.producerEpoch ?? m.producerEpoch,
      timeoutMs: change.timeoutMs ?? m.timeoutMs,
      state,
      partitions,
      lastUpdateTimestampMs: this.now(),
      startTimestampMs: change.startTimestampMs ?? (state === TxnState.EMPTY ? -1 : m.startTimestampMs),
    };
  }

  /**
   * Writes `entry` durably, then applies it (Kafka's pendingState: nothing else may change
   * the id meanwhile). `fresh`: the id has no state yet. Returns an error code.
   */
  private async write(m: TxnMetadata, entry: TxnLogEntry, fresh = false): Promise<number> {
    if (!fresh && !isValidTransition(m.state, entry.state))
      throw new Error(`invalid transaction state transition ${m.state} -> ${entry.state} of ${m.transactionalId}`);
    m.pending = true;
    try {
      await this.backend.append(m.partition, m.transactionalId, entry);
    } catch (e) {
      m.pending = false;
      if (e instanceof TxnWriteError)
        return e.errorCode === ErrorCode.NOT_LEADER_OR_FOLLOWER
          ? ErrorCode.NOT_COORDINATOR
          : ErrorCode.COORDINATOR_NOT_AVAILABLE;
      throw e;
    }
    m.pending = false;
    if (this.byProducerId.get(m.producerId) === m) this.byProducerId.delete(m.producerId);
    m.producerId = entry.producerId;
    m.producerEpoch = entry.producerEpoch;
    m.timeoutMs = entry.timeoutMs;
    m.state = entry.state;
    m.partitions = entry.partitions;
    m.startTimestampMs = entry.startTimestampMs;
    m.lastUpdateTimestampMs = entry.lastUpdateTimestampMs;
    this.byProducerId.set(m.producerId, m);
    return ErrorCode.NONE;
  }
}

function fail(errorCode: number): InitResult {
  return { errorCode, producerId: -1, producerEpoch: -1 };
}
