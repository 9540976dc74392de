/**
 * The Jepsen-style workload of checker.test.ts (one broker) and fault-injection.ts (a
 * cluster): concurrent KafkaJS clients and raw read_committed readers, every operation
 * recorded with its outcome in `history` for checker-history.ts to check.
 *
 * - Idempotent producers (acks=all, one record a send) that now and then "crash" with a
 *   send in flight; after a crash or a failed send a new producer (a new producer id)
 *   takes over.
 * - Transactional producers whose transactions commit, abort, are abandoned (then fenced
 *   by the next producer with the same transactional id), are fenced as zombies before
 *   their commit, or crash with their commit in flight.
 * - Readers that read every partition from offset 0 up to its last stable offset.
 *
 * What the two runs differ in is a parameter: the KafkaJS clients (retries, timeouts),
 * the chances of each choice, how the partitions are read (one broker, or whichever node
 * answers as a partition's leader) and what to do on each acknowledgement. Each client
 * takes its choices from its own SeededRandom, drawn from the run's in a fixed order, so
 * a seed replays the choices (not the timing).
 */
import type { Kafka, Producer } from 'kafkajs';
import type { CommittedRead, Operation, Written } from './checker-history.js';
import { SeededRandom } from './support.js';

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `p` or a timeout error after `ms`; the timer never outlives the race. */
export async function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: timed out after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** An error as one short line, for the history and the logs. */
export function message(e: unknown): string {
  const m = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return m.length > 160 ? `${m.slice(0, 160)}...` : m;
}

/** Fire and forget: a disconnect that nobody waits for (a client crash). */
export function abandon(p: Producer): void {
  p.disconnect().catch(() => undefined);
}

/** The chances of the workload's choices, each in [0, 1]. */
export interface WorkloadChances {
  /** An idempotent client crashes with its send in flight. */
  sendCrash: number;
  /** A transaction is to commit when its roll is below `commit`, to abort below `abort`, else abandoned. */
  commit: number;
  abort: number;
  /** A transaction to commit is fenced as a zombie before its commit. */
  zombie: number;
  /** A client crashes with its commit in flight (a transaction to commit that is no zombie). */
  crashInCommit: number;
}

export interface WorkloadOptions {
  /** For the idempotent producers. */
  kafka: Kafka;
  /** For the transactional producers and the fencing at the end (may be `kafka`). */
  txnKafka: Kafka;
  topic: string;
  partitions: number;
  /** When the run started (fault times count from it), and when the clients stop. */
  startedMs: number;
  stopAtMs: number;
  /** The bound on each client operation (connect, send, begin, commit, abort). */
  opTimeoutMs: number;
  transactionTimeoutMs: number;
  chances: WorkloadChances;
  /** Reads every partition once, read_committed, in partition order; throws when it cannot. */
  readAll: () => Promise<CommittedRead[]>;
  /** Every producer made goes here, for the caller to abandon at the end. */
  producers: Set<Producer>;
  /** Called on each acknowledged send or transaction. */
  onOk?: () => void;
}

/** How many clients of each kind run. */
const IDEMPOTENT_CLIENTS = 2;
const TXN_CLIENTS = 2;
const READERS = 1;
/** Pause after a producer could not connect, before the next one tries. */
const RECONNECT_PAUSE_MS = 200;
/** Pause between attempts to fence a transactional id at the end. */
const FENCE_RETRY_PAUSE_MS = 500;

export class CheckerWorkload {
  readonly history: Operation[] = [];
  private readonly options: WorkloadOptions;
  private valueCounter = 0;

  constructor(options: WorkloadOptions) {
    this.options = options;
  }

  /**
   * Starts every client, each with a SeededRandom drawn from `rnd` in a fixed order
   * (idempotent producers, transactional producers, readers); they stop at `stopAtMs`.
   */
  start(rnd: SeededRandom): Promise<void>[] {
    const tasks: Promise<void>[] = [];
    for (let i = 0; i < IDEMPOTENT_CLIENTS; i++)
      tasks.push(this.idempotentClient(`idem${i}`, new SeededRandom(rnd.int(1, 0x7fffffff))));
    for (let i = 0; i < TXN_CLIENTS; i++)
      tasks.push(this.txnClient(`txn${i}`, new SeededRandom(rnd.int(1, 0x7fffffff))));
    for (let i = 0; i < READERS; i++) tasks.push(this.reader(`reader${i}`, new SeededRandom(rnd.int(1, 0x7fffffff))));
    return tasks;
  }

  /** Records a fault that happened at `at`; returns its time from the start of the run. */
  fault(what: string, at = Date.now()): number {
    const atMs = at - this.options.startedMs;
    this.history.push({ kind: 'fault', what, atMs });
    return atMs;
  }

  /**
   * Fences every transactional id of the workload, aborting whatever a crashed client
   * left open. Each is tried until it works or `retryMs` have passed (0: once); then it
   * throws.
   */
  async fenceAll(retryMs: number): Promise<void> {
    const o = this.options;
    for (let i = 0; i < TXN_CLIENTS; i++) {
      const transactionalId = `${o.topic}-txn${i}`;
      const deadline = Date.now() + retryMs;
      for (;;) {
        const p = o.txnKafka.producer({ transactionalId, idempotent: true, maxInFlightRequests: 1 });
        o.producers.add(p);
        try {
          await within(p.connect(), o.opTimeoutMs, 'fence connect');
          const txn = await within(p.transaction(), o.opTimeoutMs, 'fence begin');
          await within(txn.abort(), o.opTimeoutMs, 'fence abort');
          await p.disconnect();
          break;
        } catch (e) {
          abandon(p);
          if (Date.now() >= deadline) throw new Error(`could not fence ${transactionalId}: ${message(e)}`);
          await sleep(FENCE_RETRY_PAUSE_MS);
        }
      }
    }
  }

  /**
   * Reads every partition until the last stable offset reaches the high watermark in all
   * of them, every `intervalMs`; null if that did not happen within `timeoutMs`. A read
   * that fails goes to `onError` and is tried again, or without `onError` is thrown.
   */
  async readUntilStable(
    timeoutMs: number,
    intervalMs: number,
    onError?: (e: unknown) => void,
  ): Promise<{ offset: number; value: string }[][] | null> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      let reads: CommittedRead[] | null = null;
      try {
        reads = await this.options.readAll();
      } catch (e) {
        if (onError === undefined) throw e;
        onError(e);
      }
      if (reads?.every((r) => r.lastStableOffset >= r.highWatermark)) return reads.map((r) => r.records);
      if (Date.now() > deadline) return null;
      await sleep(intervalMs);
    }
  }

  private nextValue(client: string): string {
    return `${client}-v${this.valueCounter++}`;
  }

  /** `p` once connected, or null (abandoned, after a pause) when it could not connect. */
  private async connected(p: Producer): Promise<Producer | null> {
    try {
      await within(p.connect(), this.options.opTimeoutMs, 'connect');
      return p;
    } catch {
      abandon(p);
      await sleep(RECONNECT_PAUSE_MS);
      return null;
    }
  }

  private async idempotentClient(name: string, r: SeededRandom): Promise<void> {
    const o = this.options;
    let instance = 0;
    let producer: Producer | null = null;
    let seq = 0;
    let producerName = '';
    while (Date.now() < o.stopAtMs) {
      if (producer === null) {
        producerName = `${name}#${instance++}`;
        seq = 0;
        const p = o.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
        o.producers.add(p);
        producer = await this.connected(p);
        if (producer === null) continue;
      }
      const partition = r.int(0, o.partitions - 1);
      const value = this.nextValue(name);
      const crash = r.next() < o.chances.sendCrash;
      const op: Operation = {
        kind: 'send',
        client: name,
        producer: producerName,
        seq: seq++,
        write: { value, partition },
        outcome: 'unknown',
        detail: '',
      };
      this.history.push(op);
      const sent = producer.send({ topic: o.topic, acks: -1, messages: [{ value, partition }] });
      if (crash) {
        sent.catch(() => undefined);
        op.detail = 'client crashed mid-flight';
        abandon(producer);
        producer = null;
        continue;
      }
      try {
        await within(sent, o.opTimeoutMs, 'send');
        op.outcome = 'ok';
        o.onOk?.();
      } catch (e) {
        sent.catch(() => undefined);
        // A failed send after retries may still have been appended: unknown. A new
        // producer (a new producer id) follows, so later sends start clean, as KafkaJS
        // would reuse the failed batch's sequence numbers.
        op.detail = message(e);
        abandon(producer);
        producer = null;
      }
      await sleep(r.int(0, 30));
    }
    if (producer !== null) await producer.disconnect().catch(() => undefined);
  }

  private async txnClient(name: string, r: SeededRandom): Promise<void> {
    const o = this.options;
    const transactionalId = `${o.topic}-${name}`;
    let instance = 0;
    let producer: Producer | null = null;
    let producerName = '';
    const newProducer = () => {
      producerName = `${name}#${instance++}`;
      const p = o.txnKafka.producer({
        transactionalId,
        idempotent: true,
        maxInFlightRequests: 1,
        transactionTimeout: o.transactionTimeoutMs,
        allowAutoTopicCreation: false,
      });
      o.producers.add(p);
      return p;
    };
    while (Date.now() < o.stopAtMs) {
      if (producer === null) {
        producer = await this.connected(newProducer());
        if (producer === null) continue;
      }
      const roll = r.next();
      const end: 'commit' | 'abort' | 'abandon' =
        roll < o.chances.commit ? 'commit' : roll < o.chances.abort ? 'abort' : 'abandon';
      const zombie = end === 'commit' && r.next() < o.chances.zombie;
      const crashInCommit = end === 'commit' && !zombie && r.next() < o.chances.crashInCommit;
      const writes: Written[] = [];
      const n = r.int(1, 4);
      for (let i = 0; i < n; i++) writes.push({ value: this.nextValue(name), partition: r.int(0, o.partitions - 1) });
      const op: Operation = {
        kind: 'txn',
        client: name,
        producer: producerName,
        writes,
        end,
        outcome: 'unknown',
        detail: '',
      };
      this.history.push(op);
      let stage = 'begin';
      try {
        const txn = await within(producer.transaction(), o.opTimeoutMs, 'begin');
        stage = 'send';
        for (const w of writes) {
          await within(
            txn.send({ topic: o.topic, acks: -1, messages: [{ value: w.value, partition: w.partition }] }),
            o.opTimeoutMs,
            'send',
          );
        }
        if (end === 'abandon') {
          // Client crash: walk away mid-transaction; the next producer with this
          // transactional id must fence this one and abort what it left open.
          op.detail = 'abandoned, fenced by the next producer';
          abandon(producer);
          producer = null;
          continue;
        }
        if (zombie) {
          // A new producer with the same transactional id fences this one: its commit
          // must fail and nothing it sent may ever be seen.
          const successor = newProducer();
          await within(successor.connect(), o.opTimeoutMs, 'successor connect');
          const fence = await within(successor.transaction(), o.opTimeoutMs, 'successor begin');
          await within(fence.abort(), o.opTimeoutMs, 'successor abort');
          op.detail = 'zombie: fenced before its commit';
          stage = 'zombie commit';
          try {
            await within(txn.commit(), o.opTimeoutMs, 'zombie commit');
            op.outcome = 'ok';
            op.detail = 'zombie commit was acknowledged';
          } catch (e) {
            op.outcome = 'failed';
            op.detail = `zombie commit refused: ${message(e)}`;
          }
          abandon(producer);
          producer = successor;
          producerName = `${name}#${instance - 1}`;
          continue;
        }
        stage = end;
        if (crashInCommit) {
          // Client crash while its EndTxn is in flight: the commit may or may not take
          // effect, but all or nothing; the next producer fences whatever is left.
          txn.commit().catch(() => undefined);
          op.detail = 'client crashed during commit';
          abandon(producer);
          producer = null;
          continue;
        }
        if (end === 'commit') await within(txn.commit(), o.opTimeoutMs, 'commit');
        else await within(txn.abort(), o.opTimeoutMs, 'abort');
        op.outcome = 'ok';
        o.onOk?.();
      } catch (e) {
        // Before the commit was asked for, nothing can commit: the next producer fences
        // and aborts. A commit that errored is unknown.
        op.outcome = stage === 'commit' ? 'unknown' : 'failed';
        op.detail = `${stage}: ${message(e)}`;
        if (producer !== null) abandon(producer);
        producer = null;
      }
      await sleep(r.int(0, 50));
    }
    if (producer !== null) await producer.disconnect().catch(() => undefined);
  }

  private async reader(name: string, r: SeededRandom): Promise<void> {
    while (Date.now() < this.options.stopAtMs) {
      try {
        const partitions = (await this.options.readAll()).map((read) => read.records);
        this.history.push({ kind: 'read', client: name, partitions, outcome: 'ok', detail: '' });
      } catch {
        // A read that failed saw nothing: nothing to check.
      }
      await sleep(r.int(100, 400));
    }
  }
}
