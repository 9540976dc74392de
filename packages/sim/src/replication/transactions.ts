/**
 * Transactions and a read_committed consumer in the replication simulation.
 *
 * Transactional producers (KIP-98), each its own producer id: a transaction writes 1-3
 * transactional batches (acks=-1, one in flight, each retried with the same sequence
 * until acknowledged) to 1-3 partitions, then is decided (commit or abort, from the
 * seed), the decision is recorded with the checker, and the producer, acting as its
 * transaction coordinator, writes the COMMIT or ABORT marker to every partition it
 * touched on that partition's current leader, each retried until acknowledged: once
 * decided, a transaction's markers are written, whatever fails meanwhile. Each
 * transaction uses the next producer epoch (as KIP-890's transactions v2 bump the epoch
 * at every transaction end), so that a marker or batch the network delayed or duplicated
 * is fenced (INVALID_PRODUCER_EPOCH) instead of ending or reopening a later transaction;
 * sequences start at 0 per partition in every epoch. When the producers stop (the heal),
 * an open transaction still gets its batch in flight acknowledged (a batch abandoned in
 * flight could land after the abort marker and hang the partition, KIP-890's hanging
 * transaction) and is then aborted: none is left open.
 *
 * The consumer (one loop per partition, one network node) reads with isolation
 * read_committed from the partition leader it learns from metadata, through a Fetch v17
 * served by the broker's own consumer read (partition/consumer-read.ts), and filters as
 * Kafka's Java consumer does (CompletedFetch): control batches are skipped; a batch of a
 * producer listed in abortedTransactions, from that entry's first offset on, is skipped
 * until that producer's ABORT marker. Errors: NOT_LEADER_OR_FOLLOWER, FENCED_LEADER_EPOCH,
 * UNKNOWN_LEADER_EPOCH and no answer refresh the metadata and retry; OFFSET_OUT_OF_RANGE
 * resets the position to the latest offset (auto.offset.reset=latest: for read_committed
 * the last stable offset), as the Java consumer does; the checker then sees the committed
 * records skipped.
 */
import { IsolationLevel } from '@gregor/broker/internals/partition/consumer-read';
import {
  buildRecordBatch,
  ControlRecordType,
  decodeMessage,
  ErrorCode,
  encodeMessage,
  FetchRequest,
  FetchResponse,
  RecordBatchView,
  readAllRecords,
  readControlBatch,
} from '@gregor/protocol';
import { FetchPartition, FetchTopic } from '@gregor/protocol/generated/messages/fetch-request';
import type { SimEndpoint } from '../network.js';
import type { SeededRandom } from '../random.js';
import type { SimScheduler, TimerScope } from '../scheduler.js';
import type { ReplicationChecker } from './checker.js';
import type { ReplicationCluster, SimRequest, SimResponse } from './cluster.js';
import { ReplicationBug, TOPIC } from './cluster.js';
import { sleep } from './process-slot.js';
import type { TxnRequest, TxnResponse } from './transaction-requests.js';
import { CONSUMER_FETCH_VERSION } from './transaction-requests.js';
import { TransactionChecker } from './transactions-checker.js';

/** Transactional producers' ids (as InitProducerId would hand out): this plus the producer's node id. */
const TXN_PRODUCER_ID_BASE = 7000;
/** Node ids: transactional producers from here, the consumer at CONSUMER_NODE. */
const FIRST_TXN_PRODUCER = 200;
const CONSUMER_NODE = 300;
const COORDINATOR_EPOCH = 0;

export interface TransactionStats {
  transactions: number;
  committed: number;
  aborted: number;
  delivered: number;
}

interface ConsumerState {
  position: number;
  /** The broker whose answer was last read (-1: none yet). */
  lastServedBy: number;
}

export class TransactionWorkload {
  readonly stats: TransactionStats = { transactions: 0, committed: 0, aborted: 0, delivered: 0 };
  private readonly scope: TimerScope;
  private stopped = false;
  private running = 0;
  private readonly consumers: ConsumerState[] = [];

  constructor(
    private readonly scheduler: SimScheduler,
    private readonly cluster: ReplicationCluster,
    private readonly checker: TransactionChecker,
    private readonly replication: ReplicationChecker,
  ) {
    this.scope = scheduler.scope();
  }

  /** Transactional producer `node`: transactions until stopped, `gapMs()` apart, `lingerMs()` between a transaction's steps. */
  startProducer(node: number, random: SeededRandom, gapMs: () => number, lingerMs: () => number): void {
    const endpoint = this.cluster.addProducer(node);
    const producerId = TXN_PRODUCER_ID_BASE + node;
    this.running++;
    (async () => {
      let valueSeq = 0;
      for (let n = 0; !this.stopped; n++) {
        const key = `T${node}.${n}`;
        const producerEpoch = n;
        this.checker.begin(key, producerId, producerEpoch);
        this.stats.transactions++;
        const touched: number[] = [];
        const sequences = new Map<number, number>();
        const batches = random.between(1, 3);
        for (let b = 0; b < batches && !this.stopped; b++) {
          // Transactions stay open a while (across faults and failovers), as an application's do.
          if (b > 0) await sleep(this.scope, lingerMs());
          const partition = random.int(this.cluster.config.partitions);
          const values = Array.from({ length: random.between(1, 3) }, () => `t${node}-${valueSeq++}`);
          const baseSequence = sequences.get(partition) ?? 0;
          sequences.set(partition, baseSequence + values.length);
          this.checker.addValues(key, values);
          if (!touched.includes(partition)) touched.push(partition);
          const batch = buildRecordBatch({
            records: values.map((v, i) => ({
              key: null,
              value: v,
              headers: [],
              timestamp: this.scheduler.now(),
              offsetDelta: i,
            })),
            producerId,
            producerEpoch,
            baseSequence,
            transactional: true,
          });
          const timeoutMs = this.cluster.config.produceTimeoutMs;
          const r = await this.untilAcknowledged(node, endpoint, partition, () => ({
            kind: 'txn-produce',
            topic: TOPIC,
            partition,
            batch,
            timeoutMs,
            producer: { producerId, producerEpoch, baseSequence, lastSequence: baseSequence + values.length - 1 },
          }));
          const tp = `${TOPIC}-${partition}`;
          const baseOffset = r.kind === 'txn-produce' ? r.baseOffset : -1;
          this.scheduler.trace(`ack ${tp} offset ${baseOffset} [${values.join(',')}] (transaction ${key})`);
          this.replication.acknowledge({ tp, baseOffset, values, atMs: this.scheduler.now() });
        }
        if (!this.stopped) await sleep(this.scope, lingerMs());
        // Decided (and recorded) before any marker: from here the markers must be written.
        const commit = !this.stopped && random.chance(0.6);
        this.checker.decide(key, commit);
        if (commit) this.stats.committed++;
        else this.stats.aborted++;
        this.scheduler.trace(
          `transaction ${key} (producer ${producerId} epoch ${producerEpoch}) decided ${commit ? 'COMMIT' : 'ABORT'}; markers to partitions [${touched.join(',')}]`,
        );
        await Promise.all(
          touched.map(async (partition) => {
            const r = await this.untilAcknowledged(node, endpoint, partition, () => ({
              kind: 'txn-marker',
              topic: TOPIC,
              partition,
              producerId,
              producerEpoch,
              coordinatorEpoch: COORDINATOR_EPOCH,
              commit,
              timestamp: this.scheduler.now(),
              timeoutMs: this.cluster.config.produceTimeoutMs,
            }));
            this.scheduler.trace(
              `marker ${commit ? 'COMMIT' : 'ABORT'} of ${key} at ${TOPIC}-${partition} offset ${r.kind === 'txn-marker' ? r.offset : -1}`,
            );
          }),
        );
        if (!this.stopped) await sleep(this.scope, gapMs());
      }
      this.running--;
    })().catch((e: unknown) => this.scheduler.fail(e));
  }

  /** Sends the request to the partition's leader until it answers NONE (refreshing metadata between tries). */
  private async untilAcknowledged(
    node: number,
    endpoint: SimEndpoint<SimRequest, SimResponse>,
    partition: number,
    request: () => TxnRequest,
  ): Promise<TxnResponse> {
    for (;;) {
      const leader = this.cluster.leaderOf(node, partition)?.leader ?? -1;
      if (leader >= 0) {
        const req = request();
        const r = await endpoint.send(leader, req, this.cluster.config.produceTimeoutMs + 1000).catch(() => null);
        if (r !== null && (r.kind === 'txn-produce' || r.kind === 'txn-marker') && r.errorCode === ErrorCode.NONE)
          return r;
        this.scheduler.trace(
          `${req.kind} ${TOPIC}-${partition} to broker ${leader} failed: ${r === null ? 'no answer' : 'errorCode' in r ? `error ${r.errorCode}` : r.kind}`,
        );
      }
      await this.cluster.fetchMetadata(endpoint, node);
      await sleep(this.scope, this.cluster.config.retryBackoffMs);
    }
  }

  /** Stops the producers (the heal): each finishes (aborts) its open transaction. */
  stop(): void {
    this.stopped = true;
  }

  /** The read_committed consumer: one fetch loop per partition. */
  startConsumer(random: SeededRandom): void {
    const endpoint = this.cluster.addProducer(CONSUMER_NODE);
    const pollMs = random.pick([50, 150, 400]);
    const maxBytes = random.pick([200, 1000, 1 << 20]);
    for (let partition = 0; partition < this.cluster.config.partitions; partition++) {
      const state: ConsumerState = { position: 0, lastServedBy: -1 };
      this.consumers.push(state);
      // A violation the consumer's checks throw fails the run (with its invariant), not as an unhandled rejection.
      this.consume(endpoint, partition, state, pollMs, maxBytes).catch((e: unknown) => this.scheduler.fail(e));
    }
  }

  private async consume(
    endpoint: SimEndpoint<SimRequest, SimResponse>,
    partition: number,
    state: ConsumerState,
    pollMs: number,
    maxBytes: number,
  ): Promise<void> {
    const tp = `${TOPIC}-${partition}`;
    for (;;) {
      const leader = this.cluster.leaderOf(CONSUMER_NODE, partition);
      if (leader === null || leader.leader < 0) {
        await this.cluster.fetchMetadata(endpoint, CONSUMER_NODE);
        await sleep(this.scope, this.cluster.config.retryBackoffMs);
        continue;
      }
      const request = new FetchRequest();
      request.replicaState.replicaId = -1;
      request.maxWaitMs = 0;
      request.minBytes = 1;
      request.maxBytes = maxBytes;
      request.isolationLevel = IsolationLevel.READ_COMMITTED;
      request.sessionId = 0;
      request.sessionEpoch = -1;
      const t = new FetchTopic();
      t.topicId = this.cluster.topicId;
      const fp = new FetchPartition();
      fp.partition = partition;
      fp.currentLeaderEpoch = leader.leaderEpoch;
      fp.fetchOffset = BigInt(state.position);
      fp.lastFetchedEpoch = -1;
      fp.logStartOffset = -1n;
      fp.partitionMaxBytes = maxBytes;
      t.partitions.push(fp);
      request.topics.push(t);
      const r = await endpoint
        .send(
          leader.leader,
          { kind: 'consumer-fetch', bytes: encodeMessage(FetchRequest, request, CONSUMER_FETCH_VERSION) },
          this.cluster.config.produceTimeoutMs,
        )
        .catch(() => null);
      const data =
        r?.kind === 'consumer-fetch'
          ? decodeMessage(FetchResponse, r.bytes, CONSUMER_FETCH_VERSION).responses[0]?.partitions[0]
          : undefined;
      if (data === undefined) {
        await this.cluster.fetchMetadata(endpoint, CONSUMER_NODE);
        await sleep(this.scope, this.cluster.config.retryBackoffMs);
        continue;
      }
      if (data.errorCode === ErrorCode.OFFSET_OUT_OF_RANGE) {
        // auto.offset.reset=latest: for read_committed, ListOffsets(latest) is the last stable offset.
        const to = Number(data.lastStableOffset);
        this.scheduler.trace(
          `consumer ${tp}: OFFSET_OUT_OF_RANGE at ${state.position} on broker ${leader.leader}, reset to ${to}`,
        );
        if (to >= 0) {
          this.checker.reset(tp, state.position, to, this.scheduler.now());
          state.position = to;
        }
        await sleep(this.scope, this.cluster.config.retryBackoffMs);
        continue;
      }
      if (data.errorCode !== ErrorCode.NONE) {
        // NOT_LEADER_OR_FOLLOWER, FENCED_LEADER_EPOCH, UNKNOWN_LEADER_EPOCH, ...: newer metadata, then again.
        await this.cluster.fetchMetadata(endpoint, CONSUMER_NODE);
        await sleep(this.scope, this.cluster.config.retryBackoffMs);
        continue;
      }
      if (leader.leader !== state.lastServedBy) {
        const previous = state.lastServedBy;
        state.lastServedBy = leader.leader;
        // Injected consumer bugs (the checker must catch them): a failover loses the position.
        const bug = this.cluster.config.bug;
        if (previous >= 0 && bug === ReplicationBug.CONSUMER_SKIPS_ON_FAILOVER) {
          state.position = Math.max(state.position, Number(data.lastStableOffset));
          continue;
        }
        if (previous >= 0 && bug === ReplicationBug.CONSUMER_REWINDS_ON_FAILOVER) {
          state.position = 0;
          continue;
        }
      }
      const before = state.position;
      this.process(tp, state, data.records ?? Buffer.alloc(0), data.abortedTransactions ?? []);
      if (state.position === before) await sleep(this.scope, pollMs);
    }
  }

  /** Kafka's CompletedFetch for read_committed: what the application gets of one fetched partition. */
  private process(
    tp: string,
    state: ConsumerState,
    records: Buffer,
    abortedTransactions: readonly { producerId: bigint; firstOffset: bigint }[],
  ): void {
    const aborted = [...abortedTransactions]
      .map((a) => ({ producerId: Number(a.producerId), firstOffset: Number(a.firstOffset) }))
      .sort((a, b) => a.firstOffset - b.firstOffset);
    const abortedProducers = new Set<number>();
    const delivered: string[] = [];
    for (let at = 0; at + 61 <= records.length; ) {
      const v = new RecordBatchView(records, at);
      const size = v.sizeInBytes;
      if (at + size > records.length) break; // a partial batch at the end of a fetch
      const batch = records.subarray(at, at + size);
      at += size;
      if (v.lastOffset < state.position) continue;
      if (v.producerId >= 0) {
        while (aborted.length > 0 && (aborted[0] as { firstOffset: number }).firstOffset <= v.lastOffset)
          abortedProducers.add((aborted.shift() as { producerId: number }).producerId);
        if (v.isControl) {
          const isAbort = readControlBatch(batch, 0).some((c) => c.type === ControlRecordType.ABORT);
          if (isAbort) abortedProducers.delete(v.producerId);
        } else if (v.isTransactional && abortedProducers.has(v.producerId)) {
          state.position = v.lastOffset + 1;
          continue;
        }
      }
      if (!v.isControl) {
        for (const r of readAllRecords(batch, 0)) {
          if (r.offset < state.position) continue;
          const value = r.value?.toString() ?? '';
          this.checker.deliver(tp, r.offset, value, this.scheduler.now());
          this.stats.delivered++;
          delivered.push(`${r.offset}:${value}`);
        }
      }
      state.position = v.lastOffset + 1;
    }
    if (delivered.length > 0) this.scheduler.trace(`consumer ${tp} delivered [${delivered.join(',')}]`);
  }

  /**
   * Why the workload is not finished yet (null: finished): producers still running, or a
   * consumer not at its partition leader's log end with every transaction there decided.
   */
  unfinished(): string | null {
    if (this.running > 0) return `${this.running} transactional producers still running`;
    const topic = this.cluster.latestImage.topicsById.get(this.cluster.topicId);
    for (let partition = 0; partition < this.consumers.length; partition++) {
      const state = this.consumers[partition] as ConsumerState;
      const leaderId = topic?.partitions[partition]?.leader ?? -1;
      const p = this.cluster.brokers[leaderId - 1]?.incarnation?.rm?.get(TOPIC, partition);
      if (p === undefined || !p.isLeader) return `${TOPIC}-${partition} has no serving leader`;
      if (p.lastStableOffset !== p.logEndOffset || state.position !== p.logEndOffset)
        return `consumer of ${TOPIC}-${partition} at ${state.position}; leader ${leaderId} log end ${p.logEndOffset}, high watermark ${p.highWatermark}, last stable offset ${p.lastStableOffset}`;
    }
    return null;
  }
}

/**
 * The transactional part of a replication run, as simulation.ts drives it: 0-2
 * transactional producers and the read_committed consumer during the chaos phase, the
 * checks after every event and at the end.
 */
export class TransactionScenario {
  readonly checker = new TransactionChecker();
  private readonly workload: TransactionWorkload;

  constructor(
    scheduler: SimScheduler,
    private readonly cluster: ReplicationCluster,
    private readonly replication: ReplicationChecker,
    private readonly random: SeededRandom,
  ) {
    this.workload = new TransactionWorkload(scheduler, cluster, this.checker, replication);
  }

  /** With the chaos phase's workload. */
  start(): void {
    const producers = this.random.between(1, 2);
    for (let i = 0; i < producers; i++) {
      const r = this.random.fork();
      const gap = this.random.pick([20, 100, 300]);
      const linger = this.random.pick([0, 100, 1000]);
      this.workload.startProducer(
        FIRST_TXN_PRODUCER + i,
        r,
        () => r.between(0, gap),
        () => r.between(0, linger),
      );
    }
    this.workload.startConsumer(this.random.fork());
  }

  /** At the heal: producers finish their transactions; the consumer reads on. */
  stop(): void {
    this.workload.stop();
  }

  /**
   * After every event: last stable offsets, and the deliveries against the committed
   * history; `final`, after the final scan of every replica: the consumer delivered the
   * whole committed history.
   */
  check(final: boolean): void {
    if (!final)
      for (const b of this.cluster.brokers) {
        const inc = b.incarnation;
        if (inc === null || inc.rm === null || inc.closing) continue;
        for (const p of inc.rm.all()) this.checker.observeReplica(b.id, p);
      }
    for (let p = 0; p < this.cluster.config.partitions; p++) {
      const tp = `${TOPIC}-${p}`;
      this.checker.checkDelivered(
        tp,
        this.replication.committedBatches(tp),
        this.replication.committedEndOf(tp),
        final,
      );
    }
    if (final) this.checker.checkCommittedDelivered();
  }

  /** Null once every transaction is finished and the consumer read every partition to its end. */
  unfinished(): string | null {
    return this.workload.unfinished();
  }

  get stats(): TransactionStats {
    return this.workload.stats;
  }
}
