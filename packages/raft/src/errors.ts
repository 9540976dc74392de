/** Errors the raft package hands to its callers. */

/**
 * An append that this node cannot (or can no longer) guarantee: it is not the leader, the
 * caller's epoch is not the current one, or leadership was lost while the append was
 * pending. In the last case the batch may still be committed by a later leader (KRaft
 * gives no answer either): the caller learns the truth from handleCommit.
 */
export class NotLeaderError extends Error {
  override name = 'NotLeaderError';
  /** The leader this node knows of (null when unknown) and its epoch. */
  readonly leaderId: number | null;
  readonly epoch: number;

  constructor(message: string, leaderId: number | null, epoch: number) {
    super(message);
    this.leaderId = leaderId;
    this.epoch = epoch;
  }
}

/** The node is closed (a NotLeaderError, so callers handling that need nothing more). */
export class RaftClosedError extends NotLeaderError {
  override name = 'RaftClosedError';

  constructor(message: string) {
    super(message, null, -1);
  }
}
