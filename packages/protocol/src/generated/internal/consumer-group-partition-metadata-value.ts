// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: internal/ConsumerGroupPartitionMetadataValue.json

import { ZERO_UUID, sizeOfCompactLength, sizeOfCompactString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField, Uuid } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class PartitionMetadata {
  /** The partition number. Versions 0-0. */
  partition: number = 0;
  /** The set of racks that the partition is mapped to. Versions 0-0. */
  racks: string[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): PartitionMetadata {
    const o = new PartitionMetadata();
    o.partition = r.int32();
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field Racks was null');
    } else {
      const a2: string[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(r.compactString());
      o.racks = a2;
    }
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: PartitionMetadata): void {
    w.int32(o.partition);
    w.compactArrayLength(o.racks.length);
    for (let i4 = 0; i4 < o.racks.length; i4++) w.compactString(o.racks[i4]!);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: PartitionMetadata): number {
    let s = 0;
    s += 4;
    s += sizeOfCompactLength(o.racks.length);
    for (let i5 = 0; i5 < o.racks.length; i5++) s += sizeOfCompactString(o.racks[i5]!);
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
  static isDefault(o: PartitionMetadata): boolean {
    return (o.partition === 0) &&
      (o.racks.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class TopicMetadata {
  /** The topic id. Versions 0-0. */
  topicId: Uuid = ZERO_UUID;
  /** The topic name. Versions 0-0. */
  topicName: string = "";
  /** The number of partitions of the topic. Versions 0-0. */
  numPartitions: number = 0;
  /** Partitions mapped to a set of racks. If the rack information is unavailable for all the partitions, an empty list is stored Versions 0-0. */
  partitionMetadata: PartitionMetadata[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): TopicMetadata {
    const o = new TopicMetadata();
    o.topicId = r.uuid();
    o.topicName = r.compactString();
    o.numPartitions = r.int32();
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field PartitionMetadata was null');
    } else {
      const a2: PartitionMetadata[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(PartitionMetadata.read(r, v));
      o.partitionMetadata = a2;
    }
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: TopicMetadata): void {
    w.uuid(o.topicId);
    w.compactString(o.topicName);
    w.int32(o.numPartitions);
    w.compactArrayLength(o.partitionMetadata.length);
    for (let i4 = 0; i4 < o.partitionMetadata.length; i4++) PartitionMetadata.write(w, v, o.partitionMetadata[i4]!);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: TopicMetadata): number {
    let s = 0;
    s += 16;
    s += sizeOfCompactString(o.topicName);
    s += 4;
    s += sizeOfCompactLength(o.partitionMetadata.length);
    for (let i5 = 0; i5 < o.partitionMetadata.length; i5++) s += PartitionMetadata.size(v, o.partitionMetadata[i5]!);
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
  static isDefault(o: TopicMetadata): boolean {
    return (o.topicId === ZERO_UUID) &&
      (o.topicName === "") &&
      (o.numPartitions === 0) &&
      (o.partitionMetadata.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** ConsumerGroupPartitionMetadataValue: versions 0, flexible 0+. */
export class ConsumerGroupPartitionMetadataValue {
  static readonly messageName = 'ConsumerGroupPartitionMetadataValue';
  static readonly lowestVersion = 0;
  static readonly highestVersion = 0;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 0;

  /** The list of topic metadata. Versions 0-0. */
  topics: TopicMetadata[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): ConsumerGroupPartitionMetadataValue {
    const o = new ConsumerGroupPartitionMetadataValue();
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field Topics was null');
    } else {
      const a2: TopicMetadata[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(TopicMetadata.read(r, v));
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

  static write(w: Writer, v: number, o: ConsumerGroupPartitionMetadataValue): void {
    w.compactArrayLength(o.topics.length);
    for (let i4 = 0; i4 < o.topics.length; i4++) TopicMetadata.write(w, v, o.topics[i4]!);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: ConsumerGroupPartitionMetadataValue): number {
    let s = 0;
    s += sizeOfCompactLength(o.topics.length);
    for (let i5 = 0; i5 < o.topics.length; i5++) s += TopicMetadata.size(v, o.topics[i5]!);
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
  static isDefault(o: ConsumerGroupPartitionMetadataValue): boolean {
    return (o.topics.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
