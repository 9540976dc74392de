/**
 * The state of one transactional id, as Kafka's TransactionMetadata (KIP-98), and the
 * transitions its state machine allows (Kafka's TransactionState.validPreviousStates):
 *
 *   Empty ─AddPartitions→ Ongoing ─EndTxn→ PrepareCommit ─markers→ CompleteCommit
 *                                 └──────→ PrepareAbort  ─markers→ CompleteAbort
 *   Ongoing ─timeout or InitProducerId→ PrepareEpochFence → PrepareAbort (epoch bumped)
 *   Empty / Complete* ─expiry→ Dead
 *
 * State ids are Kafka's, as written in TransactionLogValue.transactionStatus.
 */
export const TxnState = {
  EMPTY: 0,
  ONGOING: 1,
  PREPARE_COMMIT: 2,
  PREPARE_ABORT: 3,
  COMPLETE_COMMIT: 4,
  COMPLETE_ABORT: 5,
  DEAD: 6,
  PREPARE_EPOCH_FENCE: 7,
} as const;
export type TxnState = (typeof TxnState)[keyof typeof TxnState];

export const TXN_STATE_NAMES: Record<TxnState, string> = {
  0: 'Empty',
  1: 'Ongoing',
  2: 'PrepareCommit',
  3: 'PrepareAbort',
  4: 'CompleteCommit',
  5: 'CompleteAbort',
  6: 'Dead',
  7: 'PrepareEpochFence',
};

const VALID_PREVIOUS: Record<TxnState, readonly TxnState[]> = {
  [TxnState.EMPTY]: [TxnState.EMPTY, TxnState.COMPLETE_COMMIT, TxnState.COMPLETE_ABORT],
  [TxnState.ONGOING]: [TxnState.ONGOING, TxnState.EMPTY, TxnState.COMPLETE_COMMIT, TxnState.COMPLETE_ABORT],
  [TxnState.PREPARE_COMMIT]: [TxnState.ONGOING],
  [TxnState.PREPARE_ABORT]: [TxnState.ONGOING, TxnState.PREPARE_EPOCH_FENCE],
  [TxnState.COMPLETE_COMMIT]: [TxnState.PREPARE_COMMIT],
  [TxnState.COMPLETE_ABORT]: [TxnState.PREPARE_ABORT],
  [TxnState.DEAD]: [TxnState.EMPTY, TxnState.COMPLETE_COMMIT, TxnState.COMPLETE_ABORT],
  [TxnState.PREPARE_EPOCH_FENCE]: [TxnState.ONGOING],
};

export function isValidTransition(from: TxnState, to: TxnState): boolean {
  return VALID_PREVIOUS[to].includes(from);
}

/** Kafka's producer epoch ceiling: an epoch at Short.MAX_VALUE - 1 takes a new producer id. */
export const MAX_PRODUCER_EPOCH = 32766;

export interface TxnMetadata {
  readonly transactionalId: string;
  producerId: number;
  producerEpoch: number;
  /** The epoch before the last bump (KIP-360 retries of InitProducerId), -1 if none. */
  lastProducerEpoch: number;
  timeoutMs: number;
  state: TxnState;
  partitions: Map<string, Set<number>>;
  startTimestampMs: number;
  lastUpdateTimestampMs: number;
  /** A state write (or marker round) is in flight: other requests get CONCURRENT_TRANSACTIONS. */
  pending: boolean;
  /** The `__transaction_state` partition holding this id. */
  readonly partition: number;
}
