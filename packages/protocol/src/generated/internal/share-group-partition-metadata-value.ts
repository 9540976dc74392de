// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: internal/ShareGroupPartitionMetadataValue.json

import { ZERO_UUID, sizeOfCompactLength, sizeOfCompactString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField, Uuid } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class TopicInfo {
  /** The topic identifier. Versions 0-0. */
  topicId: Uuid = ZERO_UUID;
  /** The topic name. Versions 0-0. */
  topicName: string = "";
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): TopicInfo {
    const o = new TopicInfo();
    o.topicId = r.uuid();
    o.topicName = r.compactString();
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: TopicInfo): void {
    w.uuid(o.topicId);
    w.compactString(o.topicName);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: TopicInfo): number {
    let s = 0;
    s += 16;
    s += sizeOfCompactString(o.topicName);
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
  static isDefault(o: TopicInfo): boolean {
    return (o.topicId === ZERO_UUID) &&
      (o.topicName === "") &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class TopicPartitionsInfo {
  /** The topic identifier. Versions 0-0. */
  topicId: Uuid = ZERO_UUID;
  /** The topic name. Versions 0-0. */
  topicName: string = "";
  /** The partitions. Versions 0-0. */
  partitions: number[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): TopicPartitionsInfo {
    const o = new TopicPartitionsInfo();
    o.topicId = r.uuid();
    o.topicName = r.compactString();
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field Partitions was null');
    } else {
      const a2: number[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(r.int32());
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

  static write(w: Writer, v: number, o: TopicPartitionsInfo): void {
    w.uuid(o.topicId);
    w.compactString(o.topicName);
    w.compactArrayLength(o.partitions.length);
    for (let i4 = 0; i4 < o.partitions.length; i4++) w.int32(o.partitions[i4]!);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: TopicPartitionsInfo): number {
    let s = 0;
    s += 16;
    s += sizeOfCompactString(o.topicName);
    s += sizeOfCompactLength(o.partitions.length) + o.partitions.length * 4;
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
  static isDefault(o: TopicPartitionsInfo): boolean {
    return (o.topicId === ZERO_UUID) &&
      (o.topicName === "") &&
      (o.partitions.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** ShareGroupPartitionMetadataValue: versions 0, flexible 0+. */
export class ShareGroupPartitionMetadataValue {
  static readonly messageName = 'ShareGroupPartitionMetadataValue';
  static readonly lowestVersion = 0;
  static readonly highestVersion = 0;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 0;

  /** The topics with initialized share-group state. Versions 0-0. */
  initializedTopics: TopicPartitionsInfo[] = [];
  /** The topics whose share-group state is being deleted. Versions 0-0. */
  deletingTopics: TopicInfo[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): ShareGroupPartitionMetadataValue {
    const o = new ShareGroupPartitionMetadataValue();
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field InitializedTopics was null');
    } else {
      const a2: TopicPartitionsInfo[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(TopicPartitionsInfo.read(r, v));
      o.initializedTopics = a2;
    }
    const n4 = r.compactArrayLength();
    if (n4 < 0) {
      r.fail('non-nullable field DeletingTopics was null');
    } else {
      const a5: TopicInfo[] = [];
      for (let i6 = 0; i6 < n4 && r.error === null; i6++) a5.push(TopicInfo.read(r, v));
      o.deletingTopics = a5;
    }
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: ShareGroupPartitionMetadataValue): void {
    w.compactArrayLength(o.initializedTopics.length);
    for (let i7 = 0; i7 < o.initializedTopics.length; i7++) TopicPartitionsInfo.write(w, v, o.initializedTopics[i7]!);
    w.compactArrayLength(o.deletingTopics.length);
    for (let i8 = 0; i8 < o.deletingTopics.length; i8++) TopicInfo.write(w, v, o.deletingTopics[i8]!);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: ShareGroupPartitionMetadataValue): number {
    let s = 0;
    s += sizeOfCompactLength(o.initializedTopics.length);
    for (let i9 = 0; i9 < o.initializedTopics.length; i9++) s += TopicPartitionsInfo.size(v, o.initializedTopics[i9]!);
    s += sizeOfCompactLength(o.deletingTopics.length);
    for (let i10 = 0; i10 < o.deletingTopics.length; i10++) s += TopicInfo.size(v, o.deletingTopics[i10]!);
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
  static isDefault(o: ShareGroupPartitionMetadataValue): boolean {
    return (o.initializedTopics.length === 0) &&
      (o.deletingTopics.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
