/**
 * Which partition of `__consumer_offsets` holds a group, and what a classic group's
 * members subscribe to. Both must agree with Kafka byte for byte: the first so that a
 * log directory moved between Gregor and Kafka keeps each group where the other looks
 * for it, the second because clients put Kafka's ConsumerProtocol in their metadata.
 */
import { Reader } from '@gregor/protocol';
import { ConsumerProtocolSubscription } from '@gregor/protocol/generated/messages/consumer-protocol-subscription';

/** The name of Kafka's group metadata topic. */
export const GROUP_METADATA_TOPIC = '__consumer_offsets';

/** Java's String.hashCode: over UTF-16 code units, with int32 overflow. */
export function javaStringHashCode(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}

/** Kafka's GroupCoordinator.partitionFor: `Utils.abs(groupId.hashCode) % partitions` (abs(MIN_VALUE) is 0). */
export function partitionForGroup(groupId: string, partitions: number): number {
  const h = javaStringHashCode(groupId);
  return (h === -2147483648 ? 0 : Math.abs(h)) % partitions;
}

/** The protocol type of groups of Kafka consumers (ConsumerProtocol.PROTOCOL_TYPE). */
export const CONSUMER_PROTOCOL_TYPE = 'consumer';

/**
 * The topics of a ConsumerProtocol subscription, or null when the bytes are not one.
 * As Kafka (ClassicGroup.computeSubscribedTopics), only the version and the fields of
 * version 0 are read: every later version starts with them, so a future client's
 * subscription still parses.
 */
export function subscriptionTopics(metadata: Buffer): string[] | null {
  const r = new Reader(metadata);
  const version = r.int16();
  if (r.error !== null || version < 0) return null;
  const subscription = ConsumerProtocolSubscription.read(r, 0);
  return r.error === null ? subscription.topics : null;
}
