// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/AlterPartitionResponse.json

import { ZERO_UUID, sizeOfCompactLength, sizeOfCompactString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField, Uuid } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class PartitionData {
  /** The partition index Versions 0-3. */
  partitionIndex: number = 0;
  /** The partition level error code Versions 0-3. */
  errorCode: number = 0;
  /** The broker ID of the leader. Versions 0-3. */
  leaderId: number = 0;
  /** The leader epoch. Versions 0-3. */
  leaderEpoch: number = 0;
  /** The in-sync replica IDs. Versions 0-3. */
  isr: number[] = [];
  /** 1 if the partition is recovering from an unclean leader election; 0 otherwise. Versions 1-3. */
  leaderRecoveryState: number = 0;
  /** The current epoch for the partition for KRaft controllers. The current ZK version for the legacy controllers. Versions 0-3. */
  partitionEpoch: number = 0;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): PartitionData {
    const o = new PartitionData();
    o.partitionIndex = r.int32();
    o.errorCode = r.int16();
    o.leaderId = r.int32();
    o.leaderEpoch = r.int32();
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field Isr was null');
    } else {
      const a2: number[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(r.int32());
      o.isr = a2;
    }
    if (v >= 1) {
      o.leaderRecoveryState = r.int8();
    }
    o.partitionEpoch = r.int32();
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: PartitionData): void {
    w.int32(o.partitionIndex);
    w.int16(o.errorCode);
    w.int32(o.leaderId);
    w.int32(o.leaderEpoch);
    w.compactArrayLength(o.isr.length);
    for (let i4 = 0; i4 < o.isr.length; i4++) w.int32(o.isr[i4]!);
    if (v >= 1) {
      w.int8(o.leaderRecoveryState);
    }
    w.int32(o.partitionEpoch);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: PartitionData): number {
    let s = 0;
    s += 4;
    s += 2;
    s += 4;
    s += 4;
    s += sizeOfCompactLength(o.isr.length) + o.isr.length * 4;
    if (v >= 1) {
      s += 1;
    }
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
  static isDefault(o: PartitionData): boolean {
    return (o.partitionIndex === 0) &&
      (o.errorCode === 0) &&
      (o.leaderId === 0) &&
      (o.leaderEpoch === 0) &&
      (o.isr.length === 0) &&
      (o.leaderRecoveryState === 0) &&
      (o.partitionEpoch === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class TopicData {
  /** The name of the topic Versions 0-1. */
  topicName: string = "";
  /** The ID of the topic Versions 2-3. */
  topicId: Uuid = ZERO_UUID;
  /** Versions 0-3. */
  partitions: PartitionData[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): TopicData {
    const o = new TopicData();
    if (v <= 1) {
      o.topicName = r.compactString();
    }
    if (v >= 2) {
      o.topicId = r.uuid();
    }
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field Partitions was null');
    } else {
      const a2: PartitionData[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(PartitionData.read(r, v));
      o.partitions = a2;
    }
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: TopicData): void {
    if (v <= 1) {
      w.compactString(o.topicName);
    }
    if (v >= 2) {
      w.uuid(o.topicId);
    }
    w.compactArrayLength(o.partitions.length);
    for (let i4 = 0; i4 < o.partitions.length; i4++) PartitionData.write(w, v, o.partitions[i4]!);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: TopicData): number {
    let s = 0;
    if (v <= 1) {
      s += sizeOfCompactString(o.topicName);
    }
    if (v >= 2) {
      s += 16;
    }
    s += sizeOfCompactLength(o.partitions.length);
    for (let i5 = 0; i5 < o.partitions.length; i5++) s += PartitionData.size(v, o.partitions[i5]!);
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
  static isDefault(o: TopicData): boolean {
    return (o.topicName === "") &&
      (o.topicId === ZERO_UUID) &&
      (o.partitions.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** AlterPartitionResponse: versions 0-3, flexible 0+. */
export class AlterPartitionResponse {
  static readonly messageName = 'AlterPartitionResponse';
  static readonly apiKey = 56;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 3;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 0;

  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0-3. */
  throttleTimeMs: number = 0;
  /** The top level response error code Versions 0-3. */
  errorCode: number = 0;
  /** Versions 0-3. */
  topics: TopicData[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): AlterPartitionResponse {
    const o = new AlterPartitionResponse();
    o.throttleTimeMs = r.int32();
    o.errorCode = r.int16();
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field Topics was null');
    } else {
      const a2: TopicData[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(TopicData.read(r, v));
      o.topics = a2;
    }
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: AlterPartitionResponse): void {
    w.int32(o.throttleTimeMs);
    w.int16(o.errorCode);
    w.compactArrayLength(o.topics.length);
    for (let i4 = 0; i4 < o.topics.length; i4++) TopicData.write(w, v, o.topics[i4]!);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: AlterPartitionResponse): number {
    let s = 0;
    s += 4;
    s += 2;
    s += sizeOfCompactLength(o.topics.length);
    for (let i5 = 0; i5 < o.topics.length; i5++) s += TopicData.size(v, o.topics[i5]!);
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
  static isDefault(o: AlterPartitionResponse): boolean {
    return (o.throttleTimeMs === 0) &&
      (o.errorCode === 0) &&
      (o.topics.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
