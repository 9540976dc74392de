// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/DescribeTopicPartitionsResponse.json

import { ZERO_UUID, sizeOfCompactLength, sizeOfCompactString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField, Uuid } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class Cursor {
  /** The name for the first topic to process Versions 0-0. */
  topicName: string = "";
  /** The partition index to start with Versions 0-0. */
  partitionIndex: number = 0;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): Cursor {
    const o = new Cursor();
    o.topicName = r.compactString();
    o.partitionIndex = r.int32();
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: Cursor): void {
    w.compactString(o.topicName);
    w.int32(o.partitionIndex);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: Cursor): number {
    let s = 0;
    s += sizeOfCompactString(o.topicName);
    s += 4;
    const u = o._unknownTaggedFields;
    let count = 0;
    if (u !== null) {
      count = u.length;
      s += sizeOfTaggedFields(u);
    }
    s += sizeOfUnsignedVarint(count);
    return s;
  }

  /** True when every field holds its default value. */
  static isDefault(o: Cursor): boolean {
    return (o.topicName === "") &&
      (o.partitionIndex === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class DescribeTopicPartitionsResponsePartition {
  /** The partition error, or 0 if there was no error. Versions 0-0. */
  errorCode: number = 0;
  /** The partition index. Versions 0-0. */
  partitionIndex: number = 0;
  /** The ID of the leader broker. Versions 0-0. */
  leaderId: number = 0;
  /** The leader epoch of this partition. Versions 0-0. */
  leaderEpoch: number = -1;
  /** The set of all nodes that host this partition. Versions 0-0. */
  replicaNodes: number[] = [];
  /** The set of nodes that are in sync with the leader for this partition. Versions 0-0. */
  isrNodes: number[] = [];
  /** The new eligible leader replicas otherwise. Versions 0-0. */
  eligibleLeaderReplicas: number[] | null = null;
  /** The last known ELR. Versions 0-0. */
  lastKnownElr: number[] | null = null;
  /** The set of offline replicas of this partition. Versions 0-0. */
  offlineReplicas: number[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): DescribeTopicPartitionsResponsePartition {
    const o = new DescribeTopicPartitionsResponsePartition();
    o.errorCode = r.int16();
    o.partitionIndex = r.int32();
    o.leaderId = r.int32();
    o.leaderEpoch = r.int32();
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field ReplicaNodes was null');
    } else {
      const a2: number[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(r.int32());
      o.replicaNodes = a2;
    }
    const n4 = r.compactArrayLength();
    if (n4 < 0) {
      r.fail('non-nullable field IsrNodes was null');
    } else {
      const a5: number[] = [];
      for (let i6 = 0; i6 < n4 && r.error === null; i6++) a5.push(r.int32());
      o.isrNodes = a5;
    }
    const n7 = r.compactArrayLength();
    if (n7 < 0) {
      o.eligibleLeaderReplicas = null;
    } else {
      const a8: number[] = [];
      for (let i9 = 0; i9 < n7 && r.error === null; i9++) a8.push(r.int32());
      o.eligibleLeaderReplicas = a8;
    }
    const n10 = r.compactArrayLength();
    if (n10 < 0) {
      o.lastKnownElr = null;
    } else {
      const a11: number[] = [];
      for (let i12 = 0; i12 < n10 && r.error === null; i12++) a11.push(r.int32());
      o.lastKnownElr = a11;
    }
    const n13 = r.compactArrayLength();
    if (n13 < 0) {
      r.fail('non-nullable field OfflineReplicas was null');
    } else {
      const a14: number[] = [];
      for (let i15 = 0; i15 < n13 && r.error === null; i15++) a14.push(r.int32());
      o.offlineReplicas = a14;
    }
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: DescribeTopicPartitionsResponsePartition): void {
    w.int16(o.errorCode);
    w.int32(o.partitionIndex);
    w.int32(o.leaderId);
    w.int32(o.leaderEpoch);
    w.compactArrayLength(o.replicaNodes.length);
    for (let i16 = 0; i16 < o.replicaNodes.length; i16++) w.int32(o.replicaNodes[i16]!);
    w.compactArrayLength(o.isrNodes.length);
    for (let i17 = 0; i17 < o.isrNodes.length; i17++) w.int32(o.isrNodes[i17]!);
    if (o.eligibleLeaderReplicas === null) w.unsignedVarint(0);
    else {
      w.compactArrayLength(o.eligibleLeaderReplicas.length);
      for (let i18 = 0; i18 < o.eligibleLeaderReplicas.length; i18++) w.int32(o.eligibleLeaderReplicas[i18]!);
    }
    if (o.lastKnownElr === null) w.unsignedVarint(0);
    else {
      w.compactArrayLength(o.lastKnownElr.length);
      for (let i19 = 0; i19 < o.lastKnownElr.length; i19++) w.int32(o.lastKnownElr[i19]!);
    }
    w.compactArrayLength(o.offlineReplicas.length);
    for (let i20 = 0; i20 < o.offlineReplicas.length; i20++) w.int32(o.offlineReplicas[i20]!);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: DescribeTopicPartitionsResponsePartition): number {
    let s = 0;
    s += 2;
    s += 4;
    s += 4;
    s += 4;
    s += sizeOfCompactLength(o.replicaNodes.length) + o.replicaNodes.length * 4;
    s += sizeOfCompactLength(o.isrNodes.length) + o.isrNodes.length * 4;
    if (o.eligibleLeaderReplicas === null) s += 1;
    else {
      s += sizeOfCompactLength(o.eligibleLeaderReplicas.length) + o.eligibleLeaderReplicas.length * 4;
    }
    if (o.lastKnownElr === null) s += 1;
    else {
      s += sizeOfCompactLength(o.lastKnownElr.length) + o.lastKnownElr.length * 4;
    }
    s += sizeOfCompactLength(o.offlineReplicas.length) + o.offlineReplicas.length * 4;
    const u = o._unknownTaggedFields;
    let count = 0;
    if (u !== null) {
      count = u.length;
      s += sizeOfTaggedFields(u);
    }
    s += sizeOfUnsignedVarint(count);
    return s;
  }

  /** True when every field holds its default value. */
  static isDefault(o: DescribeTopicPartitionsResponsePartition): boolean {
    return (o.errorCode === 0) &&
      (o.partitionIndex === 0) &&
      (o.leaderId === 0) &&
      (o.leaderEpoch === -1) &&
      (o.replicaNodes.length === 0) &&
      (o.isrNodes.length === 0) &&
      (o.eligibleLeaderReplicas === null) &&
      (o.lastKnownElr === null) &&
      (o.offlineReplicas.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class DescribeTopicPartitionsResponseTopic {
  /** The topic error, or 0 if there was no error. Versions 0-0. */
  errorCode: number = 0;
  /** The topic name. Versions 0-0. */
  name: string | null = "";
  /** The topic id. Versions 0-0. */
  topicId: Uuid = ZERO_UUID;
  /** True if the topic is internal. Versions 0-0. */
  isInternal: boolean = false;
  /** Each partition in the topic. Versions 0-0. */
  partitions: DescribeTopicPartitionsResponsePartition[] = [];
  /** 32-bit bitfield to represent authorized operations for this topic. Versions 0-0. */
  topicAuthorizedOperations: number = -2147483648;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): DescribeTopicPartitionsResponseTopic {
    const o = new DescribeTopicPartitionsResponseTopic();
    o.errorCode = r.int16();
    o.name = r.compactNullableString();
    o.topicId = r.uuid();
    o.isInternal = r.bool();
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field Partitions was null');
    } else {
      const a2: DescribeTopicPartitionsResponsePartition[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(DescribeTopicPartitionsResponsePartition.read(r, v));
      o.partitions = a2;
    }
    o.topicAuthorizedOperations = r.int32();
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: DescribeTopicPartitionsResponseTopic): void {
    w.int16(o.errorCode);
    w.compactNullableString(o.name);
    w.uuid(o.topicId);
    w.bool(o.isInternal);
    w.compactArrayLength(o.partitions.length);
    for (let i4 = 0; i4 < o.partitions.length; i4++) DescribeTopicPartitionsResponsePartition.write(w, v, o.partitions[i4]!);
    w.int32(o.topicAuthorizedOperations);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: DescribeTopicPartitionsResponseTopic): number {
    let s = 0;
    s += 2;
    s += (o.name === null ? 1 : sizeOfCompactString(o.name));
    s += 16;
    s += 1;
    s += sizeOfCompactLength(o.partitions.length);
    for (let i5 = 0; i5 < o.partitions.length; i5++) s += DescribeTopicPartitionsResponsePartition.size(v, o.partitions[i5]!);
    s += 4;
    const u = o._unknownTaggedFields;
    let count = 0;
    if (u !== null) {
      count = u.length;
      s += sizeOfTaggedFields(u);
    }
    s += sizeOfUnsignedVarint(count);
    return s;
  }

  /** True when every field holds its default value. */
  static isDefault(o: DescribeTopicPartitionsResponseTopic): boolean {
    return (o.errorCode === 0) &&
      (o.name === "") &&
      (o.topicId === ZERO_UUID) &&
      (o.isInternal === false) &&
      (o.partitions.length === 0) &&
      (o.topicAuthorizedOperations === -2147483648) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** DescribeTopicPartitionsResponse: versions 0, flexible 0+. */
export class DescribeTopicPartitionsResponse {
  static readonly messageName = 'DescribeTopicPartitionsResponse';
  static readonly apiKey = 75;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 0;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 0;

  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0-0. */
  throttleTimeMs: number = 0;
  /** Each topic in the response. Versions 0-0. */
  topics: DescribeTopicPartitionsResponseTopic[] = [];
  /** The next topic and partition index to fetch details for. Versions 0-0. */
  nextCursor: Cursor | null = null;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): DescribeTopicPartitionsResponse {
    const o = new DescribeTopicPartitionsResponse();
    o.throttleTimeMs = r.int32();
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field Topics was null');
    } else {
      const a2: DescribeTopicPartitionsResponseTopic[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(DescribeTopicPartitionsResponseTopic.read(r, v));
      o.topics = a2;
    }
    o.nextCursor = r.int8() < 0 ? null : Cursor.read(r, v);
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: DescribeTopicPartitionsResponse): void {
    w.int32(o.throttleTimeMs);
    w.compactArrayLength(o.topics.length);
    for (let i4 = 0; i4 < o.topics.length; i4++) DescribeTopicPartitionsResponseTopic.write(w, v, o.topics[i4]!);
    if (o.nextCursor === null) w.int8(-1);
    else {
      w.int8(1);
      Cursor.write(w, v, o.nextCursor!);
    }
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: DescribeTopicPartitionsResponse): number {
    let s = 0;
    s += 4;
    s += sizeOfCompactLength(o.topics.length);
    for (let i5 = 0; i5 < o.topics.length; i5++) s += DescribeTopicPartitionsResponseTopic.size(v, o.topics[i5]!);
    s += o.nextCursor === null ? 1 : 1 + Cursor.size(v, o.nextCursor!);
    const u = o._unknownTaggedFields;
    let count = 0;
    if (u !== null) {
      count = u.length;
      s += sizeOfTaggedFields(u);
    }
    s += sizeOfUnsignedVarint(count);
    return s;
  }

  /** True when every field holds its default value. */
  static isDefault(o: DescribeTopicPartitionsResponse): boolean {
    return (o.throttleTimeMs === 0) &&
      (o.topics.length === 0) &&
      (o.nextCursor === null) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
