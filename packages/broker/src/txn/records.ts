/**
 * The records of `__transaction_state`, in Kafka's format (TransactionLog): the key is an
 * int16 version (0) and TransactionLogKey (the transactional id); the value an int16
 * version and TransactionLogValue (producer id and epoch, timeout, state id, the
 * partitions of the transaction, last update and start timestamps); a null value is a
 * tombstone (the id expired). Written at value version 0, as Kafka without
 * transaction.version 2 (KIP-890 part 2) does; read at 0 and 1.
 */
import { Reader } from '@gregor/protocol';
import { TransactionLogKey } from '@gregor/protocol/generated/internal/transaction-log-key';
import { PartitionsSchema, TransactionLogValue } from '@gregor/protocol/generated/internal/transaction-log-value';
import { versioned } from '../group/records.js';
import type { TxnState } from './transaction-metadata.js';

export const TRANSACTION_STATE_TOPIC = '__transaction_state';
export const TXN_KEY_VERSION = 0;
export const TXN_VALUE_VERSION = 0;

export interface TxnLogEntry {
  producerId: number;
  producerEpoch: number;
  timeoutMs: number;
  state: TxnState;
  /** "topic" → partitions, as the value's PartitionsSchema list. */
  partitions: Map<string, Set<number>>;
  lastUpdateTimestampMs: number;
  startTimestampMs: number;
}

export function txnKey(transactionalId: string): Buffer {
  const k = new TransactionLogKey();
  k.transactionalId = transactionalId;
  return versioned(TransactionLogKey, TXN_KEY_VERSION, k);
}

export function txnValue(e: TxnLogEntry): Buffer {
  const v = new TransactionLogValue();
  v.producerId = BigInt(e.producerId);
  v.producerEpoch = e.producerEpoch;
  v.transactionTimeoutMs = e.timeoutMs;
  v.transactionStatus = e.state;
  v.transactionPartitions = [];
  for (const [topic, ids] of e.partitions) {
    const p = new PartitionsSchema();
    p.topic = topic;
    p.partitionIds = [...ids].sort((a, b) => a - b);
    v.transactionPartitions.push(p);
  }
  v.transactionLastUpdateTimestampMs = BigInt(e.lastUpdateTimestampMs);
  v.transactionStartTimestampMs = BigInt(e.startTimestampMs);
  return versioned(TransactionLogValue, TXN_VALUE_VERSION, v);
}

/** The transactional id of a key, or null when the key is not a version-0 TransactionLogKey. */
export function readTxnKey(key: Buffer): string | null {
  const r = new Reader(key);
  const version = r.int16();
  if (r.error !== null || version !== TXN_KEY_VERSION) return null;
  const k = TransactionLogKey.read(r, version);
  return r.error === null ? k.transactionalId : null;
}

/** A value, or null when it cannot be read (unknown version, short bytes). */
export function readTxnValue(value: Buffer): TxnLogEntry | null {
  const r = new Reader(value);
  const version = r.int16();
  if (r.error !== null || version < 0 || version > TransactionLogValue.highestVersion) return null;
  const v = TransactionLogValue.read(r, version);
  if (r.error !== null) return null;
  const partitions = new Map<string, Set<number>>();
  for (const p of v.transactionPartitions ?? []) partitions.set(p.topic, new Set(p.partitionIds));
  return {
    producerId: Number(v.producerId),
    producerEpoch: v.producerEpoch,
    timeoutMs: v.transactionTimeoutMs,
    state: v.transactionStatus as TxnState,
    partitions,
    lastUpdateTimestampMs: Number(v.transactionLastUpdateTimestampMs),
    startTimestampMs: Number(v.transactionStartTimestampMs),
  };
}
