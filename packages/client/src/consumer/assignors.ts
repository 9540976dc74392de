/**
 * Partition assignors: pure functions from the group's subscriptions and the topics'
 * partition counts to an assignment, run by the group leader (classic group protocol).
 *
 * - `range` (Kafka's RangeAssignor): per topic, the members subscribed to it sorted by
 *   id, each given a contiguous range; the first `partitions % members` get one extra.
 * - `roundrobin` (RoundRobinAssignor): every partition of every subscribed topic, sorted
 *   by topic then partition, dealt in turn to the sorted members, skipping members that
 *   do not subscribe to the partition's topic.
 * - `cooperative-sticky` (CooperativeStickyAssignor, KIP-429): balanced and sticky to
 *   what each member owns, for the cooperative rebalance protocol. Simplified from
 *   Kafka's: owned partitions that are still valid are kept (a partition claimed by two
 *   members goes to the claim with the higher generation; on a tie, to neither), new
 *   partitions go to the least loaded eligible member, then partitions move from a
 *   member with at least two more than an eligible one until none can. A partition
 *   that must change owner is left out of this round (its owner revokes it and rejoins;
 *   the next round assigns it), so no partition is ever owned by two members.
 *
 * Members are ordered by `groupInstanceId` when they have one, else by `memberId`, as
 * Kafka does, so a static member keeps its place across restarts.
 */
import type { TopicPartition } from '../types.js';

/** The rebalance protocols of KIP-429. */
export type RebalanceProtocol = 'eager' | 'cooperative';

/** One member's subscription, as the group leader decodes it from JoinGroup. */
export interface MemberSubscription {
  readonly memberId: string;
  readonly groupInstanceId: string | null;
  /** Topics the member subscribes to. */
  readonly topics: readonly string[];
  readonly userData: Buffer | null;
  /** Partitions the member owns now (subscription v1+; empty for older members). */
  readonly ownedPartitions: readonly TopicPartition[];
  /** The generation of `ownedPartitions` (subscription v2+, else -1). */
  readonly generationId: number;
  readonly rackId: string | null;
}

/** What an assignor gives each member. */
export interface MemberAssignment {
  readonly partitions: TopicPartition[];
  readonly userData?: Buffer | null;
}

/**
 * A partition assignment strategy (Kafka's `ConsumerPartitionAssignor`). Its `name` is
 * the protocol name offered in JoinGroup: members of one group must share one.
 */
export interface PartitionAssignor {
  /** The protocol name, e.g. `range`. */
  readonly name: string;
  /** Rebalance protocols it supports, preferred last; default `['eager']`. */
  readonly supportedProtocols?: readonly RebalanceProtocol[];
  /** Bytes to put in this member's subscription (`userData`); default none. */
  subscriptionUserData?(topics: readonly string[]): Buffer | null;
  /**
   * Assigns `partitionsPerTopic` (topic → partition count; only topics that exist) to
   * `members`. Returns memberId → assignment; members left out get nothing.
   */
  assign(
    members: readonly MemberSubscription[],
    partitionsPerTopic: ReadonlyMap<string, number>,
  ): Map<string, MemberAssignment>;
}

/** Kafka's member order: group.instance.id when set, else member.id. */
export function memberOrder(a: MemberSubscription, b: MemberSubscription): number {
  const ka = a.groupInstanceId ?? a.memberId;
  const kb = b.groupInstanceId ?? b.memberId;
  if (ka !== kb) return ka < kb ? -1 : 1;
  return a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0;
}

function emptyAssignment(members: readonly MemberSubscription[]): Map<string, TopicPartition[]> {
  const out = new Map<string, TopicPartition[]>();
  for (const m of members) out.set(m.memberId, []);
  return out;
}

function wrap(map: Map<string, TopicPartition[]>): Map<string, MemberAssignment> {
  const out = new Map<string, MemberAssignment>();
  for (const [id, partitions] of map) out.set(id, { partitions });
  return out;
}

/** Kafka's RangeAssignor. */
export function rangeAssign(
  members: readonly MemberSubscription[],
  partitionsPerTopic: ReadonlyMap<string, number>,
): Map<string, TopicPartition[]> {
  const out = emptyAssignment(members);
  const topics = [...partitionsPerTopic.keys()].sort();
  for (const topic of topics) {
    const count = partitionsPerTopic.get(topic) ?? 0;
    const subscribers = members.filter((m) => m.topics.includes(topic)).sort(memberOrder);
    if (subscribers.length === 0) continue;
    const each = Math.floor(count / subscribers.length);
    const extra = count % subscribers.length;
    for (let i = 0; i < subscribers.length; i++) {
      const start = each * i + Math.min(i, extra);
      const length = each + (i < extra ? 1 : 0);
      const list = out.get((subscribers[i] as MemberSubscription).memberId) as TopicPartition[];
      for (let p = start; p < start + length; p++) list.push({ topic, partition: p });
    }
  }
  return out;
}

/** Kafka's RoundRobinAssignor. */
export function roundRobinAssign(
  members: readonly MemberSubscription[],
  partitionsPerTopic: ReadonlyMap<string, number>,
): Map<string, TopicPartition[]> {
  const out = emptyAssignment(members);
  const sorted = [...members].sort(memberOrder);
  if (sorted.length === 0) return out;
  const topics = [...partitionsPerTopic.keys()].sort();
  let next = 0;
  for (const topic of topics) {
    const count = partitionsPerTopic.get(topic) ?? 0;
    if (!sorted.some((m) => m.topics.includes(topic))) continue;
    for (let p = 0; p < count; p++) {
      // The next member (in circular order) that subscribes to this topic.
      while (!(sorted[next % sorted.length] as MemberSubscription).topics.includes(topic)) next++;
      const member = sorted[next % sorted.length] as MemberSubscription;
      (out.get(member.memberId) as TopicPartition[]).push({ topic, partition: p });
      next++;
    }
  }
  return out;
}

const key = (topic: string, partition: number): string => `${topic}\u0000${partition}`;

/** The simplified CooperativeStickyAssignor described in the module doc. */
export function cooperativeStickyAssign(
  members: readonly MemberSubscription[],
  partitionsPerTopic: ReadonlyMap<string, number>,
): Map<string, TopicPartition[]> {
  const sorted = [...members].sort(memberOrder);
  const subscribed = new Map<string, Set<string>>();
  for (const m of sorted) subscribed.set(m.memberId, new Set(m.topics));
  // Every partition some member subscribes to, in topic then partition order.
  const all: TopicPartition[] = [];
  for (const topic of [...partitionsPerTopic.keys()].sort()) {
    if (!sorted.some((m) => m.topics.includes(topic))) continue;
    const count = partitionsPerTopic.get(topic) ?? 0;
    for (let p = 0; p < count; p++) all.push({ topic, partition: p });
  }
  const exists = new Set(all.map((tp) => key(tp.topic, tp.partition)));

  // 1. Valid previous owners: the claim with the highest generation, none on a tie.
  const previousOwner = new Map<string, { memberId: string; generation: number; tied: boolean }>();
  for (const m of sorted) {
    for (const tp of m.ownedPartitions) {
      const k = key(tp.topic, tp.partition);
      if (!exists.has(k) || !(subscribed.get(m.memberId) as Set<string>).has(tp.topic)) continue;
      const current = previousOwner.get(k);
      if (current === undefined || m.generationId > current.generation) {
        previousOwner.set(k, { memberId: m.memberId, generation: m.generationId, tied: false });
      } else if (m.generationId === current.generation && current.memberId !== m.memberId) {
        current.tied = true;
      }
    }
  }
  const owner = new Map<string, string>();
  const counts = new Map<string, number>();
  for (const m of sorted) counts.set(m.memberId, 0);
  for (const tp of all) {
    const prev = previousOwner.get(key(tp.topic, tp.partition));
    if (prev !== undefined && !prev.tied) {
      owner.set(key(tp.topic, tp.partition), prev.memberId);
      counts.set(prev.memberId, (counts.get(prev.memberId) ?? 0) + 1);
    }
  }
  const eligible = (tp: TopicPartition): MemberSubscription[] =>
    sorted.filter((m) => (subscribed.get(m.memberId) as Set<string>).has(tp.topic));

  // 2. Unowned partitions to the least loaded eligible member.
  for (const tp of all) {
    const k = key(tp.topic, tp.partition);
    if (owner.has(k)) continue;
    let best: string | null = null;
    for (const m of eligible(tp)) {
      if (best === null || (counts.get(m.memberId) ?? 0) < (counts.get(best) ?? 0)) best = m.memberId;
    }
    if (best === null) continue;
    owner.set(k, best);
    counts.set(best, (counts.get(best) ?? 0) + 1);
  }

  // 3. Balance: move from a member with >= 2 more than an eligible member. Each move
  // lowers the sum of squared counts, so the loop ends; the bound is a safety net.
  const byMember = (): Map<string, TopicPartition[]> => {
    const map = emptyAssignment(sorted);
    for (const tp of all) {
      const o = owner.get(key(tp.topic, tp.partition));
      if (o !== undefined) (map.get(o) as TopicPartition[]).push(tp);
    }
    return map;
  };
  const moveLimit = all.length * Math.max(1, sorted.length) + 1;
  for (let moves = 0; moves < moveLimit; moves++) {
    let moved = false;
    // Most loaded first; within it, partitions it did not own before go first (stickiness).
    const order = [...sorted].sort(
      (a, b) => (counts.get(b.memberId) ?? 0) - (counts.get(a.memberId) ?? 0) || memberOrder(a, b),
    );
    const current = byMember();
    for (const from of order) {
      const fromCount = counts.get(from.memberId) ?? 0;
      const candidates = (current.get(from.memberId) as TopicPartition[])
        .slice()
        .sort((a, b) => ownedRank(previousOwner, from.memberId, a) - ownedRank(previousOwner, from.memberId, b))
        .reverse();
      for (const tp of candidates) {
        let target: string | null = null;
        for (const m of eligible(tp)) {
          const c = counts.get(m.memberId) ?? 0;
          if (c + 1 < fromCount && (target === null || c < (counts.get(target) ?? 0))) target = m.memberId;
        }
        if (target === null) continue;
        owner.set(key(tp.topic, tp.partition), target);
        counts.set(from.memberId, fromCount - 1);
        counts.set(target, (counts.get(target) ?? 0) + 1);
        moved = true;
        break;
      }
      if (moved) break;
    }
    if (!moved) break;
  }

  // 4. Cooperative: a partition changing hands is given to nobody this round.
  const out = emptyAssignment(sorted);
  for (const tp of all) {
    const k = key(tp.topic, tp.partition);
    const o = owner.get(k);
    if (o === undefined) continue;
    const prev = previousOwner.get(k);
    // Tied claims: both claimers still fetch it until they revoke it, so nobody gets it yet.
    if (prev !== undefined && (prev.tied || prev.memberId !== o)) continue;
    (out.get(o) as TopicPartition[]).push(tp);
  }
  return out;
}

/** 1 when `memberId` owned `tp` before (keep it), 0 otherwise (move it first). */
function ownedRank(
  previousOwner: Map<string, { memberId: string; tied: boolean }>,
  memberId: string,
  tp: TopicPartition,
): number {
  const prev = previousOwner.get(key(tp.topic, tp.partition));
  return prev !== undefined && !prev.tied && prev.memberId === memberId ? 0 : 1;
}

/** Kafka's `range` assignor (eager). */
export const rangeAssignor: PartitionAssignor = Object.freeze({
  name: 'range',
  supportedProtocols: ['eager'] as const,
  assign: (members: readonly MemberSubscription[], partitionsPerTopic: ReadonlyMap<string, number>) =>
    wrap(rangeAssign(members, partitionsPerTopic)),
});

/** Kafka's `roundrobin` assignor (eager). */
export const roundRobinAssignor: PartitionAssignor = Object.freeze({
  name: 'roundrobin',
  supportedProtocols: ['eager'] as const,
  assign: (members: readonly MemberSubscription[], partitionsPerTopic: ReadonlyMap<string, number>) =>
    wrap(roundRobinAssign(members, partitionsPerTopic)),
});

/** Kafka's `cooperative-sticky` assignor (cooperative, KIP-429). */
export const cooperativeStickyAssignor: PartitionAssignor = Object.freeze({
  name: 'cooperative-sticky',
  supportedProtocols: ['eager', 'cooperative'] as const,
  assign: (members: readonly MemberSubscription[], partitionsPerTopic: ReadonlyMap<string, number>) =>
    wrap(cooperativeStickyAssign(members, partitionsPerTopic)),
});

/** The built-in assignors by name. */
export const BUILT_IN_ASSIGNORS: ReadonlyMap<string, PartitionAssignor> = new Map([
  ['range', rangeAssignor],
  ['roundrobin', roundRobinAssignor],
  ['cooperative-sticky', cooperativeStickyAssignor],
]);

/** True when the assignor supports the cooperative protocol (KIP-429). */
export function isCooperative(assignor: PartitionAssignor): boolean {
  return assignor.supportedProtocols?.includes('cooperative') === true;
}
