/**
 * One partition's change, as Kafka's PartitionChangeBuilder computes it: from the
 * current registration and a target (ISR, replicas, reassignment lists, election
 * kind) to the single PartitionChangeRecord that gets there, or null when nothing
 * changes.
 *
 * Semantics kept from Kafka (metadata.version 3.9, no ELR):
 * - Leader election. ONLINE keeps a current leader that is still valid (in the target
 *   ISR and acceptable), else takes the first valid replica in replica order. PREFERRED
 *   takes the first replica when valid, else behaves as ONLINE. UNCLEAN is ONLINE, then,
 *   when no ISR member can lead, the first acceptable replica outside the ISR: the ISR
 *   becomes that leader alone and the leader recovery state RECOVERING (KIP-704). No
 *   candidate: leader -1.
 * - An ISR that would become empty is not written: the last member stays (without ELR
 *   Kafka keeps it so that it may lead again when it comes back, losing nothing).
 * - Leader epoch: bumped when the leader changes, and when replicas are removed by a
 *   reassignment (so the removed replicas stop fetching), not when the ISR merely
 *   shrinks (KAFKA-15021, metadata.version 3.6+). The image bumps it for any record
 *   whose leader is not -2, so a bump without a new leader writes the same leader.
 * - Partition epoch: every record bumps it (the image does).
 * - A reassignment completes when every adding replica is in the target ISR and
 *   removing the removing replicas leaves the ISR non-empty: replicas and ISR lose the
 *   removing ones, both lists are cleared, and the preferred replica is elected.
 */
import type { Uuid } from '@gregor/protocol';
import { PartitionChangeRecord } from '@gregor/protocol/generated/metadata/partition-change-record';
import type { PartitionImage } from './image.js';

/** PartitionChangeRecord.leader: -1 no leader, -2 unchanged. */
export const NO_LEADER = -1;
export const NO_LEADER_CHANGE = -2;

/** KIP-704's LeaderRecoveryState. */
export const LeaderRecoveryState = { RECOVERED: 0, RECOVERING: 1 } as const;

export const Election = { PREFERRED: 'PREFERRED', ONLINE: 'ONLINE', UNCLEAN: 'UNCLEAN' } as const;
export type Election = (typeof Election)[keyof typeof Election];

export interface PartitionChangeOptions {
  topicId: Uuid;
  partitionId: number;
  /** May this broker lead (registered, unfenced, not shutting down, not being removed)? */
  isAcceptableLeader: (brokerId: number) => boolean;
  election?: Election;
  targetIsr?: readonly number[];
  targetReplicas?: readonly number[];
  targetAdding?: readonly number[];
  targetRemoving?: readonly number[];
  targetLeaderRecoveryState?: number;
}

function sameList(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function without(list: readonly number[], remove: readonly number[]): number[] {
  return list.filter((r) => !remove.includes(r));
}

/** The record that takes `partition` to the targets, or null when nothing would change. */
export function buildPartitionChange(
  partition: PartitionImage,
  opts: PartitionChangeOptions,
): PartitionChangeRecord | null {
  const election = opts.election ?? Election.ONLINE;
  let targetIsr = [...(opts.targetIsr ?? partition.isr)];
  let targetReplicas = [...(opts.targetReplicas ?? partition.replicas)];
  let targetAdding = [...(opts.targetAdding ?? partition.addingReplicas)];
  let targetRemoving = [...(opts.targetRemoving ?? partition.removingReplicas)];
  let targetLeaderRecoveryState = opts.targetLeaderRecoveryState ?? partition.leaderRecoveryState;
  let electionKind: Election = election;

  // Reassignment completion (Kafka's PartitionReassignmentReplicas.maybeCompleteReassignment).
  if (targetAdding.length > 0 || targetRemoving.length > 0) {
    if (targetAdding.every((r) => targetIsr.includes(r))) {
      const isr = without(targetIsr, targetRemoving);
      if (isr.length > 0) {
        targetIsr = isr;
        targetReplicas = without(targetReplicas, targetRemoving);
        targetAdding = [];
        targetRemoving = [];
        if (electionKind === Election.ONLINE) electionKind = Election.PREFERRED;
      }
    }
  }

  const isValidNewLeader = (r: number) => targetIsr.includes(r) && opts.isAcceptableLeader(r);
  let newLeader = NO_LEADER;
  let unclean = false;
  const current = partition.leader;
  const preferred = targetReplicas[0];
  if (electionKind === Election.PREFERRED && preferred !== undefined && isValidNewLeader(preferred)) {
    newLeader = preferred;
  } else if (current !== NO_LEADER && targetReplicas.includes(current) && isValidNewLeader(current)) {
    newLeader = current;
  } else {
    const online = targetReplicas.find(isValidNewLeader);
    if (online !== undefined) newLeader = online;
    else if (electionKind === Election.UNCLEAN) {
      const any = targetReplicas.find((r) => opts.isAcceptableLeader(r));
      if (any !== undefined) {
        newLeader = any;
        unclean = true;
      }
    }
  }

  const record = new PartitionChangeRecord();
  record.topicId = opts.topicId;
  record.partitionId = opts.partitionId;
  if (newLeader !== current) {
    record.leader = newLeader;
    if (unclean) {
      // Data past the new leader's log end may be lost: it starts alone in the ISR.
      record.isr = [newLeader];
      targetLeaderRecoveryState = LeaderRecoveryState.RECOVERING;
    }
  }
  // Replicas removed: bump the leader epoch so the removed ones stop fetching (as Kafka does).
  if (record.leader === NO_LEADER_CHANGE && partition.replicas.some((r) => !targetReplicas.includes(r))) {
    record.leader = current;
  }
  if (record.isr === null && targetIsr.length > 0 && !sameList(targetIsr, partition.isr)) record.isr = targetIsr;
  if (!sameList(targetReplicas, partition.replicas)) record.replicas = targetReplicas;
  if (!sameList(targetAdding, partition.addingReplicas)) record.addingReplicas = targetAdding;
  if (!sameList(targetRemoving, partition.removingReplicas)) record.removingReplicas = targetRemoving;
  if (targetLeaderRecoveryState !== partition.leaderRecoveryState)
    record.leaderRecoveryState = targetLeaderRecoveryState;

  const noOp =
    record.leader === NO_LEADER_CHANGE &&
    record.isr === null &&
    record.replicas === null &&
    record.addingReplicas === null &&
    record.removingReplicas === null &&
    record.leaderRecoveryState === -1;
  return noOp ? null : record;
}
