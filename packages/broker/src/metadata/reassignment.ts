/**
 * Partition reassignment (KIP-455), as Kafka's PartitionReassignmentReplicas and
 * PartitionReassignmentRevert: the replica lists a reassignment writes, its revert,
 * and the ongoing ones.
 *
 * Starting one to `target` (also while another runs, as Kafka: from the current
 * replicas): the replicas become target followed by the current ones the target drops;
 * `removingReplicas` = current − target; `addingReplicas` = target − current, plus those
 * a running reassignment was adding that the target keeps. The ISR is left as it is. It
 * completes in partition-change.ts once every adding replica is in the ISR and removing
 * the removing ones leaves the ISR non-empty. Cancelling reverts: the adding replicas
 * leave the replicas and the ISR; when that empties the ISR, an unclean election must be
 * allowed and possible.
 */
import type { Uuid } from '@gregor/protocol';
import type { PartitionChangeRecord } from '@gregor/protocol/generated/metadata/partition-change-record';
import type { MetadataImage, PartitionImage } from './image.js';
import { buildPartitionChange, Election } from './partition-change.js';

export function isReassigning(p: PartitionImage): boolean {
  return p.addingReplicas.length > 0 || p.removingReplicas.length > 0;
}

/** The replicas and ISR of `p` as they were before its reassignment. */
export function revertOf(p: PartitionImage): { replicas: number[]; isr: number[] } {
  return {
    replicas: p.replicas.filter((r) => !p.addingReplicas.includes(r)),
    isr: p.isr.filter((r) => !p.addingReplicas.includes(r)),
  };
}

export interface ReassignmentContext {
  topicId: Uuid;
  partitionId: number;
  isAcceptableLeader: (brokerId: number) => boolean;
  /** The topic's unclean.leader.election.enable. */
  unclean: boolean;
}

/**
 * The change that starts a reassignment of `p` to `target` (already validated), or
 * null when `p` already is there.
 */
export function startReassignment(
  p: PartitionImage,
  target: readonly number[],
  ctx: ReassignmentContext,
): PartitionChangeRecord | null {
  const current = p.replicas;
  const adding = target.filter((r) => !current.includes(r) || p.addingReplicas.includes(r));
  const removing = current.filter((r) => !target.includes(r));
  return buildPartitionChange(p, {
    topicId: ctx.topicId,
    partitionId: ctx.partitionId,
    isAcceptableLeader: ctx.isAcceptableLeader,
    election: ctx.unclean ? Election.UNCLEAN : Election.ONLINE,
    targetReplicas: [...target, ...removing],
    targetAdding: adding,
    targetRemoving: removing,
  });
}

/**
 * The change that cancels the reassignment of `p`: 'none' when none runs, 'unclean'
 * when reverting empties the ISR and the topic does not allow an unclean election.
 */
export function cancelReassignment(
  p: PartitionImage,
  ctx: ReassignmentContext,
): PartitionChangeRecord | null | 'none' | 'unclean' {
  if (!isReassigning(p)) return 'none';
  const revert = revertOf(p);
  // Nobody of the old ISR is left: only an unclean election can give the partition a leader.
  if (revert.isr.length === 0 && (!ctx.unclean || !revert.replicas.some(ctx.isAcceptableLeader))) return 'unclean';
  return buildPartitionChange(p, {
    topicId: ctx.topicId,
    partitionId: ctx.partitionId,
    isAcceptableLeader: ctx.isAcceptableLeader,
    election: ctx.unclean ? Election.UNCLEAN : Election.ONLINE,
    targetReplicas: revert.replicas,
    targetIsr: revert.isr,
    targetAdding: [],
    targetRemoving: [],
  });
}

export interface OngoingReassignment {
  name: string;
  partitions: { partitionIndex: number; replicas: number[]; addingReplicas: number[]; removingReplicas: number[] }[];
}

/** The ongoing reassignments of `topics` (null: every topic); unknown names are left out, as Kafka does. */
export function ongoingReassignments(
  image: MetadataImage,
  topics: readonly { name: string; partitionIndexes: readonly number[] }[] | null,
): OngoingReassignment[] {
  const targets =
    topics ??
    [...image.topicsByName.values()]
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .map((t) => ({ name: t.name, partitionIndexes: t.partitions.map((p) => p.partitionId) }));
  const out: OngoingReassignment[] = [];
  for (const t of targets) {
    const topic = image.topicsByName.get(t.name);
    if (topic === undefined) continue;
    const ongoing: OngoingReassignment = { name: t.name, partitions: [] };
    for (const i of t.partitionIndexes) {
      const p = topic.partitions[i];
      if (p === undefined || !isReassigning(p)) continue;
      ongoing.partitions.push({
        partitionIndex: i,
        replicas: [...p.replicas],
        addingReplicas: [...p.addingReplicas],
        removingReplicas: [...p.removingReplicas],
      });
    }
    if (ongoing.partitions.length > 0) out.push(ongoing);
  }
  return out;
}
