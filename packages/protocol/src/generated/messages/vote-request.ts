// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/VoteRequest.json

import { ZERO_UUID, sizeOfCompactLength, sizeOfCompactString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField, Uuid } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class PartitionData {
  /** The partition index. Versions 0-1. */
  partitionIndex: number = 0;
  /** The bumped epoch of the candidate sending the request Versions 0-1. */
  candidateEpoch: number = 0;
  /** The replica id of the voter sending the request Versions 0-1. */
  candidateId: number = 0;
  /** The directory id of the voter sending the request Versions 1-1. */
  candidateDirectoryId: Uuid = ZERO_UUID;
  /** The ID of the voter sending the request Versions 1-1. */
  voterDirectoryId: Uuid = ZERO_UUID;
  /** The epoch of the last record written to the metadata log Versions 0-1. */
  lastOffsetEpoch: number = 0;
  /** The offset of the last record written to the metadata log Versions 0-1. */
  lastOffset: bigint = 0n;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): PartitionData {
    const o = new PartitionData();
    o.partitionIndex = r.int32();
    o.candidateEpoch = r.int32();
    o.candidateId = r.int32();
    if (v >= 1) {
      o.candidateDirectoryId = r.uuid();
    }
    if (v >= 1) {
      o.voterDirectoryId = r.uuid();
    }
    o.lastOffsetEpoch = r.int32();
    o.lastOffset = r.int64();
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
    w.int32(o.candidateEpoch);
    w.int32(o.candidateId);
    if (v >= 1) {
      w.uuid(o.candidateDirectoryId);
    }
    if (v >= 1) {
      w.uuid(o.voterDirectoryId);
    }
    w.int32(o.lastOffsetEpoch);
    w.int64(o.lastOffset);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: PartitionData): number {
    let s = 0;
    s += 4;
    s += 4;
    s += 4;
    if (v >= 1) {
      s += 16;
    }
    if (v >= 1) {
      s += 16;
    }
    s += 4;
    s += 8;
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
      (o.candidateEpoch === 0) &&
      (o.candidateId === 0) &&
      (o.candidateDirectoryId === ZERO_UUID) &&
      (o.voterDirectoryId === ZERO_UUID) &&
      (o.lastOffsetEpoch === 0) &&
      (o.lastOffset === 0n) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class TopicData {
  /** The topic name. Versions 0-1. */
  topicName: string = "";
  /** Versions 0-1. */
  partitions: PartitionData[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): TopicData {
    const o = new TopicData();
    o.topicName = r.compactString();
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
    w.compactString(o.topicName);
    w.compactArrayLength(o.partitions.length);
    for (let i4 = 0; i4 < o.partitions.length; i4++) PartitionData.write(w, v, o.partitions[i4]!);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: TopicData): number {
    let s = 0;
    s += sizeOfCompactString(o.topicName);
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
      (o.partitions.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** VoteRequest: versions 0-1, flexible 0+. */
export class VoteRequest {
  static readonly messageName = 'VoteRequest';
  static readonly apiKey = 52;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 1;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 0;

  /** Versions 0-1. */
  clusterId: string | null = null;
  /** The replica id of the voter receiving the request Versions 1-1. */
  voterId: number = -1;
  /** Versions 0-1. */
  topics: TopicData[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): VoteRequest {
    const o = new VoteRequest();
    o.clusterId = r.compactNullableString();
    if (v >= 1) {
      o.voterId = r.int32();
    }
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

  static write(w: Writer, v: number, o: VoteRequest): void {
    w.compactNullableString(o.clusterId);
    if (v >= 1) {
      w.int32(o.voterId);
    }
    w.compactArrayLength(o.topics.length);
    for (let i4 = 0; i4 < o.topics.length; i4++) TopicData.write(w, v, o.topics[i4]!);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: VoteRequest): number {
    let s = 0;
    s += (o.clusterId === null ? 1 : sizeOfCompactString(o.clusterId));
    if (v >= 1) {
      s += 4;
    }
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
  static isDefault(o: VoteRequest): boolean {
    return (o.clusterId === null) &&
      (o.voterId === -1) &&
      (o.topics.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
