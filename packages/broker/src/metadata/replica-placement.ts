/**
 * Rack-aware replica placement, the idea of Kafka's StripedReplicaPlacer: replicas of a
 * partition go to distinct racks first and only then share one, brokers within a rack
 * are taken in turn, and both start at a random offset so that the first replicas (the
 * preferred leaders) of a topic's partitions are spread over racks and brokers.
 * Brokers without a rack count as one rack of their own.
 *
 * Only usable brokers (registered, unfenced, not in controlled shutdown) are given;
 * asking for more replicas than there are is INVALID_REPLICATION_FACTOR.
 */
import { ErrorCode } from '@gregor/protocol';

export interface UsableBroker {
  nodeId: number;
  rack: string | null;
}

export type Placement = { ok: true; assignment: number[][] } | { ok: false; errorCode: number; errorMessage: string };

/**
 * Replica lists for `partitions` partitions of `replicationFactor` replicas each.
 * `random` in [0, 1) picks the starting rack and broker offsets.
 */
export function placeReplicas(
  brokers: readonly UsableBroker[],
  partitions: number,
  replicationFactor: number,
  random: () => number,
): Placement {
  if (replicationFactor <= 0) {
    return {
      ok: false,
      errorCode: ErrorCode.INVALID_REPLICATION_FACTOR,
      errorMessage: 'Invalid replication factor: the replication factor must be positive.',
    };
  }
  if (brokers.length === 0) {
    return {
      ok: false,
      errorCode: ErrorCode.INVALID_REPLICATION_FACTOR,
      errorMessage: 'All brokers are currently fenced.',
    };
  }
  if (replicationFactor > brokers.length) {
    return {
      ok: false,
      errorCode: ErrorCode.INVALID_REPLICATION_FACTOR,
      errorMessage: `The target replication factor of ${replicationFactor} cannot be reached because only ${brokers.length} broker(s) are registered.`,
    };
  }
  // Racks in name order (no rack last), brokers in id order within each.
  const byRack = new Map<string, number[]>();
  for (const b of brokers) {
    const key = b.rack ?? '\u0000';
    const list = byRack.get(key);
    if (list === undefined) byRack.set(key, [b.nodeId]);
    else list.push(b.nodeId);
  }
  const racks = [...byRack.entries()]
    .sort((a, b) => (a[0] === b[0] ? 0 : a[0] === '\u0000' ? 1 : b[0] === '\u0000' ? -1 : a[0] < b[0] ? -1 : 1))
    .map(([, ids]) => ids.sort((a, b) => a - b));
  const rackStart = Math.floor(random() * racks.length);
  const brokerStart = Math.floor(random() * brokers.length);
  const assignment: number[][] = [];
  for (let p = 0; p < partitions; p++) {
    const replicas: number[] = [];
    // Each partition starts one rack further, and within a rack one broker further each
    // time the racks wrap around, so leaders rotate over every broker.
    const firstRack = (rackStart + p) % racks.length;
    const round = Math.floor((rackStart + p) / racks.length) + brokerStart;
    for (let pass = 0; replicas.length < replicationFactor; pass++) {
      for (let i = 0; i < racks.length && replicas.length < replicationFactor; i++) {
        const rack = racks[(firstRack + i) % racks.length] as number[];
        if (pass >= rack.length) continue;
        replicas.push(rack[(round + pass) % rack.length] as number);
      }
    }
    assignment.push(replicas);
  }
  return { ok: true, assignment };
}
