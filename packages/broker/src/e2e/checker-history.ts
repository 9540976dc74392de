/**
 * The history and the checker of checker.test.ts and fault-injection.ts (their workload
 * is checker-workload.ts), in the spirit of Jepsen's Kafka workload (Kingsbury, "Kafka
 * 3.0.0", 2022: lost writes, duplicates, aborted reads, offset divergence, order).
 *
 * Every operation is recorded with its outcome: `ok` (acknowledged), `failed` (it
 * definitely did not take effect), `unknown` (timed out or lost at a crash: it may or
 * may not have taken effect, but never twice). Reads go through `readCommitted`, a
 * raw read_committed reader that filters aborted transactions itself as a Kafka
 * consumer does (KIP-98: the broker returns records up to the last stable offset plus
 * the aborted transactions in range; the client drops their batches).
 */
import type { FetchResponse } from '@gregor/protocol';
import {
  ApiKey,
  ControlRecordType,
  LOG_OVERHEAD,
  parseControlRecordKey,
  RecordBatchView,
  readAllRecords,
} from '@gregor/protocol';
import { FETCH_VERSION, fetchRequest, type RawClient } from './raw-client.js';

export type Outcome = 'ok' | 'failed' | 'unknown';

/** One value written: its partition, and the producer instance and position that wrote it. */
export interface Written {
  value: string;
  partition: number;
}

export type Operation =
  | {
      kind: 'send';
      client: string;
      /** The producer instance (a new one after each client crash). */
      producer: string;
      /** Position in that producer's sends, for the order check. */
      seq: number;
      write: Written;
      outcome: Outcome;
      detail: string;
    }
  | {
      kind: 'txn';
      client: string;
      producer: string;
      writes: Written[];
      /** What the client asked for: commit, abort, or nothing (abandoned, then fenced). */
      end: 'commit' | 'abort' | 'abandon';
      outcome: Outcome;
      detail: string;
    }
  | {
      kind: 'read';
      client: string;
      /** Per partition, the committed records seen from offset 0, in the order read. */
      partitions: { offset: number; value: string }[][];
      outcome: Outcome;
      detail: string;
    }
  | { kind: 'fault'; what: string; atMs: number };

export interface Violation {
  property: string;
  detail: string;
}

/** One read_committed read of a partition: what it holds from offset 0, and where it ends. */
export interface CommittedRead {
  records: { offset: number; value: string }[];
  lastStableOffset: number;
  highWatermark: number;
}

/** Bounds on one committed read of one partition. */
const READ_ROUNDS_MAX = 200;
const READ_MAX_BYTES = 1 << 20;

/**
 * Everything committed in `partition` from offset 0 up to the last stable offset, aborted
 * transactions filtered out. Throws on any error (the caller records a failed read).
 */
export async function readCommitted(
  client: RawClient,
  topic: string,
  partition: number,
  timeoutMs: number,
): Promise<CommittedRead> {
  const records: { offset: number; value: string }[] = [];
  // Producer ids of aborted transactions we are inside of, and those still ahead.
  const abortedActive = new Set<number>();
  let next = 0;
  for (let round = 0; round < READ_ROUNDS_MAX; round++) {
    const request = fetchRequest(topic, partition, next, 0, READ_MAX_BYTES);
    request.isolationLevel = 1;
    const response = await client.request<FetchResponse>(ApiKey.Fetch, FETCH_VERSION, request, timeoutMs);
    if (response.errorCode !== 0) throw new Error(`fetch error ${response.errorCode}`);
    const p = response.responses[0]?.partitions[0];
    if (p === undefined) throw new Error('fetch response without a partition');
    if (p.errorCode !== 0) throw new Error(`fetch ${partition}@${next}: error ${p.errorCode}`);
    const lastStableOffset = Number(p.lastStableOffset);
    const highWatermark = Number(p.highWatermark);
    const aborted = (p.abortedTransactions ?? [])
      .map((a) => ({ producerId: Number(a.producerId), firstOffset: Number(a.firstOffset) }))
      .sort((a, b) => a.firstOffset - b.firstOffset);
    const blob = p.records;
    const before = next;
    let at = 0;
    while (blob !== null && at + LOG_OVERHEAD <= blob.length) {
      const view = new RecordBatchView(blob, at);
      const size = view.sizeInBytes;
      if (at + size > blob.length) break;
      if (view.lastOffset >= next && view.baseOffset < lastStableOffset) {
        while (aborted.length > 0 && (aborted[0]?.firstOffset ?? 0) <= view.lastOffset) {
          abortedActive.add((aborted.shift() as { producerId: number }).producerId);
        }
        if (view.isControl) {
          for (const r of readAllRecords(blob, at)) {
            if (parseControlRecordKey(r.key).type === ControlRecordType.ABORT) abortedActive.delete(view.producerId);
          }
        } else if (!(view.isTransactional && abortedActive.has(view.producerId))) {
          for (const r of readAllRecords(blob, at)) {
            if (r.offset >= next && r.offset < lastStableOffset) {
              records.push({ offset: r.offset, value: r.value === null ? '<null>' : r.value.toString('utf8') });
            }
          }
        }
        next = Math.min(view.lastOffset + 1, lastStableOffset);
      }
      at += size;
    }
    if (next >= lastStableOffset || next === before) return { records, lastStableOffset, highWatermark };
  }
  throw new Error(`partition ${partition}: still reading after ${READ_ROUNDS_MAX} fetches`);
}

/** What a history holds, counted for a run's summary; `final` is its last read. */
export interface HistoryTally {
  sends: Record<Outcome, number>;
  /** Sends whose outcome is unknown that the final read holds. */
  unknownSendsVisible: number;
  txns: Record<Outcome, number>;
  /** Transactions by what the client asked for. */
  ends: Record<'commit' | 'abort' | 'abandon', number>;
  /** Commits whose outcome is unknown, and those of them the final read shows. */
  unknownCommits: number;
  unknownCommitsVisible: number;
  zombieCommitsRefused: number;
  zombieCommitsAcknowledged: number;
  /** The detail of the first refused zombie commit, if any. */
  firstZombieRefusal: string | null;
  reads: number;
}

export function tallyHistory(
  history: readonly Operation[],
  final: { offset: number; value: string }[][],
): HistoryTally {
  const finalValues = new Set<string>();
  for (const p of final) for (const r of p) finalValues.add(r.value);
  const t: HistoryTally = {
    sends: { ok: 0, failed: 0, unknown: 0 },
    unknownSendsVisible: 0,
    txns: { ok: 0, failed: 0, unknown: 0 },
    ends: { commit: 0, abort: 0, abandon: 0 },
    unknownCommits: 0,
    unknownCommitsVisible: 0,
    zombieCommitsRefused: 0,
    zombieCommitsAcknowledged: 0,
    firstZombieRefusal: null,
    reads: 0,
  };
  for (const op of history) {
    if (op.kind === 'send') {
      t.sends[op.outcome]++;
      if (op.outcome === 'unknown' && finalValues.has(op.write.value)) t.unknownSendsVisible++;
    } else if (op.kind === 'txn') {
      t.txns[op.outcome]++;
      t.ends[op.end]++;
      if (op.end === 'commit' && op.outcome === 'unknown') {
        t.unknownCommits++;
        if (op.writes.some((w) => finalValues.has(w.value))) t.unknownCommitsVisible++;
      }
      if (op.detail.startsWith('zombie commit refused')) {
        t.zombieCommitsRefused++;
        t.firstZombieRefusal ??= op.detail;
      }
      if (op.detail === 'zombie commit was acknowledged') t.zombieCommitsAcknowledged++;
    } else if (op.kind === 'read') {
      t.reads++;
    }
  }
  return t;
}

function describeWrite(v: string, where: Map<string, { partition: number; offset: number }[]>): string {
  const seen = where.get(v);
  return seen === undefined
    ? `${v} (not in the log)`
    : `${v} at ${seen.map((s) => `p${s.partition}@${s.offset}`).join(', ')}`;
}

/**
 * Checks the history; `final` is the last read (after every client stopped and every
 * transactional id was fenced), which must be complete.
 */
export function checkHistory(history: readonly Operation[], final: { offset: number; value: string }[][]): Violation[] {
  const violations: Violation[] = [];
  const add = (property: string, detail: string) => {
    if (violations.length < 50) violations.push({ property, detail });
  };

  // Where each value sits in the final read.
  const where = new Map<string, { partition: number; offset: number }[]>();
  for (let p = 0; p < final.length; p++) {
    for (const r of final[p] ?? []) {
      const list = where.get(r.value) ?? [];
      list.push({ partition: p, offset: r.offset });
      where.set(r.value, list);
    }
  }

  // What was written, and what may / must / must never be seen.
  const intended = new Map<string, Written>();
  const mustNotSee = new Map<string, string>();
  for (const op of history) {
    if (op.kind === 'send') {
      intended.set(op.write.value, op.write);
      if (op.outcome === 'ok' && !where.has(op.write.value)) {
        add(
          'lost write',
          `acknowledged send ${op.write.value} to p${op.write.partition} (${op.producer}) is not in the final read`,
        );
      }
      if (op.outcome === 'failed') mustNotSee.set(op.write.value, `send failed definitively (${op.detail})`);
    } else if (op.kind === 'txn') {
      for (const w of op.writes) intended.set(w.value, w);
      if (op.end !== 'commit' || op.outcome === 'failed') {
        for (const w of op.writes)
          mustNotSee.set(w.value, `transaction ${op.end} (${op.outcome}, ${op.detail}) by ${op.producer}`);
      } else {
        const present = op.writes.filter((w) => where.has(w.value));
        if (op.outcome === 'ok' && present.length < op.writes.length) {
          const missing = op.writes.filter((w) => !where.has(w.value)).map((w) => `${w.value}->p${w.partition}`);
          add('lost write', `committed transaction of ${op.producer}: ${missing.join(', ')} not in the final read`);
        }
        if (op.outcome === 'unknown' && present.length > 0 && present.length < op.writes.length) {
          add(
            'atomicity',
            `transaction of ${op.producer} (commit unknown) partly visible: ${op.writes.map((w) => describeWrite(w.value, where)).join('; ')}`,
          );
        }
      }
    }
  }

  // No duplicates, nothing invented, in the right partition.
  for (const [value, list] of where) {
    if (list.length > 1) add('duplicate', `${value} appears ${list.length} times: ${describeWrite(value, where)}`);
    const w = intended.get(value);
    if (w !== undefined && list.some((l) => l.partition !== w.partition)) {
      add('wrong partition', `${value} sent to p${w.partition}: ${describeWrite(value, where)}`);
    }
  }

  // No aborted read, in any read.
  const reads = history.filter((op) => op.kind === 'read');
  const allReads = [
    ...reads.map((r) => ({ client: r.client, partitions: r.partitions })),
    { client: 'final', partitions: final },
  ];
  const reported = new Set<string>();
  for (const read of allReads) {
    for (let p = 0; p < read.partitions.length; p++) {
      for (const r of read.partitions[p] ?? []) {
        if (reported.has(r.value)) continue;
        const why = mustNotSee.get(r.value);
        if (why !== undefined) {
          reported.add(r.value);
          add('aborted read', `${read.client} saw ${r.value} at p${p}@${r.offset}: ${why}`);
        } else if (!intended.has(r.value)) {
          reported.add(r.value);
          add('phantom', `${read.client} saw ${r.value} at p${p}@${r.offset}, which was never written`);
        }
      }
    }
  }

  // Offsets: strictly increasing within a read; one value per offset across reads; a
  // reader's committed log never shrinks.
  const atOffset: Map<number, { value: string; by: string }>[] = [];
  const lastLength = new Map<string, number[]>();
  for (const read of allReads) {
    const lengths = lastLength.get(read.client) ?? [];
    for (let p = 0; p < read.partitions.length; p++) {
      const records = read.partitions[p] ?? [];
      const seen = atOffset[p] ?? new Map<number, { value: string; by: string }>();
      atOffset[p] = seen;
      let previous = -1;
      for (const r of records) {
        if (r.offset <= previous)
          add('offsets not increasing', `${read.client} p${p}: offset ${r.offset} (${r.value}) after ${previous}`);
        previous = r.offset;
        const earlier = seen.get(r.offset);
        if (earlier === undefined) seen.set(r.offset, { value: r.value, by: read.client });
        else if (earlier.value !== r.value) {
          add('divergence', `p${p}@${r.offset}: ${earlier.by} read ${earlier.value}, ${read.client} read ${r.value}`);
        }
      }
      const lastOffset = records[records.length - 1]?.offset ?? -1;
      if (lastOffset < (lengths[p] ?? -1)) {
        add(
          'committed log shrank',
          `${read.client} p${p}: last offset ${lastOffset} after an earlier read reached ${lengths[p]}`,
        );
      }
      lengths[p] = Math.max(lastOffset, lengths[p] ?? -1);
    }
    lastLength.set(read.client, lengths);
  }

  // Order: one idempotent producer's sends to one partition, in the order sent.
  const byProducer = new Map<string, { seq: number; value: string; offset: number }[]>();
  for (const op of history) {
    if (op.kind !== 'send') continue;
    const at = where.get(op.write.value)?.[0];
    if (at === undefined) continue;
    const key = `${op.producer} p${op.write.partition}`;
    const list = byProducer.get(key) ?? [];
    list.push({ seq: op.seq, value: op.write.value, offset: at.offset });
    byProducer.set(key, list);
  }
  for (const [key, list] of byProducer) {
    list.sort((a, b) => a.seq - b.seq);
    for (let i = 1; i < list.length; i++) {
      const a = list[i - 1];
      const b = list[i];
      if (a !== undefined && b !== undefined && b.offset <= a.offset) {
        add('order', `${key}: ${a.value} (sent #${a.seq}) at ${a.offset}, ${b.value} (sent #${b.seq}) at ${b.offset}`);
      }
    }
  }
  return violations;
}
