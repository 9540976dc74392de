/**
 * Choosing a partition for a record.
 *
 * Keyed records: `(murmur2(key) & 0x7fffffff) % partitionCount`, the formula of Kafka's
 * Java client (`Utils.toPositive(Utils.murmur2(keyBytes)) % numPartitions`), of
 * librdkafka's `murmur2_random` and of KafkaJS's DefaultPartitioner, so that a key lands
 * on the same partition whichever of these clients wrote it.
 *
 * Records without a key: the sticky partitioner of KIP-480. All of a topic's keyless
 * records go to one partition until the batch for it is closed (full, or sent after
 * linger.ms); the next batch then goes to another partition chosen at random among those
 * with a leader. Spraying keyless records round-robin would make batches N times smaller
 * for N partitions; sticking fills batches and keeps the latency of linger.ms.
 */

/**
 * Chooses a partition. `key` and `value` are the serialized bytes (strings are passed as
 * they are when a serializer returned one). `availablePartitions`, when given, lists the
 * partitions that currently have a leader.
 *
 * `onNewBatch`, when present, is called by the producer when the batch of the partition
 * this partitioner chose is closed and a new one is about to be started (KIP-480).
 */
export type Partitioner = ((
  topic: string,
  key: Buffer | null,
  partitionCount: number,
  value: Buffer | null,
  availablePartitions?: readonly number[],
) => number) & {
  onNewBatch?: (
    topic: string,
    previousPartition: number,
    partitionCount: number,
    available?: readonly number[],
  ) => void;
};

const SEED = 0x9747b28c;
const M = 0x5bd1e995;

/**
 * MurmurHash2 (32-bit) as Kafka's Java client computes it (`Utils.murmur2`, seed
 * 0x9747b28c), returned as a signed 32-bit integer like Java's `int`.
 */
export function murmur2(data: Uint8Array): number {
  const length = data.length;
  let h = SEED ^ length;
  const whole = length & ~3;
  for (let i = 0; i < whole; i += 4) {
    let k = data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16) | (data[i + 3]! << 24);
    k = Math.imul(k, M);
    k ^= k >>> 24;
    k = Math.imul(k, M);
    h = Math.imul(h, M) ^ k;
  }
  const rest = length & 3;
  // Falls through like Java's switch: 3 mixes bytes 2, 1 and 0; 2 mixes 1 and 0.
  if (rest === 3) h ^= data[whole + 2]! << 16;
  if (rest >= 2) h ^= data[whole + 1]! << 8;
  if (rest >= 1) {
    h ^= data[whole]!;
    h = Math.imul(h, M);
  }
  h ^= h >>> 13;
  h = Math.imul(h, M);
  h ^= h >>> 15;
  return h | 0;
}

/** The partition of a keyed record: `(murmur2(key) & 0x7fffffff) % partitionCount`. */
export function keyPartition(key: Uint8Array, partitionCount: number): number {
  return (murmur2(key) & 0x7fffffff) % partitionCount;
}

function randomPartition(
  partitionCount: number,
  available: readonly number[] | undefined,
  avoid: number,
  random: () => number,
): number {
  if (available !== undefined && available.length > 0) {
    if (available.length === 1) return available[0]!;
    for (;;) {
      const p = available[Math.floor(random() * available.length)]!;
      if (p !== avoid) return p;
    }
  }
  if (partitionCount <= 1) return 0;
  for (;;) {
    const p = Math.floor(random() * partitionCount);
    if (p !== avoid) return p;
  }
}

/**
 * The default partitioner: murmur2 for keyed records, sticky per topic (KIP-480) for
 * records without a key. Each call returns a new partitioner with its own sticky state.
 * `random` is replaceable for tests.
 */
export function defaultPartitioner(random: () => number = Math.random): Partitioner {
  const sticky = new Map<string, number>();
  const partitioner: Partitioner = (topic, key, partitionCount, _value, available) => {
    if (key !== null) return keyPartition(key, partitionCount);
    const current = sticky.get(topic);
    if (current !== undefined && current < partitionCount) return current;
    const chosen = randomPartition(partitionCount, available, -1, random);
    sticky.set(topic, chosen);
    return chosen;
  };
  partitioner.onNewBatch = (topic, previousPartition, partitionCount, available) => {
    const current = sticky.get(topic);
    // Only the partition the sticky choice led to moves the choice on: a keyed record's
    // new batch on some other partition says nothing about the sticky one.
    if (current !== undefined && current !== previousPartition) return;
    sticky.set(topic, randomPartition(partitionCount, available, previousPartition, random));
  };
  return partitioner;
}
