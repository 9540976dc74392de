// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/AssignReplicasToDirsResponse.json

import { ZERO_UUID, sizeOfCompactLength, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField, Uuid } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class PartitionData {
  /** The partition index Versions 0-0. */
  partitionIndex: number = 0;
  /** The partition level error code Versions 0-0. */
  errorCode: number = 0;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): PartitionData {
    const o = new PartitionData();
    o.partitionIndex = r.int32();
    o.errorCode = r.int16();
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
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: PartitionData): number {
    let s = 0;
    s += 4;
    s += 2;
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
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class TopicData {
  /** The ID of the assigned topic Versions 0-0. */
  topicId: Uuid = ZERO_UUID;
  /** Versions 0-0. */
  partitions: PartitionData[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): TopicData {
    const o = new TopicData();
    o.topicId = r.uuid();
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
    w.uuid(o.topicId);
    w.compactArrayLength(o.partitions.length);
    for (let i4 = 0; i4 < o.partitions.length; i4++) PartitionData.write(w, v, o.partitions[i4]!);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: TopicData): number {
    let s = 0;
    s += 16;
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
    return (o.topicId === ZERO_UUID) &&
      (o.partitions.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class DirectoryData {
  /** The ID of the directory Versions 0-0. */
  id: Uuid = ZERO_UUID;
  /** Versions 0-0. */
  topics: TopicData[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): DirectoryData {
    const o = new DirectoryData();
    o.id = r.uuid();
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

  static write(w: Writer, v: number, o: DirectoryData): void {
    w.uuid(o.id);
    w.compactArrayLength(o.topics.length);
    for (let i4 = 0; i4 < o.topics.length; i4++) TopicData.write(w, v, o.topics[i4]!);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: DirectoryData): number {
    let s = 0;
    s += 16;
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
  static isDefault(o: DirectoryData): boolean {
    return (o.id === ZERO_UUID) &&
      (o.topics.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** AssignReplicasToDirsResponse: versions 0, flexible 0+. */
export class AssignReplicasToDirsResponse {
  static readonly messageName = 'AssignReplicasToDirsResponse';
  static readonly apiKey = 73;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 0;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 0;

  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0-0. */
  throttleTimeMs: number = 0;
  /** The top level response error code Versions 0-0. */
  errorCode: number = 0;
  /** Versions 0-0. */
  directories: DirectoryData[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): AssignReplicasToDirsResponse {
    const o = new AssignReplicasToDirsResponse();
    o.throttleTimeMs = r.int32();
    o.errorCode = r.int16();
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field Directories was null');
    } else {
      const a2: DirectoryData[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(DirectoryData.read(r, v));
      o.directories = a2;
    }
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: AssignReplicasToDirsResponse): void {
    w.int32(o.throttleTimeMs);
    w.int16(o.errorCode);
    w.compactArrayLength(o.directories.length);
    for (let i4 = 0; i4 < o.directories.length; i4++) DirectoryData.write(w, v, o.directories[i4]!);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: AssignReplicasToDirsResponse): number {
    let s = 0;
    s += 4;
    s += 2;
    s += sizeOfCompactLength(o.directories.length);
    for (let i5 = 0; i5 < o.directories.length; i5++) s += DirectoryData.size(v, o.directories[i5]!);
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
  static isDefault(o: AssignReplicasToDirsResponse): boolean {
    return (o.throttleTimeMs === 0) &&
      (o.errorCode === 0) &&
      (o.directories.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
