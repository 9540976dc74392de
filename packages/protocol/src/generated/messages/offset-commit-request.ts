// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/OffsetCommitRequest.json

import { fieldNotSupported, sizeOfCompactLength, sizeOfCompactString, sizeOfString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class OffsetCommitRequestPartition {
  /** The partition index. Versions 0-9. */
  partitionIndex: number = 0;
  /** The message offset to be committed. Versions 0-9. */
  committedOffset: bigint = 0n;
  /** The leader epoch of this partition. Versions 6-9. */
  committedLeaderEpoch: number = -1;
  /** The timestamp of the commit. Versions 1-1. */
  commitTimestamp: bigint = -1n;
  /** Any associated metadata the client wants to keep. Versions 0-9. */
  committedMetadata: string | null = "";
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): OffsetCommitRequestPartition {
    const o = new OffsetCommitRequestPartition();
    const flexible = v >= 8;
    o.partitionIndex = r.int32();
    o.committedOffset = r.int64();
    if (v >= 6) {
      o.committedLeaderEpoch = r.int32();
    }
    if (v >= 1 && v <= 1) {
      o.commitTimestamp = r.int64();
    }
    o.committedMetadata = (v >= 8 ? r.compactNullableString() : r.nullableString());
    if (flexible) {
      const count = r.unsignedVarint();
      for (let t = 0; t < count && r.error === null; t++) {
        const tag = r.unsignedVarint();
        const size = r.unsignedVarint();
        (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
      }
    }
    return o;
  }

  static write(w: Writer, v: number, o: OffsetCommitRequestPartition): void {
    const flexible = v >= 8;
    w.int32(o.partitionIndex);
    w.int64(o.committedOffset);
    if (v >= 6) {
      w.int32(o.committedLeaderEpoch);
    }
    if (v >= 1 && v <= 1) {
      w.int64(o.commitTimestamp);
    }
    if (!(v >= 1 && v <= 1)) {
      if (!(o.commitTimestamp === -1n)) throw fieldNotSupported('CommitTimestamp', v);
    }
    if (v >= 8) w.compactNullableString(o.committedMetadata);
    else w.nullableString(o.committedMetadata);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: OffsetCommitRequestPartition): number {
    let s = 0;
    const flexible = v >= 8;
    s += 4;
    s += 8;
    if (v >= 6) {
      s += 4;
    }
    if (v >= 1 && v <= 1) {
      s += 8;
    }
    s += (o.committedMetadata === null ? (v >= 8 ? 1 : 2) : (v >= 8 ? sizeOfCompactString(o.committedMetadata) : sizeOfString(o.committedMetadata)));
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = 0;
      if (u !== null) {
        count = u.length;
        s += sizeOfTaggedFields(u);
      }
      s += sizeOfUnsignedVarint(count);
    }
    return s;
  }

  /** True when every field holds its default value. */
  static isDefault(o: OffsetCommitRequestPartition): boolean {
    return (o.partitionIndex === 0) &&
      (o.committedOffset === 0n) &&
      (o.committedLeaderEpoch === -1) &&
      (o.commitTimestamp === -1n) &&
      (o.committedMetadata === "") &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class OffsetCommitRequestTopic {
  /** The topic name. Versions 0-9. */
  name: string = "";
  /** Each partition to commit offsets for. Versions 0-9. */
  partitions: OffsetCommitRequestPartition[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): OffsetCommitRequestTopic {
    const o = new OffsetCommitRequestTopic();
    const flexible = v >= 8;
    o.name = (v >= 8 ? r.compactString() : r.string());
    const n1 = (v >= 8 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field Partitions was null');
    } else {
      const a2: OffsetCommitRequestPartition[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(OffsetCommitRequestPartition.read(r, v));
      o.partitions = a2;
    }
    if (flexible) {
      const count = r.unsignedVarint();
      for (let t = 0; t < count && r.error === null; t++) {
        const tag = r.unsignedVarint();
        const size = r.unsignedVarint();
        (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
      }
    }
    return o;
  }

  static write(w: Writer, v: number, o: OffsetCommitRequestTopic): void {
    const flexible = v >= 8;
    if (v >= 8) w.compactString(o.name);
    else w.string(o.name);
    if (v >= 8) w.compactArrayLength(o.partitions.length);
    else w.arrayLength(o.partitions.length);
    for (let i4 = 0; i4 < o.partitions.length; i4++) OffsetCommitRequestPartition.write(w, v, o.partitions[i4]!);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: OffsetCommitRequestTopic): number {
    let s = 0;
    const flexible = v >= 8;
    s += (v >= 8 ? sizeOfCompactString(o.name) : sizeOfString(o.name));
    s += (v >= 8 ? sizeOfCompactLength(o.partitions.length) : 4);
    for (let i5 = 0; i5 < o.partitions.length; i5++) s += OffsetCommitRequestPartition.size(v, o.partitions[i5]!);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = 0;
      if (u !== null) {
        count = u.length;
        s += sizeOfTaggedFields(u);
      }
      s += sizeOfUnsignedVarint(count);
    }
    return s;
  }

  /** True when every field holds its default value. */
  static isDefault(o: OffsetCommitRequestTopic): boolean {
    return (o.name === "") &&
      (o.partitions.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** OffsetCommitRequest: versions 0-9, flexible 8+. */
export class OffsetCommitRequest {
  static readonly messageName = 'OffsetCommitRequest';
  static readonly apiKey = 8;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 9;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 8;

  /** The unique group identifier. Versions 0-9. */
  groupId: string = "";
  /** The generation of the group if using the classic group protocol or the member epoch if using the consumer protocol. Versions 1-9. */
  generationIdOrMemberEpoch: number = -1;
  /** The member ID assigned by the group coordinator. Versions 1-9. */
  memberId: string = "";
  /** The unique identifier of the consumer instance provided by end user. Versions 7-9. */
  groupInstanceId: string | null = null;
  /** The time period in ms to retain the offset. Versions 2-4. */
  retentionTimeMs: bigint = -1n;
  /** The topics to commit offsets for. Versions 0-9. */
  topics: OffsetCommitRequestTopic[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): OffsetCommitRequest {
    const o = new OffsetCommitRequest();
    const flexible = v >= 8;
    o.groupId = (v >= 8 ? r.compactString() : r.string());
    if (v >= 1) {
      o.generationIdOrMemberEpoch = r.int32();
    }
    if (v >= 1) {
      o.memberId = (v >= 8 ? r.compactString() : r.string());
    }
    if (v >= 7) {
      o.groupInstanceId = (v >= 8 ? r.compactNullableString() : r.nullableString());
    }
    if (v >= 2 && v <= 4) {
      o.retentionTimeMs = r.int64();
    }
    const n1 = (v >= 8 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field Topics was null');
    } else {
      const a2: OffsetCommitRequestTopic[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(OffsetCommitRequestTopic.read(r, v));
      o.topics = a2;
    }
    if (flexible) {
      const count = r.unsignedVarint();
      for (let t = 0; t < count && r.error === null; t++) {
        const tag = r.unsignedVarint();
        const size = r.unsignedVarint();
        (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
      }
    }
    return o;
  }

  static write(w: Writer, v: number, o: OffsetCommitRequest): void {
    const flexible = v >= 8;
    if (v >= 8) w.compactString(o.groupId);
    else w.string(o.groupId);
    if (v >= 1) {
      w.int32(o.generationIdOrMemberEpoch);
    }
    if (v >= 1) {
      if (v >= 8) w.compactString(o.memberId);
      else w.string(o.memberId);
    }
    if (v >= 7) {
      if (v >= 8) w.compactNullableString(o.groupInstanceId);
      else w.nullableString(o.groupInstanceId);
    }
    if (!(v >= 7)) {
      if (!(o.groupInstanceId === null)) throw fieldNotSupported('GroupInstanceId', v);
    }
    if (v >= 2 && v <= 4) {
      w.int64(o.retentionTimeMs);
    }
    if (v >= 8) w.compactArrayLength(o.topics.length);
    else w.arrayLength(o.topics.length);
    for (let i4 = 0; i4 < o.topics.length; i4++) OffsetCommitRequestTopic.write(w, v, o.topics[i4]!);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: OffsetCommitRequest): number {
    let s = 0;
    const flexible = v >= 8;
    s += (v >= 8 ? sizeOfCompactString(o.groupId) : sizeOfString(o.groupId));
    if (v >= 1) {
      s += 4;
    }
    if (v >= 1) {
      s += (v >= 8 ? sizeOfCompactString(o.memberId) : sizeOfString(o.memberId));
    }
    if (v >= 7) {
      s += (o.groupInstanceId === null ? (v >= 8 ? 1 : 2) : (v >= 8 ? sizeOfCompactString(o.groupInstanceId) : sizeOfString(o.groupInstanceId)));
    }
    if (v >= 2 && v <= 4) {
      s += 8;
    }
    s += (v >= 8 ? sizeOfCompactLength(o.topics.length) : 4);
    for (let i5 = 0; i5 < o.topics.length; i5++) s += OffsetCommitRequestTopic.size(v, o.topics[i5]!);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = 0;
      if (u !== null) {
        count = u.length;
        s += sizeOfTaggedFields(u);
      }
      s += sizeOfUnsignedVarint(count);
    }
    return s;
  }

  /** True when every field holds its default value. */
  static isDefault(o: OffsetCommitRequest): boolean {
    return (o.groupId === "") &&
      (o.generationIdOrMemberEpoch === -1) &&
      (o.memberId === "") &&
      (o.groupInstanceId === null) &&
      (o.retentionTimeMs === -1n) &&
      (o.topics.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
