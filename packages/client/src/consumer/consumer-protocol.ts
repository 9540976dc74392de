/**
 * The embedded consumer protocol: what members put in JoinGroup's protocol metadata
 * (ConsumerProtocolSubscription) and what the leader hands out in SyncGroup
 * (ConsumerProtocolAssignment). Both are an int16 version followed by the message.
 *
 * Decoding is tolerant, as Kafka's is, because members of other clients share the
 * group: a version newer than this code knows is read as the newest known (newer
 * versions only append fields) and trailing bytes are ignored; a v1+ subscription
 * whose bytes hold only the v0 fields (some clients label v0 bytes v1) is read as v0;
 * an empty assignment means no partitions (KafkaJS sends nothing to members it gives
 * nothing).
 */
import { ConsumerProtocolAssignment, ConsumerProtocolSubscription, Reader, Writer } from '@gregor/protocol';
import { TopicPartition as AssignmentTopic } from '@gregor/protocol/generated/messages/consumer-protocol-assignment';
import { TopicPartition as SubscriptionTopic } from '@gregor/protocol/generated/messages/consumer-protocol-subscription';
import { KafkaError } from '../errors.js';
import type { TopicPartition } from '../types.js';
import type { MemberSubscription } from './assignors.js';

/** The subscription version written: v3 carries ownedPartitions, generationId, rackId. */
export const SUBSCRIPTION_VERSION = 3;
/** The assignment version written when the member did not say otherwise. */
export const ASSIGNMENT_VERSION = 3;

/** Groups partitions by topic, topics and partitions sorted. */
export function byTopic(partitions: readonly TopicPartition[]): Map<string, number[]> {
  const map = new Map<string, number[]>();
  for (const tp of partitions) {
    let list = map.get(tp.topic);
    if (list === undefined) {
      list = [];
      map.set(tp.topic, list);
    }
    list.push(tp.partition);
  }
  const sorted = new Map<string, number[]>();
  for (const topic of [...map.keys()].sort()) {
    sorted.set(
      topic,
      (map.get(topic) as number[]).sort((a, b) => a - b),
    );
  }
  return sorted;
}

function withVersion(version: number, size: number, write: (w: Writer) => void): Buffer {
  const w = Writer.alloc(2 + size);
  w.int16(version);
  write(w);
  return w.finish();
}

export interface SubscriptionInput {
  topics: readonly string[];
  userData: Buffer | null;
  ownedPartitions: readonly TopicPartition[];
  generationId: number;
  rackId: string | null;
}

export function encodeSubscription(input: SubscriptionInput, version = SUBSCRIPTION_VERSION): Buffer {
  const s = new ConsumerProtocolSubscription();
  s.topics = [...input.topics].sort();
  s.userData = input.userData;
  for (const [topic, partitions] of byTopic(input.ownedPartitions)) {
    const t = new SubscriptionTopic();
    t.topic = topic;
    t.partitions = partitions;
    s.ownedPartitions.push(t);
  }
  s.generationId = input.generationId;
  s.rackId = input.rackId;
  return withVersion(version, ConsumerProtocolSubscription.size(version, s), (w) =>
    ConsumerProtocolSubscription.write(w, version, s),
  );
}

function readAt<T>(buf: Buffer, version: number, read: (r: Reader, v: number) => T): T | null {
  const r = new Reader(buf.subarray(2));
  const value = read(r, version);
  return r.error === null ? value : null;
}

/** A member's subscription from JoinGroup metadata; throws KafkaError on bytes it cannot read at all. */
export function decodeSubscription(
  memberId: string,
  groupInstanceId: string | null,
  metadata: Buffer,
): MemberSubscription & { version: number } {
  if (metadata.length < 2) {
    throw new KafkaError(-1, `member ${memberId} sent ${metadata.length} bytes of subscription metadata`);
  }
  const version = metadata.readInt16BE(0);
  if (version < 0) throw new KafkaError(-1, `member ${memberId} sent subscription version ${version}`);
  let read = Math.min(version, ConsumerProtocolSubscription.highestVersion);
  let s = readAt(metadata, read, ConsumerProtocolSubscription.read);
  while (s === null && read > 0) {
    read--;
    s = readAt(metadata, read, ConsumerProtocolSubscription.read);
  }
  if (s === null) throw new KafkaError(-1, `member ${memberId} sent unreadable subscription metadata`);
  const owned: TopicPartition[] = [];
  for (const t of s.ownedPartitions) for (const p of t.partitions) owned.push({ topic: t.topic, partition: p });
  return {
    memberId,
    groupInstanceId,
    topics: s.topics,
    userData: s.userData,
    ownedPartitions: owned,
    generationId: s.generationId,
    rackId: s.rackId,
    version,
  };
}

export function encodeAssignment(
  partitions: readonly TopicPartition[],
  userData: Buffer | null,
  version = ASSIGNMENT_VERSION,
): Buffer {
  const a = new ConsumerProtocolAssignment();
  for (const [topic, list] of byTopic(partitions)) {
    const t = new AssignmentTopic();
    t.topic = topic;
    t.partitions = list;
    a.assignedPartitions.push(t);
  }
  a.userData = userData;
  const v = Math.min(Math.max(version, 0), ConsumerProtocolAssignment.highestVersion);
  return withVersion(v, ConsumerProtocolAssignment.size(v, a), (w) => ConsumerProtocolAssignment.write(w, v, a));
}

/** The partitions of a SyncGroup assignment; empty bytes are an empty assignment. */
export function decodeAssignment(buf: Buffer): { partitions: TopicPartition[]; userData: Buffer | null } {
  if (buf.length === 0) return { partitions: [], userData: null };
  if (buf.length < 2) throw new KafkaError(-1, `assignment of ${buf.length} bytes`);
  const version = buf.readInt16BE(0);
  if (version < 0) throw new KafkaError(-1, `assignment version ${version}`);
  const a = readAt(buf, Math.min(version, ConsumerProtocolAssignment.highestVersion), ConsumerProtocolAssignment.read);
  if (a === null) throw new KafkaError(-1, 'unreadable assignment from the group leader');
  const partitions: TopicPartition[] = [];
  for (const t of a.assignedPartitions) for (const p of t.partitions) partitions.push({ topic: t.topic, partition: p });
  return { partitions, userData: a.userData };
}
