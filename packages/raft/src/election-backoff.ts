/**
 * Election timing (KafkaRaftClient): randomised timeouts so voters rarely stand at once,
 * a binary exponential backoff after a lost election, and, after a leader resigns with
 * EndQuorumEpoch, a strict backoff by position among its preferred successors so the voter
 * with the longest log usually stands first.
 */

import type { Random } from './types.js';

/** Kafka's RETRY_BACKOFF_BASE_MS for the candidate's binary exponential backoff. */
export const ELECTION_BACKOFF_BASE_MS = 50;

/** electionTimeoutMs + [0, electionTimeoutMs). */
export function randomElectionTimeoutMs(electionTimeoutMs: number, random: Random): number {
  return electionTimeoutMs + Math.floor(random.next() * electionTimeoutMs);
}

/** After `retries` lost elections: 50 ms x [0, 2^retries), at most electionBackoffMaxMs. */
export function binaryExponentialElectionBackoffMs(
  retries: number,
  electionBackoffMaxMs: number,
  random: Random,
): number {
  const spread = 2 << Math.min(20, Math.max(1, retries) - 1);
  return Math.min(ELECTION_BACKOFF_BASE_MS * Math.floor(random.next() * spread), electionBackoffMaxMs);
}

/**
 * The first preferred successor stands at once; the one at position p waits
 * (max >> (n - 1)) << (p - 1); a voter not named waits the maximum.
 */
export function endEpochElectionBackoffMs(
  localId: number,
  preferredSuccessors: readonly number[],
  electionBackoffMaxMs: number,
): number {
  const position = preferredSuccessors.indexOf(localId);
  if (position === 0) return 0;
  if (position < 0 || position >= preferredSuccessors.length) return electionBackoffMaxMs;
  const base = electionBackoffMaxMs >> (preferredSuccessors.length - 1);
  return Math.min(electionBackoffMaxMs, base << (position - 1));
}
