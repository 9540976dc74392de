/** @gregor/raft: a KRaft quorum (KIP-595, KIP-630) reached through injected I/O. */

export { appendBytes, BatchAccumulator } from './batch-accumulator.js';
export {
  binaryExponentialElectionBackoffMs,
  ELECTION_BACKOFF_BASE_MS,
  endEpochElectionBackoffMs,
  randomElectionTimeoutMs,
} from './election-backoff.js';
export { NotLeaderError, RaftClosedError } from './errors.js';
export { buildLeaderChangeBatch, LEADER_CHANGE_MESSAGE_VERSION, readLeaderChanges } from './leader-change.js';
export { CHECK_QUORUM_TIMEOUT_FACTOR, OBSERVERS_TRACKED_MAX } from './leader-state.js';
export type { ValidOffsetAndEpoch } from './log-validation.js';
export { validateOffsetAndEpoch } from './log-validation.js';
export { MemoryReplicatedLog } from './memory-log.js';
export type { DecodedQuorumState } from './quorum-state.js';
export {
  decodeQuorumState,
  encodeQuorumState,
  MemoryQuorumStateStore,
  QUORUM_STATE_DATA_VERSION,
  QUORUM_STATE_DATA_VERSION_READ_MAX,
} from './quorum-state.js';
export type { RaftNodeOptions } from './raft-node.js';
export { PARKED_FETCHES_MAX, RaftNode } from './raft-node.js';
export { checkFetchedBatches, splitBatches } from './record-batches.js';
export type * from './types.js';
export { DEFAULT_RAFT_CONFIG, MAX_BATCH_SIZE_BYTES, RaftErrorCode } from './types.js';
