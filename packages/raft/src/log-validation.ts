/**
 * How a leader judges a fetcher's position (Kafka's ReplicatedLog.validateOffsetAndEpoch,
 * KIP-595 and KIP-630): the fetcher sends the offset it wants next and the epoch of its
 * last batch. Where its log could not be a prefix of ours, it is told where they agree
 * (diverging: truncate there) or, if that lies before our log start, to load our snapshot.
 */

import type { OffsetAndEpoch, ReplicatedLog } from './types.js';

export type ValidOffsetAndEpoch =
  | { kind: 'valid' }
  | { kind: 'diverging'; epoch: number; endOffset: number }
  | { kind: 'snapshot'; snapshotId: OffsetAndEpoch };

export function validateOffsetAndEpoch(
  log: ReplicatedLog,
  fetchOffset: number,
  lastFetchedEpoch: number,
): ValidOffsetAndEpoch {
  const snapshot = log.latestSnapshotId();
  const start = log.startOffset();
  // An empty fetcher is better served by the snapshot than by replaying the log (Kafka).
  if (snapshot !== null && fetchOffset === 0 && snapshot.offset > 0) return { kind: 'snapshot', snapshotId: snapshot };
  if (fetchOffset === 0 && lastFetchedEpoch === 0 && start === 0) return { kind: 'valid' };
  if (
    snapshot !== null &&
    (fetchOffset < start ||
      (fetchOffset === start && lastFetchedEpoch !== snapshot.epoch) ||
      lastFetchedEpoch < snapshot.epoch)
  ) {
    return { kind: 'snapshot', snapshotId: snapshot };
  }
  let end = log.endOffsetForEpoch(lastFetchedEpoch);
  // A storage layer with Kafka's LeaderEpochFileCache answers -1 for an epoch newer than
  // any it holds; Kafka's metadata log then diverges the fetcher at its own log end.
  if (end.epoch < 0 || end.offset < 0) end = log.endOffset();
  if (end.epoch !== lastFetchedEpoch || fetchOffset > end.offset) {
    return { kind: 'diverging', epoch: end.epoch, endOffset: end.offset };
  }
  return { kind: 'valid' };
}
